/* relucert atlas: parses the options, runs rc_atlas_run (workflow.h,
   src/workflow/atlas_run.c) and prints its summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char usage[] =
"Usage: relucert atlas [--dataset FILE] [--k-min K] [--k-max K] [--k-max-three K]\n"
"                      [--families two|three|two,three] [--a A | --a A1..A2]\n"
"                      [--out-dir DIR] [--jobs N] [--shard I/N] [--prec BITS]\n"
"                      [--alpha A]\n"
"\n"
"Maps the block-structured critical points of F for teacher V = I_k and\n"
"n = d = k: the two-block families p = (a, k - a) for k-min <= k <= k-max\n"
"(default 6..200) and the three-block families p = (a, 1, k - a - 1) for\n"
"k-min <= k <= k-max-three (default 100). Each family (a fixed) is followed\n"
"in k by continuation: it starts from the published records of the family\n"
"and of its neighbours a - 1 and a + 1 (or the nearest families with\n"
"records), continues every point found to k + 1 (and a new one down to\n"
"k - 1) with a linear predictor and Newton's method in fixed-point\n"
"coordinates, and keeps every distinct point: the points it reaches, not a\n"
"proof that there are no others. Every point is then certified\n"
"on the reduced path (as certify minimum does): the critical point\n"
"(Krawczyk), its exact Morse index, F, and for minima that they are not\n"
"global and that the split point is a strict saddle. The continuation only\n"
"proposes points; where it loses a track the summary says why.\n"
"\n"
"Output in DIR (default relucert-atlas/):\n"
"  atlas.jsonl          one line per point, in the dataset's format (k, p,\n"
"                       vals) plus the certified fields (status, Morse index,\n"
"                       lambda_min and F enclosures, verdicts, published\n"
"                       index, certificate)\n"
"  certs/               one certificate per point ('relucert check' them)\n"
"  atlas-summary.json   families, where tracks ended and why, the\n"
"                       transitions saddle <-> minimum, the completeness\n"
"                       check against the dataset\n"
"  atlas-figure.tex     the atlas as a standalone pgfplots figure (pdflatex)\n"
"  families/            one part file per family (resume, --shard)\n"
"A summary goes to stdout, progress to stderr on a terminal.\n"
"\n"
"Options:\n"
"  --dataset FILE   published records to start from (default: the bundled\n"
"                   dataset); also what completeness is checked against\n"
"  --k-min K, --k-max K, --k-max-three K   the ranges (6, 200, 100)\n"
"  --families F     two, three or two,three (default)\n"
"  --a A, --a A1..A2   only these families\n"
"  --jobs N         worker processes (default: online CPUs)\n"
"  --shard I/N      only the families at positions I, I + N, ... (1-based);\n"
"                   run the shards into one DIR, then once without --shard\n"
"                   to assemble (the kept families are not recomputed)\n"
"  --prec BITS      precision of the certificates (default 128)\n"
"  --alpha A        split ratio of the direct cross-check (default 1/2)\n"
"\n"
"Exit status: 0 when every family had a starting point, every point found\n"
"is a certified critical point (a minimum, a saddle of certified index, or\n"
"a critical point whose inertia is undecided, as where the Hessian is\n"
"singular) and every published non-global minimum in the range was found\n"
"and certified; 1 otherwise (the summary says what); 2 bad usage or bad\n"
"data.\n";

/* parses "A" or "A1..A2" */
static int
parse_a_range(slong * lo, slong * hi, const char * s)
{
    const char * dots = strstr(s, "..");
    if (dots == NULL)
    {
        if (cli_parse_slong(lo, "--a", s, 1, 1000000))
            return 1;
        *hi = *lo;
        return 0;
    }
    {
        char a[64];
        size_t n = dots - s;
        if (n == 0 || n >= sizeof a)
            return cli_fail("--a: expected A or A1..A2, found '%.40s'", s), 1;
        memcpy(a, s, n);
        a[n] = '\0';
        if (cli_parse_slong(lo, "--a", a, 1, 1000000)
            || cli_parse_slong(hi, "--a", dots + 2, *lo, 1000000))
            return 1;
    }
    return 0;
}

