/* The census object: the tree of cuts and leaves over the one-block plane
   or the two-block fixed-point subspace, its points, and the default
   regions (proofs/lemmas.md L16). */
#include <stdio.h>
#include <string.h>
#include "relucert/census.h"

static const char * leaf_names[] = { "outside", "small", "gradient", "exist", "unresolved", "zero", "fine" };

const char *
rc_census_leaf_name(rc_census_leaf_kind kind)
{
    return (kind >= RC_CENSUS_OUTSIDE && kind <= RC_CENSUS_FINE) ? leaf_names[kind] : "?";
}

int
rc_census_leaf_parse(rc_census_leaf_kind * kind, const char * s)
{
    int j;
    for (j = 0; j <= RC_CENSUS_FINE; j++)
        if (strcmp(s, leaf_names[j]) == 0)
        {
            *kind = (rc_census_leaf_kind) j;
            return 0;
        }
    return 1;
}

void
rc_census_init(rc_census_t c)
{
    slong j;
    memset(c, 0, sizeof(rc_census_struct));
    rc_sym_init(c->sym);
    c->m = 1;
    c->q = 2;
    for (j = 0; j < 2 * RC_CENSUS_MAX_Q; j++)
        fmpq_init(c->region + j);
}

static void
clear_points(rc_census_t c)
{
    slong j;
    for (j = 0; j < c->npoints; j++)
    {
        arb_clear(c->points[j].lam_min);
        arb_clear(c->points[j].loss);
    }
    flint_free(c->points);
    c->points = NULL;
    c->npoints = 0;
}

static void
clear_nodes(rc_census_t c)
{
    slong j;
    for (j = 0; j < c->nnodes; j++)
    {
        fmpq_clear(c->nodes[j].at);
        _fmpq_vec_clear(c->nodes[j].box, 2 * c->q);
        _fmpq_vec_clear(c->nodes[j].enc, 2 * c->q);
    }
    flint_free(c->nodes);
    c->nodes = NULL;
    c->nnodes = c->alloc = 0;
}

void
rc_census_clear(rc_census_t c)
{
    slong j;
    clear_points(c);
    clear_nodes(c);
    rc_sym_clear(c->sym);
    for (j = 0; j < 2 * RC_CENSUS_MAX_Q; j++)
        fmpq_clear(c->region + j);
}

int
rc_census_set_k(rc_census_t c, slong k, slong prec, rc_error_t err)
{
    slong p = k;

    if (k < 2 || k > 1000000)
        return rc_error_set(err, "k: expected 2 <= k <= 10^6 for a one-block census, found %ld",
                            (long) k);
    if (prec < 32 || prec > 4096)
        return rc_error_set(err, "prec: expected 32..4096, found %ld", (long) prec);
    clear_points(c);
    clear_nodes(c);
    if (rc_sym_set_sizes(c->sym, &p, 1, err))
        return 1;
    c->m = 1;
    c->a = 0;
    c->q = c->sym->q;
    c->k = k;
    c->prec = prec;
    c->covers = RC_UNDECIDED;
    c->nunresolved = c->nfailed = c->depth = 0;
    return 0;
}

int
rc_census_set_two_block(rc_census_t c, slong k, slong a, slong prec, rc_error_t err)
{
    slong p[2];

    if (k < 3 || k > 1000000)
        return rc_error_set(err, "k: expected 3 <= k <= 10^6 for a two-block census, found %ld",
                            (long) k);
    if (a < 1 || a > k - 1)
        return rc_error_set(err, "a: expected 1 <= a <= k - 1 = %ld, found %ld", (long) (k - 1),
                            (long) a);
    if (prec < 32 || prec > 4096)
        return rc_error_set(err, "prec: expected 32..4096, found %ld", (long) prec);
    clear_points(c);
    clear_nodes(c);
    p[0] = a;
    p[1] = k - a;
    if (rc_sym_set_sizes(c->sym, p, 2, err))
        return 1;
    if (c->sym->q > RC_CENSUS_MAX_Q)
        return rc_error_set(err, "pattern: %ld coordinates, expected at most %d",
                            (long) c->sym->q, RC_CENSUS_MAX_Q);
    c->m = 2;
    c->a = a;
    c->q = c->sym->q;
    c->k = k;
    c->prec = prec;
    c->covers = RC_UNDECIDED;
    c->nunresolved = c->nfailed = c->depth = 0;
    return 0;
}

