/* The smallest Hessian eigenvalue over a box on the binary64 path
   (dense64.h): Lanczos for the estimate, Rump's test for the lower end,
   a Rayleigh quotient in ball arithmetic for the upper end. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <lapacke.h>
#include "relucert/dense64.h"
#include "relucert/eval.h"
#include "d_lanczos.h"

/* y = A x, A row-major N x N (ctx: a matrix_t) */
typedef struct
{
    const double * A;
    long N;
}
matrix_t;

static int
matvec(double * y, const double * x, void * ctx)
{
    const matrix_t * M = ctx;
    long i, j, N = M->N;
    for (i = 0; i < N; i++)
    {
        const double * row = M->A + i * N;
        double s = 0;
        for (j = 0; j < N; j++)
            s += row[j] * x[j];
        y[i] = s;
    }
    return 0;
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
    if (mid == NULL || B == NULL || rowrad == NULL || u == NULL || !rc_blas_selftest_n(N)
        || !rc_di_hessian(mid, rowrad, NULL, X, V))
        goto out;
    for (i = 0; i < N; i++)
    {
        rmax = rowrad[i] > rmax ? rowrad[i] : rmax;
        tr += fabs(mid[i * N + i]);
        mx = fabs(mid[i * N + i]) > mx ? fabs(mid[i * N + i]) : mx;
    }
    {
        matrix_t M;
        M.A = mid;
        M.N = N;
        th = _rc_d_lanczos(u, &res, matvec, &M, N, 150, 0);   /* smallest Ritz value */
    }
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
