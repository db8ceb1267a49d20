/* The tests on one box of a fixed-point subspace: the box as balls,
   outside the region ellipse (M7.1), inside the small ellipse (L16(b)),
   and the gradient exclusion (L16(c)); the two-block forms of the first two
   (L16(f)). Boxes are lo, hi per coordinate, exact. */
#include "relucert/census.h"

int
rc_census_box_theta(arb_ptr theta, const fmpq * box, slong q, slong prec)
{
    fmpq_t mid, rad;
    arb_t r;
    arf_t u;
    mag_t m;
    fmpz_t man, ex;
    slong o;
    int exact = 1;

    fmpz_init(man); fmpz_init(ex);
    fmpq_init(mid); fmpq_init(rad); arb_init(r); arf_init(u); mag_init(m);
    for (o = 0; o < q; o++)
    {
        fmpq_add(mid, box + 2 * o, box + 2 * o + 1);
        fmpq_div_2exp(mid, mid, 1);
        fmpq_sub(rad, box + 2 * o + 1, box + 2 * o);
        fmpq_div_2exp(rad, rad, 1);
        arb_set_fmpq(theta + o, mid, prec);
        arb_set_fmpq(r, rad, prec);
        /* arb_get_mag adds an ulp: a radius m 2^e with m < 2^30 is set
           exactly instead */
        arf_get_fmpz_2exp(man, ex, arb_midref(r));
        if (arb_is_exact(r) && fmpz_sgn(man) > 0 && fmpz_bits(man) <= 30
            && COEFF_IS_MPZ(*ex) == 0)
            mag_set_ui_2exp_si(m, fmpz_get_ui(man), fmpz_get_si(ex));
        else
            arb_get_mag(m, r);
        arf_set_mag(u, m);
        if (!arb_is_exact(theta + o) || !arb_is_exact(r) || !arf_equal(u, arb_midref(r)))
            exact = 0;
        arb_add_error_mag(theta + o, m);
    }
    fmpq_clear(mid); fmpq_clear(rad); arb_clear(r); arf_clear(u); mag_clear(m);
    fmpz_clear(man); fmpz_clear(ex);
    return exact;
}

/* lo = min, hi = max of x^2 over [box[0], box[1]] (exact) */
static void
square_range(fmpq_t lo, fmpq_t hi, const fmpq * e)
{
    fmpq_t a;
    fmpq_init(a);
    fmpq_mul(lo, e + 0, e + 0);
    fmpq_mul(a, e + 1, e + 1);
    if (fmpq_cmp(lo, a) > 0)
        fmpq_swap(lo, a);
    fmpq_set(hi, a);
    if (fmpq_sgn(e + 0) <= 0 && fmpq_sgn(e + 1) >= 0)
        fmpq_zero(lo);
    fmpq_clear(a);
}

/* lo, hi = min, max over the box of alpha^2 + (k - 1) beta^2 */
static void
norm2_range(fmpq_t lo, fmpq_t hi, const fmpq * box, slong k)
{
    fmpq_t l2, h2;
    fmpq_init(l2); fmpq_init(h2);
    square_range(lo, hi, box);
    square_range(l2, h2, box + 2);
    fmpq_mul_ui(l2, l2, k - 1);
    fmpq_mul_ui(h2, h2, k - 1);
    fmpq_add(lo, lo, l2);
    fmpq_add(hi, hi, h2);
    fmpq_clear(l2); fmpq_clear(h2);
}

rc_verdict_t
rc_census_box_outside(const fmpq * box, slong k, slong prec)
{
    fmpq_t lo, hi;
    arb_t r, x;
    rc_verdict_t v;

    fmpq_init(lo); fmpq_init(hi); arb_init(r); arb_init(x);
    norm2_range(lo, hi, box, k);
    /* alpha^2 + (k - 1) beta^2 > 1 + (k - 1)/pi on the whole box */
    arb_const_pi(r, prec);
    arb_inv(r, r, prec);
    arb_mul_ui(r, r, k - 1, prec);
    arb_add_ui(r, r, 1, prec);
    arb_set_fmpq(x, lo, prec);
    v = arb_lt(r, x) ? RC_PROVED : RC_UNDECIDED;
    fmpq_clear(lo); fmpq_clear(hi); arb_clear(r); arb_clear(x);
    return v;
}

