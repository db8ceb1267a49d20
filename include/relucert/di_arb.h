/* relucert: conversions between binary64 intervals (di.h) and Arb balls. */
#ifndef RELUCERT_DI_ARB_H
#define RELUCERT_DI_ARB_H

#include "relucert/di.h"
#include "relucert/flint_arb.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An interval containing the ball x (its ends rounded outward to
   binary64); invalid if x is not finite or too large for binary64. */
rc_di_t rc_di_set_arb(const arb_t x);

/* An interval containing the rational x. */
rc_di_t rc_di_set_fmpq(const fmpq_t x);

/* r = a ball containing the interval x (exactly its hull, up to the
   rounding of the midpoint at 128 bits, outward); indeterminate if x is
   invalid. */
void rc_di_get_arb(arb_t r, rc_di_t x);

#ifdef __cplusplus
}
#endif

#endif
