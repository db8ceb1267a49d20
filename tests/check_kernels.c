/* Pair kernels: containment over boxes (Arb style: a point of the box gives a
   value inside the box enclosure), the limits at t = 0 and t = pi, and the
   symmetries h1 = h1^T, h2(w,v) = h2(v,w)^T. */
#include "testutil.h"

#define D 3

typedef struct
{
    arb_t f;
    arb_ptr g;
    arb_mat_t h1, h2;
}
kers_t;

static void
kers_init(kers_t * K)
{
    arb_init(K->f);
    K->g = _arb_vec_init(D);
    arb_mat_init(K->h1, D, D);
    arb_mat_init(K->h2, D, D);
}

static void
kers_clear(kers_t * K)
{
    arb_clear(K->f);
    _arb_vec_clear(K->g, D);
    arb_mat_clear(K->h1);
    arb_mat_clear(K->h2);
}

/* all four kernels of (w, v); derivative kernels only if w, v nonzero */
static int
kers_eval(kers_t * K, arb_srcptr w, arb_srcptr v, slong prec)
{
    rc_pair_t p;
    int ok;
    rc_pair_init(p, D);
    rc_pair_set(p, w, v, prec);
    rc_kernel_f(K->f, p, prec);
    ok = p->w_nonzero && p->v_nonzero;
    _arb_vec_zero(K->g, D);
    arb_mat_zero(K->h1);
    arb_mat_zero(K->h2);
    if (ok)
    {
        rc_kernel_g_add(K->g, p, v, 1, prec);
        rc_kernel_h1_add(K->h1, 0, 0, p, 1, prec);
        rc_kernel_h2_add(K->h2, 0, 0, p, 1, prec);
    }
    rc_pair_clear(p);
    return ok;
}

/* v = mult * w + eps * (random), as a box of radius rad around it */
static void
make_pair(arb_mat_t B, flint_rand_t st, const char * mult, double eps, double rad)
{
    slong a;
    arb_t m, q;
    arb_init(m);
    arb_init(q);
    tu_rand_mat(B, st, 0);
    if (mult != NULL)
    {
        arb_set_str(m, mult, 64);
        for (a = 0; a < D; a++)
        {
            arb_mul(arb_mat_entry(B, 1, a), arb_mat_entry(B, 0, a), m, ARF_PREC_EXACT);
            tu_rand_dyadic(q, st);
            arb_mul_2exp_si(q, q, -1);
            arb_set_d(m, eps);
            arb_mul(q, q, m, 200);
            arb_get_mid_arb(q, q);
            arb_add(arb_mat_entry(B, 1, a), arb_mat_entry(B, 1, a), q, ARF_PREC_EXACT);
            arb_set_str(m, mult, 64);
        }
    }
    for (a = 0; a < D; a++)
    {
        mag_set_d(arb_radref(arb_mat_entry(B, 0, a)), rad);
        mag_set_d(arb_radref(arb_mat_entry(B, 1, a)), rad);
    }
    arb_clear(m);
    arb_clear(q);
}

static const char * mults[] = {NULL, "2", "-0.5", "1", "-1", "3"};
static const double epss[] = {0, 0, 0, 1e-20, 1e-20, 1e-6};
static const double rads[] = {0, 1e-30, 1e-12, 1e-4, 1e-2};

START_TEST(test_containment)
{
    flint_rand_t st;
    arb_mat_t B, P;
    kers_t KB, KP;
    int c, r, it;

    flint_randinit(st);
    arb_mat_init(B, 2, D);
    arb_mat_init(P, 2, D);
    kers_init(&KB);
    kers_init(&KP);
    for (c = 0; c < 6; c++)
        for (r = 0; r < 5; r++)
        {
            int okb;
            make_pair(B, st, mults[c], epss[c], rads[r]);
            okb = kers_eval(&KB, arb_mat_entry(B, 0, 0), arb_mat_entry(B, 1, 0), 128);
            ck_assert(arb_is_finite(KB.f));
            for (it = 0; it < 12; it++)
            {
                tu_rand_point_in(P, B, st);
                kers_eval(&KP, arb_mat_entry(P, 0, 0), arb_mat_entry(P, 1, 0), 256);
                ck_assert_msg(arb_contains(KB.f, KP.f), "f: case %d radius %d", c, r);
                if (okb)
                {
                    ck_assert_msg(_arb_vec_is_finite(KB.g, D), "g infinite");
                    ck_assert_msg(arb_mat_is_finite(KB.h1), "h1 infinite");
                    ck_assert_msg(arb_mat_is_finite(KB.h2), "h2 infinite");
                    ck_assert_msg(arb_contains(KB.g + 0, KP.g + 0) && arb_contains(KB.g + 1, KP.g + 1)
                                  && arb_contains(KB.g + 2, KP.g + 2), "g: case %d radius %d", c, r);
                    ck_assert_msg(tu_mat_contains(KB.h1, KP.h1), "h1: case %d radius %d", c, r);
                    ck_assert_msg(tu_mat_contains(KB.h2, KP.h2), "h2: case %d radius %d", c, r);
                }
            }
        }
    kers_clear(&KB);
    kers_clear(&KP);
    arb_mat_clear(B);
    arb_mat_clear(P);
    flint_randclear(st);
}
END_TEST

