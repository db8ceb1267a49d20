/* relucert certify minimum --dataset as a library function: the selected
   records of a dataset certified over worker processes, one certificate
   file each, resumable (kept certificates are re-verified), in shards, and
   the shards' merge check (workflow.h, "batch"). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "relucert/candidate.h"
#include "relucert/cert_json.h"
#include "relucert/point.h"
#include "relucert/workflow.h"

void
rc_batch_params_init(rc_batch_params_t par)
{
    memset(par, 0, sizeof(rc_batch_params_struct));
    rc_certify_minimum_params_init(par->m);
    par->dataset = NULL;
    par->k = par->k_max = par->index = -1;
    par->out_dir = "relucert-minima";
    par->jobs = 1;
    par->shard_i = 0;
    par->shard_n = 1;
    par->merge_n = 0;
    par->have_max_move = 0;
    fmpq_init(par->max_move);
}

void
rc_batch_params_clear(rc_batch_params_t par)
{
    rc_certify_minimum_params_clear(par->m);
    fmpq_clear(par->max_move);
}

void
rc_batch_init(rc_batch_t B)
{
    memset(B, 0, sizeof(rc_batch_struct));
}

void
rc_batch_clear(rc_batch_t B)
{
    slong r;

    for (r = 0; r < B->nrows; r++)
        flint_free(B->rows[r].message);
    flint_free(B->rows);
    flint_free(B->bad_shards);
    memset(B, 0, sizeof(rc_batch_struct));
}

static const char * status_names[] = {"ok", "kept", "redone", "checked", "FAILED", "moved",
                                      "missing", "error", "lost"};

const char *
rc_batch_status_name(rc_batch_status_t s)
{
    return s >= RC_BATCH_OK && s <= RC_BATCH_LOST ? status_names[s] : "?";
}

int
rc_batch_status_ok(rc_batch_status_t s)
{
    return s == RC_BATCH_OK || s == RC_BATCH_KEPT || s == RC_BATCH_REDONE || s == RC_BATCH_CHECKED;
}

/* a selected dataset record: its line (parsed again by the worker) */
typedef struct
{
    slong k, index, line;
    slong ord;             /* position among the selected records (shards) */
    char * text;
    char kind[32];
    char p[64];
}
record_t;

static void
free_records(record_t * recs, slong nrec)
{
    slong i;
    for (i = 0; i < nrec; i++)
        flint_free(recs[i].text);
    flint_free(recs);
}

static int
read_records(record_t ** recs, slong * nrec, const char * path, slong kk, slong kmax,
             slong index, rc_error_t err)
{
    FILE * f = fopen(path, "r");
    char * line = NULL;
    size_t cap = 0;
    ssize_t len;
    slong lineno = 0;

    *recs = NULL;
    *nrec = 0;
    if (f == NULL)
        return rc_error_set(err, "%s: cannot open: %s", path, strerror(errno));
    while ((len = getline(&line, &cap, f)) > 0)
    {
        json_error_t je;
        json_t * o;
        slong k, ix;
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t) len)
            continue;
        o = json_loads(line, 0, &je);
        if (o == NULL || !json_is_integer(json_object_get(o, "k"))
            || !json_is_integer(json_object_get(o, "index")))
        {
            json_decref(o);
            free(line);
            fclose(f);
            return rc_error_set(err, "%s:%ld: expected a dataset record (JSON with "
                                "integer \"k\" and \"index\")", path, (long) lineno);
        }
        k = json_integer_value(json_object_get(o, "k"));
        ix = json_integer_value(json_object_get(o, "index"));
        if ((kk < 0 || k == kk) && (kmax < 0 || k <= kmax) && (index < 0 || ix == index))
        {
            record_t * r;
            const json_t * kind = json_object_get(o, "kind");
            char * p = json_dumps(json_object_get(o, "p"), JSON_COMPACT);
            *recs = flint_realloc(*recs, sizeof(record_t) * (*nrec + 1));
            r = *recs + (*nrec)++;
            r->k = k;
            r->index = ix;
            r->line = lineno;
            r->ord = *nrec - 1;
            r->text = flint_malloc(len + 1);
            memcpy(r->text, line, len + 1);
            snprintf(r->kind, sizeof r->kind, "%s", json_is_string(kind) ? json_string_value(kind) : "?");
            /* an over-parameterized student says its n where p would be */
            if (p == NULL && json_is_integer(json_object_get(o, "n"))
                && json_integer_value(json_object_get(o, "n")) != k)
                snprintf(r->p, sizeof r->p, "n=%ld",
                         (long) json_integer_value(json_object_get(o, "n")));
            else
                snprintf(r->p, sizeof r->p, "%s", p ? p : "-");
            free(p);
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return 0;
}

