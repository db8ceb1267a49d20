/* relucert: the candidate a minimum certificate starts from, and the proved
   distance from it to every point of the certified box (lemma L15,
   proofs/lemmas.md). Works for certificates of either path (dense, or
   symmetry-reduced with a "symmetry" member). */
#ifndef RELUCERT_CANDIDATE_H
#define RELUCERT_CANDIDATE_H

#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Exact bounds over the box { W : |W_ia - C_ia| <= 2^radius_log2 }:
   max_entry = max_ia (|C_ia - W0_ia| + 2^r) >= |W - W0|_max and
   frob_sq = sum_ia (|C_ia - W0_ia| + 2^r)^2 >= |W - W0|_F^2. C and W0 have
   the same shape. */
void rc_mincert_candidate_distance(fmpq_t max_entry, fmpq_t frob_sq, const fmpq_mat_t C,
                                   slong radius_log2, const fmpq_mat_t W0);

/* Adds to the minimum certificate root the candidate W0 (exact; by its
   fixed-point coordinates "theta" when the certificate is on the reduced
   path and W0 lies in Fix(G), else as the matrix "W") and the claim
   claims.distance_to_candidate: decimal upper bounds "frobenius" and
   "max_entry" on |W - W0| over the whole box, so in particular for the
   certified critical point. Returns 0; 1 with err filled if root is not a
   readable minimum certificate or W0 has the wrong shape. */
int rc_mincert_json_set_candidate(json_t * root, const fmpq_mat_t W0, rc_error_t err);

/* The checker's part: 0 when root has neither "candidate" nor the claim
   (a certificate that states no distance), or when both are present, the
   claim is "proved" and its two bounds are at least the exact maxima of
   rc_mincert_candidate_distance (compared as exact rationals); 1 with why
   filled otherwise. */
int rc_mincert_json_check_candidate(rc_error_t why, const json_t * root);

/* 0 when root is a minimum certificate about the student W with teacher V:
   it records an input point ("candidate") equal to W exactly and its
   teacher is V (I_k on the reduced path); 1 with why filled otherwise. Does
   not run the checker: use it with rc_cert_check before keeping a file as
   the certificate of W (a resumed batch, a merge). */
int rc_mincert_json_is_about(rc_error_t why, const json_t * root, const fmpq_mat_t W,
                             const fmpq_mat_t V);

/* For display: the stated bounds of a proved distance claim. 0, or 1 if
   root has none (no candidate, or not proved). Trusts root: call it on a
   certificate that rc_cert_check accepted. */
int rc_mincert_json_get_distance(fmpq_t frobenius, fmpq_t max_entry, const json_t * root);

#ifdef __cplusplus
}
#endif

#endif
