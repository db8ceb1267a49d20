/* relucert: the workflows' shared machinery (src/workflow/): progress
   reports, the forked worker pool, the monotonic clock, the atomic
   certificate write, and re-verifying certificate files (one, or many over
   worker processes). The workflows themselves (relucert paper, ...) are
   built from these; the relucert command parses arguments and prints, and
   the C API and Python call the same functions. */
#ifndef RELUCERT_WORKFLOW_H
#define RELUCERT_WORKFLOW_H

#include <stdio.h>
#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/error.h"
#include "relucert/point.h"
#include "relucert/opsc.h"
#include "relucert/landscape.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- progress */

/* What a progress report says. */
typedef enum
{
    RC_PROGRESS_BEGIN = 0,  /* a phase of total items starts */
    RC_PROGRESS_STEP = 1,   /* done of total items of the phase are finished */
    RC_PROGRESS_END = 2,    /* the phase is over (done may be < total if
                               some items were lost) */
    RC_PROGRESS_NOTE = 3,   /* text: a one-off line for the user (a long
                               computation starts, ...) */
    RC_PROGRESS_ERROR = 4   /* text: one item went wrong (a file cannot be
                               written, a certificate FAILED, ...); the
                               workflow goes on and counts it */
}
rc_progress_kind_t;

/* One progress report: a view, valid only during the callback (it owns no
   memory, so it has no init/clear). A terminal can draw "\rPHASE: DONE/TOTAL
   TEXT" on each STEP and end the line on END; a log can print such a line
   every minute; Python can open a tqdm bar on BEGIN, move it on STEP and
   close it on END. */
typedef struct
{
    rc_progress_kind_t kind;
    const char * phase;     /* the workflow's phase: "check", "Sec. 4", ... */
    slong done;             /* items finished in the phase (STEP, END) */
    slong total;            /* items in the phase; 0 if not counted */
    const char * text;      /* BEGIN, STEP, END: the items' unit ("parts",
                               "records"); NOTE, ERROR: the line; never NULL */
    double seconds;         /* since the phase started (STEP, END) */
}
rc_progress_t;

/* A progress callback; ctx is the caller's. A workflow given NULL reports
   nothing. Called in the calling process only (never in a worker). */
typedef void (*rc_progress_fn)(const rc_progress_t * p, void * ctx);

/* Calls fn (if not NULL) with a report of the given contents. */
void rc_progress_report(rc_progress_fn fn, void * ctx, rc_progress_kind_t kind,
                        const char * phase, slong done, slong total, const char * text,
                        double seconds);

/* ---------------------------------------------------------------- workers */

/* Runs work(out, i, ctx) for i = 0..n-1 in min(jobs, n) forked worker
   processes (worker w takes w, w + jobs, ...; with largest_first,
   n-1-w, n-1-w-jobs, ...), each writing whole lines to its own pipe, and
   calls line(text, ctx) in the parent for every line as it arrives. Returns
   when every worker has finished: 0, or 1 with err filled if a worker
   could not be started (the items of the workers that did start are still
   delivered; the others' are not). */
int rc_workers_run(int jobs, slong n, int largest_first,
                   void (*work)(FILE * out, slong i, void * ctx),
                   void (*line)(char * text, void * ctx), void * ctx, rc_error_t err);

/* Seconds on a monotonic clock (for durations only). */
double rc_clock_now(void);

/* ---------------------------------------------------------------- files */

/* Writes a certificate as JSON indented by one space, keys in their order,
   and a newline (the bytes of every certificate relucert writes) to path
   through a temporary file PATH.tmpPID and a rename, so that no torn file
   is ever left. Returns 0, or 1 if the file cannot be written (nothing is
   left behind). */
int rc_cert_write_file(const char * path, json_t * root);

/* ---------------------------------------------------------------- checking */

/* The outcome of re-verifying one certificate file, ordered by severity
   (the outcome of several files is the largest; the values are the
   relucert command's exit statuses for them). */
#define RC_CHECK_OK 0           /* every claim re-proved */
#define RC_CHECK_FAILED 1       /* broken JSON, unknown format, or a claim
                                   that does not hold */
#define RC_CHECK_UNREADABLE 2   /* the file cannot be opened */

/* Re-verifies the certificate in path from its own contents (rc_cert_check).
   Returns RC_CHECK_OK; RC_CHECK_FAILED with why = the reason (for broken
   JSON "PATH:LINE: expected a JSON certificate: ..."); RC_CHECK_UNREADABLE
   with why = "cannot open: ...". */
int rc_check_file(rc_error_t why, const char * path);

/* Receives the outcome of one file of rc_check_files: status as returned by
   rc_check_file, reason "" for RC_CHECK_OK. */
typedef void (*rc_check_result_fn)(const char * path, int status, const char * reason,
                                   void * ctx);

/* rc_check_file for paths[0..n-1] over jobs worker processes (whole files,
   and the directions of opsc certificates in up to jobs parts each:
   rc_cert_check_part), result(...) called once per file in the order
   given (with jobs <= 1 as each file is checked, the only report; otherwise
   at the end, after progress (phase "check", unit "parts": BEGIN, a STEP
   as each part finishes, END). A file's outcome
   does not depend on jobs. Returns the largest status; err is filled (and
   the files of the missing workers are RC_CHECK_UNREADABLE, "not checked
   (its worker failed)") when a worker could not be started, else set to
   "". result and progress may be NULL. */
int rc_check_files(const char * const * paths, slong n, int jobs,
                   rc_check_result_fn result, void * result_ctx,
                   rc_progress_fn progress, void * progress_ctx, rc_error_t err);

/* ---------------------------------------------------------------- opsc */

/* The entries (rc_opsc_direction_entry) of directions si, si + sn, ... of
   the experiment p (shard si + 1 of sn; si = 0, sn = 1: every direction),
   computed by jobs worker processes (direction i by worker i mod jobs), as
   a JSON array for rc_opsc_assemble; progress: phase "certify opsc", unit
   "directions". The result does not depend on jobs. err is filled if a
   worker could not be started (its directions are null), else "". */
