/* Library versions. */
#include <config.h>
#include <gmp.h>
#include <mpfr.h>
#include "relucert/flint_arb.h"
#include "relucert/version.h"

const char * rc_version_relucert(void) { return PACKAGE_VERSION; }
const char * rc_version_flint(void) { return flint_version; }
#ifdef RELUCERT_FLINT3
const char * rc_version_arb(void) { return flint_version; }
#else
const char * rc_version_arb(void) { return arb_version; }
#endif
const char * rc_version_mpfr(void) { return mpfr_get_version(); }
const char * rc_version_gmp(void) { return gmp_version; }
