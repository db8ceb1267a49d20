/* relucert: the census of the one- and two-block critical points (lemma
   L16 in proofs/lemmas.md, proofs/model.md section 7).

   Two blocks (pattern (a, k - a), L16(f)): G = S_a x S_{k-a}, theta has the
   q = 5 or 6 coordinates of rc_sym_struct's orbits (diag 0, off 0 if a >= 2,
   cross 0 1, diag 1, off 1 if k - a >= 2, cross 1 0); a box is 2 q exact
   endpoints lo_0, hi_0, lo_1, ... in that order. Everything below that is
   said for (alpha, beta) holds coordinate by coordinate.

   For n = d = k, teacher V = I_k and the group G = S_k acting on neurons
   and coordinates together (one block), Fix(G) is the plane of
   W(alpha, beta) = alpha I + beta (J - I), coordinates theta = (alpha,
   beta) in the order of rc_sym_struct's orbits (diag 0, off 0). A census
   is a branch and bound over a box of this plane (the region, which holds
   every critical point with nonzero neurons, M7.1): a tree of cuts whose
   leaves are
   - excluded boxes, with the reason (a proof that no critical point of F
     with nonzero neurons lies in the box): "outside" (the box lies outside
     the ellipse of M7.1), "small" (the box lies inside the ellipse of
     L16(b), where <grad F, W> < 0), "gradient" (an Arb enclosure of
     d phi / d theta_o over the box excludes 0);
   - two blocks also: "zero" (the blow-up of a block near its zero set,
     L16(g)) and "fine" (a bisection of the box in binary64 intervals with
     the closed-form gradient, L16(h));
   - existence boxes: Krawczyk proves exactly one critical point in the box;
     each is a point of the census, with its Morse index (or undecided) and
     F enclosed over the box;
   - unresolved boxes (none, ideally): nothing is claimed there.
   The tree's boxes are exact dyadic rationals and the leaves partition the
   region by construction (every cut splits a box in two), so the claim is:
   every critical point of F in Fix(G) with nonzero neurons lies in exactly
   one existence box, or in an unresolved box.

   A census is decided by rc_census_verify from its tree alone, by the
   producer and the checker alike. */
#ifndef RELUCERT_CENSUS_H
#define RELUCERT_CENSUS_H

#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/error.h"
#include "relucert/critical.h"
#include "relucert/sym.h"
#include "relucert/di.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a leaf of the tree says. */
typedef enum
{
    RC_CENSUS_OUTSIDE = 0,     /* outside the region ellipse (M7.1) */
    RC_CENSUS_SMALL = 1,       /* inside the small ellipse (L16(b)) */
    RC_CENSUS_GRADIENT = 2,    /* d phi / d theta_coord excludes 0 */
    RC_CENSUS_EXIST = 3,       /* exactly one critical point (Krawczyk) */
    RC_CENSUS_UNRESOLVED = 4,  /* nothing claimed */
    RC_CENSUS_ZERO = 5,        /* two blocks: near block coord's zero set,
                                  excluded after the blow-up (L16(g)) */
    RC_CENSUS_FINE = 6         /* two blocks: a bisection of the box into
                                  coord pieces, each outside the region or
                                  excluded by the closed-form gradient in
                                  binary64 intervals (L16(h)) */
}
rc_census_leaf_kind;

/* Names "outside", "small", "gradient", "exist", "unresolved", "zero"; parse
   returns 0, or 1 for anything else. */
const char * rc_census_leaf_name(rc_census_leaf_kind kind);
int rc_census_leaf_parse(rc_census_leaf_kind * kind, const char * s);

/* At most this many coordinates (two blocks). */
#define RC_CENSUS_MAX_Q 6

/* One node of the tree in preorder: a cut (axis 0: alpha, 1: beta, at an
   exact value strictly inside the box; its two children follow, the lower
   part first) or a leaf (axis -1). */
typedef struct
{
    int axis;                  /* -1 leaf, 0 or 1 cut */
    fmpq_t at;                 /* cut value */
    rc_census_leaf_kind kind;  /* leaf */
    slong coord;               /* GRADIENT: the coordinate (0 alpha, 1 beta);
                                  ZERO: the block */
    fmpq * box;                /* the node's box alo, ahi, blo, bhi (2 q
                                  entries; set by rc_census_verify for cuts
                                  and leaves) */
    rc_verdict_t verdict;      /* leaf: its claim, recomputed */
    slong point;               /* EXIST: index into points, else -1 */
    int have_enc;              /* EXIST: a smaller box enc is given */
    fmpq * enc;                /* (a witness, 2 q entries) where the point
                                  is located */
}
rc_census_node_struct;

