/* The certificate of kind "opsc": OPSC and Conjecture 12 along sampled
   directions, by the ray argument over s-pieces (proofs/model.md M5.1,
   lemma L6). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/limits.h"
#include "relucert/opsc.h"
#include "relucert/cert_json.h"
#include "relucert/number.h"
#include "relucert/di.h"

#define MAX_DEPTH 14          /* Gaussian pieces: at most 2^14 */
#define ADV_DEPTH 24          /* adversarial slope pieces: at most 2^24 */

void
rc_opsc_params_init(rc_opsc_params_t p)
{
    memset(p, 0, sizeof(rc_opsc_params_struct));
    fmpq_init(p->sigma2);
    fmpq_init(p->radius);
    fmpq_init(p->lambda);
    p->prec = 128;
    p->fast = 1;
}

void
rc_opsc_params_clear(rc_opsc_params_t p)
{
    fmpq_clear(p->sigma2);
    fmpq_clear(p->radius);
    fmpq_clear(p->lambda);
}

/* what one direction needs */
typedef struct
{
    slong k, m, prec;
    int adv;              /* adversarial: pieces enclose q(s)/s, not q */
    int fast;             /* pieces by the binary64 fast path (F) */
    arb_mat_t Wt, V, U;
    rc_opsc_fast_t F;
    arb_t uu, rhs, L;     /* |U|^2, Conjecture 12's right side, lambda |U|^2 */
}
dir_t;

static void
dir_init(dir_t * D, const rc_opsc_params_struct * p, slong idx)
{
    slong n = p->k * p->m;
    D->k = p->k;
    D->m = p->m;
    D->prec = p->prec;
    D->adv = p->adversarial;
    arb_mat_init(D->Wt, n, p->k); arb_mat_init(D->V, p->k, p->k); arb_mat_init(D->U, n, p->k);
    arb_init(D->uu); arb_init(D->rhs); arb_init(D->L);
    arb_mat_one(D->V);
    rc_opsc_minimum(D->Wt, p->k, p->m, p->prec);
    rc_opsc_direction(D->U, p->k, p->m, p->sigma2, p->seed, idx, p->adversarial, p->prec);
    {
        slong i;
        arb_zero(D->uu);
        for (i = 0; i < n * p->k; i++)
            arb_addmul(D->uu, arb_mat_entry(D->U, i / p->k, i % p->k),
                       arb_mat_entry(D->U, i / p->k, i % p->k), p->prec);
    }
    rc_opsc_conj12_rhs(D->rhs, D->U, p->k, p->m, p->prec);
    D->fast = p->fast && rc_di_usable();
    if (D->fast)
        rc_opsc_fast_init(D->F, D->U, p->k, p->m);     /* U U^T: not needed by Arb */
    arb_set_fmpq(D->L, p->lambda, p->prec);
    arb_mul(D->L, D->L, D->uu, p->prec);
}

static void
dir_clear(dir_t * D)
{
    arb_mat_clear(D->Wt); arb_mat_clear(D->V); arb_mat_clear(D->U);
    arb_clear(D->uu); arb_clear(D->rhs); arb_clear(D->L);
    if (D->fast)
        rc_opsc_fast_clear(D->F);
}

/* -1 if no neuron's segment w~_a + s U_a, s in [0, R], can reach 0
   (certified: the minimum of |w~_a + s U_a|^2 over s in [0, R] is > 0),
   else the first neuron that may */
