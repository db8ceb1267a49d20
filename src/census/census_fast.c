/* The fast exclusion of a two-block census box (lemma L16(h)): the reduced
   gradient in closed form, evaluated in binary64 intervals (di.h), and a
   deterministic bisection of the box whose every piece is excluded by it
   or lies outside the region. */
#include "relucert/census.h"
#include "relucert/di.h"

#define ADD rc_di_add
#define SUB rc_di_sub
#define MUL rc_di_mul

static rc_di_t
di_si(slong n)
{
    return rc_di_pt((double) n);
}

/* c intersected with [-1, 1] (a cosine: the true value lies there) */
static rc_di_t
clamp_unit(rc_di_t c)
{
    if (!rc_di_is_valid(c))
        return c;
    if (c.lo < -1)
        c.lo = -1;
    if (c.hi > 1)
        c.hi = 1;
    if (c.lo > c.hi)
        return rc_di_invalid();
    return c;
}

/* x / sqrt(x^2 + R) over x in [x.lo, x.hi] and R in R (R >= 0, and
   x^2 + R > 0 on the box): increasing in x, and in R decreasing where
   x > 0 and increasing where x < 0, so its range is bounded by the two
   corners below (lemma L16(h)); clamped to [-1, 1] */
static rc_di_t
di_unit_coord(rc_di_t x, rc_di_t R)
{
    rc_di_t lo, hi, xl = rc_di_pt(x.lo), xh = rc_di_pt(x.hi);
    if (!rc_di_is_valid(x) || !rc_di_is_valid(R) || R.hi < 0)
        return rc_di_invalid();
    if (R.lo < 0)
        R.lo = 0;               /* a sum of squares: R >= 0 */
    lo = rc_di_div(xl, rc_di_sqrtpos(ADD(rc_di_sqr(xl), rc_di_pt(x.lo >= 0 ? R.hi : R.lo))));
    hi = rc_di_div(xh, rc_di_sqrtpos(ADD(rc_di_sqr(xh), rc_di_pt(x.hi >= 0 ? R.lo : R.hi))));
    if (x.lo == 0)
        lo = rc_di_pt(0);
    if (x.hi == 0)
        hi = rc_di_pt(0);
    if (!rc_di_is_valid(lo) || !rc_di_is_valid(hi))
        return rc_di_invalid();
    return clamp_unit(rc_di_make(lo.lo, hi.hi));
}

/* sin t = sqrt((1 - c)(1 + c)) and t = acos c over a cosine interval c in
   [-1, 1]: acos c = 2 atan(sqrt((1 - c)/(1 + c))) for c > -1 and
   pi - 2 atan(sqrt((1 + c)/(1 - c))) for c < 1 (both monotone in c) */
static void
di_angle(rc_di_t * sn, rc_di_t * t, rc_di_t c, const rc_di_consts_t K)
{
    rc_di_t one = rc_di_pt(1), p = ADD(one, c), m = SUB(one, c);

    *sn = rc_di_sqrtpos(MUL(p, m));
    if (c.lo > -1)
        *t = rc_di_mul_2exp(rc_di_atan(rc_di_sqrtpos(rc_di_div(m, p)), K), 1);
    else if (c.hi < 1)
        *t = SUB(K->pi, rc_di_mul_2exp(rc_di_atan(rc_di_sqrtpos(rc_di_div(p, m)), K), 1));
    else
        *t = rc_di_invalid();
}

/* one neuron's pair with a teacher e_r: its unit-coordinate cosine c,
   alpha = sin t / (2 pi |w|) and gamma = (pi - t) / (2 pi) */
static void
di_teacher(rc_di_t * al, rc_di_t * ga, rc_di_t c, rc_di_t inw, const rc_di_consts_t K)
{
    rc_di_t sn, t;
    di_angle(&sn, &t, c, K);
    *al = MUL(MUL(sn, inw), K->inv_2pi);
    *ga = MUL(SUB(K->pi, t), K->inv_2pi);
}

