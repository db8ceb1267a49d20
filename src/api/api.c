/* The C API for other languages (include/relucert/api.h): JSON text in,
   JSON text out, through the same code as the relucert command, so that a
   certificate made through the API is byte for byte the command's. */
#include <stdlib.h>
#include <string.h>
#include "relucert/api.h"
#include "relucert/relucert.h"

/* the answer {"ok": false, "error": msg, "status": 2} as text */
static char *
fail(const char * msg)
{
    json_t * a = json_object();
    char * s;

    json_object_set_new(a, "ok", json_false());
    json_object_set_new(a, "error", json_string(msg));
    json_object_set_new(a, "status", json_integer(2));
    s = json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(a);
    return s;
}

/* the answer a (stolen) with "ok": true first, as text */
static char *
answer(json_t * a)
{
    json_t * o = json_object();
    const char * key;
    json_t * v;
    char * s;

    json_object_set_new(o, "ok", json_true());
    json_object_foreach(a, key, v)
        json_object_set(o, key, v);
    json_decref(a);
    s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return s;
}

static json_t *
parse(const char * text, const char * what, rc_error_t err)
{
    json_error_t je;
    json_t * r;

    if (text == NULL)
    {
        rc_error_set(err, "%s: expected JSON text, found NULL", what);
        return NULL;
    }
    r = json_loads(text, JSON_REJECT_DUPLICATES, &je);
    if (r == NULL)
        rc_error_set(err, "%s:%d: %s", what, je.line, je.text);
    else if (!json_is_object(r))
    {
        rc_error_set(err, "%s: expected a JSON object", what);
        json_decref(r);
        r = NULL;
    }
    return r;
}

/* slong member key of req, default dflt, in [lo, hi] */
static int
get_slong(slong * x, const json_t * req, const char * key, slong dflt, slong lo, slong hi,
          rc_error_t err)
{
    const json_t * v = json_object_get(req, key);

    if (v == NULL || json_is_null(v))
    {
        *x = dflt;
        return 0;
    }
    return rc_json_get_slong(x, v, lo, hi, key, err);
}

/* member key of req, one of the three names (the value beside it), or
   absent (x unchanged) */
static int
get_choice(int * x, const json_t * req, const char * key, const char * names[3],
           const int values[3], rc_error_t err)
{
    const json_t * v = json_object_get(req, key);
    int i;

    if (v == NULL || json_is_null(v))
        return 0;
    for (i = 0; i < 3; i++)
        if (json_is_string(v) && strcmp(json_string_value(v), names[i]) == 0)
        {
            *x = values[i];
            return 0;
        }
    return rc_error_set(err, "%s: expected %s, %s or %s", key, names[0], names[1], names[2]);
}

/* the point of a request: W (n x d) and V (a k x d matrix or "identity") */
static int
get_point(rc_point_t pt, const json_t * req, rc_error_t err)
{
    const json_t * w = json_object_get(req, "W"), * v = json_object_get(req, "V"), * r0;
    slong n, d, k;

    if (!json_is_array(w) || json_array_size(w) < 1 || !json_is_array(r0 = json_array_get(w, 0))
        || json_array_size(r0) < 1)
        return rc_error_set(err, "W: expected a matrix (an array of rows of exact numbers)");
    n = json_array_size(w);
    d = json_array_size(r0);
    if (n > RC_POINT_MAX_ENTRIES / d)
        return rc_error_set(err, "W: expected at most %ld entries", (long) RC_POINT_MAX_ENTRIES);
    if (v == NULL || json_is_null(v) || (json_is_string(v)
                                         && strcmp(json_string_value(v), "identity") == 0))
        k = d;
    else if (json_is_array(v) && json_array_size(v) >= 1)
        k = json_array_size(v);
    else
        return rc_error_set(err, "V: expected a matrix or \"identity\"");
    if (k > RC_POINT_MAX_ENTRIES / d)
        return rc_error_set(err, "V: expected at most %ld entries", (long) RC_POINT_MAX_ENTRIES);
    rc_point_set_dims(pt, n, k, d);
    if (rc_json_get_fmpq_mat(pt->W, w, n, d, "W", err))
        return 1;
    if (k == d && !json_is_array(v))
        fmpq_mat_one(pt->V);
    else if (rc_json_get_fmpq_mat(pt->V, v, k, d, "V", err))
        return 1;
    rc_point_set_source(pt, "W");
    return 0;
}

char *
rc_api_eval(const char * request)
{
    rc_error_t err;
    rc_point_t pt;
    json_t * req = parse(request, "request", err), * res;
    fmpq_t radius;
    slong prec;
    int have_radius = 0, hessian = 0;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_point_init(pt);
    fmpq_init(radius);
    if (get_point(pt, req, err)
        || get_slong(&prec, req, "prec", 256, 16, rc_limit_prec(), err))
        goto bad;
    if (json_object_get(req, "box_radius") != NULL && !json_is_null(json_object_get(req, "box_radius")))
    {
        if (rc_json_get_fmpq(radius, json_object_get(req, "box_radius"), "box_radius", err))
            goto bad;
        if (fmpq_sgn(radius) < 0)
        {
            rc_error_set(err, "box_radius: expected a number >= 0");
            goto bad;
        }
        have_radius = 1;
    }
    hessian = json_is_true(json_object_get(req, "hessian"));
    if (rc_eval_point_json(&res, pt, have_radius ? radius : NULL, hessian, prec, NULL, NULL, err))
        goto bad;
    {
        json_t * a = json_object();
        json_object_set_new(a, "result", res);
        s = answer(a);
    }
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    rc_point_clear(pt);
    fmpq_clear(radius);
    return s;
}

