/* The landscape around global minima: Hessian quadratic forms, certified
   strong convexity with a radius (n = k), the Thm 4 negative curvature
   (n > k), and their certificates. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

/* Y^T H Y without H agrees with the full Hessian, also with parallel and
   opposite neuron pairs and zero rows of Y */
START_TEST(test_quad_form)
{
    flint_rand_t st;
    slong n = 4, k = 3, d = 3, N = n * d, i, a;
    arb_mat_t W, V, Y, H;
    arb_ptr y;
    arb_t q1, q2, q3, yy;

    flint_randinit(st);
    arb_init(q3);
    arb_mat_init(W, n, d); arb_mat_init(V, k, d); arb_mat_init(Y, n, d); arb_mat_init(H, N, N);
    y = _arb_vec_init(N);
    arb_init(q1); arb_init(q2); arb_init(yy);
    tu_rand_mat(W, st, 1e-20);
    tu_rand_mat(V, st, 0);
    tu_rand_mat(Y, st, 0);
    /* neuron 1 parallel to neuron 0, neuron 2 opposite to neuron 3 */
    for (a = 0; a < d; a++)
    {
        arb_mul_2exp_si(arb_mat_entry(W, 1, a), arb_mat_entry(W, 0, a), -1);
        arb_neg(arb_mat_entry(W, 2, a), arb_mat_entry(W, 3, a));
    }
    if (_i == 1)
        for (a = 0; a < d; a++)
            arb_zero(arb_mat_entry(Y, 2, a));
    ck_assert(rc_hessian_quad_form(q1, W, V, Y, 128));
    ck_assert(rc_hessian_quad_form_fast(q3, W, V, Y, 128));
    ck_assert(arb_overlaps(q1, q3));
    ck_assert(mag_cmp_2exp_si(arb_radref(q3), -40) < 0);
    ck_assert(rc_hessian(H, W, V, 128));
    for (i = 0; i < N; i++)
        arb_set(y + i, arb_mat_entry(Y, i / d, i % d));
    rc_mat_rayleigh(q2, H, y, 128);
    arb_dot(yy, NULL, 0, y, 1, y, 1, N, 128);
    arb_mul(q2, q2, yy, 128);
    ck_assert(arb_overlaps(q1, q2));
    ck_assert(mag_cmp_2exp_si(arb_radref(q1), -40) < 0);
    /* a zero neuron: refused */
    for (a = 0; a < d; a++)
        arb_zero(arb_mat_entry(W, 3, a));
    ck_assert(!rc_hessian_quad_form(q1, W, V, Y, 128));
    ck_assert(!rc_hessian_quad_form_fast(q1, W, V, Y, 128));
    arb_clear(q3);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(Y); arb_mat_clear(H);
    _arb_vec_clear(y, N);
    arb_clear(q1); arb_clear(q2); arb_clear(yy);
    flint_randclear(st);
}
END_TEST

static void
identity(fmpq_mat_t V, slong k)
{
    fmpq_mat_init(V, k, k);
    fmpq_mat_one(V);
}

/* k = 2..5: a positive radius is proved for mu = (1/4 - 1/(2 pi))/2, the
   certificate checks; at twice the radius found by bisection's failure it is
   not proved */
START_TEST(test_convexity_radius)
{
    slong k = 2 + _i;
    fmpq_mat_t V;
    fmpq_t mu;
    rc_convcert_t c;
    rc_error_t err;
    json_t * root;

    identity(V, k);
    fmpq_init(mu);
    ck_assert(rc_number_parse_fmpq(mu, "0.045422528454052333", err) == 0);
    rc_convcert_init(c);
    ck_assert(rc_convcert_find(c, V, mu, RC_CONV_BOX, 1, 128, err) == 0);
    ck_assert_int_eq(c->verdict, RC_PROVED);
    ck_assert(fmpq_sgn(c->radius) > 0);
    ck_assert(fmpq_cmp(c->radius, c->radius_fail) < 0);
    root = rc_convcert_to_json(c);
    ck_assert_msg(rc_cert_check(err, root) == 0, "%s", err->msg);
    /* a much larger box is not proved */
    fmpq_mul_2exp(c->radius, c->radius_fail, 3);
    ck_assert(rc_convcert_verify(c, err) == 0);
    ck_assert_int_ne(c->verdict, RC_PROVED);
    /* a box reaching a zero neuron: never proved */
    fmpq_one(c->radius);
    ck_assert(rc_convcert_verify(c, err) == 0);
    ck_assert_int_ne(c->verdict, RC_PROVED);
    json_decref(root);
    rc_convcert_clear(c);
    fmpq_clear(mu);
    fmpq_mat_clear(V);
}
END_TEST

/* mu above 1/4 - 1/(2 pi), the exact minimum eigenvalue at W = V: refuted
   (witness at W = V), never proved, at every radius */
START_TEST(test_convexity_mu_too_large)
{
    static const char * mus[] = {"0.0908450569081047", "0.091", "0.25"};
    fmpq_mat_t V;
    fmpq_t mu;
    rc_convcert_t c;
    rc_error_t err;
    slong j;

    identity(V, 3);
    fmpq_init(mu);
    ck_assert(rc_number_parse_fmpq(mu, mus[_i], err) == 0);
    rc_convcert_init(c);
    ck_assert(rc_convcert_find(c, V, mu, RC_CONV_BOX, 1, 128, err) == 0);
    ck_assert_int_eq(c->verdict, RC_REFUTED);
    ck_assert(c->have_witness);
    for (j = 0; j <= 12; j += 4)
    {
        fmpq_one(c->radius);
        fmpq_div_2exp(c->radius, c->radius, j + 1);
        c->have_witness = 0;
        ck_assert(rc_convcert_verify(c, err) == 0);
        ck_assert_int_ne(c->verdict, RC_PROVED);
    }
    rc_convcert_clear(c);
    fmpq_clear(mu);
    fmpq_mat_clear(V);
}
END_TEST

/* the certified curvature contains the closed form, for eps down to 1e-30,
   for several splits */
/* Subdivision (k = 2, 3; Euclidean and per-neuron balls): a cover proves a
   larger radius than the single box, the certificate checks, and a cover
   whose first proved leaf is relabelled "outside" is not accepted */
START_TEST(test_convexity_cover)
{
    slong k = 2 + (_i & 1), p, x;
    rc_conv_norm_t norm = (_i < 2) ? RC_CONV_EUCLID : RC_CONV_NEURON;
    fmpq_mat_t V;
    fmpq_t mu, r1;
    rc_convcert_t c;
    rc_error_t err;
    json_t * root;
    char * leaf;

    identity(V, k);
    fmpq_init(mu);
    fmpq_init(r1);
    ck_assert(rc_number_parse_fmpq(mu, "0.045422528454052333", err) == 0);
    rc_convcert_init(c);
    ck_assert(rc_convcert_find(c, V, mu, norm, 1, 128, err) == 0);
    ck_assert_int_eq(c->verdict, RC_PROVED);
    fmpq_set(r1, c->radius);
    ck_assert(rc_convcert_find(c, V, mu, norm, 512, 128, err) == 0);
    ck_assert_int_eq(c->verdict, RC_PROVED);
    ck_assert(c->cover != NULL && c->boxes_proved > 1);
    ck_assert(fmpq_cmp(c->radius, r1) > 0);
    /* the single box of that radius is not proved */
    flint_free(c->cover);
    c->cover = NULL;
    ck_assert(rc_convcert_verify(c, err) == 0);
    ck_assert_int_ne(c->verdict, RC_PROVED);
    ck_assert(rc_convcert_find(c, V, mu, norm, 512, 128, err) == 0);
    root = rc_convcert_to_json(c);
    ck_assert_msg(rc_cert_check(err, root) == 0, "%s", err->msg);
    json_decref(root);
    /* a proved leaf relabelled as outside the neighbourhood */
    leaf = strchr(c->cover, 'p');
    ck_assert(leaf != NULL);
    *leaf = 'x';
    ck_assert(rc_convcert_verify(c, err) == 0);
    ck_assert_int_ne(c->verdict, RC_PROVED);
    root = rc_convcert_to_json(c);
    json_object_set_new(json_object_get(json_object_get(root, "claims"), "strongly_convex"),
                        "verdict", json_string("proved"));
    json_object_set_new(root, "success", json_true());
    ck_assert(rc_cert_check(err, root) != 0);
    json_decref(root);
    ck_assert(rc_convcert_cover_check(&p, &x, c, "p", err) == 0);
    rc_convcert_clear(c);
    fmpq_clear(mu);
    fmpq_clear(r1);
    fmpq_mat_clear(V);
}
END_TEST

