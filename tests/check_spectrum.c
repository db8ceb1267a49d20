/* Spectral certificates: the exact Hessian spectrum at W = V
   (proofs/model.md M2.2) found with the right multiplicities by certified
   eigenvalue counts; the smallest-eigenvalue enclosure; and cases that must
   not prove. */
#include "testutil.h"

#define MAXE 8

/* distinct eigenvalue formulas (ball) with multiplicities for V = [I_k | 0] */
static slong
formulas(arb_ptr val, slong * mult, slong k, slong d, slong prec)
{
    arb_t pi, r, q;
    slong m = 0;
    arb_init(pi); arb_init(r); arb_init(q);
    arb_const_pi(pi, prec);

    /* 1/4 - 1/(2 pi) : k(k-1)/2 ; 1/4 + 1/(2 pi) : k(k-3)/2 */
    arb_inv(q, pi, prec);
    arb_mul_2exp_si(q, q, -1);
    arb_set_d(val + m, 0.25); arb_sub(val + m, val + m, q, prec); mult[m++] = k * (k - 1) / 2;
    arb_set_d(val + m, 0.25); arb_add(val + m, val + m, q, prec); mult[m++] = k * (k - 3) / 2;

    /* [pi(k+2) -+ sqrt(pi^2 k^2 - 16(pi-1))] / (8 pi) : k-1 each */
    arb_mul_si(r, pi, k, prec);
    arb_sqr(r, r, prec);
    arb_sub_ui(q, pi, 1, prec);
    arb_mul_ui(q, q, 16, prec);
    arb_sub(r, r, q, prec);
    arb_sqrt(r, r, prec);
    arb_mul_si(q, pi, k + 2, prec);
    arb_sub(val + m, q, r, prec); mult[m++] = k - 1;
    arb_add(val + m, q, r, prec); mult[m++] = k - 1;
    arb_div(val + m - 2, val + m - 2, pi, prec); arb_mul_2exp_si(val + m - 2, val + m - 2, -3);
    arb_div(val + m - 1, val + m - 1, pi, prec); arb_mul_2exp_si(val + m - 1, val + m - 1, -3);

    /* [(pi+2)k + 2pi -+ sqrt((pi-2)^2 k^2 + 16(pi-1)(k-1))] / (8 pi) : 1 each */
    arb_sub_ui(r, pi, 2, prec);
    arb_mul_si(r, r, k, prec);
    arb_sqr(r, r, prec);
    arb_sub_ui(q, pi, 1, prec);
    arb_mul_si(q, q, 16 * (k - 1), prec);
    arb_add(r, r, q, prec);
    arb_sqrt(r, r, prec);
    arb_add_ui(q, pi, 2, prec);
    arb_mul_si(q, q, k, prec);
    arb_addmul_si(q, pi, 2, prec);
    arb_sub(val + m, q, r, prec); mult[m++] = 1;
    arb_add(val + m, q, r, prec); mult[m++] = 1;
    arb_div(val + m - 2, val + m - 2, pi, prec); arb_mul_2exp_si(val + m - 2, val + m - 2, -3);
    arb_div(val + m - 1, val + m - 1, pi, prec); arb_mul_2exp_si(val + m - 1, val + m - 1, -3);

    if (d > k)
    {
        /* 1/4 : (d-k)(k-1) ; (k+1)/4 : d-k */
        arb_set_d(val + m, 0.25); mult[m++] = (d - k) * (k - 1);
        arb_set_si(val + m, k + 1); arb_mul_2exp_si(val + m, val + m, -2); mult[m++] = d - k;
    }
    arb_clear(pi); arb_clear(r); arb_clear(q);
    return m;
}

/* Hessian at W = V = [I_k | 0] in R^d */
static void
hessian_at_identity(arb_mat_t H, slong k, slong d, slong prec)
{
    arb_mat_t V;
    slong j;
    arb_mat_init(V, k, d);
    for (j = 0; j < k; j++)
        arb_one(arb_mat_entry(V, j, j));
    ck_assert(rc_hessian(H, V, V, prec));
    arb_mat_clear(V);
}

