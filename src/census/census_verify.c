/* The decision procedure of a census (proofs/lemmas.md L16): replay the
   tree of cuts from the region, recompute every leaf's claim and every
   point's status. Used by the producer and the checker alike. */
#include "relucert/census.h"

typedef struct
{
    fmpq box[2 * RC_CENSUS_MAX_Q];
    slong depth;
}
frame_struct;

/* two blocks (L16(f)): every coordinate has lo < 0 < hi and
   size_o lo^2, size_o hi^2 > k + k (k - 1)/pi */
static rc_verdict_t
region_covers_sym(const fmpq * region, const rc_sym_t s, slong prec)
{
    arb_t R2, x;
    slong o, e, k = s->k;
    int ok = 1;

    arb_init(R2); arb_init(x);
    arb_const_pi(R2, prec);
    arb_inv(R2, R2, prec);
    arb_mul_si(R2, R2, k * (k - 1), prec);
    arb_add_si(R2, R2, k, prec);
    for (o = 0; o < s->q; o++)
        for (e = 0; e < 2; e++)
        {
            if (fmpq_sgn(region + 2 * o + e) != (e ? 1 : -1))
                ok = 0;
            arb_set_fmpq(x, region + 2 * o + e, prec);
            arb_sqr(x, x, prec);
            arb_mul_si(x, x, rc_sym_orbit_size(s, o), prec);
            if (!arb_gt(x, R2))
                ok = 0;
        }
    arb_clear(R2); arb_clear(x);
    return ok ? RC_PROVED : RC_UNDECIDED;
}

/* the region contains the ellipse of M7.1: alo <= -A, ahi >= A,
   blo <= -B, bhi >= B, A^2 = 1 + (k - 1)/pi, B^2 = 1/(k - 1) + 1/pi */
static rc_verdict_t
region_covers(const fmpq * region, slong k, slong prec)
{
    arb_t A2, B2, x, pi;
    slong e;
    int ok = 1;

    arb_init(A2); arb_init(B2); arb_init(x); arb_init(pi);
    arb_const_pi(pi, prec);
    arb_inv(pi, pi, prec);
    arb_mul_ui(A2, pi, k - 1, prec);
    arb_add_ui(A2, A2, 1, prec);
    arb_set_ui(B2, k - 1);
    arb_inv(B2, B2, prec);
    arb_add(B2, B2, pi, prec);
    for (e = 0; e < 4; e++)
    {
        if (fmpq_sgn(region + e) != ((e & 1) ? 1 : -1))
            ok = 0;
        arb_set_fmpq(x, region + e, prec);
        arb_sqr(x, x, prec);
        if (!arb_gt(x, e < 2 ? A2 : B2))
            ok = 0;
    }
    arb_clear(A2); arb_clear(B2); arb_clear(x); arb_clear(pi);
    return ok ? RC_PROVED : RC_UNDECIDED;
}

static int
box_subset(const fmpq * a, const fmpq * b, slong q)
{
    slong o;
    for (o = 0; o < q; o++)
        if (!(fmpq_cmp(a + 2 * o, b + 2 * o) >= 0 && fmpq_cmp(a + 2 * o + 1, b + 2 * o + 1) <= 0
              && fmpq_cmp(a + 2 * o, a + 2 * o + 1) < 0))
            return 0;
    return 1;
}

static void
point_status(rc_census_t c, slong j, slong prec)
{
    rc_census_point_struct * p;
    rc_census_node_struct * n = c->nodes + j;
    arb_ptr theta = _arb_vec_init(c->q);
    slong np = c->npoints++;

    c->points = flint_realloc(c->points, sizeof(rc_census_point_struct) * c->npoints);
    p = c->points + np;
    arb_init(p->lam_min);
    arb_init(p->loss);
    p->node = j;
    p->morse_index = -1;
    p->located = RC_UNDECIDED;
    n->point = np;
    /* the unique critical point of the box lies in enc when Krawczyk proves
       one there and enc is inside the box */
    if (n->have_enc && box_subset(n->enc, n->box, c->q)
        && rc_census_box_theta(theta, n->enc, c->q, prec)
        && rc_sym_krawczyk(NULL, c->sym, theta, prec) == RC_PROVED)
        p->located = RC_PROVED;
    else
        rc_census_box_theta(theta, n->box, c->q, prec);
    if (!rc_sym_hessian_eig_min(p->lam_min, &p->morse_index, c->sym, theta, prec))
        p->morse_index = -1;
    rc_sym_loss(p->loss, c->sym, theta, prec);
    _arb_vec_clear(theta, c->q);
}

