/* relucert certify convexity | nonconvex: the landscape around global
   minima (proofs/model.md sections 2 and 4). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

static const char * convexity_usage =
"Usage: relucert certify convexity --k K [--teacher FILE] [--mu MU]\n"
"                                  [--norm euclid|neuron|box] [--boxes B]\n"
"                                  [--prec BITS] [--out CERT]\n"
"\n"
"Proves lambda_min(Hessian) >= MU (default (1/4 - 1/(2 pi))/2, written as\n"
"the exact decimal 0.045422528454052333, just above) on a whole\n"
"neighbourhood of radius r of the global minimum W = V (n = k; V = I_K or the\n"
"teacher of FILE) and reports the largest dyadic r it proves. The\n"
"neighbourhood is the Euclidean ball |W - V| <= r in R^{kd} (--norm euclid,\n"
"the default), the per-neuron balls |w_i - v_i| <= r (the paper's U_r,\n"
"--norm neuron) or the box |W_ia - V_ia| <= r (--norm box); each contains\n"
"the one before. The search: single boxes 2^-j, then doubling and 8 bits of\n"
"bisection where the box |W - V|_inf <= r is cut into sub-boxes wherever one\n"
"box is too coarse, at most B Hessian enclosures per radius (default 256;\n"
"--boxes 1: no subdivision). Sub-boxes outside the neighbourhood are\n"
"dropped by an exact test. If MU is not below lambda_min at V itself\n"
"(1/4 - 1/(2 pi) for V = I), the claim is refuted with a direction.\n"
"\n"
"Exit status: 0 proved, 1 refuted or undecided, 2 bad input.\n";

static const char * nonconvex_usage =
"Usage: relucert certify nonconvex --k K --n N [--alpha A1,A2] [--eps E1,E2,...]\n"
"                                  [--d D] [--out CERT]\n"
"\n"
"For n > k: at the point w_1 = a1 (v_1 + eps u), w_2 = a2 (v_1 + eps u) next\n"
"to the differentiable global minimum (teacher V = [I_K | 0] in R^D, default\n"
"D = max(K, 2); teacher neurons 2..N-K split the same way, the rest\n"
"matched; u = e_2), proves for each eps (default 1e-1, 1e-2, ..., 1e-30)\n"
"that the Hessian has a negative eigenvalue: the direction (z, -z, 0, ...),\n"
"z = eps e_1 - e_2, has certified curvature y^T H y / |z|^2 < 0, which must\n"
"agree with the closed form -(sin t/(pi sqrt(1+eps^2)))(1/a1 + 1/a2). The\n"
"distance to the minimum is eps sqrt(a1^2 + a2^2). The precision grows with\n"
"log(1/eps): 128 + 2 ceil(log2(1/eps)) bits.\n"
"With N = K there is no such point near the minimum: the asked claim is\n"
"refuted, and the command certifies strong convexity with a radius instead\n"
"(as certify convexity; the certificate is written) and exits 1.\n"
"\n"
"Exit status: 0 every eps proved, 1 otherwise (also for N = K, where\n"
"non-convexity is refuted), 2 bad input.\n";

static const char * fails_usage =
"Usage: relucert certify opsc-fails|pl-fails --k K [--alpha A1,A2] [--eps E1,...]\n"
"                                  [--lambda L1,...] [--d D] [--out CERT]\n"
"\n"
"For n = k + 1 and the teacher V = [I_K | 0] in R^D (default D = K): at the\n"
"points w_1 = a1 v_1 + eps v_2, w_2 = a2 v_1 - eps v_2 (rest matched), at\n"
"distance sqrt(2) eps from the global minimum w~ = (a1 v_1, a2 v_1, v_2, ...),\n"
"encloses for each eps (default 1e-1, ..., 1e-14)\n"
"  opsc-fails: the OPSC ratio <grad F(w), w - w~>/|w - w~|^2 and the Hessian\n"
"              quotient along w - w~;\n"
"  pl-fails:   the PL ratio |grad F(w)|^2 / (2 F(w)),\n"
"and proves them positive; then for each lambda (default 1e-1, ..., 1e-12)\n"
"names the farthest of these points where every ratio is certified below\n"
"lambda: no lambda > 0 works in any neighbourhood of the minimum.\n"
"The precision is 128 + 4 ceil(log2(1/eps)) bits.\n"
"\n"
"Exit status: 0 every lambda proved, 1 otherwise, 2 bad input.\n";

static const char * opsc_usage =
"Usage: relucert certify opsc --k K --m M --samples S --seed SEED [--sigma2 V]\n"
"       relucert certify opsc --paper [--samples S] [--seed SEED] [--out-dir DIR]\n"
"                             [--radius R] [--adversarial] [--lambda L]\n"
"                             [--prec BITS] [--arith binary64|arb] [--out CERT]\n"
"                             [--jobs N]\n"
"\n"
"Global minimum w~_{i,j} = v_i/M of the student with n = M K neurons, V = I_K.\n"
"For S directions U (entries i.i.d. N(0, V), default V = 1e-5, from the\n"
"seeded generator of relucert(1); with --adversarial g_{i,1} = -sum_{j>=2}\n"
"g_{i,j}, exactly) and the segment w~ + sU, s in [0, R] (default R = 1):\n"
"  Gaussian: proves U^T H(w~ + sU) U >= lam_U |U|^2 on the whole segment\n"
"    (ray argument: then <grad F(w), w - w~> >= lam_U |w - w~|^2 there),\n"
"    reports the certified lam_U, and proves Conjecture 12,\n"
"    U^T H U >= (|g|^2 + (1 - 2/pi) sum_i |g_i|^2)/4, on the segment;\n"
"  adversarial: the quotient at s = 0 is 0 (every g_i = 0; its enclosure is\n"
"    recorded); OPSC with constant L is refuted by a t with\n"
"    U^T H U < L |U|^2 on all of [0, t]; Conjecture 12 (right side 0) is\n"
"    proved on (0, R] with a certified c_U > 0: U^T H U >= c_U s |U|^2,\n"
"    by enclosures of q(s)/s over pieces covering (0, R] (exact\n"
"    cancellation at s = 0, divided forms of the almost parallel pairs,\n"
"    derivatives of the others).\n"
"--paper runs the paper's Appendix D.1 grid, certified: k in {5, 10, 20},\n"
"m in {2, 5, 10}, S (default 1000) Gaussian and S adversarial directions\n"
"each (seed default 1), one certificate per cell in DIR (default\n"
"relucert-opsc/), and prints the table.\n"
"The pieces are enclosed in binary64 interval arithmetic with a proven\n"
"rounding bound (--arith binary64, the default, about 50 times faster) or\n"
"in Arb ball arithmetic at BITS bits (--arith arb); the certificate records\n"
"which, and check re-proves each piece the same way.\n"
"Prints the counts, the smallest lam_U (or c_U), the fraction with\n"
"lam_U >= L (default L = 1/100) and its exact Clopper-Pearson 95% lower\n"
"confidence bound.\n"
"\n"
"Exit status: 0 every direction settled as above (Gaussian: OPSC and\n"
"Conjecture 12 on the whole segment; adversarial: OPSC with L refuted and\n"
"Conjecture 12 proved on (0, R]), 1 otherwise, 2 bad input.\n";

/* a comma-separated list of exact numbers */
static int
parse_list(fmpq ** v, slong * len, const char * opt, const char * s)
{
    char * copy = flint_malloc(strlen(s) + 1), * tok, * save = NULL;
    rc_error_t err;

    strcpy(copy, s);
    *len = 0;
    *v = NULL;
    for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
    {
        *v = flint_realloc(*v, sizeof(fmpq) * (*len + 1));
        fmpq_init(*v + *len);
        if (rc_number_parse_fmpq(*v + *len, tok, err))
        {
            (*len)++;
            flint_free(copy);
            return cli_fail("%s: %s", opt, err->msg);
        }
        (*len)++;
    }
    flint_free(copy);
    if (*len == 0)
        return cli_fail("%s: expected a comma-separated list of numbers", opt);
    return 0;
}

