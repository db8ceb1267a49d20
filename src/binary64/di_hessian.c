/* The Hessian of F over a box in binary64: midpoints plus a proven radius
   (dense64.h). Each block is the pair kernel of pair.h evaluated in
   binary64 intervals (di.h, lemma L11); the diagonal blocks are summed in
   intervals before the conversion to midpoint and radius. */
#include <stdlib.h>
#include "relucert/dense64.h"
#include "relucert/di_arb.h"
#include "relucert/eval.h"
#include "di_pair.h"

/* acc[a d + b] += sign coef (s (delta_ab - wb_a wb_b) + m_vw_a n_vw_b)
   for b >= a: sign h1(w, v) with coef = |v| / (2 pi |w|). Only the upper
   triangle: the true block is symmetric, the caller mirrors it. */
static void
h1_add(rc_di_t * acc, const rc_di_pair_t p, int sign, const rc_di_consts_t C)
{
    long a, b, d = p->d;
    rc_di_t coef = rc_di_mul(rc_di_div(p->nv, p->nw), C->inv_2pi), cs, cm, csw;

    if (sign < 0)
        coef = rc_di_neg(coef);
    cs = rc_di_mul(coef, p->s);
    for (a = 0; a < d; a++)
    {
        rc_di_t * row = acc + a * d;
        cm = rc_di_mul(coef, p->m_vw[a]);
        csw = rc_di_mul(cs, p->wb[a]);
        /* diagonal: coef s (1 - wb_a^2) + coef m_a n_a */
        row[a] = rc_di_add(row[a], rc_di_add(rc_di_mul(cs, rc_di_sub(rc_di_pt(1), rc_di_sqr(p->wb[a]))),
                                             rc_di_mul(cm, p->n_vw[a])));
        for (b = a + 1; b < d; b++)
            row[b] = rc_di_add(row[b], rc_di_sub(rc_di_mul(cm, p->n_vw[b]),
                                                 rc_di_mul(csw, p->wb[b])));
    }
}

/* out[a d + b] = h2(w, v)[a][b] = ((pi - t) delta_ab + m_vw_a n_wv_b
   + s wb_a vb_b) / (2 pi) */
static void
h2_set(rc_di_t * out, const rc_di_pair_t p, const rc_di_consts_t C)
{
    long a, b, d = p->d;
    rc_di_t diag = rc_di_sub(C->pi, p->t), e;

    for (a = 0; a < d; a++)
    {
        rc_di_t swa = rc_di_mul(p->s, p->wb[a]);
        for (b = 0; b < d; b++)
        {
            e = rc_di_add(rc_di_mul(p->m_vw[a], p->n_wv[b]), rc_di_mul(swa, p->vb[b]));
            if (a == b)
                e = rc_di_add(e, diag);
            out[a * d + b] = rc_di_mul(e, C->inv_2pi);
        }
    }
}

/* midpoint and radius of x: |y - mid| <= rad for every y in x */
static int
mid_rad(double * mid, double * rad, rc_di_t x)
{
    double m, r1, r2;

    if (!rc_di_is_valid(x))
        return 0;
    m = 0.5 * x.lo + 0.5 * x.hi;
    if (!(m >= x.lo && m <= x.hi))
        m = x.lo;
    r1 = rc_di_up(x.hi - m);
    r2 = rc_di_up(m - x.lo);
    *mid = m;
    *rad = r1 > r2 ? r1 : r2;
    return *rad <= DBL_MAX;
}

/* stores block (r0, c0) and its transpose at (c0, r0); radii summed into
   rowrad (both rows touched), upward */
static int
store_block(double * mid, double * rowrad, double * rad, long N, long r0,
            long c0, const rc_di_t * blk, long d, int mirror)
{
    long a, b;
    double m, r;

    for (a = 0; a < d; a++)
        for (b = 0; b < d; b++)
        {
            if (!mid_rad(&m, &r, blk[a * d + b]))
                return 0;
            mid[(r0 + a) * N + c0 + b] = m;
            if (rad != NULL)
                rad[(r0 + a) * N + c0 + b] = r;
            if (rowrad != NULL)
                rowrad[r0 + a] = rc_di_up(rowrad[r0 + a] + r);
            if (mirror)
            {
                mid[(c0 + b) * N + r0 + a] = m;
                if (rad != NULL)
                    rad[(c0 + b) * N + r0 + a] = r;
                if (rowrad != NULL)
                    rowrad[c0 + b] = rc_di_up(rowrad[c0 + b] + r);
            }
        }
    return 1;
}

int
rc_di_hessian(double * mid, double * rowrad, double * rad,
              const arb_mat_t X, const arb_mat_t V)
{
    long n = arb_mat_nrows(X), k = arb_mat_nrows(V), d = arb_mat_ncols(X);
    long N = n * d, i, j, a;
    rc_di_t * w, * v, * blk;
    rc_di_consts_t C;
    rc_di_pair_t p;
    int ok = 0;

    if (!rc_di_usable() || rc_student_zero_row(X, 64) >= 0)
        return 0;
    w = malloc(sizeof(rc_di_t) * (N + k * d + 1));
    blk = calloc(d * d + 1, sizeof(rc_di_t));
    if (w == NULL || blk == NULL || rc_di_pair_init(p, d))
    {
        free(w);
        free(blk);
        return 0;
    }
    v = w + N;
    rc_di_consts_init(C);
    for (i = 0; i < N; i++)
        w[i] = rc_di_set_arb(arb_mat_entry(X, i / d, i % d));
    for (i = 0; i < k * d; i++)
        v[i] = rc_di_set_arb(arb_mat_entry(V, i / d, i % d));
    for (i = 0; i < N + k * d; i++)
        if (!rc_di_is_valid(w[i]))
            goto out;
    if (rowrad != NULL)
        for (i = 0; i < N; i++)
            rowrad[i] = 0;

    for (i = 0; i < n; i++)
    {
        /* H_ii = I/2 + sum_{j != i} h1(w_i, w_j) - sum_j h1(w_i, v_j) */
        for (a = 0; a < d * d; a++)
            blk[a] = rc_di_pt(a % (d + 1) == 0 ? 0.5 : 0);
        for (j = 0; j < n; j++)
            if (j != i)
            {
                if (!rc_di_pair_set(p, w + i * d, w + j * d, C))
                    goto out;
                h1_add(blk, p, 1, C);
            }
        for (j = 0; j < k; j++)
        {
            if (!rc_di_pair_set(p, w + i * d, v + j * d, C))
                goto out;
            h1_add(blk, p, -1, C);
        }
        /* the true block is symmetric: the lower triangle from the upper */
        for (a = 0; a < d; a++)
        {
            long b;
            for (b = a + 1; b < d; b++)
                blk[b * d + a] = blk[a * d + b];
        }
        if (!store_block(mid, rowrad, rad, N, i * d, i * d, blk, d, 0))
            goto out;
        /* H_ij = h2(w_i, w_j), H_ji its transpose (H is symmetric) */
        for (j = i + 1; j < n; j++)
        {
            if (!rc_di_pair_set(p, w + i * d, w + j * d, C))
                goto out;
            h2_set(blk, p, C);
            if (!store_block(mid, rowrad, rad, N, i * d, j * d, blk, d, 1))
                goto out;
        }
    }
    ok = 1;
    if (rowrad != NULL)
        for (i = 0; i < N; i++)
            ok = ok && rowrad[i] <= DBL_MAX;
out:
    rc_di_pair_clear(p);
    free(w);
    free(blk);
    return ok;
}
