/* relucert: claims about the landscape around global minima
   (proofs/model.md sections 2 and 4): strong convexity with a radius when
   n = k, negative curvature near over-parameterized global minima (Thm 4). */
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

/* The neighbourhood a convexity certificate is about, in units of the
   radius r: the box |W_ia - V_ia| <= r, the per-neuron balls
   |w_i - v_i| <= r (the paper's U_r), or the Euclidean ball |W - V| <= r
   in R^{kd}. Each is contained in the one before. */
typedef enum
{
    RC_CONV_BOX = 0,
    RC_CONV_NEURON = 1,
    RC_CONV_EUCLID = 2
}
rc_conv_norm_t;

const char * rc_conv_norm_name(rc_conv_norm_t norm);
/* 0 and sets *norm for "box", "neuron", "euclid"; 1 otherwise */
int rc_conv_norm_parse(rc_conv_norm_t * norm, const char * s);

typedef struct
{
    slong k, d, prec;
    fmpq_mat_t V;        /* k x d teacher; the neighbourhood is centred at V */
    fmpq_t mu;           /* claimed lower bound on lambda_min(H) */
    fmpq_t radius;       /* r, dyadic */
    rc_conv_norm_t norm; /* which neighbourhood of radius r */
    char * cover;        /* the subdivision of the box |W - V|_inf <= r that
                            proves it (convcert_cover.c); NULL = "p", the
                            single box */
    int have_witness;
    fmpq_mat_t u;        /* 1 x kd: u^T H(V) u < mu |u|^2 refutes */
    fmpq_t radius_fail;  /* informative: the next radius tried, not proved */
    rc_verdict_t verdict;
    arb_t witness_q;     /* u^T H(V) u / |u|^2 when a witness is given */
    slong boxes_proved, boxes_excluded;   /* leaves of the cover, by kind */
}
rc_convcert_struct;
typedef rc_convcert_struct rc_convcert_t[1];

void rc_convcert_init(rc_convcert_t c);
void rc_convcert_clear(rc_convcert_t c);

/* Decision procedure: RC_PROVED when H(W) - mu I is positive definite for
   every W in the neighbourhood (norm, radius) of V, shown by the cover:
   every leaf box of the subdivision either gets a ball-Cholesky proof
   (lemma L3) or lies entirely outside the neighbourhood (exact test).
   RC_REFUTED when the witness u has Rayleigh quotient < mu at W = V
   itself; RC_UNDECIDED otherwise (a leaf not proved, for instance one
   reaching a zero neuron, or too little precision). Returns 0; 1 with err
   for malformed inputs (radius < 0, a cover string that is not a
   well-formed subdivision). */
int rc_convcert_verify(rc_convcert_t c, rc_error_t err);

/* The certifier: the largest dyadic radius for which rc_convcert_verify
   proves lambda_min >= mu on the neighbourhood of the given norm. First
   single boxes (2^-j, j = 1..40, then 8 more bits), then from the radius
   found, doubling and bisection (8 bits) with an adaptive subdivision of
   at most max_boxes Hessian enclosures per radius (max_boxes <= 1: no
   subdivision). If mu is not below lambda_min(H(V)) it looks for a
   refuting witness instead. Returns 0; 1 with err for bad arguments. */
int rc_convcert_find(rc_convcert_t c, const fmpq_mat_t V, const fmpq_t mu,
                     rc_conv_norm_t norm, slong max_boxes, slong prec,
                     rc_error_t err);

/* The cover (convcert_cover.c). Proves lambda_min(H) >= mu on the
   neighbourhood (norm, radius) of V by an adaptive subdivision of the box
   |W - V|_inf <= radius using at most max_boxes Hessian enclosures; on
   success returns 1 and sets *cover to a new string (flint_free it) and
   the leaf counts; 0 when the budget ran out first (*cover NULL). */
int rc_convcert_cover_build(char ** cover, slong * proved, slong * excluded,
                            const rc_convcert_t c, slong max_boxes);

/* The leaf box of the cover with offsets o and halvings s (kd entries
   each, o_j a dyadic number in [-1, 1]): X gets balls containing
   V_j + r [o_j - 2^-s_j, o_j + 2^-s_j], V and r balls containing the
   teacher and the radius. */
void rc_convcert_leaf_box(arb_mat_t X, const arb_mat_t V, const arb_t r,
                          const double * o, const int * s, slong prec);

/* Re-proves a given cover: 1 when every leaf is proved or excluded, 0 when
   some leaf is not (undecided), -1 with err when the string is not a
   well-formed subdivision (see docs/certificate-format.md). */
int rc_convcert_cover_check(slong * proved, slong * excluded,
                            const rc_convcert_t c, const char * cover,
                            rc_error_t err);

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
