/* relucert certify convexity | nonconvex | opsc-fails | pl-fails | opsc:
   the arguments parsed, the library's workflows (workflow.h: landscape)
   run, their certificates written and their summaries printed. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

static const char * convexity_usage =
"Usage: relucert certify convexity --k K [--teacher FILE] [--mu MU]\n"
"                                  [--norm euclid|neuron|box] [--boxes B]\n"
"                                  [--prec BITS] [--out CERT]\n"
"\n"
"Proves lambda_min(Hessian) >= MU (default (1/4 - 1/(2 pi))/2, written as\n"
"the exact decimal 0.045422528454052333, just above) on a whole\n"
"neighbourhood of radius r of the global minimum W = V (n = k; V = I_K or the\n"
"teacher of FILE) and reports the largest dyadic r it proves. The\n"
"neighbourhood is the Euclidean ball |W - V| <= r in R^{kd} (--norm euclid,\n"
"the default), the per-neuron balls |w_i - v_i| <= r (the paper's U_r,\n"
"--norm neuron) or the box |W_ia - V_ia| <= r (--norm box); each contains\n"
"the one before. The search: single boxes 2^-j, then doubling and 8 bits of\n"
"bisection where the box |W - V|_inf <= r is cut into sub-boxes wherever one\n"
"box is too coarse, at most B Hessian enclosures per radius (default 256;\n"
"--boxes 1: no subdivision). Sub-boxes outside the neighbourhood are\n"
"dropped by an exact test. If MU is not below lambda_min at V itself\n"
"(1/4 - 1/(2 pi) for V = I), the claim is refuted with a direction.\n"
"\n"
"Exit status: 0 proved, 1 refuted or undecided, 2 bad input.\n";

static const char * nonconvex_usage =
"Usage: relucert certify nonconvex --k K --n N [--alpha A1,A2] [--eps E1,E2,...]\n"
"                                  [--d D] [--out CERT]\n"
"\n"
"For n > k: at the point w_1 = a1 (v_1 + eps u), w_2 = a2 (v_1 + eps u) next\n"
"to the differentiable global minimum (teacher V = [I_K | 0] in R^D, default\n"
"D = max(K, 2); teacher neurons 2..N-K split the same way, the rest\n"
"matched; u = e_2), proves for each eps (default 1e-1, 1e-2, ..., 1e-30)\n"
"that the Hessian has a negative eigenvalue: the direction (z, -z, 0, ...),\n"
"z = eps e_1 - e_2, has certified curvature y^T H y / |z|^2 < 0, which must\n"
"agree with the closed form -(sin t/(pi sqrt(1+eps^2)))(1/a1 + 1/a2). The\n"
"distance to the minimum is eps sqrt(a1^2 + a2^2). The precision grows with\n"
"log(1/eps): 128 + 2 ceil(log2(1/eps)) bits.\n"
"With N = K there is no such point near the minimum: the asked claim is\n"
"refuted, and the command certifies strong convexity with a radius instead\n"
"(as certify convexity; the certificate is written) and exits 1.\n"
"\n"
"Exit status: 0 every eps proved, 1 otherwise (also for N = K, where\n"
"non-convexity is refuted), 2 bad input.\n";

static const char * fails_usage =
"Usage: relucert certify opsc-fails|pl-fails --k K [--alpha A1,A2] [--eps E1,...]\n"
"                                  [--lambda L1,...] [--d D] [--out CERT]\n"
"\n"
"For n = k + 1 and the teacher V = [I_K | 0] in R^D (default D = K): at the\n"
"points w_1 = a1 v_1 + eps v_2, w_2 = a2 v_1 - eps v_2 (rest matched), at\n"
"distance sqrt(2) eps from the global minimum w~ = (a1 v_1, a2 v_1, v_2, ...),\n"
"encloses for each eps (default 1e-1, ..., 1e-14)\n"
"  opsc-fails: the OPSC ratio <grad F(w), w - w~>/|w - w~|^2 and the Hessian\n"
"              quotient along w - w~;\n"
"  pl-fails:   the PL ratio |grad F(w)|^2 / (2 F(w)),\n"
"and proves them positive; then for each lambda (default 1e-1, ..., 1e-12)\n"
"names the farthest of these points where every ratio is certified below\n"
"lambda: no lambda > 0 works in any neighbourhood of the minimum.\n"
"The precision is 128 + 4 ceil(log2(1/eps)) bits.\n"
"\n"
"Exit status: 0 every lambda proved, 1 otherwise, 2 bad input.\n";

static const char * opsc_usage =
"Usage: relucert certify opsc --k K --m M --samples S --seed SEED [--sigma2 V]\n"
"       relucert certify opsc --paper [--samples S] [--seed SEED] [--out-dir DIR]\n"
"                             [--radius R] [--adversarial] [--lambda L]\n"
"                             [--prec BITS] [--arith binary64|arb] [--out CERT]\n"
"                             [--jobs N]\n"
"\n"
"Global minimum w~_{i,j} = v_i/M of the student with n = M K neurons, V = I_K.\n"
"For S directions U (entries i.i.d. N(0, V), default V = 1e-5, from the\n"
"seeded generator of relucert(1); with --adversarial g_{i,1} = -sum_{j>=2}\n"
"g_{i,j}, exactly) and the segment w~ + sU, s in [0, R] (default R = 1):\n"
"  Gaussian: proves U^T H(w~ + sU) U >= lam_U |U|^2 on the whole segment\n"
"    (ray argument: then <grad F(w), w - w~> >= lam_U |w - w~|^2 there),\n"
"    reports the certified lam_U, and proves Conjecture 12,\n"
"    U^T H U >= (|g|^2 + (1 - 2/pi) sum_i |g_i|^2)/4, on the segment;\n"
"  adversarial: the quotient at s = 0 is 0 (every g_i = 0; its enclosure is\n"
"    recorded); OPSC with constant L is refuted by a t with\n"
"    U^T H U < L |U|^2 on all of [0, t]; Conjecture 12 (right side 0) is\n"
"    proved on (0, R] with a certified c_U > 0: U^T H U >= c_U s |U|^2,\n"
"    by enclosures of q(s)/s over pieces covering (0, R] (exact\n"
"    cancellation at s = 0, divided forms of the almost parallel pairs,\n"
"    derivatives of the others).\n"
"--paper runs the paper's Appendix D.1 grid, certified: k in {5, 10, 20},\n"
"m in {2, 5, 10}, S (default 1000) Gaussian and S adversarial directions\n"
"each (seed default 1), one certificate per cell in DIR (default\n"
"relucert-opsc/), and prints the table.\n"
"The pieces are enclosed in binary64 interval arithmetic with a proven\n"
"rounding bound (--arith binary64, the default, about 50 times faster) or\n"
"in Arb ball arithmetic at BITS bits (--arith arb); the certificate records\n"
"which, and check re-proves each piece the same way.\n"
"Prints the counts, the smallest lam_U (or c_U), the fraction with\n"
"lam_U >= L (default L = 1/100) and its exact Clopper-Pearson 95% lower\n"
"confidence bound.\n"
"\n"
"Exit status: 0 every direction settled as above (Gaussian: OPSC and\n"
"Conjecture 12 on the whole segment; adversarial: OPSC with L refuted and\n"
"Conjecture 12 proved on (0, R]), 1 otherwise, 2 bad input.\n";

/* the certificate to out (stdout without out) */
static int
emit(json_t * root, const char * out)
{
    if (cli_write_cert(out, root))
        return cli_fail("%s: cannot write the certificate", out);
    return 0;
}

