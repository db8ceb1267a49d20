/* Plain gradient descent in double, as in the paper's experiments. */
#include <math.h>
#include <stdlib.h>
#include "relucert/d_eval.h"

long
rc_d_descent(double * W, double * gnorm, long n, const double * V, long k,
             long d, double step, double tol, long max_iter)
{
    double * G = malloc(sizeof(double) * (n * d > 0 ? n * d : 1));
    double g2 = INFINITY;
    long it, i;

    if (G == NULL)
        return -1;
    for (it = 0; it < max_iter; it++)
    {
        rc_d_gradient(G, W, n, V, k, d);
        g2 = 0;
        for (i = 0; i < n * d; i++)
            g2 += G[i] * G[i];
        if (!(g2 <= tol * tol))
        {
            if (!(g2 < INFINITY))
                break;      /* NaN or overflow: give up */
            for (i = 0; i < n * d; i++)
                W[i] -= step * G[i];
        }
        else
            break;
    }
    free(G);
    *gnorm = sqrt(g2);
    return it;
}
