/* Re-verifying certificate files: one, or many over worker processes (whole
   files, and the directions of opsc certificates in parts). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "relucert/cert_json.h"
#include "relucert/workflow.h"

/* *root = the certificate in path, and RC_CHECK_OK; else *root = NULL, the
   status, and why filled */
static int
load_one(json_t ** root, rc_error_t why, const char * path)
{
    json_error_t jerr;
    FILE * f = fopen(path, "rb");

    *root = NULL;
    if (f == NULL)
        return rc_error_set(why, "cannot open: %s", strerror(errno)), RC_CHECK_UNREADABLE;
    *root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    fclose(f);
    if (*root == NULL)
        return rc_error_set(why, "%s:%d: expected a JSON certificate: %s", path, jerr.line,
                            jerr.text), RC_CHECK_FAILED;
    return RC_CHECK_OK;
}

int
rc_check_file(rc_error_t why, const char * path)
{
    json_t * root;
    int st = load_one(&root, why, path);

    if (st != RC_CHECK_OK)
        return st;
    st = rc_cert_check(why, root) ? RC_CHECK_FAILED : RC_CHECK_OK;
    if (st == RC_CHECK_OK)
        rc_error_init(why);
    json_decref(root);
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
    char ** msg;        /* per item: the reason, "" if ok */
    slong done, n;      /* items reported, items */
    rc_progress_fn progress;
    void * pctx;
    double t0;
}
check_ctx;

static void
check_work(FILE * out, slong i, void * ctx)
{
    check_ctx * c = ctx;
    slong it = c->order[i];
    rc_error_t why;

    /* rc_error_set keeps the reason on one line */
    if (rc_cert_check_part(why, c->root[c->file[it]], c->part[it], c->nparts[it]))
        fprintf(out, "%ld\t%d\t%s\n", (long) it, RC_CHECK_FAILED, why->msg);
    else
        fprintf(out, "%ld\t%d\t\n", (long) it, RC_CHECK_OK);
}

static void
check_line(char * line, void * ctx)
{
    check_ctx * c = ctx;
    char * t1 = strchr(line, '\t'), * t2 = t1 ? strchr(t1 + 1, '\t') : NULL, * nl;
    slong it = atol(line);

    if (t2 == NULL || it < 0 || it >= c->n || c->msg[it] != NULL)
        return;
    if ((nl = strchr(t2 + 1, '\n')) != NULL)
        *nl = '\0';
    c->st[it] = atoi(t1 + 1);
    c->msg[it] = strdup(t2 + 1);
    c->done++;
    rc_progress_report(c->progress, c->pctx, RC_PROGRESS_STEP, "check", c->done, c->n,
                       "parts", rc_clock_now() - c->t0);
}

static int
by_cost_desc(const void * a, const void * b)
{
    const slong * x = a, * y = b;
    return x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : (x[0] > y[0]) - (x[0] < y[0]);
}

int
rc_check_files(const char * const * paths, slong n, int jobs,
               rc_check_result_fn result, void * result_ctx,
               rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    check_ctx c;
    slong i, j, ni = 0, it, * key;
    int res = RC_CHECK_OK, * fst;
    char ** fmsg;
    double t0 = rc_clock_now();

    rc_error_init(err);
    if (jobs <= 1)
    {
        for (i = 0; i < n; i++)
        {
            rc_error_t why;
            int r = rc_check_file(why, paths[i]);
            res = FLINT_MAX(res, r);
            if (result != NULL)
                result(paths[i], r, why->msg, result_ctx);
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
        rc_error_t why;

        fst[i] = load_one(&c.root[i], why, paths[i]);
        if (fst[i] != RC_CHECK_OK)
        {
            fmsg[i] = strdup(why->msg);
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
    c.progress = progress;
    c.pctx = progress_ctx;
    c.t0 = t0;
    c.st = flint_calloc(FLINT_MAX(ni, 1), sizeof(int));
    c.msg = flint_calloc(FLINT_MAX(ni, 1), sizeof(char *));
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, "check", 0, ni, "parts", 0);
    if (ni > 0 && rc_workers_run(jobs, ni, 0, check_work, check_line, &c, err))
        res = RC_CHECK_UNREADABLE;
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, "check", c.done, ni, "parts",
                       rc_clock_now() - t0);
    /* a file's outcome: its first failing part in part order, else ok */
    for (it = 0; it < ni; it++)
    {
        slong f = c.file[it];
        int st = c.msg[it] ? c.st[it] : RC_CHECK_UNREADABLE;
        if (fmsg[f] == NULL || (fst[f] == RC_CHECK_OK && st != RC_CHECK_OK))
        {
            free(fmsg[f]);
            fmsg[f] = strdup(c.msg[it] ? c.msg[it] : "not checked (its worker failed)");
            fst[f] = st;
        }
        free(c.msg[it]);
    }
    for (i = 0; i < n; i++)
    {
        if (result != NULL)
            result(paths[i], fst[i], fmsg[i] ? fmsg[i] : "", result_ctx);
        res = FLINT_MAX(res, fst[i]);
        free(fmsg[i]);
        json_decref(c.root[i]);
    }
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
