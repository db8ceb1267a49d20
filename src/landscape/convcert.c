/* Strong convexity around the global minimum W = V (n = k), with a radius:
   the certificate of kind "convexity". */
#include <string.h>
#include "relucert/limits.h"
#include "relucert/landscape.h"
#include "relucert/cert_json.h"
#include "relucert/eval.h"
#include "relucert/number.h"
#include "relucert/spectrum.h"

void
rc_convcert_init(rc_convcert_t c)
{
    memset(c, 0, sizeof(rc_convcert_struct));
    fmpq_mat_init(c->V, 0, 0);
    fmpq_mat_init(c->u, 0, 0);
    fmpq_init(c->mu);
    fmpq_init(c->radius);
    fmpq_init(c->radius_fail);
    arb_init(c->witness_q);
    c->prec = 128;
    c->norm = RC_CONV_BOX;
    c->cover = NULL;
}

static const char * norm_names[] = {"box", "neuron", "euclid"};

const char *
rc_conv_norm_name(rc_conv_norm_t norm)
{
    return norm_names[norm];
}

int
rc_conv_norm_parse(rc_conv_norm_t * norm, const char * s)
{
    int j;
    for (j = 0; j < 3; j++)
        if (strcmp(s, norm_names[j]) == 0)
        {
            *norm = (rc_conv_norm_t) j;
            return 0;
        }
    return 1;
}

void
rc_convcert_clear(rc_convcert_t c)
{
    fmpq_mat_clear(c->V);
    fmpq_mat_clear(c->u);
    fmpq_clear(c->mu);
    fmpq_clear(c->radius);
    fmpq_clear(c->radius_fail);
    arb_clear(c->witness_q);
    flint_free(c->cover);
}

static void
set_dims(rc_convcert_t c, slong k, slong d)
{
    c->k = k;
    c->d = d;
    fmpq_mat_clear(c->V);
    fmpq_mat_init(c->V, k, d);
    fmpq_mat_clear(c->u);
    fmpq_mat_init(c->u, 1, k * d);
}

int
rc_convcert_verify(rc_convcert_t c, rc_error_t err)
{
    slong k = c->k, d = c->d, N = k * d, prec = c->prec, i;
    arb_mat_t V, H;
    arb_ptr u;
    int ok;

    c->verdict = RC_UNDECIDED;
    c->boxes_proved = c->boxes_excluded = 0;
    arb_indeterminate(c->witness_q);
    if (k < 1 || d < 1 || prec < 2 || prec > (1L << 24))
        return rc_error_set(err, "expected k, d >= 1 and a precision in [2, 2^24]");
    if (fmpq_sgn(c->radius) < 0)
        return rc_error_set(err, "radius: expected a number >= 0");
    ok = rc_convcert_cover_check(&c->boxes_proved, &c->boxes_excluded, c, c->cover, err);
    if (ok < 0)
        return 1;
    if (ok == 1)
        c->verdict = RC_PROVED;
    if (c->have_witness)
    {
        arb_mat_init(V, k, d); arb_mat_init(H, N, N);
        u = _arb_vec_init(N);
        arb_mat_set_fmpq_mat(V, c->V, prec);
        for (i = 0; i < N; i++)
            arb_set_fmpq(u + i, fmpq_mat_entry(c->u, 0, i), prec);
        if (rc_hessian(H, V, V, prec))
        {
            arb_t mu;
            arb_init(mu);
            arb_set_fmpq(mu, c->mu, prec);
            rc_mat_rayleigh(c->witness_q, H, u, prec);
            if (arb_lt(c->witness_q, mu))
                c->verdict = (c->verdict == RC_PROVED) ? RC_UNDECIDED : RC_REFUTED;
            arb_clear(mu);
        }
        arb_mat_clear(V); arb_mat_clear(H);
        _arb_vec_clear(u, N);
    }
    return 0;
}

/* 1 when the radius r is proved with at most max_boxes enclosures; the
   cover is then kept in c */
static int
try_radius(rc_convcert_t c, const fmpq_t r, slong max_boxes)
{
    char * cover;
    slong p, x;

    fmpq_set(c->radius, r);
    if (!rc_convcert_cover_build(&cover, &p, &x, c, max_boxes))
        return 0;
    if (strcmp(cover, "p") == 0)      /* the single box: the field's default */
    {
        flint_free(cover);
        cover = NULL;
    }
    flint_free(c->cover);
    c->cover = cover;
    return 1;
}

