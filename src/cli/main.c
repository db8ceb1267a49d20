/* The relucert command: dispatch to subcommands. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const char * usage =
"Usage: relucert COMMAND [OPTIONS] [ARGS]\n"
"\n"
"Certified claims about the loss landscape of shallow ReLU networks.\n"
"\n"
"Commands:\n"
"  eval      rigorous enclosures of F, grad F and the smallest Hessian\n"
"            eigenvalue at a point or over a box\n"
"  certify   prove claims and write certificates:\n"
"            certify minimum (candidate minima, the split saddles)\n"
"  check     re-verify certificates from their own contents\n"
"  search    find candidate minima by seeded local searches\n"
"  overparam the non-global minima of students with n = k + s neurons: search\n"
"            and certify, a table and a figure\n"
"  paper     certify a compact version of every claim of the central paper\n"
"  latex     a LaTeX appendix from certificates\n"
"  atlas     find two- and three-block critical points and certify each,\n"
"            by continuation in k (the atlas, with a figure)\n"
"  census    a certified census of the one-block critical points: all of\n"
"            them, each with its Morse index, and a proof there is no other\n"
"\n"
"Options:\n"
"  -h, --help      this help ('relucert COMMAND --help' for a command)\n"
"  -V, --version   versions of relucert, FLINT, Arb, MPFR and GMP\n"
"\n"
"Limits (any command; relucert(1), RESOURCE LIMITS):\n"
"  --max-prec B    accept precisions up to B bits (default 65536)\n"
"  --max-params N  accept dense problems of up to N parameters (default\n"
"                  1,000 in ball arithmetic, 10,000 on the binary64 path)\n"
"\n"
"Progress (any command):\n"
"  --progress M    auto (default: a redrawn line on a terminal, a line a\n"
"                  minute otherwise), always (also into a pipe or a log: a\n"
"                  line when a phase starts, every 5 s and when it ends) or\n"
"                  never\n"
"\n"
"Exit status: 0 success, 1 a claim refuted or undecided, 2 bad input.\n"
"See relucert(1) and docs/guide.md.\n";

/* Takes the global options --max-prec, --max-params and --progress (as
   "--opt V" or "--opt=V") out of argv[2..], setting the limits (limits.h)
   and the progress display (progress.c). Returns 0, or
   RC_EXIT_BADINPUT after one line on stderr. */
static int
take_limits(int * argc, char ** argv)
{
    int i = 2, j = 2;

    while (i < *argc)
    {
        const char * a = argv[i], * v = NULL;
        int prec = strncmp(a, "--max-prec", 10) == 0 && (a[10] == '\0' || a[10] == '=');
        int params = strncmp(a, "--max-params", 12) == 0 && (a[12] == '\0' || a[12] == '=');
        int progress = strncmp(a, "--progress", 10) == 0 && (a[10] == '\0' || a[10] == '=');
        slong x;

        if (strcmp(a, "--") == 0)
            break;
        if (!prec && !params && !progress)
        {
            argv[j++] = argv[i++];
            continue;
        }
        v = strchr(a, '=');
        if (v != NULL)
            v++, i++;
        else
        {
            v = i + 1 < *argc ? argv[i + 1] : NULL;
            i += 2;
        }
        if (progress)
        {
            if (v != NULL && strcmp(v, "auto") == 0)
                cli_progress_mode = CLI_PROGRESS_AUTO;
            else if (v != NULL && strcmp(v, "always") == 0)
                cli_progress_mode = CLI_PROGRESS_ALWAYS;
            else if (v != NULL && strcmp(v, "never") == 0)
                cli_progress_mode = CLI_PROGRESS_NEVER;
            else
                return cli_fail("--progress: expected auto, always or never, found '%.40s'",
                                v ? v : ""), RC_EXIT_BADINPUT;
        }
        else if (prec)
        {
            if (cli_parse_slong(&x, "--max-prec", v, 16, 1L << 30))
                return RC_EXIT_BADINPUT;
            rc_limit_set_prec(x);
        }
        else
        {
            if (cli_parse_slong(&x, "--max-params", v, 1, WORD_MAX))
                return RC_EXIT_BADINPUT;
            rc_limit_set_params(x);
        }
    }
    while (i < *argc)
        argv[j++] = argv[i++];
    argv[j] = NULL;
    *argc = j;
    return 0;
}

int
main(int argc, char ** argv)
{
    int res;

    if (argc < 2)
        return cli_fail("expected a command: eval, certify, check, search, overparam, paper, latex, atlas or census "
                        "(see 'relucert --help')");
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
    {
        fputs(usage, stdout);
        return RC_EXIT_OK;
    }
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0)
    {
        printf("relucert %s (FLINT %s, Arb %s, MPFR %s, GMP %s)\n",
               rc_version_relucert(), rc_version_flint(), rc_version_arb(),
               rc_version_mpfr(), rc_version_gmp());
        return RC_EXIT_OK;
    }
    if (take_limits(&argc, argv))
        return RC_EXIT_BADINPUT;
    if (strcmp(argv[1], "eval") == 0)
        res = cmd_eval(argc - 1, argv + 1);
    else if (strcmp(argv[1], "certify") == 0)
        res = cmd_certify(argc - 1, argv + 1);
    else if (strcmp(argv[1], "latex") == 0)
        res = cmd_latex(argc - 1, argv + 1);
    else if (strcmp(argv[1], "paper") == 0)
        res = cmd_paper(argc - 1, argv + 1);
    else if (strcmp(argv[1], "search") == 0)
        res = cmd_search(argc - 1, argv + 1);
    else if (strcmp(argv[1], "overparam") == 0)
        res = cmd_overparam(argc - 1, argv + 1);
    else if (strcmp(argv[1], "check") == 0)
        res = cmd_check(argc - 1, argv + 1);
    else if (strcmp(argv[1], "atlas") == 0)
        res = cmd_atlas(argc - 1, argv + 1);
    else if (strcmp(argv[1], "census") == 0)
        res = cmd_census(argc - 1, argv + 1);
    else
        res = cli_fail("unknown command '%.40s': expected one of: eval, certify, check, search, overparam, paper, latex, atlas, census "
                       "(see 'relucert --help')", argv[1]);
    flint_cleanup();
    return res;
}
