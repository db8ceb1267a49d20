/* The minimum certificate: known truths, must-not-prove cases, and the
   checker against tampered certificates. */
#include <string.h>
#include "testutil.h"

/* certifies the dataset record (k, index) at prec */
static void
find_record(rc_mincert_t c, slong k, slong index, slong prec)
{
    rc_point_t pt;
    rc_error_t err;
    arb_mat_t W, V;
    fmpq_t half;

    rc_point_init(pt);
    ck_assert_msg(rc_point_read_dataset(pt, RC_DATASET, k, index, err) == 0, "%s", err->msg);
    arb_mat_init(W, pt->n, pt->d);
    arb_mat_init(V, pt->k, pt->d);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    rc_point_get_arb(W, V, pt, NULL, prec);
    ck_assert_msg(rc_mincert_find(c, W, pt->V, half, prec, err) == 0, "%s", err->msg);
    arb_mat_clear(W); arb_mat_clear(V);
    fmpq_clear(half);
    rc_point_clear(pt);
}

/* the k = 7 spurious minimum's certificate, as JSON text (cached) */
static char * k7_text = NULL;

static json_t *
k7_json(void)
{
    json_error_t je;
    if (k7_text == NULL)
    {
        rc_mincert_t c;
        json_t * root;
        rc_mincert_init(c);
        find_record(c, 7, 1, 256);
        ck_assert(rc_mincert_success(c));
        root = rc_mincert_to_json(c, "test");
        k7_text = json_dumps(root, JSON_PRESERVE_ORDER);
        json_decref(root);
        rc_mincert_clear(c);
    }
    return json_loads(k7_text, 0, &je);
}

/* W = I_k: a strict minimum with lambda_min = 1/4 - 1/(2 pi), F = 0 in the
   enclosure, and proved global (non_global refuted), never non-global */
START_TEST(test_identity)
{
    slong k = 3 + _i, i, j;
    rc_mincert_t c;
    rc_error_t err;
    arb_mat_t W;
    fmpq_mat_t V;
    fmpq_t half;
    arb_t exact, lo, t6;

    arb_init(t6);
    rc_mincert_init(c);
    arb_mat_init(W, k, k);
    fmpq_mat_init(V, k, k);
    fmpq_init(half);
    arb_init(exact); arb_init(lo);
    fmpq_set_si(half, 1, 2);
    arb_mat_one(W);
    fmpq_mat_one(V);
    ck_assert(rc_mincert_find(c, W, V, half, 256, err) == 0);
    ck_assert_int_eq(c->critical, RC_PROVED);
    ck_assert_int_eq(c->strict_min, RC_PROVED);
    ck_assert_int_eq(c->non_global, RC_REFUTED);
    for (i = 0; i < k; i++)
        ck_assert_int_eq(c->global_perm[i], i);
    ck_assert(arb_contains_zero(c->loss));
    ck_assert(rc_mincert_success(c));
    /* lambda_lower within 1e-6 below 1/4 - 1/(2 pi) */
    arb_const_pi(exact, 256);
    arb_mul_2exp_si(exact, exact, 1);
    arb_inv(exact, exact, 256);
    arb_neg(exact, exact);
    arb_set_d(lo, 0.25);
    arb_add(exact, exact, lo, 256);
    arb_set_fmpq(lo, c->lam_lower, 256);
    ck_assert(arb_lt(lo, exact));
    arb_set_d(t6, 1e-6);
    arb_add(lo, lo, t6, 256);
    ck_assert(arb_gt(lo, exact));
    /* H'_ii = 0 at the global minimum: no split claim can be proved */
    ck_assert_int_ne(c->saddle, RC_PROVED);
    for (j = 0; j < k; j++)
        ck_assert_int_ne(c->split[j], RC_PROVED);
    arb_mat_clear(W);
    fmpq_mat_clear(V);
    fmpq_clear(half);
    arb_clear(exact); arb_clear(lo); arb_clear(t6);
    rc_mincert_clear(c);
}
END_TEST

/* the published k = 7 and k = 8 non-global minima: everything proved, the
   split cross-check agrees with the lemma, the JSON round trip checks */
