/* The exclusion of a box near the zero set of a block's neurons (lemma
   L16(g)): blow the block's coordinates up as t u, t >= 0 and u on the
   boundary of the unit cube, where grad phi is continuous up to t = 0,
   and exclude every piece of t and u by an Arb enclosure. */
#include "relucert/census.h"
#include "relucert/pair.h"

int
rc_census_zero_gradient(arb_ptr g, const rc_sym_t s, slong b, const arb_t t,
                        arb_srcptr u, slong prec)
{
    slong n = s->n, k = s->k, q = s->q, i, j, r, c, o;
    arb_ptr W, scale, grad, e, nrm;
    int * nonzero;
    rc_pair_t p;
    arb_t half, x;
    int ok = 1;

    _arb_vec_indeterminate(g, q);
    if (s->nx != 0 || b < 0 || b >= s->m || !arb_is_nonnegative(t))
        return 0;
    W = _arb_vec_init(n * k);
    scale = _arb_vec_init(n);
    grad = _arb_vec_init(k);
    e = _arb_vec_init(k);
    nrm = _arb_vec_init(n);
    nonzero = flint_malloc(sizeof(int) * n);
    rc_pair_init(p, k);
    arb_init(half); arb_init(x);

    /* row i of block b is t r_i(u); any other row i is w_i itself */
    for (i = 0; i < n; i++)
    {
        for (r = 0; r < k; r++)
            arb_set(W + i * k + r, u + rc_sym_orbit(s, i, r));
        if (s->blk[i] == b)
            arb_set(scale + i, t);
        else
            arb_one(scale + i);
        /* from squares each enclosed in [0, oo): the dot product W_i . W_i
           of wide balls reaches below 0 */
        arb_zero(nrm + i);
        for (r = 0; r < k; r++)
        {
            arb_sqr(x, W + i * k + r, prec);
            if (!arb_is_nonnegative(x))
                arb_nonnegative_part(x, x);
            arb_add(nrm + i, nrm + i, x, prec);
        }
        arb_sqrtpos(nrm + i, nrm + i, prec);
        nonzero[i] = arb_is_positive(nrm + i);
        if (s->blk[i] == b && !nonzero[i])
            ok = 0;
    }
    for (c = 0; c < s->m && ok; c++)
    {
        i = s->members[s->start[c]];    /* the block's representative */
        if (!nonzero[i])
            continue;                    /* its direction is unknown */
        /* dF/dw_i = w_i / 2 + sum_{j != i} g(w_i, w_j) - sum_j g(w_i, e_j);
           g is 0-homogeneous in its first argument and 1-homogeneous in
           its second, so with w_j = scale_j W_j, g(w_i, w_j) =
           scale_j g(W_i, W_j) */
        for (r = 0; r < k; r++)
        {
            arb_mul(grad + r, scale + i, W + i * k + r, prec);
            arb_mul_2exp_si(grad + r, grad + r, -1);
        }
        for (j = 0; j < n; j++)
        {
            if (j == i)
                continue;
            if (!nonzero[j])
            {
                /* |g(w, v)| <= |v| / 2 (sin t + pi - t <= pi): every entry
                   of g(w_i, w_j) lies in [-|w_j|/2, |w_j|/2] */
                arb_mul(half, scale + j, nrm + j, prec);
                arb_mul_2exp_si(half, half, -1);
                arb_get_abs_ubound_arf(arb_midref(x), half, prec);
                mag_zero(arb_radref(x));
                for (r = 0; r < k; r++)
                    arb_add_error_arf(grad + r, arb_midref(x));
                continue;
            }
            _arb_vec_zero(e, k);
            rc_pair_set_angle(p, W + i * k, W + j * k, prec);
            if (!p->w_nonzero || !p->v_nonzero)
                ok = 0;         /* g needs both directions */
            rc_kernel_g_add(e, p, W + j * k, 1, prec);
            for (r = 0; r < k; r++)
                arb_addmul(grad + r, scale + j, e + r, prec);
        }
        for (j = 0; j < k; j++)
        {
            _arb_vec_zero(e, k);
            arb_one(e + j);     /* the teacher neuron e_j */
            rc_pair_set_angle(p, W + i * k, e, prec);
            if (!p->w_nonzero)
                ok = 0;
            rc_kernel_g_add(grad, p, e, -1, prec);
        }
        /* g_o = p_c sum_{r : (i, r) in o} (dF/dw_i)_r for the orbits of
           block c's rows */
        for (o = 0; o < q; o++)
            if (s->ob[o] == c && s->okind[o] != RC_SYM_ORBIT_EXTRA)
                arb_zero(g + o);
        for (r = 0; r < k; r++)
            arb_add(g + rc_sym_orbit(s, i, r), g + rc_sym_orbit(s, i, r), grad + r, prec);
        for (o = 0; o < q; o++)
            if (s->ob[o] == c && s->okind[o] != RC_SYM_ORBIT_EXTRA)
                arb_mul_si(g + o, g + o, s->p[c], prec);
    }

    if (!ok)
        _arb_vec_indeterminate(g, q);
    arb_clear(half); arb_clear(x);
    rc_pair_clear(p);
    flint_free(nonzero);
    _arb_vec_clear(W, n * k);
    _arb_vec_clear(scale, n);
    _arb_vec_clear(grad, k);
    _arb_vec_clear(e, k);
    _arb_vec_clear(nrm, n);
    return ok;
}

