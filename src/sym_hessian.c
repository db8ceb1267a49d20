/* Hessian bilinear forms on structured vectors over a box of Fix(G): the
   reduced matrices beta = U^T H U of the types, and the forms of the
   diagonal block H'_ii used by the split lemma (math.md sections 3 and 6),
   from O(m^2) pair kernels with integer multiplicities (lemma L13). */
#include "sym_frame.h"
#include "relucert/pair.h"
#include "relucert/eval.h"

int
rc_sym_type_beta(arb_mat_t beta, const rc_sym_t s, const rc_sym_type_struct * t,
                 arb_srcptr theta, slong prec)
{
    slong D = _rc_sym_cdim(s), n = t->ncopies, ni, nj, ci, cj, a;
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX];
    slong jj[RC_SYM_CLASSES_MAX], jc[RC_SYM_CLASSES_MAX];
    arb_ptr w = _arb_vec_init(D), v = _arb_vec_init(D);
    arb_ptr X = _arb_vec_init(n * D), Y = _arb_vec_init(n * D);
    int * nzx = flint_malloc(sizeof(int) * n), * nzy = flint_malloc(sizeof(int) * n);
    rc_sym_frame_t F0, F1, F2;
    rc_pair_t p;
    _rc_sym_dots_t dd;
    arb_t pi;
    fmpz_mat_t G;
    int ok = 1;

    if (!rc_sym_neurons_nonzero(s, theta, prec))
    {
        ok = 0;
        arb_mat_indeterminate(beta);
        goto cleanup;
    }
    arb_init(pi);
    arb_const_pi(pi, prec);
    rc_pair_init(p, D);
    _rc_sym_dots_init(&dd, n);
    arb_mat_zero(beta);
    _rc_sym_frame_init(F0, s, t->support, t->nsupport, prec);
    ni = _rc_sym_frame_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        slong i = ii[ci];
        _rc_sym_frame_init_extend(F1, F0, i, prec);
        /* neurons i' != i: h1 on (x, x), h2 on (x, y) */
        nj = _rc_sym_frame_classes(jj, jc, F1, i);
        for (cj = 0; cj < nj; cj++)
        {
            _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
            for (a = 0; a < n; a++)
            {
                _rc_sym_frame_vec_copy(X + a * D, F2, t, a, i, prec);
                _rc_sym_frame_vec_copy(Y + a * D, F2, t, a, jj[cj], prec);
            }
            _rc_sym_nonzero_flags(nzx, X, n, D);
            _rc_sym_nonzero_flags(nzy, Y, n, D);
            _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
            _rc_sym_frame_vec_w(v, F2, theta, NULL, jj[cj], prec);
            rc_pair_set(p, w, v, prec);
            _rc_sym_dots_set(&dd, p, X, nzx, D, prec);
            _rc_sym_h1_add(beta, p, &dd, X, nzx, D, ic[ci] * jc[cj], 1, pi, prec);
            _rc_sym_h2_add(beta, p, &dd, X, nzx, Y, nzy, D, ic[ci] * jc[cj], pi, prec);
            _rc_sym_frame_clear(F2);
        }
        /* teachers */
        nj = _rc_sym_frame_classes(jj, jc, F1, -1);
        for (cj = 0; cj < nj; cj++)
        {
            _rc_sym_frame_init_extend(F2, F1, jj[cj], prec);
            for (a = 0; a < n; a++)
                _rc_sym_frame_vec_copy(X + a * D, F2, t, a, i, prec);
            _rc_sym_nonzero_flags(nzx, X, n, D);
            _rc_sym_frame_vec_w(w, F2, theta, NULL, i, prec);
            _rc_sym_frame_vec_e(v, F2, jj[cj], prec);
            rc_pair_set(p, w, v, prec);
            _rc_sym_dots_set(&dd, p, X, nzx, D, prec);
            _rc_sym_h1_add(beta, p, &dd, X, nzx, D, ic[ci] * jc[cj], -1, pi, prec);
            _rc_sym_frame_clear(F2);
        }
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);

    /* the symmetric truth lies in both (a, b) and (b, a); then + Gamma / 2 */
    rc_mat_symmetrize(beta, prec);
    fmpz_mat_init(G, n, n);
    rc_sym_type_gamma(G, s, t);
    for (a = 0; a < n; a++)
    {
        slong b;
        for (b = 0; b < n; b++)
        {
            arb_t g;
            arb_init(g);
            arb_set_fmpz(g, fmpz_mat_entry(G, a, b));
            arb_mul_2exp_si(g, g, -1);
            arb_add(arb_mat_entry(beta, a, b), arb_mat_entry(beta, a, b), g, prec);
            arb_clear(g);
        }
    }
    fmpz_mat_clear(G);
    _rc_sym_dots_clear(&dd);
    rc_pair_clear(p);
    arb_clear(pi);
cleanup:
    _arb_vec_clear(w, D); _arb_vec_clear(v, D);
    _arb_vec_clear(X, n * D); _arb_vec_clear(Y, n * D);
    flint_free(nzx); flint_free(nzy);
    return ok;
}
