/*
 * test_locale.c: hcsc's results must not depend on the C locale. Under
 * tr_TR.UTF-8 (dotless i) and de_DE.UTF-8 (decimal comma), case folding,
 * key matching and number formatting stay ASCII/C, and a whole compile
 * gives the same bytes as under "C". A missing locale fails the test.
 * argv[1]: a description to compile.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "pipeline/compile.h"
#include "t.h"

static char *compile_once(const char *desc)
{
	struct arena *a = arena_new();
	struct diag_list d;
	struct compile_output out;
	struct compile_input in;
	const char *err = NULL;
	char *copy = NULL;

	memset(&in, 0, sizeof(in));
	in.desc_path = desc;
	in.style = EMIT_PRETTY;
	diag_list_init(&d, a, false);
	compile_output_init(&out);
	if (compile_run(a, &d, &in, &out, &err) == HCSC_OK) {
		copy = malloc(out.doc[DOC_OCI].len + 1);
		if (copy)
			memcpy(copy, out.doc[DOC_OCI].buf, out.doc[DOC_OCI].len + 1);
	}
	compile_output_release(&out);
	diag_list_release(&d);
	arena_free(a);
	return copy;
}

static void check_folding(void)
{
	struct arena *a = arena_new();

	CHECK(ascii_eqi("HOSTCONFIG", "hostconfig"));
	CHECK(ascii_eqi("Isolation", "ISOLATION"));
	CHECK(!ascii_eqi("\xc4\xb0", "i")); /* U+0130 is not ASCII 'I' */
	CHECK_STR(ascii_lowercase(a, "TITLE-IIS"), "title-iis");
	CHECK_STR(arena_printf(a, "%d %u %lld", -1234567, 4000000000u,
			       -9223372036854775807LL),
		  "-1234567 4000000000 -9223372036854775807");
	arena_free(a);
}

int main(int argc, char **argv)
{
	const char *locales[] = { "tr_TR.UTF-8", "de_DE.UTF-8" };
	char *want;

	if (argc != 2) {
		fprintf(stderr, "usage: test_locale DESCRIPTION\n");
		return 2;
	}
	want = compile_once(argv[1]);
	CHECK(want != NULL);
	check_folding();
	for (size_t i = 0; i < sizeof(locales) / sizeof(locales[0]); i++) {
		char *got;

		if (!setlocale(LC_ALL, locales[i])) {
			fprintf(stderr, "locale %s is not installed\n", locales[i]);
			t_fail++;
			continue;
		}
		check_folding();
		got = compile_once(argv[1]);
		CHECK(got && want && !strcmp(got, want));
		free(got);
		setlocale(LC_ALL, "C");
	}
	free(want);
	return t_done();
}
