/* The one-block census (proofs/lemmas.md L16): at small k it is complete,
   finds the global minimum W = I with index 0, and every critical point an
   independent multi-start Newton search finds (plain double, on the dense
   gradient and Hessian of src/float, not on the symmetry code) lies in one
   of its existence boxes with the same Morse index; the small-student bound
   of L16(b) holds at random points; tampered certificates fail the check. */
#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <lapacke.h>
#include "testutil.h"

#define PI_D 3.14159265358979323846

/* ---- the independent search: W = alpha I + beta (J - I), dense double ---- */

static void
dense_w(double * W, slong k, double a, double b)
{
    slong i, r;
    for (i = 0; i < k; i++)
        for (r = 0; r < k; r++)
            W[i * k + r] = i == r ? a : b;
}

/* grad phi = (sum of the diagonal of grad F, sum of the rest) */
static void
d_phi_grad(double * g, slong k, double a, double b)
{
    double * W = flint_malloc(sizeof(double) * k * k), * V = flint_calloc(k * k, sizeof(double));
    double * G = flint_malloc(sizeof(double) * k * k);
    slong i, r;

    for (i = 0; i < k; i++)
        V[i * k + i] = 1;
    dense_w(W, k, a, b);
    rc_d_gradient(G, W, k, V, k, k);
    g[0] = g[1] = 0;
    for (i = 0; i < k; i++)
        for (r = 0; r < k; r++)
            g[i == r ? 0 : 1] += G[i * k + r];
    flint_free(W); flint_free(V); flint_free(G);
}

static int
d_newton(double * x, slong k)
{
    slong it, o;
    for (it = 0; it < 80; it++)
    {
        double g[2], gp[2], gm[2], J[2][2], det, d0, d1;
        if (x[0] * x[0] + x[1] * x[1] < 1e-12)
            return 0;
        d_phi_grad(g, k, x[0], x[1]);
        for (o = 0; o < 2; o++)
        {
            double y[2] = { x[0], x[1] }, h = 1e-6 * (1 + fabs(x[o]));
            y[o] += h;
            d_phi_grad(gp, k, y[0], y[1]);
            y[o] -= 2 * h;
            d_phi_grad(gm, k, y[0], y[1]);
            J[0][o] = (gp[0] - gm[0]) / (2 * h);
            J[1][o] = (gp[1] - gm[1]) / (2 * h);
        }
        det = J[0][0] * J[1][1] - J[0][1] * J[1][0];
        if (!(fabs(det) > 1e-300))
            return 0;
        d0 = (J[1][1] * g[0] - J[0][1] * g[1]) / det;
        d1 = (-J[1][0] * g[0] + J[0][0] * g[1]) / det;
        /* damped: at most 1/4 per step */
        {
            double s = fabs(d0) + fabs(d1), f = s > 0.25 ? 0.25 / s : 1;
            x[0] -= f * d0;
            x[1] -= f * d1;
        }
        if (!isfinite(x[0]) || !isfinite(x[1]) || fabs(x[0]) > 100)
            return 0;
        d_phi_grad(g, k, x[0], x[1]);
        if (fabs(g[0]) + fabs(g[1]) < 1e-11 && fabs(d0) + fabs(d1) < 1e-9)
            return 1;
    }
    return 0;
}

/* the number of negative eigenvalues of the dense k^2 x k^2 Hessian at the
   point, -1 if an eigenvalue is within 1e-8 of 0 or the Hessian fails */
static slong
d_index(slong k, double a, double b)
{
    slong N = k * k, i, neg = 0;
    double * W = flint_malloc(sizeof(double) * N), * V = flint_calloc(N, sizeof(double));
    double * H = flint_malloc(sizeof(double) * N * N), * ev = flint_malloc(sizeof(double) * N);

    for (i = 0; i < k; i++)
        V[i * k + i] = 1;
    dense_w(W, k, a, b);
    if (rc_d_hessian(H, W, k, V, k, k) != 0
        || LAPACKE_dsyev(LAPACK_ROW_MAJOR, 'N', 'U', N, H, N, ev) != 0)
        neg = -1;
    for (i = 0; i < N && neg >= 0; i++)
    {
        if (!isfinite(ev[i]) || fabs(ev[i]) < 1e-8)
            neg = -1;
        else if (ev[i] < 0)
            neg++;
    }
    flint_free(W); flint_free(V); flint_free(H); flint_free(ev);
    return neg;
}

