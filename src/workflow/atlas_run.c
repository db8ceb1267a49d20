/* relucert atlas: the block-structured critical points of the two-block
   families (a, k - a) and the three-block families (a, 1, k - a - 1) that
   continuation in k reaches (not a proof that there are no others), found
   by continuation in k and certified on the reduced path (atlas.h). One
   family is one work item: a worker continues it over the whole k range,
   certifies its points, writes their certificates and the family's part file
   (DIR/families/), and the parent assembles DIR/atlas.jsonl, the summary and
   the figure from the part files. A part file whose header matches the run
   is kept, so an interrupted run resumes family by family. The library
   function rc_atlas_run (workflow.h); relucert atlas parses its options. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "relucert/cert_json.h"
#include "relucert/candidate.h"
#include "relucert/point.h"
#include "relucert/sha256.h"
#include "relucert/version.h"
#include "relucert/workflow.h"
#include "atlas_out.h"

typedef struct
{
    rc_atlas_family family;
    slong a, kmin, kmax;
}
family_t;

typedef struct
{
    const char * out_dir;
    const char * dataset;
    char dataset_sha[65];
    slong prec;
    fmpq_t alpha;
    atlas_record_t * recs;
    slong nrec;
    family_t * fam;
    slong nfam;
    /* parent's progress */
    slong done, points;
    double t0;
    rc_progress_fn progress;
    void * pctx;
}
atlas_ctx;

static const char *
family_name(rc_atlas_family f)
{
    return f == RC_ATLAS_TWO ? "two" : "three";
}

static void
part_path(char * buf, size_t len, const atlas_ctx * c, const family_t * f)
{
    snprintf(buf, len, "%s/families/%s-a%04ld.jsonl", c->out_dir, family_name(f->family),
             (long) f->a);
}

/* the header line that identifies a family's run */
static json_t *
part_header(const atlas_ctx * c, const family_t * f)
{
    char * al = fmpq_get_str(NULL, 10, c->alpha);
    json_t * h = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:s, s:s}", "relucert",
                           rc_version_relucert(), "family",
                           family_name(f->family), "a", (json_int_t) f->a, "k_min",
                           (json_int_t) f->kmin, "k_max", (json_int_t) f->kmax, "prec",
                           (json_int_t) c->prec, "alpha", al, "dataset_sha256",
                           c->dataset_sha);
    flint_free(al);
    return h;
}

/* 1 if the part file exists, is complete and was made by the same run;
   with verify, also every certificate it names passes the checker (a kept
   part is then as good as a recomputed one; one that fails is said on out
   as a note line of family i, and the family recomputed) */
static int
part_is_current(const atlas_ctx * c, const family_t * f, int verify, FILE * out, slong i)
{
    char path[4096];
    FILE * in;
    char * line = NULL;
    size_t cap = 0;
    int ok = 0, last_done = 0;
    json_t * h, * want;

    part_path(path, sizeof path, c, f);
    if ((in = fopen(path, "r")) == NULL)
        return 0;
    if (getline(&line, &cap, in) > 0 && (h = json_loads(line, 0, NULL)) != NULL)
    {
        want = part_header(c, f);
        ok = json_equal(h, want);
        json_decref(h);
        json_decref(want);
    }
    while (ok && getline(&line, &cap, in) > 0)
    {
        last_done = strncmp(line, "{\"done\"", 7) == 0;
        if (verify && !last_done)
        {
            json_t * o = json_loads(line, 0, NULL), * root = NULL;
            const json_t * cr = json_object_get(o, "certificate");
            if (o == NULL)
                ok = 0;
            else if (json_object_get(o, "status") != NULL)
            {
                /* a point line: its certificate must pass the checker and
                   prove everything the line says */
                char cp[8192];
                rc_error_t why;
                if (!json_is_string(cr))
                    rc_error_set(why, "a point line names no certificate");
                else
                {
                    snprintf(cp, sizeof cp, "%s/%s", c->out_dir, json_string_value(cr));
                    root = json_load_file(cp, JSON_REJECT_DUPLICATES, NULL);
                    if (root == NULL)
                        rc_error_set(why, "%s cannot be read", cp);
                }
                if (root == NULL || rc_atlas_line_check(why, o, root) != 0)
                {
                    fprintf(out, "%ld\tnote\t%s: a kept line (k = %ld) failed the check: %s; the "
                            "family is recomputed\n", (long) i, path,
                            (long) json_integer_value(json_object_get(o, "k")), why->msg);
                    fflush(out);
                    ok = 0;
                }
                json_decref(root);
            }
            json_decref(o);
        }
    }
    free(line);
    fclose(in);
    return ok && last_done;
}

