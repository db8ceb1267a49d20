/* relucert overparam: the arguments, the table and the figure; the work is
   rc_overparam_run (src/workflow/overparam.c). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char * overparam_usage =
"Usage: relucert overparam [--k-min A] [--k-max B] [--s LIST] [--runs R]\n"
"                          [--seed S] [--jobs J] [--out-dir DIR]\n"
"                          [--shard I/N] [--figure FILE] [--prec BITS]\n"
"\n"
"The non-global minima of over-parameterized students: for every k in\n"
"A..B (default 6..20) and every s in LIST (comma-separated, default 1), a\n"
"seeded search (relucert search --n k+s --method lbfgs, R runs, default\n"
"30, seed S, default 1) for the teacher I_k, then a minimum certificate\n"
"for every distinct non-global minimum it found (the dense path: strict\n"
"minimum, F > 0, every one-neuron split a strict saddle of n + 1 neurons).\n"
"\n"
"One line per case on stdout: the search's counts (floating point: runs\n"
"that reached zero loss, a non-global minimum, a saddle, nothing), the\n"
"number of distinct non-global minima found, and how many of them are\n"
"certified. These are the minima a search found, not all minima. DIR\n"
"(default relucert-overparam/) holds per case kKKK-sS/search.jsonl, its\n"
"counts (case.json) and the certificates (minimum-kKKK-IIII.json, checked\n"
"by 'relucert check', printed by 'relucert latex'); a case already there\n"
"for the same runs and seed is not searched again and its certificates\n"
"are re-verified. --shard I/N runs the cases I, I + N, ... (ordered by s,\n"
"then k); a run without --shard afterwards gives the whole table.\n"
"--figure FILE writes the figure (certified minima against k, one curve\n"
"per s): an SVG image when FILE ends in .svg, else a LaTeX document\n"
"(pgfplots).\n"
"\n"
"Exit status: 0 every minimum found is certified, 1 some is not, 2 bad\n"
"input or an unwritable directory.\n";

/* "1,2,3" into s[0..*ns-1] */
static int
parse_s_list(slong * s, slong * ns, const char * arg)
{
    const char * p = arg;
    *ns = 0;
    while (*p)
    {
        char buf[32];
        size_t l = strcspn(p, ",");
        if (l == 0 || l >= sizeof buf || *ns >= RC_OVERPARAM_MAX_S)
            return cli_fail("--s: expected up to %d comma-separated integers in 1..100, "
                            "found '%s'", RC_OVERPARAM_MAX_S, arg);
        memcpy(buf, p, l);
        buf[l] = 0;
        if (cli_parse_slong(s + *ns, "--s", buf, 1, 100))
            return RC_EXIT_BADINPUT;
        (*ns)++;
        p += l;
        if (*p == ',')
            p++;
        if (*p == 0 && p[-1] == ',')
            return cli_fail("--s: expected an integer after the last comma, found '%s'", arg);
    }
    if (*ns == 0)
        return cli_fail("--s: expected at least one integer, found '%s'", arg);
    return 0;
}