json_t * rc_opsc_directions_run(const rc_opsc_params_t p, slong si, slong sn, int jobs,
                                rc_progress_fn progress, void * progress_ctx, rc_error_t err);

/* ---------------------------------------------------------------- landscape */

/* relucert certify convexity | nonconvex | opsc-fails | pl-fails: the
   landscape around global minima (proofs/model.md sections 2 and 4). Each
   run returns its certificate in *cert (a new reference, the caller's; the
   bytes relucert writes with rc_cert_write_file) and says what it proved:
   0 every claim proved, 1 refuted or undecided (the certificate says
   which), 2 with err filled and *cert NULL for parameters it cannot use
   (the message is the relucert command's for the same input). Progress:
   BEGIN before the computation (phase "certify KIND"; total: the number of
   eps, or 1) and END after it. */

/* The parameters of the four kinds; what a kind does not use is ignored. */
typedef struct
{
    slong k;                /* teacher neurons (-1: unset; convexity may
                               take V instead) */
    slong n;                /* nonconvex: student neurons, k <= n <= 2k */
    slong d;                /* input dimension; -1: the kind's default
                               (nonconvex max(k, 2), opsc-fails and pl-fails
                               k) */
    fmpq_mat_t V;           /* convexity: the teacher (0 x 0: I_k) */
    fmpq_t mu;              /* convexity: the claimed lower bound on
                               lambda_min (default 0.045422528454052333,
                               (1/4 - 1/(2 pi))/2 rounded up) */
    rc_conv_norm_t norm;    /* convexity: the neighbourhood (RC_CONV_EUCLID) */
    slong boxes;            /* convexity: Hessian enclosures per radius (256) */
    slong prec;             /* convexity: bits (128) */
    fmpq * alpha;           /* nonconvex, *-fails: A1, A2 (NULL: 1/2, 1/2) */
    slong nalpha;
    fmpq * eps;             /* nonconvex (NULL: 1e-1..1e-30), *-fails
                               (NULL: 1e-1..1e-14); each in (0, 1] */
    slong neps;
    fmpq * lambda;          /* *-fails (NULL: 1e-1..1e-12) */
    slong nlambda;
}
rc_landscape_params_struct;

typedef rc_landscape_params_struct rc_landscape_params_t[1];

/* The defaults above; alpha, eps and lambda, when set, belong to p (set
   them with rc_landscape_params_set_list) and are freed by clear. */
void rc_landscape_params_init(rc_landscape_params_t p);
void rc_landscape_params_clear(rc_landscape_params_t p);

/* *v, *len = the exact numbers of the comma-separated list s (the old list
   freed). Returns 0; 1 with err = "OPT: ..." (an entry that is not a
   number, an empty list). */
int rc_landscape_params_set_list(fmpq ** v, slong * len, const char * opt, const char * s,
                                 rc_error_t err);

/* certify convexity: rc_convcert_find around p->V (or I_k): 0 proved (the
   largest dyadic radius found), 1 refuted at W = V or undecided. */
int rc_convexity_run(json_t ** cert, const rc_landscape_params_t p, rc_progress_fn progress,
                     void * progress_ctx, rc_error_t err);

/* certify nonconvex (Thm 4): 0 when the Hessian has a certified negative
   eigenvalue at every eps, 1 otherwise. With n = k no such point exists
   near the minimum: the asked claim is refuted, *cert is the certificate
   of rc_convexity_run with p (kind "convexity") and the return is 1. */
int rc_nonconvex_run(json_t ** cert, const rc_landscape_params_t p, rc_progress_fn progress,
                     void * progress_ctx, rc_error_t err);

/* certify opsc-fails (pl = 0, Thm 7) or pl-fails (pl = 1, Thm 9), n = k + 1:
   0 when every lambda is proved to fail (a point within it where every
   ratio is certified below lambda), 1 otherwise. */
int rc_fails_run(json_t ** cert, int pl, const rc_landscape_params_t p, rc_progress_fn progress,
                 void * progress_ctx, rc_error_t err);

/* certify opsc: the directions of p (shard si + 1 of sn: si = 0, sn = 1
   for all) by jobs worker processes (rc_opsc_directions_run). With sn = 1
   *cert is the certificate and the return is 0 when every direction is
   settled (Gaussian: OPSC and Conjecture 12 proved on the whole segment;
   adversarial: OPSC with p->lambda refuted near 0 and Conjecture 12 proved
   on (0, R]), 1 otherwise; with sn > 1 *cert is a part (kind "opsc-part",
   no summary, "shard": {"index": si + 1, "count": sn}) for rc_opsc_merge,
   and the return is 0. 2 with err filled for unusable parameters (k, m or
   samples < 1, adversarial with m < 2, a size limit). A worker that could
   not be started is an ERROR to progress (its directions are not
   settled). */
int rc_opsc_run(json_t ** cert, const rc_opsc_params_t p, slong si, slong sn, int jobs,
                rc_progress_fn progress, void * progress_ctx, rc_error_t err);

/* One cell of rc_opsc_paper_run, for display (the certificate holds the
   exact numbers). */
typedef struct
{
    slong k, m, samples;
    int adversarial;
    slong opsc;             /* Gaussian: OPSC proved on the segment;
                               adversarial: OPSC with lambda refuted near 0 */
    slong conj12;           /* Conjecture 12 proved */
    char bound[64];         /* the smallest lam_U (Gaussian) or c_U
                               (adversarial), rounded down to 6 digits */
    char cp[64];            /* Gaussian: the Clopper-Pearson 95% lower bound
                               on P(lam_U >= lambda); adversarial: "-" */
    double seconds;
    char path[4096];        /* the certificate written */
}
rc_opsc_cell_struct;

typedef void (*rc_opsc_cell_fn)(const rc_opsc_cell_struct * c, void * ctx);

