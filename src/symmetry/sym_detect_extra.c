/* Detection of the structure of proofs/model.md M6.8 from the exact
   entries of an n x k student (V = I_k): which rows are the extra neurons,
   the order matching the other rows to the coordinates, and the largest
   group G = S_{B_1} x ... x S_{B_m} fixing the point. Guesses (the order)
   are verified exactly: the group returned fixes W exactly. */
#include <math.h>
#include <string.h>
#include "relucert/sym.h"

/* each row's most distinctive entry (farthest from the row's mean, the
   first such column on ties) names its coordinate; rows holds the k rows
   to match. 1 with rowof[c] the row matched to coordinate c, 0 when two
   rows claim one coordinate. Only a guess. */
static int
match_rows(slong * rowof, const fmpq_mat_t W, const slong * rows, slong k)
{
    slong t, c;

    for (c = 0; c < k; c++)
        rowof[c] = -1;
    for (t = 0; t < k; t++)
    {
        double mean = 0, best = -1, x;
        slong bc = -1;
        for (c = 0; c < k; c++)
            mean += fmpq_get_d(fmpq_mat_entry(W, rows[t], c)) / k;
        for (c = 0; c < k; c++)
        {
            x = fabs(fmpq_get_d(fmpq_mat_entry(W, rows[t], c)) - mean);
            if (x > best)
                best = x, bc = c;
        }
        if (bc < 0 || rowof[bc] >= 0)
            return 0;
        rowof[bc] = rows[t];
    }
    return 1;
}

/* blocks of the k x k part Wk refined by equality of every extra row:
   a ~ a' iff the transposition (a a') fixes Wk and every extra row has
   equal entries at a and a'. Returns m (s set when m <= RC_SYM_MAX_BLOCKS),
   or RC_SYM_MAX_BLOCKS + 1 when there are too many blocks. */
static slong
refined_blocks(rc_sym_t s, const fmpq_mat_t Wk, const fmpq_mat_t W, const slong * xrows,
               slong nx)
{
    slong k = fmpq_mat_nrows(Wk), m, a, a2, e, b;
    slong * blk, * first;
    rc_error_t err;
    rc_sym_t s0;

    rc_sym_init(s0);
    m = rc_sym_detect(s0, Wk, NULL);
    if (m > RC_SYM_MAX_BLOCKS)
    {
        rc_sym_clear(s0);
        return m;
    }
    blk = flint_malloc(sizeof(slong) * k);
    first = flint_malloc(sizeof(slong) * k);
    m = 0;
    for (a = 0; a < k; a++)
    {
        blk[a] = -1;
        for (b = 0; b < m && blk[a] < 0; b++)
        {
            int same = s0->blk[first[b]] == s0->blk[a];
            a2 = first[b];
            for (e = 0; e < nx && same; e++)
                same = fmpq_equal(fmpq_mat_entry(W, xrows[e], a),
                                  fmpq_mat_entry(W, xrows[e], a2));
            if (same)
                blk[a] = b;
        }
        if (blk[a] < 0)
        {
            first[m] = a;
            blk[a] = m++;
        }
    }
    if (m <= RC_SYM_MAX_BLOCKS)
        rc_sym_set_blocks(s, blk, k, err);
    flint_free(blk);
    flint_free(first);
    rc_sym_clear(s0);
    return m;
}

/* the candidate with extra rows xrows: 1 with s, perm, theta (when the
   point is in Fix(G) for a group of at most RC_SYM_MAX_BLOCKS blocks) */
static int
try_extra(rc_sym_t s, slong * perm, slong * m_out, const fmpq_mat_t W,
          const slong * xrows, slong nx)
{
    slong n = fmpq_mat_nrows(W), k = fmpq_mat_ncols(W), i, c, t = 0, e, m, bi, br;
    slong * rows = flint_malloc(sizeof(slong) * k), * rowof = flint_malloc(sizeof(slong) * k);
    fmpq_mat_t Wk, Wp;
    fmpq * theta;
    rc_error_t err;
    int ok = 0;

    for (i = 0; i < n; i++)
    {
        for (e = 0; e < nx && xrows[e] != i; e++)
            ;
        if (e == nx)
            rows[t++] = i;
    }
    fmpq_mat_init(Wk, k, k);
    fmpq_mat_init(Wp, n, k);
    if (match_rows(rowof, W, rows, k))
    {
        for (c = 0; c < k; c++)
            for (i = 0; i < k; i++)
                fmpq_set(fmpq_mat_entry(Wk, c, i), fmpq_mat_entry(W, rowof[c], i));
        m = refined_blocks(s, Wk, W, xrows, nx);
        if (m <= RC_SYM_MAX_BLOCKS && rc_sym_set_extra(s, nx, err) == 0)
        {
            for (c = 0; c < k; c++)
                perm[c] = rowof[c];
            for (e = 0; e < nx; e++)
                perm[k + e] = xrows[e];
            for (c = 0; c < n; c++)
                for (i = 0; i < k; i++)
                    fmpq_set(fmpq_mat_entry(Wp, c, i), fmpq_mat_entry(W, perm[c], i));
            theta = _fmpq_vec_init(s->q);
            ok = rc_sym_theta_from_mat(theta, &bi, &br, s, Wp);
            _fmpq_vec_clear(theta, s->q);
            *m_out = m;
        }
    }
    fmpq_mat_clear(Wk);
    fmpq_mat_clear(Wp);
    flint_free(rows);
    flint_free(rowof);
    return ok;
}

/* next nx-subset of 0..n-1 in lexicographic order; 0 after the last */
static int
next_subset(slong * x, slong nx, slong n)
{
    slong j = nx - 1;
    while (j >= 0 && x[j] == n - nx + j)
        j--;
    if (j < 0)
        return 0;
    x[j]++;
    for (j = j + 1; j < nx; j++)
        x[j] = x[j - 1] + 1;
    return 1;
}

slong
rc_sym_detect_extra(rc_sym_t s, slong * perm, const fmpq_mat_t W)
{
    slong n = fmpq_mat_nrows(W), k = fmpq_mat_ncols(W), nx = n - k, best = -1, m, e;
    slong * x, * p;
    rc_sym_t t;
    rc_error_t err;

    if (nx < 1 || nx > RC_SYM_MAX_EXTRA || k < 1)
        return -1;
    {
        /* C(n, nx) <= the cap, computed without overflow: each partial
           product C(n, e + 1) stays below cap * n */
        slong choices = 1;
        for (e = 0; e < nx; e++)
        {
            choices = choices * (n - e) / (e + 1);
            if (choices > RC_SYM_EXTRA_MAX_CHOICES)
                return -2;
        }
    }
    x = flint_malloc(sizeof(slong) * nx);
    p = flint_malloc(sizeof(slong) * n);
    for (e = 0; e < nx; e++)
        x[e] = e;
    rc_sym_init(t);
    do
    {
        if (try_extra(t, p, &m, W, x, nx) && (best < 0 || m < best))
        {
            best = m;
            rc_sym_clear(s);
            rc_sym_set_blocks(s, t->blk, k, err);
            rc_sym_set_extra(s, nx, err);
            memcpy(perm, p, sizeof(slong) * n);
        }
        rc_sym_clear(t);
    }
    while (best != 1 && next_subset(x, nx, n));
    flint_free(x);
    flint_free(p);
    return best;
}
