/* F, grad phi, sum |w_i| and lam_i on a box of Fix(G), from O(m^2) pair
   kernels with integer multiplicities (math.md section 6, lemma L13). */
#include "sym_frame.h"
#include "relucert/pair.h"

int
rc_sym_neurons_nonzero(const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong b, D = _rc_sym_cdim(s);
    arb_ptr w = _arb_vec_init(D);
    arb_t nn;
    int ok = 1;

    arb_init(nn);
    for (b = 0; b < s->m && ok; b++)
    {
        rc_sym_frame_t F;
        slong i = s->members[s->start[b]];
        _rc_sym_frame_init(F, s, &i, 1, prec);
        _rc_sym_frame_vec_w(w, F, theta, NULL, i, prec);
        arb_dot(nn, NULL, 0, w, 1, w, 1, D, prec);
        ok = arb_is_positive(nn);
        _rc_sym_frame_clear(F);
    }
    arb_clear(nn);
    _arb_vec_clear(w, D);
    return ok;
}

void
rc_sym_loss(arb_t res, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong D = _rc_sym_cdim(s), ci, cj, ni, nj;
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX];
    slong jj[RC_SYM_CLASSES_MAX], jc[RC_SYM_CLASSES_MAX];
    arb_ptr w = _arb_vec_init(D), v = _arb_vec_init(D);
    arb_t f, self, cross, teach, pi;
    rc_sym_frame_t F0, F1, F2;
    rc_pair_t p;

    arb_init(f); arb_init(self); arb_init(cross); arb_init(teach); arb_init(pi);
    rc_pair_init(p, D);
    _rc_sym_frame_init(F0, s, NULL, 0, prec);
    ni = _rc_sym_frame_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        slong i = ii[ci];
        _rc_sym_frame_init_extend(F1, F0, i, prec);
        _rc_sym_frame_vec_w(w, F1, theta, NULL, i, prec);
        arb_dot(f, NULL, 0, w, 1, w, 1, D, prec);          /* 2 f(w, w) */
        arb_addmul_si(self, f, ic[ci], prec);
        nj = _rc_sym_frame_classes(jj, jc, F1, i);
        for (cj = 0; cj < nj; cj++)
        {
            _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
            _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
            _rc_sym_frame_vec_w(v, F2, theta, NULL, jj[cj], prec);
            rc_pair_set(p, w, v, prec);
            rc_kernel_f(f, p, prec);
            arb_addmul_si(cross, f, ic[ci] * jc[cj], prec);
            _rc_sym_frame_clear(F2);
        }
        nj = _rc_sym_frame_classes(jj, jc, F1, -1);
        for (cj = 0; cj < nj; cj++)
        {
            _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
            _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
            _rc_sym_frame_vec_e(v, F2, jj[cj], prec);
            rc_pair_set(p, w, v, prec);
            rc_kernel_f(f, p, prec);
            arb_addmul_si(teach, f, ic[ci] * jc[cj], prec);
            _rc_sym_frame_clear(F2);
        }
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);

    /* F = (sum |w_i|^2 / 2 + sum_{i != i'} f) / 2 - sum f(w_i, e_j)
           + (k / 2 + k (k - 1) / (2 pi)) / 2 */
    arb_mul_2exp_si(self, self, -1);
    arb_add(res, self, cross, prec);
    arb_mul_2exp_si(res, res, -1);
    arb_sub(res, res, teach, prec);
    arb_const_pi(pi, prec);
    arb_set_si(f, s->k * (s->k - 1));
    arb_div(f, f, pi, prec);
    arb_add_si(f, f, s->k, prec);
    arb_mul_2exp_si(f, f, -2);
    arb_add(res, res, f, prec);

    rc_pair_clear(p);
    _arb_vec_clear(w, D); _arb_vec_clear(v, D);
    arb_clear(f); arb_clear(self); arb_clear(cross); arb_clear(teach); arb_clear(pi);
}