static int
emit(json_t * root, const char * out)
{
    if (cli_write_cert(out, root))
        return cli_fail("%s: cannot write the certificate", out);
    return 0;
}

static int
convexity_run(const fmpq_mat_t V, const fmpq_t mu, rc_conv_norm_t norm, slong boxes,
              slong prec, const char * out)
{
    static const char * region[] = {"the box |W - V|_inf", "the per-neuron balls |w_i - v_i|",
                                    "the Euclidean ball |W - V|"};
    rc_convcert_t c;
    rc_error_t err;
    json_t * root;
    FILE * sum = out ? stdout : stderr;
    int res;

    rc_convcert_init(c);
    if (rc_convcert_find(c, V, mu, norm, boxes, prec, err))
    {
        rc_convcert_clear(c);
        return cli_fail("%s", err->msg);
    }
    root = rc_convcert_to_json(c);
    if (emit(root, out))
    {
        json_decref(root);
        rc_convcert_clear(c);
        return RC_EXIT_BADINPUT;
    }
    {
        char * m = rc_number_get_str(c->mu), * r = rc_number_get_str(c->radius);
        if (c->verdict == RC_PROVED)
            fprintf(sum, "strongly convex: proved, lambda_min >= %s on %s <= %s (%.6g); "
                    "sub-boxes: %ld proved, %ld outside\n", m, region[norm], r,
                    fmpq_get_d(c->radius), (long) c->boxes_proved, (long) c->boxes_excluded);
        else if (c->verdict == RC_REFUTED)
            fprintf(sum, "strongly convex with lambda_min >= %s: refuted at W = V itself "
                    "(a direction with quotient %.10g)\n", m,
                    arf_get_d(arb_midref(c->witness_q), ARF_RND_NEAR));
        else
            fprintf(sum, "strongly convex with lambda_min >= %s: undecided (no radius 2^-40 or "
                    "larger proved)\n", m);
        if (c->verdict == RC_PROVED && !fmpq_is_zero(c->radius_fail))
            fprintf(sum, "the next radius tried, %.6g, was not proved with %ld Hessian "
                    "enclosures\n", fmpq_get_d(c->radius_fail), (long) boxes);
        flint_free(m);
        flint_free(r);
    }
    if (out)
        printf("certificate: %s\n", out);
    res = c->verdict == RC_PROVED ? RC_EXIT_OK : RC_EXIT_UNPROVED;
    json_decref(root);
    rc_convcert_clear(c);
    return res;
}