/* vals[0..n-1] = the doubles v exactly (walk points as starting points) */
static void
vals_set_d(fmpq * vals, const double * v, slong n)
{
    slong j;
    arf_t t;
    arf_init(t);
    for (j = 0; j < n; j++)
    {
        arf_set_d(t, v[j]);
        rc_number_set_arf(vals + j, t);
    }
    arf_clear(t);
}

/* One leg of a walk: at most steps steps (k, a) -> (k + dk, a + da) while
   that pattern exists, from the point x1 (constant predictor for the first
   step, linear after), calling emit on each point reached (NULL: none).
   Returns 0 if a step failed, 1 otherwise; k, a and x1 are the last point
   reached. Newton's method only: the points are starting points. */
static int walk_leg(rc_atlas_family f, slong * k, slong * a, slong dk, slong da, slong steps,
                    double * x1, void (*emit)(void *, slong, slong, const double *), void * arg);

/* No record of the family or its neighbours in the k range: from the
   record above the range nearest in a (then in k) whose k has the family's
   pattern, Newton's method moves to the family's a at that k and walks
   down in k to the range's end, which is then a starting point (s[0]).
   Returns 1, or 0 if there is no such record or a step fails. */
static slong
seed_from_above(rc_atlas_seed_struct * s, const atlas_ctx * c, const family_t * f)
{
    slong mm = rc_atlas_family_blocks(f->family), i, best = -1, k, a, pp[RC_ATLAS_MAX_M];
    double x1[RC_ATLAS_MAX_VALS];

    for (i = 0; i < c->nrec; i++)
    {
        const atlas_record_t * r = c->recs + i, * b = best >= 0 ? c->recs + best : NULL;
        if (r->m != mm || r->walk || r->k <= f->kmax
            || rc_atlas_pattern(pp, f->family, r->k, f->a) == 0)
            continue;
        if (b == NULL || FLINT_ABS(r->p0 - f->a) < FLINT_ABS(b->p0 - f->a)
            || (FLINT_ABS(r->p0 - f->a) == FLINT_ABS(b->p0 - f->a)
                && (r->k < b->k || (r->k == b->k && r->p0 < b->p0))))
            best = i;
    }
    if (best < 0)
        return 0;
    k = c->recs[best].k;
    a = c->recs[best].p0;
    memcpy(x1, c->recs[best].vd, sizeof(double) * mm * (mm + 1));
    if (!walk_leg(f->family, &k, &a, 0, a < f->a ? 1 : -1, FLINT_ABS(f->a - a), x1, NULL, NULL)
        || a != f->a || !walk_leg(f->family, &k, &a, -1, 0, k - f->kmax, x1, NULL, NULL)
        || k != f->kmax)
        return 0;
    rc_atlas_seed_init(s);
    s->k = k;
    s->origin = RC_ATLAS_FROM_NEIGHBOUR;
    s->index = -1;
    s->a_from = c->recs[best].p0;
    vals_set_d(s->vals, x1, mm * (mm + 1));
    return 1;
}

/* the seeds of family f: its own records, and those of a - 1 and a + 1
   (or of the nearest families below and above that have records) */
