/*
 * test_winpath.c: winpath against Go's own test vectors for path/filepath
 * on Windows (src/path/filepath/path_test.go of go1.23.5, the version
 * winpath.c follows): cleantests + wincleantests, islocaltests +
 * winislocaltests, unixsplittests + winsplittests, jointests +
 * winjointests, basetests + winbasetests, dirtests + windirtests,
 * isabstests + winisabstests, volumenametests. The generic tables' answers
 * are adjusted as Go's tests adjust them when GOOS=windows (FromSlash for
 * Clean and Join, Clean for Base and Dir; IsAbs: bare false, "c:"-prefixed
 * as on Unix). Two groups are not Go's test data: go123_cases pin where
 * go1.23 differs from newer Go, and the derived_* cases come from reading
 * Go's code; see their comments. tools/goref/winpath (Go itself, under
 * Wine) is the final judge.
 */
#include "winpath.h"
#include "t.h"

#include <stdbool.h>

struct pair {
	const char *in, *want;
};

struct bool_case {
	const char *in;
	bool want;
};

struct split_case {
	const char *path;
	size_t dir_len;
};

struct join_case {
	size_t n;
	const char *elem[4];
	const char *want;
};

#define N(t) (sizeof(t) / sizeof((t)[0]))

static const struct pair cleantests[] = {
	{ "abc", "abc" },
	{ "abc/def", "abc\\def" },
	{ "a/b/c", "a\\b\\c" },
	{ ".", "." },
	{ "..", ".." },
	{ "../..", "..\\.." },
	{ "../../abc", "..\\..\\abc" },
	{ "/abc", "\\abc" },
	{ "/", "\\" },
	{ "", "." },
	{ "abc/", "abc" },
	{ "abc/def/", "abc\\def" },
	{ "a/b/c/", "a\\b\\c" },
	{ "./", "." },
	{ "../", ".." },
	{ "../../", "..\\.." },
	{ "/abc/", "\\abc" },
	{ "abc//def//ghi", "abc\\def\\ghi" },
	{ "abc//", "abc" },
	{ "abc/./def", "abc\\def" },
	{ "/./abc/def", "\\abc\\def" },
	{ "abc/.", "abc" },
	{ "abc/def/ghi/../jkl", "abc\\def\\jkl" },
	{ "abc/def/../ghi/../jkl", "abc\\jkl" },
	{ "abc/def/..", "abc" },
	{ "abc/def/../..", "." },
	{ "/abc/def/../..", "\\" },
	{ "abc/def/../../..", ".." },
	{ "/abc/def/../../..", "\\" },
	{ "abc/def/../../../ghi/jkl/../../../mno", "..\\..\\mno" },
	{ "/../abc", "\\abc" },
	{ "a/../b:/../../c", "..\\c" },
	{ "abc/./../def", "def" },
	{ "abc//./../def", "def" },
	{ "abc/../../././../def", "..\\..\\def" },
};

static const struct pair wincleantests[] = {
	{ "c:", "c:." },
	{ "c:\\", "c:\\" },
	{ "c:\\abc", "c:\\abc" },
	{ "c:abc\\..\\..\\.\\.\\..\\def", "c:..\\..\\def" },
	{ "c:\\abc\\def\\..\\..", "c:\\" },
	{ "c:\\..\\abc", "c:\\abc" },
	{ "c:..\\abc", "c:..\\abc" },
	{ "c:\\b:\\..\\..\\..\\d", "c:\\d" },
	{ "\\", "\\" },
	{ "/", "\\" },
	{ "\\\\i\\..\\c$", "\\\\i\\..\\c$" },
	{ "\\\\i\\..\\i\\c$", "\\\\i\\..\\i\\c$" },
	{ "\\\\i\\..\\I\\c$", "\\\\i\\..\\I\\c$" },
	{ "\\\\host\\share\\foo\\..\\bar", "\\\\host\\share\\bar" },
	{ "//host/share/foo/../baz", "\\\\host\\share\\baz" },
	{ "\\\\host\\share\\foo\\..\\..\\..\\..\\bar", "\\\\host\\share\\bar" },
	{ "\\\\.\\C:\\a\\..\\..\\..\\..\\bar", "\\\\.\\C:\\bar" },
	{ "\\\\.\\C:\\\\\\\\a", "\\\\.\\C:\\a" },
	{ "\\\\a\\b\\..\\c", "\\\\a\\b\\c" },
	{ "\\\\a\\b", "\\\\a\\b" },
	{ ".\\c:", ".\\c:" },
	{ ".\\c:\\foo", ".\\c:\\foo" },
	{ ".\\c:foo", ".\\c:foo" },
	{ "//abc", "\\\\abc" },
	{ "///abc", "\\\\\\abc" },
	{ "//abc//", "\\\\abc\\\\" },
	{ "\\\\?\\C:\\", "\\\\?\\C:\\" },
	{ "\\\\?\\C:\\a", "\\\\?\\C:\\a" },
	{ "a/../c:", ".\\c:" },
	{ "a\\..\\c:", ".\\c:" },
	{ "a/../c:/a", ".\\c:\\a" },
	{ "a/../../c:", "..\\c:" },
	{ "foo:bar", "foo:bar" },
	{ "/a/../\?\?/a", "\\.\\\?\?\\a" },
};

