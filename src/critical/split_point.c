/* Direct cross-check of the split lemma at one alpha: the curvature of the
   (k+1)-neuron loss at W(alpha, i) along (u, -u), from the Hessian blocks
   of the split point itself (proofs/model.md M3.2 and M3.3). */
#include "relucert/critical.h"
#include "relucert/eval.h"

rc_verdict_t
rc_split_point_curvature(arb_t q, const arb_mat_t X, const arb_mat_t V, slong i,
                         const arb_t alpha, arb_srcptr u, slong prec)
{
    slong n = arb_mat_nrows(X), d = arb_mat_ncols(X), j, a;
    arb_mat_t Y, D;
    arb_t uu, beta;
    rc_verdict_t res = RC_UNDECIDED;

    arb_mat_init(Y, n + 1, d);
    arb_mat_init(D, n + 1, d);
    arb_init(uu); arb_init(beta);

    /* Y = W(alpha, i): rows i and i+1 are alpha w_i and (1 - alpha) w_i */
    arb_sub_ui(beta, alpha, 1, prec);
    arb_neg(beta, beta);
    for (j = 0; j < n; j++)
        for (a = 0; a < d; a++)
        {
            arb_srcptr x = arb_mat_entry(X, j, a);
            if (j < i)
                arb_set(arb_mat_entry(Y, j, a), x);
            else if (j > i)
                arb_set(arb_mat_entry(Y, j + 1, a), x);
            else
            {
                arb_mul(arb_mat_entry(Y, i, a), x, alpha, prec);
                arb_mul(arb_mat_entry(Y, i + 1, a), x, beta, prec);
            }
        }

    /* the direction (u, -u) on rows i and i + 1, zero elsewhere */
    for (a = 0; a < d; a++)
    {
        arb_set(arb_mat_entry(D, i, a), u + a);
        arb_neg(arb_mat_entry(D, i + 1, a), u + a);
    }
    if (!arb_is_positive(alpha) || !arb_is_positive(beta)
        || !rc_hessian_quad_form(q, Y, V, D, prec))
    {
        arb_indeterminate(q);
        goto out;
    }
    arb_dot(uu, NULL, 0, u, 1, u, 1, d, prec);
    /* Rayleigh quotient: divide by |(u, -u)|^2 = 2 |u|^2 */
    arb_mul_2exp_si(uu, uu, 1);
    arb_div(q, q, uu, prec);
    if (arb_is_negative(q))
        res = RC_PROVED;
out:
    arb_mat_clear(Y);
    arb_mat_clear(D);
    arb_clear(uu); arb_clear(beta);
    return res;
}
