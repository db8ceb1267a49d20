/* relucert search as a library function: local searches from seeded random
   starts (the paper's gradient descent, or L-BFGS), Newton refinement at
   192 bits, classification and deduplication up to symmetry, records in
   the shared dataset's JSON Lines format (workflow.h, "search"). Floating
   point throughout: the records are candidates for a certificate, never
   a proof. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/relucert.h"
#include "relucert/cert_json.h"
#include "relucert/d_eval.h"
#include "relucert/workflow.h"

typedef struct
{
    slong k, n, d, runs, max_iter, jobs;
    double step;         /* gradient descent step */
    int lbfgs;           /* 1: L-BFGS, 0: the paper's gradient descent */
    uint64_t seed;
    double * V;          /* teacher, k x d */
    int identity;
    fmpq_mat_t Vq;
} search_opts;


/* one run, in a worker: one result line
   "r status F mineig gnorm w_00 ... (17 digits) | rows (40 digits)" */
static void
one_run(FILE * out, slong r, const search_opts * o)
{
    slong n = o->n, d = o->d, k = o->k, N = n * d, i;
    double * W = flint_malloc(sizeof(double) * N), * H = flint_malloc(sizeof(double) * N * N);
    double * u = flint_malloc(sizeof(double) * N), g, lam = 0, F;
    rc_rand_t R;
    arb_mat_t Wb, Vb, Wr, G;
    arb_t gn;
    const char * status = "minimum";
    long it;

    rc_rand_init(R, o->seed, (uint64_t) r);
    for (i = 0; i < N; i++)
        W[i] = rc_rand_gauss(R) / sqrt((double) k);
    if (o->lbfgs)
        it = rc_d_lbfgs(W, &g, n, o->V, k, d, 1e-9, n > k ? 1e-11 : -INFINITY, o->max_iter);
    else
        it = rc_d_descent(W, &g, n, o->V, k, d, o->step, 1e-12, o->max_iter);
    arb_mat_init(Wb, n, d); arb_mat_init(Vb, k, d); arb_mat_init(Wr, n, d);
    arb_mat_init(G, n, d);
    arb_init(gn);
    rc_mat_set_d(Wb, W);
    arb_mat_set_fmpq_mat(Vb, o->Vq, 192);
    if (it >= 0 && n > k && rc_d_loss(W, n, o->V, k, d) <= 1e-11)
    {
        /* zero loss with more neurons than the teacher: a global minimum
           of a non-isolated set, which Newton's method cannot refine */
        status = "zero-loss";
        rc_mat_set_d(Wr, W);
    }
    else if (it < 0 || it >= o->max_iter || !(g <= (o->lbfgs ? 1e-5 : 1e-12)))
        status = "unconverged";
    else if (!rc_refine_newton(Wr, Wb, Vb, 40, 192) || !rc_gradient(G, Wr, Vb, 192))
        status = "unconverged";
    else
    {
        rc_mat_get_d(W, Wr);
        if (rc_d_hessian(H, W, n, o->V, k, d) || rc_d_sym_eig_min(&lam, u, H, N))
            status = "unconverged";
        else if (lam < -1e-9)
            status = "saddle";
    }
    F = rc_d_loss(W, n, o->V, k, d);
    rc_mat_frobenius_norm(gn, G, 192);
    fprintf(out, "%ld %s %.17g %.17g %.17g", (long) r, status, F, lam,
            arf_get_d(arb_midref(gn), ARF_RND_NEAR));
    for (i = 0; i < N; i++)
        fprintf(out, " %.17g", W[i]);
    fprintf(out, " |");
    for (i = 0; i < N; i++)
    {
        char * s = arb_get_str(arb_mat_entry(Wr, i / d, i % d), 40, ARB_STR_NO_RADIUS);
        fprintf(out, " %s", s);
        flint_free(s);
    }
    fputc('\n', out);
    fflush(out);
    arb_mat_clear(Wb); arb_mat_clear(Vb); arb_mat_clear(Wr); arb_mat_clear(G);
    arb_clear(gn);
    flint_free(W); flint_free(H); flint_free(u);
}

