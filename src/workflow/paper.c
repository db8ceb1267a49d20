/* relucert paper as a library function: a compact certified version of
   every claim of the central paper (Safran, Yehudai, Shamir, COLT 2021),
   written as certificates, re-checked, and summarised in an rc_paper_t. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "relucert/cert_json.h"
#include "relucert/landscape.h"
#include "relucert/number.h"
#include "relucert/opsc.h"
#include "relucert/version.h"
#include "relucert/workflow.h"

void
rc_paper_params_init(rc_paper_params_t par)
{
    memset(par, 0, sizeof(rc_paper_params_struct));
    par->dir = "relucert-paper";
    par->dataset = NULL;
    par->full = 0;
    par->jobs = 1;
}

void
rc_paper_params_clear(rc_paper_params_t par)
{
}

void
rc_paper_init(rc_paper_t P)
{
    memset(P, 0, sizeof(rc_paper_struct));
    P->minima_lambda = 1e300;
    P->minima_split = -1e300;
}

void
rc_paper_clear(rc_paper_t P)
{
    slong i;

    for (i = 0; i < P->opsc_len; i++)
        free(P->opsc[i].bound);
    flint_free(P->opsc);
    for (i = 0; i < P->written; i++)
        free(P->paths[i]);
    flint_free(P->paths);
}

/* the run's state: its parameters, outcome and progress callback */
typedef struct
{
    const rc_paper_params_struct * par;
    rc_paper_struct * P;
    rc_progress_fn progress;
    void * pctx;
}
paper_ctx;

static void
report(paper_ctx * R, rc_progress_kind_t kind, const char * phase, slong done, slong total,
       const char * text, double t0)
{
    rc_progress_report(R->progress, R->pctx, kind, phase, done, total, text,
                       kind == RC_PROGRESS_BEGIN ? 0 : rc_clock_now() - t0);
}

/* an ERROR report of one line */
static void
report_error(paper_ctx * R, const char * phase, const char * fmt, const char * a,
             const char * b)
{
    char line[2 * 4096 + RC_ERROR_LEN];
    snprintf(line, sizeof line, fmt, a, b);
    rc_progress_report(R->progress, R->pctx, RC_PROGRESS_ERROR, phase, 0, 0, line, 0);
}

/* records DIR/name as a certificate to check at the end */
static void
add_path(paper_ctx * R, const char * name)
{
    char path[4096];
    rc_paper_struct * P = R->P;
    snprintf(path, sizeof path, "%s/%s", R->par->dir, name);
    P->paths = flint_realloc(P->paths, sizeof(char *) * (P->written + 1));
    P->paths[P->written++] = strdup(path);
}

/* writes root to DIR/name (checked by check_all at the end); steals root */
static int
save_cert(paper_ctx * R, const char * phase, const char * name, json_t * root)
{
    char path[4096];

    snprintf(path, sizeof path, "%s/%s", R->par->dir, name);
    if (rc_cert_write_file(path, root))
    {
        json_decref(root);
        report_error(R, phase, "%s: cannot write%s", path, "");
        R->P->failures++;
        return 1;
    }
    json_decref(root);
    add_path(R, name);
    return 0;
}

static void
part_convexity(paper_ctx * R)
{
    slong k;
    fmpq_t mu;
    rc_error_t err;
    double t0 = rc_clock_now();

    report(R, RC_PROGRESS_BEGIN, RC_PAPER_CONVEXITY, 0, 5, "certificates", t0);
    fmpq_init(mu);
    rc_number_parse_fmpq(mu, "0.045422528454052333", err);
    for (k = 2; k <= 6; k++)
    {
        rc_convcert_t c;
        fmpq_mat_t V;
        char name[64];
        fmpq_mat_init(V, k, k);
        fmpq_mat_one(V);
        rc_convcert_init(c);
        rc_convcert_find(c, V, mu, RC_CONV_NEURON, R->par->full ? 4096 : 256, 128, err);
        if (c->verdict != RC_PROVED)
            R->P->failures++;
        R->P->radius[k - 2] = fmpq_get_d(c->radius);
        snprintf(name, sizeof name, "convexity-k%ld.json", (long) k);
        save_cert(R, RC_PAPER_CONVEXITY, name, rc_convcert_to_json(c));
        rc_convcert_clear(c);
        fmpq_mat_clear(V);
        report(R, RC_PROGRESS_STEP, RC_PAPER_CONVEXITY, k - 1, 5, "certificates", t0);
    }
    fmpq_clear(mu);
    R->P->seconds[0] = rc_clock_now() - t0;
    report(R, RC_PROGRESS_END, RC_PAPER_CONVEXITY, 5, 5, "certificates", t0);
}

