/* Certifying a candidate minimum (relucert certify minimum, relucert paper,
   the C API): one point on the path it allows (symmetry-reduced or dense),
   saying which and why. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/limits.h"
#include "relucert/mincert.h"
#include "relucert/dense64.h"
#include "relucert/sym.h"
#include "relucert/symcert.h"
#include "relucert/workflow.h"
#include "relucert/candidate.h"

void
rc_certify_minimum_params_init(rc_certify_minimum_params_t o)
{
    memset(o, 0, sizeof(rc_certify_minimum_params_struct));
    o->prec = 256;
    fmpq_init(o->alpha);
    fmpq_set_si(o->alpha, 1, 2);
    o->path = RC_MIN_PATH_AUTO;
    o->have_tol = 0;
    fmpq_init(o->tol);
    o->arith = RC_MIN_ARITH_AUTO;
    o->progress = NULL;
    o->progress_ctx = NULL;
}

void
rc_certify_minimum_params_clear(rc_certify_minimum_params_t o)
{
    fmpq_clear(o->alpha);
    fmpq_clear(o->tol);
}

/* 1 if V is exactly I_k */
static int
teacher_is_identity(const rc_point_t pt)
{
    return pt->k == pt->d && fmpq_mat_is_one(pt->V);
}

typedef struct { double v; slong i; } entry_t;

/* by decreasing value, ties by increasing index (a total order: the same
   guess on every machine) */