slong
rc_opsc_segment_zero_neuron(const arb_mat_t Wt, const arb_mat_t U, const fmpq_t R, slong prec)
{
    slong n = arb_mat_nrows(U), d = arb_mat_ncols(U), a;
    arb_t wu, uu, ww, s, r, t;
    slong res = -1;

    arb_init(wu); arb_init(uu); arb_init(ww); arb_init(s); arb_init(r); arb_init(t);
    arb_set_fmpq(r, R, prec);
    for (a = 0; a < n && res < 0; a++)
    {
        arb_srcptr w = arb_mat_entry(Wt, a, 0), u = arb_mat_entry(U, a, 0);
        arb_dot(wu, NULL, 0, w, 1, u, 1, d, prec);
        arb_dot(uu, NULL, 0, u, 1, u, 1, d, prec);
        arb_dot(ww, NULL, 0, w, 1, w, 1, d, prec);
        /* |w + s u|^2 = ww + 2 s wu + s^2 uu, minimal at s* = -wu/uu clipped */
        if (arb_is_zero(uu))
            arb_set(t, ww);
        else
        {
            arb_div(s, wu, uu, prec);
            arb_neg(s, s);
            if (arb_is_nonpositive(s))
                arb_zero(s);
            else if (arb_ge(s, r))
                arb_set(s, r);
            else if (!(arb_is_positive(s) && arb_lt(s, r)))
            {
                /* s* straddles an end: take the hull */
                arb_t z;
                arb_init(z);
                arb_nonnegative_part(s, s);
                arb_min(s, s, r, prec);
                arb_clear(z);
            }
            /* value at s (the quadratic is convex: exact minimum value) */
            arb_mul(t, s, uu, prec);
            arb_addmul_ui(t, wu, 2, prec);
            arb_mul(t, t, s, prec);
            arb_add(t, t, ww, prec);
        }
        if (!arb_is_positive(t))
            res = a;
    }
    arb_clear(wu); arb_clear(uu); arb_clear(ww); arb_clear(s); arb_clear(r); arb_clear(t);
    return res;
}

/* q enclosed over the piece [lo, hi] (or at the point lo = hi). With
   D->fast by the centred form in binary64, and a failure is final (the
   piece is split). Otherwise by the centred form in Arb when lo < hi (few
   pieces), else (a point, or a pair the centred form cannot handle) by the
   direct enclosure. */
static void
piece(arb_t q, dir_t * D, const fmpq_t lo, const fmpq_t hi)
{
    if (D->fast)
    {
        rc_opsc_form_centered_fast(q, D->F, D->U, lo, hi, D->prec);
        return;
    }
    if (fmpq_cmp(lo, hi) < 0 && rc_opsc_form_centered(q, D->U, D->k, D->m, lo, hi, D->prec))
        return;
    if (!rc_opsc_form(q, D->Wt, D->V, D->U, lo, hi, D->prec))
        arb_indeterminate(q);
}

/* the slope q(s)/s of an adversarial direction over [lo, hi] (lo = 0:
   (0, hi]) */
static void
slope_piece(arb_t psi, dir_t * D, const fmpq_t lo, const fmpq_t hi)
{
    if (D->fast)
        rc_opsc_slope_piece_fast(psi, D->F, lo, hi, D->prec);
    else if (!rc_opsc_slope_piece(psi, D->U, D->k, D->m, lo, hi, D->prec))
        arb_indeterminate(psi);
}

/* what a piece [lo, hi] is judged on: q over it (Gaussian) or the slope
   q(s)/s (adversarial) */
static void
piece_eval(arb_t x, dir_t * D, const fmpq_t lo, const fmpq_t hi)
{
    if (D->adv)
        slope_piece(x, D, lo, hi);
    else
        piece(x, D, lo, hi);
}

/* Gaussian: lam = min over the pieces of lower(q) / |U|^2 (as an arf,
   rounded down), opsc: all q > 0, c12: all q >= rhs. Adversarial: lam =
   min over the pieces of lower(q(s)/s) / |U|^2 (c_U), c12: all q(s)/s > 0. */
typedef struct
{
    arf_t lam;
    int opsc, c12;
}
seg_t;

static void
seg_start(seg_t * r)
{
    arf_pos_inf(r->lam);
    r->opsc = r->c12 = 1;
}

/* whether q(S) >= rhs (Gaussian) or q(s)/s > 0 (adversarial) holds on the
   piece, for its enclosure x (piece_eval) */
static int
piece_c12(dir_t * D, const arb_t x)
{
    return D->adv ? arb_is_positive(x) : arb_ge(x, D->rhs);
}

