/*
 * diag_print.c: rendering diagnostics for people, editors and CI
 * (rules: hcsc.diag.format, hcsc.diag.render). One plain renderer serves
 * `hcsc check` (golden diagnostics.txt / warnings.txt) and the
 * compile-like commands in files and pipes, so the two cannot drift
 * apart. On a terminal (or with --color=always) the compile-like commands
 * add what gcc and clang users rely on: the source line and a caret under
 * it, colour, the warning's category and a closing count. JSON lines and
 * SARIF 2.1.0 (diag_formats.c) carry the same positions and texts.
 * Source lines come from the bytes the compile read (hcsc_result_source,
 * diag_source), never from a second read of the file: standard input has
 * its lines too, and a file changed since shows what was compiled.
 *
 * User text in messages (keys, values, file names) can hold terminal
 * controls (ESC, BEL): every message and source line is printed with them
 * escaped (utf8_escape_controls), whichever stage wrote it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "diag_formats.h"
#include "model/schema.h"
#include "options.h"
#include "strbuf.h"
#include "utf8.h"

enum dfmt { DF_TEXT, DF_SHORT, DF_JSON, DF_SARIF };

/* Where source lines come from: a compile's kept inputs. */
struct src_lookup {
	const char *(*get)(const void *ctx, const char *name, size_t *len);
	const void *ctx;
};

/* How this run renders diagnostics: set once by cli_diag_setup. */
static struct {
	enum dfmt fmt;
	bool rich;    /* source lines, carets, categories, the count line */
	bool color;
	bool quiet;   /* -q: no warnings */
	bool silenced[DC_COUNT];
	size_t max_errors;
	size_t nerrors, nwarnings; /* shown (errors: and counted past the cap) */
	struct sarif_log sarif;    /* --diagnostics-format sarif */
} cfg = { .sarif = SARIF_LOG_INIT };

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_RESET "\033[0m"


static const char *sev_color(enum hcsc_severity s)
{
	switch (s) {
	case HCSC_SEV_ERROR: return C_RED;
	case HCSC_SEV_WARNING: return C_MAGENTA;
	case HCSC_SEV_NOTE: return C_CYAN;
	}
	return C_RED;
}

/* ---- the plain form (check's goldens, files and pipes) ---------------- */

/* ":N", as strbuf_addf(out, ":%u", v) writes it (no printf per line). */
static void add_colon_uint(struct strbuf *out, unsigned v)
{
	strbuf_addch(out, ':');
	strbuf_add_u64(out, v);
}

/* `FILE:LINE:COL: SEV: MSG`, controls in FILE and MSG escaped. */
static void render_one(struct strbuf *out, struct hcsc_pos pos,
		       const char *sev, const char *msg)
{
	utf8_escape_controls(out, pos.file, strlen(pos.file));
	if (pos.col) { /* column 0: not in a file, a command-line word */
		add_colon_uint(out, pos.line);
		add_colon_uint(out, pos.col);
	}
	strbuf_addstr(out, ": ");
	strbuf_addstr(out, sev);
	strbuf_addstr(out, ": ");
	utf8_escape_controls(out, msg, strlen(msg));
	strbuf_addch(out, '\n');
}

/* The diagnostics of one compile: items, then the cap's line. */
static void render_list(struct strbuf *out, const struct hcsc_diag *items,
			size_t nr, size_t ndropped, struct hcsc_pos dropped_pos,
			bool verbose, bool quiet)
{
	for (size_t i = 0; i < nr; i++) {
		const struct hcsc_diag *it = &items[i];

		if (it->sev == HCSC_SEV_NOTE && !verbose)
			continue;
		if (it->sev == HCSC_SEV_WARNING && quiet)
			continue;
		render_one(out, it->pos, cli_sev_word(it->sev), it->msg);
	}
	if (ndropped) { /* the cap, said rather than silent; rule: hcsc.diag.collect-then-stop */
		char msg[64];

		snprintf(msg, sizeof(msg), "too many errors (%llu more not shown)",
			 (unsigned long long)ndropped);
		render_one(out, dropped_pos, "error", msg);
	}
}

void cli_render_diags(struct strbuf *out, const struct diag_list *d,
		      bool verbose)
{
	render_list(out, d->items, d->nr, d->ndropped, d->dropped_pos, verbose,
		    false);
}

/* ---- source lines and carets ------------------------------------------ */

static const char *from_result(const void *ctx, const char *name, size_t *len)
{
	return hcsc_result_source(ctx, name, len);
}

