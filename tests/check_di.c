/* Binary64 intervals (di.h): every operation contains the exact result
   computed in Arb, is at most one step wide on each side for exact
   arguments, and is invalid (never a wrong interval) on overflow, division
   by an interval containing 0 and NaN; atan, atan(z)/z and acos contain
   Arb's values everywhere, including the worst reduced arguments. */
#include <float.h>
#include <math.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#endif
#include "testutil.h"
#include "relucert/di_arb.h"

/* a = a + x (x a double; exact at 200 bits for the doubles used here) */
static void
add_d(arb_t a, double x)
{
    arb_t t;
    arb_init(t);
    arb_set_d(t, x);
    arb_add(a, a, t, 2200);
    arb_clear(t);
}

/* a = lo + (hi - lo) u / 2^e, exactly */
static void
interior(arb_t a, double lo, double hi, slong u, int e)
{
    arb_set_d(a, hi - lo);
    arb_mul_si(a, a, u, 200);
    arb_mul_2exp_si(a, a, -e);
    add_d(a, lo);
}

/* x contains the exact value e (a ball) */
static int
di_contains(rc_di_t x, const arb_t e)
{
    arb_t b;
    int r;
    arb_init(b);
    rc_di_get_arb(b, x);
    r = rc_di_is_valid(x) && arb_contains(b, e);
    arb_clear(b);
    return r;
}

/* a double from the test's table of awkward magnitudes, with sign */
static double
awkward(slong i)
{
    static const double v[] = {0.0, 1.0, 0.1, 1.0 / 3, 0.5 + 0x1p-52, 1.5, 7.0, 1e-300, 0x1p-1074,
                               0x1p-1022, 3e-310, 1e300, 0x1.fffffffffffffp+1023 / 4, 123456.789,
                               0x1.6a09e667f3bcdp+0, 2.0 / 3};
    slong n = sizeof v / sizeof v[0];
    return (i / n) % 2 ? -v[i % n] : v[i % n];
}

START_TEST(test_usable)
{
    /* the machines relucert is built on: if this fails, the fast path
       would silently never run here */
    ck_assert(rc_di_usable());
}
END_TEST

/* flush-to-zero and denormals-are-zero (as after loading a -ffast-math
   object) make the fast path unusable, each on its own, and the reason is
   named; restored, it is usable again. x86 only (MXCSR). */
START_TEST(test_env_ftz_daz)
{
#if defined(__x86_64__) || defined(__i386__)
    unsigned int csr = _mm_getcsr();
    const char * why;
    /* volatile: read after each change of MXCSR, neither folded nor shared
       between the two products (the compiler does not see MXCSR) */
    volatile double x = 0x1p-530, y = 0x1p-500;

    ck_assert(rc_di_usable() && rc_di_env_problem() == NULL);
    /* the failure the check exists for: the product misses 2^-1030 */
    _mm_setcsr(csr | 0x8040);
    {
        rc_di_t p = rc_di_mul(rc_di_pt(x), rc_di_pt(y));
        volatile double lo = p.lo, hi = p.hi;
        _mm_setcsr(csr);
        ck_assert(!(lo <= 0x1p-1030 && 0x1p-1030 <= hi));
    }
    _mm_setcsr(csr | 0x8000);           /* FTZ alone */
    why = rc_di_env_problem();
    ck_assert(!rc_di_usable());
    _mm_setcsr(csr);
    ck_assert(why != NULL && strstr(why, "flush-to-zero") != NULL);
    _mm_setcsr(csr | 0x0040);           /* DAZ alone */
    why = rc_di_env_problem();
    ck_assert(!rc_di_usable());
    _mm_setcsr(csr);
    ck_assert(why != NULL && strstr(why, "denormals-are-zero") != NULL);
    _mm_setcsr(csr | 0x8040);           /* both */
    ck_assert(!rc_di_usable());
    _mm_setcsr(csr);
    ck_assert(rc_di_usable());
    {
        rc_di_t p = rc_di_mul(rc_di_pt(x), rc_di_pt(y));
        ck_assert(p.lo <= 0x1p-1030 && 0x1p-1030 <= p.hi && rc_di_is_positive(p));
    }
#endif
}
END_TEST

