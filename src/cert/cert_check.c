/* The checker's entry point: dispatch on the certificate kind. */
#include <string.h>
#include "relucert/cert_json.h"
#include "relucert/mincert.h"
#include "relucert/candidate.h"
#include "relucert/landscape.h"
#include "relucert/opsc.h"
#include "relucert/census.h"

slong
rc_cert_check_parts(const json_t * root)
{
    const json_t * k = json_object_get(root, "kind"), * n = json_object_get(root, "samples");
    if (json_is_string(k) && strcmp(json_string_value(k), "opsc") == 0 && json_is_integer(n)
        && json_integer_value(n) > 1)
        return (slong) json_integer_value(n);
    return 1;
}

int
rc_cert_check_part(rc_error_t why, const json_t * root, slong part, slong nparts)
{
    const char * kind;

    if (nparts <= 1)
        return rc_cert_check(why, root);
    kind = rc_cert_json_kind(root, why);
    if (kind == NULL)
        return 1;
    if (strcmp(kind, "opsc") == 0)
        return rc_opsc_check_part(why, root, part, nparts);
    return part == 0 ? rc_cert_check(why, root) : 0;
}

int
rc_cert_check(rc_error_t why, const json_t * root)
{
    const char * kind = rc_cert_json_kind(root, why);

    if (kind == NULL)
        return 1;
    if (strcmp(kind, "minimum") == 0)
        return rc_mincert_check(why, root) || rc_mincert_json_check_candidate(why, root);
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
    if (strcmp(kind, "census") == 0)
        return rc_census_check(why, root);
    return rc_error_set(why, "kind: expected one of \"minimum\", \"convexity\", "
                        "\"nonconvex\", \"opsc-fails\", \"pl-fails\", \"opsc\", \"census\", "
                        "found \"%.40s\"", kind);
}
