/* Whether an atlas line says no more than its certificate proves: the one
   test behind a resumed atlas (kept family parts) and relucert latex
   --atlas. */
#include <stdlib.h>
#include <string.h>
#include "relucert/candidate.h"
#include "relucert/cert_json.h"
#include "relucert/number.h"
#include "relucert/point.h"
#include "relucert/workflow.h"

static const char *
verdict_of(const json_t * cert, const char * claim)
{
    const json_t * v = json_object_get(json_object_get(json_object_get(cert, "claims"), claim),
                                       "verdict");
    return json_is_string(v) ? json_string_value(v) : "?";
}

/* 1 if the line's enclosure {lo, hi} contains the certificate's (exact
   rational comparison); nonneg: the line's lower end may be 0 where the
   certificate's is below 0 (F >= 0 by definition) */
static int
contains(const json_t * line_enc, const json_t * cert_enc, int nonneg)
{
    fmpq_t a, b, c, d;
    rc_error_t err;
    int ok;
    fmpq_init(a); fmpq_init(b); fmpq_init(c); fmpq_init(d);
    ok = rc_json_get_fmpq(a, json_object_get(line_enc, "lo"), "", err) == 0
         && rc_json_get_fmpq(b, json_object_get(line_enc, "hi"), "", err) == 0
         && rc_json_get_fmpq(c, json_object_get(cert_enc, "lo"), "", err) == 0
         && rc_json_get_fmpq(d, json_object_get(cert_enc, "hi"), "", err) == 0;
    if (ok && nonneg && fmpq_sgn(c) < 0)
        fmpq_zero(c);
    ok = ok && fmpq_cmp(a, c) <= 0 && fmpq_cmp(d, b) <= 0;
    fmpq_clear(a); fmpq_clear(b); fmpq_clear(c); fmpq_clear(d);
    return ok;
}

int
rc_atlas_line_check(rc_error_t why, const json_t * line, const json_t * cert)
{
    const json_t * cl = json_object_get(cert, "claims"), * pd = json_object_get(cl, "positive_definite");
    const json_t * p = json_object_get(line, "p"), * fam = json_object_get(line, "family");
    const json_t * mi_line = json_object_get(line, "morse_index");
    const json_t * mi_cert = json_object_get(pd, "morse_index");
    const char * st = json_string_value(json_object_get(line, "status"));
    const char * cp = verdict_of(cert, "critical_point"), * pdv = verdict_of(cert, "positive_definite");
    const char * want;
    static const char * same[][2] = { {"critical", "critical_point"},
        {"positive_definite", "positive_definite"}, {"non_global", "non_global"},
        {"split_saddle", "saddle_after_split"} };
    char * text;
    rc_point_t pt;
    slong j;
    int r;

    if (rc_cert_check(why, cert) != 0)
        return 1;
    want = strcmp(cp, "proved") != 0 ? (strcmp(cp, "refuted") == 0 ? "refuted" : "undecided")
           : strcmp(pdv, "proved") == 0 ? "minimum" : strcmp(pdv, "refuted") == 0 ? "saddle"
           : "critical";
    if (st == NULL || strcmp(st, want) != 0)
        return rc_error_set(why, "the line says %s, its certificate proves %s",
                            st ? st : "(no status)", want);
    if (json_is_integer(mi_cert) ? !(json_is_integer(mi_line)
                                     && json_integer_value(mi_line) == json_integer_value(mi_cert))
                                 : !json_is_null(mi_line))
        return rc_error_set(why, "morse_index: not the certificate's");
    for (j = 0; j < 4; j++)
    {
        const json_t * v = json_object_get(line, same[j][0]);
        if (!json_is_string(v) || strcmp(json_string_value(v), verdict_of(cert, same[j][1])) != 0)
            return rc_error_set(why, "%s: not the certificate's verdict", same[j][0]);
    }
    if (json_is_true(json_object_get(line, "success")) != json_is_true(json_object_get(cert, "success")))
        return rc_error_set(why, "success: not the certificate's");
    if (!contains(json_object_get(line, "lambda_min"), json_object_get(pd, "lambda_min"), 0))
        return rc_error_set(why, "lambda_min: does not contain the certificate's enclosure");
    if (!contains(json_object_get(line, "loss"),
                  json_object_get(json_object_get(cl, "non_global"), "loss"), 1))
        return rc_error_set(why, "loss: does not contain the certificate's enclosure");
    /* the family and a are what the block sizes say */
    if (!json_is_array(p) || !json_is_string(fam)
        || json_integer_value(json_object_get(line, "a")) != json_integer_value(json_array_get(p, 0))
        || !(strcmp(json_string_value(fam), "two") == 0 ? json_array_size(p) == 2
             : strcmp(json_string_value(fam), "three") == 0 ? json_array_size(p) == 3
               && json_integer_value(json_array_get(p, 1)) == 1 : 0))
        return rc_error_set(why, "family, a: not what the block sizes p say");
    /* the point: the line's k, p and vals are the certificate's input */
    text = json_dumps(line, JSON_COMPACT);
    rc_point_init(pt);
    r = text == NULL || rc_point_set_dataset_record(pt, text, "atlas line", 0, why)
        || rc_mincert_json_is_about(why, cert, pt->W, pt->V);
    rc_point_clear(pt);
    free(text);
    return r;
}
