/* Newton refinement and the Krawczyk test: proves a unique critical point
   where there is one, and must not prove otherwise. */
#include "testutil.h"

#define PREC 256

/* X = W with every coordinate widened by 2^e */
static void
box(arb_mat_t X, const arb_mat_t W, slong e)
{
    slong i, j;
    arb_mat_set(X, W);
    for (i = 0; i < arb_mat_nrows(X); i++)
        for (j = 0; j < arb_mat_ncols(X); j++)
            mag_set_ui_2exp_si(arb_radref(arb_mat_entry(X, i, j)), 1, e);
}

static void
load_k7(arb_mat_t W, arb_mat_t V)
{
    rc_point_t pt;
    rc_error_t err;
    rc_point_init(pt);
    ck_assert(rc_point_read_dataset(pt, RC_DATASET, 7, 1, err) == 0);
    arb_mat_init(W, 7, 7);
    arb_mat_init(V, 7, 7);
    rc_point_get_arb(W, V, pt, NULL, PREC);
    rc_point_clear(pt);
}

START_TEST(test_k7_minimum_proved)
{
    arb_mat_t W0, V, W, X;
    load_k7(W0, V);
    arb_mat_init(W, 7, 7);
    arb_mat_init(X, 7, 7);
    ck_assert(rc_refine_newton(W, W0, V, 20, PREC));
    box(X, W, -100);
    ck_assert_int_eq(rc_krawczyk(NULL, X, V, PREC), RC_PROVED);
    /* too little precision for so small a box: undecided, never proved */
    ck_assert_int_eq(rc_krawczyk(NULL, X, V, 64), RC_UNDECIDED);
    /* a box not reaching the critical point: the published point is about
       1e-8 from it, so a box of radius 2^-60 around it must not prove */
    box(X, W0, -60);
    ck_assert(rc_krawczyk(NULL, X, V, PREC) != RC_PROVED);
    arb_mat_clear(W0); arb_mat_clear(V); arb_mat_clear(W); arb_mat_clear(X);
}
END_TEST

START_TEST(test_identity_proved)
{
    arb_mat_t V, X;
    slong j;
    arb_mat_init(V, 3, 3);
    arb_mat_init(X, 3, 3);
    for (j = 0; j < 3; j++)
        arb_one(arb_mat_entry(V, j, j));
    box(X, V, -30);
    ck_assert_int_eq(rc_krawczyk(NULL, X, V, PREC), RC_PROVED);
    arb_mat_clear(V);
    arb_mat_clear(X);
}
END_TEST

START_TEST(test_random_point_refuted)
{
    flint_rand_t st;
    arb_mat_t W, V, X;
    slong wit = -1;
    flint_randinit(st);
    arb_mat_init(W, 4, 3); arb_mat_init(V, 3, 3); arb_mat_init(X, 4, 3);
    tu_rand_mat(W, st, 0);
    tu_rand_mat(V, st, 0);
    box(X, W, -20);
    ck_assert_int_eq(rc_krawczyk(&wit, X, V, PREC), RC_REFUTED);
    ck_assert(wit >= 0 && wit < 12);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(X);
    flint_randclear(st);
}
END_TEST

START_TEST(test_zero_neuron_undecided)
{
    arb_mat_t V, X;
    slong j;
    arb_mat_init(V, 3, 3);
    arb_mat_init(X, 3, 3);
    for (j = 0; j < 3; j++)
        arb_one(arb_mat_entry(V, j, j));
    box(X, V, -30);
    /* neuron 1 replaced by a small box around 0 */
    for (j = 0; j < 3; j++)
    {
        arb_zero(arb_mat_entry(X, 1, j));
        mag_set_ui_2exp_si(arb_radref(arb_mat_entry(X, 1, j)), 1, -30);
    }
    ck_assert_int_eq(rc_krawczyk(NULL, X, V, PREC), RC_UNDECIDED);
    arb_mat_clear(V);
    arb_mat_clear(X);
}
END_TEST

/* The split point W(1/2, 0) of the k = 7 minimum is a critical point of the
   8-neuron loss lying on a continuum of critical points (any alpha): no box
   holds exactly one, so Krawczyk must not prove. */
