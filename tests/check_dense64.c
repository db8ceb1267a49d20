/* The dense binary64 path (dense64.h): Rump's test on exactly known
   spectra, containment of the ball-arithmetic Hessian in the binary64
   enclosure, strong convexity refusing what it must, and agreement with
   the Arb path and the symmetry-reduced path on the dataset. */
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#endif
#include "testutil.h"

#define NH 64     /* Householder size: v in {+-1}^NH, v^T v = 64 */

/* A = Q diag(lam) Q, Q = I - (2 / NH) v v^T exactly orthogonal with dyadic
   entries; A exact in doubles (asserted). lam[0] is the smallest. */
static void
householder_matrix(double * A, const fmpq * lam)
{
    fmpq_mat_t Q, D, T;
    slong i, j;
    int v[NH];

    fmpq_mat_init(Q, NH, NH); fmpq_mat_init(D, NH, NH); fmpq_mat_init(T, NH, NH);
    for (i = 0; i < NH; i++)
        v[i] = ((i * 7 + 3) % 5 < 2) ? -1 : 1;
    for (i = 0; i < NH; i++)
        for (j = 0; j < NH; j++)
        {
            fmpq_set_si(fmpq_mat_entry(Q, i, j), -2 * v[i] * v[j], NH);
            if (i == j)
                fmpq_add_si(fmpq_mat_entry(Q, i, j), fmpq_mat_entry(Q, i, j), 1);
        }
    for (i = 0; i < NH; i++)
        fmpq_set(fmpq_mat_entry(D, i, i), lam + i);
    fmpq_mat_mul(T, Q, D);
    fmpq_mat_mul(D, T, Q);
    /* Q Q = I: the spectrum is exactly lam */
    fmpq_mat_mul(T, Q, Q);
    ck_assert(fmpq_mat_is_one(T));
    for (i = 0; i < NH; i++)
        for (j = 0; j < NH; j++)
        {
            arb_t x;
            arb_init(x);
            arb_set_fmpq(x, fmpq_mat_entry(D, i, j), 53);
            ck_assert_msg(arb_is_exact(x), "entry not exact in binary64");
            A[i * NH + j] = arf_get_d(arb_midref(x), ARF_RND_NEAR);
            arb_clear(x);
        }
    fmpq_mat_clear(Q); fmpq_mat_clear(D); fmpq_mat_clear(T);
}

/* spectrum {1/4 + delta, 1, 2, 3, 4, 1, 2, ...}, delta = sign 2^-e */
static void
spectrum(fmpq * lam, int sign, int e)
{
    slong i;
    fmpq_set_si(lam, 1, 4);
    for (i = 0; i < NH; i++)
        if (i > 0)
            fmpq_set_si(lam + i, 1 + (i % 4), 1);
    {
        fmpq_t t;
        fmpq_init(t);
        fmpq_one(t);
        fmpq_div_2exp(t, t, e);
        if (sign < 0)
            fmpq_neg(t, t);
        fmpq_add(lam, lam, t);
        fmpq_clear(t);
    }
}

/* lambda_min = 1/4 + 2^-20 is accepted against 1/4; 1/4 - 2^-36 must be
   refused (lemma L14 makes the refusal certain, not likely) */
START_TEST(test_rump_householder)
{
    double * A = malloc(sizeof(double) * NH * NH);
    fmpq * lam = _fmpq_vec_init(NH);

    ck_assert(rc_blas_selftest());
    spectrum(lam, 1, 20);
    householder_matrix(A, lam);
    ck_assert(rc_d_spd_rump(A, NH, 0.25));
    householder_matrix(A, lam);
    ck_assert(!rc_d_spd_rump(A, NH, 0.25 + 0x1p-19));
    spectrum(lam, -1, 36);
    householder_matrix(A, lam);
    ck_assert(!rc_d_spd_rump(A, NH, 0.25));
    householder_matrix(A, lam);
    ck_assert(rc_d_spd_rump(A, NH, 0.25 - 0x1p-30));
    _fmpq_vec_clear(lam, NH);
    free(A);
}
END_TEST

/* The self-test at larger sizes passes on the machines relucert is built
   on (else the binary64 path would silently never run there), and
   flush-to-zero / denormals-are-zero (as after loading a -ffast-math
   object) make Rump's test prove nothing, with the reason named, until
   they are off again (the environment is not cached). */
