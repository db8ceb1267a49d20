/* The slope q(s)/s of an adversarial direction near s = 0
   (proofs/model.md M4.4, lemma L7; the Taylor-model step the ray argument
   needs there).

   Setting: V = I_k, n = m k, w~_a = e_{i(a)}/m, w_a(s) = w~_a + s u_a and
   every group sum g_i = sum_{a in group i} u_a = 0 exactly. Write
       q(s) = u^T H(w(s)) u = A(s) + B(s) + T(s)
   with
     A: the pairs inside a group, with h2 replaced by h2 - I/2 (the I/2 parts
        and the diagonal I/2 blocks add up to sum_i |g_i|^2 / 2 = 0);
     B: minus the h1 terms of each neuron with its own teacher neuron;
     T: the pairs of different groups and the other teacher neurons.
   Lemma: T(0) = 0 exactly. At s = 0 a cross-group pair has t = pi/2, so its
   h2 block is one matrix M_{ii'} for all members and contributes
   g_i^T M_{ii'} g_{i'} = 0; its h1 terms sum to m (1/m)/(1/m) K/(2 pi) per
   other group, which is exactly the h1 term of the teacher neuron of that
   group (|v| / |w| = m), so they cancel.
   Hence for every s in (0, s0]:
       q(s)/s = A(s)/s + B(s)/s + T'(xi),  xi in (0, s)  (mean value theorem),
   where A/s and B/s are evaluated in a form in which every degenerate
   factor (t, sin t, vb - cos t wb for an almost parallel pair) is written
   as s times a bounded expression, and T' by forward-mode differentiation
   of the (non-degenerate) cross-group kernels, all over the ball s in
   [0, s0].

   Away from 0, on a piece [sa, sb] with sa > 0, the same decomposition with
   the mean value theorem taken from sa instead of 0:
       q(s)/s = A(s)/s + B(s)/s + T(sa)/sa + ((s - sa)/s) (T'(xi) - T(sa)/sa),
   xi in (sa, s) (an identity given T(s) = T(sa) + (s - sa) T'(xi)), with
   T(sa) evaluated at the point sa and (s - sa)/s in [0, 1 - sa/sb]. Every
   term is of the size of the slope itself, so the enclosure does not suffer the
   cancellation of the O(|U|^2) terms of q that a direct enclosure of q over
   a piece does (they add up to O(s |U|^2)): few pieces cover (0, R]. */
#include "relucert/opsc.h"
#include "relucert/pair.h"
#include "relucert/eval.h"

typedef struct
{
    slong d, prec;
    arb_t pi2;
}
ctx_t;

static void
vdot(arb_t r, arb_srcptr x, arb_srcptr y, slong d, slong prec)
{
    arb_dot(r, NULL, 0, x, 1, y, 1, d, prec);
}

/* ---- A and B: almost parallel pairs, divided by s ---- */

/* For unit-ish directions wb, vb with wb - vb = s D (D given), A = |wb + vb|:
   sin t / s = |D| A / 2 and, with c = cos t (1 - c = s^2 |D|^2 / 2),
   m_vw / s = -D + (s |D|^2 / 2) wb, m_wv / s = D + (s |D|^2 / 2) vb,
   t / s = 2 atan(s |D| / A) / s. Returns 0 if |D| may be 0. */
typedef struct
{
    arb_ptr mvw, mwv, nvw, nwv;   /* m/s and n (= m / sin t) */
    arb_t sin_s, t_s;              /* sin t / s, t / s */
}
div_t_;

