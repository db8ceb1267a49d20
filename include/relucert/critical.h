/* relucert: critical points of F. Newton refinement of a candidate (floating
   point, no claim attached) and the Krawczyk test, which proves that a box
   holds exactly one critical point (proofs/model.md M5.2, lemma L2). */
#ifndef RELUCERT_CRITICAL_H
#define RELUCERT_CRITICAL_H

#include "relucert/flint_arb.h"
#include "relucert/pair.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Three-valued answers of every certifying function. */
typedef enum
{
    RC_REFUTED = -1,   /* the claim is false, and a witness shows it */
    RC_UNDECIDED = 0,  /* not settled at this precision / box size */
    RC_PROVED = 1      /* the claim holds, by ball arithmetic */
}
rc_verdict_t;

/* Short names for verdicts: "proved", "refuted", "undecided". */
const char * rc_verdict_name(rc_verdict_t v);

/* Parses such a name into *v; returns 0 on success, 1 for anything else. */
int rc_verdict_parse(rc_verdict_t * v, const char * s);

/* Newton's method on grad F = 0 from the midpoints of W0, at precision prec,
   with midpoint (floating-point) arithmetic: W is set to exact midpoints.
   At most iters steps; stops when the step is below 2^(10 - prec) relative
   to |W|. Returns 1 if it stopped that way, 0 if it did not converge or a
   step was impossible (zero neuron, singular Hessian). NOT a proof of
   anything: use rc_krawczyk on a box around W for that. */
int rc_refine_newton(arb_mat_t W, const arb_mat_t W0, const arb_mat_t V,
                     slong iters, slong prec);

/* Krawczyk test for grad F on the box X (n x d ball matrix), teacher V:
       K = c - C grad F(c) + (I - C H(X)) (X - c),
   c the midpoint of X, C an approximate inverse of H(c), H(X) an enclosure
   of the Hessian over all of X.
   RC_PROVED: K lies in the interior of X, so grad F has exactly one zero in X.
   RC_REFUTED: the enclosure of grad F over X excludes 0 in some coordinate,
     so X holds no critical point (*witness, if not NULL, is that coordinate
     i*d + a).
   RC_UNDECIDED: neither (box too large or too small for the distance to the
     critical point, precision too low, a student neuron may be zero in X so
     F is not C^2 there, or the critical points in X are not isolated). */
rc_verdict_t rc_krawczyk(slong * witness, const arb_mat_t X, const arb_mat_t V,
                         slong prec);

/* Hp (d x d) = H'_ii over the box X: the diagonal Hessian block of student
   neuron i without its I/2 term,
       H'_ii = sum_{i' != i} h1(w_i, w_i') - sum_j h1(w_i, v_j).
   Returns 1; 0 (Hp indeterminate) if some student neuron may be zero in X. */
int rc_hessian_prime_block(arb_mat_t Hp, const arb_mat_t X, const arb_mat_t V,
                           slong i, slong prec);

/* res = u^T H'_ii u / |u|^2 over the box X in O((n + k) d) operations (the
   kernels applied to u through dot products; rc_hessian_prime_block forms
   the d x d block in O((n + k) d^2)). Returns 1; 0 (res indeterminate) if
   some student neuron may be zero in X or u may be 0. */
int rc_hessian_prime_quotient(arb_t res, const arb_mat_t X, const arb_mat_t V,
                              slong i, arb_srcptr u, slong prec);

/* Both per-neuron split quantities in one pass over the partners of neuron
   i, with the rows' norms and unit vectors computed once by the caller
   (rx for X, rv for V; pair.h): q = u^T H'_ii u / |u|^2 as
   rc_hessian_prime_quotient, lam = lam_i as rc_split_lam. For loops over
   all neurons at large n (the binary64 path). Returns 1; 0 (both
   indeterminate) if a student neuron may be zero in X or u may be 0. */
int rc_split_quotient_lam(arb_t q, arb_t lam, const arb_mat_t X, const arb_mat_t V,
                          const rc_pair_rows_t rx, const rc_pair_rows_t rv, slong i,
                          arb_srcptr u, slong prec);

/* The split lemma (proofs/model.md M3.3, lemma L5): if u^T H'_ii u < 0 for a
   unit u, then at a critical point W in X the (k+1)-neuron point
   W(alpha, i) is a strict saddle for every alpha in (0, 1).
   RC_PROVED: q = u^T H'_ii u / u^T u is certainly negative over all of X for
     the returned u (d entries, exact); q encloses it (q's upper end is an
     upper bound on lambda_min(H'_ii) at every point of X).
   RC_REFUTED: H'_ii is certified positive definite over X: no direction of
     negative curvature exists; q then encloses lambda_min(H'_ii).
   RC_UNDECIDED: neither, e.g. H'_ii = 0 at a global minimum with n = k,
     a box holding a zero neuron, or too little precision. */
rc_verdict_t rc_split_curvature(arb_t q, arb_ptr u, const arb_mat_t X,
                                const arb_mat_t V, slong i, slong prec);

/* Direct cross-check of the split lemma at one alpha: q encloses the
   Rayleigh quotient of the direction (u, -u) (u in the two rows that neuron
   i becomes, 0 elsewhere) for the Hessian of the (n+1)-neuron loss at
   W(alpha, i) = (w_1, ..., alpha w_i, (1 - alpha) w_i, ..., w_n), for every
   W in X. u has d entries. The two halves are enclosed as independent balls,
   so the (exactly parallel) pair goes through the t ~ 0 enclosure of the
   kernels, a superset of the truth.
   RC_PROVED: q < 0 certainly (with W* in X a critical point, W*(alpha, i) is
     then not a local minimum; a strict saddle by the split lemma).
   RC_UNDECIDED: otherwise, or alpha not certainly in (0, 1), or a zero
     neuron in X. Never RC_REFUTED. */
rc_verdict_t rc_split_point_curvature(arb_t q, const arb_mat_t X, const arb_mat_t V,
                                      slong i, const arb_t alpha, arb_srcptr u,
                                      slong prec);

/* res = sum_i |w_i| over the box X (always valid). */
void rc_norm_sum(arb_t res, const arb_mat_t X, slong prec);

/* res = lam_i over the box X: the paper's average curvature of H'_ii,
       (sum_{j != i} sin t(w_i, w_j) |w_j| - sum_j sin t(w_i, v_j) |v_j|)
       / (2 pi |w_i|),
   = tr(H'_ii)/d, an upper bound on lambda_min(H'_ii). Returns 1; 0 (res
   indeterminate) if a student neuron may be zero in X. */
int rc_split_lam(arb_t res, const arb_mat_t X, const arb_mat_t V, slong i, slong prec);

#ifdef __cplusplus
}
#endif

#endif
