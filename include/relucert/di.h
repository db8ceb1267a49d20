/* relucert: intervals of binary64 numbers with a proven rounding bound, the
   floating-point fast path of the certifiers.

   An rc_di_t x = [lo, hi] stands for every real in lo <= . <= hi. Each
   operation returns an interval that contains the exact result of the
   operation on every pair of reals in its arguments (the inclusion
   property), or the invalid interval [NaN, NaN] when it cannot (overflow,
   a division by an interval that contains 0, a NaN argument). An invalid
   argument always gives an invalid result, so one test at the end
   (rc_di_is_valid) tells whether a whole computation is an enclosure.

   Why the bounds are proven. IEEE 754 binary64 arithmetic in
   round-to-nearest returns for + - * / and sqrt the representable number
   nearest to the exact result: the error is at most half the spacing of
   the representable numbers around the result, so the exact result lies
   strictly between the neighbours of the computed one. rc_di_down and
   rc_di_up step to those neighbours (by the bit pattern, subnormals
   included), and every operation below applies them to its computed end
   points: one correctly rounded operation, one outward step. The
   assumptions are checked where they can be: FLT_EVAL_METHOD == 0 (no
   excess precision, which would round twice) and IEEE semantics (no
   -ffast-math, -Ofast, -funsafe-math-optimizations, -ffinite-math-only:
   the #error below; configure refuses them too) at compile time; at run
   time (rc_di_usable), by operations whose results reveal them, the
   rounding mode (to nearest, ties to even), and gradual underflow: a
   subnormal product must come out nonzero and exact (flush-to-zero off)
   and a subnormal operand must not read as zero (denormals-are-zero off).
   Both are per-thread state that any loaded object built with -ffast-math
   switches on (crtfastmath.o: a Python session is the common case), so
   the check is made each time, in the thread that computes. Fused
   multiply-add contraction is off (C11 mode in GCC, the pragma below in
   clang), and no expression here combines two operations before the
   outward step anyway. Callers fall back to ball arithmetic when
   rc_di_usable() is 0 (rc_di_env_problem says why). */
#ifndef RELUCERT_DI_H
#define RELUCERT_DI_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__FAST_MATH__) || (defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__) \
    || defined(__ASSOCIATIVE_MATH__) || defined(__RECIPROCAL_MATH__)
#error "relucert: the binary64 proofs need IEEE 754 arithmetic: build without -ffast-math, -Ofast, -funsafe-math-optimizations, -ffinite-math-only, -fassociative-math, -freciprocal-math"
#endif

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    double lo, hi;
}
rc_di_t;

/* the operations are a few instructions each: inlined into the loops */
#if defined(__GNUC__)
#define RC_DI_INLINE static inline __attribute__((always_inline))
#else
#define RC_DI_INLINE static inline
#endif


/* 1 if the fast path's assumptions hold here, in the calling thread
   (binary64 evaluation without excess precision, rounding to nearest with
   ties to even, no flush-to-zero, no denormals-are-zero), else 0: use
   ball arithmetic. A few volatile operations: cheap enough to call before
   every use. */
int rc_di_usable(void);

/* NULL if rc_di_usable() is 1; else a static phrase saying which
   assumption fails ("flush-to-zero is on: a subnormal product came out
   0"), for the line that says why a run fell back to ball arithmetic. */
const char * rc_di_env_problem(void);

/* The neighbour below x (x - one spacing) and above x; -DBL_TRUE_MIN and
   +DBL_TRUE_MIN for 0; NaN stays NaN. */
RC_DI_INLINE double
rc_di_down(double x)
{
    uint64_t b;
    if (x != x)
        return x;
    if (x == 0)
        return -4.9406564584124654e-324;
    memcpy(&b, &x, sizeof b);
    if (x > 0)
        b--;
    else if (x != -INFINITY)
        b++;
    memcpy(&x, &b, sizeof b);
    return x;
}

RC_DI_INLINE double
rc_di_up(double x)
{
    return -rc_di_down(-x);
}

RC_DI_INLINE rc_di_t
rc_di_invalid(void)
{
    rc_di_t r;
    r.lo = r.hi = NAN;
    return r;
}

