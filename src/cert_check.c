/* The checker's entry point: dispatch on the certificate kind. */
#include <string.h>
#include "relucert/cert_json.h"
#include "relucert/mincert.h"
#include "relucert/landscape.h"
#include "relucert/opsc.h"

int
rc_cert_check(rc_error_t why, const json_t * root)
{
    const char * kind = rc_cert_json_kind(root, why);

    if (kind == NULL)
        return 1;
    if (strcmp(kind, "minimum") == 0)
        return rc_mincert_check(why, root);
    if (strcmp(kind, "convexity") == 0)
        return rc_convcert_check(why, root);
    if (strcmp(kind, "nonconvex") == 0)
        return rc_noncvx_check(why, root);
    if (strcmp(kind, "opsc-fails") == 0)
        return rc_thm79_check(why, root, 0);
    if (strcmp(kind, "pl-fails") == 0)
        return rc_thm79_check(why, root, 1);
    if (strcmp(kind, "opsc") == 0)
        return rc_opsc_check(why, root);
    return rc_error_set(why, "kind: expected one of \"minimum\", \"convexity\", "
                        "\"nonconvex\", \"opsc-fails\", \"pl-fails\", \"opsc\", found \"%.40s\"", kind);
}