/* A convexity problem without the search: V = [I_k | 0] (k x d), mu and
   radius as given (mu may be negative, so that every leaf without a zero
   neuron is proved) */
static void
cover_problem(rc_convcert_t c, slong k, slong d, slong mu, slong rnum, slong rden)
{
    slong i;
    c->k = k;
    c->d = d;
    fmpq_mat_clear(c->V);
    fmpq_mat_init(c->V, k, d);
    for (i = 0; i < k && i < d; i++)
        fmpz_one(fmpq_mat_entry_num(c->V, i, i));
    fmpq_set_si(c->mu, mu, 1);
    fmpq_set_si(c->radius, rnum, rden);
}

/* mu above the exact lambda_min(H(V)): no cover with any budget proves it,
   in any norm (the leaf that holds V cannot be proved) */
START_TEST(test_convexity_cover_mu_too_large)
{
    rc_convcert_t c;
    char * cover;
    slong p, x;
    rc_error_t err;

    rc_convcert_init(c);
    cover_problem(c, 2, 2, 0, 1, 1 << (2 + _i));
    ck_assert(rc_number_parse_fmpq(c->mu, "0.0909", err) == 0);
    c->norm = (rc_conv_norm_t) _i;
    ck_assert(!rc_convcert_cover_build(&cover, &p, &x, c, 3000));
    ck_assert(cover == NULL);
    rc_convcert_clear(c);
}
END_TEST

/* The exclusion test is exact at the boundary. k = 2, d = 2, r = 1/4 and
   mu = -1000, so every leaf inside is proved: the cover halves each of
   the four coordinates twice, always keeping the lower half as a proved
   leaf and going on with the upper half, and ends at the box [1/2, 1]^4
   (units of r), whose nearest point (1/2, 1/2, 1/2, 1/2) has norm exactly
   1: on the Euclidean ball, so it is not outside. One more halving of
   coordinate 0 gives [3/4, 1] x [1/2, 1]^3, outside the Euclidean ball
   (9/16 + 3/4 > 1) but meeting the per-neuron balls (9/16 + 1/4 < 1);
   with coordinate 1 also halved, neuron 1's block [3/4, 1]^2 is outside
   its ball (9/8 > 1). The box norm never excludes. */
START_TEST(test_convexity_cover_boundary)
{
    static const char * path8 = "spspspspspspspsp";
    rc_convcert_t c;
    slong p, x;
    rc_error_t err;
    char s[64];

    rc_convcert_init(c);
    cover_problem(c, 2, 2, -1000, 1, 4);
    /* on the boundary: not outside in any norm */
    snprintf(s, sizeof s, "%sx", path8);
    for (c->norm = RC_CONV_BOX; c->norm <= RC_CONV_EUCLID; c->norm++)
        ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 0);
    snprintf(s, sizeof s, "%sp", path8);
    for (c->norm = RC_CONV_BOX; c->norm <= RC_CONV_EUCLID; c->norm++)
        ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 1);
    ck_assert_int_eq(p, 9);
    /* one more halving: outside the Euclidean ball only */
    snprintf(s, sizeof s, "%sspx", path8);
    c->norm = RC_CONV_EUCLID;
    ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 1);
    ck_assert_int_eq(x, 1);
    c->norm = RC_CONV_NEURON;
    ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 0);
    c->norm = RC_CONV_BOX;
    ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 0);
    /* two more: neuron 1 outside its ball */
    snprintf(s, sizeof s, "%sspspx", path8);
    c->norm = RC_CONV_NEURON;
    ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 1);
    c->norm = RC_CONV_BOX;
    ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 0);
    rc_convcert_clear(c);
}
END_TEST

/* A zero neuron on the boundary of the neighbourhood: k = 1, d = 2,
   V = (1, 0), radius 1, mu = -10^6 (every leaf without a zero neuron is
   proved). The point w = 0 lies on the box, on the per-neuron ball and on
   the Euclidean ball, so no cover exists, however fine (a leaf holding 0
   would be proved if the leaf boxes were drawn too small). With
   V = (1/2, 1/2) and radius 5/8 the box holds 0 but both balls stay
   sqrt(1/2) - 5/8 away from it: the leaves near 0 are excluded, proved. */
START_TEST(test_convexity_cover_zero_neuron)
{
    rc_convcert_t c;
    char * cover;
    slong p, x;

    rc_convcert_init(c);
    cover_problem(c, 1, 2, -1000000, 1, 1);
    c->norm = (rc_conv_norm_t) _i;
    ck_assert(!rc_convcert_cover_build(&cover, &p, &x, c, 3000));
    fmpq_set_si(fmpq_mat_entry(c->V, 0, 0), 1, 2);
    fmpq_set_si(fmpq_mat_entry(c->V, 0, 1), 1, 2);
    fmpq_set_si(c->radius, 5, 8);
    if (c->norm == RC_CONV_BOX)
        ck_assert(!rc_convcert_cover_build(&cover, &p, &x, c, 3000));
    else
    {
        ck_assert(rc_convcert_cover_build(&cover, &p, &x, c, 3000));
        ck_assert(x > 0);
        flint_free(cover);
    }
    rc_convcert_clear(c);
}
END_TEST

/* The leaf box contains both ends of every coordinate's exact interval
   V_j + r [o_j - 2^-s_j, o_j + 2^-s_j], and not much more */
START_TEST(test_convexity_leaf_box)
{
    flint_rand_t st;
    slong j, N = 6, t;
    arb_mat_t X, V;
    arb_t r, x;
    fmpq_t rq, vq, e, q;
    double o[6];
    int s[6];

    flint_randinit(st);
    arb_mat_init(X, 2, 3); arb_mat_init(V, 2, 3);
    arb_init(r); arb_init(x);
    fmpq_init(rq); fmpq_init(vq); fmpq_init(e); fmpq_init(q);
    fmpq_set_si(rq, 3, 1000);     /* not dyadic: r is a ball */
    arb_set_fmpq(r, rq, 128);
    for (t = 0; t < 50; t++)
    {
        for (j = 0; j < N; j++)
        {
            /* the centre of a box after s[j] halvings: an odd multiple of
               2^-s[j] in (-1, 1), or 0 */
            s[j] = (int) n_randint(st, 51);
            o[j] = (s[j] == 0) ? 0.0
                   : ldexp((double) (2 * n_randint(st, UWORD(1) << s[j]) + 1), -s[j]) - 1.0;
            fmpq_set_si(vq, j - 3, 7);
            arb_set_fmpq(arb_mat_entry(V, j / 3, j % 3), vq, 128);
        }
        rc_convcert_leaf_box(X, V, r, o, s, 128);
        for (j = 0; j < N; j++)
        {
            slong side;
            arb_ptr b = arb_mat_entry(X, j / 3, j % 3);
            for (side = -1; side <= 1; side += 2)
            {
                /* V_j + r (o_j + side 2^-s_j), exactly */
                arf_set_d(arb_midref(x), o[j]);      /* exact */
                arf_get_fmpq(q, arb_midref(x));
                fmpq_one(e);
                fmpq_div_2exp(e, e, s[j]);
                if (side < 0) fmpq_sub(q, q, e); else fmpq_add(q, q, e);
                fmpq_mul(q, q, rq);
                fmpq_set_si(vq, j - 3, 7);
                fmpq_add(q, q, vq);
                ck_assert(arb_contains_fmpq(b, q));
            }
            /* and no wider than the interval plus rounding (mag radii: 30 bits) */
            arb_get_rad_arb(x, b);
            arb_mul_2exp_si(x, x, s[j]);
            ck_assert(arf_cmpabs_d(arb_midref(x), 0.003 * (1 + 1e-6)) <= 0);   /* radii are 30-bit mags */
        }
    }
    arb_mat_clear(X); arb_mat_clear(V);
    arb_clear(r); arb_clear(x);
    fmpq_clear(rq); fmpq_clear(vq); fmpq_clear(e); fmpq_clear(q);
    flint_randclear(st);
}
END_TEST

