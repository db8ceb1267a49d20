/* relucert: the geometry of a pair of neurons (w, v) over balls, and the pair
   kernels of proofs/model.md section 1:
       f(w,v)  = E[[w.x]_+ [v.x]_+]
       g(w,v)  = d f / d w
       h1(w,v) = d g(w,v) / d w         (d x d)
       h2(w,v) = d g(w,v) / d v         (d x d; rows index w, columns v)

   Soundness at the removable singularities. With t the angle, s = sin t,
   c = cos t, wb = w/|w|, vb = v/|v|, the unit vectors
       n_vw = (vb - c wb)/s,  n_wv = (wb - c vb)/s
   are undefined at t in {0, pi} but only ever appear multiplied by s.
   relucert keeps the products m_vw = s n_vw = vb - c wb and m_wv = wb - c vb
   (well conditioned, no division) and encloses the unit vectors themselves
   by m/s intersected with [-1, 1], or by [-1, 1] outright when the ball of s
   contains 0. Both are enclosures of the true unit vector, so no decision
   ever depends on the value of t at a midpoint: a box that contains parallel
   (t = 0) or opposite (t = pi) pairs gets finite enclosures that contain the
   true limits (h1 -> 0, h2 -> I/2 at t = 0, h2 -> 0 at t = pi).

   The angle is computed as t = 2 atan2(|wb - vb|, |wb + vb|) and
   s = |wb - vb| |wb + vb| / 2, which stay accurate near 0 and pi.

   When the ball of |w| or |v| contains 0, the corresponding unit vector is
   enclosed by [-1, 1]^d and t by [0, pi]: f stays enclosed (it is continuous
   there), the derivative kernels are then only valid if the zero neuron is
   a teacher (v) and multiplies everything by |v|; the assembly functions in
   eval.h refuse derivatives when a student neuron may be zero. */
#ifndef RELUCERT_PAIR_H
#define RELUCERT_PAIR_H

#include "relucert/flint_arb.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    slong d;
    arb_t nw, nv;        /* |w|, |v| */
    arb_ptr wb, vb;      /* w/|w|, v/|v| (or [-1,1]^d if the norm may be 0) */
    arb_t t, s, c;       /* angle in [0, pi], sin t, cos t */
    arb_ptr m_vw, m_wv;  /* vb - c wb = s n_vw,  wb - c vb = s n_wv */
    arb_ptr n_vw, n_wv;  /* unit vectors, entries enclosed in [-1, 1] */
    arb_t dot;           /* w . v */
    int w_nonzero;       /* 1 if |w| > 0 is certain */
    int v_nonzero;       /* 1 if |v| > 0 is certain */
}
rc_pair_struct;

typedef rc_pair_struct rc_pair_t[1];

void rc_pair_init(rc_pair_t p, slong d);
void rc_pair_clear(rc_pair_t p);

/* Computes the geometry of (w, v), w and v being d-vectors of balls. */
void rc_pair_set(rc_pair_t p, arb_srcptr w, arb_srcptr v, slong prec);

/* The same without m_vw, m_wv, n_vw, n_wv (left unspecified): everything
   rc_kernel_f and rc_kernel_g_add need, identical to what rc_pair_set
   computes, at about half its cost. */
void rc_pair_set_angle(rc_pair_t p, arb_srcptr w, arb_srcptr v, slong prec);

/* For loops over many pairs: nrm = |x| and u = x/|x| (d entries) exactly as
   rc_pair_set computes them, once per row; then rc_pair_set_unit and
   rc_pair_set_angle_unit take them (nw, wb for w; nv, vb for v) instead of
   recomputing them, with results identical to rc_pair_set and
   rc_pair_set_angle. rc_pair_finish computes m and n (what rc_pair_set adds
   to rc_pair_set_angle). */
void rc_pair_unit(arb_t nrm, arb_ptr u, arb_srcptr x, slong d, slong prec);
void rc_pair_set_unit(rc_pair_t p, arb_srcptr w, const arb_t nw, arb_srcptr wb,
                      arb_srcptr v, const arb_t nv, arb_srcptr vb, slong prec);
void rc_pair_set_angle_unit(rc_pair_t p, arb_srcptr w, const arb_t nw, arb_srcptr wb,
                            arb_srcptr v, const arb_t nv, arb_srcptr vb, slong prec);
void rc_pair_finish(rc_pair_t p, slong prec);

/* The norms and unit vectors of every row of a matrix, for the functions
   above: row i has norm r->nrm + i and unit vector r->u + i d. */
typedef struct
{
    slong rows, d;
    arb_ptr nrm, u;
}
rc_pair_rows_struct;
typedef rc_pair_rows_struct rc_pair_rows_t[1];

void rc_pair_rows_init(rc_pair_rows_t r, const arb_mat_t A, slong prec);
void rc_pair_rows_clear(rc_pair_rows_t r);
#define RC_ROW_N(r, i) ((r)->nrm + (i))
#define RC_ROW_U(r, i) ((r)->u + (i) * (r)->d)

/* Turns the data of (w, v) into the data of (v, w) in O(1). */
void rc_pair_swap(rc_pair_t p);

/* res = f(w, v) = (|w||v| s + (pi - t) w.v) / (2 pi). Valid for all w, v,
   including zero neurons (f is continuous). */
void rc_kernel_f(arb_t res, const rc_pair_t p, slong prec);

/* res (d entries) += sign * g(w, v), sign = +1 or -1, where
   g(w, v) = (|v| s wb + (pi - t) v) / (2 pi). Needs |w| > 0 (otherwise the
   result is an enclosure of nothing meaningful: callers check w_nonzero). */
void rc_kernel_g_add(arb_ptr res, const rc_pair_t p, arb_srcptr v, int sign,
                     slong prec);

/* H[r0 + a][c0 + b] += sign * h1(w, v)[a][b] for a, b < d, where
   h1(w, v) = |v| / (2 pi |w|) (s (I - wb wb^T) + m_vw n_vw^T). Needs |w| > 0. */
void rc_kernel_h1_add(arb_mat_t H, slong r0, slong c0, const rc_pair_t p,
                      int sign, slong prec);

/* H[r0 + a][c0 + b] += sign * h2(w, v)[a][b], where
   h2(w, v) = ((pi - t) I + m_vw n_wv^T + s wb vb^T) / (2 pi).
   Needs |w| > 0 and |v| > 0. */
void rc_kernel_h2_add(arb_mat_t H, slong r0, slong c0, const rc_pair_t p,
                      int sign, slong prec);

/* The kernels applied to directions without forming a d x d block
   (O(d) each; pi is an enclosure of pi, passed in so that a caller summing
   over many pairs computes it once):
   res += sign * y^T h1(w, v) y, yy = |y|^2. Needs |w| > 0. */
void rc_kernel_h1_form_add(arb_t res, const rc_pair_t p, arb_srcptr y,
                           const arb_t yy, const arb_t pi, int sign, slong prec);

/* res += 2 x^T h2(w, v) y (the two off-diagonal blocks of a symmetric
   quadratic form). Needs |w| > 0 and |v| > 0. */
void rc_kernel_h2_form_add2(arb_t res, const rc_pair_t p, arb_srcptr x,
                            arb_srcptr y, const arb_t pi, slong prec);

#ifdef __cplusplus
}
#endif

#endif
