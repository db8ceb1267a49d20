/* The seeded generator (include/relucert/rand.h documents the algorithm). */
#include "relucert/rand.h"
#include "relucert/flint_arb.h"

static uint64_t
splitmix64(uint64_t * x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static uint64_t
rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void
rc_rand_init(rc_rand_t r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * UINT64_C(0x9E3779B97F4A7C15));
    int i;

    for (i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
    r->have_spare = 0;
    r->spare = 0;
}

uint64_t
rc_rand_u64(rc_rand_t r)
{
    uint64_t * s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double
rc_rand_uniform(rc_rand_t r)
{
    return ((double) (rc_rand_u64(r) >> 11) + 0.5) * 0x1.0p-53;
}

double
rc_rand_gauss(rc_rand_t r)
{
    arb_t rho, th, a, b;
    double z;

    if (r->have_spare)
    {
        r->have_spare = 0;
        return r->spare;
    }
    arb_init(rho); arb_init(th); arb_init(a); arb_init(b);
    /* rho = sqrt(-2 log u1), th = 2 pi u2; u1, u2 exact doubles */
    arb_set_d(rho, rc_rand_uniform(r));
    arb_log(rho, rho, 128);
    arb_mul_si(rho, rho, -2, 128);
    arb_sqrtpos(rho, rho, 128);
    arb_set_d(th, rc_rand_uniform(r));
    arb_const_pi(a, 128);
    arb_mul(th, th, a, 128);
    arb_mul_2exp_si(th, th, 1);
    arb_sin_cos(b, a, th, 128);
    arb_mul(a, a, rho, 128);
    arb_mul(b, b, rho, 128);
    z = arf_get_d(arb_midref(a), ARF_RND_NEAR);
    r->spare = arf_get_d(arb_midref(b), ARF_RND_NEAR);
    r->have_spare = 1;
    arb_clear(rho); arb_clear(th); arb_clear(a); arb_clear(b);
    return z;
}
