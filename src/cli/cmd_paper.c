/* relucert paper: the options of rc_paper_run (src/workflow/paper.c) and
   the summary lines, printed as its phases end. */
#include <errno.h>
#include <getopt.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"


static const char * paper_usage =
"Usage: relucert paper [--out DIR] [--dataset FILE] [--full] [--jobs N]\n"
"\n"
"Reproduces, certified, a compact version of every claim of Safran, Yehudai\n"
"and Shamir (COLT 2021) and writes the certificates to DIR (default\n"
"relucert-paper/):\n"
"  strong convexity on the per-neuron balls |w_i - v_i| <= r (the paper's\n"
"    U_r) with a certified r for n = k, k = 2..6 (Thm 3; the neighbourhood\n"
"    subdivided with 256 Hessian enclosures per radius, 4096 with --full)\n"
"  negative curvature near an over-parameterized minimum, eps to 1e-30 (Thm 4)\n"
"  failure of OPSC and of PL in every neighbourhood (Thms 7, 9)\n"
"  OPSC and Conjecture 12 along sampled directions, k = 3, m = 2 and\n"
"    k = 5, m = 2, 20 Gaussian + 20 adversarial each (Thm 10, App. D.1;\n"
"    with --full the whole Appendix D.1 grid: k in {5, 10, 20}, m in\n"
"    {2, 5, 10}, 1,000 Gaussian + 1,000 adversarial each)\n"
"  every record of the dataset with k <= 12 (all 2,235, k <= 100, with\n"
"    --full): a strict local minimum, non-global, a strict saddle after\n"
"    adding a neuron (Sec. 4), on the symmetry-reduced path\n"
"then re-verifies every certificate with the checker and prints a summary.\n"
"Work is spread over N worker processes (default: the online CPUs); the\n"
"certificates do not depend on N. --full (2,261 certificates) takes about\n"
"30 to 45 minutes on 2 cores.\n"
"The dataset is FILE, else the first of data/safran2021-minima.jsonl (in\n"
"the current directory), data/ next to the relucert executable, the source\n"
"tree's data/ (" RC_SRCDATADIR ") and the installed copy (" RC_PKGDATADIR ").\n"
"\n"
"Exit status: 0 every claim proved and every certificate checked, 1\n"
"otherwise, 2 bad input.\n";

/* the command's progress callback: a part's summary lines when it ends
   (stdout), the FAILED lines of the final check (stdout), the other errors
   (stderr), and the bars of the long phases on a terminal (with --full, as
   the compact run is quick) */
typedef struct
{
    const rc_paper_struct * P;
    int full;
    cli_progress_t bar;
}
paper_print_t;

static void
print_opsc(const rc_paper_opsc_struct * o, int first)
{
    char lo[64];
    json_t * b = o->bound ? json_string(o->bound) : NULL;

    rc_report_short_bound(lo, sizeof lo, b, 1);
    json_decref(b);
    if (!o->adversarial)
        printf("%s  k = %ld, m = %ld, %ld Gaussian directions: OPSC %ld/%ld, Conj. 12 %ld/%ld, "
               "lam_U >= %s\n", first ? "Thm 10" : "      ", (long) o->k, (long) o->m,
               (long) o->samples, (long) o->opsc, (long) o->samples, (long) o->conj12,
               (long) o->samples, lo);
    else
        printf("        %ld adversarial: OPSC(1/100) refuted %ld/%ld, Conj. 12 on (0, 1] %ld/%ld, "
               "c_U >= %s\n", (long) o->samples, (long) o->opsc, (long) o->samples,
               (long) o->conj12, (long) o->samples, lo);
}

