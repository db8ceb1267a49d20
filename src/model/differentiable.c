/* Where F is differentiable: every student neuron nonzero (proofs/model.md
   M1.3; the paper's Lemma 1). */
#include "relucert/eval.h"

slong
rc_student_zero_row(const arb_mat_t W, slong prec)
{
    slong i, d = arb_mat_ncols(W);
    arb_t q;

    arb_init(q);
    for (i = 0; i < arb_mat_nrows(W); i++)
    {
        arb_dot(q, NULL, 0, arb_mat_entry(W, i, 0), 1,
                arb_mat_entry(W, i, 0), 1, d, prec);
        /* |w_i|^2 > 0 certain for every point of the box */
        if (!arb_is_positive(q))
        {
            arb_clear(q);
            return i;
        }
    }
    arb_clear(q);
    return -1;
}
