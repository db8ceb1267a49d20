/* The atlas (atlas.h): the family patterns and the value layout; the merge
   test; continuation of a family from published records, with every point
   found checked against the dense Hessian (its certified Morse index is the
   dense count of negative eigenvalues at the certificate's centre); starts
   that must give nothing (zero neurons, the global minimum, no seeds); and
   low precision, which may leave a point undecided but never changes its
   status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "testutil.h"

/* the published records of family f with p[0] = a, k <= kmax, as seeds */
static slong
read_seeds(rc_atlas_seed_struct * seeds, slong max, rc_atlas_family f, slong a, slong kmax)
{
    FILE * in = fopen(RC_DATASET, "r");
    char * line = NULL;
    size_t cap = 0;
    slong n = 0, m = rc_atlas_family_blocks(f), b, j;
    rc_error_t err;

    ck_assert(in != NULL);
    while (getline(&line, &cap, in) > 0 && n < max)
    {
        json_t * r = json_loads(line, 0, NULL), * p = json_object_get(r, "p");
        if ((slong) json_array_size(p) == m && json_integer_value(json_array_get(p, 0)) == a
            && json_integer_value(json_object_get(r, "k")) <= kmax
            && (m == 2 || json_integer_value(json_array_get(p, 1)) == 1))
        {
            rc_atlas_seed_struct * x = seeds + n++;
            rc_atlas_seed_init(x);
            x->k = json_integer_value(json_object_get(r, "k"));
            x->index = json_integer_value(json_object_get(r, "index"));
            for (b = 0; b < m; b++)
                for (j = 0; j <= m; j++)
                    ck_assert(rc_number_parse_fmpq(x->vals + b * (m + 1) + j,
                        json_string_value(json_array_get(json_array_get(json_object_get(r, "vals"), b), j)),
                        err) == 0);
        }
        json_decref(r);
    }
    free(line);
    fclose(in);
    return n;
}

static void
clear_seeds(rc_atlas_seed_struct * seeds, slong n)
{
    slong i;
    for (i = 0; i < n; i++)
        rc_atlas_seed_clear(seeds + i);
}

START_TEST(test_pattern)
{
    slong p[3];
    ck_assert_int_eq(rc_atlas_pattern(p, RC_ATLAS_TWO, 10, 3), 2);
    ck_assert(p[0] == 3 && p[1] == 7);
    ck_assert_int_eq(rc_atlas_pattern(p, RC_ATLAS_THREE, 10, 3), 3);
    ck_assert(p[0] == 3 && p[1] == 1 && p[2] == 6);
    ck_assert_int_eq(rc_atlas_pattern(p, RC_ATLAS_TWO, 10, 0), 0);
    ck_assert_int_eq(rc_atlas_pattern(p, RC_ATLAS_TWO, 10, 10), 0);
    ck_assert_int_eq(rc_atlas_pattern(p, RC_ATLAS_THREE, 10, 9), 0);
    ck_assert_int_eq(rc_atlas_pattern(p, RC_ATLAS_THREE, 10, 8), 3);
    ck_assert_int_eq(rc_atlas_family_blocks(RC_ATLAS_THREE), 3);
}
END_TEST

/* vals -> theta -> vals is the identity, except vals[b][m] of a block of
   size 1 (no such entries), which comes back 0; and W(theta) has the
   dataset's layout: W[i][r] = vals[block(r)][block(i)] across blocks */
START_TEST(test_vals_layout)
{
    static const slong sizes[4][3] = {{1, 5, 0}, {3, 4, 0}, {2, 1, 4}, {1, 1, 3}};
    slong t = _i, m = sizes[t][2] ? 3 : 2, nv = m * (m + 1), j, i, r, k = 0;
    rc_sym_t s;
    rc_error_t err;
    fmpq * v = _fmpq_vec_init(nv), * w = _fmpq_vec_init(nv), * th;
    fmpq_mat_t W;

    for (j = 0; j < m; j++)
        k += sizes[t][j];
    rc_sym_init(s);
    ck_assert(rc_sym_set_sizes(s, sizes[t], m, err) == 0);
    th = _fmpq_vec_init(s->q);
    for (j = 0; j < nv; j++)
        fmpq_set_si(v + j, j + 1, 7);
    rc_atlas_theta_from_vals(th, s, v);
    rc_atlas_vals_from_theta(w, s, th);
    for (i = 0; i < m; i++)
        for (j = 0; j <= m; j++)
        {
            if (j == m && sizes[t][i] == 1)
                ck_assert(fmpq_is_zero(w + i * (m + 1) + j));
            else
                ck_assert(fmpq_equal(w + i * (m + 1) + j, v + i * (m + 1) + j));
        }
    fmpq_mat_init(W, k, k);
    rc_sym_mat_from_theta(W, s, th);
    for (i = 0; i < k; i++)
        for (r = 0; r < k; r++)
        {
            slong bi = s->blk[i], br = s->blk[r];
            const fmpq * want = i == r ? v + bi * (m + 1) + bi
                              : bi == br ? v + bi * (m + 1) + m : v + br * (m + 1) + bi;
            ck_assert(fmpq_equal(fmpq_mat_entry(W, i, r), want));
        }
    fmpq_mat_clear(W);
    _fmpq_vec_clear(v, nv);
    _fmpq_vec_clear(w, nv);
    _fmpq_vec_clear(th, s->q);
    rc_sym_clear(s);
}
END_TEST

