/* relucert atlas (rc_atlas_run): seeds from the dataset, assembly of the
   part files, transitions, completeness, the summary (atlas_out.h); and
   reading an atlas back (rc_atlas_points_read). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/cert_json.h"
#include "atlas_out.h"

/* published and atlas values agree to this (absolute, every value): the
   issue's "same point"; the proof is the atlas point's certificate */
#define MATCH_TOL 1e-8

int
atlas_read_records(atlas_record_t ** recs, slong * n, const char * path, rc_error_t err)
{
    FILE * in = fopen(path, "r");
    char * line = NULL;
    size_t cap = 0;
    slong ln = 0, alloc = 0, b, j;
    int res = 0;

    *recs = NULL;
    *n = 0;
    if (in == NULL)
        return rc_error_set(err, "%s: cannot read the dataset", path);
    while (getline(&line, &cap, in) > 0)
    {
        json_t * r, * p, * vals;
        slong m;
        atlas_record_t * x;
        ln++;
        if (line[0] == '\n' || line[0] == '\0')
            continue;
        if ((r = json_loads(line, 0, NULL)) == NULL || !json_is_object(r))
        {
            json_decref(r);
            res = rc_error_set(err, "%s:%ld: expected a JSON object (a dataset record)", path, (long) ln);
            break;
        }
        p = json_object_get(r, "p");
        vals = json_object_get(r, "vals");
        m = json_is_array(p) ? (slong) json_array_size(p) : 0;
        if (!json_is_array(vals) || (m != 2 && m != 3)
            || (m == 3 && json_integer_value(json_array_get(p, 1)) != 1))
        {
            json_decref(r);
            continue;      /* the global minimum and other patterns */
        }
        if (!json_is_integer(json_object_get(r, "k")) || !json_is_integer(json_object_get(r, "index"))
            || (slong) json_array_size(vals) != m)
        {
            json_decref(r);
            res = rc_error_set(err, "%s:%ld: expected integer \"k\", \"index\" and a %ld x %ld "
                               "\"vals\"", path, (long) ln, (long) m, (long) m + 1);
            break;
        }
        if (*n == alloc)
        {
            alloc = FLINT_MAX(64, 2 * alloc);
            *recs = flint_realloc(*recs, sizeof(atlas_record_t) * alloc);
        }
        x = *recs + (*n)++;
        for (j = 0; j < RC_ATLAS_MAX_VALS; j++)
            fmpq_init(x->vals + j);
        x->k = json_integer_value(json_object_get(r, "k"));
        x->index = json_integer_value(json_object_get(r, "index"));
        x->m = m;
        x->walk = 0;
        x->p0 = json_integer_value(json_array_get(p, 0));
        x->spurious = json_is_string(json_object_get(r, "kind"))
                      && strcmp(json_string_value(json_object_get(r, "kind")), "spurious") == 0;
        for (b = 0; b < m && res == 0; b++)
            for (j = 0; j <= m && res == 0; j++)
            {
                json_t * v = json_array_get(json_array_get(vals, b), j);
                rc_error_t e2;
                if (!json_is_string(v) || rc_number_parse_fmpq(x->vals + b * (m + 1) + j,
                                                              json_string_value(v), e2))
                    res = rc_error_set(err, "%s:%ld: expected \"vals\"[%ld][%ld] to be a "
                                       "decimal string", path, (long) ln, (long) b, (long) j);
                else
                    x->vd[b * (m + 1) + j] = fmpq_get_d(x->vals + b * (m + 1) + j);
            }
        json_decref(r);
        if (res)
            break;
    }
    free(line);
    fclose(in);
    return res;
}

void
atlas_records_clear(atlas_record_t * recs, slong n)
{
    slong i, j;
    for (i = 0; i < n; i++)
        for (j = 0; j < RC_ATLAS_MAX_VALS; j++)
            fmpq_clear(recs[i].vals + j);
    flint_free(recs);
}

json_t *
rc_atlas_points_read(const char * path, rc_error_t err)
{
    FILE * in = fopen(path, "r");
    char * line = NULL;
    size_t cap = 0;
    slong ln = 0;
    json_t * all;

    if (in == NULL)
    {
        rc_error_set(err, "%s: cannot read the atlas", path);
        return NULL;
    }
    all = json_array();
    while (getline(&line, &cap, in) > 0)
    {
        json_t * r;
        ln++;
        if ((r = json_loads(line, 0, NULL)) == NULL || !json_is_object(r)
            || !json_is_integer(json_object_get(r, "k")) || !json_is_string(json_object_get(r, "status")))
        {
            json_decref(r);
            rc_error_set(err, "%s:%ld: expected an atlas line (a JSON object with \"k\" and \"status\")",
                     path, (long) ln);
            json_decref(all);
            all = NULL;
            break;
        }
        json_array_append_new(all, r);
    }
    free(line);
    fclose(in);
    return all;
}

