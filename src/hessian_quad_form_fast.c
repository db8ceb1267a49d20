/* The Hessian quadratic form Y^T H(W) Y in O((n^2 + n k) d) operations:
   every kernel enters only through dot products with the direction, so no
   d x d block is formed (the ray argument of math.md section 5 evaluates
   this many times per direction). */
#include "relucert/eval.h"
#include "relucert/pair.h"

static void
dot(arb_t r, arb_srcptr x, arb_srcptr y, slong d, slong prec)
{
    arb_dot(r, NULL, 0, x, 1, y, 1, d, prec);
}

/* res += sign * y^T h1(w, v) y, with h1 = |v|/(2 pi |w|) (s (I - wb wb^T)
   + m_vw n_vw^T) (pair.h) and yy = |y|^2; pi2 = 2 pi */
static void
h1_form_add(arb_t res, const rc_pair_t p, arb_srcptr y, const arb_t yy,
            const arb_t pi2, int sign, slong prec)
{
    slong d = p->d;
    arb_t a, b, c;

    arb_init(a); arb_init(b); arb_init(c);
    dot(a, p->wb, y, d, prec);
    arb_sqr(a, a, prec);
    arb_sub(a, yy, a, prec);
    arb_mul(a, a, p->s, prec);
    dot(b, p->m_vw, y, d, prec);
    dot(c, p->n_vw, y, d, prec);
    arb_addmul(a, b, c, prec);
    arb_mul(a, a, p->nv, prec);
    arb_mul(c, pi2, p->nw, prec);
    arb_div(a, a, c, prec);
    if (sign > 0)
        arb_add(res, res, a, prec);
    else
        arb_sub(res, res, a, prec);
    arb_clear(a); arb_clear(b); arb_clear(c);
}

int
rc_hessian_quad_form_fast(arb_t res, const arb_mat_t W, const arb_mat_t V,
                          const arb_mat_t Y, slong prec)
{
    slong n = arb_mat_nrows(W), k = arb_mat_nrows(V), d = arb_mat_ncols(W), a, b;
    arb_ptr yy;
    arb_t pi, pi2, t, u, x;
    rc_pair_t p;

    if (rc_student_zero_row(W, prec) >= 0)
    {
        arb_indeterminate(res);
        return 0;
    }
    yy = _arb_vec_init(n);
    arb_init(pi); arb_init(pi2); arb_init(t); arb_init(u); arb_init(x);
    rc_pair_init(p, d);
    arb_const_pi(pi, prec);
    arb_mul_2exp_si(pi2, pi, 1);
    arb_zero(res);
    for (a = 0; a < n; a++)
    {
        dot(yy + a, arb_mat_entry(Y, a, 0), arb_mat_entry(Y, a, 0), d, prec);
        arb_mul_2exp_si(t, yy + a, -1);
        arb_add(res, res, t, prec);                 /* the I/2 blocks */
    }
    for (a = 0; a < n; a++)
    {
        arb_srcptr ya = arb_mat_entry(Y, a, 0);
        for (b = a + 1; b < n; b++)
        {
            arb_srcptr yb = arb_mat_entry(Y, b, 0);
            rc_pair_set(p, arb_mat_entry(W, a, 0), arb_mat_entry(W, b, 0), prec);
            /* 2 y_a^T h2(w_a, w_b) y_b, h2 = ((pi - t) I + m_vw n_wv^T
               + s wb vb^T) / (2 pi) */
            arb_sub(x, pi, p->t, prec);
            dot(t, ya, yb, d, prec);
            arb_mul(x, x, t, prec);
            dot(t, p->m_vw, ya, d, prec);
            dot(u, p->n_wv, yb, d, prec);
            arb_addmul(x, t, u, prec);
            dot(t, p->wb, ya, d, prec);
            dot(u, p->vb, yb, d, prec);
            arb_mul(t, t, u, prec);
            arb_addmul(x, t, p->s, prec);
            arb_div(x, x, pi, prec);                /* 2 / (2 pi) */
            arb_add(res, res, x, prec);
            /* y_a^T h1(w_a, w_b) y_a and y_b^T h1(w_b, w_a) y_b */
            h1_form_add(res, p, ya, yy + a, pi2, 1, prec);
            rc_pair_swap(p);
            h1_form_add(res, p, yb, yy + b, pi2, 1, prec);
        }
        for (b = 0; b < k; b++)
        {
            rc_pair_set(p, arb_mat_entry(W, a, 0), arb_mat_entry(V, b, 0), prec);
            h1_form_add(res, p, ya, yy + a, pi2, -1, prec);
        }
    }
    rc_pair_clear(p);
    _arb_vec_clear(yy, n);
    arb_clear(pi); arb_clear(pi2); arb_clear(t); arb_clear(u); arb_clear(x);
    return 1;
}
