/* The symmetry reduction with extra neurons (proofs/model.md M6.8, lemma
   L13(e)): n = k + s students, the first k permuted with the coordinates
   by G = S_{B_1} x ... x S_{B_m}, the s extra ones fixed by G. Every
   reduced quantity is compared with the dense path (src/model) on the same
   exact point of Fix(G): the reduced enclosure must overlap the dense one
   and contain the midpoint of a dense enclosure computed at twice the
   precision (both enclose one exact value); counts must be equal. */
#include <stdlib.h>
#include <string.h>
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

/* sum c dim = n k and every Gamma nonsingular, for every pattern with
   m <= 3 blocks of sizes 1..5 and s = 0..RC_SYM_MAX_EXTRA (M6.8(d), (e)) */
START_TEST(test_extra_dimension)
{
    slong p[3], m, s, b, j, nt, count = 0;
    rc_error_t err;

    for (m = 1; m <= 3; m++)
    {
        slong code, ncode = 1;
        for (b = 0; b < m; b++)
            ncode *= 5;
        for (code = 0; code < ncode; code++)
        {
            slong c = code;
            for (b = 0; b < m; b++, c /= 5)
                p[b] = 1 + c % 5;
            for (s = 0; s <= RC_SYM_MAX_EXTRA; s++)
            {
                rc_sym_t sy;
                rc_sym_type_struct * T;

                rc_sym_init(sy);
                ck_assert(rc_sym_set_sizes(sy, p, m, err) == 0);
                ck_assert(rc_sym_set_extra(sy, s, err) == 0);
                rc_sym_types(&T, &nt, sy);
                ck_assert_msg(rc_sym_types_dimension(T, nt) == sy->n * sy->k,
                              "m = %ld, s = %ld", (long) m, (long) s);
                ck_assert_int_eq(sy->q, m + (m * (m - 1))
                                 + (p[0] >= 2) + (m > 1 && p[1] >= 2) + (m > 2 && p[2] >= 2)
                                 + s * m);
                for (j = 0; j < nt; j++)
                {
                    fmpz_mat_t G;
                    fmpz_t det;
                    fmpz_mat_init(G, T[j].ncopies, T[j].ncopies);
                    fmpz_init(det);
                    rc_sym_type_gamma(G, sy, T + j);
                    fmpz_mat_det(det, G);
                    ck_assert(!fmpz_is_zero(det));
                    fmpz_mat_clear(G);
                    fmpz_clear(det);
                }
                flint_free(T);
                rc_sym_clear(sy);
                count++;
            }
        }
    }
    ck_assert_int_eq(count, 5 * (5 + 25 + 125));
}
END_TEST

/* nx = 0 leaves the n = k group as it was; errors are reported */
START_TEST(test_extra_set)
{
    static const slong p[3] = {3, 2, 0};   /* 0-terminated (pattern_m) */
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
    static const slong p[3] = {2, 2, 0};   /* 0-terminated (pattern_m) */
    flint_rand_t st;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t W;
    arb_ptr th, g;
    arb_t lam;
    slong c, morse;

    flint_randinit(st);
    random_extra_point(sy, &theta, W, p, 1, st);
    for (c = 0; c < sy->m; c++)
        fmpq_zero(theta + sy->xorb[c]);
    th = _arb_vec_init(sy->q); g = _arb_vec_init(sy->q);
    arb_init(lam);
    theta_balls(th, theta, sy->q, 128);
    ck_assert(!rc_sym_neurons_nonzero(sy, th, 128));
    ck_assert(!rc_sym_gradient(g, sy, th, 128));
    ck_assert(!rc_sym_hessian_eig_min(lam, &morse, sy, th, 128));
    ck_assert_int_eq(morse, -1);
    /* a box around 0 in the extra coordinates: may be zero, not valid */
    for (c = 0; c < sy->m; c++)
        mag_set_ui_2exp_si(arb_radref(th + sy->xorb[c]), 1, -20);
    ck_assert(!rc_sym_gradient(g, sy, th, 128));
    arb_clear(lam);
    _arb_vec_clear(th, sy->q); _arb_vec_clear(g, sy->q);
    fmpq_mat_clear(W);
    _fmpq_vec_clear(theta, sy->q);
    rc_sym_clear(sy);
    flint_randclear(st);
}
END_TEST

/* beta = U^T H U per type against the dense Hessian; the reduced
   lambda_min against rc_mat_eig_min of the dense one (overlap) and the
   Morse index against the dense count of negative eigenvalues */