START_TEST(test_selftest_env_sizes)
{
    double * A = malloc(sizeof(double) * NH * NH);
    fmpq * lam = _fmpq_vec_init(NH);

    ck_assert(rc_blas_selftest_problem(1000) == NULL);
    ck_assert(rc_blas_selftest_n(300) && rc_blas_selftest());
    spectrum(lam, 1, 20);
#if defined(__x86_64__) || defined(__i386__)
    {
        unsigned int csr = _mm_getcsr();
        const char * why;
        int r;
        householder_matrix(A, lam);
        _mm_setcsr(csr | 0x8040);
        r = rc_d_spd_rump(A, NH, 0.25);
        why = rc_blas_selftest_problem(NH);
        _mm_setcsr(csr);
        ck_assert(!r);
        ck_assert(why != NULL && strstr(why, "flush-to-zero") != NULL);
        _mm_setcsr(csr | 0x0040);
        why = rc_blas_selftest_problem(NH);
        _mm_setcsr(csr);
        ck_assert(why != NULL && strstr(why, "denormals-are-zero") != NULL);
    }
#endif
    householder_matrix(A, lam);
    ck_assert(rc_d_spd_rump(A, NH, 0.25));
    _fmpq_vec_clear(lam, NH);
    free(A);
}
END_TEST

/* the interval version: the radius bound is added to the shift */
START_TEST(test_rump_interval)
{
    double * A = malloc(sizeof(double) * NH * NH);
    fmpq * lam = _fmpq_vec_init(NH);
    arb_t mu;

    arb_init(mu);
    arb_set_d(mu, 0.25);
    spectrum(lam, 1, 20);
    householder_matrix(A, lam);
    ck_assert(rc_d_spd_rump_interval(A, NH, 0x1p-22, mu));
    householder_matrix(A, lam);
    ck_assert(!rc_d_spd_rump_interval(A, NH, 0x1p-19, mu));
    /* a ball for mu: its upper end counts */
    householder_matrix(A, lam);
    mag_set_d(arb_radref(mu), 0x1p-19);
    ck_assert(!rc_d_spd_rump_interval(A, NH, 0, mu));
    arb_clear(mu);
    _fmpq_vec_clear(lam, NH);
    free(A);
}
END_TEST

/* the mutation test: the rounding constant must be there. A diagonal
   matrix one unit in the last place above the shift has lambda_min > shift
   but not by the constant: refused (a Cholesky of a diagonal matrix is
   exact, so without the constant it would be accepted) */
START_TEST(test_rump_constant)
{
    double A[9] = { 0 }, c;
    long N;

    for (N = 1; N <= 100000; N *= 10)
    {
        c = rc_d_spd_rump_constant(N, 1.0, 1.0);
        /* at least Higham's gamma_{N+1} with u = 2^-53 */
        ck_assert(c >= (double) (N + 1) * 0x1p-53);
    }
    ck_assert(rc_d_spd_rump_constant(1L << 52, 1.0, 1.0) == INFINITY);
    A[0] = A[4] = A[8] = nextafter(0.25, 1.0);
    ck_assert(!rc_d_spd_rump(A, 3, 0.25));
    A[0] = A[4] = A[8] = 0.25 + 0x1p-30;
    A[1] = A[2] = A[3] = A[5] = A[6] = A[7] = 0;
    ck_assert(rc_d_spd_rump(A, 3, 0.25));
    /* not finite, negative */
    A[0] = A[4] = A[8] = 1;
    A[1] = A[3] = NAN;
    ck_assert(!rc_d_spd_rump(A, 3, 0));
    memset(A, 0, sizeof A);
    A[0] = A[4] = 1;
    A[8] = -1e-300;
    ck_assert(!rc_d_spd_rump(A, 3, 0));
}
END_TEST

/* a point with parallel (w_1 = 2 w_0) and opposite (w_2 = -w_0) neurons
   and a general teacher, n = 4, k = 3, d = 5 */
static void
special_point(arb_mat_t W, arb_mat_t V, flint_rand_t st)
{
    slong a;
    tu_rand_mat(W, st, 0);
    tu_rand_mat(V, st, 0);
    for (a = 0; a < arb_mat_ncols(W); a++)
    {
        arb_mul_2exp_si(arb_mat_entry(W, 1, a), arb_mat_entry(W, 0, a), 1);
        arb_neg(arb_mat_entry(W, 2, a), arb_mat_entry(W, 0, a));
        /* a student equal to a teacher (t = 0 exactly) */
        arb_set(arb_mat_entry(W, 3, a), arb_mat_entry(V, 1, a));
    }
}

