/* relucert: a point of the teacher-student problem, held exactly.
   W (n x d, rows are the student neurons w_i) and V (k x d, rows are the
   teacher neurons v_j) are exact rationals; rc_point_get_arb turns them into
   balls at a working precision, optionally widened into a box. */
#ifndef RELUCERT_POINT_H
#define RELUCERT_POINT_H

#include <stddef.h>
#include "relucert/flint_arb.h"
#include "relucert/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    slong n, d, k;       /* student neurons, input dimension, teacher neurons */
    fmpq_mat_t W;        /* n x d */
    fmpq_mat_t V;        /* k x d */
    slong * w_line;      /* w_line[i]: source line of student row i (0: none) */
    slong * v_line;      /* v_line[j]: source line of teacher row j (0: none) */
    char * source;       /* file name used in messages ("<string>" if none) */
}
rc_point_struct;

typedef rc_point_struct rc_point_t[1];

/* Limits that keep a malformed header from allocating without bound. */
#define RC_POINT_MAX_DIM 1000000
#define RC_POINT_MAX_ENTRIES 100000000

void rc_point_init(rc_point_t pt);
void rc_point_clear(rc_point_t pt);

/* Resizes to n x d student and k x d teacher, all entries 0. */
void rc_point_set_dims(rc_point_t pt, slong n, slong k, slong d);

/* Sets the file name used in messages (copied). */
void rc_point_set_source(rc_point_t pt, const char * source);

/* Sets the point to the student W (n x d) and teacher V (k x d), with no
   line numbers and source name source. Returns 0; 1 with err filled (the
   message starts with vname, which names the teacher in it) when V has
   not d columns or more than RC_POINT_MAX_ENTRIES entries (pt unchanged). */
int rc_point_set_mats(rc_point_t pt, const fmpq_mat_t W, const fmpq_mat_t V,
                      const char * vname, const char * source, rc_error_t err);

/* Sets V = I_k (so d = k) and W to n x k zeros. */
void rc_point_set_identity_teacher(rc_point_t pt, slong n, slong k);

/* Sets the n x d ball matrix Wb and k x d ball matrix Vb (initialised by the
   caller with those sizes) to balls containing the exact W and V at precision
   prec; if radius is not NULL, every student coordinate is widened by
   +-radius, so Wb contains the box of that radius around W. */
void rc_point_get_arb(arb_mat_t Wb, arb_mat_t Vb, const rc_point_t pt,
                      const fmpq_t radius, slong prec);

/* Reads the plain-text point format (docs/guide.md, "The point file"):
       teacher K D  | teacher identity K     followed by K rows of D numbers
       student N D                           followed by N rows of D numbers
   '#' starts a comment; blank lines are ignored; numbers are read exactly.
   Returns 0 on success; nonzero with err = "FILE:LINE: expected ..." on
   malformed input (pt is then left empty). */
int rc_point_read_file(rc_point_t pt, const char * path, rc_error_t err);

/* Same as rc_point_read_file on the text of a file; name is used in messages. */
int rc_point_read_string(rc_point_t pt, const char * text, const char * name,
                         rc_error_t err);

/* Rebuilds the point of one record (one JSON line) of the published dataset
   (layout in proofs/model.md section 3): V = I_k, W = M^T from vals and p.
   name and line are used in messages. Returns 0 on success, nonzero with err filled. */
int rc_point_set_dataset_record(rc_point_t pt, const char * json_line,
                                const char * name, slong line, rc_error_t err);

/* Scans the JSON Lines file path for the record with the given k and index
   and rebuilds it as above. Returns 0 on success; nonzero with err filled
   (unreadable file, bad JSON on some line, no such record). */
int rc_point_read_dataset(rc_point_t pt, const char * path, slong k,
                          slong index, rc_error_t err);

/* NumPy input (src/exact/point_npy.c). rc_npy_read reads a two-dimensional .npy
   array of dtype float64 or float32, either byte order, C or Fortran order,
   into A (resized), every value exactly; rc_npy_read_buffer does the same on
   the bytes of a file (name for messages). NaN, infinities, other dtypes,
   other shapes, truncated or trailing data: nonzero with err =
   "FILE: expected ..., found ...". */
int rc_npy_read(fmpq_mat_t A, const char * path, rc_error_t err);
int rc_npy_read_buffer(fmpq_mat_t A, const unsigned char * buf, size_t len,
                       const char * name, rc_error_t err);

/* Reads the .npz archive path (np.savez or np.savez_compressed): the
   student from member W (required) and, when present, the teacher from
   member V (*have_V = 1). Returns 0, or nonzero with err filled. */
int rc_npz_read(fmpq_mat_t W, fmpq_mat_t V, int * have_V, const char * path,
                rc_error_t err);
int rc_npz_read_buffer(fmpq_mat_t W, fmpq_mat_t V, int * have_V, const unsigned char * z,
                       size_t len, const char * path, rc_error_t err);

/* 1 if path names a NumPy file (ends in .npy or .npz), else 0. */
int rc_point_is_numpy_path(const char * path);

/* The point of a NumPy student (student: FILE.npy, or FILE.npz holding W
   and optionally V) and a teacher: teacher = "identity" (V = I_D),
   FILE.npy, or NULL when the archive holds V (exactly one of them must
   give the teacher). Source lines are 0 (pt->source is the student file).
   Returns 0, or nonzero with err filled and pt unchanged. */
int rc_point_read_numpy(rc_point_t pt, const char * student, const char * teacher,
                        rc_error_t err);

/* "FILE:LINE" when student row i came from a line of a text file, else
   "FILE, row I" (NumPy input), into buf. */
void rc_point_where_student(char * buf, size_t len, const rc_point_t pt, slong i);

/* Returns -1 if every student row of the exact point is nonzero, else the
   index of the first zero row. */
slong rc_point_zero_student(const rc_point_t pt);

#ifdef __cplusplus
}
#endif

#endif
