/* Gershgorin lower bound for the smallest eigenvalue of a ball matrix. */
#include "relucert/spectrum.h"

void
rc_mat_gershgorin_lower(arf_t lo, const arb_mat_t A, slong prec)
{
    slong i, j, N = arb_mat_nrows(A);
    arb_t row, q;
    arf_t b;

    arb_init(row); arb_init(q);
    arf_init(b);
    arf_pos_inf(lo);
    for (i = 0; i < N; i++)
    {
        /* lambda >= a_ii - sum_{j != i} |a_ij| for all matrices in A */
        arb_set(row, arb_mat_entry(A, i, i));
        for (j = 0; j < N; j++)
            if (j != i)
            {
                arb_abs(q, arb_mat_entry(A, i, j));
                arb_get_ubound_arf(b, q, prec);
                arb_sub_arf(row, row, b, prec);
            }
        arb_get_lbound_arf(b, row, prec);
        if (arf_cmp(b, lo) < 0)
            arf_set(lo, b);
    }
    if (N == 0 || arf_is_nan(lo))
        arf_neg_inf(lo);
    arb_clear(row); arb_clear(q);
    arf_clear(b);
}
