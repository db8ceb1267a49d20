/* The Hessian kernel h1(w, v) = d g(w, v) / d w (diagonal blocks). */
#include "relucert/pair.h"

void
rc_kernel_h1_add(arb_mat_t H, slong r0, slong c0, const rc_pair_t p,
                 int sign, slong prec)
{
    arb_t scale, q, r;
    slong a, b, d = p->d;

    arb_init(scale); arb_init(q); arb_init(r);

    /* scale = +-|v| / (2 pi |w|) */
    arb_const_pi(q, prec);
    arb_mul_2exp_si(q, q, 1);
    arb_mul(q, q, p->nw, prec);
    arb_div(scale, p->nv, q, prec);
    if (sign < 0)
        arb_neg(scale, scale);

    /* scale * (s (I - wb wb^T) + m_vw n_vw^T) */
    for (a = 0; a < d; a++)
        for (b = 0; b < d; b++)
        {
            arb_mul(q, p->wb + a, p->wb + b, prec);
            if (a == b)
                arb_sub_ui(q, q, 1, prec);
            arb_mul(r, p->m_vw + a, p->n_vw + b, prec);
            arb_submul(r, p->s, q, prec);
            arb_addmul(arb_mat_entry(H, r0 + a, c0 + b), scale, r, prec);
        }

    arb_clear(scale); arb_clear(q); arb_clear(r);
}

void
rc_kernel_h1_form_add(arb_t res, const rc_pair_t p, arb_srcptr y, const arb_t yy,
                      const arb_t pi, int sign, slong prec)
{
    slong d = p->d;
    arb_t a, b, c;

    arb_init(a); arb_init(b); arb_init(c);
    /* |v| (s (yy - (wb.y)^2) + (m_vw.y)(n_vw.y)) / (2 pi |w|) */
    arb_dot(a, NULL, 0, p->wb, 1, y, 1, d, prec);
    arb_sqr(a, a, prec);
    arb_sub(a, yy, a, prec);
    arb_mul(a, a, p->s, prec);
    arb_dot(b, NULL, 0, p->m_vw, 1, y, 1, d, prec);
    arb_dot(c, NULL, 0, p->n_vw, 1, y, 1, d, prec);
    arb_addmul(a, b, c, prec);
    arb_mul(a, a, p->nv, prec);
    arb_mul(c, pi, p->nw, prec);
    arb_mul_2exp_si(c, c, 1);
    arb_div(a, a, c, prec);
    if (sign > 0)
        arb_add(res, res, a, prec);
    else
        arb_sub(res, res, a, prec);
    arb_clear(a); arb_clear(b); arb_clear(c);
}
