/* The certifier for candidate minima: refine, choose a box, choose the
   witnesses in floating point, then let rc_mincert_verify decide. Nothing
   computed here is trusted: a bad choice only makes a verdict undecided. */
#include <math.h>
#include "relucert/mincert.h"
#include "relucert/limits.h"
#include "relucert/d_eval.h"
#include "relucert/eval.h"
#include "relucert/number.h"
#include "relucert/spectrum.h"
#include "relucert/dense64.h"

/* Box radius 2^(-3 prec / 8): the refined point is within about 2^(20-prec)
   of the critical point, the Hessian over the box is then known to about
   2^(-3 prec / 8) relative, both far inside what Krawczyk and the Cholesky
   test need. The centre is rounded to 2^(radius_log2 - 40). */
#define RADIUS_LOG2(prec) (-(3 * (prec)) / 8)
#define CENTRE_EXTRA_BITS 40

static void
set_lam_lower(rc_mincert_t c, double lam, double margin)
{
    rc_number_set_d_digits(c->lam_lower, lam - margin, 10);
    c->have_lam_lower = 1;
}

/* the centre: W rounded to multiples of 2^(radius_log2 - CENTRE_EXTRA_BITS);
   Wd receives it in double */
static void
set_centre(rc_mincert_t c, double * Wd, const arb_mat_t W)
{
    slong i, a, q = -c->radius_log2 + CENTRE_EXTRA_BITS;
    fmpz_t z, one;
    arf_t x;

    fmpz_init(z); fmpz_init(one); fmpz_one(one); arf_init(x);
    for (i = 0; i < c->n; i++)
        for (a = 0; a < c->d; a++)
        {
            fmpq * e = fmpq_mat_entry(c->centre, i, a);
            arf_mul_2exp_si(x, arb_midref(arb_mat_entry(W, i, a)), q);
            arf_get_fmpz(z, x, ARF_RND_NEAR);
            fmpq_set_fmpz_frac(e, z, one);
            fmpq_div_2exp(e, e, q);
            Wd[i * c->d + a] = fmpq_get_d(e);
        }
    fmpz_clear(z); fmpz_clear(one); arf_clear(x);
}

/* neuron i's split direction: the smallest eigenvector of Pd = H'_ii
   (d x d doubles; ud d doubles of scratch); ls[i] receives its eigenvalue
   (infinity when it fails). The certificate stores it, so it comes from
   the portable solver (the same bytes on every CPU; LAPACK's last bits and
   sign follow the BLAS kernel), with its largest entry made positive and
   entries below 10^-12 of it (zeros by symmetry, up to rounding) set to 0.
   Any direction is sound: the checker proves the curvature along it. */
static void
set_split_row(rc_mincert_t c, slong i, const double * Pd, double * ud, double * ls)
{
    slong a;

    ls[i] = INFINITY;
    if (rc_d_sym_eig_min_portable(ls + i, ud, Pd, c->d))
    {
        ls[i] = INFINITY;
        return;
    }
    rc_d_vec_canonical(ud, c->d);
    for (a = 0; a < c->d; a++)
        rc_number_set_d_digits(fmpq_mat_entry(c->U, i, a), ud[a], 12);
}

/* the cross-check neuron: one whose H'_ii has the smallest eigenvalue
   (ls, n entries), the lowest index among near ties. At a symmetric point
   several neurons tie, and which of them LAPACK ranks lowest depends on the
   BLAS kernel; with the lowest index the certificate is the same on every
   CPU. A witness choice: any neuron would be sound. */
static void
set_cross_neuron(rc_mincert_t c, const double * ls)
{
    slong i = rc_d_argmin_tie_low(ls, c->n);
    if (i >= 0)
        c->cross_neuron = i;
}

/* split directions from the diagonal blocks of the double Hessian Hd at
   the centre, without I/2 */
