/* Enclosure of the smallest eigenvalue of a symmetric ball matrix.

   1. An approximate eigenpair (lambda, u) of the midpoint matrix: LAPACK in
      double, then shifted inverse iteration at the working precision
      (floating-point, no claim attached).
   2. Upper end: the Rayleigh quotient u^T A u / u^T u enclosed in ball
      arithmetic over the whole ball matrix (for every A' in A,
      lambda_min(A') <= u^T A' u / u^T u).
   3. Lower end: lo = lambda - delta for growing delta until A - lo I is
      certified positive definite by a ball Cholesky (then lambda_min > lo
      for every A' in A); Gershgorin as the fallback that always holds. */
#include <math.h>
#include <stdlib.h>
#include "relucert/spectrum.h"

/* exponent e with |x| < 2^e, WORD_MIN for 0 */
static slong
mag_log2(const mag_t m)
{
    if (mag_is_zero(m))
        return WORD_MIN;
    if (mag_is_inf(m))
        return WORD_MAX;
    return fmpz_get_si(MAG_EXPREF(m));
}

/* Refines (lam, u) by inverse iteration with the fixed shift sigma just below
   lam, on the exact midpoint matrix M, at precision prec. Floating point. */
static void
refine(arb_t lam, arb_ptr u, const arb_mat_t M, const arb_t sigma, slong prec)
{
    slong N = arb_mat_nrows(M), i, it, * perm;
    arb_mat_t S, LU, b, x;
    arb_t nrm, old, diff;
    mag_t tol;

    perm = flint_malloc(sizeof(slong) * N);
    arb_mat_init(S, N, N); arb_mat_init(LU, N, N);
    arb_mat_init(b, N, 1); arb_mat_init(x, N, 1);
    arb_init(nrm); arb_init(old); arb_init(diff);
    mag_init(tol);

    arb_mat_set(S, M);
    for (i = 0; i < N; i++)
        arb_sub(arb_mat_entry(S, i, i), arb_mat_entry(S, i, i), sigma, prec);
    if (!arb_mat_approx_lu(perm, LU, S, prec))
        goto out;   /* sigma is (numerically) an eigenvalue: keep (lam, u) */

    for (it = 0; it < 64; it++)
    {
        for (i = 0; i < N; i++)
            arb_set(arb_mat_entry(b, i, 0), u + i);
        arb_mat_approx_solve_lu_precomp(x, perm, LU, b, prec);
        arb_zero(nrm);
        for (i = 0; i < N; i++)
            arb_addmul(nrm, arb_mat_entry(x, i, 0), arb_mat_entry(x, i, 0), prec);
        arb_sqrt(nrm, nrm, prec);
        if (!arb_is_positive(nrm))
            break;
        for (i = 0; i < N; i++)
        {
            arb_div(u + i, arb_mat_entry(x, i, 0), nrm, prec);
            mag_zero(arb_radref(u + i));
        }
        arb_set(old, lam);
        rc_mat_rayleigh(lam, M, u, prec);
        mag_zero(arb_radref(lam));
        arb_sub(diff, lam, old, prec);
        arb_get_mag(tol, diff);
        if (mag_log2(tol) < -prec + 8)
            break;
    }
out:
    flint_free(perm);
    arb_mat_clear(S); arb_mat_clear(LU); arb_mat_clear(b); arb_mat_clear(x);
    arb_clear(nrm); arb_clear(old); arb_clear(diff);
    mag_clear(tol);
}

/* lo = lam_mid - 2^e, rounded down */
static void
shift_point(arf_t lo, const arb_t lam_mid, slong e, slong prec)
{
    arf_one(lo);
    arf_mul_2exp_si(lo, lo, e);
    arf_sub(lo, arb_midref(lam_mid), lo, prec, ARF_RND_FLOOR);
}

/* 1 if A - (lam_mid - 2^e) I is certified positive definite */
static int
shifted_cholesky(const arb_mat_t A, const arb_t lam_mid, slong e, slong prec)
{
    arf_t lo;
    arb_t shift;
    int ok;

    arf_init(lo);
    arb_init(shift);
    shift_point(lo, lam_mid, e, prec);
    arb_set_arf(shift, lo);
    ok = rc_mat_spd_certify(A, shift, prec);
    arf_clear(lo);
    arb_clear(shift);
    return ok;
}