static void
hessian_vs_dense(rc_sym_t sy, const fmpq * theta, const fmpq_mat_t W, slong prec,
                 slong * morse_out)
{
    slong n = sy->n, k = sy->k, N = n * k, nt, j, a, b, i, r, morse, cnt;
    arb_mat_t Wa, V, H;
    arb_ptr th = _arb_vec_init(sy->q);
    arb_t lam, dense, zero;
    rc_sym_type_struct * T;

    arb_mat_init(Wa, n, k); arb_mat_init(V, k, k); arb_mat_init(H, N, N);
    arb_init(lam); arb_init(dense); arb_init(zero);
    dense_arb(Wa, V, W, prec);
    theta_balls(th, theta, sy->q, prec);
    ck_assert(rc_hessian(H, Wa, V, prec));
    rc_sym_types(&T, &nt, sy);
    for (j = 0; j < nt; j++)
    {
        slong c = T[j].ncopies;
        arb_mat_t beta, U, Ut, HU, D;
        arb_mat_init(beta, c, c); arb_mat_init(U, N, c); arb_mat_init(Ut, c, N);
        arb_mat_init(HU, N, c); arb_mat_init(D, c, c);
        ck_assert(rc_sym_type_beta(beta, sy, T + j, th, prec));
        for (a = 0; a < c; a++)
            for (i = 0; i < n; i++)
                for (r = 0; r < k; r++)
                    arb_set_si(arb_mat_entry(U, i * k + r, a),
                               rc_sym_type_copy_value(sy, T + j, a, i, r));
        arb_mat_mul(HU, H, U, prec);
        arb_mat_transpose(Ut, U);
        arb_mat_mul(D, Ut, HU, prec);
        for (a = 0; a < c; a++)
            for (b = 0; b < c; b++)
                ck_assert_msg(arb_overlaps(arb_mat_entry(D, a, b), arb_mat_entry(beta, a, b)),
                              "type %ld, beta[%ld][%ld]", (long) j, (long) a, (long) b);
        arb_mat_clear(beta); arb_mat_clear(U); arb_mat_clear(Ut);
        arb_mat_clear(HU); arb_mat_clear(D);
    }
    flint_free(T);

    ck_assert(rc_sym_hessian_eig_min(lam, &morse, sy, th, prec));
    rc_mat_eig_min(dense, NULL, H, prec);
    ck_assert_msg(arb_overlaps(lam, dense), "lambda_min");
    ck_assert(arb_rel_accuracy_bits(lam) > 40);
    ck_assert(morse >= 0);
    ck_assert(rc_mat_count_below(&cnt, H, zero, prec));
    ck_assert_int_eq(morse, cnt);
    *morse_out = morse;

    arb_clear(lam); arb_clear(dense); arb_clear(zero);
    arb_mat_clear(Wa); arb_mat_clear(V); arb_mat_clear(H);
    _arb_vec_clear(th, sy->q);
}

START_TEST(test_extra_hessian_dense)
{
    const slong s = 1 + _i % 2, *p = patterns[(_i / 2) % NPAT];
    flint_rand_t st;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t W;
    slong morse;

    flint_randinit(st);
    flint_randseed(st, 2000 + _i, 11 + _i);
    random_extra_point(sy, &theta, W, p, s, st);
    hessian_vs_dense(sy, theta, W, 128, &morse);
    fmpq_mat_clear(W);
    _fmpq_vec_clear(theta, sy->q);
    rc_sym_clear(sy);
    flint_randclear(st);
}
END_TEST

/* a point with a positive index: block 0's neurons pointing against their
   teacher directions (the reduced and dense counts agree and are > 0) */
START_TEST(test_extra_positive_index)
{
    static const slong p[3] = {3, 2, 0};   /* 0-terminated (pattern_m) */
    flint_rand_t st;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t W;
    slong morse, c;

    flint_randinit(st);
    flint_randseed(st, 3, 5);
    random_extra_point(sy, &theta, W, p, 1 + _i, st);
    for (c = 0; c < sy->m * sy->nx; c++)
        fmpq_set_si(theta + sy->xorb[c], (c % sy->m) + 1, 3 + c);
    fmpq_set_si(theta + sy->diag[0], -1, 2);
    rc_sym_mat_from_theta(W, sy, theta);
    hessian_vs_dense(sy, theta, W, 128, &morse);
    ck_assert_msg(morse > 0, "expected a positive index, found %ld", (long) morse);
    fmpq_mat_clear(W);
    _fmpq_vec_clear(theta, sy->q);
    rc_sym_clear(sy);
    flint_randclear(st);
}
END_TEST

/* the over-parameterized dataset next to RC_DATASET */
static void
overparam_path(char * buf, size_t len)
{
    const char * d = RC_DATASET, * sl = strrchr(d, '/');
    snprintf(buf, len, "%.*s/overparam-s1.jsonl", (int) (sl - d), d);
}

/* the 26 records of data/overparam-s1.jsonl: (k, index), the row holding
   the extra neuron and the smaller block size (m = 2 in every record;
   found independently by a short script over the exact entries) */
