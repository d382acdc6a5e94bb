/*
 * check/case.c: one case of `hcsc check` (case.h): its header, its host,
 * the compile (pipeline/compile.h, as `hcsc compile` runs it), the golden
 * files that result (rule: hcsc.check.golden-files) and their comparison.
 */
#include "case.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "check/header.h"
#include "os/fs.h"
#include "diag.h"
#include "load/load.h"
#include "model/host.h"
#include "pipeline/compile.h"

/* The comment block is read from at most this many leading bytes. */
#define HEADER_MAX (64u << 10)

static const char *const exit_code_1 = "1\n";

static bool is_abs(const char *p)
{
	return p[0] == '/' || p[0] == '\\' ||
	       (ascii_isalpha(p[0]) && p[1] == ':');
}

/* Append segment [s, s+n) to the '/'-joined path in sb, resolving . and .. */
static void push_segment(struct strbuf *sb, size_t *depth, const char *s,
			 size_t n)
{
	if (!n || (n == 1 && s[0] == '.'))
		return;
	if (n == 2 && s[0] == '.' && s[1] == '.' && *depth) {
		char *slash;

		sb->len = (slash = strrchr(sb->buf, '/')) ? (size_t)(slash - sb->buf)
							  : 0;
		sb->buf[sb->len] = '\0';
		(*depth)--;
		return;
	}
	if (sb->len)
		strbuf_addch(sb, '/');
	strbuf_add(sb, s, n);
	if (!(n == 2 && s[0] == '.' && s[1] == '.'))
		(*depth)++;
}

static void push_path(struct strbuf *sb, size_t *depth, const char *p,
		      size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && p[j] != '/' && p[j] != '\\')
			j++;
		push_segment(sb, depth, p + i, j - i);
		i = j + 1;
	}
}

const char *check_case_host_path(struct arena *a, const char *case_file,
				 const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash = strrchr(case_file, '/');
	size_t depth = 0;
	const char *out;

	if (is_abs(value))
		return value;
	if (slash)
		push_path(&sb, &depth, case_file, (size_t)(slash - case_file));
	push_path(&sb, &depth, value, strlen(value));
	out = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return out;
}

/* ---- the compile ---- */

struct case_run {
	const struct check_env *e;
	const struct check_case *c;
	struct check_scratch *s; /* the arena, buffers and documents */
	struct arena *a;         /* s->a */
	struct diag_list d;
	struct compile_input in;
	const char *err;
	bool broken;           /* the header is broken (a corpus error) */
};

/* `# host:` -> in.host / in.host_display; an unknown name is an error. */
static enum hcsc_rc apply_host(struct case_run *cr,
			       const struct check_header *h)
{
	const char *rel;

	if (!h->host) {
		if (cr->c->host) {
			cr->in.host = check_path_join(cr->a, cr->e->corpus,
						      cr->c->host);
			cr->in.host_display = cr->c->host;
			cr->in.host_data = cr->c->host_data;
			cr->in.host_len = cr->c->host_len;
		}
		return HCSC_OK;
	}
	if (!compile_host_is_file(h->host)) {
		if (!host_builtin_find(h->host) &&
		    !host_builtin_find_build(h->host)) /* rule: hcsc.host.builtin-profiles: exit 1 */
			return diag_error(&cr->d, h->host_pos,
					  "unknown built-in host profile '%s' "
					  "(known: %s)",
					  h->host, host_builtin_names(cr->a));
		cr->in.host = h->host;
		return HCSC_OK;
	}
	rel = check_case_host_path(cr->a, cr->c->file, h->host);
	cr->in.host = is_abs(rel) ? rel
				  : check_path_join(cr->a, cr->e->corpus, rel);
	cr->in.host_display = rel;
	if (cr->e->hosts) /* read once for the run; else the compile reads it */
		check_hosts_get(cr->e->hosts, cr->in.host, &cr->in.host_data,
				&cr->in.host_len);
	return HCSC_OK;
}

static enum hcsc_rc read_header(struct case_run *cr)
{
	struct check_header h;
	struct strbuf *desc = &cr->s->desc;
	enum hcsc_rc rc = HCSC_OK;

