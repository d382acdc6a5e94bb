/*
 * test_check.c: the pure parts of `hcsc check`: unified diffs (expected
 * texts are GNU diffutils 3.8 `diff -u --label a --label b` output for the
 * same inputs), the --filter glob, the `# host:` / `# hcsc:` comment
 * block, `# host:` file paths and the run's cache of host files, JUnit
 * text sanitizing and the progress line. The runner end to end is
 * tests/check/run.sh.
 */
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check/case.h"
#include "check/diff.h"
#include "check/glob.h"
#include "check/header.h"
#include "check/hosts.h"
#include "check/progress.h"
#include "diag.h"
#include "report/junit.h"
#include "strbuf.h"

/* ---- diff ---- */

static const struct {
	const char *a, *b, *want;
} diffs[] = {
	{ "x\n", "x\n", NULL },
	{ "a\nb\n", "c\n", "--- a\n+++ b\n@@ -1,2 +1 @@\n-a\n-b\n+c\n" },
	{ "", "c\n", "--- a\n+++ b\n@@ -0,0 +1 @@\n+c\n" },
	{ "c\n", "", "--- a\n+++ b\n@@ -1 +0,0 @@\n-c\n" },
	{ "a\n", "a",
	  "--- a\n+++ b\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n" },
	{ "a\nb", "a\nc",
	  "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of "
	  "file\n+c\n\\ No newline at end of file\n" },
	/* change in the middle: three lines of context each side */
	{ "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nX\n6\n7\n8\n9\n",
	  "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n" },
	/* six unchanged lines between two changes: one hunk */
	{ "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n",
	  "1\n2\n3\n4\nX\n6\n7\n8\n9\n10\n11\nY\n13\n14\n",
	  "--- a\n+++ b\n@@ -2,13 +2,13 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n"
	  " 9\n 10\n 11\n-12\n+Y\n 13\n 14\n" },
	/* seven: two hunks */
	{ "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n",
	  "1\n2\n3\n4\nX\n6\n7\n8\n9\n10\n11\n12\nY\n14\n",
	  "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n"
	  "@@ -10,5 +10,5 @@\n 10\n 11\n 12\n-13\n+Y\n 14\n" },
	/* insertion at the start, deletion at the end */
	{ "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "new\na\nb\nc\nd\ne\nf\ng\nh\ni\n",
	  "--- a\n+++ b\n@@ -1,3 +1,4 @@\n+new\n a\n b\n c\n"
	  "@@ -7,4 +8,3 @@\n g\n h\n i\n-j\n" },
	/* a CR is ordinary line content */
	{ "a\r\nb\n", "a\nb\n", "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n" },
};

static void test_diff(void)
{
	for (size_t i = 0; i < sizeof(diffs) / sizeof(diffs[0]); i++) {
		struct strbuf sb = STRBUF_INIT;
		bool differ = check_diff(&sb, "a", diffs[i].a, strlen(diffs[i].a),
					 "b", diffs[i].b, strlen(diffs[i].b));

		CHECK_INT(differ, diffs[i].want != NULL);
		CHECK_STR(sb.buf, diffs[i].want ? diffs[i].want : "");
		strbuf_release(&sb);
	}
}

/* Lines of s (each ending in '\n') as pointers; returns the count. */
static size_t lines_of(const char *s, size_t n, const char **out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (i == 0 || s[i - 1] == '\n')
			out[k++] = s + i;
	return k;
}

/* Indel distance by dynamic programming: the size of a minimal diff. */
static size_t distance(const char **a, size_t na, const char **b, size_t nb)
{
	size_t dp[21][21];

	for (size_t i = 0; i <= na; i++)
		for (size_t j = 0; j <= nb; j++)
			dp[i][j] = !i ? j : !j ? i
				   : a[i - 1][0] == b[j - 1][0]
					   ? dp[i - 1][j - 1]
					   : 1 + (dp[i - 1][j] < dp[i][j - 1]
							  ? dp[i - 1][j]
							  : dp[i][j - 1]);
	return dp[na][nb];
}