/* Strings that are not one subdivision are errors, not verdicts */
START_TEST(test_convexity_cover_malformed)
{
    static const char * bad[] = {"", "s", "pp", "sp", "spq", "spp ", "P", "sxpp"};
    rc_convcert_t c;
    slong p, x, j;
    rc_error_t err;
    char s[256];

    rc_convcert_init(c);
    cover_problem(c, 1, 1, -1000, 1, 4);
    for (j = 0; j < 8; j++)
        ck_assert_msg(rc_convcert_cover_check(&p, &x, c, bad[j], err) == -1, "'%s'", bad[j]);
    /* 50 halvings of the one coordinate are allowed, 51 are not */
    s[0] = '\0';
    for (j = 0; j < 50; j++)
        strcat(s, "sp");
    strcat(s, "p");
    ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), 1);
    s[0] = '\0';
    for (j = 0; j < 51; j++)
        strcat(s, "sp");
    strcat(s, "p");
    ck_assert_int_eq(rc_convcert_cover_check(&p, &x, c, s, err), -1);
    ck_assert(strstr(err->msg, "halvings") != NULL);
    rc_convcert_clear(c);
}
END_TEST

START_TEST(test_thm4_closed_form)
{
    static const int e10[] = {1, 2, 5, 10, 20, 30};
    static const char * alphas[][2] = {{"1/2", "1/2"}, {"1/4", "3/4"}, {"0.9", "0.1"}};
    slong i, k = 3, n = 4 + (_i == 2), d = 3 + (_i == 1);
    fmpq_t e, a1q, a2q;
    arb_t a1, a2, eps, curv, dist, q;
    rc_error_t err;

    fmpq_init(e); fmpq_init(a1q); fmpq_init(a2q);
    arb_init(a1); arb_init(a2); arb_init(eps); arb_init(curv); arb_init(dist); arb_init(q);
    rc_number_parse_fmpq(a1q, alphas[_i][0], err);
    rc_number_parse_fmpq(a2q, alphas[_i][1], err);
    for (i = 0; i < 6; i++)
    {
        slong prec;
        fmpz_one(fmpq_numref(e));
        fmpz_ui_pow_ui(fmpq_denref(e), 10, e10[i]);
        prec = rc_thm4_prec(e);
        arb_set_fmpq(a1, a1q, prec);
        arb_set_fmpq(a2, a2q, prec);
        arb_set_fmpq(eps, e, prec);
        ck_assert_int_eq(rc_thm4_curvature(curv, dist, k, n, d, a1, a2, eps, prec), RC_PROVED);
        rc_thm4_closed_form(q, a1, a2, eps, prec);
        ck_assert_msg(arb_overlaps(curv, q), "eps 1e-%d", e10[i]);
        /* tight: relative width below 1e-20 */
        arb_mul_2exp_si(q, q, -66);
        ck_assert(mag_cmp(arb_radref(curv), arb_radref(q)) < 0 || arb_rel_accuracy_bits(curv) > 66);
    }
    fmpq_clear(e); fmpq_clear(a1q); fmpq_clear(a2q);
    arb_clear(a1); arb_clear(a2); arb_clear(eps); arb_clear(curv); arb_clear(dist); arb_clear(q);
}
END_TEST

/* n = k: the same perturbation of the global minimum has positive
   curvature along every direction tried: nothing negative to prove */
START_TEST(test_n_equals_k_never_nonconvex)
{
    slong k = 3, d = 3, j, a;
    arb_mat_t W, V, Y;
    arb_t q;
    flint_rand_t st;

    flint_randinit(st);
    arb_mat_init(W, k, d); arb_mat_init(V, k, d); arb_mat_init(Y, k, d);
    arb_init(q);
    arb_mat_one(V);
    arb_mat_one(W);
    arb_set_d(arb_mat_entry(W, 0, 1), 1e-3);     /* w_1 = e_1 + eps e_2 */
    for (j = 0; j < 20; j++)
    {
        tu_rand_mat(Y, st, 0);
        if (j == 0)
        {
            arb_mat_zero(Y);
            arb_set_d(arb_mat_entry(Y, 0, 0), 1e-3);
            arb_set_si(arb_mat_entry(Y, 0, 1), -1);
        }
        ck_assert(rc_hessian_quad_form(q, W, V, Y, 128));
        ck_assert(!arb_is_negative(q));
        ck_assert(arb_is_positive(q));
    }
    (void) a;
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(Y);
    arb_clear(q);
    flint_randclear(st);
}
END_TEST

/* certificates of both kinds: accepted, and tampered copies rejected */
START_TEST(test_landscape_tampered)
{
    rc_error_t why;
    json_t * root, * o;
    fmpq_t eps[2], a1, a2;
    int all;

    fmpq_init(eps[0]); fmpq_init(eps[1]); fmpq_init(a1); fmpq_init(a2);
    fmpq_set_si(eps[0], 1, 10);
    fmpq_set_si(eps[1], 1, 1000000);
    fmpq_set_si(a1, 1, 2);
    fmpq_set_si(a2, 1, 2);
    {
        fmpq e2[2];
        e2[0] = *eps[0];
        e2[1] = *eps[1];
        root = rc_noncvx_to_json(3, 4, 3, a1, a2, e2, 2, &all);
    }
    ck_assert(all);
    ck_assert_msg(rc_cert_check(why, root) == 0, "%s", why->msg);
    o = json_array_get(json_object_get(root, "points"), _i % 2);
    switch (_i)
    {
        case 0: json_object_set_new(o, "eps", json_string("0.2")); break;
        case 1: json_object_set_new(json_object_get(o, "curvature"), "hi", json_string("-1")); break;
        case 2: json_object_set_new(o, "verdict", json_string("undecided")); break;
        case 3: json_object_set_new(json_object_get(o, "distance"), "lo", json_string("0.001")); break;
        case 4: json_array_set_new(json_object_get(root, "alpha"), 0, json_string("0")); break;
        default: json_object_set_new(root, "n", json_integer(3)); break;
    }
    ck_assert_msg(rc_cert_check(why, root) != 0, "tamper %d accepted", _i);
    json_decref(root);
    fmpq_clear(eps[0]); fmpq_clear(eps[1]); fmpq_clear(a1); fmpq_clear(a2);
}
END_TEST

START_TEST(test_convexity_tampered)
{
    fmpq_mat_t V;
    fmpq_t mu;
    rc_convcert_t c;
    rc_error_t err;
    json_t * root;

    identity(V, 2);
    fmpq_init(mu);
    fmpq_set_si(mu, 1, 25);
    rc_convcert_init(c);
    rc_convcert_find(c, V, mu, RC_CONV_BOX, 1, 128, err);
    root = rc_convcert_to_json(c);
    ck_assert(rc_cert_check(err, root) == 0);
    switch (_i)
    {
        case 0: json_object_set_new(root, "radius", json_string("0.5")); break;
        case 1: json_object_set_new(root, "mu", json_string("0.0909")); break;
        case 2: json_object_set_new(root, "mu", json_string("x")); break;
        default: json_object_set_new(root, "success", json_false()); break;
    }
    ck_assert_msg(rc_cert_check(err, root) != 0, "tamper %d accepted", _i);
    json_decref(root);
    rc_convcert_clear(c);
    fmpq_clear(mu);
    fmpq_mat_clear(V);
}
END_TEST

/* Thms 7, 9: the three ratios are positive and of order eps (the OPSC ratio
   tends to (2/pi) eps... for a1 = a2 = 1/2, the Hessian quotient to (4/pi)
   eps), so below any lambda close enough to the minimum */
