/* The directions of an OPSC experiment computed by worker processes (the
   result does not depend on their number): relucert certify opsc (whole, or
   one shard) and relucert paper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/opsc.h"
#include "relucert/workflow.h"

typedef struct
{
    const rc_opsc_params_struct * p;
    json_t ** entry;
    slong done;
    rc_progress_fn progress;
    void * pctx;
    double t0;
    slong si, sn, count;    /* item i is direction si + i sn, of count items */
}
opsc_ctx;

static void
opsc_work(FILE * out, slong i, void * ctx)
{
    opsc_ctx * c = ctx;
    json_t * e = rc_opsc_direction_entry(c->p, c->si + i * c->sn);
    char * t = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);

    fprintf(out, "%ld\t%s\n", (long) i, t);
    free(t);
    json_decref(e);
}

static void
opsc_line(char * line, void * ctx)
{
    opsc_ctx * c = ctx;
    char * tab = strchr(line, '\t');
    slong i = atol(line);
    json_error_t je;

    if (tab != NULL && i >= 0 && i < c->count && c->entry[i] == NULL)
    {
        c->entry[i] = json_loads(tab + 1, 0, &je);
        c->done++;
        rc_progress_report(c->progress, c->pctx, RC_PROGRESS_STEP, "certify opsc", c->done,
                           c->count, "directions", rc_clock_now() - c->t0);
    }
}

/* how many of the items 0..total-1 shard i (0-based) of n takes: those
   with r mod n = i */
static slong
shard_size(slong total, slong i, slong n)
{
    return i < total ? (total - i + n - 1) / n : 0;
}

json_t *
rc_opsc_directions_run(const rc_opsc_params_t p, slong si, slong sn, int jobs,
                       rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    opsc_ctx c;
    json_t * dirs = json_array();
    slong i;

    c.p = p;
    c.si = si;
    c.sn = sn;
    c.count = shard_size(p->samples, si, sn);
    c.entry = flint_calloc(FLINT_MAX(c.count, 1), sizeof(json_t *));
    c.done = 0;
    c.progress = progress;
    c.pctx = progress_ctx;
    c.t0 = rc_clock_now();
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, "certify opsc", 0, c.count,
                       "directions", 0);
    rc_workers_run(jobs, c.count, 0, opsc_work, opsc_line, &c, err);
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, "certify opsc", c.done,
                       c.count, "directions", rc_clock_now() - c.t0);
    for (i = 0; i < c.count; i++)
        json_array_append_new(dirs, c.entry[i] ? c.entry[i] : json_null());
    flint_free(c.entry);
    return dirs;
}
