/*
 * uuid.c: RFC 4122 section 4.3 name-based UUIDs (version 5: SHA-1 over the
 * namespace bytes then the name; the first 16 bytes of the digest, with the
 * version in the high nibble of byte 6 and the variant 10xx in byte 8), and
 * the 8-4-4-4-12 text form (RFC 4122 section 3).
 */
#include "uuid.h"

#include <string.h>

#include "sha.h"

const char *const hcsc_uuid_ns_text = "08f59fc9-1fa9-5a66-ae23-04b526e71b67";

const unsigned char hcsc_uuid_ns[UUID_LEN] = {
	0x08, 0xf5, 0x9f, 0xc9, 0x1f, 0xa9, 0x5a, 0x66,
	0xae, 0x23, 0x04, 0xb5, 0x26, 0xe7, 0x1b, 0x67,
};

void uuid5(const unsigned char ns[UUID_LEN], const char *name, size_t n,
	   unsigned char out[UUID_LEN])
{
	struct sha1_ctx c;
	unsigned char d[SHA1_LEN];

	sha1_init(&c);
	sha1_update(&c, ns, UUID_LEN);
	sha1_update(&c, name, n);
	sha1_final(&c, d);
	memcpy(out, d, UUID_LEN);
	out[6] = (unsigned char)((out[6] & 0x0f) | 0x50);
	out[8] = (unsigned char)((out[8] & 0x3f) | 0x80);
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Byte offsets where the text has a '-' (8-4-4-4-12). */
static bool is_dash_pos(size_t i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

static bool parse_bare(const char *s, unsigned char out[UUID_LEN])
{
	unsigned char u[UUID_LEN];
	size_t i, k = 0;

	for (i = 0; i < UUID_TEXT_LEN; i += is_dash_pos(i) ? 1 : 2) {
		int hi, lo;

		if (is_dash_pos(i)) {
			if (s[i] != '-')
				return false;
			continue;
		}
		hi = hex_value(s[i]);
		lo = hi < 0 ? -1 : hex_value(s[i + 1]);
		if (lo < 0)
			return false;
		u[k++] = (unsigned char)(hi << 4 | lo);
	}
	memcpy(out, u, UUID_LEN);
	return true;
}

bool uuid_parse(const char *s, unsigned char out[UUID_LEN])
{
	size_t n = strlen(s);

	if (n == UUID_TEXT_LEN)
		return parse_bare(s, out);
	if (n == UUID_TEXT_LEN + 2 && s[0] == '{' && s[n - 1] == '}')
		return parse_bare(s + 1, out);
	return false;
}

void uuid_format(const unsigned char u[UUID_LEN], char out[UUID_TEXT_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	size_t i, k = 0;

	for (i = 0; i < UUID_LEN; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = digits[u[i] >> 4];
		out[k++] = digits[u[i] & 15];
	}
	out[k] = '\0';
}
