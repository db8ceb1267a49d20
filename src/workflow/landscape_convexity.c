/* certify convexity: strong convexity on a neighbourhood of the global
   minimum W = V, with the largest dyadic radius found (rc_convcert_find). */
#include "relucert/relucert.h"
#include "relucert/workflow.h"

int
rc_convexity_run(json_t ** cert, const rc_landscape_params_t p, rc_progress_fn progress,
                 void * progress_ctx, rc_error_t err)
{
    rc_convcert_t c;
    fmpq_mat_t V;
    double t0 = rc_clock_now();
    int res;

    *cert = NULL;
    if (fmpq_mat_nrows(p->V) > 0)
        fmpq_mat_init_set(V, p->V);
    else if (p->k < 1)
        return 2 * rc_error_set(err, "certify convexity: expected --k K or --teacher FILE");
    else
    {
        fmpq_mat_init(V, p->k, p->k);
        fmpq_mat_one(V);
    }
    rc_convcert_init(c);
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, "certify convexity", 0, 1,
                       "radius searches", 0);
    if (rc_convcert_find(c, V, p->mu, p->norm, p->boxes, p->prec, err))
        res = 2;
    else
    {
        *cert = rc_convcert_to_json(c);
        res = c->verdict == RC_PROVED ? 0 : 1;
        rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, "certify convexity", 1, 1,
                           "radius searches", rc_clock_now() - t0);
    }
    rc_convcert_clear(c);
    fmpq_mat_clear(V);
    return res;
}
