/* The counts of a search as the relucert command prints them (on stderr,
   the records going to stdout), for the command, the C API and Python. */
#include "relucert/relucert.h"
#include "relucert/workflow.h"

void
rc_search_summary_write(FILE * f, const rc_search_t S)
{
    if (S->n < S->k)
    {
        /* fewer neurons than the teacher: F > 0 everywhere may hold, so a
           minimum with F > 0 is not known to be non-global */
        fprintf(f, "search k = %ld, n = %ld: %ld runs: %ld reached a minimum with F > 0 "
                "(%ld distinct; with n < k that does not make it non-global), %ld a saddle, "
                "%ld did not converge\n", (long) S->k, (long) S->n, (long) S->runs,
                (long) S->spurious_runs, (long) S->spurious_points, (long) S->saddle_runs,
                (long) S->unconverged_runs + S->lost);
        return;
    }
    if (S->n > S->k)
    {
        /* more neurons than the teacher: the global minima are the points
           with F = 0, a set, so zero-loss runs are counted, not refined */
        fprintf(f, "search k = %ld, n = %ld: %ld runs (floating point): %ld reached "
                "F <= 1e-11 (zero loss: global minima, not isolated for n > k, so not "
                "refined nor written), %ld a minimum with F > 0 (%ld distinct), %ld a "
                "saddle, %ld did not converge\n", (long) S->k, (long) S->n, (long) S->runs,
                (long) S->zero_loss_runs, (long) S->spurious_runs, (long) S->spurious_points,
                (long) S->saddle_runs, (long) S->unconverged_runs + S->lost);
        return;
    }
    fprintf(f, "search k = %ld, n = %ld: %ld runs: %ld reached a global minimum "
            "(%ld point%s), %ld a non-global minimum (%ld distinct), %ld a saddle, "
            "%ld did not converge\n", (long) S->k, (long) S->n, (long) S->runs,
            (long) S->global_runs, (long) S->global_points, S->global_points == 1 ? "" : "s",
            (long) S->spurious_runs, (long) S->spurious_points, (long) S->saddle_runs,
            (long) S->unconverged_runs + S->lost);
}