/* the outcome of one piece with enclosure x */
static void
seg_add(seg_t * r, dir_t * D, const arb_t x)
{
    arb_t t;
    arf_t lo;

    arb_init(t);
    arf_init(lo);
    if (!arb_is_positive(x))
        r->opsc = 0;
    if (!piece_c12(D, x))
        r->c12 = 0;
    arb_div(t, x, D->uu, D->prec);
    arb_get_lbound_arf(lo, t, D->prec);
    if (arf_cmp(lo, r->lam) < 0)
        arf_set(r->lam, lo);
    arb_clear(t);
    arf_clear(lo);
}

/* the outcome of the pieces between given breaks (np + 1 entries) */
static void
segment(seg_t * r, dir_t * D, const fmpq * breaks, slong np)
{
    arb_t x;
    slong i;

    arb_init(x);
    seg_start(r);
    for (i = 0; i < np; i++)
    {
        piece_eval(x, D, breaks + i, breaks + i + 1);
        seg_add(r, D, x);
    }
    arb_clear(x);
}

/* adaptive bisection of [a, b]: appends the breaks after a and adds each
   accepted piece's outcome to r (what segment() recomputes from the
   breaks) */
static void
split(fmpq ** br, slong * nb, seg_t * r, dir_t * D, const fmpq_t a, const fmpq_t b,
      int depth)
{
    arb_t x;
    int ok;

    arb_init(x);
    piece_eval(x, D, a, b);
    ok = arb_is_positive(x) && piece_c12(D, x);
    if (!ok && depth < (D->adv ? ADV_DEPTH : MAX_DEPTH))
    {
        fmpq_t mid;
        fmpq_init(mid);
        fmpq_add(mid, a, b);
        fmpq_div_2exp(mid, mid, 1);
        split(br, nb, r, D, a, mid, depth + 1);
        split(br, nb, r, D, mid, b, depth + 1);
        fmpq_clear(mid);
        arb_clear(x);
        return;
    }
    seg_add(r, D, x);
    arb_clear(x);
    *br = flint_realloc(*br, sizeof(fmpq) * (*nb + 1));
    fmpq_init(*br + *nb);
    fmpq_set(*br + *nb, b);
    (*nb)++;
}

/* the breaks 0 = b_0 < ... < b_nb-1 = R of the pieces found by bisection
   of [0, R] (*br allocated here), r their outcome */
static void
bisect(fmpq ** br, slong * nb, seg_t * r, dir_t * D, const fmpq_t R)
{
    fmpq_t z;

    fmpq_init(z);                   /* not *br: split moves the array */
    *br = flint_malloc(sizeof(fmpq));
    fmpq_init(*br);
    *nb = 1;
    seg_start(r);
    split(br, nb, r, D, z, R, 0);
    fmpq_clear(z);
}

/* 1 if q(s) < lambda |U|^2 for every s in [0, t] is certified: lambda > 0,
   q(0) = 0 (adversarial) and q(s) = s psi(s) <= max(0, t psi_hi) on (0, t] */
static int
opsc_lambda_fails_below(double * psi_hi, dir_t * D, const fmpq_t t)
{
    arb_t psi, x;
    fmpq_t z;
    int ok;

    arb_init(psi); arb_init(x);
    fmpq_init(z);
    slope_piece(psi, D, z, t);
    arb_set_fmpq(x, t, D->prec);
    arb_mul(x, x, psi, D->prec);
    arb_nonnegative_part(x, x);
    ok = arb_is_finite(psi) && arb_is_positive(D->L) && arb_lt(x, D->L);
    if (psi_hi != NULL)
    {
        arf_t u;
        arf_init(u);
        arb_get_ubound_arf(u, psi, D->prec);
        *psi_hi = arf_get_d(u, ARF_RND_UP);
        arf_clear(u);
    }
    arb_clear(psi); arb_clear(x);
    fmpq_clear(z);
    return ok;
}

static json_t *
json_arf(const arf_t x)
{
    fmpq_t q;
    json_t * v;
    if (!arf_is_finite(x))
        return json_null();
    fmpq_init(q);
    arf_get_fmpq(q, x);
    v = rc_json_fmpq(q);
    fmpq_clear(q);
    return v;
}

