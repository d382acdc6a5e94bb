//go:build ignore

/*
 * strings_driver.c: the C side of the Go oracle test (scripts/goref-test.sh,
 * rule: hcsc.tests.go-oracle). Prints with libhcsc's writer (emit/gojson.h) what
 * tools/goref prints with Go's encoding/json, so the two outputs can be
 * compared byte for byte.
 *
 *   goref-driver strings     lines of hex-encoded bytes on stdin; prints
 *                            emit_go_string() of each, one a line
 *   goref-driver docs KIND   compact JSON documents on stdin, one a line
 *                            (KIND: oci, hcs-v1, hcs-v2, process); prints
 *                            each compact, a newline, then pretty
 *
 * The go:build line above keeps `go build` from refusing a C file in the
 * Go package folder; C reads it as a comment.
 */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "emit/gojson.h"
#include "hexlines.h"
#include "strbuf.h"

static int run_strings(void)
{
	struct strbuf line = STRBUF_INIT, bytes = STRBUF_INIT;
	struct strbuf out = STRBUF_INIT;
	size_t i;
	int hi, lo;

	while (read_line(stdin, &line)) {
		strbuf_reset(&bytes);
		for (i = 0; i + 1 < line.len; i += 2) {
			hi = hex_value(line.buf[i]);
			lo = hex_value(line.buf[i + 1]);
			if (hi < 0 || lo < 0 || line.len % 2) {
				fprintf(stderr, "goref-driver: bad hex line\n");
				return 2;
			}
			strbuf_addch(&bytes, (char)(hi << 4 | lo));
		}
		strbuf_reset(&out);
		emit_go_string(&out, bytes.buf, bytes.len);
		strbuf_addch(&out, '\n');
		fwrite(out.buf, 1, out.len, stdout);
	}
	strbuf_release(&line);
	strbuf_release(&bytes);
	strbuf_release(&out);
	return 0;
}

static const struct shape *kind_shape(const char *kind)
{
	if (!strcmp(kind, "oci"))
		return &shape_oci_spec;
	if (!strcmp(kind, "hcs-v1"))
		return &shape_hcs_v1;
	if (!strcmp(kind, "hcs-v2"))
		return &shape_hcs_v2;
	if (!strcmp(kind, "process"))
		return &shape_hcs_process;
	return NULL;
}

static struct json_object *parse(const struct strbuf *line)
{
	struct json_tokener *tok = json_tokener_new_ex(64);
	struct json_object *v;

	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	v = json_tokener_parse_ex(tok, line->buf, (int)line->len);
	if (json_tokener_get_error(tok) != json_tokener_success) {
		fprintf(stderr, "goref-driver: %s\n",
			json_tokener_error_desc(json_tokener_get_error(tok)));
		json_object_put(v);
		v = NULL;
	}
	json_tokener_free(tok);
	return v;
}

static int run_docs(const struct shape *shape)
{
	struct strbuf line = STRBUF_INIT, out = STRBUF_INIT;
	struct json_object *v;
	const char *err = NULL;
	int rc = 0;

	while (!rc && read_line(stdin, &line)) {
		v = parse(&line);
		if (!v)
			return 2;
		strbuf_reset(&out);
		if (emit_json(&out, v, shape, EMIT_COMPACT, &err) != HCSC_OK ||
		    (strbuf_addch(&out, '\n'),
		     emit_json(&out, v, shape, EMIT_PRETTY, &err)) != HCSC_OK) {
			fprintf(stderr, "goref-driver: %s\n", err);
			rc = 2;
		}
		fwrite(out.buf, 1, out.len, stdout);
		json_object_put(v);
	}
	strbuf_release(&line);
	strbuf_release(&out);
	return rc;
}

int main(int argc, char **argv)
{
	const struct shape *shape;

	if (argc == 2 && !strcmp(argv[1], "strings"))
		return run_strings();
	if (argc == 3 && !strcmp(argv[1], "docs")) {
		shape = kind_shape(argv[2]);
		if (shape)
			return run_docs(shape);
	}
	fprintf(stderr, "usage: goref-driver strings | docs KIND\n");
	return 2;
}