static void
part_landscape(paper_ctx * R)
{
    fmpq_t half;
    fmpq * eps = rc_powers_of_ten(1, 30), * eps79 = rc_powers_of_ten(1, 14), * lam = rc_powers_of_ten(1, 12);
    int all1, all2, all3;
    double t0 = rc_clock_now();
    const char * ph = RC_PAPER_LANDSCAPE;

    report(R, RC_PROGRESS_BEGIN, ph, 0, 3, "certificates", t0);
    fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    save_cert(R, ph, "nonconvex-k3-n4.json", rc_noncvx_to_json(3, 4, 3, half, half, eps, 30, &all1));
    report(R, RC_PROGRESS_STEP, ph, 1, 3, "certificates", t0);
    save_cert(R, ph, "opsc-fails-k3.json",
              rc_thm79_to_json(0, 3, 3, half, half, eps79, 14, lam, 12, &all2));
    report(R, RC_PROGRESS_STEP, ph, 2, 3, "certificates", t0);
    save_cert(R, ph, "pl-fails-k3.json",
              rc_thm79_to_json(1, 3, 3, half, half, eps79, 14, lam, 12, &all3));
    R->P->failures += !all1 + !all2 + !all3;
    R->P->thm4 = all1;
    R->P->thm7 = all2;
    R->P->thm9 = all3;
    fmpq_clear(half);
    _fmpq_vec_clear(eps, 30);
    _fmpq_vec_clear(eps79, 14);
    _fmpq_vec_clear(lam, 12);
    R->P->seconds[1] = rc_clock_now() - t0;
    report(R, RC_PROGRESS_STEP, ph, 3, 3, "certificates", t0);
    report(R, RC_PROGRESS_END, ph, 3, 3, "certificates", t0);
}

static void
part_opsc(paper_ctx * R)
{
    static const slong compact[][2] = {{3, 2}, {5, 2}};
    static const slong grid[][2] = {{5, 2}, {5, 5}, {5, 10}, {10, 2}, {10, 5}, {10, 10},
                                    {20, 2}, {20, 5}, {20, 10}};
    int full = R->par->full;
    slong ncells = full ? 9 : 2, samples = full ? 1000 : 20, c;
    int adv;
    double t0 = rc_clock_now();
    rc_paper_struct * P = R->P;

    P->opsc = flint_calloc(2 * ncells, sizeof(rc_paper_opsc_struct));
    report(R, RC_PROGRESS_BEGIN, RC_PAPER_OPSC, 0, 2 * ncells, "certificates", t0);
    for (c = 0; c < ncells; c++)
        for (adv = 0; adv <= 1; adv++)
        {
            rc_opsc_params_t p;
            rc_paper_opsc_struct * o = P->opsc + P->opsc_len;
            rc_error_t err;
            json_t * root, * sum;
            const json_t * lo;
            char name[64];
            rc_opsc_params_init(p);
            p->k = full ? grid[c][0] : compact[c][0];
            p->m = full ? grid[c][1] : compact[c][1];
            p->samples = samples;
            p->seed = 1;
            p->adversarial = adv;
            p->prec = 128;
            fmpq_set_si(p->sigma2, 1, 100000);
            fmpq_one(p->radius);
            fmpq_set_si(p->lambda, 1, 100);
            root = rc_opsc_assemble(p, rc_opsc_directions_run(p, 0, 1, R->par->jobs,
                                                              R->progress, R->pctx, err));
            if (err->msg[0] != '\0')
                report_error(R, RC_PAPER_OPSC, "%s%s", err->msg, "");
            sum = json_object_get(root, "summary");
            o->k = p->k;
            o->m = p->m;
            o->samples = samples;
            o->adversarial = adv;
            o->opsc = json_integer_value(json_object_get(sum, adv ? "opsc_lambda_refuted" : "opsc_proved"));
            o->conj12 = json_integer_value(json_object_get(sum, "conj12_proved"));
            lo = json_object_get(sum, adv ? "smallest_c_U" : "smallest_lam_U");
            o->bound = json_is_string(lo) ? strdup(json_string_value(lo)) : NULL;
            P->opsc_len++;
            if (o->opsc < samples || o->conj12 < samples)
                P->failures++;
            snprintf(name, sizeof name, "opsc-k%ld-m%ld-%s.json", (long) p->k, (long) p->m,
                     adv ? "adversarial" : "gaussian");
            save_cert(R, RC_PAPER_OPSC, name, root);
            rc_opsc_params_clear(p);
            report(R, RC_PROGRESS_STEP, RC_PAPER_OPSC, P->opsc_len, 2 * ncells, "certificates", t0);
        }
    P->seconds[2] = rc_clock_now() - t0;
    report(R, RC_PROGRESS_END, RC_PAPER_OPSC, P->opsc_len, 2 * ncells, "certificates", t0);
}