	memset(&h, 0, sizeof(h));
	/*
	 * The file is opened once: its bytes serve the header and the
	 * compile. An unreadable or too large file is left to compile_run,
	 * which opens it again to report it exactly as `hcsc compile` does.
	 */
	if (os_read(cr->in.desc_path, LOAD_MAX_FILE, OS_WHOLE, desc) == 0) {
		cr->in.desc_data = desc->buf;
		cr->in.desc_len = desc->len;
	} else {
		strbuf_reset(desc);
	}
	if (cr->c->yaml && cr->in.desc_data)
		rc = check_header_parse(cr->a, &cr->d, cr->c->file, desc->buf,
					desc->len < HEADER_MAX ? desc->len
							       : HEADER_MAX,
					&h);
	else if (cr->c->yaml) {
		struct strbuf buf = STRBUF_INIT;

		if (os_read(cr->in.desc_path, HEADER_MAX, 0, &buf) == 0)
			rc = check_header_parse(cr->a, &cr->d, cr->c->file,
						buf.buf, buf.len, &h);
		strbuf_release(&buf);
	}
	cr->in.strict = cr->d.strict = h.strict;
	cr->in.target = h.target;
	if (rc == HCSC_OK)
		rc = apply_host(cr, &h);
	return rc;
}

/* The compile's inputs, the header read (but not applied beyond in). */
static void setup(struct case_run *cr)
{
	const struct check_case *c = cr->c;

	cr->in.desc_path = check_path_join(cr->a, cr->e->corpus, c->file);
	cr->in.desc_display = c->file;
	cr->in.style = EMIT_PRETTY;
	cr->in.from_oci = c->oci;
	if (c->runtime) {
		cr->in.runtime_path = check_path_join(cr->a, cr->e->corpus,
						      c->runtime);
		cr->in.runtime_display = c->runtime;
	}
}

static enum hcsc_rc compile_case(struct case_run *cr)
{
	enum hcsc_rc rc;

	setup(cr);
	rc = read_header(cr);
	cr->broken = rc != HCSC_OK;
	if (rc == HCSC_OK)
		rc = compile_run(cr->a, &cr->d, &cr->in, &cr->s->out, &cr->err);
	cr->e->render_diags(&cr->s->stderr_text, &cr->d);
	if (cr->err) /* as cli_fail() prints it */
		strbuf_addf(&cr->s->stderr_text, "hcsc: %s\n", cr->err);
	return rc;
}

/* ---- results ---- */

static void set_error(struct check_result *r, const char *msg,
		      const struct strbuf *stderr_text)
{
	r->status = CHECK_ERROR;
	r->io_error = true;
	strbuf_addstr(&r->message, msg);
	strbuf_add(&r->detail, stderr_text->buf, stderr_text->len);
}

/*
 * A broken header (an unknown host or target, a repeated directive...)
 * is the corpus's error, not the case's outcome: exit 1, and neither
 * compared nor recorded, so --update never takes it for an expectation
 * (rule: hcsc.check.header).
 */
static void set_broken(struct check_result *r, const struct strbuf *diags)
{
	r->status = CHECK_ERROR;
	r->broken = true;
	strbuf_addstr(&r->message, "broken case header (a corpus error; "
				   "fix the case file, it is never recorded)");
	strbuf_add(&r->detail, diags->buf, diags->len);
}

/* The golden files of a finished compile, or an internal error. */
static bool collect(struct case_run *cr, enum hcsc_rc rc,
		    struct check_file *files, size_t *n,
		    struct check_result *r)
{
	const struct compile_output *out = &cr->s->out;
	const struct strbuf *text = &cr->s->stderr_text;

	*n = 0;
	if (rc == HCSC_E_INPUT) {
		files[(*n)++] = (struct check_file){ "diagnostics.txt",
						     text->buf, text->len };
		files[(*n)++] = (struct check_file){ "exit-code", exit_code_1,
						     strlen(exit_code_1) };
		return true;
	}
	if (rc != HCSC_OK) {
		set_error(r,
			  cr->err ? cr->err
				  : arena_printf(cr->a, "compile failed with "
							"exit code %d",
						 (int)rc),
			  text);
		return false;
	}
	for (int d = 0; d < DOC_COUNT; d++) {
		if (d == DOC_OCI && cr->c->oci)
			continue; /* its input (rule: hcsc.from-oci.decode: no --emit oci) */
		if (!compile_target_builds(out->target, (enum compile_doc)d))
			continue; /* e.g. no hcs-v2.json under docker */
		if (!out->have[d]) {
			set_error(r,
				  arena_printf(cr->a, "internal error: no %s "
						      "document was built",
					       compile_doc_name((enum compile_doc)d)),
				  text);
			return false;
		}
		files[(*n)++] = (struct check_file){
			compile_doc_file((enum compile_doc)d), out->doc[d].buf,
			out->doc[d].len
		};
	}
	if (text->len)
		files[(*n)++] = (struct check_file){ "warnings.txt", text->buf,
						     text->len };
	return true;
}