/* every ball of the Arb Hessian H (at a point, or at points of the box)
   lies in [mid - rad, mid + rad] */
static void
assert_contained(const arb_mat_t H, const double * mid, const double * rad)
{
    slong N = arb_mat_nrows(H), i, j;
    arb_t e;

    arb_init(e);
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
        {
            arb_set_d(e, mid[i * N + j]);
            mag_set_d(arb_radref(e), rad[i * N + j]);
            ck_assert_msg(arb_contains(e, arb_mat_entry(H, i, j)),
                          "entry (%ld, %ld) not contained", (long) i, (long) j);
        }
    arb_clear(e);
}

START_TEST(test_hessian_contains)
{
    slong n = 4, k = 3, d = 5, N = n * d, i, t;
    flint_rand_t st;
    arb_mat_t W, V, H, X, P;
    double * mid = malloc(sizeof(double) * N * N), * rad = malloc(sizeof(double) * N * N);
    double rowrad[20];

    flint_randinit(st);
    arb_mat_init(W, n, d); arb_mat_init(V, k, d); arb_mat_init(H, N, N);
    arb_mat_init(X, n, d); arb_mat_init(P, n, d);
    for (t = 0; t < 6; t++)
    {
        if (t < 3)
            special_point(W, V, st);
        else
        {
            tu_rand_mat(W, st, 0);
            tu_rand_mat(V, st, 0);
        }
        /* at the point */
        ck_assert(rc_di_hessian(mid, rowrad, rad, W, V));
        rc_hessian(H, W, V, 256);
        assert_contained(H, mid, rad);
        for (i = 0; i < N; i++)
            ck_assert(rowrad[i] >= 0 && rowrad[i] < 1e-10);
        /* over a box of radius 2^-12: points of the box */
        arb_mat_set(X, W);
        for (i = 0; i < N; i++)
            mag_set_d(arb_radref(arb_mat_entry(X, i / d, i % d)), 0x1p-12);
        ck_assert(rc_di_hessian(mid, rowrad, rad, X, V));
        for (i = 0; i < 4; i++)
        {
            tu_rand_point_in(P, X, st);
            rc_hessian(H, P, V, 256);
            assert_contained(H, mid, rad);
        }
    }
    /* a box that reaches a zero student neuron: no enclosure */
    for (i = 0; i < d; i++)
        mag_set_d(arb_radref(arb_mat_entry(X, 2, i)), 4.0);
    ck_assert(!rc_di_hessian(mid, rowrad, rad, X, V));
    arb_mat_zero(X);
    ck_assert(!rc_di_hessian(mid, rowrad, NULL, X, V));
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(H);
    arb_mat_clear(X); arb_mat_clear(P);
    free(mid); free(rad);
    flint_randclear(st);
}
END_TEST

/* the binary64 lambda_min enclosure contains the ball-arithmetic one, at
   points (definite or not, with parallel and opposite neurons) and over
   boxes (at points of the box) */
START_TEST(test_eig_min)
{
    slong n = 4, k = 3, d = 5, N = n * d, t, neg = 0, i;
    flint_rand_t st;
    arb_mat_t W, V, H, X, P;
    arb_t l64, la, lo;

    flint_randinit(st);
    arb_mat_init(W, n, d); arb_mat_init(V, k, d); arb_mat_init(H, N, N);
    arb_mat_init(X, n, d); arb_mat_init(P, n, d);
    arb_init(l64); arb_init(la); arb_init(lo);
    for (t = 0; t < 8; t++)
    {
        if (t % 2)
            special_point(W, V, st);
        else
        {
            tu_rand_mat(W, st, 0);
            tu_rand_mat(V, st, 0);
        }
        ck_assert(rc_d_hessian_eig_min(l64, W, V, 256));
        rc_hessian(H, W, V, 256);
        ck_assert(rc_mat_eig_min(la, NULL, H, 256));
        ck_assert_msg(arb_contains(l64, la), "lambda_min not contained");
        neg += arb_is_negative(l64);
        /* a box: the enclosure holds lambda_min at points of the box */
        arb_mat_set(X, W);
        for (i = 0; i < N; i++)
            mag_set_d(arb_radref(arb_mat_entry(X, i / d, i % d)), 0x1p-16);
        ck_assert(rc_d_hessian_eig_min(l64, X, V, 256));
        tu_rand_point_in(P, X, st);
        rc_hessian(H, P, V, 256);
        ck_assert(rc_mat_eig_min(la, NULL, H, 256));
        ck_assert(arb_contains(l64, la));
    }
    /* indefinite Hessians were among them */
    ck_assert(neg > 0);
    /* a zero neuron: no enclosure */
    arb_mat_zero(W);
    ck_assert(!rc_d_hessian_eig_min(l64, W, V, 256));
    ck_assert(!arb_is_finite(l64));
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(H);
    arb_mat_clear(X); arb_mat_clear(P);
    arb_clear(l64); arb_clear(la); arb_clear(lo);
    flint_randclear(st);
}
END_TEST