START_TEST(test_steps)
{
    ck_assert(rc_di_down(1.0) == 1.0 - 0x1p-53);
    ck_assert(rc_di_up(1.0) == 1.0 + 0x1p-52);
    ck_assert(rc_di_down(-1.0) == -1.0 - 0x1p-52);
    ck_assert(rc_di_up(-1.0) == -1.0 + 0x1p-53);
    ck_assert(rc_di_down(0.0) == -0x1p-1074);
    ck_assert(rc_di_up(0.0) == 0x1p-1074);
    ck_assert(rc_di_down(0x1p-1074) == 0.0);
    ck_assert(rc_di_up(DBL_MAX) == INFINITY);
    ck_assert(rc_di_down(INFINITY) == DBL_MAX);
    ck_assert(isnan(rc_di_down(NAN)) && isnan(rc_di_up(NAN)));
}
END_TEST

/* + - * / sqr sqrt on exact arguments (all pairs of awkward doubles):
   contain Arb's exact result; one step on each side of the rounded result
   (so hi is the second neighbour above lo) unless invalid, and invalid
   only where the result overflows or the divisor is 0 */
START_TEST(test_ops_exact_args)
{
    slong i, j, op;
    arb_t a, b, e;
    arb_init(a); arb_init(b); arb_init(e);
    for (i = 0; i < 32; i++)
        for (j = 0; j < 32; j++)
            for (op = 0; op < 6; op++)
            {
                double x = awkward(i), y = awkward(j);
                rc_di_t X = rc_di_pt(x), Y = rc_di_pt(y), r;
                arb_set_d(a, x);
                arb_set_d(b, y);
                switch (op)
                {
                    case 0: r = rc_di_add(X, Y); arb_add(e, a, b, 4000); break;
                    case 1: r = rc_di_sub(X, Y); arb_sub(e, a, b, 4000); break;
                    case 2: r = rc_di_mul(X, Y); arb_mul(e, a, b, 4000); break;
                    case 3: r = rc_di_div(X, Y); arb_div(e, a, b, 200); break;
                    case 4: r = rc_di_sqr(X); arb_sqr(e, a, 4000); break;
                    default: r = rc_di_sqrtpos(X); arb_sqrtpos(e, a, 200); break;
                }
                if (!rc_di_is_valid(r))
                {
                    /* overflow, 0 divisor or the square root of a negative */
                    int why = (op == 3 && y == 0) || (op == 5 && x < 0)
                              || arf_cmpabs_2exp_si(arb_midref(e), 1023) >= 0;
                    ck_assert_msg(why, "op %ld on %a, %a: invalid for no reason", op, x, y);
                    continue;
                }
                ck_assert_msg(di_contains(r, e), "op %ld on %a, %a: [%a, %a]", op, x, y, r.lo, r.hi);
                ck_assert_msg(r.hi <= rc_di_up(rc_di_up(r.lo)),
                              "op %ld on %a, %a: wider than two steps", op, x, y);
            }
    arb_clear(a); arb_clear(b); arb_clear(e);
}
END_TEST

/* interval arguments: the result contains op(x, y) for x, y at the ends and
   inside the arguments (monotonicity and sign cases of * and /) */
START_TEST(test_ops_intervals)
{
    flint_rand_t st;
    slong t, u, v;
    arb_t a, b, e;
    flint_randinit(st);
    arb_init(a); arb_init(b); arb_init(e);
    for (t = 0; t < 2000; t++)
    {
        double x0 = ldexp((double) n_randint(st, 1 << 20) - (1 << 19), -(slong) n_randint(st, 30));
        double x1 = x0 + ldexp((double) n_randint(st, 1 << 20), -(slong) n_randint(st, 30));
        double y0 = ldexp((double) n_randint(st, 1 << 20) - (1 << 19), -(slong) n_randint(st, 30));
        double y1 = y0 + ldexp((double) n_randint(st, 1 << 20), -(slong) n_randint(st, 30));
        rc_di_t X = rc_di_make(x0, x1), Y = rc_di_make(y0, y1), r[5];
        r[0] = rc_di_add(X, Y);
        r[1] = rc_di_sub(X, Y);
        r[2] = rc_di_mul(X, Y);
        r[3] = rc_di_div(X, Y);
        r[4] = rc_di_sqr(X);
        ck_assert(rc_di_is_valid(r[3]) == (y0 > 0 || y1 < 0));
        for (u = 0; u <= 4; u++)
            for (v = 0; v <= 4; v++)
            {
                /* x0 + (x1 - x0) u/4 and likewise y: exact in Arb */
                interior(a, x0, x1, u, 2);
                interior(b, y0, y1, v, 2);
                arb_add(e, a, b, 200); ck_assert(di_contains(r[0], e));
                arb_sub(e, a, b, 200); ck_assert(di_contains(r[1], e));
                arb_mul(e, a, b, 200); ck_assert(di_contains(r[2], e));
                if (rc_di_is_valid(r[3]))
                {
                    arb_div(e, a, b, 200);
                    ck_assert(di_contains(r[3], e));
                }
                arb_sqr(e, a, 200); ck_assert(di_contains(r[4], e));
            }
    }
    flint_randclear(st);
    arb_clear(a); arb_clear(b); arb_clear(e);
}
END_TEST

