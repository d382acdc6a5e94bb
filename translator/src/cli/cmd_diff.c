/*
 * cmd_diff.c: `hcsc diff DESC --target A --target B` (or `--host X --host
 * Y`, or both): compile one description two ways and show what changes
 * when a service moves between engines or hosts. Per document, in the
 * order oci, hcs-v1, hcs-v2, process: a unified diff (check/diff.c, the
 * code `check` uses) labelled with each side's name; then one summary
 * line per document. Exit 0 when every document is identical, 3 when any
 * differs, 1 when a side does not compile (its diagnostics printed).
 * Each side is one compile through hcsc.h; the description is read once
 * (standard input too): the second side compiles the bytes the first
 * kept (hcsc_result_source), so both see the same text.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "check/diff.h"
#include "cli.h"
#include "options.h"
#include "strbuf.h"

struct side {
	const char *target, *host; /* NULL: the default */
	const char *label;
	struct hcsc_result *res;   /* NULL until compiled */
};

/* A side's name: what differs between the two sides. */
static const char *side_label(struct arena *a, const struct side *s,
			      bool by_target, bool by_host)
{
	const char *t = s->target ? s->target : "(default target)";
	const char *h = s->host ? s->host : "(default host)";

	if (by_target && by_host)
		return arena_printf(a, "%s@%s", t, h);
	return by_target ? t : h;
}

/*
 * Compile one side: the file (or standard input), else the bytes the
 * `first` side read; diagnostics are printed, labelled by the side.
 */
static int compile_side(const char *desc, bool strict,
			const struct side *first, struct side *s)
{
	struct hcsc_options opt;
	struct strbuf text = STRBUF_INIT;
	const char *name = strcmp(desc, "-") ? desc : "<stdin>";
	size_t len = 0;
	const char *bytes = first ? hcsc_result_source(first->res, name, &len)
				  : NULL;
	enum hcsc_rc rc;

	hcsc_options_init(&opt);
	opt.host = s->host;
	opt.target = s->target;
	opt.strict = strict;
	opt.max_errors = (unsigned)cli_diag_max_errors();
	if (first && !bytes)
		return cli_fail(HCSC_E_IO, "internal error: the description's "
					   "bytes were not kept");
	if (bytes)
		rc = hcsc_compile_bytes(bytes, len, name, &opt, &s->res);
	else
		rc = hcsc_compile_file(desc, &opt, &s->res);
	if (!s->res)
		return cli_fail(HCSC_E_IO, "out of memory");
	cli_format_result_diags(&text, s->res, false);
	if (text.len && cli_diag_is_text())
		fprintf(stderr, "hcsc diff: %s:\n%s", s->label, text.buf);
	else if (text.len) /* JSON lines: each line stands alone */
		fputs(text.buf, stderr);
	strbuf_release(&text);
	if (rc != HCSC_OK)
		return hcsc_result_error(s->res)
			       ? cli_fail_input(rc, hcsc_result_error(s->res))
			       : (int)rc;
	return HCSC_OK;
}

/* `-`/`+` lines of a unified diff, headers excluded. */
static size_t changed_lines(const struct strbuf *diff)
{
	size_t n = 0;
	const char *p = diff->buf;

	for (; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if ((p[0] == '-' && strncmp(p, "--- ", 4)) ||
		    (p[0] == '+' && strncmp(p, "+++ ", 4)))
			n++;
	}
	return n;
}

/* One document: its diff on stdout, its summary line into `summary`. */
static bool diff_doc(struct arena *a, enum hcsc_doc doc,
		     const struct side *l, const struct side *r,
		     struct strbuf *summary)
{
	const char *file = hcsc_doc_file(doc);
	size_t xlen, ylen;
	const char *x = hcsc_result_document(l->res, doc, &xlen);
	const char *y = hcsc_result_document(r->res, doc, &ylen);
	struct strbuf out = STRBUF_INIT;
	bool differ;

	if (!x != !y) {
		strbuf_addf(summary, "%s: only in %s\n", file,
			    x ? l->label : r->label);
		return true;
	}
	if (!x)
		return false;
	differ = check_diff(&out, arena_printf(a, "%s/%s", l->label, file),
			    x, xlen, arena_printf(a, "%s/%s", r->label, file),
			    y, ylen);
	fwrite(out.buf ? out.buf : "", 1, out.len, stdout);
	if (differ)
		strbuf_addf(summary, "%s: %zu lines differ\n", file,
			    changed_lines(&out));
	else
		strbuf_addf(summary, "%s: identical\n", file);
	strbuf_release(&out);
	return differ;
}

static bool read_sides(const struct cli_args *args, struct side *l,
		       struct side *r)
{
	if (args->times[OPT_TARGET] > 2 || args->times[OPT_HOST] > 2) {
		cli_fail(HCSC_E_USAGE, "diff compares two sides: give --target "
				       "and --host at most twice each");
		return false;
	}
	if (args->times[OPT_TARGET] < 2 && args->times[OPT_HOST] < 2) {
		cli_fail(HCSC_E_USAGE, "diff needs two sides: --target A "
				       "--target B, or --host X --host Y");
		return false;
	}
	l->target = args->first[OPT_TARGET];
	r->target = args->value[OPT_TARGET];
	l->host = args->first[OPT_HOST];
	r->host = args->value[OPT_HOST];
	return true;
}

static bool same(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

int cmd_diff(int argc, char **argv)
{
	struct cli_args args;
	struct side l, r;
	struct strbuf summary = STRBUF_INIT;
	struct arena *a;
	bool differ = false;
	int rc;

	if (!cli_parse("diff", argc, argv, &args))
		return HCSC_E_USAGE;
	if (cli_diag_setup("diff", argc, argv, &args) != HCSC_OK)
		return HCSC_E_USAGE;
	if (args.npos != 1)
		return cli_fail(HCSC_E_USAGE, "diff takes one description "
					      "(a file, or - for standard input)");
	memset(&l, 0, sizeof(l));
	memset(&r, 0, sizeof(r));
	if (!read_sides(&args, &l, &r))
		return HCSC_E_USAGE;
	a = arena_new();
	l.label = side_label(a, &l, !same(l.target, r.target), !same(l.host, r.host));
	r.label = side_label(a, &r, !same(l.target, r.target), !same(l.host, r.host));
	rc = compile_side(args.pos[0], args.given[OPT_STRICT], NULL, &l);
	if (rc == HCSC_OK)
		rc = compile_side(args.pos[0], args.given[OPT_STRICT], &l, &r);
	for (int d = 0; rc == HCSC_OK && d < HCSC_DOC_COUNT; d++)
		differ |= diff_doc(a, (enum hcsc_doc)d, &l, &r, &summary);
	if (rc == HCSC_OK) {
		fputs(summary.buf ? summary.buf : "", stdout);
		rc = differ ? HCSC_E_CHECK_DIFF : HCSC_OK;
	}
	strbuf_release(&summary);
	hcsc_result_free(l.res);
	hcsc_result_free(r.res);
	arena_free(a);
	return rc;
}
