/* Reader of the plain-text point format. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/point.h"
#include "relucert/number.h"


typedef struct
{
    int present;
    int identity;
    slong rows, cols;      /* declared size */
    slong filled;          /* rows read so far */
    slong header_line;
    fmpq_mat_t M;
    slong * lines;
}
section_t;

static void
section_init(section_t * s)
{
    memset(s, 0, sizeof(*s));
    fmpq_mat_init(s->M, 0, 0);
}

static void
section_clear(section_t * s)
{
    fmpq_mat_clear(s->M);
    flint_free(s->lines);
}

static void
section_alloc(section_t * s, slong rows, slong cols, slong line)
{
    fmpq_mat_clear(s->M);
    fmpq_mat_init(s->M, rows, cols);
    s->lines = flint_calloc(FLINT_MAX(rows, 1), sizeof(slong));
    s->present = 1;
    s->rows = rows;
    s->cols = cols;
    s->filled = 0;
    s->header_line = line;
}

/* Splits line (modified in place) into at most max tokens; returns the count
   (which may exceed max: tokens past max are counted, not stored). */
static slong
tokenize(char ** tok, slong max, char * line)
{
    slong n = 0;
    char * p = line;
    while (*p)
    {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\v' || *p == '\f')
            p++;
        if (!*p)
            break;
        if (n < max)
            tok[n] = p;
        n++;
        while (*p && !(*p == ' ' || *p == '\t' || *p == '\r' || *p == '\v' || *p == '\f'))
            p++;
        if (*p)
            *p++ = '\0';
    }
    return n;
}

/* Positive integer token in [1, RC_POINT_MAX_DIM]; returns 0 if not one. */
static slong
parse_dim(const char * s)
{
    slong v = 0;
    const char * p = s;
    if (!*p)
        return 0;
    for (; *p; p++)
    {
        if (*p < '0' || *p > '9')
            return 0;
        v = 10 * v + (*p - '0');
        if (v > RC_POINT_MAX_DIM)
            return 0;
    }
    return v;
}

static const char * header_help =
    "'teacher K D', 'teacher identity K' or 'student N D'";

static int
read_header(section_t * teacher, section_t * student, char ** tok, slong nt,
            const char * name, slong line, rc_error_t err)
{
    section_t * s;
    int is_teacher = (strcmp(tok[0], "teacher") == 0);
    slong r, c;

    if (!is_teacher && strcmp(tok[0], "student") != 0)
        return rc_error_set(err, "%s:%ld: expected %s, found '%.40s'",
                            name, line, header_help, tok[0]);
    s = is_teacher ? teacher : student;
    if (s->present)
        return rc_error_set(err, "%s:%ld: expected one '%s' section, found a "
                            "second one (the first is at line %ld)", name, line,
                            tok[0], s->header_line);
    if (is_teacher && nt >= 2 && strcmp(tok[1], "identity") == 0)
    {
        if (nt != 3 || (r = parse_dim(tok[2])) == 0)
            return rc_error_set(err, "%s:%ld: expected 'teacher identity K' with "
                                "K a positive integer <= %d", name, line,
                                RC_POINT_MAX_DIM);
        if (r * r > RC_POINT_MAX_ENTRIES)   /* found by fuzz/fuzz_point */
            return rc_error_set(err, "%s:%ld: expected at most %d entries in the teacher "
                                "matrix, found identity %ld x %ld", name, line,
                                RC_POINT_MAX_ENTRIES, r, r);
        section_alloc(s, r, r, line);
        s->identity = 1;
        for (c = 0; c < r; c++)
        {
            fmpq_one(fmpq_mat_entry(s->M, c, c));
            s->lines[c] = line;
        }
        s->filled = r;
        return 0;
    }
    if (nt != 3 || (r = parse_dim(tok[1])) == 0 || (c = parse_dim(tok[2])) == 0)
        return rc_error_set(err, "%s:%ld: expected '%s %s' with positive integers "
                            "<= %d", name, line, tok[0],
                            is_teacher ? "K D" : "N D", RC_POINT_MAX_DIM);
    if (r * c > RC_POINT_MAX_ENTRIES)
        return rc_error_set(err, "%s:%ld: expected at most %d entries in the %s "
                            "matrix, found %ld x %ld", name, line,
                            RC_POINT_MAX_ENTRIES, tok[0], r, c);
    section_alloc(s, r, c, line);
    return 0;
}

static int
read_row(section_t * s, const char * what, char * text, const char * name,
         slong line, rc_error_t err)
{
    char ** tok = flint_malloc(sizeof(char *) * s->cols);
    slong nt, a;
    rc_error_t e2;
    int res = 0;

    nt = tokenize(tok, s->cols, text);
    if (nt != s->cols)
    {
        res = rc_error_set(err, "%s:%ld: expected %ld numbers in %s row %ld of "
                           "%ld (section at line %ld), found %ld", name, line,
                           s->cols, what, s->filled + 1, s->rows,
                           s->header_line, nt);
        goto out;
    }
    for (a = 0; a < nt; a++)
    {
        if (rc_number_parse_fmpq(fmpq_mat_entry(s->M, s->filled, a), tok[a], e2))
        {
            res = rc_error_set(err, "%s:%ld: %s row %ld, column %ld: %s", name,
                               line, what, s->filled + 1, a + 1, e2->msg);
            goto out;
        }
    }
    s->lines[s->filled] = line;
    s->filled++;
out:
    flint_free(tok);
    return res;
}

