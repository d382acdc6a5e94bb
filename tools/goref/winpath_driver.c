//go:build ignore

/*
 * winpath_driver.c: the C side of the Windows path oracle test
 * (rule: hcsc.tests.go-oracle). Reads what tools/goref/winpath reads and prints what it
 * prints, using libhcsc's winpath_* (translator/src/common/winpath.h)
 * instead of Go's path/filepath, so the two outputs can be compared byte
 * for byte:
 *
 *   winpath-driver     lines of hex-encoded path bytes on stdin; prints for
 *                      each line, tab-separated: VolumeName, IsAbs, Clean,
 *                      Base, Dir, IsLocal, Join(path, "x", `..\y`); strings
 *                      hex-encoded (lowercase), booleans as true/false
 *
 * The go:build line above keeps `go build` from refusing a C file in the
 * Go package folder; C reads it as a comment.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "hexlines.h"
#include "strbuf.h"
#include "winpath.h"

/* Decode a hex line into bytes; false on bad hex or a NUL byte. */
static bool decode(const struct strbuf *line, struct strbuf *bytes,
		   const char **err)
{
	size_t i;
	int hi, lo;

	strbuf_reset(bytes);
	if (line->len % 2) {
		*err = "bad hex line";
		return false;
	}
	for (i = 0; i < line->len; i += 2) {
		hi = hex_value(line->buf[i]);
		lo = hex_value(line->buf[i + 1]);
		if (hi < 0 || lo < 0) {
			*err = "bad hex line";
			return false;
		}
		if (hi == 0 && lo == 0) {
			*err = "NUL byte in a path";
			return false;
		}
		strbuf_addch(bytes, (char)(hi << 4 | lo));
	}
	return true;
}

static void add_hex(struct strbuf *out, const char *s)
{
	static const char digits[] = "0123456789abcdef";

	for (; *s; s++) {
		strbuf_addch(out, digits[(unsigned char)*s >> 4]);
		strbuf_addch(out, digits[(unsigned char)*s & 15]);
	}
}

/* Field separator, then the field: hex for strings, true/false for bools. */
static void add_str(struct strbuf *out, const char *s, bool first)
{
	if (!first)
		strbuf_addch(out, '\t');
	add_hex(out, s);
}

static void add_bool(struct strbuf *out, bool b)
{
	strbuf_addch(out, '\t');
	strbuf_addstr(out, b ? "true" : "false");
}

static void answer(struct strbuf *out, const char *p)
{
	struct arena *a = arena_new();
	const char *elem[3];

	elem[0] = p;
	elem[1] = "x";
	elem[2] = "..\\y";
	add_str(out, winpath_volume_name(a, p), true);
	add_bool(out, winpath_is_abs(p));
	add_str(out, winpath_clean(a, p), false);
	add_str(out, winpath_base(a, p), false);
	add_str(out, winpath_dir(a, p), false);
	add_bool(out, winpath_is_local(p));
	add_str(out, winpath_join(a, elem, 3), false);
	strbuf_addch(out, '\n');
	arena_free(a);
}

int main(int argc, char **argv)
{
	struct strbuf line = STRBUF_INIT, bytes = STRBUF_INIT;
	struct strbuf out = STRBUF_INIT;
	const char *err = NULL;
	int rc = 0;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: winpath-driver < HEXLINES\n");
		return 2;
	}
	while (read_line(stdin, &line)) {
		if (!decode(&line, &bytes, &err)) {
			fprintf(stderr, "winpath-driver: %s\n", err);
			rc = 2;
			break;
		}
		strbuf_reset(&out);
		answer(&out, bytes.buf);
		fwrite(out.buf, 1, out.len, stdout);
	}
	strbuf_release(&line);
	strbuf_release(&bytes);
	strbuf_release(&out);
	return rc;
}
