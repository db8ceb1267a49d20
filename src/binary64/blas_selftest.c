/* The self-test of the LAPACK/BLAS that the Rump path (d_spd_rump.c)
   relies on. A BLAS that gets an exactly known factor wrong, accepts an
   indefinite matrix, or whose backward error leaves the model of lemma L14
   is not used: rc_blas_selftest_n() is 0, rc_blas_selftest_problem() says
   why, and the callers fall back to ball arithmetic.

   What is tested (proofs/lemmas.md, L14, "Self-test"):
   - the floating-point environment of the calling thread (rc_di_usable:
     rounding to nearest, no flush-to-zero, no denormals-are-zero), on
     every call: it is per-thread state that can change while a process
     runs (a library built with -ffast-math loaded later);
   - once per process: the exact factor of a 4 x 4 integer matrix, the same
     scaled into the subnormal range, three refusals, the componentwise
     backward error of a well-conditioned 200 x 200 matrix (every entry);
   - at the size the run factors (n = min(N, RC_BLAS_SELFTEST_MAX_N), at
     least 200) and the BLAS's current thread count, repeated when a larger
     n or another thread count comes: (1) the exact factor of a tridiagonal
     matrix of condition about 4^n scaled into the subnormal range, where
     a flushed product or a subnormal read as 0 in any BLAS thread changes
     the factor; (2) the componentwise backward error of a dense matrix
     D K D (K_ij = rho^|i-j|, condition of K about 10^12, D = diag(2^e_i),
     |e_i| <= 20), checked in ball arithmetic on every 8th diagonal entry,
     the whole last row and n other entries. Together two dpotrf of size
     n, n^2 doubles and about n^2 ball operations: measured 0.5 s at
     n = 2048 against 0.12 s for one dpotrf, small beside a run at that
     size (4 s for certify minimum at n d = 2025), which is why sizes
     above 2048 are tested at 2048 only (3.2 s at 4096).
   None of this proves that dpotrf follows the model; it detects gross
   departures (lower precision, a normwise-only fast algorithm, a race
   between threads, flushed subnormals). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <lapacke.h>
#include "relucert/dense64.h"
#include "relucert/di.h"

/* OpenBLAS's thread count, when OpenBLAS provides the BLAS (a weak
   reference: NULL when another BLAS is linked, then 1 is assumed) */
extern int openblas_get_num_threads(void) __attribute__((weak));

static int
blas_threads(void)
{
    return openblas_get_num_threads != NULL ? openblas_get_num_threads() : 1;
}

#define BIG 200

/* L with power-of-two diagonal, times 2^e: every operation of any
   Cholesky variant on L L^T 2^(2e) is exact (also for e = -530, where the
   matrix and the products are subnormal: exact multiples of 2^-1074), so
   the factor must come back exactly. Compared by value: the caller has
   checked that subnormals are not read as 0 in this thread. */
static int
exact_factor(int e)
{
    static const double L[16] = { 2, 0, 0, 0,  1, 1, 0, 0,  -3, 2, 4, 0,  1, -1, 2, 1 };
    double A[16];
    long i, j, l;

    for (i = 0; i < 4; i++)
        for (j = 0; j < 4; j++)
        {
            double s = 0;
            for (l = 0; l < 4; l++)
                s += L[i * 4 + l] * L[j * 4 + l];
            A[i * 4 + j] = ldexp(s, 2 * e);
        }
    /* column-major lower = row-major upper: compare with L^T */
    if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', 4, A, 4) != 0)
        return 0;
    for (i = 0; i < 4; i++)
        for (j = 0; j <= i; j++)
            if (A[j * 4 + i] != ldexp(L[i * 4 + j], e))
                return 0;
    return 1;
}

/* The n x n tridiagonal L L^T 2^-1060 with L lower bidiagonal, l_ii = 1,
   l_i,i-1 = -2: a_00 = 2^-1060, a_ii = 5 2^-1060, a_i,i-1 = -2^-1059, all
   subnormal; condition about 4^n (L^-1 has the entries 2^(i-j)). Every
   operation of the factorisation is exact (products 2^-1060 and
   4 2^-1060, differences of small integer multiples of 2^-1060), so the
   factor must be exactly 2^-530 L; a flushed product or a subnormal read
   as 0, in whichever thread computes it, changes a pivot. */
