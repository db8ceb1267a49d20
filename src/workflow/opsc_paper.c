/* certify opsc --paper: the paper's Appendix D.1 grid, certified: k in
   {5, 10, 20}, m in {2, 5, 10}, Gaussian and adversarial directions, one
   certificate per cell. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "relucert/relucert.h"
#include "relucert/workflow.h"

int
rc_opsc_paper_run(const rc_opsc_params_t tmpl, const char * dir, int jobs,
                  rc_opsc_cell_fn cell, void * cell_ctx, rc_progress_fn progress,
                  void * progress_ctx, rc_error_t err)
{
    static const slong ks[] = {5, 10, 20}, ms[] = {2, 5, 10};
    int ki, mi, adv, res = 0;

    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return 2 * rc_error_set(err, "%s: cannot create directory: %s", dir, strerror(errno));
    for (ki = 0; ki < 3; ki++)
        for (mi = 0; mi < 3; mi++)
            for (adv = 0; adv <= 1; adv++)
            {
                rc_opsc_params_t p;
                rc_opsc_cell_struct c;
                const json_t * sum;
                json_t * root;
                double t0;
                int st;

                rc_opsc_params_init(p);
                p->k = ks[ki];
                p->m = ms[mi];
                p->samples = tmpl->samples;
                p->seed = tmpl->seed;
                p->adversarial = adv;
                p->prec = tmpl->prec;
                p->fast = tmpl->fast;
                fmpq_set(p->sigma2, tmpl->sigma2);
                fmpq_set(p->radius, tmpl->radius);
                fmpq_set(p->lambda, tmpl->lambda);
                t0 = rc_clock_now();
                st = rc_opsc_run(&root, p, 0, 1, jobs, progress, progress_ctx, err);
                rc_opsc_params_clear(p);
                if (st == 2)
                    return 2;
                memset(&c, 0, sizeof c);
                c.seconds = rc_clock_now() - t0;
                c.k = ks[ki];
                c.m = ms[mi];
                c.samples = tmpl->samples;
                c.adversarial = adv;
                snprintf(c.path, sizeof c.path, "%s/opsc-k%02ld-m%02ld-%s.json", dir, (long) c.k,
                         (long) c.m, adv ? "adversarial" : "gaussian");
                if (rc_cert_write_file(c.path, root))
                {
                    json_decref(root);
                    return 2 * rc_error_set(err, "%s: cannot write", c.path);
                }
                sum = json_object_get(root, "summary");
                c.opsc = json_integer_value(json_object_get(sum, adv ? "opsc_lambda_refuted"
                                                                   : "opsc_proved"));
                c.conj12 = json_integer_value(json_object_get(sum, "conj12_proved"));
                rc_report_short_bound(c.bound, sizeof c.bound,
                                      json_object_get(sum, adv ? "smallest_c_U" : "smallest_lam_U"), 1);
                snprintf(c.cp, sizeof c.cp, "%s", adv ? "-" : json_string_value(
                         json_object_get(sum, "clopper_pearson_95_lower")));
                if (st != 0)
                    res = 1;
                if (cell != NULL)
                    cell(&c, cell_ctx);
                json_decref(root);
            }
    return res;
}
