/* The block H'_ii of the Hessian (diagonal block of neuron i without I/2),
   the matrix the split lemma is about (proofs/model.md M3.3). */
#include "relucert/critical.h"
#include "relucert/eval.h"
#include "relucert/pair.h"

int
rc_hessian_prime_block(arb_mat_t Hp, const arb_mat_t X, const arb_mat_t V,
                       slong i, slong prec)
{
    slong j, n = arb_mat_nrows(X), k = arb_mat_nrows(V), d = arb_mat_ncols(X);
    rc_pair_t p;

    if (rc_student_zero_row(X, prec) >= 0)
    {
        arb_mat_indeterminate(Hp);
        return 0;
    }
    rc_pair_init(p, d);
    arb_mat_zero(Hp);
    for (j = 0; j < n; j++)
        if (j != i)
        {
            rc_pair_set(p, arb_mat_entry(X, i, 0), arb_mat_entry(X, j, 0), prec);
            rc_kernel_h1_add(Hp, 0, 0, p, 1, prec);
        }
    for (j = 0; j < k; j++)
    {
        rc_pair_set(p, arb_mat_entry(X, i, 0), arb_mat_entry(V, j, 0), prec);
        rc_kernel_h1_add(Hp, 0, 0, p, -1, prec);
    }
    rc_pair_clear(p);
    rc_mat_symmetrize(Hp, prec);
    return 1;
}

int
rc_hessian_prime_quotient(arb_t res, const arb_mat_t X, const arb_mat_t V,
                          slong i, arb_srcptr u, slong prec)
{
    slong j, n = arb_mat_nrows(X), k = arb_mat_nrows(V), d = arb_mat_ncols(X);
    rc_pair_t p;
    arb_t uu, pi, nw, nv;
    arb_ptr wb, vb;

    arb_init(uu); arb_init(pi); arb_init(nw); arb_init(nv);
    wb = _arb_vec_init(d);
    vb = _arb_vec_init(d);
    arb_dot(uu, NULL, 0, u, 1, u, 1, d, prec);
    if (rc_student_zero_row(X, prec) >= 0 || !arb_is_positive(uu))
    {
        arb_indeterminate(res);
        arb_clear(uu); arb_clear(pi); arb_clear(nw); arb_clear(nv);
        _arb_vec_clear(wb, d);
        _arb_vec_clear(vb, d);
        return 0;
    }
    arb_const_pi(pi, prec);
    rc_pair_init(p, d);
    arb_zero(res);
    rc_pair_unit(nw, wb, arb_mat_entry(X, i, 0), d, prec);
    for (j = 0; j < n; j++)
        if (j != i)
        {
            rc_pair_unit(nv, vb, arb_mat_entry(X, j, 0), d, prec);
            rc_pair_set_unit(p, arb_mat_entry(X, i, 0), nw, wb, arb_mat_entry(X, j, 0), nv, vb, prec);
            rc_kernel_h1_form_add(res, p, u, uu, pi, 1, prec);
        }
    for (j = 0; j < k; j++)
    {
        rc_pair_unit(nv, vb, arb_mat_entry(V, j, 0), d, prec);
        rc_pair_set_unit(p, arb_mat_entry(X, i, 0), nw, wb, arb_mat_entry(V, j, 0), nv, vb, prec);
        rc_kernel_h1_form_add(res, p, u, uu, pi, -1, prec);
    }
    arb_div(res, res, uu, prec);
    rc_pair_clear(p);
    arb_clear(uu); arb_clear(pi); arb_clear(nw); arb_clear(nv);
    _arb_vec_clear(wb, d);
    _arb_vec_clear(vb, d);
    return 1;
}

int
rc_split_quotient_lam(arb_t q, arb_t lam, const arb_mat_t X, const arb_mat_t V,
                      const rc_pair_rows_t rx, const rc_pair_rows_t rv, slong i,
                      arb_srcptr u, slong prec)
{
    slong j, n = arb_mat_nrows(X), k = arb_mat_nrows(V), d = arb_mat_ncols(X);
    rc_pair_t p;
    arb_t uu, pi, t;

    arb_init(uu); arb_init(pi); arb_init(t);
    arb_dot(uu, NULL, 0, u, 1, u, 1, d, prec);
    if (rc_student_zero_row(X, prec) >= 0 || !arb_is_positive(uu))
    {
        arb_indeterminate(q);
        arb_indeterminate(lam);
        arb_clear(uu); arb_clear(pi); arb_clear(t);
        return 0;
    }
    arb_const_pi(pi, prec);
    rc_pair_init(p, d);
    arb_zero(q);
    arb_zero(lam);
    for (j = 0; j < n + k; j++)
    {
        int student = j < n;
        if (j == i)
            continue;
        if (student)
            rc_pair_set_unit(p, arb_mat_entry(X, i, 0), RC_ROW_N(rx, i), RC_ROW_U(rx, i),
                             arb_mat_entry(X, j, 0), RC_ROW_N(rx, j), RC_ROW_U(rx, j), prec);
        else
            rc_pair_set_unit(p, arb_mat_entry(X, i, 0), RC_ROW_N(rx, i), RC_ROW_U(rx, i),
                             arb_mat_entry(V, j - n, 0), RC_ROW_N(rv, j - n),
                             RC_ROW_U(rv, j - n), prec);
        rc_kernel_h1_form_add(q, p, u, uu, pi, student ? 1 : -1, prec);
        /* lam_i: sum of +-sin t |partner|, divided below */
        arb_mul(t, p->s, p->nv, prec);
        if (student)
            arb_add(lam, lam, t, prec);
        else
            arb_sub(lam, lam, t, prec);
    }
    arb_div(q, q, uu, prec);
    arb_mul_2exp_si(t, pi, 1);
    arb_mul(t, t, RC_ROW_N(rx, i), prec);
    arb_div(lam, lam, t, prec);
    rc_pair_clear(p);
    arb_clear(uu); arb_clear(pi); arb_clear(t);
    return 1;
}
