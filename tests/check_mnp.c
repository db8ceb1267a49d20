/* The must-not-prove corpus: generated cases where no certifying path may
   answer "proved" and no checker may accept. Every certificate of
   proofs/default (all kinds) and freshly certified dense certificates (Arb
   and binary64) are altered claim by claim: each verdict turned into
   another, each enclosure end moved, each count changed, success flipped,
   rows of claim arrays swapped, witnesses swapped; inputs are altered where
   the truth is known (a centre moved off the critical point, a box that
   reaches a zero neuron, lambda_lower above lambda_min, too little
   precision); integers are spelled as reals or strings and the opsc
   seed in non-canonical decimal; and saddles, split points and perturbed
   points are offered as minima. The number of cases is printed as "N must-not-prove cases". */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

static slong cases = 0;

/* the checker must reject root (and must not crash) */
static void
must_reject(const json_t * root, const char * what)
{
    rc_error_t why;
    ck_assert_msg(rc_cert_check(why, root) != 0, "accepted: %s", what);
    cases++;
}

/* a leaf reached by a path of keys / indices */
typedef struct
{
    json_t * parent;
    const char * key;     /* object member, or NULL */
    size_t index;         /* array element when key == NULL */
    json_t * value;
    char path[256];
}
leaf_t;

#define MAXLEAVES 4096

static void
collect(leaf_t * L, slong * nl, json_t * node, const char * path)
{
    const char * key;
    json_t * v;
    size_t i;

    if (json_is_object(node))
        json_object_foreach(node, key, v)
        {
            char p[256];
            snprintf(p, sizeof p, "%s.%s", path, key);
            if (*nl < MAXLEAVES && !json_is_object(v) && !json_is_array(v))
            {
                L[*nl].parent = node; L[*nl].key = key; L[*nl].value = v;
                snprintf(L[*nl].path, sizeof L[*nl].path, "%s", p);
                (*nl)++;
            }
            collect(L, nl, v, p);
        }
    else if (json_is_array(node))
        json_array_foreach(node, i, v)
        {
            char p[256];
            snprintf(p, sizeof p, "%s.%zu", path, i);
            if (*nl < MAXLEAVES && !json_is_object(v) && !json_is_array(v))
            {
                L[*nl].parent = node; L[*nl].key = NULL; L[*nl].index = i; L[*nl].value = v;
                snprintf(L[*nl].path, sizeof L[*nl].path, "%s", p);
                (*nl)++;
            }
            collect(L, nl, v, p);
        }
}

static void
set_leaf(leaf_t * l, json_t * v)
{
    if (l->key != NULL)
        json_object_set_new(l->parent, l->key, v);
    else
        json_array_set_new(l->parent, l->index, v);
}

/* 1 if the leaf is part of a claim (under "claims", or "success") */
static int
is_claim(const leaf_t * l)
{
    return strncmp(l->path, ".claims.", 8) == 0 || strcmp(l->path, ".success") == 0;
}

/* Alters the claims of the certificate root one at a time (at most cap of
   each sort, spread over the certificate), each copy must be rejected. */