/* certify opsc --paper: the Appendix D.1 grid, k in {5, 10, 20}, m in
   {2, 5, 10}, Gaussian then adversarial directions, each run as
   rc_opsc_run with tmpl's samples, seed, sigma2, radius, lambda, prec and
   arithmetic, its certificate written to DIR/opsc-kKK-mMM-gaussian.json
   (or -adversarial), then cell(c, cell_ctx) called (may be NULL). Returns
   0 when every cell settles every direction, 1 otherwise, 2 with err
   filled (dir cannot be created, a certificate cannot be written: the
   cells before it are done). */
int rc_opsc_paper_run(const rc_opsc_params_t tmpl, const char * dir, int jobs,
                      rc_opsc_cell_fn cell, void * cell_ctx, rc_progress_fn progress,
                      void * progress_ctx, rc_error_t err);

/* 1 when the opsc certificate cert settles every direction (as
   rc_opsc_run's return 0 says), else 0; from its summary alone. */
int rc_opsc_cert_settled(const json_t * cert);

/* p->sigma2, radius and lambda from the exact numbers in the strings, each
   positive. Returns 0; 1 with err = "--sigma2: expected a positive number,
   found '...'" (or --radius, --lambda). */
int rc_opsc_params_set_numbers(rc_opsc_params_t p, const char * sigma2, const char * radius,
                               const char * lambda, rc_error_t err);

/* 0 when rc_opsc_run can use p: k, m, samples >= 1, m >= 2 if
   adversarial, within the size limits (sigma2, radius and lambda are
   rc_opsc_params_set_numbers's); 1 with err filled (the command's message) otherwise. */
int rc_opsc_params_check(const rc_opsc_params_t p, rc_error_t err);

/* The parts files[0..n-1] written by rc_opsc_run with sn > 1, checked to
   be one run (the same parameters; every shard 1..N exactly once, each with
   exactly its directions), assembled into *cert, byte for byte the
   certificate of the one-process run, and its parameters into p (an
   initialised rc_opsc_params_t). Nothing is re-verified here (rc_check_file
   does that). Returns 0; 1 with err naming the missing shards; 2 with err
   filled for a file that is not such a part or not of the same run. */
int rc_opsc_merge(json_t ** cert, rc_opsc_params_t p, const char * const * files, slong n,
                  rc_error_t err);

/* The summary relucert prints for a landscape certificate (kind
   "convexity", "nonconvex", "opsc-fails", "pl-fails" or "opsc"), derived
   from the certificate alone: its verdicts, counts and bounds (bounds
   rounded outward to 6 digits). boxes (> 0) is the number of Hessian
   enclosures per radius the convexity run was given (not recorded in the
   certificate; named when a larger radius was not proved; 0: not named).
   Returns 0; 1 (nothing written) for another kind. */
int rc_landscape_summary_write(FILE * out, const json_t * cert, slong boxes);

/* The summary of rc_nonconvex_run's certificate: the table of
   rc_landscape_summary_write, or for n = k (a convexity certificate) why
   and the convexity summary, then "non-convexity near the minimum (n = k):
   refuted (the certificate is the convexity one)". */
void rc_nonconvex_summary_write(FILE * out, const json_t * cert, slong boxes);

/* The summary lines of a minimum certificate (relucert certify minimum):
   the critical point, the Hessian (by type on the reduced path), strict
   minimum, non-global, saddle after a split, the cross-check, the
   conditions and the distance to the input, each with the verdict the
   certificate records for it and the bounds it holds (rounded outward). */
void rc_mincert_summary_write(FILE * out, const json_t * cert);

/* ---------------------------------------------------------------- report helpers */

/* What the workflows read out of a certificate for display (tables,
   summaries, LaTeX); none of them checks anything. */

/* claims.CLAIM.verdict of a certificate ("proved", "refuted",
   "undecided"); "?" if absent. The string belongs to root. */
const char * rc_report_claim_verdict(const json_t * root, const char * claim);

/* The "hi" string of the largest split quotient of a minimum certificate
   (dense: over its neurons; symmetry-reduced: over its blocks), compared
   as doubles (display only); NULL if none. Belongs to root. */
const json_t * rc_report_worst_split(const json_t * root);

/* buf (len bytes) = the exact number in the JSON string v, rounded outward
   (down if lower, else up) to 6 significant digits; "-" if v is not a
   string, "?" if it is not a number. The rounding keeps a printed bound a
   true bound. */
void rc_report_short_bound(char * buf, size_t len, const json_t * v, int lower);

/* rc_report_short_bound of a lower end of F's enclosure, intersected with
   [0, inf) (F >= 0 by definition): "0" where the lower end is negative. */
void rc_report_short_bound_nonneg(char * buf, size_t len, const json_t * v);

/* {"lo": "...", "hi": "..."} with lo rounded down and hi rounded up
   (rc_enclosure_bound_str at rc_enclosure_digits(x, prec) digits; unlike
   rc_json_enclosure never null). A new reference, the caller's. */
json_t * rc_report_enclosure(const arb_t x, slong prec);

/* The same for an enclosure of F >= 0, intersected with [0, inf): "lo" is
   "0" where the enclosure reaches below 0. */
json_t * rc_report_enclosure_nonneg(const arb_t x, slong prec);

/* Rows of rc_report_enclosure of the entries of A. */
json_t * rc_report_enclosure_mat(const arb_mat_t A, slong prec);

/* The JSON object "relucert eval" prints for the point pt (over the box of
   the given radius around it when radius is not NULL): n, d, k, prec, loss
   (intersected with [0, inf)), and when F is differentiable the gradient,
   its norm and the smallest Hessian eigenvalue (with the full Hessian when
   want_hessian). progress (may be NULL) receives a NOTE when a long binary64
   eigenvalue run starts. 0 with *out set (a new reference); 1 with err
   filled (want_hessian at a zero neuron). */
