/* The two-block census (proofs/lemmas.md L16(f)), pattern (a, k - a) at
   k = 6, a = 1 and 2, under a node budget (the census is then not
   complete: its unresolved boxes carry no claim):
   - every critical point of an independent multi-start Newton search in
     the fixed-point coordinates (plain double, on the dense gradient and
     Hessian of src/float, W(theta) built here from the orbits, not by the
     symmetry code) lies in an existence leaf of the census, at most one per
     leaf, never in an excluded leaf, with the same Morse index where both
     decide it;
   - no leaf whose box meets a zero neuron is a gradient or existence
     leaf, the gradient test refuses such boxes, and a certificate that
     claims one fails the check;
   - tampered certificates (a leaf removed or altered, a point dropped, a
     point's box moved) fail the check. */
#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <lapacke.h>
#include "testutil.h"

#define K 6
#define BUDGET 3000
#define MAXQ 6

/* the orbits of (a, k - a) in the order of census.h: diag 0, off 0
   (a >= 2), cross 0 1, diag 1, off 1 (k - a >= 2), cross 1 0; -1 for an
   empty one */
static slong
orbit_of(slong a, slong i, slong r, slong * q)
{
    slong bi = i >= a, br = r >= a, id[6], o, n = 0;
    for (o = 0; o < 6; o++)
    {
        int empty = (o == 1 && a < 2) || (o == 4 && K - a < 2);
        id[o] = empty ? -1 : n++;
    }
    *q = n;
    if (bi == br)
        return id[(bi ? 3 : 0) + (i == r ? 0 : 1)];
    return id[bi ? 5 : 2];
}

static void
dense_w(double * W, slong a, const double * th)
{
    slong i, r, q;
    for (i = 0; i < K; i++)
        for (r = 0; r < K; r++)
            W[i * K + r] = th[orbit_of(a, i, r, &q)];
}

static slong
nq(slong a)
{
    slong q;
    orbit_of(a, 0, 0, &q);
    return q;
}

/* grad phi: the sums of grad F over the orbits */
static void
d_phi_grad(double * g, slong a, const double * th)
{
    double W[K * K], V[K * K], G[K * K];
    slong i, r, q = nq(a);
    for (i = 0; i < K * K; i++)
        V[i] = (i % (K + 1)) == 0;
    dense_w(W, a, th);
    rc_d_gradient(G, W, K, V, K, K);
    for (i = 0; i < q; i++)
        g[i] = 0;
    for (i = 0; i < K; i++)
        for (r = 0; r < K; r++)
            g[orbit_of(a, i, r, &q)] += G[i * K + r];
}

/* the smallest neuron norm */
static double
min_norm(slong a, const double * th)
{
    double W[K * K], m = INFINITY;
    slong i, r;
    dense_w(W, a, th);
    for (i = 0; i < K; i++)
    {
        double s = 0;
        for (r = 0; r < K; r++)
            s += W[i * K + r] * W[i * K + r];
        m = fmin(m, sqrt(s));
    }
    return m;
}

/* damped Newton, central-difference Jacobian, Gaussian elimination */
static int
d_newton(double * x, slong a)
{
    slong q = nq(a), it, o, p, r;
    for (it = 0; it < 100; it++)
    {
        double g[MAXQ], gp[MAXQ], gm[MAXQ], J[MAXQ][MAXQ + 1], s = 0, f;
        if (min_norm(a, x) < 1e-3)
            return 0;
        d_phi_grad(g, a, x);
        for (o = 0; o < q; o++)
        {
            double y[MAXQ], h = 1e-6 * (1 + fabs(x[o]));
            memcpy(y, x, sizeof(double) * q);
            y[o] += h;
            d_phi_grad(gp, a, y);
            y[o] -= 2 * h;
            d_phi_grad(gm, a, y);
            for (p = 0; p < q; p++)
                J[p][o] = (gp[p] - gm[p]) / (2 * h);
        }
        for (p = 0; p < q; p++)
            J[p][q] = g[p];
        for (p = 0; p < q; p++)
        {
            slong piv = p;
            for (r = p + 1; r < q; r++)
                if (fabs(J[r][p]) > fabs(J[piv][p]))
                    piv = r;
            if (!(fabs(J[piv][p]) > 1e-14))
                return 0;
            for (o = 0; o <= q; o++)
            {
                double t = J[p][o]; J[p][o] = J[piv][o]; J[piv][o] = t;
            }
            for (r = 0; r < q; r++)
                if (r != p)
                {
                    double m = J[r][p] / J[p][p];
                    for (o = p; o <= q; o++)
                        J[r][o] -= m * J[p][o];
                }
        }
        for (p = 0; p < q; p++)
            s += fabs(J[p][q] / J[p][p]);
        f = s > 0.25 ? 0.25 / s : 1;
        for (p = 0; p < q; p++)
            x[p] -= f * J[p][q] / J[p][p];
        for (p = 0; p < q; p++)
            if (!isfinite(x[p]) || fabs(x[p]) > 10)
                return 0;
        d_phi_grad(g, a, x);
        s = 0;
        for (p = 0; p < q; p++)
            s += fabs(g[p]);
        if (s < 1e-11 && f == 1)
            return 1;
    }
    return 0;
}

