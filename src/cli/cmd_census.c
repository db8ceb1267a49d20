/* relucert census: parses the options, runs rc_census_run (workflow.h,
   src/workflow/census_run.c) and prints its summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

static const char usage[] =
"Usage: relucert census --k K [--k-max K2] [--pattern one-block|two-block]\n"
"                       [--blocks A] [-o DIR] [--jobs N] [--prec BITS]\n"
"                       [--max-depth D] [--max-nodes N] [--zero-depth D]\n"
"                       [--no-check] [--no-resume] [--shard I/N]\n"
"\n"
"A certified census of the symmetric critical points of F for teacher\n"
"V = I_k and n = d = k: every critical point whose isotropy contains S_k\n"
"(the one-block pattern, W = alpha I + beta (J - I)), or S_a x S_{k-a} (the\n"
"two-block pattern (a, k - a), 5 or 6 coordinates), with nonzero neurons,\n"
"for each k in K..K2. A branch and bound over a region of the fixed-point\n"
"coordinates that holds every such point (proofs/lemmas.md L16, L16(f))\n"
"excludes boxes (outside the region's ellipsoid, inside the small-student\n"
"set where <grad F, W> < 0, an Arb enclosure of the reduced gradient that\n"
"excludes 0, never on a box that meets a zero neuron, or, two blocks, the\n"
"same after blowing up a block near its zero set, L16(g)) and proves exactly one\n"
"critical point in each remaining box (Krawczyk); each point gets its Morse\n"
"index (or undecided) and F. Boxes still undecided at the maximal depth,\n"
"near a zero neuron (two blocks) or past the node budget are listed as\n"
"unresolved, never dropped: the census is complete only when there is none.\n"
"Each certificate states the unresolved boxes' share of the region's volume\n"
"(claims.unresolved_volume), and the summary prints the largest share.\n"
"\n"
"Output in DIR (default relucert-census/):\n"
"  census-kKKKK.json     one certificate per k (one block; kind census;\n"
"                        'relucert check' re-verifies every leaf and point)\n"
"  census-kKKKK-aAAAA.json   one certificate per (k, a) (two blocks)\n"
"  census-summary.json   per item: boxes, points by status, unresolved\n"
"                        boxes and their share of the region's volume,\n"
"                        seconds\n"
"A summary goes to stdout, progress to stderr on a terminal.\n"
"\n"
"Options:\n"
"  --k K, --k-max K2  the range of k (2 <= K <= K2 <= 10^6; K2 = K default;\n"
"                     two blocks: 3 <= K <= K2 <= 1000)\n"
"  --pattern P        one-block (default) or two-block (every a with\n"
"                     1 <= a <= k/2; (a, k - a) and (k - a, a) are conjugate)\n"
"  --blocks A         two blocks, only the pattern (A, k - A)\n"
"  -o DIR, --out-dir DIR   the output directory\n"
"  --jobs N           worker processes (default: online CPUs)\n"
"  --prec BITS        precision of the certificates (default 128)\n"
"  --max-depth D      depth at which an undecided box is left unresolved\n"
"                     (default 80)\n"
"  --max-nodes N      two blocks: the tree's node budget; past it every\n"
"                     undecided box is unresolved (default 2000000)\n"
"  --zero-depth D     two blocks: depth from which a box within its own\n"
"                     diameter of a zero neuron is unresolved (default 24)\n"
"  --no-check         do not re-check the certificates after writing them\n"
"  --no-resume        recompute every item (by default a certificate already\n"
"                     in DIR that passes the check, has this precision and\n"
"                     is complete, or for two blocks complete or not, is\n"
"                     kept: an interrupted run resumes)\n"
"  --shard I/N        only the items (k, or (k, a)) at positions I, I + N,\n"
"                     ... (1-based); run the shards into one DIR, then once without\n"
"                     --shard to check them all and write the summary\n"
"\n"
"Exit status: 0 when every census is complete (no unresolved box) and\n"
"every certificate passed the check; 1 otherwise; 2 bad usage or an output\n"
"that cannot be written.\n";

/* the number of work items: k values, or pairs (k, a) */
static slong
items(const rc_census_params_struct * par)
{
    slong k, n = 0;
    for (k = par->k_min; k <= par->k_max; k++)
        n += strcmp(par->pattern, "two-block") != 0 ? 1 : par->a > 0 ? par->a < k : k / 2;
    return n;
}