/* the dataset part: every record with k <= kmax certified
   (rc_certify_minimum_point) in a worker process, which writes its
   certificate and reports one line */
typedef struct
{
    paper_ctx * R;
    const char * dataset;
    char ** line;
    slong * lineno, * k, * idx;
    slong nok, nglob, nspur, nrep, nseen;
    double worst, minlam, t0;
}
minima_ctx;

static void
minima_work(FILE * out, slong i, void * ctx)
{
    minima_ctx * M = ctx;
    rc_point_t pt;
    rc_error_t err;
    rc_certify_minimum_params_t o;
    json_t * root = NULL;
    int ok = 0, glob = 0, wrote = 0;
    double worst = -1e300, minlam = 1e300;
    char src[128], name[64], path[4096], pathl[512];

    rc_certify_minimum_params_init(o);   /* prec 256, alpha 1/2, auto */
    snprintf(src, sizeof src, "safran2021-minima.jsonl:k=%ld:index=%ld", (long) M->k[i],
             (long) M->idx[i]);
    rc_point_init(pt);
    if (rc_point_set_dataset_record(pt, M->line[i], M->dataset, M->lineno[i], err) == 0
        && rc_certify_minimum_point(&root, pathl, sizeof pathl, pt, src, o, err) == 0)
    {
        const json_t * lam = json_object_get(json_object_get(root, "witnesses"), "lambda_lower");
        ok = json_is_true(json_object_get(root, "success"));
        glob = strcmp(rc_report_claim_verdict(root, "non_global"), "refuted") == 0;
        if (ok && !glob)
        {
            const json_t * w = rc_report_worst_split(root);
            fmpq_t x;
            fmpq_init(x);
            /* the exact strings are bounds; their doubles only for display */
            if (w != NULL && rc_json_get_fmpq(x, w, "", err) == 0)
                worst = fmpq_get_d(x);
            if (lam != NULL && rc_json_get_fmpq(x, lam, "", err) == 0)
                minlam = fmpq_get_d(x);
            fmpq_clear(x);
        }
        snprintf(name, sizeof name, "minimum-k%03ld-%04ld.json", (long) M->k[i], (long) M->idx[i]);
        snprintf(path, sizeof path, "%s/%s", M->R->par->dir, name);
        wrote = rc_cert_write_file(path, root) == 0;
        json_decref(root);
        fprintf(out, "%ld\t%d\t%d\t%d\t%.17g\t%.17g\t%s\n", (long) i, wrote, ok, glob, worst, minlam,
                wrote ? "" : "cannot write the certificate");
    }
    else
        fprintf(out, "%ld\t0\t0\t0\t0\t0\t%s\n", (long) i, err->msg);
    rc_point_clear(pt);
    rc_certify_minimum_params_clear(o);
}

