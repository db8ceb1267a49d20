/* Hessian bilinear forms on structured vectors over a box of Fix(G): the
   reduced matrices beta = U^T H U of the types, and the forms of the
   diagonal block H'_ii used by the split lemma (proofs/model.md M3.3 and M6.5),
   from O(m^2) pair kernels with integer multiplicities (lemma L13). */
#include "sym_frame.h"
#include "relucert/pair.h"
#include "relucert/eval.h"

/* what the partner callback of rc_sym_type_beta needs */
typedef struct
{
    const rc_sym_struct * s;
    const rc_sym_type_struct * t;
    arb_srcptr theta;
    slong i, mi;
    arb_ptr w, v, X, Y;
    int * nzx, * nzy;
    rc_pair_t p;
    _rc_sym_dots_t dd;
    arb_t pi;
    arb_mat_struct * beta;
}
beta_ctx;

/* neurons i' != i: h1 on (x, x) and h2 on (x, y), x, y the copies' rows i
   and i'; teachers: - h1 on (x, x) */
static void
beta_partner(void * ctx, const rc_sym_frame_t F2, slong j, slong mult, int teacher, slong prec)
{
    beta_ctx * c = ctx;
    slong D = _rc_sym_cdim(c->s), n = c->t->ncopies, a;

    for (a = 0; a < n; a++)
    {
        _rc_sym_frame_vec_copy(c->X + a * D, F2, c->t, a, c->i, prec);
        if (!teacher)
            _rc_sym_frame_vec_copy(c->Y + a * D, F2, c->t, a, j, prec);
    }
    _rc_sym_nonzero_flags(c->nzx, c->X, n, D);
    _rc_sym_frame_vec_w(c->w, F2, c->theta, NULL, c->i, prec);
    _rc_sym_frame_vec_partner(c->v, F2, c->theta, j, teacher, prec);
    rc_pair_set(c->p, c->w, c->v, prec);
    _rc_sym_dots_set(&c->dd, c->p, c->X, c->nzx, D, prec);
    _rc_sym_h1_add(c->beta, c->p, &c->dd, c->X, c->nzx, D, c->mi * mult, teacher ? -1 : 1,
                   c->pi, prec);
    if (!teacher)
    {
        _rc_sym_nonzero_flags(c->nzy, c->Y, n, D);
        _rc_sym_h2_add(c->beta, c->p, &c->dd, c->X, c->nzx, c->Y, c->nzy, D, c->mi * mult,
                       c->pi, prec);
    }
}

int
rc_sym_type_beta(arb_mat_t beta, const rc_sym_t s, const rc_sym_type_struct * t,
                 arb_srcptr theta, slong prec)
{
    slong D = _rc_sym_cdim(s), n = t->ncopies, ni, ci, a, b;
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX];
    rc_sym_frame_t F0, F1;
    beta_ctx c;
    fmpz_mat_t G;
    arb_t g;

    if (!rc_sym_neurons_nonzero(s, theta, prec))
    {
        arb_mat_indeterminate(beta);
        return 0;
    }
    c.s = s; c.t = t; c.theta = theta; c.beta = beta;
    c.w = _arb_vec_init(D); c.v = _arb_vec_init(D);
    c.X = _arb_vec_init(n * D); c.Y = _arb_vec_init(n * D);
    c.nzx = flint_malloc(sizeof(int) * n); c.nzy = flint_malloc(sizeof(int) * n);
    rc_pair_init(c.p, D);
    _rc_sym_dots_init(&c.dd, n);
    arb_init(c.pi);
    arb_const_pi(c.pi, prec);
    arb_mat_zero(beta);
    _rc_sym_frame_init(F0, s, t->support, t->nsupport, prec);
    ni = _rc_sym_frame_neuron_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        c.i = ii[ci];
        c.mi = ic[ci];
        _rc_sym_frame_init_extend(F1, F0, c.i, prec);
        _rc_sym_frame_partners(F1, c.i, beta_partner, &c, prec);
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);

    /* the symmetric truth lies in both (a, b) and (b, a); then + Gamma / 2 */
    rc_mat_symmetrize(beta, prec);
    fmpz_mat_init(G, n, n);
    arb_init(g);
    rc_sym_type_gamma(G, s, t);
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            arb_set_fmpz(g, fmpz_mat_entry(G, a, b));
            arb_mul_2exp_si(g, g, -1);
            arb_add(arb_mat_entry(beta, a, b), arb_mat_entry(beta, a, b), g, prec);
        }
    arb_clear(g);
    fmpz_mat_clear(G);
    _rc_sym_dots_clear(&c.dd);
    rc_pair_clear(c.p);
    arb_clear(c.pi);
    _arb_vec_clear(c.w, D); _arb_vec_clear(c.v, D);
    _arb_vec_clear(c.X, n * D); _arb_vec_clear(c.Y, n * D);
    flint_free(c.nzx); flint_free(c.nzy);
    return 1;
}
