/* relucert: the symmetry reduction of proofs/model.md section 6
   (lemma L13 in proofs/lemmas.md).

   A point with n = d = k and teacher V = I_k whose student W is fixed by
   G = S_{B_1} x ... x S_{B_m} (the same permutation on neurons and
   coordinates, blocks B_b of sizes p_b) lies in the fixed-point subspace
   Fix(G): W[i][r] depends only on whether i = r, on the block of i and on
   the block of r. Its coordinates theta (one per G-orbit of index pairs,
   rc_sym_struct.q of them, at most m(m + 1)) describe W exactly.

   Everything below is computed from O(m^2) pair kernels with integer
   multiplicities, never from k x k or k^2 x k^2 objects: a sum over the k
   neurons (or coordinates) is a sum over the classes of a frame (a few named
   indices and, per block, the rest of the block, whose members all give the
   same term by symmetry), and a vector constant on the rest of each block is
   handled in compressed coordinates (one entry per named index, one entry
   sqrt(size) x value per rest), an isometry, so the pair kernels of pair.h
   apply to it unchanged (lemma L13 in proofs/lemmas.md). */
#ifndef RELUCERT_SYM_H
#define RELUCERT_SYM_H

#include "relucert/flint_arb.h"
#include "relucert/error.h"
#include "relucert/critical.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The reduced path handles at most this many blocks (dim Fix(G) <= 72
   without extra neurons). */
#define RC_SYM_MAX_BLOCKS 8

/* ... and at most this many extra neurons (proofs/model.md M6.8): rows
   k..k + nx - 1 of an n x k student, n = k + nx, each fixed by G and
   constant on every coordinate block. */
#define RC_SYM_MAX_EXTRA 4

/* rc_sym_detect_extra tries at most this many choices of the extra rows
   (C(n, s) of them): beyond, it answers -2 and the dense path is used (at
   k = 60, s = 4 the 635,376 choices took 43 s) */
#define RC_SYM_EXTRA_MAX_CHOICES 10000

typedef enum
{
    RC_SYM_ORBIT_DIAG = 0,   /* (i, i), i in B_b */
    RC_SYM_ORBIT_OFF = 1,    /* (i, r), i != r both in B_b (p_b >= 2) */
    RC_SYM_ORBIT_CROSS = 2,  /* (i, r), i in B_b, r in B_c, b != c */
    RC_SYM_ORBIT_EXTRA = 3   /* (k + e, r), r in B_c: extra neuron e (ob = e) */
}
rc_sym_orbit_kind;

typedef struct
{
    slong k, m;
    slong nx, n;       /* extra neurons (rows k..n-1), n = k + nx */
    slong * p;         /* m block sizes */
    slong * blk;       /* k entries: the block of an index */
    slong * members;   /* k entries: the indices block by block, ascending */
    slong * start;     /* m + 1 offsets into members */
    slong q;           /* dim Fix(G) */
    slong * okind, * ob, * oc;  /* orbit o: kind, block of the row (neuron),
                                   block of the column (coordinate) */
    slong * diag;      /* m: orbit id of diag_b */
    slong * off;       /* m x m: orbit id of (b, c) off the diagonal, -1 if none */
    slong * xorb;      /* nx x m: orbit id of (extra e, block c) */
}
rc_sym_struct;

typedef rc_sym_struct rc_sym_t[1];

void rc_sym_init(rc_sym_t s);
void rc_sym_clear(rc_sym_t s);

/* Sets the group of m contiguous blocks of sizes p (block 0 = indices
   0..p_0 - 1, and so on). Returns 0; 1 with err filled when a size is < 1,
   m is not in 1..RC_SYM_MAX_BLOCKS or k is above 10^6. */
int rc_sym_set_sizes(rc_sym_t s, const slong * p, slong m, rc_error_t err);

/* Sets the group from block_of (k entries, blocks numbered 0..m-1 in order
   of first appearance). Same returns as rc_sym_set_sizes. */
int rc_sym_set_blocks(rc_sym_t s, const slong * block_of, slong k, rc_error_t err);

/* Adds nx extra neurons (rows k..k + nx - 1, each fixed by G) to a group
   whose blocks are set: the orbits ext (e, c), e < nx, c < m, are numbered
   after the others, so nx = 0 gives the n = k group unchanged. Returns 0;
   1 with err filled when nx is not in 0..RC_SYM_MAX_EXTRA or no blocks are
   set. Everything below then works on n x k students (rows = neurons). */
int rc_sym_set_extra(rc_sym_t s, slong nx, rc_error_t err);

/* 1 if the blocks are contiguous (rc_sym_set_sizes would give the same). */
int rc_sym_is_contiguous(const rc_sym_t s);

