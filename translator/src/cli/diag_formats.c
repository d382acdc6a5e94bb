/*
 * diag_formats.c: diagnostics as JSON lines and as a SARIF 2.1.0 log
 * (rule: hcsc.diag.format), for editors and CI. Positions and texts are
 * the ones the text renderer prints; user text is escaped of terminal
 * controls (utf8_escape_controls) before JSON escaping, like every other
 * rendering.
 */
#include <stdio.h>
#include <string.h>

#include "diag_formats.h"
#include "hcsc.h"
#include "utf8.h"

const char *cli_sev_word(enum hcsc_severity s)
{
	switch (s) {
	case HCSC_SEV_ERROR: return "error";
	case HCSC_SEV_WARNING: return "warning";
	case HCSC_SEV_NOTE: return "note";
	}
	return "error";
}

static void json_str(struct strbuf *out, const char *s)
{
	struct strbuf e = STRBUF_INIT;

	utf8_escape_controls(&e, s, strlen(s));
	strbuf_addch(out, '"');
	for (size_t i = 0; i < e.len; i++) {
		if (e.buf[i] == '"' || e.buf[i] == '\\')
			strbuf_addch(out, '\\');
		strbuf_addch(out, e.buf[i]);
	}
	strbuf_addch(out, '"');
	strbuf_release(&e);
}

static bool in_file(struct hcsc_pos pos)
{
	return pos.file && pos.file[0] && pos.file[0] != '<' && pos.col;
}

void cli_diag_json_line(struct strbuf *out, struct hcsc_pos pos,
			enum hcsc_severity sev, const char *msg,
			const char *category)
{
	strbuf_addstr(out, "{\"file\":");
	json_str(out, pos.file ? pos.file : "");
	if (pos.col) {
		strbuf_addf(out, ",\"line\":%u,\"column\":%u", pos.line, pos.col);
		if (pos.len)
			strbuf_addf(out, ",\"endColumn\":%u", pos.col + pos.len);
	}
	strbuf_addf(out, ",\"severity\":\"%s\",\"category\":", cli_sev_word(sev));
	if (category)
		json_str(out, category);
	else
		strbuf_addstr(out, "null");
	strbuf_addstr(out, ",\"message\":");
	json_str(out, msg);
	strbuf_addstr(out, "}\n");
}

/* A file name as a SARIF artifact URI: relative stays relative, an
 * absolute path becomes file:///..., bytes outside RFC 3986's unreserved
 * set and `/` are percent-encoded, `\` is `/`. */
static void sarif_uri(struct strbuf *out, const char *path)
{
	struct strbuf u = STRBUF_INIT;
	bool drive = ((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z' &&
		      path[1] == ':');

	if (path[0] == '/')
		strbuf_addstr(&u, "file://");
	else if (drive)
		strbuf_addstr(&u, "file:///");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) ||
		    (drive && p == (const unsigned char *)path + 1))
			strbuf_addch(&u, (char)*p);
		else if (*p == '\\')
			strbuf_addch(&u, '/');
		else
			strbuf_addf(&u, "%%%02X", *p);
	}
	json_str(out, u.buf);
	strbuf_release(&u);
}

void sarif_log_add(struct sarif_log *log, struct hcsc_pos pos,
		   enum hcsc_severity sev, const char *msg,
		   const char *category)
{
	struct strbuf *out = &log->results;

	if (log->n++)
		strbuf_addch(out, ',');
	strbuf_addstr(out, "\n    {\"ruleId\":");
	json_str(out, category ? category
			       : sev == HCSC_SEV_NOTE ? "note" : "error");
	strbuf_addf(out, ",\"level\":\"%s\",\"message\":{\"text\":",
		    cli_sev_word(sev));
	json_str(out, msg);
	strbuf_addch(out, '}');
	if (in_file(pos)) {
		strbuf_addstr(out, ",\"locations\":[{\"physicalLocation\":"
				   "{\"artifactLocation\":{\"uri\":");
		sarif_uri(out, pos.file);
		strbuf_addf(out, "},\"region\":{\"startLine\":%u,"
				 "\"startColumn\":%u", pos.line, pos.col);
		if (pos.len)
			strbuf_addf(out, ",\"endColumn\":%u", pos.col + pos.len);
		strbuf_addstr(out, "}}}]");
	} else if (pos.file && pos.file[0]) {
		/* a built-in profile or a command-line word: named, no region */
		strbuf_addstr(out, ",\"locations\":[{\"logicalLocations\":"
				   "[{\"name\":");
		json_str(out, pos.file);
		strbuf_addstr(out, "}]}]");
	}
	strbuf_addch(out, '}');
}

void sarif_log_write(FILE *f, const struct sarif_log *log)
{
	fprintf(f,
		"{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
		"\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":"
		"{\"name\":\"hcsc\",\"version\":\"%s\"}},"
		"\"columnKind\":\"unicodeCodePoints\",\"results\":[%s%s]}]}\n",
		HCSC_VERSION, log->results.len ? log->results.buf : "",
		log->n ? "\n  " : "");
}

void sarif_log_release(struct sarif_log *log)
{
	strbuf_release(&log->results);
	log->n = 0;
}