/* certify one direction: returns its JSON entry; flags for the summary */
static json_t *
certify_direction(const rc_opsc_params_struct * p, slong idx, int * opsc_ok, int * c12_ok,
                  int * lam_ok, arf_t lam)
{
    dir_t D;
    fmpq * br = NULL;
    slong nb = 0, i;
    fmpq_t a, b;
    seg_t r;
    json_t * o = json_object();

    dir_init(&D, p, idx);
    fmpq_init(a); fmpq_init(b);
    arf_init(r.lam);
    json_object_set_new(o, "index", json_integer(idx));
    {
        slong z = rc_opsc_segment_zero_neuron(D.Wt, D.U, p->radius, D.prec);
        if (z >= 0)
        {
            /* F is not C^2 along the whole segment: refused, nothing claimed */
            char buf[160];
            snprintf(buf, sizeof buf, "the segment may reach a zero neuron (neuron %ld): F is "
                     "not twice differentiable there", (long) z);
            json_object_set_new(o, "refused", json_string(buf));
            *opsc_ok = *c12_ok = *lam_ok = 0;
            arf_pos_inf(lam);
            goto done;
        }
    }
    if (!p->adversarial)
    {
        bisect(&br, &nb, &r, &D, p->radius);
        *opsc_ok = r.opsc;
        *c12_ok = r.c12;
        json_object_set_new(o, "breaks", rc_json_fmpq_vec(br, nb));
        json_object_set_new(o, "opsc", json_string(r.opsc ? "proved" : "undecided"));
        json_object_set_new(o, "lam_U", json_arf(r.lam));
        json_object_set_new(o, "conj12", json_string(r.c12 ? "proved" : "undecided"));
        {
            arb_t l, rl;
            arb_init(l);
            arb_init(rl);
            /* lam_U >= lambda, certified (lambda as a ball if not binary) */
            arb_set_fmpq(l, p->lambda, p->prec);
            arb_set_arf(rl, r.lam);
            *lam_ok = r.opsc && arf_is_finite(r.lam) && arb_ge(rl, l);
            arb_clear(rl);
            arb_clear(l);
        }
        arf_set(lam, r.lam);
        /* OPSC with the constant lambda: proved when lam_U >= lambda;
           refuted by a point s (a break) with q(s) < lambda |U|^2 */
        {
            arb_t q;
            slong j;
            arb_init(q);
            json_object_set_new(o, "opsc_lambda", json_string(*lam_ok ? "proved" : "undecided"));
            for (j = 0; j < nb && !*lam_ok; j++)
            {
                piece(q, &D, br + j, br + j);
                if (arb_lt(q, D.L))
                {
                    json_object_set_new(o, "opsc_lambda", json_string("refuted"));
                    json_object_set_new(o, "witness_s", rc_json_fmpq(br + j));
                    break;
                }
            }
            arb_clear(q);
        }
    }
    else
    {
        arb_t q;
        arb_init(q);
        /* s = 0: the quotient is exactly 0 there (every g_i = 0); its
           enclosure is recorded */
        fmpq_zero(a);
        piece(q, &D, a, a);
        json_object_set_new(o, "q0", rc_json_enclosure(q, p->prec));
        /* Conjecture 12 (right side 0) on (0, R]: the slope q(s)/s enclosed
           over pieces (opsc_slope.c) found by bisection of [0, R] */
        bisect(&br, &nb, &r, &D, p->radius);
        json_object_set_new(o, "breaks", rc_json_fmpq_vec(br, nb));
        *c12_ok = r.c12;
        json_object_set_new(o, "conj12", json_string(*c12_ok ? "proved" : "undecided"));
        json_object_set_new(o, "c_U", *c12_ok ? json_arf(r.lam) : json_null());
        /* OPSC with constant lambda fails on (0, t]: q(s) = s psi(s) <=
           t psi_hi(0, t] < lambda |U|^2 there, for the largest t = R 2^-j
           inside the first piece where that holds */
        *opsc_ok = 0;
        json_object_set_new(o, "t", json_null());
        {
            slong j;
            double hi, L = arf_get_d(arb_midref(D.L), ARF_RND_DOWN);
            for (j = 0; j <= 64 && !*opsc_ok; j++)
            {
                fmpq_div_2exp(b, p->radius, j);
                if (fmpq_cmp(b, br + 1) > 0)
                    continue;
                if (opsc_lambda_fails_below(&hi, &D, b))
                {
                    json_object_set_new(o, "t", rc_json_fmpq(b));
                    *opsc_ok = 1;     /* here: "OPSC with lambda refuted" */
                }
                else if (hi > 0 && L > 0)
                {
                    /* skip the halvings of t that cannot succeed: the next
                       try has t psi_hi <= lambda |U|^2 / 2 */
                    double x;
                    for (x = fmpq_get_d(b) * hi / 2; j < 63 && x > L / 2; x /= 2)
                        j++;
                }
            }
        }
        json_object_set_new(o, "opsc_lambda", json_string(*opsc_ok ? "refuted" : "undecided"));
        *lam_ok = 0;
        arf_set(lam, r.lam);
        arb_clear(q);
    }
done:
    for (i = 0; i < nb; i++)
        fmpq_clear(br + i);
    flint_free(br);
    fmpq_clear(a); fmpq_clear(b);
    arf_clear(r.lam);
    dir_clear(&D);
    return o;
}