static slong
family_seeds(rc_atlas_seed_struct ** out, const atlas_ctx * c, const family_t * f)
{
    slong i, j, n = 0, below = -1, above = -1, mm = rc_atlas_family_blocks(f->family);
    slong pp[RC_ATLAS_MAX_M];
    rc_atlas_seed_struct * s;

    for (i = 0; i < c->nrec; i++)
    {
        const atlas_record_t * r = c->recs + i;
        if (r->m != mm || r->walk || r->k < f->kmin || r->k > f->kmax
            || rc_atlas_pattern(pp, f->family, r->k, f->a) == 0)
            continue;
        if (r->p0 < f->a && (below < 0 || r->p0 > below))
            below = r->p0;
        if (r->p0 > f->a && (above < 0 || r->p0 < above))
            above = r->p0;
    }
    /* own records, and neighbours a - 1, a + 1 when they have records; the
       nearest ones otherwise */
    s = flint_malloc(sizeof(rc_atlas_seed_struct) * FLINT_MAX(1, c->nrec));
    for (i = 0; i < c->nrec; i++)
    {
        const atlas_record_t * r = c->recs + i;
        if (r->m != mm || r->k < f->kmin || r->k > f->kmax
            || (r->walk ? r->p0 != f->a : (r->p0 != f->a && r->p0 != below && r->p0 != above)))
            continue;
        rc_atlas_seed_init(s + n);
        s[n].k = r->k;
        s[n].origin = r->p0 == f->a && !r->walk ? RC_ATLAS_FROM_DATA : RC_ATLAS_FROM_NEIGHBOUR;
        s[n].index = r->walk ? -1 : r->index;
        s[n].a_from = r->walk ? r->p0 - 1 : r->p0;
        for (j = 0; j < mm * (mm + 1); j++)
            fmpq_set(s[n].vals + j, r->vals + j);
        n++;
    }
    if (n == 0)
        n = seed_from_above(s, c, f);
    *out = s;
    return n;
}

static void
origin_text(char * buf, size_t len, const rc_atlas_point_struct * x)
{
    switch (x->origin)
    {
        case RC_ATLAS_FROM_DATA: snprintf(buf, len, "published record %ld", (long) x->index); break;
        case RC_ATLAS_FROM_NEIGHBOUR: snprintf(buf, len, "a record of the family a = %ld",
                                               (long) x->a_from); break;
        case RC_ATLAS_FROM_BELOW: snprintf(buf, len, "continued from k = %ld", (long) x->k - 1); break;
        default: snprintf(buf, len, "continued from k = %ld", (long) x->k + 1); break;
    }
}

/* the atlas line of point x (its certificate at cert_rel, relative to DIR) */
static json_t *
point_line(const rc_atlas_chain_t ch, const rc_atlas_point_struct * x, const char * cert_rel,
           slong prec)
{
    slong p[RC_ATLAS_MAX_M], m = rc_atlas_pattern(p, ch->family, x->k, ch->a), b, j;
    const rc_symcert_struct * c = x->cert;
    json_t * o = json_object(), * pj = json_array(), * vals = json_array();
    const char * st = rc_atlas_status(x);
    char buf[64];

    for (b = 0; b < m; b++)
        json_array_append_new(pj, json_integer(p[b]));
    for (b = 0; b < m; b++)
    {
        json_t * row = json_array();
        for (j = 0; j <= m; j++)
        {
            snprintf(buf, sizeof buf, "%.17g", x->vals[b * (m + 1) + j]);
            json_array_append_new(row, json_string(buf));
        }
        json_array_append_new(vals, row);
    }
    json_object_set_new(o, "k", json_integer(x->k));
    json_object_set_new(o, "kind", json_string(strcmp(st, "minimum") == 0
                                               ? (c->non_global == RC_PROVED ? "spurious" : "minimum")
                                               : strcmp(st, "saddle") == 0 ? "saddle" : "critical"));
    json_object_set_new(o, "p", pj);
    json_object_set_new(o, "vals", vals);
    json_object_set_new(o, "family", json_string(family_name(ch->family)));
    json_object_set_new(o, "a", json_integer(ch->a));
    json_object_set_new(o, "track", json_integer(x->track));
    json_object_set_new(o, "status", json_string(st));
    json_object_set_new(o, "morse_index", c->morse_index >= 0 ? json_integer(c->morse_index)
                                                             : json_null());
    json_object_set_new(o, "critical", json_string(rc_verdict_name(c->critical)));
    json_object_set_new(o, "positive_definite", json_string(rc_verdict_name(c->positive_definite)));
    json_object_set_new(o, "lambda_min", rc_report_enclosure(c->lam_min, prec));
    json_object_set_new(o, "loss", rc_report_enclosure_nonneg(c->loss, prec));
    json_object_set_new(o, "non_global", json_string(rc_verdict_name(c->non_global)));
    json_object_set_new(o, "split_saddle", json_string(rc_verdict_name(c->saddle)));
    json_object_set_new(o, "success", json_boolean(rc_symcert_success(c)));
    json_object_set_new(o, "published", x->index >= 0 ? json_integer(x->index) : json_null());
    origin_text(buf, sizeof buf, x);
    json_object_set_new(o, "origin", json_string(buf));
    json_object_set_new(o, "certificate", json_string(cert_rel));
    return o;
}