/* A point of the census: the critical point in an existence box. */
typedef struct
{
    slong node;                /* its EXIST leaf */
    rc_verdict_t located;      /* Krawczyk proves a critical point in the
                                  node's enc, a subset of its box: the
                                  point lies in enc, and the status below is
                                  computed over enc (over the box otherwise) */
    slong morse_index;         /* -1: undecided */
    arb_t lam_min;             /* smallest Hessian eigenvalue over the box */
    arb_t loss;                /* F over the box */
}
rc_census_point_struct;

typedef struct
{
    slong k;                   /* n = d = k >= 2, V = I_k */
    slong m;                   /* blocks: 1 or 2 */
    slong a;                   /* two blocks: the size of block 0 (1..k-1) */
    slong q;                   /* coordinates: sym->q (2, 5 or 6) */
    slong prec;
    rc_sym_t sym;
    fmpq region[2 * RC_CENSUS_MAX_Q];   /* lo, hi per coordinate */
    slong nnodes, alloc;
    rc_census_node_struct * nodes;
    /* set by rc_census_verify */
    rc_verdict_t covers;       /* the region contains the ellipse of M7.1 */
    slong npoints;
    rc_census_point_struct * points;
    slong nunresolved;
    slong nfailed;             /* leaves whose claim is not proved */
    slong depth;               /* depth of the tree */
}
rc_census_struct;

typedef rc_census_struct rc_census_t[1];

void rc_census_init(rc_census_t c);
void rc_census_clear(rc_census_t c);

/* Empties the tree and sets k (>= 2), prec and the group; region unset.
   Returns 0; 1 with err filled if k is out of range. */
int rc_census_set_k(rc_census_t c, slong k, slong prec, rc_error_t err);

/* Empties the tree and sets the two-block pattern (a, k - a), 1 <= a <=
   k - 1, k >= 3, prec and the group; region unset. Returns 0; 1 with err
   filled when out of range. */
int rc_census_set_two_block(rc_census_t c, slong k, slong a, slong prec, rc_error_t err);

/* The default region of the two-block pattern (lemma L16(f)): per
   coordinate o, [-T_o, T_o + 1/64] with T_o a multiple of 1/64 and
   size_o T_o^2 > k + k (k - 1)/pi (size_o the number of entries of W in
   orbit o). */
void rc_census_default_region_sym(fmpq * region, const rc_sym_t s, slong prec);

/* The default region: a box with dyadic endpoints (multiples of 1/64)
   containing the ellipse of M7.1, |alpha| <= (1 + (k - 1)/pi)^(1/2),
   |beta| <= (1/(k - 1) + 1/pi)^(1/2), made asymmetric so that no cut of a
   bisection falls on alpha = 1 or beta = 0. */
void rc_census_default_region(fmpq * region, slong k, slong prec);

/* Appends a node; returns its index. (axis -1: a leaf of that kind.) */
slong rc_census_push_cut(rc_census_t c, int axis, const fmpq_t at);
slong rc_census_push_leaf(rc_census_t c, rc_census_leaf_kind kind, slong coord);

/* ---- the tests on one box (theta a box of q balls, exact endpoints) ---- */

/* Any pattern (L16(f)): PROVED when every point of the box has
   sum_o size_o theta_o^2 > k + k (k - 1)/pi (exact minimum over the box
   against an Arb bound); UNDECIDED otherwise. */
rc_verdict_t rc_census_box_outside_sym(const rc_sym_t s, const fmpq * box, slong prec);

/* Any pattern (L16(f)): PROVED when every point of the box has
   S = sum_i |w_i| < (k^(1/2) - 1)^2 / 4 (an Arb upper bound from the exact
   maximum of each block's |w_i|^2); UNDECIDED otherwise. */
rc_verdict_t rc_census_box_small_sym(const rc_sym_t s, const fmpq * box, slong prec);

/* 1 when the box meets the set where some neuron is zero (for a block b,
   every coordinate of its row, diag b, off b, cross b c, has 0 in its
   interval); exact. */
int rc_census_box_meets_zero(const rc_sym_t s, const fmpq * box);

/* PROVED: every point of the box with nonzero neurons lies outside the
   ellipse of M7.1 (k alpha^2 + k (k - 1) beta^2 > k + k (k - 1)/pi), so the
   box holds no critical point; UNDECIDED otherwise. */
rc_verdict_t rc_census_box_outside(const fmpq * box, slong k, slong prec);

/* PROVED: every point of the box lies inside the ellipse of L16(b)
   (k (alpha^2 + (k - 1) beta^2)^(1/2) < (k^(1/2) - 1)^2 / 4), so no point
   of the box with nonzero neurons is critical; UNDECIDED otherwise. */
rc_verdict_t rc_census_box_small(const fmpq * box, slong k, slong prec);