static int
in_box(const fmpq * box, const double * x, double tol)
{
    return fmpq_get_d(box + 0) - tol <= x[0] && x[0] <= fmpq_get_d(box + 1) + tol
           && fmpq_get_d(box + 2) - tol <= x[1] && x[1] <= fmpq_get_d(box + 3) + tol;
}

START_TEST(test_census_small_k)
{
    slong k = 3 + _i, j, found = 0, starts = 0, identity = -1, compared = 0;
    rc_census_t c;
    rc_error_t err;
    flint_rand_t st;
    double pts[64][2];
    slong npts = 0;

    flint_randinit(st);
    flint_randseed(st, 23 + k, 7);
    rc_census_init(c);
    ck_assert_msg(rc_census_search(c, k, 128, 50, NULL, NULL, err) == 0, "%s", err->msg);
    ck_assert_msg(rc_census_complete(c), "k = %ld: not complete (%ld unresolved, %ld failed)",
                  (long) k, (long) c->nunresolved, (long) c->nfailed);

    /* the global minimum W = I: index 0, F = 0 in its enclosure */
    for (j = 0; j < c->npoints; j++)
    {
        double one[2] = { 1, 0 };
        const rc_census_node_struct * n = c->nodes + c->points[j].node;
        if (in_box(n->box, one, 0))
            identity = j;
    }
    ck_assert_msg(identity >= 0, "k = %ld: W = I is in no existence box", (long) k);
    ck_assert_int_eq(c->points[identity].morse_index, 0);
    ck_assert(c->points[identity].located == RC_PROVED);
    ck_assert(arb_is_positive(c->points[identity].lam_min));
    ck_assert(arb_contains_zero(c->points[identity].loss));

    /* the independent search: starts on a grid of the region and random */
    for (j = 0; j < 600; j++)
    {
        double x[2], A = sqrt(1 + (k - 1) / PI_D), B = sqrt(1.0 / (k - 1) + 1 / PI_D);
        slong p, q;
        if (j < 400)
        {
            x[0] = -A + 2 * A * ((j % 20) + 0.5) / 20;
            x[1] = -B + 2 * B * ((j / 20) + 0.5) / 20;
        }
        else
        {
            x[0] = A * (2 * (double) n_randint(st, 1000001) / 1e6 - 1);
            x[1] = B * (2 * (double) n_randint(st, 1000001) / 1e6 - 1);
        }
        starts++;
        if (!d_newton(x, k))
            continue;
        for (q = 0; q < npts; q++)
            if (fabs(pts[q][0] - x[0]) + fabs(pts[q][1] - x[1]) < 1e-7)
                break;
        if (q < npts || npts == 64)
            continue;
        pts[npts][0] = x[0];
        pts[npts][1] = x[1];
        npts++;
        /* in an existence box, with the same index */
        for (p = 0; p < c->npoints; p++)
            if (in_box(c->nodes[c->points[p].node].box, x, 1e-9))
                break;
        ck_assert_msg(p < c->npoints, "k = %ld: the critical point (%.12g, %.12g) of the "
                      "independent search is in no existence box", (long) k, x[0], x[1]);
        found++;
        {
            slong di = d_index(k, x[0], x[1]), ci = c->points[p].morse_index;
            if (di >= 0 && ci >= 0)
                compared++;
            if (di >= 0 && ci >= 0)
                ck_assert_msg(di == ci, "k = %ld: point (%.12g, %.12g): index %ld (dense double) "
                              "against %ld (census)", (long) k, x[0], x[1], (long) di, (long) ci);
            else if (di > 0)
                ck_assert(c->points[p].morse_index > 0 || arb_is_negative(c->points[p].lam_min));
        }
    }
    /* W = I and the point with alpha < 0 at least, their indices compared */
    ck_assert_msg(found >= 2 && compared >= 2, "k = %ld: the independent search found %ld "
                  "points, %ld indices compared", (long) k, (long) found, (long) compared);
    if (getenv("CENSUS_VERBOSE") != NULL)
        printf("k = %ld: %ld census points, %ld found by %ld Newton starts, %ld indices "
               "compared\n", (long) k, (long) c->npoints, (long) found, (long) starts,
               (long) compared);
    rc_census_clear(c);
    flint_randclear(st);
}
END_TEST

