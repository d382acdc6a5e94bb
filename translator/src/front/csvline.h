/*
 * front/csvline.h: one record of Go's encoding/csv Reader with its
 * defaults (comma `,`, `"` quoting with `""` for a quote, no lazy quotes,
 * no space trimming), as docker/cli reads `--mount` and the long
 * `--network` syntax. Errors are csv.ParseError's text
 * (`parse error on line 1, column 5: bare " in non-quoted field`).
 */
#ifndef HCSC_FRONT_CSVLINE_H
#define HCSC_FRONT_CSVLINE_H

#include <stddef.h>

struct arena;

struct csv_fields {
	const char **v;
	size_t n;
};

/* NULL on success, else the error text (arena-owned). */
const char *csv_read_line(struct arena *a, const char *s,
			  struct csv_fields *out);

#endif
