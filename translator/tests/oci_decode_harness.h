/*
 * oci_decode_harness.h: the shared helpers of the test_oci_decode_*.c
 * tests of oci_decode (src/oci/decode/decode.c), the --from-oci reader: decode a
 * config.json text into a run, the diagnostics as one line, positions as
 * "L:C", and the spec printed again as the OCI stage prints it.
 */
#ifndef HCSC_OCI_DECODE_HARNESS_H
#define HCSC_OCI_DECODE_HARNESS_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "emit/gojson.h"
#include "emit/oci_json.h"
#include "load/load.h"
#include "oci/decode/decode.h"
#include "strbuf.h"
#include "t.h"
#include "support/t_support.h"

/* ---- helpers ---- */

struct run {
	struct arena *a;
	struct diag_list d;
	struct oci_spec s;
	bool ok;
};

static inline void run_decode(struct run *r, const char *json)
{
	struct node *root = NULL;
	enum hcsc_rc rc;

	r->a = arena_new();
	diag_list_init(&r->d, r->a, false);
	rc = load_parse(r->a, &r->d, "config.json", json, strlen(json),
			LOAD_JSON, &root);
	CHECK_INT(rc, HCSC_OK);
	r->ok = rc == HCSC_OK &&
		oci_decode(r->a, &r->d, "config.json", root, &r->s) == HCSC_OK;
}

static inline void run_release(struct run *r)
{
	diag_list_release(&r->d);
	arena_free(r->a);
}

/* "L:C: error|warning: msg" joined by '|'; "ok" when there is none. */
static inline const char *diags(struct run *r)
{
	char *text = t_diags(&r->d, true);
	const char *out = arena_strdup(r->a, text);

	free(text);
	return out;
}

/* "L:C" of a position. */
static inline const char *lc(struct run *r, struct hcsc_pos p)
{
	return arena_printf(r->a, "%u:%u", p.line, p.col);
}

/* "L:C" of the first occurrence of `needle` in `text`, plus `skip` chars. */
static inline const char *lc_of(struct run *r, const char *text,
					const char *needle, size_t skip)
{
	const char *at = strstr(text, needle);
	unsigned line = 1, col = 1;

	if (!at)
		return "(not found)";
	at += skip;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	return arena_printf(r->a, "%u:%u", line, col);
}

/* The spec printed as the OCI stage prints it (pretty or compact). */
static inline char *print_spec(const struct oci_spec *s, enum emit_style style)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_object *j = oci_spec_to_json(s, NULL, false);
	const char *err = NULL;

	if (!j || emit_json(&sb, j, &shape_oci_spec, style, &err) != HCSC_OK) {
		json_object_put(j);
		strbuf_release(&sb);
		return NULL;
	}
	json_object_put(j);
	return strbuf_detach(&sb, NULL);
}

#endif
