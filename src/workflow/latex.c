/* A LaTeX appendix from certificates (relucert latex): every file
   re-verified, every row derived from the verdicts. Every printed bound is an
   outward rounding of the certificate's exact number (lower bounds rounded
   down, upper bounds up), so it is still a true bound. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/cert_json.h"
#include "relucert/enclosure.h"
#include "relucert/number.h"
#include "relucert/sha256.h"
#include "relucert/version.h"
#include "relucert/workflow.h"

/* the significant digits of printed bounds, per thread (rc_latex_write
   sets it from its parameters) */
static _Thread_local slong digits = 6;


/* the exact string number v rounded outward, as LaTeX math: 1.2\cdot10^{-5} */
static void
tex_bound(FILE * f, const json_t * v, int lower)
{
    fmpq_t q;
    arb_t x;
    rc_error_t err;
    char * s, * e;

    if (!json_is_string(v))
    {
        fputs("--", f);
        return;
    }
    fmpq_init(q);
    arb_init(x);
    if (rc_number_parse_fmpq(q, json_string_value(v), err))
        fputs("?", f);
    else
    {
        arb_set_fmpq(x, q, 256);
        s = rc_enclosure_bound_str(x, lower, digits);
        e = strchr(s, 'e');
        if (e != NULL)
        {
            *e = '\0';
            fprintf(f, "$%s\\cdot 10^{%d}$", s, atoi(e + 1));
        }
        else
            fprintf(f, "$%s$", s);
        flint_free(s);
    }
    fmpq_clear(q);
    arb_clear(x);
}

/* 1 and *e set if q = 10^e exactly */
static int
power_of_ten(slong * e, const fmpq_t q)
{
    fmpz_t t;
    int num_one = fmpz_is_one(fmpq_numref(q)), ok;

    if (fmpq_sgn(q) <= 0 || (!num_one && !fmpz_is_one(fmpq_denref(q))))
        return 0;
    fmpz_init(t);
    fmpz_set(t, num_one ? fmpq_denref(q) : fmpq_numref(q));
    *e = 0;
    while (fmpz_divisible_si(t, 10))
    {
        fmpz_divexact_si(t, t, 10);
        (*e)++;
    }
    ok = fmpz_is_one(t);
    if (num_one)
        *e = -*e;
    fmpz_clear(t);
    return ok;
}

/* a parameter the user chose (eps, lambda, mu), exact as a JSON string,
   printed as chosen and never rounded: 10^{e} for a power of ten, the exact
   decimal when it has at most 20 significant digits, a short fraction; only
   a longer value falls back to a bound rounded in the direction that keeps
   the table's statement true (down for a lower bound such as mu) */
static void
tex_param(FILE * f, const json_t * v, int lower)
{
    fmpq_t q;
    rc_error_t err;
    slong e;

    if (!json_is_string(v))
    {
        fputs("--", f);
        return;
    }
    fmpq_init(q);
    if (rc_number_parse_fmpq(q, json_string_value(v), err))
        fputs("?", f);
    else if (power_of_ten(&e, q))
    {
        if (e >= -1 && e <= 1)
            fprintf(f, "$%s$", e == -1 ? "0.1" : e == 0 ? "1" : "10");
        else
            fprintf(f, "$10^{%ld}$", (long) e);
    }
    else
    {
        char * str = rc_number_get_str(q);
        const char * digits0 = str + strspn(str, "-0.");
        size_t sig = strlen(digits0) - (strchr(digits0, '.') != NULL);
        if (strchr(str, '/') == NULL && sig <= 20)
            fprintf(f, "$%s$", str);
        else if (strchr(str, '/') != NULL && strlen(str) <= 16)
        {
            char * n = fmpz_get_str(NULL, 10, fmpq_numref(q));
            char * d = fmpz_get_str(NULL, 10, fmpq_denref(q));
            fprintf(f, "$%s\\frac{%s}{%s}$", n[0] == '-' ? "-" : "", n[0] == '-' ? n + 1 : n, d);
            flint_free(n);
            flint_free(d);
        }
        else
            tex_bound(f, v, lower);
        flint_free(str);
    }
    fmpq_clear(q);
}

static void
tex_enclosure(FILE * f, const json_t * enc)
{
    fputc('[', f);
    tex_bound(f, json_object_get(enc, "lo"), 1);
    fputs(", ", f);
    tex_bound(f, json_object_get(enc, "hi"), 0);
    fputc(']', f);
}

static void
tex_text(FILE * f, const char * s)
{
    for (; *s; s++)
    {
        if (strchr("_&%$#{}", *s))
            fputc('\\', f);
        if (*s == '~' || *s == '^' || *s == '\\')
            fputs("{}", f);
        else
            fputc(*s, f);
    }
}

static const char *
verdict(const json_t * o)
{
    const json_t * v = json_object_get(o, "verdict");
    return json_is_string(v) ? json_string_value(v) : "?";
}

/* what a checked certificate proves, derived from its verdicts alone */
enum { PROVES_MAIN = 0, PROVES_SADDLE = 1, PROVES_LESS = 2 };

typedef struct
{
    const char * path;
    json_t * root;
    const char * kind;
    char sha[65];
    int proves;          /* PROVES_*: which table its row goes to */
    char notes[256];     /* for PROVES_LESS: the verdicts as they are */
} cert_t;

static int
is_proved(const json_t * o)
{
    return strcmp(verdict(o), "proved") == 0;
}

/* the claim verdict of a minimum certificate */
static const char *
claim_v(const json_t * r, const char * name)
{
    return verdict(json_object_get(json_object_get(r, "claims"), name));
}