static int
mkdir_p(const char * path)
{
    char buf[4096];
    size_t i, n = strlen(path);
    if (n >= sizeof buf)
        return 1;
    memcpy(buf, path, n + 1);
    for (i = 1; i <= n; i++)
        if (buf[i] == '/' || buf[i] == '\0')
        {
            char ch = buf[i];
            buf[i] = '\0';
            if (mkdir(buf, 0777) != 0 && access(buf, F_OK) != 0)
                return 1;
            buf[i] = ch;
        }
    return 0;
}

/* one family, in a worker: sends "i<TAB>points<TAB>status" */
static void
atlas_work(FILE * out, slong i, void * vctx)
{
    atlas_ctx * c = vctx;
    const family_t * f = c->fam + i;
    rc_atlas_chain_t ch;
    rc_atlas_seed_struct * seeds;
    slong ns, j;
    rc_error_t err;
    char path[4096], tmp[4200], rel[512], dir[4096];
    FILE * part;
    json_t * h;
    char * text;

    if (part_is_current(c, f, 1, out, i))
    {
        fprintf(out, "%ld\t0\tkept\n", (long) i);
        fflush(out);
        return;
    }
    ns = family_seeds(&seeds, c, f);
    rc_atlas_chain_init(ch, f->family, f->a, f->kmin, f->kmax, c->alpha, c->prec);
    if (ns == 0)
    {
        /* reported in the part file as a track end at the family's first k */
        ch->ends = flint_malloc(sizeof(rc_atlas_end_struct));
        ch->nends = ch->ends_alloc = 1;
        ch->ends[0].k = f->kmin;
        ch->ends[0].track = -1;
        ch->ends[0].index = -1;
        snprintf(ch->ends[0].reason, sizeof ch->ends[0].reason, "no starting point: no "
                 "record of this or a neighbouring family, and the walk beyond the data "
                 "did not reach it");
    }
    else if (rc_atlas_chain_run(ch, seeds, ns, err))
    {
        fprintf(out, "%ld\t0\terror: %s\n", (long) i, err->msg);
        fflush(out);
        goto out;
    }
    part_path(path, sizeof path, c, f);
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long) getpid());
    if ((part = fopen(tmp, "w")) == NULL)
    {
        fprintf(out, "%ld\t0\terror: cannot write %s\n", (long) i, tmp);
        fflush(out);
        goto out;
    }
    h = part_header(c, f);
    text = json_dumps(h, JSON_COMPACT);
    fprintf(part, "%s\n", text);
    free(text);
    json_decref(h);
    for (j = 0; j < ch->npoints; j++)
    {
        rc_atlas_point_struct * x = ch->points + j;
        json_t * cert, * line;
        char src[200];

        rc_atlas_chain_certify(ch, j);
        snprintf(rel, sizeof rel, "certs/k%04ld/%s-a%04ld-t%ld.json", (long) x->k,
                 family_name(f->family), (long) f->a, (long) x->track);
        snprintf(dir, sizeof dir, "%s/certs/k%04ld", c->out_dir, (long) x->k);
        snprintf(src, sizeof src, "relucert atlas: family %s, a = %ld, k = %ld, track %ld",
                 family_name(f->family), (long) f->a, (long) x->k, (long) x->track);
        cert = rc_symcert_to_json(x->cert, src);
        line = point_line(ch, x, rel, c->prec);
        text = json_dumps(line, JSON_COMPACT);
        {
            /* the certificate's input is the point the atlas line states
               (its vals, exact as printed): the certificate then proves how
               far that point is from the certified critical point (L15) */
            rc_point_t pt;
            rc_error_t e2;
            rc_point_init(pt);
            if (rc_point_set_dataset_record(pt, text, "atlas", 0, e2) == 0)
                rc_mincert_json_set_candidate(cert, pt->W, e2);
            rc_point_clear(pt);
        }
        {
            char cpath[4700];
            snprintf(cpath, sizeof cpath, "%s/%s", c->out_dir, rel);
            if (mkdir_p(dir) || rc_cert_write_file(cpath, cert))
            {
                fprintf(out, "%ld\t0\terror: cannot write %s\n", (long) i, cpath);
                fflush(out);
                json_decref(cert);
                json_decref(line);
                free(text);
                fclose(part);
                remove(tmp);
                goto out;
            }
        }
        json_decref(cert);
        fprintf(part, "%s\n", text);
        free(text);
        json_decref(line);
    }
    for (j = 0; j < ch->nends; j++)
    {
        json_t * e = json_pack("{s:I, s:I, s:o, s:s}", "end_k", (json_int_t) ch->ends[j].k,
                               "track", (json_int_t) ch->ends[j].track, "published",
                               ch->ends[j].index >= 0 ? json_integer(ch->ends[j].index) : json_null(),
                               "reason", ch->ends[j].reason);
        text = json_dumps(e, JSON_COMPACT);
        fprintf(part, "%s\n", text);
        free(text);
        json_decref(e);
    }
    fprintf(part, "{\"done\": true}\n");
    if (fclose(part) != 0 || rename(tmp, path) != 0)
    {
        remove(tmp);
        fprintf(out, "%ld\t0\terror: cannot write %s\n", (long) i, path);
        fflush(out);
        goto out;
    }
    fprintf(out, "%ld\t%ld\tok\n", (long) i, (long) ch->npoints);
    fflush(out);