static void
alter_claims(const json_t * root, const char * name, slong cap)
{
    leaf_t * L = malloc(sizeof(leaf_t) * MAXLEAVES);
    slong nl = 0, i, nverd = 0, nenc = 0, nint = 0, sv = 0, se = 0, si = 0, taken[3] = {0, 0, 0};
    json_t * copy = json_deep_copy(root);

    collect(L, &nl, copy, "");
    for (i = 0; i < nl; i++)
        if (is_claim(&L[i]))
        {
            const char * k = L[i].key;
            if (k != NULL && strcmp(k, "verdict") == 0)
                nverd++;
            else if (k != NULL && (strcmp(k, "lo") == 0 || strcmp(k, "hi") == 0))
                nenc++;
            else if (json_is_integer(L[i].value))
                nint++;
        }
    sv = FLINT_MAX(1, nverd / cap);
    se = FLINT_MAX(1, nenc / cap);
    si = FLINT_MAX(1, nint / cap);
    json_decref(copy);
    free(L);

    /* each mutation on a fresh copy (paths are re-collected) */
    for (int sort = 0; sort < 4; sort++)
    {
        slong seen = 0, total = nl;
        for (i = 0; i < total; i++)
        {
            json_t * c = json_deep_copy(root);
            leaf_t * M = malloc(sizeof(leaf_t) * MAXLEAVES);
            slong m = 0;
            char what[400];
            int done = 0;

            collect(M, &m, c, "");
            if (i < m && is_claim(&M[i]))
            {
                leaf_t * l = &M[i];
                const char * k = l->key;
                if (sort == 0 && k != NULL && strcmp(k, "verdict") == 0)
                {
                    if (seen++ % sv == 0 && taken[0] < cap)
                    {
                        const char * v = json_string_value(l->value);
                        set_leaf(l, json_string(strcmp(v, "proved") == 0 ? "undecided" : "proved"));
                        done = 1;
                        taken[0]++;
                    }
                }
                else if (sort == 1 && k != NULL && (strcmp(k, "lo") == 0 || strcmp(k, "hi") == 0)
                         && json_is_string(l->value))
                {
                    if (seen++ % se == 0 && taken[1] < cap)
                    {
                        /* the end moved past the other: lo up, hi down */
                        set_leaf(l, json_string(strcmp(k, "lo") == 0 ? "1e6" : "-1e6"));
                        done = 1;
                        taken[1]++;
                    }
                }
                else if (sort == 2 && json_is_integer(l->value))
                {
                    if (seen++ % si == 0 && taken[2] < cap)
                    {
                        set_leaf(l, json_integer(json_integer_value(l->value) + 1));
                        done = 1;
                        taken[2]++;
                    }
                }
                else if (sort == 3 && strcmp(l->path, ".success") == 0)
                {
                    set_leaf(l, json_boolean(!json_is_true(l->value)));
                    done = 1;
                }
                if (done)
                {
                    snprintf(what, sizeof what, "%s: %s altered", name, l->path);
                    must_reject(c, what);
                }
            }
            free(M);
            json_decref(c);
        }
    }
}

/* swaps the first two rows of the array at root.a.b (claims or witnesses);
   only when they differ */
static void
swap_rows(const json_t * root, const char * a, const char * b, const char * name)
{
    json_t * c = json_deep_copy(root), * arr = json_object_get(json_object_get(c, a), b);
    char what[200];

    if (json_is_array(arr) && json_array_size(arr) >= 2
        && !json_equal(json_array_get(arr, 0), json_array_get(arr, 1)))
    {
        json_t * r0 = json_incref(json_array_get(arr, 0));
        json_array_set(arr, 0, json_array_get(arr, 1));
        json_array_set_new(arr, 1, r0);
        snprintf(what, sizeof what, "%s: %s.%s rows 0 and 1 swapped", name, a, b);
        must_reject(c, what);
    }
    json_decref(c);
}

/* every certificate of proofs/default, all kinds */
START_TEST(test_default_certificates)
{
    DIR * dir = opendir(RC_PROOFS);
    struct dirent * e;
    slong files = 0;

    ck_assert_msg(dir != NULL, "cannot open %s", RC_PROOFS);
    while ((e = readdir(dir)) != NULL)
    {
        char path[1024];
        json_error_t je;
        json_t * root;
        rc_error_t why;

        if (strstr(e->d_name, ".json") == NULL)
            continue;
        snprintf(path, sizeof path, "%s/%s", RC_PROOFS, e->d_name);
        root = json_load_file(path, 0, &je);
        ck_assert_msg(root != NULL, "%s", path);
        ck_assert_msg(rc_cert_check(why, root) == 0, "%s: %s", path, why->msg);
        alter_claims(root, e->d_name, 3);
        swap_rows(root, "witnesses", "split_directions", e->d_name);
        json_decref(root);
        files++;
    }
    closedir(dir);
    ck_assert(files >= 30);
}
END_TEST

/* dense certificates in both arithmetics: claims altered, and inputs whose
   truth is known */
