/* The summaries relucert prints for the landscape certificates (convexity,
   nonconvex, opsc-fails, pl-fails, opsc), derived from the certificate
   alone, so that the command, the C API and Python say the same words. */
#include <string.h>
#include "relucert/relucert.h"
#include "relucert/workflow.h"

/* the exact number in the JSON string v as a double (display only); 0 if
   it is not one */
static double
json_num_d(const json_t * v)
{
    fmpq_t q;
    rc_error_t err;
    double x = 0;

    fmpq_init(q);
    if (json_is_string(v) && rc_number_parse_fmpq(q, json_string_value(v), err) == 0)
        x = fmpq_get_d(q);
    fmpq_clear(q);
    return x;
}

static const char *
str(const json_t * root, const char * key)
{
    const char * s = json_string_value(json_object_get(root, key));
    return s != NULL ? s : "?";
}

static slong
num(const json_t * root, const char * key)
{
    return json_integer_value(json_object_get(root, key));
}

static void
convexity_summary(FILE * f, const json_t * root, slong boxes)
{
    const json_t * cl = json_object_get(json_object_get(root, "claims"), "strongly_convex");
    const char * v = str(cl, "verdict"), * m = str(root, "mu"), * r = str(root, "radius");
    const char * norm = str(root, "norm"), * region;
    const char * cover = json_string_value(json_object_get(root, "cover"));
    slong proved = 0, outside = 0;

    if (strcmp(norm, "box") == 0)
        region = "the box |W - V|_inf";
    else if (strcmp(norm, "neuron") == 0)
        region = "the per-neuron balls |w_i - v_i|";
    else
        region = "the Euclidean ball |W - V|";
    if (cover == NULL)      /* the single box */
        proved = 1;
    else
        for (; *cover; cover++)
        {
            proved += *cover == 'p';
            outside += *cover == 'x';
        }
    if (strcmp(v, "proved") == 0)
        fprintf(f, "strongly convex: proved, lambda_min >= %s on %s <= %s (%.6g); "
                "sub-boxes: %ld proved, %ld outside\n", m, region, r,
                json_num_d(json_object_get(root, "radius")), (long) proved, (long) outside);
    else if (strcmp(v, "refuted") == 0)
    {
        const json_t * w = json_object_get(cl, "witness_quotient");
        fprintf(f, "strongly convex with lambda_min >= %s: refuted at W = V itself "
                "(a direction with quotient %.10g)\n", m,
                (json_num_d(json_object_get(w, "lo")) + json_num_d(json_object_get(w, "hi"))) / 2);
    }
    else
        fprintf(f, "strongly convex with lambda_min >= %s: %s (no radius 2^-40 or larger "
                "proved)\n", m, v);
    if (strcmp(v, "proved") == 0 && json_num_d(json_object_get(cl, "radius_not_proved")) != 0)
    {
        fprintf(f, "the next radius tried, %.6g, was not proved",
                json_num_d(json_object_get(cl, "radius_not_proved")));
        if (boxes > 0)
            fprintf(f, " with %ld Hessian enclosures", (long) boxes);
        fputc('\n', f);
    }
}

static void
nonconvex_summary(FILE * f, const json_t * root)
{
    const json_t * pts = json_object_get(root, "points");
    size_t i;

    fprintf(f, "%-8s %-14s %-14s %-29s %s\n", "eps", "distance <=", "curvature <=",
            "closed form in", "verdict");
    for (i = 0; i < json_array_size(pts); i++)
    {
        const json_t * o = json_array_get(pts, i);
        char dist[64], cur[64], cl[64], ch[64];
        rc_report_short_bound(dist, sizeof dist, json_object_get(json_object_get(o, "distance"), "hi"), 0);
        rc_report_short_bound(cur, sizeof cur, json_object_get(json_object_get(o, "curvature"), "hi"), 0);
        rc_report_short_bound(cl, sizeof cl, json_object_get(json_object_get(o, "closed_form"), "lo"), 1);
        rc_report_short_bound(ch, sizeof ch, json_object_get(json_object_get(o, "closed_form"), "hi"), 0);
        fprintf(f, "%-8.2g %-14s %-14s [%s, %s] %s\n", json_num_d(json_object_get(o, "eps")),
                dist, cur, cl, ch, str(o, "verdict"));
    }
}