int
rc_sym_gradient(arb_ptr g, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong D = _rc_sym_cdim(s), ci, cj, ni, nj, o, q = s->q;
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX];
    slong jj[RC_SYM_CLASSES_MAX], jc[RC_SYM_CLASSES_MAX];
    arb_ptr w = _arb_vec_init(D), v = _arb_vec_init(D), x = _arb_vec_init(D);
    arb_ptr gw = _arb_vec_init(D);
    arb_t a, b, pi2;
    rc_sym_frame_t F0, F1, F2;
    rc_pair_t p;
    rc_sym_type_struct * types;
    slong ntypes;

    if (!rc_sym_neurons_nonzero(s, theta, prec))
    {
        _arb_vec_indeterminate(g, q);
        _arb_vec_clear(w, D); _arb_vec_clear(v, D); _arb_vec_clear(x, D);
        _arb_vec_clear(gw, D);
        return 0;
    }
    rc_sym_types(&types, &ntypes, s);   /* types[0]: the orbit indicators */
    arb_init(a); arb_init(b); arb_init(pi2);
    arb_const_pi(pi2, prec);
    arb_mul_2exp_si(pi2, pi2, 1);
    rc_pair_init(p, D);
    _arb_vec_zero(g, q);
    _rc_sym_frame_init(F0, s, NULL, 0, prec);
    ni = _rc_sym_frame_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        slong i = ii[ci];
        _rc_sym_frame_init_extend(F1, F0, i, prec);
        /* E_o row i . dF/dw_i, dF/dw_i = w_i / 2 + sum_{i' != i} g(w_i, w_i')
           - sum_j g(w_i, e_j): each partner class in its own frame F2 */
        for (o = 0; o < q; o++)
        {
            _rc_sym_frame_vec_copy(x, F1, types, o, i, prec);
            _rc_sym_frame_vec_w(w, F1, theta, NULL, i, prec);
            arb_dot(a, NULL, 0, w, 1, x, 1, D, prec);
            arb_mul_2exp_si(a, a, -1);
            arb_addmul_si(g + o, a, ic[ci], prec);
        }
        nj = _rc_sym_frame_classes(jj, jc, F1, i);
        for (cj = 0; cj < nj; cj++)
        {
            _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
            _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
            _rc_sym_frame_vec_w(v, F2, theta, NULL, jj[cj], prec);
            rc_pair_set(p, w, v, prec);
            /* g(w, v) = A wb + B v */
            arb_mul(a, p->nv, p->s, prec);
            arb_div(a, a, pi2, prec);
            arb_mul_2exp_si(b, pi2, -1);
            arb_sub(b, b, p->t, prec);
            arb_div(b, b, pi2, prec);
            _arb_vec_scalar_mul(gw, p->wb, D, a, prec);
            _arb_vec_scalar_addmul(gw, v, D, b, prec);
            for (o = 0; o < q; o++)
            {
                _rc_sym_frame_vec_copy(x, F2, types, o, i, prec);
                arb_dot(a, NULL, 0, gw, 1, x, 1, D, prec);
                arb_addmul_si(g + o, a, ic[ci] * jc[cj], prec);
            }
            _rc_sym_frame_clear(F2);
        }
        nj = _rc_sym_frame_classes(jj, jc, F1, -1);
        for (cj = 0; cj < nj; cj++)
        {
            _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
            _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
            _rc_sym_frame_vec_e(v, F2, jj[cj], prec);
            rc_pair_set(p, w, v, prec);
            arb_mul(a, p->nv, p->s, prec);
            arb_div(a, a, pi2, prec);
            arb_mul_2exp_si(b, pi2, -1);
            arb_sub(b, b, p->t, prec);
            arb_div(b, b, pi2, prec);
            _arb_vec_scalar_mul(gw, p->wb, D, a, prec);
            _arb_vec_scalar_addmul(gw, v, D, b, prec);
            for (o = 0; o < q; o++)
            {
                _rc_sym_frame_vec_copy(x, F2, types, o, i, prec);
                arb_dot(a, NULL, 0, gw, 1, x, 1, D, prec);
                arb_submul_si(g + o, a, ic[ci] * jc[cj], prec);
            }
            _rc_sym_frame_clear(F2);
        }
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);
    flint_free(types);
    rc_pair_clear(p);
    _arb_vec_clear(w, D); _arb_vec_clear(v, D); _arb_vec_clear(x, D);
    _arb_vec_clear(gw, D);
    arb_clear(a); arb_clear(b); arb_clear(pi2);
    return 1;
}