/* x = a ball containing the interval [lo, hi] (exact rationals) */
static void
arb_set_fmpq_interval(arb_t x, const fmpq_t lo, const fmpq_t hi, slong prec)
{
    arb_t y;
    arb_init(y);
    arb_set_fmpq(x, lo, prec);
    arb_set_fmpq(y, hi, prec);
    arb_union(x, x, y, prec);
    arb_clear(y);
    if (fmpq_sgn(lo) >= 0 && !arb_is_nonnegative(x))
    {
        /* keep t >= 0 visible to the caller: [0, hi] as a ball */
        arb_nonnegative_part(x, x);
    }
}

typedef struct
{
    fmpq iv[2 * RC_CENSUS_MAX_Q];   /* t, then the free u coordinates */
}
piece_struct;

/* one piece: 1 when some component of the blown-up gradient excludes 0 */
static int
piece_excluded(const rc_sym_t s, slong b, const slong * free_o, slong nf, slong l,
               int sigma, const fmpq * iv, arb_srcptr theta, slong prec)
{
    slong q = s->q, o, f;
    arb_ptr u = _arb_vec_init(q), g = _arb_vec_init(q);
    arb_t t;
    int ex = 0;

    arb_init(t);
    _arb_vec_set(u, theta, q);
    arb_set_fmpq_interval(t, iv + 0, iv + 1, prec);
    arb_set_si(u + l, sigma);
    for (f = 0; f < nf; f++)
        arb_set_fmpq_interval(u + free_o[f], iv + 2 + 2 * f, iv + 3 + 2 * f, prec);
    if (rc_sym_gradient_blowup(g, s, u, b, t, prec))
        for (o = 0; o < q && !ex; o++)
            if (arb_is_finite(g + o) && !arb_contains_zero(g + o))
                ex = 1;
    arb_clear(t);
    _arb_vec_clear(u, q);
    _arb_vec_clear(g, q);
    return ex;
}

/* the range of theta_m / s over theta_m in [lo, hi], s in [slo, shi]
   (0 <= slo <= shi, shi > 0), intersected with [-1, 1]: 1 with [ulo, uhi] set when
   it is not empty */
static int
quotient_range(fmpq_t ulo, fmpq_t uhi, const fmpq_t lo, const fmpq_t hi, const fmpq_t slo,
               const fmpq_t shi)
{
    fmpq_t a;
    fmpq_init(a);
    /* lower end */
    if (fmpq_sgn(lo) >= 0)
        fmpq_div(ulo, lo, shi);
    else if (fmpq_sgn(slo) > 0)
        fmpq_div(ulo, lo, slo);
    else
        fmpq_set_si(ulo, -1, 1);
    /* upper end */
    if (fmpq_sgn(hi) <= 0)
        fmpq_div(uhi, hi, shi);
    else if (fmpq_sgn(slo) > 0)
        fmpq_div(uhi, hi, slo);
    else
        fmpq_one(uhi);
    fmpq_set_si(a, -1, 1);
    if (fmpq_cmp(ulo, a) < 0)
        fmpq_set(ulo, a);
    fmpq_one(a);
    if (fmpq_cmp(uhi, a) > 0)
        fmpq_set(uhi, a);
    fmpq_clear(a);
    return fmpq_cmp(ulo, uhi) <= 0;
}

