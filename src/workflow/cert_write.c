/* Writing a certificate file atomically: a temporary file, then a rename. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "relucert/workflow.h"

int
rc_cert_write_file(const char * path, json_t * root)
{
    size_t len;
    char * tmp;
    FILE * f;
    int ok;

    len = strlen(path) + 32;
    tmp = flint_malloc(len);
    snprintf(tmp, len, "%s.tmp%ld", path, (long) getpid());
    f = fopen(tmp, "w");
    ok = f != NULL && json_dumpf(root, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER) == 0
         && fputc('\n', f) != EOF;
    ok = (f != NULL && fclose(f) == 0) && ok && rename(tmp, path) == 0;
    if (!ok)
        remove(tmp);
    flint_free(tmp);
    return ok ? 0 : 1;
}
