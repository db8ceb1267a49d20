/* The producer of a census: branch and bound over the one-block plane or
   the two-block fixed-point subspace (q coordinates).
   Floating point only proposes (where to cut, Newton's candidates, the size
   of an existence box; two blocks: Newton on the midpoints of the closed
   form of census_fast.c); every leaf's claim is decided by the tests of
   census_box.c, census_zero.c, census_fast.c and Krawczyk, and
   rc_census_verify re-decides them all. Two blocks: a box is first offered
   to the binary64 bisection of L16(h) (leaf fine) under a small budget,
   then to the Arb tests. */
#include <math.h>
#include <string.h>
#include "relucert/census.h"

#define NODE_BUDGET 2000000

typedef struct
{
    rc_census_struct * c;
    slong prec, max_depth, zero_depth, boxes, q, max_nodes;
    double scale;              /* (k - 1)^(1/2): beta's weight in |W| */
    double weight[RC_CENSUS_MAX_Q];   /* two blocks: size_o^(1/2) */
    rc_census_search_fn fn;
    void * ctx;
    double * seeds;            /* two blocks: nseeds candidates (q doubles
                                  each) of a multi-start Newton search */
    slong nseeds;
    int fast;                  /* two blocks: binary64 intervals usable */
    rc_di_consts_t K;
}
search_ctx;

static void process(search_ctx * S, const fmpq * box, slong depth);

/* the producer's budget for a FINE leaf: pieces, and bisections below the
   box (a box that needs more is split in the tree instead). Measured at
   k = 4, a = 1 with 100,000 nodes: 512 pieces and 10 levels left 59.2% of
   the region unresolved in 80 s, 2,048 and 14 left 58.9% in 204 s: a
   failed attempt costs its pieces, and small budgets fail cheaply. */
#define RC_CENSUS_FINE_SCREEN 512
#define RC_CENSUS_FINE_SCREEN_DEPTH 10

static void
box_copy(fmpq * dst, const fmpq * src, slong q)
{
    slong e;
    for (e = 0; e < 2 * q; e++)
        fmpq_set(dst + e, src + e);
}

/* leaf kinds of the cheap tests, or -1 */
static int
try_exclude(slong * coord, search_ctx * S, const fmpq * box, int * nonzero)
{
    rc_census_struct * c = S->c;
    arb_ptr theta = _arb_vec_init(S->q), g = _arb_vec_init(S->q);
    int kind = -1;

    *nonzero = 0;
    if ((c->m == 1 ? rc_census_box_outside(box, c->k, S->prec)
                   : rc_census_box_outside_sym(c->sym, box, S->prec)) == RC_PROVED)
        kind = RC_CENSUS_OUTSIDE;
    else if ((c->m == 1 ? rc_census_box_small(box, c->k, S->prec)
                        : rc_census_box_small_sym(c->sym, box, S->prec)) == RC_PROVED)
        kind = RC_CENSUS_SMALL;
    else if (c->m == 2 && _rc_census_box_fine_depth(coord, c->sym, box, RC_CENSUS_FINE_SCREEN,
                                                    RC_CENSUS_FINE_SCREEN_DEPTH, S->K) == RC_PROVED)
        kind = RC_CENSUS_FINE;
    else
    {
        rc_census_box_theta(theta, box, S->q, S->prec);
        *nonzero = rc_sym_neurons_nonzero(c->sym, theta, S->prec);
        if (*nonzero && rc_census_box_gradient_coord(coord, c->sym, box, S->prec))
            kind = RC_CENSUS_GRADIENT;
    }
    _arb_vec_clear(theta, S->q); _arb_vec_clear(g, S->q);
    return kind;
}

/* 1 when the box is within its own diameter of the set where a neuron is
   zero, measured in the block's row (sum over its orbits of size_o x^2):
   near it the gradient's enclosures degrade like 1/|w_i| and no finite
   refinement excludes the boxes touching it, so the producer stops there
   and lists the box as unresolved (a choice, not a claim) */
