/* The centred forms of src/opsc/opsc_slope.c in binary64 interval arithmetic
   (di.h): the floating-point fast path of "certify opsc".

   Same decomposition q(s) = sum_i |g_i|^2/2 + A(s) + B(s) + T(s), same
   divided forms and mean value theorem (see opsc_slope.c and lemma L7),
   but every vector is reduced to scalars first. With V = I_k and
   w~_a = e_{i(a)}/m, every dot product the kernels need is a polynomial in
   s whose coefficients are entries of U, of the Gram matrix UU^T and 1/m:
       w_a.w_b = [i(a) = i(b)]/m^2 + s (u_b[i(a)] + u_a[i(b)])/m + s^2 u_a.u_b
       w_a.u_b = u_b[i(a)]/m + s u_a.u_b,     w_a.e_j = [j = i(a)]/m + s u_a[j].
   So, with UU^T computed once per direction (O(n^2 d)), one piece costs
   O(n^2) interval operations instead of O(n^2 d) ball operations: per
   neuron a, over the piece's s,
       |w_a|, dn_a = wb_a.u_a (= d|w_a|/ds), e_a = dwb_a.u_a = perp_a/|w_a|,
       perp_a = |u_a|^2 - dn_a^2 (>= 0 by Cauchy-Schwarz),
   and per pair (w, v) = (w_a, w_b) with c = wb_a.wb_b, p_ab = wb_a.u_b,
       dc = (p_ba - c dn_a)/|w_a| + (p_ab - c dn_b)/|w_b|,
       q_ab = dwb_a.u_b = (u_a.u_b - p_ab dn_a)/|w_a|,
       M = m_vw.u_a = p_ba - c dn_a,  dM = q_ba - dc dn_a - c e_a,
   which is all that y^T h1 y, 2 x^T h2 y and their s-derivatives
   (dh1_add, dh2_add2 in opsc_slope.c) are made of. */
#include "relucert/opsc.h"
#include "relucert/di_arb.h"

#define ADD rc_di_add
#define SUB rc_di_sub
#define MUL rc_di_mul
#define DIV rc_di_div
#define SQR rc_di_sqr

/* x intersected with [0, +inf) for a quantity nonnegative by construction */
static rc_di_t
nonneg(rc_di_t x)
{
    if (!rc_di_is_valid(x) || x.hi < 0)
        return rc_di_invalid();
    if (x.lo < 0)
        x.lo = 0;
    return x;
}

/* x intersected with [-1, 1] (a cosine) */
static rc_di_t
unit(rc_di_t x)
{
    if (!rc_di_is_valid(x) || x.hi < -1 || x.lo > 1)
        return rc_di_invalid();
    if (x.lo < -1)
        x.lo = -1;
    if (x.hi > 1)
        x.hi = 1;
    return x;
}

void
rc_opsc_fast_init(rc_opsc_fast_t F, const arb_mat_t U, slong k, slong m)
{
    slong n = k * m, a, b, j;
    arb_t x;

    F->k = k;
    F->m = m;
    F->usable = rc_di_usable();
    F->u = flint_malloc(sizeof(rc_di_t) * n * k);
    F->uu = flint_malloc(sizeof(rc_di_t) * n * n);
    F->uperp = flint_malloc(sizeof(rc_di_t) * n);
    fmpq_init(F->tv_sa);
    F->tv_have = 0;
    rc_di_consts_init(F->c);
    arb_init(x);
    arb_set_si(x, m);
    arb_inv(x, x, 128);
    F->inv_m = rc_di_set_arb(x);
    arb_sqr(x, x, 128);
    F->inv_m2 = rc_di_set_arb(x);
    for (a = 0; a < n * k; a++)
        F->u[a] = rc_di_set_arb(arb_mat_entry(U, a / k, a % k));
    for (a = 0; a < n; a++)
        for (b = a; b < n; b++)
        {
            rc_di_t s = rc_di_pt(0);
            for (j = 0; j < k; j++)
                s = ADD(s, a == b ? SQR(F->u[a * k + j]) : MUL(F->u[a * k + j], F->u[b * k + j]));
            F->uu[a * n + b] = F->uu[b * n + a] = s;
        }
    /* |u_a|^2 - u_a[i(a)]^2, summed without the cancellation */
    for (a = 0; a < n; a++)
    {
        rc_di_t s = rc_di_pt(0);
        for (j = 0; j < k; j++)
            if (j != a / m)
                s = ADD(s, SQR(F->u[a * k + j]));
        F->uperp[a] = s;
    }
    /* the adversarial decomposition needs every group sum exactly 0 */
    F->groups_zero = rc_opsc_groups_zero(U, k, m);
    arb_clear(x);
}

