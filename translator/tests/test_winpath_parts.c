/*
 * test_winpath_parts.c: the functions that take a Windows path apart,
 * against Go's test vectors for path/filepath on Windows: unixsplittests +
 * winsplittests (Split), basetests + winbasetests and dirtests +
 * windirtests (Clean applied to the generic answers), isabstests +
 * winisabstests (bare false, "c:"-prefixed as on Unix), volumenametests;
 * plus the derived_dir and derived_base cases from reading Go's code.
 */
#include "winpath_harness.h"

/*
 * Go's own test vectors come from src/path/filepath/path_test.go of
 * go1.23.5, the version winpath.c follows; the generic tables' answers are
 * adjusted as Go's tests adjust them when GOOS=windows. tools/goref/winpath
 * (Go itself, under Wine) is the final judge.
 */

static const struct split_case splittests[] = {
	{ "a/b", 2 },
	{ "a/b/", 4 },
	{ "a/", 2 },
	{ "a", 0 },
	{ "/", 1 },
	{ "c:", 2 },
	{ "c:/", 3 },
	{ "c:/foo", 3 },
	{ "c:/foo/bar", 7 },
	{ "//host/share", 12 },
	{ "//host/share/", 13 },
	{ "//host/share/foo", 13 },
	{ "\\\\host\\share", 12 },
	{ "\\\\host\\share\\", 13 },
	{ "\\\\host\\share\\foo", 13 },
};

static const struct pair basetests[] = {
	{ "", "." },
	{ ".", "." },
	{ "/.", "." },
	{ "/", "\\" },
	{ "////", "\\" },
	{ "x/", "x" },
	{ "abc", "abc" },
	{ "abc/def", "def" },
	{ "a/b/.x", ".x" },
	{ "a/b/c.", "c." },
	{ "a/b/c.x", "c.x" },
};

static const struct pair winbasetests[] = {
	{ "c:\\", "\\" },
	{ "c:.", "." },
	{ "c:\\a\\b", "b" },
	{ "c:a\\b", "b" },
	{ "c:a\\b\\c", "c" },
	{ "\\\\host\\share\\", "\\" },
	{ "\\\\host\\share\\a", "a" },
	{ "\\\\host\\share\\a\\b", "b" },
};

static const struct pair dirtests[] = {
	{ "", "." },
	{ ".", "." },
	{ "/.", "\\" },
	{ "/", "\\" },
	{ "/foo", "\\" },
	{ "x/", "x" },
	{ "abc", "." },
	{ "abc/def", "abc" },
	{ "a/b/.x", "a\\b" },
	{ "a/b/c.", "a\\b" },
	{ "a/b/c.x", "a\\b" },
};

static const struct pair windirtests[] = {
	{ "c:\\", "c:\\" },
	{ "c:.", "c:." },
	{ "c:\\a\\b", "c:\\a" },
	{ "c:a\\b", "c:a" },
	{ "c:a\\b\\c", "c:a\\b" },
	{ "\\\\host\\share", "\\\\host\\share" },
	{ "\\\\host\\share\\", "\\\\host\\share\\" },
	{ "\\\\host\\share\\a", "\\\\host\\share\\" },
	{ "\\\\host\\share\\a\\b", "\\\\host\\share\\a" },
	{ "\\\\\\\\", "\\\\\\\\" },
};

static const struct bool_case isabstests[] = {
	{ "C:\\", true },
	{ "c\\", false },
	{ "c::", false },
	{ "c:", false },
	{ "/", false },
	{ "\\", false },
	{ "\\Windows", false },
	{ "c:a\\b", false },
	{ "c:\\a\\b", true },
	{ "c:/a/b", true },
	{ "\\\\host\\share", true },
	{ "\\\\host\\share\\", true },
	{ "\\\\host\\share\\foo", true },
	{ "//host/share/foo/bar", true },
	{ "\\\\?\\a\\b\\c", true },
	{ "\\\?\?\\a\\b\\c", true },
	{ "", false },
	{ "/", false },
	{ "/usr/bin/gcc", false },
	{ "..", false },
	{ "/a/../bb", false },
	{ ".", false },
	{ "./", false },
	{ "lala", false },
	{ "c:", false },
	{ "c:/", true },
	{ "c:/usr/bin/gcc", true },
	{ "c:..", false },
	{ "c:/a/../bb", true },
	{ "c:.", false },
	{ "c:./", false },
	{ "c:lala", false },
};

