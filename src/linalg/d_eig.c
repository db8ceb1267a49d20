/* Floating-point smallest eigenpair by LAPACK (no guarantee attached), and
   a choice among such results that ignores their last bits. */
#include <math.h>
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

slong
rc_d_argmin_tie_low(const double * x, slong n)
{
    double m = INFINITY;
    slong i;

    for (i = 0; i < n; i++)
        if (isfinite(x[i]) && x[i] < m)
            m = x[i];
    if (!isfinite(m))
        return -1;
    for (i = 0; i < n; i++)
        if (isfinite(x[i]) && x[i] <= m + 1e-9 * fabs(m) + 1e-12)
            return i;
    return -1;   /* not reached */
}