static const slong records[26][4] = {
    {14, 0, 13, 4}, {15, 0, 0, 4}, {15, 1, 7, 5}, {16, 0, 1, 4}, {16, 1, 8, 5},
    {16, 2, 8, 6}, {17, 0, 11, 4}, {17, 1, 6, 5}, {17, 2, 17, 6}, {17, 3, 1, 7},
    {17, 4, 16, 8}, {18, 0, 1, 3}, {18, 1, 7, 4}, {18, 2, 14, 6}, {19, 0, 10, 3},
    {19, 1, 17, 4}, {19, 2, 15, 5}, {19, 3, 15, 6}, {19, 4, 0, 7}, {20, 0, 5, 1},
    {20, 1, 9, 3}, {20, 2, 9, 4}, {20, 3, 11, 3}, {20, 4, 16, 5}, {20, 5, 10, 6},
    {20, 6, 5, 9}
};

/* record r read, its structure detected, theta and the reordered student */
static void
record_extra(rc_point_t pt, rc_sym_t sy, fmpq ** theta, fmpq_mat_t Wp, slong * perm, int r)
{
    char path[4096];
    rc_error_t err;
    slong m, bi, br, c, a;

    overparam_path(path, sizeof path);
    rc_point_init(pt);
    ck_assert_msg(rc_point_read_dataset(pt, path, records[r][0], records[r][1], err) == 0,
                  "%s", err->msg);
    ck_assert_int_eq(pt->n, pt->k + 1);
    rc_sym_init(sy);
    m = rc_sym_detect_extra(sy, perm, pt->W);
    ck_assert_int_eq(m, 2);
    ck_assert_int_eq(perm[pt->k], records[r][2]);
    ck_assert_int_eq(FLINT_MIN(sy->p[0], sy->p[1]), records[r][3]);
    fmpq_mat_init(Wp, pt->n, pt->k);
    for (c = 0; c < pt->n; c++)
        for (a = 0; a < pt->k; a++)
            fmpq_set(fmpq_mat_entry(Wp, c, a), fmpq_mat_entry(pt->W, perm[c], a));
    *theta = _fmpq_vec_init(sy->q);
    ck_assert(rc_sym_theta_from_mat(*theta, &bi, &br, sy, Wp));
}

/* detection on all 26 records: the extra row wherever it sits, two
   blocks, the point exactly in Fix(G), and the reduced loss overlapping
   the dense one */
START_TEST(test_extra_detect_records)
{
    rc_point_t pt;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t Wp;
    slong perm[64];
    arb_ptr th;
    arb_mat_t Wa, V;
    arb_t x, y;

    record_extra(pt, sy, &theta, Wp, perm, _i);
    th = _arb_vec_init(sy->q);
    arb_init(x); arb_init(y);
    arb_mat_init(Wa, pt->n, pt->k); arb_mat_init(V, pt->k, pt->k);
    theta_balls(th, theta, sy->q, 128);
    dense_arb(Wa, V, pt->W, 256);
    rc_loss(x, Wa, V, 256);
    rc_sym_loss(y, sy, th, 128);
    agree(y, x, "loss", _i);
    arb_mat_clear(Wa); arb_mat_clear(V);
    arb_clear(x); arb_clear(y);
    _arb_vec_clear(th, sy->q);
    _fmpq_vec_clear(theta, sy->q);
    fmpq_mat_clear(Wp);
    rc_sym_clear(sy);
    rc_point_clear(pt);
}
END_TEST

/* a row moved or an extra row broken: the reordering follows the row, a
   broken row gives no structure */