static rc_verdict_t
leaf_verdict(const rc_census_t c, const rc_census_node_struct * n, slong prec)
{
    arb_ptr theta;
    rc_verdict_t v = RC_UNDECIDED;

    switch (n->kind)
    {
        case RC_CENSUS_OUTSIDE:
            return c->m == 1 ? rc_census_box_outside(n->box, c->k, prec)
                             : rc_census_box_outside_sym(c->sym, n->box, prec);
        case RC_CENSUS_SMALL:
            return c->m == 1 ? rc_census_box_small(n->box, c->k, prec)
                             : rc_census_box_small_sym(c->sym, n->box, prec);
        case RC_CENSUS_GRADIENT:
            return rc_census_box_gradient(c->sym, n->box, n->coord, prec);
        case RC_CENSUS_ZERO:
            return c->m >= 2 ? rc_census_box_zero(c->sym, n->box, n->coord, prec)
                             : RC_UNDECIDED;
        case RC_CENSUS_FINE:
        {
            /* the same bisection, in exactly the pieces the leaf states */
            slong pieces;
            return (c->m >= 2
                    && rc_census_box_fine(&pieces, c->sym, n->box, n->coord) == RC_PROVED
                    && pieces == n->coord) ? RC_PROVED : RC_UNDECIDED;
        }
        case RC_CENSUS_EXIST:
            theta = _arb_vec_init(c->q);
            /* Krawczyk on exactly the box (a larger ball box would prove the
               point in the larger box only) */
            if (rc_census_box_theta(theta, n->box, c->q, prec)
                && rc_sym_krawczyk(NULL, c->sym, theta, prec) == RC_PROVED)
                v = RC_PROVED;
            _arb_vec_clear(theta, c->q);
            return v;
        default:
            return RC_UNDECIDED;
    }
}

int
_rc_census_replay(rc_census_t c, int redecide, rc_error_t err)
{
    frame_struct * st;
    slong top = 0, alloc = 64, j, e, o, prec = c->prec, nb = 2 * c->q;
    int ret = 0;

    c->npoints = 0;
    flint_free(c->points);
    c->points = NULL;
    c->nunresolved = c->nfailed = c->depth = 0;
    c->covers = RC_UNDECIDED;
    if (c->k < 2 || c->sym->q != c->q || (c->m == 1 && c->q != 2)
        || (c->m == 2 && (c->q < 5 || c->q > RC_CENSUS_MAX_Q)) || c->m < 1 || c->m > 2)
        return rc_error_set(err, "k: expected a one-block census with k >= 2 or a two-block "
                            "census");
    for (o = 0; o < c->q; o++)
        if (fmpq_cmp(c->region + 2 * o, c->region + 2 * o + 1) >= 0)
            return rc_error_set(err, c->m == 1 ? "region: expected alpha_lo < alpha_hi and "
                                "beta_lo < beta_hi" : "region: expected lo < hi in every "
                                "coordinate");
    if (c->nnodes == 0)
        return rc_error_set(err, "tree: expected at least one node, found none");
    c->covers = c->m == 1 ? region_covers(c->region, c->k, prec)
                          : region_covers_sym(c->region, c->sym, prec);

    st = flint_malloc(sizeof(frame_struct) * alloc);
    for (e = 0; e < nb; e++)
    {
        fmpq_init(st[0].box + (e));
        fmpq_set(st[0].box + (e), c->region + e);
    }
    st[0].depth = 0;
    top = 1;
    for (j = 0; j < c->nnodes; j++)
    {
        rc_census_node_struct * n = c->nodes + j;
        frame_struct * f;

        if (top == 0)
        {
            ret = rc_error_set(err, "tree[%ld]: a node after the region is covered (the "
                               "tree has %ld nodes too many)", (long) j, (long) (c->nnodes - j));
            break;
        }
        f = st + --top;
        for (e = 0; e < nb; e++)
            fmpq_set(n->box + (e), f->box + (e));
        c->depth = FLINT_MAX(c->depth, f->depth);
        if (n->axis >= 0)
        {
            slong a = n->axis, d = f->depth + 1;
            if (a >= c->q || fmpq_cmp(n->at, f->box + 2 * a) <= 0
                || fmpq_cmp(n->at, f->box + 2 * a + 1) >= 0)
            {
                ret = rc_error_set(err, "tree[%ld]: expected a cut strictly inside its box",
                                   (long) j);
                for (e = 0; e < nb; e++)
                    fmpq_clear(f->box + (e));
                break;
            }
            if (top + 2 > alloc)
            {
                alloc *= 2;
                st = flint_realloc(st, sizeof(frame_struct) * alloc);
                f = NULL;
            }
            /* upper child below the lower one on the stack: the lower part
               comes first in preorder */
            for (e = 0; e < nb; e++)
                fmpq_init(st[top + 1].box + (e));
            for (e = 0; e < nb; e++)
                fmpq_set(st[top + 1].box + (e), st[top].box + (e));
            fmpq_set(st[top + 1].box + (2 * a + 1), n->at);   /* lower */
            fmpq_set(st[top].box + (2 * a), n->at);           /* upper */
            st[top].depth = st[top + 1].depth = d;
            top += 2;
            continue;
        }
        for (e = 0; e < nb; e++)
            fmpq_clear(f->box + (e));
        n->point = -1;
        if (redecide)
            n->verdict = leaf_verdict(c, n, prec);
        if (n->kind == RC_CENSUS_UNRESOLVED)
            c->nunresolved++;
        else if (n->verdict != RC_PROVED)
            c->nfailed++;
        if (n->kind == RC_CENSUS_EXIST)
            point_status(c, j, prec);
    }
    if (ret == 0 && top > 0)
        ret = rc_error_set(err, "tree: expected %ld more nodes (the leaves do not cover "
                           "the region)", (long) top);
    for (j = 0; j < top; j++)
        for (e = 0; e < nb; e++)
            fmpq_clear(st[j].box + (e));
    flint_free(st);
    return ret;
}

int
rc_census_verify(rc_census_t c, rc_error_t err)
{
    return _rc_census_replay(c, 1, err);
}