int rc_eval_point_json(json_t ** out, const rc_point_t pt, const fmpq_t radius,
                       int want_hessian, slong prec, rc_progress_fn progress,
                       void * progress_ctx, rc_error_t err);

/* 10^-lo, ..., 10^-hi as exact rationals (hi >= lo >= 0); the caller frees
   them with _fmpq_vec_clear(v, hi - lo + 1). */
fmpq * rc_powers_of_ten(slong lo, slong hi);

/* ---------------------------------------------------------------- minimum */

/* The path of a minimum certification: auto (reduced when the point allows
   it, else dense), the symmetry-reduced path only (lemma L13, symcert.h),
   the dense path only (mincert.h). */
#define RC_MIN_PATH_AUTO 0
#define RC_MIN_PATH_REDUCED 1
#define RC_MIN_PATH_DENSE 2

/* The dense path's arithmetic: auto = binary64 from RC_MIN_ARITH_AUTO_N
   coordinates n d on (where it is faster), Arb below. */
#define RC_MIN_ARITH_AUTO 0
#define RC_MIN_ARITH_ARB 1
#define RC_MIN_ARITH_BINARY64 2
#define RC_MIN_ARITH_AUTO_N 200

/* Options of a minimum certification (relucert certify minimum's). */
typedef struct
{
    slong prec;                 /* working precision in bits */
    fmpq_t alpha;               /* split ratio of the cross-check, in (0, 1) */
    int path;                   /* RC_MIN_PATH_* */
    int have_tol;
    fmpq_t tol;                 /* with have_tol: symmetrize within tol */
    int arith;                  /* RC_MIN_ARITH_* */
    rc_progress_fn progress;    /* a note (phase "certify") when a long dense
                                   binary64 run starts; may be NULL */
    void * progress_ctx;
}
rc_certify_minimum_params_struct;

typedef rc_certify_minimum_params_struct rc_certify_minimum_params_t[1];

/* prec 256, alpha 1/2, auto path and arithmetic, no symmetrization, no
   progress. */
void rc_certify_minimum_params_init(rc_certify_minimum_params_t o);
void rc_certify_minimum_params_clear(rc_certify_minimum_params_t o);

/* Certifies the candidate minimum pt: on the symmetry-reduced path when
   n = d = k, the teacher is I_k and the student has a usable block symmetry
   (exact, or within o->tol after projection onto Fix(G)), else on the dense
   path (in the arithmetic o->arith chooses). *cert receives the certificate
   (source recorded in it; the caller owns it), path a line "path: reduced
   (...)" or "path: dense (why); arithmetic" of at most plen bytes. Returns
   0 (whether or not the claims were proved: the certificate's "success"
   says); 1 with err filled for input the certifier cannot use (n != k, a
   zero neuron, RC_MIN_PATH_REDUCED on a point without symmetry, a size
   limit). */
int rc_certify_minimum_point(json_t ** cert, char * path, size_t plen, const rc_point_t pt,
                             const char * source, const rc_certify_minimum_params_t o,
                             rc_error_t err);

/* 1 when the minimum certificate root does not prove its point within
   max_move (Frobenius norm) of its input: its proved distance exceeds
   max_move, or it proves none (relucert certify minimum --max-move). */
int rc_certify_minimum_too_far(const json_t * root, const fmpq_t max_move);

/* ---------------------------------------------------------------- batch */

/* relucert certify minimum --dataset: every selected record of a dataset
   (JSON lines with integer "k" and "index") certified by
   rc_certify_minimum_point in worker processes, one certificate per record
   DIR/minimum-kKKK-IIII.json. A certificate already there for the same
   record, precision and alpha that claims success is kept when it passes
   the checker (resume), else recomputed. Progress: phase RC_BATCH_CERTIFY
   (or RC_BATCH_MERGE), unit "records", a STEP per record; an ERROR for a
   kept file that failed the check and for a worker that could not be
   started. */
#define RC_BATCH_CERTIFY "certify"
#define RC_BATCH_MERGE "merge"

typedef struct
{
    rc_certify_minimum_params_t m;  /* prec, alpha, path, arithmetic,
                                       symmetrization of each record */
    const char * dataset;   /* the dataset file (required) */
    slong k, k_max, index;  /* the selection: records with k = k (-1: any),
                               k <= k_max (-1: any), index = index (-1: any) */
    const char * out_dir;   /* default "relucert-minima" (created if missing) */
    int jobs;               /* worker processes, default 1; the certificates
                               and rows do not depend on it */
    slong shard_i, shard_n; /* only the records at positions r of the
                               selection with r mod shard_n = shard_i
                               (default 0, 1: all) */
    slong merge_n;          /* > 0: certify nothing; re-verify the
                               certificates of the merge_n shards in out_dir
                               (rows RC_BATCH_CHECKED, MISSING, FAILED) */
    int have_max_move;
    fmpq_t max_move;        /* with have_max_move: a certified point that may
                               lie farther than this (Frobenius) from its
                               record is RC_BATCH_MOVED, not a success */
}
rc_batch_params_struct;

typedef rc_batch_params_struct rc_batch_params_t[1];

void rc_batch_params_init(rc_batch_params_t par);
void rc_batch_params_clear(rc_batch_params_t par);

/* What became of one record, with its name in the command's table. */
typedef enum
{
    RC_BATCH_OK = 0,        /* "ok": certified, every claim proved */
    RC_BATCH_KEPT = 1,      /* "kept": an existing certificate re-verified */
    RC_BATCH_REDONE = 2,    /* "redone": an existing one failed the check;
                               recomputed and proved */
    RC_BATCH_CHECKED = 3,   /* "checked": merge, present and re-verified */
    RC_BATCH_FAILED = 4,    /* "FAILED": a claim not proved, or (merge) the
                               file failed the check */
    RC_BATCH_MOVED = 5,     /* "moved": proved, but not within max_move */
    RC_BATCH_MISSING = 6,   /* "missing": merge, no certificate */
    RC_BATCH_ERROR = 7,     /* "error": the record cannot be certified or
                               its certificate not written */
    RC_BATCH_LOST = 8       /* "lost": its worker gave no answer */
}
rc_batch_status_t;