static slong
geti(const json_t * o, const char * key)
{
    return json_integer_value(json_object_get(o, key));
}

static const char *
gets_(const json_t * o, const char * key)
{
    const char * s = json_string_value(json_object_get(o, key));
    return s == NULL ? "" : s;
}

static int
cmp_line(const void * pa, const void * pb)
{
    const json_t * x = *(json_t * const *) pa, * y = *(json_t * const *) pb;
    slong d;
    int f;
    if ((d = geti(x, "k") - geti(y, "k")) != 0)
        return d < 0 ? -1 : 1;
    if ((f = strcmp(gets_(x, "family"), gets_(y, "family"))) != 0)
        return -f;      /* "two" before "three" */
    if ((d = geti(x, "a") - geti(y, "a")) != 0)
        return d < 0 ? -1 : 1;
    d = geti(x, "track") - geti(y, "track");
    return d < 0 ? -1 : d > 0;
}

static void
line_vals(double * v, const json_t * o)
{
    const json_t * vals = json_object_get(o, "vals");
    slong m = json_array_size(vals), b, j;
    for (b = 0; b < m; b++)
        for (j = 0; j <= m; j++)
            v[b * (m + 1) + j] = atof(json_string_value(json_array_get(json_array_get(vals, b), j))
                                      ? json_string_value(json_array_get(json_array_get(vals, b), j)) : "nan");
}

static int
is_certified(const json_t * o)
{
    const char * st = gets_(o, "status");
    return strcmp(st, "minimum") == 0 || strcmp(st, "saddle") == 0;
}

/* the transitions of one track (lines t[0..n-1], ascending k) */
static void
track_transitions(json_t * out, json_t ** t, slong n)
{
    slong i;
    for (i = 0; i + 1 < n; i++)
    {
        const json_t * x = t[i], * y = t[i + 1];
        int xm, ym;
        if (geti(y, "k") != geti(x, "k") + 1 || !is_certified(x) || !is_certified(y))
            continue;
        xm = strcmp(gets_(x, "status"), "minimum") == 0;
        ym = strcmp(gets_(y, "status"), "minimum") == 0;
        if (xm != ym)
            json_array_append_new(out, json_pack("{s:s, s:I, s:I, s:I, s:I, s:s, s:O, s:s, s:O}",
                "family", gets_(x, "family"), "a", (json_int_t) geti(x, "a"),
                "track", (json_int_t) geti(x, "track"),
                "k_before", (json_int_t) geti(x, "k"), "k_after", (json_int_t) geti(y, "k"),
                "before", gets_(x, "status"), "index_before", json_object_get(x, "morse_index"),
                "after", gets_(y, "status"), "index_after", json_object_get(y, "morse_index")));
    }
}

static int
cmp_track(const void * pa, const void * pb)
{
    const json_t * x = *(json_t * const *) pa, * y = *(json_t * const *) pb;
    int f;
    slong d;
    if ((f = strcmp(gets_(x, "family"), gets_(y, "family"))) != 0)
        return -f;
    if ((d = geti(x, "a") - geti(y, "a")) != 0)
        return d < 0 ? -1 : 1;
    if ((d = geti(x, "track") - geti(y, "track")) != 0)
        return d < 0 ? -1 : 1;
    d = geti(x, "k") - geti(y, "k");
    return d < 0 ? -1 : d > 0;
}

static int
write_text_atomic(const char * path, void (*fill)(FILE *, const void *), const void * arg)
{
    char tmp[4500];
    FILE * f;
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if ((f = fopen(tmp, "w")) == NULL)
        return 1;
    fill(f, arg);
    if (fclose(f) != 0 || rename(tmp, path) != 0)
    {
        remove(tmp);
        return 1;
    }
    return 0;
}

static void
fill_jsonl(FILE * f, const void * arg)
{
    const json_t * a = arg;
    size_t i;
    for (i = 0; i < json_array_size(a); i++)
    {
        char * t = json_dumps(json_array_get(a, i), JSON_COMPACT);
        fprintf(f, "%s\n", t);
        free(t);
    }
}

static void
fill_figure(FILE * f, const void * arg)
{
    rc_atlas_figure_write(f, arg, 1);
}

