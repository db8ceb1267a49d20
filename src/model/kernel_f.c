/* The pair kernel f(w, v) = E[[w.x]_+ [v.x]_+]. */
#include "relucert/pair.h"

void
rc_kernel_f(arb_t res, const rc_pair_t p, slong prec)
{
    arb_t pi, q;
    arb_init(pi);
    arb_init(q);
    arb_const_pi(pi, prec);

    /* (|w||v| s + (pi - t) w.v) / (2 pi) */
    arb_mul(q, p->nw, p->nv, prec);
    arb_mul(res, q, p->s, prec);
    arb_sub(q, pi, p->t, prec);
    arb_addmul(res, q, p->dot, prec);
    arb_div(res, res, pi, prec);
    arb_mul_2exp_si(res, res, -1);

    arb_clear(pi);
    arb_clear(q);
}
