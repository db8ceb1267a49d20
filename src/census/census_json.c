/* The census certificate as JSON (kind "census", docs/certificate-format.md)
   and its checker (proofs/lemmas.md L16). */
#include <string.h>
#include "relucert/census.h"
#include "relucert/cert_json.h"
#include "relucert/limits.h"

#define MAX_NODES 20000000

static const char * axis_names[] = { "alpha", "beta" };

/* the name of coordinate o: alpha, beta (one block); the orbit's name,
   "diag 0", "off 0", "cross 0 1", ... (two blocks) */
static const char *
axis_name(char * buf, size_t len, const rc_census_t c, slong o)
{
    if (c->m == 1)
        return axis_names[o];
    rc_sym_orbit_name(buf, len, c->sym, o);
    return buf;
}

/* the coordinate named s, or -1 */
static int
axis_parse(const rc_census_t c, const char * s)
{
    char buf[64];
    slong o;
    for (o = 0; o < c->q; o++)
        if (strcmp(s, axis_name(buf, sizeof buf, c, o)) == 0)
            return (int) o;
    return -1;
}

static json_t *
box_json(const rc_census_t c, const fmpq * box)
{
    json_t * a = json_object();
    char buf[64];
    slong o;
    for (o = 0; o < c->q; o++)
    {
        json_t * x = json_array();
        json_array_append_new(x, rc_json_fmpq(box + 2 * o));
        json_array_append_new(x, rc_json_fmpq(box + 2 * o + 1));
        json_object_set_new(a, axis_name(buf, sizeof buf, c, o), x);
    }
    return a;
}

static int
box_read(fmpq * box, const rc_census_t c, const json_t * v, const char * what, rc_error_t err)
{
    char buf[160], nb[64];
    slong o, e;

    if (!json_is_object(v) || (slong) json_object_size(v) != c->q)
        return c->m == 1 ? rc_error_set(err, "%s: expected {\"alpha\": [lo, hi], \"beta\": [lo, hi]}", what)
                         : rc_error_set(err, "%s: expected an object {COORDINATE: [lo, hi]} with "
                                        "the %ld coordinates of the pattern", what, (long) c->q);
    for (o = 0; o < c->q; o++)
    {
        const char * name = axis_name(nb, sizeof nb, c, o);
        const json_t * a = json_object_get(v, name);
        if (!json_is_array(a) || json_array_size(a) != 2)
            return rc_error_set(err, "%s.%s: expected [lo, hi] (two exact numbers)", what,
                                name);
        for (e = 0; e < 2; e++)
        {
            snprintf(buf, sizeof buf, "%s.%s[%ld]", what, name, (long) e);
            if (rc_json_get_fmpq(box + 2 * o + e, json_array_get(a, e), buf, err))
                return 1;
        }
    }
    return 0;
}

static const char *
point_status_name(const rc_census_point_struct * p)
{
    if (p->morse_index == 0 && arb_is_positive(p->lam_min))
        return "minimum";
    if (p->morse_index > 0 || arb_is_negative(p->lam_min))
        return "saddle";
    return "critical";
}