START_TEST(test_extra_detect_moved)
{
    rc_point_t pt;
    rc_sym_t sy, s2;
    fmpq * theta;
    fmpq_mat_t Wp, W2;
    slong perm[64], perm2[64], c, a, n, k;

    record_extra(pt, sy, &theta, Wp, perm, 0);
    n = pt->n; k = pt->k;
    /* the reduced point itself (extra row last): the identity order */
    rc_sym_init(s2);
    ck_assert_int_eq(rc_sym_detect_extra(s2, perm2, Wp), 2);
    for (c = 0; c < n; c++)
        ck_assert_int_eq(perm2[c], c);
    /* the extra row first */
    fmpq_mat_init(W2, n, k);
    for (c = 0; c < n; c++)
        for (a = 0; a < k; a++)
            fmpq_set(fmpq_mat_entry(W2, c, a), fmpq_mat_entry(Wp, (c + n - 1) % n, a));
    ck_assert_int_eq(rc_sym_detect_extra(s2, perm2, W2), 2);
    ck_assert_int_eq(perm2[k], 0);
    /* one entry of the extra row changed: the blocks split (more blocks,
       never a wrong group) */
    fmpq_add_si(fmpq_mat_entry(W2, 0, 0), fmpq_mat_entry(W2, 0, 0), 1);
    ck_assert(rc_sym_detect_extra(s2, perm2, W2) > 2);
    ck_assert(rc_sym_detect_extra(s2, perm2, pt->V) == -1);   /* n = k */
    fmpq_mat_clear(W2);
    /* too many ways to choose the extra rows: C(64, 4) > the cap, nothing
       tried (-2); C(34, 3) = 5984 is tried */
    fmpq_mat_init(W2, 64, 60);
    ck_assert_int_eq(rc_sym_detect_extra(s2, perm2, W2), -2);
    fmpq_mat_clear(W2);
    fmpq_mat_init(W2, 34, 31);
    for (c = 0; c < 31; c++)
        fmpq_set_si(fmpq_mat_entry(W2, c, c), 1, 1);
    ck_assert(rc_sym_detect_extra(s2, perm2, W2) != -2);
    fmpq_mat_clear(W2);
    rc_sym_clear(s2);
    _fmpq_vec_clear(theta, sy->q);
    fmpq_mat_clear(Wp);
    rc_sym_clear(sy);
    rc_point_clear(pt);
}
END_TEST

/* k = 14: Krawczyk in theta proves the critical point (after Newton in
   theta), the reduced lambda_min overlaps the dense one, is positive, and
   the Morse index is 0 */
START_TEST(test_extra_record_k14)
{
    const slong prec = 256;
    rc_point_t pt;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t Wp;
    slong perm[64], o, w, morse, N;
    arb_ptr t0, t1;
    arb_mat_t Wa, V, H;
    arb_t lam, dense;

    record_extra(pt, sy, &theta, Wp, perm, 0);
    t0 = _arb_vec_init(sy->q); t1 = _arb_vec_init(sy->q);
    theta_balls(t0, theta, sy->q, prec);
    ck_assert(rc_sym_refine_newton(t1, sy, t0, 20, prec));
    for (o = 0; o < sy->q; o++)
        mag_set_ui_2exp_si(arb_radref(t1 + o), 1, -100);
    ck_assert_int_eq(rc_sym_krawczyk(&w, sy, t1, prec), RC_PROVED);
    /* the box excludes a point far from it: refuted there */
    arb_add_si(t1 + 0, t1 + 0, 1, prec);
    ck_assert(rc_sym_krawczyk(&w, sy, t1, prec) != RC_PROVED);

    arb_init(lam); arb_init(dense);
    ck_assert(rc_sym_hessian_eig_min(lam, &morse, sy, t0, 128));
    ck_assert_int_eq(morse, 0);
    ck_assert(arb_is_positive(lam));
    N = pt->n * pt->k;
    arb_mat_init(Wa, pt->n, pt->k); arb_mat_init(V, pt->k, pt->k); arb_mat_init(H, N, N);
    dense_arb(Wa, V, Wp, 128);
    ck_assert(rc_hessian(H, Wa, V, 128));
    rc_mat_eig_min(dense, NULL, H, 128);
    ck_assert_msg(arb_overlaps(lam, dense), "lambda_min");
    arb_mat_clear(Wa); arb_mat_clear(V); arb_mat_clear(H);
    arb_clear(lam); arb_clear(dense);
    _arb_vec_clear(t0, sy->q); _arb_vec_clear(t1, sy->q);
    _fmpq_vec_clear(theta, sy->q);
    fmpq_mat_clear(Wp);
    rc_sym_clear(sy);
    rc_point_clear(pt);
}
END_TEST

/* must not prove: the k = 14 minimum with its extra neuron split into two
   equal halves (two equal extra neurons, n = 16, s = 2) has a singular
   Hessian: lambda_min is never certified positive, the index never
   certified */
START_TEST(test_extra_equal_neurons_not_strict)
{
    rc_point_t pt;
    rc_sym_t sy, s2;
    fmpq * theta, * th2;
    fmpq_mat_t Wp;
    slong perm[64], o, c, morse;
    arb_ptr t;
    arb_t lam;
    rc_error_t err;

    record_extra(pt, sy, &theta, Wp, perm, 0);
    rc_sym_init(s2);
    ck_assert(rc_sym_set_blocks(s2, sy->blk, sy->k, err) == 0);
    ck_assert(rc_sym_set_extra(s2, 2, err) == 0);
    th2 = _fmpq_vec_init(s2->q);
    for (o = 0; o < sy->q; o++)
        if (sy->okind[o] != RC_SYM_ORBIT_EXTRA)
            fmpq_set(th2 + o, theta + o);
    for (c = 0; c < sy->m; c++)
    {
        fmpq_div_2exp(th2 + s2->xorb[c], theta + sy->xorb[c], 1);
        fmpq_set(th2 + s2->xorb[sy->m + c], th2 + s2->xorb[c]);
    }
    t = _arb_vec_init(s2->q);
    arb_init(lam);
    theta_balls(t, th2, s2->q, 128);
    if (rc_sym_hessian_eig_min(lam, &morse, s2, t, 128))
    {
        ck_assert(!arb_is_positive(lam));
        ck_assert(arb_contains_zero(lam) || arb_is_negative(lam));
    }
    ck_assert(morse == -1 || morse > 0);
    arb_clear(lam);
    _arb_vec_clear(t, s2->q);
    _fmpq_vec_clear(th2, s2->q);
    rc_sym_clear(s2);
    _fmpq_vec_clear(theta, sy->q);
    fmpq_mat_clear(Wp);
    rc_sym_clear(sy);
    rc_point_clear(pt);
}
END_TEST