/* The table name of a status ("ok", ..., "lost"); a static string. */
const char * rc_batch_status_name(rc_batch_status_t s);

/* 1 for the statuses that count as certified (OK, KEPT, REDONE, CHECKED). */
int rc_batch_status_ok(rc_batch_status_t s);

/* One record's row. The bounds are for display: the certificate's exact
   numbers rounded outward to 6 digits (rc_report_short_bound), "-" where
   the claim is not proved or there is no certificate. */
typedef struct
{
    slong k, index;         /* the record's */
    slong ord;              /* its position in the selection (shard ord mod N) */
    char kind[32];          /* the record's "kind", "?" if none */
    char p[64];             /* its "p" as compact JSON, "-" if none */
    rc_batch_status_t status;
    double seconds;         /* the record's time; < 0 if unknown */
    char loss[128];         /* "[lo, hi]" of F, lo intersected with [0, inf) */
    char lambda[64];        /* lambda_min lower bound */
    char split[64];         /* worst H'_ii quotient, or "(global)" */
    char cross[64];         /* the cross-check quotient at alpha */
    char moved[64];         /* the proved distance to the record */
    char * message;         /* ERROR, MISSING, merge FAILED: why (owned by
                               the row); else NULL */
}
rc_batch_row_struct;

/* The outcome of a batch. */
typedef struct
{
    rc_batch_row_struct * rows;     /* the selected records (of the shard),
                                       in the selection's order */
    slong nrows;
    slong nok, nfail;       /* rows certified (rc_batch_status_ok) and not */
    slong nkept, nredone;   /* of them: kept, recomputed after a failed check */
    char * bad_shards;      /* merge: merge_n flags, 1 for a shard with a row
                               not certified; else NULL */
    int jobs;               /* the worker processes used */
    double seconds;
}
rc_batch_struct;

typedef rc_batch_struct rc_batch_t[1];

void rc_batch_init(rc_batch_t B);
void rc_batch_clear(rc_batch_t B);

/* Runs the batch par into B. Returns 0 when every row is certified (also
   when a shard has no record: B->nrows = 0); 1 when some is not
   (B->nfail > 0); 2 with err filled, before any work, when the dataset
   cannot be read or has a bad line, no record matches the selection, or
   out_dir cannot be created. */
int rc_batch_run(rc_batch_t B, const rc_batch_params_t par, rc_progress_fn progress,
                 void * progress_ctx, rc_error_t err);

/* ---------------------------------------------------------------- search */

/* relucert search: R local searches from seeded random starts, in double
   (NOT a proof: the records are candidates for certify minimum). Run r
   starts from W0 with i.i.d. N(0, 1/k) entries drawn from stream r of the
   generator (rand.h), so the records do not depend on jobs. */
typedef enum
{
    RC_SEARCH_AUTO = 0,     /* gradient descent when n = k, L-BFGS otherwise */
    RC_SEARCH_GD = 1,       /* the paper's gradient descent: step (default
                               5/k) until |grad F| <= 1e-12 or max_iter
                               steps (default 10^6) */
    RC_SEARCH_LBFGS = 2     /* L-BFGS (d_eval.h), memory 10, until
                               |grad F| <= 1e-9, stagnation or max_iter
                               iterations (default 10^4); passed to Newton
                               when |grad F| <= 1e-5 */
}
rc_search_method_t;

typedef struct
{
    slong n;                /* student neurons; 0: as many as the teacher */
    slong runs;             /* >= 1 */
    uint64_t seed;
    slong jobs;             /* worker processes, >= 1 */
    rc_search_method_t method;
    slong max_iter;         /* 0: the method's default */
    double step;            /* gradient descent's step; 0: 5/k */
}
rc_search_params_struct;
typedef rc_search_params_struct rc_search_params_t[1];

/* Defaults: n = k, one run, seed 0, one job, RC_SEARCH_AUTO. */
void rc_search_params_init(rc_search_params_t par);

/* What a search found. Every run ends in exactly one of: a global minimum
   (F < 1e-12 after refinement, n = k), a non-global minimum, a saddle (a
   Hessian eigenvalue below -1e-9 in double), a zero-loss point of n > k
   (F <= 1e-11 in double: global minima are not isolated there, so these
   are counted, not refined nor written), unconverged, or lost (a worker
   that died). For n < k a minimum with F > 0 is counted with the
   non-global ones (spurious_*) but its record says "kind": "minimum", not
   "spurious": with fewer neurons than the teacher F > 0 does not make a
   minimum non-global. records[i] is the dataset-format record (JSON
   object) of distinct point i, global minima first, then by F. */
typedef struct
{
    slong k, n, runs;
    slong global_runs, global_points, spurious_runs, spurious_points;
    slong saddle_runs, zero_loss_runs, unconverged_runs, lost;
    json_t ** records;
    slong nrecords;
}
rc_search_struct;
typedef rc_search_struct rc_search_t[1];

void rc_search_init(rc_search_t S);
void rc_search_clear(rc_search_t S);

/* Runs the search for the teacher V (k x d; for V = I_k, points equal up
   to coordinate permutations are merged too) with progress (phase
   "search", unit "runs"). Returns 0, or 1 with err filled (bad parameters;
   workers that could not start: their runs are counted as lost). */
int rc_search_run(rc_search_t S, const fmpq_mat_t V, const rc_search_params_t par,
                  rc_progress_fn progress, void * progress_ctx, rc_error_t err);

/* The line relucert search prints for S: the runs by outcome, in the words
   that fit n against k (n < k: minima with F > 0 not called non-global;
   n > k: zero-loss runs counted, not refined). Floating-point counts, not
   proofs. */
void rc_search_summary_write(FILE * out, const rc_search_t S);

/* ---------------------------------------------------------------- overparam */