START_TEST(test_dense_inputs)
{
    int arith = _i ? RC_ARITH_BINARY64 : RC_ARITH_ARB;
    slong k = 7 + _i, idx, e;
    rc_point_t pt;
    rc_error_t err;

    rc_point_init(pt);
    for (idx = 0; rc_point_read_dataset(pt, RC_DATASET, k, idx, err) == 0; idx++)
    {
        rc_mincert_t c, m;
        arb_mat_t W, V;
        fmpq_t half, t;
        json_t * root;
        char name[64];

        rc_mincert_init(c); rc_mincert_init(m);
        arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
        fmpq_init(half); fmpq_init(t);
        fmpq_set_si(half, 1, 2);
        rc_point_get_arb(W, V, pt, NULL, 256);
        ck_assert(rc_mincert_find_arith(c, W, pt->V, half, arith, 256, err) == 0);
        ck_assert(rc_mincert_success(c));
        snprintf(name, sizeof name, "k%ld-%ld-%s", (long) k, (long) idx, _i ? "binary64" : "arb");
        root = rc_mincert_to_json(c, "mnp");
        alter_claims(root, name, 4);
        swap_rows(root, "witnesses", "split_directions", name);
        json_decref(root);

        /* the centre moved off the critical point: 2^-e, e = 40, 60, 80,
           in coordinates 0 and the last */
        for (e = 40; e <= 80; e += 20)
            for (int which = 0; which < 2; which++)
            {
                slong i = which ? pt->n - 1 : 0, a = which ? pt->d - 1 : 0;
                rc_mincert_set_inputs(m, c);
                fmpq_one(t);
                fmpq_div_2exp(t, t, e);
                fmpq_add(fmpq_mat_entry(m->centre, i, a), fmpq_mat_entry(m->centre, i, a), t);
                ck_assert(rc_mincert_verify(m, err) == 0);
                ck_assert_int_ne(m->critical, RC_PROVED);
                ck_assert(!rc_mincert_success(m));
                cases++;
            }
        /* boxes that reach a zero neuron */
        for (e = 1; e <= 3; e++)
        {
            rc_mincert_set_inputs(m, c);
            m->radius_log2 = e;
            ck_assert(rc_mincert_verify(m, err) == 0);
            ck_assert_int_ne(m->strict_min, RC_PROVED);
            ck_assert_int_ne(m->critical, RC_PROVED);
            cases++;
        }
        /* lambda_lower above lambda_min: times 2 and 4 */
        for (e = 1; e <= 2; e++)
        {
            rc_mincert_set_inputs(m, c);
            fmpq_mul_2exp(m->lam_lower, m->lam_lower, e);
            ck_assert(rc_mincert_verify(m, err) == 0);
            ck_assert_int_ne(m->positive_definite, RC_PROVED);
            cases++;
        }
        /* too little precision: an error (the centre does not fit) or
           nothing proved */
        for (e = 8; e <= 24; e += 8)
        {
            rc_mincert_set_inputs(m, c);
            m->prec = e;
            ck_assert(rc_mincert_verify(m, err) != 0 || m->strict_min != RC_PROVED);
            cases++;
        }
        rc_mincert_clear(c); rc_mincert_clear(m);
        arb_mat_clear(W); arb_mat_clear(V);
        fmpq_clear(half); fmpq_clear(t);
    }
    ck_assert(idx > 0);
    rc_point_clear(pt);
}
END_TEST

/* points that are not minima offered as minima: the saddle of the dataset's
   pattern (2, 4), split points of published minima (n = k + 1, a
   continuum of critical points: never a strict minimum), random points */
