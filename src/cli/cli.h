/* Shared pieces of the relucert command. Exit statuses (docs/relucert.1):
   0 success / every requested claim proved, 1 a claim refuted or undecided,
   2 bad input or usage. */
#ifndef RELUCERT_CLI_H
#define RELUCERT_CLI_H

#include <jansson.h>
#include "relucert/relucert.h"

#define RC_EXIT_OK 0
#define RC_EXIT_UNPROVED 1
#define RC_EXIT_BADINPUT 2

/* Prints "relucert: MSG" on one line to stderr and returns RC_EXIT_BADINPUT. */
int cli_fail(const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Parses an option value; on failure prints a one-line error naming the
   option and returns nonzero. */
int cli_parse_slong(slong * v, const char * opt, const char * s, slong lo, slong hi);
int cli_parse_fmpq(fmpq_t v, const char * opt, const char * s);

/* {"lo": "...", "hi": "..."} with lo rounded down and hi rounded up. */
json_t * cli_json_enclosure(const arb_t x, slong prec);

/* Array of rows of enclosures. */
json_t * cli_json_enclosure_mat(const arb_mat_t A, slong prec);

/* buf = the exact number in the JSON string v, rounded outward (down if
   lower, else up) to 6 significant digits; "-" if v is not a string. For
   display; the rounding keeps a printed bound a true bound. */
void cli_short_bound(char * buf, size_t len, const json_t * v, int lower);

/* Prints root to stdout (indented) followed by a newline. */
void cli_json_print(json_t * root);

int cmd_eval(int argc, char ** argv);
int cmd_certify(int argc, char ** argv);
int cmd_certify_landscape(const char * kind, int argc, char ** argv);
int cmd_check(int argc, char ** argv);
int cmd_search(int argc, char ** argv);
int cmd_paper(int argc, char ** argv);
int cmd_latex(int argc, char ** argv);

/* Checks one certificate file, printing "FILE: ok" (unless quiet) or
   "FILE: FAILED: reason"; returns the exit status for it. */
int cli_check_file(const char * path, int quiet);

#endif
