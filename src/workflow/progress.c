/* Progress reports of the workflows (rc_progress_t). */
#include "relucert/workflow.h"

void
rc_progress_report(rc_progress_fn fn, void * ctx, rc_progress_kind_t kind,
                   const char * phase, slong done, slong total, const char * text,
                   double seconds)
{
    rc_progress_t p;

    if (fn == NULL)
        return;
    p.kind = kind;
    p.phase = phase;
    p.done = done;
    p.total = total;
    p.text = text != NULL ? text : "";
    p.seconds = seconds;
    fn(&p, ctx);
}
