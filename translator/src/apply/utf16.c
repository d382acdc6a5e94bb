/*
 * apply/utf16.c: strict UTF-8 -> UTF-16 and lenient UTF-16 -> UTF-8 for
 * the HCS API (RFC 2781 surrogate pairs; the UTF-8 rules are common/utf8).
 */
#include "apply/utf16.h"

#include "arena.h"
#include "strbuf.h"
#include "utf8.h"

uint16_t *apply_utf8_to_utf16(struct arena *a, const char *s, size_t n,
			      size_t *len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	uint16_t *w = arena_array(a, n + 1, sizeof(uint16_t));
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t cp = 0;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k || cp == 0) {
			if (bad)
				*bad = i;
			return NULL;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			w[o++] = (uint16_t)(0xD800 | cp >> 10);
			w[o++] = (uint16_t)(0xDC00 | (cp & 0x3FF));
		} else {
			w[o++] = (uint16_t)cp;
		}
		i += k;
	}
	w[o] = 0;
	if (len)
		*len = o;
	return w;
}

void apply_utf16_to_utf8(const uint16_t *w, struct strbuf *out)
{
	char buf[4];

	for (size_t i = 0; w[i]; i++) {
		uint32_t c = w[i];

		if (c >= 0xD800 && c <= 0xDBFF && w[i + 1] >= 0xDC00 &&
		    w[i + 1] <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (w[i + 1] - 0xDC00);
			i++;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = 0xFFFD;
		}
		strbuf_add(out, buf, utf8_encode(c, buf));
	}
}