static int
fails_run(int pl_kind, slong k, slong d, const fmpq * al, slong nal, const fmpq * eps,
          slong neps, const fmpq * lam, slong nlam, const char * out)
{
    fmpq * e = NULL, * l = NULL, * a = NULL;
    slong ne = neps, nl = nlam, na = nal, i;
    json_t * root, * pts, * lams;
    FILE * sum = out ? stdout : stderr;
    int all, res;

    if (k < 2)
        return cli_fail("certify %s: expected --k K with K >= 2", pl_kind ? "pl-fails" : "opsc-fails");
    if (d < 0)
        d = k;
    if (d < k)
        return cli_fail("--d: expected d >= k = %ld, found %ld", (long) k, (long) d);
    {
        rc_error_t err;
        if (rc_limit_check_params(err, k + 1, d, 0, pl_kind ? "certify pl-fails: (k + 1) x d"
                                  : "certify opsc-fails: (k + 1) x d"))
            return cli_fail("%s", err->msg);
    }
    if (al == NULL)
        parse_list(&a, &na, "--alpha", "1/2,1/2");
    if (na != 2 || fmpq_sgn(al ? al : a) <= 0 || fmpq_sgn((al ? al : a) + 1) <= 0)
    {
        if (a)
            cli_fmpq_list_clear(a, na);
        return cli_fail("--alpha: expected two positive numbers A1,A2");
    }
    if (eps == NULL)
    {
        e = rc_powers_of_ten(1, 14);
        ne = 14;
    }
    if (lam == NULL)
    {
        l = rc_powers_of_ten(1, 12);
        nl = 12;
    }
    for (i = 0; i < ne; i++)
        if (fmpq_sgn((eps ? eps : e) + i) <= 0 || fmpq_cmp_ui((eps ? eps : e) + i, 1) > 0)
        {
            res = cli_fail("--eps: expected numbers in (0, 1], found entry %ld out of range", (long) i + 1);
            goto done;
        }
    root = rc_thm79_to_json(pl_kind, k, d, al ? al : a, (al ? al : a) + 1, eps ? eps : e, ne,
                            lam ? lam : l, nl, &all);
    if (emit(root, out))
    {
        json_decref(root);
        res = RC_EXIT_BADINPUT;
        goto done;
    }
    pts = json_object_get(root, "points");
    lams = json_object_get(root, "lambdas");
    fprintf(sum, "%-8s %-8s %-13s %-13s %s%s\n", "lambda", "eps", "distance <=",
            pl_kind ? "PL ratio <=" : "OPSC ratio <=", pl_kind ? "" : "Hessian q <=   ", "verdict");
    for (i = 0; i < nl; i++)
    {
        const json_t * o = json_array_get(lams, i), * pt = json_object_get(o, "point");
        char ds[64] = "-", r1[64] = "-", r2[64] = "-";
        double ev = 0;
        if (json_is_integer(pt))
        {
            const json_t * q = json_array_get(pts, json_integer_value(pt));
            ev = fmpq_get_d((eps ? eps : e) + json_integer_value(pt));
            rc_report_short_bound(ds, sizeof ds, json_object_get(json_object_get(q, "distance"), "hi"), 0);
            rc_report_short_bound(r1, sizeof r1, json_object_get(json_object_get(q, pl_kind ? "pl_ratio"
                                                                            : "opsc_ratio"), "hi"), 0);
            rc_report_short_bound(r2, sizeof r2, json_object_get(json_object_get(q, "hessian_quotient"), "hi"), 0);
        }
        fprintf(sum, "%-8.2g %-8.2g %-13s %-13s %-15s%s\n", fmpq_get_d((lam ? lam : l) + i), ev, ds, r1,
                pl_kind ? "" : r2, json_string_value(json_object_get(o, "verdict")));
    }
    if (out)
        printf("certificate: %s\n", out);
    res = all ? RC_EXIT_OK : RC_EXIT_UNPROVED;
    json_decref(root);
done:
    if (e)
        cli_fmpq_list_clear(e, ne);
    if (l)
        cli_fmpq_list_clear(l, nl);
    if (a)
        cli_fmpq_list_clear(a, na);
    return res;
}

/* how many of the items 0..total-1 shard i (0-based) of n takes: those
   with r mod n = i */
static slong
shard_size(slong total, slong i, slong n)
{
    return i < total ? (total - i + n - 1) / n : 0;
}

/* the entries of directions si, si + sn, ... (shard si + 1 of sn), by
   jobs worker processes, with the command's progress display */
static json_t *
opsc_parallel_shard(const rc_opsc_params_t p, int jobs, slong si, slong sn)
{
    cli_progress_t pr;
    rc_error_t err;
    json_t * dirs;

    cli_progress_init(&pr);
    dirs = rc_opsc_directions_run(p, si, sn, jobs, cli_progress, &pr, err);
    if (err->msg[0] != '\0')
        cli_fail("%s", err->msg);
    return dirs;
}

/* the summary of an opsc certificate on stdout (or stderr without out);
   RC_EXIT_OK when every direction's claims hold */
