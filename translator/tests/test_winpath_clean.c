/*
 * test_winpath_clean.c: winpath_clean, winpath_is_local and winpath_join
 * against Go's test vectors for path/filepath on Windows: cleantests +
 * wincleantests (FromSlash applied, and a clean path cleans to itself),
 * islocaltests + winislocaltests, jointests + winjointests; plus the
 * derived_clean and derived_local cases, which come from reading Go's code
 * (see their comments).
 */
#include "winpath_harness.h"

#include <stdint.h>
#include <string.h>

#include "support/t_support.h"

/*
 * Go's own test vectors come from src/path/filepath/path_test.go of
 * go1.23.5, the version winpath.c follows; the generic tables' answers are
 * adjusted as Go's tests adjust them when GOOS=windows. tools/goref/winpath
 * (Go itself, under Wine) is the final judge.
 */

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

/*
 * Derived by reading Go's Clean (lazybuf, postClean), not copied from Go's
 * tests (they agree with a transcription of that code run under Go 1.23;
 * rule: hcsc.tests.go-oracle run of Go itself with GOOS=windows is their final judge).
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

/* The fast path of Clean (an already-clean path is its own result). */
static uint64_t rng_state = 0x2545f4914f6cdd1du;

static size_t pick(size_t n)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return (size_t)((z ^ (z >> 31)) % n);
}

static long clean_diffs, clean_same;

static void compare_clean(struct arena *a, const char *in)
{
	const char *got = winpath_clean(a, in);
	const char *want = winpath_clean_reference(a, in);

	clean_same += !strcmp(in, want); /* the fast path's case */
	if (strcmp(got, want) && clean_diffs++ < 10)
		fprintf(stderr, "Clean(%s): fast [%s], reference [%s]\n", in,
			got, want);
}

static void compare_each(void *a, const char *s)
{
	compare_clean(a, s);
}

static const char *const path_pieces[] = {
	"C:", "c:", "a:", "\\", "\\", "/", ".", "..", "a", "dir", "x.y",
	"\\\\?\\", "\\\\.\\", "\\\\.\\UNC\\", "\\\\host\\share", "\\??\\",
	"??", ":", "nul", " ", "\xc3\xa9",
};

/*
 * winpath_clean against the lazybuf for every path (the reference), on
 * every string of length <= 6 over a small alphabet and on random paths
 * of pieces; Join of one element, which returns its own buffer when the
 * path is already clean, must equal the reference Clean too.
 */
static void test_clean_fast_path(void)
{
	static const char alpha[] = "a.\\/:?C";
	struct arena *a = arena_new();
	char s[128];
	long joins = 0, join_diffs = 0;

	for (size_t len = 0; len <= 6; len++) {
		t_each_string(alpha, len, compare_each, a);
		arena_free(a);
		a = arena_new();
	}
	for (long r = 0; r < 200000; r++) {
		size_t n = 1 + pick(8), len = 0;
		const char *elem[1];
		const char *joined;

		s[0] = '\0';
		for (size_t i = 0; i < n; i++) {
			const char *p = path_pieces[pick(N(path_pieces))];
			size_t pl = strlen(p);

			if (len + pl < sizeof(s)) {
				memcpy(s + len, p, pl + 1);
				len += pl;
			}
		}
		compare_clean(a, s);
		/* Join of one element is Clean, through the join's own buffer */
		elem[0] = s;
		joined = winpath_join(a, elem, 1);
		joins++;
		if (*s && strcmp(joined, winpath_clean_reference(a, s)) &&
		    join_diffs++ < 10)
			fprintf(stderr, "Join(%s) gave [%s]\n", s, joined);
		if (r % 10000 == 0) {
			arena_free(a);
			a = arena_new();
		}
	}
	CHECK_INT(clean_diffs, 0);
	CHECK(clean_same > 10000);
	CHECK_INT(join_diffs, 0);
	CHECK(joins == 200000);
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

static void test_join(void)
{
	struct arena *a = arena_new();

	check_joins(a, jointests, N(jointests));
	check_joins(a, winjointests, N(winjointests));
	arena_free(a);
}

int main(void)
{
	test_clean();
	test_clean_fast_path();
	test_is_local();
	test_join();
	return t_done();
}
