/* The decision procedure of the reduced minimum certificate: every verdict
   from the certificate's own inputs (group, box in fixed-point coordinates,
   precision, witnesses). Used by the certifier and, unchanged, by the
   checker. */
#include "relucert/symcert.h"
#include "relucert/spectrum.h"
#include "relucert/eval.h"

static void
reset_verdicts(rc_symcert_t c)
{
    slong b, j;

    c->critical = c->positive_definite = c->strict_min = RC_UNDECIDED;
    c->non_global = c->saddle = c->cross = RC_UNDECIDED;
    c->norm_sum_le_k = c->lam_negative = RC_UNDECIDED;
    c->critical_witness = c->lam_witness = -1;
    c->morse_index = -1;
    c->dimension = 0;
    arb_indeterminate(c->lam_min);
    arb_indeterminate(c->loss);
    arb_indeterminate(c->cross_q);
    arb_indeterminate(c->norm_sum);
    for (b = 0; b < rc_sym_split_count(c->sym); b++)
    {
        c->split[b] = RC_UNDECIDED;
        arb_indeterminate(c->split_q + b);
        arb_indeterminate(c->lam + b);
    }
    for (j = 0; j < c->ntypes; j++)
    {
        arb_indeterminate(c->type_lam + j);
        c->type_neg[j] = -1;
    }
}

/* the split witness of representative b (rc_sym_split_neuron): vectors z and coefficients y (balls);
   returns their number (0 if the witness does not exist) */
slong
_rc_symcert_split_vectors(rc_sym_dvec_struct * z, arb_ptr y, const rc_symcert_t c,
                          slong b, slong prec)
{
    slong nz, a;

    if (c->split_diff[b] >= 0)
    {
        if (!rc_sym_dvec_diff_exists(c->sym, b, c->split_diff[b]))
            return 0;
        z[0].kind = RC_SYM_DVEC_DIFF;
        z[0].c = c->split_diff[b];
        arb_one(y);
        return 1;
    }
    nz = rc_sym_dvec_basis(z, c->sym, b);
    if (nz != c->split_ny[b])
        return 0;
    for (a = 0; a < nz; a++)
        arb_set_fmpq(y + a, c->split_y[b] + a, prec);
    return nz;
}

/* 1 if some theta* in the box gives a permutation matrix W(theta*) (a
   permuted teacher, the global minimum F = 0): every coordinate within the
   radius of 0 or 1, exactly one 1 in every row and column of the block
   rows, and every extra row within the radius of 0 (an extra neuron away
   from 0 is not part of a permuted teacher) */
static int
permuted_teacher_in_box(const rc_symcert_t c)
{
    const rc_sym_struct * s = c->sym;
    slong o, b, e, q = s->q;
    int * v = flint_malloc(sizeof(int) * q), ok = 1;
    fmpq_t r, t;

    fmpq_init(r); fmpq_init(t);
    fmpq_one(r);
    if (c->radius_log2 >= 0)
        fmpq_mul_2exp(r, r, c->radius_log2);
    else
        fmpq_div_2exp(r, r, -c->radius_log2);
    for (o = 0; o < q && ok; o++)
    {
        fmpq_abs(t, c->centre + o);
        if (fmpq_cmp(t, r) <= 0)
            v[o] = 0;
        else
        {
            fmpq_sub_si(t, c->centre + o, 1);
            fmpq_abs(t, t);
            v[o] = 1;
            ok = fmpq_cmp(t, r) <= 0;
        }
    }
    for (o = 0; o < q && ok; o++)
        if (s->okind[o] == RC_SYM_ORBIT_EXTRA && v[o] != 0)
            ok = 0;
    for (b = 0; b < s->m && ok; b++)
    {
        slong row = v[s->diag[b]], col = v[s->diag[b]];
        if (s->p[b] >= 2)
        {
            row += v[s->off[b * s->m + b]] * (s->p[b] - 1);
            col += v[s->off[b * s->m + b]] * (s->p[b] - 1);
        }
        for (e = 0; e < s->m; e++)
            if (e != b)
            {
                row += v[s->off[b * s->m + e]] * s->p[e];
                col += v[s->off[e * s->m + b]] * s->p[e];
            }
        ok = row == 1 && col == 1;
    }
    flint_free(v);
    fmpq_clear(r); fmpq_clear(t);
    return ok;
}

