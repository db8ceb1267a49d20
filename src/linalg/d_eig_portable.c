/* The smallest eigenpair of a small symmetric matrix in plain binary64
   loops: Householder tridiagonalisation, bisection on the Sturm count,
   inverse iteration on the tridiagonal matrix, back-transformation. No BLAS
   and no LAPACK, so the result depends only on the input's bits and on IEEE
   754 arithmetic (the build compiles ISO C, -std=c11, under which GCC does
   not contract a * b + c into a fused multiply-add), not on the CPU: for
   witnesses that certificates store. See spectrum.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/spectrum.h"

/* the number of eigenvalues of the tridiagonal (d, e) below x (Sturm
   sequence of the LDL^T factorisation of T - x I; a zero pivot is moved
   off zero by a tiny amount, as LAPACK's dstebz does) */
static slong
sturm_count(const double * d, const double * e, slong n, double x, double tiny)
{
    slong i, count = 0;
    double q = d[0] - x;

    if (fabs(q) < tiny)
        q = -tiny;
    count += q < 0;
    for (i = 1; i < n; i++)
    {
        q = d[i] - x - e[i - 1] * e[i - 1] / q;
        if (fabs(q) < tiny)
            q = -tiny;
        count += q < 0;
    }
    return count;
}

/* y := (T - x I)^(-1) y by Gaussian elimination with partial pivoting on
   the tridiagonal T = (d, e); a zero pivot is replaced by tiny */
static void
tridiag_solve(double * y, const double * d, const double * e, slong n, double x, double tiny,
              double * w)
{
    /* the factorisation in place in w: for each row i the diagonal,
       superdiagonal and second superdiagonal after elimination */
    double * a = w, * b = w + n, * c = w + 2 * n, * l = w + 3 * n;
    int * swap = (int *) (w + 4 * n);
    slong i;

    for (i = 0; i < n; i++)
    {
        a[i] = d[i] - x;
        b[i] = i + 1 < n ? e[i] : 0;
        c[i] = 0;
    }
    for (i = 0; i + 1 < n; i++)
    {
        double sub = e[i];   /* the entry below a[i] */
        if (fabs(sub) > fabs(a[i]))
        {
            /* swap rows i and i + 1 */
            double t0 = a[i], t1 = b[i], t2 = c[i];
            a[i] = sub;
            b[i] = a[i + 1];
            c[i] = b[i + 1];
            a[i + 1] = t1;
            b[i + 1] = t2;
            sub = t0;
            swap[i] = 1;
        }
        else
            swap[i] = 0;
        if (a[i] == 0)
            a[i] = tiny;
        l[i] = sub / a[i];
        a[i + 1] -= l[i] * b[i];
        b[i + 1] -= l[i] * c[i];
    }
    if (a[n - 1] == 0)
        a[n - 1] = tiny;
    /* forward: the row operations on y */
    for (i = 0; i + 1 < n; i++)
    {
        if (swap[i])
        {
            double t = y[i];
            y[i] = y[i + 1];
            y[i + 1] = t;
        }
        y[i + 1] -= l[i] * y[i];
    }
    /* back substitution */
    for (i = n - 1; i >= 0; i--)
    {
        double s = y[i];
        if (i + 1 < n)
            s -= b[i] * y[i + 1];
        if (i + 2 < n)
            s -= c[i] * y[i + 2];
        y[i] = s / a[i];
    }
}

static double
norm2(const double * x, slong n)
{
    double s = 0;
    slong i;
    for (i = 0; i < n; i++)
        s += x[i] * x[i];
    return sqrt(s);
}

