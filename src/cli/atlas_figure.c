/* The atlas as pgfplots figures (atlas_out.h): over the (k, a) plane of each
   family kind, minima coloured by the midpoint of their certified lambda_min
   and saddles marked by their certified Morse index; and, for a few
   families, F and lambda_min against k. Display only: the numbers plotted
   are midpoints of certified enclosures, the proofs are in the
   certificates. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "atlas_out.h"

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

/* the points of family kind f with the given status (and Morse index class:
   1, 2, 3 = 3 and above; 0 = any) */
static slong
plane_rows(FILE * out, const json_t * pts, const char * f, const char * status, int idx)
{
    size_t i;
    slong n = 0;
    for (i = 0; i < json_array_size(pts); i++)
    {
        const json_t * o = json_array_get(pts, i);
        const char * st = json_string_value(json_object_get(o, "status"));
        slong mi = json_integer_value(json_object_get(o, "morse_index"));
        if (strcmp(fam(o), f) != 0 || st == NULL)
            continue;
        if (strcmp(status, "other") == 0 ? (strcmp(st, "minimum") == 0 || strcmp(st, "saddle") == 0)
                                         : strcmp(st, status) != 0)
            continue;
        if (idx > 0 && (idx < 3 ? mi != idx : mi < 3))
            continue;
        fprintf(out, "%lld %lld %.6g\\\\\n", (long long) json_integer_value(json_object_get(o, "k")),
                (long long) json_integer_value(json_object_get(o, "a")),
                mid(json_object_get(o, "lambda_min")));
        n++;
    }
    return n;
}

static void
plane(FILE * out, const json_t * pts, const char * f, const char * title)
{
    static const char * style[4] = {
        "only marks, mark=square*, mark size=0.55pt, scatter, point meta=explicit",
        "only marks, mark=x, mark size=0.8pt, color=red!80!black",
        "only marks, mark=+, mark size=0.8pt, color=orange!90!black",
        "only marks, mark=triangle, mark size=0.8pt, color=gray" };
    static const char * legend[4] = { "minimum ($\\lambda_{\\min}$)", "saddle, index 1",
                                      "saddle, index 2", "saddle, index $\\ge 3$" };
    int c;
    fprintf(out, "\\begin{tikzpicture}\n\\begin{axis}[width=15cm, height=8.5cm, "
            "xlabel={$k$}, ylabel={$a$}, title={%s}, colormap/viridis, colorbar, "
            "colorbar style={ylabel={$\\lambda_{\\min}$}}, legend pos=north west, "
            "legend style={font=\\footnotesize}, enlargelimits=0.02]\n", title);
    for (c = 0; c < 4; c++)
    {
        fprintf(out, "\\addplot[%s] table[x index=0, y index=1, meta index=2, row sep=\\\\] {\n",
                style[c]);
        if (plane_rows(out, pts, f, c == 0 ? "minimum" : "saddle", c) == 0)
            fprintf(out, "nan nan nan\\\\\n");
        fprintf(out, "};\n\\addlegendentry{%s}\n", legend[c]);
    }
    fprintf(out, "\\addplot[only marks, mark=o, mark size=1.2pt, color=black] "
            "table[x index=0, y index=1, row sep=\\\\] {\n");
    if (plane_rows(out, pts, f, "other", 0) == 0)
        fprintf(out, "nan nan nan\\\\\n");
    fprintf(out, "};\n\\addlegendentry{not certified}\n\\end{axis}\n\\end{tikzpicture}\n");
}

/* F or lambda_min against k, track 0 of the two-block families a in as[] */
static void
curves(FILE * out, const json_t * pts, const char * key, const char * ylabel)
{
    static const slong as[5] = { 1, 2, 5, 10, 20 };
    int c;
    fprintf(out, "\\begin{tikzpicture}\n\\begin{axis}[width=7.4cm, height=6cm, xlabel={$k$}, "
            "ylabel={%s}, legend style={font=\\footnotesize}, legend pos=%s, "
            "cycle list name=color list]\n", ylabel,
            strcmp(key, "loss") == 0 ? "north east" : "south east");
    for (c = 0; c < 5; c++)
    {
        size_t i;
        slong n = 0;
        fprintf(out, "\\addplot+[mark=none, thick] table[row sep=\\\\] {\n");
        for (i = 0; i < json_array_size(pts); i++)
        {
            const json_t * o = json_array_get(pts, i);
            if (strcmp(fam(o), "two") != 0 || json_integer_value(json_object_get(o, "a")) != as[c]
                || json_integer_value(json_object_get(o, "track")) != 0)
                continue;
            fprintf(out, "%lld %.6g\\\\\n", (long long) json_integer_value(json_object_get(o, "k")),
                    mid(json_object_get(o, key)));
            n++;
        }
        if (n == 0)
            fprintf(out, "nan nan\\\\\n");
        fprintf(out, "};\n\\addlegendentry{$a = %ld$}\n", (long) as[c]);
    }
    if (strcmp(key, "lambda_min") == 0)
        fprintf(out, "\\draw[densely dotted] (axis cs:\\pgfkeysvalueof{/pgfplots/xmin},0) -- "
                "(axis cs:\\pgfkeysvalueof{/pgfplots/xmax},0);\n");
    fprintf(out, "\\end{axis}\n\\end{tikzpicture}\n");
}

void
atlas_write_figure(FILE * out, const json_t * pts, int standalone)
{
    if (standalone)
        fputs("% relucert atlas: the figure (pdflatex atlas-figure.tex)\n"
              "\\documentclass{article}\n\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.18}\n"
              "\\usepackage[paperwidth=17.6cm, paperheight=26.4cm, margin=3mm]{geometry}\n"
              "\\pagestyle{empty}\n\\begin{document}\n\\centering\n", out);
    else
        fputs("\\begin{figure}[p]\n\\centering\n", out);
    plane(out, pts, "two", "two blocks $p = (a, k - a)$");
    fputs("\n\\medskip\n", out);
    plane(out, pts, "three", "three blocks $p = (a, 1, k - a - 1)$");
    fputs("\n\\medskip\n", out);
    curves(out, pts, "loss", "$F$ (two blocks, track 0)");
    curves(out, pts, "lambda_min", "$\\lambda_{\\min}(\\nabla^2 F)$");
    if (standalone)
        fputs("\\end{document}\n", out);
    else
        fputs("\\caption{The certified atlas of block-structured critical points "
              "(\\texttt{relucert atlas}). Top: every point found over the $(k, a)$ plane; "
              "minima coloured by the midpoint of the certified enclosure of "
              "$\\lambda_{\\min}$, saddles by their certified Morse index. Bottom: $F$ and "
              "$\\lambda_{\\min}$ along the first track of five two-block families.}\n"
              "\\label{fig:atlas}\n\\end{figure}\n", out);
}
