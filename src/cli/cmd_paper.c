/* relucert paper: a compact certified version of every claim of the
   central paper (Safran, Yehudai, Shamir, COLT 2021), written as
   certificates, re-checked, and summarised. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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

typedef struct
{
    const char * dir;
    int failures;       /* claims not proved or certificates not checked */
    int written;
    int jobs;
    int full;
    char ** paths;      /* every certificate written, checked at the end */
}
paper_t;

/* records DIR/name as a certificate to check at the end */
static void
add_path(paper_t * P, const char * name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", P->dir, name);
    P->paths = flint_realloc(P->paths, sizeof(char *) * (P->written + 1));
    P->paths[P->written++] = strdup(path);
}

/* writes root to DIR/name (checked by check_all at the end); steals root */
static int
save_cert(paper_t * P, const char * name, json_t * root)
{
    char path[4096];

    snprintf(path, sizeof path, "%s/%s", P->dir, name);
    if (cli_write_cert(path, root))
    {
        json_decref(root);
        fprintf(stderr, "relucert: %s: cannot write\n", path);
        P->failures++;
        return 1;
    }
    json_decref(root);
    add_path(P, name);
    return 0;
}

/* every certificate written, re-verified by the checker from its file,
   P->jobs at a time (FAILED lines printed) */
static void
check_all(paper_t * P)
{
    if (cli_check_files((const char * const *) P->paths, P->written, P->jobs, 1) != RC_EXIT_OK)
        P->failures++;
}

static void
part_convexity(paper_t * P)
{
    slong k;
    fmpq_t mu;
    rc_error_t err;
    double t0 = rc_clock_now();
    char line[512] = "";

    fmpq_init(mu);
    rc_number_parse_fmpq(mu, "0.045422528454052333", err);
    for (k = 2; k <= 6; k++)
    {
        rc_convcert_t c;
        fmpq_mat_t V;
        char name[64], buf[64];
        fmpq_mat_init(V, k, k);
        fmpq_mat_one(V);
        rc_convcert_init(c);
        rc_convcert_find(c, V, mu, RC_CONV_NEURON, P->full ? 4096 : 256, 128, err);
        if (c->verdict != RC_PROVED)
            P->failures++;
        snprintf(buf, sizeof buf, "%s%.3g", k == 2 ? "" : ", ", fmpq_get_d(c->radius));
        strcat(line, buf);
        snprintf(name, sizeof name, "convexity-k%ld.json", (long) k);
        save_cert(P, name, rc_convcert_to_json(c));
        rc_convcert_clear(c);
        fmpq_mat_clear(V);
    }
    printf("Thm 3   n = k, lambda_min >= (1/4 - 1/(2 pi))/2 on the per-neuron balls |w_i - v_i| <= r:\n"
           "        r = %s for k = 2..6 (%.1f s)\n", line, rc_clock_now() - t0);
    fmpq_clear(mu);
}

static void
part_landscape(paper_t * P)
{
    fmpq_t half;
    fmpq * eps = cli_powers_of_ten(1, 30), * eps79 = cli_powers_of_ten(1, 14), * lam = cli_powers_of_ten(1, 12);
    int all1, all2, all3;
    double t0 = rc_clock_now();

    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    save_cert(P, "nonconvex-k3-n4.json", rc_noncvx_to_json(3, 4, 3, half, half, eps, 30, &all1));
    save_cert(P, "opsc-fails-k3.json",
                   rc_thm79_to_json(0, 3, 3, half, half, eps79, 14, lam, 12, &all2));
    save_cert(P, "pl-fails-k3.json",
                   rc_thm79_to_json(1, 3, 3, half, half, eps79, 14, lam, 12, &all3));
    P->failures += !all1 + !all2 + !all3;
    printf("Thm 4   n = k + 1 (k = 3): negative curvature at distance 0.71 eps, eps = 1e-1..1e-30,\n"
           "        matching the closed form: %s\n", all1 ? "proved" : "NOT all proved");
    printf("Thm 7,9 OPSC and PL ratios below lambda at distance sqrt(2) lambda/10,\n"
           "        lambda = 1e-1..1e-12: %s, %s (%.1f s)\n", all2 ? "proved" : "NOT all proved",
           all3 ? "proved" : "NOT all proved", rc_clock_now() - t0);
    fmpq_clear(half);
    cli_fmpq_list_clear(eps, 30);
    cli_fmpq_list_clear(eps79, 14);
    cli_fmpq_list_clear(lam, 12);
}

