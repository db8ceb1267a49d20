/* relucert: claims about the landscape around global minima (math.md
   sections 2 and 4): strong convexity with a radius when n = k, negative
   curvature near over-parameterized global minima (Thm 4). */
#ifndef RELUCERT_LANDSCAPE_H
#define RELUCERT_LANDSCAPE_H

#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/critical.h"
#include "relucert/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- strong convexity around W = V (n = k) ---- */

typedef struct
{
    slong k, d, prec;
    fmpq_mat_t V;        /* k x d teacher; the student box is centred at V */
    fmpq_t mu;           /* claimed lower bound on lambda_min(H) */
    fmpq_t radius;       /* box |W_ia - V_ia| <= radius, dyadic */
    int have_witness;
    fmpq_mat_t u;        /* 1 x kd: u^T H(V) u < mu |u|^2 refutes */
    fmpq_t radius_fail;  /* informative: the next radius tried, not proved */
    rc_verdict_t verdict;
    arb_t witness_q;     /* u^T H(V) u / |u|^2 when a witness is given */
}
rc_convcert_struct;
typedef rc_convcert_struct rc_convcert_t[1];

void rc_convcert_init(rc_convcert_t c);
void rc_convcert_clear(rc_convcert_t c);

/* Decision procedure: RC_PROVED when H(W) - mu I is positive definite for
   every W in the box of the given radius around V (which contains the
   per-neuron balls |w_i - v_i| <= radius and the Euclidean ball of that
   radius in R^{kd}); RC_REFUTED when the witness u has Rayleigh quotient
   < mu at W = V itself; RC_UNDECIDED otherwise (also when the box reaches
   a zero neuron). Returns 0; 1 with err for malformed inputs (radius < 0). */
int rc_convcert_verify(rc_convcert_t c, rc_error_t err);

/* The certifier: the largest dyadic radius (bisection over 2^-j, then 8
   more bits) for which rc_convcert_verify proves lambda_min >= mu; if mu
   is not below lambda_min(H(V)) it looks for a refuting witness instead. */
int rc_convcert_find(rc_convcert_t c, const fmpq_mat_t V, const fmpq_t mu,
                     slong prec, rc_error_t err);

json_t * rc_convcert_to_json(const rc_convcert_t c);
int rc_convcert_from_json(rc_convcert_t c, const json_t * root, rc_error_t err);
int rc_convcert_check(rc_error_t why, const json_t * root);

/* ---- negative curvature near an over-parameterized global minimum ---- */

/* The Thm 4 point for the teacher V = [I_k | 0] (k x d, d >= max(k, 2))
   and n in k+1..2k students: w_1 = a1 (e_1 + eps e_2), w_2 = a2 (e_1 + eps e_2),
   teacher neurons 2..n-k split into a1 v_j, a2 v_j (unperturbed), the other
   teacher neurons matched. Sets W (n x d) and V (k x d). The negative
   direction is y = (z, -z, 0, ...) with z = eps e_1 - e_2, the (unnormalised)
   direction of vb_1 - cos t wb_1. */
void rc_thm4_point(arb_mat_t W, arb_mat_t V, slong n, const arb_t a1,
                   const arb_t a2, const arb_t eps, slong prec);

/* The closed form q = -(sin t / (pi sqrt(1 + eps^2))) (1/a1 + 1/a2),
   sin t = eps / sqrt(1 + eps^2) (for |v_1| = 1). */
void rc_thm4_closed_form(arb_t q, const arb_t a1, const arb_t a2, const arb_t eps,
                         slong prec);

/* Certified curvature y^T H y / |z|^2 for y = (z, -z, 0, ...) at the Thm 4
   point: RC_PROVED when < 0 (the Hessian has a negative eigenvalue, at most
   curv / 2, at distance eps sqrt(a1^2 + a2^2) |v_1| from the minimum);
   RC_UNDECIDED otherwise. dist receives that distance. */
rc_verdict_t rc_thm4_curvature(arb_t curv, arb_t dist, slong k, slong n, slong d,
                               const arb_t a1, const arb_t a2, const arb_t eps,
                               slong prec);

/* The precision used for a given eps: 128 + 2 ceil(log2(1/eps)). */
slong rc_thm4_prec(const fmpq_t eps);

/* Certificate of kind "nonconvex" (docs/certificate-format.md). */
json_t * rc_noncvx_to_json(slong k, slong n, slong d, const fmpq_t a1,
                           const fmpq_t a2, const fmpq * eps, slong neps,
                           int * all_proved);
int rc_noncvx_check(rc_error_t why, const json_t * root);

/* ---- failure of OPSC and PL (Thms 7 and 9) ---- */

/* The point for V = [I_k | 0] (k >= 2, d >= k), n = k + 1:
   w_1 = a1 e_1 + eps e_2, w_2 = a2 e_1 - eps e_2, w_{j+1} = e_j (j >= 2),
   next to the global minimum w~ = (a1 e_1, a2 e_1, e_2, ..., e_k); D is the
   displacement w - w~ = (eps e_2, -eps e_2, 0, ...). */
void rc_thm79_point(arb_mat_t W, arb_mat_t V, arb_mat_t D, const arb_t a1,
                    const arb_t a2, const arb_t eps, slong prec);

/* At that point: opsc = <grad F, D>/|D|^2, hq = D^T H D/|D|^2,
   pl = |grad F|^2/(2 F), dist = |D| = sqrt(2) eps. Returns 1; 0 (all
   indeterminate) if a neuron may be zero. */
int rc_thm79_ratios(arb_t opsc, arb_t hq, arb_t pl, arb_t dist, slong k, slong d,
                    const arb_t a1, const arb_t a2, const arb_t eps, slong prec);

/* The precision used for a given eps: 128 + 4 ceil(log2(1/eps)) (F is of
   order eps^3). */
slong rc_thm79_prec(const fmpq_t eps);

/* Certificates "opsc-fails" (pl_kind = 0: OPSC ratio and Hessian quotient)
   and "pl-fails" (pl_kind = 1: PL ratio): every point with its enclosures,
   and for each lambda the point with the largest eps whose ratios are all
   certified below lambda (proved), or none (undecided). */
json_t * rc_thm79_to_json(int pl_kind, slong k, slong d, const fmpq_t a1,
                          const fmpq_t a2, const fmpq * eps, slong neps,
                          const fmpq * lambda, slong nlam, int * all_proved);
int rc_thm79_check(rc_error_t why, const json_t * root, int pl_kind);

#ifdef __cplusplus
}
#endif

#endif
