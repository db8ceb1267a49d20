/* The group G = S_{B_1} x ... x S_{B_m} of a block-structured point: its
   blocks, the orbits of index pairs (coordinates of Fix(G)), detection from
   an exact point and the projection onto Fix(G). */
#include <string.h>
#include "relucert/sym.h"

void
rc_sym_init(rc_sym_t s)
{
    memset(s, 0, sizeof(rc_sym_struct));
}

void
rc_sym_clear(rc_sym_t s)
{
    flint_free(s->p); flint_free(s->blk); flint_free(s->members);
    flint_free(s->start); flint_free(s->okind); flint_free(s->ob);
    flint_free(s->oc); flint_free(s->diag); flint_free(s->off);
    flint_free(s->xorb);
    rc_sym_init(s);
}

/* orbits in the order: per neuron block b, diag_b, off_b, cross (b, c) */
static void
set_orbits(rc_sym_t s)
{
    slong m = s->m, b, c, o = 0;

    s->okind = flint_malloc(sizeof(slong) * (m * (m + 1) + s->nx * m));
    s->ob = flint_malloc(sizeof(slong) * (m * (m + 1) + s->nx * m));
    s->oc = flint_malloc(sizeof(slong) * (m * (m + 1) + s->nx * m));
    s->diag = flint_malloc(sizeof(slong) * m);
    s->off = flint_malloc(sizeof(slong) * m * m);
    for (b = 0; b < m; b++)
    {
        s->diag[b] = o;
        s->okind[o] = RC_SYM_ORBIT_DIAG; s->ob[o] = b; s->oc[o] = b; o++;
        s->off[b * m + b] = -1;
        if (s->p[b] >= 2)
        {
            s->off[b * m + b] = o;
            s->okind[o] = RC_SYM_ORBIT_OFF; s->ob[o] = b; s->oc[o] = b; o++;
        }
        for (c = 0; c < m; c++)
            if (c != b)
            {
                s->off[b * m + c] = o;
                s->okind[o] = RC_SYM_ORBIT_CROSS; s->ob[o] = b; s->oc[o] = c; o++;
            }
    }
    /* then per extra neuron e, per block c: ext (e, c) (model.md M6.8) */
    s->xorb = flint_malloc(sizeof(slong) * FLINT_MAX(s->nx * m, 1));
    for (b = 0; b < s->nx; b++)
        for (c = 0; c < m; c++)
        {
            s->xorb[b * m + c] = o;
            s->okind[o] = RC_SYM_ORBIT_EXTRA; s->ob[o] = b; s->oc[o] = c; o++;
        }
    s->q = o;
}

int
rc_sym_set_extra(rc_sym_t s, slong nx, rc_error_t err)
{
    if (nx < 0 || nx > RC_SYM_MAX_EXTRA)
        return rc_error_set(err, "expected 0 to %d extra neurons, found %ld",
                            RC_SYM_MAX_EXTRA, (long) nx);
    if (s->m < 1)
        return rc_error_set(err, "set the blocks before the extra neurons");
    flint_free(s->okind); flint_free(s->ob); flint_free(s->oc);
    flint_free(s->diag); flint_free(s->off); flint_free(s->xorb);
    s->nx = nx;
    s->n = s->k + nx;
    set_orbits(s);
    return 0;
}

int
rc_sym_set_blocks(rc_sym_t s, const slong * block_of, slong k, rc_error_t err)
{
    slong m = 0, i, b;

    if (k < 1 || k > 1000000)
        return rc_error_set(err, "expected 1 <= k <= 10^6, found k = %ld", (long) k);
    for (i = 0; i < k; i++)
    {
        if (block_of[i] < 0 || block_of[i] > m)
            return rc_error_set(err, "block of index %ld: expected 0..%ld (blocks numbered "
                                "in order of first appearance), found %ld", (long) i,
                                (long) FLINT_MIN(m, RC_SYM_MAX_BLOCKS - 1), (long) block_of[i]);
        if (block_of[i] == m)
            m++;
        if (m > RC_SYM_MAX_BLOCKS)
            return rc_error_set(err, "expected at most %d blocks, found more",
                                RC_SYM_MAX_BLOCKS);
    }
    rc_sym_clear(s);
    s->k = k;
    s->n = k;
    s->nx = 0;
    s->m = m;
    s->p = flint_calloc(m, sizeof(slong));
    s->blk = flint_malloc(sizeof(slong) * k);
    s->members = flint_malloc(sizeof(slong) * k);
    s->start = flint_calloc(m + 1, sizeof(slong));
    for (i = 0; i < k; i++)
    {
        s->blk[i] = block_of[i];
        s->p[block_of[i]]++;
    }
    for (b = 0; b < m; b++)
        s->start[b + 1] = s->start[b] + s->p[b];
    {
        slong * fill = flint_calloc(m, sizeof(slong));
        for (i = 0; i < k; i++)
        {
            b = block_of[i];
            s->members[s->start[b] + fill[b]++] = i;
        }
        flint_free(fill);
    }
    set_orbits(s);
    return 0;
}

