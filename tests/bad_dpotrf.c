/* A test module (tests/cli_fpenv.sh): LD_PRELOADed, it wraps LAPACK's
   dpotrf and, on dense matrices larger than 200 x 200, moves the entry
   (n-1, 0) of the factor by a relative 2^-20: far outside lemma
   L14's error model, yet every fixed self-test (4 x 4, 200 x 200, the
   subnormal tridiagonal matrix) still passes. Only the self-test at the
   run's size can see it; the run must then fall back to ball arithmetic. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

typedef void (*dpotrf_fn)(const char *, const int *, double *, const int *, int *, size_t);

void
dpotrf_(const char * uplo, const int * n, double * a, const int * lda, int * info, size_t len)
{
    static dpotrf_fn real = NULL;
    int m = *n;

    if (real == NULL)
        real = (dpotrf_fn) dlsym(RTLD_NEXT, "dpotrf_");
    if (real == NULL)
    {
        *info = -99;
        return;
    }
    {
        int dense = m > 200 && a[m - 1] != 0;     /* entry (n-1, 0) of the input */
        real(uplo, n, a, lda, info, len);
        if (*info == 0 && dense)
            a[m - 1] *= 1 + 0x1p-20;        /* column-major lower: L(n-1, 0) */
    }
}

int rc_test_bad_dpotrf = 1;