/*
 * Random two-letter-alphabet files: applying the hunks to a gives b, every
 * context and removed line matches a, and the diff is minimal.
 */
static void test_diff_random(void)
{
	unsigned seed = 12345;

	for (int it = 0; it < 500; it++) {
		char a[64], b[64];
		const char *la[32], *lb[32];
		size_t na = 0, nb = 0, edits = 0, nla, nlb;
		unsigned long ia = 0;
		struct strbuf sb = STRBUF_INIT, got = STRBUF_INIT;
		bool ok = true;

		for (int k = 0; k < 20; k++) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3) {
				a[na++] = (char)('a' + (seed >> 20) % 3);
				a[na++] = '\n';
			}
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3) {
				b[nb++] = (char)('a' + (seed >> 20) % 3);
				b[nb++] = '\n';
			}
		}
		nla = lines_of(a, na, la);
		nlb = lines_of(b, nb, lb);
		check_diff(&sb, "a", a, na, "b", b, nb);
		for (const char *p = sb.buf; *p;) {
			const char *nl = strchr(p, '\n');

			if (!strncmp(p, "@@ -", 4)) {
				char *end;
				unsigned long start = strtoul(p + 4, &end, 10);
				unsigned long count =
					*end == ',' ? strtoul(end + 1, NULL, 10) : 1;

				/* "-s,0" names the line before an empty range */
				while (ia < (count ? start - 1 : start))
					strbuf_add(&got, la[ia++], 2);
			} else if (p[0] == ' ' || (p[0] == '-' && p[1] != '-')) {
				ok &= ia < nla && la[ia][0] == p[1];
				if (p[0] == ' ')
					strbuf_add(&got, la[ia], 2);
				else
					edits++;
				ia++;
			} else if (p[0] == '+' && p[1] != '+') {
				strbuf_add(&got, p + 1, 2);
				edits++;
			}
			p = nl + 1;
		}
		while (ia < nla)
			strbuf_add(&got, la[ia++], 2);
		CHECK(ok);
		CHECK_INT(got.len, nb);
		CHECK(got.len == nb && !memcmp(got.buf, b, nb));
		CHECK_INT(edits, distance(la, nla, lb, nlb));
		strbuf_release(&sb);
		strbuf_release(&got);
	}
}

/* ---- glob ---- */

static const struct {
	const char *pat, *s;
	bool want;
} globs[] = {
	{ "hcs/*", "hcs/argon", true },
	{ "hcs/*", "hcs/sub/argon", false },
	{ "hcs/**", "hcs/sub/argon", true },
	{ "**/argon", "hcs/sub/argon", true },
	{ "*", "a/b", false },
	{ "a?c", "abc", true },
	{ "a?c", "a/c", false },
	{ "a[bx]c", "axc", true },
	{ "a[!bx]c", "axc", false },
	{ "a[^bx]c", "ayc", true },
	{ "a[a-c]c", "abc", true },
	{ "a[a-c]c", "adc", false },
	{ "a[/]c", "a/c", false },
	{ "a[]]c", "a]c", true },
	{ "a[bc", "a[bc", true },
	{ "exact", "exact", true },
	{ "exact", "exactly", false },
	{ "*ly", "exactly", true },
	{ "", "", true },
	{ "*", "", true },
	{ "a*b*c", "axxbyyc", true },
	{ "a*b*c", "axxbyy", false },
};

static void test_glob(void)
{
	for (size_t i = 0; i < sizeof(globs) / sizeof(globs[0]); i++) {
		bool got = check_glob_match(globs[i].pat, globs[i].s);

		if (got != globs[i].want)
			fprintf(stderr, "glob '%s' on '%s'\n", globs[i].pat,
				globs[i].s);
		CHECK_INT(got, globs[i].want);
	}
}

/* ---- comment block ---- */

