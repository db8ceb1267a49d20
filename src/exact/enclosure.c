/* Decimal printing of enclosures, rounded outward through MPFR. */
#include <mpfr.h>
#include <stdio.h>
#include <string.h>
#include "relucert/enclosure.h"

slong
rc_enclosure_digits(const arb_t x, slong prec)
{
    slong maxd = (slong) (prec * 0.30103) + 3, dg;

    if (arf_is_zero(arb_midref(x)) || !arb_is_finite(x))
        return 6;
    if (mag_is_zero(arb_radref(x)))
        return maxd;
    /* log10(|mid| / rad) + 3 */
    dg = (slong) ((fmpz_get_si(ARF_EXPREF(arb_midref(x))) -
                   fmpz_get_si(MAG_EXPREF(arb_radref(x)))) * 0.30103) + 3;
    return FLINT_MAX(6, FLINT_MIN(dg, maxd));
}

char *
rc_enclosure_bound_str(const arb_t x, int lower, slong digits)
{
    arf_t b;
    mpfr_t m;
    mpfr_exp_t e;
    char * mant, * out, * p;
    slong len, E, i, nd;
    int neg;

    arf_init(b);
    if (lower)
        arb_get_lbound_arf(b, x, arf_bits(arb_midref(x)) + 64);
    else
        arb_get_ubound_arf(b, x, arf_bits(arb_midref(x)) + 64);

    if (arf_is_nan(b) || arf_is_special(b))
    {
        const char * s = arf_is_nan(b) ? "nan" : arf_is_zero(b) ? "0" :
                         arf_is_pos_inf(b) ? "inf" : "-inf";
        arf_clear(b);
        out = flint_malloc(strlen(s) + 1);
        strcpy(out, s);
        return out;
    }

    mpfr_init2(m, FLINT_MAX(arf_bits(b), 2));
    arf_get_mpfr(m, b, MPFR_RNDN);   /* exact: enough bits */
    mant = mpfr_get_str(NULL, &e, 10, (size_t) FLINT_MAX(digits, 2), m,
                        lower ? MPFR_RNDD : MPFR_RNDU);
    neg = (mant[0] == '-');
    p = mant + neg;
    nd = strlen(p);
    while (nd > 1 && p[nd - 1] == '0')
        nd--;
    /* value = 0.p[0..nd) * 10^e = p[0].p[1..nd) * 10^E */
    E = (slong) e - 1;
    len = nd + 40;
    out = flint_malloc(len + (E > 0 && E < 6 ? E : 0) + 8);
    i = 0;
    if (neg)
        out[i++] = '-';
    if (E >= 0 && E < 6)
    {
        /* fixed notation: integer part, then fraction */
        slong j;
        for (j = 0; j <= E; j++)
            out[i++] = j < nd ? p[j] : '0';
        if (nd > E + 1)
        {
            out[i++] = '.';
            for (j = E + 1; j < nd; j++)
                out[i++] = p[j];
        }
        out[i] = '\0';
    }
    else if (E < 0 && E >= -4)
    {
        slong j;
        out[i++] = '0';
        out[i++] = '.';
        for (j = 0; j < -E - 1; j++)
            out[i++] = '0';
        for (j = 0; j < nd; j++)
            out[i++] = p[j];
        out[i] = '\0';
    }
    else
    {
        slong j;
        out[i++] = p[0];
        if (nd > 1)
        {
            out[i++] = '.';
            for (j = 1; j < nd; j++)
                out[i++] = p[j];
        }
        sprintf(out + i, "e%ld", E);
    }
    mpfr_free_str(mant);
    mpfr_clear(m);
    arf_clear(b);
    return out;
}