/* the summary of an assembled atlas */
static void
print_summary(const rc_atlas_summary_struct * S, const rc_atlas_params_struct * par)
{
    slong i, kmin = par->k_min, kmax = par->k_max, kmax3 = par->k_max_three;
    slong ntrans = json_array_size(S->transitions);
    char r2[64] = "", r3[64] = "";

    if (kmax > 0)
        snprintf(r2, sizeof r2, "two blocks k = %ld..%ld", (long) kmin, (long) kmax);
    if (kmax3 > 0)
        snprintf(r3, sizeof r3, "%sthree blocks k = %ld..%ld", kmax > 0 ? ", " : "",
                 (long) kmin, (long) kmax3);
    printf("atlas: %ld families (%s%s), %ld points in %.1f s with %d jobs\n", (long) S->families,
           r2, r3, (long) S->points, S->seconds, S->jobs);
    printf("  minima %ld (%ld not in the dataset), saddles %ld (index 1: %ld, 2: %ld, 3+: %ld)\n",
           (long) S->minima, (long) S->minima_new, (long) S->saddles, (long) S->saddles_by_index[1],
           (long) S->saddles_by_index[2], (long) (S->saddles - S->saddles_by_index[0]
                                                  - S->saddles_by_index[1] - S->saddles_by_index[2]));
    if (S->saddles_by_index[0] > 0)
        printf("  saddles with the index undecided (a negative eigenvalue proved) %ld\n",
               (long) S->saddles_by_index[0]);
    printf("  critical points with the inertia undecided %ld, existence not proved %ld\n",
           (long) S->critical, (long) S->undecided);
    printf("  completeness: %ld of %ld published non-global minima found and certified\n",
           (long) S->found, (long) S->published_minima);
    printf("  transitions saddle <-> minimum: %ld; tracks ended: %ld (%s/atlas-summary.json)\n",
           (long) ntrans, (long) S->track_ends, par->out_dir);
    if (ntrans > 0)
    {
        printf("\n  family   a  track   k -> k+1   before      after\n");
        for (i = 0; i < ntrans && i < 40; i++)
        {
            const json_t * t = json_array_get(S->transitions, i);
            char b[32], a[32];
            snprintf(b, sizeof b, "%s %lld", json_string_value(json_object_get(t, "before")),
                     (long long) json_integer_value(json_object_get(t, "index_before")));
            snprintf(a, sizeof a, "%s %lld", json_string_value(json_object_get(t, "after")),
                     (long long) json_integer_value(json_object_get(t, "index_after")));
            printf("  %-6s %4ld  %5ld  %4ld -> %-4ld  %-11s %s\n",
                   json_string_value(json_object_get(t, "family")),
                   (long) json_integer_value(json_object_get(t, "a")),
                   (long) json_integer_value(json_object_get(t, "track")),
                   (long) json_integer_value(json_object_get(t, "k_before")),
                   (long) json_integer_value(json_object_get(t, "k_after")), b, a);
        }
        if (ntrans > 40)
            printf("  ... (%ld more in atlas-summary.json)\n", (long) ntrans - 40);
    }
    if (S->missing_families > 0)
        printf("  %ld families have no current part file (run the missing shards)\n",
               (long) S->missing_families);
    if (S->no_start > 0)
        printf("  %ld families had no starting point (no record of theirs or of a "
               "neighbour, and the walk did not reach them): not mapped\n", (long) S->no_start);
}

