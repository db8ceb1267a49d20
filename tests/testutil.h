/* Helpers shared by the Check suites. */
#ifndef RELUCERT_TESTUTIL_H
#define RELUCERT_TESTUTIL_H

#include <check.h>
#include "relucert/relucert.h"

/* Runs the suite, prints Check's summary line, returns the exit status. */
int tu_run(Suite * s);

/* Reads a point from text; aborts the test on error. */
void tu_point(rc_point_t pt, const char * text);

/* x contains the exact decimal or rational s */
int tu_contains(const arb_t x, const char * s);

/* |x - s| <= tol (all as balls: every value of x is within tol of s) */
int tu_within(const arb_t x, const char * s, double tol);

/* Random exact dyadic in [-1, 1] with 30 bits */
void tu_rand_dyadic(arb_t x, flint_rand_t st);

/* Random ball matrix: midpoints dyadic in [-1, 1], radius rad (exact). */
void tu_rand_mat(arb_mat_t A, flint_rand_t st, double rad);

/* A point of the box B (entries chosen inside each ball: endpoints or
   random dyadics), exact. */
void tu_rand_point_in(arb_mat_t P, const arb_mat_t B, flint_rand_t st);

/* every ball of B lies inside the matching ball of A */
int tu_mat_contains(const arb_mat_t A, const arb_mat_t B);

/* The dense Hessian at the exact point W(centre) of a reduced certificate
   (V = I_k): the certified number of negative eigenvalues (the test fails
   if it cannot be certified) and, when lam is not NULL, lambda_min. */
slong tu_sym_dense_negatives(arb_t lam, const rc_symcert_t c, slong prec);

#endif