static int
near_zero_block(const rc_sym_t s, const fmpq * box, slong b)
{
    slong o;
    int near;
    fmpq_t dist, diam, t;

    fmpq_init(dist); fmpq_init(diam); fmpq_init(t);
    {
        fmpq_zero(dist);
        fmpq_zero(diam);
        for (o = 0; o < s->q; o++)
            if (s->ob[o] == b)
            {
                if (fmpq_sgn(box + 2 * o) > 0)
                    fmpq_set(t, box + 2 * o);
                else if (fmpq_sgn(box + 2 * o + 1) < 0)
                    fmpq_neg(t, box + 2 * o + 1);
                else
                    fmpq_zero(t);
                fmpq_mul(t, t, t);
                fmpq_mul_si(t, t, rc_sym_orbit_size(s, o));
                fmpq_add(dist, dist, t);
                fmpq_sub(t, box + 2 * o + 1, box + 2 * o);
                fmpq_mul(t, t, t);
                fmpq_mul_si(t, t, rc_sym_orbit_size(s, o));
                fmpq_add(diam, diam, t);
            }
        near = fmpq_cmp(dist, diam) <= 0;
    }
    fmpq_clear(dist); fmpq_clear(diam); fmpq_clear(t);
    return near;
}

static int
near_zero(const rc_sym_t s, const fmpq * box)
{
    slong b;
    for (b = 0; b < s->m; b++)
        if (near_zero_block(s, box, b))
            return 1;
    return 0;
}

/* the blow-up exclusion (L16(g)) near a zero set: the block, or -1; not
   tried where the bisection of L16(h) is available (it blows the blocks
   up itself, at a small fraction of the cost: at k = 4, a = 1 with 10,000
   nodes this test took 24.5 s of 65 s and left the share unresolved the
   same within 0.5%).
   The producer screens with fewer pieces than the leaf's
   RC_CENSUS_ZERO_PIECES (the bisection is the same sequence, so what is
   proved within fewer pieces is proved within RC_CENSUS_ZERO_PIECES):
   a block away from zero gets 2 pieces (its directions are narrow, and
   splitting the box does the rest), a block near zero 8 while the box is
   shallow and all of them from depth zero_depth / 2 */
static slong
try_zero(search_ctx * S, const fmpq * box, slong depth)
{
    slong b, pieces = depth >= S->zero_depth / 2 ? RC_CENSUS_ZERO_PIECES : 8;
    if (S->c->m < 2 || S->fast || !near_zero(S->c->sym, box))
        return -1;
    for (b = 0; b < S->c->m; b++)
        if (!near_zero_block(S->c->sym, box, b)
            && _rc_census_box_zero_pieces(S->c->sym, box, b, 2, S->prec) == RC_PROVED)
            return b;
    for (b = 0; b < S->c->m; b++)
        if (near_zero_block(S->c->sym, box, b)
            && _rc_census_box_zero_pieces(S->c->sym, box, b, pieces, S->prec) == RC_PROVED)
            return b;
    return -1;
}

static int
krawczyk_box(search_ctx * S, const fmpq * box)
{
    arb_ptr theta = _arb_vec_init(S->q);
    int ok = rc_census_box_theta(theta, box, S->q, S->prec)
             && rc_sym_krawczyk(NULL, S->c->sym, theta, S->prec) == RC_PROVED;
    _arb_vec_clear(theta, S->q);
    return ok;
}

/* grad phi in plain double (floating point, no claim): the one-block
   formula, dF/dw_1 = w_1/2 + sum_{i != 1} g(w_1, w_i) - sum_j g(w_1, e_j),
   g(w, v) = (|v| sin t w/|w| + (pi - t) v) / (2 pi), dotted with e_1 and
   with the indicator s of the other coordinates, times k */
static void
d_gradient(double * g, double k, double a, double b)
{
    const double pi = 3.14159265358979323846;
    double N2 = a * a + (k - 1) * b * b, N = sqrt(N2);
    double c12 = (2 * a * b + (k - 2) * b * b) / N2, c1 = a / N, c2 = b / N;
    double t12, t1, t2, s12, s1, s2, ge, gs;

    c12 = fmin(1, fmax(-1, c12)); c1 = fmin(1, fmax(-1, c1)); c2 = fmin(1, fmax(-1, c2));
    t12 = acos(c12); t1 = acos(c1); t2 = acos(c2);
    s12 = sqrt(1 - c12 * c12); s1 = sqrt(1 - c1 * c1); s2 = sqrt(1 - c2 * c2);
    ge = a / 2 + (k - 1) * (s12 * a + (pi - t12) * b) / (2 * pi)
         - (s1 * a / N + (pi - t1)) / (2 * pi) - (k - 1) * s2 * a / N / (2 * pi);
    gs = (k - 1) * b / 2 + (k - 1) * (s12 * (k - 1) * b + (pi - t12) * (a + (k - 2) * b)) / (2 * pi)
         - s1 * (k - 1) * b / N / (2 * pi) - (k - 1) * (s2 * (k - 1) * b / N + (pi - t2)) / (2 * pi);
    g[0] = k * ge;
    g[1] = k * gs;
}