static int
divided_geometry(div_t_ * g, arb_srcptr wb, arb_srcptr vb, arb_srcptr D, const arb_t s,
                 slong d, slong prec)
{
    arb_t nd, A, h, z, t;
    slong a;
    int ok;

    arb_init(nd); arb_init(A); arb_init(h); arb_init(z); arb_init(t);
    vdot(nd, D, D, d, prec);
    arb_sqrtpos(nd, nd, prec);                     /* |D| */
    ok = arb_is_positive(nd);
    for (a = 0; a < d; a++)
        arb_add(g->mvw + a, wb + a, vb + a, prec);
    vdot(A, g->mvw, g->mvw, d, prec);
    arb_sqrtpos(A, A, prec);                       /* |wb + vb| */
    ok = ok && arb_is_positive(A);
    arb_mul(g->sin_s, nd, A, prec);
    arb_mul_2exp_si(g->sin_s, g->sin_s, -1);
    /* h = s |D|^2 / 2 */
    arb_sqr(h, nd, prec);
    arb_mul(h, h, s, prec);
    arb_mul_2exp_si(h, h, -1);
    for (a = 0; a < d; a++)
    {
        arb_mul(t, h, wb + a, prec);
        arb_sub(g->mvw + a, t, D + a, prec);
        arb_mul(t, h, vb + a, prec);
        arb_add(g->mwv + a, t, D + a, prec);
        arb_div(g->nvw + a, g->mvw + a, g->sin_s, prec);
        arb_div(g->nwv + a, g->mwv + a, g->sin_s, prec);
    }
    /* t / s = (2 |D| / A) phi(z), z = s |D| / A, phi(z) = atan(z)/z in
       [phi(zmax), phi(zmin)] for z in [zmin, zmax] (phi decreases from
       phi(0) = 1): the end values at the ends of the ball of z, so the
       enclosure shrinks with the piece */
    arb_mul(z, s, nd, prec);
    arb_div(z, z, A, prec);
    {
        arf_t zm;
        arf_init(zm);
        arb_get_ubound_arf(zm, z, prec);
        if (arf_sgn(zm) > 0)
        {
            arb_set_arf(t, zm);
            arb_atan(h, t, prec);
            arb_div(h, h, t, prec);
            arb_get_lbound_arf(zm, z, prec);
            if (arf_sgn(zm) > 0)
            {
                arb_set_arf(t, zm);
                arb_atan(z, t, prec);
                arb_div(t, z, t, prec);
            }
            else
                arb_one(t);
            arb_union(h, h, t, prec);
        }
        else
            arb_one(h);
        arf_clear(zm);
    }
    arb_mul(g->t_s, nd, h, prec);
    arb_mul_2exp_si(g->t_s, g->t_s, 1);
    arb_div(g->t_s, g->t_s, A, prec);
    arb_clear(nd); arb_clear(A); arb_clear(h); arb_clear(z); arb_clear(t);
    return ok;
}

/* res += sign * f * ((sin t/s)(|y|^2 - (wb.y)^2) + (mvw.y)(nvw.y)) / (2 pi) */
static void
h1_div_add(arb_t res, const div_t_ * g, arb_srcptr wb, arb_srcptr y, const arb_t f,
           int sign, const ctx_t * C)
{
    slong d = C->d, prec = C->prec;
    arb_t a, b, c;

    arb_init(a); arb_init(b); arb_init(c);
    vdot(a, y, y, d, prec);
    vdot(b, wb, y, d, prec);
    arb_submul(a, b, b, prec);
    arb_mul(a, a, g->sin_s, prec);
    vdot(b, g->mvw, y, d, prec);
    vdot(c, g->nvw, y, d, prec);
    arb_addmul(a, b, c, prec);
    arb_mul(a, a, f, prec);
    arb_div(a, a, C->pi2, prec);
    if (sign > 0)
        arb_add(res, res, a, prec);
    else
        arb_sub(res, res, a, prec);
    arb_clear(a); arb_clear(b); arb_clear(c);
}

/* ---- T': forward-mode derivatives of non-degenerate pairs ---- */

typedef struct
{
    arb_t nw, dnw, nv, dnv, c, dc, s, ds, t, dt;
    arb_ptr wb, dwb, vb, dvb, mvw, dmvw, nvw, dnvw, mwv, dmwv, nwv, dnwv;
}
dpair_t;

static void
dpair_init(dpair_t * p, slong d)
{
    arb_init(p->nw); arb_init(p->dnw); arb_init(p->nv); arb_init(p->dnv);
    arb_init(p->c); arb_init(p->dc); arb_init(p->s); arb_init(p->ds);
    arb_init(p->t); arb_init(p->dt);
    p->wb = _arb_vec_init(d); p->dwb = _arb_vec_init(d);
    p->vb = _arb_vec_init(d); p->dvb = _arb_vec_init(d);
    p->mvw = _arb_vec_init(d); p->dmvw = _arb_vec_init(d);
    p->nvw = _arb_vec_init(d); p->dnvw = _arb_vec_init(d);
    p->mwv = _arb_vec_init(d); p->dmwv = _arb_vec_init(d);
    p->nwv = _arb_vec_init(d); p->dnwv = _arb_vec_init(d);
}

