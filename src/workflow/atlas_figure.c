/* The atlas as pgfplots figures (workflow.h, rc_atlas_figure_write): over the (k, a) plane of each
   family kind, minima coloured by the midpoint of their certified lambda_min
   and saddles marked by their certified Morse index; and, for a few
   families, F and lambda_min against k. Display only: the numbers plotted
   are midpoints of certified enclosures, the proofs are in the
   certificates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/number.h"
#include "relucert/workflow.h"

static double
mid(const json_t * enc)
{
    const char * lo = json_string_value(json_object_get(enc, "lo"));
    const char * hi = json_string_value(json_object_get(enc, "hi"));
    fmpq_t a, b;
    rc_error_t err;
    double r = 0;
    if (lo == NULL || hi == NULL)
        return 0;
    fmpq_init(a); fmpq_init(b);
    if (rc_number_parse_fmpq(a, lo, err) == 0 && rc_number_parse_fmpq(b, hi, err) == 0)
        r = (fmpq_get_d(a) + fmpq_get_d(b)) / 2;
    fmpq_clear(a); fmpq_clear(b);
    return r;
}

static const char *
fam(const json_t * o)
{
    const char * s = json_string_value(json_object_get(o, "family"));
    return s == NULL ? "" : s;
}

/* One mark per pattern (k, a) of kind f: the pattern's minimum with the
   largest lambda_min if it has one, else its saddle of smallest index, else
   any point. Class 0 minima, 1..3 saddles of index 1, 2, >= 3, 4 saddles of
   undecided index, 5 others (inertia or existence undecided). */
typedef struct { slong k, a; int cls; double lam; } cell_t;

static int
cell_cls(const json_t * o)
{
    const char * st = json_string_value(json_object_get(o, "status"));
    const json_t * mj = json_object_get(o, "morse_index");
    slong mi = json_integer_value(mj);
    if (st != NULL && strcmp(st, "minimum") == 0)
        return 0;
    if (st != NULL && strcmp(st, "saddle") == 0)
        return !json_is_integer(mj) || mi < 1 ? 4 : mi >= 3 ? 3 : (int) mi;
    return 5;
}

static int
cmp_cell(const void * x, const void * y)
{
    const cell_t * a = x, * b = y;
    if (a->k != b->k)
        return a->k < b->k ? -1 : 1;
    return (a->a > b->a) - (a->a < b->a);
}

static slong
cells(cell_t ** out, const json_t * pts, const char * f)
{
    size_t i;
    slong n = 0, j, w;
    cell_t * c = flint_malloc(sizeof(cell_t) * FLINT_MAX(1, json_array_size(pts)));
    for (i = 0; i < json_array_size(pts); i++)
    {
        const json_t * o = json_array_get(pts, i);
        if (strcmp(fam(o), f) != 0)
            continue;
        c[n].k = json_integer_value(json_object_get(o, "k"));
        c[n].a = json_integer_value(json_object_get(o, "a"));
        c[n].cls = cell_cls(o);
        c[n].lam = mid(json_object_get(o, "lambda_min"));
        n++;
    }
    qsort(c, n, sizeof(cell_t), cmp_cell);
    /* keep the best of each (k, a): lower class, then larger lambda_min */
    for (j = 0, w = 0; j < n; j++)
    {
        if (w > 0 && c[w - 1].k == c[j].k && c[w - 1].a == c[j].a)
        {
            if (c[j].cls < c[w - 1].cls || (c[j].cls == c[w - 1].cls && c[j].lam > c[w - 1].lam))
                c[w - 1] = c[j];
        }
        else
            c[w++] = c[j];
    }
    *out = c;
    return w;
}

static void
plane(FILE * out, const json_t * pts, const char * f, const char * title)
{
    static const char * style[6] = {
        "only marks, mark=square*, mark size=0.55pt, scatter, point meta=explicit",
        "only marks, mark=x, mark size=0.9pt, color=red!85!black",
        "only marks, mark=+, mark size=0.9pt, color=orange!90!black",
        "only marks, mark=triangle*, mark size=0.6pt, color=gray!70",
        "only marks, mark=diamond*, mark size=0.8pt, color=blue!70!black",
        "only marks, mark=o, mark size=1.2pt, color=black" };
    static const char * legend[6] = { "minimum (colour: $\\lambda_{\\min}$)", "saddle, index 1",
                                      "saddle, index 2", "saddle, index $\\ge 3$",
                                      "saddle, index undecided",
                                      "critical (inertia undecided) or existence not proved" };
    cell_t * c;
    slong n = cells(&c, pts, f), j;
    int cls;
    fprintf(out, "\\begin{tikzpicture}\n\\begin{axis}[width=15cm, height=8cm, "
            "xlabel={$k$}, ylabel={$a$}, title={%s}, colormap/viridis, colorbar, "
            "colorbar style={ylabel={$\\lambda_{\\min}$}}, legend pos=north west, "
            "legend style={font=\\footnotesize}, legend image post style={scale=2.5}, enlargelimits=0.02]\n", title);
    for (cls = 0; cls < 6; cls++)
    {
        slong cnt = 0;
        for (j = 0; j < n; j++)
            cnt += c[j].cls == cls;
        if (cnt == 0)
            continue;     /* an empty plot would shift the legend */
        fprintf(out, "\\addplot[%s] table[x index=0, y index=1, meta index=2, row sep=\\\\] {\n",
                style[cls]);
        for (j = 0; j < n; j++)
            if (c[j].cls == cls)
                fprintf(out, "%ld %ld %.6g\\\\\n", (long) c[j].k, (long) c[j].a, c[j].lam);
        fprintf(out, "};\n\\addlegendentry{%s}\n", legend[cls]);
    }
    if (n == 0)
        fprintf(out, "\\addplot[draw=none] coordinates {(0,0)};\n");
    fprintf(out, "\\end{axis}\n\\end{tikzpicture}\n");
    flint_free(c);
}

