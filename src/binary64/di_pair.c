/* The pair geometry in binary64 intervals (di_pair.h). */
#include <stdlib.h>
#include "di_pair.h"

static rc_di_t
clamp(rc_di_t x, double lo, double hi)
{
    if (!rc_di_is_valid(x) || x.hi < lo || x.lo > hi)
        return rc_di_invalid();
    if (x.lo < lo)
        x.lo = lo;
    if (x.hi > hi)
        x.hi = hi;
    return x;
}

int
rc_di_pair_init(rc_di_pair_t p, long d)
{
    p->d = d;
    p->wb = malloc(sizeof(rc_di_t) * 6 * (d > 0 ? d : 1));
    if (p->wb == NULL)
        return 1;
    p->vb = p->wb + d;
    p->m_vw = p->vb + d;
    p->m_wv = p->m_vw + d;
    p->n_vw = p->m_wv + d;
    p->n_wv = p->n_vw + d;
    return 0;
}

void
rc_di_pair_clear(rc_di_pair_t p)
{
    free(p->wb);
}

int
rc_di_unit(rc_di_t * wb, rc_di_t * nw, const rc_di_t * w, long d)
{
    rc_di_t s = rc_di_pt(0);
    long a;

    for (a = 0; a < d; a++)
        s = rc_di_add(s, rc_di_sqr(w[a]));
    *nw = rc_di_sqrtpos(s);
    if (!rc_di_is_positive(*nw))
        return 0;
    for (a = 0; a < d; a++)
    {
        wb[a] = clamp(rc_di_div(w[a], *nw), -1, 1);
        if (!rc_di_is_valid(wb[a]))
            return 0;
    }
    return 1;
}

int
rc_di_pair_set(rc_di_pair_t p, const rc_di_t * w, const rc_di_t * v,
               const rc_di_consts_t C)
{
    long a, d = p->d;
    rc_di_t dm = rc_di_pt(0), dp = rc_di_pt(0), A, B, q;

    if (!rc_di_unit(p->wb, &p->nw, w, d) || !rc_di_unit(p->vb, &p->nv, v, d))
        return 0;
    /* A = |wb - vb| = 2 sin(t/2), B = |wb + vb| = 2 cos(t/2) */
    for (a = 0; a < d; a++)
    {
        dm = rc_di_add(dm, rc_di_sqr(rc_di_sub(p->wb[a], p->vb[a])));
        dp = rc_di_add(dp, rc_di_sqr(rc_di_add(p->wb[a], p->vb[a])));
    }
    A = clamp(rc_di_sqrtpos(dm), 0, 2);
    B = clamp(rc_di_sqrtpos(dp), 0, 2);
    if (!rc_di_is_valid(A) || !rc_di_is_valid(B))
        return 0;
    /* t = 2 atan2(A, B), from whichever quotient is bounded */
    if (B.lo > 0)
        p->t = rc_di_mul_2exp(rc_di_atan(rc_di_div(A, B), C), 1);
    else if (A.lo > 0)
        p->t = rc_di_sub(C->pi, rc_di_mul_2exp(rc_di_atan(rc_di_div(B, A), C), 1));
    else
        p->t = rc_di_make(0, C->pi.hi);
    p->t = clamp(p->t, 0, C->pi.hi);
    /* s = sin t = A B / 2, c = cos t = (B^2 - A^2) / 4 */
    p->s = clamp(rc_di_mul_2exp(rc_di_mul(A, B), -1), 0, 1);
    p->c = clamp(rc_di_mul_2exp(rc_di_sub(rc_di_sqr(B), rc_di_sqr(A)), -2), -1, 1);
    if (!rc_di_is_valid(p->t) || !rc_di_is_valid(p->s) || !rc_di_is_valid(p->c))
        return 0;
    for (a = 0; a < d; a++)
    {
        p->m_vw[a] = rc_di_sub(p->vb[a], rc_di_mul(p->c, p->wb[a]));
        p->m_wv[a] = rc_di_sub(p->wb[a], rc_di_mul(p->c, p->vb[a]));
        if (p->s.lo > 0)
        {
            q = clamp(rc_di_div(p->m_vw[a], p->s), -1, 1);
            p->n_vw[a] = rc_di_is_valid(q) ? q : rc_di_make(-1, 1);
            q = clamp(rc_di_div(p->m_wv[a], p->s), -1, 1);
            p->n_wv[a] = rc_di_is_valid(q) ? q : rc_di_make(-1, 1);
        }
        else
            p->n_vw[a] = p->n_wv[a] = rc_di_make(-1, 1);
        if (!rc_di_is_valid(p->m_vw[a]) || !rc_di_is_valid(p->m_wv[a]))
            return 0;
    }
    return 1;
}
