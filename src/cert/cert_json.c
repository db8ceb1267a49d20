/* JSON pieces shared by every certificate kind. */
#include <string.h>
#include "relucert/cert_json.h"
#include "relucert/enclosure.h"
#include "relucert/number.h"
#include "relucert/version.h"

json_t *
rc_cert_json_header(const char * kind)
{
    json_t * o = json_object(), * p = json_object();

    json_object_set_new(o, "format", json_string(RC_CERT_FORMAT));
    json_object_set_new(o, "kind", json_string(kind));
    json_object_set_new(p, "relucert", json_string(rc_version_relucert()));
    json_object_set_new(p, "flint", json_string(rc_version_flint()));
    json_object_set_new(p, "arb", json_string(rc_version_arb()));
    json_object_set_new(p, "mpfr", json_string(rc_version_mpfr()));
    json_object_set_new(p, "gmp", json_string(rc_version_gmp()));
    json_object_set_new(o, "producer", p);
    return o;
}

const char *
rc_cert_json_kind(const json_t * obj, rc_error_t err)
{
    const json_t * f, * k;

    if (!json_is_object(obj))
        return (rc_error_set(err, "expected a JSON object (a relucert certificate)"), NULL);
    f = json_object_get(obj, "format");
    if (!json_is_string(f) || strcmp(json_string_value(f), RC_CERT_FORMAT) != 0)
    {
        rc_error_set(err, "format: expected \"%s\", found %s%.60s%s", RC_CERT_FORMAT,
                     json_is_string(f) ? "\"" : "",
                     json_is_string(f) ? json_string_value(f) : f == NULL ? "nothing" : "a non-string",
                     json_is_string(f) ? "\"" : "");
        return NULL;
    }
    k = json_object_get(obj, "kind");
    if (!json_is_string(k))
        return (rc_error_set(err, "kind: expected a string such as \"minimum\""), NULL);
    return json_string_value(k);
}

json_t *
rc_json_fmpq(const fmpq_t x)
{
    char * s = rc_number_get_str(x);
    json_t * v = json_string(s);

    flint_free(s);
    return v;
}

json_t *
rc_json_fmpq_mat(const fmpq_mat_t A)
{
    json_t * rows = json_array();
    slong i, j;

    for (i = 0; i < fmpq_mat_nrows(A); i++)
    {
        json_t * row = json_array();
        for (j = 0; j < fmpq_mat_ncols(A); j++)
            json_array_append_new(row, rc_json_fmpq(fmpq_mat_entry(A, i, j)));
        json_array_append_new(rows, row);
    }
    return rows;
}

json_t *
rc_json_enclosure(const arb_t x, slong prec)
{
    slong dg;
    char * lo, * hi;
    json_t * o;

    if (!arb_is_finite(x))
        return json_null();
    dg = rc_enclosure_digits(x, prec);
    lo = rc_enclosure_bound_str(x, 1, dg);
    hi = rc_enclosure_bound_str(x, 0, dg);
    o = json_object();
    json_object_set_new(o, "lo", json_string(lo));
    json_object_set_new(o, "hi", json_string(hi));
    flint_free(lo);
    flint_free(hi);
    return o;
}

const json_t *
rc_json_field(const json_t * obj, const char * key, const char * what, rc_error_t err)
{
    const json_t * v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

    if (v == NULL)
        rc_error_set(err, "%s%s%s: expected a field '%s' (missing)",
                     what, what[0] ? "." : "", key, key);
    return v;
}

int
rc_json_get_fmpq(fmpq_t x, const json_t * v, const char * what, rc_error_t err)
{
    rc_error_t e2;

    if (!json_is_string(v))
        return rc_error_set(err, "%s: expected an exact number as a JSON string", what);
    if (rc_number_parse_fmpq(x, json_string_value(v), e2))
        return rc_error_set(err, "%s: %s", what, e2->msg);
    return 0;
}

int
rc_json_get_slong(slong * x, const json_t * v, slong lo, slong hi,
                  const char * what, rc_error_t err)
{
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return rc_error_set(err, "%s: expected an integer in [%ld, %ld]", what,
                            (long) lo, (long) hi);
    *x = (slong) json_integer_value(v);
    return 0;
}

int
rc_json_is_slong(const json_t * v, slong x)
{
    return json_is_integer(v) && json_integer_value(v) == x;
}