static void
params_json(json_t * root, const rc_opsc_params_struct * p)
{
    char buf[32];
    json_object_set_new(root, "k", json_integer(p->k));
    json_object_set_new(root, "m", json_integer(p->m));
    json_object_set_new(root, "prec", json_integer(p->prec));
    json_object_set_new(root, "arith", json_string(p->fast && rc_di_usable() ? "binary64" : "arb"));
    json_object_set_new(root, "sigma2", rc_json_fmpq(p->sigma2));
    json_object_set_new(root, "radius", rc_json_fmpq(p->radius));
    json_object_set_new(root, "lambda", rc_json_fmpq(p->lambda));
    snprintf(buf, sizeof buf, "%llu", (unsigned long long) p->seed);
    json_object_set_new(root, "seed", json_string(buf));
    json_object_set_new(root, "adversarial", json_boolean(p->adversarial));
    json_object_set_new(root, "samples", json_integer(p->samples));
    json_object_set_new(root, "generator", json_string("relucert-rand/1 (relucert(1), RANDOM NUMBERS)"));
}

json_t *
rc_opsc_direction_entry(const rc_opsc_params_t p, slong idx)
{
    int a, b, c;
    arf_t lam;
    json_t * e;

    arf_init(lam);
    e = certify_direction(p, idx, &a, &b, &c, lam);
    arf_clear(lam);
    return e;
}

static int
is(const json_t * e, const char * key, const char * val)
{
    const json_t * v = json_object_get(e, key);
    return json_is_string(v) && strcmp(json_string_value(v), val) == 0;
}

typedef struct
{
    fmpq_t best;
    int have;
}
running_min;

/* m.best = the smaller of m.best (if any) and the exact number in v */
static void
min_exact(running_min * m, const json_t * v)
{
    fmpq_t x;
    rc_error_t err;

    if (!json_is_string(v))
        return;
    fmpq_init(x);
    if (rc_number_parse_fmpq(x, json_string_value(v), err) == 0
        && (!m->have || fmpq_cmp(x, m->best) < 0))
    {
        fmpq_swap(m->best, x);
        m->have = 1;
    }
    fmpq_clear(x);
}

json_t *
rc_opsc_summary(const rc_opsc_params_t p, const json_t * dirs)
{
    json_t * sum = json_object();
    slong i, n = json_array_size(dirs), n1 = 0, n2 = 0, n3 = 0;
    running_min mn;
    char buf[64];

    fmpq_init(mn.best);
    mn.have = 0;
    for (i = 0; i < n; i++)
    {
        const json_t * e = json_array_get(dirs, i);
        if (!p->adversarial)
        {
            n1 += is(e, "opsc", "proved");
            n2 += is(e, "conj12", "proved");
            n3 += is(e, "opsc_lambda", "proved");
            min_exact(&mn, json_object_get(e, "lam_U"));
        }
        else
        {
            n1 += is(e, "opsc_lambda", "refuted");
            n2 += is(e, "conj12", "proved");
            min_exact(&mn, json_object_get(e, "c_U"));
        }
    }
    if (!p->adversarial)
    {
        json_object_set_new(sum, "opsc_proved", json_integer(n1));
        json_object_set_new(sum, "conj12_proved", json_integer(n2));
        json_object_set_new(sum, "smallest_lam_U", mn.have ? rc_json_fmpq(mn.best) : json_null());
        json_object_set_new(sum, "lam_U_at_least_lambda", json_integer(n3));
        /* "%.6f" of x - 5e-7 is at most x: still a lower bound */
        snprintf(buf, sizeof buf, "%.6f", FLINT_MAX(0, rc_clopper_pearson_lower(n3, n, 0.05) - 5e-7));
        json_object_set_new(sum, "clopper_pearson_95_lower", json_string(buf));
    }
    else
    {
        json_object_set_new(sum, "opsc_lambda_refuted", json_integer(n1));
        json_object_set_new(sum, "conj12_proved", json_integer(n2));
        json_object_set_new(sum, "smallest_c_U", mn.have ? rc_json_fmpq(mn.best) : json_null());
    }
    fmpq_clear(mn.best);
    return sum;
}

