/* The certifier on the reduced path: Newton in fixed-point coordinates, a
   box, witnesses chosen in floating point, then rc_symcert_verify decides.
   Nothing computed here is trusted: a bad choice only makes a verdict
   undecided. */
#include <math.h>
#include <lapacke.h>
#include "relucert/symcert.h"
#include "relucert/number.h"
#include "relucert/spectrum.h"

/* the same box rule as the dense certifier (mincert_find.c) */
#define RADIUS_LOG2(prec) (-(3 * (prec)) / 8)
#define CENTRE_EXTRA_BITS 40

/* smallest generalised eigenpair of (A, G) in double; 0 on success */
static int
d_gen_eig_min(double * lam, double * y, const arb_mat_t A, const fmpz_mat_t G)
{
    slong n = arb_mat_nrows(A), a, b;
    double * Ad = flint_malloc(sizeof(double) * n * n), * Gd = flint_malloc(sizeof(double) * n * n);
    double * w = flint_malloc(sizeof(double) * n);
    int info;

    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            Ad[a * n + b] = arf_get_d(arb_midref(arb_mat_entry(A, a, b)), ARF_RND_NEAR);
            Gd[a * n + b] = fmpz_get_d(fmpz_mat_entry(G, a, b));
        }
    info = LAPACKE_dsygv(LAPACK_ROW_MAJOR, 1, 'V', 'U', n, Ad, n, Gd, n, w);
    if (info == 0)
    {
        *lam = w[0];
        if (y != NULL)
            for (a = 0; a < n; a++)
                y[a] = Ad[a * n + 0];
    }
    flint_free(Ad); flint_free(Gd); flint_free(w);
    return info != 0 || !isfinite(*lam);
}

/* lambda_min of H at the point theta, in double (min over the types) */
static double
lam_min_at(const rc_symcert_t c, arb_srcptr theta, slong prec)
{
    slong j;
    double best = INFINITY, l;

    for (j = 0; j < c->ntypes; j++)
    {
        slong n = c->types[j].ncopies;
        arb_mat_t beta;
        fmpz_mat_t G;
        arb_mat_init(beta, n, n);
        fmpz_mat_init(G, n, n);
        rc_sym_type_gamma(G, c->sym, c->types + j);
        if (rc_sym_type_beta(beta, c->sym, c->types + j, theta, prec)
            && d_gen_eig_min(&l, NULL, beta, G) == 0)
            best = FLINT_MIN(best, l);
        arb_mat_clear(beta);
        fmpz_mat_clear(G);
    }
    return best;
}

/* the split witness of representative b (a block or an extra neuron):
   the smallest eigenvector of H'_ii on the
   vectors fixed by the stabiliser of i, or a difference e_a - e_a' in some
   block if that curvature is smaller; near ties, which the BLAS kernel may
   rank either way, go to the difference (exact, no rounded digits) in the
   lowest block (rc_d_argmin_tie_low); returns the curvature (double) */