/* Every formula value mu with multiplicity m: the number of eigenvalues below
   mu - delta and below mu + delta differ by exactly m (certified), so the
   spectrum is exactly the formulas, to within delta. */
static void
check_spectrum(slong k, slong d)
{
    const slong prec = 256;
    arb_ptr val = _arb_vec_init(MAXE);
    arb_t x, delta, lam;
    slong mult[MAXE], m, i, j, total = 0;
    arb_mat_t H;

    arb_init(x); arb_init(delta); arb_init(lam);
    arb_mat_init(H, k * d, k * d);
    hessian_at_identity(H, k, d, prec);
    m = formulas(val, mult, k, d, prec);
    arb_set_d(delta, 1e-30);
    for (i = 0; i < m; i++)
    {
        slong cnt_lo = 0, cnt_hi = 0, expect_below = 0;
        if (mult[i] == 0)
            continue;
        /* formulas that coincide with this one count together */
        for (j = 0; j < m; j++)
            if (j != i && mult[j] > 0 && arb_overlaps(val + j, val + i))
                ck_abort_msg("k=%ld: formulas %ld and %ld coincide", k, i, j);
        for (j = 0; j < m; j++)
            if (arb_lt(val + j, val + i))
                expect_below += mult[j];
        arb_sub(x, val + i, delta, prec);
        ck_assert_msg(rc_mat_count_below(&cnt_lo, H, x, prec), "k=%ld d=%ld: count undecided", k, d);
        arb_add(x, val + i, delta, prec);
        ck_assert_msg(rc_mat_count_below(&cnt_hi, H, x, prec), "k=%ld d=%ld: count undecided", k, d);
        ck_assert_msg(cnt_lo == expect_below, "k=%ld d=%ld formula %ld: %ld below, expected %ld",
                      k, d, i, cnt_lo, expect_below);
        ck_assert_msg(cnt_hi - cnt_lo == mult[i], "k=%ld d=%ld formula %ld: multiplicity %ld, expected %ld",
                      k, d, i, cnt_hi - cnt_lo, mult[i]);
        total += mult[i];
    }
    ck_assert_int_eq(total, k * d);

    /* the smallest eigenvalue enclosure contains 1/4 - 1/(2 pi), tightly */
    ck_assert(rc_mat_eig_min(lam, NULL, H, prec));
    ck_assert(arb_overlaps(lam, val + 0));
    ck_assert(mag_cmp_2exp_si(arb_radref(lam), -140) < 0);   /* width < 1e-42 */

    /* F = 0 and grad F = 0 at W = V */
    {
        arb_mat_t V, G;
        arb_t F;
        arb_mat_init(V, k, d);
        arb_mat_init(G, k, d);
        arb_init(F);
        for (j = 0; j < k; j++)
            arb_one(arb_mat_entry(V, j, j));
        rc_loss(F, V, V, prec);
        ck_assert(arb_contains_zero(F));
        rc_gradient(G, V, V, prec);
        for (i = 0; i < k; i++)
            for (j = 0; j < d; j++)
                ck_assert(arb_contains_zero(arb_mat_entry(G, i, j)));
        arb_mat_clear(V);
        arb_mat_clear(G);
        arb_clear(F);
    }

    _arb_vec_clear(val, MAXE);
    arb_clear(x); arb_clear(delta); arb_clear(lam);
    arb_mat_clear(H);
}

START_TEST(test_identity_spectrum)
{
    check_spectrum(_i, _i);
}
END_TEST

START_TEST(test_rectangular_spectrum)
{
    check_spectrum(3, 5);
}
END_TEST

/* A formula value that is an eigenvalue: counting right at it is undecided,
   and positive definiteness of H - mu I is not proved. A shift above the
   smallest eigenvalue must not be proved either. */
