/* relucert: one-point strong convexity (OPSC) around the over-parameterized
   global minimum w~_{i,j} = v_i / m (V = I_k, n = m k) along sampled
   directions, by the ray argument (proofs/model.md sections 4 and
   5; lemmas L6 and L7), and the
   certificate of kind "opsc". */
#ifndef RELUCERT_OPSC_H
#define RELUCERT_OPSC_H

#include <stdint.h>
#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/critical.h"
#include "relucert/error.h"
#include "relucert/di.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The sampling law, fixed and documented: sigma = the double nearest to
   sqrt(sigma2); direction number idx uses stream idx (Gaussian) or
   2^32 + idx (adversarial) of rc_rand (rand.h) seeded by seed; entry
   (i*m + j, a) is the double sigma * z, z the next normal, in row-major
   order. Adversarial: g_{i,1} = -sum_{j >= 2} g_{i,j}, exactly. Sets U
   (n x k, exact). */
void rc_opsc_direction(arb_mat_t U, slong k, slong m, const fmpq_t sigma2,
                       uint64_t seed, slong idx, int adversarial, slong prec);

/* 1 if every group sum g_i = sum_j U_{i*m+j} is exactly 0 (the
   adversarial law), else 0. */
int rc_opsc_groups_zero(const arb_mat_t U, slong k, slong m);

/* w~ (n x k): row i*m + j is e_i / m. */
void rc_opsc_minimum(arb_mat_t Wt, slong k, slong m, slong prec);

/* q(S) = U^T H(w~ + S U) U over the s-interval S = [lo, hi]. Returns 1;
   0 if a neuron may be zero on the piece (F not C^2 there). */
int rc_opsc_form(arb_t q, const arb_mat_t Wt, const arb_mat_t V, const arb_mat_t U,
                 const fmpq_t lo, const fmpq_t hi, slong prec);

/* -1 when no neuron's segment w~_a + s U_a, s in [0, R], can reach 0 (the
   minimum of |w~_a + s U_a|^2 over [0, R] is certified positive), so F is
   C^2 along the whole segment; otherwise the first neuron that may (the
   direction is then refused). */
slong rc_opsc_segment_zero_neuron(const arb_mat_t Wt, const arb_mat_t U,
                                  const fmpq_t R, slong prec);

/* For an adversarial direction U (every group sum exactly 0; checked):
   psi encloses q(s)/s = U^T H(w~ + sU) U / s for every s in (0, s0], by the
   decomposition in src/opsc/opsc_slope.c (exact cancellation at s = 0, divided
   forms of the almost parallel pairs, forward-mode derivatives of the
   others). Returns 1; 0 (psi indeterminate) if a group sum is not zero, a
   neuron may vanish, or a pair may be degenerate on the piece. If psi > 0,
   q(s) >= psi_lo s > 0 on (0, s0]. */
int rc_opsc_slope(arb_t psi, const arb_mat_t U, slong k, slong m, const fmpq_t s0,
                  slong prec);

/* The same enclosure of q(s)/s for every s in the piece [sa, sb] (for
   sa = 0: (0, sb]), 0 <= sa < sb: away from 0 the cross-group part enters
   by the mean value theorem from sa (src/opsc/opsc_slope.c). Same return
   convention (0 also when not 0 <= sa < sb). If psi > 0, q(s) >= psi_lo s > 0
   on the piece; and q(s) <= psi_hi s there. */
int rc_opsc_slope_piece(arb_t psi, const arb_mat_t U, slong k, slong m,
                        const fmpq_t sa, const fmpq_t sb, slong prec);

/* q(s) = U^T H(w~ + sU) U for every s in [sa, sb] (0 <= sa < sb), any
   direction U, in the centred form of src/opsc/opsc_slope.c:
   q(s) = sum_i |g_i|^2 / 2 + s (A(s)/s + B(s)/s) + T(sa) + (s - sa) T'(xi)
   (within-group pairs and own-teacher terms in divided form, the others by
   the mean value theorem from sa), much tighter over a piece than
   rc_opsc_form's direct enclosure. Returns 1; 0 (q indeterminate) if a
   neuron may vanish or a pair may be degenerate on the piece, or not
   0 <= sa < sb. */
int rc_opsc_form_centered(arb_t q, const arb_mat_t U, slong k, slong m,
                          const fmpq_t sa, const fmpq_t sb, slong prec);

/* The last steps of rc_opsc_slope_piece and rc_opsc_form_centered, shared
   with their binary64 versions: from psi = A/s + B/s over the piece,
   Tval = T(sa) and Tder = T'([sa, sb]), psi := q(s)/s over the piece
   (_rc_opsc_slope_combine) and q := q(s) (_rc_opsc_form_combine, AB =
   A/s + B/s). Return 1; 0 (result indeterminate) if an input is not
   finite. */
int _rc_opsc_slope_combine(arb_t psi, const arb_t Tval, const arb_t Tder,
                           const fmpq_t sa, const fmpq_t sb, slong prec);
int _rc_opsc_form_combine(arb_t q, const arb_t AB, const arb_t Tval, const arb_t Tder,
                          const arb_mat_t U, slong k, slong m, const fmpq_t sa,
                          const fmpq_t sb, slong prec);

