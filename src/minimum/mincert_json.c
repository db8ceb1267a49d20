/* The minimum certificate as JSON (docs/certificate-format.md). */
#include <string.h>
#include "relucert/limits.h"
#include "relucert/mincert.h"
#include "relucert/cert_json.h"
#include "relucert/number.h"

json_t *
rc_mincert_to_json(const rc_mincert_t c, const char * source)
{
    json_t * root = rc_cert_json_header("minimum");
    json_t * box = json_object(), * wit = json_object(), * cl = json_object();
    json_t * o, * arr;
    slong i, prec = c->prec;

    if (source != NULL)
        json_object_set_new(root, "source", json_string(source));
    json_object_set_new(root, "prec", json_integer(c->prec));
    json_object_set_new(root, "arith", json_string(c->arith == RC_ARITH_BINARY64
                                                   ? "binary64" : "arb"));
    json_object_set_new(root, "n", json_integer(c->n));
    json_object_set_new(root, "k", json_integer(c->k));
    json_object_set_new(root, "d", json_integer(c->d));
    json_object_set_new(root, "teacher", rc_json_fmpq_mat(c->V));
    json_object_set_new(box, "radius_log2", json_integer(c->radius_log2));
    json_object_set_new(box, "centre", rc_json_fmpq_mat(c->centre));
    json_object_set_new(root, "box", box);

    if (c->have_lam_lower)
        json_object_set_new(wit, "lambda_lower", rc_json_fmpq(c->lam_lower));
    if (c->have_neg_dir)
        json_object_set_new(wit, "negative_direction", rc_json_fmpq_mat(c->neg_dir));
    json_object_set_new(wit, "split_directions", rc_json_fmpq_mat(c->U));
    if (c->cross_neuron >= 0)
    {
        o = json_object();
        json_object_set_new(o, "neuron", json_integer(c->cross_neuron));
        json_object_set_new(o, "alpha", rc_json_fmpq(c->alpha));
        json_object_set_new(wit, "cross_check", o);
    }
    json_object_set_new(root, "witnesses", wit);

    o = rc_json_claim(c->critical);
    if (c->critical == RC_REFUTED)
        json_object_set_new(o, "gradient_coordinate", json_integer(c->critical_witness));
    json_object_set_new(cl, "critical_point", o);

    o = rc_json_claim(c->positive_definite);
    if (c->have_neg_dir)
        json_object_set_new(o, "negative_quotient", rc_json_enclosure(c->neg_curv, prec));
    json_object_set_new(cl, "positive_definite", o);
    json_object_set_new(cl, "strict_minimum", rc_json_claim(c->strict_min));

    o = rc_json_claim(c->non_global);
    json_object_set_new(o, "loss", rc_json_enclosure(c->loss, prec));
    if (c->non_global == RC_REFUTED)
    {
        arr = json_array();
        for (i = 0; i < c->n; i++)
            json_array_append_new(arr, json_integer(c->global_perm[i]));
        json_object_set_new(o, "teacher_permutation", arr);
    }
    json_object_set_new(cl, "non_global", o);

    o = rc_json_claim(c->saddle);
    arr = json_array();
    for (i = 0; i < c->n; i++)
    {
        json_t * e = rc_json_claim(c->split[i]);
        json_object_set_new(e, "quotient", rc_json_enclosure(c->split_q + i, prec));
        json_array_append_new(arr, e);
    }
    json_object_set_new(o, "neurons", arr);
    json_object_set_new(cl, "saddle_after_split", o);

    o = rc_json_claim(c->cross);
    json_object_set_new(o, "quotient", rc_json_enclosure(c->cross_q, prec));
    json_object_set_new(cl, "split_cross_check", o);

    o = rc_json_claim(c->norm_sum_le_k);
    json_object_set_new(o, "norm_sum", rc_json_enclosure(c->norm_sum, prec));
    json_object_set_new(cl, "norm_sum_le_k", o);

    o = rc_json_claim(c->lam_negative);
    arr = json_array();
    for (i = 0; i < c->n; i++)
        json_array_append_new(arr, rc_json_enclosure(c->lam + i, prec));
    json_object_set_new(o, "lam", arr);
    if (c->lam_negative == RC_REFUTED)
        json_object_set_new(o, "positive_neuron", json_integer(c->lam_witness));
    json_object_set_new(cl, "lam_negative", o);

    json_object_set_new(root, "claims", cl);
    json_object_set_new(root, "success", json_boolean(rc_mincert_success(c)));
    return root;
}

