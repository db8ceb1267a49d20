/* relucert overparam as a library function (workflow.h, "overparam"): for
   each k and each number s of added neurons, a seeded search of the
   student with n = k + s neurons (rc_search_run, L-BFGS) and a minimum
   certificate for every distinct non-global minimum it found
   (rc_batch_run on the search's records, the dense path), the table of
   what was found and what is proved, and its figure. The search's counts
   are floating-point observations; a row's "certified" count is the
   number of certificates that passed the checker or were just proved. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "relucert/cert_json.h"
#include "relucert/workflow.h"

void
rc_overparam_params_init(rc_overparam_params_t par)
{
    memset(par, 0, sizeof(rc_overparam_params_struct));
    par->k_min = 6;
    par->k_max = 20;
    par->ns = 1;
    par->s[0] = 1;
    par->runs = 30;
    par->seed = 1;
    par->jobs = 1;
    par->prec = 256;
    par->shard_i = 0;
    par->shard_n = 1;
    par->out_dir = "relucert-overparam";
}

void
rc_overparam_init(rc_overparam_t T)
{
    memset(T, 0, sizeof(rc_overparam_struct));
}

void
rc_overparam_clear(rc_overparam_t T)
{
    flint_free(T->rows);
    memset(T, 0, sizeof(rc_overparam_struct));
}

/* the search's counts of a case, as kept in DIR/kKKK-sS/case.json */
static json_t *
case_json(const rc_search_t S, slong s, const rc_overparam_params_t par)
{
    json_t * o = json_object();
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long) par->seed);
    json_object_set_new(o, "k", json_integer(S->k));
    json_object_set_new(o, "s", json_integer(s));
    json_object_set_new(o, "n", json_integer(S->n));
    json_object_set_new(o, "runs", json_integer(S->runs));
    json_object_set_new(o, "seed", json_string(seed));
    json_object_set_new(o, "method", json_string("lbfgs"));
    json_object_set_new(o, "zero_loss_runs", json_integer(S->zero_loss_runs));
    json_object_set_new(o, "spurious_runs", json_integer(S->spurious_runs));
    json_object_set_new(o, "spurious_points", json_integer(S->spurious_points));
    json_object_set_new(o, "saddle_runs", json_integer(S->saddle_runs));
    json_object_set_new(o, "unconverged_runs", json_integer(S->unconverged_runs + S->lost));
    return o;
}

/* 1 if DIR/case.json holds the counts of this very search (k, s, runs,
   seed), which are then copied into row */
static int
case_read(rc_overparam_row_struct * row, const char * path, slong k, slong s,
          const rc_overparam_params_t par)
{
    json_t * o = json_load_file(path, 0, NULL);
    char seed[32];
    int ok;
    if (o == NULL)
        return 0;
    snprintf(seed, sizeof seed, "%llu", (unsigned long long) par->seed);
    ok = json_integer_value(json_object_get(o, "k")) == k
         && json_integer_value(json_object_get(o, "s")) == s
         && json_integer_value(json_object_get(o, "runs")) == par->runs
         && json_is_string(json_object_get(o, "seed"))
         && strcmp(json_string_value(json_object_get(o, "seed")), seed) == 0
         && json_is_integer(json_object_get(o, "zero_loss_runs"))
         && json_is_integer(json_object_get(o, "spurious_runs"))
         && json_is_integer(json_object_get(o, "spurious_points"))
         && json_is_integer(json_object_get(o, "saddle_runs"))
         && json_is_integer(json_object_get(o, "unconverged_runs"));
    if (ok)
    {
        row->zero_loss_runs = json_integer_value(json_object_get(o, "zero_loss_runs"));
        row->spurious_runs = json_integer_value(json_object_get(o, "spurious_runs"));
        row->spurious_points = json_integer_value(json_object_get(o, "spurious_points"));
        row->saddle_runs = json_integer_value(json_object_get(o, "saddle_runs"));
        row->unconverged_runs = json_integer_value(json_object_get(o, "unconverged_runs"));
    }
    json_decref(o);
    return ok;
}

