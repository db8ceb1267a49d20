/* relucert eval: rigorous enclosures of F, grad F, |grad F|, the Hessian and
   its smallest eigenvalue at a point or over a box, as JSON. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

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
    slong prec = 256, k = -1, index = -1;
    int c, want_hessian = 0, have_radius = 0, res = RC_EXIT_OK;
    const char * dataset = NULL, * file = NULL, * teacher = NULL;
    fmpq_t radius;
    rc_point_t pt;
    rc_error_t err;

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

    {
        json_t * root;
        cli_progress_t pr;
        cli_progress_init(&pr);
        if (rc_eval_point_json(&root, pt, have_radius ? radius : NULL, want_hessian, prec,
                               pr.tty || cli_progress_mode == CLI_PROGRESS_ALWAYS
                               ? cli_progress : NULL, &pr, err))
        {
            cli_fail("%s", err->msg);
            goto bad;
        }
        cli_json_print(root);
        json_decref(root);
    }
    goto out;
bad:
    res = RC_EXIT_BADINPUT;
out:
    rc_point_clear(pt);
    fmpq_clear(radius);
    return res;
}
