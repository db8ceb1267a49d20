/* The workflows' worker pool: independent work items spread over forked
   processes, results streamed back as text lines. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "relucert/workflow.h"

int
rc_workers_run(int jobs, slong n, int largest_first,
               void (*work)(FILE * out, slong i, void * ctx),
               void (*line)(char * text, void * ctx), void * ctx, rc_error_t err)
{
    struct pollfd * fds;
    FILE ** in;
    int w, started = 0, open_fds, res = 0;
    slong i;
    char * buf = NULL;
    size_t cap = 0;

    rc_error_init(err);
    jobs = (int) FLINT_MAX(1, FLINT_MIN(jobs, n));
    fds = flint_calloc(jobs, sizeof(struct pollfd));
    in = flint_calloc(jobs, sizeof(FILE *));
    fflush(stdout);
    fflush(stderr);
    for (w = 0; w < jobs; w++)
    {
        int fd[2];
        pid_t pid;
        if (pipe(fd) != 0 || (pid = fork()) < 0)
        {
            res = rc_error_set(err, "cannot start a worker: %s", strerror(errno));
            break;
        }
        if (pid == 0)
        {
            /* the child: its share of the items, one pipe of its own (so
               lines of any length never interleave); then it releases the
               parent's bookkeeping it inherited */
            FILE * out;
            int v;
            close(fd[0]);
            out = fdopen(fd[1], "w");
            for (i = largest_first ? n - 1 - w : w; i >= 0 && i < n;
                 i += largest_first ? -jobs : jobs)
            {
                work(out, i, ctx);
                fflush(out);
            }
            fclose(out);
            for (v = 0; v < w; v++)
                fclose(in[v]);
            flint_free(in);
            flint_free(fds);
            flint_cleanup();
            _exit(0);
        }
        close(fd[1]);
        fds[w].fd = fd[0];
        fds[w].events = POLLIN;
        in[w] = fdopen(fd[0], "r");
        started++;
    }
    open_fds = started;
    while (open_fds > 0)
    {
        if (poll(fds, started, -1) < 0)
        {
            if (errno == EINTR)
                continue;
            break;
        }
        for (w = 0; w < started; w++)
        {
            if (fds[w].fd < 0 || !(fds[w].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            if (getline(&buf, &cap, in[w]) > 0)
                line(buf, ctx);
            else
            {
                fclose(in[w]);
                fds[w].fd = -1;
                open_fds--;
            }
        }
    }
    while (wait(NULL) > 0)
        ;
    free(buf);
    flint_free(fds);
    flint_free(in);
    return res;
}