/* the split of every representative (each block's first neuron, each
   extra neuron; L13(e)(c)) against the dense path at random points of
   Fix(G), s = 1, 2 over the patterns: the H'_ii forms on the invariant
   basis and a difference e_a - e_a', the split point's curvature at
   alpha = 1/3, and lam_i */
START_TEST(test_extra_split_dense)
{
    const slong prec = 128, s = 1 + _i % 2, *p = patterns[(_i / 2) % NPAT];
    flint_rand_t st;
    rc_sym_t sy;
    fmpq * theta;
    fmpq_mat_t W;
    arb_mat_t Wa, V;
    arb_ptr th;
    slong b, a, c, r, n, k;

    flint_randinit(st);
    flint_randseed(st, 3000 + _i, 11 + _i);
    random_extra_point(sy, &theta, W, p, s, st);
    n = sy->n; k = sy->k;
    ck_assert_int_eq(rc_sym_split_count(sy), sy->m + s);
    arb_mat_init(Wa, n, k); arb_mat_init(V, k, k);
    th = _arb_vec_init(sy->q);
    dense_arb(Wa, V, W, 2 * prec);
    theta_balls(th, theta, sy->q, prec);
    for (b = 0; b < rc_sym_split_count(sy); b++)
    {
        rc_sym_dvec_struct z[RC_SYM_MAX_BLOCKS + 2];
        slong nz = rc_sym_dvec_basis(z, sy, b), i = rc_sym_split_neuron(sy, b), cc;
        arb_mat_t Hp, A, Z, ZH;
        fmpz_mat_t G;
        arb_ptr y, u;
        arb_t one, alpha, q1, q2, x;

        ck_assert_int_eq(i, b < sy->m ? sy->members[sy->start[b]] : k + b - sy->m);
        if (b >= sy->m)
            ck_assert_int_eq(nz, sy->m);   /* the block indicators */
        for (cc = 0; cc < sy->m; cc++)
            if (rc_sym_dvec_diff_exists(sy, b, cc))
            {
                z[nz].kind = RC_SYM_DVEC_DIFF;
                z[nz++].c = cc;
                break;
            }
        y = _arb_vec_init(nz); u = _arb_vec_init(k);
        arb_mat_init(Hp, k, k); arb_mat_init(A, nz, nz);
        arb_mat_init(Z, k, nz); arb_mat_init(ZH, k, nz);
        fmpz_mat_init(G, nz, nz);
        arb_init(one); arb_init(alpha); arb_init(q1); arb_init(q2); arb_init(x);
        arb_one(one);
        ck_assert(rc_hessian_prime_block(Hp, Wa, V, i, 2 * prec));
        ck_assert(rc_sym_hprime_form(A, sy, b, one, z, nz, th, prec));
        rc_sym_dvec_gram(G, sy, b, z, nz);
        for (a = 0; a < nz; a++)
            for (r = 0; r < k; r++)
                arb_set_si(arb_mat_entry(Z, r, a), rc_sym_dvec_value(sy, z + a, i, r));
        arb_mat_mul(ZH, Hp, Z, 2 * prec);
        for (a = 0; a < nz; a++)
            for (c = 0; c < nz; c++)
            {
                slong gg = 0;
                arb_zero(x);
                for (r = 0; r < k; r++)
                {
                    arb_addmul(x, arb_mat_entry(Z, r, a), arb_mat_entry(ZH, r, c), 2 * prec);
                    gg += rc_sym_dvec_value(sy, z + a, i, r) * rc_sym_dvec_value(sy, z + c, i, r);
                }
                agree(arb_mat_entry(A, a, c), x, "H' form", b);
                ck_assert(fmpz_equal_si(fmpz_mat_entry(G, a, c), gg));
            }
        for (a = 0; a < nz; a++)
            arb_set_si(y + a, a + 1);
        for (r = 0; r < k; r++)
            for (a = 0; a < nz; a++)
                arb_addmul(u + r, y + a, arb_mat_entry(Z, r, a), 2 * prec);
        arb_set_si(alpha, 1);
        arb_div_si(alpha, alpha, 3, 2 * prec);
        ck_assert(rc_sym_split_point_curvature(q1, sy, b, alpha, z, y, nz, th, prec));
        ck_assert(rc_split_point_curvature(q2, Wa, V, i, alpha, u, 2 * prec) != RC_REFUTED);
        agree(q1, q2, "split point", b);
        ck_assert(rc_sym_split_lam(q1, sy, th, b, prec));
        rc_split_lam(q2, Wa, V, i, 2 * prec);
        agree(q1, q2, "lam", b);
        arb_mat_clear(Hp); arb_mat_clear(A); arb_mat_clear(Z); arb_mat_clear(ZH);
        fmpz_mat_clear(G);
        _arb_vec_clear(y, nz); _arb_vec_clear(u, k);
        arb_clear(one); arb_clear(alpha); arb_clear(q1); arb_clear(q2); arb_clear(x);
    }
    _arb_vec_clear(th, sy->q);
    arb_mat_clear(Wa); arb_mat_clear(V);
    fmpq_mat_clear(W);
    _fmpq_vec_clear(theta, sy->q);
    rc_sym_clear(sy);
    flint_randclear(st);
}
END_TEST