static slong
push(rc_census_t c)
{
    rc_census_node_struct * n;

    if (c->nnodes == c->alloc)
    {
        c->alloc = FLINT_MAX(64, 2 * c->alloc);
        c->nodes = flint_realloc(c->nodes, sizeof(rc_census_node_struct) * c->alloc);
    }
    n = c->nodes + c->nnodes;
    fmpq_init(n->at);
    n->box = _fmpq_vec_init(2 * c->q);
    n->enc = _fmpq_vec_init(2 * c->q);
    n->have_enc = 0;
    n->axis = -1;
    n->kind = RC_CENSUS_UNRESOLVED;
    n->coord = -1;
    n->verdict = RC_UNDECIDED;
    n->point = -1;
    return c->nnodes++;
}

slong
rc_census_push_cut(rc_census_t c, int axis, const fmpq_t at)
{
    slong j = push(c);
    c->nodes[j].axis = axis;
    fmpq_set(c->nodes[j].at, at);
    return j;
}

slong
rc_census_push_leaf(rc_census_t c, rc_census_leaf_kind kind, slong coord)
{
    slong j = push(c);
    c->nodes[j].kind = kind;
    c->nodes[j].coord = (kind == RC_CENSUS_GRADIENT || kind == RC_CENSUS_ZERO
                         || kind == RC_CENSUS_FINE) ? coord : -1;
    return j;
}

/* x = a dyadic upper bound (a multiple of 1/64) of the ball's upper end */
static void
dyadic_up(fmpq_t x, const arb_t b)
{
    arf_t u;
    fmpz_t n;

    arf_init(u); fmpz_init(n);
    arb_get_ubound_arf(u, b, 64);
    arf_mul_2exp_si(u, u, 6);
    arf_get_fmpz(n, u, ARF_RND_CEIL);
    fmpz_set(fmpq_numref(x), n);
    fmpz_set_ui(fmpq_denref(x), 64);
    fmpq_canonicalise(x);
    arf_clear(u); fmpz_clear(n);
}

void
rc_census_default_region(fmpq * region, slong k, slong prec)
{
    arb_t a, pi;
    fmpq_t t;

    arb_init(a); arb_init(pi); fmpq_init(t);
    arb_const_pi(pi, prec);
    /* |alpha| <= (1 + (k - 1)/pi)^(1/2), |beta| <= (1/(k - 1) + 1/pi)^(1/2) */
    arb_set_si(a, k - 1);
    arb_div(a, a, pi, prec);
    arb_add_si(a, a, 1, prec);
    arb_sqrt(a, a, prec);
    dyadic_up(t, a);
    /* alpha in [-A', A' + 1/64], A' = m/64 >= 1: 1 is at the fraction
       (m + 64)/(2 m + 1) of the width, whose reduced denominator is odd and
       > 1 (gcd(m + 64, 2 m + 1) divides 127, and 2 m + 1 = 127 would give
       A' < 1), so no cut of a bisection falls on alpha = 1 (the producer
       also moves cuts away from candidates) */
    fmpq_mul_si(region + 0, t, -1);
    fmpq_set(region + 1, t);
    fmpq_set_si(t, 1, 64);
    fmpq_add(region + 1, region + 1, t);
    arb_set_si(a, k - 1);
    arb_inv(a, a, prec);
    arb_inv(pi, pi, prec);
    arb_add(a, a, pi, prec);
    arb_sqrt(a, a, prec);
    dyadic_up(t, a);
    /* beta in [-B', B' + 1/64]: 0 is at the fraction B'/(2 B' + 1/64), not
       dyadic when 64 B' is an integer */
    fmpq_mul_si(region + 2, t, -1);
    fmpq_set(region + 3, t);
    fmpq_set_si(t, 1, 64);
    fmpq_add(region + 3, region + 3, t);
    arb_clear(a); arb_clear(pi); fmpq_clear(t);
}