static void
dpair_clear(dpair_t * p, slong d)
{
    arb_clear(p->nw); arb_clear(p->dnw); arb_clear(p->nv); arb_clear(p->dnv);
    arb_clear(p->c); arb_clear(p->dc); arb_clear(p->s); arb_clear(p->ds);
    arb_clear(p->t); arb_clear(p->dt);
    _arb_vec_clear(p->wb, d); _arb_vec_clear(p->dwb, d);
    _arb_vec_clear(p->vb, d); _arb_vec_clear(p->dvb, d);
    _arb_vec_clear(p->mvw, d); _arb_vec_clear(p->dmvw, d);
    _arb_vec_clear(p->nvw, d); _arb_vec_clear(p->dnvw, d);
    _arb_vec_clear(p->mwv, d); _arb_vec_clear(p->dmwv, d);
    _arb_vec_clear(p->nwv, d); _arb_vec_clear(p->dnwv, d);
}

/* x -> (n, dn, xb, dxb) for x with derivative dx (dx may be NULL: 0) */
static void
dnormalize(arb_t n, arb_t dn, arb_ptr xb, arb_ptr dxb, arb_srcptr x, arb_srcptr dx,
           slong d, slong prec)
{
    arb_t t;
    slong a;

    arb_init(t);
    vdot(n, x, x, d, prec);
    arb_sqrtpos(n, n, prec);
    for (a = 0; a < d; a++)
        arb_div(xb + a, x + a, n, prec);
    if (dx == NULL)
    {
        arb_zero(dn);
        _arb_vec_zero(dxb, d);
    }
    else
    {
        vdot(dn, xb, dx, d, prec);                  /* d|x| = xb . dx */
        for (a = 0; a < d; a++)
        {
            arb_mul(t, xb + a, dn, prec);
            arb_sub(t, dx + a, t, prec);
            arb_div(dxb + a, t, n, prec);           /* (dx - xb (xb.dx)) / |x| */
        }
    }
    arb_clear(t);
}

/* m = y - c z and n = m / s with derivatives */
static void
dm_n(arb_ptr m, arb_ptr dm, arb_ptr n, arb_ptr dn, arb_srcptr y, arb_srcptr dy,
     arb_srcptr z, arb_srcptr dz, const dpair_t * p, slong d, slong prec)
{
    slong a;
    arb_t t;

    arb_init(t);
    for (a = 0; a < d; a++)
    {
        arb_mul(t, p->c, z + a, prec);
        arb_sub(m + a, y + a, t, prec);
        arb_mul(t, p->dc, z + a, prec);
        arb_sub(dm + a, dy + a, t, prec);
        arb_submul(dm + a, p->c, dz + a, prec);
        arb_div(n + a, m + a, p->s, prec);
        arb_mul(t, n + a, p->ds, prec);
        arb_sub(t, dm + a, t, prec);
        arb_div(dn + a, t, p->s, prec);
    }
    arb_clear(t);
}

/* the geometry of (w, v) with derivatives; 0 if the pair may be degenerate */
static int
dpair_set(dpair_t * p, arb_srcptr w, arb_srcptr dw, arb_srcptr v, arb_srcptr dv,
          slong d, slong prec)
{
    arb_t t;

    arb_init(t);
    dnormalize(p->nw, p->dnw, p->wb, p->dwb, w, dw, d, prec);
    dnormalize(p->nv, p->dnv, p->vb, p->dvb, v, dv, d, prec);
    vdot(p->c, p->wb, p->vb, d, prec);
    vdot(p->dc, p->dwb, p->vb, d, prec);
    vdot(t, p->wb, p->dvb, d, prec);
    arb_add(p->dc, p->dc, t, prec);
    /* s = sqrt(1 - c^2) > 0 required; t = acos c */
    arb_sqr(t, p->c, prec);
    arb_sub_ui(t, t, 1, prec);
    arb_neg(t, t);
    arb_sqrtpos(p->s, t, prec);
    if (!arb_is_positive(p->s) || !arb_is_positive(p->nw) || !arb_is_positive(p->nv))
    {
        arb_clear(t);
        return 0;
    }
    arb_mul(p->ds, p->c, p->dc, prec);
    arb_div(p->ds, p->ds, p->s, prec);
    arb_neg(p->ds, p->ds);
    arb_acos(p->t, p->c, prec);
    arb_div(p->dt, p->dc, p->s, prec);
    arb_neg(p->dt, p->dt);
    dm_n(p->mvw, p->dmvw, p->nvw, p->dnvw, p->vb, p->dvb, p->wb, p->dwb, p, d, prec);
    dm_n(p->mwv, p->dmwv, p->nwv, p->dnwv, p->wb, p->dwb, p->vb, p->dvb, p, d, prec);
    arb_clear(t);
    return 1;
}

