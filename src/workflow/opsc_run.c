/* certify opsc: the experiment of the paper's Appendix D.1, certified: the
   directions by worker processes, assembled into the certificate (or into
   one shard's part, for rc_opsc_merge). */
#include "relucert/relucert.h"
#include "relucert/workflow.h"

int
rc_opsc_params_set_numbers(rc_opsc_params_t p, const char * sigma2, const char * radius,
                           const char * lambda, rc_error_t err)
{
    rc_error_t why;

    if (rc_number_parse_fmpq(p->sigma2, sigma2, why) || fmpq_sgn(p->sigma2) <= 0)
        return rc_error_set(err, "--sigma2: expected a positive number, found '%s'", sigma2);
    if (rc_number_parse_fmpq(p->radius, radius, why) || fmpq_sgn(p->radius) <= 0)
        return rc_error_set(err, "--radius: expected a positive number, found '%s'", radius);
    if (rc_number_parse_fmpq(p->lambda, lambda, why) || fmpq_sgn(p->lambda) <= 0)
        return rc_error_set(err, "--lambda: expected a positive number, found '%s'", lambda);
    return 0;
}

int
rc_opsc_params_check(const rc_opsc_params_t p, rc_error_t err)
{
    if (p->k < 1 || p->m < 1 || p->samples < 1)
        return rc_error_set(err, "certify opsc: expected --k K, --m M, --samples S and --seed SEED");
    if (p->m < 2 && p->adversarial)
        return rc_error_set(err, "certify opsc: --adversarial needs --m M with M >= 2");
    if (rc_limit_check_params(err, p->k + p->m, p->k, 0, "certify opsc: (k + m) x k"))
        return 1;
    return 0;
}

int
rc_opsc_run(json_t ** cert, const rc_opsc_params_t p, slong si, slong sn, int jobs,
            rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    json_t * root;
    rc_error_t werr;

    *cert = NULL;
    if (rc_opsc_params_check(p, err))
        return 2;
    if (sn < 1 || si < 0 || si >= sn)
        return 2 * rc_error_set(err, "certify opsc: expected a shard 1 <= I <= N, found %ld/%ld",
                                (long) si + 1, (long) sn);
    root = rc_opsc_assemble(p, rc_opsc_directions_run(p, si, sn, jobs, progress, progress_ctx,
                                                      werr));
    if (werr->msg[0] != '\0')
        rc_progress_report(progress, progress_ctx, RC_PROGRESS_ERROR, "certify opsc", 0, 0,
                           werr->msg, 0);
    if (sn > 1)
    {
        /* one shard: a part, not a certificate, merged by rc_opsc_merge */
        json_t * sh = json_object();
        json_object_set_new(root, "kind", json_string("opsc-part"));
        json_object_del(root, "summary");
        json_object_set_new(sh, "index", json_integer(si + 1));
        json_object_set_new(sh, "count", json_integer(sn));
        json_object_set_new(root, "shard", sh);
        *cert = root;
        return 0;
    }
    *cert = root;
    return rc_opsc_cert_settled(root) ? 0 : 1;
}

int
rc_opsc_cert_settled(const json_t * cert)
{
    const json_t * sum = json_object_get(cert, "summary");
    json_int_t samples = json_integer_value(json_object_get(cert, "samples"));

    if (!json_is_true(json_object_get(cert, "adversarial")))
        return json_integer_value(json_object_get(sum, "opsc_proved")) == samples
            && json_integer_value(json_object_get(sum, "conj12_proved")) == samples;
    return json_integer_value(json_object_get(sum, "opsc_lambda_refuted")) == samples
        && json_integer_value(json_object_get(sum, "conj12_proved")) == samples;
}