typedef struct
{
    slong run;
    int status;          /* 0 minimum, 1 saddle, 2 unconverged, 3 zero loss (n != k) */
    double F, lam, gnorm;
    double * W;
    char ** rows;
    double * key;        /* sorted entries */
    slong count;         /* runs merged into this one */
    int global;
} endpoint_t;

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static int
parse_line(endpoint_t * e, char * line, slong N)
{
    char * tok, * save = NULL, st[32];
    slong i;
    long run;

    if (sscanf(line, "%ld %31s %lf %lf %lf", &run, st, &e->F, &e->lam, &e->gnorm) != 5)
        return 1;
    e->run = run;
    e->status = strcmp(st, "minimum") == 0 ? 0 : strcmp(st, "saddle") == 0 ? 1
                : strcmp(st, "zero-loss") == 0 ? 3 : 2;
    e->W = flint_malloc(sizeof(double) * N);
    e->key = flint_malloc(sizeof(double) * N);
    e->rows = flint_calloc(N, sizeof(char *));
    e->count = 1;
    tok = strtok_r(line, " \n", &save);
    for (i = 0; i < 5 && tok; i++)
        tok = strtok_r(NULL, " \n", &save);
    for (i = 0; i < N && tok; i++, tok = strtok_r(NULL, " \n", &save))
        e->W[i] = e->key[i] = strtod(tok, NULL);
    if (tok == NULL || strcmp(tok, "|") != 0)
        return 1;
    for (i = 0; i < N && (tok = strtok_r(NULL, " \n", &save)); i++)
    {
        e->rows[i] = flint_malloc(strlen(tok) + 1);
        strcpy(e->rows[i], tok);
    }
    if (i < N)
        return 1;
    qsort(e->key, N, sizeof(double), cmp_double);
    return 0;
}

static void
endpoint_clear(endpoint_t * e, slong N)
{
    slong i;
    if (e->rows)
        for (i = 0; i < N; i++)
            flint_free(e->rows[i]);
    flint_free(e->rows);
    flint_free(e->W);
    flint_free(e->key);
}

/* equal up to symmetry, judged by invariants: the loss and the sorted
   entries (a permutation of rows and columns keeps both) */
static int
same_point(const endpoint_t * a, const endpoint_t * b, slong N)
{
    slong i;
    if (fabs(a->F - b->F) > 1e-9 * (1 + fabs(a->F)))
        return 0;
    for (i = 0; i < N; i++)
        if (fabs(a->key[i] - b->key[i]) > 1e-6)
            return 0;
    return 1;
}

/* the dataset's block form (V = I, n = k): returns 1 and fills perm
   (neuron order), blocks (sizes) when the point has it */