/* res += sign * d/ds [ y^T h1(w, v) y ] */
static void
dh1_add(arb_t res, const dpair_t * p, arb_srcptr y, int sign, const ctx_t * C)
{
    slong d = C->d, prec = C->prec;
    arb_t yy, wy, dwy, P, dP, a, b, f, df;

    arb_init(yy); arb_init(wy); arb_init(dwy); arb_init(P); arb_init(dP);
    arb_init(a); arb_init(b); arb_init(f); arb_init(df);
    vdot(yy, y, y, d, prec);
    vdot(wy, p->wb, y, d, prec);
    vdot(dwy, p->dwb, y, d, prec);
    /* P = s (yy - wy^2) + (mvw.y)(nvw.y) */
    arb_sqr(a, wy, prec);
    arb_sub(a, yy, a, prec);
    arb_mul(P, p->s, a, prec);
    arb_mul(dP, p->ds, a, prec);
    arb_mul(b, wy, dwy, prec);
    arb_mul_2exp_si(b, b, 1);
    arb_submul(dP, p->s, b, prec);
    vdot(a, p->mvw, y, d, prec);
    vdot(b, p->nvw, y, d, prec);
    arb_addmul(P, a, b, prec);
    vdot(f, p->dnvw, y, d, prec);
    arb_addmul(dP, a, f, prec);
    vdot(a, p->dmvw, y, d, prec);
    arb_addmul(dP, a, b, prec);
    /* f = nv / nw, df = (dnv nw - nv dnw) / nw^2 */
    arb_div(f, p->nv, p->nw, prec);
    arb_mul(df, p->dnv, p->nw, prec);
    arb_submul(df, p->nv, p->dnw, prec);
    arb_sqr(a, p->nw, prec);
    arb_div(df, df, a, prec);
    /* d(f P) = df P + f dP, over 2 pi */
    arb_mul(a, df, P, prec);
    arb_addmul(a, f, dP, prec);
    arb_div(a, a, C->pi2, prec);
    if (sign > 0)
        arb_add(res, res, a, prec);
    else
        arb_sub(res, res, a, prec);
    arb_clear(yy); arb_clear(wy); arb_clear(dwy); arb_clear(P); arb_clear(dP);
    arb_clear(a); arb_clear(b); arb_clear(f); arb_clear(df);
}

/* res += 2 d/ds [ x^T h2(w, v) y ] */
static void
dh2_add2(arb_t res, const dpair_t * p, arb_srcptr x, arb_srcptr y, const ctx_t * C)
{
    slong d = C->d, prec = C->prec;
    arb_t xy, a, b, e, f, acc;

    arb_init(xy); arb_init(a); arb_init(b); arb_init(e); arb_init(f); arb_init(acc);
    vdot(xy, x, y, d, prec);
    arb_mul(acc, p->dt, xy, prec);
    arb_neg(acc, acc);                               /* -dt (x.y) */
    vdot(a, p->dmvw, x, d, prec);
    vdot(b, p->nwv, y, d, prec);
    arb_addmul(acc, a, b, prec);
    vdot(a, p->mvw, x, d, prec);
    vdot(b, p->dnwv, y, d, prec);
    arb_addmul(acc, a, b, prec);
    vdot(a, p->wb, x, d, prec);
    vdot(b, p->vb, y, d, prec);
    vdot(e, p->dwb, x, d, prec);
    vdot(f, p->dvb, y, d, prec);
    /* d[s (wb.x)(vb.y)] */
    arb_mul(xy, a, b, prec);
    arb_addmul(acc, p->ds, xy, prec);
    arb_mul(xy, e, b, prec);
    arb_addmul(xy, a, f, prec);
    arb_addmul(acc, p->s, xy, prec);
    arb_div(acc, acc, C->pi2, prec);
    arb_mul_2exp_si(acc, acc, 1);
    arb_add(res, res, acc, prec);
    arb_clear(xy); arb_clear(a); arb_clear(b); arb_clear(e); arb_clear(f); arb_clear(acc);
}