START_TEST(test_thm79_ratios)
{
    slong e, prec;
    fmpq_t eq;
    arb_t a, eps, o, h, l, dist, t;

    fmpq_init(eq);
    arb_init(a); arb_init(eps); arb_init(o); arb_init(h); arb_init(l); arb_init(dist); arb_init(t);
    for (e = 2; e <= 20; e += 6)
    {
        fmpz_one(fmpq_numref(eq));
        fmpz_ui_pow_ui(fmpq_denref(eq), 10, e);
        prec = rc_thm79_prec(eq);
        arb_set_fmpq(eps, eq, prec);
        arb_set_si(a, 1);
        arb_mul_2exp_si(a, a, -1);
        ck_assert(rc_thm79_ratios(o, h, l, dist, 3, 3 + _i, a, a, eps, prec));
        ck_assert(arb_is_positive(o) && arb_is_positive(h) && arb_is_positive(l));
        /* h / eps within 1e-3 of 4/pi, o / eps within 1e-3 of 2/pi */
        arb_div(h, h, eps, prec);
        arb_div(o, o, eps, prec);
        arb_const_pi(t, prec);
        arb_inv(t, t, prec);
        arb_mul_2exp_si(t, t, 2);
        arb_sub(h, h, t, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_sub(o, o, t, prec);
        ck_assert(arf_cmpabs_2exp_si(arb_midref(h), -10) < 0 && mag_cmp_2exp_si(arb_radref(h), -10) < 0);
        ck_assert(arf_cmpabs_2exp_si(arb_midref(o), -10) < 0 && mag_cmp_2exp_si(arb_radref(o), -10) < 0);
        /* PL: |grad F|^2 / (2F) / eps is about 1.55 */
        arb_div(l, l, eps, prec);
        ck_assert(arf_cmp_d(arb_midref(l), 1.5) > 0 && arf_cmp_d(arb_midref(l), 1.6) < 0);
        ck_assert(mag_cmp_2exp_si(arb_radref(l), -20) < 0);
    }
    fmpq_clear(eq);
    arb_clear(a); arb_clear(eps); arb_clear(o); arb_clear(h); arb_clear(l); arb_clear(dist); arb_clear(t);
}
END_TEST

/* a lambda smaller than every ratio on the grid is not proved; the
   certificates check, tampered ones do not */
START_TEST(test_thm79_certificates)
{
    fmpq eps[3], lam[2];
    fmpq_t half;
    rc_error_t why;
    json_t * root, * o;
    int all, pl = _i / 4, t = _i % 4;
    slong i;

    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    for (i = 0; i < 3; i++)
    {
        fmpq_init(eps + i);
        fmpq_set_si(eps + i, 1, 10 * (i + 1) * (i + 1));
    }
    fmpq_init(lam + 0); fmpq_init(lam + 1);
    fmpq_set_si(lam + 0, 1, 10);
    fmpq_set_si(lam + 1, 1, 1000000);      /* below every ratio of the grid */
    root = rc_thm79_to_json(pl, 3, 3, half, half, eps, 3, lam, 2, &all);
    ck_assert(!all);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(root, "lambdas"), 0), "verdict")), "proved");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(root, "lambdas"), 1), "verdict")), "undecided");
    ck_assert_msg(rc_cert_check(why, root) == 0, "%s", why->msg);
    o = json_array_get(json_object_get(root, "lambdas"), 0);
    switch (t)
    {
        case 0: json_object_set_new(o, "lambda", json_string("0.001")); break;
        case 1: json_object_set_new(json_array_get(json_object_get(root, "lambdas"), 1), "point", json_integer(2));
                json_object_set_new(json_array_get(json_object_get(root, "lambdas"), 1), "verdict", json_string("proved")); break;
        case 2: json_object_set_new(json_array_get(json_object_get(root, "points"), 1), "eps", json_string("0.02")); break;
        default: json_object_set_new(root, "kind", json_string(pl ? "opsc-fails" : "pl-fails")); break;
    }
    ck_assert_msg(rc_cert_check(why, root) != 0, "tamper %d accepted", _i);
    json_decref(root);
    for (i = 0; i < 3; i++)
        fmpq_clear(eps + i);
    fmpq_clear(lam + 0); fmpq_clear(lam + 1);
    fmpq_clear(half);
}
END_TEST

/* OPSC along sampled directions: Gaussian directions proved with a positive
   lam_U and Conjecture 12, certificates check and tampered ones fail; a
   lambda above the true quotient is refuted with a witness s; adversarial
   directions: the quotient at s = 0 is enclosed at 0, OPSC with lambda
   refuted, Conjecture 12 proved away from 0 with c_U > 0 */
START_TEST(test_opsc_directions)
{
    rc_opsc_params_t p;
    rc_error_t why;
    json_t * root, * d0;
    int adv = _i == 1, big = _i == 2;

    rc_opsc_params_init(p);
    p->k = 3;
    p->m = 2;
    p->samples = adv ? 3 : 8;
    p->seed = 7;
    p->adversarial = adv;
    fmpq_set_si(p->sigma2, 1, 100000);
    fmpq_one(p->radius);
    fmpq_set_si(p->lambda, big ? 2 : 1, big ? 1 : 100);   /* 2: above every quotient */
    if (adv)
        fmpq_set_si(p->lambda, 1, 10000);   /* q < lambda |U|^2 only for s below about 1/50,
                                               so t = 1 below is a false claim */
    root = rc_opsc_to_json(p, NULL);
    d0 = json_array_get(json_object_get(root, "directions"), 0);
    if (!adv)
    {
        ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "summary"), "opsc_proved")), 8);
        ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "summary"), "conj12_proved")), 8);
    }
    else
    {
        const json_t * q0 = json_object_get(d0, "q0");
        arb_t q;
        fmpq_t lo, hi;
        rc_error_t err;
        arb_init(q);
        fmpq_init(lo); fmpq_init(hi);
        ck_assert(rc_number_parse_fmpq(lo, json_string_value(json_object_get(q0, "lo")), err) == 0);
        ck_assert(rc_number_parse_fmpq(hi, json_string_value(json_object_get(q0, "hi")), err) == 0);
        ck_assert(fmpq_sgn(lo) <= 0 && fmpq_sgn(hi) >= 0);     /* encloses 0 */
        fmpq_sub(hi, hi, lo);
        fmpq_set_si(lo, 1, 1000);
        fmpq_pow_si(lo, lo, 5);
        ck_assert(fmpq_cmp(hi, lo) < 0);                       /* width < 1e-15 (binary64) */
        ck_assert_str_eq(json_string_value(json_object_get(d0, "opsc_lambda")), "refuted");
        ck_assert_str_eq(json_string_value(json_object_get(d0, "conj12")), "proved");
        ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "summary"), "conj12_proved")), 3);
        ck_assert(rc_number_parse_fmpq(lo, json_string_value(json_object_get(d0, "c_U")), err) == 0);
        ck_assert(fmpq_sgn(lo) > 0);
        arb_clear(q);
        fmpq_clear(lo); fmpq_clear(hi);
    }
    if (big)
    {
        /* lambda = 2, above the quotient of every direction (they are
           below 1/2 + O(|U|)): refuted for every direction, with a witness s,
           and never proved */
        slong i, nref = 0;
        const json_t * dirs = json_object_get(root, "directions");
        for (i = 0; i < 8; i++)
            if (strcmp(json_string_value(json_object_get(json_array_get(dirs, i), "opsc_lambda")), "refuted") == 0)
            {
                ck_assert(json_is_string(json_object_get(json_array_get(dirs, i), "witness_s")));
                nref++;
            }
        ck_assert_int_eq(nref, 8);
        ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(root, "summary"),
                                                            "lam_U_at_least_lambda")), 0);
    }
    ck_assert_msg(rc_cert_check(why, root) == 0, "%s", why->msg);
    /* claims that do not follow are rejected, one at a time */
    {
        static const char * keys_g[][2] = {{"lam_U", "1000"}, {"opsc_lambda", "refuted"}};
        static const char * keys_a[][2] = {{"c_U", "1000"}, {"t", "1"}};
        int j;
        for (j = 0; j < 2; j++)
        {
            json_t * copy = json_deep_copy(root);
            json_t * e = json_array_get(json_object_get(copy, "directions"), 0);
            const char * key = adv ? keys_a[j][0] : keys_g[j][0];
            const char * val = adv ? keys_a[j][1] : keys_g[j][1];
            if (!adv && j == 1 && big)
                val = "proved";      /* the truth is "refuted" here */
            json_object_set_new(e, key, json_string(val));
            if (!adv && j == 1)
                json_object_set_new(e, "witness_s", json_string("0"));
            ck_assert_msg(rc_cert_check(why, copy) != 0, "tamper %s = %s accepted", key, val);
            json_decref(copy);
        }
        /* an honest weakening (a claim marked undecided) is still true */
        {
            json_t * copy = json_deep_copy(root);
            json_t * e = json_array_get(json_object_get(copy, "directions"), 0);
            json_object_set_new(e, "conj12", json_string("undecided"));
            json_object_set_new(copy, "summary", rc_opsc_summary(p, json_object_get(copy, "directions")));
            ck_assert_msg(rc_cert_check(why, copy) == 0, "%s", why->msg);
            json_decref(copy);
        }
    }
    /* tampered: a break moved, a verdict changed, the seed changed */
    json_array_set_new(json_object_get(d0, "breaks"), 0, json_string("1/3"));
    ck_assert(rc_cert_check(why, root) != 0);
    json_decref(root);
    root = rc_opsc_to_json(p, NULL);
    json_object_set_new(root, "seed", json_string("8"));
    ck_assert(rc_cert_check(why, root) != 0);
    json_decref(root);
    rc_opsc_params_clear(p);
}
END_TEST