static void
part_opsc(paper_t * P)
{
    static const slong compact[][2] = {{3, 2}, {5, 2}};
    static const slong grid[][2] = {{5, 2}, {5, 5}, {5, 10}, {10, 2}, {10, 5}, {10, 10},
                                    {20, 2}, {20, 5}, {20, 10}};
    slong ncells = P->full ? 9 : 2, samples = P->full ? 1000 : 20, c;
    int adv;
    double t0 = rc_clock_now();

    for (c = 0; c < ncells; c++)
        for (adv = 0; adv <= 1; adv++)
        {
            rc_opsc_params_t p;
            json_t * root, * sum;
            char name[64], lo[64];
            slong a, b;
            rc_opsc_params_init(p);
            p->k = P->full ? grid[c][0] : compact[c][0];
            p->m = P->full ? grid[c][1] : compact[c][1];
            p->samples = samples;
            p->seed = 1;
            p->adversarial = adv;
            p->prec = 128;
            fmpq_set_si(p->sigma2, 1, 100000);
            fmpq_one(p->radius);
            fmpq_set_si(p->lambda, 1, 100);
            /* progress on a terminal for the full grid (minutes per cell) */
            root = rc_opsc_assemble(p, cli_opsc_parallel(p, P->jobs, P->full && isatty(2)));
            sum = json_object_get(root, "summary");
            a = json_integer_value(json_object_get(sum, adv ? "opsc_lambda_refuted" : "opsc_proved"));
            b = json_integer_value(json_object_get(sum, "conj12_proved"));
            cli_short_bound(lo, sizeof lo, json_object_get(sum, adv ? "smallest_c_U" : "smallest_lam_U"), 1);
            if (a < samples || b < samples)
                P->failures++;
            if (!adv)
                printf("%s  k = %ld, m = %ld, %ld Gaussian directions: OPSC %ld/%ld, Conj. 12 %ld/%ld, "
                       "lam_U >= %s\n", c == 0 ? "Thm 10" : "      ", (long) p->k, (long) p->m,
                       (long) samples, (long) a, (long) samples, (long) b, (long) samples, lo);
            else
                printf("        %ld adversarial: OPSC(1/100) refuted %ld/%ld, Conj. 12 on (0, 1] %ld/%ld, "
                       "c_U >= %s\n", (long) samples, (long) a, (long) samples, (long) b,
                       (long) samples, lo);
            fflush(stdout);
            snprintf(name, sizeof name, "opsc-k%ld-m%ld-%s.json", (long) p->k, (long) p->m,
                     adv ? "adversarial" : "gaussian");
            save_cert(P, name, root);
            rc_opsc_params_clear(p);
        }
    printf("        (%.1f s)\n", rc_clock_now() - t0);
}

/* the dataset part: every record with k <= kmax certified (rc_certify_minimum_point)
   in a worker process, which writes its certificate and reports one line */
typedef struct
{
    paper_t * P;
    const char * dataset;
    char ** line;
    slong * lineno, * k, * idx;
    slong nok, nglob, nspur, nrep, nseen;
    double worst, minlam;
}
minima_ctx;

