/*
 * report/junit.c: the JUnit XML report (junit.h). Element and attribute
 * names follow the common JUnit layout (testsuites > testsuite >
 * testcase, failure/error with message and type), as read by GitLab and
 * Jenkins. libxml2's writer escapes markup but passes control characters
 * and invalid UTF-8 through, so every string is sanitized first.
 */
#include "junit.h"

#include <stdint.h>

#include "utf8.h"

/* ---- sanitizing (always built: it needs no libxml2) ---- */

static void add_codepoint(struct strbuf *out, uint32_t c)
{
	char b[4];

	strbuf_add(out, b, utf8_encode(c, b));
}

void junit_sanitize(struct strbuf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t c;
		size_t len = utf8_decode(p + i, n - i, &c);

		if (!len) {
			add_codepoint(out, 0xfffd);
			i++;
			continue;
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			add_codepoint(out, 0x2400 + c);
		else if (c == 0xfffe || c == 0xffff)
			add_codepoint(out, 0xfffd);
		else
			strbuf_add(out, s + i, len);
		i += len;
	}
}

#ifdef HCSC_HAVE_LIBXML2

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "arena.h"
#include "check/sys.h"

struct junit {
	char *path, *body_path;
	char *suite;
	FILE *body_fp;
	xmlTextWriterPtr body;
	size_t tests, failures, errors;
	double seconds;
	bool failed;           /* a write to the body failed */
};

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (!p)
		hcsc_oom();
	memcpy(p, s, n);
	return p;
}

/* A writer on an open FILE (which the caller closes). */
static xmlTextWriterPtr writer_on(FILE *fp)
{
	xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(fp, NULL);
	xmlTextWriterPtr w;

	if (!ob)
		return NULL;
	w = xmlNewTextWriter(ob);
	if (!w)
		xmlOutputBufferClose(ob);
	return w;
}

enum hcsc_rc junit_open(const char *path, const char *suite,
			struct junit **out, struct strbuf *err)
{
	struct junit *j = calloc(1, sizeof(*j));

	if (!j)
		hcsc_oom();
	*out = NULL;
	j->path = xstrdup(path);
	j->suite = xstrdup(suite);
	j->body_path = check_sys_temp_name(path, "body");
	errno = 0;
	j->body_fp = fopen(j->body_path, "wb");
	if (j->body_fp)
		j->body = writer_on(j->body_fp);
	if (!j->body) {
		strbuf_addf(err, "cannot write '%s': %s", j->body_path,
			    strerror(errno ? errno : EIO));
		junit_free(j);
		return HCSC_E_IO;
	}
	*out = j;
	return HCSC_OK;
}

/* Seconds with three decimals, without the locale's decimal point. */
static void format_time(char *buf, size_t n, double s)
{
	unsigned long long ms = s > 0 ? (unsigned long long)(s * 1000 + 0.5) : 0;

	snprintf(buf, n, "%llu.%03llu", ms / 1000, ms % 1000);
}

/* Sanitized text in a scratch buffer (reset on each use). */
static const xmlChar *clean(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_reset(sb);
	junit_sanitize(sb, s, n);
	return (const xmlChar *)sb->buf;
}

static int attr(xmlTextWriterPtr w, struct strbuf *sb, const char *name,
		const char *value)
{
	return xmlTextWriterWriteAttribute(w, (const xmlChar *)name,
					   clean(sb, value, strlen(value)));
}

static int raw(xmlTextWriterPtr w, const char *s)
{
	return xmlTextWriterWriteRaw(w, (const xmlChar *)s);
}

/* Each helper returns 0, or -1 when a write failed. */
static int write_outcome(xmlTextWriterPtr w, struct strbuf *sb,
			 const struct junit_case *c)
{
	bool fail = c->outcome == JUNIT_FAILURE, bad = false;
	const char *el = fail ? "failure" : "error";

	bad |= raw(w, "\n      ") < 0;
	bad |= xmlTextWriterStartElement(w, (const xmlChar *)el) < 0;
	bad |= attr(w, sb, "message", c->message ? c->message : "") < 0;
	bad |= attr(w, sb, "type", fail ? "mismatch" : "error") < 0;
	if (fail && c->file)
		bad |= attr(w, sb, "file", c->file) < 0;
	if (c->text_len)
		bad |= xmlTextWriterWriteString(w, clean(sb, c->text,
							 c->text_len)) < 0;
	bad |= xmlTextWriterEndElement(w) < 0;
	bad |= raw(w, "\n    ") < 0;
	return bad ? -1 : 0;
}

