#include <stdio.h>
#include <stdlib.h>
#include "testutil.h"

int
tu_run(Suite * s)
{
    SRunner * sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    flint_cleanup();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

void
tu_point(rc_point_t pt, const char * text)
{
    rc_error_t err;
    int r = rc_point_read_string(pt, text, "test", err);
    ck_assert_msg(r == 0, "point text rejected: %s", err->msg);
}

int
tu_contains(const arb_t x, const char * s)
{
    fmpq_t q;
    rc_error_t err;
    int r;
    fmpq_init(q);
    if (rc_number_parse_fmpq(q, s, err))
    {
        fmpq_clear(q);
        return 0;
    }
    r = arb_contains_fmpq(x, q);
    fmpq_clear(q);
    return r;
}

int
tu_within(const arb_t x, const char * s, double tol)
{
    fmpq_t q;
    arb_t y;
    rc_error_t err;
    int r;
    fmpq_init(q);
    arb_init(y);
    if (rc_number_parse_fmpq(q, s, err))
        r = 0;
    else
    {
        arb_set_fmpq(y, q, 512);
        arb_sub(y, x, y, 512);
        arb_abs(y, y);
        {
            arf_t u;
            arf_init(u);
            arb_get_ubound_arf(u, y, 64);
            r = arb_is_finite(y) && arf_cmp_d(u, tol) <= 0;
            arf_clear(u);
        }
    }
    fmpq_clear(q);
    arb_clear(y);
    return r;
}

void
tu_rand_dyadic(arb_t x, flint_rand_t st)
{
    slong m = (slong) n_randint(st, (UWORD(1) << 31) + 1) - (WORD(1) << 30);
    arb_set_si(x, m);
    arb_mul_2exp_si(x, x, -30);
}

void
tu_rand_mat(arb_mat_t A, flint_rand_t st, double rad)
{
    slong i, j;
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
        {
            tu_rand_dyadic(arb_mat_entry(A, i, j), st);
            if (rad > 0)
                mag_set_d(arb_radref(arb_mat_entry(A, i, j)), rad);
        }
}

void
tu_rand_point_in(arb_mat_t P, const arb_mat_t B, flint_rand_t st)
{
    slong i, j;
    arf_t lo, hi;
    arf_init(lo);
    arf_init(hi);
    for (i = 0; i < arb_mat_nrows(B); i++)
        for (j = 0; j < arb_mat_ncols(B); j++)
        {
            arb_srcptr b = arb_mat_entry(B, i, j);
            arb_ptr p = arb_mat_entry(P, i, j);
            slong r = n_randint(st, 4);
            arb_get_lbound_arf(lo, b, ARF_PREC_EXACT);
            arb_get_ubound_arf(hi, b, ARF_PREC_EXACT);
            if (r == 0)
                arb_set_arf(p, lo);
            else if (r == 1)
                arb_set_arf(p, hi);
            else
            {
                /* lo + (hi - lo) * u, u a 20-bit dyadic in [0, 1] */
                arf_t u;
                arf_init(u);
                arf_set_ui(u, n_randint(st, (1 << 20) + 1));
                arf_mul_2exp_si(u, u, -20);
                arf_sub(hi, hi, lo, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul(hi, hi, u, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_add(hi, hi, lo, ARF_PREC_EXACT, ARF_RND_DOWN);
                arb_set_arf(p, hi);
                arf_clear(u);
            }
        }
    arf_clear(lo);
    arf_clear(hi);
}

int
tu_mat_contains(const arb_mat_t A, const arb_mat_t B)
{
    slong i, j;
    for (i = 0; i < arb_mat_nrows(A); i++)
        for (j = 0; j < arb_mat_ncols(A); j++)
            if (!arb_contains(arb_mat_entry(A, i, j), arb_mat_entry(B, i, j)))
                return 0;
    return 1;
}

/* H at the exact point W(centre), dense: the number of eigenvalues < 0
   (certified) and lambda_min */
slong
tu_sym_dense_negatives(arb_t lam, const rc_symcert_t c, slong prec)
{
    slong k = c->sym->k, N = k * k, cnt = -1;
    fmpq_mat_t Wq;
    arb_mat_t W, V, H;
    arb_t zero;

    fmpq_mat_init(Wq, k, k);
    arb_mat_init(W, k, k); arb_mat_init(V, k, k); arb_mat_init(H, N, N);
    arb_init(zero);
    rc_sym_mat_from_theta(Wq, c->sym, c->centre);
    arb_mat_set_fmpq_mat(W, Wq, prec);
    arb_mat_one(V);
    ck_assert(rc_hessian(H, W, V, prec));
    ck_assert(rc_mat_count_below(&cnt, H, zero, prec));
    if (lam != NULL)
        rc_mat_eig_min(lam, NULL, H, prec);
    fmpq_mat_clear(Wq);
    arb_mat_clear(W); arb_mat_clear(V); arb_mat_clear(H);
    arb_clear(zero);
    return cnt;
}
