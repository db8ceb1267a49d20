/* relucert census: the one- or two-block census for a range of k
   (workflow.h). One k (one block) or one pair (k, a) (two blocks) is one
   work item: a worker searches (rc_census_search,
   rc_census_search_two_block), writes the certificate and re-checks it
   from the file; the parent collects one line per item and writes the
   summary. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "relucert/census.h"
#include "relucert/cert_json.h"
#include <sys/types.h>
#include "relucert/workflow.h"

void
rc_census_params_init(rc_census_params_t par)
{
    memset(par, 0, sizeof(rc_census_params_struct));
    par->k_min = 2;
    par->k_max = 2;
    par->out_dir = "relucert-census";
    par->pattern = "one-block";
    par->a = 0;
    par->max_nodes = 0;
    par->zero_depth = 24;
    par->prec = 128;
    par->max_depth = 80;
    par->jobs = 1;
    par->check = 1;
    par->resume = 1;
    par->shard_i = 0;
    par->shard_n = 1;
}

void
rc_census_summary_init(rc_census_summary_t S)
{
    memset(S, 0, sizeof(rc_census_summary_struct));
}

void
rc_census_summary_clear(rc_census_summary_t S)
{
    if (S->rows != NULL)
        json_decref(S->rows);
    rc_census_summary_init(S);
}

typedef struct
{
    const rc_census_params_struct * par;
    rc_census_summary_struct * S;
    rc_progress_fn progress;
    void * pctx;
    double t0;
    slong done, total;
    slong * ks, * as;          /* the items of this shard: k, and a (0: one
                                  block) */
    int bad_line;
}
run_ctx;

static void
cert_path(char * buf, size_t len, const char * dir, slong k, slong a)
{
    if (a == 0)
        snprintf(buf, len, "%s/census-k%04ld.json", dir, (long) k);
    else
        snprintf(buf, len, "%s/census-k%04ld-a%04ld.json", dir, (long) k, (long) a);
}

static int
two_block(const rc_census_params_struct * par)
{
    return strcmp(par->pattern, "two-block") == 0;
}

/* the counts of a point list (statuses as the checker confirmed them) */
static void
count_statuses(json_t * line, const json_t * points)
{
    slong j, m = 0, sd = 0, cr = 0;
    for (j = 0; j < (slong) json_array_size(points); j++)
    {
        const char * st = json_string_value(json_object_get(json_array_get(points, j), "status"));
        if (st != NULL && strcmp(st, "minimum") == 0)
            m++;
        else if (st != NULL && strcmp(st, "saddle") == 0)
            sd++;
        else
            cr++;
    }
    json_object_set_new(line, "points", json_integer(json_array_size(points)));
    json_object_set_new(line, "minima", json_integer(m));
    json_object_set_new(line, "saddles", json_integer(sd));
    json_object_set_new(line, "critical", json_integer(cr));
}

/* resume: 1 (line filled) when path holds a census of this precision
   that passes the check and is complete (one block) or complete or not
   (two blocks: the budget decides how far a search gets); 0 otherwise (it
   is recomputed) */
static int
try_resume(json_t * line, const char * path, const rc_census_params_struct * par)
{
    struct stat sb;
    rc_error_t why;
    json_error_t jerr;
    json_t * root;
    const json_t * tree;
    double t0 = rc_clock_now();
    int ok, complete;

    if (!par->resume || stat(path, &sb) != 0 || rc_check_file(why, path) != RC_CHECK_OK)
        return 0;
    root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL)
        return 0;
    tree = json_object_get(root, "tree");
    complete = json_is_string(json_object_get(json_object_get(json_object_get(root, "claims"),
                                                              "complete"), "verdict"))
               && strcmp(json_string_value(json_object_get(json_object_get(json_object_get(root,
                         "claims"), "complete"), "verdict")), "proved") == 0;
    ok = rc_json_is_slong(json_object_get(root, "prec"), par->prec)
         && (complete || two_block(par));
    if (ok)
    {
        json_object_set_new(line, "boxes", json_integer((json_array_size(tree) + 1) / 2));
        json_object_set(line, "depth", json_object_get(json_object_get(root, "claims"), "depth"));
        count_statuses(line, json_object_get(root, "points"));
        json_object_set_new(line, "unresolved",
                            json_integer(json_array_size(json_object_get(root, "unresolved"))));
        json_object_set(line, "unresolved_volume",
                        json_object_get(json_object_get(root, "claims"), "unresolved_volume"));
        json_object_set_new(line, "complete", json_boolean(complete));
        json_object_set_new(line, "checked", json_true());
        json_object_set_new(line, "resumed", json_true());
        json_object_set_new(line, "search_seconds", json_real(0));
        json_object_set_new(line, "check_seconds", json_real(rc_clock_now() - t0));
    }
    json_decref(root);
    return ok;
}