static void
paper_progress(const rc_progress_t * p, void * ctx)
{
    paper_print_t * S = ctx;
    const rc_paper_struct * P = S->P;

    if (p->kind == RC_PROGRESS_ERROR)
    {
        if (strcmp(p->phase, RC_PAPER_CHECK) == 0)
            printf("%s\n", p->text);
        else
            cli_progress(p, &S->bar);
        return;
    }
    if (strcmp(p->phase, RC_PAPER_CHECK) == 0
        || (S->full && (strcmp(p->phase, RC_PAPER_MINIMA) == 0
                        || strcmp(p->phase, "certify opsc") == 0)))
    {
        cli_progress(p, &S->bar);
        return;
    }
    if (cli_progress_mode == CLI_PROGRESS_ALWAYS)
        cli_progress(p, &S->bar);     /* every phase, also into a pipe */
    if (strcmp(p->phase, RC_PAPER_OPSC) == 0 && p->kind == RC_PROGRESS_STEP)
        print_opsc(P->opsc + p->done - 1, p->done == 1);
    if (p->kind != RC_PROGRESS_END)
        return;
    if (strcmp(p->phase, RC_PAPER_CONVEXITY) == 0)
        printf("Thm 3   n = k, lambda_min >= (1/4 - 1/(2 pi))/2 on the per-neuron balls |w_i - v_i| <= r:\n"
               "        r = %.3g, %.3g, %.3g, %.3g, %.3g for k = 2..6 (%.1f s)\n", P->radius[0],
               P->radius[1], P->radius[2], P->radius[3], P->radius[4], P->seconds[0]);
    else if (strcmp(p->phase, RC_PAPER_LANDSCAPE) == 0)
    {
        printf("Thm 4   n = k + 1 (k = 3): negative curvature at distance 0.71 eps, eps = 1e-1..1e-30,\n"
               "        matching the closed form: %s\n", P->thm4 ? "proved" : "NOT all proved");
        printf("Thm 7,9 OPSC and PL ratios below lambda at distance sqrt(2) lambda/10,\n"
               "        lambda = 1e-1..1e-12: %s, %s (%.1f s)\n", P->thm7 ? "proved" : "NOT all proved",
               P->thm9 ? "proved" : "NOT all proved", P->seconds[1]);
    }
    else if (strcmp(p->phase, RC_PAPER_OPSC) == 0)
        printf("        (%.1f s)\n", P->seconds[2]);
    else if (strcmp(p->phase, RC_PAPER_MINIMA) == 0)
        printf("Sec. 4  dataset, k <= %ld: %ld of %ld records certified (%ld non-global minima,\n"
               "        %ld global); every non-global one a strict minimum (lambda_min >= %.3g)\n"
               "        that becomes a strict saddle when any neuron is split (curvature <= %.3g)\n"
               "        (%.1f s)\n", (long) P->minima_kmax, (long) P->minima_certified,
               (long) P->minima_records, (long) P->minima_nonglobal, (long) P->minima_global,
               P->minima_lambda, P->minima_split, P->seconds[3]);
    else if (strcmp(p->phase, RC_PAPER_OVERPARAM) == 0)
        printf("n = k+1 over-parameterized students (teacher I_k), k <= %ld: %ld of %ld minima\n"
               "        that relucert overparam found certified strict non-global minima whose\n"
               "        every split is a strict saddle of k + 2 neurons (%.1f s)\n",
               (long) P->overparam_kmax, (long) P->overparam_certified,
               (long) P->overparam_records, P->seconds[5]);
    fflush(stdout);
}

int
cmd_paper(int argc, char ** argv)
{
    static struct option opts[] = {
        {"out", required_argument, 0, 'o'},
        {"dataset", required_argument, 0, 'D'},
        {"full", no_argument, 0, 'F'},
        {"jobs", required_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    rc_paper_params_t par;
    rc_paper_t P;
    paper_print_t S;
    rc_error_t err;
    const char * dataset = NULL;
    char dsbuf[4096];
    int c, res;
    slong jobs = FLINT_MAX(1, FLINT_MIN(sysconf(_SC_NPROCESSORS_ONLN), 256));
    double t0 = rc_clock_now();

    rc_paper_params_init(par);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'o': par->dir = optarg; break;
            case 'D': dataset = optarg; break;
            case 'F': par->full = 1; break;
            case 'j':
                if (cli_parse_slong(&jobs, "--jobs", optarg, 1, 256))
                    return RC_EXIT_BADINPUT;
                break;
            case 'h': fputs(paper_usage, stdout); return RC_EXIT_OK;
            default:
                return cli_fail("paper: unknown or incomplete option '%s' (see 'relucert paper --help')",
                                argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_fail("paper: unexpected argument '%s'", argv[optind]);
    if (dataset == NULL && (dataset = cli_default_dataset(dsbuf, sizeof dsbuf)) == NULL)
        return cli_fail("cannot find the dataset safran2021-minima.jsonl in data/, next to "
                        "the relucert executable, in the source tree (%s) or in %s "
                        "(give --dataset FILE)", RC_SRCDATADIR, RC_PKGDATADIR);
    if (access(dataset, R_OK) != 0)
        return cli_fail("%s: cannot read the dataset (give --dataset FILE)", dataset);
    par->jobs = (int) jobs;
    par->dataset = dataset;
    rc_paper_init(P);
    S.P = P;
    S.full = par->full;
    cli_progress_init(&S.bar);
    /* the directory first: a bad --out is one line, before the title */
    if (mkdir(par->dir, 0777) != 0 && errno != EEXIST)
    {
        rc_paper_clear(P);
        return cli_fail("%s: cannot create directory: %s", par->dir, strerror(errno));
    }
    printf("relucert %s: certified claims of Safran, Yehudai, Shamir (COLT 2021)\n",
           rc_version_relucert());
    fflush(stdout);
    res = rc_paper_run(P, par, paper_progress, &S, err);
    if (res == 2)
        cli_fail("%s", err->msg);
    else
        printf("%ld certificates in %s/, each re-verified by the checker: %s (%.0f s in all)\n",
               (long) P->written, par->dir, P->failures ? "NOT ALL OK" : "all ok",
               rc_clock_now() - t0);
    rc_paper_clear(P);
    rc_paper_params_clear(par);
    return res == 2 ? RC_EXIT_BADINPUT : res ? RC_EXIT_UNPROVED : RC_EXIT_OK;
}
