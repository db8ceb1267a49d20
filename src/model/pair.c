/* Geometry of a pair of neurons over balls: norms, unit vectors, angle and
   the products m = s n that stay bounded at t in {0, pi}. See pair.h. */
#include "relucert/pair.h"

void
rc_pair_init(rc_pair_t p, slong d)
{
    p->d = d;
    arb_init(p->nw); arb_init(p->nv);
    arb_init(p->t); arb_init(p->s); arb_init(p->c); arb_init(p->dot);
    p->wb = _arb_vec_init(d);
    p->vb = _arb_vec_init(d);
    p->m_vw = _arb_vec_init(d);
    p->m_wv = _arb_vec_init(d);
    p->n_vw = _arb_vec_init(d);
    p->n_wv = _arb_vec_init(d);
    p->w_nonzero = p->v_nonzero = 0;
}

void
rc_pair_clear(rc_pair_t p)
{
    arb_clear(p->nw); arb_clear(p->nv);
    arb_clear(p->t); arb_clear(p->s); arb_clear(p->c); arb_clear(p->dot);
    _arb_vec_clear(p->wb, p->d);
    _arb_vec_clear(p->vb, p->d);
    _arb_vec_clear(p->m_vw, p->d);
    _arb_vec_clear(p->m_wv, p->d);
    _arb_vec_clear(p->n_vw, p->d);
    _arb_vec_clear(p->n_wv, p->d);
}

/* x := x intersected with I; I itself if x is not finite or (impossible for
   two enclosures of one true value, but guarded) the two are disjoint. */
static void
clamp(arb_t x, const arb_t I, slong prec)
{
    if (!arb_is_finite(x) || !arb_intersection(x, x, I, prec))
        arb_set(x, I);
}

/* |x| for a d-vector of balls; lower end >= 0. */
static void
vec_norm(arb_t res, arb_srcptr x, slong d, slong prec)
{
    arb_t q;
    slong a;
    arb_init(q);
    arb_zero(res);
    for (a = 0; a < d; a++)
    {
        arb_sqr(q, x + a, prec);
        arb_add(res, res, q, prec);
    }
    arb_sqrtpos(res, res, prec);
    arb_clear(q);
}

/* u = x / den entrywise, clamped to [-1, 1], when den > 0 is certain (u is
   a unit vector: w/|w|, or n = m/s); [-1, 1]^d when den may be 0. */
static void
unit_div(arb_ptr u, arb_srcptr x, const arb_t den, const arb_t unit, slong d,
         slong prec)
{
    slong a;
    int pos = arb_is_positive(den);
    for (a = 0; a < d; a++)
    {
        if (pos)
        {
            arb_div(u + a, x + a, den, prec);
            clamp(u + a, unit, prec);
        }
        else
            arb_set(u + a, unit);
    }
}

void
rc_pair_unit(arb_t nrm, arb_ptr u, arb_srcptr x, slong d, slong prec)
{
    arb_t unit;

    arb_init(unit);
    arb_zero(unit);
    mag_one(arb_radref(unit));
    vec_norm(nrm, x, d, prec);
    unit_div(u, x, nrm, unit, d, prec);
    arb_clear(unit);
}

void
rc_pair_set_angle(rc_pair_t p, arb_srcptr w, arb_srcptr v, slong prec)
{
    rc_pair_unit(p->nw, p->wb, w, p->d, prec);
    rc_pair_unit(p->nv, p->vb, v, p->d, prec);
    rc_pair_set_angle_unit(p, w, NULL, NULL, v, NULL, NULL, prec);
}

