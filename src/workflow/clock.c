/* The workflows' monotonic clock (durations in summaries and progress). */
#include <time.h>
#include "relucert/workflow.h"

double
rc_clock_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}
