/* The split lemma on the reduced path (proofs/model.md M3.3 and M6.5): forms of
   the diagonal block H'_ii of one representative neuron per block (for i, j
   in one block some s in G maps i to j and H'_jj = P_s H'_ii P_s^T), on the
   vectors fixed by the stabiliser of i and on differences e_a - e_a', and
   the curvature of the split point itself. With extra neurons (M6.8,
   L13(e)(c)) each extra neuron is a representative of its own: G fixes it,
   so its invariant vectors are the block indicators. */
#include "sym_frame.h"
#include "relucert/pair.h"
#include "relucert/eval.h"

slong
rc_sym_split_count(const rc_sym_t s)
{
    return s->m + s->nx;
}

slong
rc_sym_split_neuron(const rc_sym_t s, slong b)
{
    return b < s->m ? s->members[s->start[b]] : s->k + (b - s->m);
}

slong
rc_sym_dvec_basis(rc_sym_dvec_struct * z, const rc_sym_t s, slong b)
{
    slong c, n = 0;

    if (b >= s->m)   /* an extra neuron: every block indicator */
    {
        for (c = 0; c < s->m; c++)
        {
            z[n].kind = RC_SYM_DVEC_BLOCK;
            z[n++].c = c;
        }
        return n;
    }
    z[n].kind = RC_SYM_DVEC_SELF; z[n++].c = b;
    if (s->p[b] >= 2)
    {
        z[n].kind = RC_SYM_DVEC_REST;
        z[n++].c = b;
    }
    for (c = 0; c < s->m; c++)
        if (c != b)
        {
            z[n].kind = RC_SYM_DVEC_BLOCK;
            z[n++].c = c;
        }
    return n;
}

int
rc_sym_dvec_diff_exists(const rc_sym_t s, slong b, slong c)
{
    return c >= 0 && c < s->m && s->p[c] - (c == b) >= 2;
}

/* the named indices the vectors z need for neuron i (an extra neuron,
   fixed by G, is not an index of R^k and is not named) */
static slong
dvec_support(slong * named, const rc_sym_t s, slong i, const rc_sym_dvec_struct * z, slong nz)
{
    slong a, nn = 0;

    if (i < s->k)
        named[nn++] = i;
    for (a = 0; a < nz; a++)
        if (z[a].kind == RC_SYM_DVEC_DIFF)
        {
            if (nn + 2 > RC_SYM_FRAME_MAX - 1)   /* one partner is named later */
                flint_abort();
            _rc_sym_diff_indices(named + nn, named + nn + 1, s, z[a].c, i);
            nn += 2;
        }
    return nn;
}

void
rc_sym_dvec_gram(fmpz_mat_t G, const rc_sym_t s, slong b, const rc_sym_dvec_struct * z,
                 slong nz)
{
    slong named[RC_SYM_FRAME_MAX], rr[RC_SYM_CLASSES_MAX], rcnt[RC_SYM_CLASSES_MAX];
    slong i = rc_sym_split_neuron(s, b), nr, cr, a, c;
    rc_sym_frame_t F;

    _rc_sym_frame_init(F, s, named, dvec_support(named, s, i, z, nz), 16);
    fmpz_mat_zero(G);
    nr = _rc_sym_frame_classes(rr, rcnt, F, -1);
    for (cr = 0; cr < nr; cr++)
        for (a = 0; a < nz; a++)
            for (c = 0; c < nz; c++)
                fmpz_add_si(fmpz_mat_entry(G, a, c), fmpz_mat_entry(G, a, c),
                            rcnt[cr] * rc_sym_dvec_value(s, z + a, i, rr[cr])
                                     * rc_sym_dvec_value(s, z + c, i, rr[cr]));
    _rc_sym_frame_clear(F);
}

/* what the partner callback of rc_sym_hprime_form needs */
typedef struct
{
    const rc_sym_struct * s;
    const rc_sym_dvec_struct * z;
    slong nz, i;
    arb_srcptr theta, scale;
    arb_ptr w, v, X;
    int * nzf;
    rc_pair_t p;
    _rc_sym_dots_t dd;
    arb_t pi;
    arb_mat_struct * A;
}
hprime_ctx;

/* A += +-mult z^T h1(scale w_i, partner) z */
static void
hprime_partner(void * ctx, const rc_sym_frame_t F2, slong j, slong mult, int teacher, slong prec)
{
    hprime_ctx * c = ctx;
    slong D = _rc_sym_cdim(c->s), a;

    for (a = 0; a < c->nz; a++)
        _rc_sym_frame_vec_dvec(c->X + a * D, F2, c->z + a, c->i, prec);
    _rc_sym_nonzero_flags(c->nzf, c->X, c->nz, D);
    _rc_sym_frame_vec_w(c->w, F2, c->theta, c->scale, c->i, prec);
    _rc_sym_frame_vec_partner(c->v, F2, c->theta, j, teacher, prec);
    rc_pair_set(c->p, c->w, c->v, prec);
    _rc_sym_dots_set(&c->dd, c->p, c->X, c->nzf, D, prec);
    _rc_sym_h1_add(c->A, c->p, &c->dd, c->X, c->nzf, D, mult, teacher ? -1 : 1, c->pi, prec);
}