int
atlas_assemble(rc_atlas_summary_struct * S, const char * dir, const atlas_family_ref * fam,
               slong nfam, const atlas_record_t * recs, slong nrec, slong kmin, slong kmax,
               slong kmax3, slong alo, slong ahi, const char * dataset, double seconds,
               int jobs, rc_error_t err)
{
    json_t * pts = json_array(), * ends = json_array(), * missing = json_array();
    json_t * trans = json_array(), * notfound = json_array(), * summ;
    json_t ** v;
    slong nostart = 0;
    slong i, j, n, nmin = 0, nsad = 0, ncrit = 0, nund = 0, nnew = 0, nrecs = 0, nfound = 0, kcount = 0;
    slong by_index[8] = {0};
    char path[4400], * line = NULL;
    size_t cap = 0;
    int res = 0;

    for (i = 0; i < nfam; i++)
    {
        FILE * in;
        slong ln = 0;
        if (!fam[i].current || (in = fopen(fam[i].path, "r")) == NULL)
        {
            json_array_append_new(missing, json_pack("{s:s, s:I}", "family",
                                  fam[i].family == RC_ATLAS_TWO ? "two" : "three", "a",
                                  (json_int_t) fam[i].a));
            continue;
        }
        while (getline(&line, &cap, in) > 0)
        {
            json_t * o = json_loads(line, 0, NULL);
            if (ln++ == 0 || o == NULL)
            {
                json_decref(o);
                continue;
            }
            if (json_object_get(o, "status") != NULL)
                json_array_append_new(pts, o);
            else if (json_object_get(o, "reason") != NULL)
            {
                json_object_set_new(o, "family", json_string(fam[i].family == RC_ATLAS_TWO
                                                             ? "two" : "three"));
                json_object_set_new(o, "a", json_integer(fam[i].a));
                nostart += strncmp(gets_(o, "reason"), "no starting point", 17) == 0;
                json_array_append_new(ends, o);
            }
            else
                json_decref(o);
        }
        fclose(in);
    }
    free(line);

    /* sort, number within each k, write atlas.jsonl */
    n = json_array_size(pts);
    v = flint_malloc(sizeof(json_t *) * FLINT_MAX(1, n));
    for (i = 0; i < n; i++)
        v[i] = json_incref(json_array_get(pts, i));
    qsort(v, n, sizeof(json_t *), cmp_line);
    json_array_clear(pts);
    for (i = 0; i < n; i++)
    {
        json_t * o = json_object();
        const char * key;
        json_t * val;
        if (i > 0 && geti(v[i], "k") != geti(v[i - 1], "k"))
            kcount = 0;
        json_object_set(o, "k", json_object_get(v[i], "k"));
        json_object_set_new(o, "index", json_integer(kcount++));
        json_object_foreach(v[i], key, val)
            if (strcmp(key, "k") != 0)
                json_object_set(o, key, val);
        json_decref(v[i]);
        v[i] = o;
        json_array_append(pts, o);
        {
            const char * st = gets_(o, "status");
            if (strcmp(st, "minimum") == 0)
            {
                nmin++;
                if (json_is_null(json_object_get(o, "published")))
                    nnew++;
            }
            else if (strcmp(st, "saddle") == 0)
            {
                nsad++;
                /* by_index[0]: a negative eigenvalue proved, the index undecided */
                if (json_is_integer(json_object_get(o, "morse_index")))
                    by_index[FLINT_MAX(1, FLINT_MIN(7, geti(o, "morse_index")))]++;
                else
                    by_index[0]++;
            }
            else if (strcmp(st, "critical") == 0)
                ncrit++;
            else
                nund++;
        }
    }
    snprintf(path, sizeof path, "%s/atlas.jsonl", dir);
    if (write_text_atomic(path, fill_jsonl, pts))
    {
        res = (rc_error_set(err, "%s: cannot write", path), 2);
        goto out;
    }

    /* transitions, track by track */
    qsort(v, n, sizeof(json_t *), cmp_track);
    for (i = 0; i < n; i = j)
    {
        for (j = i + 1; j < n && geti(v[j], "a") == geti(v[i], "a")
             && geti(v[j], "track") == geti(v[i], "track")
             && strcmp(gets_(v[j], "family"), gets_(v[i], "family")) == 0; j++)
            ;
        track_transitions(trans, v + i, j - i);
    }

    /* completeness: every published non-global minimum of the selection */
    for (i = 0; i < nrec; i++)
    {
        const atlas_record_t * r = recs + i;
        rc_atlas_family f = r->m == 2 ? RC_ATLAS_TWO : RC_ATLAS_THREE;
        slong top = f == RC_ATLAS_TWO ? kmax : kmax3, mm = r->m;
        int found = 0;
        if (!r->spurious || r->k < kmin || r->k > top || r->p0 < alo || r->p0 > ahi)
            continue;
        nrecs++;
        for (j = 0; j < n && !found; j++)
        {
            double w[RC_ATLAS_MAX_VALS];
            slong t;
            if (geti(v[j], "k") != r->k || geti(v[j], "a") != r->p0
                || strcmp(gets_(v[j], "family"), f == RC_ATLAS_TWO ? "two" : "three") != 0
                || strcmp(gets_(v[j], "status"), "minimum") != 0
                || !json_is_true(json_object_get(v[j], "success")))
                continue;
            line_vals(w, v[j]);
            found = 1;
            for (t = 0; t < mm * (mm + 1) && found; t++)
                found = fabs(w[t] - r->vd[t]) <= MATCH_TOL;
        }
        if (found)
            nfound++;
        else
            json_array_append_new(notfound, json_pack("{s:I, s:I}", "k", (json_int_t) r->k,
                                                      "index", (json_int_t) r->index));
    }

    summ = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "dataset", dataset,
                     "k_min", (json_int_t) kmin, "k_max_two", (json_int_t) kmax,
                     "k_max_three", (json_int_t) kmax3, "families", (json_int_t) nfam,
                     "points", (json_int_t) n, "minima", (json_int_t) nmin,
                     "minima_not_in_dataset", (json_int_t) nnew);
    {
        json_t * bi = json_object();
        char key[16];
        for (i = 1; i < 8; i++)
            if (by_index[i])
            {
                snprintf(key, sizeof key, i == 7 ? "%ld+" : "%ld", (long) i);
                json_object_set_new(bi, key, json_integer(by_index[i]));
            }
        if (by_index[0])
            json_object_set_new(bi, "undecided", json_integer(by_index[0]));
        json_object_set_new(summ, "saddles", json_integer(nsad));
        json_object_set_new(summ, "saddles_by_index", bi);
    }
    json_object_set_new(summ, "critical_inertia_undecided", json_integer(ncrit));
    json_object_set_new(summ, "existence_not_proved", json_integer(nund));
    json_object_set_new(summ, "completeness", json_pack("{s:I, s:I, s:o}", "published_minima",
                        (json_int_t) nrecs, "found_and_certified", (json_int_t) nfound,
                        "not_found", notfound));
    notfound = NULL;
    json_object_set_new(summ, "missing_families", json_incref(missing));
    json_object_set_new(summ, "families_without_a_start", json_integer(nostart));
    json_object_set_new(summ, "transitions", json_incref(trans));
    json_object_set_new(summ, "track_ends", json_incref(ends));
    json_object_set_new(summ, "seconds", json_real(floor(seconds * 10 + 0.5) / 10));
    json_object_set_new(summ, "jobs", json_integer(jobs));
    snprintf(path, sizeof path, "%s/atlas-summary.json", dir);
    if (rc_cert_write_file(path, summ))
        res = (rc_error_set(err, "%s: cannot write", path), 2);
    snprintf(path, sizeof path, "%s/atlas-figure.tex", dir);
    if (res == 0 && write_text_atomic(path, fill_figure, pts))
        res = (rc_error_set(err, "%s: cannot write", path), 2);

    if (res == 0)
    {
        S->assembled = 1;
        S->families = nfam;
        S->points = n;
        S->minima = nmin;
        S->minima_new = nnew;
        S->saddles = nsad;
        for (i = 0; i < 8; i++)
            S->saddles_by_index[i] = by_index[i];
        S->critical = ncrit;
        S->undecided = nund;
        S->published_minima = nrecs;
        S->found = nfound;
        S->missing_families = json_array_size(missing);
        S->no_start = nostart;
        S->track_ends = json_array_size(ends);
        S->transitions = json_incref(trans);
        S->seconds = seconds;
        S->jobs = jobs;
        if (nund > 0 || nfound < nrecs || json_array_size(missing) > 0 || nostart > 0)
            res = 1;
    }
    json_decref(summ);
out:
    for (i = 0; i < n; i++)
        json_decref(v[i]);
    flint_free(v);
    json_decref(pts);
    json_decref(ends);
    json_decref(missing);
    json_decref(trans);
    json_decref(notfound);
    return res;
}