START_TEST(test_not_minima)
{
    int arith = _i ? RC_ARITH_BINARY64 : RC_ARITH_ARB;
    rc_point_t pt;
    rc_error_t err;
    rc_mincert_t c;
    arb_mat_t W, V, S;
    fmpq_t half;
    flint_rand_t st;
    slong i, a, r;

    rc_point_init(pt);
    rc_mincert_init(c);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    flint_randinit(st);

    ck_assert(rc_point_read_file(pt, RC_TEST_DATA "/saddle-k6-2-4.txt", err) == 0);
    arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
    rc_point_get_arb(W, V, pt, NULL, 256);
    ck_assert(rc_mincert_find_arith(c, W, pt->V, half, arith, 256, err) == 0);
    ck_assert_int_ne(c->strict_min, RC_PROVED);
    ck_assert(!rc_mincert_success(c));
    cases++;
    arb_mat_clear(W); arb_mat_clear(V);

    /* split points of the k = 7 minima, each neuron, alpha = 1/2 */
    for (r = 0; r < 2; r++)
    {
        ck_assert(rc_point_read_dataset(pt, RC_DATASET, 7, r, err) == 0);
        arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
        arb_mat_init(S, pt->n + 1, pt->d);
        rc_point_get_arb(W, V, pt, NULL, 256);
        for (i = 0; i < pt->n; i += 3)
        {
            slong j;
            for (j = 0; j < pt->n; j++)
                for (a = 0; a < pt->d; a++)
                {
                    arb_srcptr x = arb_mat_entry(W, j, a);
                    if (j < i)
                        arb_set(arb_mat_entry(S, j, a), x);
                    else if (j > i)
                        arb_set(arb_mat_entry(S, j + 1, a), x);
                    else
                    {
                        arb_mul_2exp_si(arb_mat_entry(S, i, a), x, -1);
                        arb_mul_2exp_si(arb_mat_entry(S, i + 1, a), x, -1);
                    }
                }
            ck_assert(rc_mincert_find_arith(c, S, pt->V, half, arith, 256, err) == 0);
            ck_assert_int_ne(c->strict_min, RC_PROVED);
            ck_assert(!rc_mincert_success(c));
            cases++;
        }
        arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(S);
    }

    /* random points with the identity teacher: far from critical points
       (refinement may find one: then it must not be proved a minimum unless
       it is one, which the success rule of a non-global strict minimum of a
       random start rarely is; only "success" with critical refuted or
       undecided is asserted impossible) */
    for (r = 0; r < 6; r++)
    {
        slong k = 4 + r % 3;
        fmpq_mat_t Vq;
        arb_mat_init(W, k, k);
        fmpq_mat_init(Vq, k, k);
        fmpq_mat_one(Vq);
        tu_rand_mat(W, st, 0);
        ck_assert(rc_mincert_find_arith(c, W, Vq, half, arith, 64, err) == 0);
        if (c->critical != RC_PROVED)
        {
            ck_assert(!rc_mincert_success(c));
            ck_assert_int_ne(c->strict_min, RC_PROVED);
        }
        cases++;
        arb_mat_clear(W);
        fmpq_mat_clear(Vq);
    }
    rc_mincert_clear(c);
    rc_point_clear(pt);
    fmpq_clear(half);
    flint_randclear(st);
}
END_TEST

static json_t *
load_default(const char * name)
{
    char path[1024];
    json_error_t je;
    json_t * root;

    snprintf(path, sizeof path, "%s/%s", RC_PROOFS, name);
    root = json_load_file(path, 0, &je);
    ck_assert_msg(root != NULL, "%s", path);
    return root;
}

/* convexity radii: mu above the exact lambda_min(H(V)) (enclosed in Arb at
   the exact V = I_k) proves nothing, neither for the certifier nor as an
   edit of a certificate; nor does a radius whose neighbourhood reaches a
   zero neuron (|w_i - v_i| = 1 = |v_i|) */
