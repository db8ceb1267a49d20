/* The relucert command's progress display: a line redrawn in place on a
   terminal, a line a minute in a log. */
#include <stdio.h>
#include <unistd.h>
#include "cli.h"

/* seconds between two progress lines in a log (--progress auto), and with
   --progress always when stderr is not a terminal */
#define LOG_INTERVAL 60.0
#define ALWAYS_INTERVAL 5.0

int cli_progress_mode = CLI_PROGRESS_AUTO;

void
cli_progress_init(cli_progress_t * s)
{
    s->tty = isatty(2);
    s->open = 0;
    s->last = rc_clock_now();
}

void
cli_progress(const rc_progress_t * p, void * ctx)
{
    cli_progress_t * s = ctx;
    int always = cli_progress_mode == CLI_PROGRESS_ALWAYS;

    if (cli_progress_mode == CLI_PROGRESS_NEVER && p->kind != RC_PROGRESS_ERROR)
        return;
    switch (p->kind)
    {
        case RC_PROGRESS_BEGIN:
            if (always && !s->tty)
            {
                fprintf(stderr, "%s: started (%ld %s)\n", p->phase, (long) p->total, p->text);
                s->last = rc_clock_now();
            }
            break;
        case RC_PROGRESS_STEP:
            if (s->tty)
            {
                fprintf(stderr, "\r%s: %ld/%ld %s", p->phase, (long) p->done, (long) p->total,
                        p->text);
                s->open = 1;
            }
            else if (rc_clock_now() - s->last >= (always ? ALWAYS_INTERVAL : LOG_INTERVAL))
            {
                fprintf(stderr, "%s: %ld/%ld %s (%.0f s)\n", p->phase, (long) p->done,
                        (long) p->total, p->text, p->seconds);
                s->last = rc_clock_now();
            }
            break;
        case RC_PROGRESS_END:
            if (s->open)
                fputc('\n', stderr);
            else if (always)
                fprintf(stderr, "%s: %ld/%ld %s, done (%.0f s)\n", p->phase, (long) p->done,
                        (long) p->total, p->text, p->seconds);
            s->open = 0;
            break;
        case RC_PROGRESS_NOTE:
            if (s->open)
                fputc('\n', stderr);
            s->open = 0;
            fprintf(stderr, "%s: %s\n", p->phase, p->text);
            break;
        case RC_PROGRESS_ERROR:
            if (s->open)
                fputc('\n', stderr);
            s->open = 0;
            fprintf(stderr, "relucert: %s\n", p->text);
            break;
    }
}