json_t *
rc_census_to_json(const rc_census_t c)
{
    json_t * root = rc_cert_json_header("census");
    json_t * sym = json_object(), * arr, * tree = json_array(), * pts = json_array();
    json_t * unres = json_array(), * cl = json_object(), * o;
    char buf[64];
    slong j;

    json_object_set_new(root, "pattern", json_string(c->m == 1 ? "one-block" : "two-block"));
    json_object_set_new(root, "prec", json_integer(c->prec));
    json_object_set_new(root, "n", json_integer(c->k));
    json_object_set_new(root, "k", json_integer(c->k));
    json_object_set_new(root, "d", json_integer(c->k));
    json_object_set_new(root, "teacher", json_string("identity"));
    arr = json_array();
    if (c->m == 1)
        json_array_append_new(arr, json_integer(c->k));
    else
    {
        json_array_append_new(arr, json_integer(c->a));
        json_array_append_new(arr, json_integer(c->k - c->a));
    }
    json_object_set_new(sym, "blocks", arr);
    arr = json_array();
    for (j = 0; j < c->q; j++)
        json_array_append_new(arr, json_string(c->m == 1 ? (j == 0 ? "diag 0" : "off 0")
                                               : axis_name(buf, sizeof buf, c, j)));
    json_object_set_new(sym, "orbits", arr);
    json_object_set_new(root, "symmetry", sym);
    if (c->m == 1)
        json_object_set_new(root, "coordinates",
                            json_string("W = alpha I + beta (J - I): alpha = diag 0, beta = off 0"));
    else
        json_object_set_new(root, "coordinates",
                            json_string("W[i][r] = theta of the orbit of (i, r): diag b (i = r in "
                                        "block b), off b (i != r both in block b), cross b c "
                                        "(i in block b, r in block c); blocks 0 = indices "
                                        "0..a-1, 1 = a..k-1"));
    json_object_set_new(root, "region", box_json(c, c->region));

    for (j = 0; j < c->nnodes; j++)
    {
        const rc_census_node_struct * n = c->nodes + j;
        o = json_object();
        if (n->axis >= 0)
        {
            json_object_set_new(o, "cut", json_string(axis_name(buf, sizeof buf, c, n->axis)));
            json_object_set_new(o, "at", rc_json_fmpq(n->at));
        }
        else
        {
            json_object_set_new(o, "leaf", json_string(rc_census_leaf_name(n->kind)));
            if (n->kind == RC_CENSUS_GRADIENT)
                json_object_set_new(o, "coordinate", json_string(axis_name(buf, sizeof buf, c,
                                                                           n->coord)));
            if (n->kind == RC_CENSUS_ZERO)
                json_object_set_new(o, "block", json_integer(n->coord));
            if (n->kind == RC_CENSUS_FINE)
                json_object_set_new(o, "pieces", json_integer(n->coord));
            if (n->kind == RC_CENSUS_EXIST)
                json_object_set_new(o, "point", json_integer(n->point));
            json_object_set_new(o, "box", box_json(c, n->box));
            if (n->kind == RC_CENSUS_UNRESOLVED)
                json_array_append_new(unres, box_json(c, n->box));
        }
        json_array_append_new(tree, o);
    }
    for (j = 0; j < c->npoints; j++)
    {
        const rc_census_point_struct * p = c->points + j;
        o = json_object();
        json_object_set_new(o, "leaf", json_integer(p->node));
        json_object_set_new(o, "box", box_json(c, c->nodes[p->node].box));
        json_object_set_new(o, "critical_point", json_string(rc_verdict_name(c->nodes[p->node].verdict)));
        if (c->nodes[p->node].have_enc)
            json_object_set_new(o, "enclosure", box_json(c, c->nodes[p->node].enc));
        json_object_set_new(o, "located", json_string(rc_verdict_name(p->located)));
        json_object_set_new(o, "status", json_string(point_status_name(p)));
        json_object_set_new(o, "morse_index", p->morse_index >= 0 ? json_integer(p->morse_index)
                                                                  : json_null());
        json_object_set_new(o, "lambda_min", rc_json_enclosure(p->lam_min, 64));
        json_object_set_new(o, "loss", rc_json_enclosure(p->loss, 64));
        json_array_append_new(pts, o);
    }
    json_object_set_new(root, "points", pts);
    json_object_set_new(root, "unresolved", unres);
    json_object_set_new(cl, "region_covers", rc_json_claim(c->covers));
    json_object_set_new(cl, "complete", rc_json_claim(rc_census_complete(c) ? RC_PROVED
                                                                           : RC_UNDECIDED));
    rc_census_unresolved_share(buf, sizeof buf, c);
    json_object_set_new(cl, "unresolved_volume", json_string(buf));
    json_object_set_new(cl, "leaves", json_integer((c->nnodes + 1) / 2));
    json_object_set_new(cl, "depth", json_integer(c->depth));
    json_object_set_new(root, "claims", cl);
    json_object_set_new(root, "tree", tree);
    return root;
}

