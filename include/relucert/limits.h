/* relucert: resource limits on untrusted input.

   A certificate, a point file or a command-line option can ask for work
   that no machine can do: precision 2^24 bits, a dense Hessian of 10^8
   parameters, 10^9 directions. Every reader and every certifying command
   checks what it is asked against these limits first and reports one line
   naming the limit and the option that raises it, instead of being killed
   for running out of memory or running for days.

   The limits are process-wide settings, made once at start-up (the
   command line's --max-prec and --max-params) before any thread runs:

   - precision: at most rc_limit_prec() bits (default RC_LIMIT_PREC, 2^16,
     the largest --prec a certifying command accepts by default);
   - dense parameters, N = (neurons) x (dimension), for every procedure that
     forms N x N matrices or works per parameter: at most
     rc_limit_params(arith) with the defaults RC_LIMIT_PARAMS_ARB = 1,000
     in ball arithmetic (about 0.6 GB for a minimum certificate) and
     RC_LIMIT_PARAMS_BINARY64 = 10^4 on the binary64 path (0.8 GB).
     The symmetry-reduced path does not form such matrices and has no
     parameter limit beyond the input's own (k <= 10^6). */
#ifndef RELUCERT_LIMITS_H
#define RELUCERT_LIMITS_H

#include "relucert/flint_arb.h"
#include "relucert/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RC_LIMIT_PREC 65536
#define RC_LIMIT_PARAMS_ARB 1000
#define RC_LIMIT_PARAMS_BINARY64 10000

/* The precision limit in bits. */
slong rc_limit_prec(void);

/* Sets the precision limit (bits >= 16); not thread-safe: call it before
   starting workers. */
void rc_limit_set_prec(slong bits);

/* The parameter limit for ball arithmetic (binary64 = 0) or the binary64
   path (binary64 = 1): the default, or the value set by
   rc_limit_set_params, which replaces both. */
slong rc_limit_params(int binary64);

/* Replaces both parameter limits by n >= 1 (0 restores the defaults);
   not thread-safe. */
void rc_limit_set_params(slong n);

/* 0 when prec <= rc_limit_prec(); else 1 with err "WHAT: B bits is above
   the limit of L (raise it with --max-prec)". */
int rc_limit_check_prec(rc_error_t err, slong prec, const char * what);

/* 0 when the product rows x cols (computed without overflow) is at most
   rc_limit_params(binary64); else 1 with err "WHAT: R x C = N parameters
   is above the limit of L for ARITH (raise it with --max-params)". */
int rc_limit_check_params(rc_error_t err, slong rows, slong cols, int binary64,
                          const char * what);

#ifdef __cplusplus
}
#endif

#endif