/* The binary64 fast path (src/opsc/opsc_slope_fast.c): the same centred forms
   evaluated in interval arithmetic with a proven rounding bound (di.h),
   O(n^2) per piece from the Gram matrix U U^T computed once per
   direction. rc_opsc_fast_init keeps what a direction needs (U and U U^T
   as intervals, the constants, whether every group sum is exactly 0) and
   the last T(sa) computed (bisection asks for it again for every left
   half; the value is the same bit for bit, so results do not depend on
   the order of calls). */
typedef struct
{
    slong k, m;
    int usable;              /* rc_di_usable() when initialised */
    int groups_zero;         /* every group sum of U is exactly 0 */
    rc_di_t * u;             /* n x k */
    rc_di_t * uu;            /* n x n, U U^T */
    rc_di_t * uperp;         /* |u_a|^2 - u_a[i(a)]^2 */
    rc_di_t inv_m, inv_m2;
    rc_di_consts_t c;
    fmpq_t tv_sa;            /* the last T(sa) computed: sa, form, value */
    int tv_form, tv_have;
    rc_di_t tv;
}
rc_opsc_fast_struct;
typedef rc_opsc_fast_struct rc_opsc_fast_t[1];

void rc_opsc_fast_init(rc_opsc_fast_t F, const arb_mat_t U, slong k, slong m);
void rc_opsc_fast_clear(rc_opsc_fast_t F);

/* psi = A/s + B/s over [sa, sb], Tval = T(sa) (0 when sa = 0 and
   form = 0), Tder = T'([sa, sb]), as in opsc_slope.c's slope_parts; form = 0
   needs every group sum exactly 0, form = 1 takes any direction. Returns
   1; 0 (outputs meaningless) if the fast path is not usable here, a
   neuron may vanish or a pair may be degenerate on the piece, an
   operation overflowed, or not 0 <= sa < sb (form = 1 also takes a point,
   0 <= sa = sb). */
int rc_opsc_fast_parts(rc_di_t * psi, rc_di_t * Tval, rc_di_t * Tder,
                       rc_opsc_fast_t F, const fmpq_t sa, const fmpq_t sb, int form);

/* rc_opsc_slope_piece and rc_opsc_form_centered from rc_opsc_fast_parts
   (U: the direction F was made from). Same enclosures up to rounding;
   return 0 (result indeterminate) where rc_opsc_fast_parts does.
   rc_opsc_form_centered_fast also takes a point sa = sb (q(sa) itself). */
int rc_opsc_slope_piece_fast(arb_t psi, rc_opsc_fast_t F, const fmpq_t sa,
                             const fmpq_t sb, slong prec);
int rc_opsc_form_centered_fast(arb_t q, rc_opsc_fast_t F, const arb_mat_t U,
                               const fmpq_t sa, const fmpq_t sb, slong prec);

/* The right side of Conjecture 12 for U: (|g|^2 + (1 - 2/pi) sum_i |g_i|^2)/4,
   g_i = sum_j g_{i,j}, g = sum_i g_i. */
void rc_opsc_conj12_rhs(arb_t rhs, const arb_mat_t U, slong k, slong m, slong prec);

/* Exact one-sided Clopper-Pearson lower confidence bound at level 1 - alpha
   for x successes in n trials: *p (a double, rounded down) with
   P(X >= x | p) <= alpha certified in ball arithmetic, so *p is at most the
   exact bound. 0 when x = 0. */
double rc_clopper_pearson_lower(slong x, slong n, double alpha);

/* The certificate of kind "opsc": certify (rc_opsc_to_json) and check. */
typedef struct
{
    slong k, m, samples, prec;
    fmpq_t sigma2, radius, lambda;
    uint64_t seed;
    int adversarial;
    int fast;      /* 1 (default): pieces in binary64 interval arithmetic
                      (rc_opsc_fast_parts) where rc_di_usable() (rounding
                      to nearest, no FTZ/DAZ); 0: Arb */
}
rc_opsc_params_struct;
typedef rc_opsc_params_struct rc_opsc_params_t[1];

void rc_opsc_params_init(rc_opsc_params_t p);
void rc_opsc_params_clear(rc_opsc_params_t p);

/* Certifies every direction and returns the certificate; the summary
   figures go to its "summary" object. progress (may be NULL) is called
   after each direction. */
json_t * rc_opsc_to_json(const rc_opsc_params_t p,
                         void (*progress)(slong done, slong total));
int rc_opsc_check(rc_error_t why, const json_t * root);

/* The parameters of an opsc certificate (or of a shard's part) from its
   JSON, validated as the checker does (limits.h included). 0, or 1 with
   why filled. p must be initialised. */
int rc_opsc_params_from_json(rc_opsc_params_t p, const json_t * root, rc_error_t why);

/* The share part (0 <= part < nparts) of rc_opsc_check, for spreading a
   check over processes: the parameters, the entries i = part mod nparts,
   and for part 0 the summary. The certificate passes when every part
   returns 0. */
int rc_opsc_check_part(rc_error_t why, const json_t * root, slong part, slong nparts);

/* The pieces of rc_opsc_to_json, for spreading directions over processes:
   the entry of direction idx; the summary computed from the entries; and
   the certificate from the entries (dirs is stolen). */
json_t * rc_opsc_direction_entry(const rc_opsc_params_t p, slong idx);
json_t * rc_opsc_summary(const rc_opsc_params_t p, const json_t * dirs);
json_t * rc_opsc_assemble(const rc_opsc_params_t p, json_t * dirs);

#ifdef __cplusplus
}
#endif

#endif