/* Does the case's golden folder hold file `name`? */
static bool golden_has(struct case_run *cr, const char *name)
{
	const char *dir;
	unsigned g = cr->c->gold;

	/* The golden scan saw the folder: its answer, without a stat. */
	if ((g & CHECK_GOLD_SEEN) && !(g & CHECK_GOLD_OTHER))
		return (g & (CHECK_GOLD_FILE0 << check_gold_index(name))) != 0;
	dir = check_path_join(cr->a, cr->e->golden.root,
					  cr->c->name);

	return os_kind(check_path_join(cr->a, dir, name)) ==
	       OS_FILE;
}

/*
 * Did the outcome change (the golden files say the case compiled and it
 * now fails, or the reverse)? Asked before the comparison, which may
 * rewrite the folder (--update).
 */
static bool outcome_changed(struct case_run *cr, enum hcsc_rc rc)
{
	bool was_fail = golden_has(cr, "exit-code");

	if (rc == HCSC_E_INPUT)
		return !was_fail && golden_has(cr, "process.json");
	return rc == HCSC_OK && was_fail;
}

/*
 * Why the outcome changed: the case's actual diagnostics, at most
 * CHECK_WHY_LINES lines, put ahead of the file list in r->detail.
 */
static void explain_outcome(struct case_run *cr, enum hcsc_rc rc,
			    struct check_result *r)
{
	const struct strbuf *text = &cr->s->stderr_text;
	const char *p = text->buf, *end = p + text->len;
	struct strbuf why = STRBUF_INIT;
	size_t lines = 0;

	r->outcome_file = cr->c->file;
	strbuf_addf(&why, "%s; its diagnostics%s:\n",
		    rc == HCSC_OK ? "the case compiles now"
				  : "the case no longer compiles",
		    p == end ? " (none)" : "");
	while (p < end && lines < CHECK_WHY_LINES) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);

		strbuf_add(&why, p, n);
		if (!nl)
			strbuf_addch(&why, '\n');
		p += n;
		lines++;
	}
	strbuf_add(&why, r->detail.buf, r->detail.len);
	strbuf_release(&r->detail);
	r->detail = why;
}

static void compare(struct case_run *cr, const struct check_file *files,
		    size_t n, struct check_result *r)
{
	struct check_compare cmp;
	const char *err = NULL;
	enum hcsc_rc rc;

	rc = check_golden_compare(cr->a, &cr->e->golden, cr->c->name,
				  cr->c->gold, files, n, &cmp, &cr->s->gold,
				  &r->detail, &r->message, &err);
	if (cmp.ndiffer + cmp.nmissing + cmp.nextra)
		r->status = CHECK_FAIL;
	r->updated = cmp.updated;
	if (rc != HCSC_OK) {
		r->status = r->status == CHECK_FAIL ? CHECK_FAIL : CHECK_ERROR;
		r->io_error = true;
		if (r->message.len)
			strbuf_addstr(&r->message, "; ");
		strbuf_addstr(&r->message, err);
	}
}

void check_scratch_init(struct check_scratch *s)
{
	s->a = arena_new();
	strbuf_init(&s->desc);
	strbuf_init(&s->gold);
	strbuf_init(&s->stderr_text);
	compile_output_init(&s->out);
}

void check_scratch_release(struct check_scratch *s)
{
	arena_free(s->a);
	strbuf_release(&s->desc);
	strbuf_release(&s->gold);
	strbuf_release(&s->stderr_text);
	compile_output_release(&s->out);
}

/* Buffers larger than this are freed after their case, not kept. */
#define SCRATCH_KEEP (1u << 20)