void
rc_opsc_fast_clear(rc_opsc_fast_t F)
{
    flint_free(F->u);
    flint_free(F->uu);
    flint_free(F->uperp);
    fmpq_clear(F->tv_sa);
}

/* per neuron, over the s-interval S */
typedef struct
{
    rc_di_t ww, nw, dn, perp, e;
}
neuron_t;

static int
neurons(neuron_t * N, const rc_opsc_fast_t F, rc_di_t S)
{
    slong k = F->k, m = F->m, n = k * m, a;
    rc_di_t S2 = SQR(S);

    for (a = 0; a < n; a++)
    {
        rc_di_t ug = F->u[a * k + a / m], uaa = F->uu[a * n + a], t;
        /* |w_a|^2 = 1/m^2 + 2 s u_a[i]/m + s^2 |u_a|^2 */
        t = rc_di_mul_2exp(MUL(ug, F->inv_m), 1);
        N[a].ww = nonneg(ADD(ADD(F->inv_m2, MUL(S, t)), MUL(S2, uaa)));
        N[a].nw = rc_di_sqrtpos(N[a].ww);
        if (!rc_di_is_positive(N[a].nw))
            return 0;
        N[a].dn = DIV(ADD(MUL(ug, F->inv_m), MUL(S, uaa)), N[a].nw);
        N[a].perp = nonneg(SUB(uaa, SQR(N[a].dn)));
        if (rc_di_is_valid(N[a].perp) && N[a].perp.hi > uaa.hi)
            N[a].perp.hi = uaa.hi;
        N[a].e = DIV(N[a].perp, N[a].nw);
        if (!rc_di_is_valid(N[a].e))
            return 0;
    }
    return 1;
}

/* d/ds of y^T h1(w, v) y times 2 pi, from the scalars of the pair:
   P = s perp + M^2/s, dP = ds perp - 2 s dn e + M dN + dM N and
   f = |v|/|w|, df = (dn_v - f dn_w)/|w|: df P + f dP */
static rc_di_t
dh1(rc_di_t s, rc_di_t ds, rc_di_t M, rc_di_t dM, const neuron_t * w, rc_di_t f,
    rc_di_t df)
{
    rc_di_t Nn = DIV(M, s), dN, P, dP;

    dN = DIV(SUB(dM, MUL(Nn, ds)), s);
    P = ADD(MUL(s, w->perp), DIV(SQR(M), s));
    dP = SUB(MUL(ds, w->perp), rc_di_mul_2exp(MUL(s, MUL(w->dn, w->e)), 1));
    dP = ADD(dP, ADD(MUL(M, dN), MUL(dM, Nn)));
    return ADD(MUL(df, P), MUL(f, dP));
}

/* y^T h1(w, v) y times 2 pi at a point: |v| (s perp + M^2/s) / |w| */
static rc_di_t
h1(rc_di_t s, rc_di_t M, const neuron_t * w, rc_di_t nv)
{
    return DIV(MUL(nv, ADD(MUL(s, w->perp), DIV(SQR(M), s))), w->nw);
}

