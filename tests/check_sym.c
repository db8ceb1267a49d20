/* The symmetry reduction (proofs/model.md section 6): the type table, and every
   reduced quantity against the dense path on the same point (containment:
   both are enclosures of one exact value, so they must overlap), the
   reduced spectrum against the dense one as multisets. */
#include <string.h>
#include <stdlib.h>
#include <lapacke.h>
#include "testutil.h"

/* the dataset record's exact point, its group (detected) and theta */
static void
record_point(rc_point_t pt, rc_sym_t s, fmpq ** theta, slong k, slong index)
{
    rc_error_t err;
    slong bi, br, m;

    rc_point_init(pt);
    ck_assert_msg(rc_point_read_dataset(pt, RC_DATASET, k, index, err) == 0, "%s", err->msg);
    m = rc_sym_detect(s, pt->W, NULL);
    ck_assert(m >= 1 && m <= RC_SYM_MAX_BLOCKS);
    *theta = _fmpq_vec_init(s->q);
    ck_assert(rc_sym_theta_from_mat(*theta, &bi, &br, s, pt->W));
}

/* a random point of Fix(G) for blocks p: diagonal near 1, the rest small */
static void
random_point(rc_point_t pt, rc_sym_t s, fmpq ** theta, const slong * p, slong m,
             flint_rand_t st)
{
    rc_error_t err;
    slong o, k = 0, b;

    for (b = 0; b < m; b++)
        k += p[b];
    ck_assert(rc_sym_set_sizes(s, p, m, err) == 0);
    rc_point_init(pt);
    rc_point_set_identity_teacher(pt, k, k);
    *theta = _fmpq_vec_init(s->q);
    for (o = 0; o < s->q; o++)
    {
        fmpq_set_si(*theta + o, (slong) n_randint(st, 2001) - 1000, 4000);
        if (s->okind[o] == RC_SYM_ORBIT_DIAG)
            fmpq_add_si(*theta + o, *theta + o, 1);
    }
    rc_sym_mat_from_theta(pt->W, s, *theta);
}

static void
theta_balls(arb_ptr t, const fmpq * theta, slong q, slong prec)
{
    slong o;
    for (o = 0; o < q; o++)
        arb_set_fmpq(t + o, theta + o, prec);
}

static int
overlap(const arb_t a, const arb_t b)
{
    return arb_overlaps(a, b);
}

/* p = (6, 1, 13): 11 + 7 x 5 + 10 + 9 + 7 x 12 + 66 + 65 + 2 x 60 = 400 */
START_TEST(test_table_6_1_13)
{
    slong p[3] = {6, 1, 13}, nt, j;
    rc_sym_t s;
    rc_sym_type_struct * T;
    rc_error_t err;

    rc_sym_init(s);
    ck_assert(rc_sym_set_sizes(s, p, 3, err) == 0);
    ck_assert_int_eq(s->q, 11);
    rc_sym_types(&T, &nt, s);
    ck_assert_int_eq(rc_sym_types_dimension(T, nt), 400);
    ck_assert_int_eq(nt, 8);
    ck_assert_int_eq(T[0].ncopies, 11);
    for (j = 0; j < nt; j++)
    {
        fmpz_mat_t G;
        fmpz_t det;
        fmpz_mat_init(G, T[j].ncopies, T[j].ncopies);
        fmpz_init(det);
        rc_sym_type_gamma(G, s, T + j);
        fmpz_mat_det(det, G);
        ck_assert_msg(!fmpz_is_zero(det), "type %ld: Gamma singular", (long) j);
        fmpz_mat_clear(G);
        fmpz_clear(det);
    }
    flint_free(T);
    rc_sym_clear(s);
}
END_TEST

/* every block size pattern with small blocks: complete table, nonsingular
   Gammas (blocks of size 1, 2, 3 where types vanish or coincide) */