/* Newton's method in double from x (central differences for the
   Jacobian): 1 with x the candidate when it converged */
static int
d_newton(double * x, double k)
{
    slong it;
    for (it = 0; it < 60; it++)
    {
        double g[2], gp[2], gm[2], J[2][2], det, dx0, dx1, h;
        slong o;
        if (!(x[0] * x[0] + x[1] * x[1] > 1e-300))
            return 0;
        d_gradient(g, k, x[0], x[1]);
        for (o = 0; o < 2; o++)
        {
            double y[2];
            h = 1e-7 * (1 + fabs(x[o]));
            y[0] = x[0]; y[1] = x[1];
            y[o] = x[o] + h;
            d_gradient(gp, k, y[0], y[1]);
            y[o] = x[o] - h;
            d_gradient(gm, k, y[0], y[1]);
            J[0][o] = (gp[0] - gm[0]) / (2 * h);
            J[1][o] = (gp[1] - gm[1]) / (2 * h);
        }
        det = J[0][0] * J[1][1] - J[0][1] * J[1][0];
        if (!(fabs(det) > 0) || !isfinite(det))
            return 0;
        dx0 = (J[1][1] * g[0] - J[0][1] * g[1]) / det;
        dx1 = (-J[1][0] * g[0] + J[0][0] * g[1]) / det;
        x[0] -= dx0;
        x[1] -= dx1;
        if (!isfinite(x[0]) || !isfinite(x[1]))
            return 0;
        if (fabs(dx0) + fabs(dx1) < 1e-14 * (1 + fabs(x[0]) + fabs(x[1])))
            return 1;
    }
    return 0;
}

/* grad phi at x in plain double: the midpoints of the closed form of
   L16(h) (floating point, no claim); 0 where it is not defined */
static int
fast_grad(double * g, search_ctx * S, const double * x)
{
    rc_di_t th[RC_CENSUS_MAX_Q], gi[RC_CENSUS_MAX_Q];
    slong o;
    for (o = 0; o < S->q; o++)
        th[o] = rc_di_pt(x[o]);
    if (!rc_census_fast_gradient(gi, S->c->sym, th, S->K))
        return 0;
    for (o = 0; o < S->q; o++)
        g[o] = gi[o].lo / 2 + gi[o].hi / 2;
    return 1;
}

/* the Newton step dx = J^-1 g at x (central differences for J, Gaussian
   elimination with partial pivoting), and g; 0 when it fails */
static int
fast_newton_step(double * dx, double * g, search_ctx * S, const double * x)
{
    slong q = S->q, o, r, c, p;
    double J[RC_CENSUS_MAX_Q][RC_CENSUS_MAX_Q + 1], y[RC_CENSUS_MAX_Q];
    double gp[RC_CENSUS_MAX_Q], gm[RC_CENSUS_MAX_Q], h, t;

    if (!fast_grad(g, S, x))
        return 0;
    for (o = 0; o < q; o++)
    {
        memcpy(y, x, sizeof(double) * q);
        h = 1e-7 * (1 + fabs(x[o]));
        y[o] = x[o] + h;
        if (!fast_grad(gp, S, y))
            return 0;
        y[o] = x[o] - h;
        if (!fast_grad(gm, S, y))
            return 0;
        for (r = 0; r < q; r++)
            J[r][o] = (gp[r] - gm[r]) / (2 * h);
    }
    for (r = 0; r < q; r++)
        J[r][q] = g[r];
    for (c = 0; c < q; c++)
    {
        p = c;
        for (r = c + 1; r < q; r++)
            if (fabs(J[r][c]) > fabs(J[p][c]))
                p = r;
        if (!(fabs(J[p][c]) > 0) || !isfinite(J[p][c]))
            return 0;
        for (o = 0; o <= q; o++)
            t = J[c][o], J[c][o] = J[p][o], J[p][o] = t;
        for (r = c + 1; r < q; r++)
        {
            t = J[r][c] / J[c][c];
            for (o = c; o <= q; o++)
                J[r][o] -= t * J[c][o];
        }
    }
    for (r = q - 1; r >= 0; r--)
    {
        t = J[r][q];
        for (o = r + 1; o < q; o++)
            t -= J[r][o] * dx[o];
        dx[r] = t / J[r][r];
        if (!isfinite(dx[r]))
            return 0;
    }
    return 1;
}