/* Sorts a certificate that passed the checker: PROVES_MAIN when the
   statement of its kind's table holds, PROVES_SADDLE for a minimum
   certificate that proves a critical point and refutes minimality, else
   PROVES_LESS with the verdicts as they are in notes. */
static void
classify(cert_t * c)
{
    const json_t * r = c->root;
    c->proves = PROVES_LESS;
    c->notes[0] = '\0';
    if (strcmp(c->kind, "minimum") == 0)
    {
        const char * cp = claim_v(r, "critical_point"), * sm = claim_v(r, "strict_minimum");
        if (strcmp(cp, "proved") == 0 && strcmp(sm, "proved") == 0)
            c->proves = PROVES_MAIN;
        else if (strcmp(cp, "proved") == 0 && strcmp(claim_v(r, "positive_definite"), "refuted") == 0)
            c->proves = PROVES_SADDLE;
        else
            snprintf(c->notes, sizeof c->notes, "critical point %s, strict minimum %s", cp, sm);
    }
    else if (strcmp(c->kind, "convexity") == 0)
    {
        const char * v = claim_v(r, "strongly_convex");
        if (strcmp(v, "proved") == 0)
            c->proves = PROVES_MAIN;
        else
            snprintf(c->notes, sizeof c->notes, "strongly convex %s", v);
    }
    else if (strcmp(c->kind, "nonconvex") == 0)
    {
        const json_t * pts = json_object_get(r, "points");
        size_t j, np = 0;
        for (j = 0; j < json_array_size(pts); j++)
            np += is_proved(json_array_get(pts, j));
        if (np > 0)
            c->proves = PROVES_MAIN;
        else
            snprintf(c->notes, sizeof c->notes, "negative curvature proved at none of %ld points",
                     (long) json_array_size(pts));
    }
    else if (strcmp(c->kind, "opsc-fails") == 0 || strcmp(c->kind, "pl-fails") == 0)
    {
        const json_t * lams = json_object_get(r, "lambdas");
        size_t j, np = 0;
        for (j = 0; j < json_array_size(lams); j++)
            np += is_proved(json_array_get(lams, j));
        if (np > 0)
            c->proves = PROVES_MAIN;
        else
            snprintf(c->notes, sizeof c->notes, "failure proved for none of %ld lambdas",
                     (long) json_array_size(lams));
    }
    else if (strcmp(c->kind, "census") == 0)
    {
        const char * v = claim_v(r, "complete");
        if (strcmp(v, "proved") == 0)
            c->proves = PROVES_MAIN;
        else
        {
            const json_t * uv = json_object_get(json_object_get(r, "claims"),
                                                "unresolved_volume");
            snprintf(c->notes, sizeof c->notes, "complete %s: %ld unresolved boxes (their "
                     "share of the region's volume: at most %s), %ld points", v,
                     (long) json_array_size(json_object_get(r, "unresolved")),
                     json_is_string(uv) ? json_string_value(uv) : "?",
                     (long) json_array_size(json_object_get(r, "points")));
        }
    }
    else if (strcmp(c->kind, "opsc") == 0)
    {
        const json_t * sm = json_object_get(r, "summary");
        int adv = json_is_true(json_object_get(r, "adversarial"));
        json_int_t np = json_integer_value(json_object_get(sm, adv ? "opsc_lambda_refuted" : "opsc_proved"));
        json_int_t nc = json_integer_value(json_object_get(sm, "conj12_proved"));
        if (np > 0 && nc > 0)
            c->proves = PROVES_MAIN;
        else
            snprintf(c->notes, sizeof c->notes, "%s for %ld, Conjecture 12 for %ld of %ld directions",
                     adv ? "OPSC refuted" : "OPSC proved", (long) np, (long) nc,
                     (long) json_integer_value(json_object_get(r, "samples")));
    }
}

/* F's enclosure intersected with [0, inf) (F >= 0 by definition) */
static void
tex_loss(FILE * f, const json_t * enc)
{
    const json_t * lo = json_object_get(enc, "lo");
    fputc('[', f);
    if (json_is_string(lo) && json_string_value(lo)[0] == '-')
        fputs("$0$", f);
    else
        tex_bound(f, lo, 1);
    fputs(", ", f);
    tex_bound(f, json_object_get(enc, "hi"), 0);
    fputc(']', f);
}

/* the label the producer gave a minimum certificate (its "source": not
   verified): a dataset record "file:k=K:index=I" prints as I */
static void
tex_source(FILE * f, const cert_t * c)
{
    const json_t * r = c->root;
    const char * src = json_is_string(json_object_get(r, "source")) ?
                       json_string_value(json_object_get(r, "source")) : c->path;
    const char * ix = strstr(src, ":index=");
    if (ix != NULL)
        fprintf(f, "%ld", atol(ix + 7));
    else
        tex_text(f, src);
}

/* the proved distance to the certificate's input, or -- */
static void
tex_rho(FILE * f, const json_t * r)
{
    const json_t * dc = json_object_get(json_object_get(r, "claims"), "distance_to_candidate");
    if (is_proved(dc))
        tex_bound(f, json_object_get(dc, "frobenius"), 0);
    else
        fputs("--", f);
}

/* the first column of the minimum tables: k, its n when n != k (an
   over-parameterized student), the dagger of the reduced path */
static void
tex_k(FILE * f, const json_t * r)
{
    json_int_t k = json_integer_value(json_object_get(r, "k"));
    json_int_t n = json_integer_value(json_object_get(r, "n"));
    fprintf(f, "%ld", (long) k);
    if (json_is_integer(json_object_get(r, "n")) && n != k)
        fprintf(f, " ($n=%ld$)", (long) n);
    fprintf(f, "%s & ", json_object_get(r, "symmetry") != NULL ? "$^\\dagger$" : "");
}

