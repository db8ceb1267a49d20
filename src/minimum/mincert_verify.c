/* The decision procedure of the minimum certificate: every verdict from the
   certificate's own inputs (box, teacher, precision, witnesses). Used by
   the certifier and, unchanged, by the checker. */
#include "relucert/mincert.h"
#include "relucert/eval.h"
#include "relucert/spectrum.h"
#include "relucert/dense64.h"
#include <stdlib.h>

static void
reset_verdicts(rc_mincert_t c)
{
    slong i;

    c->critical = c->positive_definite = c->strict_min = RC_UNDECIDED;
    c->non_global = c->saddle = c->cross = RC_UNDECIDED;
    c->norm_sum_le_k = c->lam_negative = RC_UNDECIDED;
    c->critical_witness = c->lam_witness = -1;
    arb_indeterminate(c->neg_curv);
    arb_indeterminate(c->loss);
    arb_indeterminate(c->cross_q);
    arb_indeterminate(c->norm_sum);
    for (i = 0; i < c->n; i++)
    {
        c->split[i] = RC_UNDECIDED;
        arb_indeterminate(c->split_q + i);
        arb_indeterminate(c->lam + i);
        c->global_perm[i] = -1;
    }
}

/* 1 if the student of row i can be teacher j exactly: |V_j - centre_i| <= r */
static int
teacher_in_box(const rc_mincert_t c, slong i, slong j)
{
    fmpq_t t, r;
    slong a;
    int ok = 1;

    fmpq_init(t); fmpq_init(r);
    fmpq_one(r);
    if (c->radius_log2 >= 0)
        fmpq_mul_2exp(r, r, c->radius_log2);
    else
        fmpq_div_2exp(r, r, -c->radius_log2);
    for (a = 0; a < c->d && ok; a++)
    {
        fmpq_sub(t, fmpq_mat_entry(c->V, j, a), fmpq_mat_entry(c->centre, i, a));
        fmpq_abs(t, t);
        ok = fmpq_cmp(t, r) <= 0;
    }
    fmpq_clear(t); fmpq_clear(r);
    return ok;
}

/* 1 (and perm filled) if some permutation of the teacher lies in the box */
static int
teacher_permutation_in_box(slong * perm, const rc_mincert_t c)
{
    slong i, j;
    int * used;
    int ok = 1;

    if (c->n != c->k)
        return 0;
    used = flint_calloc(FLINT_MAX(c->k, 1), sizeof(int));
    /* the boxes are disjoint from each other for all but absurd radii;
       greedy matching is sound either way (it only answers yes with an
       explicit bijection) */
    for (i = 0; i < c->n && ok; i++)
    {
        perm[i] = -1;
        for (j = 0; j < c->k; j++)
            if (!used[j] && teacher_in_box(c, i, j))
            {
                perm[i] = j;
                used[j] = 1;
                break;
            }
        ok = perm[i] >= 0;
    }
    flint_free(used);
    return ok;
}

/* Claims 1 and 2 by the binary64 procedure (dense64.h): the Hessian over X
   in binary64 with a proven radius, Rump's test of H - lam_lower I > 0,
   strong convexity for the critical point; the negative direction by the
   quadratic form over X in ball arithmetic. No N x N ball matrix. */
static void
hessian_claims_binary64(rc_mincert_t c, const arb_mat_t X, const arb_mat_t V,
                        arb_t t, slong prec)
{
    slong n = c->n, d = c->d, N = n * d, i;
    double * mid, * rowrad, rmax = 0;
    arb_mat_t Y;
    arb_t yy;

    arb_zero(t);
    if (c->have_lam_lower && fmpq_sgn(c->lam_lower) > 0)
    {
        mid = malloc(sizeof(double) * N * N);
        rowrad = malloc(sizeof(double) * N);
        if (mid != NULL && rowrad != NULL && rc_di_hessian(mid, rowrad, NULL, X, V))
        {
            for (i = 0; i < N; i++)
                rmax = rowrad[i] > rmax ? rowrad[i] : rmax;
            arb_set_fmpq(t, c->lam_lower, prec);
            if (rc_d_spd_rump_interval(mid, N, rmax, t))
                c->positive_definite = RC_PROVED;
        }
        free(mid);
        free(rowrad);
    }
    if (c->positive_definite != RC_PROVED)
        arb_zero(t);
    /* with t = 0 only the refutation (a gradient coordinate without 0) */
    c->critical = rc_strong_convexity_critical(&c->critical_witness, X, V, t, prec);

    if (c->have_neg_dir)
    {
        arb_mat_init(Y, n, d);
        arb_init(yy);
        for (i = 0; i < N; i++)
        {
            arb_set_fmpq(arb_mat_entry(Y, i / d, i % d), fmpq_mat_entry(c->neg_dir, 0, i), prec);
            arb_addmul(yy, arb_mat_entry(Y, i / d, i % d), arb_mat_entry(Y, i / d, i % d), prec);
        }
        if (arb_is_positive(yy) && rc_hessian_quad_form_fast(c->neg_curv, X, V, Y, prec))
        {
            arb_div(c->neg_curv, c->neg_curv, yy, prec);
            if (arb_is_negative(c->neg_curv))
                c->positive_definite = RC_REFUTED;
        }
        else
            arb_indeterminate(c->neg_curv);
        arb_mat_clear(Y);
        arb_clear(yy);
    }
}