/* the slope q(s)/s near s = 0 of adversarial directions: its enclosure over
   (0, s0] contains q(s)/s computed directly at points of (0, s0], is
   positive and tight; a Gaussian direction (group sums not 0) is refused */
START_TEST(test_opsc_slope)
{
    slong k = 3 + _i, m = 2 + _i, n = k * m, e, j;
    arb_mat_t U, Wt, V;
    fmpq_t s2, s0, z;
    arb_t psi, q, s;

    arb_mat_init(U, n, k); arb_mat_init(Wt, n, k); arb_mat_init(V, k, k);
    fmpq_init(s2); fmpq_init(s0); fmpq_init(z);
    arb_init(psi); arb_init(q); arb_init(s);
    arb_mat_one(V);
    fmpq_set_si(s2, 1, 100000);
    rc_opsc_direction(U, k, m, s2, 11, _i, 1, 128);
    rc_opsc_minimum(Wt, k, m, 128);
    for (e = 4; e <= 24; e += 10)
    {
        fmpq_one(s0);
        fmpq_div_2exp(s0, s0, e);
        ck_assert(rc_opsc_slope(psi, U, k, m, s0, 128));
        ck_assert(arb_is_positive(psi));
        for (j = 0; j <= 3; j++)
        {
            fmpq_div_2exp(z, s0, 3 * j);
            ck_assert(rc_opsc_form(q, Wt, V, U, z, z, 128));
            arb_set_fmpq(s, z, 128);
            arb_div(q, q, s, 128);
            ck_assert_msg(arb_contains(psi, q), "s0 = 2^-%ld, s = s0 2^-%ld", e, 3 * j);
        }
        /* tight: relative width about 2^-(e/2) or better (2 bits at e = 4,
           measured 9 at e = 9, 29 at e = 30) */
        ck_assert_msg(arb_rel_accuracy_bits(psi) >= e / 2, "e %ld bits %ld", e, arb_rel_accuracy_bits(psi));
    }
    rc_opsc_direction(U, k, m, s2, 11, _i, 0, 128);
    ck_assert(!rc_opsc_slope(psi, U, k, m, s0, 128));
    ck_assert(!arb_is_finite(psi));
    arb_mat_clear(U); arb_mat_clear(Wt); arb_mat_clear(V);
    fmpq_clear(s2); fmpq_clear(s0); fmpq_clear(z);
    arb_clear(psi); arb_clear(q); arb_clear(s);
}
END_TEST

/* z = sa + j (sb - sa) / 2^e, a point of the piece [sa, sb] */
static void
piece_point(fmpq_t z, const fmpq_t sa, const fmpq_t sb, slong j, int e)
{
    fmpq_sub(z, sb, sa);
    fmpq_mul_si(z, z, j);
    fmpq_div_2exp(z, z, e);
    fmpq_add(z, z, sa);
}

/* the slope over pieces [sa, sb] away from 0 (mean value theorem from sa):
   contains q(s)/s computed directly at the ends and inside, is positive,
   shrinks with the piece (about linearly: the enclosure of a piece of width
   2^-e has width below 2^-(e-7) |U|^2); pieces that are not 0 <= sa < sb
   are refused */
START_TEST(test_opsc_slope_piece)
{
    slong k = 3 + 2 * _i, m = 2 + 3 * _i, n = k * m, e, j;
    arb_mat_t U, Wt, V;
    fmpq_t s2, sa, sb, z, w;
    arb_t psi, q, s, uu;

    arb_mat_init(U, n, k); arb_mat_init(Wt, n, k); arb_mat_init(V, k, k);
    fmpq_init(s2); fmpq_init(sa); fmpq_init(sb); fmpq_init(z); fmpq_init(w);
    arb_init(psi); arb_init(q); arb_init(s); arb_init(uu);
    arb_mat_one(V);
    fmpq_set_si(s2, 1, 100000);
    rc_opsc_direction(U, k, m, s2, 5, _i, 1, 128);
    rc_opsc_minimum(Wt, k, m, 128);
    for (j = 0; j < n * k; j++)
        arb_addmul(uu, arb_mat_entry(U, j / k, j % k), arb_mat_entry(U, j / k, j % k), 128);
    for (e = 3; e <= 15; e += 6)
    {
        fmpq_set_si(sa, 1, 2);
        fmpq_one(w);
        fmpq_div_2exp(w, w, e);
        fmpq_add(sb, sa, w);
        ck_assert(rc_opsc_slope_piece(psi, U, k, m, sa, sb, 128));
        ck_assert(arb_is_positive(psi));
        for (j = 0; j <= 4; j++)
        {
            piece_point(z, sa, sb, j, 2);
            ck_assert(rc_opsc_form(q, Wt, V, U, z, z, 128));
            arb_set_fmpq(s, z, 128);
            arb_div(q, q, s, 128);
            ck_assert_msg(arb_contains(psi, q), "piece 2^-%ld, point %ld", e, j);
        }
        ck_assert_msg(mag_get_d(arb_radref(psi)) <= ldexp(arf_get_d(arb_midref(uu), ARF_RND_NEAR), -(e - 7)),
                      "piece 2^-%ld: radius %g, |U|^2 %g", e, mag_get_d(arb_radref(psi)),
                      arf_get_d(arb_midref(uu), ARF_RND_NEAR));
    }
    /* not 0 <= sa < sb */
    ck_assert(!rc_opsc_slope_piece(psi, U, k, m, sb, sa, 128));
    ck_assert(!rc_opsc_slope_piece(psi, U, k, m, sa, sa, 128));
    arb_mat_clear(U); arb_mat_clear(Wt); arb_mat_clear(V);
    fmpq_clear(s2); fmpq_clear(sa); fmpq_clear(sb); fmpq_clear(z); fmpq_clear(w);
    arb_clear(psi); arb_clear(q); arb_clear(s); arb_clear(uu);
}
END_TEST

/* the centred form of q over a piece: contains q(s) computed directly at
   points of the piece, for Gaussian and adversarial directions and pieces
   starting at 0 or away from it; on a wide piece it is tighter than the
   direct enclosure; not 0 <= sa < sb is refused */
