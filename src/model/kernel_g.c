/* The gradient kernel g(w, v) = d f(w, v) / d w. */
#include "relucert/pair.h"

void
rc_kernel_g_add(arb_ptr res, const rc_pair_t p, arb_srcptr v, int sign,
                slong prec)
{
    arb_t pi2, a, b, q;
    slong i;

    arb_init(pi2); arb_init(a); arb_init(b); arb_init(q);
    arb_const_pi(pi2, prec);
    arb_mul_2exp_si(pi2, pi2, 1);

    /* (|v| s wb + (pi - t) v) / (2 pi) = a wb + b v */
    arb_mul(a, p->nv, p->s, prec);
    arb_div(a, a, pi2, prec);
    arb_mul_2exp_si(b, pi2, -1);
    arb_sub(b, b, p->t, prec);
    arb_div(b, b, pi2, prec);
    if (sign < 0)
    {
        arb_neg(a, a);
        arb_neg(b, b);
    }
    for (i = 0; i < p->d; i++)
    {
        arb_addmul(res + i, a, p->wb + i, prec);
        arb_addmul(res + i, b, v + i, prec);
    }
    arb_clear(pi2); arb_clear(a); arb_clear(b); arb_clear(q);
}
