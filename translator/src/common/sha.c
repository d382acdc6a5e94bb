/*
 * sha.c: SHA-1 and SHA-256, written from FIPS 180-4 (sections 5.1.1 padding,
 * 6.1.2 SHA-1 computation, 6.2.2 SHA-256 computation, 4.2 constants).
 * Both hash 64-byte blocks with a big-endian message schedule and end with
 * the same padding: 0x80, zeros, then the bit length as 64 big-endian bits.
 */
#include "sha.h"

#include <string.h>

static uint32_t rotl(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t rotr(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static uint32_t load_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void store_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Whole 64-byte blocks go through `compress`; the rest waits in `block`. */
static void feed_blocks(unsigned char block[64], size_t *used,
			const unsigned char *p, size_t n,
			void (*compress)(uint32_t *, const unsigned char *),
			uint32_t *h)
{
	while (n) {
		size_t take = 64 - *used;

		if (take > n)
			take = n;
		memcpy(block + *used, p, take);
		*used += take;
		p += take;
		n -= take;
		if (*used == 64) {
			compress(h, block);
			*used = 0;
		}
	}
}

/* The final block(s): FIPS 180-4 5.1.1. `len` is the message length in bytes. */
static void pad_block(unsigned char block[64], size_t used, uint64_t len,
		      void (*compress)(uint32_t *, const unsigned char *),
		      uint32_t *h)
{
	uint64_t bits = len * 8;
	int i;

	block[used++] = 0x80;
	if (used > 56) {
		memset(block + used, 0, 64 - used);
		compress(h, block);
		used = 0;
	}
	memset(block + used, 0, 56 - used);
	for (i = 0; i < 8; i++)
		block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	compress(h, block);
}

/* ---- SHA-1 ---- */

static void sha1_compress(uint32_t *h, const unsigned char *p)
{
	uint32_t w[80], a, b, c, d, e, f, k, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = load_be32(p + 4 * i);
	for (i = 16; i < 80; i++)
		w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = h[0];
	b = h[1];
	c = h[2];
	d = h[3];
	e = h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		t = rotl(a, 5) + f + e + k + w[i];
		e = d;
		d = c;
		c = rotl(b, 30);
		b = a;
		a = t;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

void sha1_init(struct sha1_ctx *c)
{
	static const uint32_t iv[5] = {
		0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
	};

	memcpy(c->h, iv, sizeof(iv));
	c->len = 0;
	c->used = 0;
}

void sha1_update(struct sha1_ctx *c, const void *data, size_t n)
{
	feed_blocks(c->block, &c->used, data, n, sha1_compress, c->h);
	c->len += n;
}

void sha1_final(struct sha1_ctx *c, unsigned char out[SHA1_LEN])
{
	int i;

	pad_block(c->block, c->used, c->len, sha1_compress, c->h);
	for (i = 0; i < 5; i++)
		store_be32(out + 4 * i, c->h[i]);
	memset(c, 0, sizeof(*c));
}

void sha1(const void *data, size_t n, unsigned char out[SHA1_LEN])
{
	struct sha1_ctx c;

	sha1_init(&c);
	sha1_update(&c, data, n);
	sha1_final(&c, out);
}

/* ---- SHA-256 ---- */

static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/*
 * One round per step, the eight working variables named as in FIPS 180-4
 * 6.2.2: the names rotate through the macro's arguments instead of the
 * values moving between variables (or through memory) each round.
 */
#define SHA256_ROUND(a, b, c, d, e, f, g, h, i)                              \
	do {                                                                 \
		uint32_t t1_ = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + \
			       ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];     \
		uint32_t t2_ = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) +    \
			       ((a & b) ^ (a & c) ^ (b & c));                 \
		d += t1_;                                                    \
		h = t1_ + t2_;                                               \
	} while (0)

static void sha256_compress(uint32_t *hv, const unsigned char *p)
{
	uint32_t w[64], s0, s1;
	uint32_t a = hv[0], b = hv[1], c = hv[2], d = hv[3];
	uint32_t e = hv[4], f = hv[5], g = hv[6], h = hv[7];
	int i;

	for (i = 0; i < 16; i++)
		w[i] = load_be32(p + 4 * i);
	for (i = 16; i < 64; i++) {
		s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
		s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	for (i = 0; i < 64; i += 8) {
		SHA256_ROUND(a, b, c, d, e, f, g, h, i);
		SHA256_ROUND(h, a, b, c, d, e, f, g, i + 1);
		SHA256_ROUND(g, h, a, b, c, d, e, f, i + 2);
		SHA256_ROUND(f, g, h, a, b, c, d, e, i + 3);
		SHA256_ROUND(e, f, g, h, a, b, c, d, i + 4);
		SHA256_ROUND(d, e, f, g, h, a, b, c, i + 5);
		SHA256_ROUND(c, d, e, f, g, h, a, b, i + 6);
		SHA256_ROUND(b, c, d, e, f, g, h, a, i + 7);
	}
	hv[0] += a;
	hv[1] += b;
	hv[2] += c;
	hv[3] += d;
	hv[4] += e;
	hv[5] += f;
	hv[6] += g;
	hv[7] += h;
}

void sha256_init(struct sha256_ctx *c)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(c->h, iv, sizeof(iv));
	c->len = 0;
	c->used = 0;
}

void sha256_update(struct sha256_ctx *c, const void *data, size_t n)
{
	feed_blocks(c->block, &c->used, data, n, sha256_compress, c->h);
	c->len += n;
}

void sha256_final(struct sha256_ctx *c, unsigned char out[SHA256_LEN])
{
	int i;

	pad_block(c->block, c->used, c->len, sha256_compress, c->h);
	for (i = 0; i < 8; i++)
		store_be32(out + 4 * i, c->h[i]);
	memset(c, 0, sizeof(*c));
}

void sha256(const void *data, size_t n, unsigned char out[SHA256_LEN])
{
	struct sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final(&c, out);
}

void sha256_final_hex(struct sha256_ctx *c, char out[SHA256_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char d[SHA256_LEN];
	int i;

	sha256_final(c, d);
	for (i = 0; i < SHA256_LEN; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[SHA256_HEX_LEN] = '\0';
}

void sha256_hex(const void *data, size_t n, char out[SHA256_HEX_LEN + 1])
{
	struct sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final_hex(&c, out);
}
