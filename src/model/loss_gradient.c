/* F and grad F in one pass over the pairs (eval needs both): each pair's
   geometry is computed once for the kernels f and g. The sums run in the
   order of rc_loss and rc_gradient, so the enclosures are the same balls. */
#include "relucert/eval.h"
#include "relucert/pair.h"

/* res += |x|^2 / 4 for each row x of A (as rc_loss) */
static void
add_self_terms(arb_t res, const arb_mat_t A, slong prec)
{
    arb_t q;
    slong i, d = arb_mat_ncols(A);
    arb_init(q);
    for (i = 0; i < arb_mat_nrows(A); i++)
    {
        arb_dot(q, NULL, 0, arb_mat_entry(A, i, 0), 1, arb_mat_entry(A, i, 0), 1, d, prec);
        arb_mul_2exp_si(q, q, -2);
        arb_add(res, res, q, prec);
    }
    arb_clear(q);
}

int
rc_loss_gradient(arb_t loss, arb_mat_t G, const arb_mat_t W, const arb_mat_t V, slong prec)
{
    slong i, j, a, n = arb_mat_nrows(W), k = arb_mat_nrows(V), d = arb_mat_ncols(W);
    rc_pair_t p;
    rc_pair_rows_t rw, rv;
    arb_t q;

    if (rc_student_zero_row(W, prec) >= 0)
    {
        rc_loss(loss, W, V, prec);
        arb_mat_indeterminate(G);
        return 0;
    }
    rc_pair_init(p, d);
    rc_pair_rows_init(rw, W, prec);
    rc_pair_rows_init(rv, V, prec);
    arb_init(q);
    arb_zero(loss);
    for (i = 0; i < n; i++)
        for (a = 0; a < d; a++)
            arb_mul_2exp_si(arb_mat_entry(G, i, a), arb_mat_entry(W, i, a), -1);

    /* student pairs: F's cross terms and both gradient rows */
    add_self_terms(loss, W, prec);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
        {
            rc_pair_set_angle_unit(p, arb_mat_entry(W, i, 0), RC_ROW_N(rw, i), RC_ROW_U(rw, i),
                                   arb_mat_entry(W, j, 0), RC_ROW_N(rw, j), RC_ROW_U(rw, j), prec);
            rc_kernel_f(q, p, prec);
            arb_add(loss, loss, q, prec);
            rc_kernel_g_add(arb_mat_entry(G, i, 0), p, arb_mat_entry(W, j, 0), 1, prec);
            rc_pair_swap(p);
            rc_kernel_g_add(arb_mat_entry(G, j, 0), p, arb_mat_entry(W, i, 0), 1, prec);
        }
    /* teacher pairs: F only */
    add_self_terms(loss, V, prec);
    for (i = 0; i < k; i++)
        for (j = i + 1; j < k; j++)
        {
            rc_pair_set_angle_unit(p, arb_mat_entry(V, i, 0), RC_ROW_N(rv, i), RC_ROW_U(rv, i),
                                   arb_mat_entry(V, j, 0), RC_ROW_N(rv, j), RC_ROW_U(rv, j), prec);
            rc_kernel_f(q, p, prec);
            arb_add(loss, loss, q, prec);
        }
    /* student-teacher pairs */
    for (i = 0; i < n; i++)
        for (j = 0; j < k; j++)
        {
            rc_pair_set_angle_unit(p, arb_mat_entry(W, i, 0), RC_ROW_N(rw, i), RC_ROW_U(rw, i),
                                   arb_mat_entry(V, j, 0), RC_ROW_N(rv, j), RC_ROW_U(rv, j), prec);
            rc_kernel_f(q, p, prec);
            arb_sub(loss, loss, q, prec);
            rc_kernel_g_add(arb_mat_entry(G, i, 0), p, arb_mat_entry(V, j, 0), -1, prec);
        }
    arb_clear(q);
    rc_pair_clear(p);
    rc_pair_rows_clear(rw);
    rc_pair_rows_clear(rv);
    return 1;
}
