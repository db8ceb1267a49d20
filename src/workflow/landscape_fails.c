/* certify opsc-fails (Thm 7) and pl-fails (Thm 9): for n = k + 1, points
   ever closer to a global minimum where the OPSC (PL) ratio is certified
   below any given lambda. */
#include "relucert/relucert.h"
#include "relucert/workflow.h"

int
rc_fails_run(json_t ** cert, int pl, const rc_landscape_params_t p, rc_progress_fn progress,
             void * progress_ctx, rc_error_t err)
{
    const char * phase = pl ? "certify pl-fails" : "certify opsc-fails";
    slong k = p->k, d = p->d, neps = p->neps, nlam = p->nlambda, i;
    fmpq * eps = p->eps, * lam = p->lambda, * de = NULL, * dl = NULL, * al = p->alpha;
    fmpq_t half;
    double t0 = rc_clock_now();
    int all, res = 2;

    *cert = NULL;
    if (k < 2)
        return 2 * rc_error_set(err, "%s: expected --k K with K >= 2", phase);
    if (d < 0)
        d = k;
    if (d < k)
        return 2 * rc_error_set(err, "--d: expected d >= k = %ld, found %ld", (long) k, (long) d);
    if (rc_limit_check_params(err, k + 1, d, 0, pl ? "certify pl-fails: (k + 1) x d"
                              : "certify opsc-fails: (k + 1) x d"))
        return 2;
    if (al != NULL && (p->nalpha != 2 || fmpq_sgn(al) <= 0 || fmpq_sgn(al + 1) <= 0))
        return 2 * rc_error_set(err, "--alpha: expected two positive numbers A1,A2");
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    if (eps == NULL)
    {
        eps = de = rc_powers_of_ten(1, 14);
        neps = 14;
    }
    if (lam == NULL)
    {
        lam = dl = rc_powers_of_ten(1, 12);
        nlam = 12;
    }
    for (i = 0; i < neps; i++)
        if (fmpq_sgn(eps + i) <= 0 || fmpq_cmp_ui(eps + i, 1) > 0)
        {
            rc_error_set(err, "--eps: expected numbers in (0, 1], found entry %ld out of range",
                         (long) i + 1);
            goto done;
        }
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, phase, 0, neps, "points", 0);
    *cert = rc_thm79_to_json(pl, k, d, al ? al : half, al ? al + 1 : half, eps, neps, lam, nlam,
                             &all);
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, phase, neps, neps, "points",
                       rc_clock_now() - t0);
    res = all ? 0 : 1;
done:
    fmpq_clear(half);
    if (de)
        _fmpq_vec_clear(de, neps);
    if (dl)
        _fmpq_vec_clear(dl, nlam);
    return res;
}
