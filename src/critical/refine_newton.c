/* Newton refinement of a critical point in midpoint arithmetic.

   The gradient is evaluated at the working precision; the Newton step
   C grad F uses C = the double-precision inverse of the double-precision
   Hessian (LAPACK). While the steps are large C is recomputed every step
   (Newton); once they are below 2^-40 relative, C is kept (the chord
   method), which still gains about -log2 |I - C H| >= 40 bits per step at
   O((nd)^2) cost, against O((nd)^3) multiprecision work per Newton step. */
#include <stdlib.h>
#include "relucert/critical.h"
#include "relucert/d_eval.h"
#include "relucert/eval.h"
#include "relucert/spectrum.h"

int
rc_refine_newton(arb_mat_t W, const arb_mat_t W0, const arb_mat_t V,
                 slong iters, slong prec)
{
    slong n = arb_mat_nrows(W0), d = arb_mat_ncols(W0), k = arb_mat_nrows(V);
    slong N = n * d, it, i, j;
    double * Wd, * Vd, * Hd, * C, * g, * step;
    arb_mat_t G;
    arb_t s, nrm, wn;
    int converged = 0, fresh_C = 1;

    Wd = malloc(sizeof(double) * N);
    Vd = malloc(sizeof(double) * (k * d + 1));
    Hd = malloc(sizeof(double) * N * N);
    C = malloc(sizeof(double) * N * N);
    g = malloc(sizeof(double) * N);
    step = malloc(sizeof(double) * N);
    arb_mat_init(G, n, d);
    arb_init(s); arb_init(nrm); arb_init(wn);

    arb_mat_get_mid(W, W0);
    if (Wd == NULL || Vd == NULL || Hd == NULL || C == NULL || g == NULL || step == NULL)
        goto out;
    rc_mat_get_d(Vd, V);

    for (it = 0; it < iters; it++)
    {
        if (fresh_C)
        {
            rc_mat_get_d(Wd, W);
            if (rc_d_hessian(Hd, Wd, n, Vd, k, d) || rc_d_mat_inv(C, Hd, N))
                break;
        }
        if (!rc_gradient(G, W, V, prec))
            break;
        rc_mat_get_d(g, G);
        for (i = 0; i < N; i++)
        {
            double t = 0;
            for (j = 0; j < N; j++)
                t += C[i * N + j] * g[j];
            step[i] = t;
        }
        /* W -= step, exactly representable doubles added at precision prec */
        arb_zero(nrm);
        for (i = 0; i < N; i++)
        {
            arb_ptr w = arb_mat_entry(W, i / d, i % d);
            if (!(step[i] - step[i] == 0))
                goto out;
            arb_set_d(s, step[i]);
            arb_sub(w, w, s, prec);
            mag_zero(arb_radref(w));
            arb_addmul(nrm, s, s, prec);
        }
        arb_sqrt(nrm, nrm, prec);
        rc_mat_frobenius_norm(wn, W, prec);
        arb_mul_2exp_si(s, wn, -40);
        fresh_C = !arb_le(nrm, s);
        arb_mul_2exp_si(wn, wn, 10 - prec);
        if (arb_le(nrm, wn) || arb_is_zero(nrm))
        {
            converged = 1;
            break;
        }
    }
out:
    free(Wd); free(Vd); free(Hd); free(C); free(g); free(step);
    arb_mat_clear(G);
    arb_clear(s); arb_clear(nrm); arb_clear(wn);
    return converged;
}