START_TEST(test_table_small_blocks)
{
    static const slong P[][4] = {{1,0,0,0}, {2,0,0,0}, {3,0,0,0}, {4,0,0,0}, {5,0,0,0},
                                 {1,1,0,0}, {2,1,0,0}, {2,2,0,0}, {3,3,0,0}, {1,1,1,0},
                                 {2,3,1,4}, {1,1,5,0}, {4,1,0,0}, {3,2,2,0}, {1,2,1,2}};
    slong m = 0, k = 0, nt, j;
    const slong * p = P[_i];
    rc_sym_t s;
    rc_sym_type_struct * T;
    rc_error_t err;

    while (m < 4 && p[m] > 0)
        k += p[m++];
    rc_sym_init(s);
    ck_assert(rc_sym_set_sizes(s, p, m, err) == 0);
    rc_sym_types(&T, &nt, s);
    ck_assert_int_eq(rc_sym_types_dimension(T, nt), k * k);
    for (j = 0; j < nt; j++)
    {
        fmpz_mat_t G;
        fmpz_t det;
        fmpz_mat_init(G, T[j].ncopies, T[j].ncopies);
        fmpz_init(det);
        rc_sym_type_gamma(G, s, T + j);
        fmpz_mat_det(det, G);
        ck_assert(!fmpz_is_zero(det));
        fmpz_mat_clear(G);
        fmpz_clear(det);
    }
    flint_free(T);
    rc_sym_clear(s);
}
END_TEST

/* detection: the dataset's p comes back from the exact point; a point with
   one entry changed loses the symmetry of its block */