static const struct pair volumenametests[] = {
	{ "c:/foo/bar", "c:" },
	{ "c:", "c:" },
	{ "c:\\", "c:" },
	{ "2:", "2:" },
	{ "", "" },
	{ "\\\\\\host", "\\\\\\host" },
	{ "\\\\\\host\\", "\\\\\\host" },
	{ "\\\\\\host\\share", "\\\\\\host" },
	{ "\\\\\\host\\\\share", "\\\\\\host" },
	{ "\\\\host", "\\\\host" },
	{ "//host", "\\\\host" },
	{ "\\\\host\\", "\\\\host\\" },
	{ "//host/", "\\\\host\\" },
	{ "\\\\host\\share", "\\\\host\\share" },
	{ "//host/share", "\\\\host\\share" },
	{ "\\\\host\\share\\", "\\\\host\\share" },
	{ "//host/share/", "\\\\host\\share" },
	{ "\\\\host\\share\\foo", "\\\\host\\share" },
	{ "//host/share/foo", "\\\\host\\share" },
	{ "\\\\host\\share\\\\foo\\\\\\bar\\\\\\\\baz", "\\\\host\\share" },
	{ "//host/share//foo///bar////baz", "\\\\host\\share" },
	{ "\\\\host\\share\\foo\\..\\bar", "\\\\host\\share" },
	{ "//host/share/foo/../bar", "\\\\host\\share" },
	{ "//.", "\\\\." },
	{ "//./", "\\\\.\\" },
	{ "//./NUL", "\\\\.\\NUL" },
	{ "//?", "\\\\?" },
	{ "//?/", "\\\\?\\" },
	{ "//?/NUL", "\\\\?\\NUL" },
	{ "/\?\?", "\\\?\?" },
	{ "/\?\?/", "\\\?\?\\" },
	{ "/\?\?/NUL", "\\\?\?\\NUL" },
	{ "//./a/b", "\\\\.\\a" },
	{ "//./C:", "\\\\.\\C:" },
	{ "//./C:/", "\\\\.\\C:" },
	{ "//./C:/a/b/c", "\\\\.\\C:" },
	{ "//./UNC/host/share/a/b/c", "\\\\.\\UNC\\host\\share" },
	{ "//./UNC/host", "\\\\.\\UNC\\host" },
	{ "//./UNC/host\\", "\\\\.\\UNC\\host\\" },
	{ "//./UNC", "\\\\.\\UNC" },
	{ "//./UNC/", "\\\\.\\UNC\\" },
	{ "\\\\?\\x", "\\\\?\\x" },
	{ "\\\?\?\\x", "\\\?\?\\x" },
};

static const struct pair derived_dir[] = {
	{ "\\\\?\\Volume{0a1b}\\x", "\\\\?\\Volume{0a1b}\\" },
	{ "//./UNC/h/s/x", "\\\\.\\UNC\\h\\s\\" },
	{ "\\\\?\\GLOBALROOT\\Device\\Vol1", "\\\\?\\GLOBALROOT\\Device" },
	{ "c:", "c:." },
	{ "C:/ProgramData/docker", "C:\\ProgramData" },
	/* Dir is FromSlash(volume) + Clean(rest), and Clean may keep a '/' */
	{ "//h/s/\?\?/x", "\\\\h\\s/\?\?/." },
};

static const struct pair derived_base[] = {
	{ "c:", "\\" },
	{ "C:\\windowsfilter\\abc\\", "abc" },
	{ "\\\\?\\Volume{0a1b}\\", "\\" },
	{ "layer", "layer" },
};

static void test_split(void)
{
	size_t i, d;

	for (i = 0; i < N(splittests); i++) {
		winpath_split(splittests[i].path, &d);
		CHECK_INT(d, splittests[i].dir_len);
	}
}

static void test_base_dir(void)
{
	struct arena *a = arena_new();

	check_pairs(a, basetests, N(basetests), winpath_base);
	check_pairs(a, winbasetests, N(winbasetests), winpath_base);
	check_pairs(a, derived_base, N(derived_base), winpath_base);
	check_pairs(a, dirtests, N(dirtests), winpath_dir);
	check_pairs(a, windirtests, N(windirtests), winpath_dir);
	check_pairs(a, derived_dir, N(derived_dir), winpath_dir);
	arena_free(a);
}

static void test_is_abs(void)
{
	size_t i;

	for (i = 0; i < N(isabstests); i++) {
		if (winpath_is_abs(isabstests[i].in) != isabstests[i].want)
			fprintf(stderr, "IsAbs(%s)\n", isabstests[i].in);
		CHECK(winpath_is_abs(isabstests[i].in) == isabstests[i].want);
	}
}

static void test_volume_name(void)
{
	struct arena *a = arena_new();
	size_t i;

	check_pairs(a, volumenametests, N(volumenametests), winpath_volume_name);
	for (i = 0; i < N(volumenametests); i++)
		CHECK_INT(winpath_volume_name_len(volumenametests[i].in),
			  strlen(volumenametests[i].want));
	arena_free(a);
}

int main(void)
{
	test_split();
	test_base_dir();
	test_is_abs();
	test_volume_name();
	return t_done();
}
