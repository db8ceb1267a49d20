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

/* The smallest eigenvalue of L L^T (the factor in A) estimated by Lanczos
   on (L L^T)^{-1} with full reorthogonalisation, at most LANCZOS_STEPS
   steps: the largest Ritz value theta of the inverse gives 1/theta, an
   estimate from above that converges much faster than inverse iteration
   when eigenvalues cluster above the smallest. NaN on failure. */
#define LANCZOS_STEPS 40

static double
lanczos_min(const double * A, long N)
{
    long m = N < LANCZOS_STEPS ? N : LANCZOS_STEPS, j, l, i, steps = 0;
    double * Q = malloc(sizeof(double) * m * N), * r = malloc(sizeof(double) * N);
    double * al = malloc(sizeof(double) * m), * be = malloc(sizeof(double) * m);
    double res = NAN, nrm = 0;
    unsigned long long st = 0x2545F4914F6CDD1DULL;

    if (Q == NULL || r == NULL || al == NULL || be == NULL)
        goto out;
    for (i = 0; i < N; i++)
    {
        st = st * 6364136223846793005ULL + 1442695040888963407ULL;
        Q[i] = (double) (st >> 11) * 0x1p-53 - 0.5;
        nrm += Q[i] * Q[i];
    }
    nrm = sqrt(nrm);
    for (i = 0; i < N; i++)
        Q[i] /= nrm;
    for (j = 0; j < m; j++)
    {
        double * q = Q + j * N, a = 0;
        memcpy(r, q, sizeof(double) * N);
        if (LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'L', (lapack_int) N, 1, A, (lapack_int) N,
                                r, (lapack_int) N) != 0)
            goto out;
        for (i = 0; i < N; i++)
            a += q[i] * r[i];
        al[j] = a;
        steps = j + 1;
        /* full reorthogonalisation, twice */
        for (int pass = 0; pass < 2; pass++)
            for (l = 0; l <= j; l++)
            {
                double c = 0;
                const double * ql = Q + l * N;
                for (i = 0; i < N; i++)
                    c += ql[i] * r[i];
                for (i = 0; i < N; i++)
                    r[i] -= c * ql[i];
            }
        nrm = 0;
        for (i = 0; i < N; i++)
            nrm += r[i] * r[i];
        nrm = sqrt(nrm);
        if (j + 1 == m || !(nrm > 1e-14 * fabs(a)))
            break;
        be[j] = nrm;
        for (i = 0; i < N; i++)
            Q[(j + 1) * N + i] = r[i] / nrm;
    }
    /* eigenvalues of the steps x steps tridiagonal matrix, ascending */
    if (LAPACKE_dstev(LAPACK_COL_MAJOR, 'N', (lapack_int) steps, al, be, NULL, 1) == 0
        && al[steps - 1] > 0)
        res = 1 / al[steps - 1];
out:
    free(Q); free(r); free(al); free(be);
    return res;
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
