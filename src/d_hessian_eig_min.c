/* The smallest Hessian eigenvalue over a box on the binary64 path
   (dense64.h): Lanczos for the estimate, Rump's test for the lower end,
   a Rayleigh quotient in ball arithmetic for the upper end. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <lapacke.h>
#include "relucert/dense64.h"
#include "relucert/eval.h"

#define STEPS 150

/* y = A x, A row-major N x N */
static void
matvec(double * y, const double * A, const double * x, long N)
{
    long i, j;
    for (i = 0; i < N; i++)
    {
        const double * row = A + i * N;
        double s = 0;
        for (j = 0; j < N; j++)
            s += row[j] * x[j];
        y[i] = s;
    }
}

/* smallest Ritz value of A after at most STEPS Lanczos steps with full
   reorthogonalisation; u (N) receives its Ritz vector, *res the residual
   norm |A u - theta u|. NaN on failure. */
static double
lanczos_smallest(double * u, double * res, const double * A, long N)
{
    long m = N < STEPS ? N : STEPS, j, l, i, steps = 0;
    double * Q = malloc(sizeof(double) * m * N), * r = malloc(sizeof(double) * N);
    double * al = malloc(sizeof(double) * m), * be = malloc(sizeof(double) * m);
    double * Z = malloc(sizeof(double) * m * m), th = NAN, nrm = 0;
    unsigned long long st = 0x9E3779B97F4A7C15ULL;

    if (Q == NULL || r == NULL || al == NULL || be == NULL || Z == NULL)
        goto out;
    for (i = 0; i < N; i++)
    {
        st = st * 6364136223846793005ULL + 1442695040888963407ULL;
        Q[i] = (double) (st >> 11) * 0x1p-53 - 0.5;
        nrm += Q[i] * Q[i];
    }
    for (i = 0; i < N; i++)
        Q[i] /= sqrt(nrm);
    for (j = 0; j < m; j++)
    {
        double * q = Q + j * N, a = 0;
        matvec(r, A, q, N);
        for (i = 0; i < N; i++)
            a += q[i] * r[i];
        al[j] = a;
        steps = j + 1;
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
        if (j + 1 == m || !(nrm > 1e-14 * (fabs(a) + 1)))
            break;
        be[j] = nrm;
        for (i = 0; i < N; i++)
            Q[(j + 1) * N + i] = r[i] / nrm;
    }
    if (LAPACKE_dstev(LAPACK_COL_MAJOR, 'V', (lapack_int) steps, al, be, Z, (lapack_int) steps) != 0)
        goto out;
    th = al[0];
    for (i = 0; i < N; i++)
    {
        double s = 0;
        for (l = 0; l < steps; l++)
            s += Q[l * N + i] * Z[l];
        u[i] = s;
    }
    matvec(r, A, u, N);
    nrm = 0;
    for (i = 0; i < N; i++)
        nrm += (r[i] - th * u[i]) * (r[i] - th * u[i]);
    *res = sqrt(nrm);
out:
    free(Q); free(r); free(al); free(be); free(Z);
    return th;
}

int
rc_d_hessian_eig_min(arb_t lam, const arb_mat_t X, const arb_mat_t V, slong prec)
{
    slong n = arb_mat_nrows(X), d = arb_mat_ncols(X), N = n * d, i, t;
    double * mid = malloc(sizeof(double) * N * N), * B = malloc(sizeof(double) * N * N);
    double * rowrad = malloc(sizeof(double) * N), * u = malloc(sizeof(double) * N);
    double rmax = 0, th, res = 0, tr = 0, mx = 0, delta;
    arb_mat_t Y;
    arb_t mu, q, uu;
    int ok = 0;

    arb_mat_init(Y, n, d);
    arb_init(mu); arb_init(q); arb_init(uu);
    arb_indeterminate(lam);
    if (mid == NULL || B == NULL || rowrad == NULL || u == NULL || !rc_blas_selftest()
        || !rc_di_hessian(mid, rowrad, NULL, X, V))
        goto out;
    for (i = 0; i < N; i++)
    {
        rmax = rowrad[i] > rmax ? rowrad[i] : rmax;
        tr += fabs(mid[i * N + i]);
        mx = fabs(mid[i * N + i]) > mx ? fabs(mid[i * N + i]) : mx;
    }
    th = lanczos_smallest(u, &res, mid, N);
    if (!(th == th))
        goto out;
    /* lower end: shifts below the estimate by the rounding constant, the
       radius, the residual and a relative margin, then 16 and 256 times
       further */
    delta = 2 * rc_d_spd_rump_constant(N, tr, mx) + rmax + res + ldexp(fabs(th), -24) + 1e-300;
    for (t = 0; t < 4 && !ok; t++, delta *= 16)
    {
        memcpy(B, mid, sizeof(double) * N * N);
        arb_set_d(mu, th - delta);
        if (rc_d_spd_rump_interval(B, N, rmax, mu))
            ok = 1;
    }
    if (!ok)
        goto out;
    /* upper end: the Rayleigh quotient of u over X (u exact doubles) */
    for (i = 0; i < N; i++)
    {
        arb_set_d(arb_mat_entry(Y, i / d, i % d), u[i]);
        arb_addmul(uu, arb_mat_entry(Y, i / d, i % d), arb_mat_entry(Y, i / d, i % d), prec);
    }
    if (!arb_is_positive(uu) || !rc_hessian_quad_form_fast(q, X, V, Y, prec))
    {
        ok = 0;
        goto out;
    }
    arb_div(q, q, uu, prec);
    /* lam = [mu, max(mu, q.hi)] */
    {
        arf_t hi;
        arf_init(hi);
        arb_get_ubound_arf(hi, q, prec);
        if (arf_cmp(hi, arb_midref(mu)) < 0)
            arf_set(hi, arb_midref(mu));
        arb_set_interval_arf(lam, arb_midref(mu), hi, prec);
        arf_clear(hi);
    }
out:
    free(mid); free(B); free(rowrad); free(u);
    arb_mat_clear(Y);
    arb_clear(mu); arb_clear(q); arb_clear(uu);
    return ok;
}
