/* Limited-memory BFGS in double, for searches (not rigorous: the end point
   is a candidate that Newton's method at high precision and a certificate
   must confirm). Deterministic: no randomness, fixed memory, the same
   arithmetic on every machine up to the libm's exp/atan2 (rc_d_loss and
   rc_d_gradient use no BLAS). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/d_eval.h"

#define RC_LBFGS_MEM 10
#define RC_LBFGS_STALL 200

static double
dot(const double * x, const double * y, long N)
{
    double s = 0;
    long i;
    for (i = 0; i < N; i++)
        s += x[i] * y[i];
    return s;
}

long
rc_d_lbfgs(double * W, double * gnorm, long n, const double * V, long k,
           long d, double tol, double ftol, long max_iter)
{
    long N = n * d, it, i, j, m = 0, head = 0;
    size_t sz = sizeof(double) * (N > 0 ? N : 1);
    double * G = malloc(sz), * Gn = malloc(sz), * P = malloc(sz), * Wn = malloc(sz);
    double * S = malloc(sz * RC_LBFGS_MEM), * Y = malloc(sz * RC_LBFGS_MEM);
    double rho[RC_LBFGS_MEM], al[RC_LBFGS_MEM];
    double F, Fn, g2 = INFINITY, best = INFINITY;
    long since = 0;

    if (G == NULL || Gn == NULL || P == NULL || Wn == NULL || S == NULL || Y == NULL)
    {
        it = -1;
        goto out;
    }
    F = rc_d_loss(W, n, V, k, d);
    rc_d_gradient(G, W, n, V, k, d);
    for (it = 0; it < max_iter; it++)
    {
        double gp, t, sy, yy, gamma;
        int ok = 0;

        g2 = dot(G, G, N);
        if (!(g2 < INFINITY) || !(F < INFINITY))
            break;
        if (g2 <= tol * tol || F <= ftol)
            break;
        /* stagnation: F's rounding error hides the decrease near a
           minimum, and the iterates wander; a run whose gradient has not
           halved in RC_LBFGS_STALL iterations is over */
        if (g2 < 0.25 * best)
            best = g2, since = 0;
        else if (++since > RC_LBFGS_STALL)
            break;
        /* two-loop recursion: P = -H_m G */
        for (i = 0; i < N; i++)
            P[i] = -G[i];
        for (j = 0; j < m; j++)
        {
            long s = (head - 1 - j + RC_LBFGS_MEM) % RC_LBFGS_MEM;
            al[s] = rho[s] * dot(S + s * N, P, N);
            for (i = 0; i < N; i++)
                P[i] -= al[s] * Y[s * N + i];
        }
        if (m > 0)
        {
            long s = (head - 1 + RC_LBFGS_MEM) % RC_LBFGS_MEM;
            gamma = dot(S + s * N, Y + s * N, N) / dot(Y + s * N, Y + s * N, N);
            for (i = 0; i < N; i++)
                P[i] *= gamma;
        }
        for (j = m - 1; j >= 0; j--)
        {
            long s = (head - 1 - j + RC_LBFGS_MEM) % RC_LBFGS_MEM;
            double b = rho[s] * dot(Y + s * N, P, N);
            for (i = 0; i < N; i++)
                P[i] += (al[s] - b) * S[s * N + i];
        }
        gp = dot(G, P, N);
        if (!(gp < 0))
        {
            /* not a descent direction: restart from steepest descent */
            m = 0;
            for (i = 0; i < N; i++)
                P[i] = -G[i];
            gp = -g2;
        }
        /* backtracking line search (Armijo), first trial t = 1 (the
           quasi-Newton step), or a scaled gradient step on a restart */
        t = m > 0 ? 1.0 : 1.0 / (1.0 + sqrt(g2));
        for (j = 0; j < 60; j++)
        {
            for (i = 0; i < N; i++)
                Wn[i] = W[i] + t * P[i];
            Fn = rc_d_loss(Wn, n, V, k, d);
            if (Fn <= F + 1e-4 * t * gp)
            {
                ok = 1;
                break;
            }
            t *= 0.5;
        }
        if (!ok)
        {
            if (m == 0)
                break;      /* no decrease along -G either: stalled */
            m = 0;          /* drop the memory and retry */
            continue;
        }
        rc_d_gradient(Gn, Wn, n, V, k, d);
        for (i = 0; i < N; i++)
        {
            S[head * N + i] = Wn[i] - W[i];
            Y[head * N + i] = Gn[i] - G[i];
        }
        sy = dot(S + head * N, Y + head * N, N);
        yy = dot(Y + head * N, Y + head * N, N);
        if (sy > 1e-300 && sy > 1e-12 * sqrt(yy * dot(S + head * N, S + head * N, N)))
        {
            rho[head] = 1 / sy;
            head = (head + 1) % RC_LBFGS_MEM;
            if (m < RC_LBFGS_MEM)
                m++;
        }
        memcpy(W, Wn, sizeof(double) * N);
        memcpy(G, Gn, sizeof(double) * N);
        F = Fn;
    }
    if (it >= 0)
        g2 = dot(G, G, N);
out:
    free(G); free(Gn); free(P); free(Wn); free(S); free(Y);
    *gnorm = sqrt(g2);
    return it;
}