static int
write_records(const char * path, const rc_search_t S)
{
    FILE * f = fopen(path, "w");
    slong i;
    int bad = f == NULL;
    for (i = 0; !bad && i < S->nrecords; i++)
    {
        bad = json_dumpf(S->records[i], f, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0;
        bad = bad || fputc('\n', f) == EOF;
    }
    if (f != NULL && fclose(f) != 0)
        bad = 1;
    return bad;
}

/* one case: search (or its kept result), then the certificates */
static int
run_case(rc_overparam_row_struct * row, const rc_overparam_params_t par,
         rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    char dir[4096], path[4200], file[4200];
    slong k = row->k, s = row->s;
    double t0 = rc_clock_now();
    int res = 0;

    snprintf(dir, sizeof dir, "%s/k%03ld-s%ld", par->out_dir, (long) k, (long) s);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return rc_error_set(err, "%s: cannot create directory: %s", dir, strerror(errno));
    snprintf(path, sizeof path, "%s/case.json", dir);
    snprintf(file, sizeof file, "%s/search.jsonl", dir);
    if (!case_read(row, path, k, s, par) || access(file, R_OK) != 0)
    {
        rc_search_params_t sp;
        rc_search_t S;
        fmpq_mat_t V;
        json_t * c;

        rc_search_params_init(sp);
        sp->n = k + s;
        sp->runs = par->runs;
        sp->seed = par->seed;
        sp->jobs = par->jobs;
        sp->method = RC_SEARCH_LBFGS;
        fmpq_mat_init(V, k, k);
        fmpq_mat_one(V);
        rc_search_init(S);
        res = rc_search_run(S, V, sp, progress, progress_ctx, err);
        fmpq_mat_clear(V);
        if (res == 0 && write_records(file, S))
            res = rc_error_set(err, "%s: cannot write", file);
        if (res == 0)
        {
            c = case_json(S, s, par);
            if (json_dump_file(c, path, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0)
                res = rc_error_set(err, "%s: cannot write", path);
            json_decref(c);
            row->zero_loss_runs = S->zero_loss_runs;
            row->spurious_runs = S->spurious_runs;
            row->spurious_points = S->spurious_points;
            row->saddle_runs = S->saddle_runs;
            row->unconverged_runs = S->unconverged_runs + S->lost;
        }
        rc_search_clear(S);
        if (res)
            return res;
    }
    row->certified = row->not_certified = 0;
    if (row->spurious_points > 0)
    {
        rc_batch_params_t bp;
        rc_batch_t B;
        slong r;
        int br;

        rc_batch_params_init(bp);
        bp->m->prec = par->prec;
        bp->dataset = file;
        bp->out_dir = dir;
        bp->jobs = (int) par->jobs;
        rc_batch_init(B);
        br = rc_batch_run(B, bp, progress, progress_ctx, err);
        if (br == 2)
            res = 1;
        for (r = 0; r < B->nrows; r++)
        {
            /* only non-global records are written for n != k */
            if (rc_batch_status_ok(B->rows[r].status) && strcmp(B->rows[r].kind, "spurious") == 0)
                row->certified++;
            else
                row->not_certified++;
        }
        rc_batch_clear(B);
        rc_batch_params_clear(bp);
    }
    row->seconds = rc_clock_now() - t0;
    return res;
}

int
rc_overparam_run(rc_overparam_t T, const rc_overparam_params_t par,
                 rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    slong k, j, c = 0;
    int res = 0;

    rc_overparam_clear(T);
    if (par->k_min < 1 || par->k_max < par->k_min || par->k_max > 1000 || par->ns < 1
        || par->ns > RC_OVERPARAM_MAX_S || par->runs < 1 || par->jobs < 1
        || par->shard_n < 1 || par->shard_i < 0 || par->shard_i >= par->shard_n)
        return 2 * rc_error_set(err, "overparam: expected 1 <= k_min <= k_max <= 1000, 1 to %d "
                            "values of s, runs >= 1, jobs >= 1 and a shard I/N with "
                            "0 <= I < N", RC_OVERPARAM_MAX_S);
    for (j = 0; j < par->ns; j++)
        if (par->s[j] < 1 || par->s[j] > 100)
            return 2 * rc_error_set(err, "overparam: expected added neurons s in 1..100, "
                                "found %ld", (long) par->s[j]);
    if (mkdir(par->out_dir, 0777) != 0 && errno != EEXIST)
        return 2 * rc_error_set(err, "%s: cannot create directory: %s", par->out_dir,
                                strerror(errno));
    T->rows = flint_calloc((par->k_max - par->k_min + 1) * par->ns,
                           sizeof(rc_overparam_row_struct));
    for (j = 0; j < par->ns; j++)
        for (k = par->k_min; k <= par->k_max; k++, c++)
        {
            rc_overparam_row_struct * row;
            char note[96];
            if (c % par->shard_n != par->shard_i)
                continue;
            row = T->rows + T->nrows++;
            row->k = k;
            row->s = par->s[j];
            row->runs = par->runs;
            snprintf(note, sizeof note, "k = %ld, n = %ld", (long) k,
                     (long) (k + par->s[j]));
            rc_progress_report(progress, progress_ctx, RC_PROGRESS_NOTE, "overparam", 0, 0,
                               note, 0);
            if (run_case(row, par, progress, progress_ctx, err))
                return 2;
            if (row->not_certified > 0)
                res = 1;
        }
    return res;
}

void
rc_overparam_figure_write(FILE * out, const rc_overparam_t T, int standalone)
{
    slong i, s;
    static const char * marks[] = {"*", "square*", "triangle*", "diamond*"};
    if (standalone)
        fputs("\\documentclass{article}\n\\usepackage{pgfplots}\n"
              "\\pgfplotsset{compat=1.16}\n"
              "\\usepackage[paperwidth=10cm, paperheight=7.5cm, margin=3mm]{geometry}\n"
              "\\pagestyle{empty}\n\\begin{document}\n\\centering\n", out);
    fputs("% Generated by relucert overparam: the certified non-global minima of the\n"
          "% student with n = k + s neurons (teacher I_k) that a seeded search found,\n"
          "% against k, one curve per s. A count of points found, each certified;\n"
          "% not a count of all minima.\n"
          "\\begin{tikzpicture}\n\\begin{axis}[xlabel={$k$}, ylabel={certified non-global "
          "minima found}, legend pos=north west, ymin=0]\n", out);
    for (s = 1; s <= 100; s++)
    {
        int any = 0;
        for (i = 0; i < T->nrows; i++)
            any |= T->rows[i].s == s;
        if (!any)
            continue;
        fprintf(out, "\\addplot+[mark=%s] coordinates {", marks[(s - 1) % 4]);
        for (i = 0; i < T->nrows; i++)
            if (T->rows[i].s == s)
                fprintf(out, " (%ld,%ld)", (long) T->rows[i].k, (long) T->rows[i].certified);
        fprintf(out, " };\n\\addlegendentry{$s=%ld$}\n", (long) s);
    }
    fputs("\\end{axis}\n\\end{tikzpicture}\n", out);
    if (standalone)
        fputs("\\end{document}\n", out);
}

void
rc_overparam_figure_svg(FILE * out, const rc_overparam_t T)
{
    static const char * colours[] = {"#1f4e9c", "#c0392b", "#2e8b57", "#8e44ad"};
    const double W = 560, H = 340, L = 60, R = 110, Tp = 20, B = 50;
    slong i, s, kmin = WORD_MAX, kmax = WORD_MIN, ymax = 1, si = 0, y;
    double pw = W - L - R, ph = H - Tp - B;

    for (i = 0; i < T->nrows; i++)
    {
        kmin = FLINT_MIN(kmin, T->rows[i].k);
        kmax = FLINT_MAX(kmax, T->rows[i].k);
        ymax = FLINT_MAX(ymax, T->rows[i].certified);
    }
    if (T->nrows == 0)
        kmin = kmax = 0;
    if (kmax == kmin)
        kmax = kmin + 1;
    fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
            "font-family=\"sans-serif\" font-size=\"12\">\n", W, H);
    fputs("<!-- Generated by relucert overparam: the certified non-global minima of the "
          "student with n = k + s neurons (teacher I_k) that a seeded search found, against "
          "k, one curve per s. A count of points found, each certified; not a count of all "
          "minima. -->\n", out);
    fprintf(out, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"white\"/>\n", W, H);
    fprintf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
            "stroke=\"black\"/>\n", L, Tp, pw, ph);
    for (y = 0; y <= ymax; y++)
    {
        double yy = Tp + ph - ph * y / ymax;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%ld</text>\n",
                L, yy, L + pw, yy, L - 6, yy + 4, (long) y);
    }
    for (i = kmin; i <= kmax; i++)
    {
        double xx = L + pw * (i - kmin) / (kmax - kmin);
        if ((i - kmin) % FLINT_MAX(1, (kmax - kmin + 9) / 10) == 0)
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%ld</text>\n",
                    xx, Tp + ph + 16, (long) i);
    }
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">k (teacher neurons; "
            "the student has n = k + s)</text>\n", L + pw / 2, H - 10);
    fprintf(out, "<text transform=\"translate(16,%.1f) rotate(-90)\" text-anchor=\"middle\">"
            "certified non-global minima found</text>\n", Tp + ph / 2);
    for (s = 1; s <= 100; s++)
    {
        int any = 0;
        const char * col = colours[si % 4];
        for (i = 0; i < T->nrows; i++)
            any |= T->rows[i].s == s;
        if (!any)
            continue;
        fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", col);
        for (i = 0; i < T->nrows; i++)
            if (T->rows[i].s == s)
                fprintf(out, "%.1f,%.1f ", L + pw * (T->rows[i].k - kmin) / (kmax - kmin),
                        Tp + ph - ph * T->rows[i].certified / ymax);
        fputs("\"/>\n", out);
        for (i = 0; i < T->nrows; i++)
            if (T->rows[i].s == s)
                fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>\n",
                        L + pw * (T->rows[i].k - kmin) / (kmax - kmin),
                        Tp + ph - ph * T->rows[i].certified / ymax, col);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%.1f\">s = %ld</text>\n",
                L + pw + 12, Tp + 14 + 20.0 * si, L + pw + 36, Tp + 14 + 20.0 * si, col,
                L + pw + 42, Tp + 18 + 20.0 * si, (long) s);
        si++;
    }
    fputs("</svg>\n", out);
}
