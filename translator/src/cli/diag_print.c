/*
 * diag_print.c: rendering diagnostics for editors and CI annotations
 * (DESIGN.md Decision 22). One renderer serves `hcsc compile` (stderr)
 * and `hcsc check` (golden diagnostics.txt / warnings.txt), so the two
 * cannot drift apart.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"
#include "diag.h"
#include "strbuf.h"

static const char *sev_word(enum hcsc_severity s)
{
	switch (s) {
	case HCSC_SEV_ERROR: return "error";
	case HCSC_SEV_WARNING: return "warning";
	case HCSC_SEV_NOTE: return "note";
	}
	return "error";
}

void cli_render_diags(struct strbuf *out, const struct diag_list *d,
		      bool verbose)
{
	for (size_t i = 0; i < d->nr; i++) {
		const struct hcsc_diag *it = &d->items[i];

		if (it->sev == HCSC_SEV_NOTE && !verbose)
			continue;
		if (!it->pos.col) /* not in a file: a command-line word */
			strbuf_addf(out, "%s: %s: %s\n", it->pos.file,
				    sev_word(it->sev), it->msg);
		else
			strbuf_addf(out, "%s:%u:%u: %s: %s\n", it->pos.file,
				    it->pos.line, it->pos.col, sev_word(it->sev),
				    it->msg);
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
	va_list ap;

	fputs("hcsc: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return (int)rc;
}