static int
opsc_report(const json_t * root, const rc_opsc_params_t p, const char * radius,
            const char * lambda, const char * out)
{
    const json_t * sum;
    FILE * f = out ? stdout : stderr;
    slong k = p->k, m = p->m, samples = p->samples;
    int res;

    sum = json_object_get(root, "summary");
    if (!p->adversarial)
    {
        slong np = json_integer_value(json_object_get(sum, "opsc_proved"));
        slong nc = json_integer_value(json_object_get(sum, "conj12_proved"));
        char lam[64];
        rc_report_short_bound(lam, sizeof lam, json_object_get(sum, "smallest_lam_U"), 1);
        fprintf(f, "k = %ld, m = %ld, %ld Gaussian directions, s in [0, %s]:\n", (long) k, (long) m,
                (long) samples, radius);
        fprintf(f, "  OPSC on the whole segment: %ld proved, %ld undecided; smallest lam_U >= %s\n",
                (long) np, (long) (samples - np), lam);
        fprintf(f, "  Conjecture 12 on the whole segment: %ld proved, %ld undecided\n",
                (long) nc, (long) (samples - nc));
        fprintf(f, "  lam_U >= %s: %ld of %ld; 95%% lower confidence bound on the probability: %s\n",
                lambda, (long) json_integer_value(json_object_get(sum, "lam_U_at_least_lambda")),
                (long) samples, json_string_value(json_object_get(sum, "clopper_pearson_95_lower")));
        res = (np == samples && nc == samples) ? RC_EXIT_OK : RC_EXIT_UNPROVED;
    }
    else
    {
        slong nr = json_integer_value(json_object_get(sum, "opsc_lambda_refuted"));
        slong nc = json_integer_value(json_object_get(sum, "conj12_proved"));
        char c[64];
        rc_report_short_bound(c, sizeof c, json_object_get(sum, "smallest_c_U"), 1);
        fprintf(f, "k = %ld, m = %ld, %ld adversarial directions, s in [0, %s]:\n", (long) k, (long) m,
                (long) samples, radius);
        fprintf(f, "  OPSC with constant %s refuted near s = 0: %ld of %ld\n", lambda, (long) nr,
                (long) samples);
        fprintf(f, "  the quotient at s = 0 is exactly 0 (every g_i = 0), so OPSC fails with any\n"
                "  positive constant as s -> 0\n");
        fprintf(f, "  Conjecture 12 proved on (0, %s] with U^T H U >= c_U s |U|^2: %ld of %ld; "
                "smallest c_U >= %s\n", radius, (long) nc, (long) samples, c);
        res = (nr == samples && nc == samples) ? RC_EXIT_OK : RC_EXIT_UNPROVED;
    }
    if (out)
        printf("certificate: %s\n", out);
    return res;
}

/* --merge PART...: the parts written by --shard I/N, checked to be one run
   (the same parameters, every shard 1..N once, each with exactly its
   directions), assembled into the certificate the one-process run writes,
   byte for byte, and re-verified by the checker */
static int
opsc_merge(char ** files, int nfiles, const char * out, int jobs)
{
    json_t ** part = flint_calloc(nfiles, sizeof(json_t *)), * dirs = NULL, * root = NULL;
    json_t * ref = NULL;
    char * refs = NULL, * seen = NULL, radius[256], lambda[256];
    slong n = 0, i, j, nmiss = 0;
    rc_opsc_params_t p;
    rc_error_t why;
    int res = RC_EXIT_BADINPUT;
    const char * outs[1];

    rc_opsc_params_init(p);
    if (out == NULL)
    {
        cli_fail("certify opsc --merge: expected --out CERT for the merged certificate");
        goto out;
    }
    for (i = 0; i < nfiles; i++)
    {
        json_error_t je;
        const json_t * sh, * d;
        json_t * bare;
        char * bs;
        slong si, sn, cnt;

        part[i] = json_load_file(files[i], JSON_REJECT_DUPLICATES, &je);
        if (part[i] == NULL)
        {
            cli_fail("%s:%d: %s", files[i], je.line, je.text);
            goto out;
        }
        sh = json_object_get(part[i], "shard");
        d = json_object_get(part[i], "directions");
        if (!json_is_string(json_object_get(part[i], "kind"))
            || strcmp(json_string_value(json_object_get(part[i], "kind")), "opsc-part") != 0
            || !json_is_integer(json_object_get(sh, "index"))
            || !json_is_integer(json_object_get(sh, "count")) || !json_is_array(d))
        {
            cli_fail("%s: expected a part written by 'certify opsc --shard I/N' (kind "
                     "\"opsc-part\" with \"shard\" and \"directions\")", files[i]);
            goto out;
        }
        si = json_integer_value(json_object_get(sh, "index"));
        sn = json_integer_value(json_object_get(sh, "count"));
        /* every part: the same run (all members but shard and directions) */
        bare = json_deep_copy(part[i]);
        json_object_del(bare, "shard");
        json_object_del(bare, "directions");
        bs = json_dumps(bare, JSON_COMPACT | JSON_SORT_KEYS);
        json_decref(bare);
        if (i == 0)
        {
            if (rc_opsc_params_from_json(p, part[0], why))
            {
                free(bs);
                cli_fail("%s: %s", files[i], why->msg);
                goto out;
            }
            refs = bs;
            n = sn;
            if (n < 1 || n > 1000000)
            {
                cli_fail("%s: shard.count: expected 1..10^6", files[i]);
                goto out;
            }
            seen = flint_calloc(n, 1);
            dirs = json_array();
            for (j = 0; j < p->samples; j++)
                json_array_append_new(dirs, json_null());
            ref = part[0];
        }
        else
        {
            int same = strcmp(bs, refs) == 0;
            free(bs);
            if (!same || sn != n)
            {
                cli_fail("%s: expected a part of the same run as %s (the same parameters and "
                         "shard count)", files[i], files[0]);
                goto out;
            }
        }
        if (si < 1 || si > n || seen[si - 1])
        {
            cli_fail("%s: shard %ld/%ld: %s", files[i], (long) si, (long) n,
                     si < 1 || si > n ? "expected 1 <= I <= N" : "given twice");
            goto out;
        }
        seen[si - 1] = 1;
        cnt = shard_size(p->samples, si - 1, n);
        if ((slong) json_array_size(d) != cnt)
        {
            cli_fail("%s: shard %ld/%ld: expected %ld directions, found %ld", files[i],
                     (long) si, (long) n, (long) cnt, (long) json_array_size(d));
            goto out;
        }
        for (j = 0; j < cnt; j++)
        {
            json_t * e = json_array_get(d, j);
            slong idx = si - 1 + j * n;
            if (!json_is_object(e) || json_integer_value(json_object_get(e, "index")) != idx)
            {
                cli_fail("%s: directions[%ld]: expected the entry of direction %ld", files[i],
                         (long) j, (long) idx);
                goto out;
            }
            json_array_set(dirs, idx, e);
        }
    }
    for (j = 0; j < n; j++)
        if (!seen[j])
        {
            fprintf(stderr, "%s%ld", nmiss ? ", " : "relucert: certify opsc --merge: missing "
                    "shards (of --shard I/N): ", (long) j + 1);
            nmiss++;
        }
    if (nmiss)
    {
        fprintf(stderr, " of %ld; run them and merge again\n", (long) n);
        res = RC_EXIT_UNPROVED;
        goto out;
    }
    root = rc_opsc_assemble(p, dirs);
    dirs = NULL;
    if (emit(root, out))
        goto out;
    snprintf(radius, sizeof radius, "%s", json_string_value(json_object_get(ref, "radius")));
    snprintf(lambda, sizeof lambda, "%s", json_string_value(json_object_get(ref, "lambda")));
    printf("merged %ld shards into %s; checking it:\n", (long) n, out);
    outs[0] = out;
    res = cli_check_files(outs, 1, jobs, 0);
    if (res == RC_EXIT_OK)
        res = opsc_report(root, p, radius, lambda, out);
out:
    for (i = 0; i < nfiles; i++)
        json_decref(part[i]);
    flint_free(part);
    json_decref(dirs);
    json_decref(root);
    free(refs);
    flint_free(seen);
    rc_opsc_params_clear(p);
    return res;
}