json_t *
rc_opsc_assemble(const rc_opsc_params_t p, json_t * dirs)
{
    json_t * root = rc_cert_json_header("opsc");

    params_json(root, p);
    json_object_set_new(root, "directions", dirs);
    json_object_set_new(root, "summary", rc_opsc_summary(p, dirs));
    return root;
}

json_t *
rc_opsc_to_json(const rc_opsc_params_t p, void (*progress)(slong done, slong total))
{
    json_t * dirs = json_array();
    slong i;

    for (i = 0; i < p->samples; i++)
    {
        json_array_append_new(dirs, rc_opsc_direction_entry(p, i));
        if (progress)
            progress(i + 1, p->samples);
    }
    return rc_opsc_assemble(p, dirs);
}

/* ---- the checker: every claim of one entry re-proved from the entry ---- */

static int
get_exact(fmpq_t x, const json_t * v)
{
    rc_error_t err;
    return !json_is_string(v) || rc_number_parse_fmpq(x, json_string_value(v), err);
}

/* claimed exact c <= the arf lower bound a (a certified lower bound) */
static int
le_arf(const fmpq_t c, const arf_t a)
{
    fmpq_t t;
    int r;
    if (!arf_is_finite(a))
        return arf_is_pos_inf(a);
    fmpq_init(t);
    arf_get_fmpq(t, a);
    r = fmpq_cmp(c, t) <= 0;
    fmpq_clear(t);
    return r;
}