int
rc_convcert_find(rc_convcert_t c, const fmpq_mat_t V, const fmpq_t mu,
                 rc_conv_norm_t norm, slong max_boxes, slong prec, rc_error_t err)
{
    slong k = fmpq_mat_nrows(V), d = fmpq_mat_ncols(V), N = k * d, j;
    fmpq_t lo, hi, m;
    double * Hd, * ud, lam;
    arb_mat_t Hb, Vb;
    int found = 0;

    if (k < 1 || d < 1 || prec < 2 || prec > (1L << 24))
        return rc_error_set(err, "expected k, d >= 1 and a precision in [2, 2^24]");
    if (rc_limit_check_prec(err, prec, "prec") || rc_limit_check_params(err, k, d, 0, "k x d"))
        return 1;
    set_dims(c, k, d);
    c->prec = prec;
    c->norm = norm;
    fmpq_mat_set(c->V, V);
    fmpq_set(c->mu, mu);
    flint_free(c->cover);
    c->cover = NULL;
    c->have_witness = 0;
    fmpq_zero(c->radius_fail);
    fmpq_init(lo); fmpq_init(hi); fmpq_init(m);

    /* mu at or above lambda_min(H(V)): look for a refuting direction */
    Hd = flint_malloc(sizeof(double) * N * N);
    ud = flint_malloc(sizeof(double) * N);
    arb_mat_init(Hb, N, N); arb_mat_init(Vb, k, d);
    arb_mat_set_fmpq_mat(Vb, V, 64);
    rc_hessian(Hb, Vb, Vb, 64);
    rc_mat_get_d(Hd, Hb);
    /* the witness is stored: the portable solver, so that its bytes do not
       depend on the BLAS kernel (the smallest eigenvalue of H(V) is
       multiple, and LAPACK's choice in its eigenspace follows the kernel) */
    if (rc_d_sym_eig_min_portable(&lam, ud, Hd, N) == 0 && lam <= fmpq_get_d(mu) + 1e-12)
    {
        rc_d_vec_canonical(ud, N);
        for (j = 0; j < N; j++)
            rc_number_set_d_digits(fmpq_mat_entry(c->u, 0, j), ud[j], 17);
        c->have_witness = 1;
        fmpq_zero(c->radius);
        rc_convcert_verify(c, err);
        goto out;
    }

    /* single boxes first: the largest 2^-j, j = 1..40, that is proved */
    for (j = 1; j <= 40 && !found; j++)
    {
        fmpq_one(lo);
        fmpq_div_2exp(lo, lo, j);
        found = try_radius(c, lo, 1);
    }
    if (!found)
    {
        fmpq_zero(c->radius);
        rc_convcert_verify(c, err);
        goto out;
    }
    fmpq_mul_2exp(hi, lo, 1);
    /* with subdivision: double while proved (up to radius 1) */
    while (max_boxes > 1 && fmpz_cmp(fmpq_numref(hi), fmpq_denref(hi)) <= 0
           && try_radius(c, hi, max_boxes))
    {
        fmpq_set(lo, hi);
        fmpq_mul_2exp(hi, hi, 1);
    }
    /* then 8 bits of bisection between lo (proved) and hi (not); c->cover
       always holds the cover of the last radius proved, which is lo */
    for (j = 1; j <= 8; j++)
    {
        fmpq_add(m, lo, hi);
        fmpq_div_2exp(m, m, 1);
        if (try_radius(c, m, max_boxes))
            fmpq_set(lo, m);
        else
            fmpq_set(hi, m);
    }
    fmpq_set(c->radius, lo);
    fmpq_set(c->radius_fail, hi);
    rc_convcert_verify(c, err);
out:
    flint_free(Hd); flint_free(ud);
    arb_mat_clear(Hb); arb_mat_clear(Vb);
    fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(m);
    return 0;
}