/* Orbit id of the index pair (i, r). */
slong rc_sym_orbit(const rc_sym_t s, slong i, slong r);

/* Number of index pairs in orbit o. */
slong rc_sym_orbit_size(const rc_sym_t s, slong o);

/* Short name of orbit o ("diag 0", "off 1", "cross 0 2") into buf. */
void rc_sym_orbit_name(char * buf, size_t len, const rc_sym_t s, slong o);

/* The largest group of this form fixing the exact k x k matrix W (and the
   identity teacher, which every such group fixes): a ~ a' when the
   simultaneous transposition of a and a' fixes W; the blocks are the classes
   of this equivalence relation (transitive: (a c) = (a b)(b c)(a b)). With
   tol not NULL, entries within tol of each other count as equal (for
   --symmetrize). Returns the number of blocks m (possibly above
   RC_SYM_MAX_BLOCKS; s is then left unset). */
slong rc_sym_detect(rc_sym_t s, const fmpq_mat_t W, const fmpq_t tol);

/* The structure of proofs/model.md M6.8 in the exact n x k student W
   (n = k + nx, 1 <= nx <= RC_SYM_MAX_EXTRA, teacher I_k), wherever the
   extra neurons sit among the rows: for every choice of nx rows as the
   extra neurons (lexicographic), the other rows are matched to the
   coordinates (a guessed order: each row's entry farthest from its mean),
   and G is the largest group of the form fixing the matched k x k part
   (as rc_sym_detect) and every extra row (coordinates a, a' in one block
   only if every extra row is equal at a and a'). A candidate counts only
   when the reordered point is exactly in Fix(G) (rc_sym_theta_from_mat)
   with at most RC_SYM_MAX_BLOCKS blocks. Returns the number of blocks m of
   the candidate with the fewest (the first on ties), s set (with nx extra
   neurons) and perm (n entries) the order: row c of the reduced point is
   row perm[c] of W (c < k: the neuron of coordinate c; c >= k: extra neuron
   c - k); -1 (s and perm untouched) when no candidate works, -2 (nothing
   tried) when C(n, nx) > RC_SYM_EXTRA_MAX_CHOICES. Exact equality only. */
slong rc_sym_detect_extra(rc_sym_t s, slong * perm, const fmpq_mat_t W);

/* 1 if W (n x k) is constant on every orbit (W in Fix(G)), theta set to
   the orbit values; 0 (theta untouched) otherwise, *bad_i, *bad_r an entry
   that differs from its orbit's first entry. theta has q entries. */
int rc_sym_theta_from_mat(fmpq * theta, slong * bad_i, slong * bad_r,
                          const rc_sym_t s, const fmpq_mat_t W);

/* theta = orbit averages of W (the orthogonal projection onto Fix(G)), and
   dist = max |W - W(theta)| over the entries. */
void rc_sym_project(fmpq * theta, fmpq_t dist, const rc_sym_t s, const fmpq_mat_t W);

/* W (n x k) = W(theta). */
void rc_sym_mat_from_theta(fmpq_mat_t W, const rc_sym_t s, const fmpq * theta);

/* ---- enclosures over a box of Fix(G), theta a vector of q balls ---- */

/* 1 if every student neuron is certainly nonzero on the box; 0 if some may
   be zero (then no derivative below is valid and each returns 0). */
int rc_sym_neurons_nonzero(const rc_sym_t s, arb_srcptr theta, slong prec);

/* res = F(W(theta)). Always valid. */
void rc_sym_loss(arb_t res, const rc_sym_t s, arb_srcptr theta, slong prec);

/* g (q entries) = grad phi, phi(theta) = F(W(theta)):
   g_o = <grad F, E_o>. Returns 1; 0 if a neuron may be zero. */
int rc_sym_gradient(arb_ptr g, const rc_sym_t s, arb_srcptr theta, slong prec);

/* The blown-up gradient (proofs/lemmas.md L16(g)), for n = k (no extra
   neurons): g (q entries) encloses grad phi at every point whose block-b
   rows are t r_i(u) and whose other rows are those of W(u), with t >= 0 in
   the ball t and every neuron nonzero; r_i(u) is block b's row of W(u) and
   must be certainly nonzero. The partners of a block whose rows may be
   zero enter through |g(w, v)| <= |v| / 2, and that block's own
   components are indeterminate. Returns 1; 0 (g indeterminate) when
   block b's rows may be zero, t may be negative, b is out of range or
   there are extra neurons. */
int rc_sym_gradient_blowup(arb_ptr g, const rc_sym_t s, arb_srcptr u, slong b, const arb_t t,
                           slong prec);

