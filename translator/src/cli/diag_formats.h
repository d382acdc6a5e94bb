/*
 * diag_formats.h: the machine-readable diagnostic formats (rule:
 * hcsc.diag.format): one JSON object a line, and a SARIF 2.1.0 log
 * gathered over the run and written once at its end. diag_print.c picks
 * the format; these only render.
 */
#ifndef HCSC_CLI_DIAG_FORMATS_H
#define HCSC_CLI_DIAG_FORMATS_H

#include <stdio.h>

#include "diag.h"
#include "strbuf.h"

/* "error", "warning" or "note". */
const char *cli_sev_word(enum hcsc_severity s);

/* One diagnostic as a JSON line (file, line, column, severity, ...). */
void cli_diag_json_line(struct strbuf *out, struct hcsc_pos pos,
			enum hcsc_severity sev, const char *msg,
			const char *category);

/* A SARIF log's results, comma-separated, until it is written. */
struct sarif_log {
	struct strbuf results;
	size_t n;
};
#define SARIF_LOG_INIT { STRBUF_INIT, 0 }

void sarif_log_add(struct sarif_log *log, struct hcsc_pos pos,
		   enum hcsc_severity sev, const char *msg,
		   const char *category);
/* The whole log, one run of hcsc with its results, and a newline. */
void sarif_log_write(FILE *f, const struct sarif_log *log);
void sarif_log_release(struct sarif_log *log);

#endif
