/* The self-test of the LAPACK/BLAS that the Rump path (d_spd_rump.c)
   relies on: run once per process. A BLAS that gets an exactly known
   factor wrong, accepts an indefinite matrix, or whose backward error
   exceeds the bound of lemma L14 is not used: rc_blas_selftest() is 0 and
   the callers fall back to ball arithmetic. */
#include <stdlib.h>
#include <lapacke.h>
#include "relucert/dense64.h"
#include "relucert/di.h"

#define BIG 200

static int
exact_factor(void)
{
    /* L with power-of-two diagonal: every operation of any Cholesky
       variant on L L^T is exact, so the factor must come back exactly */
    static const double L[16] = { 2, 0, 0, 0,  1, 1, 0, 0,  -3, 2, 4, 0,  1, -1, 2, 1 };
    double A[16];
    long i, j, l;

    for (i = 0; i < 4; i++)
        for (j = 0; j < 4; j++)
        {
            double s = 0;
            for (l = 0; l < 4; l++)
                s += L[i * 4 + l] * L[j * 4 + l];
            A[i * 4 + j] = s;
        }
    /* column-major lower = row-major upper: compare with L^T */
    if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', 4, A, 4) != 0)
        return 0;
    for (i = 0; i < 4; i++)
        for (j = 0; j <= i; j++)
            if (A[j * 4 + i] != L[i * 4 + j])
                return 0;
    return 1;
}

static int
refuses(void)
{
    double A[4] = { 1, 2, 2, 1 }, S[4] = { 1, 1, 1, 1 }, Z[9] = { 4, 2, 0, 2, 1, 0, 0, 0, 1 };

    return LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', 2, A, 2) > 0
           && LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', 2, S, 2) > 0
           && LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', 3, Z, 3) > 0;
}

/* backward error of a BIG x BIG factorisation against lemma L14's
   componentwise bound |R^T R - A| <= gamma_{N+3} |R^T| |R|, in ball
   arithmetic (the products of doubles are exact at 256 bits) */
static int
backward_error(void)
{
    double * A = malloc(sizeof(double) * BIG * BIG), * R = malloc(sizeof(double) * BIG * BIG);
    arb_ptr x, y, z;
    arb_t s, t, g;
    unsigned long long state = 0x9E3779B97F4A7C15ULL;
    long i, j, l;
    int ok = 1;

    if (A == NULL || R == NULL)
    {
        free(A); free(R);
        return 0;
    }
    for (i = 0; i < BIG; i++)
        for (j = 0; j <= i; j++)
        {
            double e;
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            e = (double) (state >> 11) * 0x1p-53 - 0.5;
            A[i * BIG + j] = A[j * BIG + i] = i == j ? 1 + e * e + 0.1 * BIG / 10 : e / 4;
        }
    for (i = 0; i < BIG * BIG; i++)
        R[i] = A[i];
    if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', BIG, R, BIG) != 0)
    {
        free(A); free(R);
        return 0;
    }
    /* column-major lower factor L: L[i][l] = R[l * BIG + i] for l <= i */
    x = _arb_vec_init(BIG); y = _arb_vec_init(BIG); z = _arb_vec_init(BIG);
    arb_init(s); arb_init(t); arb_init(g);
    arb_set_ui(g, BIG + 3);
    arb_mul_2exp_si(g, g, -52);
    arb_sub_ui(t, g, 1, 256);
    arb_neg(t, t);
    arb_div(g, g, t, 256);
    for (i = 0; i < BIG && ok; i++)
    {
        for (l = 0; l <= i; l++)
        {
            arb_set_d(x + l, R[l * BIG + i]);
            arb_abs(z + l, x + l);
        }
        for (j = 0; j <= i && ok; j++)
        {
            for (l = 0; l <= j; l++)
                arb_set_d(y + l, R[l * BIG + j]);
            arb_dot(s, NULL, 0, x, 1, y, 1, j + 1, 256);
            arb_set_d(t, A[i * BIG + j]);
            arb_sub(s, s, t, 256);
            arb_abs(s, s);
            for (l = 0; l <= j; l++)
                arb_abs(y + l, y + l);
            arb_dot(t, NULL, 0, z, 1, y, 1, j + 1, 256);
            arb_mul(t, t, g, 256);
            ok = arb_le(s, t);
        }
    }
    _arb_vec_clear(x, BIG); _arb_vec_clear(y, BIG); _arb_vec_clear(z, BIG);
    arb_clear(s); arb_clear(t); arb_clear(g);
    free(A); free(R);
    return ok;
}

int
rc_blas_selftest(void)
{
    static int result = -1;

    if (result < 0)
        result = rc_di_usable() && exact_factor() && refuses() && backward_error();
    return result;
}
