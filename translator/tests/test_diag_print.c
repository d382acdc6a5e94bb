/*
 * test_diag_print.c: the CLI's diagnostics renderer (cli/diag_print.c)
 * takes source lines from the bytes a compile kept (rule:
 * hcsc.diag.render), never from the file again: a file changed or
 * removed after the compile still shows the compiled line; bytes with no
 * file show theirs; a front end's diagnostics list shows the sources it
 * kept, and a file on disk that nothing kept shows no line at all.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "diag.h"
#include "hcsc.h"
#include "strbuf.h"
#include "t.h"

static const char bad[] = "Config:\n  Image: x\n  Cmd: [cmd]\nHostConfig:\n"
			  "  Memroy: 5\n";
static const char line5[] = "    5 |   Memroy: 5\n      |   ^~~~~~\n";

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The rich text form, no colour: what `hcsc compile` prints. */
static void setup(void)
{
	char *argv[] = { "d.yaml", "--color=never", NULL };
	struct cli_args args;

	CHECK(cli_parse("compile", 2, argv, &args));
	CHECK_INT(cli_diag_setup("compile", 2, argv, &args), HCSC_OK);
}

static void render(const struct hcsc_result *r, struct strbuf *out)
{
	strbuf_reset(out);
	cli_format_result_diags(out, r, false);
}

/* A file changed, then removed, between the compile and the render. */
static void test_file_changed(void)
{
	const char *path = "test_diag_print.yaml";
	struct hcsc_result *r;
	struct strbuf out = STRBUF_INIT;

	write_file(path, bad);
	CHECK_INT(hcsc_compile_file(path, NULL, &r), HCSC_E_INPUT);
	write_file(path, "# changed\n\n\n\nHostConfig: {}\n");
	render(r, &out);
	CHECK(out.buf && strstr(out.buf, "test_diag_print.yaml:5:3: error: "
					 "unknown key 'Memroy'") != NULL);
	CHECK(out.buf && strstr(out.buf, line5) != NULL);
	remove(path);
	render(r, &out);
	CHECK(out.buf && strstr(out.buf, line5) != NULL);
	hcsc_result_free(r);
	strbuf_release(&out);
}

/* Bytes with no file behind them (as standard input) show their line. */
static void test_bytes(void)
{
	struct hcsc_result *r;
	struct strbuf out = STRBUF_INIT;

	CHECK_INT(hcsc_compile_bytes(bad, sizeof(bad) - 1, "<stdin>", NULL, &r),
		  HCSC_E_INPUT);
	render(r, &out);
	CHECK(out.buf && strstr(out.buf, "<stdin>:5:3: error: ") != NULL);
	CHECK(out.buf && strstr(out.buf, line5) != NULL);
	hcsc_result_free(r);
	strbuf_release(&out);
}

/* A diagnostics list (the front ends): its kept sources, nothing else. */
static void test_list(void)
{
	struct arena *a = arena_new();
	struct diag_list d;
	struct strbuf out = STRBUF_INIT;

	write_file("test_diag_print_disk.yaml", "on: disk\n");
	diag_list_init(&d, a, false);
	diag_add_source(&d, "kept.yaml", "a: 1\nbee: 2\n", 12);
	diag_add_source(&d, "kept.yaml", "other bytes\n", 12); /* first wins */
	diag_error(&d, pos_make("kept.yaml", 2, 1), "bad bee");
	diag_error(&d, pos_make("test_diag_print_disk.yaml", 1, 1), "on disk");
	cli_format_diags(&out, &d, false);
	CHECK_STR(out.buf, "kept.yaml:2:1: error: bad bee\n"
			   "    2 | bee: 2\n"
			   "      | ^\n"
			   "test_diag_print_disk.yaml:1:1: error: on disk\n");
	remove("test_diag_print_disk.yaml");
	diag_list_release(&d);
	arena_free(a);
	strbuf_release(&out);
}

/*
 * The plain form's numbers (written without printf) as "%u" writes them,
 * at the edges; column 0 writes no numbers.
 */
static void test_plain_numbers(void)
{
	static const unsigned v[] = { 1, 9, 10, 99, 100, 65535, 1000000,
				      4294967295u };
	struct arena *a = arena_new();
	struct strbuf out = STRBUF_INIT;
	char want[128];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct diag_list d;

		diag_list_init(&d, a, false);
		diag_error(&d, pos_make("f.yaml", v[i], v[sizeof(v) / sizeof(v[0]) - 1 - i]),
			   "m");
		strbuf_reset(&out);
		cli_render_diags(&out, &d, false);
		snprintf(want, sizeof(want), "f.yaml:%u:%u: error: m\n", v[i],
			 v[sizeof(v) / sizeof(v[0]) - 1 - i]);
		CHECK_STR(out.buf, want);
		diag_list_release(&d);
	}
	{
		struct diag_list d;

		diag_list_init(&d, a, false);
		diag_error(&d, pos_make("--flag", 7, 0), "m");
		strbuf_reset(&out);
		cli_render_diags(&out, &d, false);
		CHECK_STR(out.buf, "--flag: error: m\n");
		diag_list_release(&d);
	}
	arena_free(a);
	strbuf_release(&out);
}

int main(void)
{
	setup();
	test_plain_numbers();
	test_file_changed();
	test_bytes();
	test_list();
	return t_done();
}
