/* Rebuilding points from the published dataset (JSON Lines, one record a
   line; format in proofs/model.md section 3). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "relucert/point.h"
#include "relucert/number.h"

/* A[i][j] from an array of rows of exact decimal strings (what is "rows"
   or "teacher"); A must already have the expected size. */
static int
get_rows(fmpq_mat_t A, json_t * rows, const char * field, const char * name,
         slong line, rc_error_t err)
{
    slong i, j, r = fmpq_mat_nrows(A), c = fmpq_mat_ncols(A);
    rc_error_t e2;

    for (i = 0; i < r; i++)
    {
        json_t * row = json_array_get(rows, i);
        if (!json_is_array(row) || (slong) json_array_size(row) != c)
            return rc_error_set(err, "%s:%ld: expected \"%s\"[%ld] to be a row of %ld "
                                "numbers", name, line, field, i, c);
        for (j = 0; j < c; j++)
        {
            json_t * x = json_array_get(row, j);
            if (!json_is_string(x))
                return rc_error_set(err, "%s:%ld: expected \"%s\"[%ld][%ld] to be a "
                                    "decimal string", name, line, field, i, j);
            if (rc_number_parse_fmpq(fmpq_mat_entry(A, i, j), json_string_value(x), e2))
                return rc_error_set(err, "%s:%ld: \"%s\"[%ld][%ld]: %s", name, line,
                                    field, i, j, e2->msg);
        }
    }
    return 0;
}

static int
get_slong(slong * v, json_t * rec, const char * key)
{
    json_t * x = json_object_get(rec, key);
    if (!json_is_integer(x))
        return 1;
    *v = (slong) json_integer_value(x);
    return 0;
}

