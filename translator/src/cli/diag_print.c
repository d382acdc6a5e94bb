/*
 * diag_print.c: rendering diagnostics for editors and CI annotations
 * (rule: hcsc.diag.format). One renderer serves `hcsc compile` (stderr)
 * and `hcsc check` (golden diagnostics.txt / warnings.txt), so the two
 * cannot drift apart. User text in messages (keys, values, file names)
 * can hold terminal controls (ESC, BEL): every message is printed with
 * them escaped (utf8_escape_controls), whichever stage wrote it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "strbuf.h"
#include "utf8.h"

static const char *sev_word(enum hcsc_severity s)
{
	switch (s) {
	case HCSC_SEV_ERROR: return "error";
	case HCSC_SEV_WARNING: return "warning";
	case HCSC_SEV_NOTE: return "note";
	}
	return "error";
}

/* `FILE:LINE:COL: SEV: MSG`, controls in FILE and MSG escaped. */
static void render_one(struct strbuf *out, struct hcsc_pos pos,
		       const char *sev, const char *msg)
{
	utf8_escape_controls(out, pos.file, strlen(pos.file));
	if (pos.col) /* column 0: not in a file, a command-line word */
		strbuf_addf(out, ":%u:%u", pos.line, pos.col);
	strbuf_addf(out, ": %s: ", sev);
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
		render_one(out, it->pos, sev_word(it->sev), it->msg);
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

void cli_print_result_diags(const struct hcsc_result *r, bool verbose,
			    bool quiet)
{
	struct strbuf sb = STRBUF_INIT;
	struct hcsc_pos first = { "", 0, 0 };
	size_t n, dropped = hcsc_result_dropped(r, &first);
	const struct hcsc_diag *items = hcsc_result_diags(r, &n);

	render_list(&sb, items, n, dropped, first, verbose, quiet);
	fwrite(sb.buf, 1, sb.len, stderr);
	strbuf_release(&sb);
}

void cli_print_diags(const struct diag_list *d, bool verbose)
{
	struct strbuf sb = STRBUF_INIT;

	cli_render_diags(&sb, d, verbose);
	fwrite(sb.buf, 1, sb.len, stderr);
	strbuf_release(&sb);
}

int cli_fail(enum hcsc_rc rc, const char *fmt, ...)
{
	struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&text, fmt, ap);
	va_end(ap);
	strbuf_addstr(&out, "hcsc: ");
	utf8_escape_controls(&out, text.buf, text.len);
	strbuf_addch(&out, '\n');
	fwrite(out.buf, 1, out.len, stderr);
	strbuf_release(&text);
	strbuf_release(&out);
	return (int)rc;
}
