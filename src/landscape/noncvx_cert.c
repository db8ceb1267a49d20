/* Certificates of kind "nonconvex": negative curvature at the Thm 4 points
   next to an over-parameterized global minimum, for a list of eps. */
#include <string.h>
#include "relucert/limits.h"
#include "relucert/landscape.h"
#include "relucert/cert_json.h"

/* everything about one eps, at the precision rc_thm4_prec(eps) */
typedef struct
{
    slong prec;
    rc_verdict_t verdict;
    arb_t curv, dist, closed;
    int consistent;      /* curv and the closed form overlap */
}
thm4_entry;

static void
entry_compute(thm4_entry * e, slong k, slong n, slong d, const fmpq_t a1q,
              const fmpq_t a2q, const fmpq_t epsq)
{
    arb_t a1, a2, eps;

    e->prec = rc_thm4_prec(epsq);
    arb_init(a1); arb_init(a2); arb_init(eps);
    arb_init(e->curv); arb_init(e->dist); arb_init(e->closed);
    arb_set_fmpq(a1, a1q, e->prec);
    arb_set_fmpq(a2, a2q, e->prec);
    arb_set_fmpq(eps, epsq, e->prec);
    e->verdict = rc_thm4_curvature(e->curv, e->dist, k, n, d, a1, a2, eps, e->prec);
    rc_thm4_closed_form(e->closed, a1, a2, eps, e->prec);
    e->consistent = arb_overlaps(e->curv, e->closed);
    arb_clear(a1); arb_clear(a2); arb_clear(eps);
}

static void
entry_clear(thm4_entry * e)
{
    arb_clear(e->curv); arb_clear(e->dist); arb_clear(e->closed);
}

static int
valid_setup(slong k, slong n, slong d, const fmpq_t a1, const fmpq_t a2, rc_error_t err)
{
    if (k < 1 || n <= k || n > 2 * k || d < FLINT_MAX(k, 2))
        return rc_error_set(err, "expected k >= 1, k < n <= 2k and d >= max(k, 2), "
                            "found k = %ld, n = %ld, d = %ld", (long) k, (long) n, (long) d);
    if (fmpq_sgn(a1) <= 0 || fmpq_sgn(a2) <= 0)
        return rc_error_set(err, "alpha: expected two positive numbers");
    return 0;
}

json_t *
rc_noncvx_to_json(slong k, slong n, slong d, const fmpq_t a1, const fmpq_t a2,
                  const fmpq * eps, slong neps, int * all_proved)
{
    json_t * root = rc_cert_json_header("nonconvex"), * pts = json_array(), * al = json_array();
    slong i;

    *all_proved = 1;
    json_object_set_new(root, "k", json_integer(k));
    json_object_set_new(root, "n", json_integer(n));
    json_object_set_new(root, "d", json_integer(d));
    json_array_append_new(al, rc_json_fmpq(a1));
    json_array_append_new(al, rc_json_fmpq(a2));
    json_object_set_new(root, "alpha", al);
    for (i = 0; i < neps; i++)
    {
        thm4_entry e;
        json_t * o = json_object();
        entry_compute(&e, k, n, d, a1, a2, eps + i);
        json_object_set_new(o, "eps", rc_json_fmpq(eps + i));
        json_object_set_new(o, "prec", json_integer(e.prec));
        json_object_set_new(o, "verdict", json_string(rc_verdict_name(e.verdict)));
        json_object_set_new(o, "curvature", rc_json_enclosure(e.curv, e.prec));
        json_object_set_new(o, "closed_form", rc_json_enclosure(e.closed, e.prec));
        json_object_set_new(o, "distance", rc_json_enclosure(e.dist, e.prec));
        json_array_append_new(pts, o);
        if (e.verdict != RC_PROVED || !e.consistent)
            *all_proved = 0;
        entry_clear(&e);
    }
    json_object_set_new(root, "points", pts);
    json_object_set_new(root, "success", json_boolean(*all_proved));
    return root;
}