/* invalid in, invalid out; overflow and 0 divisors give invalid, never a
   finite wrong interval */
START_TEST(test_invalid)
{
    rc_di_t bad = rc_di_invalid(), one = rc_di_pt(1), big = rc_di_pt(DBL_MAX);
    rc_di_consts_t c;
    rc_di_consts_init(c);
    ck_assert(!rc_di_is_valid(rc_di_add(bad, one)));
    ck_assert(!rc_di_is_valid(rc_di_sub(one, bad)));
    ck_assert(!rc_di_is_valid(rc_di_mul(bad, one)));
    ck_assert(!rc_di_is_valid(rc_di_mul(one, bad)));
    ck_assert(!rc_di_is_valid(rc_di_div(bad, one)));
    ck_assert(!rc_di_is_valid(rc_di_div(one, bad)));
    ck_assert(!rc_di_is_valid(rc_di_sqr(bad)));
    ck_assert(!rc_di_is_valid(rc_di_sqrtpos(bad)));
    ck_assert(!rc_di_is_valid(rc_di_union(bad, one)));
    ck_assert(!rc_di_is_valid(rc_di_atan(bad, c)));
    ck_assert(!rc_di_is_valid(rc_di_atan_over(bad, c)));
    ck_assert(!rc_di_is_valid(rc_di_add(big, big)));
    ck_assert(!rc_di_is_valid(rc_di_mul(big, rc_di_pt(2))));
    ck_assert(!rc_di_is_valid(rc_di_div(one, rc_di_make(-1, 1))));
    ck_assert(!rc_di_is_valid(rc_di_div(one, rc_di_make(0, 1))));
    ck_assert(!rc_di_is_valid(rc_di_div(big, rc_di_pt(0x1p-10))));
    ck_assert(!rc_di_is_valid(rc_di_sqrtpos(rc_di_make(-2, -1))));
    ck_assert(!rc_di_is_valid(rc_di_make(NAN, 1)));
    ck_assert(!rc_di_is_valid(rc_di_make(2, 1)));
    ck_assert(!rc_di_is_valid(rc_di_make(-INFINITY, 1)));
    /* 0 times anything finite is 0, with no NaN from the corners */
    ck_assert(rc_di_is_valid(rc_di_mul(rc_di_pt(0), big)));
}
END_TEST

/* atan of a point: contains Arb's atan, about one unit of the last place
   wide; the points include the worst reduced arguments (j/16 +- 1/32,
   where |r| is largest) */
START_TEST(test_atan_points)
{
    rc_di_consts_t c;
    arb_t a, e;
    slong i, j;
    rc_di_consts_init(c);
    arb_init(a); arb_init(e);
    for (i = 0; i < 400; i++)
    {
        double x;
        rc_di_t r;
        if (i < 32)
            x = awkward(i);
        else if (i < 32 + 2 * 36)
        {
            j = (i - 32) / 2;
            x = j / 16.0 + ((i % 2) ? 1 : -1) * (1 / 32.0 - 0x1p-40);
            if (j >= 18)
                x = 1 / x;        /* the same reduced arguments through 1/x */
        }
        else
            x = ldexp(1.0 + (i % 7) / 7.0, (int) (i % 61) - 30) * ((i % 2) ? -1 : 1);
        r = rc_di_atan(rc_di_pt(x), c);
        arb_set_d(a, x);
        arb_atan(e, a, 200);
        ck_assert_msg(di_contains(r, e), "atan(%a): [%a, %a]", x, r.lo, r.hi);
        ck_assert_msg(r.hi - r.lo <= 1e-14 * fabs(r.hi) + 1e-300, "atan(%a) too wide: [%a, %a]", x,
                      r.lo, r.hi);
    }
    arb_clear(a); arb_clear(e);
}
END_TEST

/* atan over intervals (narrow, wide, across 0 and 1), atan(z)/z and acos:
   contain Arb's values at the ends and inside */