int
rc_mincert_verify(rc_mincert_t c, rc_error_t err)
{
    slong n = c->n, k = c->k, d = c->d, N = n * d, prec = c->prec, i, a;
    arb_mat_t X, V, H, Hp;
    arb_ptr u, y;
    arb_t t, alpha;
    rc_pair_rows_t rx, rv;
    int ret = 0;

    reset_verdicts(c);
    if (n < 1 || k < 0 || d < 1 || prec < 2 || prec > (1L << 24))
        return rc_error_set(err, "expected n >= 1, d >= 1 and a precision in "
                            "[2, 2^24], found n = %ld, d = %ld, prec = %ld",
                            (long) n, (long) d, (long) prec);
    if (c->cross_neuron >= n || c->cross_neuron < -1)
        return rc_error_set(err, "expected a cross-check neuron in 0..%ld, found %ld",
                            (long) n - 1, (long) c->cross_neuron);
    if (c->radius_log2 > 64 || c->radius_log2 < -(1L << 24))
        return rc_error_set(err, "expected radius_log2 in [-2^24, 64], found %ld",
                            (long) c->radius_log2);

    if (c->arith != RC_ARITH_ARB && c->arith != RC_ARITH_BINARY64)
        return rc_error_set(err, "expected arith arb or binary64");
    arb_mat_init(X, n, d); arb_mat_init(V, k, d);
    /* the binary64 procedure never forms an N x N ball matrix */
    arb_mat_init(H, c->arith == RC_ARITH_ARB ? N : 0, c->arith == RC_ARITH_ARB ? N : 0);
    arb_mat_init(Hp, d, d);
    u = _arb_vec_init(d);
    y = _arb_vec_init(N);
    arb_init(t); arb_init(alpha);

    /* the box: exact binary centre, radius 2^radius_log2 (exact in a mag) */
    for (i = 0; i < n; i++)
        for (a = 0; a < d; a++)
        {
            arb_ptr x = arb_mat_entry(X, i, a);
            arb_set_fmpq(x, fmpq_mat_entry(c->centre, i, a), prec);
            if (!arb_is_exact(x))
            {
                ret = rc_error_set(err, "centre[%ld][%ld]: expected a binary number "
                                   "of at most %ld bits", (long) i, (long) a, (long) prec);
                goto out;
            }
            mag_one(arb_radref(x));
            mag_mul_2exp_si(arb_radref(x), arb_radref(x), c->radius_log2);
        }
    arb_mat_set_fmpq_mat(V, c->V, prec);
    arb_set_fmpq(alpha, c->alpha, prec);
    if (c->cross_neuron >= 0 && !(fmpq_sgn(c->alpha) > 0
                                 && fmpz_cmp(fmpq_numref(c->alpha), fmpq_denref(c->alpha)) < 0))
    {
        ret = rc_error_set(err, "expected alpha in (0, 1)");
        goto out;
    }

    /* values that need no derivative */
    rc_loss(c->loss, X, V, prec);
    /* F > 0 proves "not global" only where the global minimum value is 0:
       n >= k (L4); with fewer neurons than the teacher F > 0 may hold
       everywhere, so non_global stays undecided */
    if (arb_is_positive(c->loss) && n >= k)
        c->non_global = RC_PROVED;
    rc_norm_sum(c->norm_sum, X, prec);
    arb_set_si(t, k);
    c->norm_sum_le_k = arb_le(c->norm_sum, t) ? RC_PROVED
                       : arb_gt(c->norm_sum, t) ? RC_REFUTED : RC_UNDECIDED;

    /* everything below needs F to be C^2 on X: no zero student neuron */
    if (rc_student_zero_row(X, prec) >= 0)
        goto out;

    /* 1, 2. exactly one critical point W* in X; positive definite on X with
       the claimed bound, or a negative direction */
    if (c->arith == RC_ARITH_BINARY64)
        hessian_claims_binary64(c, X, V, t, prec);
    else
    {
        /* 1. exactly one critical point W* in X */
        c->critical = rc_krawczyk(&c->critical_witness, X, V, prec);

        /* 2. positive definite on X with the claimed bound; or a negative
              direction */
        rc_hessian(H, X, V, prec);
        if (c->have_lam_lower && fmpq_sgn(c->lam_lower) > 0)
        {
            arb_set_fmpq(t, c->lam_lower, prec);
            if (rc_mat_spd_certify(H, t, prec))
                c->positive_definite = RC_PROVED;
        }
        if (c->have_neg_dir)
        {
            for (i = 0; i < N; i++)
                arb_set_fmpq(y + i, fmpq_mat_entry(c->neg_dir, 0, i), prec);
            rc_mat_rayleigh(c->neg_curv, H, y, prec);
            if (arb_is_negative(c->neg_curv))
                c->positive_definite = RC_REFUTED;
        }
    }
    if (c->positive_definite == RC_REFUTED)
        c->strict_min = RC_REFUTED;     /* no point of X is a local minimum */
    else if (c->positive_definite == RC_PROVED && c->critical == RC_PROVED)
        c->strict_min = RC_PROVED;

    /* 3. global after all? the unique critical point is a permuted teacher */
    if (c->critical == RC_PROVED && teacher_permutation_in_box(c->global_perm, c))
        c->non_global = RC_REFUTED;

    /* 4. the split lemma, neuron by neuron, and the paper's conditions */
    rc_pair_rows_init(rx, X, prec);
    rc_pair_rows_init(rv, V, prec);
    c->saddle = c->critical == RC_PROVED ? RC_PROVED : RC_UNDECIDED;
    c->lam_negative = RC_PROVED;
    for (i = 0; i < n; i++)
    {
        for (a = 0; a < d; a++)
            arb_set_fmpq(u + a, fmpq_mat_entry(c->U, i, a), prec);
        if (c->arith == RC_ARITH_BINARY64)
            rc_split_quotient_lam(c->split_q + i, c->lam + i, X, V, rx, rv, i, u, prec);
        else
        {
            rc_hessian_prime_block(Hp, X, V, i, prec);
            rc_mat_rayleigh(c->split_q + i, Hp, u, prec);
            rc_split_lam(c->lam + i, X, V, i, prec);
        }
        c->split[i] = arb_is_negative(c->split_q + i) ? RC_PROVED : RC_UNDECIDED;
        if (c->split[i] != RC_PROVED)
            c->saddle = RC_UNDECIDED;
        if (arb_is_positive(c->lam + i) && c->lam_negative != RC_REFUTED)
        {
            c->lam_negative = RC_REFUTED;
            c->lam_witness = i;
        }
        else if (!arb_is_negative(c->lam + i) && c->lam_negative == RC_PROVED)
            c->lam_negative = RC_UNDECIDED;
    }

    rc_pair_rows_clear(rx);
    rc_pair_rows_clear(rv);

    /* 5. the split point itself at one alpha */
    if (c->cross_neuron >= 0)
    {
        i = c->cross_neuron;
        for (a = 0; a < d; a++)
            arb_set_fmpq(u + a, fmpq_mat_entry(c->U, i, a), prec);
        c->cross = rc_split_point_curvature(c->cross_q, X, V, i, alpha, u, prec);
        if (c->critical != RC_PROVED)
            c->cross = RC_UNDECIDED;
    }

out:
    if (ret)
        reset_verdicts(c);
    arb_mat_clear(X); arb_mat_clear(V); arb_mat_clear(H); arb_mat_clear(Hp);
    _arb_vec_clear(u, d);
    _arb_vec_clear(y, N);
    arb_clear(t); arb_clear(alpha);
    return ret;
}