static const struct {
	const char *text;
	const char *host;   /* NULL: none */
	bool strict;
	const char *diags;  /* rendered, "" when none */
} headers[] = {
	{ "# host: ltsc2019\nName: x\n", "ltsc2019", false, "" },
	{ "# about\n\n#   host:  a b.yaml  \r\n# hcsc: --strict\nName: x\n",
	  "a b.yaml", true, "" },
	{ "#host:rs5\n", "rs5", false, "" },
	{ "Name: x\n# host: ltsc2019\n", NULL, false, "" },
	{ "# hostname: x\n", NULL, false, "" },
	{ "\xef\xbb\xbf# host: rs5\n", "rs5", false, "" },
	{ "# hcsc:\n", NULL, false, "" },
	{ "# host: a\n# host: b\n", "a", false,
	  "f.yaml:2:9: error: repeated '# host:' comment (one host per "
	  "case)\n" },
	{ "# host:\n", NULL, false,
	  "f.yaml:1:8: error: empty '# host:' comment (give a built-in host "
	  "name or a host file)\n" },
	{ "# \xc3\xa9 hcsc: --strict --fast\n", NULL, false, "" },
	{ "# hcsc: --strict --fast\n", NULL, true,
	  "f.yaml:1:18: error: unknown option '--fast' in '# hcsc:' comment "
	  "(allowed: --strict, --target NAME)\n" },
};

static void render(struct strbuf *out, const struct diag_list *d)
{
	for (size_t i = 0; i < d->nr; i++)
		strbuf_addf(out, "%s:%u:%u: %s: %s\n", d->items[i].pos.file,
			    d->items[i].pos.line, d->items[i].pos.col,
			    d->items[i].sev == HCSC_SEV_ERROR ? "error"
							      : "warning",
			    d->items[i].msg);
}

static void test_header(void)
{
	for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
		struct arena *a = arena_new();
		struct diag_list d;
		struct check_header h;
		struct strbuf sb = STRBUF_INIT;
		enum hcsc_rc rc;

		diag_list_init(&d, a, false);
		rc = check_header_parse(a, &d, "f.yaml", headers[i].text,
					strlen(headers[i].text), &h);
		render(&sb, &d);
		CHECK_STR(sb.buf, headers[i].diags);
		CHECK_INT(rc, *headers[i].diags ? HCSC_E_INPUT : HCSC_OK);
		if (headers[i].host)
			CHECK_STR(h.host, headers[i].host);
		else
			CHECK(h.host == NULL);
		CHECK_INT(h.strict, headers[i].strict);
		strbuf_release(&sb);
		diag_list_release(&d);
		arena_free(a);
	}
}

/* ---- # host: file paths ---- */

static const struct {
	const char *file, *value, *want;
} host_paths[] = {
	{ "a/b/case.yaml", "host.yaml", "a/b/host.yaml" },
	{ "a/b/case.yaml", "../_hosts/rs5.yaml", "a/_hosts/rs5.yaml" },
	{ "a/case.yaml", "../../x.yaml", "../x.yaml" },
	{ "case.yaml", "./sub//h.yaml", "sub/h.yaml" },
	{ "a/case.yaml", "sub\\h.yaml", "a/sub/h.yaml" },
	{ "a/case.yaml", "/etc/h.yaml", "/etc/h.yaml" },
	{ "a/case.yaml", "C:\\h.yaml", "C:\\h.yaml" },
};

static void test_host_path(void)
{
	struct arena *a = arena_new();

	for (size_t i = 0; i < sizeof(host_paths) / sizeof(host_paths[0]); i++)
		CHECK_STR(check_case_host_path(a, host_paths[i].file,
					       host_paths[i].value),
			  host_paths[i].want);
	arena_free(a);
}