int
rc_opsc_slope(arb_t psi, const arb_mat_t U, slong k, slong m, const fmpq_t s0, slong prec)
{
    fmpq_t z;
    int ok;

    fmpq_init(z);
    ok = rc_opsc_slope_piece(psi, U, k, m, z, s0, prec);
    fmpq_clear(z);
    return ok;
}

/* The parts over the piece [sa, sb]: psi = A(s)/s + B(s)/s (s over the
   piece), Tval = T(sa) (when sa > 0 or form), Tder = T'([sa, sb]). With
   form = 0 the group sums must be exactly 0; with form = 1 any direction. */
static int
slope_parts(arb_t psi, arb_t Tval, arb_t Tder, const arb_mat_t U, slong k, slong m,
            const fmpq_t sa, const fmpq_t sb, int form, slong prec)
{
    slong n = k * m, d = k, a, b, j;
    int at0 = fmpq_is_zero(sa) && !form;
    arb_mat_t W, Wt, Wp;
    arb_t s, t, f, nwa, nwb, em, pi;
    rc_pair_t pp;
    arb_ptr D, E, ej, uu;
    div_t_ g;
    dpair_t p;
    ctx_t C;
    int ok = 1;

    arb_mat_init(W, n, d); arb_mat_init(Wt, n, d); arb_mat_init(Wp, n, d);
    arb_init(s); arb_init(t); arb_init(f); arb_init(nwa); arb_init(nwb); arb_init(em);
    arb_zero(Tder); arb_zero(Tval); arb_init(pi);
    rc_pair_init(pp, d);
    arb_const_pi(pi, prec);
    D = _arb_vec_init(d); E = _arb_vec_init(d); ej = _arb_vec_init(d);
    uu = _arb_vec_init(n);
    g.mvw = _arb_vec_init(d); g.mwv = _arb_vec_init(d);
    g.nvw = _arb_vec_init(d); g.nwv = _arb_vec_init(d);
    arb_init(g.sin_s); arb_init(g.t_s);
    dpair_init(&p, d);
    C.d = d;
    C.prec = prec;
    arb_init(C.pi2);
    arb_const_pi(C.pi2, prec);
    arb_mul_2exp_si(C.pi2, C.pi2, 1);
    arb_zero(psi);

    /* every group sum must be exactly 0 (the lemma needs it) */
    if (!form && !rc_opsc_groups_zero(U, k, m))
    {
        ok = 0;
        goto out;
    }

    /* 0 <= sa < sb required */
    if (fmpq_sgn(sa) < 0 || fmpq_cmp(sa, sb) >= 0)
    {
        ok = 0;
        goto out;
    }
    /* W = w~ + [sa, sb] U; Wp = w~ + sa U; uu_a = |u_a|^2 */
    rc_opsc_minimum(Wt, k, m, prec);
    for (a = 0; a < n; a++)
        vdot(uu + a, arb_mat_entry(U, a, 0), arb_mat_entry(U, a, 0), d, prec);
    arb_set_fmpq(s, sa, prec);
    arb_set_fmpq(t, sb, prec);
    arb_union(s, s, t, prec);
    arb_set_fmpq(f, sa, prec);
    for (a = 0; a < n * d; a++)
    {
        arb_mul(arb_mat_entry(W, a / d, a % d), arb_mat_entry(U, a / d, a % d), s, prec);
        arb_add(arb_mat_entry(W, a / d, a % d), arb_mat_entry(W, a / d, a % d),
                arb_mat_entry(Wt, a / d, a % d), prec);
        arb_mul(arb_mat_entry(Wp, a / d, a % d), arb_mat_entry(U, a / d, a % d), f, prec);
        arb_add(arb_mat_entry(Wp, a / d, a % d), arb_mat_entry(Wp, a / d, a % d),
                arb_mat_entry(Wt, a / d, a % d), prec);
    }
    if (rc_student_zero_row(W, prec) >= 0)
    {
        ok = 0;
        goto out;
    }
    arb_set_si(em, m);
    arb_inv(em, em, prec);                            /* 1/m */

    for (a = 0; a < n && ok; a++)
    {
        arb_srcptr wa = arb_mat_entry(W, a, 0), ua = arb_mat_entry(U, a, 0);
        slong ia = a / m;

        for (b = a + 1; b < n && ok; b++)
        {
            arb_srcptr wb_ = arb_mat_entry(W, b, 0), ub = arb_mat_entry(U, b, 0);
            if (b / m == ia)
            {
                /* A: same group, divided by s. wb_a - wb_b = s D with
                   D = (u_a - u_b)/|w_a| + w_b ((u_b - u_a).(w_a + w_b))
                       / (|w_a| |w_b| (|w_a| + |w_b|)) */
                arb_ptr wbA = _arb_vec_init(d), wbB = _arb_vec_init(d);
                vdot(nwa, wa, wa, d, prec); arb_sqrtpos(nwa, nwa, prec);
                vdot(nwb, wb_, wb_, d, prec); arb_sqrtpos(nwb, nwb, prec);
                for (j = 0; j < d; j++)
                {
                    arb_div(wbA + j, wa + j, nwa, prec);
                    arb_div(wbB + j, wb_ + j, nwb, prec);
                    arb_sub(E + j, ub + j, ua + j, prec);    /* u_b - u_a */
                    arb_add(ej + j, wa + j, wb_ + j, prec);  /* w_a + w_b */
                }
                vdot(t, E, ej, d, prec);
                arb_add(f, nwa, nwb, prec);
                arb_mul(f, f, nwa, prec);
                arb_mul(f, f, nwb, prec);
                arb_div(t, t, f, prec);
                for (j = 0; j < d; j++)
                {
                    arb_div(D + j, E + j, nwa, prec);
                    arb_neg(D + j, D + j);
                    arb_addmul(D + j, wb_ + j, t, prec);
                }
                if (!divided_geometry(&g, wbA, wbB, D, s, d, prec))
                    ok = 0;
                else
                {
                    /* 2 u_a^T (h2 - I/2) u_b / s
                       = 2 (-(t/s)(u_a.u_b) + (mvw/s.u_a)(nwv.u_b)
                            + (sin t/s)(wb_a.u_a)(wb_b.u_b)) / (2 pi) */
                    arb_t acc, x1, x2;
                    arb_init(acc); arb_init(x1); arb_init(x2);
                    vdot(x1, ua, ub, d, prec);
                    arb_mul(acc, g.t_s, x1, prec);
                    arb_neg(acc, acc);
                    vdot(x1, g.mvw, ua, d, prec);
                    vdot(x2, g.nwv, ub, d, prec);
                    arb_addmul(acc, x1, x2, prec);
                    vdot(x1, wbA, ua, d, prec);
                    vdot(x2, wbB, ub, d, prec);
                    arb_mul(x1, x1, x2, prec);
                    arb_addmul(acc, g.sin_s, x1, prec);
                    arb_div(acc, acc, C.pi2, prec);
                    arb_mul_2exp_si(acc, acc, 1);
                    arb_add(psi, psi, acc, prec);
                    /* u_a^T h1(w_a, w_b) u_a / s and u_b^T h1(w_b, w_a) u_b / s */
                    arb_div(f, nwb, nwa, prec);
                    h1_div_add(psi, &g, wbA, ua, f, 1, &C);
                    {
                        div_t_ h;
                        h.mvw = g.mwv; h.nvw = g.nwv; h.mwv = g.mvw; h.nwv = g.nvw;
                        *h.sin_s = *g.sin_s; *h.t_s = *g.t_s;
                        arb_div(f, nwa, nwb, prec);
                        h1_div_add(psi, &h, wbB, ub, f, 1, &C);
                    }
                    arb_clear(acc); arb_clear(x1); arb_clear(x2);
                }
                _arb_vec_clear(wbA, d);
                _arb_vec_clear(wbB, d);
            }
            else
            {
                /* T': a cross-group pair */
                if (!dpair_set(&p, wa, ua, wb_, ub, d, prec))
                    ok = 0;
                else
                {
                    dh2_add2(Tder, &p, ua, ub, &C);
                    dh1_add(Tder, &p, ua, 1, &C);
                    if (!dpair_set(&p, wb_, ub, wa, ua, d, prec))
                        ok = 0;
                    else
                        dh1_add(Tder, &p, ub, 1, &C);
                }
                if (ok && !at0)
                {
                    /* T(sa): its value at the point */
                    rc_pair_set(pp, arb_mat_entry(Wp, a, 0), arb_mat_entry(Wp, b, 0), prec);
                    rc_kernel_h2_form_add2(Tval, pp, ua, ub, pi, prec);
                    rc_kernel_h1_form_add(Tval, pp, ua, uu + a, pi, 1, prec);
                    rc_pair_swap(pp);
                    rc_kernel_h1_form_add(Tval, pp, ub, uu + b, pi, 1, prec);
                }
            }
        }
        if (!ok)
            break;
        for (j = 0; j < k && ok; j++)
        {
            _arb_vec_zero(ej, d);
            arb_one(ej + j);
            if (j != ia)
            {
                /* T': other teacher neurons */
                if (!dpair_set(&p, wa, ua, ej, NULL, d, prec))
                    ok = 0;
                else
                    dh1_add(Tder, &p, ua, -1, &C);
                if (ok && !at0)
                {
                    rc_pair_set(pp, arb_mat_entry(Wp, a, 0), ej, prec);
                    rc_kernel_h1_form_add(Tval, pp, ua, uu + a, pi, -1, prec);
                }
            }
            else
            {
                /* B: own teacher, divided by s. wb_a - e_i = s D with
                   D = (u_a - e_i (2 u_ai/m + s |u_a|^2)/(1/m + |w_a|)) / |w_a| */
                arb_ptr wbA = _arb_vec_init(d);
                vdot(nwa, wa, wa, d, prec); arb_sqrtpos(nwa, nwa, prec);
                for (b = 0; b < d; b++)
                    arb_div(wbA + b, wa + b, nwa, prec);
                arb_mul(t, uu + a, s, prec);
                arb_mul(f, ua + ia, em, prec);
                arb_mul_2exp_si(f, f, 1);
                arb_add(t, t, f, prec);
                arb_add(f, em, nwa, prec);
                arb_div(t, t, f, prec);
                for (b = 0; b < d; b++)
                {
                    arb_set(D + b, ua + b);
                    if (b == ia)
                        arb_sub(D + b, D + b, t, prec);
                    arb_div(D + b, D + b, nwa, prec);
                }
                if (!divided_geometry(&g, wbA, ej, D, s, d, prec))
                    ok = 0;
                else
                {
                    arb_inv(f, nwa, prec);               /* |v| / |w_a| */
                    h1_div_add(psi, &g, wbA, ua, f, -1, &C);
                }
                _arb_vec_clear(wbA, d);
            }
        }
    }
out:
    if (!ok)
    {
        arb_indeterminate(psi);
        arb_indeterminate(Tval);
        arb_indeterminate(Tder);
    }
    arb_mat_clear(W); arb_mat_clear(Wt); arb_mat_clear(Wp);
    arb_clear(s); arb_clear(t); arb_clear(f); arb_clear(nwa); arb_clear(nwb); arb_clear(em);
    arb_clear(pi);
    rc_pair_clear(pp);
    _arb_vec_clear(D, d); _arb_vec_clear(E, d); _arb_vec_clear(ej, d);
    _arb_vec_clear(uu, n);
    _arb_vec_clear(g.mvw, d); _arb_vec_clear(g.mwv, d);
    _arb_vec_clear(g.nvw, d); _arb_vec_clear(g.nwv, d);
    arb_clear(g.sin_s); arb_clear(g.t_s);
    dpair_clear(&p, d);
    arb_clear(C.pi2);
    return ok;
}

