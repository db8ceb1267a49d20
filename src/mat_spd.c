/* Certified positive definiteness by ball Cholesky. */
#include "relucert/spectrum.h"

int
rc_mat_spd_certify(const arb_mat_t A, const arb_t shift, slong prec)
{
    arb_mat_t B, L;
    slong i, N = arb_mat_nrows(A);
    int ok;

    if (N == 0)
        return 1;
    arb_mat_init(B, N, N);
    arb_mat_init(L, N, N);
    arb_mat_set(B, A);
    if (shift != NULL)
        for (i = 0; i < N; i++)
            arb_sub(arb_mat_entry(B, i, i), arb_mat_entry(B, i, i), shift, prec);
    /* nonzero iff the symmetric matrix given by the lower triangle is
       certainly positive definite, for every choice inside the balls */
    ok = arb_mat_cho(L, B, prec);
    arb_mat_clear(B);
    arb_mat_clear(L);
    return ok != 0;
}