START_TEST(test_detect)
{
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;
    slong bi, br;

    rc_sym_init(s);
    record_point(pt, s, &theta, 20, 6);
    ck_assert_int_eq(s->m, 3);
    ck_assert(s->p[0] == 6 && s->p[1] == 1 && s->p[2] == 13);
    ck_assert(rc_sym_is_contiguous(s));
    _fmpq_vec_clear(theta, s->q);
    /* one entry off the orbit value by 2^-60 */
    fmpq_set_si(fmpq_mat_entry(pt->W, 8, 9), 1, 1);
    fmpq_div_2exp(fmpq_mat_entry(pt->W, 8, 9), fmpq_mat_entry(pt->W, 8, 9), 60);
    fmpq_add(fmpq_mat_entry(pt->W, 8, 9), fmpq_mat_entry(pt->W, 8, 9),
             fmpq_mat_entry(pt->W, 9, 8));
    theta = _fmpq_vec_init(s->q);
    ck_assert(!rc_sym_theta_from_mat(theta, &bi, &br, s, pt->W));
    _fmpq_vec_clear(theta, s->q);
    ck_assert(rc_sym_detect(s, pt->W, NULL) > 3);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST

/* F, grad phi = E^T grad F and every beta = U^T H U against the dense
   enclosures at the same exact point */
static void
compare_dense(rc_point_t pt, rc_sym_t s, const fmpq * theta, slong prec)
{
    slong k = s->k, q = s->q, nt, j, a, b, i, r, o;
    arb_mat_t W, V, G, H;
    arb_ptr th = _arb_vec_init(q), g = _arb_vec_init(q);
    arb_t x, y;
    rc_sym_type_struct * T;

    arb_mat_init(W, k, k); arb_mat_init(V, k, k);
    arb_mat_init(G, k, k); arb_mat_init(H, k * k, k * k);
    arb_init(x); arb_init(y);
    rc_point_get_arb(W, V, pt, NULL, prec);
    theta_balls(th, theta, q, prec);

    rc_loss(x, W, V, prec);
    rc_sym_loss(y, s, th, prec);
    ck_assert_msg(overlap(x, y), "loss");
    ck_assert(mag_cmp_2exp_si(arb_radref(y), 40 - prec) < 0);

    ck_assert(rc_gradient(G, W, V, prec));
    ck_assert(rc_sym_gradient(g, s, th, prec));
    for (o = 0; o < q; o++)
    {
        arb_zero(x);
        for (i = 0; i < k; i++)
            for (r = 0; r < k; r++)
                if (rc_sym_orbit(s, i, r) == o)
                    arb_add(x, x, arb_mat_entry(G, i, r), prec);
        ck_assert_msg(overlap(x, g + o), "gradient %ld", (long) o);
    }

    ck_assert(rc_hessian(H, W, V, prec));
    rc_sym_types(&T, &nt, s);
    for (j = 0; j < nt; j++)
    {
        slong n = T[j].ncopies, N = k * k;
        arb_mat_t beta, U, HU, D;
        arb_mat_init(beta, n, n); arb_mat_init(U, N, n);
        arb_mat_init(HU, N, n); arb_mat_init(D, n, n);
        ck_assert(rc_sym_type_beta(beta, s, T + j, th, prec));
        for (a = 0; a < n; a++)
            for (i = 0; i < k; i++)
                for (r = 0; r < k; r++)
                    arb_set_si(arb_mat_entry(U, i * k + r, a),
                               rc_sym_type_copy_value(s, T + j, a, i, r));
        arb_mat_mul(HU, H, U, prec);
        {
            arb_mat_t Ut;
            arb_mat_init(Ut, n, N);
            arb_mat_transpose(Ut, U);
            arb_mat_mul(D, Ut, HU, prec);
            arb_mat_clear(Ut);
        }
        for (a = 0; a < n; a++)
            for (b = 0; b < n; b++)
                ck_assert_msg(overlap(arb_mat_entry(D, a, b), arb_mat_entry(beta, a, b)),
                              "type %ld, beta[%ld][%ld]", (long) j, (long) a, (long) b);
        arb_mat_clear(beta); arb_mat_clear(U); arb_mat_clear(HU); arb_mat_clear(D);
    }
    flint_free(T);
    _arb_vec_clear(th, q); _arb_vec_clear(g, q);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(G); arb_mat_clear(H);
    arb_clear(x); arb_clear(y);
}

START_TEST(test_dense_records)
{
    static const slong R[][2] = {{7, 1}, {10, 1}, {12, 2}, {12, 3}, {9, 0}};
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;

    rc_sym_init(s);
    record_point(pt, s, &theta, R[_i][0], R[_i][1]);
    compare_dense(pt, s, theta, 128);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST

START_TEST(test_dense_random)
{
    static const slong P[][4] = {{2,3,1,4}, {2,2,0,0}, {3,3,0,0}, {1,1,5,0}, {4,1,0,0},
                                 {2,1,0,0}, {3,0,0,0}, {1,2,1,2}};
    const slong * p = P[_i];
    slong m = 0;
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;
    flint_rand_t st;

    flint_randinit(st);
    while (m < 4 && p[m] > 0)
        m++;
    rc_sym_init(s);
    random_point(pt, s, &theta, p, m, st);
    compare_dense(pt, s, theta, 96);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
    flint_randclear(st);
}
END_TEST

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

/* the reduced spectrum (generalised eigenvalues of (beta, Gamma), each
   dim times) equals the dense one as a multiset */
static void
compare_spectrum(rc_point_t pt, rc_sym_t s, const fmpq * theta, double tol)
{
    slong k = s->k, N = k * k, nt, j, a, b, c = 0, prec = 128;
    arb_mat_t W, V, H;
    arb_ptr th = _arb_vec_init(s->q);
    double * Hd = flint_malloc(sizeof(double) * N * N), * ev = flint_malloc(sizeof(double) * N);
    double * red = flint_malloc(sizeof(double) * N);
    rc_sym_type_struct * T;

    arb_mat_init(W, k, k); arb_mat_init(V, k, k); arb_mat_init(H, N, N);
    rc_point_get_arb(W, V, pt, NULL, prec);
    ck_assert(rc_hessian(H, W, V, prec));
    rc_mat_get_d(Hd, H);
    ck_assert(LAPACKE_dsyev(LAPACK_ROW_MAJOR, 'N', 'U', N, Hd, N, ev) == 0);
    theta_balls(th, theta, s->q, prec);
    rc_sym_types(&T, &nt, s);
    for (j = 0; j < nt; j++)
    {
        slong n = T[j].ncopies, d;
        arb_mat_t beta;
        fmpz_mat_t G;
        double * Bd = flint_malloc(sizeof(double) * n * n), * Gd = flint_malloc(sizeof(double) * n * n);
        double * w = flint_malloc(sizeof(double) * n);
        arb_mat_init(beta, n, n);
        fmpz_mat_init(G, n, n);
        ck_assert(rc_sym_type_beta(beta, s, T + j, th, prec));
        rc_sym_type_gamma(G, s, T + j);
        rc_mat_get_d(Bd, beta);
        for (a = 0; a < n; a++)
            for (b = 0; b < n; b++)
                Gd[a * n + b] = fmpz_get_d(fmpz_mat_entry(G, a, b));
        ck_assert(LAPACKE_dsygv(LAPACK_ROW_MAJOR, 1, 'N', 'U', n, Bd, n, Gd, n, w) == 0);
        for (a = 0; a < n; a++)
            for (d = 0; d < T[j].dim; d++)
                red[c++] = w[a];
        arb_mat_clear(beta); fmpz_mat_clear(G);
        flint_free(Bd); flint_free(Gd); flint_free(w);
    }
    ck_assert_int_eq(c, N);
    qsort(red, N, sizeof(double), cmp_double);
    for (a = 0; a < N; a++)
        ck_assert_msg(fabs(red[a] - ev[a]) <= tol, "eigenvalue %ld: reduced %.17g, dense %.17g",
                      (long) a, red[a], ev[a]);
    flint_free(T);
    _arb_vec_clear(th, s->q);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(H);
    flint_free(Hd); flint_free(ev); flint_free(red);
}

/* W = I_k, k = 3..8: one block, diag 1, off 0 */
START_TEST(test_spectrum_identity)
{
    slong k = 3 + _i, p[1];
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;
    rc_error_t err;

    p[0] = k;
    rc_sym_init(s);
    ck_assert(rc_sym_set_sizes(s, p, 1, err) == 0);
    rc_point_init(pt);
    rc_point_set_identity_teacher(pt, k, k);
    theta = _fmpq_vec_init(s->q);
    fmpq_one(theta + s->diag[0]);
    rc_sym_mat_from_theta(pt->W, s, theta);
    compare_spectrum(pt, s, theta, 1e-12);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST

START_TEST(test_spectrum_records)
{
    static const slong R[][2] = {{7, 1}, {12, 2}, {12, 3}, {11, 1}};
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;

    rc_sym_init(s);
    record_point(pt, s, &theta, R[_i][0], R[_i][1]);
    compare_spectrum(pt, s, theta, 1e-12);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST

/* rc_sym_hessian_eig_min (what eval uses at a symmetric point) against the
   smallest eigenvalue of the dense ball Hessian: the enclosures intersect,
   and the Morse index is the dense negative count (records: minima, 0; the
   saddle of tests/data: 3) */
START_TEST(test_eig_min_vs_dense)
{
    static const slong R[][2] = {{7, 1}, {9, 1}, {10, 2}};
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;
    arb_ptr t;
    arb_mat_t W, V, H;
    arb_t lam, dense;
    slong j, morse;

    rc_sym_init(s);
    record_point(pt, s, &theta, R[_i][0], R[_i][1]);
    t = _arb_vec_init(s->q);
    for (j = 0; j < s->q; j++)
        arb_set_fmpq(t + j, theta + j, 128);
    arb_init(lam); arb_init(dense);
    ck_assert(rc_sym_hessian_eig_min(lam, &morse, s, t, 128));
    ck_assert_int_eq(morse, 0);
    arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
    arb_mat_init(H, pt->n * pt->d, pt->n * pt->d);
    rc_point_get_arb(W, V, pt, NULL, 128);
    rc_hessian(H, W, V, 128);
    rc_mat_eig_min(dense, NULL, H, 128);
    ck_assert_msg(arb_overlaps(lam, dense), "k = %ld: reduced and dense lambda_min disagree",
                  (long) pt->k);
    ck_assert(arb_is_positive(lam));
    ck_assert(arb_rel_accuracy_bits(lam) > 60);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(H);
    arb_clear(lam); arb_clear(dense);
    _arb_vec_clear(t, s->q);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST

START_TEST(test_spectrum_random)
{
    static const slong P[][4] = {{2,3,1,4}, {2,2,0,0}, {3,3,0,0}, {1,1,5,0}, {4,1,0,0},
                                 {2,1,0,0}};
    const slong * p = P[_i];
    slong m = 0;
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;
    flint_rand_t st;

    flint_randinit(st);
    while (m < 4 && p[m] > 0)
        m++;
    rc_sym_init(s);
    random_point(pt, s, &theta, p, m, st);
    compare_spectrum(pt, s, theta, 1e-12);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
    flint_randclear(st);
}
END_TEST

/* H'_ii forms and the split point's curvature against the dense ones */
START_TEST(test_split_dense)
{
    static const slong R[][2] = {{7, 1}, {12, 3}};
    rc_point_t pt;
    rc_sym_t s;
    fmpq * theta;
    slong k, b, prec = 128, a, c, r;

    rc_sym_init(s);
    record_point(pt, s, &theta, R[_i][0], R[_i][1]);
    k = s->k;
    for (b = 0; b < s->m; b++)
    {
        rc_sym_dvec_struct z[RC_SYM_MAX_BLOCKS + 2];
        slong nz = rc_sym_dvec_basis(z, s, b), i = s->members[s->start[b]], cc;
        arb_mat_t W, V, Hp, A, Z, ZH, D;
        arb_ptr th, y, u;
        arb_t one, alpha, q1, q2, x;

        for (cc = 0; cc < s->m; cc++)
            if (rc_sym_dvec_diff_exists(s, b, cc))
            {
                z[nz].kind = RC_SYM_DVEC_DIFF;
                z[nz++].c = cc;
                break;
            }
        th = _arb_vec_init(s->q); y = _arb_vec_init(nz); u = _arb_vec_init(k);
        arb_mat_init(W, k, k); arb_mat_init(V, k, k); arb_mat_init(Hp, k, k);
        arb_mat_init(A, nz, nz); arb_mat_init(Z, k, nz); arb_mat_init(ZH, k, nz);
        arb_mat_init(D, nz, nz);
        arb_init(one); arb_init(alpha); arb_init(q1); arb_init(q2); arb_init(x);
        arb_one(one);
        rc_point_get_arb(W, V, pt, NULL, prec);
        theta_balls(th, theta, s->q, prec);
        ck_assert(rc_hessian_prime_block(Hp, W, V, i, prec));
        ck_assert(rc_sym_hprime_form(A, s, b, one, z, nz, th, prec));
        for (a = 0; a < nz; a++)
            for (r = 0; r < k; r++)
                arb_set_si(arb_mat_entry(Z, r, a), rc_sym_dvec_value(s, z + a, i, r));
        arb_mat_mul(ZH, Hp, Z, prec);
        for (a = 0; a < nz; a++)
            for (c = 0; c < nz; c++)
            {
                arb_zero(x);
                for (r = 0; r < k; r++)
                    arb_addmul(x, arb_mat_entry(Z, r, a), arb_mat_entry(ZH, r, c), prec);
                ck_assert_msg(overlap(x, arb_mat_entry(A, a, c)), "H' form block %ld [%ld][%ld]",
                              (long) b, (long) a, (long) c);
            }
        /* the split point at alpha = 1/3 along u = sum (a + 1) z_a / 7 */
        for (a = 0; a < nz; a++)
            arb_set_si(y + a, a + 1);
        for (r = 0; r < k; r++)
        {
            arb_zero(u + r);
            for (a = 0; a < nz; a++)
                arb_addmul(u + r, y + a, arb_mat_entry(Z, r, a), prec);
        }
        arb_set_si(alpha, 1);
        arb_div_si(alpha, alpha, 3, prec);
        ck_assert(rc_sym_split_point_curvature(q1, s, b, alpha, z, y, nz, th, prec));
        ck_assert(rc_split_point_curvature(q2, W, V, i, alpha, u, prec) != RC_REFUTED);
        ck_assert_msg(overlap(q1, q2), "split point block %ld", (long) b);
        ck_assert(arb_rel_accuracy_bits(q1) > 60);
        /* lam_i */
        ck_assert(rc_sym_split_lam(q1, s, th, b, prec));
        rc_split_lam(q2, W, V, i, prec);
        ck_assert(overlap(q1, q2));
        arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(Hp); arb_mat_clear(A);
        arb_mat_clear(Z); arb_mat_clear(ZH); arb_mat_clear(D);
        _arb_vec_clear(th, s->q); _arb_vec_clear(y, nz); _arb_vec_clear(u, k);
        arb_clear(one); arb_clear(alpha); arb_clear(q1); arb_clear(q2); arb_clear(x);
    }
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST


/* ---- certificates ---- */

static void
find_theta(rc_symcert_t c, const rc_sym_t s, const fmpq * theta, slong prec)
{
    arb_ptr t0 = _arb_vec_init(s->q);
    rc_error_t err;
    fmpq_t half;

    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    theta_balls(t0, theta, s->q, prec);
    ck_assert_msg(rc_symcert_find(c, s, t0, half, prec, err) == 0, "%s", err->msg);
    _arb_vec_clear(t0, s->q);
    fmpq_clear(half);
}

/* a symmetric saddle from a pattern the dataset does not list at k = 6:
   p = (2, 4), found by the reduced Newton; its exact Morse index is 3, and
   the dense Hessian at the centre has exactly 3 negative eigenvalues */
START_TEST(test_cert_saddle)
{
    static const char * th[6] = {"1.0548", "-0.0012", "0.0126", "-0.4781", "0.4832", "-0.0130"};
    slong p[2] = {2, 4}, o;
    rc_sym_t s;
    rc_symcert_t c;
    rc_error_t err;
    fmpq * theta;

    rc_sym_init(s);
    ck_assert(rc_sym_set_sizes(s, p, 2, err) == 0);
    theta = _fmpq_vec_init(s->q);
    for (o = 0; o < 6; o++)
        ck_assert(rc_number_parse_fmpq(theta + o, th[o], err) == 0);
    rc_symcert_init(c);
    find_theta(c, s, theta, 128);
    ck_assert_int_eq(c->critical, RC_PROVED);
    ck_assert_int_eq(c->positive_definite, RC_REFUTED);
    ck_assert_int_eq(c->strict_min, RC_REFUTED);
    ck_assert_int_eq(c->morse_index, 3);
    ck_assert(arb_is_negative(c->lam_min));
    ck_assert(!rc_symcert_success(c));
    ck_assert_int_eq(tu_sym_dense_negatives(NULL, c, 128), 3);
    rc_symcert_clear(c);
    _fmpq_vec_clear(theta, s->q);
    rc_sym_clear(s);
}
END_TEST

/* every dataset record with k <= 20: certified on the reduced path, and
   the dense Hessian at the centre puts lambda_min in the reduced enclosure
   [lo, hi] widened by delta = 2^-30: H - (lo - delta) I is certified
   positive definite (so the dense inertia is 0 negative eigenvalues, as the
   reduced Morse index says) and a vector's Rayleigh quotient is below
   hi + delta */
START_TEST(test_cert_records_vs_dense)
{
    FILE * f = fopen(RC_DATASET, "r");
    char * line = NULL;
    size_t cap = 0;
    slong lineno = 0, done = 0, prec = 128;

    ck_assert(f != NULL);
    while (getline(&line, &cap, f) > 0)
    {
        rc_point_t pt;
        rc_sym_t s;
        rc_symcert_t c;
        rc_error_t err;
        fmpq * theta;
        slong bi, br, k, N;
        fmpq_mat_t Wq;
        arb_mat_t W, V, H;
        arb_t lo, r;
        arb_ptr u;
        double * Hd, * ud, l;

        lineno++;
        rc_point_init(pt);
        ck_assert(rc_point_set_dataset_record(pt, line, "data", lineno, err) == 0);
        if (pt->k > 20 || lineno % 2 != _i)
        {
            rc_point_clear(pt);
            continue;
        }
        rc_sym_init(s);
        ck_assert(rc_sym_detect(s, pt->W, NULL) <= RC_SYM_MAX_BLOCKS);
        theta = _fmpq_vec_init(s->q);
        ck_assert(rc_sym_theta_from_mat(theta, &bi, &br, s, pt->W));
        rc_symcert_init(c);
        find_theta(c, s, theta, prec);
        ck_assert_msg(rc_symcert_success(c), "line %ld not certified", (long) lineno);
        ck_assert_int_eq(c->morse_index, 0);

        k = s->k;
        N = k * k;
        fmpq_mat_init(Wq, k, k);
        arb_mat_init(W, k, k); arb_mat_init(V, k, k); arb_mat_init(H, N, N);
        arb_init(lo); arb_init(r);
        u = _arb_vec_init(N);
        Hd = flint_malloc(sizeof(double) * N * N);
        ud = flint_malloc(sizeof(double) * N);
        rc_sym_mat_from_theta(Wq, s, c->centre);
        arb_mat_set_fmpq_mat(W, Wq, prec);
        arb_mat_one(V);
        ck_assert(rc_hessian(H, W, V, prec));
        arb_get_lbound_arf(arb_midref(lo), c->lam_min, prec);
        mag_zero(arb_radref(lo));
        arb_set_d(r, ldexp(1, -30));
        arb_sub(lo, lo, r, prec);
        ck_assert_msg(rc_mat_spd_certify(H, lo, prec), "line %ld: dense lambda_min below the "
                      "reduced enclosure", (long) lineno);
        rc_mat_get_d(Hd, H);
        ck_assert(rc_d_sym_eig_min(&l, ud, Hd, N) == 0);
        for (bi = 0; bi < N; bi++)
            arb_set_d(u + bi, ud[bi]);
        rc_mat_rayleigh(r, H, u, prec);
        arb_get_ubound_arf(arb_midref(lo), c->lam_min, prec);
        mag_zero(arb_radref(lo));
        arb_set_d(u, ldexp(1, -30));
        arb_add(lo, lo, u, prec);                   /* hi + delta */
        ck_assert_msg(arb_lt(r, lo), "line %ld: dense lambda_min above the reduced enclosure",
                      (long) lineno);
        fmpq_mat_clear(Wq);
        arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(H);
        arb_clear(lo); arb_clear(r);
        _arb_vec_clear(u, N);
        flint_free(Hd); flint_free(ud);
        rc_symcert_clear(c);
        _fmpq_vec_clear(theta, s->q);
        rc_sym_clear(s);
        rc_point_clear(pt);
        done++;
    }
    free(line);
    fclose(f);
    ck_assert_int_eq(done, 52);
}
END_TEST

/* W = I_k: proved global (non_global refuted), lambda_min encloses
   1/4 - 1/(2 pi), the split is not proved (H'_ii = 0) */
START_TEST(test_cert_global)
{
    slong k = 3 + _i, p[1];
    rc_sym_t s;
    rc_symcert_t c;
    rc_error_t err;
    fmpq * theta;
    arb_t x;

    p[0] = k;
    rc_sym_init(s);
    ck_assert(rc_sym_set_sizes(s, p, 1, err) == 0);
    theta = _fmpq_vec_init(s->q);
    fmpq_one(theta + s->diag[0]);
    rc_symcert_init(c);
    find_theta(c, s, theta, 128);
    ck_assert_int_eq(c->critical, RC_PROVED);
    ck_assert_int_eq(c->strict_min, RC_PROVED);
    ck_assert_int_eq(c->non_global, RC_REFUTED);
    ck_assert_int_ne(c->saddle, RC_PROVED);
    ck_assert(rc_symcert_success(c));
    arb_init(x);
    arb_const_pi(x, 128);
    arb_inv(x, x, 128);
    arb_mul_2exp_si(x, x, -1);
    arb_neg(x, x);
    arb_add_ui(x, x, 1, 128);
    arb_sub_ui(x, x, 1, 128);
    {
        arb_t q;
        arb_init(q);
        arb_set_d(q, 0.25);
        arb_add(x, x, q, 128);
        arb_clear(q);
    }
    ck_assert(arb_overlaps(x, c->lam_min));
    arb_clear(x);
    rc_symcert_clear(c);
    _fmpq_vec_clear(theta, s->q);
    rc_sym_clear(s);
}
END_TEST

/* too little precision: nothing wrong is claimed, success is not */
START_TEST(test_cert_low_precision)
{
    rc_point_t pt;
    rc_sym_t s;
    rc_symcert_t c;
    fmpq * theta;
    slong prec = 8 + 8 * _i;

    rc_sym_init(s);
    record_point(pt, s, &theta, 12, 2);
    rc_symcert_init(c);
    find_theta(c, s, theta, prec);
    ck_assert(!rc_symcert_success(c));
    ck_assert_int_ne(c->positive_definite, RC_REFUTED);
    ck_assert_int_ne(c->critical, RC_REFUTED);
    rc_symcert_clear(c);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST

/* a box of Fix(G) holding a zero neuron: no derivative claim at all */
START_TEST(test_cert_zero_neuron)
{
    slong p[2] = {1, 2}, o;
    rc_sym_t s;
    rc_symcert_t c;
    rc_error_t err;

    rc_sym_init(s);
    ck_assert(rc_sym_set_sizes(s, p, 2, err) == 0);
    rc_symcert_init(c);
    rc_symcert_set_sym(c, s);
    c->prec = 128;
    c->radius_log2 = -20;
    for (o = 0; o < s->q; o++)
        fmpq_set_si(c->centre + o, (s->okind[o] == RC_SYM_ORBIT_DIAG && s->ob[o] == 1), 1);
    /* neuron 0 = (diag 0, cross 0 1, cross 0 1) = 0 up to 2^-20 */
    for (o = 0; o < s->q; o++)
        if (s->ob[o] == 0)
            fmpq_zero(c->centre + o);
    c->have_lam_lower = 1;
    fmpq_set_si(c->lam_lower, 1, 1000);
    ck_assert(rc_symcert_verify(c, err) == 0);
    ck_assert_int_eq(c->critical, RC_UNDECIDED);
    ck_assert_int_eq(c->positive_definite, RC_UNDECIDED);
    ck_assert_int_eq(c->saddle, RC_UNDECIDED);
    ck_assert(!rc_symcert_success(c));
    rc_symcert_clear(c);
    rc_sym_clear(s);
}
END_TEST

/* the checker against tampered certificates of the k = 7 record */
static const char * tampers[][3] = {
    /* path in the JSON, new value (JSON), what must happen: "reject" */
    {"claims.positive_definite.types", "drop-last", "reject"},
    {"claims.positive_definite.types.1.copies", "6", "reject"},
    {"claims.positive_definite.types.1.dim", "4", "reject"},
    {"claims.positive_definite.types.0.negative", "1", "reject"},
    {"claims.positive_definite.morse_index", "2", "reject"},
    {"claims.positive_definite.dimension_count", "48", "reject"},
    {"symmetry.blocks", "[2, 5]", "reject"},
    {"symmetry.blocks", "[1, 5, 1]", "reject"},
    {"symmetry.orbits.0", "\"diag 1\"", "reject"},
    {"box.theta.0", "\"-0.6\"", "reject"},
    {"box.radius_log2", "-2", "reject"},
    {"witnesses.lambda_lower", "\"0.0141\"", "reject"},
    {"witnesses.split_directions.1.invariant.0", "\"1\"", "reject"},
    {"witnesses.cross_check.block", "0", "reject"},
    {"claims.non_global.loss", "{\"lo\": \"0.0232028\", \"hi\": \"0.0232029\"}", "reject"},
    {"teacher", "[[\"1\"]]", "reject"},
    {"n", "8", "reject"},
};

static json_t *
walk(json_t * root, const char * path, const char ** last)
{
    char buf[256], * tok, * save;
    json_t * o = root;
    strcpy(buf, path);
    tok = strtok_r(buf, ".", &save);
    while (tok != NULL)
    {
        char * next = strtok_r(NULL, ".", &save);
        if (next == NULL)
        {
            *last = path + (tok - buf);
            return o;
        }
        o = json_is_array(o) ? json_array_get(o, atol(tok)) : json_object_get(o, tok);
        tok = next;
    }
    return NULL;
}

START_TEST(test_cert_tampered)
{
    rc_point_t pt;
    rc_sym_t s;
    rc_symcert_t c;
    fmpq * theta;
    json_t * root, * parent, * v;
    rc_error_t why;
    const char * last;
    json_error_t je;

    rc_sym_init(s);
    record_point(pt, s, &theta, 7, 1);
    rc_symcert_init(c);
    find_theta(c, s, theta, 256);
    ck_assert(rc_symcert_success(c));
    root = rc_symcert_to_json(c, "test");
    ck_assert_msg(rc_cert_check(why, root) == 0, "%s", why->msg);
    parent = walk(root, tampers[_i][0], &last);
    ck_assert(parent != NULL);
    if (strcmp(tampers[_i][1], "drop-last") == 0)
    {
        json_t * arr = json_object_get(parent, last);
        json_array_remove(arr, json_array_size(arr) - 1);
    }
    else
    {
        v = json_loads(tampers[_i][1], JSON_DECODE_ANY, &je);
        ck_assert(v != NULL);
        if (json_is_array(parent))
            json_array_set_new(parent, atol(last), v);
        else
            json_object_set_new(parent, last, v);
    }
    ck_assert_msg(rc_cert_check(why, root) != 0, "tamper %s accepted", tampers[_i][0]);
    json_decref(root);
    rc_symcert_clear(c);
    _fmpq_vec_clear(theta, s->q);
    rc_point_clear(pt);
    rc_sym_clear(s);
}
END_TEST

Suite *
sym_suite(void)
{
    Suite * s = suite_create("sym");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_table_6_1_13);
    tcase_add_loop_test(tc, test_table_small_blocks, 0, 15);
    tcase_add_test(tc, test_detect);
    tcase_add_loop_test(tc, test_dense_records, 0, 5);
    tcase_add_loop_test(tc, test_dense_random, 0, 8);
    tcase_add_loop_test(tc, test_spectrum_identity, 0, 6);
    tcase_add_loop_test(tc, test_spectrum_records, 0, 4);
    tcase_add_loop_test(tc, test_eig_min_vs_dense, 0, 3);
    tcase_add_loop_test(tc, test_spectrum_random, 0, 6);
    tcase_add_loop_test(tc, test_split_dense, 0, 2);
    tcase_add_test(tc, test_cert_saddle);
    tcase_add_loop_test(tc, test_cert_global, 0, 4);
    tcase_add_loop_test(tc, test_cert_low_precision, 0, 3);
    tcase_add_test(tc, test_cert_zero_neuron);
    tcase_add_loop_test(tc, test_cert_tampered, 0, (int) (sizeof tampers / sizeof tampers[0]));
    suite_add_tcase(s, tc);
    /* the slow one: dense Hessians of every record with k <= 20 */
    tc = tcase_create("dense");
    tcase_set_timeout(tc, 1200);
    tcase_add_loop_test(tc, test_cert_records_vs_dense, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(sym_suite());
}
