/*
 * check/shard.c: the shard split of `hcsc check --shard K/N` (shard.h).
 */
#include "check/shard.h"

#include <stdint.h>
#include <string.h>

#include "sha.h"

/* A decimal number from 1 to CHECK_SHARD_MAX, digits only, up to `end`. */
static bool parse_num(const char *s, const char *end, unsigned *out)
{
	unsigned long v = 0;

	if (s == end)
		return false;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > CHECK_SHARD_MAX)
			return false;
	}
	*out = (unsigned)v;
	return v >= 1;
}

bool check_shard_parse(const char *s, unsigned *k, unsigned *n)
{
	const char *slash = strchr(s, '/');

	return slash && parse_num(s, slash, k) &&
	       parse_num(slash + 1, slash + strlen(slash), n) && *k <= *n;
}

bool check_shard_has(const char *path, unsigned k, unsigned n)
{
	unsigned char d[SHA256_LEN];
	uint64_t h = 0;

	if (n <= 1)
		return true;
	sha256(path, strlen(path), d);
	for (int i = 0; i < 8; i++)
		h = h << 8 | d[i];
	return h % n == k - 1;
}
