/* The Hessian quadratic form Y^T H(W) Y in O((n^2 + n k) d) operations:
   every kernel enters only through dot products with the direction, so no
   d x d block is formed (the ray argument of proofs/model.md M5.1 evaluates
   this many times per direction). */
#include "relucert/eval.h"
#include "relucert/pair.h"

int
rc_hessian_quad_form_fast(arb_t res, const arb_mat_t W, const arb_mat_t V,
                          const arb_mat_t Y, slong prec)
{
    slong n = arb_mat_nrows(W), k = arb_mat_nrows(V), d = arb_mat_ncols(W), a, b;
    arb_ptr yy;
    arb_t pi, t;
    rc_pair_t p;

    if (rc_student_zero_row(W, prec) >= 0)
    {
        arb_indeterminate(res);
        return 0;
    }
    yy = _arb_vec_init(n);
    arb_init(pi); arb_init(t);
    rc_pair_init(p, d);
    arb_const_pi(pi, prec);
    arb_zero(res);
    for (a = 0; a < n; a++)
    {
        arb_dot(yy + a, NULL, 0, arb_mat_entry(Y, a, 0), 1, arb_mat_entry(Y, a, 0), 1, d, prec);
        arb_mul_2exp_si(t, yy + a, -1);
        arb_add(res, res, t, prec);                 /* the I/2 blocks */
    }
    for (a = 0; a < n; a++)
    {
        arb_srcptr ya = arb_mat_entry(Y, a, 0);
        for (b = a + 1; b < n; b++)
        {
            arb_srcptr yb = arb_mat_entry(Y, b, 0);
            rc_pair_set(p, arb_mat_entry(W, a, 0), arb_mat_entry(W, b, 0), prec);
            rc_kernel_h2_form_add2(res, p, ya, yb, pi, prec);
            rc_kernel_h1_form_add(res, p, ya, yy + a, pi, 1, prec);
            rc_pair_swap(p);
            rc_kernel_h1_form_add(res, p, yb, yy + b, pi, 1, prec);
        }
        for (b = 0; b < k; b++)
        {
            rc_pair_set(p, arb_mat_entry(W, a, 0), arb_mat_entry(V, b, 0), prec);
            rc_kernel_h1_form_add(res, p, ya, yy + a, pi, -1, prec);
        }
    }
    rc_pair_clear(p);
    _arb_vec_clear(yy, n);
    arb_clear(pi); arb_clear(t);
    return 1;
}