int
rc_census_from_json(rc_census_t c, const json_t * root, rc_error_t err)
{
    const json_t * v, * tree, * pat;
    slong prec, k, n, d, j, a = 0;
    int two;
    char buf[96];

    pat = rc_json_field(root, "pattern", "", err);
    if (pat == NULL)
        return 1;
    if (!json_is_string(pat) || (strcmp(json_string_value(pat), "one-block") != 0
                                 && strcmp(json_string_value(pat), "two-block") != 0))
        return rc_error_set(err, "pattern: expected \"one-block\" or \"two-block\"");
    two = strcmp(json_string_value(pat), "two-block") == 0;
    if (rc_json_get_slong(&prec, rc_json_field(root, "prec", "", err), 2, 1L << 24, "prec", err)
        || rc_limit_check_prec(err, prec, "prec")
        || rc_json_get_slong(&k, rc_json_field(root, "k", "", err), 2, 1000000, "k", err)
        || rc_json_get_slong(&n, rc_json_field(root, "n", "", err), 2, 1000000, "n", err)
        || rc_json_get_slong(&d, rc_json_field(root, "d", "", err), 2, 1000000, "d", err))
        return 1;
    if (n != k || d != k)
        return rc_error_set(err, "n, d: expected n = d = k = %ld", (long) k);
    v = json_object_get(root, "teacher");
    if (!json_is_string(v) || strcmp(json_string_value(v), "identity") != 0)
        return rc_error_set(err, "teacher: expected \"identity\"");
    if (two)
    {
        /* symmetry.blocks = [a, k - a]: the group, from which the checker
           derives the orbits, their names and sizes */
        const json_t * bl = json_object_get(json_object_get(root, "symmetry"), "blocks");
        slong b1;
        if (!json_is_array(bl) || json_array_size(bl) != 2
            || rc_json_get_slong(&a, json_array_get(bl, 0), 1, k - 1, "symmetry.blocks[0]", err)
            || rc_json_get_slong(&b1, json_array_get(bl, 1), 1, k - 1, "symmetry.blocks[1]", err))
            return json_is_array(bl) && json_array_size(bl) == 2 ? 1
                   : rc_error_set(err, "symmetry.blocks: expected [a, k - a]");
        if (a + b1 != k)
            return rc_error_set(err, "symmetry.blocks: expected [a, k - a] with sum k = %ld",
                                (long) k);
        if (rc_census_set_two_block(c, k, a, prec, err))
            return 1;
    }
    else if (rc_census_set_k(c, k, prec, err))
        return 1;
    if ((v = rc_json_field(root, "region", "", err)) == NULL
        || box_read(c->region, c, v, "region", err))
        return 1;
    if ((tree = rc_json_field(root, "tree", "", err)) == NULL)
        return 1;
    if (!json_is_array(tree) || json_array_size(tree) < 1 || json_array_size(tree) > MAX_NODES)
        return rc_error_set(err, "tree: expected an array of 1 to %d nodes", MAX_NODES);
    for (j = 0; j < (slong) json_array_size(tree); j++)
    {
        const json_t * e = json_array_get(tree, j), * cut, * leaf;
        cut = json_object_get(e, "cut");
        leaf = json_object_get(e, "leaf");
        if (json_is_string(cut) && leaf == NULL)
        {
            fmpq_t at;
            int ax = axis_parse(c, json_string_value(cut));
            if (ax < 0)
                return c->m == 1 ? rc_error_set(err, "tree[%ld].cut: expected \"alpha\" or \"beta\"", (long) j)
                                 : rc_error_set(err, "tree[%ld].cut: expected a coordinate of the "
                                                "pattern", (long) j);
            fmpq_init(at);
            snprintf(buf, sizeof buf, "tree[%ld].at", (long) j);
            if (rc_json_get_fmpq(at, json_object_get(e, "at"), buf, err))
            {
                fmpq_clear(at);
                return 1;
            }
            rc_census_push_cut(c, ax, at);
            fmpq_clear(at);
        }
        else if (json_is_string(leaf) && cut == NULL)
        {
            rc_census_leaf_kind kind;
            slong coord = -1;
            if (rc_census_leaf_parse(&kind, json_string_value(leaf)))
                return rc_error_set(err, "tree[%ld].leaf: expected one of \"outside\", \"small\", "
                                    "\"gradient\", \"exist\", \"unresolved\", \"zero\", \"fine\"", (long) j);
            if (kind == RC_CENSUS_GRADIENT)
            {
                v = json_object_get(e, "coordinate");
                coord = !json_is_string(v) ? -1 : axis_parse(c, json_string_value(v));
                if (coord < 0)
                    return c->m == 1 ? rc_error_set(err, "tree[%ld].coordinate: expected \"alpha\" or \"beta\"",
                                                    (long) j)
                                     : rc_error_set(err, "tree[%ld].coordinate: expected a "
                                                    "coordinate of the pattern", (long) j);
            }
            if (kind == RC_CENSUS_ZERO)
            {
                v = json_object_get(e, "block");
                if (c->m < 2 || !json_is_integer(v) || json_integer_value(v) < 0
                    || json_integer_value(v) >= c->m)
                    return rc_error_set(err, "tree[%ld].block: expected a block of the "
                                        "pattern (an integer 0..%ld)", (long) j,
                                        (long) (c->m - 1));
                coord = (slong) json_integer_value(v);
            }
            if (kind == RC_CENSUS_FINE)
            {
                v = json_object_get(e, "pieces");
                if (c->m < 2 || !json_is_integer(v) || json_integer_value(v) < 1
                    || json_integer_value(v) > RC_CENSUS_FINE_MAX)
                    return rc_error_set(err, "tree[%ld].pieces: expected an integer 1..%ld "
                                        "(a two-block census)", (long) j,
                                        (long) RC_CENSUS_FINE_MAX);
                coord = (slong) json_integer_value(v);
            }
            rc_census_push_leaf(c, kind, coord);
        }
        else
            return rc_error_set(err, "tree[%ld]: expected {\"cut\": AXIS, \"at\": X} or "
                                "{\"leaf\": KIND, \"box\": BOX}", (long) j);
    }
    /* the points' enclosures (witnesses: where to look for the point) */
    v = json_object_get(root, "points");
    for (j = 0; json_is_array(v) && j < (slong) json_array_size(v); j++)
    {
        const json_t * e = json_array_get(v, j), * enc = json_object_get(e, "enclosure");
        slong leaf;
        if (enc == NULL)
            continue;
        snprintf(buf, sizeof buf, "points[%ld].leaf", (long) j);
        if (rc_json_get_slong(&leaf, json_object_get(e, "leaf"), 0, c->nnodes - 1, buf, err))
            return 1;
        if (c->nodes[leaf].axis >= 0 || c->nodes[leaf].kind != RC_CENSUS_EXIST)
            return rc_error_set(err, "%s: expected the index of an \"exist\" leaf of the tree", buf);
        snprintf(buf, sizeof buf, "points[%ld].enclosure", (long) j);
        if (box_read(c->nodes[leaf].enc, c, enc, buf, err))
            return 1;
        c->nodes[leaf].have_enc = 1;
    }
    return 0;
}

