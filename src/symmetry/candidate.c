/* The candidate a minimum certificate starts from, and the proved distance
   from it to every point of the certified box (lemma L15).

   The box of either path is, in the n x d coordinates of W, contained in
   { W : |W_ia - C_ia| <= 2^r } with C the centre (on the reduced path
   C = W(theta_c) and every entry of W(theta) is one coordinate theta_o,
   each within 2^r of its centre). So for every W in the box

       |W - W0|_max <= max_ia (|C_ia - W0_ia| + 2^r)           = M,
       |W - W0|_F^2 <= sum_ia (|C_ia - W0_ia| + 2^r)^2         = S,

   both exact rationals. The certificate states decimal numbers m >= M and
   f with f^2 >= S; the checker compares them with M and S exactly. */
#include <string.h>
#include "relucert/candidate.h"
#include "relucert/mincert.h"
#include "relucert/symcert.h"
#include "relucert/cert_json.h"
#include "relucert/enclosure.h"
#include "relucert/number.h"

void
rc_mincert_candidate_distance(fmpq_t max_entry, fmpq_t frob_sq, const fmpq_mat_t C,
                              slong radius_log2, const fmpq_mat_t W0)
{
    fmpq_t t, r;
    slong i, a;

    fmpq_init(t);
    fmpq_init(r);
    fmpq_one(r);
    if (radius_log2 >= 0)
        fmpq_mul_2exp(r, r, radius_log2);
    else
        fmpq_div_2exp(r, r, -radius_log2);
    fmpq_zero(max_entry);
    fmpq_zero(frob_sq);
    for (i = 0; i < fmpq_mat_nrows(C); i++)
        for (a = 0; a < fmpq_mat_ncols(C); a++)
        {
            fmpq_sub(t, fmpq_mat_entry(C, i, a), fmpq_mat_entry(W0, i, a));
            fmpq_abs(t, t);
            fmpq_add(t, t, r);
            if (fmpq_cmp(t, max_entry) > 0)
                fmpq_set(max_entry, t);
            fmpq_addmul(frob_sq, t, t);
        }
    fmpq_clear(t);
    fmpq_clear(r);
}

/* the box centre of a minimum certificate of either path as an n x d
   matrix (C initialised by this function), its radius and, on the reduced
   path, its group (sym, initialised and set when *reduced) */
static int
read_centre(fmpq_mat_t C, slong * radius_log2, rc_sym_t sym, int * reduced,
            const json_t * root, rc_error_t err)
{
    *reduced = json_object_get(root, "symmetry") != NULL;
    rc_sym_init(sym);
    if (*reduced)
    {
        rc_symcert_t sc;
        rc_symcert_init(sc);
        if (rc_symcert_from_json(sc, root, err))
        {
            rc_symcert_clear(sc);
            fmpq_mat_init(C, 0, 0);
            return 1;
        }
        rc_sym_set_blocks(sym, sc->sym->blk, sc->sym->k, err);
        if (sc->sym->nx > 0)
            rc_sym_set_extra(sym, sc->sym->nx, err);
        fmpq_mat_init(C, sym->n, sym->k);
        rc_sym_mat_from_theta(C, sym, sc->centre);
        *radius_log2 = sc->radius_log2;
        rc_symcert_clear(sc);
    }
    else
    {
        rc_mincert_t c;
        rc_mincert_init(c);
        if (rc_mincert_from_json(c, root, err))
        {
            rc_mincert_clear(c);
            fmpq_mat_init(C, 0, 0);
            return 1;
        }
        fmpq_mat_init(C, c->n, c->d);
        fmpq_mat_set(C, c->centre);
        *radius_log2 = c->radius_log2;
        rc_mincert_clear(c);
    }
    return 0;
}

/* root's "neuron_order" (absent: the identity) into perm (n entries): 0, or
   1 with why filled when it is not a permutation of 0..n-1 given as JSON
   integers */