START_TEST(test_convexity_inputs)
{
    slong k = 2 + _i, N = k * k;
    char name[64], what[200];
    json_t * root, * c;
    fmpq_mat_t V;
    fmpq_t mu;
    arb_mat_t Vb, H;
    arb_t lam;
    rc_convcert_t cc;
    rc_error_t err;
    char * s;

    snprintf(name, sizeof name, "convexity-k%ld.json", (long) k);
    root = load_default(name);
    fmpq_mat_init(V, k, k);
    fmpq_mat_one(V);
    fmpq_init(mu);
    arb_mat_init(Vb, k, k);
    arb_mat_init(H, N, N);
    arb_init(lam);
    arb_mat_one(Vb);
    ck_assert(rc_hessian(H, Vb, Vb, 256));
    ck_assert(rc_mat_eig_min(lam, NULL, H, 256));
    /* mu = (an upper bound of lambda_min) + 1/1000, a rational */
    {
        arf_t hi;
        arf_init(hi);
        arb_get_ubound_arf(hi, lam, 256);
        arf_get_fmpq(mu, hi);
        arf_clear(hi);
    }
    rc_convcert_init(cc);
    {
        fmpq_t t;
        fmpq_init(t);
        fmpq_set_si(t, 1, 1000);
        fmpq_add(mu, mu, t);
        fmpq_clear(t);
    }
    ck_assert_int_eq(rc_convcert_find(cc, V, mu, RC_CONV_NEURON, 16, 128, err), 0);
    ck_assert_msg(cc->verdict != RC_PROVED, "k = %ld: mu above lambda_min proved", (long) k);
    cases++;

    c = json_deep_copy(root);
    s = fmpq_get_str(NULL, 10, mu);
    json_object_set_new(c, "mu", json_string(s));
    flint_free(s);
    snprintf(what, sizeof what, "%s: mu above lambda_min(H(V))", name);
    must_reject(c, what);
    json_decref(c);

    c = json_deep_copy(root);
    json_object_set_new(c, "radius", json_string("1"));
    snprintf(what, sizeof what, "%s: radius 1, reaching a zero neuron", name);
    must_reject(c, what);
    json_object_set_new(c, "cover", json_string("p"));
    snprintf(what, sizeof what, "%s: radius 1 as a single box", name);
    must_reject(c, what);
    json_decref(c);

    rc_convcert_clear(cc);
    json_decref(root);
    fmpq_mat_clear(V);
    fmpq_clear(mu);
    arb_mat_clear(Vb);
    arb_mat_clear(H);
    arb_clear(lam);
}
END_TEST

/* OPSC constants: along a direction U the ratio <grad F(w~ + sU), sU> /
   |sU|^2 tends to q(0) / |U|^2 = U^T H(w~) U / |U|^2 as s -> 0+, so no
   lambda above that limit (enclosed in Arb) holds on (0, R]: the certifier
   must not prove OPSC with it, and a certificate edited to claim it must
   be rejected. Adversarial directions have q(0) = 0: no lambda > 0. */
