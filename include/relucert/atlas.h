/* relucert: the atlas of block-structured critical points (docs/guide.md,
   "The atlas").

   A family is a rule giving, for each k, the block sizes of a pattern:
   two blocks (a, k - a) or three blocks (a, 1, k - a - 1), a fixed. Along a
   family the reduced unknowns (the fixed-point coordinates of sym.h) keep
   their meaning, so a critical point found at k is continued to k + 1 by a
   predictor (linear extrapolation from k - 1 and k) and Newton's method in
   fixed-point coordinates, and every point found is certified by
   rc_symcert_find (Krawczyk in fixed-point coordinates, the exact Morse
   index from the certified inertia of the reduced Hessian, F, the split
   saddle).

   Nothing in the continuation is trusted: it only proposes points. What is
   reported as proved is what the certificate proves, and a track that the
   continuation loses is reported with the reason, never dropped.

   Values are handled in the dataset's layout (proofs/model.md section 3):
   vals is an m x (m + 1) array, vals[b][b] the diagonal of block b,
   vals[b][m] the entries inside block b off the diagonal (0 when p_b = 1)
   and vals[c][b] the entries of neurons of block b on coordinates of block c. */
#ifndef RELUCERT_ATLAS_H
#define RELUCERT_ATLAS_H

#include <jansson.h>
#include "relucert/flint_arb.h"
#include "relucert/error.h"
#include "relucert/sym.h"
#include "relucert/symcert.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    RC_ATLAS_TWO = 0,      /* p = (a, k - a) */
    RC_ATLAS_THREE = 1     /* p = (a, 1, k - a - 1) */
}
rc_atlas_family;

#define RC_ATLAS_MAX_M 3
#define RC_ATLAS_MAX_VALS (RC_ATLAS_MAX_M * (RC_ATLAS_MAX_M + 1))

/* Writes the block sizes of family f at (k, a) into p and returns their
   number m; 0 (p untouched) when some block would be empty. */
slong rc_atlas_pattern(slong * p, rc_atlas_family f, slong k, slong a);

/* The number of blocks of family f (2 or 3). */
slong rc_atlas_family_blocks(rc_atlas_family f);

/* theta (s->q entries) from vals (m x (m + 1), row-major) and back; the
   entries vals[b][m] of blocks of size 1 are ignored, and set to 0. */
void rc_atlas_theta_from_vals(fmpq * theta, const rc_sym_t s, const fmpq * vals);
void rc_atlas_vals_from_theta(fmpq * vals, const rc_sym_t s, const fmpq * theta);
void rc_atlas_vals_from_theta_d(double * vals, const rc_sym_t s, arb_srcptr theta);
void rc_atlas_theta_from_vals_d(arb_ptr theta, const rc_sym_t s, const double * vals);

/* 1 if the point vals (doubles) is, to within the relative tolerance tol,
   fixed by the exchange of a neuron-coordinate pair of block b with one of
   block c (then it lies in the fixed-point subspace of a larger group: it
   belongs to a pattern with fewer blocks); *b, *c the first such pair. 0
   otherwise. Used to end a track; it proves nothing. */
int rc_atlas_blocks_merge(slong * b, slong * c, const slong * p, slong m,
                          const double * vals, double tol);

/* Newton's method in fixed-point coordinates for the pattern of family f at
   (k, a), from the values v0, at precision prec (not trusted: it only
   proposes a point). 1 with v the limit; 0 with why filled when it does not
   converge, a neuron becomes zero, two blocks merge (rc_atlas_blocks_merge
   at 2^-30) or (k, a) has no pattern. */
int rc_atlas_newton(double * v, char * why, size_t len, rc_atlas_family f, slong k,
                    slong a, const double * v0, slong prec);

/* A starting point for a family: the values of a published record (origin
   RC_ATLAS_FROM_DATA, index its index) or of a neighbouring family's
   record (RC_ATLAS_FROM_NEIGHBOUR, a_from its a), at k. vals has m (m + 1)
   entries in the layout above. */
typedef enum
{
    RC_ATLAS_FROM_DATA = 0,
    RC_ATLAS_FROM_NEIGHBOUR = 1,
    RC_ATLAS_FROM_BELOW = 2,     /* continued from k - 1 */
    RC_ATLAS_FROM_ABOVE = 3      /* continued from k + 1 */
}
rc_atlas_origin;

typedef struct
{
    slong k;
    rc_atlas_origin origin;
    slong index;                 /* published index (FROM_DATA), else -1 */
    slong a_from;                /* FROM_NEIGHBOUR: the family's a */
    fmpq vals[RC_ATLAS_MAX_VALS];
}
rc_atlas_seed_struct;

void rc_atlas_seed_init(rc_atlas_seed_struct * x);
void rc_atlas_seed_clear(rc_atlas_seed_struct * x);

/* One critical point found: where, how, and its certificate. */
typedef struct
{
    slong k;
    slong track;                 /* tracks are numbered 0, 1, ... per family */
    rc_atlas_origin origin;
    slong index;                 /* the published record at this point, -1: none */
    slong a_from;
    double vals[RC_ATLAS_MAX_VALS];   /* Newton's point (display, matching) */
    int certified;               /* rc_atlas_chain_certify ran on it */
    rc_symcert_t cert;
}
rc_atlas_point_struct;

/* Where the continuation stopped, or a seed that gave nothing, and why. */
typedef struct
{
    slong k;
    slong track;                 /* -1: a seed */
    slong index;                 /* the seed's published index, -1: none */
    char reason[320];
}
rc_atlas_end_struct;

typedef struct
{
    rc_atlas_family family;
    slong a, kmin, kmax;
    slong prec;                  /* of the certificates */
    slong newton_prec;           /* of the continuation (not trusted) */
    fmpq_t alpha;
    slong npoints, alloc;
    rc_atlas_point_struct * points;   /* sorted by (k, track) after run */
    slong nends, ends_alloc;
    rc_atlas_end_struct * ends;
    slong ntracks;
}
rc_atlas_chain_struct;

typedef rc_atlas_chain_struct rc_atlas_chain_t[1];

void rc_atlas_chain_init(rc_atlas_chain_t c, rc_atlas_family f, slong a, slong kmin,
                         slong kmax, const fmpq_t alpha, slong prec);
void rc_atlas_chain_clear(rc_atlas_chain_t c);

/* Finds the family's critical points for kmin <= k <= kmax from the seeds
   (any order): every active track is continued from k - 1 to k (a step
   whose Newton limit is far from the predictor ends the track, and the
   limit starts a new one); a seed
   whose Newton limit is not yet known at its k starts a new track, which is
   also continued downwards. Candidates equal to a known point (to within
   2^-40 relative) join it; a seed that matches a point gives that point its
   published index. Returns 0; 1 with err filled if the family has no valid
   pattern in the range. The points are NOT yet certified. */
int rc_atlas_chain_run(rc_atlas_chain_t c, const rc_atlas_seed_struct * seeds,
                       slong nseeds, rc_error_t err);

/* Certifies point i (rc_symcert_find at c->prec from its Newton point). */
void rc_atlas_chain_certify(rc_atlas_chain_t c, slong i);

/* The point's status from its certificate: "minimum" (critical point and
   positive definite Hessian proved), "saddle" (critical point proved and a
   negative Hessian eigenvalue proved; the Morse index, exact when the point's
   morse_index >= 0, may be undecided), "critical" (critical point proved,
   nothing decided about the inertia), "undecided"
   (existence not proved) or "refuted" (the gradient excludes 0 on the box). */
const char * rc_atlas_status(const rc_atlas_point_struct * x);

#ifdef __cplusplus
}
#endif

#endif
