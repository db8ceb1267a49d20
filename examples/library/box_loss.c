/* A program using the installed relucert library: encloses F over a box.

   Build (after 'make install'):
     cc box_loss.c $(pkg-config --cflags --libs relucert) -o box_loss
   Run:
     ./box_loss          # the box of radius 1/1000 around W = I_3, V = I_3 */
#include <stdio.h>
#include <relucert/relucert.h>

/* prints [lo, hi] rounded outward to 8 digits */
static void
print_interval(const char * what, const arb_t x)
{
    char * lo = rc_enclosure_bound_str(x, 1, 8), * hi = rc_enclosure_bound_str(x, 0, 8);
    printf("%s in [%s, %s]", what, lo, hi);
    flint_free(lo);
    flint_free(hi);
}

int
main(void)
{
    rc_point_t pt;
    rc_error_t err;
    arb_mat_t W, V;
    arb_t F, lam;
    fmpq_t r;
    slong prec = 128;
    int ok;

    /* the point, read exactly from text */
    rc_point_init(pt);
    if (rc_point_read_string(pt, "teacher identity 3\n"
                                 "student 3 3\n1 0 0\n0 1 0\n0 0 1\n", "<example>", err))
    {
        fprintf(stderr, "%s\n", err->msg);
        return 2;
    }
    /* balls for the box of radius 1/1000 around the student */
    fmpq_init(r);
    fmpq_set_si(r, 1, 1000);
    arb_mat_init(W, pt->n, pt->d);
    arb_mat_init(V, pt->k, pt->d);
    rc_point_get_arb(W, V, pt, r, prec);

    /* F over the box: every value of F there lies in the ball */
    arb_init(F);
    rc_loss(F, W, V, prec);
    print_interval("F on the box", F);
    printf("\n");

    /* positive definite Hessian on the whole box? */
    {
        arb_mat_t H;
        arb_mat_init(H, pt->n * pt->d, pt->n * pt->d);
        arb_init(lam);
        ok = rc_hessian(H, W, V, prec) && rc_mat_eig_min(lam, NULL, H, prec);
        print_interval("smallest Hessian eigenvalue on the box", lam);
        printf("%s\n", ok && arb_is_positive(lam) ? ": positive definite" : "");
        arb_mat_clear(H);
        arb_clear(lam);
    }

    arb_clear(F);
    arb_mat_clear(W);
    arb_mat_clear(V);
    fmpq_clear(r);
    rc_point_clear(pt);
    flint_cleanup();
    return ok && arb_is_finite(F) && arb_contains_zero(F) ? 0 : 1;
}
