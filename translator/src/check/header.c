/*
 * check/header.c: the `# host:` / `# hcsc:` directives of a YAML case's
 * leading comment block (header.h). hcsc's own rule; no upstream.
 */
#include "header.h"

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "target/target.h"

struct cursor {
	const char *display;
	const char *line;  /* start of the current line */
	size_t len;        /* its length, without the newline */
	unsigned lineno;
};

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* 1-based column (code points) of byte offset `off` in the line. */
static struct hcsc_pos pos_at(const struct cursor *c, size_t off)
{
	unsigned col = 1;

	for (size_t i = 0; i < off; i++)
		col += ((unsigned char)c->line[i] & 0xc0) != 0x80;
	return pos_make(c->display, c->lineno, col);
}

static enum hcsc_rc parse_host(struct arena *a, struct diag_list *d,
			       const struct cursor *c, size_t at, size_t end,
			       struct check_header *out)
{
	if (out->host)
		return diag_error(d, pos_at(c, at),
				  "repeated '# host:' comment (one host per "
				  "case)");
	if (at == end)
		return diag_error(d, pos_at(c, at),
				  "empty '# host:' comment (give a built-in "
				  "host name or a host file)");
	out->host = arena_strndup(a, c->line + at, end - at);
	out->host_pos = pos_at(c, at);
	return HCSC_OK;
}

/* `--target NAME` or `--target=NAME`, a known target (target.h). */
static enum hcsc_rc parse_target(struct arena *a, struct diag_list *d,
				 const struct cursor *c, size_t *at, size_t w,
				 size_t end, struct check_header *out)
{
	static const char opt[] = "--target";
	size_t v = *at + sizeof(opt) - 1;
	const char *name;

	if (v < w && c->line[v] == '=') {
		v++;
	} else {
		while (v < end && blank(c->line[v]))
			v++;
		for (w = v; w < end && !blank(c->line[w]); w++)
			;
	}
	if (v >= w)
		return diag_error(d, pos_at(c, *at), "'--target' in '# hcsc:' "
						     "comment needs a target name");
	name = arena_strndup(a, c->line + v, w - v);
	if (out->target)
		return diag_error(d, pos_at(c, *at), "repeated '--target' in "
						     "'# hcsc:' comment");
	if (!target_find(name))
		return diag_error(d, pos_at(c, v), "%s",
				  target_unknown_message(a, name));
	out->target = name;
	*at = w;
	return HCSC_OK;
}

static enum hcsc_rc parse_options(struct arena *a, struct diag_list *d,
				  const struct cursor *c, size_t at, size_t end,
				  bool *seen, struct check_header *out)
{
	enum hcsc_rc rc;

	if (*seen)
		return diag_error(d, pos_at(c, at),
				  "repeated '# hcsc:' comment (put every option "
				  "on one line)");
	*seen = true;
	while (at < end) {
		size_t w = at;

		while (w < end && !blank(c->line[w]))
			w++;
		if (w - at == 8 && !memcmp(c->line + at, "--strict", 8)) {
			out->strict = true;
		} else if (w - at >= 8 && !memcmp(c->line + at, "--target", 8) &&
			   (w - at == 8 || c->line[at + 8] == '=')) {
			rc = parse_target(a, d, c, &at, w, end, out);
			if (rc != HCSC_OK)
				return rc;
			w = at;
		} else {
			return diag_error(d, pos_at(c, at),
					  "unknown option '%.*s' in '# hcsc:' "
					  "comment (allowed: --strict, --target "
					  "NAME)",
					  (int)(w - at), c->line + at);
		}
		while (w < end && blank(c->line[w]))
			w++;
		at = w;
	}
	return HCSC_OK;
}

/* One comment line: `#`, blanks, then maybe `host:` or `hcsc:`. */
static enum hcsc_rc parse_line(struct arena *a, struct diag_list *d,
			       const struct cursor *c, size_t at, bool *seen,
			       struct check_header *out)
{
	size_t end = c->len;
	const char *l = c->line;

	while (end > at && (blank(l[end - 1]) || l[end - 1] == '\r'))
		end--;
	while (at < end && blank(l[at]))
		at++;
	if (end - at >= 5 && !memcmp(l + at, "host:", 5)) {
		at += 5;
		while (at < end && blank(l[at]))
			at++;
		return parse_host(a, d, c, at, end, out);
	}
	if (end - at >= 5 && !memcmp(l + at, "hcsc:", 5)) {
		at += 5;
		while (at < end && blank(l[at]))
			at++;
		return parse_options(a, d, c, at, end, seen, out);
	}
	return HCSC_OK;
}

enum hcsc_rc check_header_parse(struct arena *a, struct diag_list *d,
				const char *display, const char *data,
				size_t len, struct check_header *out)
{
	struct cursor c = { display, data, 0, 0 };
	enum hcsc_rc rc = HCSC_OK;
	bool seen_opts = false;
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t at = 0;

		c.line = data + i;
		c.len = nl ? (size_t)(nl - c.line) : len - i;
		c.lineno++;
		while (at < c.len && blank(c.line[at]))
			at++;
		if (at < c.len && c.line[at] == '#') {
			if (parse_line(a, d, &c, at + 1, &seen_opts, out) !=
			    HCSC_OK)
				rc = HCSC_E_INPUT;
		} else if (at < c.len && c.line[at] != '\r') {
			break;
		}
		i += c.len + 1;
	}
	return rc;
}