void
rc_pair_set_angle_unit(rc_pair_t p, arb_srcptr w, const arb_t nw, arb_srcptr wb,
                       arb_srcptr v, const arb_t nv, arb_srcptr vb, slong prec)
{
    slong a, d = p->d;
    arb_t unit, zero_one, zero_pi, x, y, q, sn, cs;

    arb_init(unit); arb_init(zero_one); arb_init(zero_pi);
    arb_init(x); arb_init(y); arb_init(q); arb_init(sn); arb_init(cs);

    /* [-1, 1], [0, 1], [0, pi] */
    arb_zero(unit);
    mag_one(arb_radref(unit));
    arb_set_d(zero_one, 0.5);
    mag_set_d(arb_radref(zero_one), 0.5);
    arb_const_pi(zero_pi, prec);
    arb_mul_2exp_si(zero_pi, zero_pi, -1);
    arb_add_error(zero_pi, zero_pi);

    arb_dot(p->dot, NULL, 0, w, 1, v, 1, d, prec);
    /* norms and unit vectors: given, or already in p (rc_pair_set_angle) */
    if (nw != NULL)
    {
        arb_set(p->nw, nw);
        _arb_vec_set(p->wb, wb, d);
    }
    if (nv != NULL)
    {
        arb_set(p->nv, nv);
        _arb_vec_set(p->vb, vb, d);
    }
    p->w_nonzero = arb_is_positive(p->nw);
    p->v_nonzero = arb_is_positive(p->nv);

    if (p->w_nonzero && p->v_nonzero)
    {
        /* x = |wb - vb| = 2 sin(t/2), y = |wb + vb| = 2 cos(t/2) */
        /* m_vw and n_vw are scratch here (rc_pair_finish sets them) */
        for (a = 0; a < d; a++)
        {
            arb_sub(p->m_vw + a, p->wb + a, p->vb + a, prec);
            arb_add(p->n_vw + a, p->wb + a, p->vb + a, prec);
        }
        arb_dot(x, NULL, 0, p->m_vw, 1, p->m_vw, 1, d, prec);
        arb_dot(y, NULL, 0, p->n_vw, 1, p->n_vw, 1, d, prec);
        arb_sqrtpos(x, x, prec);
        arb_sqrtpos(y, y, prec);

        arb_atan2(p->t, x, y, prec);
        arb_mul_2exp_si(p->t, p->t, 1);
        clamp(p->t, zero_pi, prec);

        arb_mul(p->s, x, y, prec);
        arb_mul_2exp_si(p->s, p->s, -1);
        clamp(p->s, zero_one, prec);

        arb_dot(p->c, NULL, 0, p->wb, 1, p->vb, 1, d, prec);
        clamp(p->c, unit, prec);

        /* the same quantities from t: intersecting keeps the tighter */
        arb_sin_cos(sn, cs, p->t, prec);
        if (arb_is_finite(sn))
        {
            clamp(p->s, sn, prec);
            clamp(p->c, cs, prec);
        }
    }
    else
    {
        arb_set(p->t, zero_pi);
        arb_set(p->s, zero_one);
        arb_set(p->c, unit);
    }

    arb_clear(unit); arb_clear(zero_one); arb_clear(zero_pi);
    arb_clear(x); arb_clear(y); arb_clear(q); arb_clear(sn); arb_clear(cs);
}

void
rc_pair_set(rc_pair_t p, arb_srcptr w, arb_srcptr v, slong prec)
{
    rc_pair_set_angle(p, w, v, prec);
    rc_pair_finish(p, prec);
}

void
rc_pair_set_unit(rc_pair_t p, arb_srcptr w, const arb_t nw, arb_srcptr wb,
                 arb_srcptr v, const arb_t nv, arb_srcptr vb, slong prec)
{
    rc_pair_set_angle_unit(p, w, nw, wb, v, nv, vb, prec);
    rc_pair_finish(p, prec);
}

void
rc_pair_finish(rc_pair_t p, slong prec)
{
    slong a, d = p->d;
    arb_t unit, q;

    arb_init(unit); arb_init(q);
    arb_zero(unit);
    mag_one(arb_radref(unit));
    for (a = 0; a < d; a++)
    {
        arb_mul(q, p->c, p->wb + a, prec);
        arb_sub(p->m_vw + a, p->vb + a, q, prec);
        clamp(p->m_vw + a, unit, prec);
        arb_mul(q, p->c, p->vb + a, prec);
        arb_sub(p->m_wv + a, p->wb + a, q, prec);
        clamp(p->m_wv + a, unit, prec);
    }
    unit_div(p->n_vw, p->m_vw, p->s, unit, d, prec);
    unit_div(p->n_wv, p->m_wv, p->s, unit, d, prec);

    arb_clear(unit); arb_clear(q);
}

void
rc_pair_swap(rc_pair_t p)
{
    arb_ptr tmp;
    int ti;

    arb_swap(p->nw, p->nv);
    tmp = p->wb; p->wb = p->vb; p->vb = tmp;
    tmp = p->m_vw; p->m_vw = p->m_wv; p->m_wv = tmp;
    tmp = p->n_vw; p->n_vw = p->n_wv; p->n_wv = tmp;
    ti = p->w_nonzero; p->w_nonzero = p->v_nonzero; p->v_nonzero = ti;
}

void
rc_pair_rows_init(rc_pair_rows_t r, const arb_mat_t A, slong prec)
{
    slong i;

    r->rows = arb_mat_nrows(A);
    r->d = arb_mat_ncols(A);
    r->nrm = _arb_vec_init(r->rows);
    r->u = _arb_vec_init(r->rows * r->d);
    for (i = 0; i < r->rows; i++)
        rc_pair_unit(r->nrm + i, r->u + i * r->d, arb_mat_entry(A, i, 0), r->d, prec);
}

void
rc_pair_rows_clear(rc_pair_rows_t r)
{
    _arb_vec_clear(r->nrm, r->rows);
    _arb_vec_clear(r->u, r->rows * r->d);
}