int
rc_json_get_u64_str(uint64_t * x, const json_t * v, const char * what, rc_error_t err)
{
    const char * s = json_is_string(v) ? json_string_value(v) : NULL;
    uint64_t r = 0;
    size_t i, len;

    if (s == NULL)
        goto bad;
    len = strlen(s);
    if (len == 0 || len > 20 || (s[0] == '0' && len > 1)
        || len != json_string_length(v))     /* no NUL inside */
        goto bad;
    for (i = 0; i < len; i++)
    {
        unsigned dgt;
        if (s[i] < '0' || s[i] > '9')
            goto bad;
        dgt = (unsigned) (s[i] - '0');
        if (r > (UINT64_MAX - dgt) / 10)
            goto bad;
        r = 10 * r + dgt;
    }
    *x = r;
    return 0;
bad:
    return rc_error_set(err, "%s: expected an integer in [0, 2^64 - 1] as a string of "
                        "decimal digits (no sign, spaces or leading zeros)", what);
}

int
rc_json_get_fmpq_mat(fmpq_mat_t A, const json_t * v, slong r, slong c,
                     const char * what, rc_error_t err)
{
    slong i, j;
    char buf[256];

    if (!json_is_array(v) || (slong) json_array_size(v) != r)
        return rc_error_set(err, "%s: expected an array of %ld rows", what, (long) r);
    for (i = 0; i < r; i++)
    {
        const json_t * row = json_array_get(v, i);
        if (!json_is_array(row) || (slong) json_array_size(row) != c)
            return rc_error_set(err, "%s[%ld]: expected a row of %ld numbers",
                                what, (long) i, (long) c);
        for (j = 0; j < c; j++)
        {
            snprintf(buf, sizeof buf, "%s[%ld][%ld]", what, (long) i, (long) j);
            if (rc_json_get_fmpq(fmpq_mat_entry(A, i, j), json_array_get(row, j), buf, err))
                return 1;
        }
    }
    return 0;
}

int
rc_json_enclosure_contains(const json_t * v, const arb_t x)
{
    fmpq_t lo, hi, t;
    arf_t b;
    rc_error_t err;
    int ok = 0;

    if (!json_is_object(v) || !arb_is_finite(x))
        return 0;
    fmpq_init(lo); fmpq_init(hi); fmpq_init(t);
    arf_init(b);
    if (rc_json_get_fmpq(lo, json_object_get(v, "lo"), "lo", err) == 0
        && rc_json_get_fmpq(hi, json_object_get(v, "hi"), "hi", err) == 0)
    {
        arb_get_lbound_arf(b, x, ARF_PREC_EXACT);
        arf_get_fmpq(t, b);
        ok = fmpq_cmp(lo, t) <= 0;
        arb_get_ubound_arf(b, x, ARF_PREC_EXACT);
        arf_get_fmpq(t, b);
        ok = ok && fmpq_cmp(t, hi) <= 0;
    }
    fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(t);
    arf_clear(b);
    return ok;
}

json_t *
rc_json_claim(rc_verdict_t v)
{
    json_t * o = json_object();
    json_object_set_new(o, "verdict", json_string(rc_verdict_name(v)));
    return o;
}

json_t *
rc_json_fmpq_vec(const fmpq * v, slong n)
{
    json_t * a = json_array();
    slong i;
    for (i = 0; i < n; i++)
        json_array_append_new(a, rc_json_fmpq(v + i));
    return a;
}

int
rc_json_check_verdict(const json_t * o, const char * what, rc_verdict_t v, rc_error_t why)
{
    rc_verdict_t w;

    if (!json_is_object(o) || !json_is_string(json_object_get(o, "verdict"))
        || rc_verdict_parse(&w, json_string_value(json_object_get(o, "verdict"))))
        return rc_error_set(why, "%s: expected a verdict proved/refuted/undecided", what);
    if (w != v)
        return rc_error_set(why, "%s: the certificate says %s, recomputation gives %s",
                            what, rc_verdict_name(w), rc_verdict_name(v));
    return 0;
}

int
rc_json_check_encloses(const json_t * v, const arb_t x, const char * what, rc_error_t why)
{
    if (json_is_null(v) && !arb_is_finite(x))
        return 0;
    if (!rc_json_enclosure_contains(v, x))
        return rc_error_set(why, "%s: the claimed enclosure does not contain the "
                            "recomputed one", what);
    return 0;
}

int
rc_json_check_witness(const json_t * claim, const char * claim_name, const char * field,
                      int present, slong value, rc_error_t why)
{
    const json_t * v = json_object_get(claim, field);

    if (!present && v != NULL)
        return rc_error_set(why, "%s.%s: recomputation gives no witness, the certificate "
                            "has one", claim_name, field);
    if (present && (!json_is_integer(v) || json_integer_value(v) != value))
        return rc_error_set(why, "%s.%s: expected %ld (recomputed)", claim_name, field,
                            (long) value);
    return 0;
}