/* negative eigenvalues of the dense K^2 x K^2 Hessian; -1 if one is
   within 1e-7 of 0 or the Hessian fails */
static slong
d_index(slong a, const double * th)
{
    const slong N = K * K;
    double W[K * K], V[K * K], * H = flint_malloc(sizeof(double) * N * N), ev[K * K];
    slong i, neg = 0;
    for (i = 0; i < N; i++)
        V[i] = (i % (K + 1)) == 0;
    dense_w(W, a, th);
    if (rc_d_hessian(H, W, K, V, K, K) != 0
        || LAPACKE_dsyev(LAPACK_ROW_MAJOR, 'N', 'U', N, H, N, ev) != 0)
        neg = -1;
    for (i = 0; i < N && neg >= 0; i++)
    {
        if (!isfinite(ev[i]) || fabs(ev[i]) < 1e-7)
            neg = -1;
        else if (ev[i] < 0)
            neg++;
    }
    flint_free(H);
    return neg;
}

static int
in_box(const fmpq * box, const double * x, slong q)
{
    slong o;
    for (o = 0; o < q; o++)
        if (!(fmpq_get_d(box + 2 * o) <= x[o] && x[o] <= fmpq_get_d(box + 2 * o + 1)))
            return 0;
    return 1;
}

static rc_census_struct census[2];
static int have[2];

static rc_census_struct *
get_census(slong a)
{
    rc_error_t err;
    if (!have[a - 1])
    {
        rc_census_init(census + a - 1);
        if (rc_census_search_two_block(census + a - 1, K, a, 128, 60, 24, BUDGET, NULL, NULL,
                                       err) != 0)
        {
            fprintf(stderr, "census a = %ld: %s\n", (long) a, err->msg);
            abort();
        }
        have[a - 1] = 1;
    }
    return census + a - 1;
}

START_TEST(test_newton_in_census)
{
    slong a = 1 + _i, q = nq(a), j, o, p, npts = 0, compared = 0, inexist = 0;
    rc_census_struct * c = get_census(a);
    double pts[256][MAXQ];
    slong leaf_of[256];
    flint_rand_t st;

    ck_assert_int_eq(c->q, q);
    ck_assert_int_eq(c->nfailed, 0);
    flint_randinit(st);
    flint_randseed(st, 2300 + a, 11);
    for (j = 0; j < 400; j++)
    {
        double x[MAXQ];
        for (o = 0; o < q; o++)
        {
            double T = 0.5 * fmpq_get_d(c->region + 2 * o + 1);
            x[o] = T * (2 * (double) n_randint(st, 1000001) / 1e6 - 1);
        }
        if (!d_newton(x, a) || min_norm(a, x) < 0.05)
            continue;
        for (p = 0; p < npts; p++)
        {
            double d = 0;
            for (o = 0; o < q; o++)
                d += fabs(pts[p][o] - x[o]);
            if (d < 1e-7)
                break;
        }
        if (p < npts || npts == 256)
            continue;
        memcpy(pts[npts], x, sizeof(double) * q);
        /* the leaf holding x: never excluded; an existence leaf */
        leaf_of[npts] = -1;
        for (p = 0; p < c->nnodes; p++)
            if (c->nodes[p].axis < 0 && in_box(c->nodes[p].box, x, q))
            {
                rc_census_leaf_kind kd = c->nodes[p].kind;
                ck_assert_msg(kd == RC_CENSUS_EXIST || kd == RC_CENSUS_UNRESOLVED,
                              "a = %ld: a critical point of the independent search lies in "
                              "a leaf '%s'", (long) a, rc_census_leaf_name(kd));
                if (kd == RC_CENSUS_EXIST)
                    leaf_of[npts] = p;
            }
        ck_assert_msg(leaf_of[npts] >= 0, "a = %ld: the critical point %ld of the independent "
                      "search (%.6g %.6g %.6g %.6g %.6g %.6g, index %ld) is in no existence leaf",
                      (long) a, (long) npts, x[0], x[1], x[2], x[3], x[4], q > 5 ? x[5] : 0.0,
                      (long) d_index(a, x));
        for (p = 0; p < npts; p++)
            ck_assert_msg(leaf_of[p] != leaf_of[npts], "a = %ld: two distinct points of the "
                          "independent search in one existence leaf", (long) a);
        inexist++;
        {
            const rc_census_point_struct * pt = c->points + c->nodes[leaf_of[npts]].point;
            slong di = d_index(a, x), ci = pt->morse_index;
            if (di >= 0 && ci >= 0)
            {
                compared++;
                ck_assert_msg(di == ci, "a = %ld: index %ld (dense double) against %ld (census)",
                              (long) a, (long) di, (long) ci);
            }
            else if (di > 0)
                ck_assert(ci > 0 || arb_is_negative(pt->lam_min));
        }
        npts++;
    }
    ck_assert_msg(npts >= 3 && compared >= 2, "a = %ld: %ld points found, %ld indices compared",
                  (long) a, (long) npts, (long) compared);
    if (getenv("CENSUS_VERBOSE") != NULL)
        printf("k = %d, a = %ld: %ld census points, %ld Newton points (all in existence "
               "leaves), %ld indices compared, %ld unresolved leaves\n", K, (long) a,
               (long) c->npoints, (long) npts, (long) compared, (long) c->nunresolved);
    flint_randclear(st);
}
END_TEST

