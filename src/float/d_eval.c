/* Loss, gradient and Hessian in plain double: fast, NOT rigorous (d_eval.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/d_eval.h"

#define RC_PI 3.14159265358979323846

typedef struct
{
    double nw, nv, t, s, c, dot;
    double * wb, * vb, * m_vw, * n_vw, * m_wv, * n_wv;
    double * mem;        /* the one allocation behind the six vectors */
}
dpair;

static void
dpair_set(dpair * p, const double * w, const double * v, long d)
{
    double a = 0, b = 0;
    long i;
    p->nw = p->nv = p->dot = 0;
    for (i = 0; i < d; i++)
    {
        p->nw += w[i] * w[i];
        p->nv += v[i] * v[i];
        p->dot += w[i] * v[i];
    }
    p->nw = sqrt(p->nw);
    p->nv = sqrt(p->nv);
    for (i = 0; i < d; i++)
    {
        p->wb[i] = p->nw > 0 ? w[i] / p->nw : 0;
        p->vb[i] = p->nv > 0 ? v[i] / p->nv : 0;
        a += (p->wb[i] - p->vb[i]) * (p->wb[i] - p->vb[i]);
        b += (p->wb[i] + p->vb[i]) * (p->wb[i] + p->vb[i]);
    }
    a = sqrt(a);
    b = sqrt(b);
    if (p->nw > 0 && p->nv > 0)
    {
        p->t = 2 * atan2(a, b);
        p->s = a * b / 2;
        p->c = cos(p->t);
    }
    else
    {
        p->t = RC_PI / 2;
        p->s = 1;
        p->c = 0;
    }
    for (i = 0; i < d; i++)
    {
        p->m_vw[i] = p->vb[i] - p->c * p->wb[i];
        p->m_wv[i] = p->wb[i] - p->c * p->vb[i];
        p->n_vw[i] = p->s > 1e-300 ? p->m_vw[i] / p->s : 0;
        p->n_wv[i] = p->s > 1e-300 ? p->m_wv[i] / p->s : 0;
    }
}

static void
dpair_swap(dpair * p)
{
    double x, * q;
    x = p->nw; p->nw = p->nv; p->nv = x;
    q = p->wb; p->wb = p->vb; p->vb = q;
    q = p->m_vw; p->m_vw = p->m_wv; p->m_wv = q;
    q = p->n_vw; p->n_vw = p->n_wv; p->n_wv = q;
}

static void
dpair_init(dpair * p, long d)
{
    double * mem = calloc(6 * (size_t) (d > 0 ? d : 1), sizeof(double));
    p->mem = mem;
    p->wb = mem; p->vb = mem + d; p->m_vw = mem + 2 * d;
    p->n_vw = mem + 3 * d; p->m_wv = mem + 4 * d; p->n_wv = mem + 5 * d;
}

static void
dpair_clear(dpair * p)
{
    free(p->mem);
}

static double
df(const dpair * p)
{
    return (p->nw * p->nv * p->s + (RC_PI - p->t) * p->dot) / (2 * RC_PI);
}

static void
dg_add(double * res, const dpair * p, const double * v, long d, double sign)
{
    double a = sign * p->nv * p->s / (2 * RC_PI), b = sign * (RC_PI - p->t) / (2 * RC_PI);
    long i;
    for (i = 0; i < d; i++)
        res[i] += a * p->wb[i] + b * v[i];
}

static void
dh1_add(double * H, long ld, const dpair * p, long d, double sign)
{
    double sc = sign * p->nv / (2 * RC_PI * p->nw);
    long a, b;
    for (a = 0; a < d; a++)
        for (b = 0; b < d; b++)
            H[a * ld + b] += sc * (p->s * ((a == b) - p->wb[a] * p->wb[b])
                                   + p->m_vw[a] * p->n_vw[b]);
}

static void
dh2_add(double * H, long ld, const dpair * p, long d)
{
    long a, b;
    for (a = 0; a < d; a++)
        for (b = 0; b < d; b++)
            H[a * ld + b] += ((a == b) * (RC_PI - p->t) + p->m_vw[a] * p->n_wv[b]
                              + p->s * p->wb[a] * p->vb[b]) / (2 * RC_PI);
}

static double
self_and_cross(const double * A, long n, long d, dpair * p)
{
    double r = 0;
    long i, j, a;
    for (i = 0; i < n; i++)
    {
        for (a = 0; a < d; a++)
            r += A[i * d + a] * A[i * d + a] / 4;
        for (j = i + 1; j < n; j++)
        {
            dpair_set(p, A + i * d, A + j * d, d);
            r += df(p);
        }
    }
    return r;
}

double
rc_d_loss(const double * W, long n, const double * V, long k, long d)
{
    dpair p;
    double r;
    long i, j;
    dpair_init(&p, d);
    r = self_and_cross(W, n, d, &p) + self_and_cross(V, k, d, &p);
    for (i = 0; i < n; i++)
        for (j = 0; j < k; j++)
        {
            dpair_set(&p, W + i * d, V + j * d, d);
            r -= df(&p);
        }
    dpair_clear(&p);
    return r;
}

void
rc_d_gradient(double * G, const double * W, long n, const double * V, long k,
              long d)
{
    dpair p;
    long i, j;
    dpair_init(&p, d);
    for (i = 0; i < n * d; i++)
        G[i] = W[i] / 2;
    for (i = 0; i < n; i++)
    {
        for (j = i + 1; j < n; j++)
        {
            dpair_set(&p, W + i * d, W + j * d, d);
            if (p.nw > 0)
                dg_add(G + i * d, &p, W + j * d, d, 1);
            dpair_swap(&p);
            if (p.nw > 0)
                dg_add(G + j * d, &p, W + i * d, d, 1);
        }
        for (j = 0; j < k; j++)
        {
            dpair_set(&p, W + i * d, V + j * d, d);
            if (p.nw > 0)
                dg_add(G + i * d, &p, V + j * d, d, -1);
        }
    }
    dpair_clear(&p);
}

int
rc_d_hessian(double * H, const double * W, long n, const double * V, long k,
             long d)
{
    dpair p;
    long i, j, a, N = n * d;
    for (i = 0; i < n; i++)
    {
        double s = 0;
        for (a = 0; a < d; a++)
            s += W[i * d + a] * W[i * d + a];
        if (s == 0)
            return 1;
    }
    dpair_init(&p, d);
    memset(H, 0, sizeof(double) * N * N);
    for (i = 0; i < N; i++)
        H[i * N + i] = 0.5;
    for (i = 0; i < n; i++)
    {
        for (j = i + 1; j < n; j++)
        {
            dpair_set(&p, W + i * d, W + j * d, d);
            dh1_add(H + (i * d) * N + i * d, N, &p, d, 1);
            dh2_add(H + (i * d) * N + j * d, N, &p, d);
            dpair_swap(&p);
            dh1_add(H + (j * d) * N + j * d, N, &p, d, 1);
            dh2_add(H + (j * d) * N + i * d, N, &p, d);
        }
        for (j = 0; j < k; j++)
        {
            dpair_set(&p, W + i * d, V + j * d, d);
            dh1_add(H + (i * d) * N + i * d, N, &p, d, -1);
        }
    }
    dpair_clear(&p);
    return 0;
}