/* L16(b): <grad F, W> < 0 whenever 0 < S < (k^(1/2) - 1)^2 / 4, at random
   students (any W, not only one-block), dense double with a margin */
START_TEST(test_small_student_bound)
{
    slong k = 2 + _i, N = k * k, i, r, t;
    double * W = flint_malloc(sizeof(double) * N), * V = flint_calloc(N, sizeof(double));
    double * G = flint_malloc(sizeof(double) * N);
    flint_rand_t st;

    flint_randinit(st);
    for (i = 0; i < k; i++)
        V[i * k + i] = 1;
    for (t = 0; t < 200; t++)
    {
        double S = 0, ip = 0, bound = (sqrt((double) k) - 1) * (sqrt((double) k) - 1) / 4, scale;
        for (i = 0; i < N; i++)
            W[i] = 2 * (double) n_randint(st, 1000001) / 1e6 - 1;
        for (i = 0; i < k; i++)
        {
            double nn = 0;
            for (r = 0; r < k; r++)
                nn += W[i * k + r] * W[i * k + r];
            S += sqrt(nn);
        }
        /* scale S to a random fraction (up to 0.99) of the bound */
        scale = bound * (0.01 + 0.98 * (double) n_randint(st, 1001) / 1000) / S;
        for (i = 0; i < N; i++)
            W[i] *= scale;
        rc_d_gradient(G, W, k, V, k, k);
        for (i = 0; i < N; i++)
            ip += G[i] * W[i];
        ck_assert_msg(ip < 0, "k = %ld: <grad F, W> = %g >= 0 at S below the bound", (long) k, ip);
    }
    flint_free(W); flint_free(V); flint_free(G);
    flint_randclear(st);
}
END_TEST

/* ---- must not prove ---- */

static json_t * good_cert;

static void
make_cert(void)
{
    rc_census_t c;
    rc_error_t err;
    rc_census_init(c);
    ck_assert_msg(rc_census_search(c, 4, 128, 50, NULL, NULL, err) == 0, "%s", err->msg);
    good_cert = rc_census_to_json(c);
    rc_census_clear(c);
}

/* index of the first tree leaf of this kind */
static slong
find_leaf(const json_t * tree, const char * kind)
{
    slong j;
    for (j = 0; j < (slong) json_array_size(tree); j++)
    {
        const json_t * l = json_object_get(json_array_get(tree, j), "leaf");
        if (json_is_string(l) && strcmp(json_string_value(l), kind) == 0)
            return j;
    }
    return -1;
}

/* sets v (a box) alpha[e] to s */
static void
set_alpha(json_t * box, int e, const char * s)
{
    json_array_set_new(json_object_get(box, "alpha"), e, json_string(s));
}

static const char * tampers[] = {
    "remove a gradient leaf", "gradient leaf -> small", "gradient leaf's coordinate",
    "gradient leaf's box", "exist leaf -> gradient", "drop a point", "move a point's box",
    "move a point's box and its leaf's box", "move a cut", "remove a cut",
    "a point's morse_index", "a point's loss", "unresolved box added",
    "claims.complete", "region made smaller", "point's enclosure moved"
};

