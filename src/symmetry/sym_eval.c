/* F, grad phi, sum |w_i| and lam_i on a box of Fix(G), from O((m + nx)^2)
   pair kernels with integer multiplicities (proofs/model.md section 6 and
   M6.8, lemma L13); the sums over students include the nx extra neurons. */
#include "sym_frame.h"
#include "relucert/pair.h"

/* |w_i|^2 of student neuron i (a block neuron or an extra one) */
static void
norm2_neuron(arb_t res, const rc_sym_t s, arb_srcptr theta, slong i, slong prec)
{
    slong D = _rc_sym_cdim(s);
    arb_ptr w = _arb_vec_init(D);
    rc_sym_frame_t F;

    _rc_sym_frame_init(F, s, &i, i < s->k, prec);
    _rc_sym_frame_vec_w(w, F, theta, NULL, i, prec);
    arb_dot(res, NULL, 0, w, 1, w, 1, D, prec);
    _rc_sym_frame_clear(F);
    _arb_vec_clear(w, D);
}

/* |w_i|^2 of the first neuron of block b */
static void
norm2_block(arb_t res, const rc_sym_t s, arb_srcptr theta, slong b, slong prec)
{
    norm2_neuron(res, s, theta, s->members[s->start[b]], prec);
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
        norm2_neuron(nn, s, theta, b, prec);
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
        norm2_neuron(nn, s, theta, b, prec);
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

/* the pair (w_i, partner j) in the frame F2 */
static void
ctx_pair(eval_ctx * c, const rc_sym_frame_t F2, slong j, int teacher, slong prec)
{
    _rc_sym_frame_vec_w(c->w, F2, c->theta, NULL, c->i, prec);
    _rc_sym_frame_vec_partner(c->v, F2, c->theta, j, teacher, prec);
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
        norm2_neuron(t, s, theta, b, prec);
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

    ctx_pair(c, F2, j, teacher, prec);
    arb_mul(c->a, c->p->nv, c->p->s, prec);
    arb_div(c->a, c->a, c->pi2, prec);
    arb_mul_2exp_si(c->b, c->pi2, -1);
    arb_sub(c->b, c->b, c->p->t, prec);
    arb_div(c->b, c->b, c->pi2, prec);
    _arb_vec_scalar_mul(c->gw, c->p->wb, D, c->a, prec);
    _arb_vec_scalar_addmul(c->gw, c->v, D, c->b, prec);
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
