/* relucert: the minimum certificate on the symmetry-reduced path
   (proofs/model.md section 6, lemma L13). The same claims as rc_mincert_t
   (mincert.h) for a point with n = d = k, teacher V = I_k and student in
   Fix(G), G a product of symmetric groups on blocks, proved from O(m^2)
   pair kernels:

   - critical point: Krawczyk in fixed-point coordinates proves exactly one
     critical point of phi(theta) = F(W(theta)) in the box, hence (symmetric
     criticality) exactly one critical point of F in W(box), a subset of
     Fix(G);
   - positive definite: beta_rho - lam_lower Gamma_rho > 0 for every
     irreducible type rho (Schur: the spectrum of H is the union of the
     generalised spectra of (beta_rho, Gamma_rho), with multiplicity dim rho),
     checked with the exact dimension count sum copies x dim = k^2 and every
     Gamma nonsingular; refuted by a certified negative eigenvalue count of
     some beta, which also gives the exact Morse index;
   - the split lemma per representative (one neuron per block and each
     extra neuron, rc_sym_split_neuron), the split point's curvature at one
     alpha, F, sum |w_i| and lam_i per representative.

   With extra neurons (n = k + nx, proofs/model.md M6.8, lemma L13(e)) the
   same claims hold on n x k students; the dimension count is then n k.

   A certificate is decided by rc_symcert_verify from its inputs alone, by the
   certifier and the checker alike. */
#ifndef RELUCERT_SYMCERT_H
#define RELUCERT_SYMCERT_H

#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/critical.h"
#include "relucert/error.h"
#include "relucert/sym.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    /* what the certificate is about */
    rc_sym_t sym;            /* blocks and extra neurons; d = k, n = sym->n, V = I_k */
    slong prec;
    fmpq * centre;           /* q fixed-point coordinates, dyadic */
    slong radius_log2;       /* box radius 2^radius_log2 in every theta_o */

    /* witnesses (exact; nothing relies on their being accurate) */
    int have_lam_lower;
    fmpq_t lam_lower;        /* claimed lower bound on lambda_min(H) */
    slong * split_diff;      /* per representative: -1 invariant vector, else c: e_a - e_a' in B_c */
    fmpq ** split_y;         /* per representative: coefficients on rc_sym_dvec_basis */
    slong * split_ny;
    slong cross_block;       /* representative of the direct cross-check, -1: none */
    fmpq_t alpha;

    /* verdicts and enclosures, set by rc_symcert_verify */
    rc_verdict_t critical;
    slong critical_witness;  /* refuted: theta coordinate with grad phi != 0 */
    rc_verdict_t positive_definite;
    rc_verdict_t strict_min;
    slong ntypes;
    rc_sym_type_struct * types;
    arb_ptr type_lam;        /* per type: lambda_min of (beta, Gamma) over the box */
    slong * type_neg;        /* per type: certified count of negative eigenvalues, -1: not */
    arb_t lam_min;           /* min over the types */
    slong morse_index;       /* sum dim x negatives when every count is certified, else -1 */
    slong dimension;         /* sum copies x dim (must be n k) */
    rc_verdict_t non_global;
    arb_t loss;
    rc_verdict_t saddle;
    rc_verdict_t * split;    /* per representative (rc_sym_split_count) */
    arb_ptr split_q;
    rc_verdict_t cross;
    arb_t cross_q;
    rc_verdict_t norm_sum_le_k;
    arb_t norm_sum;
    rc_verdict_t lam_negative;
    slong lam_witness;       /* refuted: a representative with lam > 0 */
    arb_ptr lam;             /* per representative */
}
rc_symcert_struct;

typedef rc_symcert_struct rc_symcert_t[1];

void rc_symcert_init(rc_symcert_t c);
void rc_symcert_clear(rc_symcert_t c);

/* Sets the group (copied) and sizes every array; witnesses cleared,
   verdicts undecided. */
void rc_symcert_set_sym(rc_symcert_t c, const rc_sym_t s);

/* The decision procedure (see the header comment). Returns 0; 1 with err
   filled (every verdict undecided) when the inputs are not a well-formed
   certificate. An undecided verdict only means "not proved at this
   precision and box". */
int rc_symcert_verify(rc_symcert_t c, rc_error_t err);

/* The certifier: from theta0 (q balls, midpoints used) refines by Newton in
   fixed-point coordinates at prec, chooses the box and the witnesses in
   floating point and runs rc_symcert_verify. Returns 0; 1 with err filled
   if theta0 is not finite. */
int rc_symcert_find(rc_symcert_t c, const rc_sym_t s, arb_srcptr theta0,
                    const fmpq_t alpha, slong prec, rc_error_t err);

/* The split witness of representative b (rc_sym_split_neuron): its vectors
   z and coefficients y (balls at prec, y at least RC_SYM_MAX_BLOCKS + 1
   entries); returns their number, 0 when the recorded witness does not
   exist for the group. Internal to the certifier and the checker. */
slong _rc_symcert_split_vectors(rc_sym_dvec_struct * z, arb_ptr y, const rc_symcert_t c,
                                slong b, slong prec);

/* Same success rule as rc_mincert_success. */
int rc_symcert_success(const rc_symcert_t c);

/* JSON (kind "minimum" with a "symmetry" member; docs/certificate-format.md). */
json_t * rc_symcert_to_json(const rc_symcert_t c, const char * source);

/* Reads the inputs; the claims are ignored. 0, or 1 with err naming the field. */
int rc_symcert_from_json(rc_symcert_t c, const json_t * root, rc_error_t err);

/* The checker: 0 when every claim of root is what rc_symcert_verify
   recomputes from its inputs (the group, the types, their dimensions and
   copies, every verdict and enclosure); 1 with why filled otherwise. */
int rc_symcert_check(rc_error_t why, const json_t * root);

#ifdef __cplusplus
}
#endif

#endif