int
rc_sym_set_sizes(rc_sym_t s, const slong * p, slong m, rc_error_t err)
{
    slong k = 0, b, i, * bo;
    int ret;

    if (m < 1 || m > RC_SYM_MAX_BLOCKS)
        return rc_error_set(err, "expected 1 to %d blocks, found %ld",
                            RC_SYM_MAX_BLOCKS, (long) m);
    for (b = 0; b < m; b++)
    {
        if (p[b] < 1 || p[b] > 1000000)
            return rc_error_set(err, "block %ld: expected a size in 1..10^6, found %ld",
                                (long) b, (long) p[b]);
        k += p[b];
    }
    if (k > 1000000)
        return rc_error_set(err, "expected k = sum of the block sizes <= 10^6, found %ld",
                            (long) k);
    bo = flint_malloc(sizeof(slong) * k);
    for (b = 0, i = 0; b < m; b++)
    {
        slong j;
        for (j = 0; j < p[b]; j++)
            bo[i++] = b;
    }
    ret = rc_sym_set_blocks(s, bo, k, err);
    flint_free(bo);
    return ret;
}

int
rc_sym_is_contiguous(const rc_sym_t s)
{
    slong i;
    for (i = 0; i < s->k; i++)
        if (s->members[i] != i)
            return 0;
    return 1;
}

slong
rc_sym_orbit(const rc_sym_t s, slong i, slong r)
{
    slong b, c = s->blk[r];
    if (i >= s->k)
        return s->xorb[(i - s->k) * s->m + c];
    b = s->blk[i];
    if (i == r)
        return s->diag[b];
    return s->off[b * s->m + c];
}

slong
rc_sym_orbit_size(const rc_sym_t s, slong o)
{
    slong b = s->ob[o], c = s->oc[o];
    switch (s->okind[o])
    {
        case RC_SYM_ORBIT_DIAG: return s->p[b];
        case RC_SYM_ORBIT_OFF: return s->p[b] * (s->p[b] - 1);
        case RC_SYM_ORBIT_EXTRA: return s->p[c];
        default: return s->p[b] * s->p[c];
    }
}

void
rc_sym_orbit_name(char * buf, size_t len, const rc_sym_t s, slong o)
{
    if (s->okind[o] == RC_SYM_ORBIT_DIAG)
        snprintf(buf, len, "diag %ld", (long) s->ob[o]);
    else if (s->okind[o] == RC_SYM_ORBIT_OFF)
        snprintf(buf, len, "off %ld", (long) s->ob[o]);
    else if (s->okind[o] == RC_SYM_ORBIT_EXTRA)
        snprintf(buf, len, "extra %ld %ld", (long) s->ob[o], (long) s->oc[o]);
    else
        snprintf(buf, len, "cross %ld %ld", (long) s->ob[o], (long) s->oc[o]);
}

/* |x - y| <= tol, or x == y when tol is NULL */
static int
close(const fmpq_t x, const fmpq_t y, const fmpq_t tol, fmpq_t t)
{
    if (tol == NULL)
        return fmpq_equal(x, y);
    fmpq_sub(t, x, y);
    fmpq_abs(t, t);
    return fmpq_cmp(t, tol) <= 0;
}