static void
section_minimum(FILE * f, cert_t * c, slong n)
{
    slong i, any = 0, nsym = 0, nsad = 0;
    for (i = 0; i < n; i++)
    {
        int m = strcmp(c[i].kind, "minimum") == 0;
        any += m && c[i].proves == PROVES_MAIN;
        nsad += m && c[i].proves == PROVES_SADDLE;
        nsym += m && c[i].proves != PROVES_LESS && json_object_get(c[i].root, "symmetry") != NULL;
    }
    if (any == 0 && nsad == 0)
        return;
    if (any)
    {
    fputs("\\subsection*{Strict local minima and their splits}\n"
          "For each row a box of the stated radius around an exact centre is proved to\n"
          "contain exactly one critical point $W^*$ (Krawczyk's test, Lemma~L2; on the\n"
          "binary64 dense path strong convexity, Lemma~L14), the Hessian is positive\n"
          "definite on the whole box with the stated lower bound (Lemma~L3; Rump's test,\n"
          "Lemma~L14), so $W^*$ is a strict local minimum; $F$ is enclosed on the box, and\n"
          "$F>0$ proves $W^*$ is not global, the student having $n\\ge k$ neurons\n"
          "(Lemma~L4; a row marked global is proved to be a global\n"
          "minimum instead). For every neuron $i$ a direction $u$ with\n"
          "$u^\\top H'_{ii}u/u^\\top u$ below the stated bound on the whole box proves that\n"
          "splitting neuron $i$ gives a strict saddle of the $(n+1)$-neuron loss for every\n"
          "$\\alpha\\in(0,1)$ (split lemma, Lemma~L5); the next column is the curvature at the\n"
          "split point itself ($\\alpha=1/2$); n.p.\\ marks a claim the certificate does not\n"
          "prove. The last column bounds $|W-W_0|_F$ for every $W$ in the box, $W^*$ among\n"
          "them, with $W_0$ the input point the certificate records (Lemma~L15). The\n"
          "source column is the producer's label of that input, not a verified statement.\n"
          "The student has $n=k$ neurons unless the first column gives its $n$.\n\n", f);
    if (nsym > 0)
        fputs("Rows marked $^\\dagger$ were certified on the symmetry-reduced path (Lemma~L13):\n"
              "the box lies in the fixed-point subspace of the point's block permutations, the\n"
              "critical point is proved there by Krawczyk's test in the fixed-point coordinates\n"
              "(symmetric criticality), the Hessian is proved positive definite type by type\n"
              "(one small matrix per irreducible type, with the exact dimension count\n"
              "$\\sum(\\mbox{copies})\\times\\dim=k^2$), and the split lemma is proved for one\n"
              "neuron per block.\n\n", f);
    fputs("\\begin{center}\\footnotesize\n\\begin{tabular}{rrlllll}\n\\toprule\n"
          "$k$ & source & $F(W^*)\\in$ & $\\lambda_{\\min}\\ge$ & $\\max_i u^\\top H'_{ii}u\\le$ & split $\\le$"
          " & $|W^*-W_0|_F\\le$\\\\\n"
          "\\midrule\n", f);
    for (i = 0; i < n; i++)
    {
        const json_t * r = c[i].root, * cl;
        if (strcmp(c[i].kind, "minimum") != 0 || c[i].proves != PROVES_MAIN)
            continue;
        cl = json_object_get(r, "claims");
        tex_k(f, r);
        tex_source(f, c + i);
        fputs(" & ", f);
        tex_loss(f, json_object_get(json_object_get(cl, "non_global"), "loss"));
        fputs(" & ", f);
        /* a witness: a proved bound because positive_definite is proved */
        tex_bound(f, json_object_get(json_object_get(r, "witnesses"), "lambda_lower"), 1);
        if (strcmp(verdict(json_object_get(cl, "non_global")), "refuted") == 0)
            fputs(" & \\multicolumn{2}{l}{global minimum}", f);
        else
        {
            fputs(" & ", f);
            if (is_proved(json_object_get(cl, "saddle_after_split")))
                tex_bound(f, rc_report_worst_split(r), 0);
            else
                fputs("n.p.", f);
            fputs(" & ", f);
            if (is_proved(json_object_get(cl, "split_cross_check")))
                tex_bound(f, json_object_get(json_object_get(json_object_get(cl, "split_cross_check"),
                                                             "quotient"), "hi"), 0);
            else
                fputs("n.p.", f);
        }
        fputs(" & ", f);
        tex_rho(f, r);
        fputs("\\\\\n", f);
    }
    fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n", f);
    }
    if (nsad)
    {
        fputs("\\subsection*{Critical points that are not minima}\n"
              "For each row a box around an exact centre is proved to contain exactly one\n"
              "critical point $W^*$ (Lemma~L2, or Lemma~L13 in fixed-point coordinates), and\n"
              "the Hessian is proved to have a negative eigenvalue there: $W^*$ is a saddle,\n"
              "not a minimum. On the symmetry-reduced path the smallest eigenvalue is\n"
              "enclosed and the Morse index (the number of negative eigenvalues) is exact\n"
              "where the table gives it; on the dense path a direction $y$ with\n"
              "$y^\\top Hy/y^\\top y$ below the stated bound on the whole box proves it.\n\n"
              "\\begin{center}\\footnotesize\n\\begin{tabular}{rrllll}\n\\toprule\n"
              "$k$ & source & $F(W^*)\\in$ & $\\lambda_{\\min}$ & Morse index & $|W^*-W_0|_F\\le$\\\\\n"
              "\\midrule\n", f);
        for (i = 0; i < n; i++)
        {
            const json_t * r = c[i].root, * cl, * pd, * mi;
            if (strcmp(c[i].kind, "minimum") != 0 || c[i].proves != PROVES_SADDLE)
                continue;
            cl = json_object_get(r, "claims");
            pd = json_object_get(cl, "positive_definite");
            tex_k(f, r);
            tex_source(f, c + i);
            fputs(" & ", f);
            tex_loss(f, json_object_get(json_object_get(cl, "non_global"), "loss"));
            fputs(" & ", f);
            if (json_object_get(pd, "lambda_min") != NULL)
            {
                fputs("$\\in$ ", f);
                tex_enclosure(f, json_object_get(pd, "lambda_min"));
            }
            else
            {
                fputs("$\\le$ ", f);
                tex_bound(f, json_object_get(json_object_get(pd, "negative_quotient"), "hi"), 0);
            }
            mi = json_object_get(pd, "morse_index");
            if (json_is_integer(mi))
                fprintf(f, " & %ld & ", (long) json_integer_value(mi));
            else
                fputs(" & $\\ge 1$ & ", f);
            tex_rho(f, r);
            fputs("\\\\\n", f);
        }
        fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n", f);
    }
}