START_TEST(test_opsc_inputs)
{
    const char * names[2] = {"opsc-k3-m2-gaussian.json", "opsc-k5-m2-gaussian.json"};
    json_t * root = load_default(names[_i]), * c;
    rc_opsc_params_t p;
    arb_mat_t U, Wt, V;
    arb_t q, uu;
    fmpq_t zero, lam, t;
    slong idx, dir;
    rc_error_t why;
    char what[200];

    rc_opsc_params_init(p);
    p->k = json_integer_value(json_object_get(root, "k"));
    p->m = json_integer_value(json_object_get(root, "m"));
    p->prec = json_integer_value(json_object_get(root, "prec"));
    p->samples = json_integer_value(json_object_get(root, "samples"));
    p->seed = strtoull(json_string_value(json_object_get(root, "seed")), NULL, 10);
    p->fast = 1;
    ck_assert(rc_json_get_fmpq(p->sigma2, json_object_get(root, "sigma2"), "sigma2", why) == 0);
    ck_assert(rc_json_get_fmpq(p->radius, json_object_get(root, "radius"), "radius", why) == 0);
    arb_mat_init(U, p->k * p->m, p->k);
    arb_mat_init(Wt, p->k * p->m, p->k);
    arb_mat_init(V, p->k, p->k);
    arb_mat_one(V);
    rc_opsc_minimum(Wt, p->k, p->m, 256);
    arb_init(q); arb_init(uu);
    fmpq_init(zero); fmpq_init(lam); fmpq_init(t);
    for (dir = 0; dir < 2; dir++)
    {
        p->adversarial = dir;
        for (idx = 0; idx < 4; idx++)
        {
            json_t * e;
            const char * v;
            slong a, b;
            arf_t hi;

            rc_opsc_direction(U, p->k, p->m, p->sigma2, p->seed, idx, p->adversarial, 256);
            ck_assert(rc_opsc_form(q, Wt, V, U, zero, zero, 256));
            arb_zero(uu);
            for (a = 0; a < p->k * p->m; a++)
                for (b = 0; b < p->k; b++)
                    arb_addmul(uu, arb_mat_entry(U, a, b), arb_mat_entry(U, a, b), 256);
            arb_div(q, q, uu, 256);
            arf_init(hi);
            arb_get_ubound_arf(hi, q, 256);
            if (arf_sgn(hi) < 0)
                arf_zero(hi);
            arf_get_fmpq(lam, hi);
            arf_clear(hi);
            fmpq_set_si(t, 1, 1000);
            fmpq_add(lam, lam, t);
            fmpq_set(p->lambda, lam);
            e = rc_opsc_direction_entry(p, idx);
            v = json_string_value(json_object_get(e, "opsc_lambda"));
            ck_assert_msg(v == NULL || strcmp(v, "proved") != 0,
                          "%s, %s direction %ld: lambda above q(0)/|U|^2 proved", names[_i],
                          dir ? "adversarial" : "gaussian", (long) idx);
            json_decref(e);
            cases++;
            if (!dir)
            {
                /* the published certificate, lambda raised above this limit */
                char * s = fmpq_get_str(NULL, 10, lam);
                c = json_deep_copy(root);
                json_object_set_new(c, "lambda", json_string(s));
                flint_free(s);
                snprintf(what, sizeof what, "%s: lambda above direction %ld's limit",
                         names[_i], (long) idx);
                must_reject(c, what);
                json_decref(c);
            }
        }
    }
    fmpq_clear(zero); fmpq_clear(lam); fmpq_clear(t);
    arb_clear(q); arb_clear(uu);
    arb_mat_clear(U); arb_mat_clear(Wt); arb_mat_clear(V);
    rc_opsc_params_clear(p);
    json_decref(root);
}
END_TEST

/* the distance from the input (lemma L15): every understatement, a moved
   or missing candidate and a malformed claim are refused, on the dense path
   (k = 7, index 1, in ball arithmetic) and on the reduced path
   (proofs/default/minimum-k007-0001.json) */
static void
alter_distance(const json_t * root, const char * name)
{
    static const char * edits[][3] = {
        {"claims", "frobenius", "0"}, {"claims", "frobenius", "1e-30"},
        {"claims", "frobenius", "-1"}, {"claims", "max_entry", "0"},
        {"claims", "max_entry", "1e-30"}, {"claims", "verdict", "undecided"},
        {"claims", "frobenius", "x"}, {"candidate", "move", ""},
        {"candidate", "drop", ""}, {"claims", "drop", ""}, {"candidate", "both", ""},
        {"candidate", "short", ""} };
    slong e;
    char what[256];
    rc_error_t why;

    ck_assert_msg(rc_cert_check(why, root) == 0, "%s: %s", name, why->msg);
    ck_assert(json_object_get(root, "candidate") != NULL);
    for (e = 0; e < (slong) (sizeof edits / sizeof edits[0]); e++)
    {
        json_t * c = json_deep_copy(root);
        json_t * cl = json_object_get(json_object_get(c, "claims"), "distance_to_candidate");
        json_t * cand = json_object_get(c, "candidate");
        json_t * arr = json_object_get(cand, "W") ? json_object_get(cand, "W") : json_object_get(cand, "theta");
        if (strcmp(edits[e][0], "claims") == 0 && strcmp(edits[e][1], "drop") == 0)
            json_object_del(json_object_get(c, "claims"), "distance_to_candidate");
        else if (strcmp(edits[e][0], "claims") == 0)
            json_object_set_new(cl, edits[e][1], json_string(edits[e][2]));
        else if (strcmp(edits[e][1], "drop") == 0)
            json_object_del(c, "candidate");
        else if (strcmp(edits[e][1], "both") == 0)
            json_object_set(cand, json_object_get(cand, "W") ? "theta" : "W", arr);
        else if (strcmp(edits[e][1], "short") == 0)
            json_array_remove(arr, 0);
        else
        {
            /* the first number of the candidate moved by 1/10 */
            json_t * x = json_is_array(json_array_get(arr, 0)) ? json_array_get(arr, 0) : arr;
            fmpq_t q, t;
            rc_error_t err;
            fmpq_init(q); fmpq_init(t);
            ck_assert(rc_number_parse_fmpq(q, json_string_value(json_array_get(x, 0)), err) == 0);
            fmpq_set_si(t, 1, 10);
            fmpq_add(q, q, t);
            json_array_set_new(x, 0, rc_json_fmpq(q));
            fmpq_clear(q); fmpq_clear(t);
        }
        snprintf(what, sizeof what, "%s: distance_to_candidate %s %s %s", name, edits[e][0],
                 edits[e][1], edits[e][2]);
        must_reject(c, what);
        json_decref(c);
    }
}