/* one item: a line of JSON {"k", ("a",) "boxes", ..., "error"} */
static void
work(FILE * out, slong i, void * vctx)
{
    run_ctx * R = vctx;
    const rc_census_params_struct * par = R->par;
    slong k = R->ks[i], a = R->as[i], j, minima = 0, saddles = 0, critical = 0;
    rc_census_t c;
    rc_error_t err, why;
    json_t * root, * line = json_object();
    char path[4096], * text;
    double t0 = rc_clock_now(), t1, t2;
    int st = -1;

    rc_census_init(c);
    json_object_set_new(line, "k", json_integer(k));
    if (a > 0)
        json_object_set_new(line, "a", json_integer(a));
    cert_path(path, sizeof path, par->out_dir, k, a);
    if (try_resume(line, path, par))
        ;
    else if (a == 0 ? rc_census_search(c, k, par->prec, par->max_depth, NULL, NULL, err)
                    : rc_census_search_two_block(c, k, a, par->prec, par->max_depth,
                                                 par->zero_depth, par->max_nodes, NULL, NULL,
                                                 err))
        json_object_set_new(line, "error", json_string(err->msg));
    else
    {
        t1 = rc_clock_now();
        root = rc_census_to_json(c);
        if (rc_cert_write_file(path, root))
            json_object_set_new(line, "error", json_string("cannot write the certificate"));
        else if (par->check)
        {
            st = rc_check_file(why, path);
            if (st != RC_CHECK_OK)
                json_object_set_new(line, "error", json_string(why->msg));
        }
        /* the certificate's own claim (rc_census_to_json computed it) */
        json_object_set(line, "unresolved_volume",
                        json_object_get(json_object_get(root, "claims"), "unresolved_volume"));
        json_decref(root);
        t2 = rc_clock_now();
        for (j = 0; j < c->npoints; j++)
        {
            const rc_census_point_struct * p = c->points + j;
            if (p->morse_index == 0 && arb_is_positive(p->lam_min))
                minima++;
            else if (p->morse_index > 0 || arb_is_negative(p->lam_min))
                saddles++;
            else
                critical++;
        }
        json_object_set_new(line, "boxes", json_integer((c->nnodes + 1) / 2));
        json_object_set_new(line, "depth", json_integer(c->depth));
        json_object_set_new(line, "points", json_integer(c->npoints));
        json_object_set_new(line, "minima", json_integer(minima));
        json_object_set_new(line, "saddles", json_integer(saddles));
        json_object_set_new(line, "critical", json_integer(critical));
        json_object_set_new(line, "unresolved", json_integer(c->nunresolved));
        json_object_set_new(line, "complete", json_boolean(rc_census_complete(c)));
        json_object_set_new(line, "checked", json_boolean(st == RC_CHECK_OK));
        json_object_set_new(line, "search_seconds", json_real(t1 - t0));
        json_object_set_new(line, "check_seconds", json_real(t2 - t1));
    }
    text = json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fprintf(out, "%s\n", text);
    fflush(out);
    free(text);
    json_decref(line);
    rc_census_clear(c);
}

static slong
get_int(const json_t * o, const char * key)
{
    const json_t * v = json_object_get(o, key);
    return json_is_integer(v) ? (slong) json_integer_value(v) : 0;
}