/* Newton from the box's centre: 1 with cand (q doubles) when it converged
   (one block: the double formula above; two blocks: steps of
   rc_sym_refine_newton in midpoint arithmetic at 64 bits, also no claim).
   Two blocks: the iteration is abandoned once an iterate lies more than
   the box's width outside the box in some coordinate (only a candidate
   inside the box is used, and Newton from the centre of a box around a
   regular critical point stays near it): most boxes hold no critical
   point, and 30 full steps on each of them were the producer's largest
   cost. */
static int
candidate(double * cand, search_ctx * S, const fmpq * box)
{
    slong o, it, q = S->q;
    double lo[RC_CENSUS_MAX_Q], hi[RC_CENSUS_MAX_Q];
    arb_ptr t0, t;
    int conv = 0, out = 0;

    for (o = 0; o < q; o++)
        cand[o] = (fmpq_get_d(box + 2 * o) + fmpq_get_d(box + 2 * o + 1)) / 2;
    if (S->c->m == 1)
        return d_newton(cand, (double) S->c->k);
    /* the box widened by its width on each side: an iterate outside is
       abandoned */
    for (o = 0; o < q; o++)
    {
        double w = fmpq_get_d(box + 2 * o + 1) - fmpq_get_d(box + 2 * o);
        lo[o] = fmpq_get_d(box + 2 * o) - w;
        hi[o] = fmpq_get_d(box + 2 * o + 1) + w;
    }
    if (S->fast)
    {
        /* the closed form in double: the same abandonment rule */
        double dx[RC_CENSUS_MAX_Q], g[RC_CENSUS_MAX_Q], st;
        for (it = 0; it < 30 && !conv && !out; it++)
        {
            if (!fast_newton_step(dx, g, S, cand))
                return 0;
            st = 0;
            for (o = 0; o < q; o++)
            {
                cand[o] -= dx[o];
                st += fabs(dx[o]);
                if (!isfinite(cand[o]) || cand[o] < lo[o] || cand[o] > hi[o])
                    out = 1;
            }
            conv = st < 1e-13 * (1 + fabs(cand[0]));
        }
        return conv && !out;
    }
    t0 = _arb_vec_init(q);
    t = _arb_vec_init(q);
    for (o = 0; o < q; o++)
        arb_set_d(t0 + o, cand[o]);
    /* one step at a time: the same iterates as 30 steps in one call */
    for (it = 0; it < 12 && !conv && !out; it++)
    {
        conv = rc_sym_refine_newton(t, S->c->sym, t0, 1, 64);
        /* a failed step (a zero neuron, a singular Hessian) leaves theta
           unchanged */
        if (!conv)
        {
            out = 1;
            for (o = 0; o < q; o++)
                if (!arb_equal(t + o, t0 + o))
                    out = 0;
        }
        for (o = 0; o < q && !out; o++)
        {
            double x = arf_get_d(arb_midref(t + o), ARF_RND_NEAR);
            if (!isfinite(x) || x < lo[o] || x > hi[o])
                out = 1;
        }
        _arb_vec_set(t0, t, q);
    }
    for (o = 0; o < q && conv; o++)
    {
        cand[o] = arf_get_d(arb_midref(t + o), ARF_RND_NEAR);
        if (!isfinite(cand[o]))
            conv = 0;
    }
    _arb_vec_clear(t0, q);
    _arb_vec_clear(t, q);
    return conv;
}

static int
in_box_d(const fmpq * box, const double * x, slong q)
{
    slong o;
    for (o = 0; o < q; o++)
        if (!(fmpq_get_d(box + 2 * o) < x[o] && x[o] < fmpq_get_d(box + 2 * o + 1)))
            return 0;
    return 1;
}

