/* The Hessian quadratic form Y^T H(W) Y without forming H: only the blocks
   of the neurons where Y is nonzero are built. */
#include "relucert/eval.h"
#include "relucert/critical.h"
#include "relucert/pair.h"

/* res += sign * x^T A y (A d x d) */
static void
bilinear_add(arb_t res, const arb_mat_t A, arb_srcptr x, arb_srcptr y, int sign, slong prec)
{
    slong a, d = arb_mat_nrows(A);
    arb_t t;

    arb_init(t);
    for (a = 0; a < d; a++)
    {
        arb_dot(t, NULL, 0, arb_mat_entry(A, a, 0), 1, y, 1, d, prec);
        arb_mul(t, t, x + a, prec);
        if (sign > 0)
            arb_add(res, res, t, prec);
        else
            arb_sub(res, res, t, prec);
    }
    arb_clear(t);
}

int
rc_hessian_quad_form(arb_t res, const arb_mat_t W, const arb_mat_t V,
                     const arb_mat_t Y, slong prec)
{
    slong n = arb_mat_nrows(W), d = arb_mat_ncols(W), i, j, a, ns = 0, * S;
    arb_mat_t B;
    arb_t t;
    rc_pair_t p;

    if (rc_student_zero_row(W, prec) >= 0)
    {
        arb_indeterminate(res);
        return 0;
    }
    S = flint_malloc(sizeof(slong) * FLINT_MAX(n, 1));
    for (i = 0; i < n; i++)
        for (a = 0; a < d; a++)
            if (!arb_is_zero(arb_mat_entry(Y, i, a)))
            {
                S[ns++] = i;
                break;
            }
    arb_mat_init(B, d, d);
    arb_init(t);
    rc_pair_init(p, d);
    arb_zero(res);
    for (i = 0; i < ns; i++)
    {
        arb_srcptr yi = arb_mat_entry(Y, S[i], 0);
        /* diagonal block I/2 + H'_ii */
        rc_hessian_prime_block(B, W, V, S[i], prec);
        bilinear_add(res, B, yi, yi, 1, prec);
        arb_dot(t, NULL, 0, yi, 1, yi, 1, d, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_add(res, res, t, prec);
        /* off-diagonal blocks h2(w_i, w_j), counted twice */
        for (j = i + 1; j < ns; j++)
        {
            arb_mat_zero(B);
            rc_pair_set(p, arb_mat_entry(W, S[i], 0), arb_mat_entry(W, S[j], 0), prec);
            rc_kernel_h2_add(B, 0, 0, p, 1, prec);
            arb_zero(t);
            bilinear_add(t, B, yi, arb_mat_entry(Y, S[j], 0), 1, prec);
            arb_mul_2exp_si(t, t, 1);
            arb_add(res, res, t, prec);
        }
    }
    rc_pair_clear(p);
    arb_mat_clear(B);
    arb_clear(t);
    flint_free(S);
    return 1;
}