START_TEST(test_opsc_form_centered)
{
    slong k = 3 + _i, m = 2 + 2 * _i, n = k * m, j, c;
    arb_mat_t U, Wt, V;
    fmpq_t s2, sa, sb, z;
    arb_t q, qd, p;
    static const slong ends[3][2] = {{0, 1}, {1, 2}, {3, 4}};   /* quarters */

    arb_mat_init(U, n, k); arb_mat_init(Wt, n, k); arb_mat_init(V, k, k);
    fmpq_init(s2); fmpq_init(sa); fmpq_init(sb); fmpq_init(z);
    arb_init(q); arb_init(qd); arb_init(p);
    arb_mat_one(V);
    fmpq_set_si(s2, 1, 100000);
    rc_opsc_minimum(Wt, k, m, 128);
    for (c = 0; c < 6; c++)
    {
        rc_opsc_direction(U, k, m, s2, 9, c, c % 2, 128);
        fmpq_set_si(sa, ends[c / 2][0], 4);
        fmpq_set_si(sb, ends[c / 2][1], 4);
        ck_assert(rc_opsc_form_centered(q, U, k, m, sa, sb, 128));
        for (j = 0; j <= 4; j++)
        {
            piece_point(z, sa, sb, j, 2);
            ck_assert(rc_opsc_form(p, Wt, V, U, z, z, 128));
            ck_assert_msg(arb_contains(q, p), "direction %ld, point %ld", c, j);
        }
        ck_assert(rc_opsc_form(qd, Wt, V, U, sa, sb, 128));
        ck_assert_msg(mag_cmp(arb_radref(q), arb_radref(qd)) < 0, "direction %ld: not tighter", c);
    }
    ck_assert(!rc_opsc_form_centered(q, U, k, m, sb, sa, 128));
    ck_assert(!arb_is_finite(q));
    arb_mat_clear(U); arb_mat_clear(Wt); arb_mat_clear(V);
    fmpq_clear(s2); fmpq_clear(sa); fmpq_clear(sb); fmpq_clear(z);
    arb_clear(q); arb_clear(qd); arb_clear(p);
}
END_TEST

/* the binary64 fast path (opsc_slope_fast.c) against ball arithmetic: its
   centred form contains q(s) computed directly (Arb) at points of each
   piece, at single points too, and is about as tight as the Arb centred
   form; its slope contains q(s)/s at points for adversarial directions
   and refuses Gaussian ones (group sums not 0) */
START_TEST(test_opsc_fast_pieces)
{
    slong k = 3 + 2 * _i, m = 2 + 2 * _i, n = k * m, j, c;
    arb_mat_t U, Wt, V;
    fmpq_t s2, sa, sb, z;
    arb_t q, qa, p, s;
    static const slong ends[3][2] = {{0, 1}, {1, 2}, {3, 4}};   /* quarters */

    arb_mat_init(U, n, k); arb_mat_init(Wt, n, k); arb_mat_init(V, k, k);
    fmpq_init(s2); fmpq_init(sa); fmpq_init(sb); fmpq_init(z);
    arb_init(q); arb_init(qa); arb_init(p); arb_init(s);
    arb_mat_one(V);
    fmpq_set_si(s2, 1, 100000);
    rc_opsc_minimum(Wt, k, m, 128);
    for (c = 0; c < 6; c++)
    {
        rc_opsc_fast_t F;
        int adv = c % 2;
        rc_opsc_direction(U, k, m, s2, 11, c, adv, 128);
        rc_opsc_fast_init(F, U, k, m);
        ck_assert(F->usable);
        ck_assert(F->groups_zero == adv);
        fmpq_set_si(sa, ends[c / 2][0], 4);
        fmpq_set_si(sb, ends[c / 2][1], 4);
        ck_assert(rc_opsc_form_centered_fast(q, F, U, sa, sb, 128));
        ck_assert(rc_opsc_form_centered(qa, U, k, m, sa, sb, 128));
        ck_assert_msg(arb_overlaps(q, qa), "direction %ld", c);
        ck_assert_msg(mag_get_d(arb_radref(q)) <= 2 * mag_get_d(arb_radref(qa)),
                      "direction %ld: fast %g, Arb %g", c, mag_get_d(arb_radref(q)),
                      mag_get_d(arb_radref(qa)));
        if (adv)
            ck_assert(rc_opsc_slope_piece_fast(p, F, sa, sb, 128));
        else
        {
            ck_assert(!rc_opsc_slope_piece_fast(p, F, sa, sb, 128));
            ck_assert(!arb_is_finite(p));
        }
        for (j = 0; j <= 4; j++)
        {
            piece_point(z, sa, sb, j, 2);
            ck_assert(rc_opsc_form(qa, Wt, V, U, z, z, 128));
            ck_assert_msg(arb_contains(q, qa), "direction %ld, point %ld", c, j);
            /* the point itself */
            ck_assert(rc_opsc_form_centered_fast(q, F, U, z, z, 128));
            ck_assert_msg(arb_overlaps(q, qa), "direction %ld, at point %ld", c, j);
            ck_assert(rc_opsc_form_centered_fast(q, F, U, sa, sb, 128));
            if (adv && fmpq_sgn(z) > 0)
            {
                arb_set_fmpq(s, z, 128);
                arb_div(qa, qa, s, 128);
                ck_assert_msg(arb_contains(p, qa), "direction %ld, slope at point %ld", c, j);
            }
        }
        /* the point s = 0 of an adversarial direction: q(0) = 0 */
        if (adv)
        {
            fmpq_zero(z);
            ck_assert(rc_opsc_form_centered_fast(q, F, U, z, z, 128));
            ck_assert(arb_contains_zero(q));
            ck_assert(mag_cmp_2exp_si(arb_radref(q), -30) < 0);
        }
        rc_opsc_fast_clear(F);
    }
    /* large directions (sigma2 = 1/100: the neurons turn by up to about a
       radian) on narrow pieces, where the enclosures are tight enough that
       every term of the derivatives matters: point values contained */
    fmpq_set_si(s2, 1, 100);
    for (c = 0; c < 4; c++)
    {
        rc_opsc_fast_t F;
        int adv = c % 2;
        rc_opsc_direction(U, k, m, s2, 13, c, adv, 128);
        rc_opsc_fast_init(F, U, k, m);
        fmpq_set_si(sa, 1 + 2 * c, 64);
        fmpq_set_si(sb, 1 + 2 * c, 64);
        fmpq_set_si(z, 1, 1024);
        fmpq_add(sb, sb, z);
        ck_assert(rc_opsc_form_centered_fast(q, F, U, sa, sb, 128));
        if (adv)
            ck_assert(rc_opsc_slope_piece_fast(p, F, sa, sb, 128));
        for (j = 0; j <= 2; j++)
        {
            piece_point(z, sa, sb, j, 1);
            ck_assert(rc_opsc_form(qa, Wt, V, U, z, z, 128));
            ck_assert_msg(arb_contains(q, qa), "large direction %ld, point %ld", c, j);
            if (adv)
            {
                arb_set_fmpq(s, z, 128);
                arb_div(qa, qa, s, 128);
                ck_assert_msg(arb_contains(p, qa), "large direction %ld, slope at point %ld", c, j);
            }
        }
        rc_opsc_fast_clear(F);
    }
    /* T' itself: by the mean value theorem the difference quotient
       (T(sb) - T(sa))/(sb - sa) is a value of T' on [sa, sb], so the
       enclosure Tder over a narrow piece must contain it (T(sa), T(sb)
       from the pieces starting there) */
    for (c = 0; c < 4; c++)
    {
        rc_opsc_fast_t F;
        rc_di_t ps, ta, tb, td, x;
        rc_opsc_direction(U, k, m, s2, 17, c, c % 2, 128);
        rc_opsc_fast_init(F, U, k, m);
        fmpq_set_si(sa, 1 + 2 * c, 32);
        fmpq_set_si(z, 1, 1 << 20);
        fmpq_add(sb, sa, z);
        ck_assert(rc_opsc_fast_parts(&ps, &ta, &td, F, sa, sb, 1));
        fmpq_add(z, sb, z);
        ck_assert(rc_opsc_fast_parts(&ps, &tb, &x, F, sb, z, 1));
        x = rc_di_mul(rc_di_sub(tb, ta), rc_di_pt(1 << 20));
        ck_assert_msg(x.lo <= td.hi && td.lo <= x.hi, "direction %ld: T' [%g, %g], quotient [%g, %g]",
                      c, td.lo, td.hi, x.lo, x.hi);
        ck_assert(x.hi - x.lo < 1e-3 * (fabs(x.lo) + 1e-6));
        rc_opsc_fast_clear(F);
    }
    arb_mat_clear(U); arb_mat_clear(Wt); arb_mat_clear(V);
    fmpq_clear(s2); fmpq_clear(sa); fmpq_clear(sb); fmpq_clear(z);
    arb_clear(q); arb_clear(qa); arb_clear(p); arb_clear(s);
}
END_TEST