int
rc_noncvx_check(rc_error_t why, const json_t * root)
{
    slong k, n, d, i, np;
    fmpq_t a1, a2, eps;
    const json_t * pts, * al;
    int ret = 1, all = 1;
    char buf[64];

    fmpq_init(a1); fmpq_init(a2); fmpq_init(eps);
    if (rc_json_get_slong(&k, rc_json_field(root, "k", "", why), 1, 10000, "k", why)
        || rc_json_get_slong(&n, rc_json_field(root, "n", "", why), 1, 20000, "n", why)
        || rc_json_get_slong(&d, rc_json_field(root, "d", "", why), 1, 10000, "d", why)
        || rc_limit_check_params(why, n, d, 0, "n x d"))
        goto out;
    al = rc_json_field(root, "alpha", "", why);
    if (al == NULL || !json_is_array(al) || json_array_size(al) != 2
        || rc_json_get_fmpq(a1, json_array_get(al, 0), "alpha[0]", why)
        || rc_json_get_fmpq(a2, json_array_get(al, 1), "alpha[1]", why))
    {
        if (al != NULL)
            rc_error_set(why, "alpha: expected two exact numbers");
        goto out;
    }
    if (valid_setup(k, n, d, a1, a2, why))
        goto out;
    pts = rc_json_field(root, "points", "", why);
    if (pts == NULL || !json_is_array(pts) || (np = json_array_size(pts)) < 1 || np > 1000)
    {
        rc_error_set(why, "points: expected an array of 1..1000 entries");
        goto out;
    }
    for (i = 0; i < np; i++)
    {
        const json_t * o = json_array_get(pts, i);
        thm4_entry e;
        rc_verdict_t w;
        int bad = 0;
        snprintf(buf, sizeof buf, "points[%ld]", (long) i);
        if (rc_json_get_fmpq(eps, json_object_get(o, "eps"), buf, why))
            goto out;
        if (fmpq_sgn(eps) <= 0 || fmpq_cmp_ui(eps, 1) > 0)
        {
            rc_error_set(why, "%s.eps: expected a number in (0, 1]", buf);
            goto out;
        }
        {
            char b2[96];
            snprintf(b2, sizeof b2, "%s.eps", buf);
            if (rc_limit_check_prec(why, rc_thm4_prec(eps), b2))
                goto out;
        }
        entry_compute(&e, k, n, d, a1, a2, eps);
        if (!json_is_string(json_object_get(o, "verdict"))
            || rc_verdict_parse(&w, json_string_value(json_object_get(o, "verdict"))))
            bad = rc_error_set(why, "%s.verdict: expected proved/refuted/undecided", buf);
        else if (w != e.verdict)
            bad = rc_error_set(why, "%s: the certificate says %s, recomputation gives %s",
                               buf, rc_verdict_name(w), rc_verdict_name(e.verdict));
        else if (!rc_json_is_slong(json_object_get(o, "prec"), e.prec))
            bad = rc_error_set(why, "%s.prec: expected %ld", buf, (long) e.prec);
        else if (!rc_json_enclosure_contains(json_object_get(o, "curvature"), e.curv))
            bad = rc_error_set(why, "%s.curvature: the claimed enclosure does not contain "
                               "the recomputed one", buf);
        else if (!rc_json_enclosure_contains(json_object_get(o, "closed_form"), e.closed))
            bad = rc_error_set(why, "%s.closed_form: the claimed enclosure does not contain "
                               "the recomputed one", buf);
        else if (!rc_json_enclosure_contains(json_object_get(o, "distance"), e.dist))
            bad = rc_error_set(why, "%s.distance: the claimed enclosure does not contain "
                               "the recomputed one", buf);
        if (e.verdict != RC_PROVED || !e.consistent)
            all = 0;
        entry_clear(&e);
        if (bad)
            goto out;
    }
    if (!json_is_boolean(json_object_get(root, "success"))
        || json_is_true(json_object_get(root, "success")) != all)
    {
        rc_error_set(why, "success: does not match the recomputed verdicts");
        goto out;
    }
    ret = 0;
out:
    fmpq_clear(a1); fmpq_clear(a2); fmpq_clear(eps);
    return ret;
}