static const char *from_list(const void *ctx, const char *name, size_t *len)
{
	return diag_source(ctx, name, len);
}

/* Line `line` (1-based) of the `tlen` bytes at `t`, without its line
 * break; false if none. */
static bool source_line(const char *t, size_t tlen, unsigned line,
			const char **s, size_t *n)
{
	const char *p = t, *end = t + tlen, *nl;

	for (unsigned l = 1; l < line; l++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return false;
		p = nl + 1;
	}
	if (p > end || (p == end && line > 1 && end[-1] == '\n'))
		return false;
	nl = memchr(p, '\n', (size_t)(end - p));
	*s = p;
	*n = (size_t)((nl ? nl : end) - p);
	if (*n && p[*n - 1] == '\r')
		(*n)--;
	return true;
}

static void add_marks(struct strbuf *caret, size_t width, bool *first)
{
	for (size_t k = 0; k < width; k++) {
		strbuf_addch(caret, *first ? '^' : '~');
		*first = false;
	}
}

/*
 * `   12 | text` and `      | ^~~~` under it: the caret at pos.col (code
 * points; a tab is one, kept as a tab under it so the caret lines up),
 * a `~` under every further code point of the node's extent (pos.len).
 */
static void render_source(struct strbuf *out, struct hcsc_pos pos,
			  const struct src_lookup *src)
{
	const char *t, *s;
	size_t tlen, n, i = 0;
	unsigned cp_index = 1;
	struct strbuf text = STRBUF_INIT, caret = STRBUF_INIT;
	bool first = true;
	unsigned last = pos.col + (pos.len ? pos.len : 1);

	if (!pos.col || !pos.line || !src)
		return;
	t = src->get(src->ctx, pos.file, &tlen);
	if (!t || !source_line(t, tlen, pos.line, &s, &n))
		return;
	while (i < n) {
		uint32_t cp;
		size_t w = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		size_t before = text.len, width;

		if (!w) /* an invalid byte: escaped as \xNN, one code point */
			w = 1;
		if (s[i] == '\t') {
			strbuf_addch(&text, '\t');
			width = 1;
		} else {
			utf8_escape_controls(&text, s + i, w);
			width = text.len - before; /* escapes are ASCII */
			if (w > 1 && width == w)
				width = 1; /* one code point, one column */
		}
		if (cp_index < pos.col)
			for (size_t k = 0; k < width; k++)
				strbuf_addch(&caret, s[i] == '\t' ? '\t' : ' ');
		else if (cp_index < last)
			add_marks(&caret, width, &first);
		i += w;
		cp_index++;
	}
	if (first) { /* the position is past the line's end */
		while (cp_index++ < pos.col)
			strbuf_addch(&caret, ' ');
		add_marks(&caret, 1, &first);
	}
	strbuf_addf(out, "%5u | ", pos.line);
	strbuf_add(out, text.buf, text.len);
	strbuf_addstr(out, "\n      | ");
	if (cfg.color)
		strbuf_addstr(out, C_GREEN);
	strbuf_add(out, caret.buf, caret.len);
	if (cfg.color)
		strbuf_addstr(out, C_RESET);
	strbuf_addch(out, '\n');
	strbuf_release(&text);
	strbuf_release(&caret);
}

/* The rich form of one diagnostic (a terminal, or --color=always). */
static void render_rich(struct strbuf *out, struct hcsc_pos pos,
			enum hcsc_severity sev, const char *msg,
			const char *category, const struct src_lookup *src)
{
	if (cfg.color)
		strbuf_addstr(out, C_BOLD);
	utf8_escape_controls(out, pos.file, strlen(pos.file));
	if (pos.col)
		strbuf_addf(out, ":%u:%u", pos.line, pos.col);
	strbuf_addstr(out, ": ");
	if (cfg.color)
		strbuf_addf(out, "%s%s:%s ", sev_color(sev), cli_sev_word(sev), C_RESET);
	else
		strbuf_addf(out, "%s: ", cli_sev_word(sev));
	utf8_escape_controls(out, msg, strlen(msg));
	if (category)
		strbuf_addf(out, " [%s]", category);
	strbuf_addch(out, '\n');
	render_source(out, pos, src);
}

/* ---- JSON lines and SARIF --------------------------------------------- */

/* A JSON string of `s` with controls escaped first (the same text). */
/* ---- the compile-like commands ---------------------------------------- */

