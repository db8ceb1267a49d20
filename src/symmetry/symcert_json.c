/* The reduced minimum certificate as JSON, and its checker
   (docs/certificate-format.md, kind "minimum" with "symmetry"). With extra
   neurons (n = k + nx) "n" is k + nx, symmetry.extra_neurons is nx (rows
   k..n-1 of the certificate's student), and every per-representative list
   (split_directions, lam) has m + nx entries, the extra neurons after the
   blocks; without them the file is exactly the n = k one. */
#include <string.h>
#include "relucert/limits.h"
#include "relucert/symcert.h"
#include "relucert/cert_json.h"

static json_t *
slong_or_null(slong x)
{
    return x < 0 ? json_null() : json_integer(x);
}

json_t *
rc_symcert_to_json(const rc_symcert_t c, const char * source)
{
    const rc_sym_struct * s = c->sym;
    json_t * root = rc_cert_json_header("minimum");
    json_t * sym = json_object(), * box = json_object(), * wit = json_object();
    json_t * cl = json_object(), * o, * arr;
    slong b, j, prec = c->prec;
    char name[64];

    if (source != NULL)
        json_object_set_new(root, "source", json_string(source));
    json_object_set_new(root, "prec", json_integer(prec));
    json_object_set_new(root, "n", json_integer(s->n));
    json_object_set_new(root, "k", json_integer(s->k));
    json_object_set_new(root, "d", json_integer(s->k));
    json_object_set_new(root, "teacher", json_string("identity"));
    arr = json_array();
    for (b = 0; b < s->m; b++)
        json_array_append_new(arr, json_integer(s->p[b]));
    json_object_set_new(sym, "blocks", arr);
    if (s->nx > 0)
        json_object_set_new(sym, "extra_neurons", json_integer(s->nx));
    if (!rc_sym_is_contiguous(s))
    {
        arr = json_array();
        for (j = 0; j < s->k; j++)
            json_array_append_new(arr, json_integer(s->members[j]));
        json_object_set_new(sym, "order", arr);
    }
    arr = json_array();
    for (j = 0; j < s->q; j++)
    {
        rc_sym_orbit_name(name, sizeof name, s, j);
        json_array_append_new(arr, json_string(name));
    }
    json_object_set_new(sym, "orbits", arr);
    json_object_set_new(root, "symmetry", sym);
    json_object_set_new(box, "radius_log2", json_integer(c->radius_log2));
    json_object_set_new(box, "theta", rc_json_fmpq_vec(c->centre, s->q));
    json_object_set_new(root, "box", box);

    if (c->have_lam_lower)
        json_object_set_new(wit, "lambda_lower", rc_json_fmpq(c->lam_lower));
    arr = json_array();
    for (b = 0; b < rc_sym_split_count(s); b++)
    {
        o = json_object();
        if (b < s->m)
            json_object_set_new(o, "block", json_integer(b));
        else
            json_object_set_new(o, "extra_neuron", json_integer(b - s->m));
        if (c->split_diff[b] >= 0)
            json_object_set_new(o, "difference_in_block", json_integer(c->split_diff[b]));
        else
            json_object_set_new(o, "invariant", rc_json_fmpq_vec(c->split_y[b], c->split_ny[b]));
        json_array_append_new(arr, o);
    }
    json_object_set_new(wit, "split_directions", arr);
    if (c->cross_block >= 0)
    {
        o = json_object();
        json_object_set_new(o, "block", json_integer(c->cross_block));
        json_object_set_new(o, "alpha", rc_json_fmpq(c->alpha));
        json_object_set_new(wit, "cross_check", o);
    }
    json_object_set_new(root, "witnesses", wit);

    o = rc_json_claim(c->critical);
    if (c->critical == RC_REFUTED)
        json_object_set_new(o, "gradient_coordinate", json_integer(c->critical_witness));
    json_object_set_new(cl, "critical_point", o);

    o = rc_json_claim(c->positive_definite);
    json_object_set_new(o, "lambda_min", rc_json_enclosure(c->lam_min, prec));
    json_object_set_new(o, "morse_index", slong_or_null(c->morse_index));
    json_object_set_new(o, "dimension_count", json_integer(c->dimension));
    arr = json_array();
    for (j = 0; j < c->ntypes; j++)
    {
        json_t * e = json_object();
        rc_sym_type_name(name, sizeof name, c->types + j);
        json_object_set_new(e, "type", json_string(name));
        json_object_set_new(e, "dim", json_integer(c->types[j].dim));
        json_object_set_new(e, "copies", json_integer(c->types[j].ncopies));
        json_object_set_new(e, "lambda_min", rc_json_enclosure(c->type_lam + j, prec));
        json_object_set_new(e, "negative", slong_or_null(c->type_neg[j]));
        json_array_append_new(arr, e);
    }
    json_object_set_new(o, "types", arr);
    json_object_set_new(cl, "positive_definite", o);
    json_object_set_new(cl, "strict_minimum", rc_json_claim(c->strict_min));

    o = rc_json_claim(c->non_global);
    json_object_set_new(o, "loss", rc_json_enclosure(c->loss, prec));
    json_object_set_new(cl, "non_global", o);

    o = rc_json_claim(c->saddle);
    arr = json_array();
    for (b = 0; b < s->m; b++)
    {
        json_t * e = rc_json_claim(c->split[b]);
        json_object_set_new(e, "quotient", rc_json_enclosure(c->split_q + b, prec));
        json_array_append_new(arr, e);
    }
    json_object_set_new(o, "blocks", arr);
    if (s->nx > 0)
    {
        arr = json_array();
        for (b = s->m; b < rc_sym_split_count(s); b++)
        {
            json_t * e = rc_json_claim(c->split[b]);
            json_object_set_new(e, "quotient", rc_json_enclosure(c->split_q + b, prec));
            json_array_append_new(arr, e);
        }
        json_object_set_new(o, "extra_neurons", arr);
    }
    json_object_set_new(cl, "saddle_after_split", o);

    o = rc_json_claim(c->cross);
    json_object_set_new(o, "quotient", rc_json_enclosure(c->cross_q, prec));
    json_object_set_new(cl, "split_cross_check", o);

    o = rc_json_claim(c->norm_sum_le_k);
    json_object_set_new(o, "norm_sum", rc_json_enclosure(c->norm_sum, prec));
    json_object_set_new(cl, "norm_sum_le_k", o);

    o = rc_json_claim(c->lam_negative);
    arr = json_array();
    for (b = 0; b < rc_sym_split_count(s); b++)
        json_array_append_new(arr, rc_json_enclosure(c->lam + b, prec));
    json_object_set_new(o, "lam", arr);
    if (c->lam_negative == RC_REFUTED)
        json_object_set_new(o, "positive_block", json_integer(c->lam_witness));
    json_object_set_new(cl, "lam_negative", o);

    json_object_set_new(root, "claims", cl);
    json_object_set_new(root, "success", json_boolean(rc_symcert_success(c)));
    return root;
}