static void
minima_work(FILE * out, slong i, void * ctx)
{
    minima_ctx * M = ctx;
    rc_point_t pt;
    rc_error_t err;
    rc_certify_minimum_params_t o;
    json_t * root = NULL;
    int ok = 0, glob = 0, wrote = 0;
    double worst = -1e300, minlam = 1e300;
    char src[128], name[64], path[4096], pathl[512];

    rc_certify_minimum_params_init(o);   /* prec 256, alpha 1/2, auto */
    snprintf(src, sizeof src, "safran2021-minima.jsonl:k=%ld:index=%ld", (long) M->k[i],
             (long) M->idx[i]);
    rc_point_init(pt);
    if (rc_point_set_dataset_record(pt, M->line[i], M->dataset, M->lineno[i], err) == 0
        && rc_certify_minimum_point(&root, pathl, sizeof pathl, pt, src, o, err) == 0)
    {
        const json_t * lam = json_object_get(json_object_get(root, "witnesses"), "lambda_lower");
        ok = json_is_true(json_object_get(root, "success"));
        glob = strcmp(cli_claim_verdict(root, "non_global"), "refuted") == 0;
        if (ok && !glob)
        {
            const json_t * w = cli_worst_split(root);
            fmpq_t x;
            fmpq_init(x);
            /* the exact strings are bounds; their doubles only for display */
            if (w != NULL && rc_json_get_fmpq(x, w, "", err) == 0)
                worst = fmpq_get_d(x);
            if (lam != NULL && rc_json_get_fmpq(x, lam, "", err) == 0)
                minlam = fmpq_get_d(x);
            fmpq_clear(x);
        }
        snprintf(name, sizeof name, "minimum-k%03ld-%04ld.json", (long) M->k[i], (long) M->idx[i]);
        snprintf(path, sizeof path, "%s/%s", M->P->dir, name);
        wrote = cli_write_cert(path, root) == 0;
        json_decref(root);
        fprintf(out, "%ld\t%d\t%d\t%d\t%.17g\t%.17g\t%s\n", (long) i, wrote, ok, glob, worst, minlam,
                wrote ? "" : "cannot write the certificate");
    }
    else
        fprintf(out, "%ld\t0\t0\t0\t0\t0\t%s\n", (long) i, err->msg);
    rc_point_clear(pt);
    rc_certify_minimum_params_clear(o);
}

static void
minima_line(char * text, void * ctx)
{
    minima_ctx * M = ctx;
    long i;
    int wrote, ok, glob, n = 0;
    double worst, minlam;
    char name[64];

    if (sscanf(text, "%ld\t%d\t%d\t%d\t%lg\t%lg\t%n", &i, &wrote, &ok, &glob, &worst, &minlam, &n) < 6
        || i < 0 || i >= M->nrep)
        return;
    M->nseen++;
    if (M->P->full && isatty(2))
        fprintf(stderr, "\rSec. 4: %ld/%ld records", (long) M->nseen, (long) M->nrep);
    if (wrote)
    {
        snprintf(name, sizeof name, "minimum-k%03ld-%04ld.json", (long) M->k[i], (long) M->idx[i]);
        add_path(M->P, name);
    }
    else
    {
        char * nl = strchr(text + n, '\n');
        if (nl != NULL)
            *nl = '\0';
        fprintf(stderr, "relucert: %s\n", text + n);
        M->P->failures++;
    }
    if (!ok)
    {
        M->P->failures++;
        return;
    }
    M->nok++;
    if (glob)
        M->nglob++;
    else
    {
        M->nspur++;
        M->worst = FLINT_MAX(M->worst, worst);
        M->minlam = FLINT_MIN(M->minlam, minlam);
    }
}