rc_verdict_t
rc_census_box_small(const fmpq * box, slong k, slong prec)
{
    fmpq_t lo, hi;
    arb_t r, x;
    rc_verdict_t v;

    fmpq_init(lo); fmpq_init(hi); arb_init(r); arb_init(x);
    norm2_range(lo, hi, box, k);
    /* alpha^2 + (k - 1) beta^2 < ((k^(1/2) - 1)^2 / (4 k))^2 on the whole
       box: then S = sum_i |w_i| = k (alpha^2 + (k - 1) beta^2)^(1/2) is
       below (k^(1/2) - 1)^2 / 4 */
    arb_sqrt_ui(r, k, prec);
    arb_sub_ui(r, r, 1, prec);
    arb_sqr(r, r, prec);
    arb_div_ui(r, r, 4 * k, prec);
    arb_sqr(r, r, prec);
    arb_set_fmpq(x, hi, prec);
    v = arb_lt(x, r) ? RC_PROVED : RC_UNDECIDED;
    fmpq_clear(lo); fmpq_clear(hi); arb_clear(r); arb_clear(x);
    return v;
}

/* gmv = the mean-value form g(c) + H(X) (X - c) of grad phi over the box
   theta (c its centre, H the Hessian of phi, the trivial type's beta,
   enclosed over the box): every g(x), x in the box, lies in it (lemma
   L16(c)). Returns 1; 0 if a neuron may be zero. */
static int
gradient_mean_value(arb_ptr gmv, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong q = s->q;
    arb_ptr c = _arb_vec_init(q), gc = _arb_vec_init(q), dx = _arb_vec_init(q);
    rc_sym_type_struct * types;
    slong ntypes, o, j;
    arb_mat_t H;
    int ok;

    arb_mat_init(H, q, q);
    for (o = 0; o < q; o++)
    {
        arb_set_arf(c + o, arb_midref(theta + o));
        arb_sub(dx + o, theta + o, c + o, prec);
    }
    rc_sym_types(&types, &ntypes, s);
    ok = rc_sym_neurons_nonzero(s, theta, prec) && rc_sym_gradient(gc, s, c, prec)
         && rc_sym_type_beta(H, s, types, theta, prec);
    for (o = 0; o < q && ok; o++)
    {
        arb_set(gmv + o, gc + o);
        for (j = 0; j < q; j++)
            arb_addmul(gmv + o, arb_mat_entry(H, o, j), dx + j, prec);
    }
    flint_free(types);
    arb_mat_clear(H);
    _arb_vec_clear(c, q); _arb_vec_clear(gc, q); _arb_vec_clear(dx, q);
    return ok;
}

int
rc_census_box_gradient_coord(slong * coord, const rc_sym_t s, const fmpq * box, slong prec)
{
    slong q = s->q;
    arb_ptr theta = _arb_vec_init(q), g = _arb_vec_init(q);
    slong o;
    int found = 0;

    rc_census_box_theta(theta, box, q, prec);   /* a larger box is fine */
    if (q <= RC_CENSUS_MAX_Q && rc_sym_gradient(g, s, theta, prec))
    {
        for (o = 0; o < q && !found; o++)
            if (!arb_contains_zero(g + o))
                *coord = o, found = 1;
        if (!found && gradient_mean_value(g, s, theta, prec))
            for (o = 0; o < q && !found; o++)
                if (!arb_contains_zero(g + o))
                    *coord = o, found = 1;
    }
    _arb_vec_clear(theta, q); _arb_vec_clear(g, q);
    return found;
}

