/* relucert: a C API with plain C types, for other languages (the Python
   package in python/ binds it with ctypes). Library: librelucert-api
   (pkg-config relucert, -lrelucert-api -lrelucert).

   Every function takes a request as JSON text (UTF-8, NUL-terminated) and
   returns a newly allocated JSON object as text, to be released with
   rc_api_free. The answer is {"ok": true, ...} with the result, or
   {"ok": false, "error": "LINE", "status": 2} where LINE is the one-line
   message the relucert command would print for the same input. Never NULL
   except when memory runs out.

   Numbers in requests are exact: strings holding decimals ("0.25",
   "-1e-3") or rationals ("p/q"), read exactly; a binary double x is sent
   exactly as its ratio (Python: "%d/%d" % x.as_integer_ratio()). Matrices
   are arrays of rows. Numbers in answers are exact decimal strings;
   enclosures are {"lo": ..., "hi": ...} rounded outward, as the command
   prints them.

   Not thread-safe: call from one thread at a time (the resource limits of
   limits.h are process-wide). */
#ifndef RELUCERT_API_H
#define RELUCERT_API_H

#ifdef __cplusplus
extern "C" {
#endif

/* Progress of the calls below (process-wide; NULL: none): kind is
   rc_progress_kind_t of workflow.h (0 BEGIN, 1 STEP, 2 END, 3 NOTE, 4
   ERROR) and the other arguments are rc_progress_t's fields (valid during
   the call only); ctx is the caller's. */
typedef void (*rc_api_progress_fn)(int kind, const char * phase, long done, long total,
                                   const char * text, double seconds, void * ctx);
void rc_api_set_progress(rc_api_progress_fn fn, void * ctx);

/* Points. W (and V) is a matrix of exact numbers, or {"npy": the bytes of
   a .npy file in base64}, read as the command reads that file (float64 or
   float32, every value exactly), so that a bad array gets the command's
   message for the same file; "W_name" and "V_name" (default "W", "V") are
   the names those messages give. */

/* relucert eval. Request: {"W": matrix (n x d), "V": matrix (k x d) or
   "identity" (V = I_d), "prec": bits (default 256), "box_radius": number
   (optional), "hessian": true|false (default false)}. Answer: "result", the
   object relucert eval prints (docs/relucert.1). */
char * rc_api_eval(const char * request);

/* relucert certify minimum. Request: W, V as for rc_api_eval, "prec"
   (default 256), "alpha" (default "1/2"), "path": "auto"|"reduced"|"dense",
   "arith": "auto"|"arb"|"binary64", "symmetrize": tolerance (optional,
   --symmetrize), "source" (the certificate's "source",
   default "api"), "out" (optional: the certificate is also written to this
   file, byte for byte as the command writes it). Answer: "certificate"
   (the object), "success" (every claim proved, or proved global), "path"
   (the line naming the path taken and why). A point the certifier cannot
   use is an error (status 2); claims not proved are success = false. */
char * rc_api_certify_minimum(const char * request);

/* relucert check, on one certificate given as JSON text. Answer: "valid":
   true, or "valid": false and "reason" (the text after "FAILED: "). */
char * rc_api_check(const char * certificate);

/* relucert check FILE (rc_check_file): "valid" and "reason" as above (for
   broken JSON "PATH:LINE: expected a JSON certificate: ..."); a file that
   cannot be read is an error, "PATH: cannot open: ..." (status 2). */
char * rc_api_check_file(const char * path);

/* One record of the published dataset, rebuilt exactly. Request:
   {"dataset": file (JSON Lines), "k": K, "index": I}, or {"record": the
   record's JSON line, "dataset": its file and "line": its line number (for
   messages)}. Answer: "W" and "V" as matrices of exact numbers (strings),
   and (by k and index) "k" and "index". */
char * rc_api_dataset_record(const char * request);

/* relucert certify minimum --dataset (rc_batch_run). Request: "dataset"
   (file), "out_dir", "k", "k_max", "index" (the selection), "jobs", "prec",
   "alpha", "path", "symmetrize", "max_move". Answer: "rows" (per record:
   k, index, kind, status (the command's table word), certified, seconds,
   certificate (file name in out_dir), message), "certified", "failed",
   "kept", "jobs", "seconds". Progress: phase "certify", unit "records". */
char * rc_api_certify_dataset(const char * request);

/* relucert paper (rc_paper_run). Request: "dir", "dataset", "full",
   "jobs". Answer: "success" (every claim proved and re-verified),
   "failures", "certificates" (the files written). */
char * rc_api_paper(const char * request);

/* relucert latex (rc_latex_write). Request: "certificates" (files), "out"
   (the .tex file), "title", "standalone", "digits", "atlas". Answer:
   "complete": true when everything given is printed as proved; the files
   left out are reported to progress as ERRORs. */
char * rc_api_latex(const char * request);

/* relucert atlas (rc_atlas_run). Request: "dataset" (required), "out_dir",
   "k_min", "k_max", "k_max_three", "a_lo", "a_hi", "prec", "alpha", "jobs".
   Answer: "complete" (every family started, every point's existence proved,
   every published minimum in the range found), and the counts of
   atlas-summary.json: "families", "points", "minima", "minima_new",
   "saddles", "saddles_by_index" ([0]: index undecided, [i]: i, [7]: >= 7),
   "critical", "undecided", "published_minima", "found",
   "missing_families", "no_start", "seconds". Progress: phase "atlas",
   unit "families". */
char * rc_api_atlas(const char * request);

/* The summary relucert prints for a certificate of kind minimum,
   convexity, nonconvex, opsc-fails, pl-fails or opsc (given as JSON text),
   derived from its verdicts and bounds alone (rc_mincert_summary_write,
   rc_landscape_summary_write). Answer: "summary" (lines ending in
   newlines). Another kind is an error. */
char * rc_api_summary(const char * certificate);

/* relucert certify convexity | nonconvex | opsc-fails | pl-fails | opsc
   (rc_convexity_run, rc_nonconvex_run, rc_fails_run, rc_opsc_run).
   Request: "kind" (one of the five), "k", and by kind: convexity "V" (a
   matrix, default I_k), "mu", "norm" ("euclid"|"neuron"|"box"), "boxes",
   "prec"; nonconvex "n", "d", "alpha", "eps" (and convexity's for n = k);
   opsc-fails and pl-fails "d", "alpha", "eps", "lambda" (lists: arrays of
   exact numbers); opsc "m", "samples", "seed", "adversarial", "sigma2",
   "radius", "lambda" (exact numbers), "arith" ("binary64"|"arb"), "prec",
   "jobs". "out" (optional): the certificate is also written there, byte
   for byte as the command writes it. Answer: "success" (every claim
   proved: the command's exit status 0), "summary" (the command's summary
   text), "certificate". Bad parameters are errors with the command's
   message. */
char * rc_api_certify_landscape(const char * request);

/* relucert search (rc_search_run; NOT a proof). Request: "k" (teacher I_k)
   or "V" (a matrix), "n" (default k), "runs", "seed", "method"
   ("auto"|"gd"|"lbfgs"), "max_iter", "jobs". Answer: "k", "n", "runs", the
   counts "global_runs", "global_points", "spurious_runs",
   "spurious_points", "saddle_runs", "zero_loss_runs", "unconverged_runs",
   "lost", "records" (the dataset-format records, global minima first,
   then by F) and "summary" (the line the command prints). Progress: phase "search", unit "runs". */
char * rc_api_search(const char * request);

/* relucert overparam (rc_overparam_run). Request: "k_min", "k_max", "s"
   (an integer or a list of up to 8), "runs", "seed", "jobs", "prec",
   "out_dir". Answer: "complete" (every minimum found certified) and
   "rows", one per case (k, s, runs, zero_loss_runs, spurious_runs,
   spurious_points, saddle_runs, unconverged_runs, certified,
   not_certified, seconds). */
char * rc_api_overparam(const char * request);

/* relucert census (rc_census_run). Request: "k_min", "k_max" (default
   k_min), "pattern" ("one-block" or "two-block"), "a", "max_nodes",
   "zero_depth" (two blocks), "prec", "max_depth", "jobs", "check" and "resume"
   (booleans, default true), "shard_i" (0-based) and "shard_n", "out_dir".
   Answer: "complete" (every census complete and checked: the command's
   exit status 0), the totals "ks", "complete_ks", "checked", "resumed",
   "boxes", "points", "minima", "saddles", "critical", "unresolved",
   "unresolved_volume_max" (the largest share of an item's region left
   unresolved), "seconds", and "rows" (one per k, as in
   DIR/census-summary.json, each with "unresolved_volume", the
   certificate's claim).
   Progress: phase "census", unit "k". */
char * rc_api_census(const char * request);

/* {"ok": true, "relucert": version, "flint": ..., "arb": ..., "mpfr": ...,
   "gmp": ...} */
char * rc_api_version(void);

/* Releases an answer (NULL is ignored). */
void rc_api_free(char * answer);

#ifdef __cplusplus
}
#endif

#endif
