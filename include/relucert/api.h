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

/* relucert eval. Request: {"W": matrix (n x d), "V": matrix (k x d) or
   "identity" (V = I_d), "prec": bits (default 256), "box_radius": number
   (optional), "hessian": true|false (default false)}. Answer: "result", the
   object relucert eval prints (docs/relucert.1). */
char * rc_api_eval(const char * request);

/* relucert certify minimum. Request: W, V as for rc_api_eval, "prec"
   (default 256), "alpha" (default "1/2"), "path": "auto"|"reduced"|"dense",
   "arith": "auto"|"arb"|"binary64", "source" (the certificate's "source",
   default "api"), "out" (optional: the certificate is also written to this
   file, byte for byte as the command writes it). Answer: "certificate"
   (the object), "success" (every claim proved, or proved global), "path"
   (the line naming the path taken and why). A point the certifier cannot
   use is an error (status 2); claims not proved are success = false. */
char * rc_api_certify_minimum(const char * request);

/* relucert check, on one certificate given as JSON text. Answer: "valid":
   true, or "valid": false and "reason" (the text after "FAILED: "). */
char * rc_api_check(const char * certificate);

/* One record of the published dataset, rebuilt exactly. Request:
   {"dataset": file (JSON Lines), "k": K, "index": I}. Answer: "W" and "V"
   as matrices of exact numbers (strings), "k" and "index". */
char * rc_api_dataset_record(const char * request);

/* {"ok": true, "relucert": version, "flint": ..., "arb": ..., "mpfr": ...,
   "gmp": ...} */
char * rc_api_version(void);

/* Releases an answer (NULL is ignored). */
void rc_api_free(char * answer);

#ifdef __cplusplus
}
#endif

#endif