/* a landscape run's end: the certificate written, the library's summary
   on stdout (stderr when the certificate goes to stdout), the exit status
   from the run's (0 proved, 1 not, 2 bad input) */
static int
finish(int res, json_t * root, const rc_error_t err, int nonconvex, slong boxes,
       const char * out)
{
    FILE * sum = out ? stdout : stderr;

    if (res == 2)
        return cli_fail("%s", err->msg);
    if (emit(root, out))
    {
        json_decref(root);
        return RC_EXIT_BADINPUT;
    }
    if (nonconvex)
        rc_nonconvex_summary_write(sum, root, boxes);
    else
        rc_landscape_summary_write(sum, root, boxes);
    if (out)
        printf("certificate: %s\n", out);
    json_decref(root);
    return res == 0 ? RC_EXIT_OK : RC_EXIT_UNPROVED;
}

/* --merge PART...: the parts written by --shard I/N assembled
   (rc_opsc_merge) and re-verified by the checker */
static int
opsc_merge(char ** files, int nfiles, const char * out, int jobs)
{
    rc_opsc_params_t p;
    rc_error_t err;
    json_t * root;
    int res;
    const char * outs[1];

    if (out == NULL)
        return cli_fail("certify opsc --merge: expected --out CERT for the merged certificate");
    rc_opsc_params_init(p);
    res = rc_opsc_merge(&root, p, (const char * const *) files, nfiles, err);
    rc_opsc_params_clear(p);
    if (res == 1)
    {
        fprintf(stderr, "relucert: %s\n", err->msg);
        return RC_EXIT_UNPROVED;
    }
    if (res != 0)
        return cli_fail("%s", err->msg);
    if (emit(root, out))
    {
        json_decref(root);
        return RC_EXIT_BADINPUT;
    }
    printf("merged %d shards into %s; checking it:\n", nfiles, out);
    outs[0] = out;
    res = cli_check_files(outs, 1, jobs, 0);
    if (res == RC_EXIT_OK)
    {
        rc_landscape_summary_write(stdout, root, 0);
        printf("certificate: %s\n", out);
        res = rc_opsc_cert_settled(root) ? RC_EXIT_OK : RC_EXIT_UNPROVED;
    }
    json_decref(root);
    return res;
}

