/* The parameters of the landscape workflows (certify convexity, nonconvex,
   opsc-fails, pl-fails): defaults, the lists of exact numbers. */
#include <string.h>
#include "relucert/relucert.h"
#include "relucert/workflow.h"

void
rc_landscape_params_init(rc_landscape_params_t p)
{
    rc_error_t err;

    memset(p, 0, sizeof(rc_landscape_params_struct));
    p->k = p->n = p->d = -1;
    fmpq_mat_init(p->V, 0, 0);
    fmpq_init(p->mu);
    /* (1/4 - 1/(2 pi))/2 = 0.04542252845405233209..., rounded up, so that
       the proved claim is at least as strong */
    rc_number_parse_fmpq(p->mu, "0.045422528454052333", err);
    p->norm = RC_CONV_EUCLID;
    p->boxes = 256;
    p->prec = 128;
    p->alpha = p->eps = p->lambda = NULL;
    p->nalpha = p->neps = p->nlambda = 0;
}

static void
list_clear(fmpq ** v, slong * len)
{
    if (*v != NULL)
        _fmpq_vec_clear(*v, *len);
    *v = NULL;
    *len = 0;
}

void
rc_landscape_params_clear(rc_landscape_params_t p)
{
    fmpq_mat_clear(p->V);
    fmpq_clear(p->mu);
    list_clear(&p->alpha, &p->nalpha);
    list_clear(&p->eps, &p->neps);
    list_clear(&p->lambda, &p->nlambda);
}

int
rc_landscape_params_set_list(fmpq ** v, slong * len, const char * opt, const char * s,
                             rc_error_t err)
{
    char * copy = flint_malloc(strlen(s) + 1), * tok, * save = NULL;
    slong n = 0;
    fmpq * w = NULL;
    rc_error_t why;

    list_clear(v, len);
    strcpy(copy, s);
    for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
    {
        w = flint_realloc(w, sizeof(fmpq) * (n + 1));
        fmpq_init(w + n);
        n++;
        if (rc_number_parse_fmpq(w + n - 1, tok, why))
        {
            _fmpq_vec_clear(w, n);
            flint_free(copy);
            return rc_error_set(err, "%s: %s", opt, why->msg);
        }
    }
    flint_free(copy);
    if (n == 0)
        return rc_error_set(err, "%s: expected a comma-separated list of numbers", opt);
    *v = w;
    *len = n;
    return 0;
}
