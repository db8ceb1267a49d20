/* Small ball-matrix helpers: symmetrisation of enclosures, Frobenius norm. */
#include "relucert/eval.h"

void
rc_mat_symmetrize(arb_mat_t A, slong prec)
{
    slong a, b, N = arb_mat_nrows(A);
    for (a = 0; a < N; a++)
        for (b = a + 1; b < N; b++)
        {
            arb_ptr x = arb_mat_entry(A, a, b), y = arb_mat_entry(A, b, a);
            /* both enclose the same true value; if they are disjoint the
               inputs were not enclosures of a symmetric matrix: keep the
               union rather than invent a value */
            if (!arb_intersection(x, x, y, prec))
                arb_union(x, x, y, prec);
            arb_set(y, x);
        }
}

void
rc_mat_frobenius_norm(arb_t norm, const arb_mat_t G, slong prec)
{
    slong i, j;
    arb_t q;
    arb_init(q);
    arb_zero(norm);
    for (i = 0; i < arb_mat_nrows(G); i++)
        for (j = 0; j < arb_mat_ncols(G); j++)
        {
            arb_sqr(q, arb_mat_entry(G, i, j), prec);
            arb_add(norm, norm, q, prec);
        }
    arb_sqrtpos(norm, norm, prec);
    arb_clear(q);
}