void
rc_census_default_region_sym(fmpq * region, const rc_sym_t s, slong prec)
{
    arb_t R2, t, pi;
    fmpq_t x, h;
    slong o, k = s->k;

    arb_init(R2); arb_init(t); arb_init(pi); fmpq_init(x); fmpq_init(h);
    /* R^2 = k + k (k - 1)/pi; |theta_o| <= (R^2 / size_o)^(1/2) */
    arb_const_pi(pi, prec);
    arb_set_si(R2, k * (k - 1));
    arb_div(R2, R2, pi, prec);
    arb_add_si(R2, R2, k, prec);
    fmpq_set_si(h, 1, 64);
    for (o = 0; o < s->q; o++)
    {
        arb_div_si(t, R2, rc_sym_orbit_size(s, o), prec);
        arb_sqrt(t, t, prec);
        dyadic_up(x, t);
        /* [-T, T + 1/64]: 0 is at the fraction T/(2 T + 1/64) = 64 T/(128 T + 1)
           of the width, not dyadic, so no bisection cuts at 0 */
        fmpq_neg(region + 2 * o, x);
        fmpq_add(region + 2 * o + 1, x, h);
    }
    arb_clear(R2); arb_clear(t); arb_clear(pi); fmpq_clear(x); fmpq_clear(h);
}

static void
box_volume(fmpq_t v, const fmpq * box, slong q)
{
    fmpq_t w;
    slong o;
    fmpq_init(w);
    fmpq_one(v);
    for (o = 0; o < q; o++)
    {
        fmpq_sub(w, box + 2 * o + 1, box + 2 * o);
        fmpq_mul(v, v, w);
    }
    fmpq_clear(w);
}

void
rc_census_unresolved_volume(fmpq_t f, fmpz_t up, const rc_census_t c)
{
    fmpq_t v;
    slong j;

    fmpq_init(v);
    fmpq_zero(f);
    for (j = 0; j < c->nnodes; j++)
        if (c->nodes[j].axis < 0 && c->nodes[j].kind == RC_CENSUS_UNRESOLVED)
        {
            box_volume(v, c->nodes[j].box, c->q);
            fmpq_add(f, f, v);
        }
    box_volume(v, c->region, c->q);
    if (fmpq_sgn(v) > 0)
        fmpq_div(f, f, v);
    /* up = ceil(10^6 f) */
    fmpq_mul_ui(v, f, 1000000);
    fmpz_cdiv_q(up, fmpq_numref(v), fmpq_denref(v));
    fmpq_clear(v);
}

void
rc_census_volume_string(char * buf, size_t n, const fmpz_t up)
{
    ulong u = fmpz_sgn(up) <= 0 ? 0 : fmpz_cmp_ui(up, 1000000) >= 0 ? 1000000 : fmpz_get_ui(up);
    if (u == 0)
        snprintf(buf, n, "0");
    else if (u == 1000000)
        snprintf(buf, n, "1");
    else
    {
        slong e = 7;
        snprintf(buf, n, "0.%06lu", u);
        /* no trailing zeros: the shortest decimal of the same value */
        while (e > 2 && buf[e] == '0')
            buf[e--] = '\0';
    }
}

void
rc_census_unresolved_share(char * buf, size_t n, const rc_census_t c)
{
    fmpq_t f;
    fmpz_t up;

    fmpq_init(f); fmpz_init(up);
    rc_census_unresolved_volume(f, up, c);
    rc_census_volume_string(buf, n, up);
    fmpq_clear(f); fmpz_clear(up);
}

int
rc_census_complete(const rc_census_t c)
{
    return c->covers == RC_PROVED && c->nfailed == 0 && c->nunresolved == 0 && c->nnodes > 0;
}
