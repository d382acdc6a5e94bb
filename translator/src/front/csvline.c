/*
 * front/csvline.c: Go encoding/csv's reading of a single-line record
 * (csvline.h). Columns are 1-based byte indexes, as Go >= 1.17 counts.
 */
#include "csvline.h"

#include <string.h>

#include "arena.h"
#include "strbuf.h"

static const char *parse_error(struct arena *a, size_t col, const char *why)
{
	return arena_printf(a, "parse error on line 1, column %llu: %s",
			    (unsigned long long)col, why);
}

static void push(struct arena *a, struct csv_fields *out,
		 const struct strbuf *f)
{
	out->v = arena_grow(a, out->v, out->n, out->n + 1, sizeof(char *));
	out->v[out->n++] = arena_strndup(a, f->buf, f->len);
}

/* A quoted field from s[*i] (the opening quote); NULL or the error. */
static const char *quoted(struct arena *a, const char *s, size_t *i,
			  struct strbuf *f)
{
	size_t k = *i + 1;

	for (;;) {
		const char *q = strchr(s + k, '"');

		if (!q) {
			strbuf_addstr(f, s + k);
			return parse_error(a, strlen(s) + 1,
					   "extraneous or missing \" in quoted-field");
		}
		strbuf_add(f, s + k, (size_t)(q - (s + k)));
		k = (size_t)(q - s) + 1;
		if (s[k] == '"') {
			strbuf_addch(f, '"');
			k++;
			continue;
		}
		if (s[k] == ',' || !s[k] || s[k] == '\r' || s[k] == '\n') {
			*i = k;
			return NULL;
		}
		return parse_error(a, k + 1,
				   "extraneous or missing \" in quoted-field");
	}
}

const char *csv_read_line(struct arena *a, const char *s,
			  struct csv_fields *out)
{
	struct strbuf f = STRBUF_INIT;
	const char *err = NULL;
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	for (;;) {
		strbuf_reset(&f);
		if (s[i] == '"') {
			err = quoted(a, s, &i, &f);
		} else {
			size_t k = i;

			while (s[k] && s[k] != ',' && s[k] != '\n' && s[k] != '\r')
				k++;
			for (size_t q = i; q < k && !err; q++)
				if (s[q] == '"')
					err = parse_error(a, q + 1,
							  "bare \" in non-quoted field");
			strbuf_add(&f, s + i, k - i);
			i = k;
		}
		if (err)
			break;
		push(a, out, &f);
		if (s[i] != ',')
			break;
		i++;
	}
	strbuf_release(&f);
	return err;
}