static void emit(struct strbuf *out, struct hcsc_pos pos,
		 enum hcsc_severity sev, const char *msg, const char *category,
		 const struct src_lookup *src)
{
	if (sev == HCSC_SEV_ERROR)
		cfg.nerrors++;
	else if (sev == HCSC_SEV_WARNING)
		cfg.nwarnings++;
	switch (cfg.fmt) {
	case DF_JSON:
		cli_diag_json_line(out, pos, sev, msg, category);
		return;
	case DF_SARIF:
		sarif_log_add(&cfg.sarif, pos, sev, msg, category);
		return;
	case DF_TEXT:
	case DF_SHORT:
		break;
	}
	if (cfg.rich)
		render_rich(out, pos, sev, msg, category, src);
	else
		render_one(out, pos, cli_sev_word(sev), msg);
}

static bool silenced(const char *category)
{
	for (unsigned c = 0; category && c < DC_COUNT; c++)
		if (cfg.silenced[c] && !strcmp(diag_cat_names[c], category))
			return true;
	return false;
}

static void format_items(struct strbuf *sb, const struct hcsc_diag *items,
			 size_t nr, size_t ndropped,
			 struct hcsc_pos dropped_pos, bool verbose,
			 const struct src_lookup *src)
{
	for (size_t i = 0; i < nr; i++) {
		const struct hcsc_diag *it = &items[i];

		if (it->sev == HCSC_SEV_NOTE && !verbose)
			continue;
		if (it->sev == HCSC_SEV_WARNING &&
		    (cfg.quiet || silenced(it->category)))
			continue;
		emit(sb, it->pos, it->sev, it->msg,
		     it->sev == HCSC_SEV_WARNING ? it->category : NULL, src);
	}
	if (ndropped) { /* rule: hcsc.diag.collect-then-stop */
		char msg[64];

		snprintf(msg, sizeof(msg), "too many errors (%llu more not shown)",
			 (unsigned long long)ndropped);
		emit(sb, dropped_pos, HCSC_SEV_ERROR, msg, NULL, src);
		cfg.nerrors += ndropped - 1; /* all counted in the closing line */
	}
}

void cli_format_result_diags(struct strbuf *out, const struct hcsc_result *r,
			     bool verbose)
{
	struct hcsc_pos first = { "", 0, 0, 0 };
	size_t n, dropped = hcsc_result_dropped(r, &first);
	const struct hcsc_diag *items = hcsc_result_diags(r, &n);
	struct src_lookup src = { from_result, r };

	format_items(out, items, n, dropped, first, verbose, &src);
}

void cli_print_result_diags(const struct hcsc_result *r, bool verbose)
{
	struct strbuf sb = STRBUF_INIT;

	cli_format_result_diags(&sb, r, verbose);
	fwrite(sb.buf, 1, sb.len, stderr);
	strbuf_release(&sb);
}

void cli_format_diags(struct strbuf *out, const struct diag_list *d,
		      bool verbose)
{
	struct src_lookup src = { from_list, d };

	format_items(out, d->items, d->nr, d->ndropped, d->dropped_pos,
		     verbose, &src);
}

void cli_print_diags(const struct diag_list *d, bool verbose)
{
	struct strbuf sb = STRBUF_INIT;

	cli_format_diags(&sb, d, verbose);
	fwrite(sb.buf, 1, sb.len, stderr);
	strbuf_release(&sb);
}

/* A word of `words` (NULL-terminated) or NULL; *near: the nearest. */
static bool one_of(const char *v, const char *const *words,
		   const char **near)
{
	size_t best = 3;

	*near = NULL;
	for (unsigned i = 0; words[i]; i++) {
		size_t d = schema_edit_distance(v, words[i]);

		if (!d)
			return true;
		if (d < best) {
			best = d;
			*near = words[i];
		}
	}
	return false;
}

static int bad_value(const char *opt, const char *v, const char *near,
		     const char *const *words)
{
	struct strbuf known = STRBUF_INIT;
	int rc;

	for (unsigned i = 0; words[i]; i++)
		strbuf_addf(&known, "%s%s", i ? ", " : "", words[i]);
	if (near)
		rc = cli_fail(HCSC_E_USAGE, "%s: unknown value '%s'; did you "
			      "mean '%s'? (known: %s)", opt, v, near, known.buf);
	else
		rc = cli_fail(HCSC_E_USAGE, "%s: unknown value '%s' (known: %s)",
			      opt, v, known.buf);
	strbuf_release(&known);
	return rc;
}

