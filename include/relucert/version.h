/* relucert: versions of relucert and of the libraries it runs on, as
   recorded in certificates and printed by "relucert --version". */
#ifndef RELUCERT_VERSION_H
#define RELUCERT_VERSION_H

#ifdef __cplusplus
extern "C" {
#endif

/* Each returns a static string, e.g. "0.1.0", "2.9.0", "2.23.0". The Arb
   version is FLINT's own when Arb is part of FLINT (>= 3). */
const char * rc_version_relucert(void);
const char * rc_version_flint(void);
const char * rc_version_arb(void);
const char * rc_version_mpfr(void);
const char * rc_version_gmp(void);

#ifdef __cplusplus
}
#endif

#endif