int
rc_mincert_from_json(rc_mincert_t c, const json_t * root, rc_error_t err)
{
    const json_t * box, * wit, * v, * cc;
    slong n, k, d, prec, r;

    if (rc_json_get_slong(&prec, rc_json_field(root, "prec", "", err), 2, 1L << 24, "prec", err)
        || rc_json_get_slong(&n, rc_json_field(root, "n", "", err), 1, 1000000, "n", err)
        || rc_json_get_slong(&k, rc_json_field(root, "k", "", err), 0, 1000000, "k", err)
        || rc_json_get_slong(&d, rc_json_field(root, "d", "", err), 1, 1000000, "d", err))
        return 1;
    if (n * d > 100000000 || k * d > 100000000)
        return rc_error_set(err, "n, k, d: expected at most 10^8 entries");
    c->prec = prec;
    rc_mincert_set_dims(c, n, k, d);
    if (rc_json_get_fmpq_mat(c->V, rc_json_field(root, "teacher", "", err), k, d, "teacher", err))
        return 1;
    if ((box = rc_json_field(root, "box", "", err)) == NULL
        || rc_json_get_slong(&r, rc_json_field(box, "radius_log2", "box", err),
                             -(1L << 24), 64, "box.radius_log2", err)
        || rc_json_get_fmpq_mat(c->centre, rc_json_field(box, "centre", "box", err),
                                n, d, "box.centre", err))
        return 1;
    c->radius_log2 = r;
    c->arith = RC_ARITH_ARB;      /* certificates before the field existed */
    if ((v = json_object_get(root, "arith")) != NULL)
    {
        const char * a = json_is_string(v) ? json_string_value(v) : "";
        if (strcmp(a, "binary64") == 0)
            c->arith = RC_ARITH_BINARY64;
        else if (strcmp(a, "arb") != 0)
            return rc_error_set(err, "arith: expected \"arb\" or \"binary64\"");
    }
    if (rc_limit_check_prec(err, prec, "prec")
        || rc_limit_check_params(err, n, d, c->arith == RC_ARITH_BINARY64, "n x d"))
        return 1;
    if ((wit = rc_json_field(root, "witnesses", "", err)) == NULL)
        return 1;
    if ((v = json_object_get(wit, "lambda_lower")) != NULL)
    {
        if (rc_json_get_fmpq(c->lam_lower, v, "witnesses.lambda_lower", err))
            return 1;
        c->have_lam_lower = 1;
    }
    if ((v = json_object_get(wit, "negative_direction")) != NULL)
    {
        if (rc_json_get_fmpq_mat(c->neg_dir, v, 1, n * d, "witnesses.negative_direction", err))
            return 1;
        c->have_neg_dir = 1;
    }
    if (rc_json_get_fmpq_mat(c->U, rc_json_field(wit, "split_directions", "witnesses", err),
                             n, d, "witnesses.split_directions", err))
        return 1;
    if ((cc = json_object_get(wit, "cross_check")) != NULL)
    {
        if (rc_json_get_slong(&c->cross_neuron,
                              rc_json_field(cc, "neuron", "witnesses.cross_check", err),
                              0, n - 1, "witnesses.cross_check.neuron", err)
            || rc_json_get_fmpq(c->alpha, rc_json_field(cc, "alpha", "witnesses.cross_check", err),
                                "witnesses.cross_check.alpha", err))
            return 1;
        if (!(fmpq_sgn(c->alpha) > 0 && fmpz_cmp(fmpq_numref(c->alpha), fmpq_denref(c->alpha)) < 0))
            return rc_error_set(err, "witnesses.cross_check.alpha: expected a number in (0, 1)");
    }
    return 0;
}