int
_rc_opsc_slope_combine(arb_t psi, const arb_t Tval, const arb_t Tder, const fmpq_t sa,
                       const fmpq_t sb, slong prec)
{
    arb_t tv, td, t, f;
    fmpq_t z;

    if (!arb_is_finite(psi) || !arb_is_finite(Tval) || !arb_is_finite(Tder))
    {
        arb_indeterminate(psi);
        return 0;
    }
    if (fmpq_is_zero(sa))
    {
        arb_add(psi, psi, Tder, prec);             /* T(s)/s = T'(xi), T(0) = 0 */
        return 1;
    }
    arb_init(tv); arb_init(td); arb_init(t); arb_init(f);
    fmpq_init(z);
    /* T(s)/s = T(sa)/sa + ((s - sa)/s) (T'(xi) - T(sa)/sa), the second
       factor in [0, 1 - sa/sb]: the size of T' enters only through its
       variation */
    arb_set_fmpq(t, sa, prec);
    arb_div(tv, Tval, t, prec);                     /* T(sa)/sa */
    arb_add(psi, psi, tv, prec);
    arb_sub(td, Tder, tv, prec);
    fmpq_div(z, sa, sb);
    arb_set_fmpq(t, z, prec);
    arb_sub_ui(t, t, 1, prec);
    arb_neg(t, t);
    arb_zero(f);
    arb_union(t, t, f, prec);
    arb_addmul(psi, td, t, prec);
    arb_clear(tv); arb_clear(td); arb_clear(t); arb_clear(f);
    fmpq_clear(z);
    return 1;
}

