/* The cover behind a convexity certificate: the box |W - V|_inf <= r cut
   into sub-boxes by repeated halving, every leaf either proved (lemma L3:
   ball Cholesky of H(leaf) - mu I) or excluded (the leaf does not meet the
   neighbourhood: the per-neuron balls or the Euclidean ball of radius r).

   A cover is a string in preorder: 'p' a proved leaf, 'x' an excluded
   leaf, 's' a split, followed by the cover of the lower half and then that
   of the upper half. The coordinate a split halves is fixed by the box, so
   it is not written: the first coordinate (row-major index i d + a) among
   those halved the fewest times so far. "p" is the single box; "spp"
   halves w_11 - v_11.

   In units of r a box is { V + r x : |x_j - o_j| <= e_j } with
   e_j = 2^-s_j, s_j the number of halvings of coordinate j. At most
   RC_COVER_MAX_SPLITS halvings per coordinate (and RC_COVER_MAX_DEPTH in
   all along a path) are allowed, so every o_j, e_j and o_j +- e_j / 2 is a
   dyadic number with at most 52 significant bits in [-1, 1]: exact in a
   double, and exact again when set into a ball. */
#include <math.h>
#include <string.h>
#include "relucert/landscape.h"
#include "relucert/eval.h"
#include "relucert/spectrum.h"

#define RC_COVER_MAX_SPLITS 50
#define RC_COVER_MAX_DEPTH 1000

typedef struct
{
    const rc_convcert_struct * c;
    slong N, prec, depth;
    double * o;                 /* box centre - V, in units of r */
    int * s;                    /* halvings per coordinate */
    arb_mat_t X, V, H;
    arb_t r, mu;
    slong evals, budget;        /* Hessian enclosures made, and allowed */
    slong proved, excluded;
    char * buf;                 /* the cover written so far (build) */
    slong len, alloc;
}
cover_t;

static void
cover_init(cover_t * w, const rc_convcert_struct * c, slong budget)
{
    slong d = c->d;

    w->c = c;
    w->N = c->k * c->d;
    w->prec = c->prec;
    w->depth = 0;
    w->o = flint_calloc(w->N, sizeof(double));
    w->s = flint_calloc(w->N, sizeof(int));
    arb_mat_init(w->X, c->k, d);
    arb_mat_init(w->V, c->k, d);
    arb_mat_init(w->H, w->N, w->N);
    arb_init(w->r);
    arb_init(w->mu);
    arb_set_fmpq(w->r, c->radius, w->prec);
    arb_set_fmpq(w->mu, c->mu, w->prec);
    arb_mat_set_fmpq_mat(w->V, c->V, w->prec);
    w->evals = 0;
    w->budget = budget;
    w->proved = w->excluded = 0;
    w->buf = NULL;
    w->len = w->alloc = 0;
}

static void
cover_clear(cover_t * w)
{
    flint_free(w->o);
    flint_free(w->s);
    arb_mat_clear(w->X);
    arb_mat_clear(w->V);
    arb_mat_clear(w->H);
    arb_clear(w->r);
    arb_clear(w->mu);
    flint_free(w->buf);
}

static void
put(cover_t * w, char ch)
{
    if (w->len + 2 > w->alloc)
    {
        w->alloc = FLINT_MAX(64, 2 * w->alloc);
        w->buf = flint_realloc(w->buf, w->alloc);
    }
    w->buf[w->len++] = ch;
    w->buf[w->len] = '\0';
}

/* the coordinate the next split halves: the first among the least halved */
static slong
split_coord(const cover_t * w)
{
    slong j, best = 0;
    for (j = 1; j < w->N; j++)
        if (w->s[j] < w->s[best])
            best = j;
    return best;
}

/* 1 when the box certainly does not meet the neighbourhood: the point of
   the box nearest to V, x_j = max(0, |o_j| - e_j) in size, lies outside
   (a sum of exact squares > 1 for some neuron, or in all) */
static int
excluded(const cover_t * w)
{
    slong i, a, d = w->c->d, k = w->c->k;
    arb_t sum, g, one;
    int out = 0;

    if (w->c->norm == RC_CONV_BOX)
        return 0;
    arb_init(sum);
    arb_init(g);
    arb_init(one);
    arb_one(one);
    for (i = 0; i < k && !out; i++)
    {
        if (w->c->norm == RC_CONV_NEURON)
            arb_zero(sum);
        for (a = 0; a < d; a++)
        {
            /* exact: both terms are multiples of 2^-50 in [0, 1] */
            double gap = fabs(w->o[i * d + a]) - ldexp(1.0, -w->s[i * d + a]);
            if (gap > 0)
            {
                arb_set_d(g, gap);
                arb_addmul(sum, g, g, 256);
            }
        }
        if (w->c->norm == RC_CONV_NEURON || i == k - 1)
            out = arb_gt(sum, one);
    }
    arb_clear(sum);
    arb_clear(g);
    arb_clear(one);
    return out;
}