static const struct bool_case islocaltests[] = {
	{ "", false },
	{ ".", true },
	{ "..", false },
	{ "../a", false },
	{ "/", false },
	{ "/a", false },
	{ "/a/../..", false },
	{ "a", true },
	{ "a/../a", true },
	{ "a/", true },
	{ "a/.", true },
	{ "a/./b/./c", true },
	{ "a/../b:/../../c", false },
	{ "NUL", false },
	{ "nul", false },
	{ "nul ", false },
	{ "nul.", false },
	{ "a/nul:", false },
	{ "a/nul : a", false },
	{ "com0", true },
	{ "com1", false },
	{ "com2", false },
	{ "com3", false },
	{ "com4", false },
	{ "com5", false },
	{ "com6", false },
	{ "com7", false },
	{ "com8", false },
	{ "com9", false },
	{ "com\302\271", false },
	{ "com\302\262", false },
	{ "com\302\263", false },
	{ "com\302\271 : a", false },
	{ "cOm1", false },
	{ "lpt1", false },
	{ "LPT1", false },
	{ "lpt\302\263", false },
	{ "./nul", false },
	{ "\\", false },
	{ "\\a", false },
	{ "C:", false },
	{ "C:\\a", false },
	{ "..\\a", false },
	{ "a/../c:", false },
	{ "CONIN$", false },
	{ "conin$", false },
	{ "CONOUT$", false },
	{ "conout$", false },
	{ "dollar$", true },
};

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

static const struct join_case jointests[] = {
	{ 0, { NULL }, "" },
	{ 1, { "" }, "" },
	{ 1, { "/" }, "\\" },
	{ 1, { "a" }, "a" },
	{ 2, { "a", "b" }, "a\\b" },
	{ 2, { "a", "" }, "a" },
	{ 2, { "", "b" }, "b" },
	{ 2, { "/", "a" }, "\\a" },
	{ 2, { "/", "a/b" }, "\\a\\b" },
	{ 2, { "/", "" }, "\\" },
	{ 2, { "/a", "b" }, "\\a\\b" },
	{ 2, { "a", "/b" }, "a\\b" },
	{ 2, { "/a", "/b" }, "\\a\\b" },
	{ 2, { "a/", "b" }, "a\\b" },
	{ 2, { "a/", "" }, "a" },
	{ 2, { "", "" }, "" },
	{ 3, { "/", "a", "b" }, "\\a\\b" },
};

