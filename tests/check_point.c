/* The point file format: reading, and one clear line for every bad input. */
#include <string.h>
#include "testutil.h"

START_TEST(test_read_general)
{
    rc_point_t pt;
    fmpq_t q;
    rc_point_init(pt);
    fmpq_init(q);
    tu_point(pt,
             "# a general teacher\n"
             "teacher 2 3\n"
             "  1 0.5 -3/7   # row 1\n"
             "\n"
             "  0 1e-3 2\n"
             "student 3 3\n"
             "1 1 1\n"
             "0 -1 0.125\n"
             "2/3 0 0\n");
    ck_assert_int_eq(pt->n, 3);
    ck_assert_int_eq(pt->k, 2);
    ck_assert_int_eq(pt->d, 3);
    fmpq_set_si(q, -3, 7);
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->V, 0, 2), q));
    fmpq_set_si(q, 1, 1000);
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->V, 1, 1), q));
    fmpq_set_si(q, 2, 3);
    ck_assert(fmpq_equal(fmpq_mat_entry(pt->W, 2, 0), q));
    ck_assert_int_eq(pt->v_line[1], 5);
    ck_assert_int_eq(pt->w_line[0], 7);
    ck_assert_int_eq(pt->w_line[2], 9);
    ck_assert_int_eq(rc_point_zero_student(pt), -1);
    fmpq_clear(q);
    rc_point_clear(pt);
}
END_TEST

START_TEST(test_read_identity_student_first)
{
    rc_point_t pt;
    rc_point_init(pt);
    tu_point(pt, "student 2 3\n1 0 0\n0 0 0\nteacher identity 3\n");
    ck_assert_int_eq(pt->k, 3);
    ck_assert_int_eq(pt->d, 3);
    ck_assert(fmpq_is_one(fmpq_mat_entry(pt->V, 2, 2)));
    ck_assert(fmpq_is_zero(fmpq_mat_entry(pt->V, 2, 1)));
    ck_assert_int_eq(rc_point_zero_student(pt), 1);
    rc_point_clear(pt);
}
END_TEST

/* bad input, and the line the message must name */
static const struct { const char * text; const char * where; const char * what; } bad[] = {
    {"", "test:1:", "empty"},
    {"# only a comment\n\n", "test:2:", "empty"},
    {"teacher 2 2\n1 0\n", "test:2:", "1 more teacher rows"},
    {"teacher 2 2\n1 0\n0 1\nstudent 2 2\n1 0\n", "test:5:", "1 more student rows"},
    {"teacher 2 2\n1 0\n0 1 5\n", "test:3:", "expected 2 numbers"},
    {"teacher 2 2\n1 0\n0\n", "test:3:", "expected 2 numbers"},
    {"teacher 2 2\n1 0\n0 1\nstudent 1 3\n1 2 3\n", "test:4:", "dimension"},
    {"teacher 1 2\n1 x\nstudent 1 2\n1 1\n", "test:2:", "column 2"},
    {"teacher 1 2\n1 nan\nstudent 1 2\n1 1\n", "test:2:", "found 'nan'"},
    {"teacher 1 2\n1 inf\nstudent 1 2\n1 1\n", "test:2:", "found 'inf'"},
    {"teacher 1 2\n1 1e999999999\nstudent 1 2\n1 1\n", "test:2:", "exponent"},
    {"teacher 1 2\n1 0\nteacher 1 2\n1 0\n", "test:3:", "second"},
    {"teachers 1 2\n", "test:1:", "expected 'teacher K D'"},
    {"teacher -1 2\n", "test:1:", "positive integers"},
    {"teacher 0 2\n", "test:1:", "positive integers"},
    {"teacher 1 2 3\n", "test:1:", "positive integers"},
    {"teacher identity\n", "test:1:", "identity K"},
    {"teacher identity 0\n", "test:1:", "identity K"},
    {"teacher 1 2\n1 0\n", "test:2:", "'student N D' section"},
    {"student 1 2\n1 0\n", "test:2:", "'teacher K D' or 'teacher identity K' section"},
    {"teacher 2 2\n1 0\nstudent 1 2\n", "test:3:", "found a new section"},
    {"teacher 99999999 99999999\n", "test:1:", "positive integers"},
    {"teacher 100000 100000\n", "test:1:", "at most"},
};

START_TEST(test_bad_input)
{
    rc_point_t pt;
    rc_error_t err;
    int i = _i;
    rc_point_init(pt);
    ck_assert_msg(rc_point_read_string(pt, bad[i].text, "test", err) != 0,
                  "case %d accepted", i);
    ck_assert_msg(strncmp(err->msg, bad[i].where, strlen(bad[i].where)) == 0,
                  "case %d: '%s' does not start with '%s'", i, err->msg, bad[i].where);
    ck_assert_msg(strstr(err->msg, bad[i].what) != NULL,
                  "case %d: '%s' does not say '%s'", i, err->msg, bad[i].what);
    ck_assert_msg(strchr(err->msg, '\n') == NULL, "case %d: not one line", i);
    ck_assert_int_eq(pt->n, 0);
    rc_point_clear(pt);
}
END_TEST

START_TEST(test_missing_file)
{
    rc_point_t pt;
    rc_error_t err;
    rc_point_init(pt);
    ck_assert(rc_point_read_file(pt, "/nonexistent/relucert.txt", err) != 0);
    ck_assert(strstr(err->msg, "/nonexistent/relucert.txt: cannot open") != NULL);
    rc_point_clear(pt);
}
END_TEST

START_TEST(test_arb_box)
{
    rc_point_t pt;
    arb_mat_t W, V;
    fmpq_t r, q;
    rc_point_init(pt);
    fmpq_init(r);
    fmpq_init(q);
    tu_point(pt, "teacher identity 2\nstudent 1 2\n1/3 0.1\n");
    arb_mat_init(W, 1, 2);
    arb_mat_init(V, 2, 2);
    fmpq_set_si(r, 1, 100);
    rc_point_get_arb(W, V, pt, r, 128);
    /* the box contains 1/3 +- 1/100 and nothing much beyond */
    fmpq_set_si(q, 1, 3);
    fmpq_add(q, q, r);
    ck_assert(arb_contains_fmpq(arb_mat_entry(W, 0, 0), q));
    fmpq_set_si(q, 1, 10);
    fmpq_sub(q, q, r);
    ck_assert(arb_contains_fmpq(arb_mat_entry(W, 0, 1), q));
    fmpq_set_si(q, 12, 100);
    ck_assert(!arb_contains_fmpq(arb_mat_entry(W, 0, 1), q));
    ck_assert(arb_is_exact(arb_mat_entry(V, 1, 1)));
    arb_mat_clear(W);
    arb_mat_clear(V);
    fmpq_clear(r);
    fmpq_clear(q);
    rc_point_clear(pt);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("point");
    TCase * tc = tcase_create("read");
    tcase_add_test(tc, test_read_general);
    tcase_add_test(tc, test_read_identity_student_first);
    tcase_add_loop_test(tc, test_bad_input, 0, sizeof(bad) / sizeof(bad[0]));
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_arb_box);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
