/* The Krawczyk test: existence and uniqueness of a critical point of F in a
   box (proofs/model.md M5.2, lemma L2; Krawczyk 1969, Moore 1977). */
#include "relucert/critical.h"
#include "relucert/eval.h"
#include "relucert/spectrum.h"

rc_verdict_t
rc_krawczyk(slong * witness, const arb_mat_t X, const arb_mat_t V, slong prec)
{
    slong n = arb_mat_nrows(X), d = arb_mat_ncols(X), N = n * d, i;
    arb_mat_t c, Gc, GX, HX, C, CG, M, Y, K;
    double * Hd, * Cd;
    int inv_fail;
    rc_verdict_t res = RC_UNDECIDED;

    /* F must be C^2 on all of X for the theorem (no zero neuron) */
    if (rc_student_zero_row(X, prec) >= 0)
        return RC_UNDECIDED;

    arb_mat_init(c, n, d); arb_mat_init(Gc, n, d); arb_mat_init(GX, n, d);
    arb_mat_init(HX, N, N); arb_mat_init(C, N, N);
    arb_mat_init(CG, N, 1); arb_mat_init(M, N, N); arb_mat_init(Y, N, 1);
    arb_mat_init(K, N, 1);

    /* no zero of grad F in X at all? */
    rc_gradient(GX, X, V, prec);
    for (i = 0; i < N; i++)
        if (!arb_contains_zero(arb_mat_entry(GX, i / d, i % d)))
        {
            if (witness != NULL)
                *witness = i;
            res = RC_REFUTED;
            goto out;
        }

    arb_mat_get_mid(c, X);
    rc_gradient(Gc, c, V, prec);
    rc_hessian(HX, X, V, prec);
    /* C: any fixed exact matrix does; the double inverse of the midpoint of
       H(X) is close enough to H(c)^-1 and costs O(N^3) flops, not ball ops */
    Hd = flint_malloc(sizeof(double) * N * N);
    Cd = flint_malloc(sizeof(double) * N * N);
    rc_mat_get_d(Hd, HX);
    inv_fail = rc_d_mat_inv(Cd, Hd, N);
    if (!inv_fail)
        rc_mat_set_d(C, Cd);
    flint_free(Hd);
    flint_free(Cd);
    if (inv_fail)
        goto out;

    /* CG = C grad F(c) */
    for (i = 0; i < N; i++)
        arb_set(arb_mat_entry(Y, i, 0), arb_mat_entry(Gc, i / d, i % d));
    arb_mat_mul(CG, C, Y, prec);
    /* M = I - C H(X) */
    arb_mat_mul(M, C, HX, prec);
    arb_mat_neg(M, M);
    for (i = 0; i < N; i++)
        arb_add_ui(arb_mat_entry(M, i, i), arb_mat_entry(M, i, i), 1, prec);
    /* Y = X - c */
    for (i = 0; i < N; i++)
        arb_sub(arb_mat_entry(Y, i, 0), arb_mat_entry(X, i / d, i % d),
                arb_mat_entry(c, i / d, i % d), prec);
    /* K = c - CG + M Y */
    arb_mat_mul(K, M, Y, prec);
    res = RC_PROVED;
    for (i = 0; i < N; i++)
    {
        arb_ptr k = arb_mat_entry(K, i, 0);
        arb_sub(k, k, arb_mat_entry(CG, i, 0), prec);
        arb_add(k, k, arb_mat_entry(c, i / d, i % d), prec);
        if (!arb_contains_interior(arb_mat_entry(X, i / d, i % d), k))
            res = RC_UNDECIDED;
    }

out:
    arb_mat_clear(c); arb_mat_clear(Gc); arb_mat_clear(GX);
    arb_mat_clear(HX); arb_mat_clear(C);
    arb_mat_clear(CG); arb_mat_clear(M); arb_mat_clear(Y); arb_mat_clear(K);
    return res;
}
