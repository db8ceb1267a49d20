/* Frames: sums over k indices as sums over a few classes, and vectors of
   R^k in compressed coordinates (src/symmetry/sym_frame.h, lemma L13). */
#include "sym_frame.h"
#include "relucert/pair.h"

static int
is_named(const rc_sym_frame_t F, slong x)
{
    slong t;
    for (t = 0; t < F->nn; t++)
        if (F->named[t] == x)
            return 1;
    return 0;
}

/* rem, rep and sq from the named set */
static void
frame_fill(rc_sym_frame_t F, slong prec)
{
    const rc_sym_struct * s = F->s;
    slong b, t;

    for (b = 0; b < s->m; b++)
    {
        F->rem[b] = s->p[b];
        F->rep[b] = -1;
    }
    for (t = 0; t < F->nn; t++)
        F->rem[s->blk[F->named[t]]]--;
    for (b = 0; b < s->m; b++)
    {
        for (t = s->start[b]; t < s->start[b + 1] && F->rep[b] < 0; t++)
            if (!is_named(F, s->members[t]))
                F->rep[b] = s->members[t];
        arb_init(F->sq + b);
        arb_sqrt_ui(F->sq + b, (ulong) F->rem[b], prec);
    }
}

void
_rc_sym_frame_init(rc_sym_frame_t F, const rc_sym_t s, const slong * named,
                   slong nn, slong prec)
{
    slong t;

    if (nn > RC_SYM_FRAME_MAX)
        flint_abort();
    F->s = s;
    F->nn = 0;
    for (t = 0; t < nn; t++)
        if (!is_named(F, named[t]))
            F->named[F->nn++] = named[t];
    frame_fill(F, prec);
}

void
_rc_sym_frame_init_extend(rc_sym_frame_t F2, const rc_sym_frame_t F, slong x, slong prec)
{
    slong t;

    F2->s = F->s;
    F2->nn = F->nn;
    for (t = 0; t < F->nn; t++)
        F2->named[t] = F->named[t];
    /* an extra neuron (x >= k) is fixed by G: nothing to name */
    if (x < F->s->k && !is_named(F, x))
    {
        if (F2->nn == RC_SYM_FRAME_MAX)
            flint_abort();
        F2->named[F2->nn++] = x;
    }
    frame_fill(F2, prec);
}

void
_rc_sym_frame_clear(rc_sym_frame_t F)
{
    slong b;
    for (b = 0; b < F->s->m; b++)
        arb_clear(F->sq + b);
}

slong
_rc_sym_frame_classes(slong * idx, slong * cnt, const rc_sym_frame_t F, slong exclude)
{
    slong t, b, n = 0;

    for (t = 0; t < F->nn; t++)
        if (F->named[t] != exclude)
        {
            idx[n] = F->named[t];
            cnt[n++] = 1;
        }
    for (b = 0; b < F->s->m; b++)
        if (F->rem[b] > 0)
        {
            idx[n] = F->rep[b];
            cnt[n++] = F->rem[b];
        }
    return n;
}

slong
_rc_sym_frame_neuron_classes(slong * idx, slong * cnt, const rc_sym_frame_t F,
                             slong exclude)
{
    slong n = _rc_sym_frame_classes(idx, cnt, F, exclude), e;

    for (e = F->s->k; e < F->s->n; e++)
        if (e != exclude)
        {
            idx[n] = e;
            cnt[n++] = 1;
        }
    return n;
}

/* the compressed vector of the function r -> val(r): val is called at the
   named indices and the representatives; entries unused stay 0 */
#define FRAME_VEC(v, F, VAL_AT)                                           \
    do {                                                                  \
        slong _t, _b, r;                                                  \
        _arb_vec_zero(v, _rc_sym_cdim((F)->s));                            \
        for (_t = 0; _t < (F)->nn; _t++)                                  \
        {                                                                 \
            arb_ptr out = (v) + _t;                                       \
            r = (F)->named[_t];                                           \
            VAL_AT;                                                       \
        }                                                                 \
        for (_b = 0; _b < (F)->s->m; _b++)                                \
            if ((F)->rem[_b] > 0)                                         \
            {                                                             \
                arb_ptr out = (v) + RC_SYM_FRAME_MAX + _b;                 \
                r = (F)->rep[_b];                                         \
                VAL_AT;                                                   \
                arb_mul(out, out, (F)->sq + _b, prec);                    \
            }                                                             \
    } while (0)