void junit_add(struct junit *j, const struct junit_case *c)
{
	struct strbuf sb = STRBUF_INIT;
	xmlTextWriterPtr w = j->body;
	bool bad = false;
	char t[32];

	j->tests++;
	j->failures += c->outcome == JUNIT_FAILURE;
	j->errors += c->outcome == JUNIT_ERROR;
	j->seconds += c->seconds;
	format_time(t, sizeof(t), c->seconds);
	bad |= raw(w, "\n    ") < 0;
	bad |= xmlTextWriterStartElement(w, (const xmlChar *)"testcase") < 0;
	bad |= attr(w, &sb, "name", c->name) < 0;
	bad |= attr(w, &sb, "classname", c->classname) < 0;
	bad |= attr(w, &sb, "time", t) < 0;
	if (c->outcome != JUNIT_PASS)
		bad |= write_outcome(w, &sb, c) < 0;
	bad |= xmlTextWriterEndElement(w) < 0;
	if (bad)
		j->failed = true;
	strbuf_release(&sb);
}

static int totals(xmlTextWriterPtr w, struct strbuf *sb, const struct junit *j)
{
	char num[32];
	bool bad = false;

	bad |= attr(w, sb, "name", j->suite) < 0;
	snprintf(num, sizeof(num), "%llu", (unsigned long long)j->tests);
	bad |= attr(w, sb, "tests", num) < 0;
	snprintf(num, sizeof(num), "%llu", (unsigned long long)j->failures);
	bad |= attr(w, sb, "failures", num) < 0;
	snprintf(num, sizeof(num), "%llu", (unsigned long long)j->errors);
	bad |= attr(w, sb, "errors", num) < 0;
	bad |= attr(w, sb, "skipped", "0") < 0;
	format_time(num, sizeof(num), j->seconds);
	bad |= attr(w, sb, "time", num) < 0;
	return bad ? -1 : 0;
}

/* Copy the body file into the open <testsuite>. */
static int copy_body(xmlTextWriterPtr w, const char *path)
{
	FILE *fp = fopen(path, "rb");
	char buf[65536];
	bool bad = false;
	size_t n;

	if (!fp)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		bad |= xmlTextWriterWriteRawLen(w, (const xmlChar *)buf,
						(int)n) < 0;
	bad |= ferror(fp) != 0;
	fclose(fp);
	return bad ? -1 : 0;
}

static int assemble(const struct junit *j, xmlTextWriterPtr w)
{
	struct strbuf sb = STRBUF_INIT;
	bool bad = false;

	bad |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	bad |= xmlTextWriterStartElement(w, (const xmlChar *)"testsuites") < 0;
	bad |= totals(w, &sb, j) < 0;
	bad |= raw(w, "\n  ") < 0;
	bad |= xmlTextWriterStartElement(w, (const xmlChar *)"testsuite") < 0;
	bad |= totals(w, &sb, j) < 0;
	bad |= copy_body(w, j->body_path) < 0;
	if (j->tests)
		bad |= raw(w, "\n  ") < 0;
	bad |= xmlTextWriterEndElement(w) < 0;
	bad |= raw(w, "\n") < 0;
	bad |= xmlTextWriterEndElement(w) < 0;
	bad |= xmlTextWriterEndDocument(w) < 0;
	strbuf_release(&sb);
	return bad ? -1 : 0;
}

/* Finish the body file; 0 or -1. */
static int close_body(struct junit *j)
{
	int rc = xmlTextWriterFlush(j->body) < 0 ? -1 : 0;

	xmlFreeTextWriter(j->body);
	j->body = NULL;
	if (fclose(j->body_fp) != 0)
		rc = -1;
	j->body_fp = NULL;
	return rc;
}

enum hcsc_rc junit_finish(struct junit *j, struct strbuf *err)
{
	char *tmp = check_sys_temp_name(j->path, "tmp");
	xmlTextWriterPtr w = NULL;
	FILE *fp = NULL;
	int rc = close_body(j) | (j->failed ? -1 : 0), e = 0;

	if (rc == 0) {
		errno = 0;
		fp = fopen(tmp, "wb");
		w = fp ? writer_on(fp) : NULL;
		rc = w ? assemble(j, w) : -1;
		e = errno;
		if (w)
			xmlFreeTextWriter(w);
		if (fp && fclose(fp) != 0)
			rc = -1;
	}
	if (rc == 0)
		e = check_sys_replace(tmp, j->path);
	if (rc != 0 || e) {
		remove(tmp);
		strbuf_addf(err, "cannot write '%s': %s", j->path,
			    strerror(e ? e : EIO));
	}
	free(tmp);
	junit_free(j);
	return rc != 0 || e ? HCSC_E_IO : HCSC_OK;
}

void junit_free(struct junit *j)
{
	if (!j)
		return;
	if (j->body)
		xmlFreeTextWriter(j->body);
	if (j->body_fp)
		fclose(j->body_fp);
	if (j->body_path)
		remove(j->body_path);
	free(j->body_path);
	free(j->path);
	free(j->suite);
	free(j);
}

#endif