/* the k = 14 record on the reduced certificate (in memory): a strict
   minimum, non-global, and every split (both block representatives and
   the extra neuron) a certified strict saddle, each reduced quotient
   overlapping the dense one y^T H'_ii y / |y|^2 of the same witness (the
   dense path proves every neuron's split too), the dimension n k */
START_TEST(test_extra_record_k14_splits)
{
    const slong prec = 128;
    rc_point_t pt;
    rc_sym_t sy;
    rc_symcert_t cert;
    fmpq * theta;
    fmpq_mat_t Wp;
    slong perm[64], b, r, n, k;
    arb_ptr t0;
    arb_mat_t Wa, V, Hp, u, Hu, num;
    arb_t den, qd, one;
    fmpq_t half;
    rc_error_t err;

    record_extra(pt, sy, &theta, Wp, perm, 0);
    n = pt->n; k = pt->k;
    t0 = _arb_vec_init(sy->q);
    theta_balls(t0, theta, sy->q, prec);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    rc_symcert_init(cert);
    ck_assert_msg(rc_symcert_find(cert, sy, t0, half, prec, err) == 0, "%s", err->msg);
    ck_assert_int_eq(cert->sym->n, n);
    ck_assert_int_eq(cert->dimension, n * k);
    ck_assert_int_eq(cert->critical, RC_PROVED);
    ck_assert_int_eq(cert->strict_min, RC_PROVED);
    ck_assert_int_eq(cert->morse_index, 0);
    ck_assert_int_eq(cert->non_global, RC_PROVED);
    ck_assert_int_eq(cert->saddle, RC_PROVED);
    ck_assert_int_eq(cert->cross, RC_PROVED);
    ck_assert(rc_symcert_success(cert));
    ck_assert_int_eq(rc_sym_split_count(cert->sym), 3);

    /* each representative's quotient against the dense H'_ii at the centre */
    arb_mat_init(Wa, n, k); arb_mat_init(V, k, k); arb_mat_init(Hp, k, k);
    arb_mat_init(u, k, 1); arb_mat_init(Hu, k, 1); arb_mat_init(num, 1, 1);
    arb_init(den); arb_init(qd); arb_init(one);
    {
        fmpq_mat_t Wc;
        fmpq_mat_init(Wc, n, k);
        rc_sym_mat_from_theta(Wc, cert->sym, cert->centre);
        dense_arb(Wa, V, Wc, 2 * prec);
        fmpq_mat_clear(Wc);
    }
    for (b = 0; b < 3; b++)
    {
        rc_sym_dvec_struct z[RC_SYM_MAX_BLOCKS + 1];
        arb_ptr y = _arb_vec_init(RC_SYM_MAX_BLOCKS + 1);
        slong i = rc_sym_split_neuron(cert->sym, b), a;
        slong nz = _rc_symcert_split_vectors(z, y, cert, b, 2 * prec);

        ck_assert_msg(cert->split[b] == RC_PROVED, "split %ld", (long) b);
        ck_assert(arb_is_negative(cert->split_q + b));
        ck_assert(nz > 0);
        if (b == 2)
            ck_assert_int_eq(i, k);   /* the extra neuron */
        for (r = 0; r < k; r++)
        {
            arb_zero(arb_mat_entry(u, r, 0));
            for (a = 0; a < nz; a++)
                arb_addmul_si(arb_mat_entry(u, r, 0), y + a,
                              rc_sym_dvec_value(cert->sym, z + a, i, r), 2 * prec);
        }
        ck_assert(rc_hessian_prime_block(Hp, Wa, V, i, 2 * prec));
        arb_mat_mul(Hu, Hp, u, 2 * prec);
        arb_zero(arb_mat_entry(num, 0, 0));
        arb_zero(den);
        for (r = 0; r < k; r++)
        {
            arb_addmul(arb_mat_entry(num, 0, 0), arb_mat_entry(u, r, 0),
                       arb_mat_entry(Hu, r, 0), 2 * prec);
            arb_addmul(den, arb_mat_entry(u, r, 0), arb_mat_entry(u, r, 0), 2 * prec);
        }
        arb_div(qd, arb_mat_entry(num, 0, 0), den, 2 * prec);
        ck_assert(arb_is_negative(qd));
        ck_assert_msg(arb_overlaps(qd, cert->split_q + b), "split quotient %ld", (long) b);
        _arb_vec_clear(y, RC_SYM_MAX_BLOCKS + 1);
    }
    arb_mat_clear(Wa); arb_mat_clear(V); arb_mat_clear(Hp);
    arb_mat_clear(u); arb_mat_clear(Hu); arb_mat_clear(num);
    arb_clear(den); arb_clear(qd); arb_clear(one);
    rc_symcert_clear(cert);
    fmpq_clear(half);
    _arb_vec_clear(t0, sy->q);
    _fmpq_vec_clear(theta, sy->q);
    fmpq_mat_clear(Wp);
    rc_sym_clear(sy);
    rc_point_clear(pt);
}
END_TEST

