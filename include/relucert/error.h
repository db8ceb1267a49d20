/* relucert: error reports.
   Every function that can fail on user input fills an rc_error_t with one line
   "FILE:LINE: what was expected, what was found" and returns nonzero. */
#ifndef RELUCERT_ERROR_H
#define RELUCERT_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

#define RC_ERROR_LEN 1024

typedef struct
{
    char msg[RC_ERROR_LEN];
}
rc_error_struct;

typedef rc_error_struct rc_error_t[1];

/* Sets err to "" */
void rc_error_init(rc_error_t err);

/* printf-style; the message is one line (newlines are replaced by spaces)
   and is truncated to RC_ERROR_LEN - 1 bytes. Always returns 1, so that
   "return rc_error_set(err, ...);" reports failure. */
int rc_error_set(rc_error_t err, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#ifdef __cplusplus
}
#endif

#endif
