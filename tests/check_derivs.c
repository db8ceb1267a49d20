/* Derivative consistency without tolerances, by the mean value theorem:
   (F(x + h e) - F(x - h e)) / (2h) = dF/de at some point of the segment, so
   it must overlap the enclosure of dF/de over the box that holds the segment.
   Likewise for the Hessian against the gradient. A wrong formula is caught
   because the box enclosure is only about h wide. */
#include "testutil.h"

#define N_ 3
#define K_ 2
#define D_ 3
#define H_EXP (-24)

static void
random_point(arb_mat_t W, arb_mat_t V, flint_rand_t st, int c)
{
    slong a;
    tu_rand_mat(W, st, 0);
    tu_rand_mat(V, st, 0);
    for (a = 0; a < D_; a++)
    {
        if (c == 1)   /* students 0, 1 parallel */
            arb_mul_2exp_si(arb_mat_entry(W, 1, a), arb_mat_entry(W, 0, a), 1);
        if (c == 2)   /* student 2 opposite to teacher 0 */
            arb_neg(arb_mat_entry(W, 2, a), arb_mat_entry(V, 0, a));
    }
}

/* difference quotient of F in coordinate (i, a) with step 2^H_EXP */
static void
diff_quotient_F(arb_t q, const arb_mat_t W, const arb_mat_t V, slong i, slong a, slong prec)
{
    arb_mat_t P;
    arb_t fp, fm;
    arb_mat_init(P, N_, D_);
    arb_init(fp); arb_init(fm);
    arb_mat_set(P, W);
    arb_set_si(q, 1); arb_mul_2exp_si(q, q, H_EXP);
    arb_add(arb_mat_entry(P, i, a), arb_mat_entry(W, i, a), q, prec);
    rc_loss(fp, P, V, prec);
    arb_sub(arb_mat_entry(P, i, a), arb_mat_entry(W, i, a), q, prec);
    rc_loss(fm, P, V, prec);
    arb_sub(q, fp, fm, prec);
    arb_mul_2exp_si(q, q, -H_EXP - 1);
    arb_mat_clear(P);
    arb_clear(fp); arb_clear(fm);
}

/* the box holding the segment in coordinate (i, a) */
static void
segment_box(arb_mat_t B, const arb_mat_t W, slong i, slong a)
{
    arb_mat_set(B, W);
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(B, i, a)), 1, H_EXP);
}

/* scale: 1 for the real gradient, 1 + 2^-20 for the deliberately wrong one */
static int
gradient_consistent(const arb_mat_t W, const arb_mat_t V, double scale)
{
    arb_mat_t B, G;
    arb_t q;
    slong i, a;
    int ok = 1;
    arb_mat_init(B, N_, D_);
    arb_mat_init(G, N_, D_);
    arb_init(q);
    for (i = 0; i < N_ && ok; i++)
        for (a = 0; a < D_ && ok; a++)
        {
            diff_quotient_F(q, W, V, i, a, 300);
            segment_box(B, W, i, a);
            ck_assert(rc_gradient(G, B, V, 300));
            {
                arb_t sc;
                arb_init(sc);
                arb_set_d(sc, scale);
                arb_mul(arb_mat_entry(G, i, a), arb_mat_entry(G, i, a), sc, 300);
                arb_clear(sc);
            }
            ok = arb_overlaps(q, arb_mat_entry(G, i, a));
        }
    arb_mat_clear(B);
    arb_mat_clear(G);
    arb_clear(q);
    return ok;
}

START_TEST(test_gradient_vs_loss)
{
    flint_rand_t st;
    arb_mat_t W, V;
    int it;
    flint_randinit(st);
    arb_mat_init(W, N_, D_);
    arb_mat_init(V, K_, D_);
    for (it = 0; it < 9; it++)
    {
        random_point(W, V, st, it % 3);
        ck_assert_msg(gradient_consistent(W, V, 1.0), "gradient inconsistent, config %d", it % 3);
        /* the check has teeth: a gradient off by a factor 1 + 2^-20 fails */
        ck_assert_msg(!gradient_consistent(W, V, 1.0 + 1.0 / (1 << 20)), "check cannot fail");
    }
    arb_mat_clear(W);
    arb_mat_clear(V);
    flint_randclear(st);
}
END_TEST

START_TEST(test_hessian_vs_gradient)
{
    flint_rand_t st;
    arb_mat_t W, V, P, B, Gp, Gm, H;
    arb_t q, h;
    slong i, a, j, b;
    int it;
    flint_randinit(st);
    arb_mat_init(W, N_, D_); arb_mat_init(V, K_, D_);
    arb_mat_init(P, N_, D_); arb_mat_init(B, N_, D_);
    arb_mat_init(Gp, N_, D_); arb_mat_init(Gm, N_, D_);
    arb_mat_init(H, N_ * D_, N_ * D_);
    arb_init(q); arb_init(h);
    arb_set_si(h, 1); arb_mul_2exp_si(h, h, H_EXP);
    for (it = 0; it < 6; it++)
    {
        random_point(W, V, st, it % 3);
        for (i = 0; i < N_; i++)
            for (a = 0; a < D_; a++)
            {
                arb_mat_set(P, W);
                arb_add(arb_mat_entry(P, i, a), arb_mat_entry(W, i, a), h, 300);
                rc_gradient(Gp, P, V, 300);
                arb_sub(arb_mat_entry(P, i, a), arb_mat_entry(W, i, a), h, 300);
                rc_gradient(Gm, P, V, 300);
                segment_box(B, W, i, a);
                ck_assert(rc_hessian(H, B, V, 300));
                for (j = 0; j < N_; j++)
                    for (b = 0; b < D_; b++)
                    {
                        /* d(dF/dw_jb)/dw_ia = H[j*D + b][i*D + a] */
                        arb_sub(q, arb_mat_entry(Gp, j, b), arb_mat_entry(Gm, j, b), 300);
                        arb_mul_2exp_si(q, q, -H_EXP - 1);
                        ck_assert_msg(arb_overlaps(q, arb_mat_entry(H, j * D_ + b, i * D_ + a)),
                                      "config %d: H[%ld][%ld] inconsistent", it % 3,
                                      j * D_ + b, i * D_ + a);
                    }
            }
    }
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(P); arb_mat_clear(B);
    arb_mat_clear(Gp); arb_mat_clear(Gm); arb_mat_clear(H);
    arb_clear(q); arb_clear(h);
    flint_randclear(st);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("derivatives");
    TCase * tc = tcase_create("mean value");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_gradient_vs_loss);
    tcase_add_test(tc, test_hessian_vs_gradient);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
