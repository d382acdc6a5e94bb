/*
 * utf8.c: decoding, encoding and validating UTF-8 (utf8.h). Lead bytes
 * C2..F4; the first continuation byte is narrowed after E0 (overlong),
 * ED (surrogates), F0 (overlong) and F4 (above U+10FFFF), as Go's
 * src/unicode/utf8/utf8.go accept table does.
 */
#include "utf8.h"

#include <string.h>

#include "strbuf.h"

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t len;
	uint32_t r;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		r = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		r = c & 0x0f;
		lo = c == 0xe0 ? 0xa0 : 0x80;
		hi = c == 0xed ? 0x9f : 0xbf;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		r = c & 0x07;
		lo = c == 0xf0 ? 0x90 : 0x80;
		hi = c == 0xf4 ? 0x8f : 0xbf;
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (i > 1 && (s[i] < 0x80 || s[i] > 0xbf))
			return 0;
		r = (r << 6) | (s[i] & 0x3f);
	}
	*cp = r;
	return len;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t utf8_invalid_at(const unsigned char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080u;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t len;
		uint64_t w;

		/* ASCII, the common case, eight bytes at a time. */
		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (!(w & high)) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);

		if (!len)
			return i;
		i += len;
	}
	return n;
}

static void escape_one(struct strbuf *out, uint32_t c)
{
	switch (c) {
	case '\n': strbuf_addstr(out, "\\n"); return;
	case '\t': strbuf_addstr(out, "\\t"); return;
	case '\r': strbuf_addstr(out, "\\r"); return;
	default: break;
	}
	if (c < 0x80)
		strbuf_addf(out, "\\x%02x", (unsigned)c);
	else
		strbuf_addf(out, "\\u%04x", (unsigned)c);
}

void utf8_escape_controls(struct strbuf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t c;
		size_t len, run = i;

		/*
		 * Printable ASCII (0x20..0x7e), most of any message: copied as
		 * one run, as the per-code-point path below would copy each.
		 */
		while (run < n && p[run] >= 0x20 && p[run] < 0x7f)
			run++;
		if (run > i) {
			strbuf_add(out, s + i, run - i);
			i = run;
			continue;
		}
		len = utf8_decode(p + i, n - i, &c);
		if (!len) {
			strbuf_addf(out, "\\x%02x", p[i]);
			len = 1;
		} else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
			escape_one(out, c);
		} else {
			strbuf_add(out, s + i, len);
		}
		i += len;
	}
}