/* two rows of one block of size p (entries d on the own index, o on the
   other p - 1, x on the other block's q indices; squared norm N): their
   <r, r'> = 2 d o + (p - 2) o^2 + q x^2, alpha = sin t / (2 pi) (equal
   norms) and gamma = (pi - t) / (2 pi) */
static void
di_within(rc_di_t * al, rc_di_t * ga, rc_di_t d, rc_di_t o, slong p, rc_di_t x, slong q,
          rc_di_t N, const rc_di_consts_t K)
{
    rc_di_t c, sn, t;
    c = ADD(ADD(MUL(rc_di_mul_2exp(d, 1), o), MUL(di_si(p - 2), rc_di_sqr(o))),
            MUL(di_si(q), rc_di_sqr(x)));
    c = clamp_unit(rc_di_div(c, N));
    di_angle(&sn, &t, c, K);
    *al = MUL(sn, K->inv_2pi);
    *ga = MUL(SUB(K->pi, t), K->inv_2pi);
}

/* the entries of dF/dw_i for a row i of a block of size p (entries d, o,
   x: own index, other indices of the block, the other block's q
   indices), on its own index (D), another index of its block (O) and the
   other block (X): the row times S'_i, plus gamma times the partners'
   entries there (ga_same for the p - 1 rows of the block, scale included;
   gx for the q rows of the other block, whose entries are d', o' on its
   block and x' on this one), minus the teachers' gamma (L16(h)) */
static void
block_entries(rc_di_t * D, rc_di_t * O, rc_di_t * X, rc_di_t d, rc_di_t o, rc_di_t x, slong p,
              rc_di_t S, rc_di_t ga_same, rc_di_t gx, slong q, rc_di_t d2, rc_di_t o2, rc_di_t x2,
              rc_di_t ga_d, rc_di_t ga_o, rc_di_t ga_x)
{
    *D = ADD(MUL(d, S), ADD(MUL(ga_same, MUL(di_si(p - 1), o)), MUL(gx, MUL(di_si(q), x2))));
    *D = SUB(*D, ga_d);
    *O = ADD(MUL(o, S), ADD(MUL(ga_same, ADD(d, MUL(di_si(p - 2), o))), MUL(gx, MUL(di_si(q), x2))));
    *O = SUB(*O, ga_o);
    *X = ADD(MUL(x, S), ADD(MUL(ga_same, MUL(di_si(p - 1), x)), MUL(gx, ADD(d2, MUL(di_si(q - 1), o2)))));
    *X = SUB(*X, ga_x);
}

/* the closed form of L16(h) with the rows of block 0 scaled by s0 and
   those of block 1 by s1: th gives the unscaled rows r (nonzero), the
   student's rows are w = s_b r (s_b >= 0; s_b = 0 is the limit, where the
   formula stays an enclosure of the gradient at every s_b > 0 of the
   interval) */
