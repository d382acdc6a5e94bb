/*
 * goquote.c: strconv.Quote, within the limits goquote.h states.
 */
#include "goquote.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"
#include "utf8.h"

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