static int
verify_entry(const rc_opsc_params_struct * p, slong idx, const json_t * e, rc_error_t why)
{
    dir_t D;
    fmpq * br = NULL;
    slong nb = 0, i;
    seg_t r;
    fmpq_t x, y;
    arb_t q, t;
    int bad = 0;
    const char * v;

#define FAIL(...) do { bad = rc_error_set(why, __VA_ARGS__); goto done; } while (0)
    dir_init(&D, p, idx);
    fmpq_init(x); fmpq_init(y);
    arb_init(q); arb_init(t);
    arf_init(r.lam);
    if (!rc_json_is_slong(json_object_get(e, "index"), idx))
        FAIL("directions[%ld].index: expected %ld", (long) idx, (long) idx);
    if (json_object_get(e, "refused") != NULL)
        goto done;                          /* a refusal claims nothing */
    if (rc_opsc_segment_zero_neuron(D.Wt, D.U, p->radius, D.prec) >= 0)
        FAIL("directions[%ld]: the segment may reach a zero neuron, expected \"refused\"", (long) idx);
    /* breaks: exact, increasing, from 0 (Gaussian) or s0 > 0 to R */
    {
        const json_t * b = json_object_get(e, "breaks");
        nb = json_is_array(b) ? (slong) json_array_size(b) : 0;
        if (nb < 2 || nb > 1000000)
            FAIL("directions[%ld].breaks: expected an array of exact numbers", (long) idx);
        br = flint_malloc(sizeof(fmpq) * nb);
        for (i = 0; i < nb; i++)
            fmpq_init(br + i);
        for (i = 0; i < nb; i++)
            if (get_exact(br + i, json_array_get(b, i)) || (i > 0 && fmpq_cmp(br + i - 1, br + i) >= 0))
                FAIL("directions[%ld].breaks[%ld]: expected an exact number above the previous one",
                     (long) idx, (long) i);
        if (!fmpq_equal(br + nb - 1, p->radius) || !fmpq_is_zero(br))
            FAIL("directions[%ld].breaks: expected to cover [0, R]", (long) idx);
    }
    segment(&r, &D, br, nb - 1);
    if (!p->adversarial)
    {
        if (json_is_string(json_object_get(e, "opsc")) && strcmp(json_string_value(json_object_get(e, "opsc")), "proved") == 0)
        {
            if (!r.opsc)
                FAIL("directions[%ld].opsc: claimed proved, not every piece has q > 0", (long) idx);
            if (get_exact(x, json_object_get(e, "lam_U")) || !le_arf(x, r.lam))
                FAIL("directions[%ld].lam_U: does not follow from the pieces", (long) idx);
        }
        if (json_is_string(json_object_get(e, "conj12")) && strcmp(json_string_value(json_object_get(e, "conj12")), "proved") == 0
            && !r.c12)
            FAIL("directions[%ld].conj12: claimed proved, not every piece has q >= the right side", (long) idx);
        v = json_string_value(json_object_get(e, "opsc_lambda"));
        if (v != NULL && strcmp(v, "proved") == 0
            && (get_exact(x, json_object_get(e, "lam_U")) || fmpq_cmp(x, p->lambda) < 0 || !le_arf(x, r.lam) || !r.opsc))
            FAIL("directions[%ld].opsc_lambda: claimed proved, lam_U >= lambda does not follow", (long) idx);
        if (v != NULL && strcmp(v, "refuted") == 0)
        {
            if (get_exact(x, json_object_get(e, "witness_s")) || fmpq_sgn(x) < 0 || fmpq_cmp(x, p->radius) > 0)
                FAIL("directions[%ld].witness_s: expected a number in [0, R]", (long) idx);
            piece(q, &D, x, x);
            if (!arb_lt(q, D.L))
                FAIL("directions[%ld].opsc_lambda: claimed refuted, q(witness_s) < lambda |U|^2 does not hold",
                     (long) idx);
        }
    }
    else
    {
        fmpq_zero(x);
        piece(q, &D, x, x);
        if (!rc_json_enclosure_contains(json_object_get(e, "q0"), q))
            FAIL("directions[%ld].q0: the claimed enclosure does not contain the recomputed one", (long) idx);
        v = json_string_value(json_object_get(e, "opsc_lambda"));
        if (v != NULL && strcmp(v, "refuted") == 0)
        {
            if (get_exact(y, json_object_get(e, "t")) || fmpq_sgn(y) <= 0 || fmpq_cmp(y, p->radius) > 0)
                FAIL("directions[%ld].t: expected a number in (0, R]", (long) idx);
            if (!opsc_lambda_fails_below(NULL, &D, y))
                FAIL("directions[%ld].opsc_lambda: claimed refuted, q < lambda |U|^2 on [0, t] does not hold",
                     (long) idx);
        }
        v = json_string_value(json_object_get(e, "conj12"));
        if (v != NULL && strcmp(v, "proved") == 0
            && (!r.c12 || get_exact(x, json_object_get(e, "c_U")) || !le_arf(x, r.lam) || fmpq_sgn(x) <= 0))
            FAIL("directions[%ld].conj12: claimed proved, a positive slope q(s)/s on every piece "
                 "and c_U do not both follow", (long) idx);
    }
done:
#undef FAIL
    for (i = 0; br != NULL && i < nb; i++)
        fmpq_clear(br + i);
    flint_free(br);
    fmpq_clear(x); fmpq_clear(y);
    arb_clear(q); arb_clear(t);
    arf_clear(r.lam);
    dir_clear(&D);
    return bad;
}

int
rc_opsc_check(rc_error_t why, const json_t * root)
{
    return rc_opsc_check_part(why, root, 0, 1);
}

