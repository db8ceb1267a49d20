/* Resource limits on untrusted input (include/relucert/limits.h). */
#include "relucert/limits.h"

static slong limit_prec = RC_LIMIT_PREC;
static slong limit_params = 0;          /* 0: the per-arithmetic defaults */

slong
rc_limit_prec(void)
{
    return limit_prec;
}

void
rc_limit_set_prec(slong bits)
{
    limit_prec = bits < 16 ? 16 : bits;
}

slong
rc_limit_params(int binary64)
{
    if (limit_params > 0)
        return limit_params;
    return binary64 ? RC_LIMIT_PARAMS_BINARY64 : RC_LIMIT_PARAMS_ARB;
}

void
rc_limit_set_params(slong n)
{
    limit_params = n < 0 ? 0 : n;
}

int
rc_limit_check_prec(rc_error_t err, slong prec, const char * what)
{
    if (prec <= limit_prec)
        return 0;
    return rc_error_set(err, "%s: %ld bits is above the limit of %ld (raise it with --max-prec)",
                        what, (long) prec, (long) limit_prec);
}

int
rc_limit_check_params(rc_error_t err, slong rows, slong cols, int binary64,
                      const char * what)
{
    slong lim = rc_limit_params(binary64);
    const char * ar = binary64 ? "the binary64 path" : "ball arithmetic";

    /* rows, cols >= 0 (dimensions already read); no overflow in the product */
    if (cols == 0 || rows <= lim / cols)
        return 0;
    return rc_error_set(err, "%s: %ld x %ld parameters is above the limit of %ld for %s "
                        "(raise it with --max-params)", what, (long) rows, (long) cols,
                        (long) lim, ar);
}
