/* Refinement for the binary64 path (dense64.h): Newton steps with the
   double Cholesky factor of the double Hessian, gradients in ball
   arithmetic, and an estimate of lambda_min by Lanczos with the same
   factor. O(N^3 / 3) per fresh factor, O(N^2) per step otherwise; nothing
   here is trusted. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <lapacke.h>
#include "relucert/dense64.h"
#include "relucert/d_eval.h"
#include "relucert/eval.h"
#include "relucert/spectrum.h"
#include "d_lanczos.h"

/* y = (L L^T)^{-1} x for the column-major lower factor in ctx */
typedef struct
{
    const double * A;
    long N;
}
factor_t;

static int
solve_op(double * y, const double * x, void * ctx)
{
    const factor_t * f = ctx;
    memcpy(y, x, sizeof(double) * f->N);
    return LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'L', (lapack_int) f->N, 1, f->A,
                               (lapack_int) f->N, y, (lapack_int) f->N) != 0;
}

/* The smallest eigenvalue of L L^T: 1/theta for the largest Ritz value
   theta of the inverse after 40 Lanczos steps, an estimate from above that
   converges much faster than inverse iteration when eigenvalues cluster
   above the smallest. NaN on failure. */
static double
lanczos_min(const double * A, long N)
{
    factor_t f;
    double th;

    f.A = A;
    f.N = N;
    th = _rc_d_lanczos(NULL, NULL, solve_op, &f, N, 40, 1);
    return th > 0 ? 1 / th : NAN;
}

int
rc_d_refine_cholesky(arb_mat_t W, double * lam_est, double * neg_est, double * y,
                     const arb_mat_t W0, const arb_mat_t V, slong iters, slong prec)
{
    slong n = arb_mat_nrows(W0), d = arb_mat_ncols(W0), k = arb_mat_nrows(V);
    slong N = n * d, it, i;
    double * Wd, * Vd, * A, * g;
    arb_mat_t G;
    arb_t s, nrm, wn;
    int fresh = 1, ret = 2, have = 0;
    slong wp = FLINT_MIN(prec, 64);   /* gradient precision, doubled as the
                                         residual falls below what it resolves */

    *lam_est = *neg_est = NAN;
    Wd = malloc(sizeof(double) * N);
    Vd = malloc(sizeof(double) * (k * d + 1));
    A = malloc(sizeof(double) * N * N);
    g = malloc(sizeof(double) * N);
    arb_mat_init(G, n, d);
    arb_init(s); arb_init(nrm); arb_init(wn);
    arb_mat_get_mid(W, W0);
    if (Wd == NULL || Vd == NULL || A == NULL || g == NULL)
        goto out;
    rc_mat_get_d(Vd, V);

    for (it = 0; it <= iters; it++)
    {
        if (fresh)
        {
            rc_mat_get_d(Wd, W);
            if (rc_d_hessian(A, Wd, n, Vd, k, d))
                goto out;
            if (LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', (lapack_int) N, A, (lapack_int) N) != 0)
            {
                /* not positive definite in double: the eigenvector of the
                   smallest eigenvalue is the witness to try */
                if (rc_d_hessian(A, Wd, n, Vd, k, d) == 0
                    && rc_d_sym_eig_min(neg_est, y, A, N) == 0)
                    ret = 1;
                goto out;
            }
            have = 1;
        }
        if (it == iters || !rc_gradient(G, W, V, wp))
            break;
        rc_mat_get_d(g, G);
        if (LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'L', (lapack_int) N, 1, A, (lapack_int) N,
                           g, (lapack_int) N) != 0)
            goto out;
        arb_zero(nrm);
        for (i = 0; i < N; i++)
        {
            arb_ptr w = arb_mat_entry(W, i / d, i % d);
            if (!(g[i] - g[i] == 0))
                goto out;
            arb_set_d(s, g[i]);
            arb_sub(w, w, s, prec);
            mag_zero(arb_radref(w));
            arb_addmul(nrm, s, s, prec);
        }
        arb_sqrt(nrm, nrm, prec);
        rc_mat_frobenius_norm(wn, W, prec);
        arb_mul_2exp_si(s, wn, -20);
        fresh = !arb_le(nrm, s);
        if (wp < prec)
        {
            arb_mul_2exp_si(s, wn, 24 - wp);
            if (arb_le(nrm, s))
                wp = FLINT_MIN(2 * wp, prec);
            continue;
        }
        arb_mul_2exp_si(wn, wn, -(3 * prec) / 8 - 48);
        if (arb_le(nrm, wn) || arb_is_zero(nrm))
            break;
    }
    if (have)
    {
        /* the factor is of the Hessian at Wd, less than about 2^-30 |W|
           from the result: its eigenvalues move by about |W - Wd| times a
           Lipschitz constant of H; 8 |W - Wd| is subtracted (a smaller
           estimate only costs tightness) */
        double dist = 0, * Wn = malloc(sizeof(double) * N);
        if (Wn == NULL)
            goto out;
        rc_mat_get_d(Wn, W);
        for (i = 0; i < N; i++)
            dist += (Wn[i] - Wd[i]) * (Wn[i] - Wd[i]);
        free(Wn);
        *lam_est = lanczos_min(A, N) - 8 * sqrt(dist);
        ret = *lam_est > 0 ? 0 : 2;
    }
out:
    free(Wd); free(Vd); free(A); free(g);
    arb_mat_clear(G);
    arb_clear(s); arb_clear(nrm); arb_clear(wn);
    return ret;
}