START_TEST(test_dataset_records)
{
    slong k = 7 + _i, i;
    rc_mincert_t c;
    rc_error_t why;
    json_t * root;
    arb_t t;

    rc_mincert_init(c);
    arb_init(t);
    find_record(c, k, 1, 256);
    ck_assert_int_eq(c->critical, RC_PROVED);
    ck_assert_int_eq(c->strict_min, RC_PROVED);
    ck_assert_int_eq(c->non_global, RC_PROVED);
    ck_assert(arb_is_positive(c->loss));
    ck_assert_int_eq(c->saddle, RC_PROVED);
    ck_assert_int_eq(c->cross, RC_PROVED);
    ck_assert(rc_mincert_success(c));
    for (i = 0; i < k; i++)
    {
        ck_assert_int_eq(c->split[i], RC_PROVED);
        /* lam_i = tr(H'_ii)/d is at least lambda_min(H'_ii), and q_i is a
           Rayleigh quotient near lambda_min: lam_i must not be below q_i
           by more than the enclosures allow */
        ck_assert(!arb_lt(c->lam + i, c->split_q + i));
    }
    /* split lemma at alpha = 1/2: curvature of (u, -u) = 2 q at W* */
    arb_mul_2exp_si(t, c->split_q + c->cross_neuron, 1);
    ck_assert(arb_overlaps(t, c->cross_q));
    root = rc_mincert_to_json(c, "test");
    ck_assert_msg(rc_mincert_check(why, root) == 0, "%s", why->msg);
    json_decref(root);
    arb_clear(t);
    rc_mincert_clear(c);
}
END_TEST

/* a (k+1)-neuron split point of the k = 7 minimum, offered as a candidate
   minimum: its critical points form a continuum (alpha), so Krawczyk must
   not prove uniqueness and no strict minimum may be claimed */
START_TEST(test_split_point_not_proved)
{
    rc_point_t pt;
    rc_error_t err;
    rc_mincert_t c;
    arb_mat_t W, W8, V;
    fmpq_t half;
    slong a, i;

    rc_point_init(pt);
    ck_assert(rc_point_read_dataset(pt, RC_DATASET, 7, 1, err) == 0);
    arb_mat_init(W, 7, 7); arb_mat_init(V, 7, 7); arb_mat_init(W8, 8, 7);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    rc_point_get_arb(W, V, pt, NULL, 256);
    rc_refine_newton(W, W, V, 60, 256);
    for (i = 0; i < 7; i++)
        for (a = 0; a < 7; a++)
        {
            arb_set(arb_mat_entry(W8, i + (i > 2), a), arb_mat_entry(W, i, a));
            if (i == 2)
            {
                arb_mul_2exp_si(arb_mat_entry(W8, 2, a), arb_mat_entry(W, 2, a), -1);
                arb_mul_2exp_si(arb_mat_entry(W8, 3, a), arb_mat_entry(W, 2, a), -1);
            }
        }
    rc_mincert_init(c);
    ck_assert(rc_mincert_find(c, W8, pt->V, half, 256, err) == 0);
    ck_assert_int_ne(c->critical, RC_PROVED);
    ck_assert_int_ne(c->positive_definite, RC_PROVED);
    /* it is a strict saddle (split lemma): the certifier says so, with a
       direction of negative curvature over the whole box */
    ck_assert_int_eq(c->strict_min, RC_REFUTED);
    ck_assert(c->have_neg_dir);
    ck_assert(arb_is_negative(c->neg_curv));
    ck_assert(!rc_mincert_success(c));
    rc_mincert_clear(c);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(W8);
    fmpq_clear(half);
    rc_point_clear(pt);
}
END_TEST

/* a random point: no critical point there */
START_TEST(test_random_point_not_proved)
{
    flint_rand_t st;
    rc_mincert_t c;
    rc_error_t err;
    arb_mat_t W;
    fmpq_mat_t V;
    fmpq_t half;

    flint_randinit(st);
    arb_mat_init(W, 5, 5);
    fmpq_mat_init(V, 5, 5);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    fmpq_mat_one(V);
    tu_rand_mat(W, st, 0);
    rc_mincert_init(c);
    /* the box of radius 2^-96 around the random point itself: rc_mincert_find
       would first move the point by Newton's method, which may well converge
       to a true critical point (it does with some LAPACK builds) */
    c->prec = 256;
    rc_mincert_set_dims(c, 5, 5, 5);
    fmpq_mat_set(c->V, V);
    {
        slong i, a;
        for (i = 0; i < 5; i++)
            for (a = 0; a < 5; a++)
                ck_assert(rc_number_set_arf(fmpq_mat_entry(c->centre, i, a),
                                            arb_midref(arb_mat_entry(W, i, a))) == 0);
    }
    c->radius_log2 = -96;
    ck_assert(rc_mincert_verify(c, err) == 0);
    /* far from a critical point: refuted, with a gradient coordinate that
       is nonzero on the whole box */
    ck_assert_int_eq(c->critical, RC_REFUTED);
    ck_assert(c->critical_witness >= 0 && c->critical_witness < 25);
    ck_assert_int_ne(c->strict_min, RC_PROVED);
    ck_assert(!rc_mincert_success(c));
    rc_mincert_clear(c);
    arb_mat_clear(W);
    fmpq_mat_clear(V);
    fmpq_clear(half);
    flint_randclear(st);
}
END_TEST

