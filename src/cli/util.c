/* Option parsing and JSON output helpers of the relucert command. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

int
cli_fail(const char * fmt, ...)
{
    va_list ap;
    fputs("relucert: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return RC_EXIT_BADINPUT;
}

int
cli_parse_slong(slong * v, const char * opt, const char * s, slong lo, slong hi)
{
    char * end;
    long x;
    if (s == NULL || *s == '\0')
        return cli_fail("%s: expected an integer in [%ld, %ld], found nothing", opt, lo, hi);
    x = strtol(s, &end, 10);
    if (*end != '\0' || x < lo || x > hi)
        return cli_fail("%s: expected an integer in [%ld, %ld], found '%.40s'",
                        opt, lo, hi, s);
    *v = x;
    return 0;
}

int
cli_parse_fmpq(fmpq_t v, const char * opt, const char * s)
{
    rc_error_t err;
    if (rc_number_parse_fmpq(v, s, err))
        return cli_fail("%s: %s", opt, err->msg);
    return 0;
}

void
cli_json_print(json_t * root)
{
    json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
}

int
cli_workers(int jobs, slong n, int largest_first,
            void (*work)(FILE * out, slong i, void * ctx),
            void (*line)(char * text, void * ctx), void * ctx)
{
    rc_error_t err;
    int res = rc_workers_run(jobs, n, largest_first, work, line, ctx, err);
    if (res)
        cli_fail("%s", err->msg);
    return res;
}

int
cli_write_cert(const char * path, json_t * root)
{
    if (path == NULL)
    {
        json_dumpf(root, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
        return 0;
    }
    return rc_cert_write_file(path, root);
}

void
cli_fmpq_list_clear(fmpq * v, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        fmpq_clear(v + i);
    flint_free(v);
}

const char *
cli_default_dataset(char * buf, size_t len)
{
    static const char * name = "safran2021-minima.jsonl";
    char exe[4096];
    ssize_t n;

    snprintf(buf, len, "data/%s", name);
    if (access(buf, R_OK) == 0)
        return buf;
    /* next to the executable: BUILD/relucert, or BUILD/.libs/relucert
       behind libtool's wrapper */
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0)
    {
        char * slash;
        exe[n] = '\0';
        if ((slash = strrchr(exe, '/')) != NULL)
        {
            *slash = '\0';
            snprintf(buf, len, "%s/data/%s", exe, name);
            if (access(buf, R_OK) == 0)
                return buf;
            if ((slash = strrchr(exe, '/')) != NULL && strcmp(slash, "/.libs") == 0)
            {
                *slash = '\0';
                snprintf(buf, len, "%s/data/%s", exe, name);
                if (access(buf, R_OK) == 0)
                    return buf;
            }
        }
    }
    snprintf(buf, len, "%s/%s", RC_SRCDATADIR, name);
    if (access(buf, R_OK) == 0)
        return buf;
    snprintf(buf, len, "%s/%s", RC_PKGDATADIR, name);
    if (access(buf, R_OK) == 0)
        return buf;
    return NULL;
}

int
cli_read_point(rc_point_t pt, const char * file, const char * teacher, rc_error_t err)
{
    if (rc_point_is_numpy_path(file))
        return rc_point_read_numpy(pt, file, teacher, err);
    if (teacher != NULL)
        return rc_error_set(err, "--teacher: expected a NumPy student (FILE.npy or FILE.npz) "
                            "with it; the point file %s holds its own teacher", file);
    return rc_point_read_file(pt, file, err);
}

int
cli_parse_shard(slong * i, slong * n, const char * s)
{
    long a, b;
    int used = 0;

    if (s == NULL || sscanf(s, "%ld/%ld%n", &a, &b, &used) != 2 || s[used] != '\0'
        || b < 1 || b > 1000000 || a < 1 || a > b)
        return cli_fail("--shard: expected I/N with 1 <= I <= N <= 10^6 (a Slurm array "
                        "task I of N), found '%.40s'", s ? s : "");
    *i = a - 1;
    *n = b;
    return 0;
}

int
cli_parse_arith(int * arith, const char * arg)
{
    if (strcmp(arg, "auto") == 0)
        *arith = RC_MIN_ARITH_AUTO;
    else if (strcmp(arg, "arb") == 0)
        *arith = RC_MIN_ARITH_ARB;
    else if (strcmp(arg, "binary64") == 0)
        *arith = RC_MIN_ARITH_BINARY64;
    else
        return cli_fail("--arith: expected auto, arb or binary64, found '%.40s'", arg), 1;
    return 0;
}
