/* libFuzzer harness: one record of the published dataset's JSON Lines
   format (rc_point_set_dataset_record). */
#include <stdlib.h>
#include <string.h>
#include "relucert/relucert.h"

int
LLVMFuzzerTestOneInput(const unsigned char * data, size_t size)
{
    char * line = malloc(size + 1);
    rc_point_t pt;
    rc_error_t err;

    if (line == NULL || size > (1 << 16))
    {
        free(line);
        return 0;
    }
    memcpy(line, data, size);
    line[size] = 0;
    rc_point_init(pt);
    if (rc_point_set_dataset_record(pt, line, "fuzz", 1, err) != 0 && strchr(err->msg, '\n') != NULL)
        abort();
    rc_point_clear(pt);
    free(line);
    return 0;
}