json_t *
rc_convcert_to_json(const rc_convcert_t c)
{
    json_t * root = rc_cert_json_header("convexity"), * cl = json_object(), * o = json_object();

    json_object_set_new(root, "prec", json_integer(c->prec));
    json_object_set_new(root, "k", json_integer(c->k));
    json_object_set_new(root, "d", json_integer(c->d));
    json_object_set_new(root, "teacher", rc_json_fmpq_mat(c->V));
    json_object_set_new(root, "mu", rc_json_fmpq(c->mu));
    json_object_set_new(root, "radius", rc_json_fmpq(c->radius));
    json_object_set_new(root, "norm", json_string(rc_conv_norm_name(c->norm)));
    if (c->cover != NULL)
        json_object_set_new(root, "cover", json_string(c->cover));
    if (c->have_witness)
        json_object_set_new(root, "witness_direction", rc_json_fmpq_mat(c->u));
    json_object_set_new(o, "verdict", json_string(rc_verdict_name(c->verdict)));
    if (c->have_witness)
        json_object_set_new(o, "witness_quotient", rc_json_enclosure(c->witness_q, c->prec));
    if (!fmpq_is_zero(c->radius_fail))
        json_object_set_new(o, "radius_not_proved", rc_json_fmpq(c->radius_fail));
    json_object_set_new(cl, "strongly_convex", o);
    json_object_set_new(root, "claims", cl);
    json_object_set_new(root, "success", json_boolean(c->verdict == RC_PROVED));
    return root;
}

int
rc_convcert_from_json(rc_convcert_t c, const json_t * root, rc_error_t err)
{
    slong k, d, prec;
    const json_t * w;

    if (rc_json_get_slong(&prec, rc_json_field(root, "prec", "", err), 2, 1L << 24, "prec", err)
        || rc_json_get_slong(&k, rc_json_field(root, "k", "", err), 1, 10000, "k", err)
        || rc_json_get_slong(&d, rc_json_field(root, "d", "", err), 1, 10000, "d", err)
        || rc_limit_check_prec(err, prec, "prec")
        || rc_limit_check_params(err, k, d, 0, "k x d"))
        return 1;
    set_dims(c, k, d);
    c->prec = prec;
    if (rc_json_get_fmpq_mat(c->V, rc_json_field(root, "teacher", "", err), k, d, "teacher", err)
        || rc_json_get_fmpq(c->mu, rc_json_field(root, "mu", "", err), "mu", err)
        || rc_json_get_fmpq(c->radius, rc_json_field(root, "radius", "", err), "radius", err))
        return 1;
    c->norm = RC_CONV_BOX;
    if ((w = json_object_get(root, "norm")) != NULL
        && (!json_is_string(w) || rc_conv_norm_parse(&c->norm, json_string_value(w))))
        return rc_error_set(err, "norm: expected \"box\", \"neuron\" or \"euclid\"");
    flint_free(c->cover);
    c->cover = NULL;
    if ((w = json_object_get(root, "cover")) != NULL)
    {
        if (!json_is_string(w))
            return rc_error_set(err, "cover: expected a string of p, x and s");
        c->cover = flint_malloc(strlen(json_string_value(w)) + 1);
        strcpy(c->cover, json_string_value(w));
    }
    if ((w = json_object_get(root, "witness_direction")) != NULL)
    {
        if (rc_json_get_fmpq_mat(c->u, w, 1, k * d, "witness_direction", err))
            return 1;
        c->have_witness = 1;
    }
    return 0;
}

int
rc_convcert_check(rc_error_t why, const json_t * root)
{
    rc_convcert_t c;
    const json_t * o, * v;
    rc_verdict_t w;
    int ret = 1;

    rc_convcert_init(c);
    if (rc_convcert_from_json(c, root, why) || rc_convcert_verify(c, why))
        goto out;
    o = json_object_get(json_object_get(root, "claims"), "strongly_convex");
    v = json_object_get(o, "verdict");
    if (!json_is_string(v) || rc_verdict_parse(&w, json_string_value(v)))
    {
        rc_error_set(why, "claims.strongly_convex.verdict: expected proved/refuted/undecided");
        goto out;
    }
    if (w != c->verdict)
    {
        rc_error_set(why, "claims.strongly_convex: the certificate says %s, recomputation gives %s",
                     rc_verdict_name(w), rc_verdict_name(c->verdict));
        goto out;
    }
    if (c->have_witness && !(json_is_null(json_object_get(o, "witness_quotient"))
                             && !arb_is_finite(c->witness_q))
        && !rc_json_enclosure_contains(json_object_get(o, "witness_quotient"), c->witness_q))
    {
        rc_error_set(why, "claims.strongly_convex.witness_quotient: the claimed enclosure "
                     "does not contain the recomputed one");
        goto out;
    }
    v = json_object_get(root, "success");
    if (!json_is_boolean(v) || json_is_true(v) != (c->verdict == RC_PROVED))
    {
        rc_error_set(why, "success: does not match the recomputed verdict");
        goto out;
    }
    ret = 0;
out:
    rc_convcert_clear(c);
    return ret;
}
