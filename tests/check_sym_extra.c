/* The symmetry reduction with extra neurons (proofs/model.md M6.8, lemma
   L13(e)): n = k + s students, the first k permuted with the coordinates
   by G = S_{B_1} x ... x S_{B_m}, the s extra ones fixed by G. Every
   reduced quantity is compared with the dense path (src/model) on the same
   exact point of Fix(G): the reduced enclosure must overlap the dense one
   and contain the midpoint of a dense enclosure computed at twice the
   precision (both enclose one exact value); counts must be equal. */
#include <stdlib.h>
#include "testutil.h"

/* block patterns (sizes, 0-terminated) */
static const slong patterns[][5] = {
    {3, 0}, {2, 2, 0}, {3, 1, 0}, {4, 2, 0}, {1, 1, 2, 0}, {2, 1, 3, 0}
};
#define NPAT ((int) (sizeof patterns / sizeof patterns[0]))

static slong
pattern_m(const slong * p)
{
    slong m = 0;
    while (p[m] != 0)
        m++;
    return m;
}

/* the group of pattern p with s extra neurons, and a random exact point of
   Fix(G): block diagonal near 1, the rest small, extra rows of moderate
   size (denominator 4000) */
static void
random_extra_point(rc_sym_t sy, fmpq ** theta, fmpq_mat_t W, const slong * p, slong s,
                   flint_rand_t st)
{
    rc_error_t err;
    slong o;

    rc_sym_init(sy);
    ck_assert(rc_sym_set_sizes(sy, p, pattern_m(p), err) == 0);
    ck_assert(rc_sym_set_extra(sy, s, err) == 0);
    ck_assert_int_eq(sy->n, sy->k + s);
    *theta = _fmpq_vec_init(sy->q);
    for (o = 0; o < sy->q; o++)
    {
        fmpq_set_si(*theta + o, (slong) n_randint(st, 2001) - 1000, 4000);
        if (sy->okind[o] == RC_SYM_ORBIT_DIAG)
            fmpq_add_si(*theta + o, *theta + o, 1);
        if (sy->okind[o] == RC_SYM_ORBIT_EXTRA)
            fmpq_mul_si(*theta + o, *theta + o, 2);
    }
    fmpq_mat_init(W, sy->n, sy->k);
    rc_sym_mat_from_theta(W, sy, *theta);
}

static void
dense_arb(arb_mat_t Wa, arb_mat_t V, const fmpq_mat_t W, slong prec)
{
    slong i, r;
    for (i = 0; i < fmpq_mat_nrows(W); i++)
        for (r = 0; r < fmpq_mat_ncols(W); r++)
            arb_set_fmpq(arb_mat_entry(Wa, i, r), fmpq_mat_entry(W, i, r), prec);
    arb_mat_one(V);
}

static void
theta_balls(arb_ptr t, const fmpq * theta, slong q, slong prec)
{
    slong o;
    for (o = 0; o < q; o++)
        arb_set_fmpq(t + o, theta + o, prec);
}

/* reduced y against dense x (computed at 2 prec): overlap, and y contains
   the midpoint of x */
static void
agree(const arb_t y, const arb_t x, const char * what, slong o)
{
    arb_t mid;
    arb_init(mid);
    arf_set(arb_midref(mid), arb_midref(x));
    ck_assert_msg(arb_overlaps(x, y) && arb_contains(y, mid), "%s %ld", what, (long) o);
    arb_clear(mid);
}

/* nx = 0 leaves the n = k group as it was; errors are reported */
START_TEST(test_extra_set)
{
    static const slong p[2] = {3, 2};
    rc_error_t err;
    rc_sym_t a, b;
    slong o;

    rc_sym_init(a); rc_sym_init(b);
    ck_assert(rc_sym_set_sizes(a, p, 2, err) == 0);
    ck_assert(rc_sym_set_sizes(b, p, 2, err) == 0);
    ck_assert(rc_sym_set_extra(b, 0, err) == 0);
    ck_assert_int_eq(a->q, b->q);
    for (o = 0; o < a->q; o++)
        ck_assert(a->okind[o] == b->okind[o] && a->ob[o] == b->ob[o] && a->oc[o] == b->oc[o]);
    ck_assert(rc_sym_set_extra(b, RC_SYM_MAX_EXTRA + 1, err) != 0);
    ck_assert(rc_sym_set_extra(b, -1, err) != 0);
    ck_assert(rc_sym_set_extra(b, 2, err) == 0);
    ck_assert_int_eq(b->q, a->q + 4);
    ck_assert_int_eq(rc_sym_orbit(b, 5, 0), b->xorb[0]);
    ck_assert_int_eq(rc_sym_orbit(b, 6, 4), b->xorb[3]);
    ck_assert_int_eq(rc_sym_orbit_size(b, b->xorb[3]), 2);
    rc_sym_clear(a); rc_sym_clear(b);
}
END_TEST

