/*
 * cmd_diff.c: `hcsc diff DESC --target A --target B` (or `--host X --host
 * Y`, or both): compile one description two ways and show what changes
 * when a service moves between engines or hosts. Per document, in the
 * order oci, hcs-v1, hcs-v2, process: a unified diff (check/diff.c, the
 * code `check` uses) labelled with each side's name; then one summary
 * line per document. Exit 0 when every document is identical, 3 when any
 * differs, 1 when a side does not compile (its diagnostics printed).
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "check/diff.h"
#include "cli.h"
#include "diag.h"
#include "options.h"
#include "pipeline/compile.h"
#include "strbuf.h"
#include "target/target.h"

struct side {
	const char *target, *host; /* NULL: the default */
	const char *label;
	struct compile_output out;
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

/* Compile one side; diagnostics are printed, labelled by the side. */
static int compile_side(struct arena *a, const char *desc, bool strict,
			struct side *s)
{
	struct compile_input in;
	struct diag_list d;
	struct strbuf text = STRBUF_INIT;
	const char *err = NULL;
	enum hcsc_rc rc;

	memset(&in, 0, sizeof(in));
	in.desc_path = desc;
	in.host = s->host;
	in.target = s->target;
	in.strict = strict;
	in.style = EMIT_PRETTY;
	diag_list_init(&d, a, strict);
	d.max_errors = cli_diag_max_errors();
	rc = compile_run(a, &d, &in, &s->out, &err);
	cli_format_diags(&text, &d, false);
	if (text.len && cli_diag_is_text())
		fprintf(stderr, "hcsc diff: %s:\n%s", s->label, text.buf);
	else if (text.len) /* JSON lines: each line stands alone */
		fputs(text.buf, stderr);
	strbuf_release(&text);
	diag_list_release(&d);
	if (rc != HCSC_OK)
		return err ? cli_fail_input(rc, err) : (int)rc;
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
static bool diff_doc(struct arena *a, enum compile_doc doc,
		     const struct side *l, const struct side *r,
		     struct strbuf *summary)
{
	const char *file = compile_doc_file(doc);
	const struct strbuf *x = &l->out.doc[doc], *y = &r->out.doc[doc];
	struct strbuf out = STRBUF_INIT;
	bool differ;

	if (l->out.have[doc] != r->out.have[doc]) {
		strbuf_addf(summary, "%s: only in %s\n", file,
			    l->out.have[doc] ? l->label : r->label);
		return true;
	}
	if (!l->out.have[doc])
		return false;
	differ = check_diff(&out, arena_printf(a, "%s/%s", l->label, file),
			    x->buf, x->len,
			    arena_printf(a, "%s/%s", r->label, file), y->buf,
			    y->len);
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
					      "file");
	if (!strcmp(args.pos[0], "-"))
		return cli_fail(HCSC_E_USAGE, "diff reads the description twice: "
					      "give a file, not -");
	memset(&l, 0, sizeof(l));
	memset(&r, 0, sizeof(r));
	if (!read_sides(&args, &l, &r))
		return HCSC_E_USAGE;
	a = arena_new();
	l.label = side_label(a, &l, !same(l.target, r.target), !same(l.host, r.host));
	r.label = side_label(a, &r, !same(l.target, r.target), !same(l.host, r.host));
	compile_output_init(&l.out);
	compile_output_init(&r.out);
	rc = compile_side(a, args.pos[0], args.given[OPT_STRICT], &l);
	if (rc == HCSC_OK)
		rc = compile_side(a, args.pos[0], args.given[OPT_STRICT], &r);
	for (int d = 0; rc == HCSC_OK && d < DOC_COUNT; d++)
		differ |= diff_doc(a, (enum compile_doc)d, &l, &r, &summary);
	if (rc == HCSC_OK) {
		fputs(summary.buf ? summary.buf : "", stdout);
		rc = differ ? HCSC_E_CHECK_DIFF : HCSC_OK;
	}
	strbuf_release(&summary);
	compile_output_release(&l.out);
	compile_output_release(&r.out);
	arena_free(a);
	return rc;
}