/* the k = 14 certificate as JSON: n = 15, one extra neuron, the split of
   the extra neuron recorded; rc_symcert_check re-verifies it from the file
   alone, and a tampered n, extra count, theta entry (the extra orbit),
   dimension count or extra split witness fails */
static json_t *
k14_json(void)
{
    rc_point_t pt;
    rc_sym_t sy;
    rc_symcert_t cert;
    fmpq * theta;
    fmpq_mat_t Wp;
    slong perm[64];
    arb_ptr t0;
    fmpq_t half;
    rc_error_t err;
    json_t * j;

    record_extra(pt, sy, &theta, Wp, perm, 0);
    t0 = _arb_vec_init(sy->q);
    theta_balls(t0, theta, sy->q, 128);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    rc_symcert_init(cert);
    ck_assert(rc_symcert_find(cert, sy, t0, half, 128, err) == 0);
    j = rc_symcert_to_json(cert, "k14");
    rc_symcert_clear(cert);
    fmpq_clear(half);
    _arb_vec_clear(t0, sy->q);
    _fmpq_vec_clear(theta, sy->q);
    fmpq_mat_clear(Wp);
    rc_sym_clear(sy);
    rc_point_clear(pt);
    return j;
}

START_TEST(test_extra_cert_json)
{
    json_t * j = k14_json(), * t, * th;
    rc_error_t why;
    fmpq_t x;
    slong q;

    ck_assert_int_eq(json_integer_value(json_object_get(j, "n")), 15);
    ck_assert_int_eq(json_integer_value(json_object_get(j, "k")), 14);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(j, "symmetry"),
                                                        "extra_neurons")), 1);
    ck_assert(json_is_true(json_object_get(j, "success")));
    ck_assert_int_eq(json_array_size(json_object_get(json_object_get(j, "witnesses"),
                                                     "split_directions")), 3);
    ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(
        json_object_get(j, "claims"), "positive_definite"), "dimension_count")), 15 * 14);
    ck_assert_msg(rc_symcert_check(why, j) == 0, "%s", why->msg);

    t = json_deep_copy(j);                  /* n */
    json_object_set_new(t, "n", json_integer(16));
    ck_assert(rc_symcert_check(why, t) != 0);
    json_object_set_new(t, "n", json_integer(14));
    ck_assert(rc_symcert_check(why, t) != 0);
    json_decref(t);

    t = json_deep_copy(j);                  /* the extra count */
    json_object_set_new(json_object_get(t, "symmetry"), "extra_neurons", json_integer(2));
    ck_assert(rc_symcert_check(why, t) != 0);
    json_object_del(json_object_get(t, "symmetry"), "extra_neurons");
    ck_assert(rc_symcert_check(why, t) != 0);
    json_decref(t);

    t = json_deep_copy(j);                  /* a theta entry of the extra row */
    th = json_object_get(json_object_get(t, "box"), "theta");
    q = json_array_size(th);
    fmpq_init(x);
    fmpq_set_si(x, 1, 64);
    json_array_set_new(th, q - 1, rc_json_fmpq(x));
    ck_assert(rc_symcert_check(why, t) != 0);
    fmpq_clear(x);
    json_decref(t);

    t = json_deep_copy(j);                  /* the dimension count */
    json_object_set_new(json_object_get(json_object_get(t, "claims"), "positive_definite"),
                        "dimension_count", json_integer(14 * 14));
    ck_assert(rc_symcert_check(why, t) != 0);
    json_decref(t);

    t = json_deep_copy(j);                  /* the extra neuron's split entry */
    json_array_remove(json_object_get(json_object_get(t, "witnesses"), "split_directions"), 2);
    ck_assert(rc_symcert_check(why, t) != 0);
    json_decref(t);

    t = json_deep_copy(j);                  /* its verdict list */
    json_object_del(json_object_get(json_object_get(t, "claims"), "saddle_after_split"),
                    "extra_neurons");
    ck_assert(rc_symcert_check(why, t) != 0);
    json_decref(t);
    json_decref(j);
}
END_TEST

