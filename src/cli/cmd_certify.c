/* relucert certify minimum: prove candidate minima, one point or a whole
   dataset, and write certificates. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

static const char * certify_usage =
"Usage: relucert certify KIND ... with KIND one of minimum (below), convexity,\n"
"       nonconvex, opsc-fails, pl-fails, opsc ('relucert certify KIND --help')\n"
"\n"
"       relucert certify minimum POINT_FILE [--prec BITS] [--alpha A] [--out CERT]\n"
"       relucert certify minimum W.npy|W.npz [--teacher V.npy|identity] [...]\n"
"                                [--path auto|reduced|dense] [--symmetrize TOL]\n"
"                                [--arith auto|arb|binary64]\n"
"       relucert certify minimum --dataset FILE --k K --index I [--out CERT]\n"
"       relucert certify minimum --dataset FILE [--k K | --k-max K] [--out-dir DIR]\n"
"                                [--jobs N] [--shard I/N | --merge N]\n"
"\n"
"Proves that a candidate W0 of n neurons (n = k, an over-parameterized\n"
"student with n = k + s, or n < k, where F > 0 does not show that W* is not\n"
"global, so that claim stays undecided) lies next to a strict local minimum W* of F\n"
"(Krawczyk test on a box, positive definite Hessian on the box), that\n"
"F(W*) > 0 (not global) and that splitting any neuron of W* gives a strict\n"
"saddle of the (n+1)-neuron loss for every alpha in (0, 1) (split lemma),\n"
"with a direct check at one alpha. A global minimum (n = k, W* a permuted\n"
"teacher) is certified as such instead; a point with a singular Hessian\n"
"(two parallel neurons, a split point) is never called a strict minimum.\n"
"Also reports the paper's technical conditions sum |w_i| <= k and lam_i < 0.\n"
"\n"
"Two paths prove the same claims. The reduced path (proofs/model.md\n"
"section 6, lemma L13) runs when n = d = k, the teacher is the identity and\n"
"the student is fixed by permutations of blocks of neurons and coordinates\n"
"(every dataset record; for a point file the largest such group is found\n"
"from the exact entries), or when n = k + s (s <= 4) and the s extra\n"
"neurons are fixed by such a group, wherever they sit among the rows\n"
"(proofs/model.md M6.8; the certificate records them and neuron_order): it\n"
"proves the critical point in fixed-point\n"
"coordinates and the Hessian type by type, at a cost that does not grow\n"
"with k, and reports the exact Morse index. Other points go to the dense\n"
"path in all n d coordinates, in ball arithmetic (Krawczyk and a ball\n"
"Cholesky) or, from n d = 200 on, in binary64 with proven rounding bounds\n"
"(the Hessian as a binary64 matrix plus an error bound, Rump's\n"
"floating-point Cholesky test, existence by strong convexity; n d = 10^4 in\n"
"about the time of an unverified eigensolve). The summary says which path\n"
"and arithmetic ran and why.\n"
"\n"
"One point: the certificate goes to --out (a summary on stdout) or, without\n"
"--out, to stdout (the summary on stderr). A dataset (all records, those\n"
"with --k K, or with k <= --k-max): one certificate per record in --out-dir\n"
"(default relucert-minima/), named minimum-kKKK-IIII.json, a summary table\n"
"on stdout, progress on stderr. Existing certificates for the same record,\n"
"precision and alpha that claim success are kept (resumable); run\n"
"'relucert check' on the directory's files to re-verify them.\n"
"\n"
"Options:\n"
"  --teacher T     with a NumPy student (W.npy, or W.npz holding W and\n"
"                  optionally V): the teacher, V.npy or identity (V = I_D)\n"
"  --prec BITS     working precision (default 256); too little gives\n"
"                  undecided, never a wrong answer\n"
"  --alpha A       split ratio of the direct cross-check, in (0, 1)\n"
"                  (default 1/2)\n"
"  --jobs N        worker processes for a dataset (default: online CPUs)\n"
"  --shard I/N     a dataset's records at positions I, I + N, ... of the\n"
"                  selection (1-based), for job arrays over machines; shards\n"
"                  may share --out-dir (docs/cluster.md)\n"
"  --merge N       certify nothing: check that every selected record has its\n"
"                  certificate in --out-dir, re-verify each, print the table\n"
"                  and name the shards (of N) with a missing or failed one\n"
"  --path P        auto (default: reduced when the point allows it), reduced\n"
"                  (an error if it does not) or dense\n"
"  --arith A       the dense path's arithmetic: auto (default: binary64 from\n"
"                  n d = 200 on), arb or binary64; the certificate records it\n"
"                  and 'relucert check' re-runs the same\n"
"  --max-move R    a certified point farther than R (Frobenius norm) from the\n"
"                  input counts as not proved (exit 1); the summary prints the\n"
"                  proved distance either way\n"
"  --symmetrize TOL  group neurons whose entries agree to within TOL, project\n"
"                  the point onto the fixed-point subspace (orbit averages) and\n"
"                  certify the projected point; the summary says how far it\n"
"                  moved (for points from a floating-point training run)\n"
"  -h, --help      this help\n"
"\n"
"Exit status: 0 every claim proved (or, for a global minimum, proved\n"
"global), 1 some claim refuted or undecided, 2 bad input.\n";

typedef struct
{
    rc_batch_params_t b;    /* the minimum certification (b->m), --max-move,
                               and for a dataset the batch */
    const char * out;
    const char * teacher;   /* --teacher, for a NumPy student */
} certify_opts;

