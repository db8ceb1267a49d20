/* relucert search: the arguments, the teacher, the records and the
   summary; the search itself is rc_search_run (src/workflow/search.c). */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char * search_usage =
"Usage: relucert search --k K [--n N] [--teacher FILE] --runs R --seed S\n"
"                       [--out FILE] [--jobs J] [--max-iter M]\n"
"                       [--method gd|lbfgs] [--step H]\n"
"\n"
"Runs R local searches from W0 with i.i.d. N(0, 1/k) entries: with\n"
"--method gd (the default when N = K) gradient descent as in the paper,\n"
"step H = 5/k by default, until |grad F| <= 1e-12 or M steps (default\n"
"10^6); with --method lbfgs (the default when N != K) limited-memory BFGS\n"
"with a backtracking line search until |grad F| <= 1e-9, F <= 1e-11 (N > K:\n"
"a zero-loss run, counted, not written), 200 iterations without progress\n"
"or M iterations (default 10^4), passed to Newton when |grad F| <= 1e-5; for\n"
"the teacher V = I_K (or the teacher of FILE: a point file, whose student is\n"
"ignored, or a NumPy array V.npy read exactly) and a student of N neurons (default K), refines every end point by\n"
"Newton's method at 192 bits, drops saddles (a negative Hessian eigenvalue)\n"
"and unconverged runs, merges end points equal up to symmetry (permutations\n"
"of neurons, and for V = I of coordinates), and writes one JSON line per\n"
"distinct point in the dataset's format (k, index, kind, p, vals,\n"
"multiplicity, min_hessian_eig, grad_norm, norm_sum) plus \"loss\", \"n\" and\n"
"\"rows\" (the refined point to 40 digits; \"teacher\" for a general teacher).\n"
"The output feeds 'relucert certify minimum --dataset'.\n"
"\n"
"Seeded: run r starts from stream r of the generator of relucert(1), so\n"
"the output does not depend on --jobs. Progress on stderr (--progress of\n"
"relucert(1)); a summary line on stderr at the end.\n"
"\n"
"The paper's step 5/k suits V = I; a general teacher may need a smaller\n"
"--step (descent oscillates when the step exceeds 2 / the Hessian's norm).\n"
"\n"
"Exit status: 0 done, 2 bad input.\n";

