/* The population loss F(W) assembled from the pair kernel f. */
#include "relucert/eval.h"
#include "relucert/pair.h"

/* res += |x|^2 / 4 for each row x of A */
static void
add_self_terms(arb_t res, const arb_mat_t A, slong prec)
{
    arb_t q;
    slong i, d = arb_mat_ncols(A);
    arb_init(q);
    for (i = 0; i < arb_mat_nrows(A); i++)
    {
        arb_dot(q, NULL, 0, arb_mat_entry(A, i, 0), 1,
                arb_mat_entry(A, i, 0), 1, d, prec);
        arb_mul_2exp_si(q, q, -2);
        arb_add(res, res, q, prec);
    }
    arb_clear(q);
}

/* res += sum_{i < i'} f(a_i, a_i') over the rows of A */
static void
add_cross_terms(arb_t res, rc_pair_t p, const arb_mat_t A, const rc_pair_rows_t r, slong prec)
{
    arb_t q;
    slong i, j, n = arb_mat_nrows(A);
    arb_init(q);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
        {
            rc_pair_set_angle_unit(p, arb_mat_entry(A, i, 0), RC_ROW_N(r, i), RC_ROW_U(r, i),
                                   arb_mat_entry(A, j, 0), RC_ROW_N(r, j), RC_ROW_U(r, j), prec);
            rc_kernel_f(q, p, prec);
            arb_add(res, res, q, prec);
        }
    arb_clear(q);
}

void
rc_loss(arb_t res, const arb_mat_t W, const arb_mat_t V, slong prec)
{
    slong i, j, d = arb_mat_ncols(W);
    rc_pair_t p;
    rc_pair_rows_t rw, rv;
    arb_t q;

    rc_pair_init(p, d);
    rc_pair_rows_init(rw, W, prec);
    rc_pair_rows_init(rv, V, prec);
    arb_init(q);
    arb_zero(res);

    /* 1/2 sum_{i,i'} f(w_i, w_i') - sum_{i,j} f(w_i, v_j)
       + 1/2 sum_{j,j'} f(v_j, v_j'), with f(w, w) = |w|^2 / 2 */
    add_self_terms(res, W, prec);
    add_cross_terms(res, p, W, rw, prec);
    add_self_terms(res, V, prec);
    add_cross_terms(res, p, V, rv, prec);
    for (i = 0; i < arb_mat_nrows(W); i++)
        for (j = 0; j < arb_mat_nrows(V); j++)
        {
            rc_pair_set_angle_unit(p, arb_mat_entry(W, i, 0), RC_ROW_N(rw, i), RC_ROW_U(rw, i),
                                   arb_mat_entry(V, j, 0), RC_ROW_N(rv, j), RC_ROW_U(rv, j), prec);
            rc_kernel_f(q, p, prec);
            arb_sub(res, res, q, prec);
        }

    arb_clear(q);
    rc_pair_clear(p);
    rc_pair_rows_clear(rw);
    rc_pair_rows_clear(rv);
}