/* relucert overparam: the non-global minima of over-parameterized students
   (n = k + s neurons, teacher I_k). For every k in k_min..k_max and every s
   of s[0..ns-1] (the cases, ordered by s then k): rc_search_run with n = k + s,
   runs seeded runs from seed, L-BFGS; its records in
   DIR/kKKK-sS/search.jsonl and its counts in DIR/kKKK-sS/case.json (a case
   whose case.json and search.jsonl are there for the same k, s, runs and
   seed is not searched again); then rc_batch_run on the records into
   DIR/kKKK-sS/ (minimum certificates on the dense path, kept ones
   re-verified by the checker). Only the cases c with c mod shard_n =
   shard_i run (job arrays); a run without shards afterwards re-verifies
   the shards' certificates and gives the whole table. Progress: a NOTE
   per case, then the search's and the batch's phases. */
#define RC_OVERPARAM_MAX_S 8

typedef struct
{
    slong k_min, k_max;     /* default 6..20 */
    slong s[RC_OVERPARAM_MAX_S];
    slong ns;               /* default one value, s = 1 */
    slong runs;             /* default 30 */
    uint64_t seed;          /* default 1 */
    slong jobs;             /* default 1 */
    slong prec;             /* of the certificates, default 256 */
    slong shard_i, shard_n; /* default 0, 1 */
    const char * out_dir;   /* default "relucert-overparam" */
}
rc_overparam_params_struct;
typedef rc_overparam_params_struct rc_overparam_params_t[1];

void rc_overparam_params_init(rc_overparam_params_t par);

/* One case. The search's counts are floating-point observations (runs that
   reached zero loss, a non-global minimum, a saddle, nothing);
   spurious_points is the number of distinct non-global minima found, and
   of them certified passed the checker or were just proved: a strict
   minimum, F > 0, every one-neuron split a strict saddle of the
   (n+1)-neuron loss (lemmas L2 to L5); not_certified the others. */
typedef struct
{
    slong k, s, runs;
    slong zero_loss_runs, spurious_runs, spurious_points, saddle_runs, unconverged_runs;
    slong certified, not_certified;
    double seconds;
}
rc_overparam_row_struct;

typedef struct
{
    rc_overparam_row_struct * rows;     /* the cases run, in order */
    slong nrows;
}
rc_overparam_struct;
typedef rc_overparam_struct rc_overparam_t[1];

void rc_overparam_init(rc_overparam_t T);
void rc_overparam_clear(rc_overparam_t T);

/* Runs the cases into T. Returns 0 when every minimum found is certified,
   1 when some is not, 2 with err filled (bad parameters, a directory or
   file that cannot be written, a search that could not start). */
int rc_overparam_run(rc_overparam_t T, const rc_overparam_params_t par,
                     rc_progress_fn progress, void * progress_ctx, rc_error_t err);

/* The figure (pgfplots): certified non-global minima found against k, one
   curve per s; with standalone, a whole LaTeX document. */
void rc_overparam_figure_write(FILE * out, const rc_overparam_t T, int standalone);

/* The same figure as a self-contained SVG image (no TeX needed). */
void rc_overparam_figure_svg(FILE * out, const rc_overparam_t T);

/* ---------------------------------------------------------------- atlas */

/* relucert atlas: the block-structured critical points of the two-block
   families p = (a, k - a) and the three-block families p = (a, 1, k - a - 1)
   (teacher I_k, n = d = k) that continuation in k reaches from the
   dataset's records (atlas.h; not a proof that there are no others), each
   certified on the reduced path. One family is one work item of a worker:
   it writes the family's certificates (DIR/certs/) and part file
   (DIR/families/); a part file whose header matches the run, and whose
   every certificate passes the checker, is kept (resume, shards). The
   assembly writes DIR/atlas.jsonl, DIR/atlas-summary.json and
   DIR/atlas-figure.tex from the part files. Progress: phase RC_ATLAS_PHASE,
   unit "families", a STEP per family; an ERROR for a family that failed
   and for a kept part file whose certificate failed the check. */
#define RC_ATLAS_PHASE "atlas"

typedef struct
{
    const char * dataset;   /* the records to start from and to check
                               completeness against (required) */
    const char * out_dir;   /* default "relucert-atlas" */
    slong k_min, k_max, k_max_three;   /* 6, 200, 100; k_max = 0 (or
                               k_max_three = 0) leaves out the two-block
                               (three-block) families */
    slong a_lo, a_hi;       /* only these families (1, WORD_MAX) */
    int jobs;               /* worker processes (1); the outputs do not
                               depend on it */
    slong shard_i, shard_n; /* only the families at positions i with
                               i mod shard_n = shard_i (0, 1) */
    int assemble;           /* 1 (default): assemble after the families;
                               0: only write this run's part files */
    slong prec;             /* precision of the certificates (128) */
    fmpq_t alpha;           /* split ratio of the cross-check (1/2) */
}
rc_atlas_params_struct;

typedef rc_atlas_params_struct rc_atlas_params_t[1];

void rc_atlas_params_init(rc_atlas_params_t par);
void rc_atlas_params_clear(rc_atlas_params_t par);

/* What an atlas run found (the counts of atlas-summary.json). */
typedef struct
{
    slong families;         /* in the range (assembled), or run (not) */
    int assembled;          /* the counts below are filled */
    slong points, minima, minima_new;   /* minima_new: not in the dataset */
    slong saddles;
    slong saddles_by_index[8];  /* [i]: Morse index i (1..6), [7]: 7 or
                                   more, [0]: the index undecided */
    slong critical;         /* proved critical, inertia undecided */
    slong undecided;        /* existence not proved */
    slong published_minima, found;  /* completeness: the dataset's non-global
                                       minima in the range, and found */
    slong missing_families; /* no current part file */
    slong no_start;         /* families without a starting point */
    slong track_ends;
    json_t * transitions;   /* the array of atlas-summary.json (saddle <->
                               minimum along a track); owned, NULL if not
                               assembled */
    double seconds;
    int jobs;
}
rc_atlas_summary_struct;

