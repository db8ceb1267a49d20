/* libFuzzer harness: the certificate loader and the checker's decision
   procedures (rc_cert_check) on arbitrary JSON. A mutated certificate must
   be rejected or re-proved, never crash. Inputs are capped at 64 kB, and
   certificates that ask for more than a fuzzing budget of work are left to
   the resource limits: precision above 1024 bits, more than 64 neurons or
   coordinates and more than 4 sampled directions are skipped here. */
#include <stdlib.h>
#include <string.h>
#include "relucert/relucert.h"

static int
too_big(const json_t * root)
{
    const json_t * p = json_object_get(root, "prec"), * n = json_object_get(root, "n"),
        * k = json_object_get(root, "k"), * d = json_object_get(root, "d"),
        * s = json_object_get(root, "samples");
    return (json_is_integer(p) && json_integer_value(p) > 1024)
           || (json_is_integer(n) && json_integer_value(n) > 64)
           || (json_is_integer(k) && json_integer_value(k) > 64)
           || (json_is_integer(d) && json_integer_value(d) > 64)
           || (json_is_integer(s) && json_integer_value(s) > 4);
}

int
LLVMFuzzerTestOneInput(const unsigned char * data, size_t size)
{
    json_error_t je;
    json_t * root;
    rc_error_t why;

    if (size > (1 << 16))
        return 0;
    root = json_loadb((const char *) data, size, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL)
        return 0;
    if (!too_big(root))
        (void) rc_cert_check(why, root);
    json_decref(root);
    return 0;
}
