/* relucert check: re-verify certificates from their own contents. */
#include <getopt.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include "cli.h"

static const char * check_usage =
"Usage: relucert check CERT...\n"
"\n"
"Re-verifies each certificate from its own contents alone (box, teacher,\n"
"precision, witnesses): recomputes every verdict and enclosure and compares\n"
"them with the claims. Prints one line per certificate:\n"
"  CERT: ok\n"
"  CERT: FAILED: reason\n"
"\n"
"Exit status: 0 all ok, 1 some certificate FAILED (including broken JSON\n"
"and unknown formats), 2 usage error or a file that cannot be read.\n";

int
cli_check_file(const char * path, int quiet)
{
    json_error_t jerr;
    json_t * root;
    rc_error_t why;
    FILE * f = fopen(path, "rb");

    if (f == NULL)
    {
        cli_fail("%s: cannot open: %s", path, strerror(errno));
        return RC_EXIT_BADINPUT;
    }
    root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    fclose(f);
    if (root == NULL)
    {
        printf("%s: FAILED: %s:%d: expected a JSON certificate: %s\n", path, path,
               jerr.line, jerr.text);
        return RC_EXIT_UNPROVED;
    }
    if (rc_cert_check(why, root))
    {
        printf("%s: FAILED: %s\n", path, why->msg);
        json_decref(root);
        return RC_EXIT_UNPROVED;
    }
    if (!quiet)
        printf("%s: ok\n", path);
    json_decref(root);
    return RC_EXIT_OK;
}

int
cmd_check(int argc, char ** argv)
{
    static struct option opts[] = {
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    int c, res = RC_EXIT_OK, r;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        if (c == 'h')
        {
            fputs(check_usage, stdout);
            return RC_EXIT_OK;
        }
        return cli_fail("check: unknown option '%s' (see 'relucert check --help')",
                        argv[optind - 1]);
    }
    if (optind >= argc)
        return cli_fail("check: expected at least one certificate file");
    for (; optind < argc; optind++)
    {
        r = cli_check_file(argv[optind], 0);
        fflush(stdout);
        res = FLINT_MAX(res, r);
    }
    return res;
}