static void
line_in(char * text, void * vctx)
{
    run_ctx * R = vctx;
    rc_census_summary_struct * S = R->S;
    json_error_t jerr;
    json_t * o = json_loads(text, 0, &jerr);
    const json_t * e;
    char msg[512];

    if (o == NULL)
    {
        R->bad_line = 1;
        return;
    }
    S->ks++;
    S->boxes += get_int(o, "boxes");
    S->points += get_int(o, "points");
    S->minima += get_int(o, "minima");
    S->saddles += get_int(o, "saddles");
    S->critical += get_int(o, "critical");
    S->unresolved += get_int(o, "unresolved");
    e = json_object_get(o, "unresolved_volume");
    if (json_is_string(e))
        S->unresolved_volume_max = FLINT_MAX(S->unresolved_volume_max,
                                             atof(json_string_value(e)));
    if (json_is_true(json_object_get(o, "complete")))
        S->complete++;
    if (json_is_true(json_object_get(o, "checked")))
        S->checked++;
    if (json_is_true(json_object_get(o, "resumed")))
        S->resumed++;
    S->search_seconds += json_real_value(json_object_get(o, "search_seconds"));
    S->check_seconds += json_real_value(json_object_get(o, "check_seconds"));
    e = json_object_get(o, "error");
    if (json_is_string(e))
    {
        snprintf(msg, sizeof msg, "census k = %ld: %s", (long) get_int(o, "k"),
                 json_string_value(e));
        rc_progress_report(R->progress, R->pctx, RC_PROGRESS_ERROR, "census", 0, 0, msg, 0);
    }
    json_array_append_new(S->rows, o);
    R->done++;
    rc_progress_report(R->progress, R->pctx, RC_PROGRESS_STEP, "census", R->done, R->total,
                       "k", rc_clock_now() - R->t0);
}

static int
row_cmp(const void * a, const void * b)
{
    slong x = get_int(*(json_t * const *) a, "k"), y = get_int(*(json_t * const *) b, "k");
    if (x == y)
    {
        x = get_int(*(json_t * const *) a, "a");
        y = get_int(*(json_t * const *) b, "a");
    }
    return (x > y) - (x < y);
}

/* the work items of the shard into R->ks, R->as; returns their number */
static slong
make_items(run_ctx * R, const rc_census_params_struct * par)
{
    slong k, a, pos = 0, n = 0, alloc = 16;

    R->ks = flint_malloc(sizeof(slong) * alloc);
    R->as = flint_malloc(sizeof(slong) * alloc);
    for (k = par->k_min; k <= par->k_max; k++)
    {
        slong a0 = two_block(par) ? (par->a > 0 ? par->a : 1) : 0;
        slong a1 = two_block(par) ? (par->a > 0 ? par->a : k / 2) : 0;
        for (a = a0; a <= a1; a++, pos++)
        {
            if (a >= k || pos % par->shard_n != par->shard_i)
                continue;
            if (n == alloc)
            {
                alloc *= 2;
                R->ks = flint_realloc(R->ks, sizeof(slong) * alloc);
                R->as = flint_realloc(R->as, sizeof(slong) * alloc);
            }
            R->ks[n] = k;
            R->as[n++] = a;
        }
    }
    return n;
}

