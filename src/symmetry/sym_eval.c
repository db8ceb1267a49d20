/* F, grad phi, sum |w_i| and lam_i on a box of Fix(G), from O((m + nx)^2)
   pair kernels with integer multiplicities (proofs/model.md section 6 and
   M6.8, lemma L13); the sums over students include the nx extra neurons. */
#include "sym_frame.h"
#include "relucert/pair.h"

/* res = sum_r x_r^2 over D entries, each square enclosed in [0, oo): a
   ball square of a ball that contains 0 reaches below 0, which the dot
   product x . x and the pair kernels' norm keep (for the blow-up, whose
   balls are wide) */
static void
sum_squares_nonneg(arb_t res, arb_srcptr x, slong D, slong prec)
{
    slong r;
    arb_t y;

    arb_init(y);
    arb_zero(res);
    for (r = 0; r < D; r++)
    {
        arb_sqr(y, x + r, prec);
        if (!arb_is_nonnegative(y))
            arb_nonnegative_part(y, y);
        arb_add(res, res, y, prec);
    }
    arb_clear(y);
}

/* |w_i|^2 of student neuron i (a block neuron or an extra one): the dot
   product w . w, or with nonneg the sum of squares enclosed in [0, oo) */
static void
norm2_neuron(arb_t res, const rc_sym_t s, arb_srcptr theta, slong i, int nonneg, slong prec)
{
    slong D = _rc_sym_cdim(s);
    arb_ptr w = _arb_vec_init(D);
    rc_sym_frame_t F;

    _rc_sym_frame_init(F, s, &i, i < s->k, prec);
    _rc_sym_frame_vec_w(w, F, theta, NULL, i, prec);
    if (nonneg)
        sum_squares_nonneg(res, w, D, prec);
    else
        arb_dot(res, NULL, 0, w, 1, w, 1, D, prec);
    _rc_sym_frame_clear(F);
    _arb_vec_clear(w, D);
}

/* For the blow-up: res = |x| (D entries) from sum_squares_nonneg, and
   u = x / |x| entrywise, intersected with [-1, 1] (all of [-1, 1] when |x|
   may be 0) */
static void
blow_norm(arb_t res, arb_ptr u, arb_srcptr x, slong D, slong prec)
{
    slong r;
    arb_t unit;

    arb_init(unit);
    arb_zero(unit);
    mag_one(arb_radref(unit));
    sum_squares_nonneg(res, x, D, prec);
    arb_sqrtpos(res, res, prec);
    for (r = 0; r < D; r++)
    {
        if (arb_is_positive(res))
        {
            arb_div(u + r, x + r, res, prec);
            if (!arb_is_finite(u + r) || !arb_intersection(u + r, u + r, unit, prec))
                arb_set(u + r, unit);
        }
        else
            arb_set(u + r, unit);
    }
    arb_clear(unit);
}

/* |w_i|^2 of the first neuron of block b */
static void
norm2_block(arb_t res, const rc_sym_t s, arb_srcptr theta, slong b, slong prec)
{
    norm2_neuron(res, s, theta, s->members[s->start[b]], 0, prec);
}

int
rc_sym_neurons_nonzero(const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong b;
    arb_t nn;
    int ok = 1;

    arb_init(nn);
    for (b = 0; b < s->m && ok; b++)
    {
        norm2_block(nn, s, theta, b, prec);
        ok = arb_is_positive(nn);
    }
    for (b = s->k; b < s->n && ok; b++)
    {
        norm2_neuron(nn, s, theta, b, 0, prec);
        ok = arb_is_positive(nn);
    }
    arb_clear(nn);
    return ok;
}

void
rc_sym_norm_sum(arb_t res, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong b;
    arb_t nn;

    arb_init(nn);
    arb_zero(res);
    for (b = 0; b < s->m; b++)
    {
        norm2_block(nn, s, theta, b, prec);
        arb_sqrtpos(nn, nn, prec);
        arb_addmul_si(res, nn, s->p[b], prec);
    }
    for (b = s->k; b < s->n; b++)
    {
        norm2_neuron(nn, s, theta, b, 0, prec);
        arb_sqrtpos(nn, nn, prec);
        arb_add(res, res, nn, prec);
    }
    arb_clear(nn);
}

/* what the partner callbacks share: neuron i (with multiplicity mi), the
   pair (w_i, partner) and the sums being accumulated */