/* res = sum_i |w_i| over the n students. Always valid. */
void rc_sym_norm_sum(arb_t res, const rc_sym_t s, arb_srcptr theta, slong prec);

/* The split representatives (proofs/model.md M6.5, L13(c), L13(e)): one
   neuron per G-orbit of student neurons. Representative b < m is the first
   neuron of block b (every neuron of the block gives the same split, by
   symmetry); representative m + e (e < nx) is the extra neuron k + e, its
   own orbit since G fixes it. rc_sym_split_count gives m + nx. */
slong rc_sym_split_count(const rc_sym_t s);

/* The student neuron (row) of split representative b, 0 <= b < m + nx. */
slong rc_sym_split_neuron(const rc_sym_t s, slong b);

/* res = lam_i of proofs/model.md M3.4 for split representative b (a block's
   first neuron, every neuron of the block having the same value, or an
   extra neuron). Returns 1; 0 if a neuron may be zero. */
int rc_sym_split_lam(arb_t res, const rc_sym_t s, arb_srcptr theta, slong b, slong prec);

/* ---- the irreducible types (proofs/model.md M6.4) ---- */

typedef enum
{
    RC_SYM_TRIVIAL = 0,      /* copies: the orbit indicators E_o */
    RC_SYM_STANDARD = 1,     /* of block b */
    RC_SYM_ALTERNATING = 2,  /* of block b */
    RC_SYM_SYMMETRIC = 3,    /* of block b */
    RC_SYM_STDSTD = 4        /* standard_b x standard_c, b < c */
}
rc_sym_type_kind;

#define RC_SYM_MAX_COPIES (RC_SYM_MAX_BLOCKS * (RC_SYM_MAX_BLOCKS + 1 + RC_SYM_MAX_EXTRA))

typedef struct
{
    rc_sym_type_kind kind;
    slong b, c;               /* blocks (c = -1 unless STDSTD) */
    slong dim;                /* dimension of the irreducible representation */
    slong ncopies;            /* number of copies (size of beta and Gamma) */
    slong nsupport;           /* indices the fixed vector x uses */
    slong support[4];
    int copy[RC_SYM_MAX_COPIES];   /* which copy: an orbit id (TRIVIAL) or a
                                      code of rc_sym_type_copy_value */
    slong copy_c[RC_SYM_MAX_COPIES];
}
rc_sym_type_struct;

/* The table of types of the group: *types receives a new array (flint_free)
   of *ntypes entries, in a fixed order (trivial; then per block standard,
   alternating, symmetric; then standard x standard for b < c). */
void rc_sym_types(rc_sym_type_struct ** types, slong * ntypes, const rc_sym_t s);

/* Short name ("trivial", "standard 0", "alternating 1", "symmetric 0",
   "standard 0 x standard 2") into buf. */
void rc_sym_type_name(char * buf, size_t len, const rc_sym_type_struct * t);

/* The entry (i, r) of copy a of type t (an integer in {-1, 0, 1}). */
slong rc_sym_type_copy_value(const rc_sym_t s, const rc_sym_type_struct * t,
                             slong a, slong i, slong r);

/* Gamma = U^T U (ncopies x ncopies), exact. */
void rc_sym_type_gamma(fmpz_mat_t Gamma, const rc_sym_t s, const rc_sym_type_struct * t);

/* beta = U^T H U over the box theta (ball matrix, exactly symmetric).
   Returns 1; 0 (beta indeterminate) if a neuron may be zero. */
int rc_sym_type_beta(arb_mat_t beta, const rc_sym_t s, const rc_sym_type_struct * t,
                     arb_srcptr theta, slong prec);

/* sum over the types of ncopies x dim: must equal n k for a complete table
   (k^2 without extra neurons; proofs/model.md M6.8(d)). */
slong rc_sym_types_dimension(const rc_sym_type_struct * types, slong ntypes);

/* lam encloses the smallest eigenvalue of the pencil (beta, Gamma), Gamma
   positive definite (of L^{-1} beta L^{-T}, Gamma = L L^T; indeterminate if
   the Cholesky factor of Gamma is not certified); *neg is the certified
   number of negative eigenvalues of beta (by Sylvester, the pencil's), -1 if
   not certified. */
void rc_sym_type_spectrum(arb_t lam, slong * neg, const arb_mat_t beta, const fmpz_mat_t G,
                          slong prec);

/* The smallest eigenvalue of the full nk x nk Hessian of F at W(theta)
   for every theta in the box (n = k + nx, d = k, V = I_k), from the types
   (lemma L13, L13(e) with extra neurons): 1 with lam enclosing it and *morse (if not NULL) the Morse index
   (-1 where a count is not certified); 0 (lam indeterminate, *morse -1) if
   the table of types is incomplete, a Gamma singular or a neuron may be
   zero on the box. The box lies in Fix(G): for a point with exact entries
   in Fix(G) give radius-0 balls. */