/* certifies the point pt by the given procedure */
static void
find_point(rc_mincert_t c, rc_point_t pt, int arith, slong prec)
{
    rc_error_t err;
    arb_mat_t W, V;
    fmpq_t half;

    arb_mat_init(W, pt->n, pt->d);
    arb_mat_init(V, pt->k, pt->d);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    rc_point_get_arb(W, V, pt, NULL, prec);
    ck_assert_msg(rc_mincert_find_arith(c, W, pt->V, half, arith, prec, err) == 0, "%s", err->msg);
    ck_assert_int_eq(c->arith, arith);
    arb_mat_clear(W); arb_mat_clear(V);
    fmpq_clear(half);
}

static void
find_record(rc_mincert_t c, slong k, slong index, int arith)
{
    rc_point_t pt;
    rc_error_t err;

    rc_point_init(pt);
    ck_assert_msg(rc_point_read_dataset(pt, RC_DATASET, k, index, err) == 0, "%s", err->msg);
    find_point(c, pt, arith, 256);
    rc_point_clear(pt);
}

static void
assert_same_verdicts(const rc_mincert_t a, const rc_mincert_t b)
{
    slong i;
    ck_assert_int_eq(a->critical, b->critical);
    ck_assert_int_eq(a->positive_definite, b->positive_definite);
    ck_assert_int_eq(a->strict_min, b->strict_min);
    ck_assert_int_eq(a->non_global, b->non_global);
    ck_assert_int_eq(a->saddle, b->saddle);
    ck_assert_int_eq(a->cross, b->cross);
    ck_assert_int_eq(a->norm_sum_le_k, b->norm_sum_le_k);
    ck_assert_int_eq(a->lam_negative, b->lam_negative);
    ck_assert_int_eq(rc_mincert_success(a), rc_mincert_success(b));
    for (i = 0; i < a->n; i++)
        ck_assert_int_eq(a->split[i], b->split[i]);
}

/* the binary64 certificate re-verifies and round-trips through JSON with
   its arith, and the checker accepts it */
static void
assert_checks(const rc_mincert_t c)
{
    json_t * root = rc_mincert_to_json(c, "test");
    rc_error_t why;
    rc_mincert_t d;

    ck_assert_str_eq(json_string_value(json_object_get(root, "arith")),
                     c->arith == RC_ARITH_BINARY64 ? "binary64" : "arb");
    ck_assert_msg(rc_mincert_check(why, root) == 0, "%s", why->msg);
    rc_mincert_init(d);
    ck_assert(rc_mincert_from_json(d, root, why) == 0);
    ck_assert_int_eq(d->arith, c->arith);
    rc_mincert_clear(d);
    json_decref(root);
}

/* agreement with the Arb path on the records k <= 12 (every one), with the
   certificate checked */
START_TEST(test_agree_arb)
{
    slong k = 6 + _i, idx;
    rc_point_t pt;
    rc_error_t err;

    rc_point_init(pt);
    for (idx = 0; rc_point_read_dataset(pt, RC_DATASET, k, idx, err) == 0; idx++)
    {
        rc_mincert_t a, b;
        rc_mincert_init(a); rc_mincert_init(b);
        find_point(a, pt, RC_ARITH_ARB, 256);
        find_point(b, pt, RC_ARITH_BINARY64, 256);
        assert_same_verdicts(a, b);
        ck_assert(rc_mincert_success(b));
        assert_checks(b);
        rc_mincert_clear(a); rc_mincert_clear(b);
    }
    ck_assert(idx > 0);
    rc_point_clear(pt);
}
END_TEST

/* agreement with the symmetry-reduced path on every record k = 13..20
   (the reduced path agrees with the Arb dense path there: check_sym) */