START_TEST(test_merge)
{
    /* W = I: every exchange fixes it */
    double id2[6] = {1, 0, 0, 0, 1, 0};
    /* a published record (k = 20, p = (4, 16)) has two distinct blocks */
    double rec[6] = {-0.8406809641293299, 0.0973780702196202, 0.0832143691241362,
                     0.06663077408685619, 1.0050414775687169, -0.01790217591558637};
    /* three blocks whose single neuron is one more member of block 0:
       diag 0.5, inside 0.1 for blocks 0 and 1 together, 0.2 / 0.3 across */
    double three[12] = {0.5, 0.1, 0.3, 0.1,
                        0.1, 0.5, 0.3, 0,
                        0.2, 0.2, 0.9, 0.05};
    slong p2[2] = {4, 16}, p3[3] = {3, 1, 5}, b, c;
    ck_assert(rc_atlas_blocks_merge(&b, &c, p2, 2, id2, 1e-9));
    ck_assert(!rc_atlas_blocks_merge(&b, &c, p2, 2, rec, 1e-9));
    ck_assert(rc_atlas_blocks_merge(&b, &c, p3, 3, three, 1e-9));
    ck_assert(b == 0 && c == 1);
    three[4] = 0.1 + 1e-6;      /* cross 0 -> 1 no longer the inside value */
    ck_assert(!rc_atlas_blocks_merge(&b, &c, p3, 3, three, 1e-9));
}
END_TEST

/* a family continued from the data, k <= 10: every point is certified,
   distinct, and its status agrees with the dense Hessian at the centre */
START_TEST(test_chain_vs_dense)
{
    static const struct { rc_atlas_family f; slong a; } fam[3] = {
        {RC_ATLAS_TWO, 2}, {RC_ATLAS_TWO, 3}, {RC_ATLAS_THREE, 2} };
    /* the data have no three-block record with k < 19: a saddle of
       (2, 1, 8) at k = 11 to 12 digits, as relucert atlas found it */
    static const char * three[12] = {
        "-0.529446041061", "0.667715875926", "0.0730737366025", "0.250708306325",
        "-0.0394329061311", "0.0404420603142", "0.125674564453", "0",
        "0.0346183625895", "-0.0776189762772", "1.08585188514", "-0.0108804724003" };
    rc_atlas_seed_struct seeds[64];
    slong ns = 0, i, j, kmax = 11;
    rc_atlas_chain_t c;
    rc_error_t err;
    fmpq_t alpha;
    int saw_saddle = 0;

    if (fam[_i].f == RC_ATLAS_TWO)
        ns = read_seeds(seeds, 64, fam[_i].f, fam[_i].a, kmax);
    else
    {
        rc_atlas_seed_init(seeds);
        seeds[0].k = 11;
        for (j = 0; j < 12; j++)
            ck_assert(rc_number_parse_fmpq(seeds[0].vals + j, three[j], err) == 0);
        ns = 1;
        kmax = 12;
    }
    fmpq_init(alpha);
    fmpq_set_si(alpha, 1, 2);
    rc_atlas_chain_init(c, fam[_i].f, fam[_i].a, 6, kmax, alpha, 128);
    ck_assert(rc_atlas_chain_run(c, seeds, ns, err) == 0);
    ck_assert(c->npoints >= 3);
    for (i = 0; i < c->npoints; i++)
    {
        rc_atlas_point_struct * x = c->points + i;
        const char * st;
        slong neg;
        ck_assert_str_eq(rc_atlas_status(x), "undecided");     /* not yet certified */
        rc_atlas_chain_certify(c, i);
        st = rc_atlas_status(x);
        neg = tu_sym_dense_negatives(NULL, x->cert, 128);
        if (strcmp(st, "minimum") == 0)
            ck_assert_int_eq(neg, 0);
        else
        {
            /* a negative eigenvalue proved: the dense count agrees with the
               Morse index where it is certified, and is positive anyway */
            ck_assert_str_eq(st, "saddle");
            if (x->cert->morse_index >= 0)
                ck_assert_int_eq(neg, x->cert->morse_index);
            ck_assert(neg > 0);
            saw_saddle = 1;
        }
        if (i > 0)
            ck_assert(x->k > x[-1].k || x->track > x[-1].track);    /* sorted, distinct */
    }
    ck_assert(saw_saddle);      /* each of the three families has one for k <= 12 */
    rc_atlas_chain_clear(c);
    clear_seeds(seeds, ns);
    fmpq_clear(alpha);
}
END_TEST