void
rc_sym_norm_sum(arb_t res, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong b, D = _rc_sym_cdim(s);
    arb_ptr w = _arb_vec_init(D);
    arb_t nn;

    arb_init(nn);
    arb_zero(res);
    for (b = 0; b < s->m; b++)
    {
        rc_sym_frame_t F;
        slong i = s->members[s->start[b]];
        _rc_sym_frame_init(F, s, &i, 1, prec);
        _rc_sym_frame_vec_w(w, F, theta, NULL, i, prec);
        arb_dot(nn, NULL, 0, w, 1, w, 1, D, prec);
        arb_sqrtpos(nn, nn, prec);
        arb_addmul_si(res, nn, s->p[b], prec);
        _rc_sym_frame_clear(F);
    }
    arb_clear(nn);
    _arb_vec_clear(w, D);
}

int
rc_sym_split_lam(arb_t res, const rc_sym_t s, arb_srcptr theta, slong b, slong prec)
{
    slong D = _rc_sym_cdim(s), cj, nj, i = s->members[s->start[b]];
    slong jj[RC_SYM_CLASSES_MAX], jc[RC_SYM_CLASSES_MAX];
    arb_ptr w = _arb_vec_init(D), v = _arb_vec_init(D);
    arb_t a, nw;
    rc_sym_frame_t F1, F2;
    rc_pair_t p;

    if (!rc_sym_neurons_nonzero(s, theta, prec))
    {
        arb_indeterminate(res);
        _arb_vec_clear(w, D); _arb_vec_clear(v, D);
        return 0;
    }
    arb_init(a); arb_init(nw);
    rc_pair_init(p, D);
    arb_zero(res);
    _rc_sym_frame_init(F1, s, &i, 1, prec);
    /* (sum_{j != i} sin t(w_i, w_j) |w_j| - sum_j sin t(w_i, e_j)) / (2 pi |w_i|) */
    nj = _rc_sym_frame_classes(jj, jc, F1, i);
    for (cj = 0; cj < nj; cj++)
    {
        _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
        _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
        _rc_sym_frame_vec_w(v, F2, theta, NULL, jj[cj], prec);
        rc_pair_set(p, w, v, prec);
        arb_mul(a, p->s, p->nv, prec);
        arb_addmul_si(res, a, jc[cj], prec);
        _rc_sym_frame_clear(F2);
    }
    nj = _rc_sym_frame_classes(jj, jc, F1, -1);
    for (cj = 0; cj < nj; cj++)
    {
        _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
        _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
        _rc_sym_frame_vec_e(v, F2, jj[cj], prec);
        rc_pair_set(p, w, v, prec);
        arb_submul_si(res, p->s, jc[cj], prec);
        arb_set(nw, p->nw);
        _rc_sym_frame_clear(F2);
    }
    _rc_sym_frame_clear(F1);
    arb_const_pi(a, prec);
    arb_mul_2exp_si(a, a, 1);
    arb_mul(a, a, nw, prec);
    arb_div(res, res, a, prec);
    rc_pair_clear(p);
    _arb_vec_clear(w, D); _arb_vec_clear(v, D);
    arb_clear(a); arb_clear(nw);
    return 1;
}