void
_rc_sym_frame_vec_w(arb_ptr v, const rc_sym_frame_t F, arb_srcptr theta,
                    const arb_t scale, slong i, slong prec)
{
    const rc_sym_struct * s = F->s;
    FRAME_VEC(v, F, {
        arb_set(out, theta + rc_sym_orbit(s, i, r));
        if (scale != NULL)
            arb_mul(out, out, scale, prec);
    });
}

void
_rc_sym_frame_vec_e(arb_ptr v, const rc_sym_frame_t F, slong j, slong prec)
{
    FRAME_VEC(v, F, { arb_set_si(out, r == j); });
}

void
_rc_sym_frame_partners(const rc_sym_frame_t F1, slong i, _rc_sym_partner_fn fn, void * ctx,
                       slong prec)
{
    slong jj[RC_SYM_CLASSES_MAX], jc[RC_SYM_CLASSES_MAX], nj, cj;
    int teacher;
    rc_sym_frame_t F2;

    for (teacher = 0; teacher <= 1; teacher++)
    {
        nj = teacher ? _rc_sym_frame_classes(jj, jc, F1, -1)
                     : _rc_sym_frame_neuron_classes(jj, jc, F1, i);
        for (cj = 0; cj < nj; cj++)
        {
            _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
            fn(ctx, F2, jj[cj], jc[cj], teacher, prec);
            _rc_sym_frame_clear(F2);
        }
    }
}

void
_rc_sym_frame_vec_partner(arb_ptr v, const rc_sym_frame_t F, arb_srcptr theta, slong j,
                          int teacher, slong prec)
{
    if (teacher)
        _rc_sym_frame_vec_e(v, F, j, prec);
    else
        _rc_sym_frame_vec_w(v, F, theta, NULL, j, prec);
}

void
_rc_sym_frame_vec_copy(arb_ptr v, const rc_sym_frame_t F, const rc_sym_type_struct * t,
                       slong a, slong i, slong prec)
{
    const rc_sym_struct * s = F->s;
    FRAME_VEC(v, F, { arb_set_si(out, rc_sym_type_copy_value(s, t, a, i, r)); });
}

void
_rc_sym_diff_indices(slong * a0, slong * a1, const rc_sym_t s, slong c, slong i)
{
    slong t, n = 0;

    *a0 = *a1 = -1;
    for (t = s->start[c]; t < s->start[c + 1] && n < 2; t++)
        if (s->members[t] != i)
        {
            if (n++ == 0)
                *a0 = s->members[t];
            else
                *a1 = s->members[t];
        }
}

/* the value at r of the d-vector z relative to neuron i */
slong
rc_sym_dvec_value(const rc_sym_t s, const rc_sym_dvec_struct * z, slong i, slong r)
{
    slong a0, a1;

    switch (z->kind)
    {
        case RC_SYM_DVEC_SELF: return r == i;
        case RC_SYM_DVEC_REST: return r != i && s->blk[r] == s->blk[i];
        case RC_SYM_DVEC_BLOCK: return s->blk[r] == z->c;
        default:
            _rc_sym_diff_indices(&a0, &a1, s, z->c, i);
            return (r == a0) - (r == a1);
    }
}

void
_rc_sym_frame_vec_dvec(arb_ptr v, const rc_sym_frame_t F, const rc_sym_dvec_struct * z,
                       slong i, slong prec)
{
    const rc_sym_struct * s = F->s;
    FRAME_VEC(v, F, { arb_set_si(out, rc_sym_dvec_value(s, z, i, r)); });
}

/* per pair: the dot products of the pair's geometry with the vectors x_a */
void
_rc_sym_dots_init(_rc_sym_dots_t * d, slong n)
{
    d->n = n;
    d->P = _arb_vec_init(n); d->M = _arb_vec_init(n); d->N = _arb_vec_init(n);
}

void
_rc_sym_dots_clear(_rc_sym_dots_t * d)
{
    _arb_vec_clear(d->P, d->n); _arb_vec_clear(d->M, d->n); _arb_vec_clear(d->N, d->n);
}