static int
opsc_run(slong k, slong m, slong samples, slong seed, const char * sigma2,
         const char * radius, const char * lambda, int adversarial, slong prec,
         int fast, const char * out, int jobs, slong si, slong sn)
{
    rc_opsc_params_t p;
    rc_error_t err;
    json_t * root;
    int res = RC_EXIT_BADINPUT;

    rc_opsc_params_init(p);
    p->k = k;
    p->m = m;
    p->samples = samples;
    p->seed = (uint64_t) seed;
    p->adversarial = adversarial;
    p->prec = prec;
    p->fast = fast;
    if (rc_number_parse_fmpq(p->sigma2, sigma2, err) || fmpq_sgn(p->sigma2) <= 0)
    {
        cli_fail("--sigma2: expected a positive number, found '%s'", sigma2);
        goto out;
    }
    if (rc_number_parse_fmpq(p->radius, radius, err) || fmpq_sgn(p->radius) <= 0)
    {
        cli_fail("--radius: expected a positive number, found '%s'", radius);
        goto out;
    }
    if (rc_number_parse_fmpq(p->lambda, lambda, err) || fmpq_sgn(p->lambda) <= 0)
    {
        cli_fail("--lambda: expected a positive number, found '%s'", lambda);
        goto out;
    }
    if (sn > 1)
    {
        /* one shard: a part, not a certificate, merged by --merge */
        json_t * sh = json_object();
        root = rc_opsc_assemble(p, opsc_parallel_shard(p, jobs, si, sn));
        json_object_set_new(root, "kind", json_string("opsc-part"));
        json_object_del(root, "summary");
        json_object_set_new(sh, "index", json_integer(si + 1));
        json_object_set_new(sh, "count", json_integer(sn));
        json_object_set_new(root, "shard", sh);
        if (emit(root, out))
        {
            json_decref(root);
            goto out;
        }
        printf("shard %ld/%ld: %ld of %ld directions%s%s (merge the parts with "
               "'relucert certify opsc --merge PART...')\n", (long) si + 1, (long) sn,
               (long) json_array_size(json_object_get(root, "directions")), (long) samples,
               out ? " in " : "", out ? out : "");
        json_decref(root);
        res = RC_EXIT_OK;
        goto out;
    }
    root = rc_opsc_assemble(p, opsc_parallel_shard(p, jobs, 0, 1));
    if (emit(root, out))
    {
        json_decref(root);
        goto out;
    }
    res = opsc_report(root, p, radius, lambda, out);
    json_decref(root);
out:
    rc_opsc_params_clear(p);
    return res;
}

/* the paper's Appendix D.1 grid, certified: k in {5, 10, 20}, m in
   {2, 5, 10}, Gaussian and adversarial directions */