/* the certificates that passed the checker but do not prove their kind's
   statement: listed with their verdicts as they are, never as proved */
/* the pattern of a census certificate, as text */
static void
tex_pattern(FILE * f, const json_t * r)
{
    const json_t * p = json_object_get(r, "pattern");
    tex_text(f, json_is_string(p) ? json_string_value(p) : "?");
}

static void
section_census(FILE * f, cert_t * c, slong n)
{
    slong i, any = 0;
    size_t j;
    for (i = 0; i < n; i++)
        any += strcmp(c[i].kind, "census") == 0 && c[i].proves == PROVES_MAIN;
    if (!any)
        return;
    fputs("\\subsection*{Census of the symmetric critical points ($V=I_k$, $n=d=k$)}\n"
          "Each row is a complete census of one symmetry pattern: every critical point\n"
          "of $F$ with nonzero neurons whose isotropy group contains the pattern's group\n"
          "lies in the certificate's region and there in exactly one of the boxes of the\n"
          "points listed below (Lemma~L16: the region, the exclusion of every other box\n"
          "of the search tree, Krawczyk's test in each listed box, and symmetric\n"
          "criticality). No other critical point of that symmetry exists; critical points\n"
          "of less symmetry are not covered. A minimum has a positive definite Hessian\n"
          "(a strict local minimum of $F$), a saddle a proved negative eigenvalue (its\n"
          "Morse index where certified, else n.p.), and \\emph{critical} means that the\n"
          "inertia is undecided.\n\n"
          "\\begin{center}\\small\n\\begin{tabular}{rlrrrrr}\n\\toprule\n"
          "$k$ & pattern & boxes & points & minima & saddles & critical\\\\\n\\midrule\n", f);
    for (i = 0; i < n; i++)
    {
        const json_t * r = c[i].root, * pts = json_object_get(r, "points");
        slong counts[3] = {0, 0, 0};
        if (strcmp(c[i].kind, "census") != 0 || c[i].proves != PROVES_MAIN)
            continue;
        for (j = 0; j < json_array_size(pts); j++)
        {
            const json_t * st = json_object_get(json_array_get(pts, j), "status");
            const char * sv = json_is_string(st) ? json_string_value(st) : "";
            counts[strcmp(sv, "minimum") == 0 ? 0 : strcmp(sv, "saddle") == 0 ? 1 : 2]++;
        }
        fprintf(f, "%ld & ", (long) json_integer_value(json_object_get(r, "k")));
        tex_pattern(f, r);
        fprintf(f, " & %ld & %ld & %ld & %ld & %ld\\\\\n",
                (long) json_integer_value(json_object_get(json_object_get(r, "claims"), "leaves")),
                (long) json_array_size(pts), (long) counts[0], (long) counts[1], (long) counts[2]);
    }
    fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n"
          "The points, with $F$ and $\\lambda_{\\min}$ of the Hessian enclosed over the\n"
          "point's box (rounded outward):\n\n"
          "\\begin{center}\\small\n\\begin{tabular}{rllrll}\n\\toprule\n"
          "$k$ & pattern & status & index & $F$ & $\\lambda_{\\min}$\\\\\n\\midrule\n", f);
    for (i = 0; i < n; i++)
    {
        const json_t * r = c[i].root, * pts = json_object_get(r, "points");
        if (strcmp(c[i].kind, "census") != 0 || c[i].proves != PROVES_MAIN)
            continue;
        for (j = 0; j < json_array_size(pts); j++)
        {
            const json_t * p = json_array_get(pts, j), * st = json_object_get(p, "status");
            const json_t * mi = json_object_get(p, "morse_index");
            fprintf(f, "%ld & ", (long) json_integer_value(json_object_get(r, "k")));
            tex_pattern(f, r);
            fputs(" & ", f);
            tex_text(f, json_is_string(st) ? json_string_value(st) : "?");
            if (json_is_integer(mi))
                fprintf(f, " & %ld & ", (long) json_integer_value(mi));
            else
                fputs(" & n.p. & ", f);
            tex_loss(f, json_object_get(p, "loss"));
            fputs(" & ", f);
            tex_enclosure(f, json_object_get(p, "lambda_min"));
            fputs("\\\\\n", f);
        }
    }
    fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n", f);
}