/* L16(f3): a box that meets a zero neuron is never a gradient or
   existence leaf, the gradient test refuses it, and the checker too */
START_TEST(test_zero_neuron_boxes)
{
    slong a = 1 + _i, q = nq(a), j, o, meets = 0;
    rc_census_struct * c = get_census(a);
    rc_error_t why;
    json_t * root, * tree;
    int tampered = 0;

    for (j = 0; j < c->nnodes; j++)
    {
        const rc_census_node_struct * n = c->nodes + j;
        if (n->axis >= 0 || !rc_census_box_meets_zero(c->sym, n->box))
            continue;
        meets++;
        ck_assert_msg(n->kind != RC_CENSUS_GRADIENT && n->kind != RC_CENSUS_EXIST,
                      "a = %ld: leaf %ld meets a zero neuron and is '%s'", (long) a, (long) j,
                      rc_census_leaf_name(n->kind));
        for (o = 0; o < q; o++)
            ck_assert(rc_census_box_gradient(c->sym, n->box, o, 128) == RC_UNDECIDED);
    }
    ck_assert_msg(meets > 0, "a = %ld: no leaf meets a zero neuron", (long) a);

    /* a certificate whose leaf meeting a zero neuron says gradient fails */
    root = rc_census_to_json(c);
    ck_assert_msg(rc_cert_check(why, root) == 0, "%s", why->msg);
    tree = json_object_get(root, "tree");
    for (j = 0; j < c->nnodes && !tampered; j++)
        if (c->nodes[j].axis < 0 && rc_census_box_meets_zero(c->sym, c->nodes[j].box)
            && c->nodes[j].kind == RC_CENSUS_UNRESOLVED)
        {
            json_t * l = json_array_get(tree, j);
            json_object_set_new(l, "leaf", json_string("gradient"));
            json_object_set_new(l, "coordinate", json_string(c->m == 2 && a == 1 ? "diag 0"
                                                                               : "off 0"));
            tampered = 1;
        }
    if (tampered)
    {
        json_array_clear(json_object_get(root, "unresolved"));
        ck_assert_msg(rc_cert_check(why, root) != 0, "a gradient leaf on a zero neuron passed");
    }
    json_decref(root);

    /* boxes around the zero set of block 0's neuron, other coordinates at
       a point where the gradient is far from 0 */
    for (j = 0; j < 20; j++)
    {
        fmpq * box = _fmpq_vec_init(2 * q);
        for (o = 0; o < q; o++)
        {
            int row0 = c->sym->ob[o] == 0;
            fmpq_set_si(box + 2 * o, row0 ? -1 : 3 + j, row0 ? 1 << (j % 10 + 2) : 4);
            fmpq_set_si(box + 2 * o + 1, row0 ? 1 : 4 + j, row0 ? 1 << (j % 10 + 2) : 4);
        }
        ck_assert(rc_census_box_meets_zero(c->sym, box));
        for (o = 0; o < q; o++)
            ck_assert(rc_census_box_gradient(c->sym, box, o, 128) == RC_UNDECIDED);
        _fmpq_vec_clear(box, 2 * q);
    }
}
END_TEST

/* ---- must not prove ---- */

static slong
find_leaf(const json_t * tree, const char * kind, slong skip)
{
    slong j;
    for (j = 0; j < (slong) json_array_size(tree); j++)
    {
        const json_t * l = json_object_get(json_array_get(tree, j), "leaf");
        if (json_is_string(l) && strcmp(json_string_value(l), kind) == 0 && skip-- == 0)
            return j;
    }
    return -1;
}

/* the skip-th leaf that a gradient or fine test excludes, or -1 */
static slong
find_excluded(const json_t * tree, slong skip)
{
    slong j;
    for (j = 0; j < (slong) json_array_size(tree); j++)
    {
        const json_t * l = json_object_get(json_array_get(tree, j), "leaf");
        if (json_is_string(l) && (strcmp(json_string_value(l), "gradient") == 0
                                  || strcmp(json_string_value(l), "fine") == 0)
            && skip-- == 0)
            return j;
    }
    return -1;
}

