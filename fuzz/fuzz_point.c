/* libFuzzer harness: the point-file reader (rc_point_read_string). Any
   input must give a point or a one-line error, never a crash, a hang or a
   sanitizer report. */
#include <stdlib.h>
#include <string.h>
#include "relucert/relucert.h"

int
LLVMFuzzerTestOneInput(const unsigned char * data, size_t size)
{
    char * text = malloc(size + 1);
    rc_point_t pt;
    rc_error_t err;

    if (text == NULL || size > (1 << 16))
    {
        free(text);
        return 0;
    }
    memcpy(text, data, size);
    text[size] = 0;
    rc_point_init(pt);
    if (rc_point_read_string(pt, text, "fuzz", err) != 0 && strchr(err->msg, '\n') != NULL)
        abort();                        /* errors are one line */
    rc_point_clear(pt);
    free(text);
    return 0;
}
