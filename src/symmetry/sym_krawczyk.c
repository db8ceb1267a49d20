/* Existence and uniqueness of a critical point in fixed-point coordinates:
   the Krawczyk test for grad phi, phi(theta) = F(W(theta)), and Newton's
   method to find the candidate (proofs/model.md M5.2 and M6.3; lemma L13: by
   symmetric criticality a critical point of phi is one of F). */
#include "relucert/sym.h"

/* Hphi = the trivial type's beta (orbit indicators in theta's order) */
static int
hessian_phi(arb_mat_t H, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    rc_sym_type_struct * types;
    slong ntypes;
    int ok;

    rc_sym_types(&types, &ntypes, s);
    ok = rc_sym_type_beta(H, s, types, theta, prec);
    flint_free(types);
    return ok;
}

rc_verdict_t
rc_sym_krawczyk(slong * witness, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    slong q = s->q, o;
    arb_ptr c = _arb_vec_init(q), gc = _arb_vec_init(q), gx = _arb_vec_init(q);
    arb_ptr dx = _arb_vec_init(q), K = _arb_vec_init(q);
    arb_mat_t Hx, C, M, Hm;
    rc_verdict_t res = RC_UNDECIDED;
    int ok = 1;

    arb_mat_init(Hx, q, q); arb_mat_init(C, q, q);
    arb_mat_init(M, q, q); arb_mat_init(Hm, q, q);
    for (o = 0; o < q; o++)
    {
        arb_set_arf(c + o, arb_midref(theta + o));
        arb_sub(dx + o, theta + o, c + o, prec);
    }
    if (!rc_sym_neurons_nonzero(s, theta, prec))
        goto out;
    if (!hessian_phi(Hx, s, theta, prec) || !rc_sym_gradient(gc, s, c, prec))
        goto out;

    /* C = inverse of the midpoint Hessian, made exact */
    arb_mat_get_mid(Hm, Hx);
    if (!arb_mat_inv(C, Hm, prec))
        ok = 0;
    if (ok)
    {
        arb_mat_get_mid(C, C);
        /* K = c - C g(c) + (I - C Hx)(X - c) */
        arb_mat_mul(M, C, Hx, prec);
        arb_mat_neg(M, M);
        for (o = 0; o < q; o++)
            arb_add_si(arb_mat_entry(M, o, o), arb_mat_entry(M, o, o), 1, prec);
        for (o = 0; o < q; o++)
        {
            slong j;
            arb_set(K + o, c + o);
            for (j = 0; j < q; j++)
            {
                arb_submul(K + o, arb_mat_entry(C, o, j), gc + j, prec);
                arb_addmul(K + o, arb_mat_entry(M, o, j), dx + j, prec);
            }
            if (!arb_contains_interior(theta + o, K + o))
                ok = 0;
        }
        if (ok)
            res = RC_PROVED;
    }
    if (res != RC_PROVED && rc_sym_gradient(gx, s, theta, prec))
        for (o = 0; o < q; o++)
            if (!arb_contains_zero(gx + o))
            {
                res = RC_REFUTED;
                if (witness != NULL)
                    *witness = o;
                break;
            }
out:
    _arb_vec_clear(c, q); _arb_vec_clear(gc, q); _arb_vec_clear(gx, q);
    _arb_vec_clear(dx, q); _arb_vec_clear(K, q);
    arb_mat_clear(Hx); arb_mat_clear(C); arb_mat_clear(M); arb_mat_clear(Hm);
    return res;
}

int
rc_sym_refine_newton(arb_ptr theta, const rc_sym_t s, arb_srcptr theta0, slong iters,
                     slong prec)
{
    slong q = s->q, o, it;
    arb_ptr g = _arb_vec_init(q);
    arb_mat_t H, G, X;
    arb_t nx, ns;
    int conv = 0;

    arb_mat_init(H, q, q); arb_mat_init(G, q, 1); arb_mat_init(X, q, 1);
    arb_init(nx); arb_init(ns);
    for (o = 0; o < q; o++)
        arb_set_arf(theta + o, arb_midref(theta0 + o));
    for (it = 0; it < iters && !conv; it++)
    {
        if (!rc_sym_gradient(g, s, theta, prec) || !hessian_phi(H, s, theta, prec))
            break;
        arb_mat_get_mid(H, H);
        for (o = 0; o < q; o++)
            arb_set_arf(arb_mat_entry(G, o, 0), arb_midref(g + o));
        if (!arb_mat_solve(X, H, G, prec))
            break;
        arb_zero(nx); arb_zero(ns);
        for (o = 0; o < q; o++)
        {
            arb_sub(theta + o, theta + o, arb_mat_entry(X, o, 0), prec);
            arb_set_arf(theta + o, arb_midref(theta + o));
            arb_addmul(nx, theta + o, theta + o, prec);
            arb_addmul(ns, arb_mat_entry(X, o, 0), arb_mat_entry(X, o, 0), prec);
        }
        /* |step|^2 < 2^(20 - 2 prec) |theta|^2 */
        arb_mul_2exp_si(nx, nx, 20 - 2 * prec);
        if (arf_cmp(arb_midref(ns), arb_midref(nx)) < 0)
            conv = 1;
    }
    _arb_vec_clear(g, q);
    arb_mat_clear(H); arb_mat_clear(G); arb_mat_clear(X);
    arb_clear(nx); arb_clear(ns);
    return conv;
}