int
rc_point_read_string(rc_point_t pt, const char * text, const char * name,
                     rc_error_t err)
{
    section_t teacher, student, * cur = NULL;
    const char * p = text;
    slong line = 0, i;
    int res = 0, any = 0;

    section_init(&teacher);
    section_init(&student);

    while (*p)
    {
        const char * eol = strchr(p, '\n');
        size_t len = eol ? (size_t) (eol - p) : strlen(p);
        char * buf = flint_malloc(len + 1);
        char * hash;
        char * tok[4];
        slong nt;

        memcpy(buf, p, len);
        buf[len] = '\0';
        p = eol ? eol + 1 : p + len;
        line++;
        if ((hash = strchr(buf, '#')) != NULL)
            *hash = '\0';

        if (cur != NULL && cur->filled < cur->rows)
        {
            /* inside a section: blank lines skipped, else a row */
            char * q = buf;
            while (*q == ' ' || *q == '\t' || *q == '\r')
                q++;
            if (*q == '\0')
            {
                flint_free(buf);
                continue;
            }
            if (strncmp(q, "teacher", 7) == 0 || strncmp(q, "student", 7) == 0)
                res = rc_error_set(err, "%s:%ld: expected %ld more %s rows of %ld "
                                   "numbers (section at line %ld), found a new "
                                   "section", name, line, cur->rows - cur->filled,
                                   cur == &teacher ? "teacher" : "student",
                                   cur->cols, cur->header_line);
            else
                res = read_row(cur, cur == &teacher ? "teacher" : "student", buf,
                               name, line, err);
            flint_free(buf);
            if (res)
                goto done;
            continue;
        }

        nt = tokenize(tok, 4, buf);
        if (nt == 0)
        {
            flint_free(buf);
            continue;
        }
        any = 1;
        res = read_header(&teacher, &student, tok, nt, name, line, err);
        if (!res)
            cur = (strcmp(tok[0], "teacher") == 0) ? &teacher : &student;
        flint_free(buf);
        if (res)
            goto done;
    }

    if (!any)
    {
        res = rc_error_set(err, "%s:%ld: expected a 'teacher' and a 'student' "
                           "section, found an empty file", name, FLINT_MAX(line, 1));
        goto done;
    }
    if (cur != NULL && cur->filled < cur->rows)
    {
        res = rc_error_set(err, "%s:%ld: expected %ld more %s rows of %ld numbers "
                           "(section at line %ld), found the end of the file",
                           name, line, cur->rows - cur->filled,
                           cur == &teacher ? "teacher" : "student", cur->cols,
                           cur->header_line);
        goto done;
    }
    if (!teacher.present || !student.present)
    {
        res = rc_error_set(err, "%s:%ld: expected a '%s' section, found none",
                           name, line, teacher.present ? "student N D" :
                           "teacher K D' or 'teacher identity K");
        goto done;
    }
    if (teacher.cols != student.cols)
    {
        res = rc_error_set(err, "%s:%ld: expected the student dimension D to "
                           "equal the teacher's (%ld, line %ld), found %ld",
                           name, student.header_line, teacher.cols,
                           teacher.header_line, student.cols);
        goto done;
    }

    rc_point_set_dims(pt, student.rows, teacher.rows, teacher.cols);
    rc_point_set_source(pt, name);
    fmpq_mat_set(pt->W, student.M);
    fmpq_mat_set(pt->V, teacher.M);
    for (i = 0; i < student.rows; i++)
        pt->w_line[i] = student.lines[i];
    for (i = 0; i < teacher.rows; i++)
        pt->v_line[i] = teacher.lines[i];

done:
    if (res)
        rc_point_set_dims(pt, 0, 0, 0);
    section_clear(&teacher);
    section_clear(&student);
    return res;
}

int
rc_point_read_file(rc_point_t pt, const char * path, rc_error_t err)
{
    FILE * f = fopen(path, "rb");
    char * buf;
    size_t cap = 1 << 16, len = 0, got;
    int res;

    if (f == NULL)
        return rc_error_set(err, "%s: cannot open: %s", path, strerror(errno));
    buf = flint_malloc(cap + 1);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0)
    {
        len += got;
        if (len == cap)
        {
            cap *= 2;
            buf = flint_realloc(buf, cap + 1);
        }
    }
    if (ferror(f))
    {
        res = rc_error_set(err, "%s: cannot read: %s", path, strerror(errno));
        fclose(f);
        flint_free(buf);
        return res;
    }
    fclose(f);
    buf[len] = '\0';
    if (memchr(buf, '\0', len) != NULL)
    {
        flint_free(buf);
        return rc_error_set(err, "%s:1: expected a text point file, found binary "
                            "data (a NUL byte)", path);
    }
    res = rc_point_read_string(pt, buf, path, err);
    flint_free(buf);
    return res;
}