static int
block_form(slong * perm, slong * bsize, slong * nblocks, const double * W, slong k)
{
    slong c, r, * col = flint_malloc(sizeof(slong) * k), * blk = flint_malloc(sizeof(slong) * k);
    double * Wp = flint_malloc(sizeof(double) * k * k), * diag = flint_malloc(sizeof(double) * k);
    int * used = flint_calloc(k, sizeof(int)), ok = 1;
    slong m = 0, b, i, j;
    const double tol = 1e-7;

    /* neuron c's own coordinate: its largest entry, a bijection */
    for (c = 0; c < k && ok; c++)
    {
        slong best = 0;
        for (r = 1; r < k; r++)
            if (fabs(W[c * k + r]) > fabs(W[c * k + best]))
                best = r;
        ok = !used[best];
        used[best] = 1;
        col[c] = best;
    }
    /* blocks: neurons with equal own value */
    for (c = 0; c < k && ok; c++)
    {
        diag[c] = W[c * k + col[c]];
        blk[c] = -1;
        for (b = 0; b < c; b++)
            if (fabs(diag[b] - diag[c]) <= tol)
            {
                blk[c] = blk[b];
                break;
            }
        if (blk[c] < 0)
            blk[c] = m++;
    }
    if (ok)
    {
        /* order blocks by (size, own value), neurons by block */
        slong * size = flint_calloc(m, sizeof(slong)), * order = flint_malloc(sizeof(slong) * m);
        double * dv = flint_malloc(sizeof(double) * m);
        for (c = 0; c < k; c++)
        {
            size[blk[c]]++;
            dv[blk[c]] = diag[c];
        }
        for (b = 0; b < m; b++)
            order[b] = b;
        for (i = 1; i < m; i++)     /* insertion sort, m is small */
            for (j = i; j > 0; j--)
            {
                slong x = order[j - 1], y = order[j];
                if (size[x] > size[y] || (size[x] == size[y] && dv[x] > dv[y]))
                {
                    order[j - 1] = y;
                    order[j] = x;
                }
                else
                    break;
            }
        r = 0;
        for (b = 0; b < m; b++)
        {
            bsize[b] = size[order[b]];
            for (c = 0; c < k; c++)
                if (blk[c] == order[b])
                    perm[r++] = c;
        }
        *nblocks = m;
        /* check the structure: Wp[c][r] = W[perm c][col[perm r]] must be
           constant on (block(c), block(r), c == r) classes */
        for (c = 0; c < k; c++)
            for (r = 0; r < k; r++)
                Wp[c * k + r] = W[perm[c] * k + col[perm[r]]];
        for (c = 0; c < k && ok; c++)
            for (r = 0; r < k && ok; r++)
            {
                slong c0 = 0, r0 = 0, bc = 0, br = 0, acc = 0;
                for (b = 0, acc = 0; b < m; acc += bsize[b], b++)
                {
                    if (c >= acc && c < acc + bsize[b]) { bc = b; c0 = acc; }
                    if (r >= acc && r < acc + bsize[b]) { br = b; r0 = acc; }
                }
                if (c == r)
                    ok = fabs(Wp[c * k + r] - Wp[c0 * k + c0]) <= tol;
                else if (bc == br)
                    ok = bsize[bc] < 2 || fabs(Wp[c * k + r] - Wp[c0 * k + c0 + 1]) <= tol;
                else
                    ok = fabs(Wp[c * k + r] - Wp[c0 * k + r0]) <= tol;
            }
        /* the neuron order must also be the coordinate order */
        for (c = 0; c < k && ok; c++)
            perm[k + c] = col[perm[c]];
        flint_free(size); flint_free(order); flint_free(dv);
    }
    flint_free(col); flint_free(blk); flint_free(Wp); flint_free(diag); flint_free(used);
    return ok;
}

