/* relucert eval: rigorous enclosures of F, grad F, |grad F|, the Hessian and
   its smallest eigenvalue at a point or over a box, as JSON. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

/* Above this many parameters n*d the smallest Hessian eigenvalue is not
   computed unless --hessian is given: the ball Cholesky behind it costs
   O((n d)^3), measured at about 7 s for n = d = 20 and over 500 s for
   n = d = 40, at 256 bits. */
#define EVAL_EIG_MAX_DIM 400

/* Up to this many, the binary64 path (dense64.h) encloses it by default:
   about 1 minute and 1.6 GB at n d = 10^4. */
#define EVAL_EIG64_MAX_DIM 10000

static const char * eval_usage =
"Usage: relucert eval POINT_FILE [OPTIONS]\n"
"       relucert eval W.npy|W.npz [--teacher V.npy|identity] [OPTIONS]\n"
"       relucert eval --dataset FILE --k K --index I [OPTIONS]\n"
"\n"
"Prints rigorous enclosures {\"lo\", \"hi\"} (lo <= exact value <= hi) of the\n"
"loss F, the gradient and its norm, and the smallest Hessian eigenvalue, as\n"
"JSON on stdout.\n"
"\n"
"Options:\n"
"  --prec BITS        working precision in bits (default 256)\n"
"  --box-radius R     enclose over the box of radius R (exact decimal or\n"
"                     rational) around the student point, every coordinate\n"
"  --hessian          also print the full Hessian (row-major, index i*D + a);\n"
"                     a zero student neuron is then an error\n"
"  --dataset FILE     read a record of the published dataset (JSON Lines)\n"
"  --k K, --index I   which record of --dataset\n"
"  --teacher T        with a NumPy student (W.npy, or W.npz holding W and\n"
"                     optionally V): the teacher, V.npy or identity\n"
"  -h, --help         this help\n"
"\n"
"The smallest eigenvalue is enclosed for n*d <= 10^4: up to 400 in ball\n"
"arithmetic, above in binary64 with proven rounding bounds (Rump's Cholesky\n"
"test for the lower end, a Rayleigh quotient in ball arithmetic for the upper\n"
"end; \"hessian_min_eig_method\": \"binary64\"; about a minute and 1.6 GB at\n"
"n*d = 10^4). With --hessian it is always computed in ball arithmetic,\n"
"O((n d)^3) ball operations.\n"
"Exit status: 0 printed, 2 bad input or usage.\n";