static void
set_split_directions(rc_mincert_t c, const double * Hd)
{
    slong n = c->n, d = c->d, N = n * d, i, a, b;
    double * Pd = flint_malloc(sizeof(double) * d * d), * ud = flint_malloc(sizeof(double) * d);
    double * ls = flint_malloc(sizeof(double) * n);

    for (i = 0; i < n; i++)
    {
        for (a = 0; a < d; a++)
            for (b = 0; b < d; b++)
                Pd[a * d + b] = Hd[(i * d + a) * N + i * d + b] - (a == b ? 0.5 : 0);
        set_split_row(c, i, Pd, ud, ls);
    }
    set_cross_neuron(c, ls);
    flint_free(Pd);
    flint_free(ud);
    flint_free(ls);
}

static int
find_binary64(rc_mincert_t c, const arb_mat_t W0, const fmpq_mat_t Vq, slong prec,
              rc_error_t err)
{
    slong n = c->n, d = c->d, k = c->k, N = n * d, i;
    arb_mat_t V, W;
    double * Wd, * Vd, * Hd, * yd, lam = NAN, neg = NAN;
    int r, ret;

    arb_mat_init(V, k, d); arb_mat_init(W, n, d);
    Wd = flint_malloc(sizeof(double) * N);
    Vd = flint_malloc(sizeof(double) * (k * d + 1));
    yd = flint_malloc(sizeof(double) * N);
    arb_mat_set_fmpq_mat(V, Vq, prec);

    r = rc_d_refine_cholesky(W, &lam, &neg, yd, W0, V, 60, prec);   /* not trusted */
    c->radius_log2 = RADIUS_LOG2(prec);
    set_centre(c, Wd, W);
    if (r == 1)
    {
        for (i = 0; i < N; i++)
            rc_number_set_d_digits(fmpq_mat_entry(c->neg_dir, 0, i), yd[i], 17);
        c->have_neg_dir = 1;
    }
    flint_free(yd);

    /* witnesses from the double Hessian at the centre, freed before the
       decision procedure forms its own */
    rc_mat_get_d(Vd, V);
    Hd = flint_malloc(sizeof(double) * N * N);
    if (rc_d_hessian(Hd, Wd, n, Vd, k, d) == 0)
    {
        double tr = 0, mx = 0;
        set_split_directions(c, Hd);
        /* lambda_lower: the estimate less Rump's rounding constant (twice,
           for safety), the radius of the binary64 Hessian and 2^-24 of
           itself */
        for (i = 0; i < N; i++)
        {
            tr += fabs(Hd[i * N + i]);
            mx = FLINT_MAX(mx, fabs(Hd[i * N + i]));
        }
        if (r == 0)
            set_lam_lower(c, lam, ldexp(fabs(lam), -24) + 2 * rc_d_spd_rump_constant(N, tr, mx)
                                  + 1e-13 * N);
    }
    else if (r == 0)
        set_lam_lower(c, lam, ldexp(fabs(lam), -24) + 1e-10 * N * N);
    flint_free(Hd);

    ret = rc_mincert_verify(c, err);
    if (ret == 0 && r == 0 && c->positive_definite != RC_PROVED
        && c->positive_definite != RC_REFUTED)
    {
        /* the tight bound did not go through: settle for half of it */
        set_lam_lower(c, lam / 2, 0);
        ret = rc_mincert_verify(c, err);
    }
    arb_mat_clear(V); arb_mat_clear(W);
    flint_free(Wd); flint_free(Vd);
    return ret;
}

int
rc_mincert_find(rc_mincert_t c, const arb_mat_t W0, const fmpq_mat_t Vq,
                const fmpq_t alpha, slong prec, rc_error_t err)
{
    return rc_mincert_find_arith(c, W0, Vq, alpha, RC_ARITH_ARB, prec, err);
}

