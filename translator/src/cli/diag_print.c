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

void cli_render_diags(struct strbuf *out, const struct diag_list *d,
		      bool verbose)
{
	for (size_t i = 0; i < d->nr; i++) {
		const struct hcsc_diag *it = &d->items[i];

		if (it->sev == HCSC_SEV_NOTE && !verbose)
			continue;
		render_one(out, it->pos, sev_word(it->sev), it->msg);
	}
	if (d->ndropped) { /* the cap, said rather than silent; rule: hcsc.diag.collect-then-stop */
		char msg[64];

		snprintf(msg, sizeof(msg), "too many errors (%llu more not shown)",
			 (unsigned long long)d->ndropped);
		render_one(out, d->dropped_pos, "error", msg);
	}
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