typedef rc_atlas_summary_struct rc_atlas_summary_t[1];

void rc_atlas_summary_init(rc_atlas_summary_t S);
void rc_atlas_summary_clear(rc_atlas_summary_t S);

/* Runs the atlas par into par->out_dir and fills S. Returns 0 when every
   family had a starting point, every point's existence is proved and every
   published non-global minimum in the range was found and certified (and,
   without assembly, when the families were run); 1 otherwise (S says what);
   2 with err filled for bad data (the dataset cannot be read or has a bad
   line), no family in the range, or an output that cannot be written. */
int rc_atlas_run(rc_atlas_summary_t S, const rc_atlas_params_t par, rc_progress_fn progress,
                 void * progress_ctx, rc_error_t err);

/* 0 when the atlas line (a point of atlas.jsonl or of a family part) says
   no more than the certificate cert proves: cert passes rc_cert_check; the
   line's status, Morse index, verdicts and success are the certificate's;
   its lambda_min and loss enclosures contain the certificate's (the loss's
   lower end may be clamped to 0); family and a agree with p; and the
   line's point (k, p, vals, exact as printed) is the certificate's recorded
   input. 1 with why filled otherwise. */
int rc_atlas_line_check(rc_error_t why, const json_t * line, const json_t * cert);

/* Reads an atlas.jsonl (one JSON object with "k" and "status" per line)
   into a new array (the caller's); NULL with err naming the file and line. */
json_t * rc_atlas_points_read(const char * path, rc_error_t err);

/* Writes the pgfplots figures of the atlas points (the (k, a) planes; F
   and lambda_min against k for a few families) as LaTeX: the figure
   environments (label fig:atlas), or with standalone a complete document
   for pdflatex whose page fits the figure. */
void rc_atlas_figure_write(FILE * out, const json_t * points, int standalone);

/* ---------------------------------------------------------------- census */

/* relucert census: the certified census of the one-block critical points
   (census.h, proofs/lemmas.md L16) or of the two-block ones (pattern
   (a, k - a), L16(f)) for every k in k_min..k_max, one certificate per
   work item (DIR/census-kKKKK.json for one block, DIR/census-kKKKK-aAAAA.json
   for two), each re-checked from the file (rc_check_file) by the worker
   that wrote it, and DIR/census-summary.json (a row per item: boxes,
   points by status, unresolved boxes and their share of the region's
   volume, seconds). The work items are the k
   (one block) or the pairs (k, a) in k order, a increasing (two blocks);
   shards and jobs split the items. */
typedef struct
{
    slong k_min, k_max;     /* 2 <= k_min <= k_max <= 10^6 (two blocks:
                               3 <= k_min, k_max <= 1000) */
    const char * out_dir;   /* created if missing ("relucert-census") */
    const char * pattern;   /* "one-block" or "two-block" */
    slong a;                /* two blocks: 0 (default) every a with
                               1 <= a <= k/2 (a and k - a are conjugate
                               patterns); else only this a (1 <= a < k) */
    slong max_nodes;        /* two blocks: the tree's node budget (0: the
                               default of rc_census_search_two_block) */
    slong zero_depth;       /* two blocks: depth from which a box near a
                               zero neuron is left unresolved (24) */
    slong prec;             /* 128 */
    slong max_depth;        /* 80: deeper boxes become unresolved leaves */
    int jobs;               /* worker processes (1); the certificates do
                               not depend on it */
    int check;              /* 1 (default): re-check every certificate */
    int resume;             /* 1 (default): keep a certificate already in
                               DIR that passes the check, has this
                               precision and is complete (two blocks:
                               complete or not; an interrupted run
                               resumes); 0: recompute every item */
    slong shard_i, shard_n; /* only the items at positions shard_i,
                               shard_i + shard_n, ... (0-based; for one
                               block the k with (k - k_min) mod shard_n =
                               shard_i) (0, 1); the summary of a shard is
                               DIR/census-summary-shardI-of-N.json, and a
                               final run without shards resumes them all
                               into DIR/census-summary.json */
}
rc_census_params_struct;

typedef rc_census_params_struct rc_census_params_t[1];

void rc_census_params_init(rc_census_params_t par);

/* What a census run found. */
typedef struct
{
    slong ks, complete, checked;    /* items (k, or (k, a)) run, complete,
                                       passing check */
    slong resumed;                  /* of them kept from an earlier run */
    slong boxes, points, minima, saddles, critical, unresolved;
    double unresolved_volume_max;   /* the largest share of an item's
                                       region left unresolved (its
                                       claims.unresolved_volume; 0 when
                                       every item is complete) */
    double seconds, search_seconds, check_seconds;  /* wall; summed over k */
    json_t * rows;          /* one object per k (owned; NULL before a run) */
}
rc_census_summary_struct;

typedef rc_census_summary_struct rc_census_summary_t[1];

void rc_census_summary_init(rc_census_summary_t S);
void rc_census_summary_clear(rc_census_summary_t S);

/* Runs the census par into par->out_dir; progress: phase "census", unit
   "k" (a STEP as each k finishes). Returns 0 when every k's census is
   complete (no unresolved box, every leaf proved) and its certificate
   passed the check; 1 otherwise (S says how many; a certificate that
   cannot be written is an ERROR report and counts as not checked); 2 with
   err filled for a bad parameter or a directory that cannot be created. */
int rc_census_run(rc_census_summary_t S, const rc_census_params_t par,
                  rc_progress_fn progress, void * progress_ctx, rc_error_t err);

/* ---------------------------------------------------------------- paper */

/* relucert paper: a compact certified version of every claim of Safran,
   Yehudai and Shamir (COLT 2021), written as certificates into a
   directory, re-verified by the checker and summarised. Its phases, in
   order (the progress callback's phase names; each BEGIN ... END): */