static int
tridiagonal_subnormal(double * A, long n)
{
    long i, j;
    const double u = 0x1p-1060;

    for (i = 0; i < n * n; i++)
        A[i] = 0;
    for (i = 0; i < n; i++)
    {
        A[i * n + i] = i == 0 ? u : 5 * u;
        if (i > 0)
            A[i * n + i - 1] = A[(i - 1) * n + i] = -2 * u;
    }
    if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', (lapack_int) n, A, (lapack_int) n) != 0)
        return 0;
    /* column-major lower: L[i][j] at A[j * n + i] */
    for (j = 0; j < n; j++)
        for (i = j; i < n; i++)
            if (A[j * n + i] != (i == j ? 0x1p-530 : i == j + 1 ? -0x1p-529 : 0))
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

/* gamma_{N+3} of lemma L14 as a ball */
static void
gamma_ball(arb_t g, long n)
{
    arb_t t;
    arb_init(t);
    arb_set_ui(g, n + 3);
    arb_mul_2exp_si(g, g, -52);
    arb_sub_ui(t, g, 1, 256);
    arb_neg(t, t);
    arb_div(g, g, t, 256);
    arb_clear(t);
}

/* 1 if |(R^T R)_ij - a_ij| <= g (|R^T| |R|)_ij for the column-major lower
   factor R (n x n, R_il at R[l * n + i]), j <= i, a = a_ij; in ball
   arithmetic (the products of doubles are exact at 128 bits). x, y, z:
   scratch of n balls. */
static int
entry_ok(const double * R, long n, long i, long j, double a, const arb_t g,
         arb_ptr x, arb_ptr y, arb_ptr z)
{
    arb_t s, t;
    long l;
    int ok;

    arb_init(s); arb_init(t);
    for (l = 0; l <= j; l++)
    {
        arb_set_d(x + l, R[l * n + i]);
        arb_set_d(y + l, R[l * n + j]);
    }
    arb_dot(s, NULL, 0, x, 1, y, 1, j + 1, 128);
    arb_set_d(t, a);
    arb_sub(s, s, t, 128);
    arb_abs(s, s);
    for (l = 0; l <= j; l++)
    {
        arb_abs(z + l, x + l);
        arb_abs(y + l, y + l);
    }
    arb_dot(t, NULL, 0, z, 1, y, 1, j + 1, 128);
    arb_mul(t, t, g, 128);
    ok = arb_le(s, t);
    arb_clear(s); arb_clear(t);
    return ok;
}

static unsigned long long
lcg(unsigned long long * state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return *state >> 11;
}

/* backward error of a BIG x BIG well-conditioned factorisation against
   lemma L14's componentwise bound, every entry */
#define BIG 200
static int
backward_error(void)
{
    double * A = malloc(sizeof(double) * BIG * BIG), * R = malloc(sizeof(double) * BIG * BIG);
    arb_ptr x, y, z;
    arb_t g;
    unsigned long long state = 0x9E3779B97F4A7C15ULL;
    long i, j;
    int ok = 1;

    if (A == NULL || R == NULL)
    {
        free(A); free(R);
        return 0;
    }
    for (i = 0; i < BIG; i++)
        for (j = 0; j <= i; j++)
        {
            double e = (double) lcg(&state) * 0x1p-53 - 0.5;
            A[i * BIG + j] = A[j * BIG + i] = i == j ? 1 + e * e + 0.1 * BIG / 10 : e / 4;
        }
    for (i = 0; i < BIG * BIG; i++)
        R[i] = A[i];
    if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', BIG, R, BIG) != 0)
    {
        free(A); free(R);
        return 0;
    }
    x = _arb_vec_init(BIG); y = _arb_vec_init(BIG); z = _arb_vec_init(BIG);
    arb_init(g);
    gamma_ball(g, BIG);
    for (i = 0; i < BIG && ok; i++)
        for (j = 0; j <= i && ok; j++)
            ok = entry_ok(R, BIG, i, j, A[i * BIG + j], g, x, y, z);
    _arb_vec_clear(x, BIG); _arb_vec_clear(y, BIG); _arb_vec_clear(z, BIG);
    arb_clear(g);
    free(A); free(R);
    return ok;
}

/* The ill-conditioned n x n matrix A = D K D: K_ij = rho^|i-j| (the
   Kac-Murdock-Szego matrix; eigenvalues between about (1 - rho)/2 and
   2 n / (1 - rho) for n (1 - rho) << 1), rho = 1 - 2^-t with
   2^-t about 2^-44 n^1.5 (condition of K about 2 n 2^t: 1.7e12 at
   n = 200, 5.5e11 at n = 4096, small enough that dpotrf completes with
   a margin of about 100 over its typical error), D = diag(2^e_i) with
   |e_i| <= 20 pseudo-random (condition of A beyond 10^20; the
   componentwise model is invariant under this scaling, a normwise-only
   algorithm is not). The entries a_ij = 2^(e_i + e_j) p[|i - j|] are
   recomputed, not stored. */
typedef struct
{
    double * p;
    int * e;
}
kms_t;

static double
kms_entry(const kms_t * K, long i, long j)
{
    return ldexp(K->p[i > j ? i - j : j - i], K->e[i] + K->e[j]);
}

static int
backward_error_ill(double * R, long n)
{
    kms_t K;
    arb_ptr x, y, z;
    arb_t g;
    unsigned long long state = 0x2545F4914F6CDD1DULL;
    long i, j, m;
    int ok = 1, t = (int) floor(44 - 1.5 * log2((double) n));
    double lg;

    K.p = malloc(sizeof(double) * n);
    K.e = malloc(sizeof(int) * n);
    if (K.p == NULL || K.e == NULL)
    {
        free(K.p); free(K.e);
        return 0;
    }
    lg = log1p(-ldexp(1.0, -t));
    for (m = 0; m < n; m++)
        K.p[m] = exp((double) m * lg);
    for (i = 0; i < n; i++)
        K.e[i] = (int) (lcg(&state) % 41) - 20;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            R[i * n + j] = kms_entry(&K, i, j);
    if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', (lapack_int) n, R, (lapack_int) n) != 0)
    {
        free(K.p); free(K.e);
        return 0;
    }
    x = _arb_vec_init(n); y = _arb_vec_init(n); z = _arb_vec_init(n);
    arb_init(g);
    gamma_ball(g, n);
    /* every 8th diagonal entry, the last row (the longest sums, the last
       blocks) and n pseudo-random entries below the diagonal: about
       n^2 terms in ball arithmetic */
    for (i = n - 1; i >= 0 && ok; i -= 8)
        ok = entry_ok(R, n, i, i, kms_entry(&K, i, i), g, x, y, z);
    for (j = 0; j < n - 1 && ok; j++)
        ok = entry_ok(R, n, n - 1, j, kms_entry(&K, n - 1, j), g, x, y, z);
    for (m = 0; m < n && ok && n > 1; m++)
    {
        i = 1 + (long) (lcg(&state) % (unsigned long long) (n - 1));
        j = (long) (lcg(&state) % (unsigned long long) i);
        ok = entry_ok(R, n, i, j, kms_entry(&K, i, j), g, x, y, z);
    }
    _arb_vec_clear(x, n); _arb_vec_clear(y, n); _arb_vec_clear(z, n);
    arb_clear(g);
    free(K.p); free(K.e);
    return ok;
}

/* the tests at size n with the current threads: NULL or why not */
static const char *
sized_tests(long n, int threads)
{
    static char why[160];
    double * A = malloc(sizeof(double) * n * n);
    const char * res = NULL;

    if (A == NULL)
        res = "no memory for the BLAS self-test";
    else if (!tridiagonal_subnormal(A, n))
    {
        snprintf(why, sizeof why, "the BLAS self-test failed: dpotrf gets the exact factor "
                 "of a %ld x %ld subnormal tridiagonal matrix wrong (%d threads)", n, n, threads);
        res = why;
    }
    else if (!backward_error_ill(A, n))
    {
        snprintf(why, sizeof why, "the BLAS self-test failed: dpotrf's backward error leaves "
                 "lemma L14's bound on a %ld x %ld ill-conditioned matrix (%d threads)",
                 n, n, threads);
        res = why;
    }
    free(A);
    return res;
}

const char *
rc_blas_selftest_problem(long N)
{
    static int fixed = -1, tested_threads = -1;
    static long tested_n = 0;
    static const char * failed = NULL;
    const char * env = rc_di_env_problem();
    long n = N < BIG ? BIG : N > RC_BLAS_SELFTEST_MAX_N ? RC_BLAS_SELFTEST_MAX_N : N;
    int threads;

    if (env != NULL)
        return env;
    if (failed != NULL)
        return failed;
    if (fixed < 0)
        fixed = exact_factor(0) && exact_factor(-530) && refuses() && backward_error();
    if (!fixed)
        return failed = "the BLAS self-test failed: dpotrf gets an exact factor wrong, "
                        "accepts an indefinite matrix or leaves lemma L14's bound on a "
                        "200 x 200 matrix";
    threads = blas_threads();
    if (n > tested_n || threads != tested_threads)
    {
        failed = sized_tests(n, threads);
        if (failed != NULL)
            return failed;
        tested_n = threads == tested_threads && tested_n > n ? tested_n : n;
        tested_threads = threads;
    }
    return NULL;
}

int
rc_blas_selftest_n(long N)
{
    return rc_blas_selftest_problem(N) == NULL;
}

int
rc_blas_selftest(void)
{
    return rc_blas_selftest_n(BIG);
}