int
rc_census_run(rc_census_summary_t S, const rc_census_params_t par,
              rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    run_ctx R;
    json_t * sum, * sorted;
    json_t ** rows;
    char path[4096];
    slong n, j;
    int ret;

    rc_census_summary_clear(S);
    if (par->pattern == NULL || (strcmp(par->pattern, "one-block") != 0
                                 && strcmp(par->pattern, "two-block") != 0))
        return rc_error_set(err, "pattern: expected one-block or two-block, found '%.40s'",
                            par->pattern == NULL ? "" : par->pattern), 2;
    if (par->k_min < 2 || par->k_max < par->k_min || par->k_max > 1000000)
        return rc_error_set(err, "k: expected 2 <= k <= k-max <= 10^6, found %ld..%ld",
                            (long) par->k_min, (long) par->k_max), 2;
    if (two_block(par) && (par->k_min < 3 || par->k_max > 1000 || par->a < 0
                           || (par->a > 0 && par->a >= par->k_min) || par->max_nodes < 0
                           || par->zero_depth < 0))
        return rc_error_set(err, "two-block: expected 3 <= k <= k-max <= 1000, 0 <= a < k, "
                            "max-nodes >= 0 and zero-depth >= 0, found k = %ld..%ld, a = %ld",
                            (long) par->k_min, (long) par->k_max, (long) par->a), 2;
    if (par->shard_n < 1 || par->shard_i < 0 || par->shard_i >= par->shard_n)
        return rc_error_set(err, "shard: expected 0 <= i < n, found %ld of %ld",
                            (long) par->shard_i, (long) par->shard_n), 2;
    if (mkdir(par->out_dir, 0777) != 0 && errno != EEXIST)
        return rc_error_set(err, "%s: cannot create the directory: %s", par->out_dir,
                            strerror(errno)), 2;
    S->rows = json_array();
    n = make_items(&R, par);
    R.par = par;
    R.S = S;
    R.progress = progress;
    R.pctx = progress_ctx;
    R.t0 = rc_clock_now();
    R.done = 0;
    R.total = n;
    R.bad_line = 0;
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, "census", 0, n, "k", 0);
    ret = rc_workers_run(par->jobs, n, 1, work, line_in, &R, err);
    flint_free(R.ks);
    flint_free(R.as);
    if (ret)
        return 2;
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, "census", R.done, n, "k",
                       rc_clock_now() - R.t0);
    S->seconds = rc_clock_now() - R.t0;

    /* the rows in k order, and the summary file */
    n = json_array_size(S->rows);
    rows = flint_malloc(sizeof(json_t *) * FLINT_MAX(n, 1));
    for (j = 0; j < n; j++)
        rows[j] = json_incref(json_array_get(S->rows, j));
    qsort(rows, n, sizeof(json_t *), row_cmp);
    sorted = json_array();
    for (j = 0; j < n; j++)
        json_array_append_new(sorted, rows[j]);
    flint_free(rows);
    json_decref(S->rows);
    S->rows = sorted;
    sum = json_object();
    json_object_set_new(sum, "pattern", json_string(par->pattern));
    if (two_block(par) && par->a > 0)
        json_object_set_new(sum, "a", json_integer(par->a));
    json_object_set_new(sum, "k_min", json_integer(par->k_min));
    json_object_set_new(sum, "k_max", json_integer(par->k_max));
    json_object_set_new(sum, "ks", json_integer(S->ks));
    json_object_set_new(sum, "complete", json_integer(S->complete));
    json_object_set_new(sum, "checked", json_integer(S->checked));
    json_object_set_new(sum, "resumed", json_integer(S->resumed));
    json_object_set_new(sum, "points", json_integer(S->points));
    json_object_set_new(sum, "minima", json_integer(S->minima));
    json_object_set_new(sum, "saddles", json_integer(S->saddles));
    json_object_set_new(sum, "critical", json_integer(S->critical));
    json_object_set_new(sum, "unresolved", json_integer(S->unresolved));
    json_object_set_new(sum, "unresolved_volume_max", json_real(S->unresolved_volume_max));
    json_object_set_new(sum, "boxes", json_integer(S->boxes));
    json_object_set_new(sum, "seconds", json_real(S->seconds));
    json_object_set_new(sum, "jobs", json_integer(par->jobs));
    json_object_set_new(sum, "rows", json_incref(S->rows));
    if (par->shard_n > 1)
    {
        json_object_set_new(sum, "shard", json_integer(par->shard_i + 1));
        json_object_set_new(sum, "shards", json_integer(par->shard_n));
        snprintf(path, sizeof path, "%s/census-summary-shard%ld-of-%ld.json", par->out_dir,
                 (long) par->shard_i + 1, (long) par->shard_n);
    }
    else
        snprintf(path, sizeof path, "%s/census-summary.json", par->out_dir);
    ret = rc_cert_write_file(path, sum);
    json_decref(sum);
    if (ret)
        return rc_error_set(err, "%s: cannot write", path), 2;
    if (R.bad_line || S->ks != R.total)
        return rc_error_set(err, "census: %ld of %ld items reported",
                            (long) S->ks, (long) R.total), 1;
    return (S->complete == S->ks && S->checked == S->ks) ? 0 : 1;
}