static void
section_not_proved(FILE * f, cert_t * c, slong n)
{
    slong i, any = 0;
    for (i = 0; i < n; i++)
        any += c[i].proves == PROVES_LESS;
    if (!any)
        return;
    fputs("\\subsection*{Certificates that prove less}\n"
          "These certificates pass \\texttt{relucert check}, which confirms that their\n"
          "verdicts are what their inputs give; but they do not prove the statement of\n"
          "their kind, and nothing in them is claimed above. Their verdicts as they are:\n\n"
          "\\begin{center}\\footnotesize\n\\begin{tabular}{lll}\n\\toprule\n"
          "file & kind & verdicts\\\\\n\\midrule\n", f);
    for (i = 0; i < n; i++)
    {
        const char * base = strrchr(c[i].path, '/');
        if (c[i].proves != PROVES_LESS)
            continue;
        fputs("\\texttt{", f);
        tex_text(f, base ? base + 1 : c[i].path);
        fputs("} & ", f);
        tex_text(f, c[i].kind);
        fputs(" & ", f);
        tex_text(f, c[i].notes);
        fputs("\\\\\n", f);
    }
    fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n", f);
}

static void
section_convexity(FILE * f, cert_t * c, slong n)
{
    slong i, any = 0;
    for (i = 0; i < n; i++)
        any += strcmp(c[i].kind, "convexity") == 0 && c[i].proves == PROVES_MAIN;
    if (!any)
        return;
    fputs("\\subsection*{Strong convexity around the global minimum ($n=k$)}\n"
          "On the neighbourhood of radius $r$ in the table (the Euclidean ball\n"
          "$|W-V|\\le r$, the balls $|w_i-v_i|\\le r$ of the paper's $U_r$, or the box\n"
          "$|W_{ia}-V_{ia}|\\le r$) every Hessian has $\\lambda_{\\min}\\ge\\mu$: the box\n"
          "$|W-V|_\\infty\\le r$ is cut into the sub-boxes the certificate lists, each\n"
          "either proved by Lemma~L3 or outside the neighbourhood (Lemma~L12). The paper\n"
          "proves strong convexity in an unspecified neighbourhood (Thm.~3).\n\n"
          "\\begin{center}\\small\n\\begin{tabular}{rllll}\n\\toprule\n"
          "$k$ & $\\mu$ & neighbourhood & $r$ & verdict\\\\\n\\midrule\n", f);
    for (i = 0; i < n; i++)
    {
        const json_t * r = c[i].root, * nm = json_object_get(r, "norm");
        const char * norm = json_is_string(nm) ? json_string_value(nm) : "box";
        if (strcmp(c[i].kind, "convexity") != 0 || c[i].proves != PROVES_MAIN)
            continue;
        fprintf(f, "%ld & ", (long) json_integer_value(json_object_get(r, "k")));
        tex_param(f, json_object_get(r, "mu"), 1);
        fprintf(f, " & %s & ", strcmp(norm, "euclid") == 0 ? "$|W-V|\\le r$"
                : strcmp(norm, "neuron") == 0 ? "$|w_i-v_i|\\le r$" : "$|W-V|_\\infty\\le r$");
        tex_bound(f, json_object_get(r, "radius"), 1);
        fprintf(f, " & %s\\\\\n", verdict(json_object_get(json_object_get(r, "claims"), "strongly_convex")));
    }
    fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n", f);
}

static void
section_nonconvex(FILE * f, cert_t * c, slong n)
{
    slong i, j;
    for (i = 0; i < n; i++)
    {
        const json_t * r = c[i].root, * pts;
        if (strcmp(c[i].kind, "nonconvex") != 0 || c[i].proves != PROVES_MAIN)
            continue;
        pts = json_object_get(r, "points");
        fprintf(f, "\\subsection*{Non-convexity next to a global minimum ($k=%ld$, $n=%ld$)}\n"
                "At the point of the paper's Thm.~4 at distance $\\varepsilon\\sqrt{a_1^2+a_2^2}$ from\n"
                "a global minimum, the direction $(z,-z,0,\\dots)$ has certified negative curvature\n"
                "$y^\\top Hy/|z|^2$, enclosed together with the closed form\n"
                "$-\\frac{\\sin t}{\\pi\\sqrt{1+\\varepsilon^2}}(\\frac1{a_1}+\\frac1{a_2})$ (Lemma~L8).\n\n"
                "\\begin{center}\\small\n\\begin{tabular}{llll}\n\\toprule\n"
                "$\\varepsilon$ & distance $\\le$ & curvature $\\le$ & closed form $\\in$\\\\\n\\midrule\n",
                (long) json_integer_value(json_object_get(r, "k")),
                (long) json_integer_value(json_object_get(r, "n")));
        for (j = 0; j < (slong) json_array_size(pts); j++)
        {
            const json_t * o = json_array_get(pts, j);
            if (j % 5 != 0 && j != (slong) json_array_size(pts) - 1)
                continue;      /* every fifth row in the table; all in the figure */
            if (!is_proved(o))
            {
                tex_param(f, json_object_get(o, "eps"), 0);
                fprintf(f, " & \\multicolumn{3}{l}{not proved (%s)}\\\\\n", verdict(o));
                continue;
            }
            tex_param(f, json_object_get(o, "eps"), 0);
            fputs(" & ", f);
            tex_bound(f, json_object_get(json_object_get(o, "distance"), "hi"), 0);
            fputs(" & ", f);
            tex_bound(f, json_object_get(json_object_get(o, "curvature"), "hi"), 0);
            fputs(" & ", f);
            tex_enclosure(f, json_object_get(o, "closed_form"));
            fputs("\\\\\n", f);
        }
        fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n", f);
        /* the figure: |curvature| against eps, log-log (upper bounds of -curvature
           would be lower ends; plotted is the certified upper end of the
           curvature, i.e. a lower bound on its absolute value) */
        fputs("\\begin{figure}[h]\n\\centering\n\\begin{tikzpicture}\n"
              "\\begin{loglogaxis}[width=0.7\\linewidth,height=5cm,xlabel={$\\varepsilon$},\n"
              "  ylabel={certified $|y^\\top Hy|/|z|^2 \\ge$},grid=major]\n"
              "\\addplot[only marks,mark=*] coordinates {\n", f);
        for (j = 0; j < (slong) json_array_size(pts); j++)
        {
            const json_t * o = json_array_get(pts, j);
            const char * e = json_string_value(json_object_get(o, "eps"));
            const char * h = json_string_value(json_object_get(json_object_get(o, "curvature"), "hi"));
            fmpq_t q;
            rc_error_t err;
            fmpq_init(q);
            if (e && h && is_proved(o) && rc_number_parse_fmpq(q, h, err) == 0 && fmpq_sgn(q) < 0)
            {
                /* -hi rounded down: a certified lower bound on |curvature| */
                arb_t x;
                char * lo;
                arb_init(x);
                fmpq_neg(q, q);
                arb_set_fmpq(x, q, 256);
                lo = rc_enclosure_bound_str(x, 1, 6);
                fprintf(f, "  (%.6g, %s)\n", atof(e), lo);
                flint_free(lo);
                arb_clear(x);
            }
            fmpq_clear(q);
        }
        fputs("};\n\\end{loglogaxis}\n\\end{tikzpicture}\n"
              "\\caption{The negative curvature next to an over-parameterized global minimum\n"
              "scales like $\\varepsilon$: every point is a certified lower bound on\n"
              "$|y^\\top Hy|/|z|^2$ (rounded down).}\n\\label{fig:relucert-nonconvex}\n\\end{figure}\n\n", f);
    }
}

