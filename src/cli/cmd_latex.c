/* relucert latex: options and exit status; the appendix is rc_latex_write
   (src/workflow/latex.c). */
#include <getopt.h>
#include <stdio.h>
#include "cli.h"

static const char * latex_usage =
"Usage: relucert latex CERT... [--title T] [--standalone] [--digits D]\n"
"                             [--atlas DIR/atlas.jsonl]\n"
"\n"
"Writes to stdout a LaTeX fragment (a full document with --standalone) that a\n"
"paper can \\input: for each kind of certificate a statement of what was\n"
"proved and the lemma it rests on (proofs/lemmas.md), booktabs tables of\n"
"the certified numbers rounded outward to D significant digits (default 6;\n"
"a printed lower bound is <= the certified one, an upper bound >=), a\n"
"pgfplots figure of the certified curvature against eps when a nonconvex\n"
"certificate is given, and how to re-check: the relucert version, the\n"
"command and the SHA-256 of every certificate file. Needs the LaTeX\n"
"packages booktabs and pgfplots. With --atlas (the output of relucert\n"
"atlas; certificate files are then optional) it adds a section on the atlas:\n"
"its counts and the atlas figure (the (k, a) planes, F and lambda_min\n"
"against k).\n"
"\n"
"Exit status: 0 written, 1 a certificate did not pass the checker (it is\n"
"then left out), 2 bad input.\n";

int
cmd_latex(int argc, char ** argv)
{
    static struct option opts[] = {
        {"title", required_argument, 0, 't'},
        {"standalone", no_argument, 0, 's'},
        {"digits", required_argument, 0, 'd'},
        {"atlas", required_argument, 0, 'a'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    rc_latex_params_t par;
    cli_progress_t progress;
    rc_error_t err;
    int c, res;

    rc_latex_params_init(par);
    cli_progress_init(&progress);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 't': par->title = optarg; break;
            case 's': par->standalone = 1; break;
            case 'a': par->atlas = optarg; break;
            case 'd': if (cli_parse_slong(&par->digits, "--digits", optarg, 2, 30)) return RC_EXIT_BADINPUT; break;
            case 'h': fputs(latex_usage, stdout); return RC_EXIT_OK;
            default:
                return cli_fail("latex: unknown or incomplete option '%s' (see 'relucert latex --help')",
                                argv[optind - 1]);
        }
    }
    if (optind >= argc && par->atlas == NULL)
        return cli_fail("latex: expected at least one certificate file (or --atlas FILE)");
    res = rc_latex_write(stdout, (const char * const *) argv + optind, argc - optind, par,
                         cli_progress, &progress, err);
    if (res == 2)
        return cli_fail("%s", err->msg);
    return res == 0 ? RC_EXIT_OK : RC_EXIT_UNPROVED;
}
