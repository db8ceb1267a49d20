/* What the workflows read out of certificates for display (workflow.h,
   "report helpers"): verdicts, the worst split quotient, short outward
   roundings of exact bounds, enclosures as JSON, powers of ten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/enclosure.h"
#include "relucert/number.h"
#include "relucert/workflow.h"

const char *
rc_report_claim_verdict(const json_t * root, const char * claim)
{
    const json_t * v = json_object_get(json_object_get(json_object_get(root, "claims"),
                                                       claim), "verdict");
    return json_is_string(v) ? json_string_value(v) : "?";
}

const json_t *
rc_report_worst_split(const json_t * root)
{
    const json_t * sp = json_object_get(json_object_get(root, "claims"), "saddle_after_split");
    const json_t * arr = json_object_get(sp, "neurons");
    const json_t * best = NULL;
    double bv = -1e300;
    size_t i;

    int pass;

    if (arr == NULL)
        arr = json_object_get(sp, "blocks");   /* the symmetry-reduced form */
    /* the reduced form with extra neurons lists them apart */
    for (pass = 0; pass < 2; pass++, arr = json_object_get(sp, "extra_neurons"))
        for (i = 0; i < json_array_size(arr); i++)
        {
            const json_t * hi = json_object_get(json_object_get(json_array_get(arr, i),
                                                                "quotient"), "hi");
            if (json_is_string(hi) && atof(json_string_value(hi)) > bv)
            {
                bv = atof(json_string_value(hi));
                best = hi;
            }
        }
    return best;
}

void
rc_report_short_bound(char * buf, size_t len, const json_t * v, int lower)
{
    fmpq_t q;
    arb_t x;
    rc_error_t err;
    char * s;

    if (!json_is_string(v))
    {
        snprintf(buf, len, "-");
        return;
    }
    fmpq_init(q);
    arb_init(x);
    if (rc_number_parse_fmpq(q, json_string_value(v), err))
        snprintf(buf, len, "?");
    else
    {
        arb_set_fmpq(x, q, 128);
        s = rc_enclosure_bound_str(x, lower, 6);
        snprintf(buf, len, "%s", s);
        flint_free(s);
    }
    fmpq_clear(q);
    arb_clear(x);
}

void
rc_report_short_bound_nonneg(char * buf, size_t len, const json_t * v)
{
    rc_report_short_bound(buf, len, v, 1);
    if (buf[0] == '-' && buf[1] != '\0')
        snprintf(buf, len, "0");
}

json_t *
rc_report_enclosure(const arb_t x, slong prec)
{
    slong dg = rc_enclosure_digits(x, prec);
    char * lo = rc_enclosure_bound_str(x, 1, dg);
    char * hi = rc_enclosure_bound_str(x, 0, dg);
    json_t * o = json_object();
    json_object_set_new(o, "lo", json_string(lo));
    json_object_set_new(o, "hi", json_string(hi));
    flint_free(lo);
    flint_free(hi);
    return o;
}

json_t *
rc_report_enclosure_nonneg(const arb_t x, slong prec)
{
    json_t * e = rc_report_enclosure(x, prec);
    const char * lo = json_string_value(json_object_get(e, "lo"));
    if (lo != NULL && lo[0] == '-')
        json_object_set_new(e, "lo", json_string("0"));
    return e;
}

fmpq *
rc_powers_of_ten(slong lo, slong hi)
{
    fmpq * v = _fmpq_vec_init(hi - lo + 1);
    slong i;

    for (i = 0; i <= hi - lo; i++)
    {
        fmpz_one(fmpq_numref(v + i));
        fmpz_ui_pow_ui(fmpq_denref(v + i), 10, lo + i);
    }
    return v;
}

json_t *
rc_report_enclosure_mat(const arb_mat_t A, slong prec)
{
    json_t * rows = json_array();
    slong i, j;
    for (i = 0; i < arb_mat_nrows(A); i++)
    {
        json_t * row = json_array();
        for (j = 0; j < arb_mat_ncols(A); j++)
            json_array_append_new(row, rc_report_enclosure(arb_mat_entry(A, i, j), prec));
        json_array_append_new(rows, row);
    }
    return rows;
}
