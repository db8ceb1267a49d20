/* Independent 50-digit references (tests/ref/gen_reference.py, mpmath):
   every enclosure at 256 bits must overlap reference +- 1e-50 and be
   narrower than 1e-40, for a general teacher (not orthogonal, d != k,
   n != k), parallel and opposite pairs, and rational inputs. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

#define PREC 256

static const char * cases[] = {"general", "parallel", "rational"};

static int
matches(const arb_t x, const char * ref, double tol)
{
    fmpq_t q;
    arb_t r, t;
    rc_error_t err;
    int ok;
    fmpq_init(q);
    arb_init(r);
    arb_init(t);
    ck_assert_msg(rc_number_parse_fmpq(q, ref, err) == 0, "bad reference %s", ref);
    arb_set_fmpq(r, q, 512);
    arb_set_d(t, tol);
    arb_add_error(r, t);
    ok = arb_overlaps(x, r) && mag_cmp_2exp_si(arb_radref(x), -133) < 0;  /* < 1e-40 */
    fmpq_clear(q);
    arb_clear(r);
    arb_clear(t);
    return ok;
}

START_TEST(test_reference)
{
    const char * name = cases[_i];
    char path[1024], line[4096], cname[64], what[16];
    FILE * f;
    rc_point_t pt;
    rc_error_t err;
    arb_mat_t W, V, G, H;
    arb_t F, lam;
    slong N, seen = 0;

    snprintf(path, sizeof path, "%s/ref-%s.txt", RC_TEST_DATA, name);
    rc_point_init(pt);
    ck_assert_msg(rc_point_read_file(pt, path, err) == 0, "%s", err->msg);
    N = pt->n * pt->d;
    arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
    arb_mat_init(G, pt->n, pt->d); arb_mat_init(H, N, N);
    arb_init(F); arb_init(lam);
    rc_point_get_arb(W, V, pt, NULL, PREC);
    rc_loss(F, W, V, PREC);
    ck_assert(rc_gradient(G, W, V, PREC));
    ck_assert(rc_hessian(H, W, V, PREC));
    rc_mat_eig_min(lam, NULL, H, PREC);

    snprintf(path, sizeof path, "%s/reference.txt", RC_TEST_DATA);
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    while (fgets(line, sizeof line, f))
    {
        char val[512];
        long i, j;
        if (line[0] == '#' || sscanf(line, "%63s %15s", cname, what) != 2 || strcmp(cname, name))
            continue;
        if (strcmp(what, "loss") == 0 && sscanf(line, "%*s %*s %511s", val) == 1)
            ck_assert_msg(matches(F, val, 1e-50), "%s loss", name);
        else if (strcmp(what, "grad") == 0 && sscanf(line, "%*s %*s %ld %ld %511s", &i, &j, val) == 3)
            ck_assert_msg(matches(arb_mat_entry(G, i, j), val, 1e-50), "%s grad %ld %ld", name, i, j);
        else if (strcmp(what, "hess") == 0 && sscanf(line, "%*s %*s %ld %ld %511s", &i, &j, val) == 3)
            ck_assert_msg(matches(arb_mat_entry(H, i, j), val, 1e-50), "%s hess %ld %ld", name, i, j);
        else if (strcmp(what, "eigmin") == 0 && sscanf(line, "%*s %*s %511s", val) == 1)
            ck_assert_msg(matches(lam, val, 1e-50), "%s eigmin", name);
        else
            ck_abort_msg("unreadable reference line: %s", line);
        seen++;
    }
    fclose(f);
    ck_assert_int_eq(seen, 2 + N + N * N);

    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(G); arb_mat_clear(H);
    arb_clear(F); arb_clear(lam);
    rc_point_clear(pt);
}
END_TEST

/* The parallel case has a null direction (mass moved between the parallel
   students w1, w2): lambda_min = 0 exactly, so neither sign may be claimed. */
START_TEST(test_parallel_null_direction)
{
    char path[1024];
    rc_point_t pt;
    rc_error_t err;
    arb_mat_t W, V, H;
    arb_t lam;
    snprintf(path, sizeof path, "%s/ref-parallel.txt", RC_TEST_DATA);
    rc_point_init(pt);
    ck_assert(rc_point_read_file(pt, path, err) == 0);
    arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
    arb_mat_init(H, pt->n * pt->d, pt->n * pt->d);
    arb_init(lam);
    rc_point_get_arb(W, V, pt, NULL, PREC);
    rc_hessian(H, W, V, PREC);
    rc_mat_eig_min(lam, NULL, H, PREC);
    ck_assert(arb_contains_zero(lam));
    ck_assert(!rc_mat_spd_certify(H, NULL, PREC));
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(H);
    arb_clear(lam);
    rc_point_clear(pt);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("reference");
    TCase * tc = tcase_create("mpmath");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_reference, 0, 3);
    tcase_add_test(tc, test_parallel_null_direction);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
