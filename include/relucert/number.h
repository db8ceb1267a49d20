/* relucert: exact reading of numbers.
   A decimal ("-0.6327039049152542", "1e-3", "+2.5E+10") or a rational ("3/7",
   "-12/5") is read into an fmpq_t holding exactly the written value; no C
   double is involved, so a proof can use the exact input. */
#ifndef RELUCERT_NUMBER_H
#define RELUCERT_NUMBER_H

#include "relucert/flint_arb.h"
#include "relucert/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest |exponent| accepted in a decimal such as 1e-300; larger ones are
   rejected as bad input rather than building a huge integer. */
#define RC_NUMBER_MAX_EXP 100000

/* Sets x to the exact value of the whole string s (no surrounding spaces).
   Returns 0 on success. Returns nonzero and fills err with
   "expected a number ..., found '...'" when s is not a finite decimal or
   rational (letters, "nan", "inf", "1/0", an exponent beyond
   RC_NUMBER_MAX_EXP); x is then 0. */
int rc_number_parse_fmpq(fmpq_t x, const char * s, rc_error_t err);

#ifdef __cplusplus
}
#endif

#endif
