/* Newton refinement of a critical point in midpoint arithmetic. */
#include "relucert/critical.h"
#include "relucert/eval.h"

int
rc_refine_newton(arb_mat_t W, const arb_mat_t W0, const arb_mat_t V,
                 slong iters, slong prec)
{
    slong n = arb_mat_nrows(W0), d = arb_mat_ncols(W0), N = n * d, it, i;
    arb_mat_t G, H, g, step;
    arb_t nrm, wn;
    int converged = 0;

    arb_mat_init(G, n, d); arb_mat_init(H, N, N);
    arb_mat_init(g, N, 1); arb_mat_init(step, N, 1);
    arb_init(nrm); arb_init(wn);
    arb_mat_get_mid(W, W0);

    for (it = 0; it < iters; it++)
    {
        if (!rc_gradient(G, W, V, prec) || !rc_hessian(H, W, V, prec))
            break;
        for (i = 0; i < N; i++)
            arb_get_mid_arb(arb_mat_entry(g, i, 0), arb_mat_entry(G, i / d, i % d));
        arb_mat_get_mid(H, H);
        if (!arb_mat_approx_solve(step, H, g, prec))
            break;
        for (i = 0; i < N; i++)
        {
            arb_ptr w = arb_mat_entry(W, i / d, i % d);
            arb_sub(w, w, arb_mat_entry(step, i, 0), prec);
            mag_zero(arb_radref(w));
        }
        rc_mat_frobenius_norm(nrm, step, prec);
        rc_mat_frobenius_norm(wn, W, prec);
        arb_mul_2exp_si(wn, wn, 10 - prec);
        if (arb_le(nrm, wn) || arb_is_zero(nrm))
        {
            converged = 1;
            break;
        }
    }
    arb_mat_clear(G); arb_mat_clear(H); arb_mat_clear(g); arb_mat_clear(step);
    arb_clear(nrm); arb_clear(wn);
    return converged;
}