/* F, grad phi and sum |w_i| against rc_loss, rc_gradient (summed over each
   orbit) and the dense norms; s = 1, 2 over the patterns */
START_TEST(test_extra_eval_dense)
{
    const slong prec = 128, s = 1 + _i % 2, *p = patterns[(_i / 2) % NPAT];
    flint_rand_t st;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t W;
    arb_mat_t Wa, V, G;
    arb_ptr th, g;
    arb_t x, y, t;
    slong i, r, o, n, k;

    flint_randinit(st);
    flint_randseed(st, 1000 + _i, 7 + _i);
    random_extra_point(sy, &theta, W, p, s, st);
    n = sy->n; k = sy->k;
    arb_mat_init(Wa, n, k); arb_mat_init(V, k, k); arb_mat_init(G, n, k);
    th = _arb_vec_init(sy->q); g = _arb_vec_init(sy->q);
    arb_init(x); arb_init(y); arb_init(t);
    dense_arb(Wa, V, W, 2 * prec);
    theta_balls(th, theta, sy->q, prec);

    rc_loss(x, Wa, V, 2 * prec);
    rc_sym_loss(y, sy, th, prec);
    agree(y, x, "loss", 0);
    ck_assert(mag_cmp_2exp_si(arb_radref(y), 40 - prec) < 0);

    ck_assert(rc_sym_neurons_nonzero(sy, th, prec));
    ck_assert(rc_gradient(G, Wa, V, 2 * prec));
    ck_assert(rc_sym_gradient(g, sy, th, prec));
    for (o = 0; o < sy->q; o++)
    {
        arb_zero(x);
        for (i = 0; i < n; i++)
            for (r = 0; r < k; r++)
                if (rc_sym_orbit(sy, i, r) == o)
                    arb_add(x, x, arb_mat_entry(G, i, r), 2 * prec);
        agree(g + o, x, "gradient", o);
    }

    arb_zero(x);
    for (i = 0; i < n; i++)
    {
        arb_dot(t, NULL, 0, arb_mat_entry(Wa, i, 0), 1, arb_mat_entry(Wa, i, 0), 1, k,
                2 * prec);
        arb_sqrtpos(t, t, 2 * prec);
        arb_add(x, x, t, 2 * prec);
    }
    rc_sym_norm_sum(y, sy, th, prec);
    agree(y, x, "norm sum", 0);

    arb_clear(x); arb_clear(y); arb_clear(t);
    _arb_vec_clear(th, sy->q); _arb_vec_clear(g, sy->q);
    arb_mat_clear(Wa); arb_mat_clear(V); arb_mat_clear(G);
    fmpq_mat_clear(W);
    _fmpq_vec_clear(theta, sy->q);
    rc_sym_clear(sy);
    flint_randclear(st);
}
END_TEST

/* an extra neuron that is exactly zero makes every derivative "not valid" */
START_TEST(test_extra_zero_neuron)
{
    static const slong p[2] = {2, 2};
    flint_rand_t st;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t W;
    arb_ptr th, g;
    slong c;

    flint_randinit(st);
    random_extra_point(sy, &theta, W, p, 1, st);
    for (c = 0; c < sy->m; c++)
        fmpq_zero(theta + sy->xorb[c]);
    th = _arb_vec_init(sy->q); g = _arb_vec_init(sy->q);
    theta_balls(th, theta, sy->q, 128);
    ck_assert(!rc_sym_neurons_nonzero(sy, th, 128));
    ck_assert(!rc_sym_gradient(g, sy, th, 128));
    /* a box around 0 in the extra coordinates: may be zero, not valid */
    for (c = 0; c < sy->m; c++)
        mag_set_ui_2exp_si(arb_radref(th + sy->xorb[c]), 1, -20);
    ck_assert(!rc_sym_gradient(g, sy, th, 128));
    _arb_vec_clear(th, sy->q); _arb_vec_clear(g, sy->q);
    fmpq_mat_clear(W);
    _fmpq_vec_clear(theta, sy->q);
    rc_sym_clear(sy);
    flint_randclear(st);
}
END_TEST

static Suite *
sym_extra_suite(void)
{
    Suite * su = suite_create("sym_extra");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_extra_set);
    tcase_add_loop_test(tc, test_extra_eval_dense, 0, 2 * NPAT);
    tcase_add_test(tc, test_extra_zero_neuron);
    suite_add_tcase(su, tc);
    return su;
}

int
main(void)
{
    return tu_run(sym_extra_suite());
}
