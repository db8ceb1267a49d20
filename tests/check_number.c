/* Exact reading of decimals and rationals, and of the integer fields of
   certificates (one spelling each). */
#include "testutil.h"

static void
expect(const char * s, slong num, slong den)
{
    fmpq_t x, y;
    rc_error_t err;
    fmpq_init(x);
    fmpq_init(y);
    ck_assert_msg(rc_number_parse_fmpq(x, s, err) == 0, "'%s' rejected: %s", s, err->msg);
    fmpq_set_si(y, num, den);
    ck_assert_msg(fmpq_equal(x, y), "'%s' read wrongly", s);
    fmpq_clear(x);
    fmpq_clear(y);
}

START_TEST(test_decimals)
{
    expect("0.1", 1, 10);
    expect("-0.25", -1, 4);
    expect("1e-3", 1, 1000);
    expect("+2.5E+2", 250, 1);
    expect(".5", 1, 2);
    expect("5.", 5, 1);
    expect("007", 7, 1);
    expect("-0", 0, 1);
    expect("12.5e-1", 5, 4);
}
END_TEST

START_TEST(test_rationals)
{
    expect("3/7", 3, 7);
    expect("-12/8", -3, 2);
    expect("0/5", 0, 1);
}
END_TEST

START_TEST(test_long_decimal_exact)
{
    fmpq_t x;
    fmpz_t num, den;
    rc_error_t err;
    fmpq_init(x);
    fmpz_init(num);
    fmpz_init(den);
    ck_assert(rc_number_parse_fmpq(x, "-0.6327039049152542", err) == 0);
    fmpz_set_str(num, "-3163519524576271", 10);
    fmpz_set_str(den, "5000000000000000", 10);
    ck_assert(fmpz_equal(fmpq_numref(x), num));
    ck_assert(fmpz_equal(fmpq_denref(x), den));
    fmpq_clear(x);
    fmpz_clear(num);
    fmpz_clear(den);
}
END_TEST

START_TEST(test_bad_numbers)
{
    const char * bad[] = {"", "abc", "nan", "NaN", "inf", "-inf", "1/0", "1e",
                          "1e+", "0x10", "1.2.3", "--1", "3/", "/3", "1/-2",
                          "1e999999", "1e-100001", "1e1234567890", ".", "-",
                          "1,5", "1 2", "3/7.5", "2e3/4"};
    size_t i;
    fmpq_t x;
    rc_error_t err;
    fmpq_init(x);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    {
        ck_assert_msg(rc_number_parse_fmpq(x, bad[i], err) != 0, "'%s' accepted", bad[i]);
        ck_assert_msg(strstr(err->msg, "expected a number") != NULL, "message: %s", err->msg);
        ck_assert(fmpq_is_zero(x));
    }
    fmpq_clear(x);
}
END_TEST

/* The ball made from a decimal holds the exact value and not the nearest
   double: reading never goes through a C double. */
START_TEST(test_not_through_double)
{
    fmpq_t x, dq;
    arb_t b;
    rc_error_t err;
    fmpq_init(x);
    fmpq_init(dq);
    arb_init(b);
    ck_assert(rc_number_parse_fmpq(x, "0.1", err) == 0);
    arb_set_fmpq(b, x, 256);
    ck_assert(arb_contains_fmpq(b, x));
    arf_set_d(arb_midref(b), 0.1);       /* exact value of double 0.1 */
    arf_get_fmpq(dq, arb_midref(b));
    arb_set_fmpq(b, x, 256);
    ck_assert(!arb_contains_fmpq(b, dq));
    fmpq_clear(x);
    fmpq_clear(dq);
    arb_clear(b);
}
END_TEST

/* integers in certificates: JSON integers in range for counts and indices,
   canonical decimal strings for 64-bit values */
START_TEST(test_integer_fields)
{
    static const char * good[] = {"0", "1", "42", "18446744073709551615"};
    static const uint64_t good_v[] = {0, 1, 42, UINT64_MAX};
    static const char * bad[] = {"", " 1", "1 ", "+1", "-1", "-0", "01", "00", "1.0", "1e3",
                                 "0x10", "\t1", "1\n", "18446744073709551616",
                                 "-18446744073709551615", "99999999999999999999",
                                 "000000000000000000001", "1_000", "１"};
    rc_error_t err;
    uint64_t u;
    slong x, i;
    json_t * v;

    for (i = 0; i < (slong) (sizeof good / sizeof good[0]); i++)
    {
        v = json_string(good[i]);
        ck_assert_msg(rc_json_get_u64_str(&u, v, "seed", err) == 0, "%s: %s", good[i], err->msg);
        ck_assert(u == good_v[i]);
        json_decref(v);
    }
    for (i = 0; i < (slong) (sizeof bad / sizeof bad[0]); i++)
    {
        v = json_string(bad[i]);
        u = 7;
        ck_assert_msg(rc_json_get_u64_str(&u, v, "seed", err) != 0, "\"%s\" accepted", bad[i]);
        ck_assert(u == 7 && strstr(err->msg, "seed: ") == err->msg);
        json_decref(v);
    }
    /* a NUL inside the string, a JSON integer, a real, null */
    v = json_stringn("1\0" "2", 3);
    ck_assert(rc_json_get_u64_str(&u, v, "seed", err) != 0);
    json_decref(v);
    v = json_integer(1);
    ck_assert(rc_json_get_u64_str(&u, v, "seed", err) != 0);
    json_decref(v);
    ck_assert(rc_json_get_u64_str(&u, NULL, "seed", err) != 0);

    /* JSON integers: 1.0 and "1" are not integers, the range is closed */
    v = json_integer(5);
    ck_assert(rc_json_get_slong(&x, v, 5, 5, "n", err) == 0 && x == 5);
    ck_assert(rc_json_get_slong(&x, v, 6, 9, "n", err) != 0);
    ck_assert(rc_json_get_slong(&x, v, 0, 4, "n", err) != 0);
    ck_assert(rc_json_is_slong(v, 5) && !rc_json_is_slong(v, 4));
    json_decref(v);
    v = json_real(5.0);
    ck_assert(rc_json_get_slong(&x, v, 0, 9, "n", err) != 0);
    ck_assert(!rc_json_is_slong(v, 5));
    json_decref(v);
    v = json_string("5");
    ck_assert(rc_json_get_slong(&x, v, 0, 9, "n", err) != 0);
    ck_assert(!rc_json_is_slong(v, 5) && !rc_json_is_slong(v, 0));
    json_decref(v);
    v = json_real(0.0);
    ck_assert(!rc_json_is_slong(v, 0));
    json_decref(v);
    ck_assert(!rc_json_is_slong(NULL, 0));
    /* jansson itself: leading zeros and integers beyond 64 bits are not JSON */
    {
        json_error_t je;
        ck_assert(json_loads("[01]", 0, &je) == NULL);
        ck_assert(json_loads("[9223372036854775808]", 0, &je) == NULL);
        v = json_loads("[1.0, 1e0]", 0, &je);
        ck_assert(v != NULL && json_is_real(json_array_get(v, 0)) && json_is_real(json_array_get(v, 1)));
        json_decref(v);
    }
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("number");
    TCase * tc = tcase_create("parse");
    tcase_add_test(tc, test_decimals);
    tcase_add_test(tc, test_rationals);
    tcase_add_test(tc, test_long_decimal_exact);
    tcase_add_test(tc, test_bad_numbers);
    tcase_add_test(tc, test_not_through_double);
    tcase_add_test(tc, test_integer_fields);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
