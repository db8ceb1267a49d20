/* Failure of one-point strong convexity and of the PL inequality next to an
   over-parameterized global minimum (the paper's Thms 7 and 9,
   proofs/model.md M4.3), and their certificates ("opsc-fails", "pl-fails"). */
#include <string.h>
#include "relucert/limits.h"
#include "relucert/landscape.h"
#include "relucert/cert_json.h"
#include "relucert/eval.h"

void
rc_thm79_point(arb_mat_t W, arb_mat_t V, arb_mat_t D, const arb_t a1,
               const arb_t a2, const arb_t eps, slong prec)
{
    slong k = arb_mat_nrows(V), j;

    arb_mat_zero(V);
    for (j = 0; j < k; j++)
        arb_one(arb_mat_entry(V, j, j));
    arb_mat_zero(W);
    arb_mat_zero(D);
    arb_set(arb_mat_entry(W, 0, 0), a1);
    arb_set(arb_mat_entry(W, 0, 1), eps);
    arb_set(arb_mat_entry(W, 1, 0), a2);
    arb_neg(arb_mat_entry(W, 1, 1), eps);
    for (j = 1; j < k; j++)
        arb_one(arb_mat_entry(W, j + 1, j));
    arb_set(arb_mat_entry(D, 0, 1), eps);
    arb_neg(arb_mat_entry(D, 1, 1), eps);
    (void) prec;
}

int
rc_thm79_ratios(arb_t opsc, arb_t hq, arb_t pl, arb_t dist, slong k, slong d,
                const arb_t a1, const arb_t a2, const arb_t eps, slong prec)
{
    slong n = k + 1, i;
    arb_mat_t W, V, D, G;
    arb_t dd, t, F;
    int ok;

    arb_mat_init(W, n, d); arb_mat_init(V, k, d); arb_mat_init(D, n, d);
    arb_mat_init(G, n, d);
    arb_init(dd); arb_init(t); arb_init(F);
    rc_thm79_point(W, V, D, a1, a2, eps, prec);
    /* |D|^2 = 2 eps^2 */
    arb_sqr(dd, eps, prec);
    arb_mul_2exp_si(dd, dd, 1);
    arb_sqrtpos(dist, dd, prec);
    ok = rc_gradient(G, W, V, prec) && rc_hessian_quad_form(hq, W, V, D, prec);
    if (ok)
    {
        arb_zero(opsc);
        arb_zero(pl);
        for (i = 0; i < n * d; i++)
        {
            arb_addmul(opsc, arb_mat_entry(G, i / d, i % d), arb_mat_entry(D, i / d, i % d), prec);
            arb_addmul(pl, arb_mat_entry(G, i / d, i % d), arb_mat_entry(G, i / d, i % d), prec);
        }
        arb_div(opsc, opsc, dd, prec);
        arb_div(hq, hq, dd, prec);
        rc_loss(F, W, V, prec);
        arb_mul_2exp_si(F, F, 1);
        arb_div(pl, pl, F, prec);       /* indeterminate if F may be 0 */
    }
    else
    {
        arb_indeterminate(opsc);
        arb_indeterminate(hq);
        arb_indeterminate(pl);
    }
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(D); arb_mat_clear(G);
    arb_clear(dd); arb_clear(t); arb_clear(F);
    return ok;
}

slong
rc_thm79_prec(const fmpq_t eps)
{
    slong b;
    fmpq_t e;

    fmpq_init(e);
    fmpq_abs(e, eps);
    b = fmpq_is_zero(e) ? 0
        : FLINT_MAX(0, (slong) fmpz_bits(fmpq_denref(e)) - (slong) fmpz_bits(fmpq_numref(e)) + 1);
    /* (the bit counts are unsigned: without the casts an eps > 1 wrapped
       around to a negative precision; found by fuzz/fuzz_cert) */
    fmpq_clear(e);
    return 128 + 4 * b;
}

/* ---- certificates ---- */

typedef struct
{
    slong prec;
    arb_t r1, r2, dist;   /* opsc-fails: OPSC ratio, Hessian quotient; pl-fails: PL ratio */
    rc_verdict_t positive;
}
point79;

static void
point_compute(point79 * p, int pl_kind, slong k, slong d, const fmpq_t a1q,
              const fmpq_t a2q, const fmpq_t epsq)
{
    arb_t a1, a2, eps, o, h, l;

    p->prec = rc_thm79_prec(epsq);
    arb_init(a1); arb_init(a2); arb_init(eps); arb_init(o); arb_init(h); arb_init(l);
    arb_init(p->r1); arb_init(p->r2); arb_init(p->dist);
    arb_set_fmpq(a1, a1q, p->prec);
    arb_set_fmpq(a2, a2q, p->prec);
    arb_set_fmpq(eps, epsq, p->prec);
    rc_thm79_ratios(o, h, l, p->dist, k, d, a1, a2, eps, p->prec);
    if (pl_kind)
    {
        arb_set(p->r1, l);
        arb_indeterminate(p->r2);
        p->positive = arb_is_positive(l) ? RC_PROVED : RC_UNDECIDED;
    }
    else
    {
        arb_set(p->r1, o);
        arb_set(p->r2, h);
        p->positive = arb_is_positive(o) && arb_is_positive(h) ? RC_PROVED : RC_UNDECIDED;
    }
    arb_clear(a1); arb_clear(a2); arb_clear(eps); arb_clear(o); arb_clear(h); arb_clear(l);
}