int
rc_point_set_dataset_record(rc_point_t pt, const char * json_line,
                            const char * name, slong line, rc_error_t err)
{
    json_error_t jerr;
    json_t * rec, * p, * vals, * kind;
    slong k, m, b, c, r, total, * block = NULL;
    int res = 0;
    fmpq_t * val = NULL;     /* m x (m+1) values */
    rc_error_t e2;

    rec = json_loads(json_line, JSON_REJECT_DUPLICATES, &jerr);
    if (rec == NULL)
        return rc_error_set(err, "%s:%ld: expected a JSON object, found invalid "
                            "JSON (%s)", name, line, jerr.text);
    if (!json_is_object(rec))
    {
        res = rc_error_set(err, "%s:%ld: expected a JSON object", name, line);
        goto out;
    }
    if (get_slong(&k, rec, "k") || k < 1 || k > 100000)
    {
        res = rc_error_set(err, "%s:%ld: expected a positive integer field \"k\"",
                           name, line);
        goto out;
    }
    if (k * k > RC_POINT_MAX_ENTRIES)
    {
        /* the limit of point files: no malformed record allocates without
           bound (found by fuzz/fuzz_dataset) */
        res = rc_error_set(err, "%s:%ld: expected k <= 10000 (a record's matrices are k x k), "
                           "found k = %ld", name, line, (long) k);
        goto out;
    }
    kind = json_object_get(rec, "kind");
    vals = json_object_get(rec, "vals");
    p = json_object_get(rec, "p");

    /* full rows (relucert search writes them) take precedence over vals */
    if (json_is_array(json_object_get(rec, "rows")))
    {
        json_t * rows = json_object_get(rec, "rows"), * teacher = json_object_get(rec, "teacher");
        slong n = json_array_size(rows), d;
        json_t * r0 = json_array_get(rows, 0);
        d = json_is_array(r0) ? (slong) json_array_size(r0) : 0;
        if (n < 1 || n > 100000 || d < 1 || d > 100000
            || n * d > RC_POINT_MAX_ENTRIES || k * d > RC_POINT_MAX_ENTRIES
            || (teacher == NULL && d != k)
            || (json_is_array(teacher) && (slong) json_array_size(teacher) != k))
        {
            res = rc_error_set(err, "%s:%ld: expected \"rows\" to be n rows of d = k "
                               "numbers (or a \"teacher\" of k rows)", name, line);
            goto out;
        }
        rc_point_set_dims(pt, n, k, d);
        rc_point_set_source(pt, name);
        if (teacher == NULL || json_is_null(teacher))
            fmpq_mat_one(pt->V);
        else if (get_rows(pt->V, teacher, "teacher", name, line, err))
        {
            res = 1;
            goto out;
        }
        if (get_rows(pt->W, rows, "rows", name, line, err))
        {
            res = 1;
            goto out;
        }
        for (r = 0; r < n; r++)
            pt->w_line[r] = line;
        for (r = 0; r < k; r++)
            pt->v_line[r] = line;
        goto out;
    }

    if (json_is_null(vals) || vals == NULL)
    {
        /* the global minimum W = I_k */
        if (kind != NULL && !(json_is_string(kind) &&
                              strcmp(json_string_value(kind), "global") == 0))
        {
            res = rc_error_set(err, "%s:%ld: expected \"vals\" (only a \"global\" "
                               "record may omit it)", name, line);
            goto out;
        }
        rc_point_set_identity_teacher(pt, k, k);
        for (r = 0; r < k; r++)
        {
            fmpq_one(fmpq_mat_entry(pt->W, r, r));
            pt->w_line[r] = pt->v_line[r] = line;
        }
        rc_point_set_source(pt, name);
        goto out;
    }

    if (!json_is_array(p) || (m = json_array_size(p)) < 1 || m > k)
    {
        res = rc_error_set(err, "%s:%ld: expected \"p\", an array of 1..k block "
                           "sizes", name, line);
        goto out;
    }
    block = flint_malloc(sizeof(slong) * k);
    total = 0;
    for (b = 0; b < m; b++)
    {
        json_t * x = json_array_get(p, b);
        slong sz = json_is_integer(x) ? (slong) json_integer_value(x) : 0;
        if (sz < 1 || total + sz > k)
        {
            res = rc_error_set(err, "%s:%ld: expected \"p\" to be positive block "
                               "sizes adding up to k = %ld", name, line, k);
            goto out;
        }
        for (c = total; c < total + sz; c++)
            block[c] = b;
        total += sz;
    }
    if (total != k)
    {
        res = rc_error_set(err, "%s:%ld: expected \"p\" to add up to k = %ld, "
                           "found %ld", name, line, k, total);
        goto out;
    }
    if (!json_is_array(vals) || (slong) json_array_size(vals) != m)
    {
        res = rc_error_set(err, "%s:%ld: expected \"vals\" to be %ld x %ld",
                           name, line, m, m + 1);
        goto out;
    }
    val = flint_malloc(sizeof(fmpq_t) * m * (m + 1));
    for (b = 0; b < m * (m + 1); b++)
        fmpq_init(val[b]);
    for (b = 0; b < m && !res; b++)
    {
        json_t * row = json_array_get(vals, b);
        if (!json_is_array(row) || (slong) json_array_size(row) != m + 1)
        {
            res = rc_error_set(err, "%s:%ld: expected \"vals\" row %ld to have %ld "
                               "entries", name, line, b, m + 1);
            break;
        }
        for (c = 0; c <= m; c++)
        {
            json_t * x = json_array_get(row, c);
            if (!json_is_string(x))
            {
                res = rc_error_set(err, "%s:%ld: expected \"vals\"[%ld][%ld] to be "
                                   "a decimal string", name, line, b, c);
                break;
            }
            if (rc_number_parse_fmpq(val[b * (m + 1) + c], json_string_value(x), e2))
            {
                res = rc_error_set(err, "%s:%ld: \"vals\"[%ld][%ld]: %s", name,
                                   line, b, c, e2->msg);
                break;
            }
        }
    }
    if (res)
        goto out;

    /* M[r][c] as in proofs/model.md section 3; W = M^T, so W[c][r] = M[r][c]. */
    rc_point_set_identity_teacher(pt, k, k);
    rc_point_set_source(pt, name);
    for (c = 0; c < k; c++)
    {
        pt->w_line[c] = pt->v_line[c] = line;
        for (r = 0; r < k; r++)
        {
            fmpq * src;
            if (r == c)
                src = val[block[c] * (m + 1) + block[c]];
            else if (block[r] == block[c])
                src = val[block[c] * (m + 1) + m];
            else
                src = val[block[r] * (m + 1) + block[c]];
            fmpq_set(fmpq_mat_entry(pt->W, c, r), src);
        }
    }

out:
    if (val != NULL)
    {
        for (b = 0; b < m * (m + 1); b++)
            fmpq_clear(val[b]);
        flint_free(val);
    }
    flint_free(block);
    json_decref(rec);
    return res;
}

int
rc_point_read_dataset(rc_point_t pt, const char * path, slong k, slong index,
                      rc_error_t err)
{
    FILE * f = fopen(path, "r");
    char * buf = NULL;
    size_t cap = 0;
    ssize_t len;
    slong line = 0;
    int res = -1;

    if (f == NULL)
        return rc_error_set(err, "%s: cannot open: %s", path, strerror(errno));
    while ((len = getline(&buf, &cap, f)) != -1)
    {
        json_t * rec;
        json_error_t jerr;
        slong rk, ri;

        line++;
        if (len <= 1)
            continue;
        rec = json_loads(buf, 0, &jerr);
        if (rec == NULL)
        {
            res = rc_error_set(err, "%s:%ld: expected a JSON object, found invalid "
                               "JSON (%s)", path, line, jerr.text);
            break;
        }
        if (get_slong(&rk, rec, "k") || get_slong(&ri, rec, "index"))
        {
            json_decref(rec);
            res = rc_error_set(err, "%s:%ld: expected integer fields \"k\" and "
                               "\"index\"", path, line);
            break;
        }
        json_decref(rec);
        if (rk == k && ri == index)
        {
            res = rc_point_set_dataset_record(pt, buf, path, line, err);
            break;
        }
    }
    free(buf);
    fclose(f);
    if (res == -1)
        res = rc_error_set(err, "%s: expected a record with k = %ld and index = "
                           "%ld, found none", path, k, index);
    return res;
}
