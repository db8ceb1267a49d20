/* Private: Lanczos with full reorthogonalisation for an extreme eigenvalue
   of a symmetric operator given as a function, in plain double (estimates
   for the binary64 path; nothing here is trusted). */
#ifndef RELUCERT_D_LANCZOS_H
#define RELUCERT_D_LANCZOS_H

/* y = A x (N doubles each); returns 0, nonzero on failure */
typedef int (* rc_d_op_t)(double * y, const double * x, void * ctx);

/* At most steps Lanczos steps from a fixed pseudo-random start vector;
   returns the largest Ritz value if largest, else the smallest, and when u
   is not NULL its Ritz vector (N doubles, unit) and in *res the residual
   |A u - theta u|. NaN on failure. */
double _rc_d_lanczos(double * u, double * res, rc_d_op_t op, void * ctx, long N,
                     long steps, int largest);

#endif
