/* relucert: the documented, machine-independent random generator behind
   every seeded computation (search starting points, sampled directions).

   Uniform bits: xoshiro256** (Blackman and Vigna, 2018), state seeded from
   (seed, stream) by four steps of SplitMix64 on seed ^ (stream * 0x9E3779B97F4A7C15).
   Uniform doubles in (0, 1): (x >> 11) + 0.5, times 2^-53.
   Standard normals: Box-Muller, z = sqrt(-2 log u1) cos(2 pi u2) with the
   second value sqrt(-2 log u1) sin(2 pi u2) used next; the transcendental
   functions are evaluated in Arb at 128 bits and rounded to the nearest
   double, so the values do not depend on the C library's libm.
   Given (seed, stream), the sequence is the same on every machine; streams
   make work units (runs, directions) independent of how they are spread
   over processes. */
#ifndef RELUCERT_RAND_H
#define RELUCERT_RAND_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    uint64_t s[4];
    int have_spare;
    double spare;
}
rc_rand_struct;

typedef rc_rand_struct rc_rand_t[1];

/* Seeds the generator for work unit `stream` of a computation seeded by `seed`. */
void rc_rand_init(rc_rand_t r, uint64_t seed, uint64_t stream);

/* Next 64 uniform bits. */
uint64_t rc_rand_u64(rc_rand_t r);

/* Uniform double in (0, 1) (never 0 or 1). */
double rc_rand_uniform(rc_rand_t r);

/* Standard normal double. */
double rc_rand_gauss(rc_rand_t r);

#ifdef __cplusplus
}
#endif

#endif