static void
minima_line(char * text, void * ctx)
{
    minima_ctx * M = ctx;
    paper_ctx * R = M->R;
    long i;
    int wrote, ok, glob, n = 0;
    double worst, minlam;
    char name[64];

    if (sscanf(text, "%ld\t%d\t%d\t%d\t%lg\t%lg\t%n", &i, &wrote, &ok, &glob, &worst, &minlam, &n) < 6
        || i < 0 || i >= M->nrep)
        return;
    M->nseen++;
    if (wrote)
    {
        snprintf(name, sizeof name, "minimum-k%03ld-%04ld.json", (long) M->k[i], (long) M->idx[i]);
        add_path(R, name);
    }
    else
    {
        char * nl = strchr(text + n, '\n');
        if (nl != NULL)
            *nl = '\0';
        report_error(R, RC_PAPER_MINIMA, "%s%s", text + n, "");
        R->P->failures++;
    }
    if (ok)
    {
        M->nok++;
        if (glob)
            M->nglob++;
        else
        {
            M->nspur++;
            M->worst = FLINT_MAX(M->worst, worst);
            M->minlam = FLINT_MIN(M->minlam, minlam);
        }
    }
    else
        R->P->failures++;
    report(R, RC_PROGRESS_STEP, RC_PAPER_MINIMA, M->nseen, M->nrep, "records", M->t0);
}

static void
part_minima(paper_ctx * R, slong kmax)
{
    const char * dataset = R->par->dataset;
    FILE * f = dataset != NULL ? fopen(dataset, "r") : NULL;
    char * line = NULL;
    size_t cap = 0;
    slong lineno = 0, i;
    minima_ctx M;
    rc_error_t err;
    rc_paper_struct * P = R->P;

    memset(&M, 0, sizeof M);
    M.t0 = rc_clock_now();
    P->minima_kmax = kmax;
    if (f == NULL)
    {
        report_error(R, RC_PAPER_MINIMA, "%s: cannot open: %s",
                     dataset != NULL ? dataset : "(no dataset)", strerror(errno));
        P->failures++;
        P->seconds[3] = rc_clock_now() - M.t0;
        return;
    }
    M.R = R;
    M.dataset = dataset;
    M.worst = -1e300;
    M.minlam = 1e300;
    while (getline(&line, &cap, f) > 0)
    {
        json_t * rec;
        json_error_t je;
        slong k;
        lineno++;
        rec = json_loads(line, 0, &je);
        if (rec == NULL)
            continue;
        k = json_integer_value(json_object_get(rec, "k"));
        if (k <= kmax)
        {
            M.line = flint_realloc(M.line, sizeof(char *) * (M.nrep + 1));
            M.lineno = flint_realloc(M.lineno, sizeof(slong) * (M.nrep + 1));
            M.k = flint_realloc(M.k, sizeof(slong) * (M.nrep + 1));
            M.idx = flint_realloc(M.idx, sizeof(slong) * (M.nrep + 1));
            M.line[M.nrep] = strdup(line);
            M.lineno[M.nrep] = lineno;
            M.k[M.nrep] = k;
            M.idx[M.nrep] = json_integer_value(json_object_get(rec, "index"));
            M.nrep++;
        }
        json_decref(rec);
    }
    free(line);
    fclose(f);
    report(R, RC_PROGRESS_BEGIN, RC_PAPER_MINIMA, 0, M.nrep, "records", M.t0);
    /* the file records are in increasing k: the largest first */
    if (rc_workers_run(R->par->jobs, M.nrep, 1, minima_work, minima_line, &M, err))
        report_error(R, RC_PAPER_MINIMA, "%s%s", err->msg, "");
    if (M.nseen < M.nrep)
    {
        char a[64];
        snprintf(a, sizeof a, "%ld of %ld", (long) (M.nrep - M.nseen), (long) M.nrep);
        report_error(R, RC_PAPER_MINIMA, "%s dataset records not reported by their worker%s",
                     a, "");
        P->failures++;
    }
    P->minima_records = M.nrep;
    P->minima_certified = M.nok;
    P->minima_nonglobal = M.nspur;
    P->minima_global = M.nglob;
    P->minima_lambda = M.minlam;
    P->minima_split = M.worst;
    P->seconds[3] = rc_clock_now() - M.t0;
    report(R, RC_PROGRESS_END, RC_PAPER_MINIMA, M.nseen, M.nrep, "records", M.t0);
    for (i = 0; i < M.nrep; i++)
        free(M.line[i]);
    flint_free(M.line);
    flint_free(M.lineno);
    flint_free(M.k);
    flint_free(M.idx);
}

/* the minima with F > 0 of over-parameterized students (n = k + 1) that
   relucert overparam found and data/overparam-s1.jsonl keeps: each
   certified a strict non-global minimum whose every split is a strict
   saddle (issue 24); the search itself is not repeated here */
