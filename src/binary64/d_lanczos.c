/* Lanczos with full reorthogonalisation (d_lanczos.h). */
#include <math.h>
#include <stdlib.h>
#include <lapacke.h>
#include "d_lanczos.h"

static double
dot(const double * x, const double * y, long N)
{
    double s = 0;
    long i;
    for (i = 0; i < N; i++)
        s += x[i] * y[i];
    return s;
}

double
_rc_d_lanczos(double * u, double * res, rc_d_op_t op, void * ctx, long N,
              long steps, int largest)
{
    long m = N < steps ? N : steps, j, l, i, done = 0, pick;
    double * Q = malloc(sizeof(double) * m * N), * r = malloc(sizeof(double) * N);
    double * al = malloc(sizeof(double) * m), * be = malloc(sizeof(double) * m);
    double * Z = malloc(sizeof(double) * m * m), th = NAN, nrm;
    unsigned long long st = 0x9E3779B97F4A7C15ULL;

    if (Q == NULL || r == NULL || al == NULL || be == NULL || Z == NULL || N < 1)
        goto out;
    for (i = 0; i < N; i++)
    {
        st = st * 6364136223846793005ULL + 1442695040888963407ULL;
        Q[i] = (double) (st >> 11) * 0x1p-53 - 0.5;
    }
    nrm = sqrt(dot(Q, Q, N));
    for (i = 0; i < N; i++)
        Q[i] /= nrm;
    for (j = 0; j < m; j++)
    {
        double * q = Q + j * N;
        if (op(r, q, ctx) != 0)
            goto out;
        al[j] = dot(q, r, N);
        done = j + 1;
        for (int pass = 0; pass < 2; pass++)      /* reorthogonalise twice */
            for (l = 0; l <= j; l++)
            {
                const double * ql = Q + l * N;
                double c = dot(ql, r, N);
                for (i = 0; i < N; i++)
                    r[i] -= c * ql[i];
            }
        nrm = sqrt(dot(r, r, N));
        if (j + 1 == m || !(nrm > 1e-14 * (fabs(al[j]) + 1e-300)))
            break;
        be[j] = nrm;
        for (i = 0; i < N; i++)
            Q[(j + 1) * N + i] = r[i] / nrm;
    }
    /* the done x done tridiagonal matrix: eigenvalues ascending */
    if (LAPACKE_dstev(LAPACK_COL_MAJOR, u != NULL ? 'V' : 'N', (lapack_int) done, al, be,
                      u != NULL ? Z : NULL, (lapack_int) done) != 0)
        goto out;
    pick = largest ? done - 1 : 0;
    th = al[pick];
    if (u != NULL)
    {
        for (i = 0; i < N; i++)
        {
            double s = 0;
            for (l = 0; l < done; l++)
                s += Q[l * N + i] * Z[pick * done + l];
            u[i] = s;
        }
        if (op(r, u, ctx) != 0)
        {
            th = NAN;
            goto out;
        }
        nrm = 0;
        for (i = 0; i < N; i++)
            nrm += (r[i] - th * u[i]) * (r[i] - th * u[i]);
        *res = sqrt(nrm);
    }
out:
    free(Q); free(r); free(al); free(be); free(Z);
    return th;
}