/* x = round(v * 2^s) / 2^s */
static void
fmpq_set_d_2exp(fmpq_t x, double v, slong s)
{
    fmpz_t n;
    fmpz_init(n);
    fmpz_set_d(n, nearbyint(ldexp(v, (int) s)));
    fmpz_set(fmpq_numref(x), n);
    fmpz_one(fmpq_denref(x));
    fmpq_div_2exp(x, x, s);
    fmpz_clear(n);
}

/* an existence box around cand strictly inside box, proved by Krawczyk:
   1 with E set, 0 if none was found */
static int
existence_box(fmpq * E, search_ctx * S, const fmpq * box, const double * cand)
{
    double lo[RC_CENSUS_MAX_Q], hi[RC_CENSUS_MAX_Q], r[RC_CENSUS_MAX_Q];
    slong o, tries, s[RC_CENSUS_MAX_Q], q = S->q;
    fmpq_t cq;
    int found = 0;

    for (o = 0; o < q; o++)
    {
        lo[o] = fmpq_get_d(box + 2 * o);
        hi[o] = fmpq_get_d(box + 2 * o + 1);
        if (!(cand[o] > lo[o] && cand[o] < hi[o]))
            return 0;
        r[o] = FLINT_MIN(FLINT_MIN(cand[o] - lo[o], hi[o] - cand[o]) / 2, (hi[o] - lo[o]) / 4);
        if (!(r[o] > 0))
            return 0;
        /* 2^-s <= r, s >= 1 (fmpq_div_2exp takes an unsigned exponent:
           the region of a large k has widths above 2) */
        s[o] = FLINT_MAX(1, -(slong) floor(log2(r[o])));
    }
    fmpq_init(cq);
    for (tries = 0; tries < 16 && !found; tries++)
    {
        int inside = 1;
        if (tries > 0)
            for (o = 0; o < q; o++)
                s[o] += 2;
        for (o = 0; o < q; o++)
        {
            /* centre on the grid 2^-(s + 24), half-width 2^-s */
            fmpq_set_d_2exp(cq, cand[o], s[o] + 24);
            fmpq_one(E + 2 * o);
            fmpq_div_2exp(E + 2 * o, E + 2 * o, s[o]);
            fmpq_add(E + 2 * o + 1, cq, E + 2 * o);
            fmpq_sub(E + 2 * o, cq, E + 2 * o);
            if (fmpq_cmp(E + 2 * o, box + 2 * o) <= 0
                || fmpq_cmp(E + 2 * o + 1, box + 2 * o + 1) >= 0)
                inside = 0;
        }
        if (inside && krawczyk_box(S, E))
            found = 1;
    }
    fmpq_clear(cq);
    return found;
}

/* a small box around the point of the EXIST leaf j (box X), proved by
   Krawczyk, for its status (rc_census_verify checks it) */
static void
locate(search_ctx * S, slong j, const fmpq * box, const double * cand0)
{
    rc_census_node_struct * n = S->c->nodes + j;
    double cand[RC_CENSUS_MAX_Q];
    fmpq * E = _fmpq_vec_init(2 * S->q);
    fmpq_t cq;
    slong o, tries, s;
    int ok = 1;

    fmpq_init(cq);
    if (cand0 != NULL)
        for (o = 0; o < S->q; o++)
            cand[o] = cand0[o];
    else
        ok = candidate(cand, S, box);
    for (tries = 0; tries < 3 && ok; tries++)
    {
        int inside = 1;
        for (o = 0; o < S->q; o++)
        {
            s = FLINT_MAX(1, 36 + 6 * tries - (slong) ceil(log2(1 + fabs(cand[o]))));
            fmpq_set_d_2exp(cq, cand[o], s + 24);
            fmpq_one(E + 2 * o);
            fmpq_div_2exp(E + 2 * o, E + 2 * o, s);
            fmpq_add(E + 2 * o + 1, cq, E + 2 * o);
            fmpq_sub(E + 2 * o, cq, E + 2 * o);
            if (fmpq_cmp(E + 2 * o, box + 2 * o) < 0 || fmpq_cmp(E + 2 * o + 1, box + 2 * o + 1) > 0)
                inside = 0;
        }
        if (inside && krawczyk_box(S, E))
        {
            n = S->c->nodes + j;
            box_copy(n->enc, E, S->q);
            n->have_enc = 1;
            break;
        }
    }
    fmpq_clear(cq);
    _fmpq_vec_clear(E, 2 * S->q);
}