/* the divided geometry of an almost parallel pair (wb - vb = s D) from
   |D|^2 over the piece: |D|, A = |wb + vb| = sqrt(4 - s^2 |D|^2),
   sin t / s = |D| A / 2 and h = s |D|^2 / 2; 0 if |D| or A may be 0 */
static int
divided(rc_di_t * nd, rc_di_t * A, rc_di_t * sn, rc_di_t * h, rc_di_t DD, rc_di_t S,
        rc_di_t S2)
{
    *nd = rc_di_sqrtpos(DD);
    *A = rc_di_sqrtpos(SUB(rc_di_pt(4), MUL(S2, DD)));
    if (rc_di_is_valid(*A) && A->hi > 2)
        A->hi = 2;
    if (!rc_di_is_positive(*nd) || !rc_di_is_positive(*A))
        return 0;
    *sn = rc_di_mul_2exp(MUL(*nd, *A), -1);
    *h = rc_di_mul_2exp(MUL(S, DD), -1);
    return 1;
}

int
rc_opsc_fast_parts(rc_di_t * psi, rc_di_t * Tval, rc_di_t * Tder, rc_opsc_fast_t F,
                   const fmpq_t sa, const fmpq_t sb, int form)
{
    slong k = F->k, m = F->m, n = k * m, a, b, j;
    int at0 = fmpq_is_zero(sa) && !form, ok = 1, tv;
    rc_di_t S, S0, S2, S02, one = rc_di_pt(1), P2t = rc_di_pt(0), TVt = rc_di_pt(0),
        TDt = rc_di_pt(0);
    neuron_t * N, * N0;
    const rc_di_consts_struct * C = F->c;

    /* a piece: 0 <= sa < sb; for q (form = 1) also a point sa = sb */
    if (!F->usable || (!form && !F->groups_zero) || fmpq_sgn(sa) < 0
        || fmpq_cmp(sa, sb) > 0 || (!form && fmpq_equal(sa, sb)))
        return 0;
    S0 = rc_di_set_fmpq(sa);
    S = rc_di_union(S0, rc_di_set_fmpq(sb));
    S2 = SQR(S);
    S02 = SQR(S0);
    N = flint_malloc(sizeof(neuron_t) * n);
    N0 = flint_malloc(sizeof(neuron_t) * n);
    /* T(sa) is the same for every piece starting at sa: bisection asks for
       it again for each left half */
    tv = !at0 && !(F->tv_have && F->tv_form == form && fmpq_equal(F->tv_sa, sa));
    ok = neurons(N, F, S) && (!tv || neurons(N0, F, S0));

    for (a = 0; a < n && ok; a++)
    {
        slong ia = a / m;
        const neuron_t * na = N + a;
        rc_di_t uaa = F->uu[a * n + a];
        /* the sums over the pairs of neuron a, added to the totals at the
           end: each outward step is then one spacing of a partial sum,
           not of the whole */
        rc_di_t P2 = rc_di_pt(0), TV = rc_di_pt(0), TD = rc_di_pt(0);

        for (b = a + 1; b < n; b++)
        {
            slong ib = b / m;
            const neuron_t * nb = N + b;
            rc_di_t uab = F->uu[a * n + b], ubb = F->uu[b * n + b];

            if (ib == ia)
            {
                /* A: a pair of one group, divided by s. wb_a - wb_b = s D,
                   D = delta/|w_a| + tau w_b, delta = u_a - u_b,
                   tau = -delta.(w_a + w_b) / (|w_a| |w_b| (|w_a| + |w_b|)) */
                rc_di_t uai = F->u[a * k + ia], ubi = F->u[b * k + ia], di, dwa, dwb, tau,
                    Dua, Dub, DD, nd, A, sn, h, z, ts, X1, X2, acc;
                di = MUL(SUB(uai, ubi), F->inv_m);
                dwa = ADD(di, MUL(S, SUB(uaa, uab)));
                dwb = ADD(di, MUL(S, SUB(uab, ubb)));
                tau = rc_di_neg(DIV(ADD(dwa, dwb), MUL(MUL(na->nw, nb->nw), ADD(na->nw, nb->nw))));
                /* D, D.u_a, D.u_b, |D|^2 by coordinates (the scalar form of
                   |D|^2 cancels in coordinate i(a) and loses |D| > 0 on wide
                   pieces) */
                Dua = Dub = DD = rc_di_pt(0);
                for (j = 0; j < k; j++)
                {
                    rc_di_t wbj = MUL(S, F->u[b * k + j]), Dj;
                    if (j == ia)
                        wbj = ADD(wbj, F->inv_m);
                    Dj = ADD(DIV(SUB(F->u[a * k + j], F->u[b * k + j]), na->nw), MUL(tau, wbj));
                    Dua = ADD(Dua, MUL(Dj, F->u[a * k + j]));
                    Dub = ADD(Dub, MUL(Dj, F->u[b * k + j]));
                    DD = ADD(DD, SQR(Dj));
                }
                if (!divided(&nd, &A, &sn, &h, DD, S, S2))
                {
                    ok = 0;
                    break;
                }
                z = DIV(MUL(S, nd), A);
                ts = DIV(rc_di_mul_2exp(MUL(nd, rc_di_atan_over(z, C)), 1), A);   /* t / s */
                X1 = SUB(MUL(h, na->dn), Dua);                  /* m_vw/s . u_a */
                X2 = ADD(MUL(h, nb->dn), Dub);                  /* m_wv/s . u_b */
                /* 2 (-(t/s) u_a.u_b + X1 X2 / (sin t/s) + (sin t/s) dn_a dn_b) */
                acc = SUB(ADD(DIV(MUL(X1, X2), sn), MUL(sn, MUL(na->dn, nb->dn))), MUL(ts, uab));
                P2 = ADD(P2, rc_di_mul_2exp(acc, 1));
                /* the two h1 terms over s */
                P2 = ADD(P2, MUL(DIV(nb->nw, na->nw), ADD(MUL(na->perp, sn), DIV(SQR(X1), sn))));
                P2 = ADD(P2, MUL(DIV(na->nw, nb->nw), ADD(MUL(nb->perp, sn), DIV(SQR(X2), sn))));
            }
            else
            {
                /* T': a pair of different groups */
                rc_di_t ubia = F->u[b * k + ia], uaib = F->u[a * k + ib], c, pab, pba, dc, s, ds,
                    dt, qab, qba, M, dM, M2, dM2, acc, f;
                c = ADD(MUL(S, MUL(ADD(ubia, uaib), F->inv_m)), MUL(S2, uab));
                c = unit(DIV(c, MUL(na->nw, nb->nw)));
                pab = DIV(ADD(MUL(ubia, F->inv_m), MUL(S, uab)), na->nw);
                pba = DIV(ADD(MUL(uaib, F->inv_m), MUL(S, uab)), nb->nw);
                dc = ADD(DIV(SUB(pba, MUL(c, na->dn)), na->nw), DIV(SUB(pab, MUL(c, nb->dn)), nb->nw));
                s = rc_di_sqrtpos(SUB(one, SQR(c)));
                if (!rc_di_is_positive(s))
                {
                    ok = 0;
                    break;
                }
                ds = rc_di_neg(DIV(MUL(c, dc), s));
                dt = rc_di_neg(DIV(dc, s));
                qab = DIV(SUB(uab, MUL(pab, na->dn)), na->nw);
                qba = DIV(SUB(uab, MUL(pba, nb->dn)), nb->nw);
                M = SUB(pba, MUL(c, na->dn));
                dM = SUB(SUB(qba, MUL(dc, na->dn)), MUL(c, na->e));
                M2 = SUB(pab, MUL(c, nb->dn));
                dM2 = SUB(SUB(qab, MUL(dc, nb->dn)), MUL(c, nb->e));
                f = DIV(nb->nw, na->nw);
                TD = ADD(TD, dh1(s, ds, M, dM, na, f, DIV(SUB(nb->dn, MUL(f, na->dn)), na->nw)));
                f = DIV(na->nw, nb->nw);
                TD = ADD(TD, dh1(s, ds, M2, dM2, nb, f, DIV(SUB(na->dn, MUL(f, nb->dn)), nb->nw)));
                /* 2 d/ds x^T h2 y times 2 pi:
                   2 (-dt u_a.u_b + dM N2 + M dN2 + ds dn_a dn_b + s (e_a dn_b + dn_a e_b)) */
                {
                    rc_di_t N2 = DIV(M2, s), dN2 = DIV(SUB(dM2, MUL(N2, ds)), s);
                    acc = SUB(ADD(MUL(dM, N2), MUL(M, dN2)), MUL(dt, uab));
                    acc = ADD(acc, MUL(ds, MUL(na->dn, nb->dn)));
                    acc = ADD(acc, MUL(s, ADD(MUL(na->e, nb->dn), MUL(na->dn, nb->e))));
                    TD = ADD(TD, rc_di_mul_2exp(acc, 1));
                }
                if (tv)
                {
                    /* T(sa): the pair's value at the point sa, times 2 pi */
                    const neuron_t * pa = N0 + a, * pb = N0 + b;
                    rc_di_t c0, s0, M0, M02, t0, v;
                    c0 = ADD(MUL(S0, MUL(ADD(ubia, uaib), F->inv_m)), MUL(S02, uab));
                    c0 = unit(DIV(c0, MUL(pa->nw, pb->nw)));
                    s0 = rc_di_sqrtpos(SUB(one, SQR(c0)));
                    M0 = SUB(DIV(ADD(MUL(uaib, F->inv_m), MUL(S0, uab)), pb->nw), MUL(c0, pa->dn));
                    M02 = SUB(DIV(ADD(MUL(ubia, F->inv_m), MUL(S0, uab)), pa->nw), MUL(c0, pb->dn));
                    t0 = rc_di_acos_cs(c0, s0, C);
                    /* 2 x^T h2 y = ((pi - t) x.y + M0 M02/s + s dn_a dn_b) / pi */
                    v = ADD(MUL(SUB(C->pi, t0), uab), DIV(MUL(M0, M02), s0));
                    v = ADD(v, MUL(s0, MUL(pa->dn, pb->dn)));
                    TV = ADD(TV, rc_di_mul_2exp(v, 1));
                    TV = ADD(TV, h1(s0, M0, pa, pb->nw));
                    TV = ADD(TV, h1(s0, M02, pb, pa->nw));
                }
            }
        }
        if (!ok)
            break;
        for (j = 0; j < k; j++)
        {
            rc_di_t uaj = F->u[a * k + j];
            if (j != ia)
            {
                /* T': another teacher neuron e_j (|v| = 1, dv = 0) */
                rc_di_t c, dc, s, ds, M, dM, f;
                c = unit(DIV(MUL(S, uaj), na->nw));
                dc = DIV(SUB(uaj, MUL(c, na->dn)), na->nw);
                s = rc_di_sqrtpos(SUB(one, SQR(c)));
                if (!rc_di_is_positive(s))
                {
                    ok = 0;
                    break;
                }
                ds = rc_di_neg(DIV(MUL(c, dc), s));
                M = SUB(uaj, MUL(c, na->dn));
                dM = rc_di_neg(ADD(MUL(dc, na->dn), MUL(c, na->e)));
                f = DIV(one, na->nw);
                TD = SUB(TD, dh1(s, ds, M, dM, na, f, rc_di_neg(DIV(MUL(f, na->dn), na->nw))));
                if (tv)
                {
                    const neuron_t * pa = N0 + a;
                    rc_di_t c0 = unit(DIV(MUL(S0, uaj), pa->nw)), s0;
                    s0 = rc_di_sqrtpos(SUB(one, SQR(c0)));
                    TV = SUB(TV, h1(s0, SUB(uaj, MUL(c0, pa->dn)), pa, one));
                }
            }
            else
            {
                /* B: the own teacher e_i, divided by s. wb_a - e_i = s D,
                   D = (u_a - e_i tau)/|w_a|, tau = (2 u_a[i]/m + s |u_a|^2)/(1/m + |w_a|) */
                rc_di_t tau, DD, Dua, nd, A, sn, h, X1;
                tau = DIV(ADD(rc_di_mul_2exp(MUL(uaj, F->inv_m), 1), MUL(S, uaa)),
                          ADD(F->inv_m, na->nw));
                DD = nonneg(DIV(ADD(F->uperp[a], SQR(SUB(uaj, tau))), na->ww));
                Dua = DIV(SUB(uaa, MUL(tau, uaj)), na->nw);
                if (!divided(&nd, &A, &sn, &h, DD, S, S2))
                {
                    ok = 0;
                    break;
                }
                X1 = SUB(MUL(h, na->dn), Dua);
                P2 = SUB(P2, DIV(ADD(MUL(na->perp, sn), DIV(SQR(X1), sn)), na->nw));
            }
        }
        P2t = ADD(P2t, P2);
        TVt = ADD(TVt, TV);
        TDt = ADD(TDt, TD);
    }
    flint_free(N);
    flint_free(N0);
    *psi = MUL(P2t, C->inv_2pi);
    *Tval = at0 ? rc_di_pt(0) : tv ? MUL(TVt, C->inv_2pi) : F->tv;
    *Tder = MUL(TDt, C->inv_2pi);
    ok = ok && rc_di_is_valid(*psi) && rc_di_is_valid(*Tval) && rc_di_is_valid(*Tder);
    if (ok && tv)
    {
        fmpq_set(F->tv_sa, sa);
        F->tv_form = form;
        F->tv = *Tval;
        F->tv_have = 1;
    }
    return ok;
}