START_TEST(test_must_not_prove)
{
    arb_mat_t H;
    arb_t mu, q;
    slong cnt = -7;
    arb_mat_init(H, 16, 16);
    arb_init(mu);
    arb_init(q);
    hessian_at_identity(H, 4, 4, 256);
    arb_const_pi(mu, 256);
    arb_inv(mu, mu, 256);
    arb_mul_2exp_si(mu, mu, -1);
    arb_set_d(q, 0.25);
    arb_sub(mu, q, mu, 256);      /* the exact smallest eigenvalue */
    ck_assert(!rc_mat_count_below(&cnt, H, mu, 256));
    ck_assert_int_eq(cnt, -7);
    ck_assert(!rc_mat_spd_certify(H, mu, 256));
    arb_set_d(q, 1e-20);
    arb_add(q, mu, q, 256);
    ck_assert(!rc_mat_spd_certify(H, q, 256));
    arb_sub(q, mu, q, 256);
    arb_set_d(q, 1e-20);
    arb_sub(q, mu, q, 256);
    ck_assert(rc_mat_spd_certify(H, q, 256));
    /* too little precision to see a gap of 1e-20: not proved (undecided) */
    ck_assert(!rc_mat_spd_certify(H, q, 30));
    arb_mat_clear(H);
    arb_clear(mu);
    arb_clear(q);
}
END_TEST

/* The radius matrix R's 2-norm is bounded by Collatz-Wielandt, not only
   by the largest row sum. M = c I +- R with R = [[1/2, 1/2], [1/2, 0]]:
   row sums 1, spectral radius (1 + sqrt 5)/4 = 0.809... . c = 0.9: proved
   (the row sum alone would fail); c = 0.8: the member M - R has the
   eigenvalue 0.8 - 0.809 < 0, never proved. Then random nonnegative R of
   size 12 with c = rho(R) + 1e-3 (proved) and c = rho(R) - 1e-6 (M - R
   has a negative eigenvalue: never proved). */
START_TEST(test_spd_radius_norm)
{
    flint_rand_t st;
    arb_mat_t A, Rm;
    arb_t c;
    slong N = 12, i, j, t;
    double * R = flint_malloc(sizeof(double) * N * N), lam, * u = flint_malloc(sizeof(double) * N);

    flint_randinit(st);
    arb_mat_init(A, 2, 2);
    arb_init(c);
    for (t = 0; t < 2; t++)
    {
        arb_mat_zero(A);
        arb_set_d(arb_mat_entry(A, 0, 0), t == 0 ? 0.9 : 0.8);
        arb_set_d(arb_mat_entry(A, 1, 1), t == 0 ? 0.9 : 0.8);
        mag_set_d(arb_radref(arb_mat_entry(A, 0, 0)), 0.5);
        mag_set_d(arb_radref(arb_mat_entry(A, 1, 0)), 0.5);
        mag_set_d(arb_radref(arb_mat_entry(A, 0, 1)), 0.5);
        ck_assert_int_eq(rc_mat_spd_certify(A, NULL, 128), t == 0);
    }
    arb_mat_clear(A);
    arb_mat_init(A, N, N);
    arb_mat_init(Rm, N, N);
    for (t = 0; t < 20; t++)
    {
        /* a random symmetric nonnegative R, some rows much heavier */
        for (i = 0; i < N; i++)
            for (j = 0; j <= i; j++)
                R[i * N + j] = R[j * N + i] = (double) n_randint(st, 1000) / 1000.0
                                              * ((i % 4 == 0 || j % 4 == 0) ? 1.0 : 0.05);
        /* rho(R) = -lambda_min(-R) */
        for (i = 0; i < N * N; i++)
            R[i] = -R[i];
        ck_assert(rc_d_sym_eig_min(&lam, u, R, N) == 0);
        for (i = 0; i < N * N; i++)
            R[i] = -R[i];
        for (j = 0; j < 2; j++)
        {
            arb_mat_zero(A);
            for (i = 0; i < N; i++)
                arb_set_d(arb_mat_entry(A, i, i), -lam + (j == 0 ? 1e-3 : -1e-6));
            /* after the midpoints: arb_set_d would reset a radius */
            for (i = 0; i < N * N; i++)
                mag_set_d(arb_radref(arb_mat_entry(A, i / N, i % N)), R[i]);
            ck_assert_int_eq(rc_mat_spd_certify(A, NULL, 128), j == 0);
        }
    }
    arb_mat_clear(A);
    arb_mat_clear(Rm);
    arb_clear(c);
    flint_free(R);
    flint_free(u);
    flint_randclear(st);
}
END_TEST

