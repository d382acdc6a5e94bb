/*
 * test_golower.c: go_lower against Go 1.23 strings.ToLower answers
 * (computed with Go, see tools/gen/unicode_lower.go): ASCII, Latin-1,
 * runes whose lowercase has another UTF-8 length (U+0130 -> i, U+212A ->
 * k, U+023A -> U+2C65), Greek without final-sigma rules (Go has none),
 * Cyrillic, the table's first and last entries, and runes with no lower
 * case left alone.
 */
#include "arena.h"
#include "golower.h"
#include "t.h"

int main(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "", "" },
		{ "C:\\Data\\App", "c:\\data\\app" },
		{ "C:\\\xc3\x84RGER", "c:\\\xc3\xa4rger" },           /* Ä -> ä */
		{ "\xc4\xb0stanbul", "istanbul" },                    /* İ -> i (2 -> 1 byte) */
		{ "\xe2\x84\xaa:\\x", "k:\\x" },                      /* KELVIN SIGN -> k */
		{ "\xc8\xba", "\xe2\xb1\xa5" },                       /* Ⱥ -> ⱥ (2 -> 3 bytes) */
		{ "\xce\xa3\xce\x91\xce\xa3", "\xcf\x83\xce\xb1\xcf\x83" }, /* ΣΑΣ -> σασ */
		{ "\xd0\x94\xd0\x90\xd0\x9d\xd0\x9d\xd0\xab\xd0\x95",
		  "\xd0\xb4\xd0\xb0\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5" },  /* ДАННЫЕ */
		{ "A", "a" },                                         /* first entry */
		{ "\xf0\x9e\xa4\xa1", "\xf0\x9e\xa5\x83" },           /* U+1E921 -> U+1E943, last */
		{ "\xc3\x9f\xf0\x9f\x98\x80 123", "\xc3\x9f\xf0\x9f\x98\x80 123" }, /* ß, emoji */
	};
	struct arena *a = arena_new();

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(go_lower(a, cases[i].in), cases[i].want);
	arena_free(a);
	return t_done();
}