int
cmd_overparam(int argc, char ** argv)
{
    static struct option opts[] = {
        {"k-min", required_argument, 0, 'a'},
        {"k-max", required_argument, 0, 'b'},
        {"s", required_argument, 0, 's'},
        {"runs", required_argument, 0, 'r'},
        {"seed", required_argument, 0, 'S'},
        {"jobs", required_argument, 0, 'j'},
        {"out-dir", required_argument, 0, 'o'},
        {"shard", required_argument, 0, 'H'},
        {"figure", required_argument, 0, 'f'},
        {"prec", required_argument, 0, 'p'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    rc_overparam_params_t par;
    rc_overparam_t T;
    cli_progress_t progress;
    rc_error_t err;
    const char * figure = NULL;
    slong seed = 1, i, nfound = 0, ncert = 0;
    int c, res;

    rc_overparam_params_init(par);
    par->jobs = FLINT_MAX(1, FLINT_MIN(sysconf(_SC_NPROCESSORS_ONLN), 256));
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'a': if (cli_parse_slong(&par->k_min, "--k-min", optarg, 1, 1000)) return RC_EXIT_BADINPUT; break;
            case 'b': if (cli_parse_slong(&par->k_max, "--k-max", optarg, 1, 1000)) return RC_EXIT_BADINPUT; break;
            case 's': if (parse_s_list(par->s, &par->ns, optarg)) return RC_EXIT_BADINPUT; break;
            case 'r': if (cli_parse_slong(&par->runs, "--runs", optarg, 1, 100000000)) return RC_EXIT_BADINPUT; break;
            case 'S': if (cli_parse_slong(&seed, "--seed", optarg, 0, WORD_MAX)) return RC_EXIT_BADINPUT; break;
            case 'j': if (cli_parse_slong(&par->jobs, "--jobs", optarg, 1, 256)) return RC_EXIT_BADINPUT; break;
            case 'o': par->out_dir = optarg; break;
            case 'H': if (cli_parse_shard(&par->shard_i, &par->shard_n, optarg)) return RC_EXIT_BADINPUT; break;
            case 'f': figure = optarg; break;
            case 'p': if (cli_parse_slong(&par->prec, "--prec", optarg, 16, 1L << 20)) return RC_EXIT_BADINPUT; break;
            case 'h': fputs(overparam_usage, stdout); return RC_EXIT_OK;
            default:
                return cli_fail("overparam: unknown or incomplete option '%s' (see "
                                "'relucert overparam --help')", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_fail("overparam: unexpected argument '%s'", argv[optind]);
    if (par->k_max < par->k_min)
        return cli_fail("overparam: expected --k-min <= --k-max, found %ld > %ld",
                        (long) par->k_min, (long) par->k_max);
    par->seed = (uint64_t) seed;
    cli_progress_init(&progress);
    rc_overparam_init(T);
    res = rc_overparam_run(T, par, cli_progress, &progress, err);
    if (res == 2)
    {
        rc_overparam_clear(T);
        return cli_fail("%s", err->msg);
    }
    printf("%4s %2s %4s %5s %10s %13s %8s %12s %11s %9s %8s\n", "", "", "", "",
           "search:", "(floating", "point)", "", "found", "", "");
    printf("%4s %2s %4s %5s %10s %13s %8s %12s %11s %9s %8s\n", "k", "s", "n", "runs",
           "zero loss", "min, F > 0", "saddle", "no converge", "distinct", "certified",
           "time");
    for (i = 0; i < T->nrows; i++)
    {
        const rc_overparam_row_struct * r = T->rows + i;
        printf("%4ld %2ld %4ld %5ld %10ld %13ld %8ld %12ld %11ld %9ld %7.1fs\n", (long) r->k,
               (long) r->s, (long) (r->k + r->s), (long) r->runs, (long) r->zero_loss_runs,
               (long) r->spurious_runs, (long) r->saddle_runs, (long) r->unconverged_runs,
               (long) r->spurious_points, (long) r->certified, r->seconds);
        nfound += r->spurious_points;
        ncert += r->certified;
    }
    printf("overparam: %ld distinct minima with F > 0 found by the searches (floating "
           "point), %ld of them certified strict non-global minima whose every one-neuron "
           "split is a strict saddle (certificates in %s/), %ld not\n", (long) nfound,
           (long) ncert, par->out_dir, (long) (nfound - ncert));
    if (figure != NULL)
    {
        FILE * f = fopen(figure, "w");
        if (f == NULL)
            res = cli_fail("%s: cannot write: %s", figure, strerror(errno));
        else
        {
            size_t l = strlen(figure);
            if (l >= 4 && strcmp(figure + l - 4, ".svg") == 0)
                rc_overparam_figure_svg(f, T);
            else
                rc_overparam_figure_write(f, T, 1);
            if (fclose(f) != 0)
                res = cli_fail("%s: cannot write", figure);
        }
    }
    rc_overparam_clear(T);
    return res == 0 ? RC_EXIT_OK : res == 1 ? RC_EXIT_UNPROVED : res;
}