int
cmd_search(int argc, char ** argv)
{
    static struct option opts[] = {
        {"k", required_argument, 0, 'k'},
        {"n", required_argument, 0, 'n'},
        {"teacher", required_argument, 0, 't'},
        {"runs", required_argument, 0, 'r'},
        {"seed", required_argument, 0, 's'},
        {"out", required_argument, 0, 'o'},
        {"jobs", required_argument, 0, 'j'},
        {"max-iter", required_argument, 0, 'm'},
        {"step", required_argument, 0, 'S'},
        {"method", required_argument, 0, 'M'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    rc_search_params_t o;
    rc_search_t S;
    cli_progress_t progress;
    fmpq_mat_t Vq;
    slong seed = -1, k = -1, n = -1;
    const char * teacher = NULL, * outpath = NULL;
    int c, res = RC_EXIT_BADINPUT;
    FILE * out = stdout;
    rc_point_t pt;
    rc_error_t err;

    rc_search_params_init(o);
    o->jobs = FLINT_MAX(1, FLINT_MIN(sysconf(_SC_NPROCESSORS_ONLN), 256));
    o->runs = -1;
    rc_search_init(S);
    fmpq_mat_init(Vq, 0, 0);
    rc_point_init(pt);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'k': if (cli_parse_slong(&k, "--k", optarg, 1, 1000)) goto out; break;
            case 'n': if (cli_parse_slong(&n, "--n", optarg, 1, 1000)) goto out; break;
            case 't': teacher = optarg; break;
            case 'r': if (cli_parse_slong(&o->runs, "--runs", optarg, 1, 100000000)) goto out; break;
            case 's': if (cli_parse_slong(&seed, "--seed", optarg, 0, WORD_MAX)) goto out; break;
            case 'o': outpath = optarg; break;
            case 'j': if (cli_parse_slong(&o->jobs, "--jobs", optarg, 1, 256)) goto out; break;
            case 'm': if (cli_parse_slong(&o->max_iter, "--max-iter", optarg, 1, WORD_MAX)) goto out; break;
            case 'S':
            {
                fmpq_t q;
                fmpq_init(q);
                if (cli_parse_fmpq(q, "--step", optarg))
                {
                    fmpq_clear(q);
                    goto out;
                }
                o->step = fmpq_get_d(q);
                fmpq_clear(q);
                if (!(o->step > 0 && o->step < 1e6))
                {
                    cli_fail("--step: expected a positive step size, found '%s'", optarg);
                    goto out;
                }
                break;
            }
            case 'M':
                if (strcmp(optarg, "gd") == 0)
                    o->method = RC_SEARCH_GD;
                else if (strcmp(optarg, "lbfgs") == 0)
                    o->method = RC_SEARCH_LBFGS;
                else
                {
                    cli_fail("--method: expected gd or lbfgs, found '%s'", optarg);
                    goto out;
                }
                break;
            case 'h': fputs(search_usage, stdout); res = RC_EXIT_OK; goto out;
            default:
                cli_fail("search: unknown or incomplete option '%s' (see 'relucert search --help')",
                         argv[optind - 1]);
                goto out;
        }
    }
    if (optind < argc)
    {
        cli_fail("search: unexpected argument '%s'", argv[optind]);
        goto out;
    }
    if ((k < 0 && teacher == NULL) || o->runs < 0 || seed < 0)
    {
        cli_fail("search: expected --k K (or --teacher FILE), --runs R and --seed S");
        goto out;
    }
    if (teacher != NULL && rc_point_is_numpy_path(teacher))
    {
        /* a NumPy teacher: V.npy, read exactly (the student is searched) */
        if (rc_npy_read(Vq, teacher, err))
        {
            cli_fail("%s", err->msg);
            goto out;
        }
    }
    else if (teacher != NULL)
    {
        if (rc_point_read_file(pt, teacher, err))
        {
            cli_fail("%s", err->msg);
            goto out;
        }
        fmpq_mat_clear(Vq);
        fmpq_mat_init_set(Vq, pt->V);
    }
    else
    {
        fmpq_mat_clear(Vq);
        fmpq_mat_init(Vq, k, k);
        fmpq_mat_one(Vq);
    }
    if (teacher != NULL && k >= 0 && k != fmpq_mat_nrows(Vq))
    {
        cli_fail("%s: expected a teacher of k = %ld neurons (--k), found %ld", teacher,
                 (long) k, (long) fmpq_mat_nrows(Vq));
        goto out;
    }
    o->n = n > 0 ? n : 0;
    o->seed = (uint64_t) seed;
    if (o->method == RC_SEARCH_LBFGS
        || (o->method == RC_SEARCH_AUTO && o->n > 0 && o->n != fmpq_mat_nrows(Vq)))
        if (o->step != 0)
        {
            cli_fail("search: --step is the gradient descent's step; --method lbfgs has none");
            goto out;
        }
    if (outpath != NULL && (out = fopen(outpath, "w")) == NULL)
    {
        cli_fail("%s: cannot write: %s", outpath, strerror(errno));
        goto out;
    }
    cli_progress_init(&progress);
    if (rc_search_run(S, Vq, o, cli_progress, &progress, err))
        cli_fail("%s", err->msg);
    else
    {
        slong i;
        for (i = 0; i < S->nrecords; i++)
        {
            json_dumpf(S->records[i], out, JSON_COMPACT | JSON_PRESERVE_ORDER);
            fputc('\n', out);
        }
        rc_search_summary_write(stderr, S);
        res = RC_EXIT_OK;
    }
    if (out != stdout && fclose(out) != 0)
        res = cli_fail("%s: cannot write", outpath);
out:
    rc_search_clear(S);
    fmpq_mat_clear(Vq);
    rc_point_clear(pt);
    return res;
}