static void
source_name(char * buf, size_t len, const char * dataset, const record_t * r)
{
    const char * base = strrchr(dataset, '/');
    snprintf(buf, len, "%s:k=%ld:index=%ld", base ? base + 1 : dataset,
             (long) r->k, (long) r->index);
}

static void
cert_path(char * buf, size_t len, const rc_batch_params_struct * o, const record_t * r)
{
    snprintf(buf, len, "%s/minimum-k%03ld-%04ld.json", o->out_dir, (long) r->k, (long) r->index);
}

static int
moved_too_far(const json_t * root, const rc_batch_params_struct * o)
{
    return o->have_max_move && rc_certify_minimum_too_far(root, o->max_move);
}

/* an existing certificate for the same record and settings that claims
   success and passes the checker: kept. One that claims success but fails
   the checker sets *bad (and why): the caller recomputes it. */
/* 0 when root is a certificate about record rec's point (its recorded
   input equal to the record's W, its teacher the record's); 1 with why */
static int
is_about_record(rc_error_t why, const json_t * root, const record_t * rec, const char * dataset)
{
    rc_point_t pt;
    int r;
    rc_point_init(pt);
    r = rc_point_set_dataset_record(pt, rec->text, dataset, rec->line, why)
        || rc_mincert_json_is_about(why, root, pt->W, pt->V);
    rc_point_clear(pt);
    return r;
}