typedef struct
{
    const rc_sym_struct * s;
    arb_srcptr theta;
    slong i, mi;
    arb_ptr w, v, x, gw;
    rc_pair_t p;
    arb_t pi2, a, b;
    const rc_sym_type_struct * orbits;   /* the trivial type: E_o */
    slong zb;            /* blow-up (rc_sym_gradient_blowup): the block whose
                            rows are t r(u), else -1 */
    const arb_struct * zt;               /* its t */
    const int * bnz;     /* per block: 1 if its rows are certainly nonzero */
    int fail;            /* blow-up: a pair kernel saw a possibly zero w
                            or student partner v */
    arb_ptr acc;         /* loss: acc[0] neuron pairs, acc[1] teacher pairs;
                            gradient: grad phi; lam: acc[0] numerator, acc[1] |w_i| */
}
eval_ctx;

static void
ctx_init(eval_ctx * c, const rc_sym_t s, arb_srcptr theta, arb_ptr acc, slong prec)
{
    slong D = _rc_sym_cdim(s);
    c->s = s;
    c->theta = theta;
    c->acc = acc;
    c->w = _arb_vec_init(D); c->v = _arb_vec_init(D);
    c->x = _arb_vec_init(D); c->gw = _arb_vec_init(D);
    rc_pair_init(c->p, D);
    arb_init(c->pi2); arb_init(c->a); arb_init(c->b);
    arb_const_pi(c->pi2, prec);
    arb_mul_2exp_si(c->pi2, c->pi2, 1);
    c->orbits = NULL;
    c->zb = -1;
    c->zt = NULL;
    c->bnz = NULL;
    c->fail = 0;
}

static void
ctx_clear(eval_ctx * c)
{
    slong D = _rc_sym_cdim(c->s);
    _arb_vec_clear(c->w, D); _arb_vec_clear(c->v, D);
    _arb_vec_clear(c->x, D); _arb_vec_clear(c->gw, D);
    rc_pair_clear(c->p);
    arb_clear(c->pi2); arb_clear(c->a); arb_clear(c->b);
}

/* the pair (w_i, partner j) in the frame F2 (in a blow-up, with the norms
   and unit vectors of blow_norm) */
static void
ctx_pair(eval_ctx * c, const rc_sym_frame_t F2, slong j, int teacher, slong prec)
{
    _rc_sym_frame_vec_w(c->w, F2, c->theta, NULL, c->i, prec);
    _rc_sym_frame_vec_partner(c->v, F2, c->theta, j, teacher, prec);
    if (c->zb >= 0)
    {
        slong D = _rc_sym_cdim(c->s);
        arb_t nw, nv;
        arb_ptr wb = _arb_vec_init(D), vb = _arb_vec_init(D);
        arb_init(nw); arb_init(nv);
        blow_norm(nw, wb, c->w, D, prec);
        blow_norm(nv, vb, c->v, D, prec);
        rc_pair_set_unit(c->p, c->w, nw, wb, c->v, nv, vb, prec);
        arb_clear(nw); arb_clear(nv);
        _arb_vec_clear(wb, D); _arb_vec_clear(vb, D);
    }
    else
        rc_pair_set(c->p, c->w, c->v, prec);
}

static void
loss_partner(void * ctx, const rc_sym_frame_t F2, slong j, slong mult, int teacher, slong prec)
{
    eval_ctx * c = ctx;
    ctx_pair(c, F2, j, teacher, prec);
    rc_kernel_f(c->a, c->p, prec);
    arb_addmul_si(c->acc + teacher, c->a, c->mi * mult, prec);
}

void
rc_sym_loss(arb_t res, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX], ni, ci, b;
    arb_ptr acc = _arb_vec_init(2);
    arb_t self, t;
    rc_sym_frame_t F0, F1;
    eval_ctx c;

    arb_init(self); arb_init(t);
    ctx_init(&c, s, theta, acc, prec);
    _rc_sym_frame_init(F0, s, NULL, 0, prec);
    ni = _rc_sym_frame_neuron_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        c.i = ii[ci];
        c.mi = ic[ci];
        _rc_sym_frame_init_extend(F1, F0, c.i, prec);
        _rc_sym_frame_partners(F1, c.i, loss_partner, &c, prec);
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);
    for (b = 0; b < s->m; b++)
    {
        norm2_block(t, s, theta, b, prec);          /* 2 f(w, w) */
        arb_addmul_si(self, t, s->p[b], prec);
    }
    for (b = s->k; b < s->n; b++)
    {
        norm2_neuron(t, s, theta, b, 0, prec);
        arb_add(self, self, t, prec);
    }

    /* F = (sum |w_i|^2 / 2 + sum_{i != i'} f) / 2 - sum f(w_i, e_j)
           + (k / 2 + k (k - 1) / (2 pi)) / 2 */
    arb_mul_2exp_si(self, self, -1);
    arb_add(res, self, acc + 0, prec);
    arb_mul_2exp_si(res, res, -1);
    arb_sub(res, res, acc + 1, prec);
    arb_set_si(t, s->k * (s->k - 1));
    arb_div(t, t, c.pi2, prec);
    arb_mul_2exp_si(t, t, 1);                       /* k (k - 1) / pi */
    arb_add_si(t, t, s->k, prec);
    arb_mul_2exp_si(t, t, -2);
    arb_add(res, res, t, prec);

    ctx_clear(&c);
    _arb_vec_clear(acc, 2);
    arb_clear(self); arb_clear(t);
}