/* 1 when the certificate's proved distance to its input exceeds --max-move
   (or states none) */
static int
moved_too_far(const json_t * root, const certify_opts * o)
{
    return o->b->have_max_move && rc_certify_minimum_too_far(root, o->b->max_move);
}

/* ---- dataset batch (rc_batch_run) ---- */

static int
certify_dataset(certify_opts * o, cli_progress_t * progress)
{
    const rc_batch_params_struct * par = o->b;
    rc_batch_t B;
    rc_error_t err;
    slong r;
    int res;

    rc_batch_init(B);
    res = rc_batch_run(B, o->b, cli_progress, progress, err);
    if (res == 2)
    {
        rc_batch_clear(B);
        return cli_fail("%s", err->msg);
    }
    if (B->nrows == 0)
    {
        rc_batch_clear(B);
        printf("shard %ld/%ld: no record (the selection has fewer records than shards)\n",
               (long) par->shard_i + 1, (long) par->shard_n);
        return RC_EXIT_OK;
    }
    printf("%4s %5s %-9s %-14s %-29s %-13s %-13s %-13s %-11s %-6s %s\n", "k", "index", "kind", "p",
           "F", "lambda_min >=", "H'_ii <=", "split(1/2) <=", "moved <=", "time", "status");
    for (r = 0; r < B->nrows; r++)
    {
        const rc_batch_row_struct * row = B->rows + r;
        char tm[32] = "-";
        if (row->message != NULL && par->merge_n > 0)
            fprintf(stderr, "relucert: %s (shard %ld/%ld)\n", row->message,
                    (long) (row->ord % par->merge_n) + 1, (long) par->merge_n);
        else if (row->message != NULL)
            fprintf(stderr, "relucert: %s\n", row->message);
        if (row->seconds >= 0 && row->message == NULL)
            snprintf(tm, sizeof tm, "%.2f", row->seconds);
        printf("%4ld %5ld %-9s %-14.14s %-29s %-13s %-13s %-13s %-11s %-6s %s\n", (long) row->k,
               (long) row->index, row->kind, row->p, row->loss, row->lambda, row->split, row->cross,
               row->moved, tm, rc_batch_status_name(row->status));
    }
    if (par->merge_n > 0)
    {
        slong s, nbad = 0;
        printf("merge: %ld of %ld certificates present and checked (%s/), %ld not, "
               "%.1f s with %d jobs\n", (long) B->nok, (long) B->nrows, par->out_dir,
               (long) B->nfail, B->seconds, B->jobs);
        for (s = 0; s < par->merge_n; s++)
            if (B->bad_shards[s])
            {
                printf("%s%ld", nbad ? ", " : "merge: incomplete or failed shards (of "
                       "--shard I/N): ", (long) s + 1);
                nbad++;
            }
        if (nbad)
            printf(" of %ld; rerun them\n", (long) par->merge_n);
        else
            printf("merge: all %ld shards complete\n", (long) par->merge_n);
    }
    else if (par->shard_n > 1)
        printf("shard %ld/%ld: %ld of %ld records certified (certificates in %s/), %ld not, "
               "%.1f s with %d jobs\n", (long) par->shard_i + 1, (long) par->shard_n,
               (long) B->nok, (long) B->nrows, par->out_dir, (long) B->nfail, B->seconds, B->jobs);
    else
        printf("%ld of %ld records certified (certificates in %s/), %ld not, %.1f s with %d jobs\n",
               (long) B->nok, (long) B->nrows, par->out_dir, (long) B->nfail, B->seconds, B->jobs);
    if (par->merge_n == 0 && (B->nkept > 0 || B->nredone > 0))
        printf("resume: %ld kept certificate%s re-verified by the checker; %ld kept file%s "
               "failed the check and %s recomputed\n", (long) B->nkept, B->nkept == 1 ? "" : "s",
               (long) B->nredone, B->nredone == 1 ? "" : "s", B->nredone == 1 ? "was" : "were");
    rc_batch_clear(B);
    return res == 0 ? RC_EXIT_OK : RC_EXIT_UNPROVED;
}

