/* The published dataset: rebuilding points exactly, agreement with the
   authors' floating-point figures, and bad records. */
#include <string.h>
#include <jansson.h>
#include "testutil.h"

static void
load(rc_point_t pt, slong k, slong index)
{
    rc_error_t err;
    ck_assert_msg(rc_point_read_dataset(pt, RC_DATASET, k, index, err) == 0, "%s", err->msg);
}

START_TEST(test_rebuild_k7)
{
    rc_point_t pt;
    fmpq_t q;
    rc_error_t err;
    rc_point_init(pt);
    fmpq_init(q);
    load(pt, 7, 1);
    ck_assert_int_eq(pt->n, 7);
    ck_assert_int_eq(pt->d, 7);
    /* p = [1, 6]; W = M^T with M from vals (data README) */
    rc_number_parse_fmpq(q, "-0.6327039049152542", err);
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->W, 0, 0), q));
    rc_number_parse_fmpq(q, "0.18599104632000957", err);   /* M[1][0] = vals[1][0] */
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->W, 0, 1), q));
    rc_number_parse_fmpq(q, "0.2616910758354652", err);    /* M[0][1] = vals[0][1] */
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->W, 1, 0), q));
    rc_number_parse_fmpq(q, "0.9969227987935689", err);    /* diagonal of block 1 */
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->W, 3, 3), q));
    rc_number_parse_fmpq(q, "-0.035080155932389", err);    /* inside block 1 */
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->W, 1, 2), q));
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->W, 6, 4), q));
    ck_assert(fmpq_is_one(fmpq_mat_entry(pt->V, 5, 5)));
    ck_assert(pt->w_line[0] == 3);       /* third line of the file */
    fmpq_clear(q);
    rc_point_clear(pt);
}
END_TEST

/* k = 7 non-global minimum: F ~ 0.023202714914, lambda_min ~ 0.0140590131825,
   |grad F| ~ 1.2e-10 (the file's figures), and a few more records. */
static const struct { slong k, index; const char * F; const char * eig; const char * gn; } recs[] = {
    {7, 1, "0.023202714914", "0.014059013182513933", "1.2112676604732996e-10"},
    {8, 1, NULL, "0.021346589190146436", "1.6120685746759441e-10"},
    {6, 0, "0", "0.09084505690810311", "0"},
    {12, 0, NULL, NULL, NULL},
    {16, 0, NULL, NULL, NULL},
};

START_TEST(test_published_figures)
{
    const slong prec = 192;
    rc_point_t pt;
    arb_mat_t W, V, G, H;
    arb_t F, gn, lam;
    slong N;
    int i = _i;
    rc_point_init(pt);
    load(pt, recs[i].k, recs[i].index);
    N = pt->n * pt->d;
    arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
    arb_mat_init(G, pt->n, pt->d); arb_mat_init(H, N, N);
    arb_init(F); arb_init(gn); arb_init(lam);
    rc_point_get_arb(W, V, pt, NULL, prec);
    rc_loss(F, W, V, prec);
    ck_assert(rc_gradient(G, W, V, prec));
    rc_mat_frobenius_norm(gn, G, prec);
    ck_assert(rc_hessian(H, W, V, prec));
    ck_assert(rc_mat_eig_min(lam, NULL, H, prec));
    ck_assert(mag_cmp_2exp_si(arb_radref(lam), -100) < 0);

    if (recs[i].F)
        ck_assert_msg(tu_within(F, recs[i].F, 1e-12), "k=%ld F", recs[i].k);
    if (recs[i].eig)
        ck_assert_msg(tu_within(lam, recs[i].eig, 1e-12), "k=%ld lambda_min", recs[i].k);
    if (recs[i].gn)
        ck_assert_msg(tu_within(gn, recs[i].gn, 1e-15), "k=%ld |grad|", recs[i].k);

    /* every record of the file agrees with the file's own floating figures */
    {
        FILE * f = fopen(RC_DATASET, "r");
        char * line = NULL;
        size_t cap = 0;
        int found = 0;
        while (getline(&line, &cap, f) != -1)
        {
            json_t * r = json_loads(line, 0, NULL);
            if (json_integer_value(json_object_get(r, "k")) == recs[i].k &&
                json_integer_value(json_object_get(r, "index")) == recs[i].index)
            {
                ck_assert(tu_within(lam, json_string_value(json_object_get(r, "min_hessian_eig")), 1e-11));
                ck_assert(tu_within(gn, json_string_value(json_object_get(r, "grad_norm")), 1e-13));
                found = 1;
            }
            json_decref(r);
        }
        free(line);
        fclose(f);
        ck_assert(found);
    }

    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(G); arb_mat_clear(H);
    arb_clear(F); arb_clear(gn); arb_clear(lam);
    rc_point_clear(pt);
}
END_TEST

static const struct { const char * json; const char * what; } badrecs[] = {
    {"{\"k\": 3, \"index\": 0", "invalid JSON"},
    {"[1, 2]", "JSON object"},
    {"{\"index\": 0}", "\"k\""},
    {"{\"k\": 3, \"kind\": \"spurious\", \"vals\": null}", "\"vals\""},
    {"{\"k\": 3, \"p\": [1, 1], \"vals\": [[\"1\",\"0\",\"0\"],[\"0\",\"1\",\"0\"]]}", "add up"},
    {"{\"k\": 3, \"p\": [1, 2], \"vals\": [[\"1\",\"0\",\"0\"]]}", "2 x 3"},
    {"{\"k\": 3, \"p\": [1, 2], \"vals\": [[\"1\",\"0\",\"0\"],[\"0\",1,\"0\"]]}", "decimal string"},
    {"{\"k\": 3, \"p\": [1, 2], \"vals\": [[\"1\",\"0\",\"0\"],[\"0\",\"NaN\",\"0\"]]}", "found 'NaN'"},
    {"{\"k\": 3, \"p\": [0, 3], \"vals\": [[\"1\",\"0\",\"0\"],[\"0\",\"1\",\"0\"]]}", "positive block"},
};

START_TEST(test_bad_records)
{
    rc_point_t pt;
    rc_error_t err;
    int i = _i;
    rc_point_init(pt);
    ck_assert(rc_point_set_dataset_record(pt, badrecs[i].json, "d.jsonl", 42, err) != 0);
    ck_assert_msg(strncmp(err->msg, "d.jsonl:42:", 11) == 0, "%s", err->msg);
    ck_assert_msg(strstr(err->msg, badrecs[i].what) != NULL, "case %d: %s", i, err->msg);
    rc_point_clear(pt);
}
END_TEST

START_TEST(test_missing_record)
{
    rc_point_t pt;
    rc_error_t err;
    rc_point_init(pt);
    ck_assert(rc_point_read_dataset(pt, RC_DATASET, 7, 99, err) != 0);
    ck_assert(strstr(err->msg, "k = 7 and index = 99") != NULL);
    ck_assert(rc_point_read_dataset(pt, "/nonexistent.jsonl", 7, 1, err) != 0);
    ck_assert(strstr(err->msg, "cannot open") != NULL);
    rc_point_clear(pt);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("dataset");
    TCase * tc = tcase_create("dataset");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_rebuild_k7);
    tcase_add_loop_test(tc, test_published_figures, 0, sizeof(recs) / sizeof(recs[0]));
    tcase_add_loop_test(tc, test_bad_records, 0, sizeof(badrecs) / sizeof(badrecs[0]));
    tcase_add_test(tc, test_missing_record);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