START_TEST(test_agree_reduced)
{
    slong k = 13 + _i, idx;
    rc_point_t pt;
    rc_error_t err;

    rc_point_init(pt);
    for (idx = 0; rc_point_read_dataset(pt, RC_DATASET, k, idx, err) == 0; idx++)
    {
        rc_mincert_t b;
        rc_mincert_init(b);
        find_point(b, pt, RC_ARITH_BINARY64, 256);
        /* every published point is a proved strict minimum, non-global
           unless it is the identity, with the split saddle */
        ck_assert_msg(rc_mincert_success(b), "k = %ld, index %ld", (long) k, (long) idx);
        ck_assert_int_eq(b->strict_min, RC_PROVED);
        rc_mincert_clear(b);
    }
    ck_assert(idx > 0);
    rc_point_clear(pt);
}
END_TEST

/* general teachers (d > k, n > k): the two paths agree */
START_TEST(test_agree_general)
{
    const char * pts[] = {
        /* n = k = 2, d = 4: near the teacher (a global minimum) */
        "teacher 2 4\n 1 0.5 0 0.25\n -0.5 1 0.75 0\n"
        "student 2 4\n 1.01 0.49 0 0.26\n -0.5 0.99 0.75 0.01\n",
        /* n = 3 > k = 2, d = 3: over-parameterised, H singular at W = V
           extended: not provable as a strict minimum */
        "teacher 2 3\n 1 0 0\n 0 1 0\n"
        "student 3 3\n 0.5 0 0\n 0.5 0 0.001\n 0 1 0\n",
        NULL,
    };
    slong i;

    for (i = 0; pts[i] != NULL; i++)
    {
        rc_point_t pt;
        rc_mincert_t a, b;
        rc_point_init(pt);
        tu_point(pt, pts[i]);
        rc_mincert_init(a); rc_mincert_init(b);
        find_point(a, pt, RC_ARITH_ARB, 256);
        find_point(b, pt, RC_ARITH_BINARY64, 256);
        assert_checks(b);
        if (i == 0)
        {
            assert_same_verdicts(a, b);
            ck_assert_int_eq(b->strict_min, RC_PROVED);
            ck_assert_int_eq(b->non_global, RC_REFUTED);
        }
        else
        {
            /* a degenerate point: the two refinements may stop at different
               points, so only "neither proves a strict minimum" is asked */
            ck_assert_int_ne(a->strict_min, RC_PROVED);
            ck_assert_int_ne(b->strict_min, RC_PROVED);
        }
        rc_mincert_clear(a); rc_mincert_clear(b);
        rc_point_clear(pt);
    }
}
END_TEST

/* strong convexity must refuse: a saddle, a gradient too large for its
   ball, a ball that reaches a zero neuron, a forged lambda_lower */
