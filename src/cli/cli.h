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

/* The point of a POINT_FILE argument: a text point file, or a NumPy student
   (FILE.npy, FILE.npz) with teacher = FILE.npy, "identity" or NULL (the
   archive's V); --teacher with a text point file is an error (the file
   holds its teacher). 0, or 1 with err filled. */
int cli_read_point(rc_point_t pt, const char * file, const char * teacher, rc_error_t err);

/* Parses --shard I/N (1 <= I <= N <= 10^6) into *i (0-based) and *n; on
   failure one line on stderr and nonzero. Item r of a batch (its position
   in the batch's fixed order) belongs to shard r mod N. */
int cli_parse_shard(slong * i, slong * n, const char * s);

/* rc_workers_run, its error (a worker that could not be started) printed
   as the command's one line on stderr; returns its return. */
int cli_workers(int jobs, slong n, int largest_first,
                void (*work)(FILE * out, slong i, void * ctx),
                void (*line)(char * text, void * ctx), void * ctx);

/* Writes a certificate as indented JSON and a newline: to path through a
   temporary file and rename (rc_cert_write_file), or to stdout when path is
   NULL. Returns 0, or 1 if the file cannot be written. */
int cli_write_cert(const char * path, json_t * root);

/* The command's progress display (an rc_progress_fn; ctx a cli_progress_t):
   on a terminal a line "PHASE: DONE/TOTAL UNIT" redrawn in place and ended
   when the phase ends; otherwise (a log) such a line at most once a minute.
   Notes are printed as "PHASE: TEXT" lines, errors as "relucert: TEXT". */
typedef struct
{
    int tty;            /* stderr is a terminal */
    int open;           /* a redrawn line is on the terminal */
    double last;        /* when the last log line was printed */
}
cli_progress_t;

/* --progress (a global option, main.c): auto (a redrawn line on a terminal,
   a line a minute otherwise), always (also when stderr is not a terminal:
   a line when a phase starts, every 5 s and when it ends), never (no
   progress and no notes; errors are still printed). */
#define CLI_PROGRESS_AUTO 0
#define CLI_PROGRESS_ALWAYS 1
#define CLI_PROGRESS_NEVER 2
extern int cli_progress_mode;

void cli_progress_init(cli_progress_t * s);
void cli_progress(const rc_progress_t * p, void * ctx);

/* Clears and frees v[0..len-1] (a list of rationals the command parsed,
   or rc_powers_of_ten's). */
void cli_fmpq_list_clear(fmpq * v, slong len);

/* Prints root to stdout (indented) followed by a newline. */
void cli_json_print(json_t * root);

int cmd_eval(int argc, char ** argv);
int cmd_certify(int argc, char ** argv);
int cmd_certify_landscape(const char * kind, int argc, char ** argv);
int cmd_check(int argc, char ** argv);
int cmd_search(int argc, char ** argv);
int cmd_overparam(int argc, char ** argv);
int cmd_paper(int argc, char ** argv);
int cmd_latex(int argc, char ** argv);
int cmd_atlas(int argc, char ** argv);
int cmd_census(int argc, char ** argv);

/* Where the data live: the installed copy and the source tree's data/
   (both set by configure through the Makefile). */
#ifndef RC_PKGDATADIR
#define RC_PKGDATADIR "/usr/local/share/relucert"
#endif
#ifndef RC_SRCDATADIR
#define RC_SRCDATADIR "data"
#endif

/* The published dataset when no --dataset is given: the first readable of
   ./data/safran2021-minima.jsonl, data/ next to the running executable (or
   its libtool wrapper's directory), RC_SRCDATADIR and RC_PKGDATADIR, written
   to buf; NULL if none is readable. */
const char * cli_default_dataset(char * buf, size_t len);

/* Parses --arith's argument (auto, arb, binary64) into *arith
   (RC_MIN_ARITH_*); 0, or 1 after printing the error. */
int cli_parse_arith(int * arith, const char * arg);

/* Checks one certificate file, printing "FILE: ok" (unless quiet) or
   "FILE: FAILED: reason"; returns the exit status for it. */
int cli_check_file(const char * path, int quiet);

/* cli_check_file for n files over jobs worker processes (whole files, and
   the directions of opsc certificates in up to jobs parts each), the lines
   printed in the order given. Returns the largest exit status. */
int cli_check_files(const char * const * paths, slong n, int jobs, int quiet);

#endif