/* 1 if the simultaneous transposition (a a') fixes W (up to tol) */
static int
transposition_fixes(const fmpq_mat_t W, slong a, slong a2, const fmpq_t tol, fmpq_t t)
{
    slong k = fmpq_mat_nrows(W), r;

    if (!close(fmpq_mat_entry(W, a, a), fmpq_mat_entry(W, a2, a2), tol, t)
        || !close(fmpq_mat_entry(W, a, a2), fmpq_mat_entry(W, a2, a), tol, t))
        return 0;
    for (r = 0; r < k; r++)
        if (r != a && r != a2
            && (!close(fmpq_mat_entry(W, a, r), fmpq_mat_entry(W, a2, r), tol, t)
                || !close(fmpq_mat_entry(W, r, a), fmpq_mat_entry(W, r, a2), tol, t)))
            return 0;
    return 1;
}

slong
rc_sym_detect(rc_sym_t s, const fmpq_mat_t W, const fmpq_t tol)
{
    slong k = fmpq_mat_nrows(W), i, b, m = 0;
    slong * bo, * rep;
    fmpq_t t;
    rc_error_t err;

    if (k < 1 || fmpq_mat_ncols(W) != k)
        return 0;
    fmpq_init(t);
    bo = flint_malloc(sizeof(slong) * k);
    rep = flint_malloc(sizeof(slong) * k);
    /* a joins the first class whose representative it can be swapped with;
       exact equality makes this the equivalence relation of the header.
       With a tolerance the relation need not be transitive; the projection
       then makes the result exactly symmetric. */
    for (i = 0; i < k; i++)
    {
        bo[i] = -1;
        for (b = 0; b < m; b++)
            if (transposition_fixes(W, rep[b], i, tol, t))
            {
                bo[i] = b;
                break;
            }
        if (bo[i] < 0)
        {
            rep[m] = i;
            bo[i] = m++;
        }
    }
    if (m <= RC_SYM_MAX_BLOCKS)
        rc_sym_set_blocks(s, bo, k, err);
    flint_free(bo);
    flint_free(rep);
    fmpq_clear(t);
    return m;
}

int
rc_sym_theta_from_mat(fmpq * theta, slong * bad_i, slong * bad_r,
                      const rc_sym_t s, const fmpq_mat_t W)
{
    slong k = s->k, i, r, o;
    int * seen = flint_calloc(s->q, sizeof(int));
    fmpq * first = _fmpq_vec_init(s->q);
    int ok = 1;

    for (i = 0; i < s->n && ok; i++)
        for (r = 0; r < k && ok; r++)
        {
            o = rc_sym_orbit(s, i, r);
            if (!seen[o])
            {
                seen[o] = 1;
                fmpq_set(first + o, fmpq_mat_entry(W, i, r));
            }
            else if (!fmpq_equal(first + o, fmpq_mat_entry(W, i, r)))
            {
                ok = 0;
                *bad_i = i;
                *bad_r = r;
            }
        }
    for (o = 0; o < s->q && ok; o++)
        fmpq_set(theta + o, first + o);
    _fmpq_vec_clear(first, s->q);
    flint_free(seen);
    return ok;
}

void
rc_sym_project(fmpq * theta, fmpq_t dist, const rc_sym_t s, const fmpq_mat_t W)
{
    slong k = s->k, i, r, o;
    fmpq_t t;
    fmpz_t z;

    fmpq_init(t);
    fmpz_init(z);
    for (o = 0; o < s->q; o++)
        fmpq_zero(theta + o);
    for (i = 0; i < s->n; i++)
        for (r = 0; r < k; r++)
            fmpq_add(theta + rc_sym_orbit(s, i, r), theta + rc_sym_orbit(s, i, r),
                     fmpq_mat_entry(W, i, r));
    for (o = 0; o < s->q; o++)
    {
        fmpz_set_si(z, rc_sym_orbit_size(s, o));
        fmpq_div_fmpz(theta + o, theta + o, z);
    }
    fmpq_zero(dist);
    for (i = 0; i < s->n; i++)
        for (r = 0; r < k; r++)
        {
            fmpq_sub(t, fmpq_mat_entry(W, i, r), theta + rc_sym_orbit(s, i, r));
            fmpq_abs(t, t);
            if (fmpq_cmp(t, dist) > 0)
                fmpq_set(dist, t);
        }
    fmpq_clear(t);
    fmpz_clear(z);
}

void
rc_sym_mat_from_theta(fmpq_mat_t W, const rc_sym_t s, const fmpq * theta)
{
    slong i, r;
    for (i = 0; i < s->n; i++)
        for (r = 0; r < s->k; r++)
            fmpq_set(fmpq_mat_entry(W, i, r), theta + rc_sym_orbit(s, i, r));
}
