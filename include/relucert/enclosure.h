/* relucert: printing enclosures as decimal intervals.
   lo is rounded down and hi rounded up, so [lo, hi] contains the ball. */
#ifndef RELUCERT_ENCLOSURE_H
#define RELUCERT_ENCLOSURE_H

#include "relucert/flint_arb.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Decimal digits that show the width of x: about log10(|mid|/rad) + 3,
   between 6 and the digits of prec. */
slong rc_enclosure_digits(const arb_t x, slong prec);

/* Returns a new string (free with flint_free) with a decimal number <= the
   lower end of x (lower = 1) or >= the upper end (lower = 0), with the given
   number of significant digits, as "-1.2345e-3"; "0" for zero, "-inf"/"inf"
   for unbounded ends, "nan" for NaN balls. */
char * rc_enclosure_bound_str(const arb_t x, int lower, slong digits);

#ifdef __cplusplus
}
#endif

#endif
