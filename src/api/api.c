/* The C API for other languages (include/relucert/api.h): JSON text in,
   JSON text out, through the same code as the relucert command, so that a
   certificate made through the API is byte for byte the command's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/api.h"
#include "relucert/relucert.h"
#include "relucert/workflow.h"

/* the progress callback of rc_api_set_progress (process-wide, like the
   resource limits: the API is not thread-safe) */
static rc_api_progress_fn api_progress = NULL;
static void * api_progress_ctx = NULL;

void
rc_api_set_progress(rc_api_progress_fn fn, void * ctx)
{
    api_progress = fn;
    api_progress_ctx = ctx;
}

/* rc_progress_fn -> rc_api_progress_fn (plain C types) */
static void
api_progress_relay(const rc_progress_t * p, void * ctx)
{
    (void) ctx;
    if (api_progress != NULL)
        api_progress((int) p->kind, p->phase, (long) p->done, (long) p->total, p->text,
                     p->seconds, api_progress_ctx);
}

#define PROGRESS (api_progress != NULL ? api_progress_relay : NULL)

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

/* the bytes of base64 text s (RFC 4648, padding optional) into a new
   buffer *out of *len bytes; 1 on a character outside the alphabet */
static int
base64_decode(unsigned char ** out, size_t * len, const char * s)
{
    size_t n = strlen(s), i, o = 0;
    unsigned long acc = 0;
    int bits = 0;
    unsigned char * b = malloc(n / 4 * 3 + 3);

    if (b == NULL)
        return 1;
    for (i = 0; i < n && s[i] != '='; i++)
    {
        int c = (unsigned char) s[i], v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+') v = 62;
        else if (c == '/') v = 63;
        else
        {
            free(b);
            return 1;
        }
        acc = (acc << 6) | (unsigned long) v;
        bits += 6;
        if (bits >= 8)
        {
            bits -= 8;
            b[o++] = (unsigned char) ((acc >> bits) & 0xff);
        }
    }
    *out = b;
    *len = o;
    return 0;
}

/* A from m: a matrix of exact numbers, or {"npy": base64 of the bytes of a
   .npy file} read as the command reads a file of that name (name in
   messages, so that the errors are the command's); A is resized. */
static int
get_matrix(fmpq_mat_t A, const json_t * m, const char * name, rc_error_t err)
{
    const json_t * npy = json_is_object(m) ? json_object_get(m, "npy") : NULL, * r0;
    unsigned char * buf;
    size_t len;
    slong r, c;
    int res;

    if (json_is_string(npy))
    {
        if (base64_decode(&buf, &len, json_string_value(npy)))
            return rc_error_set(err, "%s: expected the base64 bytes of a .npy file", name);
        res = rc_npy_read_buffer(A, buf, len, name, err);
        free(buf);
        return res;
    }
    if (!json_is_array(m) || json_array_size(m) < 1 || !json_is_array(r0 = json_array_get(m, 0))
        || json_array_size(r0) < 1)
        return rc_error_set(err, "%s: expected a matrix (an array of rows of exact numbers)", name);
    r = json_array_size(m);
    c = json_array_size(r0);
    if (r > RC_POINT_MAX_ENTRIES / c)
        return rc_error_set(err, "%s: expected at most %ld entries", name,
                            (long) RC_POINT_MAX_ENTRIES);
    fmpq_mat_clear(A);
    fmpq_mat_init(A, r, c);
    return rc_json_get_fmpq_mat(A, m, r, c, name, err);
}

/* a string member key of req, or dflt */
static const char *
get_name(const json_t * req, const char * key, const char * dflt)
{
    const json_t * v = json_object_get(req, key);
    return json_is_string(v) ? json_string_value(v) : dflt;
}

/* the point of a request: W (n x d) and V (a k x d matrix or "identity"),
   each a matrix of exact numbers or {"npy": ...} (get_matrix), named in
   messages by "W_name" and "V_name" (default "W", "V") */
