/*
 * report/sanitize.c: junit_sanitize (junit.h), the text cleaning of the
 * JUnit report. It needs no libxml2, so it stays in libhcsc on every
 * build (the writer itself may live in the report module, module.h).
 */
#include "junit.h"

#include <stdint.h>

#include "utf8.h"

static void add_codepoint(struct strbuf *out, uint32_t c)
{
	char b[4];

	strbuf_add(out, b, utf8_encode(c, b));
}

void junit_sanitize(struct strbuf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t c;
		size_t len = utf8_decode(p + i, n - i, &c);

		if (!len) {
			add_codepoint(out, 0xfffd);
			i++;
			continue;
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			add_codepoint(out, 0x2400 + c);
		else if (c == 0xfffe || c == 0xffff)
			add_codepoint(out, 0xfffd);
		else
			strbuf_add(out, s + i, len);
		i += len;
	}
}
