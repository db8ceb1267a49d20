/* The Hessian of F assembled from the pair kernels h1 and h2. */
#include "relucert/eval.h"
#include "relucert/pair.h"

int
rc_hessian(arb_mat_t H, const arb_mat_t W, const arb_mat_t V, slong prec)
{
    slong i, j, n = arb_mat_nrows(W), k = arb_mat_nrows(V), d = arb_mat_ncols(W);
    rc_pair_t p;

    if (rc_student_zero_row(W, prec) >= 0)
    {
        arb_mat_indeterminate(H);
        return 0;
    }

    rc_pair_init(p, d);
    arb_mat_zero(H);
    /* H_ii = I/2 + sum_{i' != i} h1(w_i, w_i') - sum_j h1(w_i, v_j) */
    for (i = 0; i < n * d; i++)
        arb_set_d(arb_mat_entry(H, i, i), 0.5);

    for (i = 0; i < n; i++)
    {
        for (j = i + 1; j < n; j++)
        {
            rc_pair_set(p, arb_mat_entry(W, i, 0), arb_mat_entry(W, j, 0), prec);
            rc_kernel_h1_add(H, i * d, i * d, p, 1, prec);
            rc_kernel_h2_add(H, i * d, j * d, p, 1, prec);
            rc_pair_swap(p);
            rc_kernel_h1_add(H, j * d, j * d, p, 1, prec);
            rc_kernel_h2_add(H, j * d, i * d, p, 1, prec);
        }
        for (j = 0; j < k; j++)
        {
            rc_pair_set(p, arb_mat_entry(W, i, 0), arb_mat_entry(V, j, 0), prec);
            rc_kernel_h1_add(H, i * d, i * d, p, -1, prec);
        }
    }
    rc_pair_clear(p);
    rc_mat_symmetrize(H, prec);
    return 1;
}