void
rc_convcert_leaf_box(arb_mat_t X, const arb_mat_t V, const arb_t r,
                     const double * o, const int * s, slong prec)
{
    slong j, d = arb_mat_ncols(V), N = arb_mat_nrows(V) * d;
    arb_t t;

    arb_init(t);
    for (j = 0; j < N; j++)
    {
        arb_ptr x = arb_mat_entry(X, j / d, j % d);
        arb_set_d(t, o[j]);
        arb_mul(t, t, r, prec);
        arb_add(x, arb_mat_entry(V, j / d, j % d), t, prec);
        arb_mul_2exp_si(t, r, -s[j]);
        arb_add_error(x, t);
    }
    arb_clear(t);
}

/* 1 when H(X) - mu I is proved positive definite on the box */
static int
leaf_proved(cover_t * w)
{
    rc_convcert_leaf_box(w->X, w->V, w->r, w->o, w->s, w->prec);
    w->evals++;
    return rc_hessian(w->H, w->X, w->V, w->prec) && rc_mat_spd_certify(w->H, w->mu, w->prec);
}

/* the two halves of coordinate j, each covered by f; 1 when both are */
static int
halves(cover_t * w, slong j, int (*f)(cover_t *, void *), void * arg)
{
    double o0 = w->o[j], h = ldexp(1.0, -w->s[j] - 1);
    int ok;

    w->s[j]++;
    w->depth++;
    w->o[j] = o0 - h;
    ok = f(w, arg);
    if (ok == 1)
    {
        w->o[j] = o0 + h;
        ok = f(w, arg);
    }
    w->o[j] = o0;
    w->s[j]--;
    w->depth--;
    return ok;
}

static int
can_split(const cover_t * w, slong j)
{
    return w->s[j] < RC_COVER_MAX_SPLITS && w->depth < RC_COVER_MAX_DEPTH;
}

/* the producer: depth first, splitting a box whose enclosure fails while
   the budget lasts */
static int
build(cover_t * w, void * unused)
{
    slong j;

    (void) unused;
    if (excluded(w))
    {
        put(w, 'x');
        w->excluded++;
        return 1;
    }
    if (w->evals >= w->budget)
        return 0;
    if (leaf_proved(w))
    {
        put(w, 'p');
        w->proved++;
        return 1;
    }
    j = split_coord(w);
    if (!can_split(w, j) || w->evals >= w->budget)
        return 0;
    put(w, 's');
    return halves(w, j, build, NULL);
}

int
rc_convcert_cover_build(char ** cover, slong * proved, slong * excluded_,
                        const rc_convcert_t c, slong max_boxes)
{
    cover_t w;
    int ok;

    cover_init(&w, c, FLINT_MAX(max_boxes, 1));
    ok = build(&w, NULL);
    *cover = NULL;
    *proved = w.proved;
    *excluded_ = w.excluded;
    if (ok)
    {
        *cover = w.buf;
        w.buf = NULL;
    }
    cover_clear(&w);
    return ok;
}

typedef struct
{
    const char * p;
    rc_error_struct * err;
}
walk_t;

/* the checker: 1 every leaf holds, 0 some leaf does not, -1 malformed */
static int
walk(cover_t * w, void * arg)
{
    walk_t * q = arg;
    char ch = *q->p;
    slong j;

    if (ch == '\0')
        return rc_error_set(q->err, "cover: the string ends inside the subdivision"), -1;
    q->p++;
    if (ch == 'x')
    {
        w->excluded++;
        return excluded(w);
    }
    if (ch == 'p')
    {
        w->proved++;
        return leaf_proved(w);
    }
    if (ch != 's')
        return rc_error_set(q->err, "cover: expected p, x or s, found '%c'", ch), -1;
    j = split_coord(w);
    if (!can_split(w, j))
        return rc_error_set(q->err, "cover: more than %d halvings of one coordinate or "
                            "%d along one path", RC_COVER_MAX_SPLITS, RC_COVER_MAX_DEPTH), -1;
    return halves(w, j, walk, arg);
}

/* 1 when the preorder string is one complete tree */
static int
well_formed(const char * s)
{
    slong need = 1;
    for (; *s != '\0'; s++)
    {
        if (need == 0 || (*s != 'p' && *s != 'x' && *s != 's'))
            return 0;
        need += (*s == 's') ? 1 : -1;
    }
    return need == 0;
}

int
rc_convcert_cover_check(slong * proved, slong * excluded_, const rc_convcert_t c,
                        const char * cover, rc_error_t err)
{
    cover_t w;
    walk_t q;
    int ok;

    if (cover == NULL)
        cover = "p";
    if (!well_formed(cover))
        return rc_error_set(err, "cover: expected a preorder string of p, x and s "
                            "forming one subdivision"), -1;
    cover_init(&w, c, WORD_MAX);
    q.p = cover;
    q.err = err;
    ok = walk(&w, &q);
    *proved = w.proved;
    *excluded_ = w.excluded;
    cover_clear(&w);
    return ok;
}