static void
point_clear(point79 * p)
{
    arb_clear(p->r1); arb_clear(p->r2); arb_clear(p->dist);
}

/* every claimed ratio of p is < lambda */
static rc_verdict_t
below(const point79 * p, int pl_kind, const fmpq_t lambda)
{
    arb_t l;
    rc_verdict_t v;

    arb_init(l);
    arb_set_fmpq(l, lambda, p->prec);
    v = (arb_lt(p->r1, l) && (pl_kind || arb_lt(p->r2, l))) ? RC_PROVED : RC_UNDECIDED;
    arb_clear(l);
    return v;
}

static int
setup_ok(slong k, slong d, const fmpq_t a1, const fmpq_t a2, rc_error_t err)
{
    if (k < 2 || d < k)
        return rc_error_set(err, "expected k >= 2 and d >= k, found k = %ld, d = %ld",
                            (long) k, (long) d);
    if (fmpq_sgn(a1) <= 0 || fmpq_sgn(a2) <= 0)
        return rc_error_set(err, "alpha: expected two positive numbers");
    return 0;
}

json_t *
rc_thm79_to_json(int pl_kind, slong k, slong d, const fmpq_t a1, const fmpq_t a2,
                 const fmpq * eps, slong neps, const fmpq * lambda, slong nlam,
                 int * all_proved)
{
    json_t * root = rc_cert_json_header(pl_kind ? "pl-fails" : "opsc-fails");
    json_t * pts = json_array(), * lams = json_array(), * al = json_array();
    point79 * p = flint_malloc(sizeof(point79) * FLINT_MAX(neps, 1));
    slong i, j;

    *all_proved = 1;
    json_object_set_new(root, "k", json_integer(k));
    json_object_set_new(root, "n", json_integer(k + 1));
    json_object_set_new(root, "d", json_integer(d));
    json_array_append_new(al, rc_json_fmpq(a1));
    json_array_append_new(al, rc_json_fmpq(a2));
    json_object_set_new(root, "alpha", al);
    for (i = 0; i < neps; i++)
    {
        json_t * o = json_object();
        point_compute(p + i, pl_kind, k, d, a1, a2, eps + i);
        json_object_set_new(o, "eps", rc_json_fmpq(eps + i));
        json_object_set_new(o, "prec", json_integer(p[i].prec));
        json_object_set_new(o, "distance", rc_json_enclosure(p[i].dist, p[i].prec));
        if (pl_kind)
            json_object_set_new(o, "pl_ratio", rc_json_enclosure(p[i].r1, p[i].prec));
        else
        {
            json_object_set_new(o, "opsc_ratio", rc_json_enclosure(p[i].r1, p[i].prec));
            json_object_set_new(o, "hessian_quotient", rc_json_enclosure(p[i].r2, p[i].prec));
        }
        json_object_set_new(o, "positive", json_string(rc_verdict_name(p[i].positive)));
        json_array_append_new(pts, o);
    }
    for (j = 0; j < nlam; j++)
    {
        json_t * o = json_object();
        slong best = -1;
        /* the largest eps whose ratios are all below lambda */
        for (i = 0; i < neps; i++)
            if (below(p + i, pl_kind, lambda + j) == RC_PROVED
                && (best < 0 || fmpq_cmp(eps + i, eps + best) > 0))
                best = i;
        json_object_set_new(o, "lambda", rc_json_fmpq(lambda + j));
        json_object_set_new(o, "point", best >= 0 ? json_integer(best) : json_null());
        json_object_set_new(o, "verdict", json_string(best >= 0 ? "proved" : "undecided"));
        json_array_append_new(lams, o);
        if (best < 0)
            *all_proved = 0;
    }
    json_object_set_new(root, "points", pts);
    json_object_set_new(root, "lambdas", lams);
    json_object_set_new(root, "success", json_boolean(*all_proved));
    for (i = 0; i < neps; i++)
        point_clear(p + i);
    flint_free(p);
    return root;
}

