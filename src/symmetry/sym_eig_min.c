/* The smallest Hessian eigenvalue at a point of Fix(G), type by type
   (lemma L13): the spectrum of H is the union over the irreducible types
   rho of the spectra of the pencils (beta_rho, Gamma_rho), each with
   multiplicity dim rho, when the table of types is complete. */
#include "relucert/eval.h"
#include "relucert/spectrum.h"
#include "relucert/sym.h"

void
rc_sym_type_spectrum(arb_t lam, slong * neg, const arb_mat_t beta, const fmpz_mat_t G,
                     slong prec)
{
    slong n = arb_mat_nrows(beta), cnt;
    arb_mat_t L, T1, T2, M;
    arb_t zero;

    arb_mat_init(L, n, n); arb_mat_init(T1, n, n); arb_mat_init(T2, n, n);
    arb_mat_init(M, n, n);
    arb_init(zero);
    *neg = rc_mat_count_below(&cnt, beta, zero, prec) ? cnt : -1;
    arb_mat_set_fmpz_mat(T1, G);
    arb_indeterminate(lam);
    if (arb_mat_cho(L, T1, prec))
    {
        arb_mat_solve_tril(T1, L, beta, 0, prec);
        arb_mat_transpose(T2, T1);
        arb_mat_solve_tril(M, L, T2, 0, prec);
        rc_mat_symmetrize(M, prec);
        rc_mat_eig_min(lam, NULL, M, prec);
    }
    arb_mat_clear(L); arb_mat_clear(T1); arb_mat_clear(T2); arb_mat_clear(M);
    arb_clear(zero);
}

int
rc_sym_hessian_eig_min(arb_t lam, slong * morse, const rc_sym_t s, arb_srcptr theta, slong prec)
{
    rc_sym_type_struct * types;
    slong ntypes, j, neg, total = 0;
    int ok;

    rc_sym_types(&types, &ntypes, s);
    ok = rc_sym_types_dimension(types, ntypes) == s->n * s->k;
    arb_indeterminate(lam);
    for (j = 0; ok && j < ntypes; j++)
    {
        slong n = types[j].ncopies;
        arb_mat_t beta;
        fmpz_mat_t G;
        fmpz_t det;
        arb_t t;

        arb_mat_init(beta, n, n); fmpz_mat_init(G, n, n); fmpz_init(det); arb_init(t);
        rc_sym_type_gamma(G, s, types + j);
        fmpz_mat_det(det, G);
        ok = !fmpz_is_zero(det) && rc_sym_type_beta(beta, s, types + j, theta, prec);
        if (ok)
        {
            rc_sym_type_spectrum(t, &neg, beta, G, prec);
            if (j == 0)
                arb_set(lam, t);
            else
                arb_min(lam, lam, t, prec);
            total = (total < 0 || neg < 0) ? -1 : total + neg * types[j].dim;
        }
        arb_mat_clear(beta); fmpz_mat_clear(G); fmpz_clear(det); arb_clear(t);
    }
    if (!ok)
    {
        arb_indeterminate(lam);
        total = -1;
    }
    if (morse != NULL)
        *morse = total;
    flint_free(types);
    return ok;
}