/* must not prove: a saddle with n = k + 1 (k = 3, one block, one extra
   neuron; Newton in theta from a rounded start) offered as a minimum: the
   critical point is proved, positive definiteness and the strict minimum
   refuted, the Morse index 3, lambda_min overlapping the dense one, and
   the certificate re-checks */
START_TEST(test_extra_saddle_refuted)
{
    static const slong p[1] = {3};
    static const double start[3] = {-0.357258, 0.544038, 0.253832};
    rc_sym_t sy;
    rc_symcert_t cert;
    rc_error_t err;
    arb_ptr t0;
    fmpq_t half;
    fmpq_mat_t Wc;
    arb_mat_t Wa, V, H;
    arb_t dense;
    json_t * j;
    slong o;

    rc_sym_init(sy);
    ck_assert(rc_sym_set_sizes(sy, p, 1, err) == 0);
    ck_assert(rc_sym_set_extra(sy, 1, err) == 0);
    t0 = _arb_vec_init(sy->q);
    for (o = 0; o < sy->q; o++)
        arb_set_d(t0 + o, start[o]);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    rc_symcert_init(cert);
    ck_assert(rc_symcert_find(cert, sy, t0, half, 128, err) == 0);
    ck_assert_int_eq(cert->critical, RC_PROVED);
    ck_assert_int_eq(cert->positive_definite, RC_REFUTED);
    ck_assert_int_eq(cert->strict_min, RC_REFUTED);
    ck_assert_int_eq(cert->morse_index, 3);
    ck_assert(arb_is_negative(cert->lam_min));
    ck_assert(!rc_symcert_success(cert));

    fmpq_mat_init(Wc, sy->n, sy->k);
    rc_sym_mat_from_theta(Wc, cert->sym, cert->centre);
    arb_mat_init(Wa, sy->n, sy->k); arb_mat_init(V, sy->k, sy->k);
    arb_mat_init(H, sy->n * sy->k, sy->n * sy->k);
    arb_init(dense);
    dense_arb(Wa, V, Wc, 128);
    ck_assert(rc_hessian(H, Wa, V, 128));
    rc_mat_eig_min(dense, NULL, H, 128);
    ck_assert_msg(arb_overlaps(dense, cert->lam_min), "lambda_min against the dense Hessian");

    j = rc_symcert_to_json(cert, "saddle");
    ck_assert_msg(rc_symcert_check(err, j) == 0, "%s", err->msg);
    json_decref(j);
    arb_clear(dense);
    arb_mat_clear(Wa); arb_mat_clear(V); arb_mat_clear(H);
    fmpq_mat_clear(Wc);
    rc_symcert_clear(cert);
    fmpq_clear(half);
    _arb_vec_clear(t0, sy->q);
    rc_sym_clear(sy);
}
END_TEST

static Suite *
sym_extra_suite(void)
{
    Suite * su = suite_create("sym_extra");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_extra_dimension);
    tcase_add_test(tc, test_extra_set);
    tcase_add_loop_test(tc, test_extra_eval_dense, 0, 2 * NPAT);
    tcase_add_test(tc, test_extra_zero_neuron);
    tcase_add_loop_test(tc, test_extra_hessian_dense, 0, 2 * NPAT);
    tcase_add_loop_test(tc, test_extra_positive_index, 0, 2);
    tcase_add_loop_test(tc, test_extra_detect_records, 0, 26);
    tcase_add_test(tc, test_extra_detect_moved);
    tcase_add_test(tc, test_extra_record_k14);
    tcase_add_test(tc, test_extra_equal_neurons_not_strict);
    tcase_add_loop_test(tc, test_extra_split_dense, 0, 2 * NPAT);
    tcase_add_test(tc, test_extra_record_k14_splits);
    tcase_add_test(tc, test_extra_cert_json);
    tcase_add_test(tc, test_extra_saddle_refuted);
    suite_add_tcase(su, tc);
    return su;
}

int
main(void)
{
    return tu_run(sym_extra_suite());
}
