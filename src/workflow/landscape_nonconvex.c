/* certify nonconvex (Thm 4): points of negative curvature arbitrarily close
   to the differentiable global minimum for k < n <= 2k; for n = k none
   exist, and strong convexity with a radius is certified instead. */
#include "relucert/relucert.h"
#include "relucert/workflow.h"

#define PHASE "certify nonconvex"

int
rc_nonconvex_run(json_t ** cert, const rc_landscape_params_t p, rc_progress_fn progress,
                 void * progress_ctx, rc_error_t err)
{
    slong k = p->k, n = p->n, d = p->d, neps = p->neps, i;
    fmpq * eps = p->eps, * dflt = NULL, * al = p->alpha;
    fmpq_t half;
    double t0 = rc_clock_now();
    int all;

    *cert = NULL;
    if (k < 1 || n < 1)
        return 2 * rc_error_set(err, "certify nonconvex: expected --k K and --n N");
    if (n == k)
    {
        /* the teacher is I_k here, whatever p->V says */
        rc_landscape_params_t q;
        int res;
        *q = *p;
        fmpq_mat_init(q->V, 0, 0);
        res = rc_convexity_run(cert, q, progress, progress_ctx, err);
        fmpq_mat_clear(q->V);
        /* what was asked, non-convexity, is refuted */
        return res == 2 ? 2 : 1;
    }
    if (n < k || n > 2 * k)
        return 2 * rc_error_set(err, "certify nonconvex: expected k <= n <= 2k, found k = %ld, "
                                "n = %ld", (long) k, (long) n);
    if (d < 0)
        d = FLINT_MAX(k, 2);
    if (d < FLINT_MAX(k, 2))
        return 2 * rc_error_set(err, "--d: expected d >= max(k, 2) = %ld, found %ld",
                                (long) FLINT_MAX(k, 2), (long) d);
    if (rc_limit_check_params(err, n, d, 0, "certify nonconvex: n x d"))
        return 2;
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    if (al != NULL && (p->nalpha != 2 || fmpq_sgn(al) <= 0 || fmpq_sgn(al + 1) <= 0))
    {
        fmpq_clear(half);
        return 2 * rc_error_set(err, "--alpha: expected two positive numbers A1,A2");
    }
    if (eps == NULL)
    {
        eps = dflt = rc_powers_of_ten(1, 30);
        neps = 30;
    }
    for (i = 0; i < neps; i++)
        if (fmpq_sgn(eps + i) <= 0 || fmpq_cmp_ui(eps + i, 1) > 0)
        {
            fmpq_clear(half);
            if (dflt)
                _fmpq_vec_clear(dflt, neps);
            return 2 * rc_error_set(err, "--eps: expected numbers in (0, 1], found entry %ld "
                                    "out of range", (long) i + 1);
        }
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, PHASE, 0, neps, "points", 0);
    *cert = rc_noncvx_to_json(k, n, d, al ? al : half, al ? al + 1 : half, eps, neps, &all);
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, PHASE, neps, neps, "points",
                       rc_clock_now() - t0);
    fmpq_clear(half);
    if (dflt)
        _fmpq_vec_clear(dflt, neps);
    return all ? 0 : 1;
}