int
cmd_atlas(int argc, char ** argv)
{
    rc_atlas_params_t par;
    rc_atlas_summary_t S;
    cli_progress_t progress;
    const char * shard = NULL;
    char dsbuf[4096];
    slong jobs, i;
    int want_two = 1, want_three = 1, res;
    rc_error_t err;

    rc_atlas_params_init(par);
    jobs = sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    for (i = 1; i < argc; i++)
    {
        const char * o = argv[i], * v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0)
        {
            fputs(usage, stdout);
            rc_atlas_params_clear(par);
            return RC_EXIT_OK;
        }
        if (o[0] != '-' || o[1] != '-')
        {
            rc_atlas_params_clear(par);
            return cli_fail("atlas: unexpected argument '%.60s' (see 'relucert atlas --help')", o);
        }
        if (v == NULL)
        {
            rc_atlas_params_clear(par);
            return cli_fail("%s: expected a value", o);
        }
        i++;
        res = 0;
        if (strcmp(o, "--dataset") == 0)
            par->dataset = v;
        else if (strcmp(o, "--k-min") == 0)
            res = cli_parse_slong(&par->k_min, o, v, 2, 100000);
        else if (strcmp(o, "--k-max") == 0)
            res = cli_parse_slong(&par->k_max, o, v, 2, 100000);
        else if (strcmp(o, "--k-max-three") == 0)
            res = cli_parse_slong(&par->k_max_three, o, v, 2, 100000);
        else if (strcmp(o, "--families") == 0)
        {
            want_two = strcmp(v, "two") == 0 || strcmp(v, "two,three") == 0 || strcmp(v, "three,two") == 0;
            want_three = strcmp(v, "three") == 0 || strcmp(v, "two,three") == 0 || strcmp(v, "three,two") == 0;
            if (!want_two && !want_three)
                res = cli_fail("--families: expected two, three or two,three, found '%.40s'", v);
        }
        else if (strcmp(o, "--a") == 0)
            res = parse_a_range(&par->a_lo, &par->a_hi, v);
        else if (strcmp(o, "--out-dir") == 0)
            par->out_dir = v;
        else if (strcmp(o, "--jobs") == 0)
            res = cli_parse_slong(&jobs, o, v, 1, 1024);
        else if (strcmp(o, "--shard") == 0)
            shard = v, res = cli_parse_shard(&par->shard_i, &par->shard_n, v);
        else if (strcmp(o, "--prec") == 0)
        {
            res = cli_parse_slong(&par->prec, o, v, 64, 1L << 20);
            if (res == 0 && rc_limit_check_prec(err, par->prec, "--prec"))
                res = cli_fail("%s", err->msg);
        }
        else if (strcmp(o, "--alpha") == 0)
        {
            res = cli_parse_fmpq(par->alpha, o, v);
            if (res == 0 && (fmpq_sgn(par->alpha) <= 0
                             || fmpz_cmp(fmpq_numref(par->alpha), fmpq_denref(par->alpha)) >= 0))
                res = cli_fail("--alpha: expected a number in (0, 1)");
        }
        else
            res = cli_fail("atlas: unknown option '%.40s' (see 'relucert atlas --help')", o);
        if (res)
        {
            rc_atlas_params_clear(par);
            return RC_EXIT_BADINPUT;
        }
    }
    if (!want_two)
        par->k_max = 0;
    if (!want_three)
        par->k_max_three = 0;
    par->jobs = (int) jobs;
    par->assemble = shard == NULL;
    if (par->dataset == NULL
        && (par->dataset = cli_default_dataset(dsbuf, sizeof dsbuf)) == NULL)
    {
        rc_atlas_params_clear(par);
        return cli_fail("atlas: no dataset found; give --dataset FILE");
    }
    cli_progress_init(&progress);
    rc_atlas_summary_init(S);
    res = rc_atlas_run(S, par, cli_progress, &progress, err);
    if (res == 2)
        res = cli_fail("%s", err->msg);
    else if (shard != NULL)
        printf("shard %ld of %ld: %ld families in %s/families/, %.1f s; run without --shard "
               "to assemble\n", (long) par->shard_i + 1, (long) par->shard_n,
               (long) S->families, par->out_dir, S->seconds);
    else
        print_summary(S, par);
    if (res == 1)
        res = RC_EXIT_UNPROVED;
    rc_atlas_summary_clear(S);
    rc_atlas_params_clear(par);
    return res;
}