/* the check of an opsc certificate split into parts (for worker
   processes): every part of an intact certificate passes; a tampered entry
   fails the part that holds it (and part 0, whose summary recount sees
   it), not the others; the summary is part 0's */
START_TEST(test_opsc_check_parts)
{
    rc_opsc_params_t p;
    json_t * root, * e;
    rc_error_t why;
    slong j;

    rc_opsc_params_init(p);
    p->k = 3;
    p->m = 2;
    p->samples = 4;
    p->seed = 3;
    fmpq_set_si(p->sigma2, 1, 100000);
    fmpq_one(p->radius);
    fmpq_set_si(p->lambda, 1, 100);
    root = rc_opsc_to_json(p, NULL);
    ck_assert_int_eq(rc_cert_check_parts(root), 4);
    for (j = 0; j < 3; j++)
        ck_assert(rc_cert_check_part(why, root, j, 3) == 0);
    /* direction 1's lam_U raised above what its pieces give: part 1 of 3 */
    e = json_array_get(json_object_get(root, "directions"), 1);
    json_object_set_new(e, "lam_U", json_string("0.9"));
    ck_assert(rc_cert_check_part(why, root, 1, 3) != 0);
    ck_assert(strstr(why->msg, "directions[1]") != NULL);
    ck_assert(rc_cert_check_part(why, root, 2, 3) == 0);
    ck_assert(rc_cert_check(why, root) != 0);
    /* (part 0 fails too, on the summary recounted from the entries) */
    ck_assert(rc_cert_check_part(why, root, 0, 3) != 0);
    ck_assert(strstr(why->msg, "summary") != NULL);
    /* the summary: part 0 */
    json_decref(root);
    root = rc_opsc_to_json(p, NULL);
    json_object_set_new(json_object_get(root, "summary"), "opsc_proved", json_integer(3));
    ck_assert(rc_cert_check_part(why, root, 0, 2) != 0);
    ck_assert(rc_cert_check_part(why, root, 1, 2) == 0);
    ck_assert(rc_cert_check_part(why, root, 2, 2) != 0);      /* no such part */
    json_decref(root);
    rc_opsc_params_clear(p);
}
END_TEST

/* where the fast path must not give an enclosure: a neuron that vanishes
   on the piece, two neurons of a group that stay parallel (the divided
   form degenerates), a neuron that turns opposite to another neuron and
   to a teacher neuron inside the piece, reversed pieces, and a machine
   where binary64 arithmetic is not as assumed. The Arb centred form
   refuses the same pieces. */
START_TEST(test_opsc_fast_refuses)
{
    arb_mat_t U;
    fmpq_t lo, hi;
    arb_t q;
    rc_opsc_fast_t F;
    slong a;

    fmpq_init(lo); fmpq_init(hi);
    arb_init(q);
    /* k = 2, m = 2: neuron 2 moved by -w~_2 reaches 0 at s = 1 */
    arb_mat_init(U, 4, 2);
    arb_mat_one(U);
    arb_mul_2exp_si(arb_mat_entry(U, 0, 0), arb_mat_entry(U, 0, 0), -3);
    for (a = 0; a < 2; a++)
        arb_zero(arb_mat_entry(U, 2, a));
    arb_set_si(arb_mat_entry(U, 2, 1), -1);
    arb_mul_2exp_si(arb_mat_entry(U, 2, 1), arb_mat_entry(U, 2, 1), -1);   /* w~_2 = e_1/2 */
    rc_opsc_fast_init(F, U, 2, 2);
    fmpq_set_si(lo, 3, 4);
    fmpq_one(hi);
    ck_assert(!rc_opsc_form_centered_fast(q, F, U, lo, hi, 128));
    ck_assert(!arb_is_finite(q));
    ck_assert(!rc_opsc_form_centered_fast(q, F, U, hi, hi, 128));
    ck_assert(!rc_opsc_form_centered(q, U, 2, 2, lo, hi, 128));
    /* reversed */
    ck_assert(!rc_opsc_form_centered_fast(q, F, U, hi, lo, 128));
    rc_opsc_fast_clear(F);
    /* neurons 0 and 1 (group 0) with the same u: parallel for every s */
    arb_mat_zero(U);
    for (a = 0; a < 2; a++)
    {
        arb_set_si(arb_mat_entry(U, 0, a), a + 1);
        arb_set_si(arb_mat_entry(U, 1, a), a + 1);
        arb_set_si(arb_mat_entry(U, 3, a), 1 - a);
    }
    arb_mat_scalar_mul_2exp_si(U, U, -6);
    rc_opsc_fast_init(F, U, 2, 2);
    fmpq_zero(lo);
    fmpq_set_si(hi, 1, 4);
    ck_assert(!rc_opsc_form_centered_fast(q, F, U, lo, hi, 128));
    ck_assert(!rc_opsc_form_centered(q, U, 2, 2, lo, hi, 128));
    rc_opsc_fast_clear(F);
    arb_mat_clear(U);
    /* k = 2, m = 1, u_0 = (-129/64, -2), u_1 = (1/64, 0): w_0(1/2) =
       (-1/128, -1) is opposite to w_1(1/2) = (1/128, 1) */
    arb_mat_init(U, 2, 2);
    arb_set_si(arb_mat_entry(U, 0, 0), -129);
    arb_mul_2exp_si(arb_mat_entry(U, 0, 0), arb_mat_entry(U, 0, 0), -6);
    arb_set_si(arb_mat_entry(U, 0, 1), -2);
    arb_set_si(arb_mat_entry(U, 1, 0), 1);
    arb_mul_2exp_si(arb_mat_entry(U, 1, 0), arb_mat_entry(U, 1, 0), -6);
    rc_opsc_fast_init(F, U, 2, 1);
    fmpq_set_si(lo, 1, 4);
    fmpq_set_si(hi, 3, 4);
    ck_assert(!rc_opsc_form_centered_fast(q, F, U, lo, hi, 128));
    ck_assert(!rc_opsc_form_centered(q, U, 2, 1, lo, hi, 128));
    fmpq_set_si(lo, 1, 2);
    ck_assert(!rc_opsc_form_centered_fast(q, F, U, lo, lo, 128));
    /* away from it: an enclosure */
    fmpq_set_si(lo, 0, 1);
    fmpq_set_si(hi, 1, 8);
    ck_assert(rc_opsc_form_centered_fast(q, F, U, lo, hi, 128));
    /* not usable: refused, whatever the piece */
    F->usable = 0;
    ck_assert(!rc_opsc_form_centered_fast(q, F, U, lo, hi, 128));
    rc_opsc_fast_clear(F);
    arb_mat_clear(U);
    fmpq_clear(lo); fmpq_clear(hi);
    arb_clear(q);
}
END_TEST

