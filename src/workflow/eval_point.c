/* The enclosures "relucert eval" prints, as a JSON object: library code that
   the command and the C API (src/api/api.c) both call, so both give the
   same bytes. */
#include <stdio.h>
#include "relucert/relucert.h"

/* Up to this many parameters n d the smallest Hessian eigenvalue is
   computed in ball arithmetic (a ball Cholesky, O((n d)^3): about 7 s for
   n = d = 20, over 500 s for n = d = 40, at 256 bits); up to
   EVAL_EIG64_MAX_DIM by the binary64 path (dense64.h: about 1 minute and
   1.6 GB at n d = 10^4); above, skipped unless the Hessian is asked for. */
#define EVAL_EIG_MAX_DIM 400
#define EVAL_EIG64_MAX_DIM 10000

/* 1 with lam the smallest Hessian eigenvalue at the exact point pt when it
   has a usable block symmetry (n = d = k, V = I_k, at most RC_SYM_MAX_BLOCKS
   blocks, W in Fix(G) exactly); 0 otherwise */
static int
reduced_eig_min(arb_t lam, const rc_point_t pt, slong prec)
{
    rc_sym_t s;
    fmpq * th;
    arb_ptr t;
    slong m, j, bi, br;
    int ok;

    if (!(pt->n == pt->k && pt->d == pt->k && fmpq_mat_is_one(pt->V)))
        return 0;
    rc_sym_init(s);
    m = rc_sym_detect(s, pt->W, NULL);
    if (m > RC_SYM_MAX_BLOCKS || (m == pt->k && pt->k > 1))
    {
        rc_sym_clear(s);
        return 0;
    }
    th = _fmpq_vec_init(s->q);
    t = _arb_vec_init(s->q);
    ok = rc_sym_theta_from_mat(th, &bi, &br, s, pt->W);
    for (j = 0; ok && j < s->q; j++)
        arb_set_fmpq(t + j, th + j, prec);
    ok = ok && rc_sym_hessian_eig_min(lam, NULL, s, t, prec);
    _fmpq_vec_clear(th, s->q);
    _arb_vec_clear(t, s->q);
    rc_sym_clear(s);
    return ok;
}

int
rc_eval_point_json(json_t ** out, const rc_point_t pt, const fmpq_t radius, int want_hessian,
                   slong prec, rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    arb_mat_t W, V, G, H;
    arb_t loss, gnorm, lam;
    json_t * root;
    slong zero, N;
    int res = 0;

    *out = NULL;
    arb_mat_init(W, pt->n, pt->d);
    arb_mat_init(V, pt->k, pt->d);
    arb_mat_init(G, pt->n, pt->d);
    arb_init(loss); arb_init(gnorm); arb_init(lam);
    rc_point_get_arb(W, V, pt, radius, prec);

    root = json_object();
    json_object_set_new(root, "n", json_integer(pt->n));
    json_object_set_new(root, "d", json_integer(pt->d));
    json_object_set_new(root, "k", json_integer(pt->k));
    json_object_set_new(root, "prec", json_integer(prec));
    if (radius != NULL)
    {
        char * s = fmpq_get_str(NULL, 10, radius);
        json_object_set_new(root, "box_radius", json_string(s));
        flint_free(s);
    }

    /* F, and grad F with it in one pass over the pairs where it exists */
    zero = rc_student_zero_row(W, prec);
    if (zero >= 0)
        rc_loss(loss, W, V, prec);
    else
        rc_loss_gradient(loss, G, W, V, prec);
    json_object_set_new(root, "loss", rc_report_enclosure_nonneg(loss, prec));

    if (zero >= 0)
    {
        char reason[256], where[1100];
        rc_point_where_student(where, sizeof where, pt, zero);
        if (pt->w_line[zero] > 0)
            snprintf(reason, sizeof reason, "student neuron %ld (line %ld) %s: F is "
                     "not differentiable there", zero, pt->w_line[zero],
                     (radius != NULL) ? "may be zero in the box" : "is zero");
        else
            snprintf(reason, sizeof reason, "student neuron %ld (row %ld) %s: F is "
                     "not differentiable there", zero, zero,
                     (radius != NULL) ? "may be zero in the box" : "is zero");
        if (want_hessian)
        {
            rc_error_set(err, "%s: expected a nonzero student neuron for --hessian, "
                         "found neuron %ld %s (F has no Hessian there)", where, (long) zero,
                         (radius != NULL) ? "whose box contains 0" : "= 0");
            json_decref(root);
            res = 1;
            goto clear;
        }
        json_object_set_new(root, "differentiable", json_false());
        json_object_set_new(root, "reason", json_string(reason));
        *out = root;
        goto clear;
    }

    rc_mat_frobenius_norm(gnorm, G, prec);
    json_object_set_new(root, "gradient_norm", rc_report_enclosure(gnorm, prec));
    json_object_set_new(root, "gradient", rc_report_enclosure_mat(G, prec));

    N = pt->n * pt->d;
    if (!want_hessian && radius == NULL && N > EVAL_EIG_MAX_DIM && reduced_eig_min(lam, pt, prec))
    {
        /* the point itself, in Fix(G): its spectrum type by type (L13) */
        json_object_set_new(root, "hessian_min_eig", rc_report_enclosure(lam, prec));
        json_object_set_new(root, "hessian_min_eig_method", json_string("reduced"));
    }
    else if (!want_hessian && N > EVAL_EIG_MAX_DIM && N <= EVAL_EIG64_MAX_DIM)
    {
        if (N > 2500)
        {
            char note[200];
            snprintf(note, sizeof note, "enclosing the smallest eigenvalue of the %ld x %ld "
                     "Hessian in binary64 (Rump's test; about a minute at 10^4)...", (long) N,
                     (long) N);
            rc_progress_report(progress, progress_ctx, RC_PROGRESS_NOTE, "eval", 0, 0, note, 0);
        }
        if (rc_d_hessian_eig_min(lam, W, V, prec))
            json_object_set_new(root, "hessian_min_eig", rc_report_enclosure(lam, prec));
        else
        {
            const char * bad = rc_blas_selftest_problem(N);
            char msg[320];
            snprintf(msg, sizeof msg, "binary64 path: %s; pass --hessian for ball arithmetic",
                     bad != NULL ? bad : "no lower bound proved");
            json_object_set_new(root, "hessian_min_eig_skipped", json_string(msg));
        }
        json_object_set_new(root, "hessian_min_eig_method", json_string("binary64"));
    }
    else if (want_hessian || N <= EVAL_EIG_MAX_DIM)
    {
        arb_mat_init(H, N, N);
        rc_hessian(H, W, V, prec);
        rc_mat_eig_min(lam, NULL, H, prec);
        json_object_set_new(root, "hessian_min_eig", rc_report_enclosure(lam, prec));
        if (want_hessian)
            json_object_set_new(root, "hessian", rc_report_enclosure_mat(H, prec));
        arb_mat_clear(H);
    }
    else
        json_object_set_new(root, "hessian_min_eig_skipped",
                            json_string("n*d > 10^4: pass --hessian to compute it (O((n d)^3) ball operations)"));
    json_object_set_new(root, "differentiable", json_true());
    *out = root;

clear:
    arb_mat_clear(W);
    arb_mat_clear(V);
    arb_mat_clear(G);
    arb_clear(loss); arb_clear(gnorm); arb_clear(lam);
    return res;
}
