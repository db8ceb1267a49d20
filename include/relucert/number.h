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

/* The exact value of x as a string that rc_number_parse_fmpq reads back to
   x: a terminating decimal ("-0.15625", "3") when the reduced denominator is
   2^a 5^b (so every binary number), "p/q" otherwise. Free with flint_free. */
char * rc_number_get_str(const fmpq_t x);

/* x = a exactly. Returns 0; 1 (x untouched) if a is not finite. */
int rc_number_set_arf(fmpq_t x, const arf_t a);

/* x = the decimal number with the given count of significant digits nearest
   to v (printf's %.*e, then read exactly), 0 if v is not finite. A short
   exact number for witnesses, whose value is then whatever it is: nothing
   relies on it being close to v. */
void rc_number_set_d_digits(fmpq_t x, double v, int digits);

#ifdef __cplusplus
}
#endif

#endif
