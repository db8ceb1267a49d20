/* Negative curvature next to an over-parameterized global minimum (the
   paper's Thm 4, proofs/model.md M4.2). */
#include "relucert/landscape.h"
#include "relucert/eval.h"

void
rc_thm4_point(arb_mat_t W, arb_mat_t V, slong n, const arb_t a1,
              const arb_t a2, const arb_t eps, slong prec)
{
    slong k = arb_mat_nrows(V), row = 0, j, a, d = arb_mat_ncols(V);

    arb_mat_zero(V);
    for (j = 0; j < k; j++)
        arb_one(arb_mat_entry(V, j, j));
    arb_mat_zero(W);
    for (j = 0; j < k; j++)
    {
        if (j == 0)
        {
            /* a1 (e_1 + eps e_2), a2 (e_1 + eps e_2) */
            arb_set(arb_mat_entry(W, row, 0), a1);
            arb_mul(arb_mat_entry(W, row, 1), a1, eps, prec);
            arb_set(arb_mat_entry(W, row + 1, 0), a2);
            arb_mul(arb_mat_entry(W, row + 1, 1), a2, eps, prec);
            row += 2;
        }
        else if (j < n - k)
        {
            arb_set(arb_mat_entry(W, row, j), a1);
            arb_set(arb_mat_entry(W, row + 1, j), a2);
            row += 2;
        }
        else
        {
            for (a = 0; a < d; a++)
                arb_set(arb_mat_entry(W, row, a), arb_mat_entry(V, j, a));
            row++;
        }
    }
}

void
rc_thm4_closed_form(arb_t q, const arb_t a1, const arb_t a2, const arb_t eps,
                    slong prec)
{
    arb_t r, s, t;

    arb_init(r); arb_init(s); arb_init(t);
    /* r = sqrt(1 + eps^2), sin t = eps / r */
    arb_sqr(r, eps, prec);
    arb_add_ui(r, r, 1, prec);
    arb_sqrtpos(r, r, prec);
    arb_div(s, eps, r, prec);
    /* q = -(s / (pi r)) (1/a1 + 1/a2) */
    arb_inv(t, a1, prec);
    arb_inv(q, a2, prec);
    arb_add(t, t, q, prec);
    arb_mul(t, t, s, prec);
    arb_const_pi(q, prec);
    arb_mul(q, q, r, prec);
    arb_div(q, t, q, prec);
    arb_neg(q, q);
    arb_clear(r); arb_clear(s); arb_clear(t);
}

rc_verdict_t
rc_thm4_curvature(arb_t curv, arb_t dist, slong k, slong n, slong d,
                  const arb_t a1, const arb_t a2, const arb_t eps, slong prec)
{
    arb_mat_t W, V, Y;
    arb_t zz;
    rc_verdict_t res = RC_UNDECIDED;

    arb_mat_init(W, n, d); arb_mat_init(V, k, d); arb_mat_init(Y, n, d);
    arb_init(zz);
    rc_thm4_point(W, V, n, a1, a2, eps, prec);
    /* y = (z, -z, 0, ...), z = eps e_1 - e_2 */
    arb_set(arb_mat_entry(Y, 0, 0), eps);
    arb_set_si(arb_mat_entry(Y, 0, 1), -1);
    arb_neg(arb_mat_entry(Y, 1, 0), eps);
    arb_one(arb_mat_entry(Y, 1, 1));
    if (rc_hessian_quad_form(curv, W, V, Y, prec))
    {
        /* divide by |z|^2 = 1 + eps^2 */
        arb_sqr(zz, eps, prec);
        arb_add_ui(zz, zz, 1, prec);
        arb_div(curv, curv, zz, prec);
        if (arb_is_negative(curv))
            res = RC_PROVED;
    }
    /* |w - w~| = eps sqrt(a1^2 + a2^2) (|e_2| = 1) */
    arb_sqr(dist, a1, prec);
    arb_addmul(dist, a2, a2, prec);
    arb_sqrtpos(dist, dist, prec);
    arb_mul(dist, dist, eps, prec);
    arb_abs(dist, dist);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(Y);
    arb_clear(zz);
    return res;
}

slong
rc_thm4_prec(const fmpq_t eps)
{
    slong b;
    fmpq_t e;

    fmpq_init(e);
    fmpq_abs(e, eps);
    if (fmpq_is_zero(e))
        b = 0;
    else
        b = FLINT_MAX(0, (slong) fmpz_bits(fmpq_denref(e)) - (slong) fmpz_bits(fmpq_numref(e)) + 1);
    fmpq_clear(e);
    return 128 + 2 * b;
}