int
cmd_eval(int argc, char ** argv)
{
    static struct option opts[] = {
        {"prec", required_argument, 0, 'p'},
        {"box-radius", required_argument, 0, 'r'},
        {"hessian", no_argument, 0, 'H'},
        {"dataset", required_argument, 0, 'D'},
        {"k", required_argument, 0, 'k'},
        {"index", required_argument, 0, 'i'},
        {"teacher", required_argument, 0, 't'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    slong prec = 256, k = -1, index = -1, zero, N;
    int c, want_hessian = 0, have_radius = 0, res = RC_EXIT_OK;
    const char * dataset = NULL, * file = NULL, * teacher = NULL;
    fmpq_t radius;
    rc_point_t pt;
    rc_error_t err;
    arb_mat_t W, V, G, H;
    arb_t loss, gnorm, lam;
    json_t * root;

    fmpq_init(radius);
    rc_point_init(pt);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'p':
                if (cli_parse_slong(&prec, "--prec", optarg, 16, rc_limit_prec()))
                    goto bad;
                break;
            case 'r':
                if (cli_parse_fmpq(radius, "--box-radius", optarg))
                    goto bad;
                if (fmpq_sgn(radius) < 0)
                {
                    cli_fail("--box-radius: expected a radius >= 0, found '%s'", optarg);
                    goto bad;
                }
                have_radius = !fmpq_is_zero(radius);
                break;
            case 'H': want_hessian = 1; break;
            case 'D': dataset = optarg; break;
            case 'k':
                if (cli_parse_slong(&k, "--k", optarg, 1, 1000000))
                    goto bad;
                break;
            case 'i':
                if (cli_parse_slong(&index, "--index", optarg, 0, 1000000000))
                    goto bad;
                break;
            case 't':
                teacher = optarg;
                break;
            case 'h':
                fputs(eval_usage, stdout);
                goto out;
            default:
                cli_fail("eval: unknown or incomplete option '%s' (see 'relucert eval --help')",
                         argv[optind - 1]);
                goto bad;
        }
    }
    if (optind < argc)
        file = argv[optind++];
    if (optind < argc)
    {
        cli_fail("eval: expected one point file, found also '%s'", argv[optind]);
        goto bad;
    }
    if ((file == NULL) == (dataset == NULL))
    {
        cli_fail("eval: expected a point file or --dataset FILE --k K --index I "
                 "(see 'relucert eval --help')");
        goto bad;
    }
    if (dataset != NULL && teacher != NULL)
    {
        cli_fail("eval: --teacher goes with a NumPy student file, not --dataset");
        goto bad;
    }
    if (dataset != NULL && (k < 0 || index < 0))
    {
        cli_fail("eval: --dataset needs --k K and --index I");
        goto bad;
    }

    if (file != NULL ? cli_read_point(pt, file, teacher, err)
                     : rc_point_read_dataset(pt, dataset, k, index, err))
    {
        cli_fail("%s", err->msg);
        goto bad;
    }

    arb_mat_init(W, pt->n, pt->d);
    arb_mat_init(V, pt->k, pt->d);
    arb_init(loss); arb_init(gnorm); arb_init(lam);
    rc_point_get_arb(W, V, pt, have_radius ? radius : NULL, prec);

    root = json_object();
    json_object_set_new(root, "n", json_integer(pt->n));
    json_object_set_new(root, "d", json_integer(pt->d));
    json_object_set_new(root, "k", json_integer(pt->k));
    json_object_set_new(root, "prec", json_integer(prec));
    if (have_radius)
    {
        char * s = fmpq_get_str(NULL, 10, radius);
        json_object_set_new(root, "box_radius", json_string(s));
        flint_free(s);
    }

    rc_loss(loss, W, V, prec);
    json_object_set_new(root, "loss", cli_json_enclosure(loss, prec));

    zero = rc_student_zero_row(W, prec);
    if (zero >= 0)
    {
        char reason[256], where[1100];
        rc_point_where_student(where, sizeof where, pt, zero);
        if (pt->w_line[zero] > 0)
            snprintf(reason, sizeof reason, "student neuron %ld (line %ld) %s: F is "
                     "not differentiable there", zero, pt->w_line[zero],
                     have_radius ? "may be zero in the box" : "is zero");
        else
            snprintf(reason, sizeof reason, "student neuron %ld (row %ld) %s: F is "
                     "not differentiable there", zero, zero,
                     have_radius ? "may be zero in the box" : "is zero");
        if (want_hessian)
        {
            cli_fail("%s: expected a nonzero student neuron for --hessian, "
                     "found neuron %ld %s (F has no Hessian there)", where, zero,
                     have_radius ? "whose box contains 0" : "= 0");
            json_decref(root);
            res = RC_EXIT_BADINPUT;
            goto clear;
        }
        json_object_set_new(root, "differentiable", json_false());
        json_object_set_new(root, "reason", json_string(reason));
        cli_json_print(root);
        json_decref(root);
        goto clear;
    }

    arb_mat_init(G, pt->n, pt->d);
    rc_gradient(G, W, V, prec);
    rc_mat_frobenius_norm(gnorm, G, prec);
    json_object_set_new(root, "gradient_norm", cli_json_enclosure(gnorm, prec));
    json_object_set_new(root, "gradient", cli_json_enclosure_mat(G, prec));
    arb_mat_clear(G);

    N = pt->n * pt->d;
    if (!want_hessian && N > EVAL_EIG_MAX_DIM && N <= EVAL_EIG64_MAX_DIM)
    {
        if (N > 2500 && isatty(2))
            fprintf(stderr, "eval: enclosing the smallest eigenvalue of the %ld x %ld Hessian "
                    "in binary64 (Rump's test; about a minute at 10^4)...\n", (long) N, (long) N);
        if (rc_d_hessian_eig_min(lam, W, V, prec))
            json_object_set_new(root, "hessian_min_eig", cli_json_enclosure(lam, prec));
        else
            json_object_set_new(root, "hessian_min_eig_skipped",
                                json_string("binary64 path: no lower bound proved (or the BLAS "
                                            "self-test failed); pass --hessian for ball arithmetic"));
        json_object_set_new(root, "hessian_min_eig_method", json_string("binary64"));
    }
    else if (want_hessian || N <= EVAL_EIG_MAX_DIM)
    {
        arb_mat_init(H, N, N);
        rc_hessian(H, W, V, prec);
        rc_mat_eig_min(lam, NULL, H, prec);
        json_object_set_new(root, "hessian_min_eig", cli_json_enclosure(lam, prec));
        if (want_hessian)
            json_object_set_new(root, "hessian", cli_json_enclosure_mat(H, prec));
        arb_mat_clear(H);
    }
    else
        json_object_set_new(root, "hessian_min_eig_skipped",
                            json_string("n*d > 10^4: pass --hessian to compute it (O((n d)^3) ball operations)"));
    json_object_set_new(root, "differentiable", json_true());
    cli_json_print(root);
    json_decref(root);

clear:
    arb_mat_clear(W);
    arb_mat_clear(V);
    arb_clear(loss); arb_clear(gnorm); arb_clear(lam);
    goto out;
bad:
    res = RC_EXIT_BADINPUT;
out:
    rc_point_clear(pt);
    fmpq_clear(radius);
    return res;
}