static int
get_point(rc_point_t pt, const json_t * req, rc_error_t err)
{
    const json_t * v = json_object_get(req, "V");
    const char * wname = get_name(req, "W_name", "W"), * vname = get_name(req, "V_name", "V");
    fmpq_mat_t W, V;
    slong d;
    int res = 1;

    fmpq_mat_init(W, 0, 0);
    fmpq_mat_init(V, 0, 0);
    if (get_matrix(W, json_object_get(req, "W"), wname, err))
        goto out;
    d = fmpq_mat_ncols(W);
    if (v == NULL || json_is_null(v) || (json_is_string(v)
                                         && strcmp(json_string_value(v), "identity") == 0))
    {
        fmpq_mat_clear(V);
        fmpq_mat_init(V, d, d);
        fmpq_mat_one(V);
    }
    else if (json_is_string(v))
    {
        rc_error_set(err, "%s: expected a matrix or \"identity\"", vname);
        goto out;
    }
    else if (get_matrix(V, v, vname, err))
        goto out;
    res = rc_point_set_mats(pt, W, V, vname, wname, err);
out:
    fmpq_mat_clear(W);
    fmpq_mat_clear(V);
    return res;
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
    if (rc_eval_point_json(&res, pt, have_radius ? radius : NULL, hessian, prec, PROGRESS,
                           NULL, err))
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
    if ((v = json_object_get(req, "symmetrize")) != NULL && !json_is_null(v))
    {
        if (rc_json_get_fmpq(o->tol, v, "symmetrize", err))
            goto bad;
        if (fmpq_sgn(o->tol) < 0)
        {
            rc_error_set(err, "symmetrize: expected a tolerance >= 0");
            goto bad;
        }
        o->have_tol = 1;
    }
    o->progress = PROGRESS;
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
rc_api_check_file(const char * path)
{
    rc_error_t why;
    json_t * a;
    int st;

    if (path == NULL)
        return fail("check: expected a file name, found NULL");
    st = rc_check_file(why, path);
    if (st == RC_CHECK_UNREADABLE)
    {
        rc_error_t err;
        rc_error_set(err, "%s: %s", path, why->msg);
        return fail(err->msg);
    }
    a = json_object();
    json_object_set_new(a, "valid", json_boolean(st == RC_CHECK_OK));
    if (st != RC_CHECK_OK)
        json_object_set_new(a, "reason", json_string(why->msg));
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
    if (json_is_string(json_object_get(req, "record")))
    {
        /* the record's own line: no scan of the file */
        slong line = 0;
        if (get_slong(&line, req, "line", 0, 0, WORD_MAX, err)
            || rc_point_set_dataset_record(pt, json_string_value(json_object_get(req, "record")),
                                           json_is_string(ds) ? json_string_value(ds) : "record",
                                           line, err))
            goto bad;
    }
    else if (!json_is_string(ds))
    {
        rc_error_set(err, "dataset: expected a file name");
        goto bad;
    }
    else if (rc_json_get_slong(&k, json_object_get(req, "k"), 1, 1000000, "k", err)
        || rc_json_get_slong(&index, json_object_get(req, "index"), 0, 1000000000, "index", err)
        || rc_point_read_dataset(pt, json_string_value(ds), k, index, err))
        goto bad;
    a = json_object();
    if (!json_is_string(json_object_get(req, "record")))
    {
        json_object_set_new(a, "k", json_integer(k));
        json_object_set_new(a, "index", json_integer(index));
    }
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

/* a string member key of req: *x, or unchanged if absent; 1 (err) if not a
   string */
static int
get_string(const char ** x, const json_t * req, const char * key, const char * what,
           rc_error_t err)
{
    const json_t * v = json_object_get(req, key);

    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return rc_error_set(err, "%s: expected %s", key, what);
    *x = json_string_value(v);
    return 0;
}

/* an exact number member key of req into x (*have = 1), or absent */
static int
get_fmpq(fmpq_t x, int * have, const json_t * req, const char * key, rc_error_t err)
{
    const json_t * v = json_object_get(req, key);

    if (v == NULL || json_is_null(v))
        return 0;
    if (rc_json_get_fmpq(x, v, key, err))
        return 1;
    if (have != NULL)
        *have = 1;
    return 0;
}

char *
rc_api_certify_dataset(const char * request)
{
    rc_error_t err;
    json_t * req = parse(request, "request", err), * a, * rows;
    rc_batch_params_t par;
    rc_batch_t B;
    slong jobs, i;
    int st;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_batch_params_init(par);
    rc_batch_init(B);
    if (get_string(&par->dataset, req, "dataset", "a file name", err)
        || get_string(&par->out_dir, req, "out_dir", "a directory", err)
        || get_slong(&par->m->prec, req, "prec", 256, 16, rc_limit_prec(), err)
        || get_slong(&par->k, req, "k", -1, -1, 1000000, err)
        || get_slong(&par->k_max, req, "k_max", -1, -1, 1000000, err)
        || get_slong(&par->index, req, "index", -1, -1, 1000000000, err)
        || get_slong(&jobs, req, "jobs", 1, 1, 4096, err)
        || get_fmpq(par->m->alpha, NULL, req, "alpha", err)
        || get_fmpq(par->m->tol, &par->m->have_tol, req, "symmetrize", err)
        || get_fmpq(par->max_move, &par->have_max_move, req, "max_move", err))
        goto bad;
    if (par->dataset == NULL)
    {
        rc_error_set(err, "dataset: expected a file name");
        goto bad;
    }
    {
        static const char * paths[] = {"auto", "reduced", "dense"};
        static const int pathv[] = {RC_MIN_PATH_AUTO, RC_MIN_PATH_REDUCED, RC_MIN_PATH_DENSE};
        if (get_choice(&par->m->path, req, "path", paths, pathv, err))
            goto bad;
    }
    par->jobs = (int) jobs;
    st = rc_batch_run(B, par, PROGRESS, NULL, err);
    if (st == 2)
        goto bad;
    rows = json_array();
    for (i = 0; i < B->nrows; i++)
    {
        const rc_batch_row_struct * r = B->rows + i;
        json_t * o = json_object();
        char name[64];
        json_object_set_new(o, "k", json_integer(r->k));
        json_object_set_new(o, "index", json_integer(r->index));
        json_object_set_new(o, "kind", json_string(r->kind));
        json_object_set_new(o, "status", json_string(rc_batch_status_name(r->status)));
        json_object_set_new(o, "certified", json_boolean(rc_batch_status_ok(r->status)));
        json_object_set_new(o, "seconds", json_real(r->seconds));
        snprintf(name, sizeof name, "minimum-k%03ld-%04ld.json", (long) r->k, (long) r->index);
        json_object_set_new(o, "certificate", json_string(name));
        if (r->message != NULL)
            json_object_set_new(o, "message", json_string(r->message));
        json_array_append_new(rows, o);
    }
    a = json_object();
    json_object_set_new(a, "rows", rows);
    json_object_set_new(a, "certified", json_integer(B->nok));
    json_object_set_new(a, "failed", json_integer(B->nfail));
    json_object_set_new(a, "kept", json_integer(B->nkept));
    json_object_set_new(a, "jobs", json_integer(B->jobs));
    json_object_set_new(a, "seconds", json_real(B->seconds));
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    rc_batch_clear(B);
    rc_batch_params_clear(par);
    return s;
}

char *
rc_api_paper(const char * request)
{
    rc_error_t err;
    json_t * req = parse(request, "request", err), * a, * paths;
    rc_paper_params_t par;
    rc_paper_t P;
    slong jobs, i;
    int st;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_paper_params_init(par);
    rc_paper_init(P);
    if (get_string(&par->dir, req, "dir", "a directory", err)
        || get_string(&par->dataset, req, "dataset", "a file name", err)
        || get_slong(&jobs, req, "jobs", 1, 1, 4096, err))
        goto bad;
    par->jobs = (int) jobs;
    par->full = json_is_true(json_object_get(req, "full"));
    st = rc_paper_run(P, par, PROGRESS, NULL, err);
    if (st == 2)
        goto bad;
    paths = json_array();
    for (i = 0; i < P->written; i++)
        json_array_append_new(paths, json_string(P->paths[i]));
    a = json_object();
    json_object_set_new(a, "success", json_boolean(st == 0));
    json_object_set_new(a, "failures", json_integer(P->failures));
    json_object_set_new(a, "certificates", paths);
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    rc_paper_clear(P);
    rc_paper_params_clear(par);
    return s;
}

char *
rc_api_latex(const char * request)
{
    rc_error_t err;
    json_t * req = parse(request, "request", err), * a;
    const json_t * certs;
    rc_latex_params_t par;
    const char * out = NULL, ** paths = NULL;
    slong n = 0, i;
    FILE * f = NULL;
    int st;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_latex_params_init(par);
    certs = json_object_get(req, "certificates");
    if (certs != NULL && !json_is_array(certs))
    {
        rc_error_set(err, "certificates: expected an array of file names");
        goto bad;
    }
    n = certs != NULL ? (slong) json_array_size(certs) : 0;
    if ((paths = calloc(n + 1, sizeof(char *))) == NULL)
    {
        json_decref(req);
        return NULL;
    }
    for (i = 0; i < n; i++)
        if (!json_is_string(json_array_get(certs, i)))
        {
            rc_error_set(err, "certificates[%ld]: expected a file name", (long) i);
            goto bad;
        }
        else
            paths[i] = json_string_value(json_array_get(certs, i));
    if (get_string(&out, req, "out", "a file name", err)
        || get_string(&par->title, req, "title", "a string", err)
        || get_string(&par->atlas, req, "atlas", "a file name", err)
        || get_slong(&par->digits, req, "digits", 6, 2, 30, err))
        goto bad;
    par->standalone = json_is_true(json_object_get(req, "standalone"));
    if (out == NULL)
    {
        rc_error_set(err, "out: expected a file name");
        goto bad;
    }
    if ((f = fopen(out, "w")) == NULL)
    {
        rc_error_set(err, "%s: cannot write", out);
        goto bad;
    }
    st = rc_latex_write(f, paths, n, par, PROGRESS, NULL, err);
    if (fclose(f) != 0 && st != 2)
    {
        rc_error_set(err, "%s: cannot write", out);
        st = 2;
    }
    if (st == 2)
        goto bad;
    a = json_object();
    json_object_set_new(a, "complete", json_boolean(st == 0));
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    free(paths);
    json_decref(req);
    return s;
}

char *
rc_api_atlas(const char * request)
{
    rc_error_t err;
    json_t * req = parse(request, "request", err), * a, * byidx;
    rc_atlas_params_t par;
    rc_atlas_summary_t S;
    slong jobs, i;
    int st;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_atlas_params_init(par);
    rc_atlas_summary_init(S);
    if (get_string(&par->dataset, req, "dataset", "a file name", err)
        || get_string(&par->out_dir, req, "out_dir", "a directory", err)
        || get_slong(&par->k_min, req, "k_min", 6, 2, 100000, err)
        || get_slong(&par->k_max, req, "k_max", 200, 0, 100000, err)
        || get_slong(&par->k_max_three, req, "k_max_three", 100, 0, 100000, err)
        || get_slong(&par->a_lo, req, "a_lo", 1, 1, WORD_MAX, err)
        || get_slong(&par->a_hi, req, "a_hi", WORD_MAX, 1, WORD_MAX, err)
        || get_slong(&par->prec, req, "prec", 128, 16, rc_limit_prec(), err)
        || get_slong(&jobs, req, "jobs", 1, 1, 4096, err)
        || get_fmpq(par->alpha, NULL, req, "alpha", err))
        goto bad;
    if (par->dataset == NULL)
    {
        rc_error_set(err, "dataset: expected a file name");
        goto bad;
    }
    par->jobs = (int) jobs;
    st = rc_atlas_run(S, par, PROGRESS, NULL, err);
    if (st == 2)
        goto bad;
    a = json_object();
    json_object_set_new(a, "complete", json_boolean(st == 0));
    json_object_set_new(a, "families", json_integer(S->families));
    json_object_set_new(a, "points", json_integer(S->points));
    json_object_set_new(a, "minima", json_integer(S->minima));
    json_object_set_new(a, "minima_new", json_integer(S->minima_new));
    json_object_set_new(a, "saddles", json_integer(S->saddles));
    byidx = json_array();
    for (i = 0; i < 8; i++)
        json_array_append_new(byidx, json_integer(S->saddles_by_index[i]));
    json_object_set_new(a, "saddles_by_index", byidx);
    json_object_set_new(a, "critical", json_integer(S->critical));
    json_object_set_new(a, "undecided", json_integer(S->undecided));
    json_object_set_new(a, "published_minima", json_integer(S->published_minima));
    json_object_set_new(a, "found", json_integer(S->found));
    json_object_set_new(a, "missing_families", json_integer(S->missing_families));
    json_object_set_new(a, "no_start", json_integer(S->no_start));
    json_object_set_new(a, "seconds", json_real(S->seconds));
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    rc_atlas_summary_clear(S);
    rc_atlas_params_clear(par);
    return s;
}

/* text written by fn(f, ctx) to a memory stream, as a new JSON string;
   "" if the stream cannot be opened */
static json_t *
text_of(void (*fn)(FILE * f, const void * ctx), const void * ctx)
{
    char * buf = NULL;
    size_t len = 0;
    FILE * f = open_memstream(&buf, &len);
    json_t * t;

    if (f == NULL)
        return json_string("");
    fn(f, ctx);
    fclose(f);
    t = json_stringn(buf, len);
    free(buf);
    return t != NULL ? t : json_string("");
}

struct summary_ctx
{
    const json_t * cert;
    slong boxes;
    int nonconvex;
};

static void
summary_fn(FILE * f, const void * vctx)
{
    const struct summary_ctx * c = vctx;
    const char * kind = json_string_value(json_object_get(c->cert, "kind"));

    if (c->nonconvex)
        rc_nonconvex_summary_write(f, c->cert, c->boxes);
    else if (kind != NULL && strcmp(kind, "minimum") == 0)
        rc_mincert_summary_write(f, c->cert);
    else
        rc_landscape_summary_write(f, c->cert, c->boxes);
}

static json_t *
summary_text(const json_t * cert, slong boxes, int nonconvex)
{
    struct summary_ctx c;
    c.cert = cert;
    c.boxes = boxes;
    c.nonconvex = nonconvex;
    return text_of(summary_fn, &c);
}

char *
rc_api_summary(const char * certificate)
{
    rc_error_t err;
    json_t * cert = parse(certificate, "certificate", err), * a;
    const char * kind;

    if (cert == NULL)
        return fail(err->msg);
    kind = json_string_value(json_object_get(cert, "kind"));
    if (kind == NULL || (strcmp(kind, "minimum") != 0 && strcmp(kind, "convexity") != 0
                         && strcmp(kind, "nonconvex") != 0 && strcmp(kind, "opsc-fails") != 0
                         && strcmp(kind, "pl-fails") != 0 && strcmp(kind, "opsc") != 0))
    {
        json_decref(cert);
        return fail("kind: expected a certificate of kind minimum, convexity, nonconvex, "
                    "opsc-fails, pl-fails or opsc");
    }
    a = json_object();
    json_object_set_new(a, "summary", summary_text(cert, 0, 0));
    json_decref(cert);
    return answer(a);
}

/* a list member key of req (an array of exact numbers, or one number) into
   *v, *len, read as the command reads the option opt; absent: unchanged */
static int
get_list(fmpq ** v, slong * len, const json_t * req, const char * key, const char * opt,
         rc_error_t err)
{
    const json_t * x = json_object_get(req, key), * e;
    char * text;
    size_t i, n = 0;
    int res;

    if (x == NULL || json_is_null(x))
        return 0;
    if (json_is_string(x))
        return rc_landscape_params_set_list(v, len, opt, json_string_value(x), err);
    if (!json_is_array(x) || json_array_size(x) == 0)
        return rc_error_set(err, "%s: expected a comma-separated list of numbers", opt);
    json_array_foreach(x, i, e)
    {
        if (!json_is_string(e))
            return rc_error_set(err, "%s: expected exact numbers as strings", opt);
        n += strlen(json_string_value(e)) + 1;
    }
    text = calloc(n + 1, 1);
    if (text == NULL)
        return rc_error_set(err, "out of memory");
    json_array_foreach(x, i, e)
    {
        if (i > 0)
            strcat(text, ",");
        strcat(text, json_string_value(e));
    }
    res = rc_landscape_params_set_list(v, len, opt, text, err);
    free(text);
    return res;
}

char *
rc_api_certify_landscape(const char * request)
{
    static const char * norms[3] = {"euclid", "neuron", "box"};
    static const int normv[3] = {RC_CONV_EUCLID, RC_CONV_NEURON, RC_CONV_BOX};
    static const char * ariths[3] = {"binary64", "arb", "binary64"};
    static const int arithv[3] = {1, 0, 1};
    rc_error_t err;
    json_t * req = parse(request, "request", err), * cert = NULL, * a;
    rc_landscape_params_t lp;
    rc_opsc_params_t op;
    const char * kind = NULL, * out = NULL, * sigma2 = "1e-5", * radius = "1", * lam = "1/100";
    const json_t * V;
    slong seed, jobs, si = 0;
    int st = 2, norm = RC_CONV_EUCLID, adv = 0;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_landscape_params_init(lp);
    rc_opsc_params_init(op);
    if (get_string(&kind, req, "kind", "a kind", err) || get_string(&out, req, "out", "a file name", err))
        goto bad;
    if (kind == NULL || (strcmp(kind, "convexity") != 0 && strcmp(kind, "nonconvex") != 0
                         && strcmp(kind, "opsc-fails") != 0 && strcmp(kind, "pl-fails") != 0
                         && strcmp(kind, "opsc") != 0))
    {
        rc_error_set(err, "kind: expected convexity, nonconvex, opsc-fails, pl-fails or opsc");
        goto bad;
    }
    if (get_slong(&lp->k, req, "k", -1, 1, 1000, err)
        || get_slong(&lp->n, req, "n", -1, 1, 2000, err)
        || get_slong(&lp->d, req, "d", -1, 1, 1000, err)
        || get_slong(&lp->boxes, req, "boxes", 256, 1, 1L << 24, err)
        || get_slong(&lp->prec, req, "prec", 128, 16, rc_limit_prec(), err)
        || get_slong(&jobs, req, "jobs", 1, 1, 256, err)
        || get_choice(&norm, req, "norm", norms, normv, err)
        || get_fmpq(lp->mu, NULL, req, "mu", err)
        || get_list(&lp->alpha, &lp->nalpha, req, "alpha", "--alpha", err)
        || get_list(&lp->eps, &lp->neps, req, "eps", "--eps", err))
        goto bad;
    lp->norm = (rc_conv_norm_t) norm;
    if (strcmp(kind, "opsc") == 0)
    {
        const json_t * av = json_object_get(req, "adversarial");
        if (get_slong(&op->m, req, "m", -1, 1, 100, err)
            || get_slong(&op->samples, req, "samples", -1, 1, 10000000, err)
            || get_slong(&seed, req, "seed", -1, 0, WORD_MAX, err)
            || get_string(&sigma2, req, "sigma2", "an exact number", err)
            || get_string(&radius, req, "radius", "an exact number", err)
            || get_string(&lam, req, "lambda", "an exact number", err)
            || get_choice(&op->fast, req, "arith", ariths, arithv, err))
            goto bad;
        adv = json_is_true(av);
        op->k = lp->k;
        op->seed = (uint64_t) seed;
        op->adversarial = adv;
        op->prec = lp->prec;
        if (seed < 0)
        {
            rc_error_set(err, "certify opsc: expected --k K, --m M, --samples S and --seed SEED");
            goto bad;
        }
        if (rc_opsc_params_check(op, err) || rc_opsc_params_set_numbers(op, sigma2, radius, lam, err))
            goto bad;
        st = rc_opsc_run(&cert, op, si, 1, (int) jobs, PROGRESS, NULL, err);
    }
    else
    {
        if (get_list(&lp->lambda, &lp->nlambda, req, "lambda", "--lambda", err))
            goto bad;
        V = json_object_get(req, "V");
        if (strcmp(kind, "convexity") == 0 && V != NULL && !json_is_null(V))
        {
            if (get_matrix(lp->V, V, get_name(req, "V_name", "V"), err))
                goto bad;
            if (lp->k >= 0 && lp->k != fmpq_mat_nrows(lp->V))
            {
                rc_error_set(err, "%s: expected a teacher of k = %ld neurons (--k), found %ld",
                             get_name(req, "V_name", "V"), (long) lp->k,
                             (long) fmpq_mat_nrows(lp->V));
                goto bad;
            }
        }
        if (strcmp(kind, "convexity") == 0)
            st = rc_convexity_run(&cert, lp, PROGRESS, NULL, err);
        else if (strcmp(kind, "nonconvex") == 0)
            st = rc_nonconvex_run(&cert, lp, PROGRESS, NULL, err);
        else
            st = rc_fails_run(&cert, strcmp(kind, "pl-fails") == 0, lp, PROGRESS, NULL, err);
    }
    if (st == 2)
        goto bad;
    if (out != NULL && rc_cert_write_file(out, cert))
    {
        rc_error_set(err, "%s: cannot write the certificate", out);
        goto bad;
    }
    a = json_object();
    json_object_set_new(a, "success", json_boolean(st == 0));
    json_object_set_new(a, "summary", summary_text(cert, lp->boxes, strcmp(kind, "nonconvex") == 0));
    json_object_set(a, "certificate", cert);
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(cert);
    json_decref(req);
    rc_landscape_params_clear(lp);
    rc_opsc_params_clear(op);
    return s;
}

static void
search_summary_fn(FILE * f, const void * ctx)
{
    rc_search_summary_write(f, (const rc_search_struct *) ctx);
}

char *
rc_api_search(const char * request)
{
    static const char * methods[3] = {"auto", "gd", "lbfgs"};
    static const int methodv[3] = {RC_SEARCH_AUTO, RC_SEARCH_GD, RC_SEARCH_LBFGS};
    rc_error_t err;
    json_t * req = parse(request, "request", err), * a, * recs;
    rc_search_params_t o;
    rc_search_t S;
    fmpq_mat_t V;
    const json_t * v;
    slong k, n, seed, i;
    int method = RC_SEARCH_AUTO;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_search_params_init(o);
    rc_search_init(S);
    fmpq_mat_init(V, 0, 0);
    v = json_object_get(req, "V");
    if (get_slong(&k, req, "k", -1, 1, 1000, err)
        || get_slong(&n, req, "n", 0, 1, 1000, err)
        || get_slong(&o->runs, req, "runs", -1, 1, 100000000, err)
        || get_slong(&seed, req, "seed", -1, 0, WORD_MAX, err)
        || get_slong(&o->jobs, req, "jobs", 1, 1, 256, err)
        || get_slong(&o->max_iter, req, "max_iter", 0, 1, WORD_MAX, err)
        || get_choice(&method, req, "method", methods, methodv, err))
        goto bad;
    if ((k < 0 && (v == NULL || json_is_null(v))) || o->runs < 0 || seed < 0)
    {
        rc_error_set(err, "search: expected --k K (or --teacher FILE), --runs R and --seed S");
        goto bad;
    }
    if (v != NULL && !json_is_null(v))
    {
        if (get_matrix(V, v, get_name(req, "V_name", "V"), err))
            goto bad;
        if (k >= 0 && k != fmpq_mat_nrows(V))
        {
            rc_error_set(err, "%s: expected a teacher of k = %ld neurons (--k), found %ld",
                         get_name(req, "V_name", "V"), (long) k, (long) fmpq_mat_nrows(V));
            goto bad;
        }
    }
    else
    {
        fmpq_mat_clear(V);
        fmpq_mat_init(V, k, k);
        fmpq_mat_one(V);
    }
    o->n = n;
    o->seed = (uint64_t) seed;
    o->method = (rc_search_method_t) method;
    if (rc_search_run(S, V, o, PROGRESS, NULL, err))
        goto bad;
    a = json_object();
    json_object_set_new(a, "k", json_integer(S->k));
    json_object_set_new(a, "n", json_integer(S->n));
    json_object_set_new(a, "runs", json_integer(S->runs));
    json_object_set_new(a, "global_runs", json_integer(S->global_runs));
    json_object_set_new(a, "global_points", json_integer(S->global_points));
    json_object_set_new(a, "spurious_runs", json_integer(S->spurious_runs));
    json_object_set_new(a, "spurious_points", json_integer(S->spurious_points));
    json_object_set_new(a, "saddle_runs", json_integer(S->saddle_runs));
    json_object_set_new(a, "zero_loss_runs", json_integer(S->zero_loss_runs));
    json_object_set_new(a, "unconverged_runs", json_integer(S->unconverged_runs));
    json_object_set_new(a, "lost", json_integer(S->lost));
    recs = json_array();
    for (i = 0; i < S->nrecords; i++)
        json_array_append(recs, S->records[i]);
    json_object_set_new(a, "records", recs);
    json_object_set_new(a, "summary", text_of(search_summary_fn, S));
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    fmpq_mat_clear(V);
    rc_search_clear(S);
    return s;
}

char *
rc_api_overparam(const char * request)
{
    rc_error_t err;
    json_t * req = parse(request, "request", err), * a, * rows;
    rc_overparam_params_t par;
    rc_overparam_t T;
    const json_t * sv, * e;
    slong seed, i;
    size_t j;
    int st;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_overparam_params_init(par);
    rc_overparam_init(T);
    if (get_slong(&par->k_min, req, "k_min", par->k_min, 1, 1000, err)
        || get_slong(&par->k_max, req, "k_max", par->k_max, 1, 1000, err)
        || get_slong(&par->runs, req, "runs", par->runs, 1, 100000000, err)
        || get_slong(&seed, req, "seed", (slong) par->seed, 0, WORD_MAX, err)
        || get_slong(&par->jobs, req, "jobs", par->jobs, 1, 256, err)
        || get_slong(&par->prec, req, "prec", par->prec, 16, rc_limit_prec(), err)
        || get_string(&par->out_dir, req, "out_dir", "a directory", err))
        goto bad;
    par->seed = (uint64_t) seed;
    sv = json_object_get(req, "s");
    if (sv != NULL && !json_is_null(sv))
    {
        if (json_is_integer(sv))
        {
            par->s[0] = json_integer_value(sv);
            par->ns = 1;
        }
        else if (json_is_array(sv) && json_array_size(sv) >= 1
                 && json_array_size(sv) <= RC_OVERPARAM_MAX_S)
        {
            par->ns = 0;
            json_array_foreach(sv, j, e)
            {
                if (!json_is_integer(e))
                    break;
                par->s[par->ns++] = json_integer_value(e);
            }
            if (par->ns != (slong) json_array_size(sv))
            {
                rc_error_set(err, "s: expected a list of at most %d integers",
                             RC_OVERPARAM_MAX_S);
                goto bad;
            }
        }
        else
        {
            rc_error_set(err, "s: expected a list of at most %d integers", RC_OVERPARAM_MAX_S);
            goto bad;
        }
    }
    st = rc_overparam_run(T, par, PROGRESS, NULL, err);
    if (st == 2)
        goto bad;
    a = json_object();
    json_object_set_new(a, "complete", json_boolean(st == 0));
    rows = json_array();
    for (i = 0; i < T->nrows; i++)
    {
        const rc_overparam_row_struct * r = T->rows + i;
        json_t * o = json_object();
        json_object_set_new(o, "k", json_integer(r->k));
        json_object_set_new(o, "s", json_integer(r->s));
        json_object_set_new(o, "runs", json_integer(r->runs));
        json_object_set_new(o, "zero_loss_runs", json_integer(r->zero_loss_runs));
        json_object_set_new(o, "spurious_runs", json_integer(r->spurious_runs));
        json_object_set_new(o, "spurious_points", json_integer(r->spurious_points));
        json_object_set_new(o, "saddle_runs", json_integer(r->saddle_runs));
        json_object_set_new(o, "unconverged_runs", json_integer(r->unconverged_runs));
        json_object_set_new(o, "certified", json_integer(r->certified));
        json_object_set_new(o, "not_certified", json_integer(r->not_certified));
        json_object_set_new(o, "seconds", json_real(r->seconds));
        json_array_append_new(rows, o);
    }
    json_object_set_new(a, "rows", rows);
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    rc_overparam_clear(T);
    return s;
}

char *
rc_api_census(const char * request)
{
    rc_error_t err;
    json_t * req = parse(request, "request", err), * a;
    rc_census_params_t par;
    rc_census_summary_t S;
    slong jobs, shard_i, shard_n;
    int st;
    char * s;

    if (req == NULL)
        return fail(err->msg);
    rc_census_params_init(par);
    rc_census_summary_init(S);
    jobs = par->jobs;
    shard_i = par->shard_i;
    shard_n = par->shard_n;
    if (get_slong(&par->k_min, req, "k_min", par->k_min, 2, 1000000, err)
        || get_slong(&par->k_max, req, "k_max", par->k_min, 2, 1000000, err)
        || get_slong(&par->prec, req, "prec", par->prec, 16, rc_limit_prec(), err)
        || get_slong(&par->max_depth, req, "max_depth", par->max_depth, 1, 10000, err)
        || get_slong(&par->a, req, "a", par->a, 0, 1000000, err)
        || get_slong(&par->max_nodes, req, "max_nodes", par->max_nodes, 0, WORD_MAX, err)
        || get_slong(&par->zero_depth, req, "zero_depth", par->zero_depth, 0, 10000, err)
        || get_slong(&jobs, req, "jobs", jobs, 1, 256, err)
        || get_slong(&shard_n, req, "shard_n", shard_n, 1, 1000000, err)
        || get_slong(&shard_i, req, "shard_i", shard_i, 0, shard_n - 1, err)
        || get_string(&par->pattern, req, "pattern", "a pattern name", err)
        || get_string(&par->out_dir, req, "out_dir", "a directory", err))
        goto bad;
    par->jobs = (int) jobs;
    par->shard_i = shard_i;
    par->shard_n = shard_n;
    if (json_object_get(req, "check") != NULL)
        par->check = json_is_true(json_object_get(req, "check"));
    if (json_object_get(req, "resume") != NULL)
        par->resume = json_is_true(json_object_get(req, "resume"));
    st = rc_census_run(S, par, PROGRESS, NULL, err);
    if (st == 2)
        goto bad;
    a = json_object();
    json_object_set_new(a, "complete", json_boolean(st == 0));
    json_object_set_new(a, "ks", json_integer(S->ks));
    json_object_set_new(a, "complete_ks", json_integer(S->complete));
    json_object_set_new(a, "checked", json_integer(S->checked));
    json_object_set_new(a, "resumed", json_integer(S->resumed));
    json_object_set_new(a, "boxes", json_integer(S->boxes));
    json_object_set_new(a, "points", json_integer(S->points));
    json_object_set_new(a, "minima", json_integer(S->minima));
    json_object_set_new(a, "saddles", json_integer(S->saddles));
    json_object_set_new(a, "critical", json_integer(S->critical));
    json_object_set_new(a, "unresolved", json_integer(S->unresolved));
    json_object_set_new(a, "unresolved_volume_max", json_real(S->unresolved_volume_max));
    json_object_set_new(a, "seconds", json_real(S->seconds));
    json_object_set(a, "rows", S->rows != NULL ? S->rows : json_array());
    s = answer(a);
    goto out;
bad:
    s = fail(err->msg);
out:
    json_decref(req);
    rc_census_summary_clear(S);
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
