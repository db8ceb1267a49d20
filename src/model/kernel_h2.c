/* The Hessian kernel h2(w, v) = d g(w, v) / d v (off-diagonal blocks). */
#include "relucert/pair.h"

void
rc_kernel_h2_add(arb_mat_t H, slong r0, slong c0, const rc_pair_t p,
                 int sign, slong prec)
{
    arb_t inv, diag, q, r;
    slong a, b, d = p->d;

    arb_init(inv); arb_init(diag); arb_init(q); arb_init(r);

    /* inv = +-1 / (2 pi), diag = pi - t */
    arb_const_pi(diag, prec);
    arb_mul_2exp_si(q, diag, 1);
    arb_inv(inv, q, prec);
    if (sign < 0)
        arb_neg(inv, inv);
    arb_sub(diag, diag, p->t, prec);

    /* ((pi - t) I + m_vw n_wv^T + s wb vb^T) / (2 pi) */
    for (a = 0; a < d; a++)
        for (b = 0; b < d; b++)
        {
            arb_mul(r, p->m_vw + a, p->n_wv + b, prec);
            arb_mul(q, p->wb + a, p->vb + b, prec);
            arb_addmul(r, p->s, q, prec);
            if (a == b)
                arb_add(r, r, diag, prec);
            arb_addmul(arb_mat_entry(H, r0 + a, c0 + b), inv, r, prec);
        }

    arb_clear(inv); arb_clear(diag); arb_clear(q); arb_clear(r);
}

void
rc_kernel_h2_form_add2(arb_t res, const rc_pair_t p, arb_srcptr x, arb_srcptr y,
                       const arb_t pi, slong prec)
{
    slong d = p->d;
    arb_t a, t, u;

    arb_init(a); arb_init(t); arb_init(u);
    /* 2 x^T h2 y = ((pi - t)(x.y) + (m_vw.x)(n_wv.y) + s (wb.x)(vb.y)) / pi */
    arb_sub(a, pi, p->t, prec);
    arb_dot(t, NULL, 0, x, 1, y, 1, d, prec);
    arb_mul(a, a, t, prec);
    arb_dot(t, NULL, 0, p->m_vw, 1, x, 1, d, prec);
    arb_dot(u, NULL, 0, p->n_wv, 1, y, 1, d, prec);
    arb_addmul(a, t, u, prec);
    arb_dot(t, NULL, 0, p->wb, 1, x, 1, d, prec);
    arb_dot(u, NULL, 0, p->vb, 1, y, 1, d, prec);
    arb_mul(t, t, u, prec);
    arb_addmul(a, t, p->s, prec);
    arb_div(a, a, pi, prec);
    arb_add(res, res, a, prec);
    arb_clear(a); arb_clear(t); arb_clear(u);
}
