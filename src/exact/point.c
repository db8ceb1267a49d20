/* The exact point type. */
#include <stdio.h>
#include <string.h>
#include "relucert/point.h"

void
rc_point_init(rc_point_t pt)
{
    pt->n = pt->d = pt->k = 0;
    fmpq_mat_init(pt->W, 0, 0);
    fmpq_mat_init(pt->V, 0, 0);
    pt->w_line = NULL;
    pt->v_line = NULL;
    pt->source = NULL;
    rc_point_set_source(pt, "<string>");
}

void
rc_point_clear(rc_point_t pt)
{
    fmpq_mat_clear(pt->W);
    fmpq_mat_clear(pt->V);
    flint_free(pt->w_line);
    flint_free(pt->v_line);
    flint_free(pt->source);
}

void
rc_point_set_dims(rc_point_t pt, slong n, slong k, slong d)
{
    fmpq_mat_clear(pt->W);
    fmpq_mat_clear(pt->V);
    fmpq_mat_init(pt->W, n, d);
    fmpq_mat_init(pt->V, k, d);
    pt->w_line = flint_realloc(pt->w_line, sizeof(slong) * FLINT_MAX(n, 1));
    pt->v_line = flint_realloc(pt->v_line, sizeof(slong) * FLINT_MAX(k, 1));
    memset(pt->w_line, 0, sizeof(slong) * FLINT_MAX(n, 1));
    memset(pt->v_line, 0, sizeof(slong) * FLINT_MAX(k, 1));
    pt->n = n;
    pt->k = k;
    pt->d = d;
}

void
rc_point_set_source(rc_point_t pt, const char * source)
{
    size_t len = strlen(source);
    flint_free(pt->source);
    pt->source = flint_malloc(len + 1);
    memcpy(pt->source, source, len + 1);
}

int
rc_point_set_mats(rc_point_t pt, const fmpq_mat_t W, const fmpq_mat_t V,
                  const char * vname, const char * source, rc_error_t err)
{
    slong i, n = fmpq_mat_nrows(W), k = fmpq_mat_nrows(V), d = fmpq_mat_ncols(W);

    if (fmpq_mat_ncols(V) != d)
        return rc_error_set(err, "%s: expected a teacher of dimension D = %ld (the student's "
                            "columns), found %ld x %ld", vname, (long) d, (long) k,
                            (long) fmpq_mat_ncols(V));
    if (k * d > RC_POINT_MAX_ENTRIES)
        return rc_error_set(err, "%s: expected at most %ld entries in the teacher", vname,
                            (long) RC_POINT_MAX_ENTRIES);
    rc_point_set_dims(pt, n, k, d);
    fmpq_mat_set(pt->W, W);
    fmpq_mat_set(pt->V, V);
    for (i = 0; i < n; i++)
        pt->w_line[i] = 0;
    for (i = 0; i < k; i++)
        pt->v_line[i] = 0;
    rc_point_set_source(pt, source);
    return 0;
}

void
rc_point_set_identity_teacher(rc_point_t pt, slong n, slong k)
{
    slong j;
    rc_point_set_dims(pt, n, k, k);
    for (j = 0; j < k; j++)
        fmpq_one(fmpq_mat_entry(pt->V, j, j));
}

void
rc_point_get_arb(arb_mat_t Wb, arb_mat_t Vb, const rc_point_t pt,
                 const fmpq_t radius, slong prec)
{
    slong i, a;
    mag_t r;

    mag_init(r);
    if (radius != NULL)
    {
        /* upper bound for |radius| */
        arb_t t;
        arb_init(t);
        arb_set_fmpq(t, radius, prec);
        arb_get_mag(r, t);
        arb_clear(t);
    }
    for (i = 0; i < pt->n; i++)
        for (a = 0; a < pt->d; a++)
        {
            arb_set_fmpq(arb_mat_entry(Wb, i, a), fmpq_mat_entry(pt->W, i, a), prec);
            if (radius != NULL)
                arb_add_error_mag(arb_mat_entry(Wb, i, a), r);
        }
    arb_mat_set_fmpq_mat(Vb, pt->V, prec);
    mag_clear(r);
}

slong
rc_point_zero_student(const rc_point_t pt)
{
    slong i, a;
    for (i = 0; i < pt->n; i++)
    {
        for (a = 0; a < pt->d; a++)
            if (!fmpq_is_zero(fmpq_mat_entry(pt->W, i, a)))
                break;
        if (a == pt->d)
            return i;
    }
    return -1;
}

void
rc_point_where_student(char * buf, size_t len, const rc_point_t pt, slong i)
{
    if (i >= 0 && i < pt->n && pt->w_line[i] > 0)
        snprintf(buf, len, "%s:%ld", pt->source, (long) pt->w_line[i]);
    else
        snprintf(buf, len, "%s, row %ld", pt->source, (long) i);
}