/* acc[o] += +-mult E_o row i . g(w_i, partner),
   g(w, v) = (|v| s wb + (pi - t) v) / (2 pi) */
static void
gradient_partner(void * ctx, const rc_sym_frame_t F2, slong j, slong mult, int teacher,
                 slong prec)
{
    eval_ctx * c = ctx;
    slong D = _rc_sym_cdim(c->s), o;

    if (!teacher && c->zb >= 0 && j < c->s->k && !c->bnz[c->s->blk[j]])
    {
        /* a partner that may be zero: |g(w, v)| <= |v| / 2 (sin t + pi - t
           <= pi), so E_o row i . g lies in [-|v| |x| / 2, |v| |x| / 2] */
        _rc_sym_frame_vec_partner(c->v, F2, c->theta, j, teacher, prec);
        arb_dot(c->a, NULL, 0, c->v, 1, c->v, 1, D, prec);
        arb_sqrtpos(c->a, c->a, prec);
        for (o = 0; o < c->s->q; o++)
        {
            _rc_sym_frame_vec_copy(c->x, F2, c->orbits, o, c->i, prec);
            arb_dot(c->b, NULL, 0, c->x, 1, c->x, 1, D, prec);
            arb_sqrtpos(c->b, c->b, prec);
            arb_mul(c->b, c->b, c->a, prec);
            arb_mul_2exp_si(c->b, c->b, -1);
            arb_mul_si(c->b, c->b, c->mi * mult, prec);
            arb_get_abs_ubound_arf(arb_midref(c->b), c->b, prec);
            mag_zero(arb_radref(c->b));
            arb_add_error_arf(c->acc + o, arb_midref(c->b));
        }
        return;
    }
    ctx_pair(c, F2, j, teacher, prec);
    if (c->zb >= 0 && (!c->p->w_nonzero || (!teacher && !c->p->v_nonzero)))
        c->fail = 1;     /* g needs |w| > 0 (and the partner's direction) */
    arb_mul(c->a, c->p->nv, c->p->s, prec);
    arb_div(c->a, c->a, c->pi2, prec);
    arb_mul_2exp_si(c->b, c->pi2, -1);
    arb_sub(c->b, c->b, c->p->t, prec);
    arb_div(c->b, c->b, c->pi2, prec);
    _arb_vec_scalar_mul(c->gw, c->p->wb, D, c->a, prec);
    _arb_vec_scalar_addmul(c->gw, c->v, D, c->b, prec);
    /* blow-up: the partner's true row is t times the one used here, and
       g is 1-homogeneous in its second argument */
    if (!teacher && c->zb >= 0 && j < c->s->k && c->s->blk[j] == c->zb)
        _arb_vec_scalar_mul(c->gw, c->gw, D, c->zt, prec);
    for (o = 0; o < c->s->q; o++)
    {
        _rc_sym_frame_vec_copy(c->x, F2, c->orbits, o, c->i, prec);
        arb_dot(c->a, NULL, 0, c->gw, 1, c->x, 1, D, prec);
        arb_addmul_si(c->acc + o, c->a, teacher ? -c->mi * mult : c->mi * mult, prec);
    }
}

int
rc_sym_gradient(arb_ptr g, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX], ni, ci, o, D = _rc_sym_cdim(s);
    rc_sym_frame_t F0, F1;
    rc_sym_type_struct * types;
    slong ntypes;
    eval_ctx c;

    if (!rc_sym_neurons_nonzero(s, theta, prec))
    {
        _arb_vec_indeterminate(g, s->q);
        return 0;
    }
    rc_sym_types(&types, &ntypes, s);   /* types[0]: the orbit indicators */
    ctx_init(&c, s, theta, g, prec);
    c.orbits = types;
    _arb_vec_zero(g, s->q);
    _rc_sym_frame_init(F0, s, NULL, 0, prec);
    ni = _rc_sym_frame_neuron_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        c.i = ii[ci];
        c.mi = ic[ci];
        _rc_sym_frame_init_extend(F1, F0, c.i, prec);
        /* E_o row i . dF/dw_i, dF/dw_i = w_i / 2 + sum_{i' != i} g(w_i, w_i')
           - sum_j g(w_i, e_j) */
        _rc_sym_frame_vec_w(c.w, F1, theta, NULL, c.i, prec);
        for (o = 0; o < s->q; o++)
        {
            _rc_sym_frame_vec_copy(c.x, F1, types, o, c.i, prec);
            arb_dot(c.a, NULL, 0, c.w, 1, c.x, 1, D, prec);
            arb_mul_2exp_si(c.a, c.a, -1);
            arb_addmul_si(g + o, c.a, c.mi, prec);
        }
        _rc_sym_frame_partners(F1, c.i, gradient_partner, &c, prec);
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);
    flint_free(types);
    ctx_clear(&c);
    return 1;
}