/* the k = 7 minimum at low precisions: at 16 to 24 bits nothing can be
   separated and all stays undecided; whatever is proved at 32 to 48 bits
   must be true (lambda_lower below the 256-bit value, F enclosed) */
START_TEST(test_low_precision)
{
    static const slong precs[] = {16, 20, 24, 32, 40, 48};
    rc_mincert_t c;
    slong prec = precs[_i];
    arb_t lam_true, t;

    rc_mincert_init(c);
    arb_init(lam_true); arb_init(t);
    find_record(c, 7, 1, prec);
    ck_assert_int_ne(c->critical, RC_REFUTED);
    if (prec <= 24)
    {
        ck_assert_int_ne(c->strict_min, RC_PROVED);
        ck_assert_int_ne(c->saddle, RC_PROVED);
        ck_assert_int_ne(c->cross, RC_PROVED);
        ck_assert(!rc_mincert_success(c));
    }
    if (c->positive_definite == RC_PROVED)
    {
        /* lambda_min at the minimum is 0.01405901318251436325... */
        arb_set_fmpq(t, c->lam_lower, 256);
        ck_assert_msg(arf_cmp_d(arb_midref(t), 0.0140590131825144) < 0,
                      "prec %ld: lambda_lower above lambda_min", prec);
    }
    ck_assert(tu_contains(c->loss, "0.023202714913566075837"));
    arb_clear(lam_true); arb_clear(t);
    rc_mincert_clear(c);
}
END_TEST

/* a box holding a zero neuron: F is not C^2 there, nothing that needs a
   derivative may be claimed */
START_TEST(test_zero_neuron_box)
{
    rc_mincert_t c;
    rc_error_t err;
    json_t * root = k7_json();
    slong a;

    rc_mincert_init(c);
    ck_assert(rc_mincert_from_json(c, root, err) == 0);
    for (a = 0; a < c->d; a++)
        fmpq_zero(fmpq_mat_entry(c->centre, 4, a));
    ck_assert(rc_mincert_verify(c, err) == 0);
    ck_assert_int_eq(c->critical, RC_UNDECIDED);
    ck_assert_int_eq(c->positive_definite, RC_UNDECIDED);
    ck_assert_int_eq(c->strict_min, RC_UNDECIDED);
    ck_assert_int_eq(c->saddle, RC_UNDECIDED);
    ck_assert_int_eq(c->cross, RC_UNDECIDED);
    ck_assert(!rc_mincert_success(c));
    rc_mincert_clear(c);
    json_decref(root);
}
END_TEST

/* replaces the value at a path ("box.radius_log2") by v (stolen) */
static void
set_path(json_t * root, const char * path, json_t * v)
{
    char buf[256], * p, * last;
    json_t * o = root;

    snprintf(buf, sizeof buf, "%s", path);
    last = buf;
    while ((p = strchr(last, '.')) != NULL)
    {
        *p = '\0';
        if (json_is_array(o))
            o = json_array_get(o, atol(last));
        else
            o = json_object_get(o, last);
        ck_assert_msg(o != NULL, "no %s in %s", last, path);
        last = p + 1;
    }
    if (json_is_array(o))
        ck_assert(json_array_set_new(o, atol(last), v) == 0);
    else
        ck_assert(json_object_set_new(o, last, v) == 0);
}

