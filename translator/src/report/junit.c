/*
 * report/junit.c: the JUnit XML report (junit.h). Element and attribute
 * names follow the common JUnit layout (testsuites > testsuite >
 * testcase, failure/error with message and type), as read by GitLab and
 * Jenkins. libxml2's writer escapes markup but passes control characters
 * and invalid UTF-8 through, so every string is sanitized first.
 */
#include "junit.h"

#ifdef HCSC_HAVE_LIBXML2

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "arena.h"
#include "os/fs.h"

/*
 * Where a writer's bytes go: a FILE, and the errno of its first failed
 * write, which libxml2 would otherwise lose (it reports any failure as an
 * I/O error of its own).
 */
struct sink {
	FILE *fp;
	int err;
};

struct junit {
	char *path, *body_path; /* path "-": standard output */
	char *suite;
	struct sink body_out;
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

static int sink_write(void *ctx, const char *buf, int len)
{
	struct sink *s = ctx;

	errno = 0;
	if (len > 0 && fwrite(buf, 1, (size_t)len, s->fp) != (size_t)len) {
		if (!s->err)
			s->err = errno ? errno : EIO;
		return -1;
	}
	return len;
}

/* libxml2 prints its own errors on stderr: hcsc reports them itself. */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* A writer into `s` (whose FILE the caller closes). */
static xmlTextWriterPtr writer_on(struct sink *s)
{
	xmlOutputBufferPtr ob;
	xmlTextWriterPtr w;

	ob = xmlOutputBufferCreateIO(sink_write, NULL, s, NULL);
	if (!ob)
		return NULL;
	w = xmlNewTextWriter(ob);
	if (!w)
		xmlOutputBufferClose(ob);
	return w;
}

/*
 * FILE must be absent or a regular file: the report is renamed over it,
 * which would turn a link, a device or a FIFO into a regular file.
 */
static bool replaceable(const char *path, struct strbuf *err)
{
	enum os_kind k = os_lkind(path);

	if (k == OS_ABSENT || k == OS_FILE)
		return true;
	strbuf_addf(err, "--report '%s' is not a regular file (%s); give a "
			 "file, or - for standard output",
		    path, k == OS_LINK  ? "a symbolic link"
			  : k == OS_DIR ? "a folder"
					       : "a device, FIFO or socket");
	return false;
}

enum hcsc_rc junit_open(const char *path, const char *suite,
			struct junit **out, struct strbuf *err)
{
	bool to_stdout = !strcmp(path, "-");
	char *scratch = to_stdout ? os_scratch_path("hcsc-report.xml")
				  : NULL;
	struct junit *j;
	int e;

	*out = NULL;
	if (!to_stdout && !replaceable(path, err))
		return HCSC_E_USAGE;
	xmlSetGenericErrorFunc(NULL, quiet);
	j = calloc(1, sizeof(*j));
	if (!j)
		hcsc_oom();
	j->path = xstrdup(path);
	j->suite = xstrdup(suite);
	/* The body: beside FILE, or in the temporary folder for stdout. */
	e = os_temp_open(scratch ? scratch : path, &j->body_path,
			 &j->body_out.fp);
	free(scratch);
	if (!e) {
		j->body = writer_on(&j->body_out);
		e = j->body ? 0 : EIO;
	}
	if (e) {
		strbuf_addf(err, "cannot write '%s': %s", path, strerror(e));
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

/* Finish the body file; 0, or an errno (EIO when none is known). */
static int close_body(struct junit *j)
{
	int e = xmlTextWriterFlush(j->body) < 0 || j->failed ? EIO : 0;

	xmlFreeTextWriter(j->body);
	j->body = NULL;
	if (j->body_out.err)
		e = j->body_out.err;
	if (fclose(j->body_out.fp) != 0 && !e)
		e = errno ? errno : EIO;
	j->body_out.fp = NULL;
	return e;
}

/* The whole report on standard output. 0 or an errno. */
static int finish_stdout(const struct junit *j)
{
	struct sink out = { stdout, 0 };
	xmlTextWriterPtr w = writer_on(&out);
	int e = !w || assemble(j, w) < 0 ? EIO : 0;

	if (w)
		xmlFreeTextWriter(w); /* flushes into `out` */
	if (fflush(stdout) != 0 && !e)
		e = errno ? errno : EIO;
	return out.err ? out.err : e;
}

/* The report in a new temporary beside FILE, renamed over it. 0 or errno. */
static int finish_file(const struct junit *j, struct strbuf *err)
{
	xmlTextWriterPtr w = NULL;
	FILE *fp = NULL;
	char *tmp = NULL;
	int e;

	if (!replaceable(j->path, err))
		return -1;
	e = os_temp_open(j->path, &tmp, &fp);
	if (!e) {
		struct sink out = { fp, 0 };

		w = writer_on(&out);
		if (!w || assemble(j, w) < 0 || xmlTextWriterFlush(w) < 0)
			e = out.err ? out.err : EIO;
		if (w)
			xmlFreeTextWriter(w);
		if (!e)
			e = os_sync(fp); /* on disk before it replaces FILE */
		if (fclose(fp) != 0 && !e)
			e = errno ? errno : EIO;
	}
	if (!e)
		e = os_replace(tmp, j->path);
	if (tmp) {
		if (e)
			os_remove(tmp);
		free(tmp);
	}
	return e;
}

enum hcsc_rc junit_finish(struct junit *j, struct strbuf *err)
{
	int e = close_body(j);

	if (!e)
		e = strcmp(j->path, "-") ? finish_file(j, err) : finish_stdout(j);
	if (e && !err->len)
		strbuf_addf(err, "cannot write '%s': %s",
			    strcmp(j->path, "-") ? j->path : "standard output",
			    strerror(e));
	junit_free(j);
	return e ? HCSC_E_IO : HCSC_OK;
}

void junit_free(struct junit *j)
{
	if (!j)
		return;
	if (j->body)
		xmlFreeTextWriter(j->body);
	if (j->body_out.fp)
		fclose(j->body_out.fp);
	if (j->body_path)
		remove(j->body_path);
	free(j->body_path);
	free(j->path);
	free(j->suite);
	free(j);
}

#endif