/* 1 with *coord set when every neuron is nonzero on the box and an
   enclosure of d phi / d theta_coord over the box excludes 0: the direct
   Arb enclosure, or else the mean-value form g(c) + H(box) (box - c)
   (lemma L16(c)); the first such coordinate is given. 0 otherwise. */
int rc_census_box_gradient_coord(slong * coord, const rc_sym_t s, const fmpq * box,
                                 slong prec);

/* PROVED when every neuron is nonzero on the box and the direct or the
   mean-value enclosure of d phi / d theta_coord excludes 0; UNDECIDED
   otherwise. */
rc_verdict_t rc_census_box_gradient(const rc_sym_t s, const fmpq * box, slong coord,
                                    slong prec);

/* The blown-up gradient of lemma L16(g). Block b's rows are t r_i(u),
   t >= 0 a ball, r_i(u) the row of W(u) built from the entries of u at
   block b's orbits (u must make every such row certainly nonzero, as a
   point of the unit cube's boundary does); every other row is its row of
   W(u) (u at the other orbits: the other blocks' coordinates). g (q
   entries) encloses grad phi at every point W with these rows and nonzero
   neurons, by the homogeneity of the gradient kernel; the components of a
   block c != b whose rows may be zero are indeterminate. Returns 1; 0 (g
   indeterminate) with extra neurons, b out of range, t possibly negative
   or a row of block b possibly zero. */
int rc_census_zero_gradient(arb_ptr g, const rc_sym_t s, slong b, const arb_t t,
                            arb_srcptr u, slong prec);

/* At most this many pieces of the blow-up are tried per box. */
#define RC_CENSUS_ZERO_PIECES 64

/* PROVED when no point of the box with nonzero neurons is critical, by
   lemma L16(g): block b's coordinates theta_b are written t u with
   t = max_o |theta_o| and u on a face of the unit cube's boundary; for
   every face the box meets, the pieces (t, u) are bisected, the widest
   side first, until a component of rc_sym_gradient_blowup (the frames
   form of rc_census_zero_gradient, which is its dense reference) excludes 0 on
   each, in at most RC_CENSUS_ZERO_PIECES pieces in all. Deterministic:
   the producer and the checker decide the same. UNDECIDED otherwise. */
/* L16(h), two blocks: g = the reduced gradient over the binary64 box th
   (q intervals in the orbit order), from its closed form in binary64
   interval arithmetic (di.h); 1 with every g[o] an enclosure, 0 when a
   neuron may be zero on the box or an operation failed. */
int rc_census_fast_gradient(rc_di_t * g, const rc_sym_t s, const rc_di_t * th,
                            const rc_di_consts_t K);

/* The same with block b's rows blown up (L16(g)): every theta whose block b
   coordinates are t u, t in the interval t (t >= 0), u in u's intervals
   for block b (u nonzero: some |u_o| = 1) and theta_o = u[o] for the other
   block; at t = 0 the limit. 1 with g enclosing the gradient at every such
   theta with t > 0, 0 when the other block's neurons may be zero or an
   operation failed. */
int rc_census_fast_gradient_blowup(rc_di_t * g, const rc_sym_t s, const rc_di_t * u, slong b,
                                   rc_di_t t, const rc_di_consts_t K);

/* At most this many pieces in a FINE leaf (bounds the checker's work). */
#define RC_CENSUS_FINE_MAX (WORD(1) << 22)

/* L16(h): bisects the box (its ends rounded outward to binary64), depth
   first, the upper half first, always the side widest in |W|_F, until
   each piece lies outside the region (M7.1) or has a coordinate of
   rc_census_fast_gradient that excludes 0; PROVED (no critical point of F
   with nonzero neurons in the box) when that takes at most max_boxes
   pieces (a piece where a block may be zero is replaced by that block's
   blow-up faces, L16(g)), UNDECIDED when a piece may meet both blocks'
   zero sets, cannot be split
   or the budget runs out, or when binary64 intervals are not usable here
   (rc_di_usable). *boxes = the pieces evaluated. Deterministic: the same
   box and budget give the same answer on every machine. */
rc_verdict_t rc_census_box_fine(slong * boxes, const rc_sym_t s, const fmpq * box,
                                slong max_boxes);

/* The same, giving up also at a piece max_depth bisections deep (the
   producer's screening: a success never reaches the cap, so it is proved
   by rc_census_box_fine with the same *boxes as well), with the constants
   K of rc_di_consts_init computed once by the caller. */
rc_verdict_t _rc_census_box_fine_depth(slong * boxes, const rc_sym_t s, const fmpq * box,
                                       slong max_boxes, slong max_depth, const rc_di_consts_t K);

rc_verdict_t rc_census_box_zero(const rc_sym_t s, const fmpq * box, slong b, slong prec);

/* The same with another budget of pieces (for studies; the leaf "zero"
   means RC_CENSUS_ZERO_PIECES). */