static int
get_fmpq_vec(fmpq * v, const json_t * a, slong n, const char * what, rc_error_t err)
{
    slong i;
    char buf[128];

    if (!json_is_array(a) || (slong) json_array_size(a) != n)
        return rc_error_set(err, "%s: expected an array of %ld exact numbers", what, (long) n);
    for (i = 0; i < n; i++)
    {
        snprintf(buf, sizeof buf, "%s[%ld]", what, (long) i);
        if (rc_json_get_fmpq(v + i, json_array_get(a, i), buf, err))
            return 1;
    }
    return 0;
}

int
rc_symcert_from_json(rc_symcert_t c, const json_t * root, rc_error_t err)
{
    const json_t * sym, * blocks, * order, * box, * wit, * v, * arr, * cc;
    slong prec, n, k, d, m, b, j, r, nx, ns, p[RC_SYM_MAX_BLOCKS], * bo;
    rc_sym_t s;
    int ret;

    if (rc_json_get_slong(&prec, rc_json_field(root, "prec", "", err), 2, 1L << 24, "prec", err)
        || rc_json_get_slong(&n, rc_json_field(root, "n", "", err), 1, 1000000, "n", err)
        || rc_json_get_slong(&k, rc_json_field(root, "k", "", err), 1, 1000000, "k", err)
        || rc_json_get_slong(&d, rc_json_field(root, "d", "", err), 1, 1000000, "d", err))
        return 1;
    if (rc_limit_check_prec(err, prec, "prec"))
        return 1;
    if (n < k || n > k + RC_SYM_MAX_EXTRA || d != k)
        return rc_error_set(err, "n, k, d: expected d = k and n = k + s, 0 <= s <= %d, on "
                            "the reduced path, found %ld, %ld, %ld", RC_SYM_MAX_EXTRA,
                            (long) n, (long) k, (long) d);
    nx = n - k;
    v = json_object_get(root, "teacher");
    if (!json_is_string(v) || strcmp(json_string_value(v), "identity") != 0)
        return rc_error_set(err, "teacher: expected \"identity\" with \"symmetry\"");
    if ((sym = rc_json_field(root, "symmetry", "", err)) == NULL
        || (blocks = rc_json_field(sym, "blocks", "symmetry", err)) == NULL)
        return 1;
    m = json_is_array(blocks) ? (slong) json_array_size(blocks) : 0;
    if (m < 1 || m > RC_SYM_MAX_BLOCKS)
        return rc_error_set(err, "symmetry.blocks: expected 1 to %d block sizes",
                            RC_SYM_MAX_BLOCKS);
    /* the extra neurons: recorded exactly when n > k, and n - k of them */
    v = json_object_get(sym, "extra_neurons");
    if (nx > 0 || v != NULL)
    {
        slong e;
        if (rc_json_get_slong(&e, v, 1, RC_SYM_MAX_EXTRA, "symmetry.extra_neurons", err))
            return 1;
        if (e != nx)
            return rc_error_set(err, "symmetry.extra_neurons: expected n - k = %ld, found %ld",
                                (long) nx, (long) e);
    }
    for (b = 0, r = 0; b < m; b++)
    {
        char buf[64];
        snprintf(buf, sizeof buf, "symmetry.blocks[%ld]", (long) b);
        if (rc_json_get_slong(p + b, json_array_get(blocks, b), 1, k, buf, err))
            return 1;
        r += p[b];
    }
    if (r != k)
        return rc_error_set(err, "symmetry.blocks: expected sizes adding up to k = %ld, "
                            "found %ld", (long) k, (long) r);
    bo = flint_malloc(sizeof(slong) * k);
    for (j = 0; j < k; j++)
        bo[j] = -1;
    order = json_object_get(sym, "order");
    for (b = 0, r = 0; b < m; b++)
        for (j = 0; j < p[b]; j++, r++)
        {
            slong idx = r;
            if (order != NULL)
            {
                if (!json_is_array(order) || (slong) json_array_size(order) != k
                    || !json_is_integer(json_array_get(order, r))
                    || (idx = json_integer_value(json_array_get(order, r))) < 0 || idx >= k
                    || bo[idx] >= 0)
                {
                    flint_free(bo);
                    return rc_error_set(err, "symmetry.order: expected a permutation of "
                                        "0..%ld", (long) k - 1);
                }
            }
            bo[idx] = b;
        }
    /* blocks numbered in order of first appearance */
    for (j = 0, r = 0; j < k; j++)
        if (bo[j] > r)
        {
            flint_free(bo);
            return rc_error_set(err, "symmetry.order: expected blocks numbered in order of "
                                "their first index");
        }
        else if (bo[j] == r)
            r++;
    rc_sym_init(s);
    ret = rc_sym_set_blocks(s, bo, k, err) || rc_sym_set_extra(s, nx, err);
    flint_free(bo);
    if (ret)
    {
        rc_sym_clear(s);
        return 1;
    }
    rc_symcert_set_sym(c, s);
    rc_sym_clear(s);
    c->prec = prec;
    if ((box = rc_json_field(root, "box", "", err)) == NULL
        || rc_json_get_slong(&c->radius_log2, rc_json_field(box, "radius_log2", "box", err),
                             -(1L << 24), 64, "box.radius_log2", err)
        || get_fmpq_vec(c->centre, rc_json_field(box, "theta", "box", err), c->sym->q,
                          "box.theta", err))
        return 1;
    if ((wit = rc_json_field(root, "witnesses", "", err)) == NULL)
        return 1;
    if ((v = json_object_get(wit, "lambda_lower")) != NULL)
    {
        if (rc_json_get_fmpq(c->lam_lower, v, "witnesses.lambda_lower", err))
            return 1;
        c->have_lam_lower = 1;
    }
    if ((arr = rc_json_field(wit, "split_directions", "witnesses", err)) == NULL)
        return 1;
    ns = rc_sym_split_count(c->sym);
    if (!json_is_array(arr) || (slong) json_array_size(arr) != ns)
        return rc_error_set(err, "witnesses.split_directions: expected one entry per block "
                            "and per extra neuron (%ld)", (long) ns);
    for (b = 0; b < ns; b++)
    {
        const json_t * e = json_array_get(arr, b);
        char buf[96];
        slong blk;
        if (b < m)
        {
            snprintf(buf, sizeof buf, "witnesses.split_directions[%ld].block", (long) b);
            if (rc_json_get_slong(&blk, json_object_get(e, "block"), b, b, buf, err))
                return 1;
        }
        else
        {
            snprintf(buf, sizeof buf, "witnesses.split_directions[%ld].extra_neuron", (long) b);
            if (rc_json_get_slong(&blk, json_object_get(e, "extra_neuron"), b - m, b - m, buf,
                                  err))
                return 1;
        }
        if ((v = json_object_get(e, "difference_in_block")) != NULL)
        {
            snprintf(buf, sizeof buf, "witnesses.split_directions[%ld].difference_in_block",
                     (long) b);
            if (rc_json_get_slong(c->split_diff + b, v, 0, m - 1, buf, err))
                return 1;
        }
        else
        {
            rc_sym_dvec_struct z[RC_SYM_MAX_BLOCKS + 1];
            slong nz = rc_sym_dvec_basis(z, c->sym, b);
            snprintf(buf, sizeof buf, "witnesses.split_directions[%ld].invariant", (long) b);
            c->split_y[b] = _fmpq_vec_init(nz);
            c->split_ny[b] = nz;
            if (get_fmpq_vec(c->split_y[b], json_object_get(e, "invariant"), nz, buf, err))
                return 1;
        }
    }
    if ((cc = json_object_get(wit, "cross_check")) != NULL)
    {
        if (rc_json_get_slong(&c->cross_block,
                              rc_json_field(cc, "block", "witnesses.cross_check", err),
                              0, ns - 1, "witnesses.cross_check.block", err)
            || rc_json_get_fmpq(c->alpha, rc_json_field(cc, "alpha", "witnesses.cross_check", err),
                                "witnesses.cross_check.alpha", err))
            return 1;
        if (!(fmpq_sgn(c->alpha) > 0 && fmpz_cmp(fmpq_numref(c->alpha), fmpq_denref(c->alpha)) < 0))
            return rc_error_set(err, "witnesses.cross_check.alpha: expected a number in (0, 1)");
    }
    return 0;
}