int
rc_mat_eig_min(arb_t lam, arb_ptr u_out, const arb_mat_t A, slong prec)
{
    slong N = arb_mat_nrows(A), i, j, e0, escale, erad, e;
    double * Ad, * ud, lam_d;
    arb_mat_t M;
    arb_ptr u;
    arb_t lam_mid, ray, sigma;
    arf_t lo, hi;
    mag_t rad, scale, tmp;
    int certified = 0;

    if (N == 0)
    {
        arb_indeterminate(lam);
        return 0;
    }

    Ad = flint_malloc(sizeof(double) * N * N);
    ud = flint_malloc(sizeof(double) * N);
    arb_mat_init(M, N, N);
    u = _arb_vec_init(N);
    arb_init(lam_mid); arb_init(ray); arb_init(sigma);
    arf_init(lo); arf_init(hi);
    mag_init(rad); mag_init(scale); mag_init(tmp);

    /* midpoint matrix, its size and the size of the radii */
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
        {
            arb_srcptr x = arb_mat_entry(A, i, j);
            arf_set(arb_midref(arb_mat_entry(M, i, j)), arb_midref(x));
            mag_zero(arb_radref(arb_mat_entry(M, i, j)));
            Ad[i * N + j] = arf_get_d(arb_midref(x), ARF_RND_NEAR);
            arf_get_mag(tmp, arb_midref(x));
            mag_max(scale, scale, tmp);
            mag_max(rad, rad, arb_radref(x));
        }
    mag_mul_ui(scale, scale, N);    /* >= ||mid||_2 */
    mag_mul_ui(rad, rad, N);        /* >= ||rad||_2 */

    /* 1. approximate eigenpair */
    if (arb_mat_is_finite(A) && rc_d_sym_eig_min(&lam_d, ud, Ad, N) == 0)
    {
        arb_set_d(lam_mid, lam_d);
        for (i = 0; i < N; i++)
            arb_set_d(u + i, ud[i]);
        if (prec > 60)
        {
            /* shift below lambda by a little more than double's error;
               sigma is an exact double, so no rounding question arises */
            double eta = 1e-13 * (fabs(lam_d) + mag_get_d(scale)) + 1e-300;
            arb_set_d(sigma, lam_d - eta);
            refine(lam_mid, u, M, sigma, prec);
        }
    }
    else
    {
        /* no approximate eigenpair: a coordinate vector still gives a bound */
        arb_one(u + 0);
        arb_set(lam_mid, arb_mat_entry(M, 0, 0));
    }

    /* 2. upper end from the Rayleigh quotient over the whole ball matrix */
    rc_mat_rayleigh(ray, A, u, prec);
    arb_get_ubound_arf(hi, ray, prec);

    /* 3. lower end by shifted Cholesky. Shifts below lam_mid by 2^e: the
       smallest e that can work is e0 (rounding and radii); ball Cholesky
       usually needs more, so gallop upwards (e0, e0 + 4, e0 + 12, e0 + 28,
       ...) and then bisect between the last failure and the first success
       down to 4 bits: about 2 log2(prec) factorisations instead of one per
       step. */
    /* mag_log2 is WORD_MIN for 0 and WORD_MAX for infinity: clamp both
       before any arithmetic on them (no signed overflow) */
    escale = FLINT_MAX(FLINT_MIN(mag_log2(scale), WORD_MAX / 4), WORD_MIN / 4);
    erad = FLINT_MAX(FLINT_MIN(mag_log2(rad), WORD_MAX / 4), WORD_MIN / 4);
    e0 = FLINT_MAX(erad + 1, escale - prec + 2 * FLINT_BIT_COUNT(N) + 8);
    if (mag_is_zero(scale))
        e0 = -prec;
    if (arb_mat_is_finite(A))
    {
        slong efail = WORD_MIN, eok = WORD_MAX, step = 4, emax = FLINT_MAX(escale, e0) + 1;

        for (e = e0; ; e = FLINT_MIN(e0 + step, emax), step = 2 * step + 4)
        {
            if (shifted_cholesky(A, lam_mid, e, prec))
            {
                eok = e;
                break;
            }
            efail = e;
            if (e >= emax)
                break;
        }
        while (eok != WORD_MAX && efail != WORD_MIN && eok - efail > 4)
        {
            e = efail + (eok - efail) / 2;
            if (shifted_cholesky(A, lam_mid, e, prec))
                eok = e;
            else
                efail = e;
        }
        if (eok != WORD_MAX)
        {
            certified = 1;
            shift_point(lo, lam_mid, eok, prec);
        }
    }
    if (!certified)
        rc_mat_gershgorin_lower(lo, A, prec);

    if (arf_is_nan(hi) || arf_is_nan(lo))
        arb_indeterminate(lam);
    else
    {
        if (arf_cmp(lo, hi) > 0)
            arf_set(lo, hi);  /* cannot happen for valid bounds; stay sound */
        arb_set_interval_arf(lam, lo, hi, prec);
    }

    if (u_out != NULL)
        _arb_vec_set(u_out, u, N);

    flint_free(Ad);
    flint_free(ud);
    arb_mat_clear(M);
    _arb_vec_clear(u, N);
    arb_clear(lam_mid); arb_clear(ray); arb_clear(sigma);
    arf_clear(lo); arf_clear(hi);
    mag_clear(rad); mag_clear(scale); mag_clear(tmp);
    return certified;
}
