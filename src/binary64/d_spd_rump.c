/* Positive definiteness of a large symmetric matrix by one floating-point
   Cholesky with an a-priori rounding constant (Rump, "Verification of
   positive definiteness", BIT 46, 2006; proofs/lemmas.md L14).

   Why it is a proof. Let B be a symmetric matrix of doubles on which
   LAPACK's dpotrf completes (info = 0, every pivot positive), with computed
   factor R. Whatever the order of the sums (blocked, recursive, fused
   multiply-adds, division done as multiplication by a reciprocal, any
   rounding mode), each entry of R^T R - B is an inner product error of at
   most N + 3 roundings, so R^T R = B + D with |D| <= g |R^T| |R|,
   g = gamma_{N+3} = (N + 3) u / (1 - (N + 3) u), u = 2^-52 (Higham,
   Accuracy and Stability, Thm 10.3, with u doubled and two roundings
   added). Cauchy-Schwarz and |r_i|^2 = b_ii + D_ii give
   |D_ij| <= g / (1 - g) sqrt(b_ii b_jj), so ||D||_2 <= g / (1 - g) tr B,
   and underflow adds at most the second term of rc_d_spd_rump_constant
   (Rump's bound, enlarged). R is nonsingular, so
   lambda_min(B) > -||D||_2 >= -c. With b_ii <= m_ii - shift - c exactly,
   M - (shift + c) I >= B and lambda_min(M) > shift. */
#include <lapacke.h>
#include "relucert/dense64.h"
#include "relucert/di_arb.h"

double
rc_d_spd_rump_constant(long N, double trace, double maxdiag)
{
    rc_di_t nu, g, c, uf;

    if (N < 1 || !(trace >= 0 && trace <= DBL_MAX) || !(maxdiag >= 0 && maxdiag <= DBL_MAX)
        || (double) (N + 3) * 0x1p-51 >= 1)
        return INFINITY;
    nu = rc_di_pt((double) (N + 3) * 0x1p-52);               /* exact */
    g = rc_di_div(nu, rc_di_sub(rc_di_pt(1), nu));            /* gamma */
    g = rc_di_div(g, rc_di_sub(rc_di_pt(1), g));              /* g / (1 - g) */
    c = rc_di_mul(g, rc_di_pt(trace));
    uf = rc_di_mul(rc_di_pt((double) (N + 1)),
                   rc_di_add(rc_di_pt(2.0 * N + 5), rc_di_pt(maxdiag)));
    uf = rc_di_mul(uf, rc_di_pt(0x1p-1000));
    c = rc_di_add(c, uf);
    return rc_di_is_valid(c) ? c.hi : INFINITY;
}

int
rc_d_spd_rump(double * A, long N, double shift)
{
    double tr = 0, mx = 0, c, sh, neg;
    long i;
    lapack_int info;

    if (N < 1 || !(shift >= -DBL_MAX && shift <= DBL_MAX) || !rc_blas_selftest_n(N))
        return 0;
    for (i = 0; i < N * N; i++)
        if (!(A[i] >= -DBL_MAX && A[i] <= DBL_MAX))
            return 0;
    /* b_ii <= m_ii - shift - c <= max(m_ii, 0) + max(-shift, 0) when c >= 0 */
    neg = shift < 0 ? -shift : 0;
    for (i = 0; i < N; i++)
    {
        double m = A[i * N + i] > 0 ? A[i * N + i] : 0;
        m = rc_di_up(m + neg);
        tr = rc_di_up(tr + m);
        mx = m > mx ? m : mx;
    }
    c = rc_d_spd_rump_constant(N, tr, mx);
    sh = rc_di_up(shift + c);
    if (!(sh <= DBL_MAX))
        return 0;
    for (i = 0; i < N; i++)
        A[i * N + i] = rc_di_down(A[i * N + i] - sh);
    /* symmetric and full: the row-major array is the column-major matrix */
    info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', (lapack_int) N, A, (lapack_int) N);
    return info == 0;
}

int
rc_d_spd_rump_interval(double * mid, long N, double rowrad_max, const arb_t mu)
{
    rc_di_t m = rc_di_set_arb(mu), s;

    if (!rc_di_is_valid(m) || !(rowrad_max >= 0))
        return 0;
    s = rc_di_add(m, rc_di_pt(rowrad_max));
    if (!rc_di_is_valid(s))
        return 0;
    return rc_d_spd_rump(mid, N, s.hi);
}
