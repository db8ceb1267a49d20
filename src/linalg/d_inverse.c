/* Floating-point matrix inverse by LAPACK (no guarantee attached): the
   preconditioner of the Krawczyk test and of Newton refinement. */
#include <stdlib.h>
#include <string.h>
#include <lapacke.h>
#include "relucert/spectrum.h"

int
rc_d_mat_inv(double * C, const double * A, slong N)
{
    lapack_int * ipiv, info;
    slong i;

    if (N < 1)
        return 1;
    for (i = 0; i < N * N; i++)
        if (!(A[i] - A[i] == 0))    /* NaN or infinity */
            return 1;
    ipiv = malloc(sizeof(lapack_int) * N);
    if (ipiv == NULL)
        return 1;
    memcpy(C, A, sizeof(double) * N * N);
    info = LAPACKE_dgetrf(LAPACK_ROW_MAJOR, (lapack_int) N, (lapack_int) N, C,
                          (lapack_int) N, ipiv);
    if (info == 0)
        info = LAPACKE_dgetri(LAPACK_ROW_MAJOR, (lapack_int) N, C, (lapack_int) N, ipiv);
    free(ipiv);
    return info != 0;
}

void
rc_mat_get_d(double * A, const arb_mat_t B)
{
    slong i, j, r = arb_mat_nrows(B), c = arb_mat_ncols(B);

    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
            A[i * c + j] = arf_get_d(arb_midref(arb_mat_entry(B, i, j)), ARF_RND_NEAR);
}

void
rc_mat_set_d(arb_mat_t B, const double * A)
{
    slong i, j, r = arb_mat_nrows(B), c = arb_mat_ncols(B);

    for (i = 0; i < r; i++)
        for (j = 0; j < c; j++)
            arb_set_d(arb_mat_entry(B, i, j), A[i * c + j]);
}