/* the carve of E out of box along the coordinates o, o + 1, ...: cut o
   at E_lo: [lo, E_lo] | cut o at E_hi: ((the carve along o + 1 of the
   slab E_lo <= theta_o <= E_hi, or at the last coordinate the leaf E) |
   [E_hi, hi]); the depths are those of the tree */
static void
carve_from(search_ctx * S, const fmpq * box, const fmpq * E, const double * cand, slong depth,
           slong o)
{
    rc_census_struct * c = S->c;
    fmpq * b = _fmpq_vec_init(2 * S->q);
    slong j;

    rc_census_push_cut(c, (int) o, E + 2 * o);
    box_copy(b, box, S->q); fmpq_set(b + 2 * o + 1, E + 2 * o);
    process(S, b, depth + 1);
    rc_census_push_cut(c, (int) o, E + 2 * o + 1);
    box_copy(b, box, S->q); fmpq_set(b + 2 * o, E + 2 * o); fmpq_set(b + 2 * o + 1, E + 2 * o + 1);
    if (o + 1 < S->q)
        carve_from(S, b, E, cand, depth + 2, o + 1);
    else
    {
        j = rc_census_push_leaf(c, RC_CENSUS_EXIST, -1);
        c->nodes[j].verdict = RC_PROVED;
        locate(S, j, E, cand);
    }
    box_copy(b, box, S->q); fmpq_set(b + 2 * o, E + 2 * o + 1);
    process(S, b, depth + 2);
    _fmpq_vec_clear(b, 2 * S->q);
}

static void
carve(search_ctx * S, const fmpq * box, const fmpq * E, const double * cand, slong depth)
{
    carve_from(S, box, E, cand, depth, 0);
}

/* Two blocks: multi-start damped Newton (steps of rc_sym_refine_newton,
   midpoint arithmetic at 64 bits, at most 1/4 in l1 each; no claim) from
   NSTARTS deterministic pseudo-random starts in half and in a quarter of
   the region; the distinct converged points become seeds, which process()
   carves out first, before any budget, so that the points the budget
   would not reach are still in the tree (a choice of the producer: the
   checker re-decides every leaf) */
#define NSTARTS 800

static int
damped_newton(double * c, search_ctx * S)
{
    const rc_sym_struct * s = S->c->sym;
    slong q = S->q, it, o;
    arb_ptr t0, t;
    int conv = 0;

    if (S->fast)
    {
        /* the closed form in double, steps damped to length 1/4 */
        double dx[RC_CENSUS_MAX_Q], g[RC_CENSUS_MAX_Q], st, f, gn = 0;
        for (it = 0; it < 100 && !conv; it++)
        {
            if (!fast_newton_step(dx, g, S, c))
                return 0;
            st = 0;
            for (o = 0; o < q; o++)
                st += fabs(dx[o]);
            f = st > 0.25 ? 0.25 / st : 1;
            for (o = 0; o < q; o++)
                c[o] -= f * dx[o];
            conv = f == 1 && st < 1e-12 * (1 + fabs(c[0]));
        }
        if (!conv || !fast_grad(g, S, c))
            return 0;
        for (o = 0; o < q; o++)
            gn += fabs(g[o]);
        return gn < 1e-9;
    }
    t0 = _arb_vec_init(q);
    t = _arb_vec_init(q);

    for (o = 0; o < q; o++)
        arb_set_d(t0 + o, c[o]);
    for (it = 0; it < 100 && !conv; it++)
    {
        double st = 0, f, d[RC_CENSUS_MAX_Q];
        rc_sym_refine_newton(t, s, t0, 1, 64);
        for (o = 0; o < q; o++)
        {
            d[o] = arf_get_d(arb_midref(t + o), ARF_RND_NEAR) - c[o];
            st += fabs(d[o]);
        }
        if (!isfinite(st))
            break;
        f = st > 0.25 ? 0.25 / st : 1;
        for (o = 0; o < q; o++)
        {
            c[o] += f * d[o];
            arb_set_d(t0 + o, c[o]);
        }
        conv = f == 1 && st < 1e-12 * (1 + fabs(c[0]));
    }
    /* a step of 0 is also what a failed step gives (a zero neuron, a
       singular Hessian): require a small gradient */
    if (conv)
    {
        double gn = 0;
        if (!rc_sym_gradient(t, s, t0, 64))
            conv = 0;
        for (o = 0; o < q && conv; o++)
            gn += fabs(arf_get_d(arb_midref(t + o), ARF_RND_NEAR));
        conv = conv && gn < 1e-9;
    }
    _arb_vec_clear(t0, q);
    _arb_vec_clear(t, q);
    return conv;
}