static int
closed_form(rc_di_t * g, const rc_sym_t s, const rc_di_t * th, rc_di_t s0, rc_di_t s1,
            const rc_di_consts_t K)
{
    slong a, b, o;
    rc_di_t zero = rc_di_pt(0), half = rc_di_pt(0.5);
    rc_di_t d1, o1, c12, d2, o2, c21, R1d, R1o, R1c, R2d, R2o, R2c, N1, N2, n1, n2, in1, in2;
    rc_di_t sq1o, sq1c, sq2o, sq2c, sq1d, sq2d;
    rc_di_t al1d, ga1d, al1o, ga1o, al1c, ga1c, al2d, ga2d, al2o, ga2o, al2c, ga2c;
    rc_di_t al11, ga11, al22, ga22, al12, al21, ga12, sn, t, c;
    rc_di_t S1, S2, D1, O1, X1, D2, O2, X2, g12s0, g12s1;

    if (s->m != 2 || s->nx != 0 || s->q > RC_CENSUS_MAX_Q)
        return 0;
    a = s->p[0];
    b = s->p[1];
    d1 = th[s->diag[0]];
    o1 = a >= 2 ? th[s->off[0]] : zero;
    c12 = th[s->off[1]];
    c21 = th[s->off[2]];
    d2 = th[s->diag[1]];
    o2 = b >= 2 ? th[s->off[3]] : zero;

    /* the neurons' squared norms N = |w|^2, and for each unit coordinate
       the sum R of the other squares */
    sq1d = rc_di_sqr(d1); sq1o = MUL(di_si(a - 1), rc_di_sqr(o1)); sq1c = MUL(di_si(b), rc_di_sqr(c12));
    sq2d = rc_di_sqr(d2); sq2o = MUL(di_si(b - 1), rc_di_sqr(o2)); sq2c = MUL(di_si(a), rc_di_sqr(c21));
    N1 = ADD(ADD(sq1d, sq1o), sq1c);
    N2 = ADD(ADD(sq2d, sq2o), sq2c);
    n1 = rc_di_sqrtpos(N1);
    n2 = rc_di_sqrtpos(N2);
    if (!rc_di_is_positive(n1) || !rc_di_is_positive(n2))
        return 0;                               /* a neuron may be zero */
    in1 = rc_di_div(rc_di_pt(1), n1);
    in2 = rc_di_div(rc_di_pt(1), n2);
    /* R for the coordinate itself: the others, one copy of o less */
    R1d = ADD(sq1o, sq1c);
    R1o = ADD(ADD(sq1d, MUL(di_si(a - 2 >= 0 ? a - 2 : 0), rc_di_sqr(o1))), sq1c);
    R1c = ADD(ADD(sq1d, sq1o), MUL(di_si(b - 1), rc_di_sqr(c12)));
    R2d = ADD(sq2o, sq2c);
    R2o = ADD(ADD(sq2d, MUL(di_si(b - 2 >= 0 ? b - 2 : 0), rc_di_sqr(o2))), sq2c);
    R2c = ADD(ADD(sq2d, sq2o), MUL(di_si(a - 1), rc_di_sqr(c21)));

    /* teacher pairs: cos t = w_r / |w| */
    di_teacher(&al1d, &ga1d, di_unit_coord(d1, R1d), in1, K);
    di_teacher(&al1c, &ga1c, di_unit_coord(c12, R1c), in1, K);
    di_teacher(&al2d, &ga2d, di_unit_coord(d2, R2d), in2, K);
    di_teacher(&al2c, &ga2c, di_unit_coord(c21, R2c), in2, K);
    al1o = ga1o = al2o = ga2o = zero;
    if (a >= 2)
        di_teacher(&al1o, &ga1o, di_unit_coord(o1, R1o), in1, K);
    if (b >= 2)
        di_teacher(&al2o, &ga2o, di_unit_coord(o2, R2o), in2, K);

    /* pairs of neurons: within block 0 (|v| = |w|), within block 1, across */
    al11 = ga11 = al22 = ga22 = zero;
    if (a >= 2)
        di_within(&al11, &ga11, d1, o1, a, c12, b, N1, K);
    if (b >= 2)
        di_within(&al22, &ga22, d2, o2, b, c21, a, N2, K);
    c = ADD(ADD(MUL(d1, c21), MUL(MUL(di_si(a - 1), o1), c21)),
            ADD(MUL(c12, d2), MUL(MUL(di_si(b - 1), c12), o2)));
    c = clamp_unit(MUL(MUL(c, in1), in2));
    di_angle(&sn, &t, c, K);
    al12 = MUL(MUL(MUL(sn, n2), in1), K->inv_2pi);    /* |w_j| sin t / (2 pi |w_i|) */
    al21 = MUL(MUL(MUL(sn, n1), in2), K->inv_2pi);
    ga12 = MUL(SUB(K->pi, t), K->inv_2pi);

    /* dF/dw_i = w_i S_i + sum_j gamma_ij w_j - sum_r gamma_ir e_r,
       S_i = 1/2 + sum_j alpha_ij - sum_r alpha_ir (L16(h)); with w = s r,
       w_i S_i = r_i S'_i, S'_1 = s0 (1/2 + (a - 1) alpha_11) + b s1 alpha_12
       - sum_r alpha_1r (alpha_12 and alpha_1r taken with the unscaled
       norms), and the partners' entries carry their scale */
    S1 = ADD(MUL(s0, ADD(half, MUL(di_si(a - 1), al11))), MUL(MUL(di_si(b), s1), al12));
    S1 = SUB(S1, ADD(al1d, ADD(MUL(di_si(a - 1), al1o), MUL(di_si(b), al1c))));
    S2 = ADD(MUL(s1, ADD(half, MUL(di_si(b - 1), al22))), MUL(MUL(di_si(a), s0), al21));
    S2 = SUB(S2, ADD(al2d, ADD(MUL(di_si(b - 1), al2o), MUL(di_si(a), al2c))));
    ga11 = MUL(ga11, s0);
    ga22 = MUL(ga22, s1);
    g12s1 = MUL(ga12, s1);      /* a partner in block 1 */
    g12s0 = MUL(ga12, s0);      /* a partner in block 0 */

    block_entries(&D1, &O1, &X1, d1, o1, c12, a, S1, ga11, g12s1, b, d2, o2, c21, ga1d, ga1o,
                  ga1c);
    block_entries(&D2, &O2, &X2, d2, o2, c21, b, S2, ga22, g12s0, a, d1, o1, c12, ga2d, ga2o,
                  ga2c);

    /* g_o = p_c sum over the row's entries in orbit o */
    for (o = 0; o < s->q; o++)
        g[o] = rc_di_invalid();
    g[s->diag[0]] = MUL(di_si(a), D1);
    if (a >= 2)
        g[s->off[0]] = MUL(di_si(a * (a - 1)), O1);
    g[s->off[1]] = MUL(di_si(a * b), X1);
    g[s->diag[1]] = MUL(di_si(b), D2);
    if (b >= 2)
        g[s->off[3]] = MUL(di_si(b * (b - 1)), O2);
    g[s->off[2]] = MUL(di_si(a * b), X2);
    for (o = 0; o < s->q; o++)
        if (!rc_di_is_valid(g[o]))
            return 0;
    return 1;
}