/* ---- the run's host files ---- */

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* Read once: a second get answers from the cache, not from the file. */
static void test_hosts(void)
{
	static const char *path = "test_check_host.tmp.yaml";
	struct check_hosts h;
	const char *data;
	size_t len;

	check_hosts_init(&h);
	put_file(path, "OsBuild: 17763\n");
	CHECK(check_hosts_get(&h, path, &data, &len));
	CHECK(len == 15 && !memcmp(data, "OsBuild: 17763\n", 15));
	put_file(path, "OsBuild: 20348\n");
	CHECK(check_hosts_get(&h, path, &data, &len));
	CHECK(len == 15 && !memcmp(data, "OsBuild: 17763\n", 15));
	remove(path);
	CHECK(check_hosts_get(&h, path, &data, &len));  /* still kept */
	/* unreadable: not kept as bytes; the compile reads it and says why */
	CHECK(!check_hosts_get(&h, "test_check_none.tmp.yaml", &data, &len));
	CHECK(data == NULL && len == 0);
	CHECK(!check_hosts_get(&h, "test_check_none.tmp.yaml", &data, &len));
	put_file(path, "");
	CHECK(check_hosts_get(&h, "./test_check_host.tmp.yaml", &data, &len));
	CHECK(data != NULL && len == 0); /* another path: read; empty is kept */
	remove(path);
	check_hosts_release(&h);
}

/* ---- JUnit text ---- */

static const struct {
	const char *in;
	size_t n;
	const char *want;
} sanitize[] = {
	{ "plain <&> text\t\r\n", 17, "plain <&> text\t\r\n" },
	{ "a\x01" "b", 3, "a\xe2\x90\x81" "b" },         /* U+2401 */
	{ "\x1b[0m", 4, "\xe2\x90\x9b[0m" },              /* U+241B */
	{ "nul\0!", 5, "nul\xe2\x90\x80!" },              /* U+2400 */
	{ "\xff", 1, "\xef\xbf\xbd" },                    /* U+FFFD */
	{ "\xc3\xa9", 2, "\xc3\xa9" },                    /* é kept */
	{ "\xc0\xaf", 2, "\xef\xbf\xbd\xef\xbf\xbd" },    /* overlong */
	{ "\xed\xa0\x80", 3,
	  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },       /* surrogate */
	{ "\xef\xbf\xbe", 3, "\xef\xbf\xbd" },            /* U+FFFE */
	{ "\xf0\x9f\x98\x80", 4, "\xf0\x9f\x98\x80" },    /* U+1F600 kept */
	{ "\xe2\x82", 2, "\xef\xbf\xbd\xef\xbf\xbd" },    /* truncated */
	{ "\x7f", 1, "\x7f" },                            /* DEL is XML 1.0 */
};

static void test_sanitize(void)
{
	for (size_t i = 0; i < sizeof(sanitize) / sizeof(sanitize[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		junit_sanitize(&sb, sanitize[i].in, sanitize[i].n);
		CHECK_STR(sb.buf, sanitize[i].want);
		strbuf_release(&sb);
	}
}

/* ---- progress ---- */

static void test_progress(void)
{
	struct check_progress p;
	struct strbuf sb = STRBUF_INIT;

	check_progress_init(&p, 10.0);
	CHECK(!check_progress_update(&p, 10.5, 1, 9, 0, &sb)); /* too early */
	CHECK(check_progress_update(&p, 11.0, 2, 9, 1, &sb));
	CHECK_STR(sb.buf, "\rchecking: 2/9, 1 failed");
	strbuf_reset(&sb);
	CHECK(!check_progress_update(&p, 11.05, 3, 9, 1, &sb)); /* throttled */
	CHECK(check_progress_update(&p, 11.06, 9, 9, 1, &sb));  /* the last */
	CHECK_STR(sb.buf, "\rchecking: 9/9, 1 failed");
	strbuf_reset(&sb);
	check_progress_clear(&p, &sb);
	CHECK_STR(sb.buf, "\r                       \r");
	strbuf_reset(&sb);
	check_progress_clear(&p, &sb); /* nothing shown: nothing to erase */
	CHECK_STR(sb.buf, "");
	strbuf_release(&sb);
}

int main(void)
{
	test_diff();
	test_diff_random();
	test_glob();
	test_header();
	test_host_path();
	test_hosts();
	test_sanitize();
	test_progress();
	return t_done();
}
