/*
 * gojson_harness.h: the shared helpers of the test_gojson_*.c tests of
 * emit/gojson.c, emit/shapes.c and emit/oci_json.c: a string literal with
 * its length (LIT), parsing a JSON text, and printing it through a shape.
 */
#ifndef HCSC_GOJSON_HARNESS_H
#define HCSC_GOJSON_HARNESS_H

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "emit/gojson.h"
#include "emit/oci_json.h"
#include "oci/spec.h"
#include "strbuf.h"
#include "t.h"
#include "support/t_support.h"

#define LIT(s) s, sizeof(s) - 1

static inline struct json_object *parse(const char *text)
{
	struct json_object *v = json_tokener_parse(text);

	if (!v && strcmp(text, "null"))
		fprintf(stderr, "cannot parse %s\n", text);
	CHECK(v != NULL || !strcmp(text, "null"));
	return v;
}

/* Print `text` read as `shape`; returns a malloc'd string or NULL. */
static inline char *print(const char *text, const struct shape *shape,
			  enum emit_style style)
{
	struct json_object *v = parse(text);
	const char *err = NULL;
	char *out = t_emit(v, shape, style, &err);

	json_object_put(v);
	if (!out)
		fprintf(stderr, "emit_json(%s): %s\n", text, err);
	return out;
}

#endif