int
rc_opsc_params_from_json(rc_opsc_params_t p, const json_t * root, rc_error_t why)
{
    if (rc_json_get_slong(&p->k, rc_json_field(root, "k", "", why), 1, 100, "k", why)
        || rc_json_get_slong(&p->m, rc_json_field(root, "m", "", why), 1, 100, "m", why)
        || rc_json_get_slong(&p->prec, rc_json_field(root, "prec", "", why), 16, 1L << 24, "prec", why)
        || rc_json_get_slong(&p->samples, rc_json_field(root, "samples", "", why), 1, 1000000, "samples", why)
        || rc_limit_check_prec(why, p->prec, "prec")
        || rc_limit_check_params(why, p->k + p->m, p->k, 0, "(k + m) x k")
        || rc_json_get_fmpq(p->sigma2, rc_json_field(root, "sigma2", "", why), "sigma2", why)
        || rc_json_get_fmpq(p->radius, rc_json_field(root, "radius", "", why), "radius", why)
        || rc_json_get_fmpq(p->lambda, rc_json_field(root, "lambda", "", why), "lambda", why))
        return 1;
    if (rc_json_get_u64_str(&p->seed, rc_json_field(root, "seed", "", why), "seed", why))
        return 1;
    if (!json_is_boolean(json_object_get(root, "adversarial")))
    {
        rc_error_set(why, "adversarial: expected true or false");
        return 1;
    }
    p->adversarial = json_is_true(json_object_get(root, "adversarial"));
    {
        /* the pieces' arithmetic; certificates without the field are from
           before the fast path: ball arithmetic */
        const json_t * ar = json_object_get(root, "arith");
        if (ar == NULL || (json_is_string(ar) && strcmp(json_string_value(ar), "arb") == 0))
            p->fast = 0;
        else if (json_is_string(ar) && strcmp(json_string_value(ar), "binary64") == 0)
            p->fast = 1;
        else
        {
            rc_error_set(why, "arith: expected \"binary64\" or \"arb\"");
            return 1;
        }
    }
    if (fmpq_sgn(p->sigma2) <= 0 || fmpq_sgn(p->radius) <= 0)
    {
        rc_error_set(why, "sigma2, radius: expected positive numbers");
        return 1;
    }
    return 0;
}

int
rc_opsc_check_part(rc_error_t why, const json_t * root, slong part, slong nparts)
{
    rc_opsc_params_t p;
    const json_t * dirs;
    slong i;
    int ret = 1;
    char * s1, * s2;
    json_t * fresh;

    s1 = s2 = NULL;

    if (nparts < 1 || part < 0 || part >= nparts)
        return rc_error_set(why, "internal: part %ld of %ld", (long) part, (long) nparts);
    rc_opsc_params_init(p);
    if (rc_opsc_params_from_json(p, root, why))
        goto out;
    dirs = json_object_get(root, "directions");
    if (!json_is_array(dirs) || (slong) json_array_size(dirs) != p->samples)
    {
        rc_error_set(why, "directions: expected %ld entries", (long) p->samples);
        goto out;
    }
    /* every claim of every entry re-proved from the entry (its breaks and
       witnesses), then the summary recounted from the verified entries */
    for (i = part; i < p->samples; i += nparts)
        if (verify_entry(p, i, json_array_get(dirs, i), why))
        {
            /* a binary64 certificate re-run where binary64 may not be used:
               say that the environment, not the certificate, is why */
            const char * bad = p->fast ? rc_di_env_problem() : NULL;
            if (bad != NULL)
            {
                char m[RC_ERROR_LEN];
                memcpy(m, why->msg, sizeof m);
                rc_error_set(why, "%s (binary64 is not usable here: %s)", m, bad);
            }
            goto out;
        }
    if (part != 0)
    {
        ret = 0;            /* the summary is part 0's */
        goto out;
    }
    fresh = rc_opsc_summary(p, dirs);
    s1 = json_dumps(json_object_get(root, "summary"), JSON_COMPACT | JSON_SORT_KEYS);
    s2 = json_dumps(fresh, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(fresh);
    if (s1 == NULL || strcmp(s1, s2) != 0)
    {
        rc_error_set(why, "summary: differs from the recomputation");
        free(s1);
        free(s2);
        goto out;
    }
    free(s1);
    free(s2);
    ret = 0;
out:
    rc_opsc_params_clear(p);
    return ret;
}