static void
section_fails(FILE * f, cert_t * c, slong n)
{
    slong i, j;
    for (i = 0; i < n; i++)
    {
        const json_t * r = c[i].root, * pts, * lams;
        int pl = strcmp(c[i].kind, "pl-fails") == 0;
        if ((!pl && strcmp(c[i].kind, "opsc-fails") != 0) || c[i].proves != PROVES_MAIN)
            continue;
        pts = json_object_get(r, "points");
        lams = json_object_get(r, "lambdas");
        fprintf(f, "\\subsection*{%s fails near an over-parameterized minimum ($k=%ld$)}\n"
                "For each $\\lambda$ a point at the stated distance from the global minimum\n"
                "where %s certified below $\\lambda$ (paper, Thms.~7 and~9; Lemma~L9).\n\n"
                "\\begin{center}\\small\n\\begin{tabular}{llll%s}\n\\toprule\n"
                "$\\lambda$ & $\\varepsilon$ & distance $\\le$ & %s\\\\\n\\midrule\n",
                pl ? "The PL inequality" : "One-point strong convexity",
                (long) json_integer_value(json_object_get(r, "k")),
                pl ? "$|\\nabla F|^2/(2F)$ is" : "the OPSC ratio and the Hessian quotient are",
                pl ? "" : "l", pl ? "PL ratio $\\le$" : "OPSC ratio $\\le$ & Hessian quotient $\\le$");
        for (j = 0; j < (slong) json_array_size(lams); j++)
        {
            const json_t * o = json_array_get(lams, j), * pt = json_object_get(o, "point"), * q;
            tex_param(f, json_object_get(o, "lambda"), 0);
            if (!json_is_integer(pt) || !is_proved(o))
            {
                fprintf(f, " & \\multicolumn{%d}{l}{not proved (%s)}\\\\\n", pl ? 3 : 4, verdict(o));
                continue;
            }
            q = json_array_get(pts, json_integer_value(pt));
            fputs(" & ", f);
            tex_param(f, json_object_get(q, "eps"), 0);
            fputs(" & ", f);
            tex_bound(f, json_object_get(json_object_get(q, "distance"), "hi"), 0);
            fputs(" & ", f);
            tex_bound(f, json_object_get(json_object_get(q, pl ? "pl_ratio" : "opsc_ratio"), "hi"), 0);
            if (!pl)
            {
                fputs(" & ", f);
                tex_bound(f, json_object_get(json_object_get(q, "hessian_quotient"), "hi"), 0);
            }
            fputs("\\\\\n", f);
        }
        fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n\n", f);
    }
}

