/* Exact reading of decimals and rationals into fmpq_t. */
#include <ctype.h>
#include <string.h>
#include <stdlib.h>
#include "relucert/number.h"

/* Reads an optional sign and a run of digits into z starting at *s.
   Returns the number of digits read (0 if none). */
static slong
read_digits(fmpz_t z, const char ** s)
{
    const char * p = *s;
    slong nd;
    char * buf;

    while (isdigit((unsigned char) *p))
        p++;
    nd = p - *s;
    if (nd > 0)
    {
        buf = flint_malloc(nd + 1);
        memcpy(buf, *s, nd);
        buf[nd] = '\0';
        fmpz_set_str(z, buf, 10);
        flint_free(buf);
    }
    else
        fmpz_zero(z);
    *s = p;
    return nd;
}

static int
bad_number(fmpq_t x, const char * s, rc_error_t err, const char * why)
{
    fmpq_zero(x);
    return rc_error_set(err, "expected a number (a decimal like -0.25 or 1e-3, "
                        "or a rational like 3/7)%s%s, found '%.60s'",
                        why[0] ? ": " : "", why, s);
}

int
rc_number_parse_fmpq(fmpq_t x, const char * s, rc_error_t err)
{
    const char * p = s;
    int neg = 0;
    fmpz_t ip, fp, num, den;
    slong nint, nfrac = 0, e = 0;
    int ok = 1;
    const char * why = "";

    if (*p == '+' || *p == '-')
    {
        neg = (*p == '-');
        p++;
    }

    fmpz_init(ip); fmpz_init(fp); fmpz_init(num); fmpz_init(den);

    nint = read_digits(ip, &p);
    if (*p == '/')
    {
        /* rational p/q: integer numerator, positive integer denominator */
        p++;
        if (nint == 0 || read_digits(den, &p) == 0 || *p != '\0')
            ok = 0;
        else if (fmpz_is_zero(den))
        {
            ok = 0;
            why = "zero denominator";
        }
        else
        {
            if (neg)
                fmpz_neg(ip, ip);
            fmpq_set_fmpz_frac(x, ip, den);
        }
        goto done;
    }

    if (*p == '.')
    {
        p++;
        nfrac = read_digits(fp, &p);
    }
    if (nint == 0 && nfrac == 0)
    {
        ok = 0;
        goto done;
    }
    if (*p == 'e' || *p == 'E')
    {
        int eneg = 0;
        const char * q;
        p++;
        if (*p == '+' || *p == '-')
        {
            eneg = (*p == '-');
            p++;
        }
        q = p;
        while (isdigit((unsigned char) *p))
            p++;
        if (p == q || p - q > 9)
        {
            ok = 0;
            if (p - q > 9)
                why = "exponent out of range";
            goto done;
        }
        e = strtol(q, NULL, 10);
        if (eneg)
            e = -e;
    }
    if (*p != '\0')
    {
        ok = 0;
        goto done;
    }
    if (e > RC_NUMBER_MAX_EXP || e < -RC_NUMBER_MAX_EXP)
    {
        ok = 0;
        why = "exponent out of range";
        goto done;
    }
    e -= nfrac;

    /* value = (ip * 10^nfrac + fp) * 10^e */
    fmpz_ui_pow_ui(den, 10, nfrac);
    fmpz_mul(num, ip, den);
    fmpz_add(num, num, fp);
    if (neg)
        fmpz_neg(num, num);
    if (e >= 0)
    {
        fmpz_ui_pow_ui(den, 10, e);
        fmpz_mul(num, num, den);
        fmpz_one(den);
    }
    else
        fmpz_ui_pow_ui(den, 10, -e);
    fmpq_set_fmpz_frac(x, num, den);

done:
    fmpz_clear(ip); fmpz_clear(fp); fmpz_clear(num); fmpz_clear(den);
    if (!ok)
        return bad_number(x, s, err, why);
    return 0;
}
