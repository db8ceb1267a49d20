/* Families of block patterns and the dataset's value layout (atlas.h). */
#include <math.h>
#include "relucert/atlas.h"

slong
rc_atlas_family_blocks(rc_atlas_family f)
{
    return f == RC_ATLAS_TWO ? 2 : 3;
}

slong
rc_atlas_pattern(slong * p, rc_atlas_family f, slong k, slong a)
{
    if (f == RC_ATLAS_TWO)
    {
        if (a < 1 || k - a < 1)
            return 0;
        p[0] = a; p[1] = k - a;
        return 2;
    }
    if (a < 1 || k - a - 1 < 1)
        return 0;
    p[0] = a; p[1] = 1; p[2] = k - a - 1;
    return 3;
}

/* the theta coordinate holding vals[r][col], -1 if none (vals[b][m] of a
   block of size 1) */
static slong
orbit_of_val(const rc_sym_t s, slong r, slong col)
{
    slong m = s->m;
    if (col == m)
        return s->off[r * m + r];
    if (col == r)
        return s->diag[r];
    /* vals[c][b]: neurons of block b (= col) on coordinates of block c (= r) */
    return s->off[col * m + r];
}

void
rc_atlas_theta_from_vals(fmpq * theta, const rc_sym_t s, const fmpq * vals)
{
    slong m = s->m, r, col, o;
    for (r = 0; r < m; r++)
        for (col = 0; col <= m; col++)
            if ((o = orbit_of_val(s, r, col)) >= 0)
                fmpq_set(theta + o, vals + r * (m + 1) + col);
}

void
rc_atlas_vals_from_theta(fmpq * vals, const rc_sym_t s, const fmpq * theta)
{
    slong m = s->m, r, col, o;
    for (r = 0; r < m; r++)
        for (col = 0; col <= m; col++)
        {
            o = orbit_of_val(s, r, col);
            if (o >= 0)
                fmpq_set(vals + r * (m + 1) + col, theta + o);
            else
                fmpq_zero(vals + r * (m + 1) + col);
        }
}

void
rc_atlas_vals_from_theta_d(double * vals, const rc_sym_t s, arb_srcptr theta)
{
    slong m = s->m, r, col, o;
    for (r = 0; r < m; r++)
        for (col = 0; col <= m; col++)
        {
            o = orbit_of_val(s, r, col);
            vals[r * (m + 1) + col] = o >= 0 ? arf_get_d(arb_midref(theta + o), ARF_RND_NEAR) : 0;
        }
}

void
rc_atlas_theta_from_vals_d(arb_ptr theta, const rc_sym_t s, const double * vals)
{
    slong m = s->m, r, col, o;
    for (r = 0; r < m; r++)
        for (col = 0; col <= m; col++)
            if ((o = orbit_of_val(s, r, col)) >= 0)
                arb_set_d(theta + o, vals[r * (m + 1) + col]);
}

static int
near(double x, double y, double tol)
{
    return fabs(x - y) <= tol * (1 + fabs(x) + fabs(y));
}

/* W[i][r] for i in block bi (the named index when i_named), r in block br
   (the named index when r_named); the named index of a block is one fixed
   member, so i_named && r_named && bi == br means i = r. */
static double
entry(const double * v, slong m, slong bi, slong br, int same)
{
    if (bi == br)
        return same ? v[bi * (m + 1) + bi] : v[bi * (m + 1) + m];
    return v[br * (m + 1) + bi];
}

int
rc_atlas_blocks_merge(slong * pb, slong * pc, const slong * p, slong m,
                      const double * v, double tol)
{
    slong b, c, e;
    for (b = 0; b < m; b++)
        for (c = b + 1; c < m; c++)
        {
            /* a in B_b, a' in B_c: the transposition (a a') fixes W iff
               every entry it moves keeps its value */
            int ok = near(entry(v, m, b, b, 1), entry(v, m, c, c, 1), tol)
                  && near(entry(v, m, b, c, 0), entry(v, m, c, b, 0), tol);
            for (e = 0; e < m && ok; e++)
            {
                int others = p[e] - (e == b) - (e == c) >= 1;
                if (!others)
                    continue;
                /* r in B_e other than a, a': W[a][r] = W[a'][r], W[r][a] = W[r][a'] */
                ok = near(entry(v, m, b, e, 0), entry(v, m, c, e, 0), tol)
                  && near(entry(v, m, e, b, 0), entry(v, m, e, c, 0), tol);
            }
            if (ok)
            {
                *pb = b; *pc = c;
                return 1;
            }
        }
    return 0;
}

void
rc_atlas_seed_init(rc_atlas_seed_struct * x)
{
    slong j;
    x->k = 0; x->origin = RC_ATLAS_FROM_DATA; x->index = -1; x->a_from = -1;
    for (j = 0; j < RC_ATLAS_MAX_VALS; j++)
        fmpq_init(x->vals + j);
}

void
rc_atlas_seed_clear(rc_atlas_seed_struct * x)
{
    slong j;
    for (j = 0; j < RC_ATLAS_MAX_VALS; j++)
        fmpq_clear(x->vals + j);
}