int
cmd_census(int argc, char ** argv)
{
    rc_census_params_t par;
    rc_census_summary_t S;
    cli_progress_t progress;
    slong jobs, i, k = 0, kmax = 0;
    int res;
    rc_error_t err;

    rc_census_params_init(par);
    jobs = sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    for (i = 1; i < argc; i++)
    {
        const char * o = argv[i], * v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0)
        {
            fputs(usage, stdout);
            return RC_EXIT_OK;
        }
        if (strcmp(o, "--no-check") == 0 || strcmp(o, "--no-resume") == 0)
        {
            if (strcmp(o, "--no-check") == 0)
                par->check = 0;
            else
                par->resume = 0;
            continue;
        }
        if (o[0] != '-')
            return cli_fail("census: unexpected argument '%.60s' (see 'relucert census --help')", o);
        if (v == NULL)
            return cli_fail("%s: expected a value", o);
        i++;
        res = 0;
        if (strcmp(o, "--k") == 0)
            res = cli_parse_slong(&k, o, v, 2, 1000000);
        else if (strcmp(o, "--k-max") == 0)
            res = cli_parse_slong(&kmax, o, v, 2, 1000000);
        else if (strcmp(o, "--pattern") == 0)
        {
            if (strcmp(v, "one-block") == 0 || strcmp(v, "two-block") == 0)
                par->pattern = strcmp(v, "one-block") == 0 ? "one-block" : "two-block";
            else
                res = cli_fail("--pattern: expected one-block or two-block, found '%.40s'", v);
        }
        else if (strcmp(o, "--blocks") == 0)
        {
            res = cli_parse_slong(&par->a, o, v, 1, 999);
            par->pattern = "two-block";
        }
        else if (strcmp(o, "--max-nodes") == 0)
            res = cli_parse_slong(&par->max_nodes, o, v, 1, 1000000000);
        else if (strcmp(o, "--zero-depth") == 0)
            res = cli_parse_slong(&par->zero_depth, o, v, 0, 200);
        else if (strcmp(o, "-o") == 0 || strcmp(o, "--out-dir") == 0)
            par->out_dir = v;
        else if (strcmp(o, "--shard") == 0)
            res = cli_parse_shard(&par->shard_i, &par->shard_n, v);
        else if (strcmp(o, "--jobs") == 0)
            res = cli_parse_slong(&jobs, o, v, 1, 1024);
        else if (strcmp(o, "--max-depth") == 0)
            res = cli_parse_slong(&par->max_depth, o, v, 1, 200);
        else if (strcmp(o, "--prec") == 0)
        {
            res = cli_parse_slong(&par->prec, o, v, 64, 4096);
            if (res == 0 && rc_limit_check_prec(err, par->prec, "--prec"))
                res = cli_fail("%s", err->msg);
        }
        else
            res = cli_fail("census: unknown option '%.40s' (see 'relucert census --help')", o);
        if (res)
            return RC_EXIT_BADINPUT;
    }
    if (k == 0)
        return cli_fail("census: expected --k K (see 'relucert census --help')");
    if (kmax == 0)
        kmax = k;
    if (kmax < k)
        return cli_fail("--k-max: expected at least --k (%ld), found %ld", (long) k, (long) kmax);
    par->k_min = k;
    par->k_max = kmax;
    par->jobs = (int) FLINT_MAX(1, FLINT_MIN(jobs, items(par) / par->shard_n));
    cli_progress_init(&progress);
    rc_census_summary_init(S);
    res = rc_census_run(S, par, cli_progress, &progress, err);
    if (res == 2)
        res = cli_fail("%s", err->msg);
    else
    {
        printf("census %s k = %ld..%ld%s: %ld complete of %ld, %ld certificates checked, "
               "in %.1f s with %d jobs\n", par->pattern, (long) k, (long) kmax,
               par->shard_n > 1 ? " (this shard)" : "", (long) S->complete,
               (long) S->ks, (long) S->checked, S->seconds, par->jobs);
        if (S->resumed > 0)
            printf("  %ld kept from an earlier run (checked again, not recomputed)\n",
                   (long) S->resumed);
        printf("  points %ld: minima %ld, saddles %ld, inertia undecided %ld; unresolved boxes "
               "%ld; boxes %ld\n", (long) S->points, (long) S->minima, (long) S->saddles,
               (long) S->critical, (long) S->unresolved, (long) S->boxes);
        if (S->unresolved > 0)
            printf("  the unresolved boxes cover up to %.4g%% of %s region's volume: no "
                   "claim there\n", 100 * S->unresolved_volume_max,
                   S->ks > 1 ? "an item's" : "the");
        if (par->shard_n > 1)
            printf("  search %.1f s, check %.1f s (summed over items); "
                   "%s/census-summary-shard%ld-of-%ld.json\n", S->search_seconds,
                   S->check_seconds, par->out_dir, (long) par->shard_i + 1, (long) par->shard_n);
        else
            printf("  search %.1f s, check %.1f s (summed over items); %s/census-summary.json\n",
                   S->search_seconds, S->check_seconds, par->out_dir);
        if (res == 1 && err->msg[0] != '\0')
            printf("  %s\n", err->msg);
    }
    if (res == 1)
        res = RC_EXIT_UNPROVED;
    rc_census_summary_clear(S);
    return res;
}
