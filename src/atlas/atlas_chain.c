/* Continuation along one family of block patterns (atlas.h). Newton's
   method proposes the points; rc_atlas_chain_certify proves what holds. */
#include <math.h>
#include <string.h>
#include "relucert/atlas.h"

/* two candidates closer than this (relative, in every value) are the same
   Newton limit; Newton converges to about 2^-80 */
#define SAME_TOL 0x1p-40
/* blocks whose values agree this closely have merged */
#define MERGE_TOL 0x1p-30
#define NEWTON_ITERS 40
/* a continuation step whose Newton limit is farther than JUMP_ABS plus
   JUMP_STEPS times the track's last step from the linear predictor (or
   than JUMP_FIRST from a constant one, after a single point) has jumped to
   another branch */
#define JUMP_ABS 0.05
#define JUMP_STEPS 3
#define JUMP_FIRST 0.15

void
rc_atlas_chain_init(rc_atlas_chain_t c, rc_atlas_family f, slong a, slong kmin,
                    slong kmax, const fmpq_t alpha, slong prec)
{
    c->family = f;
    c->a = a; c->kmin = kmin; c->kmax = kmax;
    c->prec = prec;
    c->newton_prec = 96;
    fmpq_init(c->alpha);
    fmpq_set(c->alpha, alpha);
    c->npoints = c->alloc = 0;
    c->points = NULL;
    c->nends = c->ends_alloc = 0;
    c->ends = NULL;
    c->ntracks = 0;
}

void
rc_atlas_chain_clear(rc_atlas_chain_t c)
{
    slong i;
    for (i = 0; i < c->npoints; i++)
        rc_symcert_clear(c->points[i].cert);
    flint_free(c->points);
    flint_free(c->ends);
    fmpq_clear(c->alpha);
}

static rc_atlas_point_struct *
add_point(rc_atlas_chain_t c, slong k, slong track, rc_atlas_origin origin, slong index,
          slong a_from, const double * vals, slong nv)
{
    rc_atlas_point_struct * x;
    if (c->npoints == c->alloc)
    {
        c->alloc = FLINT_MAX(16, 2 * c->alloc);
        c->points = flint_realloc(c->points, sizeof(rc_atlas_point_struct) * c->alloc);
    }
    x = c->points + c->npoints++;
    x->k = k; x->track = track; x->origin = origin; x->index = index; x->a_from = a_from;
    memset(x->vals, 0, sizeof x->vals);
    memcpy(x->vals, vals, sizeof(double) * nv);
    x->certified = 0;
    rc_symcert_init(x->cert);
    return x;
}

static void
add_end(rc_atlas_chain_t c, slong k, slong track, slong index, const char * reason)
{
    rc_atlas_end_struct * e;
    if (c->nends == c->ends_alloc)
    {
        c->ends_alloc = FLINT_MAX(8, 2 * c->ends_alloc);
        c->ends = flint_realloc(c->ends, sizeof(rc_atlas_end_struct) * c->ends_alloc);
    }
    e = c->ends + c->nends++;
    e->k = k; e->track = track; e->index = index;
    snprintf(e->reason, sizeof e->reason, "%s", reason);
}

/* the point of track t at k, or NULL */
static rc_atlas_point_struct *
find_track(rc_atlas_chain_t c, slong k, slong t)
{
    slong i;
    for (i = c->npoints - 1; i >= 0; i--)
        if (c->points[i].k == k && c->points[i].track == t)
            return c->points + i;
    return NULL;
}

/* a known point at k with the same values, or NULL */
static rc_atlas_point_struct *
find_same(rc_atlas_chain_t c, slong k, const double * v, slong nv)
{
    slong i, j;
    for (i = 0; i < c->npoints; i++)
    {
        rc_atlas_point_struct * x = c->points + i;
        int same = x->k == k;
        for (j = 0; j < nv && same; j++)
            same = fabs(x->vals[j] - v[j]) <= SAME_TOL * (1 + fabs(v[j]));
        if (same)
            return x;
    }
    return NULL;
}

int
rc_atlas_newton(double * v, char * why, size_t len, rc_atlas_family f, slong k, slong a,
                const double * v0, slong prec)
{
    slong p[RC_ATLAS_MAX_M], m = rc_atlas_pattern(p, f, k, a), q, b, e;
    rc_sym_t s;
    arb_ptr t0, t;
    int ok;
    rc_error_t err;

    if (m == 0)
        return snprintf(why, len, "no pattern at k = %ld", (long) k), 0;
    rc_sym_init(s);
    rc_sym_set_sizes(s, p, m, err);
    q = s->q;
    t0 = _arb_vec_init(q);
    t = _arb_vec_init(q);
    rc_atlas_theta_from_vals_d(t0, s, v0);
    ok = _arb_vec_is_finite(t0, q) && rc_sym_refine_newton(t, s, t0, NEWTON_ITERS, prec);
    if (!ok)
        snprintf(why, len, "Newton's method did not converge (or a neuron became zero)");
    else
    {
        rc_atlas_vals_from_theta_d(v, s, t);
        if (!rc_sym_neurons_nonzero(s, t, prec))
            ok = 0, snprintf(why, len, "Newton's limit has a zero neuron");
        else if (rc_atlas_blocks_merge(&b, &e, p, m, v, MERGE_TOL))
            ok = 0, snprintf(why, len, "Newton's limit has blocks %ld and %ld merged "
                             "(a point of a pattern with fewer blocks)", (long) b, (long) e);
    }
    _arb_vec_clear(t0, q);
    _arb_vec_clear(t, q);
    rc_sym_clear(s);
    return ok;
}

