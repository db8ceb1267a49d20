/* Binary64 intervals (di.h): the run-time check of the fast path's
   assumptions, the conversions to and from balls, and the constants. */
#include <fenv.h>
#include "relucert/di.h"
#include "relucert/di_arb.h"

/* the bits of a double, read without an arithmetic instruction (under
   denormals-are-zero a comparison would read a subnormal as 0) */
static uint64_t
bits(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

const char *
rc_di_env_problem(void)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    /* volatile: computed at run time, in this thread's environment */
    volatile double one = 1.0, h = 0x1p-53, h3 = 0x1.8p-52;
    volatile double a = 0x1p-530, b = 0x1p-500, s = 0x1p-1070, big = 0x1p60;
    double r;

    if (fegetround() != FE_TONEAREST)
        return "the rounding mode is not to nearest";
    /* ties to even: 1 + 2^-53 rounds to 1, 1 + 3 2^-53 to 1 + 2^-51 (a
       directed rounding mode or extended precision gets one of them
       wrong) */
    if (!(one + h == 1.0 && one + h3 == 1.0 + 0x1p-51))
        return "binary64 sums do not round to nearest with ties to even";
    /* flush-to-zero: 2^-530 2^-500 = 2^-1030 is subnormal and exact */
    r = a * b;
    if (bits(r) != (uint64_t) 1 << 44)
        return "flush-to-zero is on (a subnormal product came out 0): a -ffast-math "
               "object in this process?";
    /* denormals-are-zero: 2^-1070 read as an operand; the product 2^-1010
       is normal, so flush-to-zero alone cannot change it */
    r = s * big;
    if (bits(r) != (uint64_t) 13 << 52)   /* 2^-1010: biased exponent 13 */
        return "denormals-are-zero is on (a subnormal operand read as 0): a -ffast-math "
               "object in this process?";
    /* a subnormal sum (both on the output side and the input side) */
    r = s + s;
    if (bits(r) != (uint64_t) 1 << 5)
        return "subnormal sums are not exact (flush-to-zero or denormals-are-zero)";
    return NULL;
#else
    return "binary64 is evaluated with excess precision (FLT_EVAL_METHOD != 0)";
#endif
}

int
rc_di_usable(void)
{
    return rc_di_env_problem() == NULL;
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