/* [lo, hi] with the inclusion check: a result with a non-finite end (an
   overflow, or NaN) is made invalid */
RC_DI_INLINE rc_di_t
rc_di_make(double lo, double hi)
{
    rc_di_t r;
    if (!(lo >= -DBL_MAX && hi <= DBL_MAX && lo <= hi))
        return rc_di_invalid();
    r.lo = lo;
    r.hi = hi;
    return r;
}

/* 1 if x is a (finite) enclosure, 0 if invalid */
RC_DI_INLINE int
rc_di_is_valid(rc_di_t x)
{
    return x.lo == x.lo;
}

/* the exact number x (a double) */
RC_DI_INLINE rc_di_t
rc_di_pt(double x)
{
    return rc_di_make(x, x);
}

RC_DI_INLINE rc_di_t
rc_di_add(rc_di_t x, rc_di_t y)
{
    return rc_di_make(rc_di_down(x.lo + y.lo), rc_di_up(x.hi + y.hi));
}

RC_DI_INLINE rc_di_t
rc_di_sub(rc_di_t x, rc_di_t y)
{
    return rc_di_make(rc_di_down(x.lo - y.hi), rc_di_up(x.hi - y.lo));
}

RC_DI_INLINE rc_di_t
rc_di_neg(rc_di_t x)
{
    rc_di_t r;
    r.lo = -x.hi;
    r.hi = -x.lo;
    return r;
}

/* x * 2^e, e small (|e| <= 64) so that no overflow or underflow is
   possible for the magnitudes used here; stepped outward all the same */
RC_DI_INLINE rc_di_t
rc_di_mul_2exp(rc_di_t x, int e)
{
    double t = ldexp(1.0, e);          /* exact; folded for a constant e */
    return rc_di_make(rc_di_down(x.lo * t), rc_di_up(x.hi * t));
}

RC_DI_INLINE rc_di_t
rc_di_mul(rc_di_t x, rc_di_t y)
{
    double a, b, c, d, lo, hi;

    /* sign cases: the two corners that give the ends (a finite interval
       never yields NaN here); NaN ends fall through to the general case */
    if (x.lo >= 0)
    {
        if (y.lo >= 0)
            return rc_di_make(rc_di_down(x.lo * y.lo), rc_di_up(x.hi * y.hi));
        if (y.hi <= 0)
            return rc_di_make(rc_di_down(x.hi * y.lo), rc_di_up(x.lo * y.hi));
        if (y.lo == y.lo && y.hi == y.hi)
            return rc_di_make(rc_di_down(x.hi * y.lo), rc_di_up(x.hi * y.hi));
    }
    else if (x.hi <= 0)
    {
        if (y.lo >= 0)
            return rc_di_make(rc_di_down(x.lo * y.hi), rc_di_up(x.hi * y.lo));
        if (y.hi <= 0)
            return rc_di_make(rc_di_down(x.hi * y.hi), rc_di_up(x.lo * y.lo));
        if (y.lo == y.lo && y.hi == y.hi)
            return rc_di_make(rc_di_down(x.lo * y.hi), rc_di_up(x.lo * y.lo));
    }
    a = x.lo * y.lo; b = x.lo * y.hi; c = x.hi * y.lo; d = x.hi * y.hi;
    if (!(a == a && b == b && c == c && d == d))
        return rc_di_invalid();
    lo = hi = a;
    if (b < lo) lo = b;
    if (c < lo) lo = c;
    if (d < lo) lo = d;
    if (b > hi) hi = b;
    if (c > hi) hi = c;
    if (d > hi) hi = d;
    return rc_di_make(rc_di_down(lo), rc_di_up(hi));
}

/* x^2 (tighter than x * x when x contains 0) */
RC_DI_INLINE rc_di_t
rc_di_sqr(rc_di_t x)
{
    double a = x.lo * x.lo, b = x.hi * x.hi;
    if (x.lo >= 0)
        return rc_di_make(rc_di_down(a), rc_di_up(b));
    if (x.hi <= 0)
        return rc_di_make(rc_di_down(b), rc_di_up(a));
    if (!(x.lo == x.lo && x.hi == x.hi))
        return rc_di_invalid();
    return rc_di_make(0, rc_di_up(a > b ? a : b));
}