int
rc_thm79_check(rc_error_t why, const json_t * root, int pl_kind)
{
    slong k, n, d, i, np, nl;
    fmpq_t a1, a2, x;
    const json_t * pts, * lams, * al;
    point79 * p = NULL;
    int ret = 1, all = 1;
    char buf[64];

    fmpq_init(a1); fmpq_init(a2); fmpq_init(x);
    np = 0;
    if (rc_json_get_slong(&k, rc_json_field(root, "k", "", why), 1, 10000, "k", why)
        || rc_json_get_slong(&n, rc_json_field(root, "n", "", why), 1, 20000, "n", why)
        || rc_json_get_slong(&d, rc_json_field(root, "d", "", why), 1, 10000, "d", why)
        || rc_limit_check_params(why, n, d, 0, "n x d"))
        goto out;
    al = json_object_get(root, "alpha");
    if (!json_is_array(al) || json_array_size(al) != 2
        || rc_json_get_fmpq(a1, json_array_get(al, 0), "alpha[0]", why)
        || rc_json_get_fmpq(a2, json_array_get(al, 1), "alpha[1]", why))
    {
        rc_error_set(why, "alpha: expected two exact numbers");
        goto out;
    }
    if (n != k + 1)
    {
        rc_error_set(why, "n: expected k + 1 = %ld", (long) k + 1);
        goto out;
    }
    if (setup_ok(k, d, a1, a2, why))
        goto out;
    pts = json_object_get(root, "points");
    lams = json_object_get(root, "lambdas");
    if (!json_is_array(pts) || (np = json_array_size(pts)) < 1 || np > 1000
        || !json_is_array(lams) || (nl = json_array_size(lams)) > 1000)
    {
        np = 0;
        rc_error_set(why, "points, lambdas: expected arrays (1..1000 points)");
        goto out;
    }
    p = flint_malloc(sizeof(point79) * np);
    for (i = 0; i < np; i++)
    {
        const json_t * o = json_array_get(pts, i);
        rc_verdict_t w;
        snprintf(buf, sizeof buf, "points[%ld].eps", (long) i);
        if (rc_json_get_fmpq(x, json_object_get(o, "eps"), buf, why) || fmpq_sgn(x) <= 0
            || fmpq_cmp_ui(x, 1) > 0 || rc_limit_check_prec(why, rc_thm79_prec(x), buf))
        {
            /* eps in (0, 1], as the certifier takes it (fuzz/fuzz_cert found
               eps = 1.1e116 driving a working precision negative) */
            if (fmpq_sgn(x) <= 0 || fmpq_cmp_ui(x, 1) > 0)
                rc_error_set(why, "%s: expected a number in (0, 1]", buf);
            np = i;
            goto out;
        }
        point_compute(p + i, pl_kind, k, d, a1, a2, x);
        snprintf(buf, sizeof buf, "points[%ld]", (long) i);
        if (!rc_json_is_slong(json_object_get(o, "prec"), p[i].prec))
        {
            rc_error_set(why, "%s.prec: expected %ld", buf, (long) p[i].prec);
            np = i + 1;
            goto out;
        }
        if (!rc_json_enclosure_contains(json_object_get(o, "distance"), p[i].dist)
            || !rc_json_enclosure_contains(json_object_get(o, pl_kind ? "pl_ratio" : "opsc_ratio"), p[i].r1)
            || (!pl_kind && !rc_json_enclosure_contains(json_object_get(o, "hessian_quotient"), p[i].r2)))
        {
            rc_error_set(why, "%s: a claimed enclosure does not contain the recomputed one", buf);
            np = i + 1;
            goto out;
        }
        if (!json_is_string(json_object_get(o, "positive"))
            || rc_verdict_parse(&w, json_string_value(json_object_get(o, "positive")))
            || w != p[i].positive)
        {
            rc_error_set(why, "%s.positive: does not match the recomputed verdict %s", buf,
                         rc_verdict_name(p[i].positive));
            np = i + 1;
            goto out;
        }
    }
    for (i = 0; i < nl; i++)
    {
        const json_t * o = json_array_get(lams, i), * pt = json_object_get(o, "point");
        rc_verdict_t w, v = RC_UNDECIDED;
        snprintf(buf, sizeof buf, "lambdas[%ld]", (long) i);
        if (rc_json_get_fmpq(x, json_object_get(o, "lambda"), buf, why))
            goto out;
        if (json_is_integer(pt))
        {
            slong j = json_integer_value(pt);
            if (j < 0 || j >= np)
            {
                rc_error_set(why, "%s.point: expected an index in 0..%ld", buf, (long) np - 1);
                goto out;
            }
            v = below(p + j, pl_kind, x);
        }
        if (!json_is_string(json_object_get(o, "verdict"))
            || rc_verdict_parse(&w, json_string_value(json_object_get(o, "verdict"))) || w != v)
        {
            rc_error_set(why, "%s: the certificate's verdict differs from the recomputed %s",
                         buf, rc_verdict_name(v));
            goto out;
        }
        if (v != RC_PROVED)
            all = 0;
    }
    if (!json_is_boolean(json_object_get(root, "success"))
        || json_is_true(json_object_get(root, "success")) != all)
    {
        rc_error_set(why, "success: does not match the recomputed verdicts");
        goto out;
    }
    ret = 0;
out:
    for (i = 0; i < np; i++)
        point_clear(p + i);
    flint_free(p);
    fmpq_clear(a1); fmpq_clear(a2); fmpq_clear(x);
    return ret;
}