START_TEST(test_distance)
{
    rc_point_t pt;
    rc_error_t err;
    rc_mincert_t c;
    arb_mat_t W, V;
    fmpq_t half;
    json_t * root;
    char path[4096];

    rc_point_init(pt);
    rc_mincert_init(c);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    ck_assert(rc_point_read_dataset(pt, RC_DATASET, 7, 1, err) == 0);
    arb_mat_init(W, pt->n, pt->d); arb_mat_init(V, pt->k, pt->d);
    rc_point_get_arb(W, V, pt, NULL, 256);
    ck_assert(rc_mincert_find_arith(c, W, pt->V, half, RC_ARITH_ARB, 256, err) == 0);
    root = rc_mincert_to_json(c, "mnp");
    ck_assert(rc_mincert_json_set_candidate(root, pt->W, err) == 0);
    alter_distance(root, "k7-1-dense");
    json_decref(root);
    snprintf(path, sizeof path, "%s/minimum-k007-0001.json", RC_PROOFS);
    root = json_load_file(path, 0, NULL);
    ck_assert(root != NULL);
    if (json_object_get(root, "candidate") != NULL)
    {
        /* a neuron_order that is not a permutation of 0..n-1 */
        static const char * orders[] = {"[0,0,2,3,4,5,6]", "[0,1,2,3,4,5]", "[0,1,2,3,4,5,7]",
                                        "[0.0,1,2,3,4,5,6]", "[\"0\",1,2,3,4,5,6]", "\"0123456\"",
                                        "[-1,1,2,3,4,5,6]"};
        slong j;
        alter_distance(root, "proofs/default k7-1 reduced");
        for (j = 0; j < (slong) (sizeof orders / sizeof orders[0]); j++)
        {
            json_t * c = json_deep_copy(root);
            json_error_t je;
            char what[128];
            json_object_set_new(c, "neuron_order", json_loads(orders[j], JSON_DECODE_ANY, &je));
            snprintf(what, sizeof what, "k7-1 reduced: neuron_order %s", orders[j]);
            must_reject(c, what);
            json_decref(c);
        }
    }
    json_decref(root);
    arb_mat_clear(W); arb_mat_clear(V);
    fmpq_clear(half);
    rc_mincert_clear(c);
    rc_point_clear(pt);
}
END_TEST

/* integers spelled otherwise: every integer of every certificate of
   proofs/default as a real (7.0) and as a string ("7"), and the opsc seed
   (a 64-bit integer carried as a string) in spellings that strtoull reads
   as the same number; one spelling is accepted, no other */