static const struct join_case winjointests[] = {
	{ 2, { "directory", "file" }, "directory\\file" },
	{ 2, { "C:\\Windows\\", "System32" }, "C:\\Windows\\System32" },
	{ 2, { "C:\\Windows\\", "" }, "C:\\Windows" },
	{ 2, { "C:\\", "Windows" }, "C:\\Windows" },
	{ 2, { "C:", "a" }, "C:a" },
	{ 2, { "C:", "a\\b" }, "C:a\\b" },
	{ 3, { "C:", "a", "b" }, "C:a\\b" },
	{ 3, { "C:", "", "b" }, "C:b" },
	{ 4, { "C:", "", "", "b" }, "C:b" },
	{ 2, { "C:", "" }, "C:." },
	{ 3, { "C:", "", "" }, "C:." },
	{ 2, { "C:", "\\a" }, "C:\\a" },
	{ 3, { "C:", "", "\\a" }, "C:\\a" },
	{ 2, { "C:.", "a" }, "C:a" },
	{ 2, { "C:a", "b" }, "C:a\\b" },
	{ 3, { "C:a", "b", "d" }, "C:a\\b\\d" },
	{ 2, { "\\\\host\\share", "foo" }, "\\\\host\\share\\foo" },
	{ 1, { "\\\\host\\share\\foo" }, "\\\\host\\share\\foo" },
	{ 2, { "//host/share", "foo/bar" }, "\\\\host\\share\\foo\\bar" },
	{ 1, { "\\" }, "\\" },
	{ 2, { "\\", "" }, "\\" },
	{ 2, { "\\", "a" }, "\\a" },
	{ 2, { "\\\\", "a" }, "\\\\a" },
	{ 3, { "\\", "a", "b" }, "\\a\\b" },
	{ 3, { "\\\\", "a", "b" }, "\\\\a\\b" },
	{ 3, { "\\", "\\\\a\\b", "c" }, "\\a\\b\\c" },
	{ 3, { "\\\\a", "b", "c" }, "\\\\a\\b\\c" },
	{ 3, { "\\\\a\\", "b", "c" }, "\\\\a\\b\\c" },
	{ 2, { "//", "a" }, "\\\\a" },
	{ 2, { "a:\\b\\c", "x\\..\\y:\\..\\..\\z" }, "a:\\b\\z" },
	{ 2, { "\\", "\?\?\\a" }, "\\.\\\?\?\\a" },
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

/*
 * Where go1.23 (our oracle, DESIGN Decision 44) and newer Go differ. The
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

/*
 * Derived by reading Go's Clean (lazybuf, postClean), not copied from Go's
 * tests (they agree with a transcription of that code run under Go 1.23;
 * Decision 44's run of Go itself with GOOS=windows is their final judge).
 * postClean acts only when the output is not a prefix of the input, and it
 * scans Go's whole buffer, including bytes past the end of the output.
 */
static const struct pair derived_clean[] = {
	/* a '/' separator rewrites the output, so the colon rule fires */
	{ "ab:c/d", ".\\ab:c\\d" },
	{ "ab:c\\d", "ab:c\\d" },
	{ "ab:/../c", "c" },
	/* a colon written and then backed over is still in Go's buffer */
	{ "x/../ab:/../c", ".\\c" },
	/* so is a `??` element backed over after a root */
	{ "/\?\?x/..", "\\.\\" },
	/* ... but only once the output has been rewritten */
	{ "\\\?\?x\\..", "\\" },
	{ "C:/a/../b", "C:\\b" },
	{ "\\\\?\\Volume{0a1b}\\", "\\\\?\\Volume{0a1b}\\" },
	{ "\\\\?\\Volume{0a1b}\\x\\..\\..", "\\\\?\\Volume{0a1b}\\" },
	{ "\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\docker_engine" },
	/* a path that is only a volume and not UNC keeps its '/' (no FromSlash) */
	{ "/\?\?/", "/\?\?/." },
	{ "/\?\?/..", "/\?\?/..." }, /* go1.23: ".." may end a volume name */
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

/* Reserved names with an extension count as reserved (winpath.h). */
static const struct bool_case derived_local[] = {
	{ "CON.txt", false },
	{ "a/nul.tar.gz", false },
	{ "con .txt", false },
	{ "console", true },
	{ "COM10", true },
	{ "a\\b", true },
	{ "a/b/../../c", true },
	{ "a/b/../../../c", false },
};

static void check_pairs(struct arena *a, const struct pair *t, size_t n,
			char *(*fn)(struct arena *, const char *))
{
	size_t i;

	for (i = 0; i < n; i++)
		CHECK_STR(fn(a, t[i].in), t[i].want);
}

static void test_clean(void)
{
	struct arena *a = arena_new();
	size_t i;

	check_pairs(a, cleantests, N(cleantests), winpath_clean);
	check_pairs(a, wincleantests, N(wincleantests), winpath_clean);
	check_pairs(a, derived_clean, N(derived_clean), winpath_clean);
	/* Go's TestClean: a clean path cleans to itself */
	for (i = 0; i < N(cleantests); i++)
		CHECK_STR(winpath_clean(a, cleantests[i].want), cleantests[i].want);
	for (i = 0; i < N(wincleantests); i++)
		CHECK_STR(winpath_clean(a, wincleantests[i].want),
			  wincleantests[i].want);
	arena_free(a);
}

static void test_is_local(void)
{
	size_t i;

	for (i = 0; i < N(islocaltests); i++) {
		if (winpath_is_local(islocaltests[i].in) != islocaltests[i].want)
			fprintf(stderr, "IsLocal(%s)\n", islocaltests[i].in);
		CHECK(winpath_is_local(islocaltests[i].in) == islocaltests[i].want);
	}
	for (i = 0; i < N(derived_local); i++)
		CHECK(winpath_is_local(derived_local[i].in) == derived_local[i].want);
}

static void test_split(void)
{
	size_t i, d;

	for (i = 0; i < N(splittests); i++) {
		winpath_split(splittests[i].path, &d);
		CHECK_INT(d, splittests[i].dir_len);
	}
}

static void check_joins(struct arena *a, const struct join_case *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		CHECK_STR(winpath_join(a, t[i].elem, t[i].n), t[i].want);
}

static void test_join(void)
{
	struct arena *a = arena_new();

	check_joins(a, jointests, N(jointests));
	check_joins(a, winjointests, N(winjointests));
	arena_free(a);
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
	test_clean();
	test_is_local();
	test_split();
	test_join();
	test_base_dir();
	test_is_abs();
	test_volume_name();
	test_go123();
	return t_done();
}