static void
section_opsc(FILE * f, cert_t * c, slong n)
{
    slong i, any = 0;
    for (i = 0; i < n; i++)
        any += strcmp(c[i].kind, "opsc") == 0 && c[i].proves == PROVES_MAIN;
    if (!any)
        return;
    fputs("\\subsection*{One-point strong convexity along sampled directions}\n"
          "Around the global minimum $\\tilde w_{i,j}=v_i/m$ ($V=I_k$, $n=mk$), for every sampled\n"
          "direction $U$ the quadratic form $U^\\top H(\\tilde w+sU)U$ is enclosed over the whole\n"
          "segment $s\\in[0,R]$ (ray argument, Lemma~L6): Gaussian directions satisfy OPSC with\n"
          "the certified constant $\\lambda_U$ and Conjecture~12 on the whole segment; for\n"
          "adversarial directions (every $g_i=0$) the quotient vanishes at $s=0$, so OPSC\n"
          "fails with every positive constant, while Conjecture~12 holds on $(0,R]$ with\n"
          "$U^\\top HU\\ge c_U s|U|^2$ (Lemma~L7). The enclosures are computed in ball\n"
          "arithmetic or in binary64 interval arithmetic with proven rounding bounds\n"
          "(Lemma~L11), as each certificate records. The last column is the exact\n"
          "Clopper--Pearson 95\\% lower confidence bound on the probability that a\n"
          "random Gaussian direction satisfies OPSC with the constant $\\lambda$.\n\n"
          "\\begin{center}\\small\n\\begin{tabular}{rrlrrlll}\n\\toprule\n"
          "$k$ & $m$ & directions & OPSC & Conj.~12 & $\\min\\lambda_U\\ge$ & $\\min c_U\\ge$ & CP 95\\%\\\\\n"
          "\\midrule\n", f);
    for (i = 0; i < n; i++)
    {
        const json_t * r = c[i].root, * s;
        int adv;
        if (strcmp(c[i].kind, "opsc") != 0 || c[i].proves != PROVES_MAIN)
            continue;
        s = json_object_get(r, "summary");
        adv = json_is_true(json_object_get(r, "adversarial"));
        fprintf(f, "%ld & %ld & %ld %s & %ld & %ld & ", (long) json_integer_value(json_object_get(r, "k")),
                (long) json_integer_value(json_object_get(r, "m")),
                (long) json_integer_value(json_object_get(r, "samples")),
                adv ? "adversarial" : "Gaussian",
                (long) json_integer_value(json_object_get(s, adv ? "opsc_lambda_refuted" : "opsc_proved")),
                (long) json_integer_value(json_object_get(s, "conj12_proved")));
        if (adv)
        {
            fputs("-- & ", f);
            tex_bound(f, json_object_get(s, "smallest_c_U"), 1);
            fputs(" & --\\\\\n", f);
        }
        else
        {
            tex_bound(f, json_object_get(s, "smallest_lam_U"), 1);
            fputs(" & -- & ", f);
            tex_bound(f, json_object_get(s, "clopper_pearson_95_lower"), 1);
            fputs("\\\\\n", f);
        }
    }
    fputs("\\bottomrule\n\\end{tabular}\n\\end{center}\n"
          "(For adversarial rows the OPSC column counts directions where OPSC with the\n"
          "certificate's $\\lambda$ is refuted near $s=0$.)\n\n", f);
}

/* Re-verifies the certificate of every atlas line (its path relative to the
   atlas file's directory) and that the line's status and Morse index are
   what the certificate proves. 0, or 1 after one error report naming the
   atlas line. */
static int
atlas_verify(const json_t * pts, const char * path, rc_progress_fn progress, void * ctx)
{
    char msg[RC_ERROR_LEN + 9000];
    char dir[4096], file[8192];
    const char * slash = strrchr(path, '/');
    size_t i;

    snprintf(dir, sizeof dir, "%.*s", slash ? (int) (slash - path) : 1, slash ? path : ".");
    for (i = 0; i < json_array_size(pts); i++)
    {
        const json_t * o = json_array_get(pts, i), * cr = json_object_get(o, "certificate");
        json_t * root;
        rc_error_t why;

        if (!json_is_string(cr))
        {
            snprintf(msg, sizeof msg, "%s:%ld: expected the name of the point's certificate",
                     path, (long) i + 1);
            rc_progress_report(progress, ctx, RC_PROGRESS_ERROR, "latex", 0, 0, msg, 0);
            return 1;
        }
        snprintf(file, sizeof file, "%s/%s", dir, json_string_value(cr));
        root = json_load_file(file, JSON_REJECT_DUPLICATES, NULL);
        if (root == NULL || rc_atlas_line_check(why, o, root) != 0)
        {
            snprintf(msg, sizeof msg, "%s:%ld: the line does not match its certificate %s: %s",
                     path, (long) i + 1, file, root == NULL ? "cannot be read" : why->msg);
            rc_progress_report(progress, ctx, RC_PROGRESS_ERROR, "latex", 0, 0, msg, 0);
            json_decref(root);
            return 1;
        }
        json_decref(root);
    }
    return 0;
}

/* the atlas: what it lists and the figure */
static void
section_atlas(FILE * f, const json_t * pts, const char * path)
{
    size_t i;
    slong nmin = 0, nsad = 0, nsadu = 0, ncrit = 0, nother = 0, nnew = 0, kmin = WORD_MAX, kmax = 0;
    for (i = 0; i < json_array_size(pts); i++)
    {
        const json_t * o = json_array_get(pts, i);
        const char * st = json_string_value(json_object_get(o, "status"));
        slong k = json_integer_value(json_object_get(o, "k"));
        kmin = FLINT_MIN(kmin, k);
        kmax = FLINT_MAX(kmax, k);
        if (strcmp(st, "minimum") == 0)
            nmin++, nnew += json_is_null(json_object_get(o, "published"));
        else if (strcmp(st, "saddle") == 0)
            nsad++, nsadu += !json_is_integer(json_object_get(o, "morse_index"));
        else if (strcmp(st, "critical") == 0)
            ncrit++;
        else
            nother++;
    }
    fprintf(f, "\\subsection*{The atlas of block-structured critical points}\n"
            "\\texttt{relucert atlas} followed the two-block families $p = (a, k - a)$ and the\n"
            "three-block families $p = (a, 1, k - a - 1)$ (teacher $V = I_k$, $n = d = k$) by\n"
            "continuation in $k$ and certified every point found on the symmetry-reduced path:\n"
            "existence of exactly one critical point in a box (Krawczyk in fixed-point\n"
            "coordinates), its exact Morse index from the certified inertia of the reduced\n"
            "Hessian (lemma L13), $F$, and for minima that they are not global and that the\n"
            "split point is a strict saddle. The atlas (\\texttt{");
    tex_text(f, path);
    fprintf(f, "}) lists %ld points with $%ld \\le k \\le %ld$: %ld strict local minima (%ld of\n"
            "them not in the published dataset); %ld saddles (a negative Hessian eigenvalue\n"
            "proved), %ld of them with a certified Morse index and %ld with the index undecided;\n"
            "%ld proved critical points whose inertia is undecided; and %ld points whose\n"
            "existence is not proved. Every line's certificate was re-verified by\n"
            "\\texttt{relucert latex} and agrees with the line. Figure~\\ref{fig:atlas} shows\n"
            "them; each point's certificate is named in its line of the atlas and re-checks\n"
            "with \\texttt{relucert check}.\n\n",
            (long) json_array_size(pts), (long) (json_array_size(pts) ? kmin : 0), (long) kmax,
            (long) nmin, (long) nnew, (long) nsad, (long) (nsad - nsadu), (long) nsadu,
            (long) ncrit, (long) nother);
    rc_atlas_figure_write(f, pts, 0);
}