static int
opsc_run(slong k, slong m, slong samples, slong seed, const char * sigma2,
         const char * radius, const char * lambda, int adversarial, slong prec,
         int fast, const char * out, int jobs, slong si, slong sn)
{
    rc_opsc_params_t p;
    rc_error_t err;
    cli_progress_t pr;
    json_t * root;
    int res;

    rc_opsc_params_init(p);
    p->k = k;
    p->m = m;
    p->samples = samples;
    p->seed = (uint64_t) seed;
    p->adversarial = adversarial;
    p->prec = prec;
    p->fast = fast;
    cli_progress_init(&pr);
    if (rc_opsc_params_check(p, err) || rc_opsc_params_set_numbers(p, sigma2, radius, lambda, err))
        res = 2;
    else
        res = rc_opsc_run(&root, p, si, sn, jobs, cli_progress, &pr, err);
    rc_opsc_params_clear(p);
    if (res != 2 && sn > 1)
    {
        /* one shard: a part, not a certificate, merged by --merge */
        if (emit(root, out))
        {
            json_decref(root);
            return RC_EXIT_BADINPUT;
        }
        printf("shard %ld/%ld: %ld of %ld directions%s%s (merge the parts with "
               "'relucert certify opsc --merge PART...')\n", (long) si + 1, (long) sn,
               (long) json_array_size(json_object_get(root, "directions")), (long) samples,
               out ? " in " : "", out ? out : "");
        json_decref(root);
        return RC_EXIT_OK;
    }
    return finish(res, root, err, 0, 0, out);
}

/* a row of the --paper table */
static void
paper_cell(const rc_opsc_cell_struct * c, void * ctx)
{
    (void) ctx;
    printf("%3ld %3ld %-12s %4ld/%-4ld %4ld/%-4ld %12s %12s %9s %7.0fs\n", (long) c->k,
           (long) c->m, c->adversarial ? "adversarial" : "Gaussian", (long) c->opsc,
           (long) c->samples, (long) c->conj12, (long) c->samples,
           c->adversarial ? "-" : c->bound, c->adversarial ? c->bound : "-", c->cp, c->seconds);
    fflush(stdout);
}

/* the paper's Appendix D.1 grid, certified (rc_opsc_paper_run) */
static int
opsc_paper(slong samples, slong seed, const char * sigma2, const char * radius,
           const char * lambda, slong prec, int fast, const char * dir, int jobs)
{
    rc_opsc_params_t p;
    rc_error_t err;
    cli_progress_t pr;
    int res;

    rc_opsc_params_init(p);
    p->samples = samples;
    p->seed = (uint64_t) seed;
    p->prec = prec;
    p->fast = fast;
    if (rc_opsc_params_set_numbers(p, sigma2, radius, lambda, err))
    {
        rc_opsc_params_clear(p);
        return cli_fail("%s", err->msg);
    }
    cli_progress_init(&pr);
    /* the header once the directory exists: rc_opsc_paper_run creates it
       first, so a failure there prints no table */
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
    {
        rc_opsc_params_clear(p);
        return cli_fail("%s: cannot create directory: %s", dir, strerror(errno));
    }
    printf("%3s %3s %-12s %9s %9s %12s %12s %9s %8s\n", "k", "m", "directions", "OPSC",
           "Conj. 12", "min lam_U", "min c_U", "CP 95%", "time");
    res = rc_opsc_paper_run(p, dir, jobs, paper_cell, NULL, cli_progress, &pr, err);
    rc_opsc_params_clear(p);
    if (res == 2)
        return cli_fail("%s", err->msg);
    printf("OPSC: Gaussian directions proved on the whole segment / adversarial directions\n"
           "refuted with constant %s near s = 0; certificates in %s/\n", lambda, dir);
    return res == 0 ? RC_EXIT_OK : RC_EXIT_UNPROVED;
}