static void empty(struct strbuf *sb)
{
	if (sb->alloc > SCRATCH_KEEP)
		strbuf_release(sb);
	else
		strbuf_reset(sb);
}

/* The scratch emptied for the next case (what a huge case grew, freed). */
static void scratch_reset(struct check_scratch *s)
{
	arena_reset(s->a);
	empty(&s->desc);
	empty(&s->gold);
	empty(&s->stderr_text);
	for (int i = 0; i < DOC_COUNT; i++)
		empty(&s->out.doc[i]);
	compile_output_reset(&s->out);
}

void check_case_run(const struct check_env *e, const struct check_case *c,
		    struct check_scratch *s, struct check_result *r)
{
	struct case_run cr;
	struct check_file files[DOC_COUNT + 1];
	double t0 = e->now ? e->now() : 0;
	size_t n;
	enum hcsc_rc rc;

	memset(&cr, 0, sizeof(cr));
	cr.e = e;
	cr.c = c;
	cr.s = s;
	cr.a = s->a;
	diag_list_init(&cr.d, cr.a, false);
	cr.d.no_notes = true; /* golden files have no notes (-v only) */
	r->name = c->name;
	r->status = CHECK_PASS;
	rc = compile_case(&cr);
	if (cr.broken) {
		set_broken(r, &s->stderr_text);
	} else if (collect(&cr, rc, files, &n, r)) {
		bool changed = outcome_changed(&cr, rc);

		compare(&cr, files, n, r);
		if (changed && r->status == CHECK_FAIL)
			explain_outcome(&cr, rc, r);
	}
	r->seconds = e->now ? e->now() - t0 : 0;
	diag_list_release(&cr.d);
	scratch_reset(s);
}

void check_case_stale(const struct check_env *e, const char *rel,
		      struct check_result *r)
{
	struct arena *a = arena_new();
	const char *err = NULL;

	r->name = rel;
	r->stale = true;
	r->status = CHECK_FAIL;
	strbuf_addf(&r->message, "golden folder %s/%s has no case",
		    e->golden.label, rel);
	if (e->golden.update) {
		const char *foreign = NULL;

		if (check_golden_remove(a, &e->golden, rel, &foreign, &err) !=
		    HCSC_OK) {
			r->io_error = true;
			strbuf_addf(&r->message, "; %s", err);
		} else if (foreign) {
			strbuf_addf(&r->message,
				    "; --update leaves it: hcsc does not write "
				    "%s " CHECK_FOREIGN_HINT, foreign);
		} else {
			r->updated = true;
		}
	}
	arena_free(a);
}

void check_case_list(const struct check_env *e, const struct check_case *c,
		     struct check_result *r)
{
	struct check_scratch s;
	struct case_run cr;
	bool flag = false;

	check_scratch_init(&s);
	memset(&cr, 0, sizeof(cr));
	cr.e = e;
	cr.c = c;
	cr.s = &s;
	cr.a = s.a;
	diag_list_init(&cr.d, cr.a, false);
	r->name = c->name;
	r->status = CHECK_PASS;
	setup(&cr);
	if (read_header(&cr) != HCSC_OK) {
		e->render_diags(&s.stderr_text, &cr.d);
		set_broken(r, &s.stderr_text);
	} else {
		/* HOST TARGET FLAGS, tab-separated; `-` for none. */
		strbuf_addstr(&r->message,
			      cr.in.host_display ? cr.in.host_display
			      : cr.in.host	 ? cr.in.host
						 : HOST_DEFAULT_NAME);
		strbuf_addch(&r->message, '\t');
		strbuf_addstr(&r->message, cr.in.target ? cr.in.target : "-");
		strbuf_addch(&r->message, '\t');
		if (cr.in.strict) {
			strbuf_addstr(&r->message, "--strict");
			flag = true;
		}
		if (c->oci) {
			strbuf_addstr(&r->message, flag ? " --from-oci" : "--from-oci");
			flag = true;
		}
		if (c->runtime) {
			strbuf_addstr(&r->message, flag ? " --runtime " : "--runtime ");
			strbuf_addstr(&r->message, c->runtime);
			flag = true;
		}
		if (!flag)
			strbuf_addch(&r->message, '-');
	}
	diag_list_release(&cr.d);
	check_scratch_release(&s);
}
