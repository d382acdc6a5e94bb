/*
 * apply/utf16.c: strict UTF-8 -> UTF-16 and lenient UTF-16 -> UTF-8
 * (RFC 3629 well-formed byte sequences; RFC 2781 surrogate pairs).
 */
#include "apply/utf16.h"

#include "arena.h"
#include "strbuf.h"

/*
 * Decode one code point at s[i..n); returns its byte length, or 0 when
 * the bytes there are not well-formed UTF-8 (Unicode table 3-7).
 */
static size_t utf8_decode(const unsigned char *s, size_t i, size_t n,
			  uint32_t *cp)
{
	unsigned char c = s[i], lo = 0x80, hi = 0xBF;
	size_t len, k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		*cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		*cp = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		*cp = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0;
	}
	if (n - i < len)
		return 0;
	for (k = 1; k < len; k++) {
		unsigned char b = s[i + k];

		if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
			return 0;
		*cp = *cp << 6 | (b & 0x3F);
	}
	return len;
}

uint16_t *apply_utf8_to_utf16(struct arena *a, const char *s, size_t n,
			      size_t *len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	uint16_t *w = arena_array(a, n + 1, sizeof(uint16_t));
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u, i, n, &cp);

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

static void utf8_put(struct strbuf *out, uint32_t cp)
{
	if (cp < 0x80) {
		strbuf_addch(out, (char)cp);
	} else if (cp < 0x800) {
		strbuf_addch(out, (char)(0xC0 | cp >> 6));
		strbuf_addch(out, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		strbuf_addch(out, (char)(0xE0 | cp >> 12));
		strbuf_addch(out, (char)(0x80 | (cp >> 6 & 0x3F)));
		strbuf_addch(out, (char)(0x80 | (cp & 0x3F)));
	} else {
		strbuf_addch(out, (char)(0xF0 | cp >> 18));
		strbuf_addch(out, (char)(0x80 | (cp >> 12 & 0x3F)));
		strbuf_addch(out, (char)(0x80 | (cp >> 6 & 0x3F)));
		strbuf_addch(out, (char)(0x80 | (cp & 0x3F)));
	}
}

void apply_utf16_to_utf8(const uint16_t *w, struct strbuf *out)
{
	for (size_t i = 0; w[i]; i++) {
		uint32_t c = w[i];

		if (c >= 0xD800 && c <= 0xDBFF && w[i + 1] >= 0xDC00 &&
		    w[i + 1] <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (w[i + 1] - 0xDC00);
			i++;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = 0xFFFD;
		}
		utf8_put(out, c);
	}
}