START_TEST(test_split_point_not_proved)
{
    arb_mat_t W0, V, W, S, X;
    slong a, i, e;
    load_k7(W0, V);
    arb_mat_init(W, 7, 7);
    arb_mat_init(S, 8, 7);
    arb_mat_init(X, 8, 7);
    ck_assert(rc_refine_newton(W, W0, V, 20, PREC));
    for (i = 0; i < 7; i++)
        for (a = 0; a < 7; a++)
            arb_set(arb_mat_entry(S, i + (i > 0), a), arb_mat_entry(W, i, a));
    for (a = 0; a < 7; a++)
    {
        arb_mul_2exp_si(arb_mat_entry(S, 0, a), arb_mat_entry(W, 0, a), -1);
        arb_mul_2exp_si(arb_mat_entry(S, 1, a), arb_mat_entry(W, 0, a), -1);
    }
    for (e = -100; e <= -10; e += 30)
    {
        box(X, S, e);
        ck_assert_msg(rc_krawczyk(NULL, X, V, PREC) != RC_PROVED, "split point proved, box 2^%ld", e);
    }
    arb_mat_clear(W0); arb_mat_clear(V); arb_mat_clear(W); arb_mat_clear(S); arb_mat_clear(X);
}
END_TEST

/* k = 7 minimum: every neuron's H'_ii has certified negative curvature
   over the box, matching the published block eigenvalues. */
START_TEST(test_split_curvature_k7)
{
    arb_mat_t W0, V, W, X;
    arb_t q;
    arb_ptr u = _arb_vec_init(7);
    slong i;
    load_k7(W0, V);
    arb_mat_init(W, 7, 7);
    arb_mat_init(X, 7, 7);
    arb_init(q);
    ck_assert(rc_refine_newton(W, W0, V, 20, PREC));
    box(X, W, -100);
    for (i = 0; i < 7; i++)
    {
        ck_assert_int_eq(rc_split_curvature(q, u, X, V, i, PREC), RC_PROVED);
        /* published smallest eigenvalues of H'_ii, blocks p = [1, 6] */
        ck_assert(tu_within(q, i == 0 ? "-0.08640957887952994" : "-0.10832530303890438", 1e-7));
    }
    /* a box containing a zero neuron: undecided */
    for (i = 0; i < 7; i++)
        mag_set_d(arb_radref(arb_mat_entry(X, 3, i)), 2.0);
    ck_assert_int_eq(rc_split_curvature(q, u, X, V, 0, PREC), RC_UNDECIDED);
    arb_mat_clear(W0); arb_mat_clear(V); arb_mat_clear(W); arb_mat_clear(X);
    arb_clear(q);
    _arb_vec_clear(u, 7);
}
END_TEST

/* At the global minimum W = V = I_k, H'_ii = -h1(v_i, v_i) = 0: no negative
   curvature may be claimed (nor positive definiteness). */
START_TEST(test_split_curvature_global_undecided)
{
    arb_mat_t V;
    arb_t q;
    arb_ptr u = _arb_vec_init(4);
    slong j;
    arb_mat_init(V, 4, 4);
    arb_init(q);
    for (j = 0; j < 4; j++)
        arb_one(arb_mat_entry(V, j, j));
    for (j = 0; j < 4; j++)
    {
        ck_assert_int_eq(rc_split_curvature(q, u, V, V, j, PREC), RC_UNDECIDED);
        ck_assert(arb_contains_zero(q));
    }
    arb_mat_clear(V);
    arb_clear(q);
    _arb_vec_clear(u, 4);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("critical");
    TCase * tc = tcase_create("krawczyk");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_k7_minimum_proved);
    tcase_add_test(tc, test_identity_proved);
    tcase_add_test(tc, test_random_point_refuted);
    tcase_add_test(tc, test_zero_neuron_undecided);
    tcase_add_test(tc, test_split_point_not_proved);
    tcase_add_test(tc, test_split_curvature_k7);
    tcase_add_test(tc, test_split_curvature_global_undecided);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