static json_t *
load_existing(int * bad, rc_error_t why, const char * path, const char * source,
              const record_t * rec, const char * dataset, const rc_batch_params_struct * o)
{
    json_t * root = json_load_file(path, JSON_REJECT_DUPLICATES, NULL);
    rc_error_t err;
    fmpq_t a;
    int ok;

    if (root == NULL)
        return NULL;
    fmpq_init(a);
    ok = rc_cert_json_kind(root, err) != NULL
         && json_is_string(json_object_get(root, "source"))
         && strcmp(json_string_value(json_object_get(root, "source")), source) == 0
         && json_integer_value(json_object_get(root, "prec")) == o->m->prec
         && json_is_true(json_object_get(root, "success"))
         && rc_json_get_fmpq(a, json_object_get(json_object_get(json_object_get(root, "witnesses"),
                                                                "cross_check"), "alpha"), "", err) == 0
         && fmpq_equal(a, o->m->alpha);
    fmpq_clear(a);
    /* kept only when the checker accepts it and it is about this record's
       point (the source label alone is the producer's word) */
    if (ok && (rc_cert_check(why, root) != 0 || is_about_record(why, root, rec, dataset) != 0))
    {
        *bad = 1;
        ok = 0;
    }
    if (!ok)
    {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* The worker's answer for record r is one line:
     "r<TAB>STATUS<TAB>time<TAB>F<TAB>lambda<TAB>split<TAB>cross<TAB>moved"
   from a certificate (send_row), "r<TAB>error|missing|failed<TAB>time<TAB>
   message", or, before it, "r<TAB>note<TAB>message" for an ERROR report. */

/* the row of record r from its certificate; a bound is given only where
   its claim is proved ("-" otherwise), F's lower end intersected with
   [0, inf) */
static void
send_row(FILE * out, slong r, const json_t * root, rc_batch_status_t status, double t0)
{
    char a[64], b[64], lam[64] = "-", q[64] = "-", cq[64] = "-", rho[64] = "-";
    const json_t * loss, * cl = json_object_get(root, "claims");

    loss = json_object_get(json_object_get(cl, "non_global"), "loss");
    rc_report_short_bound_nonneg(a, sizeof a, json_object_get(loss, "lo"));
    rc_report_short_bound(b, sizeof b, json_object_get(loss, "hi"), 0);
    if (strcmp(rc_report_claim_verdict(root, "positive_definite"), "proved") == 0)
        rc_report_short_bound(lam, sizeof lam, json_object_get(json_object_get(root, "witnesses"),
                                                               "lambda_lower"), 1);
    if (strcmp(rc_report_claim_verdict(root, "non_global"), "refuted") == 0)
        snprintf(q, sizeof q, "(global)");
    else
    {
        if (strcmp(rc_report_claim_verdict(root, "saddle_after_split"), "proved") == 0)
            rc_report_short_bound(q, sizeof q, rc_report_worst_split(root), 0);
        if (strcmp(rc_report_claim_verdict(root, "split_cross_check"), "proved") == 0)
            rc_report_short_bound(cq, sizeof cq, json_object_get(json_object_get(json_object_get(
                cl, "split_cross_check"), "quotient"), "hi"), 0);
    }
    if (strcmp(rc_report_claim_verdict(root, "distance_to_candidate"), "proved") == 0)
        rc_report_short_bound(rho, sizeof rho, json_object_get(json_object_get(cl, "distance_to_candidate"),
                                                               "frobenius"), 0);
    fprintf(out, "%ld\t%d\t%.2f\t[%s, %s]\t%s\t%s\t%s\t%s\n", (long) r,
            (int) status, rc_clock_now() - t0, a, b, lam, q, cq, rho);
    fflush(out);
}

static void
send_message(FILE * out, slong r, rc_batch_status_t status, double t0, const char * msg)
{
    fprintf(out, "%ld\t%d\t%.2f\t%s\n", (long) r, (int) status, rc_clock_now() - t0, msg);
    fflush(out);
}

/* one record, in a worker: writes the certificate, sends its row */
static void
work_record(FILE * out, slong r, const record_t * rec, const char * dataset,
            const rc_batch_params_struct * o)
{
    char path[4096], source[512], pathl[512], msg[4200];
    json_t * root;
    rc_point_t pt;
    rc_error_t err, why;
    double t0 = rc_clock_now();
    int cached = 0, success = 0, bad = 0;

    cert_path(path, sizeof path, o, rec);
    source_name(source, sizeof source, dataset, rec);
    root = load_existing(&bad, why, path, source, rec, dataset, o);
    if (bad)
    {
        fprintf(out, "%ld\tnote\t%s: the kept certificate failed the check (%s); recomputed\n",
                (long) r, path, why->msg);
        fflush(out);
    }
    if (root != NULL)
        cached = 1;
    else
    {
        rc_point_init(pt);
        if (rc_point_set_dataset_record(pt, rec->text, dataset, rec->line, err)
            || rc_certify_minimum_point(&root, pathl, sizeof pathl, pt, source, o->m, err))
        {
            rc_point_clear(pt);
            send_message(out, r, RC_BATCH_ERROR, t0, err->msg);
            return;
        }
        rc_point_clear(pt);
        if (rc_cert_write_file(path, root))
        {
            snprintf(msg, sizeof msg, "%s: cannot write", path);
            send_message(out, r, RC_BATCH_ERROR, t0, msg);
            json_decref(root);
            return;
        }
    }
    success = json_is_true(json_object_get(root, "success"));
    send_row(out, r, root, !success ? RC_BATCH_FAILED : moved_too_far(root, o) ? RC_BATCH_MOVED
             : cached ? RC_BATCH_KEPT : bad ? RC_BATCH_REDONE : RC_BATCH_OK, t0);
    json_decref(root);
}

/* merge: record r's certificate in the output directory, re-verified by
   the checker: CHECKED (or FAILED when it proves less), or MISSING /
   FAILED with the reason */
static void
merge_record(FILE * out, slong r, const record_t * rec, const char * dataset,
             const rc_batch_params_struct * o)
{
    char path[4096], source[512], msg[4200];
    json_t * root;
    json_error_t je;
    rc_error_t why;
    double t0 = rc_clock_now();
    const json_t * src;

    cert_path(path, sizeof path, o, rec);
    source_name(source, sizeof source, dataset, rec);
    if (access(path, F_OK) != 0)
    {
        snprintf(msg, sizeof msg, "%s: no certificate", path);
        send_message(out, r, RC_BATCH_MISSING, t0, msg);
        return;
    }
    root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    src = root ? json_object_get(root, "source") : NULL;
    if (root == NULL)
        rc_error_set(why, "%s:%d: %s", path, je.line, je.text);
    else if (!json_is_string(src) || strcmp(json_string_value(src), source) != 0)
        rc_error_set(why, "%s: expected the certificate of %s", path, source);
    else if (rc_cert_check(why, root) != 0 || is_about_record(why, root, rec, dataset) != 0)
    {
        char m[RC_ERROR_LEN];
        snprintf(m, sizeof m, "%s", why->msg);
        rc_error_set(why, "%s: FAILED: %s", path, m);
    }
    else
    {
        send_row(out, r, root, json_is_true(json_object_get(root, "success")) ? RC_BATCH_CHECKED
                 : RC_BATCH_FAILED, t0);
        json_decref(root);
        return;
    }
    send_message(out, r, RC_BATCH_FAILED, t0, why->msg);
    json_decref(root);
}

typedef struct
{
    const record_t * recs;
    rc_batch_struct * B;
    const rc_batch_params_struct * o;
    char * answered;
    rc_progress_fn progress;
    void * pctx;
    const char * phase;
    double t0;
}
batch_ctx;

static void
batch_work(FILE * out, slong r, void * ctx)
{
    batch_ctx * c = ctx;
    if (c->o->merge_n > 0)
        merge_record(out, r, c->recs + r, c->o->dataset, c->o);
    else
        work_record(out, r, c->recs + r, c->o->dataset, c->o);
}

static void
copy_field(char * dst, size_t len, char ** s)
{
    size_t n = strcspn(*s, "\t");
    snprintf(dst, len, "%.*s", (int) n, *s);
    *s += n + ((*s)[n] == '\t');
}

/* record r's line, in the parent: fills its row */
static void
batch_line(char * line, void * ctx)
{
    batch_ctx * c = ctx;
    char * s = strchr(line, '\t');
    slong r = atol(line);
    rc_batch_row_struct * row;
    char num[32];

    if (s == NULL || r < 0 || r >= c->B->nrows || c->answered[r])
        return;
    s++;
    line[strcspn(line, "\n")] = '\0';
    if (strncmp(s, "note\t", 5) == 0)
    {
        rc_progress_report(c->progress, c->pctx, RC_PROGRESS_ERROR, c->phase, 0, 0, s + 5, 0);
        return;
    }
    row = c->B->rows + r;
    c->answered[r] = 1;
    copy_field(num, sizeof num, &s);
    row->status = (rc_batch_status_t) atoi(num);
    copy_field(num, sizeof num, &s);
    row->seconds = atof(num);
    if (row->status == RC_BATCH_ERROR || row->status == RC_BATCH_MISSING
        || (row->status == RC_BATCH_FAILED && strchr(s, '\t') == NULL))
    {
        row->message = flint_malloc(strlen(s) + 1);
        strcpy(row->message, s);
    }
    else
    {
        copy_field(row->loss, sizeof row->loss, &s);
        copy_field(row->lambda, sizeof row->lambda, &s);
        copy_field(row->split, sizeof row->split, &s);
        copy_field(row->cross, sizeof row->cross, &s);
        copy_field(row->moved, sizeof row->moved, &s);
    }
    rc_progress_report(c->progress, c->pctx, RC_PROGRESS_STEP, c->phase,
                       ++c->B->nok, c->B->nrows, "records", rc_clock_now() - c->t0);
}

int
rc_batch_run(rc_batch_t B, const rc_batch_params_t par, rc_progress_fn progress,
             void * progress_ctx, rc_error_t err)
{
    record_t * recs;
    slong nrec, r, w;
    batch_ctx c;
    rc_error_t werr;

    rc_batch_clear(B);
    rc_error_init(err);
    B->jobs = 1;
    if (par->dataset == NULL)
        return rc_error_set(err, "no dataset given"), 2;
    if (read_records(&recs, &nrec, par->dataset, par->k, par->k_max, par->index, err))
        return 2;
    if (nrec == 0)
    {
        free_records(recs, nrec);
        return rc_error_set(err, "%s: no record matches the selection", par->dataset), 2;
    }
    /* this shard's records: positions r with r mod N = I - 1 */
    for (r = w = 0; r < nrec; r++)
        if (par->shard_n <= 1 || recs[r].ord % par->shard_n == par->shard_i)
            recs[w++] = recs[r];
        else
            flint_free(recs[r].text);
    nrec = w;
    if (nrec == 0)
    {
        free_records(recs, nrec);
        return 0;
    }
    if (par->merge_n == 0 && mkdir(par->out_dir, 0777) != 0 && errno != EEXIST)
    {
        free_records(recs, nrec);
        return rc_error_set(err, "%s: cannot create directory: %s", par->out_dir,
                            strerror(errno)), 2;
    }
    B->rows = flint_calloc(nrec, sizeof(rc_batch_row_struct));
    B->nrows = nrec;
    for (r = 0; r < nrec; r++)
    {
        rc_batch_row_struct * row = B->rows + r;
        row->k = recs[r].k;
        row->index = recs[r].index;
        row->ord = recs[r].ord;
        snprintf(row->kind, sizeof row->kind, "%s", recs[r].kind);
        snprintf(row->p, sizeof row->p, "%s", recs[r].p);
        row->status = RC_BATCH_LOST;
        row->seconds = -1;
        strcpy(row->loss, "-");
        strcpy(row->lambda, "-");
        strcpy(row->split, "-");
        strcpy(row->cross, "-");
        strcpy(row->moved, "-");
    }
    B->jobs = (int) FLINT_MAX(1, FLINT_MIN(par->jobs, nrec));
    c.recs = recs;
    c.B = B;
    c.o = par;
    c.answered = flint_calloc(nrec, 1);
    c.progress = progress;
    c.pctx = progress_ctx;
    c.phase = par->merge_n > 0 ? RC_BATCH_MERGE : RC_BATCH_CERTIFY;
    c.t0 = rc_clock_now();
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, c.phase, 0, nrec, "records", 0);
    /* largest records first spreads the work evenly; B->nok counts answers
       until the end */
    B->nok = 0;
    if (rc_workers_run(B->jobs, nrec, 1, batch_work, batch_line, &c, werr))
        rc_progress_report(progress, progress_ctx, RC_PROGRESS_ERROR, c.phase, 0, 0, werr->msg, 0);
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, c.phase, B->nok, nrec, "records",
                       rc_clock_now() - c.t0);

    B->nok = 0;
    if (par->merge_n > 0)
        B->bad_shards = flint_calloc(par->merge_n, 1);
    for (r = 0; r < nrec; r++)
    {
        rc_batch_status_t st = B->rows[r].status;
        B->nkept += st == RC_BATCH_KEPT;
        B->nredone += st == RC_BATCH_REDONE;
        if (rc_batch_status_ok(st))
            B->nok++;
        else
        {
            B->nfail++;
            if (par->merge_n > 0)
                B->bad_shards[B->rows[r].ord % par->merge_n] = 1;
        }
    }
    B->seconds = rc_clock_now() - c.t0;
    flint_free(c.answered);
    free_records(recs, nrec);
    return B->nfail > 0;
}