/* shifts coordinate 0 of a box {name: [lo, hi], ...} by +1/3 */
static void
shift_box(json_t * box)
{
    const char * key;
    json_t * v;
    json_object_foreach(box, key, v)
    {
        json_array_set_new(v, 0, json_string("1/3"));
        json_array_set_new(v, 1, json_string("2/3"));
        break;
    }
}

static const char * tampers[] = {
    "remove an excluding leaf", "excluding leaf -> small", "excluding leaf -> outside",
    "excluding leaf -> gradient with another coordinate", "exist leaf -> gradient", "drop a point",
    "move a point's box", "move a point's box and its leaf's box", "remove an unresolved leaf",
    "unresolved leaf -> small", "a point's morse_index", "claims.complete",
    "exist leaf -> zero", "zero leaf's block out of range",
    "a leaf at a zero neuron -> gradient",
    "claims.unresolved_volume lowered", "claims.unresolved_volume missing",
    "exist leaf -> fine", "fine leaf's pieces lowered", "fine leaf's pieces 0"
};

START_TEST(test_tampered)
{
    rc_census_struct * c = get_census(2);
    json_t * good = rc_census_to_json(c), * root, * tree, * pts, * e;
    rc_error_t why;
    slong j, i;
    int failed;

    ck_assert_msg(rc_cert_check(why, good) == 0, "the untampered certificate: %s", why->msg);
    root = json_deep_copy(good);
    tree = json_object_get(root, "tree");
    pts = json_object_get(root, "points");
    ck_assert(json_array_size(pts) >= 2);
    switch (_i)
    {
        case 0:
            json_array_remove(tree, find_excluded(tree, 0));
            break;
        case 1:
        case 2:
            /* some excluding leaf (gradient or fine) is neither small nor
               outside */
            failed = 0;
            for (i = 0; !failed && (j = find_excluded(tree, i)) >= 0; i++)
            {
                e = json_array_get(tree, j);
                json_object_set_new(e, "leaf", json_string(_i == 1 ? "small" : "outside"));
                json_object_del(e, "coordinate");
                json_object_del(e, "pieces");
                failed = rc_cert_check(why, root) != 0;
                json_decref(root);
                root = json_deep_copy(good);
                tree = json_object_get(root, "tree");
            }
            ck_assert_msg(failed, "every excluding leaf passed as '%s'", tampers[_i]);
            e = json_array_get(tree, find_leaf(tree, "exist", 0));
            json_object_set_new(e, "leaf", json_string(_i == 1 ? "small" : "outside"));
            json_object_del(e, "point");
            break;
        case 3:
            /* an excluding leaf stated as a gradient leaf with the wrong
               coordinate: for some leaf and coordinate the Arb test fails */
            failed = 0;
            for (i = 0; !failed && (j = find_excluded(tree, i)) >= 0 && i < 200; i++)
            {
                slong o2;
                for (o2 = 0; !failed && o2 < c->q; o2++)
                {
                    char nm[32];
                    rc_sym_orbit_name(nm, sizeof nm, c->sym, o2);
                    e = json_array_get(tree, j);
                    if (json_is_string(json_object_get(e, "coordinate"))
                        && strcmp(json_string_value(json_object_get(e, "coordinate")), nm) == 0)
                        continue;
                    json_object_set_new(e, "leaf", json_string("gradient"));
                    json_object_set_new(e, "coordinate", json_string(nm));
                    json_object_del(e, "pieces");
                    failed = rc_cert_check(why, root) != 0;
                    json_decref(root);
                    root = json_deep_copy(good);
                    tree = json_object_get(root, "tree");
                }
            }
            ck_assert(failed);
            json_array_remove(tree, find_excluded(tree, 0));
            break;
        case 4:
            e = json_array_get(tree, find_leaf(tree, "exist", 0));
            json_object_set_new(e, "leaf", json_string("gradient"));
            json_object_set_new(e, "coordinate", json_string("diag 0"));
            json_object_del(e, "point");
            break;
        case 5:
            json_array_remove(pts, 0);
            break;
        case 6:
            shift_box(json_object_get(json_array_get(pts, 1), "box"));
            break;
        case 7:
            j = json_integer_value(json_object_get(json_array_get(pts, 1), "leaf"));
            shift_box(json_object_get(json_array_get(pts, 1), "box"));
            shift_box(json_object_get(json_array_get(tree, j), "box"));
            break;
        case 8:
            json_array_remove(tree, find_leaf(tree, "unresolved", 0));
            break;
        case 9:
            /* some unresolved leaf is not inside the small-student set */
            j = find_leaf(tree, "unresolved", 0);
            json_object_set_new(json_array_get(tree, j), "leaf", json_string("small"));
            json_array_remove(json_object_get(root, "unresolved"), 0);
            break;
        case 10:
            json_object_set_new(json_array_get(pts, 0), "morse_index", json_integer(7));
            break;
        case 11:
            json_object_set_new(json_object_get(root, "claims"), "complete",
                                rc_json_claim(RC_PROVED));
            break;
        case 12:
            /* L16(g) must not exclude a box that holds a critical point,
               whichever block is blown up */
            e = json_array_get(tree, find_leaf(tree, "exist", 0));
            json_object_set_new(e, "leaf", json_string("zero"));
            json_object_set_new(e, "block", json_integer(i = (slong) (_i % 2)));
            json_object_del(e, "point");
            failed = rc_cert_check(why, root) != 0;
            ck_assert_msg(failed, "an exist leaf passed as zero with block %ld", (long) i);
            json_object_set_new(e, "block", json_integer(1 - i));
            break;
        case 13:
            /* a zero leaf (or, when the producer wrote none, a fine leaf
               made one) with a block out of range */
            j = find_leaf(tree, "zero", 0);
            if (j < 0)
                j = find_leaf(tree, "fine", 0);
            ck_assert_msg(j >= 0, "no zero or fine leaf in the census");
            json_object_set_new(json_array_get(tree, j), "leaf", json_string("zero"));
            json_object_del(json_array_get(tree, j), "pieces");
            json_object_set_new(json_array_get(tree, j), "block", json_integer(2));
            break;
        case 14:
            /* a leaf that meets a zero neuron (zero, fine or unresolved):
               never a gradient leaf */
            failed = 0;
            i = 0;
            for (j = 0; !failed && j < c->nnodes; j++)
            {
                if (c->nodes[j].axis >= 0 || !rc_census_box_meets_zero(c->sym, c->nodes[j].box)
                    || c->nodes[j].kind == RC_CENSUS_OUTSIDE || c->nodes[j].kind == RC_CENSUS_SMALL)
                    continue;
                i++;
                e = json_array_get(tree, j);
                json_object_set_new(e, "leaf", json_string("gradient"));
                json_object_set_new(e, "coordinate", json_string("diag 0"));
                json_object_del(e, "block");
                json_object_del(e, "pieces");
                failed = rc_cert_check(why, root) != 0;
                /* refused as a leaf, not for a list that no longer matches */
                ck_assert_msg(failed && strstr(why->msg, "is not proved") != NULL,
                              "a leaf at a zero neuron stated as gradient: %s",
                              failed ? why->msg : "passed");
            }
            ck_assert_msg(i > 0, "no leaf meets a zero neuron");
            ck_assert(failed);
            break;
        case 15:
            ck_assert(strcmp(json_string_value(json_object_get(json_object_get(root, "claims"),
                                                               "unresolved_volume")), "0") != 0);
            json_object_set_new(json_object_get(root, "claims"), "unresolved_volume",
                                json_string("0"));
            break;
        case 16:
            json_object_del(json_object_get(root, "claims"), "unresolved_volume");
            break;
        case 17:
            /* L16(h) must not exclude a box that holds a critical point */
            e = json_array_get(tree, find_leaf(tree, "exist", 0));
            json_object_set_new(e, "leaf", json_string("fine"));
            json_object_set_new(e, "pieces", json_integer(100000));
            json_object_del(e, "point");
            break;
        case 18:
            /* a fine leaf that needs more than one piece, said to need one */
            failed = 0;
            for (i = 0; (j = find_leaf(tree, "fine", i)) >= 0; i++)
                if (json_integer_value(json_object_get(json_array_get(tree, j), "pieces")) > 1)
                {
                    e = json_array_get(tree, j);
                    json_object_set_new(e, "pieces", json_integer(
                        json_integer_value(json_object_get(e, "pieces")) - 1));
                    ck_assert_msg(rc_cert_check(why, root) != 0, "pieces lowered by 1 passed");
                    json_object_set_new(e, "pieces", json_integer(
                        json_integer_value(json_object_get(e, "pieces")) + 2));
                    failed = 1;
                    break;
                }
            ck_assert_msg(failed, "no fine leaf with more than one piece");
            break;
        case 19:
            e = json_array_get(tree, find_leaf(tree, "fine", 0));
            json_object_set_new(e, "pieces", json_integer(0));
            break;
    }
    ck_assert_msg(rc_cert_check(why, root) != 0, "tamper '%s' passed the check", tampers[_i]);
    ck_assert(strlen(why->msg) > 0);
    json_decref(root);
    json_decref(good);
}
END_TEST