static int
certify_one(const char * file, const char * dataset, slong k, slong index,
            const certify_opts * o)
{
    rc_point_t pt;
    rc_error_t err;
    json_t * root = NULL;
    char source[512], pathl[512];
    int res;

    rc_point_init(pt);
    if (file != NULL ? cli_read_point(pt, file, o->teacher, err)
                     : rc_point_read_dataset(pt, dataset, k, index, err))
    {
        rc_point_clear(pt);
        return cli_fail("%s", err->msg);
    }
    if (file != NULL)
    {
        const char * base = strrchr(file, '/');
        snprintf(source, sizeof source, "%s", base ? base + 1 : file);
    }
    else
    {
        /* the name rc_batch_run gives the record */
        const char * base = strrchr(dataset, '/');
        snprintf(source, sizeof source, "%s:k=%ld:index=%ld", base ? base + 1 : dataset,
                 (long) k, (long) index);
    }
    if (rc_certify_minimum_point(&root, pathl, sizeof pathl, pt, source, o->b->m, err))
    {
        rc_point_clear(pt);
        return cli_fail("%s", err->msg);
    }
    rc_point_clear(pt);
    res = json_is_true(json_object_get(root, "success")) ? RC_EXIT_OK : RC_EXIT_UNPROVED;
    if (moved_too_far(root, o))
        res = RC_EXIT_UNPROVED;
    if (o->out != NULL)
    {
        if (cli_write_cert(o->out, root))
        {
            json_decref(root);
            return cli_fail("%s: cannot write the certificate", o->out);
        }
        printf("%s\n", pathl);
        rc_mincert_summary_write(stdout, root);
        if (moved_too_far(root, o))
            printf("max-move: the certified point may lie farther than --max-move from the input\n");
        printf("certificate: %s\n", o->out);
    }
    else
    {
        cli_write_cert(NULL, root);
        fprintf(stderr, "%s\n", pathl);
        rc_mincert_summary_write(stderr, root);
        if (moved_too_far(root, o))
            fprintf(stderr, "max-move: the certified point may lie farther than --max-move from the input\n");
    }
    json_decref(root);
    return res;
}