int
rc_sym_hprime_form(arb_mat_t A, const rc_sym_t s, slong b, const arb_t scale,
                   const rc_sym_dvec_struct * z, slong nz, arb_srcptr theta, slong prec)
{
    slong named[RC_SYM_FRAME_MAX], D = _rc_sym_cdim(s);
    rc_sym_frame_t F1;
    hprime_ctx c;

    if (!rc_sym_neurons_nonzero(s, theta, prec) || !arb_is_positive(scale))
    {
        arb_mat_indeterminate(A);
        return 0;
    }
    c.s = s; c.z = z; c.nz = nz; c.i = rc_sym_split_neuron(s, b);
    c.theta = theta; c.scale = scale; c.A = A;
    c.w = _arb_vec_init(D); c.v = _arb_vec_init(D); c.X = _arb_vec_init(nz * D);
    c.nzf = flint_malloc(sizeof(int) * nz);
    rc_pair_init(c.p, D);
    _rc_sym_dots_init(&c.dd, nz);
    arb_init(c.pi);
    arb_const_pi(c.pi, prec);
    arb_mat_zero(A);
    _rc_sym_frame_init(F1, s, named, dvec_support(named, s, c.i, z, nz), prec);
    _rc_sym_frame_partners(F1, c.i, hprime_partner, &c, prec);
    _rc_sym_frame_clear(F1);
    rc_mat_symmetrize(A, prec);
    _rc_sym_dots_clear(&c.dd);
    rc_pair_clear(c.p);
    arb_clear(c.pi);
    _arb_vec_clear(c.w, D); _arb_vec_clear(c.v, D); _arb_vec_clear(c.X, nz * D);
    flint_free(c.nzf);
    return 1;
}

/* res = y^T A y */
static void
quad(arb_t res, const arb_mat_t A, arb_srcptr y, slong n, slong prec)
{
    slong a, b;
    arb_t t;
    arb_init(t);
    arb_zero(res);
    for (a = 0; a < n; a++)
        for (b = 0; b < n; b++)
        {
            arb_mul(t, y + a, y + b, prec);
            arb_addmul(res, t, arb_mat_entry(A, a, b), prec);
        }
    arb_clear(t);
}

int
rc_sym_split_point_curvature(arb_t q, const rc_sym_t s, slong b, const arb_t alpha,
                             const rc_sym_dvec_struct * z, arb_srcptr y, slong nz,
                             arb_srcptr theta, slong prec)
{
    slong named[RC_SYM_FRAME_MAX], i = rc_sym_split_neuron(s, b), a, D = _rc_sym_cdim(s);
    arb_ptr u = _arb_vec_init(D), x = _arb_vec_init(D);
    arb_ptr w1 = _arb_vec_init(D), w2 = _arb_vec_init(D);
    arb_mat_t A;
    arb_t beta, t, uu, pi, total;
    rc_sym_frame_t F;
    rc_pair_t p;
    int ok = 0;

    arb_init(beta); arb_init(t); arb_init(uu); arb_init(pi); arb_init(total);
    arb_mat_init(A, nz, nz);
    arb_indeterminate(q);
    arb_sub_si(beta, alpha, 1, prec);
    arb_neg(beta, beta);                       /* 1 - alpha */
    if (!arb_is_positive(alpha) || !arb_is_positive(beta))
        goto cleanup;

    /* the two halves' sums over the other neurons and the teachers */
    arb_zero(total);
    if (!rc_sym_hprime_form(A, s, b, alpha, z, nz, theta, prec))
        goto cleanup;
    quad(t, A, y, nz, prec);
    arb_add(total, total, t, prec);
    if (!rc_sym_hprime_form(A, s, b, beta, z, nz, theta, prec))
        goto cleanup;
    quad(t, A, y, nz, prec);
    arb_add(total, total, t, prec);

    /* the pair of halves: u^T h1(w1, w2) u + u^T h1(w2, w1) u - 2 u^T h2(w1, w2) u,
       and |u|^2 / 2 twice */
    arb_const_pi(pi, prec);
    _rc_sym_frame_init(F, s, named, dvec_support(named, s, i, z, nz), prec);
    _arb_vec_zero(u, D);
    for (a = 0; a < nz; a++)
    {
        _rc_sym_frame_vec_dvec(x, F, z + a, i, prec);
        _arb_vec_scalar_addmul(u, x, D, y + a, prec);
    }
    arb_dot(uu, NULL, 0, u, 1, u, 1, D, prec);
    _rc_sym_frame_vec_w(w1, F, theta, alpha, i, prec);
    _rc_sym_frame_vec_w(w2, F, theta, beta, i, prec);
    rc_pair_init(p, D);
    rc_pair_set(p, w1, w2, prec);
    rc_kernel_h1_form_add(total, p, u, uu, pi, 1, prec);
    arb_zero(t);
    rc_kernel_h2_form_add2(t, p, u, u, pi, prec);
    arb_sub(total, total, t, prec);
    rc_pair_swap(p);
    rc_kernel_h1_form_add(total, p, u, uu, pi, 1, prec);
    rc_pair_clear(p);
    _rc_sym_frame_clear(F);
    arb_add(total, total, uu, prec);

    /* Y = (u, -u): |Y|^2 = 2 |u|^2 */
    arb_mul_2exp_si(t, uu, 1);
    arb_div(q, total, t, prec);
    ok = 1;
cleanup:
    arb_mat_clear(A);
    _arb_vec_clear(u, D); _arb_vec_clear(x, D);
    _arb_vec_clear(w1, D); _arb_vec_clear(w2, D);
    arb_clear(beta); arb_clear(t); arb_clear(uu); arb_clear(pi); arb_clear(total);
    return ok;
}