int
rc_census_fast_gradient(rc_di_t * g, const rc_sym_t s, const rc_di_t * th,
                        const rc_di_consts_t K)
{
    return closed_form(g, s, th, rc_di_pt(1), rc_di_pt(1), K);
}

int
rc_census_fast_gradient_blowup(rc_di_t * g, const rc_sym_t s, const rc_di_t * u, slong b,
                               rc_di_t t, const rc_di_consts_t K)
{
    if (b < 0 || b > 1 || !rc_di_is_valid(t) || t.lo < 0)
        return 0;
    return closed_form(g, s, u, b == 0 ? t : rc_di_pt(1), b == 1 ? t : rc_di_pt(1), K);
}

/* the binary64 box holding the exact box: each end rounded outward */
static void
box_to_di(rc_di_t * th, const fmpq * box, slong q)
{
    arf_t x;
    slong o;
    arf_init(x);
    for (o = 0; o < q; o++)
    {
        arf_set_fmpq(x, box + 2 * o, 53, ARF_RND_FLOOR);
        th[o].lo = arf_get_d(x, ARF_RND_FLOOR);
        arf_set_fmpq(x, box + 2 * o + 1, 53, ARF_RND_CEIL);
        th[o].hi = arf_get_d(x, ARF_RND_CEIL);
    }
    arf_clear(x);
}

/* A piece of the bisection: the box v[0..q-1] (zb = -1), or, for a
   piece blown up at block zb's zero set (L16(g)), the points whose block
   zb coordinates are t u with t in v[q] and u in v (u_l = sigma on the
   face l), the other block's coordinates in v. */
typedef struct
{
    rc_di_t v[RC_CENSUS_MAX_Q + 1];
    int zb, l;
    slong depth;
}
piece_struct;

/* the squared norm sum_o size_o v_o^2 of block b's coordinates (b >= 0),
   or of all of them (b = -1) */