rc_verdict_t
_rc_census_box_zero_pieces(const rc_sym_t s, const fmpq * box, slong b, slong pieces,
                           slong prec)
{
    slong q = s->q, ob_o[RC_CENSUS_MAX_Q], nb = 0, o, li, f, e, evals = 0;
    slong free_o[RC_CENSUS_MAX_Q], nf;
    arb_ptr theta;
    piece_struct * st;
    slong top, alloc;
    int sigma, ok = 1;
    fmpq_t slo, shi, w, wmax;

    if (s->nx != 0 || b < 0 || b >= s->m || q > RC_CENSUS_MAX_Q)
        return RC_UNDECIDED;
    for (o = 0; o < q; o++)
        if (s->ob[o] == b && s->okind[o] != RC_SYM_ORBIT_EXTRA)
            ob_o[nb++] = o;
    if (nb == 0)
        return RC_UNDECIDED;
    theta = _arb_vec_init(q);
    for (o = 0; o < q; o++)
        arb_set_fmpq_interval(theta + o, box + 2 * o, box + 2 * o + 1, prec);
    fmpq_init(slo); fmpq_init(shi); fmpq_init(w); fmpq_init(wmax);
    alloc = 64;
    st = flint_malloc(sizeof(piece_struct) * alloc);

    /* every nonzero theta_b lies on a face l, sigma of the cube:
       t = sigma theta_l = max_o |theta_o| > 0, u = theta_b / t */
    for (li = 0; li < nb && ok; li++)
        for (sigma = 1; sigma >= -1 && ok; sigma -= 2)
        {
            slong l = ob_o[li];
            const fmpq * lo = box + 2 * l, * hi = box + 2 * l + 1;
            /* s = sigma theta_l ranges over [slo, shi] intersected with s > 0 */
            if (sigma > 0)
                fmpq_set(slo, lo), fmpq_set(shi, hi);
            else
                fmpq_neg(slo, hi), fmpq_neg(shi, lo);
            if (fmpq_sgn(shi) <= 0)
                continue;
            if (fmpq_sgn(slo) < 0)
                fmpq_zero(slo);
            top = 0;
            for (e = 0; e < 2 * RC_CENSUS_MAX_Q; e++)
                fmpq_init(st[0].iv + e);
            fmpq_set(st[0].iv + 0, slo);
            fmpq_set(st[0].iv + 1, shi);
            nf = 0;
            for (f = 0; f < nb; f++)
            {
                if (ob_o[f] == l)
                    continue;
                if (!quotient_range(st[0].iv + 2 + 2 * nf, st[0].iv + 3 + 2 * nf,
                                    box + 2 * ob_o[f], box + 2 * ob_o[f] + 1, slo, shi))
                    break;
                free_o[nf++] = ob_o[f];
            }
            if (nf < nb - 1)
            {
                /* no point of the box on this face */
                for (e = 0; e < 2 * RC_CENSUS_MAX_Q; e++)
                    fmpq_clear(st[0].iv + e);
                continue;
            }
            top = 1;
            while (top > 0 && ok)
            {
                piece_struct * P = st + top - 1;
                slong ax = 0;
                if (evals >= pieces)
                {
                    ok = 0;
                    break;
                }
                evals++;
                if (piece_excluded(s, b, free_o, nf, l, sigma, P->iv, theta, prec))
                {
                    for (e = 0; e < 2 * RC_CENSUS_MAX_Q; e++)
                        fmpq_clear(P->iv + e);
                    top--;
                    continue;
                }
                /* split the widest side: t relative to shi, u relative to 2 */
                fmpq_sub(wmax, P->iv + 1, P->iv + 0);
                fmpq_div(wmax, wmax, shi);
                for (f = 0; f < nf; f++)
                {
                    fmpq_sub(w, P->iv + 3 + 2 * f, P->iv + 2 + 2 * f);
                    fmpq_div_2exp(w, w, 1);
                    if (fmpq_cmp(w, wmax) > 0)
                        fmpq_set(wmax, w), ax = 1 + f;
                }
                if (top + 1 > alloc)
                {
                    alloc *= 2;
                    st = flint_realloc(st, sizeof(piece_struct) * alloc);
                    P = st + top - 1;
                }
                for (e = 0; e < 2 * RC_CENSUS_MAX_Q; e++)
                {
                    fmpq_init(st[top].iv + e);
                    fmpq_set(st[top].iv + e, P->iv + e);
                }
                /* P keeps the lower half, the new piece the upper half */
                fmpq_add(w, P->iv + 2 * ax, P->iv + 2 * ax + 1);
                fmpq_div_2exp(w, w, 1);
                fmpq_set(P->iv + 2 * ax + 1, w);
                fmpq_set(st[top].iv + 2 * ax, w);
                top++;
            }
            while (top > 0)
            {
                for (e = 0; e < 2 * RC_CENSUS_MAX_Q; e++)
                    fmpq_clear(st[top - 1].iv + e);
                top--;
            }
        }
    flint_free(st);
    fmpq_clear(slo); fmpq_clear(shi); fmpq_clear(w); fmpq_clear(wmax);
    _arb_vec_clear(theta, q);
    return ok ? RC_PROVED : RC_UNDECIDED;
}

rc_verdict_t
rc_census_box_zero(const rc_sym_t s, const fmpq * box, slong b, slong prec)
{
    return _rc_census_box_zero_pieces(s, box, b, RC_CENSUS_ZERO_PIECES, prec);
}