int
rc_sym_gradient_blowup(arb_ptr g, const rc_sym_t s, arb_srcptr u, slong b, const arb_t t,
                       slong prec)
{
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX], ni, ci, o, c2, D;
    int bnz[RC_SYM_MAX_BLOCKS];
    rc_sym_frame_t F0, F1;
    rc_sym_type_struct * types;
    slong ntypes;
    arb_t nn;
    eval_ctx c;

    _arb_vec_indeterminate(g, s->q);
    if (s->nx != 0 || b < 0 || b >= s->m || !arb_is_nonnegative(t))
        return 0;
    arb_init(nn);
    for (c2 = 0; c2 < s->m; c2++)
    {
        norm2_neuron(nn, s, u, s->members[s->start[c2]], 1, prec);
        bnz[c2] = arb_is_positive(nn);
    }
    arb_clear(nn);
    if (!bnz[b])
        return 0;
    D = _rc_sym_cdim(s);
    rc_sym_types(&types, &ntypes, s);
    ctx_init(&c, s, u, g, prec);
    c.orbits = types;
    c.zb = b;
    c.zt = t;
    c.bnz = bnz;
    _arb_vec_zero(g, s->q);
    _rc_sym_frame_init(F0, s, NULL, 0, prec);
    ni = _rc_sym_frame_neuron_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        c.i = ii[ci];
        c.mi = ic[ci];
        if (!bnz[s->blk[c.i]])
            continue;            /* its components are set below */
        _rc_sym_frame_init_extend(F1, F0, c.i, prec);
        _rc_sym_frame_vec_w(c.w, F1, u, NULL, c.i, prec);
        for (o = 0; o < s->q; o++)
        {
            _rc_sym_frame_vec_copy(c.x, F1, types, o, c.i, prec);
            arb_dot(c.a, NULL, 0, c.w, 1, c.x, 1, D, prec);
            arb_mul_2exp_si(c.a, c.a, -1);
            if (s->blk[c.i] == b)
                arb_mul(c.a, c.a, t, prec);     /* w_i / 2 = t r_i / 2 */
            arb_addmul_si(g + o, c.a, c.mi, prec);
        }
        _rc_sym_frame_partners(F1, c.i, gradient_partner, &c, prec);
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);
    for (o = 0; o < s->q; o++)
        if (!bnz[s->ob[o]] || c.fail)
            arb_indeterminate(g + o);
    flint_free(types);
    ctx_clear(&c);
    return !c.fail;
}

/* acc[0] += +-mult sin t(w_i, partner) |partner|; acc[1] = |w_i| */
static void
lam_partner(void * ctx, const rc_sym_frame_t F2, slong j, slong mult, int teacher, slong prec)
{
    eval_ctx * c = ctx;
    ctx_pair(c, F2, j, teacher, prec);
    arb_mul(c->a, c->p->s, c->p->nv, prec);
    arb_addmul_si(c->acc + 0, c->a, teacher ? -mult : mult, prec);
    arb_set(c->acc + 1, c->p->nw);
}

int
rc_sym_split_lam(arb_t res, const rc_sym_t s, arb_srcptr theta, slong b, slong prec)
{
    arb_ptr acc = _arb_vec_init(2);
    rc_sym_frame_t F1;
    eval_ctx c;

    if (!rc_sym_neurons_nonzero(s, theta, prec))
    {
        arb_indeterminate(res);
        _arb_vec_clear(acc, 2);
        return 0;
    }
    ctx_init(&c, s, theta, acc, prec);
    c.i = rc_sym_split_neuron(s, b);
    c.mi = 1;
    _rc_sym_frame_init(F1, s, &c.i, c.i < s->k, prec);
    /* (sum_{j != i} sin t(w_i, w_j) |w_j| - sum_j sin t(w_i, e_j)) / (2 pi |w_i|) */
    _rc_sym_frame_partners(F1, c.i, lam_partner, &c, prec);
    _rc_sym_frame_clear(F1);
    arb_mul(c.a, c.pi2, acc + 1, prec);
    arb_div(res, acc + 0, c.a, prec);
    ctx_clear(&c);
    _arb_vec_clear(acc, 2);
    return 1;
}
