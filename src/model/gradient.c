/* grad F assembled from the pair kernel g. */
#include "relucert/eval.h"
#include "relucert/pair.h"

int
rc_gradient(arb_mat_t G, const arb_mat_t W, const arb_mat_t V, slong prec)
{
    slong i, j, a, n = arb_mat_nrows(W), k = arb_mat_nrows(V), d = arb_mat_ncols(W);
    rc_pair_t p;
    rc_pair_rows_t rw, rv;

    if (rc_student_zero_row(W, prec) >= 0)
    {
        arb_mat_indeterminate(G);
        return 0;
    }

    rc_pair_init(p, d);
    rc_pair_rows_init(rw, W, prec);
    rc_pair_rows_init(rv, V, prec);
    /* g(w_i, w_i) = w_i / 2 */
    for (i = 0; i < n; i++)
        for (a = 0; a < d; a++)
            arb_mul_2exp_si(arb_mat_entry(G, i, a), arb_mat_entry(W, i, a), -1);

    for (i = 0; i < n; i++)
    {
        for (j = i + 1; j < n; j++)
        {
            rc_pair_set_angle_unit(p, arb_mat_entry(W, i, 0), RC_ROW_N(rw, i), RC_ROW_U(rw, i),
                                   arb_mat_entry(W, j, 0), RC_ROW_N(rw, j), RC_ROW_U(rw, j), prec);
            rc_kernel_g_add(arb_mat_entry(G, i, 0), p, arb_mat_entry(W, j, 0), 1, prec);
            rc_pair_swap(p);
            rc_kernel_g_add(arb_mat_entry(G, j, 0), p, arb_mat_entry(W, i, 0), 1, prec);
        }
        for (j = 0; j < k; j++)
        {
            rc_pair_set_angle_unit(p, arb_mat_entry(W, i, 0), RC_ROW_N(rw, i), RC_ROW_U(rw, i),
                                   arb_mat_entry(V, j, 0), RC_ROW_N(rv, j), RC_ROW_U(rv, j), prec);
            rc_kernel_g_add(arb_mat_entry(G, i, 0), p, arb_mat_entry(V, j, 0), -1, prec);
        }
    }
    rc_pair_clear(p);
    rc_pair_rows_clear(rw);
    rc_pair_rows_clear(rv);
    return 1;
}
