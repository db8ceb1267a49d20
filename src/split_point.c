/* Direct cross-check of the split lemma at one alpha: the curvature of the
   (k+1)-neuron loss at W(alpha, i) along (u, -u), from the Hessian blocks
   of the split point itself (math.md section 3). */
#include "relucert/critical.h"
#include "relucert/eval.h"
#include "relucert/pair.h"
#include "relucert/spectrum.h"

/* res = u^T A u */
static void
quad_form(arb_t res, const arb_mat_t A, arb_srcptr u, slong prec)
{
    slong a, d = arb_mat_nrows(A);
    arb_t t;

    arb_init(t);
    arb_zero(res);
    for (a = 0; a < d; a++)
    {
        arb_dot(t, NULL, 0, arb_mat_entry(A, a, 0), 1, u, 1, d, prec);
        arb_addmul(res, t, u + a, prec);
    }
    arb_clear(t);
}

rc_verdict_t
rc_split_point_curvature(arb_t q, const arb_mat_t X, const arb_mat_t V, slong i,
                         const arb_t alpha, arb_srcptr u, slong prec)
{
    slong n = arb_mat_nrows(X), d = arb_mat_ncols(X), j, a;
    arb_mat_t Y, Haa, Hbb, Hab;
    arb_t t, uu, beta;
    rc_pair_t p;
    rc_verdict_t res = RC_UNDECIDED;

    arb_mat_init(Y, n + 1, d);
    arb_mat_init(Haa, d, d); arb_mat_init(Hbb, d, d); arb_mat_init(Hab, d, d);
    arb_init(t); arb_init(uu); arb_init(beta);
    rc_pair_init(p, d);

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

    if (!arb_is_positive(alpha) || !arb_is_positive(beta)
        || !rc_hessian_prime_block(Haa, Y, V, i, prec)
        || !rc_hessian_prime_block(Hbb, Y, V, i + 1, prec))
    {
        arb_indeterminate(q);
        goto out;
    }
    /* the off-diagonal block d^2 F / dw_a dw_b = h2(w_a, w_b) */
    rc_pair_set(p, arb_mat_entry(Y, i, 0), arb_mat_entry(Y, i + 1, 0), prec);
    rc_kernel_h2_add(Hab, 0, 0, p, 1, prec);

    /* (u, -u)^T H (u, -u) = u^T (I/2 + H'_aa) u + u^T (I/2 + H'_bb) u
       - 2 u^T H_ab u; the I/2 terms are added explicitly */
    quad_form(q, Haa, u, prec);
    quad_form(t, Hbb, u, prec);
    arb_add(q, q, t, prec);
    quad_form(t, Hab, u, prec);
    arb_submul_ui(q, t, 2, prec);
    arb_dot(uu, NULL, 0, u, 1, u, 1, d, prec);
    arb_add(q, q, uu, prec);        /* the two I/2 blocks */
    /* Rayleigh quotient: divide by |(u, -u)|^2 = 2 |u|^2 */
    arb_mul_2exp_si(uu, uu, 1);
    arb_div(q, q, uu, prec);
    if (arb_is_negative(q))
        res = RC_PROVED;
out:
    arb_mat_clear(Y);
    arb_mat_clear(Haa); arb_mat_clear(Hbb); arb_mat_clear(Hab);
    arb_clear(t); arb_clear(uu); arb_clear(beta);
    rc_pair_clear(p);
    return res;
}
