/* The irreducible types of G acting on R^{n x k} (n = k + nx) and their copies (the table
   of proofs/model.md M6.4), with the exact Gram matrices Gamma = U^T U and the
   dimension count. */
#include <string.h>
#include "sym_frame.h"

/* codes of the copies (rc_sym_type_struct.copy) */
enum
{
    COPY_ORBIT = 0,     /* E_o, o = copy_c */
    COPY_XB_1C = 1,     /* x_b 1_c^T */
    COPY_1C_XB = 2,     /* 1_c x_b^T */
    COPY_DIAG_XB = 3,   /* diag(x_b) */
    COPY_ALT = 4,       /* u v^T - v u^T, u = e_a0 - e_a1, v = e_a1 - e_a2 */
    COPY_SYM = 5,       /* u v^T + v u^T, u = e_a0 - e_a1, v = e_a2 - e_a3 */
    COPY_XB_XC = 6,     /* x_b x_c^T, x_b = e_a0 - e_a1, x_c = e_a2 - e_a3 */
    COPY_XC_XB = 7,     /* x_c x_b^T */
    COPY_EXTRA_XB = 8   /* row k + e equal to x_b^T, e = copy_c (M6.8(c)) */
};

static void
add_copy(rc_sym_type_struct * t, int code, slong c)
{
    t->copy[t->ncopies] = code;
    t->copy_c[t->ncopies] = c;
    t->ncopies++;
}

static void
set_support(rc_sym_type_struct * t, const rc_sym_t s, slong b, slong nb, slong c, slong nc)
{
    slong j;
    t->nsupport = 0;
    for (j = 0; j < nb; j++)
        t->support[t->nsupport++] = s->members[s->start[b] + j];
    for (j = 0; j < nc; j++)
        t->support[t->nsupport++] = s->members[s->start[c] + j];
}

void
rc_sym_types(rc_sym_type_struct ** types, slong * ntypes, const rc_sym_t s)
{
    slong m = s->m, b, c, o, n = 0;
    rc_sym_type_struct * T = flint_calloc(1 + 3 * m + m * (m - 1) / 2,
                                          sizeof(rc_sym_type_struct));
    rc_sym_type_struct * t;

    t = T + n++;
    t->kind = RC_SYM_TRIVIAL; t->b = t->c = -1; t->dim = 1;
    for (o = 0; o < s->q; o++)
        add_copy(t, COPY_ORBIT, o);
    for (b = 0; b < m; b++)
    {
        slong p = s->p[b];
        if (p >= 2)
        {
            t = T + n++;
            t->kind = RC_SYM_STANDARD; t->b = b; t->c = -1; t->dim = p - 1;
            set_support(t, s, b, 2, 0, 0);
            for (c = 0; c < m; c++)
                add_copy(t, COPY_XB_1C, c);
            for (c = 0; c < m; c++)
                add_copy(t, COPY_1C_XB, c);
            if (p >= 3)
                add_copy(t, COPY_DIAG_XB, -1);
            for (c = 0; c < s->nx; c++)
                add_copy(t, COPY_EXTRA_XB, c);
        }
        if (p >= 3)
        {
            t = T + n++;
            t->kind = RC_SYM_ALTERNATING; t->b = b; t->c = -1;
            t->dim = (p - 1) * (p - 2) / 2;
            set_support(t, s, b, 3, 0, 0);
            add_copy(t, COPY_ALT, -1);
        }
        if (p >= 4)
        {
            t = T + n++;
            t->kind = RC_SYM_SYMMETRIC; t->b = b; t->c = -1; t->dim = p * (p - 3) / 2;
            set_support(t, s, b, 4, 0, 0);
            add_copy(t, COPY_SYM, -1);
        }
    }
    for (b = 0; b < m; b++)
        for (c = b + 1; c < m; c++)
            if (s->p[b] >= 2 && s->p[c] >= 2)
            {
                t = T + n++;
                t->kind = RC_SYM_STDSTD; t->b = b; t->c = c;
                t->dim = (s->p[b] - 1) * (s->p[c] - 1);
                set_support(t, s, b, 2, c, 2);
                add_copy(t, COPY_XB_XC, -1);
                add_copy(t, COPY_XC_XB, -1);
            }
    *types = T;
    *ntypes = n;
}

