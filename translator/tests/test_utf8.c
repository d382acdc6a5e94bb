/*
 * test_utf8.c: common/utf8 against the boundaries of RFC 3629 and Go's
 * unicode/utf8 (valid ranges, overlong forms, surrogates, above U+10FFFF,
 * truncated and stray continuation bytes), and encode/decode round trips.
 */
#include "t.h"
#include "strbuf.h"
#include "utf8.h"

static const struct {
	const char *bytes;
	size_t n;
	size_t len;  /* 0: invalid */
	uint32_t cp;
} cases[] = {
	{ "A", 1, 1, 0x41 },
	{ "\x7f", 1, 1, 0x7f },
	{ "\xc2\x80", 2, 2, 0x80 },
	{ "\xdf\xbf", 2, 2, 0x7ff },
	{ "\xe0\xa0\x80", 3, 3, 0x800 },
	{ "\xed\x9f\xbf", 3, 3, 0xd7ff },
	{ "\xee\x80\x80", 3, 3, 0xe000 },
	{ "\xef\xbf\xbf", 3, 3, 0xffff },
	{ "\xe2\x80\xa8", 3, 3, 0x2028 },
	{ "\xf0\x90\x80\x80", 4, 4, 0x10000 },
	{ "\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff },
	{ "\xc0\x80", 2, 0, 0 },          /* overlong NUL */
	{ "\xc1\xbf", 2, 0, 0 },          /* overlong */
	{ "\xe0\x9f\xbf", 3, 0, 0 },      /* overlong 3-byte */
	{ "\xf0\x8f\xbf\xbf", 4, 0, 0 },  /* overlong 4-byte */
	{ "\xed\xa0\x80", 3, 0, 0 },      /* surrogate U+D800 */
	{ "\xed\xbf\xbf", 3, 0, 0 },      /* surrogate U+DFFF */
	{ "\xf4\x90\x80\x80", 4, 0, 0 },  /* U+110000 */
	{ "\xf5\x80\x80\x80", 4, 0, 0 },  /* bad lead */
	{ "\xff", 1, 0, 0 },
	{ "\x80", 1, 0, 0 },              /* stray continuation */
	{ "\xe2\x80", 2, 0, 0 },          /* truncated */
	{ "\xe2\x28\xa1", 3, 0, 0 },      /* bad second byte */
	{ "\xf0\x90\x28\xbc", 4, 0, 0 },  /* bad third byte */
};

/* Messages quote user text with terminal controls escaped (issue 9). */
static void test_escape_controls(void)
{
	static const char in[] = "a\x1b]0;t\x07\n\t\r\x7f\xc2\x9b\xc3\xa9\xff\0z";
	struct strbuf sb = STRBUF_INIT;

	utf8_escape_controls(&sb, in, sizeof(in) - 1);
	CHECK_STR(sb.buf, "a\\x1b]0;t\\x07\\n\\t\\r\\x7f\\u009b\xc3\xa9\\xff\\x00z");
	strbuf_release(&sb);
}

/* The plain definition: every code point decoded, then kept or escaped. */
static void escape_reference(struct strbuf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = utf8_decode(p + i, n - i, &c);
		char hex[8];

		if (!len) {
			snprintf(hex, sizeof(hex), "\\x%02x", p[i]);
			strbuf_addstr(out, hex);
			len = 1;
		} else if (c == '\n') {
			strbuf_addstr(out, "\\n");
		} else if (c == '\t') {
			strbuf_addstr(out, "\\t");
		} else if (c == '\r') {
			strbuf_addstr(out, "\\r");
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(hex, sizeof(hex), "\\x%02x", (unsigned)c);
			strbuf_addstr(out, hex);
		} else if (c >= 0x80 && c <= 0x9f) {
			snprintf(hex, sizeof(hex), "\\u%04x", (unsigned)c);
			strbuf_addstr(out, hex);
		} else {
			strbuf_add(out, s + i, len);
		}
		i += len;
	}
}

/*
 * utf8_escape_controls (runs of printable ASCII copied whole) against the
 * plain definition on pseudo-random mixes of ASCII, controls, UTF-8 of
 * every length and invalid bytes.
 */
static void test_escape_random(void)
{
	static const char *const pieces[] = {
		"a", "Z ~", "\x1f", " ", "\x7f", "\x80", "\xc2\x9b",
		"\xc3\xa9", "\xe2\x80\xa8", "\xf0\x9f\x98\x80", "\xff",
		"\n", "\t", "\r", "\x1b[0m", "\xe2\x80", "path/to:1"
	};
	uint32_t seed = 12345;
	struct strbuf in = STRBUF_INIT, got = STRBUF_INIT, want = STRBUF_INIT;

	for (int round = 0; round < 2000; round++) {
		int len = round % 23;

		strbuf_reset(&in);
		for (int k = 0; k < len; k++) {
			seed = seed * 1103515245u + 12345u;
			strbuf_addstr(&in, pieces[(seed >> 16) %
						  (sizeof(pieces) / sizeof(pieces[0]))]);
		}
		if (round % 5 == 0)
			strbuf_add(&in, "\0x", 2); /* a NUL inside */
		strbuf_reset(&got);
		strbuf_reset(&want);
		utf8_escape_controls(&got, in.buf, in.len);
		escape_reference(&want, in.buf, in.len);
		CHECK(got.len == want.len && !memcmp(got.buf, want.buf, got.len));
	}
	strbuf_release(&in);
	strbuf_release(&got);
	strbuf_release(&want);
}

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t cp = 0;
		size_t len = utf8_decode((const unsigned char *)cases[i].bytes,
					 cases[i].n, &cp);

		CHECK_INT(len, cases[i].len);
		if (len) {
			char out[4];

			CHECK_INT(cp, cases[i].cp);
			CHECK_INT(utf8_encode(cp, out), len);
			CHECK(memcmp(out, cases[i].bytes, len) == 0);
		}
	}
	CHECK_INT(utf8_invalid_at((const unsigned char *)"ab\xc3\xa9z", 5), 5);
	CHECK_INT(utf8_invalid_at((const unsigned char *)"ab\xc3", 3), 2);
	CHECK_INT(utf8_invalid_at((const unsigned char *)"\xed\xa0\x80x", 4), 0);
	CHECK_INT(utf8_invalid_at((const unsigned char *)"", 0), 0);
	test_escape_controls();
	test_escape_random();
	return t_done();
}