START_TEST(test_atan_intervals)
{
    rc_di_consts_t c;
    arb_t a, e, t;
    slong i, u;
    static const double ends[][2] = {{0, 0.001}, {0.3, 0.30000001}, {0.9, 1.2}, {-0.5, 0.25},
                                     {1e-9, 3e5}, {-7, -6.5}, {0.99999, 1.00001}, {2, 1e200},
                                     {0, 0}, {1e-300, 1e-299}};
    rc_di_consts_init(c);
    arb_init(a); arb_init(e); arb_init(t);
    for (i = 0; i < 10; i++)
    {
        rc_di_t X = rc_di_make(ends[i][0], ends[i][1]), r = rc_di_atan(X, c), p, q;
        p = rc_di_atan_over(X, c);
        ck_assert(rc_di_is_valid(r) && rc_di_is_valid(p));
        ck_assert(p.hi <= 1 && p.lo >= 0);
        for (u = 0; u <= 8; u++)
        {
            interior(a, ends[i][0], ends[i][1], u, 3);
            arb_atan(e, a, 200);
            ck_assert_msg(di_contains(r, e), "atan over %ld, point %ld", i, u);
            if (!arb_is_zero(a))
            {
                arb_div(e, e, a, 200);             /* atan(z)/z */
                ck_assert_msg(di_contains(p, e), "phi over %ld, point %ld", i, u);
            }
        }
        if (ends[i][0] == 0)
            ck_assert(p.hi == 1);
        /* acos of c in (-1, 1), s = sqrt(1 - c^2) */
        if (ends[i][1] < 1 && ends[i][0] > -1)
        {
            rc_di_t C = X, S = rc_di_sqrtpos(rc_di_sub(rc_di_pt(1), rc_di_sqr(C)));
            q = rc_di_acos_cs(C, S, c);
            for (u = 0; u <= 8; u++)
            {
                interior(a, ends[i][0], ends[i][1], u, 3);
                arb_acos(e, a, 200);
                ck_assert_msg(di_contains(q, e), "acos over %ld, point %ld", i, u);
            }
        }
    }
    /* the constants */
    arb_const_pi(t, 200);
    ck_assert(di_contains(c->pi, t));
    arb_set_si(a, 17);
    arb_mul_2exp_si(a, a, -4);
    arb_atan(e, a, 200);
    ck_assert(di_contains(c->atan_j16[17], e));
    arb_clear(a); arb_clear(e); arb_clear(t);
}
END_TEST

/* conversions: a ball's interval contains it; an interval's ball contains
   the interval; a rational's interval contains it */
START_TEST(test_conversions)
{
    arb_t x, y;
    fmpq_t q;
    rc_di_t r;
    arf_t lo, hi;
    arb_init(x); arb_init(y); fmpq_init(q); arf_init(lo); arf_init(hi);
    arb_const_pi(x, 300);
    r = rc_di_set_arb(x);
    ck_assert(di_contains(r, x));
    arb_indeterminate(x);
    ck_assert(!rc_di_is_valid(rc_di_set_arb(x)));
    arb_set_d(x, 1);
    arb_mul_2exp_si(x, x, 5000);
    ck_assert(!rc_di_is_valid(rc_di_set_arb(x)));
    fmpq_set_si(q, -1, 3);
    r = rc_di_set_fmpq(q);
    arb_set_fmpq(x, q, 300);
    ck_assert(di_contains(r, x));
    r = rc_di_make(-0.25, 0x1p-60);
    rc_di_get_arb(y, r);
    arf_set_d(lo, -0.25);
    arf_set_d(hi, 0x1p-60);
    arb_set_arf(x, lo);
    ck_assert(arb_contains(y, x));
    arb_set_arf(x, hi);
    ck_assert(arb_contains(y, x));
    rc_di_get_arb(y, rc_di_invalid());
    ck_assert(!arb_is_finite(y));
    arb_clear(x); arb_clear(y); fmpq_clear(q); arf_clear(lo); arf_clear(hi);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("di");
    TCase * tc = tcase_create("core");
    tcase_add_test(tc, test_usable);
    tcase_add_test(tc, test_env_ftz_daz);
    tcase_add_test(tc, test_steps);
    tcase_add_test(tc, test_ops_exact_args);
    tcase_add_test(tc, test_ops_intervals);
    tcase_add_test(tc, test_invalid);
    tcase_add_test(tc, test_atan_points);
    tcase_add_test(tc, test_atan_intervals);
    tcase_add_test(tc, test_conversions);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
