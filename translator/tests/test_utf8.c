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
	return t_done();
}