static rc_di_t
di_norm2(const rc_sym_t s, const rc_di_t * v, slong b)
{
    rc_di_t n = rc_di_pt(0);
    slong o;
    for (o = 0; o < s->q; o++)
        if (b < 0 || s->ob[o] == b)
            n = ADD(n, MUL(di_si(rc_sym_orbit_size(s, o)), rc_di_sqr(v[o])));
    return n;
}

/* 1 when |W|_F^2 > k + k (k - 1)/pi on the whole piece (M7.1) */
static int
di_outside(const rc_sym_t s, const piece_struct * P, const rc_di_consts_t K)
{
    rc_di_t n, R2;
    slong k = s->k;
    if (P->zb < 0)
        n = di_norm2(s, P->v, -1);
    else
        n = ADD(MUL(rc_di_sqr(P->v[s->q]), di_norm2(s, P->v, P->zb)),
                di_norm2(s, P->v, 1 - P->zb));
    R2 = ADD(di_si(k), MUL(di_si(k * (k - 1)), K->inv_pi));
    return rc_di_is_valid(n) && rc_di_is_valid(R2) && n.lo > R2.hi;
}

/* 1 when block b's rows may be zero on the box v (every coordinate of the
   block's interval holds 0, or a square underflows: a conservative
   answer, the blow-up being valid wherever the block is nonzero) */
static int
di_meets_zero(const rc_sym_t s, const rc_di_t * v, slong b)
{
    return !(di_norm2(s, v, b).lo > 0);
}

/* the pieces of the face (l, sigma) of block b's blow-up of the box P
   (every point of P with theta_b != 0 and sigma theta_l = max |theta_o|,
   o in block b, is t u with t = sigma theta_l > 0 and u = theta_b / t);
   0 when the face holds no point of P */
static int
face_piece(piece_struct * F, const rc_sym_t s, const piece_struct * P, slong b, slong l,
           int sigma)
{
    rc_di_t T;
    slong o;
    double lo, hi;

    *F = *P;
    F->zb = (int) b;
    F->l = (int) l;
    lo = sigma > 0 ? P->v[l].lo : -P->v[l].hi;
    hi = sigma > 0 ? P->v[l].hi : -P->v[l].lo;
    if (!(hi > 0))
        return 0;
    T = rc_di_make(lo > 0 ? lo : 0, hi);
    F->v[s->q] = T;
    F->v[l] = rc_di_pt(sigma);
    for (o = 0; o < s->q; o++)
    {
        rc_di_t x = P->v[o];
        if (s->ob[o] != b || o == l)
            continue;
        /* u_o = theta_o / t over theta_o in x, t in T, within [-1, 1] */
        if (x.lo >= 0)
            lo = rc_di_div(rc_di_pt(x.lo), rc_di_pt(T.hi)).lo;
        else if (T.lo > 0)
            lo = rc_di_div(rc_di_pt(x.lo), rc_di_pt(T.lo)).lo;
        else
            lo = -1;
        if (x.hi <= 0)
            hi = rc_di_div(rc_di_pt(x.hi), rc_di_pt(T.hi)).hi;
        else if (T.lo > 0)
            hi = rc_di_div(rc_di_pt(x.hi), rc_di_pt(T.lo)).hi;
        else
            hi = 1;
        if (!(lo >= -1))
            lo = -1;
        if (!(hi <= 1))
            hi = 1;
        if (!(lo <= hi))
            return 0;
        F->v[o] = rc_di_make(lo, hi);
    }
    return 1;
}

/* the side of P to bisect: the widest, each side weighted by its share of
   |W|_F (a blown-up block's u sides by t's upper end, t by the face
   coordinate's weight); -1 if none has width */
static slong
widest(const rc_sym_t s, const piece_struct * P)
{
    slong o, ax = -1, q = s->q;
    double w, wmax = 0;
    for (o = 0; o <= q; o++)
    {
        if (o == q && P->zb < 0)
            break;
        if (P->zb >= 0 && o == P->l)
            continue;
        w = P->v[o].hi - P->v[o].lo;
        if (o == q)
            w *= sqrt((double) rc_sym_orbit_size(s, P->l));
        else
        {
            w *= sqrt((double) rc_sym_orbit_size(s, o));
            if (P->zb >= 0 && s->ob[o] == P->zb)
                w *= P->v[q].hi;
        }
        if (w > wmax)
            wmax = w, ax = o;
    }
    return ax;
}

