/* The tests on one box of the one-block plane: the box as balls, outside
   the region ellipse (M7.1), inside the small ellipse (L16(b)), and the
   gradient exclusion (L16(c)). Boxes are alo, ahi, blo, bhi, exact. */
#include "relucert/census.h"

int
rc_census_box_theta(arb_ptr theta, const fmpq * box, slong prec)
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
    for (o = 0; o < 2; o++)
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
    arb_ptr c = _arb_vec_init(2), gc = _arb_vec_init(2), dx = _arb_vec_init(2);
    rc_sym_type_struct * types;
    slong ntypes, o, j;
    arb_mat_t H;
    int ok;

    arb_mat_init(H, 2, 2);
    for (o = 0; o < 2; o++)
    {
        arb_set_arf(c + o, arb_midref(theta + o));
        arb_sub(dx + o, theta + o, c + o, prec);
    }
    rc_sym_types(&types, &ntypes, s);
    ok = rc_sym_neurons_nonzero(s, theta, prec) && rc_sym_gradient(gc, s, c, prec)
         && rc_sym_type_beta(H, s, types, theta, prec);
    for (o = 0; o < 2 && ok; o++)
    {
        arb_set(gmv + o, gc + o);
        for (j = 0; j < 2; j++)
            arb_addmul(gmv + o, arb_mat_entry(H, o, j), dx + j, prec);
    }
    flint_free(types);
    arb_mat_clear(H);
    _arb_vec_clear(c, 2); _arb_vec_clear(gc, 2); _arb_vec_clear(dx, 2);
    return ok;
}

int
rc_census_box_gradient_coord(slong * coord, const rc_sym_t s, const fmpq * box, slong prec)
{
    arb_ptr theta = _arb_vec_init(2), g = _arb_vec_init(2);
    slong o;
    int found = 0;

    rc_census_box_theta(theta, box, prec);   /* a larger box is fine */
    if (s->q == 2 && rc_sym_gradient(g, s, theta, prec))
    {
        for (o = 0; o < 2 && !found; o++)
            if (!arb_contains_zero(g + o))
                *coord = o, found = 1;
        if (!found && gradient_mean_value(g, s, theta, prec))
            for (o = 0; o < 2 && !found; o++)
                if (!arb_contains_zero(g + o))
                    *coord = o, found = 1;
    }
    _arb_vec_clear(theta, 2); _arb_vec_clear(g, 2);
    return found;
}

rc_verdict_t
rc_census_box_gradient(const rc_sym_t s, const fmpq * box, slong coord, slong prec)
{
    arb_ptr theta = _arb_vec_init(2), g = _arb_vec_init(2);
    rc_verdict_t v = RC_UNDECIDED;

    rc_census_box_theta(theta, box, prec);   /* a larger box is fine */
    if (coord >= 0 && coord < 2 && s->q == 2 && rc_sym_gradient(g, s, theta, prec))
    {
        if (!arb_contains_zero(g + coord)
            || (gradient_mean_value(g, s, theta, prec) && !arb_contains_zero(g + coord)))
            v = RC_PROVED;
    }
    _arb_vec_clear(theta, 2); _arb_vec_clear(g, 2);
    return v;
}
