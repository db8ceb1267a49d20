/* relucert: the certificate that a candidate is a strict local minimum of F
   (n student neurons, teacher V), not a global one, and that it becomes a
   strict saddle when one neuron is added (proofs/model.md sections 3 and 5).

   A certificate is a box X = { W : |W_ia - centre_ia| <= 2^radius_log2 }
   with a dyadic centre, a teacher, a precision, witnesses and claims. Its
   truth is decided by rc_mincert_verify from those inputs alone: the
   certifier (rc_mincert_find) and the checker (rc_mincert_check) run the
   same small decision procedure. */
#ifndef RELUCERT_MINCERT_H
#define RELUCERT_MINCERT_H

#include "relucert/flint_arb.h"
#include "relucert/critical.h"
#include "relucert/error.h"
#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The two decision procedures for the Hessian claims. RC_ARITH_ARB: the
   Hessian over the box as a ball matrix, Krawczyk for the critical point,
   a ball Cholesky for positive definiteness (O(N^2) balls, N = n d).
   RC_ARITH_BINARY64 (dense64.h): the Hessian in binary64 with a proven
   radius, Rump's floating-point Cholesky test, existence by strong
   convexity; every other claim in ball arithmetic as before. */
#define RC_ARITH_ARB 0
#define RC_ARITH_BINARY64 1

typedef struct
{
    /* what the certificate is about */
    slong n, k, d;
    slong prec;              /* working precision of every enclosure */
    fmpq_mat_t centre;       /* n x d, dyadic, at most prec bits each */
    slong radius_log2;       /* box radius 2^radius_log2 in every coordinate */
    int arith;               /* RC_ARITH_ARB or RC_ARITH_BINARY64: which
                                decision procedure (below) the certificate
                                asks for */
    fmpq_mat_t V;            /* k x d teacher, exact */

    /* witnesses (exact numbers; nothing relies on their being accurate) */
    int have_lam_lower;
    fmpq_t lam_lower;        /* claimed lower bound on lambda_min(H) over X */
    int have_neg_dir;
    fmpq_mat_t neg_dir;      /* 1 x nd: y^T H y < 0 refutes minimality */
    fmpq_mat_t U;            /* n x d: row i is the split direction u_i */
    slong cross_neuron;      /* neuron of the direct cross-check, -1: none */
    fmpq_t alpha;            /* its split ratio, in (0, 1) */

    /* verdicts and enclosures, set by rc_mincert_verify */
    rc_verdict_t critical;   /* Krawczyk: exactly one critical point W* in X */
    slong critical_witness;  /* refuted: gradient coordinate i*d + a != 0 on X */
    rc_verdict_t positive_definite; /* H - lam_lower I > 0 on X, lam_lower > 0 */
    rc_verdict_t strict_min; /* critical and positive definite; refuted by neg_dir */
    arb_t neg_curv;          /* y^T H y / y^T y over X when neg_dir is given */
    rc_verdict_t non_global; /* F > 0 on X; refuted: W* is a permuted V, F = 0 */
    slong * global_perm;     /* refuted non_global: student i = teacher perm[i] */
    arb_t loss;              /* F over X */
    rc_verdict_t saddle;     /* every split direction proved and W* critical */
    rc_verdict_t * split;    /* per neuron: u_i^T H'_ii u_i / |u_i|^2 < 0 on X */
    arb_ptr split_q;         /* those quotients over X */
    rc_verdict_t cross;      /* split point W*(alpha, i) has curvature < 0 */
    arb_t cross_q;
    rc_verdict_t norm_sum_le_k;  /* sum_i |w_i| <= k on X */
    arb_t norm_sum;
    rc_verdict_t lam_negative;   /* every lam_i < 0 on X; refuted: one > 0 */
    slong lam_witness;
    arb_ptr lam;             /* lam_i over X */
}
rc_mincert_struct;

typedef rc_mincert_struct rc_mincert_t[1];

void rc_mincert_init(rc_mincert_t c);
void rc_mincert_clear(rc_mincert_t c);

/* Resizes for n students and k teachers in dimension d; witnesses cleared,
   verdicts undecided. */
void rc_mincert_set_dims(rc_mincert_t c, slong n, slong k, slong d);

/* Copies the inputs (box, teacher, precision, witnesses) of src, not its
   verdicts. */
void rc_mincert_set_inputs(rc_mincert_t c, const rc_mincert_t src);

/* The decision procedure: recomputes every verdict and enclosure of c from
   its inputs at c->prec. Returns 0; returns 1 with err filled (and every
   verdict undecided) when the inputs are not a well-formed certificate
   (a centre entry that is not a binary number of at most prec bits, alpha
   outside (0, 1), a neuron index out of range). An undecided verdict only
   means "not proved at this precision and box". */
int rc_mincert_verify(rc_mincert_t c, rc_error_t err);

/* The certifier: from a candidate W0 (n x d, midpoints used) and the exact
   teacher V, refines the point at precision prec, chooses the box and the
   witnesses and runs rc_mincert_verify. alpha is the cross-check ratio.
   Returns 0 (see the verdicts for the outcome); 1 with err filled if the
   candidate cannot be used at all (not finite). */
int rc_mincert_find(rc_mincert_t c, const arb_mat_t W0, const fmpq_mat_t V,
                    const fmpq_t alpha, slong prec, rc_error_t err);

/* The same with the decision procedure chosen: arith RC_ARITH_ARB (what
   rc_mincert_find does) or RC_ARITH_BINARY64 (refinement with the double
   Cholesky factor, lambda_lower from Lanczos, witnesses from the
   double Hessian; no N x N ball matrix is formed). A binary64 request in a
   floating-point environment or with a BLAS that fails the self-test
   (rc_blas_selftest_n(n d): rounding mode, flush-to-zero,
   denormals-are-zero, dpotrf) runs the Arb procedure instead: c->arith
   says which one ran, rc_blas_selftest_problem(n d) why. */
int rc_mincert_find_arith(rc_mincert_t c, const arb_mat_t W0, const fmpq_mat_t V,
                          const fmpq_t alpha, int arith, slong prec, rc_error_t err);

/* 1 when the requested claims are all settled favourably: a unique critical
   point, a strict minimum, and either (non-global, saddle after a split,
   cross-check) or a proof that it is the global minimum (non_global
   refuted). The technical conditions are reported, not required. */
int rc_mincert_success(const rc_mincert_t c);

/* The certificate as a new JSON object (docs/certificate-format.md):
   header, source (may be NULL), inputs, witnesses, claims with enclosures
   rounded outward, "success". */
json_t * rc_mincert_to_json(const rc_mincert_t c, const char * source);

/* Reads the inputs (box, teacher, precision, witnesses) of a certificate;
   the claims are ignored. Returns 0; 1 with err naming the field. */
int rc_mincert_from_json(rc_mincert_t c, const json_t * root, rc_error_t err);

/* The checker: 0 when every claim of the certificate root (verdicts,
   enclosures, success) is what rc_mincert_verify recomputes from its
   inputs; 1 with why filled ("claims.non_global: the certificate says
   proved, recomputation gives undecided") otherwise, including an unknown
   format or kind and unreadable fields. A verdict claimed "undecided" must
   also recompute as undecided: a certificate states exactly what its inputs
   prove. */
int rc_mincert_check(rc_error_t why, const json_t * root);

#ifdef __cplusplus
}
#endif

#endif