int
rc_symcert_verify(rc_symcert_t c, rc_error_t err)
{
    rc_sym_struct * s = c->sym;
    slong q = s->q, m = s->m, k = s->k, n = s->n, prec = c->prec, o, b, j;
    slong nsplit = rc_sym_split_count(s);
    arb_ptr X = NULL, y = NULL;
    arb_t t, alpha;
    int ret = 0, types_ok = 1, all_pd, all_counted;

    if (m < 1 || c->centre == NULL)
        return rc_error_set(err, "expected a group with at least one block");
    reset_verdicts(c);
    if (prec < 2 || prec > (1L << 24))
        return rc_error_set(err, "expected a precision in [2, 2^24], found %ld", (long) prec);
    if (c->radius_log2 > 64 || c->radius_log2 < -(1L << 24))
        return rc_error_set(err, "expected radius_log2 in [-2^24, 64], found %ld",
                            (long) c->radius_log2);
    if (c->cross_block >= nsplit || c->cross_block < -1)
        return rc_error_set(err, "expected a cross-check block in 0..%ld, found %ld",
                            (long) nsplit - 1, (long) c->cross_block);
    if (c->cross_block >= 0 && !(fmpq_sgn(c->alpha) > 0
                                 && fmpz_cmp(fmpq_numref(c->alpha), fmpq_denref(c->alpha)) < 0))
        return rc_error_set(err, "expected alpha in (0, 1)");

    X = _arb_vec_init(q);
    y = _arb_vec_init(RC_SYM_MAX_BLOCKS + 1);
    arb_init(t); arb_init(alpha);

    /* the box: exact binary centre, radius 2^radius_log2 */
    for (o = 0; o < q; o++)
    {
        arb_set_fmpq(X + o, c->centre + o, prec);
        if (!arb_is_exact(X + o))
        {
            ret = rc_error_set(err, "theta[%ld]: expected a binary number of at most %ld bits",
                               (long) o, (long) prec);
            goto out;
        }
        mag_one(arb_radref(X + o));
        mag_mul_2exp_si(arb_radref(X + o), arb_radref(X + o), c->radius_log2);
    }
    arb_set_fmpq(alpha, c->alpha, prec);

    /* values that need no derivative */
    rc_sym_loss(c->loss, s, X, prec);
    if (arb_is_positive(c->loss))
        c->non_global = RC_PROVED;
    rc_sym_norm_sum(c->norm_sum, s, X, prec);
    arb_set_si(t, k);
    c->norm_sum_le_k = arb_le(c->norm_sum, t) ? RC_PROVED
                       : arb_gt(c->norm_sum, t) ? RC_REFUTED : RC_UNDECIDED;
    /* the dimension count depends on the group alone: recorded even when
       no derivative is valid, so that the checker, which requires n k,
       decides such a certificate as the producer did */
    c->dimension = rc_sym_types_dimension(c->types, c->ntypes);
    if (!rc_sym_neurons_nonzero(s, X, prec))
        goto out;

    /* 1. exactly one critical point in W(box) */
    c->critical = rc_sym_krawczyk(&c->critical_witness, s, X, prec);

    /* 2. the types: complete table, nonsingular Gammas, beta per type */
    types_ok = c->dimension == n * k;   /* k^2 without extra neurons */
    all_pd = types_ok && c->have_lam_lower && fmpq_sgn(c->lam_lower) > 0;
    all_counted = types_ok;
    for (j = 0; j < c->ntypes; j++)
    {
        slong n = c->types[j].ncopies, a, e;
        arb_mat_t beta, A;
        fmpz_mat_t G;
        fmpz_t det;

        arb_mat_init(beta, n, n); arb_mat_init(A, n, n);
        fmpz_mat_init(G, n, n); fmpz_init(det);
        rc_sym_type_gamma(G, s, c->types + j);
        fmpz_mat_det(det, G);
        if (fmpz_is_zero(det))
            types_ok = all_pd = all_counted = 0;
        rc_sym_type_beta(beta, s, c->types + j, X, prec);
        rc_sym_type_spectrum(c->type_lam + j, c->type_neg + j, beta, G, prec);
        if (c->type_neg[j] < 0)
            all_counted = 0;
        if (all_pd)
        {
            arb_set_fmpq(t, c->lam_lower, prec);
            for (a = 0; a < n; a++)
                for (e = 0; e < n; e++)
                {
                    arb_set_fmpz(arb_mat_entry(A, a, e), fmpz_mat_entry(G, a, e));
                    arb_mul(arb_mat_entry(A, a, e), arb_mat_entry(A, a, e), t, prec);
                    arb_sub(arb_mat_entry(A, a, e), arb_mat_entry(beta, a, e),
                            arb_mat_entry(A, a, e), prec);
                }
            if (!rc_mat_spd_certify(A, NULL, prec))
                all_pd = 0;
        }
        if (types_ok && c->type_neg[j] > 0)
            c->positive_definite = RC_REFUTED;
        if (j == 0)
            arb_set(c->lam_min, c->type_lam + j);
        else
            arb_min(c->lam_min, c->lam_min, c->type_lam + j, prec);
        arb_mat_clear(beta); arb_mat_clear(A);
        fmpz_mat_clear(G); fmpz_clear(det);
    }
    if (!types_ok)
    {
        arb_indeterminate(c->lam_min);
        c->positive_definite = RC_UNDECIDED;
    }
    else if (all_pd && c->positive_definite != RC_REFUTED)
        c->positive_definite = RC_PROVED;
    if (all_counted)
    {
        c->morse_index = 0;
        for (j = 0; j < c->ntypes; j++)
            c->morse_index += c->types[j].dim * c->type_neg[j];
    }
    if (c->positive_definite == RC_REFUTED)
        c->strict_min = RC_REFUTED;
    else if (c->positive_definite == RC_PROVED && c->critical == RC_PROVED)
        c->strict_min = RC_PROVED;

    /* 3. the global minimum after all? */
    if (c->critical == RC_PROVED && permuted_teacher_in_box(c))
        c->non_global = RC_REFUTED;

    /* 4. split lemma per representative (each block, each extra neuron),
       the paper's lam per representative */
    c->saddle = c->critical == RC_PROVED ? RC_PROVED : RC_UNDECIDED;
    c->lam_negative = RC_PROVED;
    for (b = 0; b < nsplit; b++)
    {
        rc_sym_dvec_struct z[RC_SYM_MAX_BLOCKS + 1];
        slong nz = _rc_symcert_split_vectors(z, y, c, b, prec);

        if (nz > 0)
        {
            arb_mat_t A;
            fmpz_mat_t G;
            arb_t num, den;
            slong a, e;
            arb_mat_init(A, nz, nz); fmpz_mat_init(G, nz, nz);
            arb_init(num); arb_init(den);
            arb_one(t);
            rc_sym_hprime_form(A, s, b, t, z, nz, X, prec);
            rc_sym_dvec_gram(G, s, b, z, nz);
            for (a = 0; a < nz; a++)
                for (e = 0; e < nz; e++)
                {
                    arb_mul(t, y + a, y + e, prec);
                    arb_addmul(num, t, arb_mat_entry(A, a, e), prec);
                    arb_addmul_fmpz(den, t, fmpz_mat_entry(G, a, e), prec);
                }
            arb_div(c->split_q + b, num, den, prec);
            arb_mat_clear(A); fmpz_mat_clear(G);
            arb_clear(num); arb_clear(den);
        }
        c->split[b] = arb_is_negative(c->split_q + b) ? RC_PROVED : RC_UNDECIDED;
        if (c->split[b] != RC_PROVED)
            c->saddle = RC_UNDECIDED;
        rc_sym_split_lam(c->lam + b, s, X, b, prec);
        if (arb_is_positive(c->lam + b) && c->lam_negative != RC_REFUTED)
        {
            c->lam_negative = RC_REFUTED;
            c->lam_witness = b;
        }
        else if (!arb_is_negative(c->lam + b) && c->lam_negative == RC_PROVED)
            c->lam_negative = RC_UNDECIDED;
    }

    /* 5. the split point itself at one alpha */
    if (c->cross_block >= 0)
    {
        rc_sym_dvec_struct z[RC_SYM_MAX_BLOCKS + 1];
        slong nz = _rc_symcert_split_vectors(z, y, c, c->cross_block, prec);
        if (nz > 0 && rc_sym_split_point_curvature(c->cross_q, s, c->cross_block, alpha,
                                                   z, y, nz, X, prec)
            && arb_is_negative(c->cross_q) && c->critical == RC_PROVED)
            c->cross = RC_PROVED;
    }

out:
    if (ret)
        reset_verdicts(c);
    _arb_vec_clear(X, q);
    _arb_vec_clear(y, RC_SYM_MAX_BLOCKS + 1);
    arb_clear(t); arb_clear(alpha);
    return ret;
}