rc_verdict_t _rc_census_box_zero_pieces(const rc_sym_t s, const fmpq * box, slong b,
                                        slong pieces, slong prec);

/* theta (q balls) contains the box: midpoint and radius, the radius rounded
   up. Returns 1 when theta is exactly the box, 0 when it is larger. */
int rc_census_box_theta(arb_ptr theta, const fmpq * box, slong q, slong prec);

/* The decision procedure: replays the tree from the region (every cut
   strictly inside its box, every node's box set, no node left over or
   missing), recomputes every leaf's claim and every point's index, lambda
   and F; sets covers, points, nunresolved and nfailed. Returns 0; 1 with
   err filled when the tree is malformed (a cut outside its box, too few or
   too many nodes). */
int rc_census_verify(rc_census_t c, rc_error_t err);

/* For the producer: the same replay with every leaf's verdict taken as it
   is in the node (set when the producer decided the leaf), not
   recomputed; the points' status is computed. What the producer writes
   is then re-verified from the file (rc_census_check). */
int _rc_census_replay(rc_census_t c, int redecide, rc_error_t err);

/* The share of the region's volume (the product of its widths, in the
   coordinates theta) that the census leaves unresolved: f = the exact sum
   of the unresolved leaves' volumes over the region's (0 when none); up =
   10^6 f rounded up, so that up / 10^6 is an upper bound with six
   decimals. Needs the nodes' boxes (after rc_census_verify or
   _rc_census_replay). The certificate states it as
   claims.unresolved_volume, the decimal string of up / 10^6, which the
   checker recomputes: the size of what a census does not claim. */
void rc_census_unresolved_volume(fmpq_t f, fmpz_t up, const rc_census_t c);

/* The decimal string of up / 10^6 ("0", "0.000001", ..., "1") in buf
   (at least 32 bytes). */
void rc_census_volume_string(char * buf, size_t n, const fmpz_t up);

/* Both: the string of claims.unresolved_volume for c in buf (at least 32
   bytes). */
void rc_census_unresolved_share(char * buf, size_t n, const rc_census_t c);

/* 1 when the census is complete: the region covers the ellipse, every
   leaf's claim is proved and none is unresolved. */
int rc_census_complete(const rc_census_t c);

/* Progress of the search: called every 256 boxes with the number of boxes
   visited so far and the depth of the current one. May be NULL. */
typedef void (*rc_census_search_fn)(slong boxes, slong depth, void * ctx);

/* The producer: branch and bound over the default region (floating point
   chooses the cuts, Newton proposes candidates, Krawczyk and the exclusion
   tests decide; each leaf's verdict is recorded as decided), then
   _rc_census_replay (boxes and points, leaves not re-decided). Boxes that are still undecided at
   2^max_depth times smaller than the region become unresolved leaves.
   Returns 0; 1 with err filled (k out of range). */
int rc_census_search(rc_census_t c, slong k, slong prec, slong max_depth,
                     rc_census_search_fn fn, void * ctx, rc_error_t err);

/* The same for the two-block pattern (a, k - a) over
   rc_census_default_region_sym. A box within its own diameter of a zero
   neuron (where the gradient's enclosures degrade like 1/|w_i| and, on the
   zero set itself, no gradient enclosure or Krawczyk test is valid) that
   is not excluded by the region, the small-student bound or the blow-up
   (rc_census_box_zero, every block tried) is split until its depth in the
   tree is zero_depth and then listed as unresolved (never dropped). Once the tree has max_nodes nodes (0: 2,000,000) every box
   still undecided is listed as unresolved. Before the branch and bound, a
   deterministic multi-start damped Newton search (floating point, no
   claim) proposes points; a box holding one is first cut around an
   existence box proved by Krawczyk (before the budget applies), so the
   points it finds are in the tree whatever the budget. Every leaf is
   decided by the tests above and re-decided by rc_census_verify. */
int rc_census_search_two_block(rc_census_t c, slong k, slong a, slong prec, slong max_depth,
                               slong zero_depth, slong max_nodes, rc_census_search_fn fn,
                               void * ctx, rc_error_t err);

/* JSON (kind "census"; docs/certificate-format.md). */
json_t * rc_census_to_json(const rc_census_t c);

/* Reads the inputs (k, prec, region, tree); the claims are ignored. 0, or 1
   with err naming the field. */
int rc_census_from_json(rc_census_t c, const json_t * root, rc_error_t err);

/* The checker: 0 when the tree replays, covers the region, every leaf's
   claim and every point's status is what rc_census_verify recomputes and
   the listed points and unresolved boxes are exactly the tree's; 1 with
   why filled otherwise. */
int rc_census_check(rc_error_t why, const json_t * root);

#ifdef __cplusplus
}
#endif

#endif