/* a segment through a zero neuron leaves the C^2 region: refused */
START_TEST(test_opsc_zero_neuron_refused)
{
    arb_mat_t Wt, U;
    fmpq_t R;
    slong a;

    arb_mat_init(Wt, 4, 2); arb_mat_init(U, 4, 2);
    fmpq_init(R);
    rc_opsc_minimum(Wt, 2, 2, 128);
    arb_mat_one(U);
    arb_mul_2exp_si(arb_mat_entry(U, 0, 0), arb_mat_entry(U, 0, 0), -3);
    fmpq_one(R);
    ck_assert_int_eq(rc_opsc_segment_zero_neuron(Wt, U, R, 128), -1);
    /* neuron 2 moved by -w~_2: reaches 0 at s = 1 */
    for (a = 0; a < 2; a++)
        arb_neg(arb_mat_entry(U, 2, a), arb_mat_entry(Wt, 2, a));
    ck_assert_int_eq(rc_opsc_segment_zero_neuron(Wt, U, R, 128), 2);
    /* the centred form refuses a piece on which neuron 2 vanishes (it moves
       along its teacher, so the divided form is degenerate there too);
       piece() in opsc_cert.c then falls back to the direct enclosure, which
       refuses it as well */
    {
        arb_t q;
        fmpq_t lo;
        arb_init(q);
        fmpq_init(lo);
        fmpq_set_si(lo, 3, 4);
        ck_assert(!rc_opsc_form_centered(q, U, 2, 2, lo, R, 128));
        ck_assert(!arb_is_finite(q));
        {
            arb_mat_t V;
            arb_mat_init(V, 2, 2);
            arb_mat_one(V);
            ck_assert(!rc_opsc_form(q, Wt, V, U, lo, R, 128));
            arb_mat_clear(V);
        }
        arb_clear(q);
        fmpq_clear(lo);
    }
    /* only half way: stays away */
    fmpq_set_si(R, 1, 2);
    ck_assert_int_eq(rc_opsc_segment_zero_neuron(Wt, U, R, 128), -1);
    /* Clopper-Pearson: 50 of 50 at 95%: 0.05^(1/50) = 0.94184... */
    ck_assert(fabs(rc_clopper_pearson_lower(50, 50, 0.05) - 0.9418) < 1e-4);
    ck_assert(rc_clopper_pearson_lower(50, 50, 0.05) <= 0.94184492088303);  /* exact: 0.05^(1/50) = 0.9418449208830277 */
    ck_assert(rc_clopper_pearson_lower(0, 50, 0.05) == 0);
    arb_mat_clear(Wt); arb_mat_clear(U);
    fmpq_clear(R);
}
END_TEST

/* the landscape workflows (workflow.h): what each return value says, the
   command's messages for bad parameters, and summaries derived from the
   certificate alone (a verdict changed in the certificate changes the
   words) */
static char *
summary_of(const json_t * cert, int nonconvex)
{
    char * buf = NULL;
    size_t len = 0;
    FILE * f = open_memstream(&buf, &len);
    if (nonconvex)
        rc_nonconvex_summary_write(f, cert, 16);
    else
        ck_assert(rc_landscape_summary_write(f, cert, 16) == 0);
    fclose(f);
    return buf;
}

START_TEST(test_landscape_workflows)
{
    rc_landscape_params_t p;
    rc_opsc_params_t o;
    rc_error_t err;
    json_t * cert;
    char * t;

    rc_landscape_params_init(p);
    /* convexity: proved, and the words follow the certificate */
    p->k = 2;
    p->boxes = 16;
    p->norm = RC_CONV_BOX;
    ck_assert_int_eq(rc_convexity_run(&cert, p, NULL, NULL, err), 0);
    t = summary_of(cert, 0);
    ck_assert_msg(strncmp(t, "strongly convex: proved, lambda_min >= 0.045422528454052333 on the box", 70) == 0, "%s", t);
    ck_assert(strstr(t, "with 16 Hessian enclosures") != NULL);
    free(t);
    json_object_set_new(json_object_get(json_object_get(cert, "claims"), "strongly_convex"),
                        "verdict", json_string("undecided"));
    t = summary_of(cert, 0);
    ck_assert_msg(strstr(t, ": undecided (") != NULL && strstr(t, "convex: proved") == NULL, "%s", t);
    free(t);
    json_decref(cert);
    /* nonconvex with n = k: refuted, the convexity certificate */
    p->n = 2;
    ck_assert_int_eq(rc_nonconvex_run(&cert, p, NULL, NULL, err), 1);
    ck_assert_str_eq(json_string_value(json_object_get(cert, "kind")), "convexity");
    t = summary_of(cert, 1);
    ck_assert(strstr(t, "non-convexity near the minimum (n = k): refuted") != NULL);
    free(t);
    json_decref(cert);
    /* bad parameters: 2, the command's message, no certificate */
    p->n = 5;
    ck_assert_int_eq(rc_nonconvex_run(&cert, p, NULL, NULL, err), 2);
    ck_assert(cert == NULL && strstr(err->msg, "expected k <= n <= 2k") != NULL);
    p->k = 1;
    ck_assert_int_eq(rc_fails_run(&cert, 1, p, NULL, NULL, err), 2);
    ck_assert_str_eq(err->msg, "certify pl-fails: expected --k K with K >= 2");
    ck_assert_int_eq(rc_landscape_params_set_list(&p->eps, &p->neps, "--eps", "0.1,x", err), 1);
    ck_assert(strncmp(err->msg, "--eps: ", 7) == 0 && p->eps == NULL);
    /* pl-fails below the grid: undecided, 1 */
    p->k = 2;
    ck_assert_int_eq(rc_landscape_params_set_list(&p->eps, &p->neps, "--eps", "0.1", err), 0);
    ck_assert_int_eq(rc_landscape_params_set_list(&p->lambda, &p->nlambda, "--lambda", "1e-30", err), 0);
    ck_assert_int_eq(rc_fails_run(&cert, 1, p, NULL, NULL, err), 1);
    t = summary_of(cert, 0);
    ck_assert_msg(strstr(t, "undecided\n") != NULL, "%s", t);
    free(t);
    json_decref(cert);
    rc_landscape_params_clear(p);
    /* opsc: settled, a part, and refused parameters */
    rc_opsc_params_init(o);
    o->k = 3;
    o->m = 2;
    o->samples = 2;
    o->seed = 1;
    ck_assert_int_eq(rc_opsc_params_set_numbers(o, "1e-5", "1", "0", err), 1);
    ck_assert_str_eq(err->msg, "--lambda: expected a positive number, found '0'");
    ck_assert_int_eq(rc_opsc_params_set_numbers(o, "1e-5", "1", "1/100", err), 0);
    ck_assert_int_eq(rc_opsc_run(&cert, o, 0, 1, 1, NULL, NULL, err), 0);
    ck_assert(rc_opsc_cert_settled(cert));
    json_decref(cert);
    ck_assert_int_eq(rc_opsc_run(&cert, o, 1, 2, 1, NULL, NULL, err), 0);
    ck_assert_str_eq(json_string_value(json_object_get(cert, "kind")), "opsc-part");
    ck_assert_int_eq(json_array_size(json_object_get(cert, "directions")), 1);
    json_decref(cert);
    o->m = 1;
    o->adversarial = 1;
    ck_assert_int_eq(rc_opsc_run(&cert, o, 0, 1, 1, NULL, NULL, err), 2);
    ck_assert_str_eq(err->msg, "certify opsc: --adversarial needs --m M with M >= 2");
    rc_opsc_params_clear(o);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("landscape");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, test_quad_form, 0, 2);
    tcase_add_loop_test(tc, test_convexity_radius, 0, 4);
    tcase_add_loop_test(tc, test_convexity_mu_too_large, 0, 3);
    tcase_add_loop_test(tc, test_convexity_cover, 0, 4);
    tcase_add_loop_test(tc, test_convexity_cover_mu_too_large, 0, 3);
    tcase_add_test(tc, test_convexity_cover_boundary);
    tcase_add_test(tc, test_convexity_cover_malformed);
    tcase_add_test(tc, test_convexity_leaf_box);
    tcase_add_loop_test(tc, test_convexity_cover_zero_neuron, 0, 3);
    tcase_add_loop_test(tc, test_thm4_closed_form, 0, 3);
    tcase_add_test(tc, test_n_equals_k_never_nonconvex);
    tcase_add_loop_test(tc, test_landscape_tampered, 0, 6);
    tcase_add_loop_test(tc, test_convexity_tampered, 0, 4);
    tcase_add_loop_test(tc, test_thm79_ratios, 0, 2);
    tcase_add_loop_test(tc, test_thm79_certificates, 0, 8);
    tcase_add_loop_test(tc, test_opsc_directions, 0, 3);
    tcase_add_test(tc, test_opsc_zero_neuron_refused);
    tcase_add_loop_test(tc, test_opsc_slope, 0, 2);
    tcase_add_loop_test(tc, test_opsc_slope_piece, 0, 2);
    tcase_add_loop_test(tc, test_opsc_form_centered, 0, 2);
    tcase_add_loop_test(tc, test_opsc_fast_pieces, 0, 2);
    tcase_add_test(tc, test_opsc_fast_refuses);
    tcase_add_test(tc, test_opsc_check_parts);
    tcase_add_test(tc, test_landscape_workflows);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return tu_run(suite());
}