int cli_diag_setup(const char *cmd, int argc, char **argv,
		   const struct cli_args *args)
{
	static const char *const colors[] = { "auto", "always", "never", NULL };
	static const char *const formats[] = { "text", "short", "json", "sarif",
					       NULL };
	const char *v, *near, *nw[32];
	unsigned n;
	bool tty = os_stderr_is_tty();

	cfg.quiet = args->given[OPT_QUIET];
	v = args->value[OPT_COLOR];
	if (v && !one_of(v, colors, &near))
		return bad_value("--color", v, near, colors);
	v = args->value[OPT_DIAG_FORMAT];
	if (v && !one_of(v, formats, &near))
		return bad_value("--diagnostics-format", v, near, formats);
	cfg.fmt = !v || !strcmp(v, "text") ? DF_TEXT
		  : !strcmp(v, "short")    ? DF_SHORT
		  : !strcmp(v, "json")     ? DF_JSON : DF_SARIF;
	/* rule: hcsc.diag.render: text shows source lines and carets into
	 * files and pipes too, as gcc does; colour only where cli_color says */
	cfg.rich = cfg.fmt == DF_TEXT;
	cfg.color = cfg.rich && cli_color(args->value[OPT_COLOR], tty);
	v = args->value[OPT_MAX_ERRORS];
	if (v) {
		size_t m = 0, k;

		for (k = 0; v[k] >= '0' && v[k] <= '9' && m <= 1000000; k++)
			m = m * 10 + (size_t)(v[k] - '0');
		if (!k || v[k] || m > 1000000)
			return cli_fail(HCSC_E_USAGE, "--max-errors takes a "
					"number from 0 (no limit) to 1000000, "
					"not '%s'", v);
		cfg.max_errors = m ? m : (size_t)-1;
	}
	n = cli_values(cmd, argc, argv, OPT_NO_WARN, nw, 32);
	for (unsigned i = 0; i < n; i++) {
		unsigned c;

		if (!one_of(nw[i], diag_cat_names, &near))
			return bad_value("-w/--no-warn", nw[i], near,
					 diag_cat_names);
		for (c = 0; strcmp(diag_cat_names[c], nw[i]); c++)
			;
		cfg.silenced[c] = true;
	}
	return HCSC_OK;
}

bool cli_diag_is_text(void)
{
	return cfg.fmt == DF_TEXT || cfg.fmt == DF_SHORT;
}

size_t cli_diag_max_errors(void)
{
	return cfg.max_errors;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void cli_diag_finish(void)
{
	if (cfg.fmt == DF_SARIF) {
		sarif_log_write(stderr, &cfg.sarif);
	} else if (cfg.rich && (cfg.nerrors || cfg.nwarnings)) {
		fprintf(stderr, "%llu %s and %llu %s\n",
			(unsigned long long)cfg.nerrors,
			plural(cfg.nerrors, "error", "errors"),
			(unsigned long long)cfg.nwarnings,
			plural(cfg.nwarnings, "warning", "warnings"));
	}
	sarif_log_release(&cfg.sarif);
}

int cli_fail_input(enum hcsc_rc rc, const char *msg)
{
	if (rc == HCSC_E_IO && cli_diag_is_text())
		return cli_fail(rc, "error: %s", msg);
	return cli_fail(rc, "%s", msg);
}

/* PREFIX and `text` with its terminal controls escaped, as one line on
 * stderr. */
static void put_escaped_line(const char *prefix, const struct strbuf *text)
{
	struct strbuf out = STRBUF_INIT;

	strbuf_addstr(&out, prefix);
	utf8_escape_controls(&out, text->buf, text->len);
	strbuf_addch(&out, '\n');
	fwrite(out.buf, 1, out.len, stderr);
	strbuf_release(&out);
}

int cli_fail(enum hcsc_rc rc, const char *fmt, ...)
{
	struct strbuf text = STRBUF_INIT;
	struct hcsc_pos none = { "hcsc", 0, 0, 0 };
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&text, fmt, ap);
	va_end(ap);
	if (!cli_diag_is_text()) { /* one stream: the failure is a result */
		struct strbuf out = STRBUF_INIT;

		emit(&out, none, HCSC_SEV_ERROR, text.buf, NULL, NULL);
		cfg.nerrors--; /* not a diagnostic of the input */
		fwrite(out.buf, 1, out.len, stderr);
		strbuf_release(&out);
	} else {
		put_escaped_line("hcsc: ", &text);
	}
	strbuf_release(&text);
	return (int)rc;
}

void cli_usage_error(const char *fmt, ...)
{
	struct strbuf text = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&text, fmt, ap);
	va_end(ap);
	put_escaped_line("", &text);
	strbuf_release(&text);
}