int
rc_d_sym_eig_min_portable(double * lam, double * u, const double * A, slong N)
{
    slong i, j, k, it;
    double * a, * v, * p, * d, * e, * w, anorm = 0, lo, hi, tiny, nrm;

    if (N < 1)
        return 1;
    for (i = 0; i < N * N; i++)
        if (!isfinite(A[i]))
            return 1;
    a = malloc(sizeof(double) * N * N);
    v = malloc(sizeof(double) * N * N);    /* Householder vectors, row k */
    p = malloc(sizeof(double) * N);
    d = malloc(sizeof(double) * N);
    e = malloc(sizeof(double) * N);
    w = malloc(sizeof(double) * 5 * N + sizeof(int) * N);
    if (a == NULL || v == NULL || p == NULL || d == NULL || e == NULL || w == NULL)
    {
        free(a); free(v); free(p); free(d); free(e); free(w);
        return 1;
    }
    /* the lower triangle, symmetrised */
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            a[i * N + j] = i >= j ? A[i * N + j] : A[j * N + i];

    /* Householder: at step k, v_k (zero in entries 0..k) maps column k
       below the subdiagonal to zero; A := P A P, P = I - 2 v v^T */
    memset(v, 0, sizeof(double) * N * N);
    for (k = 0; k + 2 < N; k++)
    {
        double * vk = v + k * N, alpha, s, K;
        nrm = 0;
        for (i = k + 1; i < N; i++)
            nrm += a[i * N + k] * a[i * N + k];
        nrm = sqrt(nrm);
        if (nrm == 0)
            continue;
        alpha = a[(k + 1) * N + k] > 0 ? -nrm : nrm;
        for (i = k + 1; i < N; i++)
            vk[i] = a[i * N + k];
        vk[k + 1] -= alpha;
        s = norm2(vk + k + 1, N - k - 1);
        if (s == 0)
            continue;
        for (i = k + 1; i < N; i++)
            vk[i] /= s;
        /* p = A v, K = v^T p, q = p - K v; A := A - 2 (v q^T + q v^T) */
        for (i = k; i < N; i++)
        {
            double t = 0;
            for (j = k + 1; j < N; j++)
                t += a[i * N + j] * vk[j];
            p[i] = t;
        }
        K = 0;
        for (i = k + 1; i < N; i++)
            K += vk[i] * p[i];
        for (i = k; i < N; i++)
            p[i] -= K * vk[i];
        for (i = k; i < N; i++)
            for (j = k; j < N; j++)
                a[i * N + j] -= 2 * (vk[i] * p[j] + p[i] * vk[j]);
    }
    for (i = 0; i < N; i++)
    {
        d[i] = a[i * N + i];
        e[i] = i + 1 < N ? a[(i + 1) * N + i] : 0;
        anorm = fmax(anorm, fabs(d[i]) + fabs(e[i]) + (i > 0 ? fabs(e[i - 1]) : 0));
    }
    tiny = anorm > 0 ? anorm * 0x1p-60 : 0x1p-1000;

    /* the smallest eigenvalue: bisection on [-anorm, anorm] (Gershgorin) */
    lo = -anorm - tiny;
    hi = anorm + tiny;
    for (it = 0; it < 200; it++)
    {
        double mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi)
            break;
        if (sturm_count(d, e, N, mid, tiny) >= 1)
            hi = mid;
        else
            lo = mid;
    }
    *lam = lo + (hi - lo) / 2;

    /* its eigenvector: inverse iteration from the vector of ones */
    for (i = 0; i < N; i++)
        u[i] = 1;
    for (it = 0; it < 3; it++)
    {
        tridiag_solve(u, d, e, N, *lam, tiny, w);
        nrm = norm2(u, N);
        if (!(nrm > 0) || !isfinite(nrm))
            break;
        for (i = 0; i < N; i++)
            u[i] /= nrm;
    }
    /* back to A's coordinates: u := P_0 P_1 ... P_{N-3} u */
    for (k = N - 3; k >= 0; k--)
    {
        const double * vk = v + k * N;
        double t = 0;
        for (i = k + 1; i < N; i++)
            t += vk[i] * u[i];
        for (i = k + 1; i < N; i++)
            u[i] -= 2 * t * vk[i];
    }
    nrm = norm2(u, N);
    free(a); free(v); free(p); free(d); free(e); free(w);
    if (!(nrm > 0) || !isfinite(nrm) || !isfinite(*lam))
        return 1;
    for (i = 0; i < N; i++)
        u[i] /= nrm;
    return 0;
}

void
rc_d_vec_canonical(double * u, slong N)
{
    slong a, top = 0;
    double mx = 0;

    for (a = 0; a < N; a++)
        mx = fmax(mx, fabs(u[a]));
    for (a = 0; a < N; a++)
        if (fabs(u[a]) >= mx * (1 - 1e-9))
        {
            top = a;
            break;
        }
    if (u[top] < 0)
        for (a = 0; a < N; a++)
            u[a] = -u[a];
    for (a = 0; a < N; a++)
        if (fabs(u[a]) < 1e-12 * mx)
            u[a] = 0;
}