/* Ball matrices: the enclosure of lambda_min holds for every member. */
START_TEST(test_eig_min_ball)
{
    flint_rand_t st;
    arb_mat_t A, M;
    arb_t lam, lamM;
    slong i, j, N, it;
    const double rads[] = {0, 1e-30, 1e-10, 1e-4, 1e-1};
    flint_randinit(st);
    arb_init(lam);
    arb_init(lamM);
    for (it = 0; it < 25; it++)
    {
        N = 1 + n_randint(st, 12);
        arb_mat_init(A, N, N);
        arb_mat_init(M, N, N);
        tu_rand_mat(A, st, rads[it % 5]);
        for (i = 0; i < N; i++)
            for (j = 0; j < i; j++)
                arb_set(arb_mat_entry(A, i, j), arb_mat_entry(A, j, i));
        rc_mat_eig_min(lam, NULL, A, 128);
        ck_assert(arb_is_finite(lam));
        for (i = 0; i < 5; i++)
        {
            slong a, b;
            tu_rand_point_in(M, A, st);
            for (a = 0; a < N; a++)
                for (b = 0; b < a; b++)
                    arb_set(arb_mat_entry(M, a, b), arb_mat_entry(M, b, a));
            rc_mat_eig_min(lamM, NULL, M, 200);
            ck_assert(arb_overlaps(lam, lamM));
            if (rads[it % 5] == 0)
                ck_assert(mag_cmp_2exp_si(arb_radref(lam), -100) < 0);
        }
        arb_mat_clear(A);
        arb_mat_clear(M);
    }
    arb_clear(lam);
    arb_clear(lamM);
    flint_randclear(st);
}
END_TEST

START_TEST(test_gershgorin)
{
    arb_mat_t A;
    arf_t lo;
    arb_mat_init(A, 2, 2);
    arf_init(lo);
    arb_set_si(arb_mat_entry(A, 0, 0), 2);
    arb_set_si(arb_mat_entry(A, 1, 1), 3);
    arb_set_si(arb_mat_entry(A, 0, 1), -1);
    arb_set_si(arb_mat_entry(A, 1, 0), -1);
    rc_mat_gershgorin_lower(lo, A, 64);
    ck_assert(arf_cmp_si(lo, 1) == 0);
    arb_mat_clear(A);
    arf_clear(lo);
}
END_TEST

/* witness choices ignore the last bits: near ties go to the lowest index */
START_TEST(test_argmin_tie_low)
{
    const double a[] = {-0.086409578885232499, -0.10832530304324503, -0.10832530304324504,
                        -0.10832530304324504};
    const double b[] = {-0.086409578885232499, -0.10832530304324504, -0.10832530304324503};
    const double c[] = {1e-20, -1e-19, 3e-13, -0.5, -0.4999};
    const double d[] = {NAN, INFINITY, 2.0, -INFINITY, 1.0};
    const double e[] = {NAN, INFINITY};

    /* the k = 7 neurons as two BLAS kernels rank them: the same choice */
    ck_assert_int_eq(rc_d_argmin_tie_low(a, 4), 1);
    ck_assert_int_eq(rc_d_argmin_tie_low(b, 3), 1);
    /* zeros of rounding size tie; a real gap does not */
    ck_assert_int_eq(rc_d_argmin_tie_low(c, 3), 0);
    ck_assert_int_eq(rc_d_argmin_tie_low(c, 5), 3);
    /* NaN and infinities are never chosen */
    ck_assert_int_eq(rc_d_argmin_tie_low(d, 5), 4);
    ck_assert_int_eq(rc_d_argmin_tie_low(e, 2), -1);
    ck_assert_int_eq(rc_d_argmin_tie_low(e, 0), -1);
}
END_TEST