static void
part_overparam(paper_ctx * R, slong kmax)
{
    rc_paper_struct * P = R->P;
    double t0 = rc_clock_now();
    char dir[4096], file[4096];
    rc_batch_params_t bp;
    rc_batch_t B;
    rc_error_t err;
    slong r;

    P->overparam_kmax = kmax;
    snprintf(dir, sizeof dir, "%s/overparam", R->par->dir);
    if (R->par->overparam_dataset != NULL)
        snprintf(file, sizeof file, "%s", R->par->overparam_dataset);
    else
    {
        const char * d = R->par->dataset != NULL ? R->par->dataset : "";
        const char * slash = strrchr(d, '/');
        snprintf(file, sizeof file, "%.*soverparam-s1.jsonl",
                 slash != NULL ? (int) (slash - d + 1) : 0, d);
    }
    rc_batch_params_init(bp);
    bp->dataset = file;
    bp->k_max = kmax;
    bp->out_dir = dir;
    bp->jobs = R->par->jobs;
    rc_batch_init(B);
    report(R, RC_PROGRESS_BEGIN, RC_PAPER_OVERPARAM, 0, 0, "records", t0);
    if (rc_batch_run(B, bp, NULL, NULL, err) == 2)
    {
        report_error(R, RC_PAPER_OVERPARAM, "%s%s", err->msg, "");
        P->failures++;
    }
    for (r = 0; r < B->nrows; r++)
    {
        char name[128];
        snprintf(name, sizeof name, "overparam/minimum-k%03ld-%04ld.json",
                 (long) B->rows[r].k, (long) B->rows[r].index);
        if (rc_batch_status_ok(B->rows[r].status)
            && strcmp(B->rows[r].kind, "spurious") == 0)
        {
            P->overparam_certified++;
            add_path(R, name);
        }
        else
        {
            report_error(R, RC_PAPER_OVERPARAM, "%s: %s", name,
                         B->rows[r].message != NULL ? B->rows[r].message
                         : rc_batch_status_name(B->rows[r].status));
            P->failures++;
        }
    }
    P->overparam_records = B->nrows;
    rc_batch_clear(B);
    rc_batch_params_clear(bp);
    P->seconds[5] = rc_clock_now() - t0;
    report(R, RC_PROGRESS_END, RC_PAPER_OVERPARAM, P->overparam_records,
           P->overparam_records, "records", t0);
}

/* a FAILED or unreadable certificate of the final check */
static void
check_result(const char * path, int status, const char * reason, void * ctx)
{
    paper_ctx * R = ctx;

    if (status == RC_CHECK_OK)
        return;
    if (status == RC_CHECK_FAILED)
        report_error(R, RC_PAPER_CHECK, "%s: FAILED: %s", path, reason);
    else
        report_error(R, RC_PAPER_CHECK, "%s: %s", path, reason);
}

/* every certificate written, re-verified by the checker from its file,
   jobs at a time */
static void
check_all(paper_ctx * R)
{
    rc_error_t err;
    double t0 = rc_clock_now();

    if (rc_check_files((const char * const *) R->P->paths, R->P->written, R->par->jobs,
                       check_result, R, R->progress, R->pctx, err) != RC_CHECK_OK)
        R->P->failures++;
    if (err->msg[0] != '\0')
        report_error(R, RC_PAPER_CHECK, "%s%s", err->msg, "");
    R->P->seconds[4] = rc_clock_now() - t0;
}

int
rc_paper_run(rc_paper_t P, const rc_paper_params_t par, rc_progress_fn progress,
             void * progress_ctx, rc_error_t err)
{
    paper_ctx R;

    if (mkdir(par->dir, 0777) != 0 && errno != EEXIST)
        return rc_error_set(err, "%s: cannot create directory: %s", par->dir, strerror(errno)), 2;
    rc_error_init(err);
    R.par = par;
    R.P = P;
    R.progress = progress;
    R.pctx = progress_ctx;
    part_convexity(&R);
    part_landscape(&R);
    part_opsc(&R);
    part_minima(&R, par->full ? 100 : 12);
    part_overparam(&R, par->full ? 20 : 16);
    check_all(&R);
    return P->failures ? 1 : 0;
}
