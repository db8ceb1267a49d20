/* A test module (tests/cli_fpenv.sh): LD_PRELOADed, it switches
   flush-to-zero (MXCSR bit 15) and denormals-are-zero (bit 6) on in its
   constructor, as a library built with -ffast-math does through
   crtfastmath.o, e.g. in a Python session. Built without -ffast-math so
   that nothing else changes. x86 only; elsewhere it does nothing (the test
   skips). */
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>

__attribute__((constructor)) static void
ftz_daz_on(void)
{
    _mm_setcsr(_mm_getcsr() | 0x8000 | 0x0040);
}
#endif

/* the symbol the test looks for to know the module was built */
int rc_test_ftz_preload = 1;
