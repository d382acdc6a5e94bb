/*
 * test_escape_arg.c: escape_arg against Go's TestEscapeArg table
 * (src/syscall/exec_windows_test.go, Go TestEscapeArg; rule: process.escape-arg) and
 * the rule cases of process.escape-arg (tab, newline, trailing backslashes inside
 * quotes, backslashes before a quote); escape_args joins.
 */
#include "escape_arg.h"
#include "t.h"

struct pair {
	const char *in, *want;
};

/* Go's TestEscapeArg (src/syscall/exec_windows_test.go), in order. */
static const struct pair go_table[] = {
	{ "", "\"\"" },
	{ "a", "a" },
	{ " ", "\" \"" },
	{ "\\", "\\" },
	{ "\"", "\\\"" },
	{ "\\\"", "\\\\\\\"" },
	{ "\\\\\"", "\\\\\\\\\\\"" },
	{ "\\\\ ", "\"\\\\ \"" },
	{ " \\\\", "\" \\\\\\\\\"" },
	{ "a ", "\"a \"" },
	{ "C:\\", "C:\\" },
	{ "C:\\Program Files (x32)\\Common\\",
	  "\"C:\\Program Files (x32)\\Common\\\\\"" },
	{ "C:\\Users\\\320\230\320\263\320\276\321\200\321\214\\",
	  "C:\\Users\\\320\230\320\263\320\276\321\200\321\214\\" },
	{ "\320\220\320\275\320\264\321\200\320\265\320\271\\file",
	  "\320\220\320\275\320\264\321\200\320\265\320\271\\file" },
	{ "C:\\Windows\\temp", "C:\\Windows\\temp" },
	{ "c:\\temp\\newfile", "c:\\temp\\newfile" },
	{ "\\\\?\\C:\\Windows", "\\\\?\\C:\\Windows" },
	{ "\\\\?\\", "\\\\?\\" },
	{ "\\\\.\\C:\\Windows\\", "\\\\.\\C:\\Windows\\" },
	{ "\\\\server\\share\\file", "\\\\server\\share\\file" },
	{ "\\\\newserver\\tempshare\\really.txt",
	  "\\\\newserver\\tempshare\\really.txt" },
};

/* rule: process.escape-arg, one case or more for each of its parts. */
static const struct pair rules[] = {
	/* only space and tab quote */
	{ "a\tb", "\"a\tb\"" },
	{ "\t", "\"\t\"" },
	{ "a\nb", "a\nb" },
	{ "a\rb\vc\fd", "a\rb\vc\fd" },
	{ "a\xc2\xa0" "b", "a\xc2\xa0" "b" }, /* no-break space is not a space */
	/* a trailing run of backslashes is doubled only inside quotes */
	{ "a\\\\", "a\\\\" },
	{ "a b\\", "\"a b\\\\\"" },
	{ "a b\\\\\\", "\"a b\\\\\\\\\\\\\"" },
	{ "a\tb\\", "\"a\tb\\\\\"" },
	/* backslashes not before a quote (and not trailing) stay as they are */
	{ "a\\b c", "\"a\\b c\"" },
	{ "a\\\\b c\\d", "\"a\\\\b c\\d\"" },
	/* before a quote, a run of n backslashes becomes 2n, then \" */
	{ "a\"b", "a\\\"b" },
	{ "a\\\"b", "a\\\\\\\"b" },
	{ "a\\\\\\\"b", "a\\\\\\\\\\\\\\\"b" },
	{ "a \\\"b", "\"a \\\\\\\"b\"" },
	{ "a \"", "\"a \\\"\"" },
	{ "\"a b\"", "\"\\\"a b\\\"\"" },
	{ "\"\"", "\\\"\\\"" },
	/* the run resets after a quote and after any other byte */
	{ "\\\"\\", "\\\\\\\"\\" },
	{ "\\\" \\", "\"\\\\\\\" \\\\\"" },
	{ "\\x\"", "\\x\\\"" },
	{ "x\\ \\\\", "\"x\\ \\\\\\\\\"" },
};

static void check_pairs(struct arena *a, const struct pair *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		CHECK_STR(escape_arg(a, p[i].in), p[i].want);
}

static void test_escape_arg(void)
{
	struct arena *a = arena_new();

	check_pairs(a, go_table, sizeof(go_table) / sizeof(go_table[0]));
	check_pairs(a, rules, sizeof(rules) / sizeof(rules[0]));
	/* negative control: a quoted form must differ from the bare one */
	CHECK(strcmp(escape_arg(a, "a b"), "a b") != 0);
	arena_free(a);
}

static void test_escape_args(void)
{
	struct arena *a = arena_new();
	static const char *const cmd[] = { "cmd", "/S", "/C", "echo hi" };
	static const char *const empties[] = { "", "" };
	static const char *const one[] = { "C:\\Program Files\\x\\" };
	static const char *const quotes[] = { "a\"b", "c d", "\\" };

	CHECK_STR(escape_args(a, cmd, 4), "cmd /S /C \"echo hi\"");
	CHECK_STR(escape_args(a, empties, 2), "\"\" \"\"");
	CHECK_STR(escape_args(a, one, 1), "\"C:\\Program Files\\x\\\\\"");
	CHECK_STR(escape_args(a, quotes, 3), "a\\\"b \"c d\" \\");
	CHECK_STR(escape_args(a, NULL, 0), "");
	arena_free(a);
}

int main(void)
{
	test_escape_arg();
	test_escape_args();
	return t_done();
}
