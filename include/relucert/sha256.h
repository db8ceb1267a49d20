/* relucert: SHA-256 digests (FIPS 180-4) of certificate files. */
#ifndef RELUCERT_SHA256_H
#define RELUCERT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* hex = the 64 lowercase hex digits of SHA-256(data[0..len)). */
void rc_sha256(char hex[65], const unsigned char * data, size_t len);

/* The same for a file's bytes. Returns 0; 1 if the file cannot be read. */
int rc_sha256_file(char hex[65], const char * path);

#ifdef __cplusplus
}
#endif

#endif