/* f stays enclosed over a box that contains w = 0 */
START_TEST(test_zero_neuron_f)
{
    flint_rand_t st;
    arb_mat_t B, P;
    kers_t KB, KP;
    int it;
    slong a;

    flint_randinit(st);
    arb_mat_init(B, 2, D);
    arb_mat_init(P, 2, D);
    kers_init(&KB);
    kers_init(&KP);
    tu_rand_mat(B, st, 0);
    for (a = 0; a < D; a++)
    {
        arb_zero(arb_mat_entry(B, 0, a));
        mag_set_d(arb_radref(arb_mat_entry(B, 0, a)), 1e-3);
    }
    ck_assert(kers_eval(&KB, arb_mat_entry(B, 0, 0), arb_mat_entry(B, 1, 0), 128) == 0);
    ck_assert(arb_is_finite(KB.f));
    for (it = 0; it < 50; it++)
    {
        tu_rand_point_in(P, B, st);
        kers_eval(&KP, arb_mat_entry(P, 0, 0), arb_mat_entry(P, 1, 0), 256);
        ck_assert(arb_contains(KB.f, KP.f));
    }
    kers_clear(&KB);
    kers_clear(&KP);
    arb_mat_clear(B);
    arb_mat_clear(P);
    flint_randclear(st);
}
END_TEST

/* Exactly parallel and opposite pairs: the limits of proofs/model.md M1.5, with
   tight enclosures. The h2 limit at t = 0 is I/2, not I (the published pitfall). */
START_TEST(test_limits)
{
    arb_mat_t B;
    kers_t K;
    slong a, b;
    const char * wv[] = {"0.3", "-1.25", "2"};
    arb_t q;

    arb_mat_init(B, 2, D);
    arb_init(q);
    kers_init(&K);
    for (a = 0; a < D; a++)
        arb_set_str(arb_mat_entry(B, 0, a), wv[a], 256);

    /* parallel: v = 2 w */
    for (a = 0; a < D; a++)
        arb_mul_2exp_si(arb_mat_entry(B, 1, a), arb_mat_entry(B, 0, a), 1);
    ck_assert(kers_eval(&K, arb_mat_entry(B, 0, 0), arb_mat_entry(B, 1, 0), 256));
    for (a = 0; a < D; a++)
    {
        /* g(w, 2w) = (2w)/2 = w */
        ck_assert(arb_contains(K.g + a, arb_mat_entry(B, 0, a)));
        ck_assert(mag_cmp_2exp_si(arb_radref(K.g + a), -200) < 0);
        for (b = 0; b < D; b++)
        {
            ck_assert(arb_contains_zero(arb_mat_entry(K.h1, a, b)));
            ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(K.h1, a, b)), -200) < 0);
            arb_set_d(q, a == b ? 0.5 : 0.0);
            ck_assert_msg(arb_contains(arb_mat_entry(K.h2, a, b), q), "h2(w,2w) != I/2");
            ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(K.h2, a, b)), -200) < 0);
            if (a == b)
                ck_assert(!arb_contains_si(arb_mat_entry(K.h2, a, b), 1));
        }
    }
    /* f(w, 2w) = |w| |2w| / 2 = |w|^2 */
    arb_dot(q, NULL, 0, arb_mat_entry(B, 0, 0), 1, arb_mat_entry(B, 0, 0), 1, D, 256);
    ck_assert(arb_overlaps(K.f, q));

    /* opposite: v = -w/2 */
    for (a = 0; a < D; a++)
    {
        arb_mul_2exp_si(arb_mat_entry(B, 1, a), arb_mat_entry(B, 0, a), -1);
        arb_neg(arb_mat_entry(B, 1, a), arb_mat_entry(B, 1, a));
    }
    ck_assert(kers_eval(&K, arb_mat_entry(B, 0, 0), arb_mat_entry(B, 1, 0), 256));
    ck_assert(arb_contains_zero(K.f));
    for (a = 0; a < D; a++)
    {
        ck_assert(arb_contains_zero(K.g + a));
        for (b = 0; b < D; b++)
        {
            ck_assert(arb_contains_zero(arb_mat_entry(K.h1, a, b)));
            ck_assert(arb_contains_zero(arb_mat_entry(K.h2, a, b)));
            ck_assert(mag_cmp_2exp_si(arb_radref(arb_mat_entry(K.h2, a, b)), -200) < 0);
        }
    }
    kers_clear(&K);
    arb_clear(q);
    arb_mat_clear(B);
}
END_TEST

START_TEST(test_symmetry)
{
    flint_rand_t st;
    arb_mat_t B;
    kers_t K1, K2;
    int it;
    slong a, b;

    flint_randinit(st);
    arb_mat_init(B, 2, D);
    kers_init(&K1);
    kers_init(&K2);
    for (it = 0; it < 40; it++)
    {
        make_pair(B, st, mults[it % 6], epss[it % 6], rads[it % 4]);
        kers_eval(&K1, arb_mat_entry(B, 0, 0), arb_mat_entry(B, 1, 0), 200);
        kers_eval(&K2, arb_mat_entry(B, 1, 0), arb_mat_entry(B, 0, 0), 200);
        for (a = 0; a < D; a++)
            for (b = 0; b < D; b++)
            {
                ck_assert(arb_overlaps(arb_mat_entry(K1.h1, a, b), arb_mat_entry(K1.h1, b, a)));
                ck_assert(arb_overlaps(arb_mat_entry(K1.h2, a, b), arb_mat_entry(K2.h2, b, a)));
            }
        ck_assert(arb_overlaps(K1.f, K2.f));
    }
    kers_clear(&K1);
    kers_clear(&K2);
    arb_mat_clear(B);
    flint_randclear(st);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("kernels");
    TCase * tc = tcase_create("kernels");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_containment);
    tcase_add_test(tc, test_zero_neuron_f);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_symmetry);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