static int
read_order(slong * perm, const json_t * root, slong n, rc_error_t why)
{
    const json_t * a = json_object_get(root, "neuron_order");
    char * seen;
    slong i;
    if (a == NULL)
    {
        for (i = 0; i < n; i++)
            perm[i] = i;
        return 0;
    }
    if (!json_is_array(a) || (slong) json_array_size(a) != n)
        return rc_error_set(why, "neuron_order: expected a permutation of 0..%ld", (long) n - 1);
    seen = flint_calloc(FLINT_MAX(1, n), 1);
    for (i = 0; i < n; i++)
    {
        const json_t * v = json_array_get(a, i);
        json_int_t x = json_is_integer(v) ? json_integer_value(v) : -1;
        if (x < 0 || x >= n || seen[x])
        {
            flint_free(seen);
            return rc_error_set(why, "neuron_order: expected a permutation of 0..%ld",
                                (long) n - 1);
        }
        seen[x] = 1;
        perm[i] = x;
    }
    flint_free(seen);
    return 0;
}

/* W0 (initialised, the shape of C) = the input point recorded in cand:
   exactly one of "W" (the matrix) or, on the reduced path only, "theta"
   (fixed-point coordinates of sym, expanded as the centre is). 0, or 1 with
   why naming the field. */
static int
read_candidate(fmpq_mat_t W0, const json_t * cand, const rc_sym_t sym, int reduced,
               const fmpq_mat_t C, rc_error_t why)
{
    const json_t * t = json_object_get(cand, "theta");
    fmpq * th;
    slong o;
    int bad;

    fmpq_mat_init(W0, fmpq_mat_nrows(C), fmpq_mat_ncols(C));
    if (!json_is_object(cand) || json_object_size(cand) != 1)
        return rc_error_set(why, "candidate: expected exactly one of \"W\" or \"theta\"");
    if (t == NULL)
        return rc_json_get_fmpq_mat(W0, json_object_get(cand, "W"), fmpq_mat_nrows(C),
                                    fmpq_mat_ncols(C), "candidate.W", why);
    if (!reduced)
        return rc_error_set(why, "candidate.theta: expected on the reduced path only (\"W\" here)");
    if (!json_is_array(t) || (slong) json_array_size(t) != sym->q)
        return rc_error_set(why, "candidate.theta: expected %ld exact numbers", (long) sym->q);
    th = _fmpq_vec_init(sym->q);
    for (o = 0, bad = 0; !bad && o < sym->q; o++)
        bad = rc_json_get_fmpq(th + o, json_array_get(t, o), "candidate.theta", why);
    if (!bad)
        rc_sym_mat_from_theta(W0, sym, th);
    _fmpq_vec_clear(th, sym->q);
    return bad;
}

/* the decimal upper bound of x >= 0 (arb at 128 bits, rounded up) */
static json_t *
upper_str(const arb_t x)
{
    char * s = rc_enclosure_bound_str(x, 0, 10);
    json_t * v = json_string(s);
    flint_free(s);
    return v;
}

