/* One-line error messages. */
#include <stdarg.h>
#include <stdio.h>
#include "relucert/error.h"

void
rc_error_init(rc_error_t err)
{
    err->msg[0] = '\0';
}

int
rc_error_set(rc_error_t err, const char * fmt, ...)
{
    va_list ap;
    char * p;

    va_start(ap, fmt);
    vsnprintf(err->msg, RC_ERROR_LEN, fmt, ap);
    va_end(ap);
    for (p = err->msg; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return 1;
}