static void
make_seeds(search_ctx * S)
{
    slong q = S->q, st, o, j;
    ulong x = 0x9e3779b97f4a7c15UL;
    double c[RC_CENSUS_MAX_Q];

    S->seeds = flint_malloc(sizeof(double) * q * NSTARTS);
    S->nseeds = 0;
    for (st = 0; st < NSTARTS; st++)
    {
        int ok, dup = 0;
        for (o = 0; o < q; o++)
        {
            double hi = fmpq_get_d(S->c->region + 2 * o + 1);
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;    /* xorshift64 */
            c[o] = hi / (st % 2 ? 4 : 2) * (2.0 * (x >> 11) / 9007199254740992.0 - 1);
        }
        ok = damped_newton(c, S);
        for (j = 0; j < S->nseeds && ok && !dup; j++)
        {
            double d = 0;
            for (o = 0; o < q; o++)
                d += fabs(S->seeds[j * q + o] - c[o]);
            dup = d < 1e-7;
        }
        if (ok && !dup)
        {
            for (o = 0; o < q; o++)
                S->seeds[S->nseeds * q + o] = c[o];
            S->nseeds++;
        }
    }
}

static void carve(search_ctx * S, const fmpq * box, const fmpq * E, const double * cand,
                  slong depth);
static int in_box_d(const fmpq * box, const double * x, slong q);
static int existence_box(fmpq * E, search_ctx * S, const fmpq * box, const double * cand);

/* 1 when a seed strictly inside box got an existence box, carved out */
static int
carve_seed(search_ctx * S, const fmpq * box, slong depth)
{
    slong j;
    int done = 0;
    fmpq * E;

    if (S->nseeds == 0)
        return 0;
    E = _fmpq_vec_init(2 * S->q);
    for (j = 0; j < S->nseeds && !done; j++)
        if (in_box_d(box, S->seeds + j * S->q, S->q)
            && existence_box(E, S, box, S->seeds + j * S->q))
        {
            carve(S, box, E, S->seeds + j * S->q, depth);
            done = 1;
        }
    _fmpq_vec_clear(E, 2 * S->q);
    return done;
}

