/* OPSC along sampled directions: the sampling law, the quadratic form over
   an s-interval, Conjecture 12's right side, and the Clopper-Pearson bound. */
#include <math.h>
#include "relucert/opsc.h"
#include "relucert/eval.h"
#include "relucert/rand.h"

void
rc_opsc_direction(arb_mat_t U, slong k, slong m, const fmpq_t sigma2,
                  uint64_t seed, slong idx, int adversarial, slong prec)
{
    slong i, j, a, d = k;
    rc_rand_t r;
    arb_t s;
    double sigma;

    arb_init(s);
    arb_set_fmpq(s, sigma2, 128);
    arb_sqrtpos(s, s, 128);
    sigma = arf_get_d(arb_midref(s), ARF_RND_NEAR);
    rc_rand_init(r, seed, (uint64_t) idx + (adversarial ? (UINT64_C(1) << 32) : 0));
    for (i = 0; i < k * m; i++)
        for (a = 0; a < d; a++)
            arb_set_d(arb_mat_entry(U, i, a), sigma * rc_rand_gauss(r));
    if (adversarial)
        for (i = 0; i < k; i++)
            for (a = 0; a < d; a++)
            {
                arb_ptr x = arb_mat_entry(U, i * m, a);
                arb_zero(x);
                for (j = 1; j < m; j++)    /* exact: sums of doubles */
                    arb_sub(x, x, arb_mat_entry(U, i * m + j, a), FLINT_MAX(prec, 2200));
            }
    arb_clear(s);
}

int
rc_opsc_groups_zero(const arb_mat_t U, slong k, slong m)
{
    slong i, j, a;
    arb_t g;
    int ok = 1;

    arb_init(g);
    for (i = 0; i < k && ok; i++)
        for (a = 0; a < arb_mat_ncols(U) && ok; a++)
        {
            arb_zero(g);
            for (j = 0; j < m; j++)   /* exact for sums of doubles */
                arb_add(g, g, arb_mat_entry(U, i * m + j, a), 4000);
            ok = arb_is_zero(g);
        }
    arb_clear(g);
    return ok;
}

void
rc_opsc_minimum(arb_mat_t Wt, slong k, slong m, slong prec)
{
    slong i, j;

    arb_mat_zero(Wt);
    for (i = 0; i < k; i++)
        for (j = 0; j < m; j++)
        {
            arb_one(arb_mat_entry(Wt, i * m + j, i));
            arb_div_si(arb_mat_entry(Wt, i * m + j, i), arb_mat_entry(Wt, i * m + j, i), m, prec);
        }
}

int
rc_opsc_form(arb_t q, const arb_mat_t Wt, const arb_mat_t V, const arb_mat_t U,
             const fmpq_t lo, const fmpq_t hi, slong prec)
{
    slong n = arb_mat_nrows(Wt), d = arb_mat_ncols(Wt), i;
    arb_mat_t W;
    arb_t s, t;
    int ok;

    arb_mat_init(W, n, d);
    arb_init(s); arb_init(t);
    arb_set_fmpq(s, lo, prec);
    arb_set_fmpq(t, hi, prec);
    arb_union(s, s, t, prec);
    for (i = 0; i < n * d; i++)
    {
        arb_ptr w = arb_mat_entry(W, i / d, i % d);
        arb_mul(w, arb_mat_entry(U, i / d, i % d), s, prec);
        arb_add(w, w, arb_mat_entry(Wt, i / d, i % d), prec);
    }
    ok = rc_hessian_quad_form_fast(q, W, V, U, prec);
    arb_mat_clear(W);
    arb_clear(s); arb_clear(t);
    return ok;
}

void
rc_opsc_conj12_rhs(arb_t rhs, const arb_mat_t U, slong k, slong m, slong prec)
{
    slong i, j, a, d = arb_mat_ncols(U);
    arb_ptr g = _arb_vec_init(d), gi = _arb_vec_init(d);
    arb_t sum_gi, t;

    arb_init(sum_gi); arb_init(t);
    for (i = 0; i < k; i++)
    {
        _arb_vec_zero(gi, d);
        for (j = 0; j < m; j++)
            for (a = 0; a < d; a++)
                arb_add(gi + a, gi + a, arb_mat_entry(U, i * m + j, a), prec);
        arb_dot(t, NULL, 0, gi, 1, gi, 1, d, prec);
        arb_add(sum_gi, sum_gi, t, prec);
        _arb_vec_add(g, g, gi, d, prec);
    }
    /* (|g|^2 + (1 - 2/pi) sum |g_i|^2) / 4 */
    arb_const_pi(t, prec);
    arb_ui_div(t, 2, t, prec);
    arb_sub_ui(t, t, 1, prec);
    arb_neg(t, t);
    arb_mul(sum_gi, sum_gi, t, prec);
    arb_dot(rhs, sum_gi, 0, g, 1, g, 1, d, prec);
    arb_mul_2exp_si(rhs, rhs, -2);
    _arb_vec_clear(g, d);
    _arb_vec_clear(gi, d);
    arb_clear(sum_gi); arb_clear(t);
}

/* P(X >= x) for X ~ Binomial(n, p), p an exact double */
static void
binom_tail(arb_t res, slong x, slong n, double p, slong prec)
{
    arb_t pp, qq, term, c;
    slong i;

    arb_init(pp); arb_init(qq); arb_init(term); arb_init(c);
    arb_set_d(pp, p);
    arb_sub_ui(qq, pp, 1, prec);
    arb_neg(qq, qq);
    arb_zero(res);
    for (i = x; i <= n; i++)
    {
        arb_bin_uiui(c, n, i, prec);
        arb_pow_ui(term, pp, i, prec);
        arb_mul(c, c, term, prec);
        arb_pow_ui(term, qq, n - i, prec);
        arb_addmul(res, c, term, prec);
    }
    arb_clear(pp); arb_clear(qq); arb_clear(term); arb_clear(c);
}

double
rc_clopper_pearson_lower(slong x, slong n, double alpha)
{
    double lo = 0, hi = 1, mid;
    arb_t t, al;
    int it;

    if (x <= 0 || n <= 0)
        return 0;
    arb_init(t); arb_init(al);
    arb_set_d(al, alpha);
    /* invariant: tail(lo) <= alpha certified (tail(0) = 0) */
    for (it = 0; it < 60; it++)
    {
        mid = (lo + hi) / 2;
        binom_tail(t, x, n, mid, 128);
        if (arb_le(t, al))
            lo = mid;
        else
            hi = mid;
    }
    arb_clear(t); arb_clear(al);
    return lo;
}