#define RC_PAPER_CONVEXITY "Thm 3"      /* 5 certificates: k = 2..6 */
#define RC_PAPER_LANDSCAPE "Thm 4, 7, 9" /* 3 certificates */
#define RC_PAPER_OPSC "Thm 10"          /* 4 (36 with full) certificates; a
                                           STEP after each, inside which
                                           "certify opsc" reports directions */
#define RC_PAPER_MINIMA "Sec. 4"        /* one certificate per dataset record
                                           with k <= 12 (100 with full) */
#define RC_PAPER_OVERPARAM "n = k + 1"  /* the over-parameterized minima of
                                           overparam_dataset with k <= 16 (all,
                                           k <= 20, with full), certified by
                                           rc_batch_run into DIR/overparam/ */
#define RC_PAPER_CHECK "check"          /* rc_check_files of them all; a
                                           FAILED file is an ERROR "PATH:
                                           FAILED: reason" */

typedef struct
{
    const char * dir;       /* where the certificates go (created if missing);
                               default "relucert-paper" */
    const char * dataset;   /* safran2021-minima.jsonl (the caller finds it);
                               default NULL: the Sec. 4 part fails */
    const char * overparam_dataset; /* overparam-s1.jsonl: the minima with
                               F > 0 of n = k + 1 that relucert overparam
                               --k-min 6 --k-max 20 --s 1 found; default NULL:
                               the file of that name next to dataset */
    int full;               /* the whole Appendix D.1 grid, k <= 100 */
    int jobs;               /* worker processes (default 1); the
                               certificates do not depend on it */
}
rc_paper_params_struct;

typedef rc_paper_params_struct rc_paper_params_t[1];

void rc_paper_params_init(rc_paper_params_t par);
void rc_paper_params_clear(rc_paper_params_t par);

/* One OPSC certificate of the Thm 10 phase. */
typedef struct
{
    slong k, m, samples;
    int adversarial;
    slong opsc;             /* OPSC proved (Gaussian) / OPSC(1/100) refuted
                               near 0 (adversarial), of samples */
    slong conj12;           /* Conjecture 12 proved, of samples */
    char * bound;           /* smallest lam_U (Gaussian) / c_U (adversarial)
                               as the certificate's exact string; NULL if
                               absent */
}
rc_paper_opsc_struct;

/* The outcome of relucert paper, filled as the phases finish (so that a
   progress callback can print a phase's summary at its END). Doubles are
   for display; the certificates hold the exact bounds. */
typedef struct
{
    double radius[5];       /* Thm 3: r for k = 2..6 */
    int thm4, thm7, thm9;   /* Thms 4, 7, 9: every claim proved */
    rc_paper_opsc_struct * opsc;   /* Thm 10: Gaussian, adversarial per cell */
    slong opsc_len;
    slong minima_kmax, minima_records, minima_certified, minima_nonglobal,
          minima_global;
    double minima_lambda;   /* smallest lambda_min lower bound of the
                               non-global minima */
    double minima_split;    /* largest split curvature upper bound */
    slong overparam_kmax, overparam_records, overparam_certified;
    double seconds[6];      /* per phase: Thm 3, Thms 4/7/9, Thm 10, Sec. 4,
                               check, and n = k + 1 (index 5, though it runs
                               before check) */
    char ** paths;          /* every certificate written */
    slong written;
    slong failures;         /* claims not proved, certificates not written or
                               not re-verified */
}
rc_paper_struct;

typedef rc_paper_struct rc_paper_t[1];

void rc_paper_init(rc_paper_t P);
void rc_paper_clear(rc_paper_t P);

/* Runs every phase with par, writing the certificates into par->dir (the
   same bytes whatever par->jobs) and filling P; progress (may be NULL)
   receives BEGIN/STEP/END of each phase and an ERROR for each failure.
   Returns 0 when every claim was proved and every certificate written and
   re-verified; 1 otherwise (P->failures > 0); 2 with err filled, before any
   work, if par->dir cannot be created. */
int rc_paper_run(rc_paper_t P, const rc_paper_params_t par, rc_progress_fn progress,
                 void * progress_ctx, rc_error_t err);

/* ---------------------------------------------------------------- latex */

/* What the appendix is made of. title: the section title (not copied);
   standalone: a whole document rather than a fragment to \input; digits
   (2..30): significant digits of printed bounds, each rounded outward so
   that it is still a true bound; atlas: an atlas.jsonl of rc_atlas_run, or
   NULL. */
typedef struct
{
    const char * title;
    int standalone;
    slong digits;
    const char * atlas;
}
rc_latex_params_struct;

typedef rc_latex_params_struct rc_latex_params_t[1];

/* The defaults: title "Certified claims (relucert)", a fragment, 6 digits,
   no atlas. Owns nothing (no clear). */
void rc_latex_params_init(rc_latex_params_t p);

/* Writes to out the LaTeX appendix of the certificate files paths[0..n-1]
   (and of par->atlas). Every file is re-verified by rc_cert_check first and
   every row is derived from its verdicts: the table of a kind states only
   what its rows' certificates prove; a minimum certificate that proves a
   critical point with a negative eigenvalue goes to a table of saddles; one
   that passes the checker but proves less than its kind's statement is
   listed with its verdicts under "Certificates that prove less". Every line
   of the atlas has its certificate re-verified and compared with the line.
   Each file left out or proving less, and an atlas line that disagrees, is
   reported to progress as an ERROR (one line of text naming the file).
   Returns 0 when everything given is printed as proved; 1 when something was
   left out, proves less, or the atlas disagrees (then nothing of the atlas is
   written); 2 with err filled (a file that is not JSON, an unreadable atlas),
   before any output. Not reentrant within one thread. */
int rc_latex_write(FILE * out, const char * const * paths, slong n,
                   const rc_latex_params_t par, rc_progress_fn progress, void * progress_ctx,
                   rc_error_t err);

#ifdef __cplusplus
}
#endif

#endif