int rc_sym_hessian_eig_min(arb_t lam, slong * morse, const rc_sym_t s, arb_srcptr theta,
                           slong prec);

/* ---- the diagonal block H'_ii of one neuron, for the split lemma ---- */

/* The vectors (in R^k) whose bilinear forms are taken, relative to the
   neuron i of split representative b (the first neuron of block b, or an
   extra neuron, for which only BLOCK and DIFF occur): */
typedef enum
{
    RC_SYM_DVEC_SELF = 0,    /* e_i */
    RC_SYM_DVEC_REST = 1,    /* the indicator of B_b minus i (p_b >= 2) */
    RC_SYM_DVEC_BLOCK = 2,   /* the indicator of B_c, c != b */
    RC_SYM_DVEC_DIFF = 3     /* e_a - e_a' for the first two indices of
                                B_c other than i (a standard witness) */
}
rc_sym_dvec_kind;

typedef struct
{
    rc_sym_dvec_kind kind;
    slong c;
}
rc_sym_dvec_struct;

/* The invariant basis (the vectors fixed by the stabiliser of the neuron)
   of split representative b: for a block neuron e_i, rest of B_b (if
   p_b >= 2), each other block; for an extra neuron (b >= m, fixed by all
   of G) each block indicator 1_c (L13(e)(c)). Returns its length
   (<= RC_SYM_MAX_BLOCKS + 1). */
slong rc_sym_dvec_basis(rc_sym_dvec_struct * z, const rc_sym_t s, slong b);

/* 1 if DIFF in block c exists for split representative b (B_c minus its
   neuron i has >= 2 indices; p_c >= 2 for an extra neuron). */
int rc_sym_dvec_diff_exists(const rc_sym_t s, slong b, slong c);

/* Entry r (0 <= r < k) of z relative to the first neuron i of block b:
   an integer in {-1, 0, 1}. */
slong rc_sym_dvec_value(const rc_sym_t s, const rc_sym_dvec_struct * z, slong i, slong r);

/* Gram matrix z_a . z_b (exact). */
void rc_sym_dvec_gram(fmpz_mat_t G, const rc_sym_t s, slong b,
                      const rc_sym_dvec_struct * z, slong nz);

/* A = z_a^T H'(scale) z_b for the neuron i of split representative b, where
   H'(scale) = sum_{i' != i} h1(scale w_i, w_i') - sum_j h1(scale w_i, e_j)
   (scale = 1: H'_ii; scale = alpha: the first half of the split neuron).
   scale must be certainly positive. Returns 1; 0 if a neuron may be zero or
   scale is not positive. */
int rc_sym_hprime_form(arb_mat_t A, const rc_sym_t s, slong b, const arb_t scale,
                       const rc_sym_dvec_struct * z, slong nz, arb_srcptr theta,
                       slong prec);

/* The split point's curvature (proofs/model.md M3.3), computed directly on the
   (n + 1)-neuron point where the neuron i of split representative b becomes
   alpha w_i and (1 - alpha) w_i: q = Y^T H Y / |Y|^2 for Y = (u, -u) in the
   two new rows, u = sum_a y_a z_a. Returns 1; 0 if a neuron may be zero or
   alpha is not certainly in (0, 1). */
int rc_sym_split_point_curvature(arb_t q, const rc_sym_t s, slong b, const arb_t alpha,
                                 const rc_sym_dvec_struct * z, arb_srcptr y, slong nz,
                                 arb_srcptr theta, slong prec);

/* ---- existence in fixed-point coordinates ---- */

/* Krawczyk test for grad phi on the box theta (q balls), with the Hessian of
   phi (the trivial type's beta) enclosed over the box. RC_PROVED (1): phi has
   exactly one critical point in the box, so F has exactly one critical point
   in W(box), a subset of Fix(G) (symmetric criticality, lemma L13).
   RC_REFUTED (-1): grad phi excludes 0 over the box in coordinate *witness.
   RC_UNDECIDED (0): neither, or a neuron may be zero. */
rc_verdict_t rc_sym_krawczyk(slong * witness, const rc_sym_t s, arb_srcptr theta, slong prec);

/* Newton's method on grad phi = 0 from theta0 in midpoint arithmetic at prec
   (theta gets exact midpoints). NOT a proof. Returns 1 when it converged
   (step below 2^(10 - prec) relative), 0 otherwise. */
int rc_sym_refine_newton(arb_ptr theta, const rc_sym_t s, arb_srcptr theta0,
                         slong iters, slong prec);

#ifdef __cplusplus
}
#endif

#endif
