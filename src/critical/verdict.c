/* Names of the three-valued verdicts. */
#include <string.h>
#include "relucert/critical.h"

const char *
rc_verdict_name(rc_verdict_t v)
{
    return v == RC_PROVED ? "proved" : v == RC_REFUTED ? "refuted" : "undecided";
}

int
rc_verdict_parse(rc_verdict_t * v, const char * s)
{
    if (strcmp(s, "proved") == 0)
        *v = RC_PROVED;
    else if (strcmp(s, "refuted") == 0)
        *v = RC_REFUTED;
    else if (strcmp(s, "undecided") == 0)
        *v = RC_UNDECIDED;
    else
        return 1;
    return 0;
}