/* ---- the checker ---- */

static int
same_count(const json_t * v, slong x, const char * what, rc_error_t why)
{
    if ((x < 0 && json_is_null(v)) || (x >= 0 && json_is_integer(v) && json_integer_value(v) == x))
        return 0;
    if (x < 0)
        return rc_error_set(why, "%s: expected null (not certified on recomputation)", what);
    return rc_error_set(why, "%s: expected %ld, as recomputed", what, (long) x);
}

int
rc_symcert_check(rc_error_t why, const json_t * root)
{
    rc_symcert_t c;
    const json_t * cl, * o, * arr;
    slong b, j;
    char buf[128], name[64];
    int ret = 1;

    rc_symcert_init(c);
    if (rc_symcert_from_json(c, root, why) || rc_symcert_verify(c, why))
        goto out;
    /* the orbits listed must be the group's (a relabelled coordinate is not
       silently reinterpreted) */
    arr = json_object_get(json_object_get(root, "symmetry"), "orbits");
    if (arr != NULL)
    {
        if (!json_is_array(arr) || (slong) json_array_size(arr) != c->sym->q)
        {
            rc_error_set(why, "symmetry.orbits: expected the %ld orbits of the blocks",
                         (long) c->sym->q);
            goto out;
        }
        for (j = 0; j < c->sym->q; j++)
        {
            rc_sym_orbit_name(name, sizeof name, c->sym, j);
            if (!json_is_string(json_array_get(arr, j))
                || strcmp(json_string_value(json_array_get(arr, j)), name) != 0)
            {
                rc_error_set(why, "symmetry.orbits[%ld]: expected \"%s\"", (long) j, name);
                goto out;
            }
        }
    }
    if ((cl = rc_json_field(root, "claims", "", why)) == NULL)
        goto out;
    if (rc_json_check_verdict(json_object_get(cl, "critical_point"), "claims.critical_point", c->critical, why)
        || rc_json_check_verdict(json_object_get(cl, "positive_definite"), "claims.positive_definite",
                        c->positive_definite, why)
        || rc_json_check_verdict(json_object_get(cl, "strict_minimum"), "claims.strict_minimum",
                        c->strict_min, why)
        || rc_json_check_verdict(json_object_get(cl, "non_global"), "claims.non_global", c->non_global, why)
        || rc_json_check_verdict(json_object_get(cl, "saddle_after_split"), "claims.saddle_after_split",
                        c->saddle, why)
        || rc_json_check_verdict(json_object_get(cl, "split_cross_check"), "claims.split_cross_check",
                        c->cross, why)
        || rc_json_check_verdict(json_object_get(cl, "norm_sum_le_k"), "claims.norm_sum_le_k",
                        c->norm_sum_le_k, why)
        || rc_json_check_verdict(json_object_get(cl, "lam_negative"), "claims.lam_negative",
                        c->lam_negative, why)
        || rc_json_check_witness(json_object_get(cl, "critical_point"), "claims.critical_point",
                                 "gradient_coordinate", c->critical == RC_REFUTED,
                                 c->critical_witness, why)
        || rc_json_check_witness(json_object_get(cl, "lam_negative"), "claims.lam_negative",
                                 "positive_block", c->lam_negative == RC_REFUTED,
                                 c->lam_witness, why))
        goto out;

    o = json_object_get(cl, "positive_definite");
    if (rc_json_check_encloses(json_object_get(o, "lambda_min"), c->lam_min,
                 "claims.positive_definite.lambda_min", why)
        || same_count(json_object_get(o, "morse_index"), c->morse_index,
                      "claims.positive_definite.morse_index", why)
        || same_count(json_object_get(o, "dimension_count"), c->dimension,
                      "claims.positive_definite.dimension_count", why))
        goto out;
    if (c->dimension != c->sym->n * c->sym->k)
    {
        rc_error_set(why, "claims.positive_definite.dimension_count: %ld, expected n k = %ld",
                     (long) c->dimension, (long) (c->sym->n * c->sym->k));
        goto out;
    }
    arr = json_object_get(o, "types");
    if (!json_is_array(arr) || (slong) json_array_size(arr) != c->ntypes)
    {
        rc_error_set(why, "claims.positive_definite.types: expected the %ld irreducible types "
                     "of the blocks", (long) c->ntypes);
        goto out;
    }
    for (j = 0; j < c->ntypes; j++)
    {
        const json_t * e = json_array_get(arr, j);
        rc_sym_type_name(name, sizeof name, c->types + j);
        snprintf(buf, sizeof buf, "claims.positive_definite.types[%ld]", (long) j);
        if (!json_is_string(json_object_get(e, "type"))
            || strcmp(json_string_value(json_object_get(e, "type")), name) != 0)
        {
            rc_error_set(why, "%s.type: expected \"%s\"", buf, name);
            goto out;
        }
        {
            static const char * field[3] = {"dim", "copies", "negative"};
            slong want[3];
            int t;
            want[0] = c->types[j].dim;
            want[1] = c->types[j].ncopies;
            want[2] = c->type_neg[j];
            for (t = 0; t < 3; t++)
            {
                char fb[160];
                snprintf(fb, sizeof fb, "%s.%s", buf, field[t]);
                if (same_count(json_object_get(e, field[t]), want[t], fb, why))
                    goto out;
            }
        }
        strcat(buf, ".lambda_min");
        if (rc_json_check_encloses(json_object_get(e, "lambda_min"), c->type_lam + j, buf, why))
            goto out;
    }

    o = json_object_get(cl, "non_global");
    if (rc_json_check_encloses(json_object_get(o, "loss"), c->loss, "claims.non_global.loss", why))
        goto out;
    o = json_object_get(cl, "split_cross_check");
    if (rc_json_check_encloses(json_object_get(o, "quotient"), c->cross_q, "claims.split_cross_check.quotient", why))
        goto out;
    o = json_object_get(cl, "norm_sum_le_k");
    if (rc_json_check_encloses(json_object_get(o, "norm_sum"), c->norm_sum, "claims.norm_sum_le_k.norm_sum", why))
        goto out;
    arr = json_object_get(json_object_get(cl, "saddle_after_split"), "blocks");
    if (!json_is_array(arr) || (slong) json_array_size(arr) != c->sym->m)
    {
        rc_error_set(why, "claims.saddle_after_split.blocks: expected %ld entries", (long) c->sym->m);
        goto out;
    }
    for (b = 0; b < c->sym->m; b++)
    {
        snprintf(buf, sizeof buf, "claims.saddle_after_split.blocks[%ld]", (long) b);
        if (rc_json_check_verdict(json_array_get(arr, b), buf, c->split[b], why))
            goto out;
        strcat(buf, ".quotient");
        if (rc_json_check_encloses(json_object_get(json_array_get(arr, b), "quotient"), c->split_q + b, buf, why))
            goto out;
    }
    arr = json_object_get(json_object_get(cl, "saddle_after_split"), "extra_neurons");
    if (c->sym->nx > 0 && (!json_is_array(arr) || (slong) json_array_size(arr) != c->sym->nx))
    {
        rc_error_set(why, "claims.saddle_after_split.extra_neurons: expected %ld entries",
                     (long) c->sym->nx);
        goto out;
    }
    if (c->sym->nx == 0 && arr != NULL)
    {
        rc_error_set(why, "claims.saddle_after_split.extra_neurons: expected none (n = k)");
        goto out;
    }
    for (b = c->sym->m; b < rc_sym_split_count(c->sym); b++)
    {
        const json_t * e = json_array_get(arr, b - c->sym->m);
        snprintf(buf, sizeof buf, "claims.saddle_after_split.extra_neurons[%ld]",
                 (long) (b - c->sym->m));
        if (rc_json_check_verdict(e, buf, c->split[b], why))
            goto out;
        strcat(buf, ".quotient");
        if (rc_json_check_encloses(json_object_get(e, "quotient"), c->split_q + b, buf, why))
            goto out;
    }
    arr = json_object_get(json_object_get(cl, "lam_negative"), "lam");
    if (!json_is_array(arr) || (slong) json_array_size(arr) != rc_sym_split_count(c->sym))
    {
        rc_error_set(why, "claims.lam_negative.lam: expected %ld entries",
                     (long) rc_sym_split_count(c->sym));
        goto out;
    }
    for (b = 0; b < rc_sym_split_count(c->sym); b++)
    {
        snprintf(buf, sizeof buf, "claims.lam_negative.lam[%ld]", (long) b);
        if (rc_json_check_encloses(json_array_get(arr, b), c->lam + b, buf, why))
            goto out;
    }
    o = json_object_get(root, "success");
    if (!json_is_boolean(o) || json_is_true(o) != rc_symcert_success(c))
    {
        rc_error_set(why, "success: the certificate says %s, recomputation gives %s",
                     json_is_boolean(o) ? (json_is_true(o) ? "true" : "false") : "nothing",
                     rc_symcert_success(c) ? "true" : "false");
        goto out;
    }
    ret = 0;
out:
    rc_symcert_clear(c);
    return ret;
}
