/* The double path agrees with the ball path to floating-point accuracy.
   (Not a proof path: a tolerance is right here, and only here.) */
#include <math.h>
#include "testutil.h"

START_TEST(test_double_vs_ball)
{
    const long n = 4, k = 3, d = 3, N = n * d;
    flint_rand_t st;
    arb_mat_t W, V, G, H;
    arb_t F;
    double Wd[12], Vd[9], Gd[12], Hd[144];
    long i, j, it;
    flint_randinit(st);
    arb_mat_init(W, n, d); arb_mat_init(V, k, d);
    arb_mat_init(G, n, d); arb_mat_init(H, N, N);
    arb_init(F);
    for (it = 0; it < 20; it++)
    {
        tu_rand_mat(W, st, 0);
        tu_rand_mat(V, st, 0);
        if (it % 2)
            for (j = 0; j < d; j++)   /* a parallel pair */
                arb_mul_2exp_si(arb_mat_entry(W, 1, j), arb_mat_entry(W, 0, j), 1);
        for (i = 0; i < n * d; i++)
            Wd[i] = arf_get_d(arb_midref(arb_mat_entry(W, i / d, i % d)), ARF_RND_NEAR);
        for (i = 0; i < k * d; i++)
            Vd[i] = arf_get_d(arb_midref(arb_mat_entry(V, i / d, i % d)), ARF_RND_NEAR);
        rc_loss(F, W, V, 128);
        rc_gradient(G, W, V, 128);
        rc_hessian(H, W, V, 128);
        ck_assert(fabs(rc_d_loss(Wd, n, Vd, k, d) - arf_get_d(arb_midref(F), ARF_RND_NEAR)) < 1e-13);
        rc_d_gradient(Gd, Wd, n, Vd, k, d);
        for (i = 0; i < n * d; i++)
            ck_assert(fabs(Gd[i] - arf_get_d(arb_midref(arb_mat_entry(G, i / d, i % d)), ARF_RND_NEAR)) < 1e-13);
        ck_assert_int_eq(rc_d_hessian(Hd, Wd, n, Vd, k, d), 0);
        for (i = 0; i < N; i++)
            for (j = 0; j < N; j++)
                ck_assert_msg(fabs(Hd[i * N + j] - arf_get_d(arb_midref(arb_mat_entry(H, i, j)), ARF_RND_NEAR)) < 1e-7,
                              "H[%ld][%ld] it %ld", i, j, it);
    }
    /* a zero neuron: no Hessian */
    for (j = 0; j < d; j++)
        Wd[j] = 0;
    ck_assert_int_eq(rc_d_hessian(Hd, Wd, n, Vd, k, d), 1);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(G); arb_mat_clear(H);
    arb_clear(F);
    flint_randclear(st);
}
END_TEST

START_TEST(test_double_eig)
{
    double A[9] = {2, -1, 0, -1, 2, -1, 0, -1, 2}, lam, u[3];
    ck_assert_int_eq(rc_d_sym_eig_min(&lam, u, A, 3), 0);
    ck_assert(fabs(lam - (2 - sqrt(2.0))) < 1e-14);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("double");
    TCase * tc = tcase_create("double");
    tcase_add_test(tc, test_double_vs_ball);
    tcase_add_test(tc, test_double_eig);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