int
rc_mincert_find_arith(rc_mincert_t c, const arb_mat_t W0, const fmpq_mat_t Vq,
                      const fmpq_t alpha, int arith, slong prec, rc_error_t err)
{
    slong n = arb_mat_nrows(W0), d = arb_mat_ncols(W0), k = fmpq_mat_nrows(Vq);
    slong N = n * d, i, a;
    arb_mat_t V, W, Hp;
    double * Wd, * Vd, * Hd, * yd, * Pd, * ud, * ls, lam_d, hmax = 0;
    int ret = 0;

    if (!arb_mat_is_finite(W0))
        return rc_error_set(err, "expected a finite candidate point");
    if (rc_limit_check_prec(err, prec, "prec")
        || rc_limit_check_params(err, n, d, arith == RC_ARITH_BINARY64, "n x d"))
        return 1;
    c->prec = prec;
    rc_mincert_set_dims(c, n, k, d);
    fmpq_mat_set(c->V, Vq);
    fmpq_set(c->alpha, alpha);
    c->arith = RC_ARITH_ARB;
    if (arith == RC_ARITH_BINARY64 && rc_blas_selftest_n(N))
    {
        c->arith = RC_ARITH_BINARY64;
        return find_binary64(c, W0, Vq, prec, err);
    }

    arb_mat_init(V, k, d); arb_mat_init(W, n, d); arb_mat_init(Hp, d, d);
    Wd = flint_malloc(sizeof(double) * N);
    Vd = flint_malloc(sizeof(double) * (k * d + 1));
    Hd = flint_malloc(sizeof(double) * N * N);
    yd = flint_malloc(sizeof(double) * N);
    Pd = flint_malloc(sizeof(double) * d * d);
    ud = flint_malloc(sizeof(double) * d);
    ls = flint_malloc(sizeof(double) * n);

    arb_mat_set_fmpq_mat(V, Vq, prec);
    /* not trusted; where Newton's method does not converge (a degenerate
       critical point such as a split point, whose Hessian is singular
       along the two halves), the box stays at the input */
    if (!rc_refine_newton(W, W0, V, 60, prec))
        arb_mat_set(W, W0);

    /* the box */
    c->radius_log2 = RADIUS_LOG2(prec);
    set_centre(c, Wd, W);

    /* witnesses: the smallest eigenpair of H at the centre, in double */
    rc_mat_get_d(Vd, V);
    if (rc_d_hessian(Hd, Wd, n, Vd, k, d) == 0 && rc_d_sym_eig_min(&lam_d, yd, Hd, N) == 0)
    {
        for (i = 0; i < N * N; i++)
            hmax = FLINT_MAX(hmax, fabs(Hd[i]));
        if (lam_d > 0)
            set_lam_lower(c, lam_d, ldexp(fabs(lam_d), -28) + 1e-14 * hmax * N);
        else
        {
            for (i = 0; i < N; i++)
                rc_number_set_d_digits(fmpq_mat_entry(c->neg_dir, 0, i), yd[i], 17);
            c->have_neg_dir = 1;
        }
    }

    /* the split directions: smallest eigenvector of each H'_ii */
    {
        arb_mat_t Xc;
        arb_mat_init(Xc, n, d);
        for (i = 0; i < n; i++)
            for (a = 0; a < d; a++)
                arb_set_d(arb_mat_entry(Xc, i, a), Wd[i * d + a]);
        for (i = 0; i < n; i++)
            ls[i] = INFINITY;
        for (i = 0; i < n; i++)
        {
            if (!rc_hessian_prime_block(Hp, Xc, V, i, 64))
                break;
            rc_mat_get_d(Pd, Hp);
            set_split_row(c, i, Pd, ud, ls);
        }
        set_cross_neuron(c, ls);
        arb_mat_clear(Xc);
    }

    ret = rc_mincert_verify(c, err);
    if (ret == 0 && c->have_lam_lower && c->positive_definite != RC_PROVED
        && c->critical == RC_PROVED && c->positive_definite != RC_REFUTED)
    {
        /* the tight bound did not go through: settle for half of it */
        set_lam_lower(c, lam_d / 2, 0);
        ret = rc_mincert_verify(c, err);
    }

    arb_mat_clear(V); arb_mat_clear(W); arb_mat_clear(Hp);
    flint_free(Wd); flint_free(Vd); flint_free(Hd);
    flint_free(yd); flint_free(Pd); flint_free(ud); flint_free(ls);
    return ret;
}
