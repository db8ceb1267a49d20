/* relucert check: re-verify certificates from their own contents. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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

/* *root = the certificate in path, and RC_EXIT_OK; else *root = NULL, the
   exit status, and in msg the text after "PATH: " ("FAILED: ..." for broken
   JSON, the error for an unreadable file) */
static int
load_one(json_t ** root, char * msg, size_t len, const char * path)
{
    json_error_t jerr;
    FILE * f = fopen(path, "rb");

    *root = NULL;
    if (f == NULL)
    {
        snprintf(msg, len, "cannot open: %s", strerror(errno));
        return RC_EXIT_BADINPUT;
    }
    *root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    fclose(f);
    if (*root == NULL)
    {
        snprintf(msg, len, "FAILED: %s:%d: expected a JSON certificate: %s", path, jerr.line,
                 jerr.text);
        return RC_EXIT_UNPROVED;
    }
    return RC_EXIT_OK;
}

/* checks one file: the exit status, and in msg the text after "PATH: "
   ("ok", "FAILED: reason") or for an unreadable file the error line */
static int
check_one(char * msg, size_t len, const char * path)
{
    json_t * root;
    rc_error_t why;
    int st = load_one(&root, msg, len, path);

    if (st != RC_EXIT_OK)
        return st;
    if (rc_cert_check(why, root))
    {
        snprintf(msg, len, "FAILED: %s", why->msg);
        json_decref(root);
        return RC_EXIT_UNPROVED;
    }
    snprintf(msg, len, "ok");
    json_decref(root);
    return RC_EXIT_OK;
}

/* prints the outcome of one file: "PATH: ok" (unless quiet), "PATH:
   FAILED: ..." on stdout, an unreadable file on stderr */
static void
print_one(const char * path, int st, const char * msg, int quiet)
{
    if (st == RC_EXIT_BADINPUT)
        cli_fail("%s: %s", path, msg);
    else if (st != RC_EXIT_OK || !quiet)
        printf("%s: %s\n", path, msg);
}

int
cli_check_file(const char * path, int quiet)
{
    char msg[1200];
    int st = check_one(msg, sizeof msg, path);
    print_one(path, st, msg, quiet);
    return st;
}

/* the parallel check: every file is loaded by the parent; the work items
   are (file, part) pairs, an opsc certificate being split into up to jobs
   parts (rc_cert_check_part) so that one large file does not keep a single
   core busy while the others idle */
typedef struct
{
    json_t ** root;     /* NULL: not loaded (status and message already set) */
    slong * file, * part, * nparts;   /* per item */
    slong * order;      /* items, the costliest first */
    int * st;           /* per item */
    char ** msg;        /* per item */
    slong done, n;      /* items reported, items */
    int show;           /* progress on stderr (a terminal) */
}
check_ctx;

static void
check_work(FILE * out, slong i, void * ctx)
{
    check_ctx * c = ctx;
    slong it = c->order[i];
    rc_error_t why;
    char * p;

    if (rc_cert_check_part(why, c->root[c->file[it]], c->part[it], c->nparts[it]))
    {
        for (p = why->msg; *p; p++)       /* one line per result */
            if (*p == '\n')
                *p = ' ';
        fprintf(out, "%ld\t%d\tFAILED: %s\n", (long) it, RC_EXIT_UNPROVED, why->msg);
    }
    else
        fprintf(out, "%ld\t%d\tok\n", (long) it, RC_EXIT_OK);
}

static void
check_line(char * line, void * ctx)
{
    check_ctx * c = ctx;
    char * t1 = strchr(line, '\t'), * t2 = t1 ? strchr(t1 + 1, '\t') : NULL, * nl;
    slong it = atol(line);

    if (t2 == NULL || it < 0 || c->msg[it] != NULL)
        return;
    if ((nl = strchr(t2 + 1, '\n')) != NULL)
        *nl = '\0';
    c->st[it] = atoi(t1 + 1);
    c->msg[it] = strdup(t2 + 1);
    if (c->show)
        fprintf(stderr, "\rcheck: %ld/%ld parts", (long) ++c->done, (long) c->n);
}