out:
    for (j = 0; j < ns; j++)
        rc_atlas_seed_clear(seeds + j);
    flint_free(seeds);
    rc_atlas_chain_clear(ch);
}

/* family i's line, in the parent: "i<TAB>points<TAB>ok|kept|error: ...", or
   "i<TAB>note<TAB>text" */
static void
atlas_line(char * text, void * vctx)
{
    atlas_ctx * c = vctx;
    char * t1 = strchr(text, '\t'), * t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    slong i = atol(text);
    if (t2 == NULL || i < 0 || i >= c->nfam)
        return;
    text[strcspn(text, "\n")] = '\0';
    if (strncmp(t1 + 1, "note\t", 5) == 0)
    {
        rc_progress_report(c->progress, c->pctx, RC_PROGRESS_ERROR, RC_ATLAS_PHASE, 0, 0,
                           t1 + 6, 0);
        return;
    }
    c->done++;
    c->points += atol(t1 + 1);
    if (strncmp(t2 + 1, "error", 5) == 0)
    {
        char line[4400];
        snprintf(line, sizeof line, "atlas: family %s a = %ld: %s", family_name(c->fam[i].family),
                 (long) c->fam[i].a, t2 + 1);
        rc_progress_report(c->progress, c->pctx, RC_PROGRESS_ERROR, RC_ATLAS_PHASE, 0, 0, line, 0);
    }
    rc_progress_report(c->progress, c->pctx, RC_PROGRESS_STEP, RC_ATLAS_PHASE, c->done, c->nfam,
                       "families", rc_clock_now() - c->t0);
}

/* appends the walk point v as a starting point of family a at k */
static void
add_walk(atlas_ctx * c, slong mm, slong k, slong a, const double * v)
{
    atlas_record_t * r;
    slong j;
    c->recs = flint_realloc(c->recs, sizeof(atlas_record_t) * (c->nrec + 1));
    r = c->recs + c->nrec++;
    r->k = k; r->index = -1; r->m = mm; r->p0 = a; r->spurious = 0; r->walk = 1;
    for (j = 0; j < RC_ATLAS_MAX_VALS; j++)
    {
        fmpq_init(r->vals + j);
        r->vd[j] = j < mm * (mm + 1) ? v[j] : 0;
    }
    vals_set_d(r->vals, r->vd, RC_ATLAS_MAX_VALS);
}

/* Starting points beyond the data: from the published record of the
   largest a of kind f (k <= top; at its largest k, k_A), Newton's method
   steps up in a at k = k_A to the last pattern there, then along the
   diagonal (a + 1, k + 1) (the other blocks keep their sizes) up to
   k = top; a linear predictor along each leg. Each point reached starts its
   family (appended to the records with walk = 1: they are not records, and
   completeness ignores them). A leg stops where a step fails. Returns the
   number of points added. */
