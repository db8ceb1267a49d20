/* relucert: pieces shared by every certificate kind (docs/certificate-format.md):
   the versioned header, exact numbers as JSON strings, enclosures as
   {"lo", "hi"} rounded outward, and reading them back with errors that name
   the field. */
#ifndef RELUCERT_CERT_JSON_H
#define RELUCERT_CERT_JSON_H

#include <stdint.h>
#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/error.h"
#include "relucert/critical.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RC_CERT_FORMAT "relucert-certificate/1"

/* A new object {"format": RC_CERT_FORMAT, "kind": kind, "producer": {versions
   of relucert, FLINT, Arb, MPFR, GMP}}. */
json_t * rc_cert_json_header(const char * kind);

/* Checks "format" and returns the "kind" string (owned by obj), or NULL with
   err filled ("expected format relucert-certificate/1, found ..."). */
const char * rc_cert_json_kind(const json_t * obj, rc_error_t err);

/* The exact value of x as a JSON string (rc_number_get_str). */
json_t * rc_json_fmpq(const fmpq_t x);

/* Rows of exact strings. */
json_t * rc_json_fmpq_mat(const fmpq_mat_t A);

/* {"lo": ..., "hi": ...} with lo <= every value of x <= hi (outward decimal
   rounding); JSON null if x is not finite. */
json_t * rc_json_enclosure(const arb_t x, slong prec);

/* Field access with messages naming the field path what (e.g.
   "box.centre[2][3]"). Each returns 0 on success, 1 with err filled. */
int rc_json_get_fmpq(fmpq_t x, const json_t * v, const char * what, rc_error_t err);
/* Integers are read strictly (docs/certificate-format.md): a count or
   index is a JSON integer (not a real such as 1.0 or 1e0, not a string) in
   [lo, hi]; jansson rejects leading zeros and integers beyond 64 bits when
   it parses the text. */
int rc_json_get_slong(slong * x, const json_t * v, slong lo, slong hi,
                      const char * what, rc_error_t err);
/* 1 if v is a JSON integer equal to x, 0 otherwise (also for 1.0 or "1"). */
int rc_json_is_slong(const json_t * v, slong x);
/* A 64-bit unsigned integer carried as a JSON string (beyond the 53 bits a
   JSON reader may keep exactly): canonical decimal only, that is digits
   0-9, no sign, no spaces, no leading zero except in "0" itself, at most
   2^64 - 1. " 1", "+1", "01", "1.0" and "18446744073709551616" are
   rejected, as is "-18446744073709551615" (which strtoull wraps to 1). */
int rc_json_get_u64_str(uint64_t * x, const json_t * v, const char * what, rc_error_t err);
/* A matrix of exact strings of exactly r x c entries (r, c >= 0 given). */
int rc_json_get_fmpq_mat(fmpq_mat_t A, const json_t * v, slong r, slong c,
                         const char * what, rc_error_t err);
/* obj[key] or NULL with err = "what.key: expected ... (missing)". */
const json_t * rc_json_field(const json_t * obj, const char * key,
                             const char * what, rc_error_t err);

/* 1 if the claimed enclosure v ({"lo", "hi"} exact strings) contains the
   ball x entirely; 0 if it does not or v is malformed or null. */
int rc_json_enclosure_contains(const json_t * v, const arb_t x);

/* {"verdict": "proved" | "refuted" | "undecided"}, to which a claim adds its
   fields. */
json_t * rc_json_claim(rc_verdict_t v);

/* An array of the exact values of v[0..n-1] (rc_json_fmpq each). */
json_t * rc_json_fmpq_vec(const fmpq * v, slong n);

/* For checkers: 0 when o is a claim whose verdict is v; 1 with why naming
   what ("claims.non_global: the certificate says proved, recomputation
   gives undecided", or a malformed verdict) otherwise. */
int rc_json_check_verdict(const json_t * o, const char * what, rc_verdict_t v, rc_error_t why);

/* For checkers: 0 when the claimed enclosure v contains the recomputed x
   (JSON null is accepted only when x is not finite); 1 with why naming what
   otherwise. */
int rc_json_check_encloses(const json_t * v, const arb_t x, const char * what, rc_error_t why);

/* The witness field claim.field of a verdict (an index such as a gradient
   coordinate): present, an integer equal to value, when present is 1;
   absent when present is 0. Returns 0; 1 with why naming claim_name.field
   otherwise. */
int rc_json_check_witness(const json_t * claim, const char * claim_name, const char * field,
                          int present, slong value, rc_error_t why);

/* Re-verifies a certificate of any kind from its own contents: 0 when
   every claim is confirmed, 1 with why filled otherwise (unknown format or
   kind included). */
int rc_cert_check(rc_error_t why, const json_t * root);

/* For spreading one check over processes: the number of independent parts
   of the certificate's check (the directions of an "opsc" certificate; 1
   for the other kinds), and the check of part (0 <= part < nparts, any
   nparts >= 1): the certificate passes when every part returns 0. */
slong rc_cert_check_parts(const json_t * root);
int rc_cert_check_part(rc_error_t why, const json_t * root, slong part, slong nparts);

#ifdef __cplusplus
}
#endif

#endif