static int
opsc_paper(slong samples, slong seed, const char * sigma2, const char * radius,
           const char * lambda, slong prec, int fast, const char * dir, int jobs)
{
    static const slong ks[] = {5, 10, 20}, ms[] = {2, 5, 10};
    int ki, mi, adv, res = RC_EXIT_OK;
    rc_error_t err;

    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return cli_fail("%s: cannot create directory: %s", dir, strerror(errno));
    printf("%3s %3s %-12s %9s %9s %12s %12s %9s %8s\n", "k", "m", "directions", "OPSC",
           "Conj. 12", "min lam_U", "min c_U", "CP 95%", "time");
    for (ki = 0; ki < 3; ki++)
        for (mi = 0; mi < 3; mi++)
            for (adv = 0; adv <= 1; adv++)
            {
                rc_opsc_params_t p;
                json_t * root, * sum;
                char path[4096], v[64];
                double t0, t1;

                rc_opsc_params_init(p);
                p->k = ks[ki];
                p->m = ms[mi];
                p->samples = samples;
                p->seed = (uint64_t) seed;
                p->adversarial = adv;
                p->prec = prec;
                p->fast = fast;
                if (rc_number_parse_fmpq(p->sigma2, sigma2, err)
                    || rc_number_parse_fmpq(p->radius, radius, err)
                    || rc_number_parse_fmpq(p->lambda, lambda, err))
                {
                    rc_opsc_params_clear(p);
                    return cli_fail("--sigma2, --radius, --lambda: expected exact numbers");
                }
                t0 = rc_clock_now();
                root = rc_opsc_assemble(p, opsc_parallel_shard(p, jobs, 0, 1));
                t1 = rc_clock_now();
                snprintf(path, sizeof path, "%s/opsc-k%02ld-m%02ld-%s.json", dir, (long) p->k,
                         (long) p->m, adv ? "adversarial" : "gaussian");
                if (cli_write_cert(path, root))
                {
                    json_decref(root);
                    rc_opsc_params_clear(p);
                    return cli_fail("%s: cannot write", path);
                }
                sum = json_object_get(root, "summary");
                if (!adv)
                {
                    slong a = json_integer_value(json_object_get(sum, "opsc_proved"));
                    slong b = json_integer_value(json_object_get(sum, "conj12_proved"));
                    rc_report_short_bound(v, sizeof v, json_object_get(sum, "smallest_lam_U"), 1);
                    printf("%3ld %3ld %-12s %4ld/%-4ld %4ld/%-4ld %12s %12s %9s %7.0fs\n",
                           (long) p->k, (long) p->m, "Gaussian", (long) a, (long) samples, (long) b,
                           (long) samples, v, "-",
                           json_string_value(json_object_get(sum, "clopper_pearson_95_lower")),
                           t1 - t0);
                    if (a < samples || b < samples)
                        res = RC_EXIT_UNPROVED;
                }
                else
                {
                    slong a = json_integer_value(json_object_get(sum, "opsc_lambda_refuted"));
                    slong b = json_integer_value(json_object_get(sum, "conj12_proved"));
                    rc_report_short_bound(v, sizeof v, json_object_get(sum, "smallest_c_U"), 1);
                    printf("%3ld %3ld %-12s %4ld/%-4ld %4ld/%-4ld %12s %12s %9s %7.0fs\n",
                           (long) p->k, (long) p->m, "adversarial", (long) a, (long) samples,
                           (long) b, (long) samples, "-", v, "-",
                           t1 - t0);
                    if (a < samples || b < samples)
                        res = RC_EXIT_UNPROVED;
                }
                fflush(stdout);
                json_decref(root);
                rc_opsc_params_clear(p);
            }
    printf("OPSC: Gaussian directions proved on the whole segment / adversarial directions\n"
           "refuted with constant %s near s = 0; certificates in %s/\n", lambda, dir);
    return res;
}