static int
walk_leg(rc_atlas_family f, slong * k, slong * a, slong dk, slong da, slong steps,
         double * x1, void (*emit)(void *, slong, slong, const double *), void * arg)
{
    slong mm = rc_atlas_family_blocks(f), nv = mm * (mm + 1), j, p[RC_ATLAS_MAX_M];
    double v[RC_ATLAS_MAX_VALS], v0[RC_ATLAS_MAX_VALS], x2[RC_ATLAS_MAX_VALS];
    int have2 = 0;
    char why[160];

    for (; steps > 0 && rc_atlas_pattern(p, f, *k + dk, *a + da) != 0; steps--)
    {
        for (j = 0; j < nv; j++)
            v0[j] = have2 ? 2 * x1[j] - x2[j] : x1[j];
        if (!rc_atlas_newton(v, why, sizeof why, f, *k + dk, *a + da, v0, 96))
            return 0;
        *k += dk;
        *a += da;
        memcpy(x2, x1, sizeof(double) * nv);
        memcpy(x1, v, sizeof(double) * nv);
        have2 = 1;
        if (emit != NULL)
            emit(arg, *k, *a, v);
    }
    return 1;
}

typedef struct { atlas_ctx * c; slong mm, added; } walk_sink;

static void
walk_emit(void * arg, slong k, slong a, const double * v)
{
    walk_sink * w = arg;
    add_walk(w->c, w->mm, k, a, v);
    w->added++;
}

static slong
walk_seeds(atlas_ctx * c, rc_atlas_family f, slong top)
{
    slong mm = rc_atlas_family_blocks(f), i, k, a, best = -1;
    double x1[RC_ATLAS_MAX_VALS];
    walk_sink w;

    for (i = 0; i < c->nrec; i++)
        if (c->recs[i].m == mm && !c->recs[i].walk && c->recs[i].k <= top
            && (best < 0 || c->recs[i].p0 > c->recs[best].p0
                || (c->recs[i].p0 == c->recs[best].p0 && c->recs[i].k > c->recs[best].k)))
            best = i;
    if (best < 0)
        return 0;
    a = c->recs[best].p0;
    k = c->recs[best].k;
    memcpy(x1, c->recs[best].vd, sizeof(double) * mm * (mm + 1));
    w.c = c; w.mm = mm; w.added = 0;
    if (walk_leg(f, &k, &a, 0, 1, WORD_MAX, x1, walk_emit, &w))     /* up in a at k */
        walk_leg(f, &k, &a, 1, 1, top - k, x1, walk_emit, &w);     /* the diagonal */
    return w.added;
}

void
rc_atlas_params_init(rc_atlas_params_t par)
{
    memset(par, 0, sizeof(rc_atlas_params_struct));
    par->dataset = NULL;
    par->out_dir = "relucert-atlas";
    par->k_min = 6;
    par->k_max = 200;
    par->k_max_three = 100;
    par->a_lo = 1;
    par->a_hi = WORD_MAX;
    par->jobs = 1;
    par->shard_i = 0;
    par->shard_n = 1;
    par->assemble = 1;
    par->prec = 128;
    fmpq_init(par->alpha);
    fmpq_set_si(par->alpha, 1, 2);
}

void
rc_atlas_params_clear(rc_atlas_params_t par)
{
    fmpq_clear(par->alpha);
}

void
rc_atlas_summary_init(rc_atlas_summary_t S)
{
    memset(S, 0, sizeof(rc_atlas_summary_struct));
}

void
rc_atlas_summary_clear(rc_atlas_summary_t S)
{
    json_decref(S->transitions);
    memset(S, 0, sizeof(rc_atlas_summary_struct));
}

