/* The checker of minimum certificates: recompute every verdict from the
   certificate's own inputs (rc_mincert_verify) and compare with what the
   certificate claims. Nothing in the file is trusted but its inputs. */
#include <string.h>
#include "relucert/mincert.h"
#include "relucert/cert_json.h"
#include "relucert/symcert.h"
#include "relucert/dense64.h"

/* claims.NAME.verdict must equal v */
static int
same_verdict(const json_t * claims, const char * name, rc_verdict_t v, rc_error_t why)
{
    char what[64];
    snprintf(what, sizeof what, "claims.%s", name);
    return rc_json_check_verdict(json_object_get(claims, name), what, v, why);
}

int
rc_mincert_check(rc_error_t why, const json_t * root)
{
    rc_mincert_t c;
    const json_t * cl, * o, * arr;
    const char * kind;
    slong i;
    char buf[128];
    int ret = 1;

    rc_mincert_init(c);
    if ((kind = rc_cert_json_kind(root, why)) == NULL)
        goto out;
    if (strcmp(kind, "minimum") != 0)
    {
        rc_error_set(why, "kind: expected \"minimum\", found \"%.40s\"", kind);
        goto out;
    }
    if (json_object_get(root, "symmetry") != NULL)
    {
        /* the symmetry-reduced form */
        ret = rc_symcert_check(why, root);
        goto out;
    }
    if (rc_mincert_from_json(c, root, why) || rc_mincert_verify(c, why))
        goto out;
    if ((cl = rc_json_field(root, "claims", "", why)) == NULL)
        goto out;

    if (same_verdict(cl, "critical_point", c->critical, why)
        || same_verdict(cl, "positive_definite", c->positive_definite, why)
        || same_verdict(cl, "strict_minimum", c->strict_min, why)
        || same_verdict(cl, "non_global", c->non_global, why)
        || same_verdict(cl, "saddle_after_split", c->saddle, why)
        || same_verdict(cl, "split_cross_check", c->cross, why)
        || same_verdict(cl, "norm_sum_le_k", c->norm_sum_le_k, why)
        || same_verdict(cl, "lam_negative", c->lam_negative, why))
    {
        /* a binary64 certificate re-run where binary64 may not be used
           comes out undecided: say why */
        const char * bad;
        if (c->arith == RC_ARITH_BINARY64
            && (bad = rc_blas_selftest_problem(c->n * c->d)) != NULL)
        {
            char m[RC_ERROR_LEN];
            memcpy(m, why->msg, sizeof m);
            rc_error_set(why, "%s (binary64 is not usable here: %s)", m, bad);
        }
        goto out;
    }

    /* the witnesses of refuted claims are recomputed too */
    if (rc_json_check_witness(json_object_get(cl, "critical_point"), "claims.critical_point",
                              "gradient_coordinate", c->critical == RC_REFUTED,
                              c->critical_witness, why)
        || rc_json_check_witness(json_object_get(cl, "lam_negative"), "claims.lam_negative",
                                 "positive_neuron", c->lam_negative == RC_REFUTED,
                                 c->lam_witness, why))
        goto out;
    o = json_object_get(cl, "non_global");
    arr = json_object_get(o, "teacher_permutation");
    if (c->non_global == RC_REFUTED)
    {
        if (!json_is_array(arr) || (slong) json_array_size(arr) != c->n)
        {
            rc_error_set(why, "claims.non_global.teacher_permutation: expected %ld entries",
                         (long) c->n);
            goto out;
        }
        for (i = 0; i < c->n; i++)
        {
            const json_t * e = json_array_get(arr, i);
            if (!json_is_integer(e) || json_integer_value(e) != c->global_perm[i])
            {
                rc_error_set(why, "claims.non_global.teacher_permutation[%ld]: expected %ld "
                             "(recomputed)", (long) i, (long) c->global_perm[i]);
                goto out;
            }
        }
    }
    else if (arr != NULL)
    {
        rc_error_set(why, "claims.non_global.teacher_permutation: recomputation gives none");
        goto out;
    }
    if (rc_json_check_encloses(json_object_get(o, "loss"), c->loss, "claims.non_global.loss", why))
        goto out;
    o = json_object_get(cl, "split_cross_check");
    if (rc_json_check_encloses(json_object_get(o, "quotient"), c->cross_q, "claims.split_cross_check.quotient", why))
        goto out;
    o = json_object_get(cl, "norm_sum_le_k");
    if (rc_json_check_encloses(json_object_get(o, "norm_sum"), c->norm_sum, "claims.norm_sum_le_k.norm_sum", why))
        goto out;
    if (c->have_neg_dir)
    {
        o = json_object_get(cl, "positive_definite");
        if (rc_json_check_encloses(json_object_get(o, "negative_quotient"), c->neg_curv,
                     "claims.positive_definite.negative_quotient", why))
            goto out;
    }
    arr = json_object_get(json_object_get(cl, "saddle_after_split"), "neurons");
    if (!json_is_array(arr) || (slong) json_array_size(arr) != c->n)
    {
        rc_error_set(why, "claims.saddle_after_split.neurons: expected %ld entries", (long) c->n);
        goto out;
    }
    for (i = 0; i < c->n; i++)
    {
        const json_t * e = json_array_get(arr, i);
        snprintf(buf, sizeof buf, "claims.saddle_after_split.neurons[%ld]", (long) i);
        if (rc_json_check_verdict(e, buf, c->split[i], why))
            goto out;
        strcat(buf, ".quotient");
        if (rc_json_check_encloses(json_object_get(e, "quotient"), c->split_q + i, buf, why))
            goto out;
    }
    arr = json_object_get(json_object_get(cl, "lam_negative"), "lam");
    if (!json_is_array(arr) || (slong) json_array_size(arr) != c->n)
    {
        rc_error_set(why, "claims.lam_negative.lam: expected %ld entries", (long) c->n);
        goto out;
    }
    for (i = 0; i < c->n; i++)
    {
        snprintf(buf, sizeof buf, "claims.lam_negative.lam[%ld]", (long) i);
        if (rc_json_check_encloses(json_array_get(arr, i), c->lam + i, buf, why))
            goto out;
    }
    o = json_object_get(root, "success");
    if (!json_is_boolean(o) || json_is_true(o) != rc_mincert_success(c))
    {
        rc_error_set(why, "success: the certificate says %s, recomputation gives %s",
                     json_is_boolean(o) ? (json_is_true(o) ? "true" : "false") : "nothing",
                     rc_mincert_success(c) ? "true" : "false");
        goto out;
    }
    ret = 0;
out:
    rc_mincert_clear(c);
    return ret;
}
