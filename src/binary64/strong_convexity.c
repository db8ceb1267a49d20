/* Existence of a unique critical point, a strict local minimum, by strong
   convexity (proofs/model.md M6.7, lemma L14(c)), the binary64 path's
   substitute for the Krawczyk test: it needs lambda_min(H) >= lam on the
   box (proved by the caller) and the gradient at the centre only, no
   N x N interval inverse. */
#include "relucert/dense64.h"
#include "relucert/eval.h"

rc_verdict_t
rc_strong_convexity_critical(slong * witness, const arb_mat_t X,
                             const arb_mat_t V, const arb_t lam, slong prec)
{
    slong n = arb_mat_nrows(X), d = arb_mat_ncols(X), i, a;
    arb_mat_t C, G;
    arb_t g, r;
    mag_t rho;
    rc_verdict_t res = RC_UNDECIDED;

    *witness = -1;
    arb_mat_init(C, n, d); arb_mat_init(G, n, d);
    arb_init(g); arb_init(r); mag_init(rho);

    /* refuted: a gradient coordinate excludes 0 on all of X */
    if (rc_gradient(G, X, V, prec))
        for (i = 0; i < n * d && res == RC_UNDECIDED; i++)
            if (!arb_contains_zero(arb_mat_entry(G, i / d, i % d)))
            {
                res = RC_REFUTED;
                *witness = i;
            }
    if (res != RC_UNDECIDED || !arb_is_positive(lam))
        goto out;

    /* rho = the smallest half-width: the Euclidean ball B(c, rho) lies in X */
    mag_inf(rho);
    for (i = 0; i < n; i++)
        for (a = 0; a < d; a++)
            if (mag_cmp(arb_radref(arb_mat_entry(X, i, a)), rho) < 0)
                mag_set(rho, arb_radref(arb_mat_entry(X, i, a)));
    if (mag_is_zero(rho))
        goto out;
    arb_mat_get_mid(C, X);
    if (!rc_gradient(G, C, V, prec))
        goto out;
    rc_mat_frobenius_norm(g, G, prec);
    /* |grad F(c)| < lam rho / 2 */
    arf_set_mag(arb_midref(r), rho);
    mag_zero(arb_radref(r));
    arb_mul(r, r, lam, prec);
    arb_mul_2exp_si(r, r, -1);
    if (arb_lt(g, r))
        res = RC_PROVED;
out:
    arb_mat_clear(C); arb_mat_clear(G);
    arb_clear(g); arb_clear(r); mag_clear(rho);
    return res;
}