START_TEST(test_integer_spellings)
{
    static const char * seeds[] = {" 1", "+1", "01", "1 ", "\t1", "-18446744073709551615",
                                   "18446744073709551617", "1.0", "1e0", "0x1", "", "-0"};
    DIR * dir = opendir(RC_PROOFS);
    struct dirent * e;

    ck_assert_msg(dir != NULL, "cannot open %s", RC_PROOFS);
    while ((e = readdir(dir)) != NULL)
    {
        char path[1024], what[400];
        json_error_t je;
        json_t * root;
        leaf_t * L;
        slong nl = 0, i, nint = 0, step, seen = 0;

        if (strstr(e->d_name, ".json") == NULL)
            continue;
        snprintf(path, sizeof path, "%s/%s", RC_PROOFS, e->d_name);
        root = json_load_file(path, 0, &je);
        ck_assert_msg(root != NULL, "%s", path);
        L = malloc(sizeof(leaf_t) * MAXLEAVES);
        collect(L, &nl, root, "");
        for (i = 0; i < nl; i++)
            nint += json_is_integer(L[i].value);
        /* at most about 8 integers of each certificate, spread over it
           (the opsc direction indices are checked after the directions
           before them) */
        step = FLINT_MAX(1, nint / 8);
        for (i = 0; i < nl; i++)
        {
            if (!json_is_integer(L[i].value) || seen++ % step != 0)
                continue;
            for (int form = 0; form < 2; form++)
            {
                json_t * c = json_deep_copy(root);
                leaf_t * M = malloc(sizeof(leaf_t) * MAXLEAVES);
                slong m = 0;
                char num[32];

                collect(M, &m, c, "");
                ck_assert(m == nl && json_is_integer(M[i].value));
                snprintf(num, sizeof num, "%lld", (long long) json_integer_value(M[i].value));
                set_leaf(M + i, form ? json_string(num) : json_real((double) json_integer_value(M[i].value)));
                snprintf(what, sizeof what, "%.100s: %.250s spelled %s", e->d_name, M[i].path,
                         form ? "as a string" : "as a real");
                must_reject(c, what);
                free(M);
                json_decref(c);
            }
        }
        free(L);
        if (json_is_string(json_object_get(root, "seed")))
        {
            json_t * c;
            ck_assert_str_eq(json_string_value(json_object_get(root, "seed")), "1");
            for (i = 0; i < (slong) (sizeof seeds / sizeof seeds[0]); i++)
            {
                c = json_deep_copy(root);
                json_object_set_new(c, "seed", json_string(seeds[i]));
                snprintf(what, sizeof what, "%.100s: seed \"%s\"", e->d_name, seeds[i]);
                must_reject(c, what);
                json_decref(c);
            }
            c = json_deep_copy(root);
            json_object_set_new(c, "seed", json_integer(1));
            snprintf(what, sizeof what, "%.100s: seed as a JSON integer", e->d_name);
            must_reject(c, what);
            json_decref(c);
            /* direction 0's index as 0.0 and "0" (json_integer_value reads
               both as 0) */
            for (i = 0; i < 2; i++)
            {
                json_t * d0;
                c = json_deep_copy(root);
                d0 = json_array_get(json_object_get(c, "directions"), 0);
                ck_assert(rc_json_is_slong(json_object_get(d0, "index"), 0));
                json_object_set_new(d0, "index", i ? json_string("0") : json_real(0.0));
                snprintf(what, sizeof what, "%.100s: directions[0].index %s", e->d_name,
                         i ? "\"0\"" : "0.0");
                must_reject(c, what);
                json_decref(c);
            }
        }
        json_decref(root);
    }
    closedir(dir);
}
END_TEST

static Suite *
suite(void)
{
    Suite * s = suite_create("must-not-prove");
    TCase * tc = tcase_create("core");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, test_default_certificates);
    tcase_add_loop_test(tc, test_dense_inputs, 0, 2);
    tcase_add_loop_test(tc, test_not_minima, 0, 2);
    tcase_add_loop_test(tc, test_convexity_inputs, 0, 5);
    tcase_add_loop_test(tc, test_opsc_inputs, 0, 2);
    tcase_add_test(tc, test_distance);
    tcase_add_test(tc, test_integer_spellings);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner * sr;
    int failed;

    /* no fork: the case counter lives in this process */
    sr = srunner_create(suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    printf("%ld must-not-prove cases\n", (long) cases);
    return failed == 0 && cases >= 200 ? 0 : 1;
}