static void
fails_summary(FILE * f, const json_t * root, int pl)
{
    const json_t * pts = json_object_get(root, "points"), * lams = json_object_get(root, "lambdas");
    size_t i;

    fprintf(f, "%-8s %-8s %-13s %-13s %s%s\n", "lambda", "eps", "distance <=",
            pl ? "PL ratio <=" : "OPSC ratio <=", pl ? "" : "Hessian q <=   ", "verdict");
    for (i = 0; i < json_array_size(lams); i++)
    {
        const json_t * o = json_array_get(lams, i), * pt = json_object_get(o, "point");
        char ds[64] = "-", r1[64] = "-", r2[64] = "-";
        double ev = 0;
        if (json_is_integer(pt))
        {
            const json_t * q = json_array_get(pts, json_integer_value(pt));
            ev = json_num_d(json_object_get(q, "eps"));
            rc_report_short_bound(ds, sizeof ds, json_object_get(json_object_get(q, "distance"), "hi"), 0);
            rc_report_short_bound(r1, sizeof r1, json_object_get(json_object_get(q, pl ? "pl_ratio"
                                                                            : "opsc_ratio"), "hi"), 0);
            rc_report_short_bound(r2, sizeof r2, json_object_get(json_object_get(q, "hessian_quotient"), "hi"), 0);
        }
        fprintf(f, "%-8.2g %-8.2g %-13s %-13s %-15s%s\n", json_num_d(json_object_get(o, "lambda")),
                ev, ds, r1, pl ? "" : r2, str(o, "verdict"));
    }
}

static void
opsc_summary(FILE * f, const json_t * root)
{
    const json_t * sum = json_object_get(root, "summary");
    slong k = num(root, "k"), m = num(root, "m"), samples = num(root, "samples");
    const char * radius = str(root, "radius"), * lambda = str(root, "lambda");

    if (!json_is_true(json_object_get(root, "adversarial")))
    {
        slong np = num(sum, "opsc_proved"), nc = num(sum, "conj12_proved");
        char lam[64];
        rc_report_short_bound(lam, sizeof lam, json_object_get(sum, "smallest_lam_U"), 1);
        fprintf(f, "k = %ld, m = %ld, %ld Gaussian directions, s in [0, %s]:\n", (long) k, (long) m,
                (long) samples, radius);
        fprintf(f, "  OPSC on the whole segment: %ld proved, %ld undecided; smallest lam_U >= %s\n",
                (long) np, (long) (samples - np), lam);
        fprintf(f, "  Conjecture 12 on the whole segment: %ld proved, %ld undecided\n",
                (long) nc, (long) (samples - nc));
        fprintf(f, "  lam_U >= %s: %ld of %ld; 95%% lower confidence bound on the probability: %s\n",
                lambda, (long) num(sum, "lam_U_at_least_lambda"), (long) samples,
                str(sum, "clopper_pearson_95_lower"));
    }
    else
    {
        slong nr = num(sum, "opsc_lambda_refuted"), nc = num(sum, "conj12_proved");
        char c[64];
        rc_report_short_bound(c, sizeof c, json_object_get(sum, "smallest_c_U"), 1);
        fprintf(f, "k = %ld, m = %ld, %ld adversarial directions, s in [0, %s]:\n", (long) k, (long) m,
                (long) samples, radius);
        fprintf(f, "  OPSC with constant %s refuted near s = 0: %ld of %ld\n", lambda, (long) nr,
                (long) samples);
        fprintf(f, "  the quotient at s = 0 is exactly 0 (every g_i = 0), so OPSC fails with any\n"
                "  positive constant as s -> 0\n");
        fprintf(f, "  Conjecture 12 proved on (0, %s] with U^T H U >= c_U s |U|^2: %ld of %ld; "
                "smallest c_U >= %s\n", radius, (long) nc, (long) samples, c);
    }
}

int
rc_landscape_summary_write(FILE * out, const json_t * cert, slong boxes)
{
    const char * kind = str(cert, "kind");

    if (strcmp(kind, "convexity") == 0)
        convexity_summary(out, cert, boxes);
    else if (strcmp(kind, "nonconvex") == 0)
        nonconvex_summary(out, cert);
    else if (strcmp(kind, "opsc-fails") == 0 || strcmp(kind, "pl-fails") == 0)
        fails_summary(out, cert, strcmp(kind, "pl-fails") == 0);
    else if (strcmp(kind, "opsc") == 0)
        opsc_summary(out, cert);
    else
        return 1;
    return 0;
}

void
rc_nonconvex_summary_write(FILE * out, const json_t * cert, slong boxes)
{
    if (strcmp(str(cert, "kind"), "convexity") != 0)
    {
        rc_landscape_summary_write(out, cert, boxes);
        return;
    }
    fprintf(out, "n = k: the global minimum is a strict minimum with a positive definite "
            "Hessian nearby, so no point of negative curvature exists near it; certifying "
            "strong convexity with a radius instead:\n");
    rc_landscape_summary_write(out, cert, boxes);
    fprintf(out, "non-convexity near the minimum (n = k): refuted (the certificate is the "
            "convexity one)\n");
}