/* claims.unresolved_volume: the unresolved leaves' share of the region's
   volume, recomputed as 1 - the other leaves' share (exact) */
START_TEST(test_unresolved_volume)
{
    rc_census_struct * c = get_census(2);
    fmpq_t f, v, w, rest, region;
    fmpz_t up, million;
    slong j, o;
    char buf[32];

    fmpq_init(f); fmpq_init(v); fmpq_init(w); fmpq_init(rest); fmpq_init(region);
    fmpz_init(up); fmpz_init_set_ui(million, 1000000);
    rc_census_unresolved_volume(f, up, c);
    ck_assert(c->nunresolved > 0 && fmpq_sgn(f) > 0);
    fmpq_one(region);
    for (o = 0; o < c->q; o++)
    {
        fmpq_sub(w, c->region + 2 * o + 1, c->region + 2 * o);
        fmpq_mul(region, region, w);
    }
    fmpq_zero(rest);
    for (j = 0; j < c->nnodes; j++)
        if (c->nodes[j].axis < 0 && c->nodes[j].kind != RC_CENSUS_UNRESOLVED)
        {
            fmpq_one(v);
            for (o = 0; o < c->q; o++)
            {
                fmpq_sub(w, c->nodes[j].box + 2 * o + 1, c->nodes[j].box + 2 * o);
                fmpq_mul(v, v, w);
            }
            fmpq_add(rest, rest, v);
        }
    fmpq_div(rest, rest, region);
    fmpq_one(v);
    fmpq_sub(v, v, rest);
    ck_assert_msg(fmpq_equal(v, f), "unresolved share %g, 1 - the rest %g", fmpq_get_d(f),
                  fmpq_get_d(v));
    /* up / 10^6 is the least six-decimal upper bound */
    fmpq_set_fmpz_frac(w, up, million);
    ck_assert(fmpq_cmp(w, f) >= 0);
    fmpz_sub_ui(up, up, 1);
    fmpq_set_fmpz_frac(w, up, million);
    ck_assert(fmpq_cmp(w, f) < 0);
    rc_census_unresolved_share(buf, sizeof buf, c);
    {
        json_t * root = rc_census_to_json(c);
        ck_assert_str_eq(buf, json_string_value(json_object_get(json_object_get(root, "claims"),
                                                                "unresolved_volume")));
        json_decref(root);
    }
    {
        static const struct { ulong up; const char * s; } str[] = {
            { 0, "0" }, { 1000000, "1" }, { 956500, "0.9565" }, { 7, "0.000007" } };
        for (j = 0; j < 4; j++)
        {
            fmpz_set_ui(up, str[j].up);
            rc_census_volume_string(buf, sizeof buf, up);
            ck_assert_str_eq(buf, str[j].s);
        }
    }
    fmpq_clear(f); fmpq_clear(v); fmpq_clear(w); fmpq_clear(rest); fmpq_clear(region);
    fmpz_clear(up); fmpz_clear(million);
}
END_TEST

