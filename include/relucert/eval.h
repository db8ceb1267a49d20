/* relucert: rigorous enclosures of the population loss F, its gradient and
   its Hessian (proofs/model.md section 1) over ball inputs.

   W (n x d) and V (k x d) are ball matrices; each result encloses the exact
   value at every point of the box they describe. */
#ifndef RELUCERT_EVAL_H
#define RELUCERT_EVAL_H

#include "relucert/flint_arb.h"

#ifdef __cplusplus
extern "C" {
#endif

/* res = F(W) = 1/2 E[(sum_i [w_i.x]_+ - sum_j [v_j.x]_+)^2]. Always valid,
   also for boxes that contain zero neurons. */
void rc_loss(arb_t res, const arb_mat_t W, const arb_mat_t V, slong prec);

/* Returns -1 when every student neuron (row of W) is certainly nonzero over
   the box, so that F is C^2 there; otherwise the index of the first row whose
   norm ball contains 0. */
slong rc_student_zero_row(const arb_mat_t W, slong prec);

/* G (n x d) = grad F(W), row i = dF/dw_i. Returns 1 on success. Returns 0,
   with G set to indeterminate balls, when some student neuron may be zero
   (F is not differentiable there). */
int rc_gradient(arb_mat_t G, const arb_mat_t W, const arb_mat_t V, slong prec);

/* loss = F(W) and G = grad F(W) together, each pair's geometry computed
   once (about 40% less than rc_loss then rc_gradient); the same balls as
   those two. Returns 1; 0 (loss still set, G indeterminate) when a student
   neuron may be zero, as rc_gradient. */
int rc_loss_gradient(arb_t loss, arb_mat_t G, const arb_mat_t W, const arb_mat_t V,
                     slong prec);

/* norm = Frobenius norm of G (an enclosure, lower end >= 0). */
void rc_mat_frobenius_norm(arb_t norm, const arb_mat_t G, slong prec);

/* H (nd x nd) = Hessian of F at W, index i*d + a for coordinate a of w_i.
   The result is exactly symmetric as a ball matrix (each entry is the
   intersection of the enclosures of H_ab and H_ba). Returns 1 on success;
   0, with H indeterminate, when some student neuron may be zero. */
int rc_hessian(arb_mat_t H, const arb_mat_t W, const arb_mat_t V, slong prec);

/* res = Y^T H(W) Y over the box W for the n x d ball matrix Y, without
   forming H: only the blocks of neurons where Y is not exactly zero are built
   (O(s^2 d^2 + s n d^2) for s such neurons). Returns 1; 0 (res
   indeterminate) when a student neuron may be zero in W. */
int rc_hessian_quad_form(arb_t res, const arb_mat_t W, const arb_mat_t V,
                         const arb_mat_t Y, slong prec);

/* The same quadratic form in O((n^2 + n k) d) operations: each kernel is
   applied to the direction through dot products (no d x d block). Same
   return convention. */
int rc_hessian_quad_form_fast(arb_t res, const arb_mat_t W, const arb_mat_t V,
                              const arb_mat_t Y, slong prec);

/* Intersects A_ab with A_ba for a < b and copies the result to both: sound for
   enclosures of a symmetric matrix. */
void rc_mat_symmetrize(arb_mat_t A, slong prec);

#ifdef __cplusplus
}
#endif

#endif