static int
box_equal(const fmpq * a, const fmpq * b, slong q)
{
    slong e;
    for (e = 0; e < 2 * q; e++)
        if (!fmpq_equal(a + e, b + e))
            return 0;
    return 1;
}

/* v is a box equal to box */
static int
check_box(const rc_census_t c, const json_t * v, const fmpq * box, const char * what,
          rc_error_t why)
{
    fmpq * b = _fmpq_vec_init(2 * c->q);
    int ret = box_read(b, c, v, what, why);
    if (ret == 0 && !box_equal(b, box, c->q))
        ret = rc_error_set(why, "%s: expected the box of this node of the tree, found another",
                           what);
    _fmpq_vec_clear(b, 2 * c->q);
    return ret;
}

int
rc_census_check(rc_error_t why, const json_t * root)
{
    rc_census_t c;
    const json_t * tree, * pts, * unres, * cl, * uv;
    slong j, u = 0;
    char buf[96];
    int ret = 1;

    rc_census_init(c);
    if (rc_census_from_json(c, root, why) || rc_census_verify(c, why))
        goto out;
    tree = json_object_get(root, "tree");
    for (j = 0; j < c->nnodes; j++)
    {
        const rc_census_node_struct * n = c->nodes + j;
        const json_t * e = json_array_get(tree, j);
        if (n->axis >= 0)
            continue;
        snprintf(buf, sizeof buf, "tree[%ld].box", (long) j);
        if (check_box(c, json_object_get(e, "box"), n->box, buf, why))
            goto out;
        if (n->kind == RC_CENSUS_FINE && n->verdict != RC_PROVED && !rc_di_usable())
        {
            rc_error_set(why, "tree[%ld]: the leaf \"fine\" cannot be recomputed here: binary64 "
                         "interval arithmetic is not usable in this process (%s)", (long) j,
                         rc_di_env_problem());
            goto out;
        }
        if (n->kind != RC_CENSUS_UNRESOLVED && n->verdict != RC_PROVED)
        {
            rc_error_set(why, "tree[%ld]: the leaf \"%s\" is not proved on recomputation",
                         (long) j, rc_census_leaf_name(n->kind));
            goto out;
        }
        if (n->kind == RC_CENSUS_EXIST && !rc_json_is_slong(json_object_get(e, "point"), n->point))
        {
            rc_error_set(why, "tree[%ld].point: expected %ld (the points in tree order)",
                         (long) j, (long) n->point);
            goto out;
        }
    }
    pts = json_object_get(root, "points");
    if (!json_is_array(pts) || (slong) json_array_size(pts) != c->npoints)
    {
        rc_error_set(why, "points: expected the %ld points of the tree's \"exist\" leaves",
                     (long) c->npoints);
        goto out;
    }
    for (j = 0; j < c->npoints; j++)
    {
        const rc_census_point_struct * p = c->points + j;
        const json_t * e = json_array_get(pts, j), * mi;
        snprintf(buf, sizeof buf, "points[%ld].box", (long) j);
        if (!rc_json_is_slong(json_object_get(e, "leaf"), p->node))
        {
            rc_error_set(why, "points[%ld].leaf: expected %ld", (long) j, (long) p->node);
            goto out;
        }
        if (check_box(c, json_object_get(e, "box"), c->nodes[p->node].box, buf, why))
            goto out;
        if (!json_is_string(json_object_get(e, "located"))
            || strcmp(json_string_value(json_object_get(e, "located")), rc_verdict_name(p->located)) != 0)
        {
            rc_error_set(why, "points[%ld].located: expected \"%s\", as recomputed", (long) j,
                         rc_verdict_name(p->located));
            goto out;
        }
        if ((json_object_get(e, "enclosure") != NULL) != c->nodes[p->node].have_enc)
        {
            rc_error_set(why, "points[%ld].enclosure: given for another point", (long) j);
            goto out;
        }
        mi = json_object_get(e, "morse_index");
        if (!((p->morse_index < 0 && json_is_null(mi)) || rc_json_is_slong(mi, p->morse_index)))
        {
            rc_error_set(why, "points[%ld].morse_index: expected %ld, as recomputed", (long) j,
                         (long) p->morse_index);
            goto out;
        }
        if (!json_is_string(json_object_get(e, "status"))
            || strcmp(json_string_value(json_object_get(e, "status")), point_status_name(p)) != 0)
        {
            rc_error_set(why, "points[%ld].status: expected \"%s\", as recomputed", (long) j,
                         point_status_name(p));
            goto out;
        }
        snprintf(buf, sizeof buf, "points[%ld].lambda_min", (long) j);
        if (rc_json_check_encloses(json_object_get(e, "lambda_min"), p->lam_min, buf, why))
            goto out;
        snprintf(buf, sizeof buf, "points[%ld].loss", (long) j);
        if (rc_json_check_encloses(json_object_get(e, "loss"), p->loss, buf, why))
            goto out;
    }
    unres = json_object_get(root, "unresolved");
    if (!json_is_array(unres) || (slong) json_array_size(unres) != c->nunresolved)
    {
        rc_error_set(why, "unresolved: expected the %ld boxes of the tree's \"unresolved\" "
                     "leaves", (long) c->nunresolved);
        goto out;
    }
    for (j = 0; j < c->nnodes; j++)
        if (c->nodes[j].axis < 0 && c->nodes[j].kind == RC_CENSUS_UNRESOLVED)
        {
            snprintf(buf, sizeof buf, "unresolved[%ld]", (long) u);
            if (check_box(c, json_array_get(unres, u), c->nodes[j].box, buf, why))
                goto out;
            u++;
        }
    if ((cl = rc_json_field(root, "claims", "", why)) == NULL
        || rc_json_check_verdict(json_object_get(cl, "region_covers"), "claims.region_covers",
                                 c->covers, why)
        || rc_json_check_verdict(json_object_get(cl, "complete"), "claims.complete",
                                 rc_census_complete(c) ? RC_PROVED : RC_UNDECIDED, why))
        goto out;
    rc_census_unresolved_share(buf, sizeof buf, c);
    uv = json_object_get(cl, "unresolved_volume");
    if (!json_is_string(uv) || strcmp(json_string_value(uv), buf) != 0)
    {
        rc_error_set(why, "claims.unresolved_volume: expected \"%s\" (the unresolved "
                     "leaves' share of the region's volume, rounded up to 6 decimals), "
                     "as recomputed", buf);
        goto out;
    }
    ret = 0;
out:
    rc_census_clear(c);
    return ret;
}
