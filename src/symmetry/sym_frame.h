/* Internal to the symmetry reduction: frames (lemma L13 in proofs/lemmas.md).

   A frame is a set of at most RC_SYM_FRAME_MAX named indices; the other
   indices of block b form its rest R_b (rem[b] of them, representative
   rep[b], the first member of B_b that is not named). A vector of R^k that
   is constant on every rest is stored in compressed coordinates: slot t <
   RC_SYM_FRAME_MAX holds its value at named[t] (0 when t >= nn), slot
   RC_SYM_FRAME_MAX + b holds sqrt(rem[b]) x its value on R_b. Dot products,
   norms and angles are those of the vectors in R^k, so the pair kernels
   apply unchanged.

   A sum over all indices i of a quantity that is invariant under the
   permutations fixing the named indices is the sum over the classes of the
   frame: each named index once, and rep[b] with multiplicity rem[b]. A sum
   over the student neurons adds each extra neuron k..n-1 (fixed by G, its
   row constant on every block) once. */
#ifndef RELUCERT_SYM_FRAME_H
#define RELUCERT_SYM_FRAME_H

#include "relucert/sym.h"
#include "relucert/pair.h"

#define RC_SYM_FRAME_MAX 6
#define RC_SYM_CLASSES_MAX (RC_SYM_FRAME_MAX + RC_SYM_MAX_BLOCKS + RC_SYM_MAX_EXTRA)

typedef struct
{
    const rc_sym_struct * s;
    slong nn;
    slong named[RC_SYM_FRAME_MAX];
    slong rem[RC_SYM_MAX_BLOCKS];
    slong rep[RC_SYM_MAX_BLOCKS];
    arb_struct sq[RC_SYM_MAX_BLOCKS];   /* sqrt(rem[b]) */
}
rc_sym_frame_struct;

typedef rc_sym_frame_struct rc_sym_frame_t[1];

/* The frame with the given named indices (distinct, nn <= RC_SYM_FRAME_MAX). */
void _rc_sym_frame_init(rc_sym_frame_t F, const rc_sym_t s, const slong * named,
                        slong nn, slong prec);

/* F2 = F with x named too (the same frame if x is named already, or if
   x >= k is an extra neuron, which G fixes). */
void _rc_sym_frame_init_extend(rc_sym_frame_t F2, const rc_sym_frame_t F, slong x,
                               slong prec);

void _rc_sym_frame_clear(rc_sym_frame_t F);

/* Length of a compressed vector of s. */
static inline slong
_rc_sym_cdim(const rc_sym_t s)
{
    return RC_SYM_FRAME_MAX + s->m;
}

/* The classes of F: idx[c], cnt[c] for the named indices other than exclude
   and the nonempty rests; returns their number. */
slong _rc_sym_frame_classes(slong * idx, slong * cnt, const rc_sym_frame_t F,
                            slong exclude);

/* The classes of a sum over the n STUDENT neurons: those of
   _rc_sym_frame_classes (the block neurons) and each extra neuron
   k..n-1 other than exclude, multiplicity 1 (proofs/model.md M6.8(g)). */
slong _rc_sym_frame_neuron_classes(slong * idx, slong * cnt, const rc_sym_frame_t F,
                                   slong exclude);

/* The partners of neuron i (named in F1) in the sums of F and its
   derivatives: every other student neuron i' != i (teacher = 0) and every
   teacher e_j (teacher = 1), one class at a time: fn is called with the
   frame F2 = F1 with the partner j named, j and its multiplicity. */
typedef void (*_rc_sym_partner_fn)(void * ctx, const rc_sym_frame_t F2, slong j, slong mult,
                                   int teacher, slong prec);
void _rc_sym_frame_partners(const rc_sym_frame_t F1, slong i, _rc_sym_partner_fn fn,
                            void * ctx, slong prec);

/* v = the partner j: W(theta) row j (teacher = 0) or e_j (teacher = 1). */
void _rc_sym_frame_vec_partner(arb_ptr v, const rc_sym_frame_t F, arb_srcptr theta,
                               slong j, int teacher, slong prec);

/* v = W(theta) row i, compressed (i must be named in F). */
void _rc_sym_frame_vec_w(arb_ptr v, const rc_sym_frame_t F, arb_srcptr theta,
                         const arb_t scale, slong i, slong prec);

/* v = e_j (teacher row j of V = I_k), compressed (j must be named). */
void _rc_sym_frame_vec_e(arb_ptr v, const rc_sym_frame_t F, slong j, slong prec);

/* v = row i of copy a of type t, compressed. */
void _rc_sym_frame_vec_copy(arb_ptr v, const rc_sym_frame_t F,
                            const rc_sym_type_struct * t, slong a, slong i, slong prec);

/* the indices a DIFF vector of block c uses for neuron i: the first two
   members of B_c other than i */
void _rc_sym_diff_indices(slong * a0, slong * a1, const rc_sym_t s, slong c, slong i);

/* v = the d-vector z relative to neuron i, compressed. */
void _rc_sym_frame_vec_dvec(arb_ptr v, const rc_sym_frame_t F,
                            const rc_sym_dvec_struct * z, slong i, slong prec);

/* Bilinear forms of the pair kernels on compressed vectors X_a (rows of
   X, D = _rc_sym_cdim entries each; nz[a] = 0 marks an exactly zero X_a,
   skipped). */
typedef struct
{
    slong n;            /* vectors */
    arb_ptr P, M, N;    /* wb.x, m_vw.x, n_vw.x */
}
_rc_sym_dots_t;

void _rc_sym_dots_init(_rc_sym_dots_t * d, slong n);
void _rc_sym_dots_clear(_rc_sym_dots_t * d);
void _rc_sym_dots_set(_rc_sym_dots_t * d, const rc_pair_t p, arb_srcptr X,
                      const int * nz, slong D, slong prec);
/* B[a][b] += sign * mult * X_a^T h1(w, v) X_b */
void _rc_sym_h1_add(arb_mat_t B, const rc_pair_t p, const _rc_sym_dots_t * d,
                    arb_srcptr X, const int * nz, slong D, slong mult, int sign,
                    const arb_t pi, slong prec);
/* B[a][b] += mult * X_a^T h2(w, v) Y_b */
void _rc_sym_h2_add(arb_mat_t B, const rc_pair_t p, const _rc_sym_dots_t * d,
                    arb_srcptr X, const int * nzx, arb_srcptr Y, const int * nzy,
                    slong D, slong mult, const arb_t pi, slong prec);
void _rc_sym_nonzero_flags(int * nz, arb_srcptr X, slong n, slong D);

#endif
