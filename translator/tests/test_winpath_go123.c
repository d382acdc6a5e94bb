/*
 * test_winpath_go123.c: where go1.23 (the version winpath.c follows,
 * rule: hcsc.tests.go-oracle) and newer Go differ: volume name, IsAbs, Split, Clean, Dir,
 * Base and IsLocal of each go123_cases path, and the go123_joins. These are
 * not Go's test data but go1.23.5's answers from its filepathlite code;
 * tools/goref/winpath (Go itself, under Wine) is the final judge.
 */
#include "winpath_harness.h"

/*
 * Where go1.23 (our oracle, rule: hcsc.tests.go-oracle) and newer Go differ. The
 * answers are go1.23.5's, from its filepathlite code run on these inputs.
 */
struct go123_case {
	const char *path;
	const char *volume;
	bool abs;
	size_t split; /* Split's dir length */
	const char *clean, *dir, *base;
};

static const struct go123_case go123_cases[] = {
	/* a volume name with a ".." component is still a volume name */
	{ "\\\\..\\..\\a",
	  "\\\\..\\..", true, 8,
	  "\\\\..\\..\\a",
	  "\\\\..\\..\\", "a" },
	{ "//../../a",
	  "\\\\..\\..", true, 8,
	  "\\\\..\\..\\a",
	  "\\\\..\\..\\", "a" },
	{ "\\\\i\\..\\c$",
	  "\\\\i\\..", true, 7,
	  "\\\\i\\..\\c$",
	  "\\\\i\\..\\", "c$" },
	{ "//./UNC/../share",
	  "\\\\.\\UNC\\..\\share", true, 16,
	  "\\\\.\\UNC\\..\\share",
	  "\\\\.\\UNC\\..\\share", "\\" },
	{ "//?/../x",
	  "\\\\?\\..", true, 7,
	  "\\\\?\\..\\x",
	  "\\\\?\\..\\", "x" },
	{ "//./../x",
	  "\\\\.\\..", true, 7,
	  "\\\\.\\..\\x",
	  "\\\\.\\..\\", "x" },
	{ "\\\\host\\..\\x",
	  "\\\\host\\..", true, 10,
	  "\\\\host\\..\\x",
	  "\\\\host\\..\\", "x" },
	/* only `\\.\UNC` takes host and share into the volume name */
	{ "\\\\?\\UNC\\host\\share\\a",
	  "\\\\?\\UNC", true, 19,
	  "\\\\?\\UNC\\host\\share\\a",
	  "\\\\?\\UNC\\host\\share", "a" },
	{ "\\\?\?\\UNC\\host\\share\\a",
	  "\\\?\?\\UNC", true, 19,
	  "\\\?\?\\UNC\\host\\share\\a",
	  "\\\?\?\\UNC\\host\\share", "a" },
	{ "//?/UNC/host/share/a/b/c",
	  "\\\\?\\UNC", true, 23,
	  "\\\\?\\UNC\\host\\share\\a\\b\\c",
	  "\\\\?\\UNC\\host\\share\\a\\b", "c" },
	{ "\\\\?\\UNC\\host\\share\\foo\\..\\..\\..\\..\\bar",
	  "\\\\?\\UNC", true, 35,
	  "\\\\?\\UNC\\bar",
	  "\\\\?\\UNC\\", "bar" },
	{ "\\\?\?\\UNC\\host\\share\\foo\\..\\..\\..\\..\\bar",
	  "\\\?\?\\UNC", true, 35,
	  "\\\?\?\\UNC\\bar",
	  "\\\?\?\\UNC\\", "bar" },
	{ "\\\\.\\UNC\\host\\share\\foo\\..\\..\\bar",
	  "\\\\.\\UNC\\host\\share", true, 29,
	  "\\\\.\\UNC\\host\\share\\bar",
	  "\\\\.\\UNC\\host\\share\\", "bar" },
	{ "\\\\?\\UNC",
	  "\\\\?\\UNC", true, 7,
	  "\\\\?\\UNC",
	  "\\\\?\\UNC", "\\" },
	/* `\\?\GLOBALROOT` has no special case (newer Go: issue 67880) */
	{ "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\a\\b",
	  "\\\\?\\GLOBALROOT", true, 40,
	  "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\a\\b",
	  "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\a", "b" },
	{ "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\",
	  "\\\\?\\GLOBALROOT", true, 38,
	  "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1",
	  "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1", "HarddiskVolume1" },
	{ "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1",
	  "\\\\?\\GLOBALROOT", true, 22,
	  "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1",
	  "\\\\?\\GLOBALROOT\\Device", "HarddiskVolume1" },
	{ "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\a\\..\\..\\..\\b",
	  "\\\\?\\GLOBALROOT", true, 49,
	  "\\\\?\\GLOBALROOT\\b",
	  "\\\\?\\GLOBALROOT\\", "b" },
	{ "\\\\.\\GLOBALROOT\\Device\\HarddiskVolume1\\a",
	  "\\\\.\\GLOBALROOT", true, 38,
	  "\\\\.\\GLOBALROOT\\Device\\HarddiskVolume1\\a",
	  "\\\\.\\GLOBALROOT\\Device\\HarddiskVolume1", "a" },
	{ "\\\?\?\\GLOBALROOT\\Device\\HarddiskVolume1\\a",
	  "\\\?\?\\GLOBALROOT", true, 38,
	  "\\\?\?\\GLOBALROOT\\Device\\HarddiskVolume1\\a",
	  "\\\?\?\\GLOBALROOT\\Device\\HarddiskVolume1", "a" },
	{ "\\\\?\\GLOBALROOT",
	  "\\\\?\\GLOBALROOT", true, 14,
	  "\\\\?\\GLOBALROOT",
	  "\\\\?\\GLOBALROOT", "\\" },
	{ "\\\\?\\GLOBALROOT\\..\\x",
	  "\\\\?\\GLOBALROOT", true, 18,
	  "\\\\?\\GLOBALROOT\\x",
	  "\\\\?\\GLOBALROOT\\", "x" },
	{ "\\\\?\\GLOBALROOT\\GLOBAL\?\?\\C:\\",
	  "\\\\?\\GLOBALROOT", true, 27,
	  "\\\\?\\GLOBALROOT\\GLOBAL\?\?\\C:",
	  "\\\\?\\GLOBALROOT\\GLOBAL\?\?\\C:", "C:" },
};

