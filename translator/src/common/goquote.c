/*
 * goquote.c: strconv.Quote, within the limits goquote.h states.
 */
#include "goquote.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"

/* Decode one UTF-8 sequence; returns its length, or 0 if invalid. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2, *cp = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3, *cp = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4, *cp = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

static int non_printable(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0xad ||
	       (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2060 && cp <= 0x2064) || cp == 0xfeff ||
	       (cp >= 0xfff9 && cp <= 0xfffb);
}

static void quote_ascii(struct strbuf *sb, unsigned char ch)
{
	static const char hex[] = "0123456789abcdef";
	static const char esc[] = "\aa\bb\ff\nn\rr\tt\vv";
	const char *e;

	if (ch == '"' || ch == '\\') {
		strbuf_addch(sb, '\\');
		strbuf_addch(sb, (char)ch);
	} else if (ch >= 0x20 && ch < 0x7f) {
		strbuf_addch(sb, (char)ch);
	} else if (ch && (e = memchr(esc, ch, sizeof(esc) - 1)) &&
		   (e - esc) % 2 == 0) {
		strbuf_addch(sb, '\\');
		strbuf_addch(sb, e[1]);
	} else {
		strbuf_addstr(sb, "\\x");
		strbuf_addch(sb, hex[ch >> 4]);
		strbuf_addch(sb, hex[ch & 15]);
	}
}

char *go_quote(struct arena *a, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	char *out;

	strbuf_addch(&sb, '"');
	while (n) {
		uint32_t cp;
		size_t len = utf8_decode(p, n, &cp);

		if (len == 1 || len == 0) {
			quote_ascii(&sb, *p);
			len = 1;
		} else if (non_printable(cp)) {
			strbuf_addf(&sb, "\\u%04x", (unsigned)cp);
		} else {
			strbuf_add(&sb, p, len);
		}
		p += len;
		n -= len;
	}
	strbuf_addch(&sb, '"');
	out = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return out;
}