/* the portable smallest eigenpair: an eigenpair (residual, agreement with
   LAPACK's eigenvalue), on random symmetric matrices, a repeated smallest
   eigenvalue, a diagonal and a 1 x 1 matrix; refused input */
static void
check_portable(const double * A, slong N)
{
    double lam, lamL, * u = malloc(sizeof(double) * N), * uL = malloc(sizeof(double) * N);
    double anorm = 0, res = 0, nrm = 0;
    slong i, j;

    for (i = 0; i < N * N; i++)
        anorm = fmax(anorm, fabs(A[i]));
    ck_assert(rc_d_sym_eig_min_portable(&lam, u, A, N) == 0);
    ck_assert(rc_d_sym_eig_min(&lamL, uL, A, N) == 0);
    ck_assert_msg(fabs(lam - lamL) <= 1e-12 * (anorm * N + 1), "N = %ld: %.17g vs LAPACK %.17g",
                  (long) N, lam, lamL);
    for (i = 0; i < N; i++)
    {
        double t = 0;
        for (j = 0; j < N; j++)
            t += A[i * N + j] * u[j];
        res = fmax(res, fabs(t - lam * u[i]));
        nrm += u[i] * u[i];
    }
    ck_assert_msg(res <= 1e-10 * (anorm * N + 1), "N = %ld: residual %g", (long) N, res);
    ck_assert(fabs(nrm - 1) <= 1e-12);
    free(u);
    free(uL);
}

START_TEST(test_eig_min_portable)
{
    rc_rand_t R;
    slong N, i, j, t;
    double A[40 * 40], x;

    rc_rand_init(R, 7, 0);
    for (t = 0; t < 30; t++)
    {
        N = 1 + t % 40;
        for (i = 0; i < N; i++)
            for (j = 0; j <= i; j++)
                A[i * N + j] = A[j * N + i] = rc_rand_gauss(R);
        check_portable(A, N);
    }
    /* a repeated smallest eigenvalue: -(I_12 - J/12) has -1 eleven times
       (and 0 once); a diagonal matrix with ties; 1 x 1 */
    N = 12;
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            A[i * N + j] = -((i == j) - 1.0 / 12);
    check_portable(A, N);
    for (i = 0; i < N * N; i++)
        A[i] = 0;
    for (i = 0; i < N; i++)
        A[i * N + i] = 5 - i % 4;
    check_portable(A, N);
    A[0] = 2.5;
    check_portable(A, 1);
    /* refused: N = 0, a NaN */
    ck_assert(rc_d_sym_eig_min_portable(&x, A, A, 0) != 0);
    A[3] = NAN;
    ck_assert(rc_d_sym_eig_min_portable(&x, A + 20, A, 4) != 0);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("spectrum");
    TCase * tc = tcase_create("spectrum");
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, test_identity_spectrum, 3, 9);
    tcase_add_test(tc, test_rectangular_spectrum);
    tcase_add_test(tc, test_must_not_prove);
    tcase_add_test(tc, test_spd_radius_norm);
    tcase_add_test(tc, test_eig_min_ball);
    tcase_add_test(tc, test_gershgorin);
    tcase_add_test(tc, test_argmin_tie_low);
    tcase_add_test(tc, test_eig_min_portable);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
