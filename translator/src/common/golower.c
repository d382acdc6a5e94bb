/*
 * golower.c: strings.ToLower over the generated unicode_lower.h table.
 */
#include "golower.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "unicode_lower.h"
#include "utf8.h"

static uint32_t lower_rune(uint32_t r)
{
	size_t lo = 0, hi = sizeof(unicode_lower) / sizeof(unicode_lower[0]);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (unicode_lower[mid].from == r)
			return unicode_lower[mid].to;
		if (unicode_lower[mid].from < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return r;
}

/* Go's strings.ToLower fast path: ASCII maps A-Z and nothing else. */
static char *lower_ascii(struct arena *a, const char *s, size_t n)
{
	char *out = arena_alloc(a, n + 1);

	for (size_t i = 0; i < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A')
							    : s[i]);
	return out;
}

char *go_lower(struct arena *a, const char *s)
{
	size_t n = 0, o = 0;
	bool ascii = true;
	char *out;

	for (; s[n]; n++)
		ascii &= (unsigned char)s[n] < 0x80;
	if (ascii)
		return lower_ascii(a, s, n);
	/* A lowered rune never needs more than 4 bytes for a 1-byte source
	 * (U+023A is 2 bytes, its lowercase U+2C65 is 3), so 3n bounds it. */
	out = arena_alloc(a, 3 * n + 1);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode((const unsigned char *)s + i, n - i, &cp);

		if (!len) { /* not valid UTF-8: kept as is (never after load) */
			out[o++] = s[i++];
			continue;
		}
		o += utf8_encode(lower_rune(cp), out + o);
		i += len;
	}
	out[o] = '\0';
	return out;
}
