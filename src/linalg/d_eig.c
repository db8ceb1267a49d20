/* Floating-point smallest eigenpair by LAPACK (no guarantee attached). */
#include <stdlib.h>
#include <string.h>
#include <lapacke.h>
#include "relucert/spectrum.h"

int
rc_d_sym_eig_min(double * lam, double * u, const double * A, slong N)
{
    /* dsyevr uses all N entries of w (not only the m eigenvalues asked
       for) and up to 2N entries of isuppz */
    double * B = malloc(sizeof(double) * N * N);
    double * w = malloc(sizeof(double) * (N > 0 ? N : 1));
    lapack_int m, * isuppz = malloc(sizeof(lapack_int) * 2 * (N > 0 ? N : 1));
    lapack_int info;

    if (B == NULL || w == NULL || isuppz == NULL || N < 1)
    {
        free(B);
        free(w);
        free(isuppz);
        return 1;
    }
    memcpy(B, A, sizeof(double) * N * N);
    info = LAPACKE_dsyevr(LAPACK_ROW_MAJOR, 'V', 'I', 'L', (lapack_int) N, B,
                          (lapack_int) N, 0.0, 0.0, 1, 1, 0.0, &m, w, u, 1, isuppz);
    free(B);
    free(isuppz);
    if (info != 0 || m != 1)
    {
        free(w);
        return 1;
    }
    *lam = w[0];
    free(w);
    return 0;
}
