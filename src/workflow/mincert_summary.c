/* The summary lines of a minimum certificate (relucert certify minimum,
   the C API, Python's Certificate): each claim with the verdict the
   certificate records for it, and only the bounds those verdicts prove. */
#include <string.h>
#include "relucert/relucert.h"
#include "relucert/workflow.h"

void
rc_mincert_summary_write(FILE * f, const json_t * root)
{
    const json_t * cl = json_object_get(root, "claims");
    const json_t * loss = json_object_get(json_object_get(cl, "non_global"), "loss");
    const json_t * wit = json_object_get(root, "witnesses");
    const json_t * cc = json_object_get(wit, "cross_check");
    const json_t * pd = json_object_get(cl, "positive_definite");
    char a[64], b[64], mi_s[32];

    const json_t * ar = json_object_get(root, "arith");
    int b64 = json_is_string(ar) && strcmp(json_string_value(ar), "binary64") == 0;

    fprintf(f, "critical point (%s, box radius 2^%ld): %s\n",
            json_object_get(root, "symmetry") ? "Krawczyk in fixed-point coordinates"
            : b64 ? "strong convexity" : "Krawczyk",
            (long) json_integer_value(json_object_get(json_object_get(root, "box"), "radius_log2")),
            rc_report_claim_verdict(root, "critical_point"));
    if (json_object_get(root, "symmetry") != NULL)
    {
        const json_t * mi = json_object_get(pd, "morse_index");
        if (json_is_integer(mi))
            snprintf(mi_s, sizeof mi_s, "%ld", (long) json_integer_value(mi));
        else
            snprintf(mi_s, sizeof mi_s, "undecided");
        rc_report_short_bound(a, sizeof a, json_object_get(json_object_get(pd, "lambda_min"), "lo"), 1);
        rc_report_short_bound(b, sizeof b, json_object_get(json_object_get(pd, "lambda_min"), "hi"), 0);
        fprintf(f, "Hessian by irreducible type (%ld types, dimension count %ld): "
                "lambda_min in [%s, %s], Morse index %s\n",
                (long) json_array_size(json_object_get(pd, "types")),
                (long) json_integer_value(json_object_get(pd, "dimension_count")), a, b, mi_s);
    }
    {
        /* only what the verdicts prove: lambda_lower is a witness, printed
           as a bound only when positive definiteness is proved */
        const char * sm = rc_report_claim_verdict(root, "strict_minimum");
        const char * pdv = rc_report_claim_verdict(root, "positive_definite");
        if (strcmp(pdv, "proved") == 0)
        {
            rc_report_short_bound(a, sizeof a, json_object_get(wit, "lambda_lower"), 1);
            fprintf(f, "strict minimum: %s (Hessian >= %s on the box%s: proved)\n", sm, a,
                    b64 ? ", Rump's test" : "");
        }
        else if (strcmp(pdv, "refuted") == 0 && json_object_get(root, "symmetry") != NULL)
        {
            rc_report_short_bound(a, sizeof a, json_object_get(json_object_get(pd, "lambda_min"), "lo"), 1);
            rc_report_short_bound(b, sizeof b, json_object_get(json_object_get(pd, "lambda_min"), "hi"), 0);
            fprintf(f, "strict minimum: %s (lambda_min in [%s, %s] < 0: a saddle, %s%s)\n",
                    sm, a, b, strcmp(mi_s, "undecided") == 0 ? "index " : "Morse index ", mi_s);
        }
        else if (strcmp(pdv, "refuted") == 0)
        {
            rc_report_short_bound(a, sizeof a, json_object_get(pd, "negative_quotient") != NULL
                            ? json_object_get(json_object_get(pd, "negative_quotient"), "hi")
                            : NULL, 0);
            fprintf(f, "strict minimum: %s (a direction with y^T H y / y^T y <= %s < 0 on the "
                    "box: not a minimum)\n", sm, a);
        }
        else
            fprintf(f, "strict minimum: %s (positive definiteness on the box: %s)\n", sm, pdv);
    }
    rc_report_short_bound_nonneg(a, sizeof a, json_object_get(loss, "lo"));
    rc_report_short_bound(b, sizeof b, json_object_get(loss, "hi"), 0);
    fprintf(f, "non-global: %s (F in [%s, %s])%s\n", rc_report_claim_verdict(root, "non_global"), a, b,
            strcmp(rc_report_claim_verdict(root, "non_global"), "refuted") == 0
                ? ": it is the global minimum (a permuted teacher)"
                : json_integer_value(json_object_get(root, "n"))
                  < json_integer_value(json_object_get(root, "k"))
                ? ": with fewer neurons than the teacher F > 0 does not show it is not global"
                : "");
    rc_report_short_bound(a, sizeof a, rc_report_worst_split(root), 0);
    fprintf(f, "saddle after adding a neuron: %s (every neuron, curvature of H'_ii <= %s)\n",
            rc_report_claim_verdict(root, "saddle_after_split"), a);
    rc_report_short_bound(a, sizeof a, json_object_get(json_object_get(json_object_get(cl, "split_cross_check"),
                                                             "quotient"), "hi"), 0);
    {
        /* on the reduced path a representative past the blocks is an extra neuron */
        slong nb = (slong) json_array_size(json_object_get(json_object_get(root, "symmetry"),
                                                           "blocks"));
        slong who = cc ? (slong) json_integer_value(json_object_get(cc, json_object_get(cc, "block")
                                                                    ? "block" : "neuron")) : -1;
        int extra = json_object_get(cc, "block") != NULL && nb > 0 && who >= nb;
        fprintf(f, "cross-check at alpha = %s, %s %ld: %s (curvature <= %s)\n",
                cc ? json_string_value(json_object_get(cc, "alpha")) : "-",
                extra ? "extra neuron" : json_object_get(cc, "block") ? "block" : "neuron",
                (long) (extra ? who - nb : who),
                rc_report_claim_verdict(root, "split_cross_check"), a);
    }
    fprintf(f, "conditions: sum |w_i| <= k %s, every lam_i < 0 %s\n",
            rc_report_claim_verdict(root, "norm_sum_le_k"), rc_report_claim_verdict(root, "lam_negative"));
    {
        const json_t * dc = json_object_get(cl, "distance_to_candidate");
        if (dc != NULL)
        {
            rc_report_short_bound(a, sizeof a, json_object_get(dc, "frobenius"), 0);
            rc_report_short_bound(b, sizeof b, json_object_get(dc, "max_entry"), 0);
            fprintf(f, "distance to the input: %s (every point of the box%s within %s in the "
                    "Frobenius norm and %s in the largest entry)\n",
                    rc_report_claim_verdict(root, "distance_to_candidate"),
                    strcmp(rc_report_claim_verdict(root, "critical_point"), "proved") == 0
                        ? ", the certified critical point among them," : "", a, b);
        }
    }
}
