/* Negative curvature of H'_ii: the certificate behind "W(alpha, i) is a
   strict saddle of the (k+1)-neuron loss for every alpha in (0, 1)". */
#include "relucert/critical.h"
#include "relucert/spectrum.h"

rc_verdict_t
rc_split_curvature(arb_t q, arb_ptr u, const arb_mat_t X, const arb_mat_t V,
                   slong i, slong prec)
{
    slong d = arb_mat_ncols(X);
    arb_mat_t Hp;
    arb_t lam;
    rc_verdict_t res = RC_UNDECIDED;

    arb_mat_init(Hp, d, d);
    arb_init(lam);
    if (!rc_hessian_prime_block(Hp, X, V, i, prec))
    {
        arb_indeterminate(q);
        goto out;
    }
    /* lam encloses lambda_min over X; u is its approximate eigenvector */
    rc_mat_eig_min(lam, u, Hp, prec);
    rc_mat_rayleigh(q, Hp, u, prec);
    if (arb_is_negative(q))
        res = RC_PROVED;
    else if (arb_is_positive(lam))
    {
        arb_set(q, lam);
        res = RC_REFUTED;
    }
out:
    arb_mat_clear(Hp);
    arb_clear(lam);
    return res;
}