rc_verdict_t
_rc_census_box_fine_depth(slong * boxes, const rc_sym_t s, const fmpq * box, slong max_boxes,
                          slong max_depth, const rc_di_consts_t K)
{
    slong q = s->q, top, alloc, o, ax, b, l, evals = 0;
    piece_struct * st;
    rc_di_t g[RC_CENSUS_MAX_Q];
    double mid;
    int ok = 1, sigma;

    *boxes = 0;
    if (s->m != 2 || s->nx != 0 || q > RC_CENSUS_MAX_Q || max_boxes < 1
        || max_boxes > RC_CENSUS_FINE_MAX || !rc_di_usable())
        return RC_UNDECIDED;
    alloc = 64;
    st = flint_malloc(sizeof(piece_struct) * alloc);
    box_to_di(st[0].v, box, q);
    st[0].zb = -1;
    st[0].l = -1;
    st[0].depth = 0;
    top = 1;
    while (top > 0 && ok)
    {
        piece_struct * P = st + top - 1;
        int ex = 0, valid;
        evals++;
        if (di_outside(s, P, K))
            ex = 1;
        else if (P->zb < 0 && (di_meets_zero(s, P->v, 0) || di_meets_zero(s, P->v, 1)))
        {
            /* blow up the block that may be zero: P is replaced by its
               faces (the other block must be away from zero) */
            piece_struct Q = *P;
            b = di_meets_zero(s, P->v, 0) ? 0 : 1;
            if (di_meets_zero(s, P->v, 1 - b) || evals >= max_boxes)
            {
                ok = 0;
                break;
            }
            top--;
            for (l = q - 1; l >= 0; l--)
                for (sigma = -1; sigma <= 1; sigma += 2)
                    if (s->ob[l] == b)
                    {
                        if (top + 1 > alloc)
                        {
                            alloc *= 2;
                            st = flint_realloc(st, sizeof(piece_struct) * alloc);
                        }
                        if (face_piece(st + top, s, &Q, b, l, sigma))
                            top++;
                    }
            continue;
        }
        else if (P->zb >= 0 && di_meets_zero(s, P->v, 1 - P->zb))
        {
            ok = 0;                     /* both blocks may be zero */
            break;
        }
        else
        {
            if (P->zb < 0)
                valid = rc_census_fast_gradient(g, s, P->v, K);
            else
                valid = rc_census_fast_gradient_blowup(g, s, P->v, P->zb, P->v[q], K);
            if (valid)
                for (o = 0; o < q && !ex; o++)
                    ex = g[o].lo > 0 || g[o].hi < 0;
        }
        if (ex)
        {
            top--;
            continue;
        }
        if (evals >= max_boxes || P->depth >= max_depth)
        {
            ok = 0;
            break;
        }
        ax = widest(s, P);
        mid = ax < 0 ? 0 : P->v[ax].lo + (P->v[ax].hi - P->v[ax].lo) / 2;
        if (ax < 0 || !(P->v[ax].lo < mid && mid < P->v[ax].hi))
        {
            ok = 0;                     /* too small to split */
            break;
        }
        if (top == alloc)
        {
            alloc *= 2;
            st = flint_realloc(st, sizeof(piece_struct) * alloc);
            P = st + top - 1;
        }
        /* P keeps the lower half, the new top (taken next) the upper half */
        P->depth++;
        st[top] = *P;
        P->v[ax].hi = mid;
        st[top].v[ax].lo = mid;
        top++;
    }
    flint_free(st);
    *boxes = evals;
    return ok ? RC_PROVED : RC_UNDECIDED;
}

rc_verdict_t
rc_census_box_fine(slong * boxes, const rc_sym_t s, const fmpq * box, slong max_boxes)
{
    rc_di_consts_t K;
    rc_di_consts_init(K);
    return _rc_census_box_fine_depth(boxes, s, box, max_boxes, WORD_MAX, K);
}