int
cmd_certify_landscape(const char * kind, int argc, char ** argv)
{
    static struct option opts[] = {
        {"k", required_argument, 0, 'k'},
        {"n", required_argument, 0, 'n'},
        {"d", required_argument, 0, 'd'},
        {"teacher", required_argument, 0, 't'},
        {"mu", required_argument, 0, 'm'},
        {"norm", required_argument, 0, 'N'},
        {"boxes", required_argument, 0, 'B'},
        {"alpha", required_argument, 0, 'a'},
        {"eps", required_argument, 0, 'e'},
        {"prec", required_argument, 0, 'p'},
        {"out", required_argument, 0, 'o'},
        {"lambda", required_argument, 0, 'L'},
        {"m", required_argument, 0, 'M'},
        {"samples", required_argument, 0, 'S'},
        {"seed", required_argument, 0, 's'},
        {"sigma2", required_argument, 0, 'v'},
        {"radius", required_argument, 0, 'r'},
        {"adversarial", no_argument, 0, 'A'},
        {"jobs", required_argument, 0, 'j'},
        {"paper", no_argument, 0, 'P'},
        {"out-dir", required_argument, 0, 'O'},
        {"arith", required_argument, 0, 'X'},
        {"shard", required_argument, 0, 'H'},
        {"merge", no_argument, 0, 'G'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    int nonconvex = strcmp(kind, "nonconvex") == 0, c, res = RC_EXIT_BADINPUT;
    int fails = strcmp(kind, "opsc-fails") == 0 || strcmp(kind, "pl-fails") == 0;
    int opsc = strcmp(kind, "opsc") == 0, adversarial = 0, fast = 1;
    slong mm = -1, samples = -1, seed = -1, jobs = FLINT_MAX(1, FLINT_MIN(sysconf(_SC_NPROCESSORS_ONLN), 256));
    const char * sigma2 = "1e-5", * radius = "1", * lambda_s = "1/100", * out_dir = "relucert-opsc";
    int paper = 0, merge = 0;
    slong shard_i = 0, shard_n = 1;
    slong k = -1, prec = 128;
    const char * teacher = NULL, * out = NULL;
    rc_landscape_params_t lp;
    rc_point_t pt;
    rc_error_t err;
    cli_progress_t pr;
    json_t * root;

    rc_landscape_params_init(lp);
    rc_point_init(pt);
    cli_progress_init(&pr);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'k': if (cli_parse_slong(&k, "--k", optarg, 1, 1000)) goto out; break;
            case 'n': if (cli_parse_slong(&lp->n, "--n", optarg, 1, 2000)) goto out; break;
            case 'd': if (cli_parse_slong(&lp->d, "--d", optarg, 1, 1000)) goto out; break;
            case 't': teacher = optarg; break;
            case 'm': if (cli_parse_fmpq(lp->mu, "--mu", optarg)) goto out; break;
            case 'N':
                if (rc_conv_norm_parse(&lp->norm, optarg))
                {
                    cli_fail("--norm: expected euclid, neuron or box, found '%s'", optarg);
                    goto out;
                }
                break;
            case 'B': if (cli_parse_slong(&lp->boxes, "--boxes", optarg, 1, 1L << 24)) goto out; break;
            case 'a':
                if (rc_landscape_params_set_list(&lp->alpha, &lp->nalpha, "--alpha", optarg, err))
                {
                    cli_fail("%s", err->msg);
                    goto out;
                }
                break;
            case 'e':
                if (rc_landscape_params_set_list(&lp->eps, &lp->neps, "--eps", optarg, err))
                {
                    cli_fail("%s", err->msg);
                    goto out;
                }
                break;
            case 'M': if (cli_parse_slong(&mm, "--m", optarg, 1, 100)) goto out; break;
            case 'S': if (cli_parse_slong(&samples, "--samples", optarg, 1, 10000000)) goto out; break;
            case 's': if (cli_parse_slong(&seed, "--seed", optarg, 0, WORD_MAX)) goto out; break;
            case 'v': sigma2 = optarg; break;
            case 'r': radius = optarg; break;
            case 'A': adversarial = 1; break;
            case 'j': if (cli_parse_slong(&jobs, "--jobs", optarg, 1, 256)) goto out; break;
            case 'H': if (cli_parse_shard(&shard_i, &shard_n, optarg)) goto out; break;
            case 'G': merge = 1; break;
            case 'P': paper = 1; break;
            case 'O': out_dir = optarg; break;
            case 'X':
                if (strcmp(optarg, "binary64") != 0 && strcmp(optarg, "arb") != 0)
                {
                    cli_fail("--arith: expected binary64 or arb, found '%s'", optarg);
                    goto out;
                }
                fast = strcmp(optarg, "binary64") == 0;
                break;
            case 'L':
                lambda_s = optarg;
                if (rc_landscape_params_set_list(&lp->lambda, &lp->nlambda, "--lambda", optarg, err))
                {
                    cli_fail("%s", err->msg);
                    goto out;
                }
                break;
            case 'p': if (cli_parse_slong(&prec, "--prec", optarg, 16, rc_limit_prec())) goto out; break;
            case 'o': out = optarg; break;
            case 'h':
                fputs(opsc ? opsc_usage : fails ? fails_usage : nonconvex ? nonconvex_usage : convexity_usage, stdout);
                res = RC_EXIT_OK;
                goto out;
            default:
                cli_fail("certify %s: unknown or incomplete option '%s' (see 'relucert certify "
                         "%s --help')", kind, argv[optind - 1], kind);
                goto out;
        }
    }
    if ((merge || shard_n > 1) && !opsc)
    {
        cli_fail("certify %s: --shard and --merge split opsc directions (and certify "
                 "minimum --dataset); expected them with certify opsc", kind);
        goto out;
    }
    if (merge)
    {
        if (optind >= argc || shard_n > 1 || paper)
        {
            cli_fail("certify opsc --merge: expected the parts (files written with --shard "
                     "I/N) and --out CERT, without --shard or --paper");
            goto out;
        }
        res = opsc_merge(argv + optind, argc - optind, out, (int) jobs);
        goto out;
    }
    if (optind < argc)
    {
        cli_fail("certify %s: unexpected argument '%s'", kind, argv[optind]);
        goto out;
    }
    if (shard_n > 1 && (paper || out == NULL))
    {
        cli_fail("certify opsc --shard I/N: expected --out PART (not --paper)");
        goto out;
    }

    if (opsc && fast && rc_di_env_problem() != NULL)
        /* the pieces fall back to Arb (opsc_cert.c) and record "arith": "arb" */
        fprintf(stderr, "certify opsc: ball arithmetic: binary64 was asked for but %s\n",
                rc_di_env_problem());
    if (opsc && paper)
    {
        res = opsc_paper(samples > 0 ? samples : 1000, seed >= 0 ? seed : 1, sigma2, radius,
                         lambda_s, prec, fast, out_dir, (int) jobs);
        goto out;
    }
    lp->k = k;
    lp->prec = prec;
    if (opsc)
    {
        if (seed < 0)
        {
            cli_fail("certify opsc: expected --k K, --m M, --samples S and --seed SEED");
            goto out;
        }
        res = opsc_run(k, mm, samples, seed, sigma2, radius, lambda_s, adversarial,
                       prec, fast, out, (int) jobs, shard_i, shard_n);
        goto out;
    }
    if (fails)
    {
        res = rc_fails_run(&root, strcmp(kind, "pl-fails") == 0, lp, cli_progress, &pr, err);
        res = finish(res, root, err, 0, lp->boxes, out);
        goto out;
    }
    if (!nonconvex && teacher != NULL)
    {
        if (rc_point_read_file(pt, teacher, err))
        {
            cli_fail("%s", err->msg);
            goto out;
        }
        if (k >= 0 && k != pt->k)
        {
            cli_fail("%s: expected a teacher of k = %ld neurons (--k), found %ld",
                     teacher, (long) k, (long) pt->k);
            goto out;
        }
        fmpq_mat_clear(lp->V);
        fmpq_mat_init_set(lp->V, pt->V);
    }
    if (nonconvex)
        res = rc_nonconvex_run(&root, lp, cli_progress, &pr, err);
    else
        res = rc_convexity_run(&root, lp, cli_progress, &pr, err);
    res = finish(res, root, err, nonconvex, lp->boxes, out);
out:
    rc_landscape_params_clear(lp);
    rc_point_clear(pt);
    return res;
}