static const struct join_case go123_joins[] = {
	{ 4, { "\\\\?\\UNC\\host\\share", "..", "..", "x" }, "\\\\?\\UNC\\x" },
	{ 4, { "//./UNC/h/s", "..", "..", "x" }, "\\\\.\\UNC\\h\\s\\x" },
	{ 4, { "\\\\?\\GLOBALROOT\\Device\\Vol1", "..", "..", "x" },
	  "\\\\?\\GLOBALROOT\\x" },
	{ 2, { "\\\\i\\..", "c$" }, "\\\\i\\..\\c$" },
};

static void test_go123(void)
{
	struct arena *a = arena_new();
	const struct go123_case *c;
	size_t i, d;

	for (i = 0; i < N(go123_cases); i++) {
		c = &go123_cases[i];
		CHECK_STR(winpath_volume_name(a, c->path), c->volume);
		CHECK(winpath_is_abs(c->path) == c->abs);
		winpath_split(c->path, &d);
		CHECK_INT(d, c->split);
		CHECK_STR(winpath_clean(a, c->path), c->clean);
		CHECK_STR(winpath_dir(a, c->path), c->dir);
		CHECK_STR(winpath_base(a, c->path), c->base);
		CHECK(!winpath_is_local(c->path));
	}
	check_joins(a, go123_joins, N(go123_joins));
	arena_free(a);
}

int main(void)
{
	test_go123();
	return t_done();
}