static int
solve(double * v, char * why, size_t len, const rc_atlas_chain_t c, slong k,
      const double * v0)
{
    return rc_atlas_newton(v, why, len, c->family, k, c->a, v0, c->newton_prec);
}

/* 1 if Newton's limit v is far from the predictor v0, farther than the
   track's last step (x1 - x2) explains: the limit is on another branch */
static int
jumped(double * dist, const double * v, const double * v0, const rc_atlas_point_struct * x1,
       const rc_atlas_point_struct * x2, slong nv)
{
    double d = 0, st = 0;
    slong j;
    for (j = 0; j < nv; j++)
    {
        d = FLINT_MAX(d, fabs(v[j] - v0[j]));
        if (x1 != NULL && x2 != NULL)
            st = FLINT_MAX(st, fabs(x1->vals[j] - x2->vals[j]));
    }
    *dist = d;
    if (x2 == NULL)
        return d > JUMP_FIRST;
    return d > JUMP_ABS + JUMP_STEPS * st;
}

static slong
kfirst(const rc_atlas_chain_t c)
{
    slong p[RC_ATLAS_MAX_M], k = c->kmin;
    while (k <= c->kmax && rc_atlas_pattern(p, c->family, k, c->a) == 0)
        k++;
    return k;
}

/* predictor for track t at k from the track's points at k - dir and
   k - 2 dir (linear, or constant with one point); 0 if none */
static int
predict(double * v, rc_atlas_chain_t c, slong t, slong k, slong dir, slong nv)
{
    rc_atlas_point_struct * x1 = find_track(c, k - dir, t), * x2;
    slong j;
    if (x1 == NULL)
        return 0;
    x2 = find_track(c, k - 2 * dir, t);
    for (j = 0; j < nv; j++)
        v[j] = x2 == NULL ? x1->vals[j] : 2 * x1->vals[j] - x2->vals[j];
    return 1;
}

/* continues the new track t downwards from k - 1 */
static void
trace_down(rc_atlas_chain_t c, slong t, slong k, slong k0, slong nv)
{
    double v0[RC_ATLAS_MAX_VALS], v[RC_ATLAS_MAX_VALS], dist;
    char why[160], buf[320];
    rc_atlas_point_struct * y;

    for (k = k - 1; k >= k0; k--)
    {
        predict(v0, c, t, k, -1, nv);
        if (!solve(v, why, sizeof why, c, k, v0))
        {
            snprintf(buf, sizeof buf, "continued down from k = %ld: %s", (long) k + 1, why);
            add_end(c, k, t, -1, buf);
            return;
        }
        if ((y = find_same(c, k, v, nv)) != NULL)
        {
            snprintf(buf, sizeof buf, "continued down from k = %ld: the point of track %ld",
                     (long) k + 1, (long) y->track);
            add_end(c, k, t, -1, buf);
            return;
        }
        if (jumped(&dist, v, v0, find_track(c, k + 1, t), find_track(c, k + 2, t), nv))
        {
            snprintf(buf, sizeof buf, "continued down from k = %ld: Newton's limit is %.3g "
                     "from the predictor (another branch)", (long) k + 1, dist);
            add_end(c, k, t, -1, buf);
            return;
        }
        add_point(c, k, t, RC_ATLAS_FROM_ABOVE, -1, -1, v, nv);
    }
}

static int
cmp_point(const void * a, const void * b)
{
    const rc_atlas_point_struct * x = a, * y = b;
    if (x->k != y->k)
        return x->k < y->k ? -1 : 1;
    return (x->track > y->track) - (x->track < y->track);
}

