/* Rayleigh quotient of a ball matrix along a vector. */
#include "relucert/spectrum.h"

void
rc_mat_rayleigh(arb_t res, const arb_mat_t A, arb_srcptr u, slong prec)
{
    slong i, N = arb_mat_nrows(A);
    arb_t q, den;

    arb_init(q); arb_init(den);
    arb_zero(res);
    for (i = 0; i < N; i++)
    {
        arb_dot(q, NULL, 0, arb_mat_entry(A, i, 0), 1, u, 1, N, prec);
        arb_addmul(res, q, u + i, prec);
    }
    arb_dot(den, NULL, 0, u, 1, u, 1, N, prec);
    arb_div(res, res, den, prec);
    arb_clear(q); arb_clear(den);
}