START_TEST(test_must_not_prove)
{
    rc_mincert_t c, m;
    rc_point_t pt;
    rc_error_t err;
    fmpq_t t;

    rc_mincert_init(c); rc_mincert_init(m);
    fmpq_init(t);

    /* the p = (2, 4) saddle of k = 6 (Morse index 3) */
    rc_point_init(pt);
    ck_assert_msg(rc_point_read_file(pt, RC_TEST_DATA "/saddle-k6-2-4.txt", err) == 0, "%s", err->msg);
    find_point(c, pt, RC_ARITH_BINARY64, 256);
    ck_assert_int_ne(c->positive_definite, RC_PROVED);
    ck_assert_int_ne(c->strict_min, RC_PROVED);
    ck_assert(!rc_mincert_success(c));
    /* with a negative direction found, minimality is refuted */
    ck_assert_int_eq(c->positive_definite, RC_REFUTED);
    /* a forged lambda_lower on the saddle proves nothing */
    rc_mincert_set_inputs(m, c);
    fmpq_set_si(m->lam_lower, 1, 1000);
    m->have_lam_lower = 1;
    m->have_neg_dir = 0;
    ck_assert(rc_mincert_verify(m, err) == 0);
    ck_assert_int_ne(m->positive_definite, RC_PROVED);
    ck_assert_int_ne(m->critical, RC_PROVED);
    rc_point_clear(pt);

    /* the k = 7 spurious minimum, then altered */
    find_record(c, 7, 1, RC_ARITH_BINARY64);
    ck_assert(rc_mincert_success(c));
    /* the centre moved by 2^-60: the gradient is far too large for the
       ball of radius 2^-96 */
    rc_mincert_set_inputs(m, c);
    fmpq_set_si(t, 1, 1);
    fmpq_div_2exp(t, t, 60);
    fmpq_add(fmpq_mat_entry(m->centre, 0, 0), fmpq_mat_entry(m->centre, 0, 0), t);
    ck_assert(rc_mincert_verify(m, err) == 0);
    ck_assert_int_ne(m->critical, RC_PROVED);
    ck_assert_int_ne(m->strict_min, RC_PROVED);
    ck_assert(!rc_mincert_success(m));
    /* the same centre with a ball big enough is fine again: the test is
       about the ratio, not the displacement */
    m->radius_log2 = -40;
    ck_assert(rc_mincert_verify(m, err) == 0);
    ck_assert_int_eq(m->critical, RC_PROVED);
    /* a box that reaches a zero neuron */
    rc_mincert_set_inputs(m, c);
    m->radius_log2 = 1;
    ck_assert(rc_mincert_verify(m, err) == 0);
    ck_assert_int_eq(m->critical, RC_UNDECIDED);
    ck_assert_int_eq(m->positive_definite, RC_UNDECIDED);
    ck_assert(!rc_mincert_success(m));
    /* lambda_lower above lambda_min: not proved */
    rc_mincert_set_inputs(m, c);
    fmpq_mul_2exp(m->lam_lower, m->lam_lower, 2);
    ck_assert(rc_mincert_verify(m, err) == 0);
    ck_assert_int_ne(m->positive_definite, RC_PROVED);
    ck_assert_int_ne(m->critical, RC_PROVED);
    /* too little precision: undecided, never wrong */
    rc_mincert_set_inputs(m, c);
    m->prec = 20;
    ck_assert(rc_mincert_verify(m, err) != 0 || m->strict_min != RC_REFUTED);
    /* an unknown arith in JSON is an error naming the field */
    {
        json_t * root = rc_mincert_to_json(c, "test");
        json_object_set_new(root, "arith", json_string("float"));
        ck_assert(rc_mincert_from_json(m, root, err) != 0);
        ck_assert(strstr(err->msg, "arith") != NULL);
        ck_assert(rc_mincert_check(err, root) != 0);
        json_decref(root);
    }
    fmpq_clear(t);
    rc_mincert_clear(c); rc_mincert_clear(m);
}
END_TEST

/* a binary64 certificate whose claims were edited is rejected */
START_TEST(test_checker_binary64)
{
    rc_mincert_t c;
    rc_error_t why;
    json_t * root, * cl;

    rc_mincert_init(c);
    find_record(c, 8, 0, RC_ARITH_BINARY64);
    root = rc_mincert_to_json(c, "test");
    ck_assert(rc_mincert_check(why, root) == 0);
    /* the same inputs verified as arb give the same verdicts (both prove) */
    json_object_set_new(root, "arith", json_string("arb"));
    ck_assert_msg(rc_mincert_check(why, root) == 0, "%s", why->msg);
    json_object_set_new(root, "arith", json_string("binary64"));
    /* lambda_lower doubled: positive_definite no longer recomputes */
    cl = json_object_get(json_object_get(root, "witnesses"), "lambda_lower");
    ck_assert(cl != NULL);
    {
        fmpq_t l;
        fmpq_init(l);
        fmpq_mul_2exp(l, c->lam_lower, 3);
        json_object_set_new(json_object_get(root, "witnesses"), "lambda_lower", rc_json_fmpq(l));
        fmpq_clear(l);
    }
    ck_assert(rc_mincert_check(why, root) != 0);
    json_decref(root);
    rc_mincert_clear(c);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("dense64");
    TCase * tc = tcase_create("core");
    TCase * tl = tcase_create("dataset");
    tcase_set_timeout(tc, 600);
    tcase_set_timeout(tl, 900);
    tcase_add_test(tc, test_rump_householder);
    tcase_add_test(tc, test_rump_interval);
    tcase_add_test(tc, test_selftest_env_sizes);
    tcase_add_test(tc, test_rump_constant);
    tcase_add_test(tc, test_hessian_contains);
    tcase_add_test(tc, test_eig_min);
    tcase_add_test(tc, test_must_not_prove);
    tcase_add_test(tc, test_checker_binary64);
    tcase_add_test(tc, test_agree_general);
    tcase_add_loop_test(tl, test_agree_arb, 0, 7);
    tcase_add_loop_test(tl, test_agree_reduced, 0, 8);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, tl);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