static int
cmp_seed_ptr(const void * a, const void * b)
{
    const rc_atlas_seed_struct * x = *(const rc_atlas_seed_struct * const *) a;
    const rc_atlas_seed_struct * y = *(const rc_atlas_seed_struct * const *) b;
    if (x->k != y->k)
        return x->k < y->k ? -1 : 1;
    if (x->origin != y->origin)
        return x->origin < y->origin ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

int
rc_atlas_chain_run(rc_atlas_chain_t c, const rc_atlas_seed_struct * seeds, slong nseeds,
                   rc_error_t err)
{
    slong m = rc_atlas_family_blocks(c->family), nv = m * (m + 1);
    slong k0 = kfirst(c), k, t, i, j, ntr, ns = 0;
    const rc_atlas_seed_struct ** order;
    int * active = NULL;
    double v0[RC_ATLAS_MAX_VALS], v[RC_ATLAS_MAX_VALS], dist;
    char why[160], buf[320];

    if (k0 > c->kmax)
        return rc_error_set(err, "family %s a = %ld has no pattern with %ld <= k <= %ld",
                            c->family == RC_ATLAS_TWO ? "two" : "three", (long) c->a,
                            (long) c->kmin, (long) c->kmax);
    order = flint_malloc(sizeof(*order) * FLINT_MAX(1, nseeds));
    for (i = 0; i < nseeds; i++)
        if (seeds[i].k >= k0 && seeds[i].k <= c->kmax)
            order[ns++] = seeds + i;
    qsort(order, ns, sizeof(*order), cmp_seed_ptr);

    for (k = k0, i = 0; k <= c->kmax; k++)
    {
        /* continue every active track from k - 1 */
        ntr = c->ntracks;
        for (t = 0; t < ntr; t++)
        {
            rc_atlas_point_struct * y;
            if (!active[t])
                continue;
            if (!predict(v0, c, t, k, 1, nv))
            {
                active[t] = 0;
                continue;
            }
            if (!solve(v, why, sizeof why, c, k, v0))
            {
                add_end(c, k, t, -1, why);
                active[t] = 0;
            }
            else if ((y = find_same(c, k, v, nv)) != NULL)
            {
                snprintf(buf, sizeof buf, "joins track %ld", (long) y->track);
                add_end(c, k, t, -1, buf);
                active[t] = 0;
            }
            else if (jumped(&dist, v, v0, find_track(c, k - 1, t), find_track(c, k - 2, t), nv))
            {
                /* the point is kept, as a new track */
                slong u = c->ntracks++;
                snprintf(buf, sizeof buf, "Newton's limit is %.3g from the predictor: another "
                         "branch, continued as track %ld", dist, (long) u);
                add_end(c, k, t, -1, buf);
                active[t] = 0;
                active = flint_realloc(active, sizeof(int) * c->ntracks);
                active[u] = 1;
                add_point(c, k, u, RC_ATLAS_FROM_BELOW, -1, -1, v, nv);
            }
            else
                add_point(c, k, t, RC_ATLAS_FROM_BELOW, -1, -1, v, nv);
        }
        /* the seeds at k */
        for (; i < ns && order[i]->k == k; i++)
        {
            const rc_atlas_seed_struct * x = order[i];
            rc_atlas_point_struct * y;
            for (j = 0; j < nv; j++)
                v0[j] = fmpq_get_d(x->vals + j);
            if (!solve(v, why, sizeof why, c, k, v0))
            {
                /* a neighbour's values need not lead anywhere; a published
                   record that gives nothing is reported */
                if (x->origin == RC_ATLAS_FROM_DATA)
                {
                    snprintf(buf, sizeof buf, "published record %ld: %s", (long) x->index, why);
                    add_end(c, k, -1, x->index, buf);
                }
                continue;
            }
            if ((y = find_same(c, k, v, nv)) != NULL)
            {
                if (x->origin == RC_ATLAS_FROM_DATA && y->index < 0)
                    y->index = x->index;
                continue;
            }
            t = c->ntracks++;
            active = flint_realloc(active, sizeof(int) * c->ntracks);
            active[t] = 1;
            add_point(c, k, t, x->origin, x->origin == RC_ATLAS_FROM_DATA ? x->index : -1,
                      x->a_from, v, nv);
            trace_down(c, t, k, k0, nv);
        }
    }
    for (t = 0; t < c->ntracks; t++)
        if (active[t])
            add_end(c, c->kmax + 1, t, -1, "end of the range");
    if (c->npoints > 0)     /* qsort needs a valid pointer even for 0 items */
        qsort(c->points, c->npoints, sizeof(rc_atlas_point_struct), cmp_point);
    flint_free(active);
    flint_free(order);
    return 0;
}

void
rc_atlas_chain_certify(rc_atlas_chain_t c, slong i)
{
    rc_atlas_point_struct * x = c->points + i;
    slong p[RC_ATLAS_MAX_M], m = rc_atlas_pattern(p, c->family, x->k, c->a), q;
    rc_sym_t s;
    arb_ptr t0;
    rc_error_t err;

    rc_sym_init(s);
    rc_sym_set_sizes(s, p, m, err);
    q = s->q;
    t0 = _arb_vec_init(q);
    rc_atlas_theta_from_vals_d(t0, s, x->vals);
    rc_symcert_find(x->cert, s, t0, c->alpha, c->prec, err);
    x->certified = 1;
    _arb_vec_clear(t0, q);
    rc_sym_clear(s);
}

const char *
rc_atlas_status(const rc_atlas_point_struct * x)
{
    const rc_symcert_struct * c = x->cert;
    if (!x->certified || c->critical == RC_UNDECIDED)
        return "undecided";
    if (c->critical == RC_REFUTED)
        return "refuted";
    if (c->positive_definite == RC_PROVED)
        return "minimum";
    if (c->positive_definite == RC_REFUTED || c->morse_index > 0)
        return "saddle";     /* a negative eigenvalue is proved; the index may be undecided */
    return "critical";
}