/* starts that must give no point: zero neurons (all values 0), the global
   minimum (all blocks merge), and no seeds at all; a published start that
   gives nothing is reported */
START_TEST(test_chain_nothing)
{
    rc_atlas_seed_struct x[2];
    rc_atlas_chain_t c;
    rc_error_t err;
    fmpq_t alpha;
    slong j;

    fmpq_init(alpha);
    fmpq_set_si(alpha, 1, 2);
    rc_atlas_seed_init(x);
    rc_atlas_seed_init(x + 1);
    x[0].k = 8; x[0].index = 3;                 /* all zero: zero neurons */
    x[1].k = 9; x[1].index = 4;                 /* the identity */
    for (j = 0; j < 6; j++)
        fmpq_set_si(x[1].vals + j, j == 0 || j == 4, 1);
    rc_atlas_chain_init(c, RC_ATLAS_TWO, 3, 6, 12, alpha, 128);
    ck_assert(rc_atlas_chain_run(c, x, 2, err) == 0);
    ck_assert_int_eq(c->npoints, 0);
    ck_assert_int_eq(c->nends, 2);
    ck_assert(c->ends[0].index == 3 && strstr(c->ends[0].reason, "published record 3") != NULL);
    ck_assert(strstr(c->ends[1].reason, "merged") != NULL);
    rc_atlas_chain_clear(c);

    rc_atlas_chain_init(c, RC_ATLAS_TWO, 3, 6, 12, alpha, 128);
    ck_assert(rc_atlas_chain_run(c, NULL, 0, err) == 0);
    ck_assert_int_eq(c->npoints, 0);
    rc_atlas_chain_clear(c);

    /* no pattern in the range: an error */
    rc_atlas_chain_init(c, RC_ATLAS_THREE, 11, 6, 12, alpha, 128);
    ck_assert(rc_atlas_chain_run(c, NULL, 0, err) == 1);
    ck_assert(strstr(err->msg, "no pattern") != NULL);
    rc_atlas_chain_clear(c);
    rc_atlas_seed_clear(x);
    rc_atlas_seed_clear(x + 1);
    fmpq_clear(alpha);
}
END_TEST

/* at low precision a point may stay undecided, never change its status */
START_TEST(test_low_precision)
{
    static const slong precs[3] = {24, 32, 48};
    rc_atlas_seed_struct seeds[64];
    slong ns = read_seeds(seeds, 64, RC_ATLAS_TWO, 2, 10), i;
    rc_atlas_chain_t hi, lo;
    rc_error_t err;
    fmpq_t alpha;

    fmpq_init(alpha);
    fmpq_set_si(alpha, 1, 2);
    rc_atlas_chain_init(hi, RC_ATLAS_TWO, 2, 6, 10, alpha, 128);
    rc_atlas_chain_init(lo, RC_ATLAS_TWO, 2, 6, 10, alpha, precs[_i]);
    ck_assert(rc_atlas_chain_run(hi, seeds, ns, err) == 0);
    ck_assert(rc_atlas_chain_run(lo, seeds, ns, err) == 0);
    ck_assert_int_eq(hi->npoints, lo->npoints);
    for (i = 0; i < hi->npoints; i++)
    {
        const char * a, * b;
        rc_atlas_chain_certify(hi, i);
        rc_atlas_chain_certify(lo, i);
        a = rc_atlas_status(hi->points + i);
        b = rc_atlas_status(lo->points + i);
        ck_assert(strcmp(b, "undecided") == 0 || strcmp(b, "critical") == 0 || strcmp(a, b) == 0);
        ck_assert(strcmp(b, "refuted") != 0);
        if (strcmp(b, "saddle") == 0 && lo->points[i].cert->morse_index >= 0)
            ck_assert_int_eq(lo->points[i].cert->morse_index, hi->points[i].cert->morse_index);
    }
    rc_atlas_chain_clear(hi);
    rc_atlas_chain_clear(lo);
    clear_seeds(seeds, ns);
    fmpq_clear(alpha);
}
END_TEST

static Suite *
atlas_suite(void)
{
    Suite * s = suite_create("atlas");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_pattern);
    tcase_add_loop_test(tc, test_vals_layout, 0, 4);
    tcase_add_test(tc, test_merge);
    tcase_add_loop_test(tc, test_chain_vs_dense, 0, 3);
    tcase_add_test(tc, test_chain_nothing);
    tcase_add_loop_test(tc, test_low_precision, 0, 3);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(atlas_suite());
}
