/* Assembled F, grad F and Hessian: containment over boxes (also around
   parallel and opposite neuron pairs), zero neurons, global minima. */
#include "testutil.h"

/* configuration c: 0 generic, 1 two parallel students, 2 two opposite
   students, 3 a student parallel to a teacher, 4 student = teacher */
static void
make_point(arb_mat_t W, arb_mat_t V, flint_rand_t st, int c)
{
    slong a, d = arb_mat_ncols(W);
    tu_rand_mat(W, st, 0);
    tu_rand_mat(V, st, 0);
    for (a = 0; a < d; a++)
    {
        if (c == 1)
            arb_mul_2exp_si(arb_mat_entry(W, 1, a), arb_mat_entry(W, 0, a), -1);
        if (c == 2)
            arb_neg(arb_mat_entry(W, 1, a), arb_mat_entry(W, 0, a));
        if (c == 3)
            arb_mul_2exp_si(arb_mat_entry(W, 0, a), arb_mat_entry(V, 0, a), 1);
        if (c == 4)
            arb_set(arb_mat_entry(W, 0, a), arb_mat_entry(V, 0, a));
    }
}

static void
widen(arb_mat_t W, double rad)
{
    slong i, j;
    for (i = 0; i < arb_mat_nrows(W); i++)
        for (j = 0; j < arb_mat_ncols(W); j++)
            mag_set_d(arb_radref(arb_mat_entry(W, i, j)), rad);
}

START_TEST(test_containment)
{
    const slong n = 3, k = 2, d = 3;
    const double rads[] = {0, 1e-20, 1e-8, 1e-3};
    flint_rand_t st;
    arb_mat_t W, V, P, GB, GP, HB, HP;
    arb_t FB, FP;
    int c, r, it;

    flint_randinit(st);
    arb_mat_init(W, n, d); arb_mat_init(V, k, d); arb_mat_init(P, n, d);
    arb_mat_init(GB, n, d); arb_mat_init(GP, n, d);
    arb_mat_init(HB, n * d, n * d); arb_mat_init(HP, n * d, n * d);
    arb_init(FB); arb_init(FP);
    for (c = 0; c < 5; c++)
        for (r = 0; r < 4; r++)
        {
            make_point(W, V, st, c);
            widen(W, rads[r]);
            rc_loss(FB, W, V, 128);
            ck_assert(rc_gradient(GB, W, V, 128));
            ck_assert(rc_hessian(HB, W, V, 128));
            ck_assert(arb_mat_is_finite(HB));
            for (it = 0; it < 6; it++)
            {
                tu_rand_point_in(P, W, st);
                rc_loss(FP, P, V, 256);
                rc_gradient(GP, P, V, 256);
                rc_hessian(HP, P, V, 256);
                ck_assert_msg(arb_contains(FB, FP), "F: config %d radius %d", c, r);
                ck_assert_msg(tu_mat_contains(GB, GP), "grad: config %d radius %d", c, r);
                ck_assert_msg(tu_mat_contains(HB, HP), "Hessian: config %d radius %d", c, r);
            }
        }
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(P);
    arb_mat_clear(GB); arb_mat_clear(GP); arb_mat_clear(HB); arb_mat_clear(HP);
    arb_clear(FB); arb_clear(FP);
    flint_randclear(st);
}
END_TEST

/* A zero student neuron: F equals F without that neuron; derivatives are
   refused; a box around 0 still encloses F at its points. */
START_TEST(test_zero_neuron)
{
    flint_rand_t st;
    arb_mat_t W, W2, V, G, H, P;
    arb_t F, F2, FP;
    slong a;
    int it;

    flint_randinit(st);
    arb_mat_init(W, 3, 3); arb_mat_init(W2, 2, 3); arb_mat_init(V, 2, 3);
    arb_mat_init(G, 3, 3); arb_mat_init(H, 9, 9); arb_mat_init(P, 3, 3);
    arb_init(F); arb_init(F2); arb_init(FP);
    tu_rand_mat(W, st, 0);
    tu_rand_mat(V, st, 0);
    for (a = 0; a < 3; a++)
    {
        arb_zero(arb_mat_entry(W, 1, a));
        arb_set(arb_mat_entry(W2, 0, a), arb_mat_entry(W, 0, a));
        arb_set(arb_mat_entry(W2, 1, a), arb_mat_entry(W, 2, a));
    }
    rc_loss(F, W, V, 200);
    rc_loss(F2, W2, V, 200);
    ck_assert(arb_is_finite(F));
    ck_assert(arb_overlaps(F, F2));
    ck_assert_int_eq(rc_student_zero_row(W, 200), 1);
    ck_assert_int_eq(rc_gradient(G, W, V, 200), 0);
    ck_assert_int_eq(rc_hessian(H, W, V, 200), 0);
    ck_assert(!arb_mat_is_finite(G));

    /* a box around the zero neuron */
    for (a = 0; a < 3; a++)
        mag_set_d(arb_radref(arb_mat_entry(W, 1, a)), 1e-2);
    ck_assert_int_eq(rc_student_zero_row(W, 200), 1);
    ck_assert_int_eq(rc_gradient(G, W, V, 200), 0);
    rc_loss(F, W, V, 200);
    ck_assert(arb_is_finite(F));
    for (it = 0; it < 30; it++)
    {
        tu_rand_point_in(P, W, st);
        rc_loss(FP, P, V, 256);
        ck_assert(arb_contains(F, FP));
    }
    /* a box that does not contain 0 is differentiable */
    arb_set_d(arb_mat_entry(W, 1, 0), 0.5);
    ck_assert_int_eq(rc_student_zero_row(W, 200), -1);

    arb_mat_clear(W); arb_mat_clear(W2); arb_mat_clear(V);
    arb_mat_clear(G); arb_mat_clear(H); arb_mat_clear(P);
    arb_clear(F); arb_clear(F2); arb_clear(FP);
    flint_randclear(st);
}
END_TEST

/* W = V for a general (non-orthogonal) teacher: F = 0 and grad F = 0. */
START_TEST(test_global_minimum)
{
    flint_rand_t st;
    arb_mat_t V, G;
    arb_t F;
    slong i, j;

    flint_randinit(st);
    arb_mat_init(V, 4, 3);
    arb_mat_init(G, 4, 3);
    arb_init(F);
    tu_rand_mat(V, st, 0);
    rc_loss(F, V, V, 256);
    ck_assert(arb_contains_zero(F));
    ck_assert(mag_cmp_2exp_si(arb_radref(F), -200) < 0);
    ck_assert(rc_gradient(G, V, V, 256));
    for (i = 0; i < 4; i++)
        for (j = 0; j < 3; j++)
        {
            ck_assert(arb_contains_zero(arb_mat_entry(G, i, j)));
            ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(G, i, j)), -200) < 0);
        }
    /* and F > 0 away from it */
    arb_add_si(arb_mat_entry(G, 0, 0), arb_mat_entry(V, 0, 0), 1, 256);
    arb_mat_set(G, V);
    arb_add_si(arb_mat_entry(G, 0, 0), arb_mat_entry(G, 0, 0), 1, 256);
    rc_loss(F, G, V, 256);
    ck_assert(arb_is_positive(F));
    arb_mat_clear(V);
    arb_mat_clear(G);
    arb_clear(F);
    flint_randclear(st);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("eval");
    TCase * tc = tcase_create("eval");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_containment);
    tcase_add_test(tc, test_zero_neuron);
    tcase_add_test(tc, test_global_minimum);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