static json_t *
record_json(const endpoint_t * e, slong index, const search_opts * o)
{
    slong n = o->n, d = o->d, k = o->k, i, j, m, N = n * d;
    slong * perm = flint_malloc(sizeof(slong) * 2 * FLINT_MAX(n, 1));
    slong * bsize = flint_malloc(sizeof(slong) * FLINT_MAX(n, 1));
    json_t * rec = json_object(), * rows, * row;
    char buf[64];
    double ns = 0;
    int blocks = o->identity && n == k && block_form(perm, bsize, &m, e->W, k);

    json_object_set_new(rec, "k", json_integer(k));
    json_object_set_new(rec, "index", json_integer(index));
    json_object_set_new(rec, "kind", json_string(e->global ? "global" : n < k ? "minimum" : "spurious"));
    if (blocks)
    {
        json_t * p = json_array(), * vals = json_array();
        slong b, b2, acc = 0, * start = flint_malloc(sizeof(slong) * m);
        for (b = 0; b < m; b++)
        {
            json_array_append_new(p, json_integer(bsize[b]));
            start[b] = acc;
            acc += bsize[b];
        }
        json_object_set_new(rec, "p", p);
        /* vals[b][b'] = M[r][c] = W[c][r] for c in b', r in b (b != b');
           vals[b][b] = diagonal; vals[b][m] = inside block b */
        for (b = 0; b < m; b++)
        {
            json_t * vr = json_array();
            for (b2 = 0; b2 <= m; b2++)
            {
                double v;
                slong c = perm[start[b2 < m ? b2 : b]], r = perm[k + start[b]];
                if (b2 == m)
                    v = bsize[b] > 1 ? e->W[perm[start[b] + 1] * k + r] : 0.0;
                else
                    v = e->W[c * k + r];
                snprintf(buf, sizeof buf, "%.17g", v);
                json_array_append_new(vr, json_string(buf));
            }
            json_array_append_new(vals, vr);
        }
        json_object_set_new(rec, "vals", e->global ? json_null() : vals);
        if (e->global)
            json_decref(vals);
        flint_free(start);
    }
    else
    {
        json_object_set_new(rec, "p", json_null());
        json_object_set_new(rec, "vals", json_null());
    }
    json_object_set_new(rec, "multiplicity", json_integer(e->count));
    snprintf(buf, sizeof buf, "%.17g", e->lam);
    json_object_set_new(rec, "min_hessian_eig", json_string(buf));
    snprintf(buf, sizeof buf, "%.17g", e->gnorm);
    json_object_set_new(rec, "grad_norm", json_string(buf));
    for (i = 0; i < n; i++)
    {
        double s = 0;
        for (j = 0; j < d; j++)
            s += e->W[i * d + j] * e->W[i * d + j];
        ns += sqrt(s);
    }
    snprintf(buf, sizeof buf, "%.17g", ns);
    json_object_set_new(rec, "norm_sum", json_string(buf));
    snprintf(buf, sizeof buf, "%.17g", e->F);
    json_object_set_new(rec, "loss", json_string(buf));
    json_object_set_new(rec, "n", json_integer(n));
    rows = json_array();
    for (i = 0; i < n; i++)
    {
        row = json_array();
        for (j = 0; j < d; j++)
            json_array_append_new(row, json_string(e->rows[i * d + j]));
        json_array_append_new(rows, row);
    }
    json_object_set_new(rec, "rows", rows);
    if (!o->identity)
        json_object_set_new(rec, "teacher", rc_json_fmpq_mat(o->Vq));
    (void) N;
    flint_free(perm);
    flint_free(bsize);
    return rec;
}

static int
cmp_endpoint(const void * a, const void * b)
{
    const endpoint_t * x = a, * y = b;
    if (x->global != y->global)
        return y->global - x->global;
    if (x->F != y->F)
        return (x->F > y->F) - (x->F < y->F);
    return (x->run > y->run) - (x->run < y->run);
}

typedef struct
{
    const search_opts * o;
    endpoint_t * ends;
    slong nend, N;
    rc_progress_fn progress;
    void * progress_ctx;
    double t0;
}
search_ctx;

static void
search_work(FILE * out, slong r, void * ctx)
{
    one_run(out, r, ((search_ctx *) ctx)->o);
}

static void
search_line(char * line, void * ctx)
{
    search_ctx * c = ctx;
    endpoint_t e;

    memset(&e, 0, sizeof e);
    if (parse_line(&e, line, c->N) == 0 && e.run >= 0 && e.run < c->o->runs)
    {
        c->ends[c->nend++] = e;
        rc_progress_report(c->progress, c->progress_ctx, RC_PROGRESS_STEP, "search",
                           c->nend, c->o->runs, "runs", rc_clock_now() - c->t0);
    }
    else
        endpoint_clear(&e, c->N);
}

void
rc_search_params_init(rc_search_params_t par)
{
    memset(par, 0, sizeof(rc_search_params_struct));
    par->n = 0;
    par->runs = 1;
    par->seed = 0;
    par->jobs = 1;
    par->method = RC_SEARCH_AUTO;
    par->max_iter = 0;
    par->step = 0;
}

void
rc_search_init(rc_search_t S)
{
    memset(S, 0, sizeof(rc_search_struct));
}

void
rc_search_clear(rc_search_t S)
{
    slong i;
    for (i = 0; i < S->nrecords; i++)
        json_decref(S->records[i]);
    flint_free(S->records);
    memset(S, 0, sizeof(rc_search_struct));
}

