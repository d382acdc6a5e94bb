/*
 * test_sha.c: SHA-1 and SHA-256 against the NIST example vectors (FIPS 180-4
 * examples: "abc", the empty message, the 448-bit and 896-bit messages and
 * one million 'a'), padding boundaries (expected values from Python's
 * hashlib), and incremental feeding in every split against one-shot.
 */
#include "sha.h"
#include "t.h"

#include <stdlib.h>

static const char msg448[] =
	"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char msg896[] =
	"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	"ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

struct vec {
	const char *name;
	const char *msg; /* NULL: one million 'a' */
	const char *sha1, *sha256;
};

static const struct vec nist[] = {
	{ "abc", "abc", "a9993e364706816aba3e25717850c26c9cd0d89d",
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "empty", "", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "448 bits", msg448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "896 bits", msg896, "a49b2446a02c645bf419f995b67091253a04a259",
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	{ "million a", NULL, "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
	  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
};

/* Message i of length n: byte k is (k*7+3) & 255. Digests from hashlib. */
static const struct {
	size_t n;
	const char *sha1, *sha256;
} bounds[] = {
	{ 55, "ddf57317ef34bfee3b6df83d359098930eb278bc",
	  "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b" },
	{ 56, "a0d492bb0fc889d0eca3bc137066ab6f4f74f369",
	  "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27" },
	{ 57, "11a02dcf95859677a62e75024067c22b165d890f",
	  "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73" },
	{ 63, "c55856749bef509bdfe6bfebfc7bf4e793e82132",
	  "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055" },
	{ 64, "bede92be29c3874e1b54ddc77988d606fc857a8e",
	  "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241" },
	{ 65, "b05a80522b053d6dc7e0a517d0e70212c7dad11f",
	  "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e" },
	{ 119, "504e27376a6e0f0dba8295b85cb25dc4dfa17d23",
	  "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e" },
	{ 120, "82134b02fb3f702491be9bed581eeab59334acb2",
	  "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5" },
	{ 128, "a09133e6730ffe899efb70204cb5646cd5dc24ee",
	  "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6" },
};

static void hex(const unsigned char *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

static char *million_a(void)
{
	char *m = malloc(1000000);

	if (!m)
		abort();
	memset(m, 'a', 1000000);
	return m;
}

static void check_one(const void *msg, size_t n, const char *want1,
		      const char *want256)
{
	unsigned char d1[SHA1_LEN], d256[SHA256_LEN];
	char h[2 * SHA256_LEN + 1];

	sha1(msg, n, d1);
	hex(d1, SHA1_LEN, h);
	CHECK_STR(h, want1);
	sha256(msg, n, d256);
	hex(d256, SHA256_LEN, h);
	CHECK_STR(h, want256);
	sha256_hex(msg, n, h);
	CHECK_STR(h, want256);
}

static void test_nist(void)
{
	size_t i;

	for (i = 0; i < sizeof(nist) / sizeof(nist[0]); i++) {
		if (nist[i].msg) {
			check_one(nist[i].msg, strlen(nist[i].msg), nist[i].sha1,
				  nist[i].sha256);
		} else {
			char *m = million_a();

			check_one(m, 1000000, nist[i].sha1, nist[i].sha256);
			free(m);
		}
	}
}

static void test_bounds(void)
{
	unsigned char m[128];
	size_t i, k;

	for (k = 0; k < sizeof(m); k++)
		m[k] = (unsigned char)((k * 7 + 3) & 255);
	for (i = 0; i < sizeof(bounds) / sizeof(bounds[0]); i++)
		check_one(m, bounds[i].n, bounds[i].sha1, bounds[i].sha256);
}

/* Every split of the 896-bit message into two updates, and byte by byte. */
static void test_incremental(void)
{
	size_t n = strlen(msg896), cut, k;
	char h[2 * SHA256_LEN + 1];
	unsigned char d[SHA1_LEN];
	int bad1 = 0, bad256 = 0;

	for (cut = 0; cut <= n; cut++) {
		struct sha1_ctx c1;
		struct sha256_ctx c2;

		sha1_init(&c1);
		sha1_update(&c1, msg896, cut);
		sha1_update(&c1, msg896 + cut, n - cut);
		sha1_final(&c1, d);
		hex(d, SHA1_LEN, h);
		bad1 += strcmp(h, nist[3].sha1) != 0;
		sha256_init(&c2);
		sha256_update(&c2, msg896, cut);
		sha256_update(&c2, msg896 + cut, n - cut);
		sha256_final_hex(&c2, h);
		bad256 += strcmp(h, nist[3].sha256) != 0;
	}
	CHECK_INT(bad1, 0);
	CHECK_INT(bad256, 0);

	{
		struct sha256_ctx c;

		sha256_init(&c);
		for (k = 0; k < 1000000; k++)
			sha256_update(&c, "a", 1);
		sha256_final_hex(&c, h);
		CHECK_STR(h, nist[4].sha256);
	}
}

/* The NIST answer must not come back for a message one byte different. */
static void test_negative(void)
{
	char h[2 * SHA256_LEN + 1];

	sha256_hex("abd", 3, h);
	CHECK(strcmp(h, nist[0].sha256) != 0);
}

int main(void)
{
	test_nist();
	test_bounds();
	test_incremental();
	test_negative();
	return t_done();
}