char *
rc_api_certify_minimum(const char * request)
{
    rc_error_t err;
    rc_point_t pt;
    json_t * req = parse(request, "request", err), * cert = NULL;
    rc_certify_minimum_params_t o;
    const json_t * v;
    const char * source = "api", * out = NULL;
    char path[512], * s;

    if (req == NULL)
        return fail(err->msg);
    rc_point_init(pt);
    rc_certify_minimum_params_init(o);
    path[0] = '\0';
    if (get_point(pt, req, err)
        || get_slong(&o->prec, req, "prec", 256, 16, rc_limit_prec(), err))
        goto bad;
    if ((v = json_object_get(req, "alpha")) != NULL && !json_is_null(v)
        && (rc_json_get_fmpq(o->alpha, v, "alpha", err)))
        goto bad;
    if (fmpq_sgn(o->alpha) <= 0 || fmpq_cmp_ui(o->alpha, 1) >= 0)
    {
        rc_error_set(err, "alpha: expected a number in (0, 1)");
        goto bad;
    }
    {
        static const char * paths[] = {"auto", "reduced", "dense"};
        static const int pathv[] = {RC_MIN_PATH_AUTO, RC_MIN_PATH_REDUCED, RC_MIN_PATH_DENSE};
        static const char * ariths[] = {"auto", "arb", "binary64"};
        static const int arithv[] = {RC_MIN_ARITH_AUTO, RC_MIN_ARITH_ARB, RC_MIN_ARITH_BINARY64};
        if (get_choice(&o->path, req, "path", paths, pathv, err)
            || get_choice(&o->arith, req, "arith", ariths, arithv, err))
            goto bad;
    }
    if ((v = json_object_get(req, "source")) != NULL && !json_is_null(v))
    {
        if (!json_is_string(v))
        {
            rc_error_set(err, "source: expected a string");
            goto bad;
        }
        source = json_string_value(v);
    }
    if ((v = json_object_get(req, "out")) != NULL && !json_is_null(v))
    {
        if (!json_is_string(v))
        {
            rc_error_set(err, "out: expected a file name");
            goto bad;
        }
        out = json_string_value(v);
    }
    if (rc_certify_minimum_point(&cert, path, sizeof path, pt, source, o, err))
        goto bad;
    if (out != NULL && rc_cert_write_file(out, cert))
    {
        rc_error_set(err, "%s: cannot write the certificate", out);
        goto bad;
    }
    {
        json_t * a = json_object();
        json_object_set_new(a, "success", json_boolean(json_is_true(json_object_get(cert, "success"))));
        json_object_set_new(a, "path", json_string(path));
        json_object_set(a, "certificate", cert);
        s = answer(a);
    }
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(cert);
    json_decref(req);
    rc_point_clear(pt);
    rc_certify_minimum_params_clear(o);
    return s;
}

char *
rc_api_check(const char * certificate)
{
    rc_error_t why;
    json_error_t je;
    json_t * root, * a = json_object();

    root = certificate ? json_loads(certificate, JSON_REJECT_DUPLICATES, &je) : NULL;
    if (root == NULL)
    {
        json_object_set_new(a, "valid", json_false());
        if (certificate == NULL)
            json_object_set_new(a, "reason", json_string("expected JSON text, found NULL"));
        else
        {
            rc_error_set(why, "line %d: %s", je.line, je.text);
            json_object_set_new(a, "reason", json_string(why->msg));
        }
        return answer(a);
    }
    if (rc_cert_check(why, root) == 0)
        json_object_set_new(a, "valid", json_true());
    else
    {
        json_object_set_new(a, "valid", json_false());
        json_object_set_new(a, "reason", json_string(why->msg));
    }
    json_decref(root);
    return answer(a);
}

char *
rc_api_dataset_record(const char * request)
{
    rc_error_t err;
    rc_point_t pt;
    json_t * req = parse(request, "request", err), * a;
    const json_t * ds;
    slong k, index;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_point_init(pt);
    ds = json_object_get(req, "dataset");
    if (!json_is_string(ds))
    {
        rc_error_set(err, "dataset: expected a file name");
        goto bad;
    }
    if (rc_json_get_slong(&k, json_object_get(req, "k"), 1, 1000000, "k", err)
        || rc_json_get_slong(&index, json_object_get(req, "index"), 0, 1000000000, "index", err)
        || rc_point_read_dataset(pt, json_string_value(ds), k, index, err))
        goto bad;
    a = json_object();
    json_object_set_new(a, "k", json_integer(k));
    json_object_set_new(a, "index", json_integer(index));
    json_object_set_new(a, "W", rc_json_fmpq_mat(pt->W));
    json_object_set_new(a, "V", rc_json_fmpq_mat(pt->V));
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    rc_point_clear(pt);
    return s;
}

char *
rc_api_version(void)
{
    json_t * a = json_object();

    json_object_set_new(a, "relucert", json_string(rc_version_relucert()));
    json_object_set_new(a, "flint", json_string(rc_version_flint()));
    json_object_set_new(a, "arb", json_string(rc_version_arb()));
    json_object_set_new(a, "mpfr", json_string(rc_version_mpfr()));
    json_object_set_new(a, "gmp", json_string(rc_version_gmp()));
    return answer(a);
}

void
rc_api_free(char * answer)
{
    free(answer);
}
