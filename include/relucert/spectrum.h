/* relucert: certified facts about the spectrum of a symmetric ball matrix.
   A ball matrix A stands for every symmetric matrix whose entries lie in its
   balls; a certified statement holds for all of them. */
#ifndef RELUCERT_SPECTRUM_H
#define RELUCERT_SPECTRUM_H

#include "relucert/flint_arb.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Returns 1 if every symmetric matrix in A - shift I (lower triangle used) is
   certainly positive definite (ball Cholesky of the exact midpoint matrix
   minus shift + rho, rho bounding the 2-norm of the radius matrix by the
   smaller of its largest row sum and a Collatz-Wielandt bound; lemma L3);
   0 means undecided: not proved,
   which can be because it is false or because the balls are too wide or prec
   too low. shift may be NULL (no shift). */
int rc_mat_spd_certify(const arb_mat_t A, const arb_t shift, slong prec);

/* Sets *count to the number of eigenvalues < x of every symmetric matrix in A
   (Sylvester inertia of an LDL^T factorisation of A - x I without pivoting).
   Returns 1 when certified; 0 (undecided, *count untouched) when a pivot ball
   contains 0, i.e. x may be an eigenvalue, or a leading minor vanishes. */
int rc_mat_count_below(slong * count, const arb_mat_t A, const arb_t x,
                       slong prec);

/* Lower bound by Gershgorin discs: lo <= lambda_min of every symmetric matrix
   in A. Always valid, usually loose. */
void rc_mat_gershgorin_lower(arf_t lo, const arb_mat_t A, slong prec);

/* Encloses the smallest eigenvalue: sets lam to a ball containing
   lambda_min(A') for every symmetric A' in A. If u is not NULL (N entries,
   initialised), it receives the exact unit-ish vector whose Rayleigh quotient
   gives the upper end. Returns 1 when the lower end was certified by a
   shifted ball Cholesky (tight); 0 when only the Gershgorin bound could be
   certified (the enclosure is still valid, but wide). */
int rc_mat_eig_min(arb_t lam, arb_ptr u, const arb_mat_t A, slong prec);

/* Rayleigh quotient enclosure: res contains u^T A' u / u^T u for every A' in A. */
void rc_mat_rayleigh(arb_t res, const arb_mat_t A, arb_srcptr u, slong prec);

/* Floating point, no guarantee: the smallest eigenvalue *lam and a unit
   eigenvector u (N doubles) of the symmetric N x N row-major matrix A, by
   LAPACK dsyevr. Returns 0 on success, nonzero if LAPACK failed. */
int rc_d_sym_eig_min(double * lam, double * u, const double * A, slong N);

/* The same without LAPACK: plain binary64 loops (Householder, bisection on
   the Sturm count, inverse iteration), so *lam and u depend only on A's bits
   and IEEE 754 arithmetic, not on the CPU or the BLAS kernel: for the
   witnesses that certificates store, whose bytes must be the same on every
   machine. O(N^3) without blocking: for small N (a neuron's d x d block).
   Floating point, no guarantee. Returns 0, or 1 when N < 1, an entry is not
   finite or memory fails. */
int rc_d_sym_eig_min_portable(double * lam, double * u, const double * A, slong N);

/* A canonical form of a floating-point witness vector (u, N entries),
   independent of the sign and rounding noise an eigensolver leaves: the
   largest entry (the first within 1e-9 of the largest |u_a|) made
   positive, entries below 1e-12 of it set to 0. */
void rc_d_vec_canonical(double * u, slong N);

/* A choice among floating-point values that does not depend on the last
   bits: the lowest index i with x[i] <= m + 1e-9 |m| + 1e-12, m the smallest
   finite x[j] (n entries; NaN and infinities never chosen). Returns -1 when
   no entry is finite. For witness choices (which neuron, which direction)
   made from LAPACK results, whose last bits depend on the BLAS kernel: near
   ties go to the lowest index, so the same input gives the same choice on
   any CPU. Untrusted, like every witness. */
slong rc_d_argmin_tie_low(const double * x, slong n);

/* Floating point, no guarantee: C = A^{-1} for the N x N row-major A by
   LAPACK (LU with partial pivoting). Returns 0 on success, nonzero when A is
   (numerically) singular or not finite. */
int rc_d_mat_inv(double * C, const double * A, slong N);

/* A (row-major doubles) = midpoints of B rounded to nearest (infinities and
   NaN as they come). */
void rc_mat_get_d(double * A, const arb_mat_t B);

/* B = A exactly (row-major doubles; radius 0). */
void rc_mat_set_d(arb_mat_t B, const double * A);

#ifdef __cplusplus
}
#endif

#endif