/* L16(g): the blown-up gradient contains grad phi at every exact point
   (t = max |theta_b|, u = theta_b / t), also with t widened to [0, t], and
   the fast (frames) and the dense reference enclosures agree */
START_TEST(test_blowup_gradient)
{
    slong k = 4 + _i, a, b, o, trial, q;
    flint_rand_t st;

    flint_randinit(st);
    for (a = 1; a < k; a++)
    {
        rc_census_t c;
        rc_error_t err;
        rc_census_init(c);
        ck_assert(rc_census_set_two_block(c, k, a, 128, err) == 0);
        q = c->q;
        for (trial = 0; trial < 6; trial++)
        {
            fmpq * th = _fmpq_vec_init(q);
            arb_ptr T = _arb_vec_init(q), g0 = _arb_vec_init(q), g1 = _arb_vec_init(q);
            arb_ptr g2 = _arb_vec_init(q), u = _arb_vec_init(q);
            arb_t t, z;
            fmpq_t mx, x;
            arb_init(t); arb_init(z); fmpq_init(mx); fmpq_init(x);
            for (o = 0; o < q; o++)
            {
                fmpq_set_si(th + o, (slong) n_randint(st, 2001) - 1000, 512);
                arb_set_fmpq(T + o, th + o, 128);
            }
            if (rc_sym_gradient(g0, c->sym, T, 128))
                for (b = 0; b < 2; b++)
                {
                    fmpq_zero(mx);
                    for (o = 0; o < q; o++)
                        if (c->sym->ob[o] == b)
                        {
                            fmpq_abs(x, th + o);
                            if (fmpq_cmp(x, mx) > 0)
                                fmpq_set(mx, x);
                        }
                    if (fmpq_is_zero(mx))
                        continue;
                    arb_set_fmpq(t, mx, 128);
                    for (o = 0; o < q; o++)
                    {
                        if (c->sym->ob[o] == b)
                        {
                            fmpq_div(x, th + o, mx);
                            arb_set_fmpq(u + o, x, 128);
                        }
                        else
                            arb_set(u + o, T + o);
                    }
                    ck_assert(rc_sym_gradient_blowup(g1, c->sym, u, b, t, 128));
                    ck_assert(rc_census_zero_gradient(g2, c->sym, b, t, u, 128));
                    for (o = 0; o < q; o++)
                        ck_assert_msg(arb_overlaps(g0 + o, g1 + o) && arb_overlaps(g0 + o, g2 + o)
                                      && arb_rel_accuracy_bits(g1 + o) > 90,
                                      "k %ld a %ld b %ld o %ld", (long) k, (long) a, (long) b,
                                      (long) o);
                    arb_zero(z);
                    arb_union(t, z, t, 128);
                    arb_nonnegative_part(t, t);
                    ck_assert(rc_sym_gradient_blowup(g1, c->sym, u, b, t, 128));
                    for (o = 0; o < q; o++)
                        ck_assert(arb_overlaps(g0 + o, g1 + o));
                    /* the other block widened to reach 0 (its rows may be
                       zero): block b's components still contain grad phi,
                       through |g(w, v)| <= |v| / 2 */
                    for (o = 0; o < q; o++)
                        if (c->sym->ob[o] != b)
                        {
                            arb_zero(z);
                            arb_union(u + o, u + o, z, 128);
                        }
                    if (rc_sym_gradient_blowup(g1, c->sym, u, b, t, 128))
                        for (o = 0; o < q; o++)
                            ck_assert_msg(!arb_is_finite(g1 + o) || arb_overlaps(g0 + o, g1 + o),
                                          "widened: k %ld a %ld b %ld o %ld", (long) k, (long) a,
                                          (long) b, (long) o);
                    /* a possibly negative t is refused */
                    arb_set_si(z, -1);
                    arb_union(t, z, t, 128);
                    ck_assert(!rc_sym_gradient_blowup(g1, c->sym, u, b, t, 128));
                }
            arb_clear(t); arb_clear(z); fmpq_clear(mx); fmpq_clear(x);
            _fmpq_vec_clear(th, q);
            _arb_vec_clear(T, q); _arb_vec_clear(g0, q); _arb_vec_clear(g1, q);
            _arb_vec_clear(g2, q); _arb_vec_clear(u, q);
        }
        rc_census_clear(c);
    }
    flint_randclear(st);
}
END_TEST

