/* atan, atan(z)/z and acos over binary64 intervals with a proven
   truncation bound (di.h; proofs/lemmas.md, L11). libm's atan is not used:
   its error bound is measured, not proven. */
#include "relucert/di.h"

/* atan over the interval r, |r| <= 1/16: the series
   sum_{i=0}^{7} (-1)^i r^(2i+1)/(2i+1) in interval arithmetic (an interval
   extension, so it encloses the polynomial over r), widened by the first
   omitted term's size |r|^17/17 <= |r| 2^-64/17 <= |r| 2^-68 (an
   alternating series whose terms decrease: the tail is at most its first
   term) */
static rc_di_t
atan_series(rc_di_t x, const rc_di_consts_t c)
{
    rc_di_t r2 = rc_di_sqr(x), p = c->inv_odd[7], e;
    double err, r = fabs(x.lo) > fabs(x.hi) ? fabs(x.lo) : fabs(x.hi);
    int i;

    for (i = 6; i >= 0; i--)
        p = rc_di_sub(c->inv_odd[i], rc_di_mul(r2, p));
    p = rc_di_mul(x, p);
    err = rc_di_up(ldexp(r, -68));
    e.lo = -err;
    e.hi = err;
    return rc_di_add(p, e);
}

/* atan over the interval x, 0 <= x.lo, x.hi <= 1 + 2^-50: atan(j/16) +
   atan(r), r = (x - j/16)/(1 + x j/16) (an identity for x j/16 > -1),
   j = the nearest integer to 16 x.lo; invalid unless |r| <= 1/16 on the
   whole interval (so for a narrow x only: rc_di_atan splits wide ones) */
static rc_di_t
atan_core(rc_di_t X, const rc_di_consts_t c)
{
    int j = (int) (X.lo * 16 + 0.5);
    rc_di_t cj, r;

    if (!(j >= 0 && j <= 17))
        return rc_di_invalid();
    cj = rc_di_pt(j / 16.0);
    r = rc_di_div(rc_di_sub(X, cj), rc_di_add(rc_di_pt(1), rc_di_mul(X, cj)));
    if (!(r.lo >= -0.0625 && r.hi <= 0.0625))
        return rc_di_invalid();
    return rc_di_add(c->atan_j16[j], atan_series(r, c));
}

/* atan over the interval x, all of it on one side of 0 and narrow enough
   for atan_core after the reduction; invalid otherwise */
static rc_di_t
atan_narrow(rc_di_t x, const rc_di_consts_t c)
{
    if (!rc_di_is_valid(x) || (x.lo < 0 && x.hi > 0))
        return rc_di_invalid();
    if (x.lo < 0)      /* then x.hi <= 0 and -x.lo > 0 */
        return rc_di_neg(atan_narrow(rc_di_neg(x), c));
    if (x.hi <= 1)
        return atan_core(x, c);
    if (x.lo < 1)
        return rc_di_invalid();
    /* atan(x) = pi/2 - atan(1/x), 1/x in (0, 1] up to one step */
    return rc_di_sub(c->pi_2, atan_core(rc_di_div(rc_di_pt(1), x), c));
}

/* atan(x) for the double x */
static rc_di_t
atan_point(double x, const rc_di_consts_t c)
{
    return atan_narrow(rc_di_pt(x), c);
}

rc_di_t
rc_di_atan(rc_di_t x, const rc_di_consts_t c)
{
    rc_di_t a, b;

    if (!rc_di_is_valid(x))
        return x;
    /* a narrow interval in one evaluation; else atan being increasing,
       between the enclosures at the two ends */
    a = atan_narrow(x, c);
    if (rc_di_is_valid(a))
        return a;
    a = atan_point(x.lo, c);
    b = atan_point(x.hi, c);
    if (!rc_di_is_valid(a) || !rc_di_is_valid(b))
        return rc_di_invalid();
    return rc_di_make(a.lo, b.hi);
}

rc_di_t
rc_di_atan_over(rc_di_t z, const rc_di_consts_t c)
{
    double zmax, lo, hi = 1;
    rc_di_t t;

    if (!rc_di_is_valid(z))
        return z;
    /* phi is even and decreasing in |z| */
    zmax = fabs(z.lo) > fabs(z.hi) ? fabs(z.lo) : fabs(z.hi);
    if (zmax == 0)
        return rc_di_pt(1);
    t = rc_di_div(atan_point(zmax, c), rc_di_pt(zmax));
    if (!rc_di_is_valid(t))
        return t;
    lo = t.lo;
    if (z.lo > 0 || z.hi < 0)
    {
        double zmin = fabs(z.lo) < fabs(z.hi) ? fabs(z.lo) : fabs(z.hi);
        t = rc_di_div(atan_point(zmin, c), rc_di_pt(zmin));
        if (!rc_di_is_valid(t))
            return t;
        if (t.hi < hi)
            hi = t.hi;
    }
    if (lo < 0)
        lo = 0;
    return rc_di_make(lo, hi);
}

rc_di_t
rc_di_acos_cs(rc_di_t c, rc_di_t s, const rc_di_consts_t k)
{
    return rc_di_sub(k->pi_2, rc_di_atan(rc_di_div(c, s), k));
}