int
cmd_certify(int argc, char ** argv)
{
    static struct option opts[] = {
        {"prec", required_argument, 0, 'p'},
        {"alpha", required_argument, 0, 'a'},
        {"out", required_argument, 0, 'o'},
        {"out-dir", required_argument, 0, 'O'},
        {"dataset", required_argument, 0, 'D'},
        {"k", required_argument, 0, 'k'},
        {"k-max", required_argument, 0, 'K'},
        {"index", required_argument, 0, 'i'},
        {"jobs", required_argument, 0, 'j'},
        {"path", required_argument, 0, 'P'},
        {"symmetrize", required_argument, 0, 'S'},
        {"arith", required_argument, 0, 'A'},
        {"teacher", required_argument, 0, 't'},
        {"shard", required_argument, 0, 's'},
        {"merge", required_argument, 0, 'M'},
        {"max-move", required_argument, 0, 'X'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    certify_opts o;
    cli_progress_t progress;
    slong k = -1, kmax = -1, index = -1, jobs;
    const char * dataset = NULL, * file = NULL;
    int c, res;

    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
    {
        fputs(certify_usage, stdout);
        return RC_EXIT_OK;
    }
    if (argc >= 2 && (strcmp(argv[1], "convexity") == 0 || strcmp(argv[1], "nonconvex") == 0
                      || strcmp(argv[1], "opsc-fails") == 0 || strcmp(argv[1], "pl-fails") == 0
                      || strcmp(argv[1], "opsc") == 0))
        return cmd_certify_landscape(argv[1], argc - 1, argv + 1);
    if (argc < 2 || strcmp(argv[1], "minimum") != 0)
        return cli_fail("certify: expected a claim kind: minimum, convexity, nonconvex, opsc-fails, "
                        "pl-fails or opsc "
                        "(see 'relucert certify --help'), found '%.40s'", argc < 2 ? "" : argv[1]);
    argc--;
    argv++;
    rc_batch_params_init(o.b);
    cli_progress_init(&progress);
    o.b->m->progress = cli_progress;
    o.b->m->progress_ctx = &progress;
    o.out = NULL;
    o.teacher = NULL;
    jobs = sysconf(_SC_NPROCESSORS_ONLN);
    o.b->jobs = (int) FLINT_MAX(1, FLINT_MIN(jobs, 256));
    res = RC_EXIT_BADINPUT;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'p':
                if (cli_parse_slong(&o.b->m->prec, "--prec", optarg, 16, rc_limit_prec()))
                    goto out;
                break;
            case 'a':
                if (cli_parse_fmpq(o.b->m->alpha, "--alpha", optarg))
                    goto out;
                if (!(fmpq_sgn(o.b->m->alpha) > 0 && fmpz_cmp(fmpq_numref(o.b->m->alpha), fmpq_denref(o.b->m->alpha)) < 0))
                {
                    cli_fail("--alpha: expected a number in (0, 1), found '%s'", optarg);
                    goto out;
                }
                break;
            case 'o': o.out = optarg; break;
            case 'O': o.b->out_dir = optarg; break;
            case 'D': dataset = optarg; break;
            case 'k':
                if (cli_parse_slong(&k, "--k", optarg, 1, 1000000))
                    goto out;
                break;
            case 'K':
                if (cli_parse_slong(&kmax, "--k-max", optarg, 1, 1000000))
                    goto out;
                break;
            case 'i':
                if (cli_parse_slong(&index, "--index", optarg, 0, 1000000000))
                    goto out;
                break;
            case 'j':
                if (cli_parse_slong(&jobs, "--jobs", optarg, 1, 256))
                    goto out;
                o.b->jobs = (int) jobs;
                break;
            case 'P':
                if (strcmp(optarg, "auto") == 0)
                    o.b->m->path = RC_MIN_PATH_AUTO;
                else if (strcmp(optarg, "reduced") == 0)
                    o.b->m->path = RC_MIN_PATH_REDUCED;
                else if (strcmp(optarg, "dense") == 0)
                    o.b->m->path = RC_MIN_PATH_DENSE;
                else
                {
                    cli_fail("--path: expected auto, reduced or dense, found '%s'", optarg);
                    goto out;
                }
                break;
            case 'A':
                if (cli_parse_arith(&o.b->m->arith, optarg))
                    goto out;
                break;
            case 't':
                o.teacher = optarg;
                break;
            case 's':
                if (cli_parse_shard(&o.b->shard_i, &o.b->shard_n, optarg))
                    goto out;
                break;
            case 'M':
                if (cli_parse_slong(&o.b->merge_n, "--merge", optarg, 1, 1000000))
                    goto out;
                break;
            case 'X':
                if (cli_parse_fmpq(o.b->max_move, "--max-move", optarg))
                    goto out;
                if (fmpq_sgn(o.b->max_move) < 0)
                {
                    cli_fail("--max-move: expected a distance >= 0, found '%s'", optarg);
                    goto out;
                }
                o.b->have_max_move = 1;
                break;
            case 'S':
                if (cli_parse_fmpq(o.b->m->tol, "--symmetrize", optarg))
                    goto out;
                if (fmpq_sgn(o.b->m->tol) < 0)
                {
                    cli_fail("--symmetrize: expected a tolerance >= 0, found '%s'", optarg);
                    goto out;
                }
                o.b->m->have_tol = 1;
                break;
            case 'h':
                fputs(certify_usage, stdout);
                res = RC_EXIT_OK;
                goto out;
            default:
                cli_fail("certify minimum: unknown or incomplete option '%s' "
                         "(see 'relucert certify --help')", argv[optind - 1]);
                goto out;
        }
    }
    if (optind < argc)
        file = argv[optind++];
    if (optind < argc)
    {
        cli_fail("certify minimum: expected one point file, found also '%s'", argv[optind]);
        goto out;
    }
    if ((file == NULL) == (dataset == NULL))
    {
        cli_fail("certify minimum: expected a point file or --dataset FILE "
                 "(see 'relucert certify --help')");
        goto out;
    }
    if ((o.b->shard_n > 1 || o.b->merge_n > 0) && (dataset == NULL || (k >= 0 && index >= 0)))
    {
        cli_fail("certify minimum: --shard and --merge split a dataset batch "
                 "(--dataset FILE [--k K | --k-max K]), not one point");
        goto out;
    }
    if (o.b->shard_n > 1 && o.b->merge_n > 0)
    {
        cli_fail("certify minimum: --shard I/N certifies one shard, --merge N checks all of "
                 "them: expected one of the two");
        goto out;
    }
    if (o.teacher != NULL && file == NULL)
    {
        cli_fail("certify minimum: --teacher goes with a NumPy student file, not --dataset");
        goto out;
    }
    if (file != NULL && (k >= 0 || kmax >= 0 || index >= 0))
    {
        cli_fail("certify minimum: --k, --k-max and --index select dataset records; "
                 "expected them with --dataset only");
        goto out;
    }
    if (dataset != NULL && k >= 0 && index >= 0 && kmax < 0)
        res = certify_one(NULL, dataset, k, index, &o);
    else if (dataset != NULL)
    {
        if (index >= 0 && k < 0)
        {
            cli_fail("certify minimum: --index needs --k");
            goto out;
        }
        o.b->dataset = dataset;
        o.b->k = k;
        o.b->k_max = kmax;
        o.b->index = index;
        res = certify_dataset(&o, &progress);
    }
    else
        res = certify_one(file, NULL, -1, -1, &o);
out:
    rc_batch_params_clear(o.b);
    return res;
}