int
rc_mincert_json_set_candidate(json_t * root, const fmpq_mat_t W0, rc_error_t err)
{
    fmpq_mat_t C;
    fmpq_t M, S;
    slong r;
    rc_sym_t sym;
    int reduced, ret = 0;
    json_t * cand, * claim, * claims = json_object_get(root, "claims");
    arb_t x;

    if (!json_is_object(claims))
        return rc_error_set(err, "claims: expected an object");
    if (read_centre(C, &r, sym, &reduced, root, err))
    {
        rc_sym_clear(sym);
        fmpq_mat_clear(C);
        return 1;
    }
    if (fmpq_mat_nrows(C) != fmpq_mat_nrows(W0) || fmpq_mat_ncols(C) != fmpq_mat_ncols(W0))
    {
        ret = rc_error_set(err, "candidate: expected a %ld x %ld matrix, found %ld x %ld",
                           (long) fmpq_mat_nrows(C), (long) fmpq_mat_ncols(C),
                           (long) fmpq_mat_nrows(W0), (long) fmpq_mat_ncols(W0));
        goto out;
    }
    cand = json_object();
    if (reduced)
    {
        /* a candidate in Fix(G) is stored by its fixed-point coordinates */
        fmpq * th = _fmpq_vec_init(sym->q);
        slong bi, br, o;
        if (rc_sym_theta_from_mat(th, &bi, &br, sym, W0))
        {
            json_t * a = json_array();
            for (o = 0; o < sym->q; o++)
                json_array_append_new(a, rc_json_fmpq(th + o));
            json_object_set_new(cand, "theta", a);
        }
        _fmpq_vec_clear(th, sym->q);
    }
    if (json_object_size(cand) == 0)
        json_object_set_new(cand, "W", rc_json_fmpq_mat(W0));
    json_object_set_new(root, "candidate", cand);

    fmpq_init(M);
    fmpq_init(S);
    arb_init(x);
    rc_mincert_candidate_distance(M, S, C, r, W0);
    claim = json_object();
    json_object_set_new(claim, "verdict", json_string(rc_verdict_name(RC_PROVED)));
    arb_set_fmpq(x, S, 128);
    arb_sqrt(x, x, 128);
    json_object_set_new(claim, "frobenius", upper_str(x));
    arb_set_fmpq(x, M, 128);
    json_object_set_new(claim, "max_entry", upper_str(x));
    json_object_set_new(claims, "distance_to_candidate", claim);
    fmpq_clear(M);
    fmpq_clear(S);
    arb_clear(x);
out:
    rc_sym_clear(sym);
    fmpq_mat_clear(C);
    return ret;
}

int
rc_mincert_json_check_candidate(rc_error_t why, const json_t * root)
{
    const json_t * cand = json_object_get(root, "candidate");
    const json_t * claim = json_object_get(json_object_get(root, "claims"), "distance_to_candidate");
    fmpq_mat_t C, W0;
    fmpq_t M, S, m, f;
    slong r;
    rc_sym_t sym;
    int reduced, ret = 1;

    if (cand == NULL && claim == NULL)
        return 0;      /* a certificate from before relucert 0.x states no distance */
    if (!json_is_object(cand))
        return rc_error_set(why, "candidate: expected an object with \"W\" or \"theta\" "
                            "next to claims.distance_to_candidate");
    if (!json_is_object(claim))
        return rc_error_set(why, "claims.distance_to_candidate: expected an object next to "
                            "\"candidate\" (missing)");
    if (rc_json_check_verdict(claim, "claims.distance_to_candidate", RC_PROVED, why))
        return 1;

    if (read_centre(C, &r, sym, &reduced, root, why))
    {
        rc_sym_clear(sym);
        fmpq_mat_clear(C);
        return 1;
    }
    fmpq_init(M); fmpq_init(S); fmpq_init(m); fmpq_init(f);
    if (read_candidate(W0, cand, sym, reduced, C, why))
        goto out;
    {
        /* the order of the input's neurons, if the producer changed it */
        slong n = fmpq_mat_nrows(C), * perm = flint_malloc(sizeof(slong) * FLINT_MAX(1, n));
        int bad = read_order(perm, root, n, why);
        flint_free(perm);
        if (bad)
            goto out;
    }
    if (rc_json_get_fmpq(m, json_object_get(claim, "max_entry"),
                         "claims.distance_to_candidate.max_entry", why)
        || rc_json_get_fmpq(f, json_object_get(claim, "frobenius"),
                            "claims.distance_to_candidate.frobenius", why))
        goto out;
    rc_mincert_candidate_distance(M, S, C, r, W0);
    if (fmpq_cmp(m, M) < 0)
    {
        rc_error_set(why, "claims.distance_to_candidate.max_entry: the box reaches farther "
                     "from the candidate than the stated bound");
        goto out;
    }
    if (fmpq_sgn(f) < 0 || (fmpq_mul(f, f, f), fmpq_cmp(f, S) < 0))
    {
        rc_error_set(why, "claims.distance_to_candidate.frobenius: the box reaches farther "
                     "from the candidate than the stated bound");
        goto out;
    }
    ret = 0;
out:
    fmpq_clear(M); fmpq_clear(S); fmpq_clear(m); fmpq_clear(f);
    fmpq_mat_clear(W0);
    fmpq_mat_clear(C);
    rc_sym_clear(sym);
    return ret;
}

