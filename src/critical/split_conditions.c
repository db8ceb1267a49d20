/* The paper's technical conditions for the split
   (proofs/model.md M3.4 and M3.5, the paper's Thm 14): sum_i |w_i| <= k,
   and the averages
       lam_i = (sum_{j != i} sin t(w_i, w_j) |w_j|
                - sum_j sin t(w_i, v_j) |v_j|) / (2 pi |w_i|),
   which equal the mean of u^T H'_ii u over uniform unit u (trace / d). */
#include "relucert/critical.h"
#include "relucert/eval.h"
#include "relucert/pair.h"

void
rc_norm_sum(arb_t res, const arb_mat_t X, slong prec)
{
    slong i, n = arb_mat_nrows(X), d = arb_mat_ncols(X);
    arb_t t;

    arb_init(t);
    arb_zero(res);
    for (i = 0; i < n; i++)
    {
        arb_dot(t, NULL, 0, arb_mat_entry(X, i, 0), 1, arb_mat_entry(X, i, 0), 1, d, prec);
        arb_sqrtpos(t, t, prec);
        arb_add(res, res, t, prec);
    }
    arb_clear(t);
}

int
rc_split_lam(arb_t res, const arb_mat_t X, const arb_mat_t V, slong i, slong prec)
{
    slong j, n = arb_mat_nrows(X), k = arb_mat_nrows(V), d = arb_mat_ncols(X);
    rc_pair_t p;
    arb_t t, pi, nw, nv;
    arb_ptr wb, vb;

    if (rc_student_zero_row(X, prec) >= 0)
    {
        arb_indeterminate(res);
        return 0;
    }
    arb_init(nw); arb_init(nv);
    wb = _arb_vec_init(d);
    vb = _arb_vec_init(d);
    rc_pair_init(p, d);
    arb_init(t); arb_init(pi);
    arb_zero(res);
    rc_pair_unit(nw, wb, arb_mat_entry(X, i, 0), d, prec);
    for (j = 0; j < n + k; j++)
    {
        if (j == i)
            continue;
        arb_srcptr v = j < n ? arb_mat_entry(X, j, 0) : arb_mat_entry(V, j - n, 0);
        rc_pair_unit(nv, vb, v, d, prec);
        rc_pair_set_angle_unit(p, arb_mat_entry(X, i, 0), nw, wb, v, nv, vb, prec);
        arb_mul(t, p->s, p->nv, prec);
        if (j < n)
            arb_add(res, res, t, prec);
        else
            arb_sub(res, res, t, prec);
    }
    /* divide by 2 pi |w_i| (p->nw is |w_i| for every pair above) */
    arb_const_pi(pi, prec);
    arb_mul_2exp_si(pi, pi, 1);
    arb_mul(t, pi, p->nw, prec);
    arb_div(res, res, t, prec);
    rc_pair_clear(p);
    arb_clear(t); arb_clear(pi);
    arb_clear(nw); arb_clear(nv);
    _arb_vec_clear(wb, d);
    _arb_vec_clear(vb, d);
    return 1;
}