void
rc_sym_type_name(char * buf, size_t len, const rc_sym_type_struct * t)
{
    switch (t->kind)
    {
        case RC_SYM_TRIVIAL: snprintf(buf, len, "trivial"); break;
        case RC_SYM_STANDARD: snprintf(buf, len, "standard %ld", (long) t->b); break;
        case RC_SYM_ALTERNATING: snprintf(buf, len, "alternating %ld", (long) t->b); break;
        case RC_SYM_SYMMETRIC: snprintf(buf, len, "symmetric %ld", (long) t->b); break;
        default:
            snprintf(buf, len, "standard %ld x standard %ld", (long) t->b, (long) t->c);
    }
}

slong
rc_sym_type_copy_value(const rc_sym_t s, const rc_sym_type_struct * t, slong a,
                       slong i, slong r)
{
    const slong * e = t->support;
    slong c = t->copy_c[a];
#define X01(x) (((x) == e[0]) - ((x) == e[1]))
#define X12(x) (((x) == e[1]) - ((x) == e[2]))
#define X23(x) (((x) == e[2]) - ((x) == e[3]))
    if (i >= s->k)   /* an extra neuron's row */
        switch (t->copy[a])
        {
            case COPY_ORBIT: return rc_sym_orbit(s, i, r) == c;
            case COPY_EXTRA_XB: return (i == s->k + c) * X01(r);
            default: return 0;
        }
    switch (t->copy[a])
    {
        case COPY_ORBIT: return rc_sym_orbit(s, i, r) == c;
        case COPY_EXTRA_XB: return 0;
        case COPY_XB_1C: return X01(i) * (s->blk[r] == c);
        case COPY_1C_XB: return (s->blk[i] == c) * X01(r);
        case COPY_DIAG_XB: return (i == r) * X01(i);
        case COPY_ALT: return X01(i) * X12(r) - X12(i) * X01(r);
        case COPY_SYM: return X01(i) * X23(r) + X23(i) * X01(r);
        case COPY_XB_XC: return X01(i) * X23(r);
        default: return X23(i) * X01(r);
    }
#undef X01
#undef X12
#undef X23
}

void
rc_sym_type_gamma(fmpz_mat_t Gamma, const rc_sym_t s, const rc_sym_type_struct * t)
{
    slong ii[RC_SYM_CLASSES_MAX], ic[RC_SYM_CLASSES_MAX];
    slong rr[RC_SYM_CLASSES_MAX], rcnt[RC_SYM_CLASSES_MAX];
    slong ni, nr, ci, cr, a, b, nc = t->ncopies;
    rc_sym_frame_t F0, F1;

    fmpz_mat_zero(Gamma);
    _rc_sym_frame_init(F0, s, t->support, t->nsupport, 16);
    ni = _rc_sym_frame_neuron_classes(ii, ic, F0, -1);
    for (ci = 0; ci < ni; ci++)
    {
        _rc_sym_frame_init_extend(F1, F0, ii[ci], 16);
        nr = _rc_sym_frame_classes(rr, rcnt, F1, -1);
        for (cr = 0; cr < nr; cr++)
            for (a = 0; a < nc; a++)
            {
                slong va = rc_sym_type_copy_value(s, t, a, ii[ci], rr[cr]);
                if (va == 0)
                    continue;
                for (b = 0; b < nc; b++)
                {
                    slong vb = rc_sym_type_copy_value(s, t, b, ii[ci], rr[cr]);
                    if (vb != 0)
                        fmpz_add_si(fmpz_mat_entry(Gamma, a, b), fmpz_mat_entry(Gamma, a, b),
                                    va * vb * ic[ci] * rcnt[cr]);
                }
            }
        _rc_sym_frame_clear(F1);
    }
    _rc_sym_frame_clear(F0);
}

slong
rc_sym_types_dimension(const rc_sym_type_struct * types, slong ntypes)
{
    slong j, n = 0;
    for (j = 0; j < ntypes; j++)
        n += types[j].ncopies * types[j].dim;
    return n;
}