/* L16(g) and L16(h) must not prove: no box of the census that holds a
   point (its exist leaf), nor that box widened until one or both blocks'
   coordinates reach 0 (the face pieces with t down to 0, partners that
   may be zero), is excluded by the blow-up of either block or by the
   binary64 bisection (which blows a block up itself) */
START_TEST(test_zero_not_on_points)
{
    rc_census_struct * c = get_census(1 + _i);
    slong j, b, o, npts = 0, q = c->q, pieces;
    int mode;
    fmpq * box = _fmpq_vec_init(2 * q);
    for (j = 0; j < c->nnodes; j++)
        if (c->nodes[j].axis < 0 && c->nodes[j].kind == RC_CENSUS_EXIST)
        {
            npts++;
            for (mode = 0; mode < 4; mode++)
            {
                for (o = 0; o < 2 * q; o++)
                    fmpq_set(box + o, c->nodes[j].box + o);
                for (o = 0; o < q; o++)
                    if (((mode & 1) && c->sym->ob[o] == 0) || ((mode & 2) && c->sym->ob[o] == 1))
                    {
                        if (fmpq_sgn(box + 2 * o) > 0)
                            fmpq_zero(box + 2 * o);
                        if (fmpq_sgn(box + 2 * o + 1) < 0)
                            fmpq_zero(box + 2 * o + 1);
                    }
                for (b = 0; b < 2; b++)
                    ck_assert_msg(rc_census_box_zero(c->sym, box, b, 128) != RC_PROVED,
                                  "a = %ld, mode %d: the blow-up of block %ld excluded a box "
                                  "holding a point", (long) (1 + _i), mode, (long) b);
                /* L16(h): nor the binary64 bisection, whatever the budget */
                ck_assert_msg(rc_census_box_fine(&pieces, c->sym, box, 20000) != RC_PROVED,
                              "a = %ld, mode %d: the bisection excluded a box holding a point "
                              "(%ld pieces)", (long) (1 + _i), mode, (long) pieces);
            }
        }
    _fmpq_vec_clear(box, 2 * q);
    ck_assert(npts > 0);
}
END_TEST


/* 1 when the ball x and the interval [d.lo, d.hi] share a point */
static int
overlaps_di(const arb_t x, rc_di_t d)
{
    arb_t y;
    int r;
    arb_init(y);
    arb_set_d(y, d.lo);
    { arb_t z; arb_init(z); arb_set_d(z, d.hi); arb_union(y, y, z, 128); arb_clear(z); }
    r = arb_overlaps(x, y);
    arb_clear(y);
    return r;
}

/* L16(h): the closed form in binary64 intervals against the Arb gradient
   of L13, at points (radius-0 intervals) and on small boxes around them,
   as is and blown up at either block (t, and t down to 0): the Arb ball
   of grad phi at the point overlaps every enclosure */