/* F or lambda_min against k for the two-block families a in as[], every
   track (the first solid, the others dashed) */
static void
curves(FILE * out, const json_t * pts, const char * key, const char * ylabel)
{
    static const slong as[5] = { 1, 2, 5, 10, 20 };
    static const char * colour[5] = { "red", "blue", "black", "orange", "teal" };
    int c;
    fprintf(out, "\\begin{tikzpicture}\n\\begin{axis}[width=7.4cm, height=6cm, xlabel={$k$}, "
            "ylabel={%s}, legend style={font=\\footnotesize}, legend pos=%s]\n", ylabel,
            strcmp(key, "loss") == 0 ? "north east" : "south east");
    for (c = 0; c < 5; c++)
    {
        slong t, legend_done = 0;
        for (t = 0; t < 16; t++)
        {
            size_t i;
            slong n = 0;
            for (i = 0; i < json_array_size(pts); i++)
            {
                const json_t * o = json_array_get(pts, i);
                n += strcmp(fam(o), "two") == 0 && json_integer_value(json_object_get(o, "a")) == as[c]
                     && json_integer_value(json_object_get(o, "track")) == t;
            }
            if (n == 0)
                continue;
            fprintf(out, "\\addplot[%s, thick%s%s] table[row sep=\\\\] {\n", colour[c],
                    t > 0 ? ", densely dashed" : "", legend_done ? ", forget plot" : "");
            for (i = 0; i < json_array_size(pts); i++)
            {
                const json_t * o = json_array_get(pts, i);
                if (strcmp(fam(o), "two") != 0 || json_integer_value(json_object_get(o, "a")) != as[c]
                    || json_integer_value(json_object_get(o, "track")) != t)
                    continue;
                fprintf(out, "%lld %.6g\\\\\n", (long long) json_integer_value(json_object_get(o, "k")),
                        mid(json_object_get(o, key)));
            }
            fprintf(out, "};\n");
            if (!legend_done)
                fprintf(out, "\\addlegendentry{$a = %ld$}\n", (long) as[c]);
            legend_done = 1;
        }
    }
    if (strcmp(key, "lambda_min") == 0)
    {
        size_t i;
        slong lo = WORD_MAX, hi = 0;
        for (i = 0; i < json_array_size(pts); i++)
        {
            slong k = json_integer_value(json_object_get(json_array_get(pts, i), "k"));
            lo = FLINT_MIN(lo, k);
            hi = FLINT_MAX(hi, k);
        }
        if (hi > 0)
            fprintf(out, "\\addplot[densely dotted, forget plot] coordinates {(%ld,0) (%ld,0)};\n",
                    (long) lo, (long) hi);
    }
    fprintf(out, "\\end{axis}\n\\end{tikzpicture}\n");
}

void
rc_atlas_figure_write(FILE * out, const json_t * pts, int standalone)
{
    if (standalone)
        fputs("% relucert atlas: the figure. lualatex atlas-figure.tex (pdflatex's fixed\n"
              "% memory holds about 10^4 plotted points: enough for k <= 100)\n"
              "\\documentclass{article}\n\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.18}\n"
              "\\usepackage[paperwidth=17.6cm, paperheight=24.6cm, margin=3mm]{geometry}\n"
              "\\pagestyle{empty}\n\\begin{document}\n\\centering\n", out);
    else
        fputs("\\begin{figure}[p]\n\\centering\n", out);
    plane(out, pts, "two", "two blocks $p = (a, k - a)$");
    fputs("\n\\medskip\n", out);
    plane(out, pts, "three", "three blocks $p = (a, 1, k - a - 1)$");
    fputs("\n\\medskip\n", out);
    curves(out, pts, "loss", "$F$ (two blocks)");
    curves(out, pts, "lambda_min", "$\\lambda_{\\min}(\\nabla^2 F)$");
    if (standalone)
        fputs("\\end{document}\n", out);
    else
        fputs("\\caption{The certified atlas of block-structured critical points "
              "(\\texttt{relucert atlas}). Top: every point found over the $(k, a)$ plane; "
              "minima coloured by the midpoint of the certified enclosure of "
              "$\\lambda_{\\min}$ (where a pattern has several points, its best: a minimum "
              "if any), saddles by their certified Morse index. Bottom: $F$ and "
              "$\\lambda_{\\min}$ along five two-block families (dashed: further tracks).}\n"
              "\\label{fig:atlas}\n\\end{figure}\n", out);
}