int
rc_atlas_run(rc_atlas_summary_t S, const rc_atlas_params_t par, rc_progress_fn progress,
             void * progress_ctx, rc_error_t err)
{
    atlas_ctx c;
    char path[4200];
    slong kmin = par->k_min, kmax = par->k_max, kmax3 = par->k_max_three;
    slong alo = par->a_lo, ahi = par->a_hi, si = par->shard_i, sn = par->shard_n, i;
    slong * sel = NULL, nsel = 0;
    int res;

    rc_atlas_summary_clear(S);
    rc_error_init(err);
    memset(&c, 0, sizeof c);
    fmpq_init(c.alpha);
    fmpq_set(c.alpha, par->alpha);
    c.prec = par->prec;
    c.out_dir = par->out_dir;
    c.dataset = par->dataset;
    c.progress = progress;
    c.pctx = progress_ctx;
    if (par->dataset == NULL)
    {
        fmpq_clear(c.alpha);
        return rc_error_set(err, "atlas: no dataset given"), 2;
    }
    if (atlas_read_records(&c.recs, &c.nrec, par->dataset, err)
        || rc_sha256_file(c.dataset_sha, par->dataset))
    {
        if (!err->msg[0])
            rc_error_set(err, "%s: cannot read the dataset", par->dataset);
        atlas_records_clear(c.recs, c.nrec);
        fmpq_clear(c.alpha);
        return 2;
    }

    if (kmax > 0)
        walk_seeds(&c, RC_ATLAS_TWO, kmax);
    if (kmax3 > 0)
        walk_seeds(&c, RC_ATLAS_THREE, kmax3);

    /* the families, in a fixed order: two-block a = 1.., then three-block */
    c.fam = flint_malloc(sizeof(family_t) * (kmax + kmax3 + 2));
    for (i = 0; i < 2; i++)
    {
        rc_atlas_family f = i == 0 ? RC_ATLAS_TWO : RC_ATLAS_THREE;
        slong top = f == RC_ATLAS_TWO ? kmax : kmax3, a, p[RC_ATLAS_MAX_M];
        for (a = alo; a <= ahi && a < top; a++)
        {
            slong k;
            for (k = kmin; k <= top && rc_atlas_pattern(p, f, k, a) == 0; k++)
                ;
            if (k > top)
                continue;
            c.fam[c.nfam].family = f;
            c.fam[c.nfam].a = a;
            c.fam[c.nfam].kmin = kmin;
            c.fam[c.nfam].kmax = top;
            c.nfam++;
        }
    }
    if (c.nfam == 0)
    {
        res = (rc_error_set(err, "atlas: no family has a pattern in the range"), 2);
        goto out;
    }
    snprintf(path, sizeof path, "%s/families", c.out_dir);
    if (mkdir_p(path))
    {
        res = (rc_error_set(err, "atlas: cannot create %s", path), 2);
        goto out;
    }
    sel = flint_malloc(sizeof(slong) * c.nfam);
    for (i = 0; i < c.nfam; i++)
        if (i % sn == si)
            sel[nsel++] = i;
    {
        /* run the selected families: permute c.fam so the workers see them */
        family_t * all = c.fam, * mine = flint_malloc(sizeof(family_t) * FLINT_MAX(1, nsel));
        slong nall = c.nfam;
        rc_error_t werr;
        for (i = 0; i < nsel; i++)
            mine[i] = all[sel[i]];
        c.fam = mine;
        c.nfam = nsel;
        c.t0 = rc_clock_now();
        rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, RC_ATLAS_PHASE, 0, nsel,
                           "families", 0);
        if (rc_workers_run(par->jobs, nsel, 0, atlas_work, atlas_line, &c, werr))
            rc_progress_report(progress, progress_ctx, RC_PROGRESS_ERROR, RC_ATLAS_PHASE, 0, 0,
                               werr->msg, 0);
        rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, RC_ATLAS_PHASE, c.done, nsel,
                           "families", rc_clock_now() - c.t0);
        flint_free(mine);
        c.fam = all;
        c.nfam = nall;
    }
    S->jobs = par->jobs;
    if (!par->assemble)
    {
        S->families = nsel;
        S->points = c.points;
        S->seconds = rc_clock_now() - c.t0;
        res = 0;
        goto out;
    }
    {
        atlas_family_ref * refs = flint_malloc(sizeof(atlas_family_ref) * c.nfam);
        for (i = 0; i < c.nfam; i++)
        {
            refs[i].family = c.fam[i].family;
            refs[i].a = c.fam[i].a;
            part_path(refs[i].path, sizeof refs[i].path, &c, c.fam + i);
            refs[i].current = part_is_current(&c, c.fam + i, 0, NULL, i);   /* verified by the worker */
        }
        res = atlas_assemble(S, c.out_dir, refs, c.nfam, c.recs, c.nrec, kmin, kmax, kmax3,
                             alo, ahi, par->dataset, rc_clock_now() - c.t0, par->jobs, err);
        flint_free(refs);
    }
out:
    flint_free(sel);
    flint_free(c.fam);
    atlas_records_clear(c.recs, c.nrec);
    fmpq_clear(c.alpha);
    return res;
}
