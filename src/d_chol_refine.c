/* Refinement for the binary64 path (dense64.h): Newton steps with the
   double Cholesky factor of the double Hessian, gradients in ball
   arithmetic, and an estimate of lambda_min by inverse iteration with the
   same factor. O(N^3 / 3) per fresh factor, O(N^2) per step otherwise;
   nothing here is trusted. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <lapacke.h>
#include "relucert/dense64.h"
#include "relucert/d_eval.h"
#include "relucert/eval.h"
#include "relucert/spectrum.h"

/* |L^T x|^2 = x^T (L L^T) x for the column-major lower factor in A */
static double
factor_form(const double * A, const double * x, long N)
{
    double q = 0;
    long i, j;

    for (j = 0; j < N; j++)
    {
        double s = 0;
        const double * col = A + j * N;
        for (i = j; i < N; i++)
            s += col[i] * x[i];
        q += s * s;
    }
    return q;
}

static double
normalise(double * x, long N)
{
    double s = 0;
    long i;

    for (i = 0; i < N; i++)
        s += x[i] * x[i];
    s = sqrt(s);
    if (s > 0)
        for (i = 0; i < N; i++)
            x[i] /= s;
    return s;
}

/* the smallest eigenvalue of L L^T by inverse iteration (at most 80 steps) */
static double
inverse_iteration(const double * A, double * x, long N)
{
    unsigned long long st = 0x2545F4914F6CDD1DULL;
    double q = NAN, prev;
    long i, it;

    for (i = 0; i < N; i++)
    {
        st = st * 6364136223846793005ULL + 1442695040888963407ULL;
        x[i] = (double) (st >> 11) * 0x1p-53 - 0.5;
    }
    normalise(x, N);
    for (it = 0; it < 80; it++)
    {
        prev = q;
        if (LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'L', (lapack_int) N, 1, A, (lapack_int) N,
                           x, (lapack_int) N) != 0 || !(normalise(x, N) > 0))
            return NAN;
        q = factor_form(A, x, N);
        if (it > 4 && fabs(q - prev) <= 1e-13 * fabs(q))
            break;
    }
    return q;
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
            if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', (lapack_int) N, A, (lapack_int) N) != 0)
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
        if (it == iters || !rc_gradient(G, W, V, prec))
            break;
        rc_mat_get_d(g, G);
        if (LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'L', (lapack_int) N, 1, A, (lapack_int) N,
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
        arb_mul_2exp_si(s, wn, -30);
        fresh = !arb_le(nrm, s);
        arb_mul_2exp_si(wn, wn, 10 - prec);
        if (arb_le(nrm, wn) || arb_is_zero(nrm))
            break;
    }
    if (have)
    {
        *lam_est = inverse_iteration(A, g, N);
        ret = *lam_est > 0 ? 0 : 2;
    }
out:
    free(Wd); free(Vd); free(A); free(g);
    arb_mat_clear(G);
    arb_clear(s); arb_clear(nrm); arb_clear(wn);
    return ret;
}
