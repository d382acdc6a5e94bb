/*
 * sha.h: SHA-1 and SHA-256 as FIPS 180-4 defines them, incremental and
 * one-shot. SHA-1 feeds uuid5() (RFC 4122 name-based UUIDs); SHA-256 gives
 * the default container Id and the placeholder names of rule: hcsc.placeholders.
 * No library we link provides them (rule: hcsc.placeholders), so this is our own code,
 * checked against the NIST example vectors in tests/test_sha.c.
 *
 * A context is plain memory owned by the caller: _init() it, _update() it
 * any number of times, then _final() it once. Nothing is allocated.
 */
#ifndef HCSC_SHA_H
#define HCSC_SHA_H

#include <stddef.h>
#include <stdint.h>

#define SHA1_LEN 20
#define SHA256_LEN 32
#define SHA256_HEX_LEN 64

struct sha1_ctx {
	uint32_t h[5];
	uint64_t len; /* bytes hashed so far */
	unsigned char block[64];
	size_t used; /* bytes waiting in block */
};

struct sha256_ctx {
	uint32_t h[8];
	uint64_t len;
	unsigned char block[64];
	size_t used;
};

void sha1_init(struct sha1_ctx *c);
void sha1_update(struct sha1_ctx *c, const void *data, size_t n);
void sha1_final(struct sha1_ctx *c, unsigned char out[SHA1_LEN]);
void sha1(const void *data, size_t n, unsigned char out[SHA1_LEN]);

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t n);
void sha256_final(struct sha256_ctx *c, unsigned char out[SHA256_LEN]);
void sha256(const void *data, size_t n, unsigned char out[SHA256_LEN]);

/* Lowercase hex of the digest, NUL-terminated (65 bytes written). */
void sha256_final_hex(struct sha256_ctx *c, char out[SHA256_HEX_LEN + 1]);
void sha256_hex(const void *data, size_t n, char out[SHA256_HEX_LEN + 1]);

#endif
