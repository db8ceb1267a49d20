/* The unverified reference of benchmarks/minimum-scale: the dense Hessian of
   a dataset record (or of a point file, --file) in binary64 and all its eigenvalues by LAPACK dsyevd (what
   a user would otherwise run, like numpy's eigvalsh). Prints
   "k N seconds lambda_min": seconds for building H and the eigensolve.
   Floating point, no guarantee of anything. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lapacke.h>
#include "relucert/relucert.h"

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

int
main(int argc, char ** argv)
{
    rc_point_t pt;
    rc_error_t err;
    slong k, index, n, d, i, a, N;
    double * W, * V, * H, * ev, t0;
    arb_mat_t Wb, Vb;

    if (!(argc == 4 || (argc == 3 && strcmp(argv[1], "--file") == 0)))
    {
        fprintf(stderr, "usage: hessian-eig DATASET K INDEX | hessian-eig --file POINT_FILE\n");
        return 2;
    }
    rc_point_init(pt);
    k = argc == 4 ? atol(argv[2]) : 0;
    index = argc == 4 ? atol(argv[3]) : 0;
    if (argc == 3 ? rc_point_read_file(pt, argv[2], err)
                  : rc_point_read_dataset(pt, argv[1], k, index, err))
    {
        fprintf(stderr, "hessian-eig: %s\n", err->msg);
        return 2;
    }
    n = pt->n; d = pt->d; N = n * d;
    k = pt->k;
    arb_mat_init(Wb, n, d); arb_mat_init(Vb, pt->k, d);
    rc_point_get_arb(Wb, Vb, pt, NULL, 64);
    W = malloc(sizeof(double) * n * d);
    V = malloc(sizeof(double) * pt->k * d);
    H = malloc(sizeof(double) * N * N);
    ev = malloc(sizeof(double) * N);
    if (W == NULL || V == NULL || H == NULL || ev == NULL)
    {
        fprintf(stderr, "hessian-eig: out of memory\n");
        return 1;
    }
    for (i = 0; i < n; i++)
        for (a = 0; a < d; a++)
            W[i * d + a] = arf_get_d(arb_midref(arb_mat_entry(Wb, i, a)), ARF_RND_NEAR);
    for (i = 0; i < pt->k; i++)
        for (a = 0; a < d; a++)
            V[i * d + a] = arf_get_d(arb_midref(arb_mat_entry(Vb, i, a)), ARF_RND_NEAR);
    t0 = now();
    if (rc_d_hessian(H, W, n, V, pt->k, d) != 0
        || LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'N', 'U', N, H, N, ev) != 0)
    {
        fprintf(stderr, "hessian-eig: the eigensolve failed\n");
        return 1;
    }
    printf("%ld %ld %.2f %.16g\n", (long) k, (long) N, now() - t0, ev[0]);
    free(W); free(V); free(H); free(ev);
    arb_mat_clear(Wb); arb_mat_clear(Vb);
    rc_point_clear(pt);
    return 0;
}