/* x / y; invalid if y may contain 0. By the signs, the two corners that
   give the ends (a NaN end of x gives a NaN end, which rc_di_make
   rejects) */
RC_DI_INLINE rc_di_t
rc_di_div(rc_di_t x, rc_di_t y)
{
    if (y.lo > 0)
    {
        if (x.lo >= 0)
            return rc_di_make(rc_di_down(x.lo / y.hi), rc_di_up(x.hi / y.lo));
        if (x.hi <= 0)
            return rc_di_make(rc_di_down(x.lo / y.lo), rc_di_up(x.hi / y.hi));
        return rc_di_make(rc_di_down(x.lo / y.lo), rc_di_up(x.hi / y.lo));
    }
    if (y.hi < 0)
    {
        if (x.lo >= 0)
            return rc_di_make(rc_di_down(x.hi / y.hi), rc_di_up(x.lo / y.lo));
        if (x.hi <= 0)
            return rc_di_make(rc_di_down(x.hi / y.lo), rc_di_up(x.lo / y.hi));
        return rc_di_make(rc_di_down(x.hi / y.hi), rc_di_up(x.lo / y.hi));
    }
    return rc_di_invalid();
}

/* sqrt of the nonnegative part of x (for quantities nonnegative by
   construction, like Arb's arb_sqrtpos); invalid if x < 0 entirely */
RC_DI_INLINE rc_di_t
rc_di_sqrtpos(rc_di_t x)
{
    double lo;
    if (!(x.hi >= 0))
        return rc_di_invalid();
    lo = x.lo > 0 ? rc_di_down(sqrt(x.lo)) : 0;
    return rc_di_make(lo > 0 ? lo : 0, rc_di_up(sqrt(x.hi)));
}

/* the hull of x and y */
RC_DI_INLINE rc_di_t
rc_di_union(rc_di_t x, rc_di_t y)
{
    if (!rc_di_is_valid(x) || !rc_di_is_valid(y))
        return rc_di_invalid();
    return rc_di_make(x.lo < y.lo ? x.lo : y.lo, x.hi > y.hi ? x.hi : y.hi);
}

/* 1 if every element of x is > 0 (0 for an invalid x) */
RC_DI_INLINE int
rc_di_is_positive(rc_di_t x)
{
    return x.lo > 0;
}

/* Constants and the atan table of rc_di_atan, computed in ball arithmetic
   and rounded outward. */
typedef struct
{
    rc_di_t pi, pi_2, inv_2pi, inv_pi;
    rc_di_t atan_j16[18];       /* atan(j / 16), j = 0..17 */
    rc_di_t inv_odd[9];         /* 1 / (2 i + 1), i = 0..8 */
}
rc_di_consts_struct;
typedef rc_di_consts_struct rc_di_consts_t[1];

void rc_di_consts_init(rc_di_consts_t c);

/* atan over the interval x: [atan(x.lo), atan(x.hi)] enclosed (atan is
   increasing). Invalid only for an invalid x. The argument is reduced to
   [0, 1] (atan(x) = pi/2 - atan(1/x), odd symmetry), then around j/16:
   atan(x) = atan(j/16) + atan(r), r = (x - j/16)/(1 + x j/16), |r| <= 1/16,
   and atan(r) by its alternating Taylor series to r^15 with the remainder
   bound |r|^17/17 <= |r| 2^-64 / 17 (proofs/lemmas.md, L11). */
rc_di_t rc_di_atan(rc_di_t x, const rc_di_consts_t c);

/* atan(z)/z for z > 0 (phi, decreasing from phi(0) = 1) over the interval
   z: [phi(z.hi), phi(z.lo)] enclosed, phi(z.lo) replaced by 1 when
   z.lo <= 0. */
rc_di_t rc_di_atan_over(rc_di_t z, const rc_di_consts_t c);

/* acos c for c inside (-1, 1), given s = sqrt(1 - c^2) > 0 enclosed:
   pi/2 - atan(c / s). Invalid if s may be 0. */
rc_di_t rc_di_acos_cs(rc_di_t c, rc_di_t s, const rc_di_consts_t k);

#ifdef __cplusplus
}
#endif

#endif