int
rc_opsc_slope_piece_fast(arb_t psi, rc_opsc_fast_t F, const fmpq_t sa, const fmpq_t sb,
                         slong prec)
{
    rc_di_t p, tv, td;
    arb_t Tval, Tder;
    int ok;

    if (!rc_opsc_fast_parts(&p, &tv, &td, F, sa, sb, 0))
    {
        arb_indeterminate(psi);
        return 0;
    }
    arb_init(Tval);
    arb_init(Tder);
    rc_di_get_arb(psi, p);
    rc_di_get_arb(Tval, tv);
    rc_di_get_arb(Tder, td);
    ok = _rc_opsc_slope_combine(psi, Tval, Tder, sa, sb, prec);
    arb_clear(Tval);
    arb_clear(Tder);
    return ok;
}

int
rc_opsc_form_centered_fast(arb_t q, rc_opsc_fast_t F, const arb_mat_t U,
                           const fmpq_t sa, const fmpq_t sb, slong prec)
{
    rc_di_t p, tv, td;
    arb_t AB, Tval, Tder;
    int ok;

    if (!rc_opsc_fast_parts(&p, &tv, &td, F, sa, sb, 1))
    {
        arb_indeterminate(q);
        return 0;
    }
    arb_init(AB);
    arb_init(Tval);
    arb_init(Tder);
    rc_di_get_arb(AB, p);
    rc_di_get_arb(Tval, tv);
    rc_di_get_arb(Tder, td);
    ok = _rc_opsc_form_combine(q, AB, Tval, Tder, U, F->k, F->m, sa, sb, prec);
    arb_clear(AB);
    arb_clear(Tval);
    arb_clear(Tder);
    return ok;
}
