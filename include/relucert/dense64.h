/* relucert: the dense verified path in binary64 (issue 13). For points
   without usable symmetry and sizes where N x N ball matrices are too slow
   or too large: the Hessian over a box as a binary64 midpoint matrix with a
   proven bound on its error (binary64 intervals, di.h, lemma L11), positive
   definiteness by a floating-point Cholesky with Rump's a-priori rounding
   constant (lemma L14), and existence of a unique critical point by strong
   convexity (proofs/model.md M6.7, lemma L14), which needs no N x N interval
   inverse.

   Matrices are N x N doubles, row-major and full (both triangles); being
   symmetric, the same array is the column-major matrix LAPACK sees.
   Nothing here trusts a floating-point result it did not bound: a failed
   self-test, an overflow or a box that reaches a zero student neuron makes
   the functions return 0 ("not proved"), never a wrong 1. */
#ifndef RELUCERT_DENSE64_H
#define RELUCERT_DENSE64_H

#include "relucert/flint_arb.h"
#include "relucert/critical.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The Hessian of F over the box X (n x d balls; teacher V, k x d balls) in
   binary64: mid (N x N, N = n d) receives midpoints and rowrad (N entries,
   may be NULL) upper bounds on the row sums sum_j r_ij of a radius matrix r
   such that every Hessian H(W), W in X, satisfies |H_ij - mid_ij| <= r_ij.
   rad (N x N, may be NULL) receives r itself. Returns 1; returns 0 (outputs
   unspecified) when a student neuron of X may be zero, the binary64
   interval arithmetic is not usable here (rc_di_usable) or an enclosure
   overflowed. Cost O((n^2 + n k) d^2) interval operations, memory that of
   the outputs. */
int rc_di_hessian(double * mid, double * rowrad, double * rad,
                  const arb_mat_t X, const arb_mat_t V);

/* An upper bound on the rounding constant of lemma L14 for an N x N matrix
   whose positive diagonal entries sum to at most trace:
   gamma / (1 - gamma) * trace + (N + 1)(2 N + 5 + maxdiag) 2^-1000 with
   gamma = (N + 3) 2^-52 / (1 - (N + 3) 2^-52), rounded upward. Returns
   +INFINITY when (N + 3) 2^-51 >= 1 (no bound). */
double rc_d_spd_rump_constant(long N, double trace, double maxdiag);

/* Positive definiteness with a margin by Rump's test (lemma L14). A holds
   the exact N x N symmetric matrix M (doubles); it is overwritten. Returns
   1 only if lambda_min(M) > shift is proved: the diagonal is lowered by
   shift + c (c = rc_d_spd_rump_constant, every step rounded so that the
   floating-point matrix B is <= M - (shift + c) I exactly) and LAPACK
   dpotrf completes on B. Returns 0 (not proved) when dpotrf fails, the
   inputs are not finite, or the BLAS self-test failed. shift may be
   negative. */
int rc_d_spd_rump(double * A, long N, double shift);

/* The interval version: every symmetric matrix H with
   |H_ij - mid_ij| <= r_ij and max_i sum_j r_ij <= rowrad_max satisfies
   H - mu I > 0, proved as lambda_min(mid) > mu + rowrad_max
   (||r||_2 <= ||r||_inf for symmetric r). mid is overwritten. Returns 1
   when proved, 0 otherwise (as rc_d_spd_rump). */
int rc_d_spd_rump_interval(double * mid, long N, double rowrad_max, const arb_t mu);

/* The self-test of the LAPACK/BLAS the Rump path relies on, for a run
   that factors matrices of size up to N (blas_selftest.c; lemma L14,
   "Self-test"). Every call checks the floating-point environment of the
   calling thread (rc_di_usable: rounding to nearest, no flush-to-zero, no
   denormals-are-zero); once per process dpotrf must reproduce exactly known
   factors (also in the subnormal range), refuse indefinite and singular
   matrices and keep the componentwise backward error of lemma L14 on a
   200 x 200 matrix (checked in ball arithmetic); and at size
   n = min(max(N, 200), RC_BLAS_SELFTEST_MAX_N) with the BLAS's current
   thread count (OpenBLAS), repeated when N grows or the thread count
   changes, it must reproduce the exact factor of an n x n subnormal
   tridiagonal matrix of condition about 4^n and keep the backward error
   of lemma L14 on an n x n matrix of condition beyond 10^12 (sampled
   entries). Costs one dpotrf of size n and n^2 doubles per new size.
   rc_blas_selftest_problem returns NULL when all pass, else a static
   phrase saying what failed; rc_blas_selftest_n returns 1 / 0 for the
   same; rc_blas_selftest() is rc_blas_selftest_n(200). A failure is
   final for the process (the environment check is not cached). Not
   thread-safe while a test runs. Callers fall back to the ball-arithmetic
   path and say so. */
#define RC_BLAS_SELFTEST_MAX_N 2048
const char * rc_blas_selftest_problem(long N);
int rc_blas_selftest_n(long N);
int rc_blas_selftest(void);

/* Strong convexity (proofs/model.md M6.7, lemma L14(c)): with X the box of
   centre c (exact midpoints) and half-width rho in every coordinate (the
   radii of X, all equal), lam > 0 a proved lower bound for lambda_min(H) on
   X, returns RC_PROVED when |grad F(c)| < lam rho / 2, i.e. F has exactly one
   critical point in X, a strict local minimum; RC_REFUTED (witness the
   coordinate) when a coordinate of grad F excludes 0 on all of X, so X
   holds no critical point; RC_UNDECIDED otherwise. */
rc_verdict_t rc_strong_convexity_critical(slong * witness, const arb_mat_t X,
                                          const arb_mat_t V, const arb_t lam,
                                          slong prec);

/* Refinement of a candidate minimum for the binary64 path, not trusted:
   Newton steps with the double Cholesky factor of the double Hessian,
   refreshed while the steps exceed 2^-20 |W|, then reused; gradients in
   ball arithmetic from 64 bits up to prec, so the accuracy is not limited
   by binary64. Stops when the step is below 2^(-3 prec/8 - 48) |W| (below
   the certifier's centre grid, 2^48 times below its box radius) or after
   iters steps. W receives exact midpoints. On return *lam_est is an
   estimate of lambda_min at the result (Lanczos on the inverse with the
   same factor, less 8 times the distance from the point where the factor
   was computed), or NaN when the double Hessian is not positive definite
   (then y, N doubles, holds an approximate eigenvector of its smallest
   eigenvalue and *neg_est that value). Returns 0 when the estimate is
   positive, 1 when not, 2 on failure (out of memory, a zero neuron). */
int rc_d_refine_cholesky(arb_mat_t W, double * lam_est, double * neg_est, double * y,
                         const arb_mat_t W0, const arb_mat_t V, slong iters, slong prec);

/* An enclosure of lambda_min(H(W)) for every W in the box X, on the
   binary64 path: the Hessian in binary64 (rc_di_hessian), an estimate and
   its Ritz vector by Lanczos, the lower end proved by rc_d_spd_rump_interval
   (a few shifts tried, each further below the estimate), the upper end the
   Rayleigh quotient of the Ritz vector over X in ball arithmetic. Memory two
   N x N doubles. Returns 1 with lam set; 0 (lam indeterminate) when no
   lower bound could be proved or the Hessian has no binary64 enclosure
   (a student neuron may be zero in X, the self-test failed). */
int rc_d_hessian_eig_min(arb_t lam, const arb_mat_t X, const arb_mat_t V, slong prec);

#ifdef __cplusplus
}
#endif

#endif