rc_verdict_t
rc_census_box_gradient(const rc_sym_t s, const fmpq * box, slong coord, slong prec)
{
    slong q = s->q;
    arb_ptr theta = _arb_vec_init(q), g = _arb_vec_init(q);
    rc_verdict_t v = RC_UNDECIDED;

    rc_census_box_theta(theta, box, q, prec);   /* a larger box is fine */
    if (coord >= 0 && coord < q && q <= RC_CENSUS_MAX_Q && rc_sym_gradient(g, s, theta, prec))
    {
        if (!arb_contains_zero(g + coord)
            || (gradient_mean_value(g, s, theta, prec) && !arb_contains_zero(g + coord)))
            v = RC_PROVED;
    }
    _arb_vec_clear(theta, q); _arb_vec_clear(g, q);
    return v;
}

/* ---- any pattern (L16(f)) ---- */

rc_verdict_t
rc_census_box_outside_sym(const rc_sym_t s, const fmpq * box, slong prec)
{
    fmpq_t lo, hi, t;
    arb_t r, x;
    slong o, k = s->k;
    rc_verdict_t v;

    fmpq_init(lo); fmpq_init(hi); fmpq_init(t); arb_init(r); arb_init(x);
    /* |W|_F^2 = sum_o size_o theta_o^2 > k + k (k - 1)/pi on the whole box */
    fmpq_zero(t);
    for (o = 0; o < s->q; o++)
    {
        square_range(lo, hi, box + 2 * o);
        fmpq_mul_si(lo, lo, rc_sym_orbit_size(s, o));
        fmpq_add(t, t, lo);
    }
    arb_const_pi(r, prec);
    arb_inv(r, r, prec);
    arb_mul_si(r, r, k * (k - 1), prec);
    arb_add_si(r, r, k, prec);
    arb_set_fmpq(x, t, prec);
    v = arb_lt(r, x) ? RC_PROVED : RC_UNDECIDED;
    fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(t); arb_clear(r); arb_clear(x);
    return v;
}

rc_verdict_t
rc_census_box_small_sym(const rc_sym_t s, const fmpq * box, slong prec)
{
    fmpq_t lo, hi, nb;
    arb_t r, S, x;
    slong o, b, k = s->k;
    rc_verdict_t v;

    fmpq_init(lo); fmpq_init(hi); fmpq_init(nb); arb_init(r); arb_init(S); arb_init(x);
    /* S = sum_b p_b |w_(b)|, |w_(b)|^2 = sum over the orbits o of block b's
       rows of (size_o / p_b) theta_o^2; each at its exact maximum */
    arb_zero(S);
    for (b = 0; b < s->m; b++)
    {
        fmpq_zero(nb);
        for (o = 0; o < s->q; o++)
            if (s->ob[o] == b)
            {
                square_range(lo, hi, box + 2 * o);
                fmpq_mul_si(hi, hi, rc_sym_orbit_size(s, o));
                fmpq_add(nb, nb, hi);
            }
        arb_set_fmpq(x, nb, prec);
        arb_div_si(x, x, s->p[b], prec);
        arb_sqrt(x, x, prec);
        arb_mul_si(x, x, s->p[b], prec);
        arb_add(S, S, x, prec);
    }
    arb_sqrt_ui(r, k, prec);
    arb_sub_ui(r, r, 1, prec);
    arb_sqr(r, r, prec);
    arb_div_ui(r, r, 4, prec);
    v = arb_lt(S, r) ? RC_PROVED : RC_UNDECIDED;
    fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(nb); arb_clear(r); arb_clear(S); arb_clear(x);
    return v;
}

int
rc_census_box_meets_zero(const rc_sym_t s, const fmpq * box)
{
    slong o, b;
    for (b = 0; b < s->m; b++)
    {
        int all = 1;
        for (o = 0; o < s->q && all; o++)
            if (s->ob[o] == b
                && !(fmpq_sgn(box + 2 * o) <= 0 && fmpq_sgn(box + 2 * o + 1) >= 0))
                all = 0;
        if (all)
            return 1;
    }
    return 0;
}
