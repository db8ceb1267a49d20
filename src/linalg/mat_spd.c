/* Certified positive definiteness of a symmetric ball matrix.

   A ball matrix A = M +- R (midpoints M, radii R, lower triangles used)
   stands for every symmetric A' with |A' - M| <= R entrywise. By Weyl's
   inequality lambda_min(A') >= lambda_min(M) - ||A' - M||_2, and
   ||A' - M||_2 <= || R ||_2 = spectral radius of R (R is symmetric and
   nonnegative) <= rho, where rho is the smaller of the largest row sum and
   the Collatz-Wielandt bound max_i (R x)_i / x_i for a positive x (any x;
   50 shifted power iterations in double make it close to the spectral radius,
   and the bound itself is evaluated with upward-rounded mags, so only x's
   quality, not its rounding, depends on floating point; measured: 21 to
   35 % below the row sum for the convexity boxes at k = 4..6). So it
   suffices that M - (shift + rho) I is positive
   definite, which a ball Cholesky of the exact matrix M proves (only
   rounding errors enter). This is much sharper than a ball Cholesky of A
   itself, whose radii grow by many orders of magnitude with the size
   (measured: a factor 1e23 at n = 400); it is the midpoint-radius split of
   proofs/model.md M5.3 (lemma L3). */
#include <math.h>
#include "relucert/spectrum.h"

/* entry (i, j) of the symmetric matrix that A's lower triangle describes */
static arb_srcptr
lower(const arb_mat_t A, slong i, slong j)
{
    return (j <= i) ? arb_mat_entry(A, i, j) : arb_mat_entry(A, j, i);
}

/* Collatz-Wielandt: for nonnegative R and positive x, the spectral radius
   of R is at most max_i (R x)_i / x_i. x from power iterations in double;
   the ratios are bounded above in mag arithmetic with the same x. Sets
   rho to min(rho, that bound). R is read from A's radii (lower triangle). */
static void
spd_rho_collatz(mag_t rho, const arb_mat_t A)
{
    slong N = arb_mat_nrows(A), i, j, it;
    double * R = flint_malloc(sizeof(double) * N * N), * x = flint_malloc(sizeof(double) * N),
           * y = flint_malloc(sizeof(double) * N), top;
    /* the iteration runs with R + sh I, sh = half the row-sum bound, so
       that a negative eigenvalue of R near -rho(R) cannot stall it */
    double sh = 0.5 * mag_get_d(rho);
    mag_ptr xm = _mag_vec_init(N);
    mag_t t, u, cw;

    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            R[i * N + j] = mag_get_d(arb_radref(lower(A, i, j)));

    for (i = 0; i < N; i++)
        x[i] = 1.0;
    for (it = 0; it < 50; it++)
    {
        top = 0.0;
        for (i = 0; i < N; i++)
        {
            y[i] = sh * x[i];
            for (j = 0; j < N; j++)
                y[i] += R[i * N + j] * x[j];
            top = FLINT_MAX(top, y[i]);
        }
        if (!(top > 0.0) || !isfinite(top))
            goto out;
        /* keep x positive and away from underflow */
        for (i = 0; i < N; i++)
            x[i] = FLINT_MAX(y[i] / top, 1e-30);
    }
    mag_init(t);
    mag_init(u);
    mag_init(cw);
    for (i = 0; i < N; i++)
        mag_set_d(xm + i, x[i]);
    for (i = 0; i < N; i++)
    {
        mag_zero(t);
        for (j = 0; j < N; j++)
        {
            mag_mul(u, arb_radref(lower(A, i, j)), xm + j);
            mag_add(t, t, u);
        }
        mag_div(t, t, xm + i);
        mag_max(cw, cw, t);
    }
    mag_min(rho, rho, cw);
    mag_clear(t);
    mag_clear(u);
    mag_clear(cw);
out:
    flint_free(R);
    flint_free(x);
    flint_free(y);
    _mag_vec_clear(xm, N);
}

int
rc_mat_spd_certify(const arb_mat_t A, const arb_t shift, slong prec)
{
    arb_mat_t B, L;
    arb_t s;
    mag_t row, rho;
    slong i, j, N = arb_mat_nrows(A);
    int ok;

    if (N == 0)
        return 1;
    if (!arb_mat_is_finite(A) || (shift != NULL && !arb_is_finite(shift)))
        return 0;
    arb_mat_init(B, N, N);
    arb_mat_init(L, N, N);
    arb_init(s);
    mag_init(row);
    mag_init(rho);

    /* exact symmetric midpoint matrix from the lower triangle; rho bounds
       the 2-norm of the symmetric radius matrix */
    for (i = 0; i < N; i++)
    {
        mag_zero(row);
        for (j = 0; j < N; j++)
        {
            arb_srcptr a = lower(A, i, j);
            arf_set(arb_midref(arb_mat_entry(B, i, j)), arb_midref(a));
            mag_zero(arb_radref(arb_mat_entry(B, i, j)));
            mag_add(row, row, arb_radref(a));
        }
        mag_max(rho, rho, row);
    }
    if (!mag_is_zero(rho))
        spd_rho_collatz(rho, A);
    /* s = shift + rho as a ball (shift's own radius is kept) */
    arb_zero(s);
    arf_set_mag(arb_midref(s), rho);
    if (shift != NULL)
        arb_add(s, s, shift, prec);
    for (i = 0; i < N; i++)
        arb_sub(arb_mat_entry(B, i, i), arb_mat_entry(B, i, i), s, prec);
    /* nonzero iff certainly positive definite for every choice inside the
       balls, which here only carry rounding errors and the shift's radius */
    ok = arb_mat_cho(L, B, prec);

    arb_mat_clear(B);
    arb_mat_clear(L);
    arb_clear(s);
    mag_clear(row);
    mag_clear(rho);
    return ok != 0;
}
