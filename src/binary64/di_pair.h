/* Private: the geometry of a pair of neurons in binary64 intervals (the
   binary64 counterpart of pair.h, same formulas and the same soundness at
   parallel and opposite pairs: unit vectors n = m / s are intersected with
   [-1, 1], or are [-1, 1] when s may be 0). */
#ifndef RELUCERT_DI_PAIR_H
#define RELUCERT_DI_PAIR_H

#include "relucert/di.h"

typedef struct
{
    long d;
    rc_di_t nw, nv;          /* |w|, |v| */
    rc_di_t * wb, * vb;      /* unit vectors */
    rc_di_t t, s, c;         /* angle, sin, cos */
    rc_di_t * m_vw, * m_wv;  /* vb - c wb, wb - c vb */
    rc_di_t * n_vw, * n_wv;  /* m / s, within [-1, 1] */
}
rc_di_pair_struct;

typedef rc_di_pair_struct rc_di_pair_t[1];

/* 0 on success, 1 out of memory */
int rc_di_pair_init(rc_di_pair_t p, long d);
void rc_di_pair_clear(rc_di_pair_t p);

/* The geometry of (w, v); returns 1, or 0 when |w| or |v| may be 0 or an
   enclosure is invalid (then p is unspecified). wb and vb may be given
   precomputed (wbp, nwp non-NULL: the unit vector and norm of w), which
   saves the normalisation in loops over many partners. */
int rc_di_pair_set(rc_di_pair_t p, const rc_di_t * w, const rc_di_t * v,
                   const rc_di_consts_t C);

/* the unit vector of w and its norm; 0 if |w| may be 0 */
int rc_di_unit(rc_di_t * wb, rc_di_t * nw, const rc_di_t * w, long d);

#endif
