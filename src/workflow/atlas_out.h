/* relucert atlas (rc_atlas_run), private: the dataset's records as seeds
   and the assembly of the family part files into atlas.jsonl, its summary
   and the figure. */
#ifndef RELUCERT_ATLAS_OUT_H
#define RELUCERT_ATLAS_OUT_H

#include <stdio.h>
#include <jansson.h>
#include "relucert/relucert.h"
#include "relucert/workflow.h"

/* one published record of a two- or three-block family */
typedef struct
{
    slong k, index, m, p0;
    int spurious;
    int walk;                         /* not a record: a point of the walk
                                         beyond the data (atlas_run.c) */
    fmpq vals[RC_ATLAS_MAX_VALS];     /* exact */
    double vd[RC_ATLAS_MAX_VALS];
}
atlas_record_t;

/* Reads the dataset's records with p = (a, k - a) or (a, 1, k - a - 1).
   0, or 1 with err naming the file and line. */
int atlas_read_records(atlas_record_t ** recs, slong * n, const char * path, rc_error_t err);
void atlas_records_clear(atlas_record_t * recs, slong n);

typedef struct
{
    rc_atlas_family family;
    slong a;
    char path[4200];
    int current;           /* the part file is complete and of this run */
}
atlas_family_ref;

/* Assembles DIR/atlas.jsonl, DIR/atlas-summary.json and DIR/atlas-figure.tex
   from the part files and fills S (S->families = nfam, seconds, jobs).
   Returns 0 when the atlas is complete, 1 when not (S says what), 2 with
   err filled if an output cannot be written. */
int atlas_assemble(rc_atlas_summary_struct * S, const char * dir, const atlas_family_ref * fam,
                   slong nfam, const atlas_record_t * recs, slong nrec, slong kmin, slong kmax,
                   slong kmax3, slong alo, slong ahi, const char * dataset, double seconds,
                   int jobs, rc_error_t err);

#endif
