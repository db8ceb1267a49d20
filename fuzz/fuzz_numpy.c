/* libFuzzer harness: the NumPy readers (rc_npy_read_buffer, and
   rc_npz_read_buffer for inputs that start like a zip archive). Any input
   must give an array or a one-line error, never a crash, a hang or a
   sanitizer report. */
#include <stdlib.h>
#include <string.h>
#include "relucert/relucert.h"

int
LLVMFuzzerTestOneInput(const unsigned char * data, size_t size)
{
    fmpq_mat_t W, V;
    rc_error_t err;
    int have_V, r;

    if (size > (1 << 20))
        return 0;
    fmpq_mat_init(W, 0, 0);
    fmpq_mat_init(V, 0, 0);
    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        r = rc_npz_read_buffer(W, V, &have_V, data, size, "fuzz.npz", err);
    else
        r = rc_npy_read_buffer(W, data, size, "fuzz.npy", err);
    if (r != 0 && strchr(err->msg, '\n') != NULL)
        abort();                        /* errors are one line */
    fmpq_mat_clear(W);
    fmpq_mat_clear(V);
    return 0;
}