int
rc_opsc_slope_piece(arb_t psi, const arb_mat_t U, slong k, slong m, const fmpq_t sa,
                    const fmpq_t sb, slong prec)
{
    arb_t Tval, Tder;
    int ok;

    arb_init(Tval); arb_init(Tder);
    ok = slope_parts(psi, Tval, Tder, U, k, m, sa, sb, 0, prec)
         && _rc_opsc_slope_combine(psi, Tval, Tder, sa, sb, prec);
    arb_clear(Tval); arb_clear(Tder);
    return ok;
}

int
_rc_opsc_form_combine(arb_t q, const arb_t AB, const arb_t Tval, const arb_t Tder,
                      const arb_mat_t U, slong k, slong m, const fmpq_t sa, const fmpq_t sb,
                      slong prec)
{
    slong i, j, d = k;
    arb_t t, f;
    arb_ptr gi;

    if (!arb_is_finite(AB) || !arb_is_finite(Tval) || !arb_is_finite(Tder))
    {
        arb_indeterminate(q);
        return 0;
    }
    arb_init(t); arb_init(f);
    gi = _arb_vec_init(d);
    /* q(s) = sum_i |g_i|^2 / 2 + s (A(s)/s + B(s)/s) + T(sa) + (s - sa) T'(xi) */
    arb_zero(q);
    for (i = 0; i < k; i++)
    {
        _arb_vec_zero(gi, d);
        for (j = 0; j < m; j++)
            _arb_vec_add(gi, gi, arb_mat_entry(U, i * m + j, 0), d, prec);
        arb_dot(t, q, 0, gi, 1, gi, 1, d, prec);
        arb_swap(q, t);
    }
    arb_mul_2exp_si(q, q, -1);
    arb_set_fmpq(t, sa, prec);
    arb_set_fmpq(f, sb, prec);
    arb_union(t, t, f, prec);
    arb_addmul(q, AB, t, prec);
    arb_add(q, q, Tval, prec);
    arb_set_fmpq(t, sb, prec);
    arb_set_fmpq(f, sa, prec);
    arb_sub(t, t, f, prec);
    arb_zero(f);
    arb_union(t, t, f, prec);                      /* [0, sb - sa] */
    arb_addmul(q, Tder, t, prec);
    arb_clear(t); arb_clear(f);
    _arb_vec_clear(gi, d);
    return 1;
}

int
rc_opsc_form_centered(arb_t q, const arb_mat_t U, slong k, slong m, const fmpq_t sa,
                      const fmpq_t sb, slong prec)
{
    arb_t AB, Tval, Tder;
    int ok;

    arb_init(AB); arb_init(Tval); arb_init(Tder);
    ok = slope_parts(AB, Tval, Tder, U, k, m, sa, sb, 1, prec)
         && _rc_opsc_form_combine(q, AB, Tval, Tder, U, k, m, sa, sb, prec);
    if (!ok)
        arb_indeterminate(q);
    arb_clear(AB); arb_clear(Tval); arb_clear(Tder);
    return ok;
}