int
rc_mincert_json_get_distance(fmpq_t frobenius, fmpq_t max_entry, const json_t * root)
{
    const json_t * claim = json_object_get(json_object_get(root, "claims"), "distance_to_candidate");
    rc_error_t err;
    const json_t * v = json_object_get(claim, "verdict");

    if (!json_is_string(v) || strcmp(json_string_value(v), rc_verdict_name(RC_PROVED)) != 0)
        return 1;
    return rc_json_get_fmpq(frobenius, json_object_get(claim, "frobenius"), "", err)
           || rc_json_get_fmpq(max_entry, json_object_get(claim, "max_entry"), "", err);
}

int
rc_mincert_json_is_about(rc_error_t why, const json_t * root, const fmpq_mat_t W,
                         const fmpq_mat_t V)
{
    const json_t * kind = json_object_get(root, "kind");
    const json_t * cand = json_object_get(root, "candidate");
    fmpq_mat_t C, W0;
    slong r;
    rc_sym_t sym;
    int reduced, ret = 1;

    if (!json_is_string(kind) || strcmp(json_string_value(kind), "minimum") != 0)
        return rc_error_set(why, "kind: expected a minimum certificate");
    if (!json_is_object(cand))
        return rc_error_set(why, "candidate: the certificate records no input point");
    if (read_centre(C, &r, sym, &reduced, root, why))
    {
        rc_sym_clear(sym);
        fmpq_mat_clear(C);
        return 1;
    }
    if (fmpq_mat_nrows(C) != fmpq_mat_nrows(W) || fmpq_mat_ncols(C) != fmpq_mat_ncols(W))
    {
        rc_error_set(why, "candidate: a %ld x %ld student, expected %ld x %ld",
                     (long) fmpq_mat_nrows(C), (long) fmpq_mat_ncols(C),
                     (long) fmpq_mat_nrows(W), (long) fmpq_mat_ncols(W));
        rc_sym_clear(sym);
        fmpq_mat_clear(C);
        return 1;
    }
    if (read_candidate(W0, cand, sym, reduced, C, why))
        goto out;
    {
        /* the certificate's rows are the point's rows in neuron_order */
        slong n = fmpq_mat_nrows(W), i, a, * perm = flint_malloc(sizeof(slong) * FLINT_MAX(1, n));
        int same = read_order(perm, root, n, why) == 0;
        for (i = 0; same && i < n; i++)
            for (a = 0; same && a < fmpq_mat_ncols(W); a++)
                same = fmpq_equal(fmpq_mat_entry(W0, i, a), fmpq_mat_entry(W, perm[i], a));
        flint_free(perm);
        if (!same)
        {
            rc_error_set(why, "candidate: the certificate is about another point");
            goto out;
        }
    }
    /* the teacher: I_k on the reduced path, the recorded one otherwise */
    if (reduced)
    {
        if (!(fmpq_mat_nrows(V) == sym->k && fmpq_mat_ncols(V) == sym->k && fmpq_mat_is_one(V)))
        {
            rc_error_set(why, "teacher: the certificate's teacher (the identity) is not the point's");
            goto out;
        }
    }
    else
    {
        rc_mincert_t c;
        rc_mincert_init(c);
        if (rc_mincert_from_json(c, root, why) == 0 && fmpq_mat_nrows(c->V) == fmpq_mat_nrows(V)
            && fmpq_mat_ncols(c->V) == fmpq_mat_ncols(V) && fmpq_mat_equal(c->V, V))
            ret = 0;
        else
            rc_error_set(why, "teacher: the certificate's teacher is not the point's");
        rc_mincert_clear(c);
        goto out;
    }
    ret = 0;
out:
    fmpq_mat_clear(W0);
    fmpq_mat_clear(C);
    rc_sym_clear(sym);
    return ret;
}