int
cmd_certify_landscape(const char * kind, int argc, char ** argv)
{
    static struct option opts[] = {
        {"k", required_argument, 0, 'k'},
        {"n", required_argument, 0, 'n'},
        {"d", required_argument, 0, 'd'},
        {"teacher", required_argument, 0, 't'},
        {"mu", required_argument, 0, 'm'},
        {"norm", required_argument, 0, 'N'},
        {"boxes", required_argument, 0, 'B'},
        {"alpha", required_argument, 0, 'a'},
        {"eps", required_argument, 0, 'e'},
        {"prec", required_argument, 0, 'p'},
        {"out", required_argument, 0, 'o'},
        {"lambda", required_argument, 0, 'L'},
        {"m", required_argument, 0, 'M'},
        {"samples", required_argument, 0, 'S'},
        {"seed", required_argument, 0, 's'},
        {"sigma2", required_argument, 0, 'v'},
        {"radius", required_argument, 0, 'r'},
        {"adversarial", no_argument, 0, 'A'},
        {"jobs", required_argument, 0, 'j'},
        {"paper", no_argument, 0, 'P'},
        {"out-dir", required_argument, 0, 'O'},
        {"arith", required_argument, 0, 'X'},
        {"shard", required_argument, 0, 'H'},
        {"merge", no_argument, 0, 'G'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}
    };
    int nonconvex = strcmp(kind, "nonconvex") == 0, c, res = RC_EXIT_BADINPUT;
    int fails = strcmp(kind, "opsc-fails") == 0 || strcmp(kind, "pl-fails") == 0;
    int opsc = strcmp(kind, "opsc") == 0, adversarial = 0, fast = 1;
    slong mm = -1, samples = -1, seed = -1, jobs = FLINT_MAX(1, FLINT_MIN(sysconf(_SC_NPROCESSORS_ONLN), 256));
    const char * sigma2 = "1e-5", * radius = "1", * lambda_s = "1/100", * out_dir = "relucert-opsc";
    int paper = 0, merge = 0;
    slong shard_i = 0, shard_n = 1;
    slong k = -1, n = -1, d = -1, prec = 128, neps = 0, nal = 0, nlam = 0, i;
    fmpq * lam = NULL;
    const char * teacher = NULL, * out = NULL;
    rc_conv_norm_t norm = RC_CONV_EUCLID;
    slong boxes = 256;
    fmpq * eps = NULL, * al = NULL;
    fmpq_t mu;
    fmpq_mat_t V;
    rc_point_t pt;
    rc_error_t err;

    fmpq_init(mu);
    fmpq_mat_init(V, 0, 0);
    rc_point_init(pt);
    /* default mu = (1/4 - 1/(2 pi))/2 = 0.04542252845405233209..., rounded
       up, so that the proved claim is at least as strong */
    rc_number_parse_fmpq(mu, "0.045422528454052333", err);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
    {
        switch (c)
        {
            case 'k': if (cli_parse_slong(&k, "--k", optarg, 1, 1000)) goto out; break;
            case 'n': if (cli_parse_slong(&n, "--n", optarg, 1, 2000)) goto out; break;
            case 'd': if (cli_parse_slong(&d, "--d", optarg, 1, 1000)) goto out; break;
            case 't': teacher = optarg; break;
            case 'm': if (cli_parse_fmpq(mu, "--mu", optarg)) goto out; break;
            case 'N':
                if (rc_conv_norm_parse(&norm, optarg))
                {
                    cli_fail("--norm: expected euclid, neuron or box, found '%s'", optarg);
                    goto out;
                }
                break;
            case 'B': if (cli_parse_slong(&boxes, "--boxes", optarg, 1, 1L << 24)) goto out; break;
            case 'a':
                if (al)
                    cli_fmpq_list_clear(al, nal);
                al = NULL;
                if (parse_list(&al, &nal, "--alpha", optarg))
                    goto out;
                break;
            case 'e':
                if (eps)
                    cli_fmpq_list_clear(eps, neps);
                eps = NULL;
                if (parse_list(&eps, &neps, "--eps", optarg))
                    goto out;
                break;
            case 'M': if (cli_parse_slong(&mm, "--m", optarg, 1, 100)) goto out; break;
            case 'S': if (cli_parse_slong(&samples, "--samples", optarg, 1, 10000000)) goto out; break;
            case 's': if (cli_parse_slong(&seed, "--seed", optarg, 0, WORD_MAX)) goto out; break;
            case 'v': sigma2 = optarg; break;
            case 'r': radius = optarg; break;
            case 'A': adversarial = 1; break;
            case 'j': if (cli_parse_slong(&jobs, "--jobs", optarg, 1, 256)) goto out; break;
            case 'H': if (cli_parse_shard(&shard_i, &shard_n, optarg)) goto out; break;
            case 'G': merge = 1; break;
            case 'P': paper = 1; break;
            case 'O': out_dir = optarg; break;
            case 'X':
                if (strcmp(optarg, "binary64") != 0 && strcmp(optarg, "arb") != 0)
                {
                    cli_fail("--arith: expected binary64 or arb, found '%s'", optarg);
                    goto out;
                }
                fast = strcmp(optarg, "binary64") == 0;
                break;
            case 'L':
                lambda_s = optarg;
                if (lam)
                    cli_fmpq_list_clear(lam, nlam);
                lam = NULL;
                if (parse_list(&lam, &nlam, "--lambda", optarg))
                    goto out;
                break;
            case 'p': if (cli_parse_slong(&prec, "--prec", optarg, 16, rc_limit_prec())) goto out; break;
            case 'o': out = optarg; break;
            case 'h':
                fputs(opsc ? opsc_usage : fails ? fails_usage : nonconvex ? nonconvex_usage : convexity_usage, stdout);
                res = RC_EXIT_OK;
                goto out;
            default:
                cli_fail("certify %s: unknown or incomplete option '%s' (see 'relucert certify "
                         "%s --help')", kind, argv[optind - 1], kind);
                goto out;
        }
    }
    if ((merge || shard_n > 1) && !opsc)
    {
        cli_fail("certify %s: --shard and --merge split opsc directions (and certify "
                 "minimum --dataset); expected them with certify opsc", kind);
        goto out;
    }
    if (merge)
    {
        if (optind >= argc || shard_n > 1 || paper)
        {
            cli_fail("certify opsc --merge: expected the parts (files written with --shard "
                     "I/N) and --out CERT, without --shard or --paper");
            goto out;
        }
        res = opsc_merge(argv + optind, argc - optind, out, (int) jobs);
        goto out;
    }
    if (optind < argc)
    {
        cli_fail("certify %s: unexpected argument '%s'", kind, argv[optind]);
        goto out;
    }
    if (shard_n > 1 && (paper || out == NULL))
    {
        cli_fail("certify opsc --shard I/N: expected --out PART (not --paper)");
        goto out;
    }

    if (opsc && fast && rc_di_env_problem() != NULL)
        /* the pieces fall back to Arb (opsc_cert.c) and record "arith": "arb" */
        fprintf(stderr, "certify opsc: ball arithmetic: binary64 was asked for but %s\n",
                rc_di_env_problem());
    if (opsc && paper)
    {
        res = opsc_paper(samples > 0 ? samples : 1000, seed >= 0 ? seed : 1, sigma2, radius,
                         lambda_s, prec, fast, out_dir, (int) jobs);
        goto out;
    }
    if (opsc)
    {
        if (k < 1 || mm < 1 || samples < 1 || seed < 0)
        {
            cli_fail("certify opsc: expected --k K, --m M, --samples S and --seed SEED");
            goto out;
        }
        if (mm < 2 && adversarial)
        {
            cli_fail("certify opsc: --adversarial needs --m M with M >= 2");
            goto out;
        }
        if (rc_limit_check_params(err, k + mm, k, 0, "certify opsc: (k + m) x k"))
        {
            cli_fail("%s", err->msg);
            goto out;
        }
        res = opsc_run(k, mm, samples, seed, sigma2, radius, lambda_s, adversarial,
                       prec, fast, out, (int) jobs, shard_i, shard_n);
        goto out;
    }
    if (fails)
    {
        res = fails_run(strcmp(kind, "pl-fails") == 0, k, d, al, nal, eps, neps, lam, nlam, out);
        goto out;
    }
    if (!nonconvex)
    {
        if (teacher != NULL)
        {
            if (rc_point_read_file(pt, teacher, err))
            {
                cli_fail("%s", err->msg);
                goto out;
            }
            if (k >= 0 && k != pt->k)
            {
                cli_fail("%s: expected a teacher of k = %ld neurons (--k), found %ld",
                         teacher, (long) k, (long) pt->k);
                goto out;
            }
            fmpq_mat_clear(V);
            fmpq_mat_init_set(V, pt->V);
        }
        else if (k < 1)
        {
            cli_fail("certify convexity: expected --k K or --teacher FILE");
            goto out;
        }
        else
        {
            fmpq_mat_clear(V);
            fmpq_mat_init(V, k, k);
            fmpq_mat_one(V);
        }
        res = convexity_run(V, mu, norm, boxes, prec, out);
        goto out;
    }

    /* nonconvex */
    if (k < 1 || n < 1)
    {
        cli_fail("certify nonconvex: expected --k K and --n N");
        goto out;
    }
    if (n == k)
    {
        fprintf(out ? stdout : stderr, "n = k: the global minimum is a strict minimum with "
                "a positive definite Hessian nearby, so no point of negative curvature exists "
                "near it; certifying strong convexity with a radius instead:\n");
        fmpq_mat_clear(V);
        fmpq_mat_init(V, k, k);
        fmpq_mat_one(V);
        res = convexity_run(V, mu, norm, boxes, prec, out);
        /* what was asked, non-convexity, is refuted: a script testing the
           exit status must not read it as proved */
        if (res != RC_EXIT_BADINPUT)
        {
            fprintf(out ? stdout : stderr, "non-convexity near the minimum (n = k): refuted "
                    "(the certificate%s%s is the convexity one)\n", out ? " " : "",
                    out ? out : "");
            res = RC_EXIT_UNPROVED;
        }
        goto out;
    }
    if (n < k || n > 2 * k)
    {
        cli_fail("certify nonconvex: expected k <= n <= 2k, found k = %ld, n = %ld",
                 (long) k, (long) n);
        goto out;
    }
    if (d < 0)
        d = FLINT_MAX(k, 2);
    if (d < FLINT_MAX(k, 2))
    {
        cli_fail("--d: expected d >= max(k, 2) = %ld, found %ld", (long) FLINT_MAX(k, 2), (long) d);
        goto out;
    }
    if (rc_limit_check_params(err, n, d, 0, "certify nonconvex: n x d"))
    {
        cli_fail("%s", err->msg);
        goto out;
    }
    if (al == NULL)
    {
        parse_list(&al, &nal, "--alpha", "1/2,1/2");
    }
    if (nal != 2 || fmpq_sgn(al) <= 0 || fmpq_sgn(al + 1) <= 0)
    {
        cli_fail("--alpha: expected two positive numbers A1,A2");
        goto out;
    }
    if (eps == NULL)
    {
        eps = rc_powers_of_ten(1, 30);
        neps = 30;
    }
    for (i = 0; i < neps; i++)
        if (fmpq_sgn(eps + i) <= 0 || fmpq_cmp_ui(eps + i, 1) > 0)
        {
            cli_fail("--eps: expected numbers in (0, 1], found entry %ld out of range", (long) i + 1);
            goto out;
        }
    {
        int all;
        json_t * root = rc_noncvx_to_json(k, n, d, al, al + 1, eps, neps, &all);
        json_t * pts = json_object_get(root, "points");
        FILE * sum = out ? stdout : stderr;
        if (emit(root, out))
        {
            json_decref(root);
            goto out;
        }
        fprintf(sum, "%-8s %-14s %-14s %-29s %s\n", "eps", "distance <=", "curvature <=",
                "closed form in", "verdict");
        for (i = 0; i < (slong) json_array_size(pts); i++)
        {
            const json_t * o = json_array_get(pts, i);
            char dist[64], cur[64], cl[64], ch[64];
            rc_report_short_bound(dist, sizeof dist, json_object_get(json_object_get(o, "distance"), "hi"), 0);
            rc_report_short_bound(cur, sizeof cur, json_object_get(json_object_get(o, "curvature"), "hi"), 0);
            rc_report_short_bound(cl, sizeof cl, json_object_get(json_object_get(o, "closed_form"), "lo"), 1);
            rc_report_short_bound(ch, sizeof ch, json_object_get(json_object_get(o, "closed_form"), "hi"), 0);
            fprintf(sum, "%-8.2g %-14s %-14s [%s, %s] %s\n", fmpq_get_d(eps + i), dist, cur,
                    cl, ch, json_string_value(json_object_get(o, "verdict")));
        }
        if (out)
            printf("certificate: %s\n", out);
        res = all ? RC_EXIT_OK : RC_EXIT_UNPROVED;
        json_decref(root);
    }
out:
    if (lam)
        cli_fmpq_list_clear(lam, nlam);
    if (eps)
        cli_fmpq_list_clear(eps, neps);
    if (al)
        cli_fmpq_list_clear(al, nal);
    fmpq_clear(mu);
    fmpq_mat_clear(V);
    rc_point_clear(pt);
    return res;
}