static int
by_cost_desc(const void * a, const void * b)
{
    const slong * x = a, * y = b;
    return x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : (x[0] > y[0]) - (x[0] < y[0]);
}

int
cli_check_files(const char * const * paths, slong n, int jobs, int quiet)
{
    check_ctx c;
    slong i, j, ni = 0, it, * key;
    int res = RC_EXIT_OK, * fst;
    char ** fmsg;

    if (jobs <= 1)
    {
        for (i = 0; i < n; i++)
        {
            int r = cli_check_file(paths[i], quiet);   /* FLINT_MAX evaluates twice */
            res = FLINT_MAX(res, r);
            fflush(stdout);
        }
        return res;
    }
    c.root = flint_calloc(n, sizeof(json_t *));
    fst = flint_calloc(n, sizeof(int));
    fmsg = flint_calloc(n, sizeof(char *));
    c.file = c.part = c.nparts = NULL;
    key = NULL;
    for (i = 0; i < n; i++)
    {
        struct stat sb;
        slong np, cost = stat(paths[i], &sb) == 0 ? (slong) sb.st_size : 0;
        char buf[1200];

        fst[i] = load_one(&c.root[i], buf, sizeof buf, paths[i]);
        if (fst[i] != RC_EXIT_OK)
        {
            fmsg[i] = strdup(buf);
            continue;
        }
        np = FLINT_MIN(rc_cert_check_parts(c.root[i]), jobs);
        c.file = flint_realloc(c.file, sizeof(slong) * (ni + np));
        c.part = flint_realloc(c.part, sizeof(slong) * (ni + np));
        c.nparts = flint_realloc(c.nparts, sizeof(slong) * (ni + np));
        key = flint_realloc(key, sizeof(slong) * 2 * (ni + np));
        for (j = 0; j < np; j++, ni++)
        {
            c.file[ni] = i;
            c.part[ni] = j;
            c.nparts[ni] = np;
            key[2 * ni] = ni;
            key[2 * ni + 1] = cost / np;
        }
    }
    qsort(key, ni, 2 * sizeof(slong), by_cost_desc);
    c.order = flint_malloc(sizeof(slong) * FLINT_MAX(ni, 1));
    for (it = 0; it < ni; it++)
        c.order[it] = key[2 * it];
    c.done = 0;
    c.n = ni;
    c.show = isatty(2) && ni > 1;
    c.st = flint_calloc(FLINT_MAX(ni, 1), sizeof(int));
    c.msg = flint_calloc(FLINT_MAX(ni, 1), sizeof(char *));
    if (ni > 0 && cli_workers(jobs, ni, 0, check_work, check_line, &c))
        res = RC_EXIT_BADINPUT;
    if (c.show)
        fputc('\n', stderr);
    /* a file's outcome: its first failing part in part order, else ok */
    for (it = 0; it < ni; it++)
    {
        slong f = c.file[it];
        int st = c.msg[it] ? c.st[it] : RC_EXIT_BADINPUT;
        if (fmsg[f] == NULL || (fst[f] == RC_EXIT_OK && st != RC_EXIT_OK))
        {
            free(fmsg[f]);
            fmsg[f] = strdup(c.msg[it] ? c.msg[it] : "not checked (its worker failed)");
            fst[f] = st;
        }
        free(c.msg[it]);
    }
    for (i = 0; i < n; i++)
    {
        print_one(paths[i], fst[i], fmsg[i], quiet);
        res = FLINT_MAX(res, fst[i]);
        free(fmsg[i]);
        json_decref(c.root[i]);
    }
    fflush(stdout);
    flint_free(key);
    flint_free(c.root);
    flint_free(c.file);
    flint_free(c.part);
    flint_free(c.nparts);
    flint_free(c.order);
    flint_free(c.st);
    flint_free(c.msg);
    flint_free(fst);
    flint_free(fmsg);
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
