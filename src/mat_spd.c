/* Certified positive definiteness of a symmetric ball matrix.

   A ball matrix A = M +- R (midpoints M, radii R, lower triangles used)
   stands for every symmetric A' with |A' - M| <= R entrywise. By Weyl's
   inequality lambda_min(A') >= lambda_min(M) - ||A' - M||_2, and
   ||A' - M||_2 <= || R ||_2 <= rho = max_i sum_j R_ij (R is symmetric and
   nonnegative). So it suffices that M - (shift + rho) I is positive
   definite, which a ball Cholesky of the exact matrix M proves (only
   rounding errors enter). This is much sharper than a ball Cholesky of A
   itself, whose radii grow by many orders of magnitude with the size
   (measured: a factor 1e23 at n = 400); it is the midpoint-radius split of
   math.md section 5. */
#include "relucert/spectrum.h"

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
            arb_srcptr a = (j <= i) ? arb_mat_entry(A, i, j) : arb_mat_entry(A, j, i);
            arf_set(arb_midref(arb_mat_entry(B, i, j)), arb_midref(a));
            mag_zero(arb_radref(arb_mat_entry(B, i, j)));
            mag_add(row, row, arb_radref(a));
        }
        mag_max(rho, rho, row);
    }
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