static void
process(search_ctx * S, const fmpq * box, slong depth)
{
    rc_census_struct * c = S->c;
    slong coord = -1, axis, o, q = S->q;
    int kind, nonzero, have_cand = 0;
    double cand[RC_CENSUS_MAX_Q], w[RC_CENSUS_MAX_Q];
    fmpq * b;
    fmpq_t at;

    S->boxes++;
    if (S->fn != NULL && S->boxes % 256 == 0)
        S->fn(S->boxes, depth, S->ctx);
    if (carve_seed(S, box, depth))
        return;
    kind = try_exclude(&coord, S, box, &nonzero);
    if (kind < 0 && (coord = try_zero(S, box, depth)) >= 0)
        kind = RC_CENSUS_ZERO;
    if (kind >= 0)
    {
        slong j = rc_census_push_leaf(c, (rc_census_leaf_kind) kind, coord);
        c->nodes[j].verdict = RC_PROVED;
        return;
    }
    if (depth >= S->max_depth || c->nnodes >= S->max_nodes
        || (c->m > 1 && depth >= S->zero_depth && near_zero(c->sym, box)))
    {
        rc_census_push_leaf(c, RC_CENSUS_UNRESOLVED, -1);
        return;
    }
    /* Krawczyk only where Newton (in double) proposes a point in the box */
    if (nonzero && candidate(cand, S, box) && in_box_d(box, cand, q))
    {
        fmpq * E;
        have_cand = 1;
        if (depth >= 2 && krawczyk_box(S, box))
        {
            slong j = rc_census_push_leaf(c, RC_CENSUS_EXIST, -1);
            c->nodes[j].verdict = RC_PROVED;
            locate(S, j, box, cand);
            return;
        }
        E = _fmpq_vec_init(2 * q);
        if (depth >= 4 && existence_box(E, S, box, cand))
        {
            carve(S, box, E, cand, depth);
            _fmpq_vec_clear(E, 2 * q);
            return;
        }
        _fmpq_vec_clear(E, 2 * q);
    }

    /* bisect the wider side (beta weighted by (k - 1)^(1/2)), away from a
       candidate near the middle */
    if (c->m == 1)
    {
        w[0] = fmpq_get_d(box + 1) - fmpq_get_d(box + 0);
        w[1] = (fmpq_get_d(box + 3) - fmpq_get_d(box + 2)) * S->scale;
        axis = w[0] >= w[1] ? 0 : 1;
    }
    else
    {
        /* the widest side, weighted by its share of |W|_F */
        axis = 0;
        for (o = 0; o < q; o++)
        {
            w[o] = (fmpq_get_d(box + 2 * o + 1) - fmpq_get_d(box + 2 * o)) * S->weight[o];
            if (w[o] > w[axis])
                axis = o;
        }
    }
    fmpq_init(at);
    b = _fmpq_vec_init(2 * q);
    fmpq_add(at, box + 2 * axis, box + 2 * axis + 1);
    fmpq_div_2exp(at, at, 1);
    if (have_cand)
    {
        double lo = fmpq_get_d(box + 2 * axis), wd = fmpq_get_d(box + 2 * axis + 1) - lo;
        double mid = lo + wd / 2;
        if (fabs(cand[axis] - mid) < wd / 8)
        {
            fmpq_t q;
            fmpq_init(q);
            fmpq_sub(q, box + 2 * axis + 1, box + 2 * axis);
            fmpq_div_2exp(q, q, 3);
            if (cand[axis] > mid)
                fmpq_sub(at, at, q);   /* 3/8 */
            else
                fmpq_add(at, at, q);   /* 5/8 */
            fmpq_clear(q);
        }
    }
    rc_census_push_cut(c, (int) axis, at);
    box_copy(b, box, q); fmpq_set(b + 2 * axis + 1, at);
    process(S, b, depth + 1);
    box_copy(b, box, q); fmpq_set(b + 2 * axis, at);
    process(S, b, depth + 1);
    _fmpq_vec_clear(b, 2 * q);
    fmpq_clear(at);
}

int
rc_census_search(rc_census_t c, slong k, slong prec, slong max_depth,
                 rc_census_search_fn fn, void * ctx, rc_error_t err)
{
    search_ctx S;

    if (rc_census_set_k(c, k, prec, err))
        return 1;
    rc_census_default_region(c->region, k, prec);
    S.c = c;
    S.prec = prec;
    S.max_depth = max_depth;
    S.zero_depth = max_depth;
    S.max_nodes = NODE_BUDGET;
    S.boxes = 0;
    S.q = 2;
    S.scale = sqrt((double) (k - 1));
    S.fn = fn;
    S.ctx = ctx;
    S.seeds = NULL;
    S.nseeds = 0;
    S.fast = 0;
    process(&S, c->region, 0);
    return _rc_census_replay(c, 0, err);
}

int
rc_census_search_two_block(rc_census_t c, slong k, slong a, slong prec, slong max_depth,
                           slong zero_depth, slong max_nodes, rc_census_search_fn fn,
                           void * ctx, rc_error_t err)
{
    search_ctx S;
    slong o;

    if (rc_census_set_two_block(c, k, a, prec, err))
        return 1;
    rc_census_default_region_sym(c->region, c->sym, prec);
    S.c = c;
    S.prec = prec;
    S.max_depth = max_depth;
    S.zero_depth = zero_depth;
    S.max_nodes = max_nodes > 0 ? max_nodes : NODE_BUDGET;
    S.boxes = 0;
    S.q = c->q;
    S.scale = 1;
    for (o = 0; o < c->q; o++)
        S.weight[o] = sqrt((double) rc_sym_orbit_size(c->sym, o));
    S.fn = fn;
    S.ctx = ctx;
    S.fast = rc_di_usable();
    rc_di_consts_init(S.K);
    make_seeds(&S);
    process(&S, c->region, 0);
    flint_free(S.seeds);
    return _rc_census_replay(c, 0, err);
}