static void
part_minima(paper_t * P, const char * dataset, slong kmax)
{
    FILE * f = fopen(dataset, "r");
    char * line = NULL;
    size_t cap = 0;
    slong lineno = 0, i;
    double t0 = rc_clock_now();
    minima_ctx M;

    if (f == NULL)
    {
        fprintf(stderr, "relucert: %s: cannot open: %s\n", dataset, strerror(errno));
        P->failures++;
        return;
    }
    memset(&M, 0, sizeof M);
    M.P = P;
    M.dataset = dataset;
    M.worst = -1e300;
    M.minlam = 1e300;
    while (getline(&line, &cap, f) > 0)
    {
        json_t * rec;
        json_error_t je;
        slong k;
        lineno++;
        rec = json_loads(line, 0, &je);
        if (rec == NULL)
            continue;
        k = json_integer_value(json_object_get(rec, "k"));
        if (k <= kmax)
        {
            M.line = flint_realloc(M.line, sizeof(char *) * (M.nrep + 1));
            M.lineno = flint_realloc(M.lineno, sizeof(slong) * (M.nrep + 1));
            M.k = flint_realloc(M.k, sizeof(slong) * (M.nrep + 1));
            M.idx = flint_realloc(M.idx, sizeof(slong) * (M.nrep + 1));
            M.line[M.nrep] = strdup(line);
            M.lineno[M.nrep] = lineno;
            M.k[M.nrep] = k;
            M.idx[M.nrep] = json_integer_value(json_object_get(rec, "index"));
            M.nrep++;
        }
        json_decref(rec);
    }
    free(line);
    fclose(f);
    /* the file records are in increasing k: the largest first */
    i = cli_workers(P->jobs, M.nrep, 1, minima_work, minima_line, &M);
    if (P->full && isatty(2))
        fputc('\n', stderr);
    if (i != 0 || M.nseen < M.nrep)
    {
        fprintf(stderr, "relucert: %ld of %ld dataset records not reported by their worker\n",
                (long) (M.nrep - M.nseen), (long) M.nrep);
        P->failures++;
    }

    printf("Sec. 4  dataset, k <= %ld: %ld of %ld records certified (%ld non-global minima,\n"
           "        %ld global); every non-global one a strict minimum (lambda_min >= %.3g)\n"
           "        that becomes a strict saddle when any neuron is split (curvature <= %.3g)\n"
           "        (%.1f s)\n", (long) kmax, (long) M.nok, (long) M.nrep, (long) M.nspur,
           (long) M.nglob, M.minlam, M.worst, rc_clock_now() - t0);
    for (i = 0; i < M.nrep; i++)
        free(M.line[i]);
    flint_free(M.line);
    flint_free(M.lineno);
    flint_free(M.k);
    flint_free(M.idx);
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
    paper_t P;
    const char * dataset = NULL;
    char dsbuf[4096];
    int c;
    slong jobs = FLINT_MAX(1, FLINT_MIN(sysconf(_SC_NPROCESSORS_ONLN), 256)), i;
    double t0 = rc_clock_now();

    P.dir = "relucert-paper";
    P.failures = 0;
    P.written = 0;
    P.full = 0;
    P.paths = NULL;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'o': P.dir = optarg; break;
            case 'D': dataset = optarg; break;
            case 'F': P.full = 1; break;
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
    P.jobs = (int) jobs;
    if (mkdir(P.dir, 0777) != 0 && errno != EEXIST)
        return cli_fail("%s: cannot create directory: %s", P.dir, strerror(errno));

    printf("relucert %s: certified claims of Safran, Yehudai, Shamir (COLT 2021)\n",
           rc_version_relucert());
    fflush(stdout);
    part_convexity(&P);
    fflush(stdout);
    part_landscape(&P);
    fflush(stdout);
    part_opsc(&P);
    fflush(stdout);
    part_minima(&P, dataset, P.full ? 100 : 12);
    fflush(stdout);
    check_all(&P);
    printf("%d certificates in %s/, each re-verified by the checker: %s (%.0f s in all)\n",
           P.written, P.dir, P.failures ? "NOT ALL OK" : "all ok", rc_clock_now() - t0);
    for (i = 0; i < P.written; i++)
        free(P.paths[i]);
    flint_free(P.paths);
    return P.failures ? RC_EXIT_UNPROVED : RC_EXIT_OK;
}
