/* relucert: the same loss, gradient and Hessian in plain double precision.
   FAST AND NOT RIGOROUS: no error bound is attached. For searches, starting
   points and preconditioners only; nothing reported as proved may rest on
   these functions. Matrices are row-major: W[i*d + a], V[j*d + a],
   H[(i*d + a)*n*d + (i'*d + b)]. */
#ifndef RELUCERT_D_EVAL_H
#define RELUCERT_D_EVAL_H

#ifdef __cplusplus
extern "C" {
#endif

/* F(W). */
double rc_d_loss(const double * W, long n, const double * V, long k, long d);

/* G = grad F(W) (n*d doubles). Zero student neurons contribute a zero row of
   their own derivative (a subgradient choice, not a derivative). */
void rc_d_gradient(double * G, const double * W, long n, const double * V,
                   long k, long d);

/* H = Hessian (nd x nd). Returns 0; returns 1 (H unspecified) if a student
   neuron is exactly zero. */
int rc_d_hessian(double * H, const double * W, long n, const double * V,
                 long k, long d);

/* Gradient descent W <- W - step grad F(W) from the given W until
   |grad F| <= tol or max_iter steps; *gnorm receives the last gradient
   norm. Returns the number of steps taken (-1 if out of memory). */
long rc_d_descent(double * W, double * gnorm, long n, const double * V, long k,
                  long d, double step, double tol, long max_iter);

/* Limited-memory BFGS (memory 10, Armijo backtracking) from the given W
   until |grad F| <= tol, F <= ftol (for a student with more neurons than
   the teacher the global minima are not isolated and the gradient decays
   slowly there: -INFINITY turns this test off), max_iter iterations, 200 iterations without
   the gradient's norm halving, or no
   decrease of F can be
   found (in double, near a minimum, F's rounding hides the decrease: ask
   for tol around 1e-8 and polish with Newton's method at high precision).
   *gnorm receives the last gradient norm. Returns the number of
   iterations (-1 if out of memory). */
long rc_d_lbfgs(double * W, double * gnorm, long n, const double * V, long k,
                long d, double tol, double ftol, long max_iter);

#ifdef __cplusplus
}
#endif

#endif
