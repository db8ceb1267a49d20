/* Exact printing of rationals: the inverse of rc_number_parse_fmpq. */
#include <string.h>
#include <stdio.h>
#include "relucert/number.h"

char *
rc_number_get_str(const fmpq_t x)
{
    fmpz_t q, num, t;
    slong a = 0, b = 0, e, len, i;
    char * digits, * out;
    int neg = fmpz_sgn(fmpq_numref(x)) < 0;

    fmpz_init(q); fmpz_init(num); fmpz_init(t);
    /* denominator 2^a 5^b ? */
    fmpz_set(q, fmpq_denref(x));
    while (fmpz_is_even(q))
    {
        fmpz_fdiv_q_2exp(q, q, 1);
        a++;
    }
    while (fmpz_divisible_si(q, 5))
    {
        fmpz_divexact_si(q, q, 5);
        b++;
    }
    if (!fmpz_is_one(q))
    {
        /* not a terminating decimal: p/q */
        char * p = fmpz_get_str(NULL, 10, fmpq_numref(x));
        char * r = fmpz_get_str(NULL, 10, fmpq_denref(x));
        out = flint_malloc(strlen(p) + strlen(r) + 2);
        strcpy(out, p);
        strcat(out, "/");
        strcat(out, r);
        flint_free(p);
        flint_free(r);
        goto done;
    }
    /* x = num / 10^e with e = max(a, b) */
    e = FLINT_MAX(a, b);
    fmpz_abs(num, fmpq_numref(x));
    fmpz_ui_pow_ui(t, 2, e - a);
    fmpz_mul(num, num, t);
    fmpz_ui_pow_ui(t, 5, e - b);
    fmpz_mul(num, num, t);
    digits = fmpz_get_str(NULL, 10, num);
    len = strlen(digits);
    out = flint_malloc(len + e + 4);
    i = 0;
    if (neg)
        out[i++] = '-';
    if (e == 0)
        strcpy(out + i, digits);
    else if (len > e)
    {
        memcpy(out + i, digits, len - e);
        i += len - e;
        out[i++] = '.';
        strcpy(out + i, digits + len - e);
    }
    else
    {
        out[i++] = '0';
        out[i++] = '.';
        memset(out + i, '0', e - len);
        i += e - len;
        strcpy(out + i, digits);
    }
    flint_free(digits);
done:
    fmpz_clear(q); fmpz_clear(num); fmpz_clear(t);
    return out;
}

int
rc_number_set_arf(fmpq_t x, const arf_t a)
{
    if (!arf_is_finite(a))
        return 1;
    arf_get_fmpq(x, a);
    return 0;
}

void
rc_number_set_d_digits(fmpq_t x, double v, int digits)
{
    char buf[64];
    rc_error_t err;

    if (!(v - v == 0))
        v = 0;
    snprintf(buf, sizeof buf, "%.*e", FLINT_MAX(0, FLINT_MIN(digits - 1, 30)), v);
    if (rc_number_parse_fmpq(x, buf, err))
        fmpq_zero(x);
}
