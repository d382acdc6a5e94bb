/*
 * fuzz_check.c: libFuzzer harness for the golden reader and the other
 * parts of `hcsc check` that read untrusted bytes (issue 9, class 17).
 * The input (after the flag byte of fuzz_common.h) is
 *   GOLDEN NUL ACTUAL NUL PATTERN NUL NAME      (missing parts are empty)
 * GOLDEN is written as a golden file GOLDEN-ROOT/case/config.json and
 * compared with ACTUAL through check_golden_compare() (the reader, the
 * type and size checks, the diff; with flag bit 5 --update, which must
 * leave exactly ACTUAL behind and then compare clean); GOLDEN is also
 * parsed as a case's `# host:` comment block, sanitized for JUnit and
 * escaped for messages; PATTERN is matched against NAME as --filter does.
 * Aborts (a libFuzzer crash) when an invariant does not hold.
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE /* mkdtemp() */
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "check/glob.h"
#include "check/golden.h"
#include "check/header.h"
#include "diag.h"
#include "fuzz_common.h"
#include "report/junit.h"
#include "strbuf.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char root[64];

/* The next NUL-terminated part of [*p, end), advancing *p. */
static const char *part(const char **p, const char *end, size_t *len)
{
	const char *s = *p, *nul = s < end ? memchr(s, '\0', (size_t)(end - s))
					   : NULL;

	*len = nul ? (size_t)(nul - s) : (size_t)(end - s);
	*p = nul ? nul + 1 : end;
	return s;
}

/* The scratch golden folder goes when libFuzzer exits. */
static void remove_root(void)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/case/config.json", root);
	remove(path);
	snprintf(path, sizeof(path), "%s/case", root);
	rmdir(path);
	rmdir(root);
}

static void put_golden(const char *s, size_t n)
{
	char path[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/case/config.json", root);
	fp = fopen(path, "wb");
	if (!fp || fwrite(s, 1, n, fp) != n || fclose(fp) != 0)
		abort();
}

static void compare(const char *g, size_t gn, const char *act, size_t an,
		    bool update)
{
	struct arena *a = arena_new();
	struct check_golden gold = { root, "golden", update };
	struct check_file f = { "config.json", act, an };
	struct check_compare cmp;
	struct strbuf detail = STRBUF_INIT, summary = STRBUF_INIT;
	struct strbuf buf = STRBUF_INIT;
	const char *err = NULL;
	bool same = gn == an && !memcmp(g, act, an);

	if (check_golden_compare(a, &gold, "case", 0, &f, 1, &cmp, &buf,
				 &detail, &summary, &err) != HCSC_OK)
		abort(); /* a regular file well under the limit */
	if (cmp.ndiffer != !same || cmp.nmissing || cmp.nextra ||
	    (detail.len != 0) == same)
		abort();
	if (update && !same) { /* what --update leaves compares clean */
		strbuf_reset(&detail);
		strbuf_reset(&summary);
		gold.update = false;
		if (check_golden_compare(a, &gold, "case", 0, &f, 1, &cmp,
					 &buf, &detail, &summary,
					 &err) != HCSC_OK ||
		    cmp.ndiffer || detail.len)
			abort();
	}
	strbuf_release(&detail);
	strbuf_release(&summary);
	strbuf_release(&buf);
	arena_free(a);
}

/* Sanitized and escaped texts must be valid UTF-8 without raw controls. */
static void texts(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	junit_sanitize(&sb, s, n);
	if (utf8_invalid_at((const unsigned char *)sb.buf, sb.len) != sb.len)
		abort();
	for (size_t i = 0; i < sb.len; i++)
		if ((unsigned char)sb.buf[i] < 0x20 && !strchr("\t\n\r", sb.buf[i]))
			abort();
	strbuf_reset(&sb);
	utf8_escape_controls(&sb, s, n);
	if (utf8_invalid_at((const unsigned char *)sb.buf, sb.len) != sb.len)
		abort();
	for (size_t i = 0; i < sb.len; i++)
		if ((unsigned char)sb.buf[i] < 0x20 ||
		    (unsigned char)sb.buf[i] == 0x7f)
			abort();
	strbuf_release(&sb);
}

static void header(const char *s, size_t n)
{
	struct arena *a = arena_new();
	struct diag_list d;
	struct check_header h;

	diag_list_init(&d, a, false);
	memset(&h, 0, sizeof(h));
	check_header_parse(a, &d, "case.yaml", s, n, &h);
	diag_list_release(&d);
	arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	const char *g, *act, *pat, *name;
	size_t gn, an, pn, nn;
	char *zpat, *zname;

	if (size < 1)
		return 0;
	if (!root[0]) {
		char dir[128];

		snprintf(root, sizeof(root), "%s", "/tmp/hcsc-fuzz-check.XXXXXX");
		if (!mkdtemp(root))
			abort();
		snprintf(dir, sizeof(dir), "%s/case", root);
		if (mkdir(dir, 0700) != 0)
			abort();
		atexit(remove_root);
	}
	g = part(&p, end, &gn);
	act = part(&p, end, &an);
	pat = part(&p, end, &pn);
	name = part(&p, end, &nn);
	put_golden(g, gn);
	compare(g, gn, act, an, (data[0] & FUZZ_F_EXTRA) != 0);
	texts(g, gn);
	header(g, gn);
	zpat = malloc(pn + 1);
	zname = malloc(nn + 1);
	if (!zpat || !zname)
		abort();
	memcpy(zpat, pat, pn);
	zpat[pn] = '\0';
	memcpy(zname, name, nn);
	zname[nn] = '\0';
	if (check_glob_match(zpat, zname) && !pn && nn)
		abort(); /* the empty pattern matches only the empty name */
	free(zpat);
	free(zname);
	return 0;
}