static double
choose_split(rc_symcert_t c, slong b, arb_srcptr theta, slong prec)
{
    rc_sym_dvec_struct z[RC_SYM_MAX_BLOCKS + 1];
    slong nz = rc_sym_dvec_basis(z, c->sym, b), a, e, best;
    double l, yd[RC_SYM_MAX_BLOCKS + 1], ls[RC_SYM_MAX_BLOCKS + 1];
    arb_mat_t A;
    fmpz_mat_t G;
    arb_t one;

    arb_init(one);
    arb_one(one);
    arb_mat_init(A, nz, nz);
    fmpz_mat_init(G, nz, nz);
    if (c->split_y[b] != NULL)
        _fmpq_vec_clear(c->split_y[b], c->split_ny[b]);
    c->split_y[b] = _fmpq_vec_init(nz);
    c->split_ny[b] = nz;
    c->split_diff[b] = -1;
    for (e = 0; e <= c->sym->m; e++)
        ls[e] = INFINITY;
    /* ls[e]: the difference in block e, ls[m]: the eigenvector */
    if (rc_sym_hprime_form(A, c->sym, b, one, z, nz, theta, prec))
    {
        rc_sym_dvec_gram(G, c->sym, b, z, nz);
        if (d_gen_eig_min(&l, yd, A, G) == 0)
        {
            ls[c->sym->m] = l;
            for (a = 0; a < nz; a++)
                rc_number_set_d_digits(c->split_y[b] + a, yd[a], 12);
        }
    }
    for (e = 0; e < c->sym->m; e++)
    {
        rc_sym_dvec_struct d;
        arb_mat_t A1;
        if (!rc_sym_dvec_diff_exists(c->sym, b, e))
            continue;
        d.kind = RC_SYM_DVEC_DIFF;
        d.c = e;
        arb_mat_init(A1, 1, 1);
        if (rc_sym_hprime_form(A1, c->sym, b, one, &d, 1, theta, prec))
            ls[e] = arf_get_d(arb_midref(arb_mat_entry(A1, 0, 0)), ARF_RND_NEAR) / 2;
        arb_mat_clear(A1);
    }
    best = rc_d_argmin_tie_low(ls, c->sym->m + 1);
    if (best >= 0 && best < c->sym->m)
        c->split_diff[b] = best;
    arb_mat_clear(A);
    fmpz_mat_clear(G);
    arb_clear(one);
    return best >= 0 ? ls[best] : INFINITY;
}

int
rc_symcert_find(rc_symcert_t c, const rc_sym_t s, arb_srcptr theta0, const fmpq_t alpha,
                slong prec, rc_error_t err)
{
    slong q = s->q, o, b, e;
    arb_ptr theta = _arb_vec_init(q), X = _arb_vec_init(q);
    fmpz_t z, one;
    arf_t x;
    double lam_d, ls[RC_SYM_MAX_BLOCKS + RC_SYM_MAX_EXTRA];
    int ret;

    if (!_arb_vec_is_finite(theta0, q))
    {
        _arb_vec_clear(theta, q); _arb_vec_clear(X, q);
        return rc_error_set(err, "expected a finite candidate point");
    }
    rc_symcert_set_sym(c, s);
    c->prec = prec;
    fmpq_set(c->alpha, alpha);
    fmpz_init(z); fmpz_init(one); fmpz_one(one); arf_init(x);

    rc_sym_refine_newton(theta, c->sym, theta0, 60, prec);   /* not trusted */

    c->radius_log2 = RADIUS_LOG2(prec);
    e = -c->radius_log2 + CENTRE_EXTRA_BITS;
    for (o = 0; o < q; o++)
    {
        arf_mul_2exp_si(x, arb_midref(theta + o), e);
        arf_get_fmpz(z, x, ARF_RND_NEAR);
        fmpq_set_fmpz_frac(c->centre + o, z, one);
        fmpq_div_2exp(c->centre + o, c->centre + o, e);
        arb_set_fmpq(X + o, c->centre + o, prec);
    }

    /* witnesses at the centre */
    lam_d = lam_min_at(c, X, prec);
    if (isfinite(lam_d) && lam_d > 0)
    {
        rc_number_set_d_digits(c->lam_lower, lam_d - ldexp(lam_d, -28), 10);
        c->have_lam_lower = 1;
    }
    /* the cross-check block: the smallest split curvature, near ties to
       the lowest block (the same certificate with any BLAS kernel) */
    for (b = 0; b < rc_sym_split_count(s); b++)
        ls[b] = choose_split(c, b, X, prec);
    c->cross_block = rc_d_argmin_tie_low(ls, rc_sym_split_count(s));

    ret = rc_symcert_verify(c, err);
    if (ret == 0 && c->have_lam_lower && c->positive_definite == RC_UNDECIDED
        && c->critical == RC_PROVED)
    {
        /* the tight bound did not go through: settle for half of it */
        rc_number_set_d_digits(c->lam_lower, lam_d / 2, 10);
        ret = rc_symcert_verify(c, err);
    }
    _arb_vec_clear(theta, q); _arb_vec_clear(X, q);
    fmpz_clear(z); fmpz_clear(one); arf_clear(x);
    return ret;
}