void
rc_latex_params_init(rc_latex_params_t p)
{
    memset(p, 0, sizeof(rc_latex_params_struct));
    p->title = "Certified claims (relucert)";
    p->standalone = 0;
    p->digits = 6;
    p->atlas = NULL;
}

int
rc_latex_write(FILE * f, const char * const * paths, slong npaths, const rc_latex_params_t par,
               rc_progress_fn progress, void * progress_ctx, rc_error_t err)
{
    const char * title = par->title, * atlas = par->atlas;
    json_t * atlas_pts = NULL;
    int standalone = par->standalone, res = 0;
    slong n = 0, i, j;
    cert_t * certs;
    char msg[RC_ERROR_LEN + 1024];

    digits = par->digits;
    if (atlas != NULL && (atlas_pts = rc_atlas_points_read(atlas, err)) == NULL)
        return 2;
    if (atlas_pts != NULL && atlas_verify(atlas_pts, atlas, progress, progress_ctx))
    {
        json_decref(atlas_pts);
        return 1;
    }
    certs = flint_calloc(FLINT_MAX(1, npaths), sizeof(cert_t));
    for (j = 0; j < npaths; j++)
    {
        json_error_t je;
        rc_error_t why;
        cert_t * t = certs + n;
        t->path = paths[j];
        t->root = json_load_file(t->path, JSON_REJECT_DUPLICATES, &je);
        if (t->root == NULL)
        {
            for (i = 0; i < n; i++)
                json_decref(certs[i].root);
            flint_free(certs);
            json_decref(atlas_pts);
            rc_error_set(err, "%s:%d: expected a JSON certificate: %s", t->path, je.line, je.text);
            return 2;
        }
        if (rc_cert_check(why, t->root))
        {
            snprintf(msg, sizeof msg, "%s: FAILED: %s (left out)", t->path, why->msg);
            rc_progress_report(progress, progress_ctx, RC_PROGRESS_ERROR, "latex", 0, 0, msg, 0);
            json_decref(t->root);
            res = 1;
            continue;
        }
        t->kind = json_string_value(json_object_get(t->root, "kind"));
        rc_sha256_file(t->sha, t->path);
        classify(t);
        if (t->proves == PROVES_LESS)
        {
            snprintf(msg, sizeof msg, "%s: proves less than its kind's statement (%s): "
                     "listed under 'Certificates that prove less'", t->path, t->notes);
            rc_progress_report(progress, progress_ctx, RC_PROGRESS_ERROR, "latex", 0, 0, msg, 0);
            res = 1;
        }
        n++;
    }
    if (standalone)
        fputs("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{pgfplots}\n"
              "\\pgfplotsset{compat=1.18}\n\\usepackage[margin=2cm]{geometry}\n"
              "\\begin{document}\n", f);
    fputs("% Generated by relucert latex. Every bound is an outward rounding of the\n"
          "% certificate's exact number; the certificates re-check with relucert check.\n", f);
    fputs("\\section*{", f);
    tex_text(f, title);
    fputs("}\n", f);
    section_convexity(f, certs, n);
    section_nonconvex(f, certs, n);
    section_fails(f, certs, n);
    section_opsc(f, certs, n);
    section_minimum(f, certs, n);
    section_census(f, certs, n);
    section_not_proved(f, certs, n);
    if (atlas_pts != NULL)
        section_atlas(f, atlas_pts, atlas);
    fprintf(f, "\\subsection*{How to re-check}\n"
            "This appendix was written by relucert %s from %ld certificate%s%s, each re-verified\n"
            "first; each records the versions that produced it, and each is re-verified from\n"
            "its own contents by \\texttt{relucert check FILE} (exit status 0 and a line\n"
            "\\texttt{FILE: ok}). The lemmas behind each claim are in \\texttt{proofs/lemmas.md}.\n"
            "SHA-256 of the files:\n\n{\\scriptsize\\begin{tabular}{ll}\n",
            rc_version_relucert(), (long) n, n == 1 ? "" : "s",
            atlas != NULL ? " and an atlas whose every line's certificate was re-verified" : "");
    for (i = 0; i < n; i++)
    {
        const char * base = strrchr(certs[i].path, '/');
        fputs("\\texttt{", f);
        tex_text(f, base ? base + 1 : certs[i].path);
        fprintf(f, "} & \\texttt{%s}\\\\\n", certs[i].sha);
    }
    if (atlas != NULL)
    {
        /* the atlas file itself; its lines name their certificates */
        char sha[65];
        const char * base = strrchr(atlas, '/');
        rc_sha256_file(sha, atlas);
        fputs("\\texttt{", f);
        tex_text(f, base ? base + 1 : atlas);
        fprintf(f, "} & \\texttt{%s}\\\\\n", sha);
    }
    fputs("\\end{tabular}}\n", f);
    if (standalone)
        fputs("\\end{document}\n", f);
    for (i = 0; i < n; i++)
        json_decref(certs[i].root);
    flint_free(certs);
    json_decref(atlas_pts);
    return res;
}