START_TEST(test_fast_gradient)
{
    slong ks[3] = {4, 6, 7}, k = ks[_i], a, b, o, trial, q, n = 0;
    flint_rand_t st;
    rc_di_consts_t Kc;

    ck_assert(rc_di_usable());
    rc_di_consts_init(Kc);
    flint_randinit(st);
    flint_randseed(st, 4100 + k, 3);
    for (a = 1; a < k; a++)
    {
        rc_census_t c;
        rc_error_t err;
        rc_census_init(c);
        ck_assert(rc_census_set_two_block(c, k, a, 128, err) == 0);
        q = c->q;
        for (trial = 0; trial < 40; trial++)
        {
            double x[MAXQ], h = ldexp(1, -(slong) n_randint(st, 12));
            rc_di_t P[MAXQ], B[MAXQ], U[MAXQ], g[MAXQ];
            arb_ptr T = _arb_vec_init(q), g0 = _arb_vec_init(q);
            for (o = 0; o < q; o++)
            {
                x[o] = ldexp((double) ((slong) n_randint(st, 4001) - 2000), -10);
                arb_set_d(T + o, x[o]);
                P[o] = rc_di_pt(x[o]);
                B[o] = rc_di_make(x[o] - h * (double) n_randint(st, 3), x[o] + h);
            }
            if (!rc_sym_gradient(g0, c->sym, T, 128))
                goto next;
            n++;
            ck_assert_msg(rc_census_fast_gradient(g, c->sym, P, Kc), "k %ld a %ld: no enclosure "
                          "at a point with nonzero neurons", (long) k, (long) a);
            for (o = 0; o < q; o++)
                ck_assert_msg(overlaps_di(g0 + o, g[o]),
                              "k %ld a %ld o %ld: the closed form misses grad phi at a point",
                              (long) k, (long) a, (long) o);
            if (rc_census_fast_gradient(g, c->sym, B, Kc))
                for (o = 0; o < q; o++)
                    ck_assert_msg(overlaps_di(g0 + o, g[o]),
                                  "k %ld a %ld o %ld: the closed form misses grad phi on a box",
                                  (long) k, (long) a, (long) o);
            for (b = 0; b < 2; b++)
            {
                /* theta_b = t u with t = max |theta_o|, u exact (t a power
                   of two) */
                double t = 0;
                for (o = 0; o < q; o++)
                    if (c->sym->ob[o] == b && fabs(x[o]) > t)
                        t = fabs(x[o]);
                if (t == 0)
                    continue;
                t = ldexp(1, (int) ceil(log2(t)));
                for (o = 0; o < q; o++)
                    U[o] = c->sym->ob[o] == b ? rc_di_pt(x[o] / t) : P[o];
                ck_assert(rc_census_fast_gradient_blowup(g, c->sym, U, b, rc_di_pt(t), Kc));
                for (o = 0; o < q; o++)
                    ck_assert_msg(overlaps_di(g0 + o, g[o]),
                                  "k %ld a %ld b %ld o %ld: the blown-up closed form misses "
                                  "grad phi", (long) k, (long) a, (long) b, (long) o);
                if (rc_census_fast_gradient_blowup(g, c->sym, U, b, rc_di_make(0, t), Kc))
                    for (o = 0; o < q; o++)
                        ck_assert(overlaps_di(g0 + o, g[o]));
                /* a negative t is refused */
                ck_assert(!rc_census_fast_gradient_blowup(g, c->sym, U, b, rc_di_make(-1, t), Kc));
            }
            /* a zero block: no enclosure */
            for (b = 0; b < 2; b++)
            {
                for (o = 0; o < q; o++)
                    U[o] = c->sym->ob[o] == b ? rc_di_make(-h, h) : P[o];
                ck_assert(!rc_census_fast_gradient(g, c->sym, U, Kc));
            }
        next:
            _arb_vec_clear(T, q); _arb_vec_clear(g0, q);
        }
        rc_census_clear(c);
    }
    ck_assert(n > 100);
    flint_randclear(st);
}
END_TEST


Suite *
census_two_block_suite(void)
{
    Suite * s = suite_create("census_two_block");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, test_newton_in_census, 0, 2);
    tcase_add_loop_test(tc, test_zero_neuron_boxes, 0, 2);
    tcase_add_loop_test(tc, test_tampered, 0, (int) (sizeof tampers / sizeof tampers[0]));
    tcase_add_test(tc, test_unresolved_volume);
    tcase_add_loop_test(tc, test_blowup_gradient, 0, 3);
    tcase_add_loop_test(tc, test_zero_not_on_points, 0, 2);
    tcase_add_loop_test(tc, test_fast_gradient, 0, 3);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    /* the two censuses once, before the tests fork */
    get_census(1);
    get_census(2);
    return tu_run(census_two_block_suite());
}