int
rc_search_run(rc_search_t S, const fmpq_mat_t V, const rc_search_params_t par,
              rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    search_opts O, * o = &O;
    slong N, nend, ndist = 0, i;
    endpoint_t * ends, * dist;
    search_ctx c;
    int res;

    rc_search_clear(S);
    o->k = fmpq_mat_nrows(V);
    o->d = fmpq_mat_ncols(V);
    o->n = par->n > 0 ? par->n : o->k;
    if (o->k < 1 || o->d < 1 || par->runs < 1 || par->jobs < 1 || !(par->step >= 0))
        return rc_error_set(err, "search: expected a teacher of k >= 1 neurons in d >= 1, "
                            "runs >= 1, jobs >= 1 and a step >= 0");
    if (par->method == RC_SEARCH_LBFGS && par->step != 0)
        return rc_error_set(err, "search: --step is the gradient descent's step; "
                            "--method lbfgs has none");
    o->runs = par->runs;
    o->jobs = par->jobs;
    o->seed = par->seed;
    o->lbfgs = par->method == RC_SEARCH_LBFGS
               || (par->method == RC_SEARCH_AUTO && o->n != o->k);
    o->max_iter = par->max_iter > 0 ? par->max_iter : o->lbfgs ? 10000 : 1000000;
    o->step = par->step > 0 ? par->step : 5.0 / o->k;
    o->identity = fmpq_mat_is_one(V);
    fmpq_mat_init_set(o->Vq, V);
    o->V = flint_malloc(sizeof(double) * o->k * o->d);
    for (i = 0; i < o->k * o->d; i++)
        o->V[i] = fmpq_get_d(fmpq_mat_entry(V, i / o->d, i % o->d));
    N = o->n * o->d;
    ends = flint_calloc(o->runs, sizeof(endpoint_t));

    c.o = o;
    c.ends = ends;
    c.nend = 0;
    c.N = N;
    c.progress = progress;
    c.progress_ctx = progress_ctx;
    c.t0 = rc_clock_now();
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_BEGIN, "search", 0, o->runs,
                       "runs", 0);
    res = rc_workers_run((int) o->jobs, o->runs, 0, search_work, search_line, &c, err);
    rc_progress_report(progress, progress_ctx, RC_PROGRESS_END, "search", c.nend, o->runs,
                       "runs", rc_clock_now() - c.t0);
    nend = c.nend;
    S->runs = o->runs;
    S->k = o->k;
    S->n = o->n;
    S->lost = o->runs - nend;

    /* deterministic order: by run */
    for (i = 1; i < nend; i++)
    {
        endpoint_t x = ends[i];
        slong j = i;
        while (j > 0 && ends[j - 1].run > x.run)
        {
            ends[j] = ends[j - 1];
            j--;
        }
        ends[j] = x;
    }
    dist = flint_calloc(FLINT_MAX(nend, 1), sizeof(endpoint_t));
    for (i = 0; i < nend; i++)
    {
        slong j;
        if (ends[i].status == 1) { S->saddle_runs++; continue; }
        if (ends[i].status == 2) { S->unconverged_runs++; continue; }
        if (ends[i].status == 3) { S->zero_loss_runs++; continue; }
        for (j = 0; j < ndist; j++)
            if (same_point(&dist[j], &ends[i], N))
            {
                dist[j].count++;
                break;
            }
        if (j == ndist)
        {
            dist[ndist] = ends[i];
            dist[ndist].global = fabs(ends[i].F) < 1e-12;
            ends[i].W = NULL; ends[i].key = NULL; ends[i].rows = NULL;
            ndist++;
        }
    }
    qsort(dist, ndist, sizeof(endpoint_t), cmp_endpoint);
    S->records = flint_malloc(sizeof(json_t *) * FLINT_MAX(ndist, 1));
    for (i = 0; i < ndist; i++)
    {
        S->records[S->nrecords++] = record_json(&dist[i], i, o);
        if (dist[i].global) { S->global_points++; S->global_runs += dist[i].count; }
        else { S->spurious_points++; S->spurious_runs += dist[i].count; }
    }
    for (i = 0; i < nend; i++)
        endpoint_clear(&ends[i], N);
    for (i = 0; i < ndist; i++)
        endpoint_clear(&dist[i], N);
    flint_free(ends);
    flint_free(dist);
    flint_free(o->V);
    fmpq_mat_clear(o->Vq);
    return res;
}
