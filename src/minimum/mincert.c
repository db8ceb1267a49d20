/* The minimum certificate: memory management and the summary verdict. */
#include <string.h>
#include "relucert/mincert.h"

void
rc_mincert_init(rc_mincert_t c)
{
    memset(c, 0, sizeof(rc_mincert_struct));
    fmpq_mat_init(c->centre, 0, 0);
    fmpq_mat_init(c->V, 0, 0);
    fmpq_mat_init(c->neg_dir, 0, 0);
    fmpq_mat_init(c->U, 0, 0);
    fmpq_init(c->lam_lower);
    fmpq_init(c->alpha);
    arb_init(c->neg_curv);
    arb_init(c->loss);
    arb_init(c->cross_q);
    arb_init(c->norm_sum);
    c->cross_neuron = -1;
    c->arith = RC_ARITH_ARB;
    c->prec = 256;
}

void
rc_mincert_clear(rc_mincert_t c)
{
    fmpq_mat_clear(c->centre);
    fmpq_mat_clear(c->V);
    fmpq_mat_clear(c->neg_dir);
    fmpq_mat_clear(c->U);
    fmpq_clear(c->lam_lower);
    fmpq_clear(c->alpha);
    arb_clear(c->neg_curv);
    arb_clear(c->loss);
    arb_clear(c->cross_q);
    arb_clear(c->norm_sum);
    flint_free(c->global_perm);
    flint_free(c->split);
    if (c->split_q != NULL)
        _arb_vec_clear(c->split_q, c->n);
    if (c->lam != NULL)
        _arb_vec_clear(c->lam, c->n);
}

void
rc_mincert_set_dims(rc_mincert_t c, slong n, slong k, slong d)
{
    slong prec = c->prec;

    rc_mincert_clear(c);
    rc_mincert_init(c);
    c->prec = prec;
    c->n = n;
    c->k = k;
    c->d = d;
    fmpq_mat_clear(c->centre); fmpq_mat_init(c->centre, n, d);
    fmpq_mat_clear(c->V); fmpq_mat_init(c->V, k, d);
    fmpq_mat_clear(c->neg_dir); fmpq_mat_init(c->neg_dir, 1, n * d);
    fmpq_mat_clear(c->U); fmpq_mat_init(c->U, n, d);
    fmpq_set_si(c->alpha, 1, 2);
    c->global_perm = flint_calloc(FLINT_MAX(n, 1), sizeof(slong));
    c->split = flint_calloc(FLINT_MAX(n, 1), sizeof(rc_verdict_t));
    c->split_q = _arb_vec_init(n);
    c->lam = _arb_vec_init(n);
}

void
rc_mincert_set_inputs(rc_mincert_t c, const rc_mincert_t src)
{
    c->prec = src->prec;
    rc_mincert_set_dims(c, src->n, src->k, src->d);
    fmpq_mat_set(c->centre, src->centre);
    c->radius_log2 = src->radius_log2;
    c->arith = src->arith;
    fmpq_mat_set(c->V, src->V);
    c->have_lam_lower = src->have_lam_lower;
    fmpq_set(c->lam_lower, src->lam_lower);
    c->have_neg_dir = src->have_neg_dir;
    fmpq_mat_set(c->neg_dir, src->neg_dir);
    fmpq_mat_set(c->U, src->U);
    c->cross_neuron = src->cross_neuron;
    fmpq_set(c->alpha, src->alpha);
}

int
rc_mincert_success(const rc_mincert_t c)
{
    if (c->critical != RC_PROVED || c->strict_min != RC_PROVED)
        return 0;
    if (c->non_global == RC_REFUTED)
        return 1;   /* the global minimum: nothing else is claimed */
    return c->non_global == RC_PROVED && c->saddle == RC_PROVED
           && c->cross == RC_PROVED;
}