static int
cmp_entry_desc(const void * x, const void * y)
{
    const entry_t * a = x, * b = y;
    if (a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* A neuron order for W (k x k) that may expose a block symmetry: perm[c]
   is the row placed at position c, so that neuron c is the one associated
   with coordinate c. try 0: the rows take, greedily, their largest entries
   (largest first); try 1: each row its most distinctive entry (farthest
   from the row's mean). Returns 1 with perm set to a permutation other than
   the identity, 0 if the try gives no permutation or the identity. Only a
   guess: the caller verifies the symmetry exactly. */
static int
guess_order(slong * perm, const fmpq_mat_t W, int try)
{
    slong k = fmpq_mat_nrows(W), i, c, n = 0, *rowof, *cand;
    double * w = flint_malloc(sizeof(double) * k * k);
    int ok = 1, moved = 0;

    rowof = flint_malloc(sizeof(slong) * k);
    cand = flint_malloc(sizeof(slong) * k * k);
    for (i = 0; i < k; i++)
        for (c = 0; c < k; c++)
            w[i * k + c] = fmpq_get_d(fmpq_mat_entry(W, i, c));
    for (c = 0; c < k; c++)
        rowof[c] = -1;
    if (try == 0)
    {
        /* entries by decreasing value; a row and a column are used once */
        slong * used = flint_calloc(k, sizeof(slong));
        entry_t * e = flint_malloc(sizeof(entry_t) * k * k);
        for (i = 0; i < k * k; i++)
            e[i].v = w[i], e[i].i = i;
        qsort(e, k * k, sizeof(entry_t), cmp_entry_desc);
        for (i = 0; i < k * k; i++)
            cand[i] = e[i].i;
        flint_free(e);
        for (i = 0; i < k * k && n < k; i++)
        {
            slong r = cand[i] / k, col = cand[i] % k;
            if (!used[r] && rowof[col] < 0)
            {
                used[r] = 1;
                rowof[col] = r;
                n++;
            }
        }
        flint_free(used);
    }
    else
    {
        for (i = 0; i < k && ok; i++)
        {
            double mean = 0, best = -1;
            slong bc = -1;
            for (c = 0; c < k; c++)
                mean += w[i * k + c] / k;
            for (c = 0; c < k; c++)
                if (fabs(w[i * k + c] - mean) > best)
                    best = fabs(w[i * k + c] - mean), bc = c;
            if (bc < 0 || rowof[bc] >= 0)
                ok = 0;
            else
                rowof[bc] = i, n++;
        }
    }
    ok = ok && n == k;
    for (c = 0; ok && c < k; c++)
    {
        perm[c] = rowof[c];
        moved |= perm[c] != c;
    }
    flint_free(w);
    flint_free(rowof);
    flint_free(cand);
    return ok && moved;
}

/* The reduced path with extra neurons (proofs/model.md M6.8): n = k + s,
   d = k, teacher I_k, and rc_sym_detect_extra finds blocks and s rows fixed
   by them, wherever those rows sit. Returns 1 (s, theta, perm and Wp set,
   *reordered when perm is not the identity) or 0 (why says why). */
static int
choose_extra(rc_sym_t s, fmpq ** theta, int * reordered, slong * perm, fmpq_mat_t Wp,
             char * why, size_t len, const rc_point_t pt, const rc_certify_minimum_params_t o)
{
    slong m, c, a, bi, br;

    if (o->have_tol)
        return snprintf(why, len, "--symmetrize needs n = k"), 0;
    if (pt->n - pt->k > RC_SYM_MAX_EXTRA)
        return snprintf(why, len, "the reduced path takes at most %d extra neurons",
                        RC_SYM_MAX_EXTRA), 0;
    m = rc_sym_detect_extra(s, perm, pt->W);
    if (m == -2)
        return snprintf(why, len, "more than %d ways to choose the %ld extra neurons among "
                        "%ld rows", RC_SYM_EXTRA_MAX_CHOICES, (long) (pt->n - pt->k),
                        (long) pt->n), 0;
    if (m < 0)
        return snprintf(why, len, "no blocks of exchangeable neurons with the %ld extra "
                        "neuron%s fixed by them", (long) (pt->n - pt->k),
                        pt->n - pt->k == 1 ? "" : "s"), 0;
    if (m == pt->k && pt->k > 1)
        return snprintf(why, len, "no symmetry: no two neurons are exchangeable"), 0;
    for (c = 0; c < pt->n; c++)
    {
        *reordered |= perm[c] != c;
        for (a = 0; a < pt->k; a++)
            fmpq_set(fmpq_mat_entry(Wp, c, a), fmpq_mat_entry(pt->W, perm[c], a));
    }
    *theta = _fmpq_vec_init(s->q);
    if (!rc_sym_theta_from_mat(*theta, &bi, &br, s, Wp))   /* not expected: detected exactly */
    {
        _fmpq_vec_clear(*theta, s->q);
        *theta = NULL;
        *reordered = 0;
        return snprintf(why, len, "W[%ld][%ld] breaks the symmetry", (long) perm[bi],
                        (long) br), 0;
    }
    return 1;
}

/* Decides the path. Returns 1 (reduced: s and theta set, *moved the
   distance the projection moved the point; when the symmetry shows only
   after reordering the neurons, *reordered = 1, perm the order and Wp the
   reordered student, else *reordered = 0) or 0 (dense: why says why). */
static int
choose_path(rc_sym_t s, fmpq ** theta, fmpq_t moved, int * reordered, slong * perm,
            fmpq_mat_t Wp, char * why, size_t len, const rc_point_t pt,
            const rc_certify_minimum_params_t o)
{
    slong m, bi, br;

    *theta = NULL;
    *reordered = 0;
    fmpq_zero(moved);
    if (o->path == RC_MIN_PATH_DENSE)
        return snprintf(why, len, "--path dense"), 0;
    if (pt->n < pt->k || pt->d != pt->k)
        return snprintf(why, len, "the reduced path needs d = k and n >= k"), 0;
    if (!teacher_is_identity(pt))
        return snprintf(why, len, "the teacher is not the identity"), 0;
    if (pt->n > pt->k)
        return choose_extra(s, theta, reordered, perm, Wp, why, len, pt, o);
    m = rc_sym_detect(s, pt->W, o->have_tol ? o->tol : NULL);
    if (m > 1)
    {
        /* symmetry up to the order of the neurons: a guessed order, kept
           only when the reordered point has a usable symmetry with fewer
           blocks than the point as given */
        int t;
        for (t = 0; t < 2; t++)
        {
            slong c, a, m2;
            if (!guess_order(perm, pt->W, t))
                continue;
            for (c = 0; c < pt->k; c++)
                for (a = 0; a < pt->k; a++)
                    fmpq_set(fmpq_mat_entry(Wp, c, a), fmpq_mat_entry(pt->W, perm[c], a));
            m2 = rc_sym_detect(s, Wp, o->have_tol ? o->tol : NULL);
            if (m2 <= RC_SYM_MAX_BLOCKS && !(m2 == pt->k && pt->k > 1) && m2 < m)
            {
                *theta = _fmpq_vec_init(s->q);
                if (o->have_tol)
                    rc_sym_project(*theta, moved, s, Wp);
                else if (!rc_sym_theta_from_mat(*theta, &bi, &br, s, Wp))
                {
                    _fmpq_vec_clear(*theta, s->q);
                    *theta = NULL;
                    continue;
                }
                *reordered = 1;
                return 1;
            }
        }
        m = rc_sym_detect(s, pt->W, o->have_tol ? o->tol : NULL);
    }
    if (m > RC_SYM_MAX_BLOCKS)
        return snprintf(why, len, "no usable symmetry: %ld blocks of exchangeable neurons "
                        "(at most %d)", (long) m, RC_SYM_MAX_BLOCKS), 0;
    if (m == pt->k && pt->k > 1)
        return snprintf(why, len, "no symmetry: no two neurons are exchangeable"), 0;
    *theta = _fmpq_vec_init(s->q);
    if (o->have_tol)
        rc_sym_project(*theta, moved, s, pt->W);
    else if (!rc_sym_theta_from_mat(*theta, &bi, &br, s, pt->W))
    {
        _fmpq_vec_clear(*theta, s->q);
        *theta = NULL;
        return snprintf(why, len, "W[%ld][%ld] breaks the symmetry", (long) bi, (long) br), 0;
    }
    return 1;
}

/* the one-line description of the path, for the summary */
static void
path_line(char * buf, size_t len, int reduced, int reordered, const rc_sym_t s,
          const fmpq_t moved, const char * why, const rc_certify_minimum_params_t o)
{
    if (reduced)
    {
        char p[256];
        slong b, n = 0;
        for (b = 0; b < s->m && n < 200; b++)
            n += snprintf(p + n, sizeof p - n, "%s%ld", b ? ", " : "", (long) s->p[b]);
        if (o->have_tol)
        {
            char d[64];
            snprintf(d, sizeof d, "%.3g", fmpq_get_d(moved));
            snprintf(buf, len, "path: reduced (blocks [%s], %ld fixed-point coordinates; "
                     "symmetrized: the point moved by %s in the largest entry)", p,
                     (long) s->q, d);
        }
        else if (s->nx > 0)
            snprintf(buf, len, "path: reduced (blocks [%s], %ld extra neuron%s, %ld fixed-point "
                     "coordinates)", p, (long) s->nx, s->nx == 1 ? "" : "s", (long) s->q);
        else
            snprintf(buf, len, "path: reduced (blocks [%s], %ld fixed-point coordinates)",
                     p, (long) s->q);
        if (reordered)
        {
            size_t l = strlen(buf);
            snprintf(buf + l, len - l, "; neurons reordered to expose the symmetry "
                     "(the certificate's neuron_order)");
        }
    }
    else
        snprintf(buf, len, "path: dense (%s)", why);
}

int
rc_certify_minimum_point(json_t ** cert, char * path, size_t plen, const rc_point_t pt,
                         const char * source, const rc_certify_minimum_params_t o,
                         rc_error_t err)
{
    arb_mat_t W, V;
    rc_mincert_t c;
    rc_sym_t s;
    fmpq * theta = NULL;
    fmpq_t moved;
    fmpq_mat_t Wp;
    slong * perm;
    char why[256];
    int ret, reduced, want, reordered = 0;
    slong N;

    if (rc_point_zero_student(pt) >= 0)
    {
        slong z = rc_point_zero_student(pt);
        char where[1100];
        rc_point_where_student(where, sizeof where, pt, z);
        return rc_error_set(err, "%s: expected a nonzero student neuron, found "
                            "neuron %ld = 0 (F is not differentiable there)", where, (long) z);
    }
    rc_sym_init(s);
    fmpq_init(moved);
    perm = flint_malloc(sizeof(slong) * FLINT_MAX(1, pt->n));
    fmpq_mat_init(Wp, pt->n, pt->d);
    reduced = choose_path(s, &theta, moved, &reordered, perm, Wp, why, sizeof why, pt, o);
    if (!reduced && o->path == RC_MIN_PATH_REDUCED)
    {
        ret = rc_error_set(err, "%s: --path reduced: %s", pt->source, why);
        goto out;
    }
    path_line(path, plen, reduced, reordered, s, moved, why, o);
    if (reduced)
    {
        rc_symcert_t sc;
        arb_ptr t0 = _arb_vec_init(s->q);
        slong j;
        for (j = 0; j < s->q; j++)
            arb_set_fmpq(t0 + j, theta + j, o->prec);
        rc_symcert_init(sc);
        ret = rc_symcert_find(sc, s, t0, o->alpha, o->prec, err);
        if (ret == 0)
            *cert = rc_symcert_to_json(sc, source);
        if (ret == 0 && reordered)
        {
            /* row c of the certificate's student is the input's row
               neuron_order[c]; F does not depend on the order (L15) */
            json_t * a = json_array();
            for (j = 0; j < pt->n; j++)
                json_array_append_new(a, json_integer(perm[j]));
            json_object_set_new(*cert, "neuron_order", a);
        }
        rc_symcert_clear(sc);
        _arb_vec_clear(t0, s->q);
        _fmpq_vec_clear(theta, s->q);
        goto out;
    }
    /* the dense path; binary64 when asked for, or from RC_MIN_ARITH_AUTO_N on */
    N = pt->n * pt->d;
    want = o->arith == RC_MIN_ARITH_BINARY64 || (o->arith == RC_MIN_ARITH_AUTO && N >= RC_MIN_ARITH_AUTO_N);
    {
        /* the size limit before any allocation, naming the file */
        rc_error_t e2;
        if (rc_limit_check_params(e2, pt->n, pt->d, want, "n x d"))
        {
            ret = rc_error_set(err, "%s: %s", pt->source, e2->msg);
            goto out;
        }
    }
    arb_mat_init(W, pt->n, pt->d);
    arb_mat_init(V, pt->k, pt->d);
    rc_mincert_init(c);
    rc_point_get_arb(W, V, pt, NULL, o->prec);
    {
        size_t l = strlen(path);
        if (want && N > 2500)
        {
            char note[128];
            snprintf(note, sizeof note, "%ld coordinates on the dense binary64 path (about a "
                     "minute at 10^4)...", (long) N);
            rc_progress_report(o->progress, o->progress_ctx, RC_PROGRESS_NOTE, "certify", 0,
                               0, note, 0);
        }
        ret = rc_mincert_find_arith(c, W, pt->V, o->alpha,
                                    want ? RC_ARITH_BINARY64 : RC_ARITH_ARB, o->prec, err);
        if (c->arith == RC_ARITH_BINARY64)
            snprintf(path + l, plen - l, "; binary64: Hessian with a proven rounding bound, "
                     "Rump's Cholesky test, strong convexity");
        else if (want)
        {
            const char * bad = rc_blas_selftest_problem(N);
            snprintf(path + l, plen - l, "; ball arithmetic: binary64 was asked for but %s",
                     bad != NULL ? bad : "the binary64 path was not usable");
        }
        else
            snprintf(path + l, plen - l, "; ball arithmetic%s", o->arith == RC_MIN_ARITH_ARB
                     ? "" : ": small enough (n d < 200)");
    }
    if (ret == 0)
        *cert = rc_mincert_to_json(c, source);
    arb_mat_clear(W);
    arb_mat_clear(V);
    rc_mincert_clear(c);
out:
    /* the input point and the proved distance from it to the box (L15) */
    if (ret == 0 && rc_mincert_json_set_candidate(*cert, reordered ? Wp : pt->W, err))
    {
        json_decref(*cert);
        *cert = NULL;
        ret = 1;
    }
    rc_sym_clear(s);
    fmpq_clear(moved);
    fmpq_mat_clear(Wp);
    flint_free(perm);
    return ret;
}


int
rc_certify_minimum_too_far(const json_t * root, const fmpq_t max_move)
{
    fmpq_t f, m;
    int far;

    fmpq_init(f);
    fmpq_init(m);
    far = rc_mincert_json_get_distance(f, m, root) != 0 || fmpq_cmp(f, max_move) > 0;
    fmpq_clear(f);
    fmpq_clear(m);
    return far;
}