void
_rc_sym_dots_set(_rc_sym_dots_t * d, const rc_pair_t p, arb_srcptr X, const int * nz, slong D, slong prec)
{
    slong a;
    for (a = 0; a < d->n; a++)
        if (nz[a])
        {
            arb_dot(d->P + a, NULL, 0, p->wb, 1, X + a * D, 1, D, prec);
            arb_dot(d->M + a, NULL, 0, p->m_vw, 1, X + a * D, 1, D, prec);
            arb_dot(d->N + a, NULL, 0, p->n_vw, 1, X + a * D, 1, D, prec);
        }
}

/* B[a][b] += sign * mult * x_a^T h1(w, v) x_b for the nonzero x_a, x_b:
   |v| / (2 pi |w|) (s (x_a.x_b - (wb.x_a)(wb.x_b)) + (m_vw.x_a)(n_vw.x_b)) */
void
_rc_sym_h1_add(arb_mat_t B, const rc_pair_t p, const _rc_sym_dots_t * d, arb_srcptr X, const int * nz,
       slong D, slong mult, int sign, const arb_t pi, slong prec)
{
    slong a, b, n = d->n;
    arb_t sc, xx;

    arb_init(sc); arb_init(xx);
    arb_mul(sc, pi, p->nw, prec);
    arb_mul_2exp_si(sc, sc, 1);
    arb_div(sc, p->nv, sc, prec);
    arb_mul_si(sc, sc, sign * mult, prec);
    for (a = 0; a < n; a++)
        if (nz[a])
            for (b = 0; b < n; b++)
                if (nz[b])
                {
                    arb_dot(xx, NULL, 0, X + a * D, 1, X + b * D, 1, D, prec);
                    arb_submul(xx, d->P + a, d->P + b, prec);
                    arb_mul(xx, xx, p->s, prec);
                    arb_addmul(xx, d->M + a, d->N + b, prec);
                    arb_addmul(arb_mat_entry(B, a, b), sc, xx, prec);
                }
    arb_clear(sc); arb_clear(xx);
}

/* B[a][b] += mult * x_a^T h2(w, v) y_b:
   ((pi - t)(x_a.y_b) + (m_vw.x_a)(n_wv.y_b) + s (wb.x_a)(vb.y_b)) / (2 pi) */
void
_rc_sym_h2_add(arb_mat_t B, const rc_pair_t p, const _rc_sym_dots_t * d, arb_srcptr X, const int * nzx,
       arb_srcptr Y, const int * nzy, slong D, slong mult, const arb_t pi, slong prec)
{
    slong a, b, n = d->n;
    arb_ptr Nw = _arb_vec_init(n), Vb = _arb_vec_init(n);
    arb_t sc, pt, xy, u;

    arb_init(sc); arb_init(pt); arb_init(xy); arb_init(u);
    for (b = 0; b < n; b++)
        if (nzy[b])
        {
            arb_dot(Nw + b, NULL, 0, p->n_wv, 1, Y + b * D, 1, D, prec);
            arb_dot(Vb + b, NULL, 0, p->vb, 1, Y + b * D, 1, D, prec);
        }
    arb_mul_2exp_si(sc, pi, 1);
    arb_inv(sc, sc, prec);
    arb_mul_si(sc, sc, mult, prec);
    arb_sub(pt, pi, p->t, prec);
    for (a = 0; a < n; a++)
        if (nzx[a])
            for (b = 0; b < n; b++)
                if (nzy[b])
                {
                    arb_dot(xy, NULL, 0, X + a * D, 1, Y + b * D, 1, D, prec);
                    arb_mul(xy, xy, pt, prec);
                    arb_addmul(xy, d->M + a, Nw + b, prec);
                    arb_mul(u, d->P + a, Vb + b, prec);
                    arb_addmul(xy, u, p->s, prec);
                    arb_addmul(arb_mat_entry(B, a, b), sc, xy, prec);
                }
    _arb_vec_clear(Nw, n); _arb_vec_clear(Vb, n);
    arb_clear(sc); arb_clear(pt); arb_clear(xy); arb_clear(u);
}

/* nz[a] = 1 unless the compressed vector X_a is exactly zero */
void
_rc_sym_nonzero_flags(int * nz, arb_srcptr X, slong n, slong D)
{
    slong a;
    for (a = 0; a < n; a++)
        nz[a] = !_arb_vec_is_zero(X + a * D, D);
}

