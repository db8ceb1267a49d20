/* relucert check: re-verify certificates from their own contents. */
#include <getopt.h>
#include <stdio.h>
#include "cli.h"

static const char * check_usage =
"Usage: relucert check [--jobs N] [--shard I/N] CERT...\n"
"\n"
"Re-verifies each certificate from its own contents alone (box, teacher,\n"
"precision, witnesses): recomputes every verdict and enclosure and compares\n"
"them with the claims. Prints one line per certificate:\n"
"  CERT: ok\n"
"  CERT: FAILED: reason\n"
"in the order given. --jobs N spreads the checks over N worker processes\n"
"(default 1): whole files, and the directions of opsc certificates.\n"
"--shard I/N checks only the files at positions I, I + N, ... of the list\n"
"(1-based; one task of a job array over machines: docs/cluster.md).\n"
"\n"
"Exit status: 0 all ok, 1 some certificate FAILED (including broken JSON\n"
"and unknown formats), 2 usage error or a file that cannot be read.\n";

/* prints the outcome of one file: "PATH: ok" (unless quiet), "PATH:
   FAILED: reason" on stdout, an unreadable file on stderr */
static void
print_one(const char * path, int st, const char * reason, int quiet)
{
    if (st == RC_CHECK_UNREADABLE)
        cli_fail("%s: %s", path, reason);
    else if (st != RC_CHECK_OK)
        printf("%s: FAILED: %s\n", path, reason);
    else if (!quiet)
        printf("%s: ok\n", path);
    fflush(stdout);
}

int
cli_check_file(const char * path, int quiet)
{
    rc_error_t why;
    int st = rc_check_file(why, path);
    print_one(path, st, why->msg, quiet);
    return st;
}

static void
check_result(const char * path, int status, const char * reason, void * ctx)
{
    print_one(path, status, reason, *(int *) ctx);
}

int
cli_check_files(const char * const * paths, slong n, int jobs, int quiet)
{
    cli_progress_t pr;
    rc_error_t err;
    int res;

    cli_progress_init(&pr);
    res = rc_check_files(paths, n, jobs, check_result, &quiet, cli_progress, &pr, err);
    if (err->msg[0] != '\0')
        cli_fail("%s", err->msg);
    return res;
}

int
cmd_check(int argc, char ** argv)
{
    static struct option opts[] = {
        {"jobs", required_argument, 0, 'j'},
        {"shard", required_argument, 0, 's'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    int c, res;
    slong jobs = 1, si = 0, sn = 1, i, m;
    char ** files;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        if (c == 'h')
        {
            fputs(check_usage, stdout);
            return RC_EXIT_OK;
        }
        if (c == 'j')
        {
            if (cli_parse_slong(&jobs, "--jobs", optarg, 1, 256))
                return RC_EXIT_BADINPUT;
            continue;
        }
        if (c == 's')
        {
            if (cli_parse_shard(&si, &sn, optarg))
                return RC_EXIT_BADINPUT;
            continue;
        }
        return cli_fail("check: unknown or incomplete option '%s' (see 'relucert check --help')",
                        argv[optind - 1]);
    }
    if (optind >= argc)
        return cli_fail("check: expected at least one certificate file");
    /* --shard I/N: the files at positions r with r mod N = I - 1 */
    files = flint_malloc(sizeof(char *) * (argc - optind));
    for (i = optind, m = 0; i < argc; i++)
        if ((i - optind) % sn == si)
            files[m++] = argv[i];
    if (m == 0)
    {
        flint_free(files);
        printf("shard %ld/%ld: no file (fewer files than shards)\n", (long) si + 1, (long) sn);
        return RC_EXIT_OK;
    }
    res = cli_check_files((const char * const *) files, m, (int) jobs, 0);
    flint_free(files);
    return res;
}