static const struct
{
    const char * path;
    const char * value;   /* JSON text */
    const char * expect;  /* part of the reason */
}
tampers[] = {
    {"format", "\"relucert-certificate/2\"", "format"},
    {"kind", "\"maximum\"", "kind"},
    /* centre moved by 2^-20: the box no longer holds the critical point */
    {"box.centre.0.0", "\"-0.6327029512\"", "centre"},
    {"box.centre.3.3", "\"0.75\"", "critical_point"},
    {"box.radius_log2", "-250", "critical_point"},
    {"box.radius_log2", "-6", "critical_point"},
    {"witnesses.lambda_lower", "\"0.02\"", "positive_definite"},
    {"witnesses.split_directions.0", "[\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\"]", "saddle"},
    /* J: a neuron other than the cross-check neuron, read from the
       certificate (the producer's witness choice, which the test must not
       assume; a bad direction there fails the cross-check first) */
    {"witnesses.split_directions.J", "[\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"]", "neurons[J]"},
    {"witnesses.cross_check.alpha", "\"1.5\"", "alpha"},
    {"claims.non_global.loss.hi", "\"0.0232\"", "loss"},
    {"claims.non_global.loss.lo", "\"0.03\"", "loss"},
    {"claims.saddle_after_split.neurons.2.quotient.hi", "\"-0.5\"", "quotient"},
    {"claims.norm_sum_le_k.verdict", "\"refuted\"", "norm_sum_le_k"},
    {"claims.critical_point.verdict", "\"undecided\"", "critical_point"},
    {"success", "false", "success"},
    {"teacher.0.0", "\"2\"", ""},
    {"prec", "40", ""},
};

/* s with each J replaced by j (into buf) */
static const char *
subst_j(char * buf, size_t size, const char * s, long j)
{
    size_t o = 0;
    for (; *s != '\0' && o + 24 < size; s++)
    {
        if (*s == 'J')
            o += (size_t) snprintf(buf + o, size - o, "%ld", j);
        else
            buf[o++] = *s;
    }
    buf[o] = '\0';
    return buf;
}

START_TEST(test_tampered)
{
    json_t * root = k7_json(), * v, * cn;
    json_error_t je;
    rc_error_t why;
    char * before, path[256], expect[256];
    long j;

    ck_assert_msg(rc_cert_check(why, root) == 0, "%s", why->msg);
    /* the centre entry (0,0) must be the one the table moves */
    before = json_dumps(json_object_get(json_object_get(root, "box"), "centre"), 0);
    ck_assert(strncmp(before, "[[\"-0.63270", 11) == 0);
    free(before);
    cn = json_object_get(json_object_get(json_object_get(root, "witnesses"), "cross_check"),
                         "neuron");
    ck_assert(json_is_integer(cn));
    j = (long) (json_integer_value(cn) + 1) % 7;
    subst_j(path, sizeof path, tampers[_i].path, j);
    subst_j(expect, sizeof expect, tampers[_i].expect, j);
    v = json_loads(tampers[_i].value, JSON_DECODE_ANY, &je);
    ck_assert(v != NULL);
    set_path(root, path, v);
    ck_assert_msg(rc_cert_check(why, root) != 0, "tamper %s = %s accepted",
                  path, tampers[_i].value);
    ck_assert_msg(strstr(why->msg, expect) != NULL,
                  "tamper %s: reason '%s' does not name %s", path, why->msg, expect);
    json_decref(root);
}
END_TEST

/* exact numbers round-trip */
START_TEST(test_number_roundtrip)
{
    const char * s[] = {"0", "-0.15625", "3", "1/3", "-22/7", "0.1", "1e-30", "123456789.000000001"};
    fmpq_t x, y;
    rc_error_t err;
    slong i;

    fmpq_init(x); fmpq_init(y);
    for (i = 0; i < (slong) (sizeof s / sizeof s[0]); i++)
    {
        char * t;
        ck_assert(rc_number_parse_fmpq(x, s[i], err) == 0);
        t = rc_number_get_str(x);
        ck_assert(rc_number_parse_fmpq(y, t, err) == 0);
        ck_assert_msg(fmpq_equal(x, y), "%s -> %s", s[i], t);
        flint_free(t);
    }
    fmpq_clear(x); fmpq_clear(y);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("mincert");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_number_roundtrip);
    tcase_add_loop_test(tc, test_identity, 0, 3);
    tcase_add_loop_test(tc, test_dataset_records, 0, 2);
    tcase_add_test(tc, test_split_point_not_proved);
    tcase_add_test(tc, test_random_point_not_proved);
    tcase_add_loop_test(tc, test_low_precision, 0, 6);
    tcase_add_test(tc, test_zero_neuron_box);
    tcase_add_loop_test(tc, test_tampered, 0, (int) (sizeof tampers / sizeof tampers[0]));
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