START_TEST(test_tampered)
{
    json_t * root, * tree, * pts, * e;
    rc_error_t why;
    slong j;

    if (good_cert == NULL)
        make_cert();
    ck_assert_msg(rc_cert_check(why, good_cert) == 0, "the untampered certificate: %s", why->msg);
    root = json_deep_copy(good_cert);
    tree = json_object_get(root, "tree");
    pts = json_object_get(root, "points");
    switch (_i)
    {
        case 0:
            j = find_leaf(tree, "gradient");
            json_array_remove(tree, j);
            break;
        case 1:
            j = find_leaf(tree, "gradient");
            json_object_set_new(json_array_get(tree, j), "leaf", json_string("small"));
            json_object_del(json_array_get(tree, j), "coordinate");
            break;
        case 2:
            /* a gradient leaf whose other coordinate does not exclude 0:
               try each until the check fails (at least one must) */
            {
                int failed = 0;
                for (j = 0; j < (slong) json_array_size(tree) && !failed; j++)
                {
                    json_t * l = json_array_get(tree, j), * c0 = json_object_get(l, "coordinate");
                    if (!json_is_string(c0))
                        continue;
                    json_object_set_new(l, "coordinate", json_string(
                        strcmp(json_string_value(c0), "alpha") == 0 ? "beta" : "alpha"));
                    failed = rc_cert_check(why, root) != 0;
                    if (!failed)
                    {
                        json_decref(root);
                        root = json_deep_copy(good_cert);
                        tree = json_object_get(root, "tree");
                    }
                }
                ck_assert(failed);
            }
            break;
        case 3:
            j = find_leaf(tree, "gradient");
            set_alpha(json_object_get(json_array_get(tree, j), "box"), 0, "-1/3");
            break;
        case 4:
            j = find_leaf(tree, "exist");
            e = json_array_get(tree, j);
            json_object_set_new(e, "leaf", json_string("gradient"));
            json_object_set_new(e, "coordinate", json_string("alpha"));
            json_object_del(e, "point");
            break;
        case 5:
            json_array_remove(pts, 0);
            break;
        case 6:
            set_alpha(json_object_get(json_array_get(pts, 1), "box"), 0, "0.5");
            break;
        case 7:
            j = json_integer_value(json_object_get(json_array_get(pts, 1), "leaf"));
            set_alpha(json_object_get(json_array_get(pts, 1), "box"), 0, "0.5");
            set_alpha(json_object_get(json_array_get(tree, j), "box"), 0, "0.5");
            break;
        case 8:
            for (j = 0; json_object_get(json_array_get(tree, j), "cut") == NULL; j++)
                ;
            json_object_set_new(json_array_get(tree, j), "at", json_string("1/1000"));
            break;
        case 9:
            json_array_remove(tree, 0);
            break;
        case 10:
            json_object_set_new(json_array_get(pts, 0), "morse_index", json_integer(5));
            break;
        case 11:
            e = json_object_get(json_array_get(pts, 1), "loss");
            json_object_set_new(e, "lo", json_string("0.5"));
            json_object_set_new(e, "hi", json_string("0.6"));
            break;
        case 12:
            json_array_append(json_object_get(root, "unresolved"),
                              json_object_get(json_array_get(pts, 0), "box"));
            break;
        case 13:
            json_object_set_new(json_object_get(root, "claims"), "complete",
                                rc_json_claim(RC_UNDECIDED));
            break;
        case 14:
            set_alpha(json_object_get(root, "region"), 1, "1");
            break;
        case 15:
            e = json_object_get(json_array_get(pts, 1), "enclosure");
            set_alpha(e, 0, "0.1");
            set_alpha(e, 1, "0.2");
            break;
    }
    ck_assert_msg(rc_cert_check(why, root) != 0, "tamper '%s' passed the check", tampers[_i]);
    ck_assert(strlen(why->msg) > 0);
    json_decref(root);
}
END_TEST

Suite *
census_suite(void)
{
    Suite * s = suite_create("census");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, test_census_small_k, 0, 6);
    tcase_add_loop_test(tc, test_small_student_bound, 0, 12);
    tcase_add_loop_test(tc, test_tampered, 0, (int) (sizeof tampers / sizeof tampers[0]));
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(census_suite());
}
