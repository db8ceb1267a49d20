/* Certified eigenvalue counts by Sylvester's law of inertia. */
#include "relucert/spectrum.h"

/* LDL^T of A - x I without pivoting, in ball arithmetic, on the lower
   triangle. If every pivot d_j has a certain sign, then every symmetric matrix
   in the ball matrix has all leading principal minors nonzero, is congruent
   to diag(d), and has exactly (number of d_j < 0) eigenvalues below x. */
int
rc_mat_count_below(slong * count, const arb_mat_t A, const arb_t x, slong prec)
{
    slong N = arb_mat_nrows(A), i, j, l, neg = 0;
    arb_mat_t L;          /* L[i][j] for j < i holds l_ij * d_j during the sweep */
    arb_ptr dg;
    arb_t q;
    int ok = 1;

    arb_mat_init(L, N, N);
    dg = _arb_vec_init(N);
    arb_init(q);

    for (j = 0; j < N && ok; j++)
    {
        /* d_j = a_jj - x - sum_{l<j} (l_jl d_l) * l_jl */
        arb_sub(dg + j, arb_mat_entry(A, j, j), x, prec);
        for (l = 0; l < j; l++)
        {
            arb_div(q, arb_mat_entry(L, j, l), dg + l, prec);
            arb_submul(dg + j, arb_mat_entry(L, j, l), q, prec);
        }
        if (arb_is_negative(dg + j))
            neg++;
        else if (!arb_is_positive(dg + j))
        {
            ok = 0;
            break;
        }
        /* (l_ij d_j) = a_ij - sum_{l<j} (l_il d_l) (l_jl d_l) / d_l */
        for (i = j + 1; i < N; i++)
        {
            arb_set(arb_mat_entry(L, i, j), arb_mat_entry(A, i, j));
            for (l = 0; l < j; l++)
            {
                arb_div(q, arb_mat_entry(L, j, l), dg + l, prec);
                arb_submul(arb_mat_entry(L, i, j), arb_mat_entry(L, i, l), q, prec);
            }
        }
    }
    if (ok)
        *count = neg;

    arb_clear(q);
    _arb_vec_clear(dg, N);
    arb_mat_clear(L);
    return ok;
}
