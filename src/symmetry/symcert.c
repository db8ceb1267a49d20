/* The reduced minimum certificate: memory and the success rule. */
#include <string.h>
#include "relucert/symcert.h"

void
rc_symcert_init(rc_symcert_t c)
{
    memset(c, 0, sizeof(rc_symcert_struct));
    rc_sym_init(c->sym);
    fmpq_init(c->lam_lower);
    fmpq_init(c->alpha);
    arb_init(c->lam_min); arb_init(c->loss); arb_init(c->cross_q); arb_init(c->norm_sum);
    c->cross_block = -1;
    c->morse_index = -1;
}

static void
clear_arrays(rc_symcert_t c)
{
    slong b, m = rc_sym_split_count(c->sym);

    if (c->centre != NULL)
        _fmpq_vec_clear(c->centre, c->sym->q);
    for (b = 0; b < m && c->split_y != NULL; b++)
        if (c->split_y[b] != NULL)
            _fmpq_vec_clear(c->split_y[b], c->split_ny[b]);
    flint_free(c->split_y); flint_free(c->split_ny); flint_free(c->split_diff);
    flint_free(c->split);
    if (c->split_q != NULL)
        _arb_vec_clear(c->split_q, m);
    if (c->lam != NULL)
        _arb_vec_clear(c->lam, m);
    if (c->type_lam != NULL)
        _arb_vec_clear(c->type_lam, c->ntypes);
    flint_free(c->type_neg);
    flint_free(c->types);
    c->centre = NULL; c->split_y = NULL; c->split_ny = NULL; c->split_diff = NULL;
    c->split = NULL; c->split_q = NULL; c->lam = NULL; c->type_lam = NULL;
    c->type_neg = NULL; c->types = NULL; c->ntypes = 0;
}

void
rc_symcert_clear(rc_symcert_t c)
{
    clear_arrays(c);
    rc_sym_clear(c->sym);
    fmpq_clear(c->lam_lower);
    fmpq_clear(c->alpha);
    arb_clear(c->lam_min); arb_clear(c->loss); arb_clear(c->cross_q); arb_clear(c->norm_sum);
}

void
rc_symcert_set_sym(rc_symcert_t c, const rc_sym_t s)
{
    slong m = rc_sym_split_count(s), b;
    rc_error_t err;

    clear_arrays(c);
    rc_sym_set_blocks(c->sym, s->blk, s->k, err);
    if (s->nx > 0)
        rc_sym_set_extra(c->sym, s->nx, err);
    c->centre = _fmpq_vec_init(s->q);
    c->split_diff = flint_malloc(sizeof(slong) * m);
    c->split_y = flint_calloc(m, sizeof(fmpq *));
    c->split_ny = flint_calloc(m, sizeof(slong));
    c->split = flint_calloc(m, sizeof(rc_verdict_t));
    c->split_q = _arb_vec_init(m);
    c->lam = _arb_vec_init(m);
    for (b = 0; b < m; b++)
        c->split_diff[b] = -1;
    rc_sym_types(&c->types, &c->ntypes, c->sym);
    c->type_lam = _arb_vec_init(c->ntypes);
    c->type_neg = flint_malloc(sizeof(slong) * c->ntypes);
    c->have_lam_lower = 0;
    c->cross_block = -1;
}

int
rc_symcert_success(const rc_symcert_t c)
{
    if (c->critical != RC_PROVED || c->strict_min != RC_PROVED)
        return 0;
    if (c->non_global == RC_REFUTED)
        return 1;
    return c->non_global == RC_PROVED && c->saddle == RC_PROVED && c->cross == RC_PROVED;
}
