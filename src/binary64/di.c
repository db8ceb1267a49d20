/* Binary64 intervals (di.h): the run-time check of the fast path's
   assumptions, the conversions to and from balls, and the constants. */
#include <fenv.h>
#include "relucert/di.h"
#include "relucert/di_arb.h"

int
rc_di_usable(void)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    /* ties to even: 1 + 2^-53 rounds to 1, 1 + 3 2^-53 to 1 + 2^-51 (a
       directed rounding mode or extended precision gets one of them
       wrong) */
    volatile double one = 1.0, h = 0x1p-53, h3 = 0x1.8p-52;
    return fegetround() == FE_TONEAREST && one + h == 1.0 && one + h3 == 1.0 + 0x1p-51;
#else
    return 0;
#endif
}

rc_di_t
rc_di_set_arb(const arb_t x)
{
    arf_t t;
    double lo, hi;

    if (!arb_is_finite(x))
        return rc_di_invalid();
    arf_init(t);
    arb_get_lbound_arf(t, x, 64);
    lo = arf_get_d(t, ARF_RND_FLOOR);
    arb_get_ubound_arf(t, x, 64);
    hi = arf_get_d(t, ARF_RND_CEIL);
    arf_clear(t);
    return rc_di_make(lo, hi);
}

rc_di_t
rc_di_set_fmpq(const fmpq_t x)
{
    arb_t t;
    rc_di_t r;

    arb_init(t);
    arb_set_fmpq(t, x, 64);
    r = rc_di_set_arb(t);
    arb_clear(t);
    return r;
}

void
rc_di_get_arb(arb_t r, rc_di_t x)
{
    arf_t a, b;

    if (!rc_di_is_valid(x))
    {
        arb_indeterminate(r);
        return;
    }
    arf_init(a);
    arf_init(b);
    arf_set_d(a, x.lo);
    arf_set_d(b, x.hi);
    arb_set_interval_arf(r, a, b, 128);
    arf_clear(a);
    arf_clear(b);
}

void
rc_di_consts_init(rc_di_consts_t c)
{
    arb_t x;
    slong j;

    arb_init(x);
    arb_const_pi(x, 128);
    c->pi = rc_di_set_arb(x);
    arb_mul_2exp_si(x, x, -1);
    c->pi_2 = rc_di_set_arb(x);
    arb_mul_2exp_si(x, x, 2);
    arb_inv(x, x, 128);
    c->inv_2pi = rc_di_set_arb(x);
    arb_const_pi(x, 128);
    arb_inv(x, x, 128);
    c->inv_pi = rc_di_set_arb(x);
    for (j = 0; j < 18; j++)
    {
        arb_set_si(x, j);
        arb_mul_2exp_si(x, x, -4);
        arb_atan(x, x, 128);
        c->atan_j16[j] = rc_di_set_arb(x);
    }
    for (j = 0; j < 9; j++)
    {
        arb_set_si(x, 2 * j + 1);
        arb_inv(x, x, 128);
        c->inv_odd[j] = rc_di_set_arb(x);
    }
    arb_clear(x);
}
