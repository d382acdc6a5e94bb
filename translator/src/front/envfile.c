/*
 * front/envfile.c: docker/cli's key=value files and the client
 * environment stand-in (envfile.h).
 */
#include "envfile.h"

#include <string.h>

#include "arena.h"
#include "strbuf.h"
#include "utf8.h"

const char *client_env_get(const struct client_env *e, const char *key,
			   size_t keylen)
{
	const char *found = NULL;

	for (size_t i = 0; e && i < e->n; i++)
		if (!strncmp(e->kv[i], key, keylen) && e->kv[i][keylen] == '=')
			found = e->kv[i] + keylen + 1;
	return found;
}

/* A []byte as Go's %v prints it: [104 105 255]. */
static const char *go_bytes(struct arena *a, const char *p, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	strbuf_addch(&sb, '[');
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%u", i ? " " : "", (unsigned char)p[i]);
	strbuf_addch(&sb, ']');
	out = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return out;
}

static void append(struct arena *a, const char ***out, size_t *n,
		   const char *s)
{
	*out = arena_grow(a, *out, *n, *n + 1, sizeof(char *));
	(*out)[(*n)++] = s;
}

/* Go's unicode.IsSpace on ASCII, plus U+0085 and U+00A0 left alone. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

static const char *one_line(struct arena *a, const char *line,
			    const struct client_env *lookup, const char ***out,
			    size_t *n)
{
	const char *eq = strchr(line, '=');
	size_t kn = eq ? (size_t)(eq - line) : strlen(line);
	const char *v;

	if (!kn)
		return arena_printf(a, "no variable name on line '%s'", line);
	for (size_t i = 0; i < kn; i++)
		if (line[i] == ' ' || line[i] == '\t')
			return arena_printf(a, "variable '%.*s' contains whitespaces",
					    (int)kn, line);
	if (eq) {
		append(a, out, n, line);
		return NULL;
	}
	if (lookup && (v = client_env_get(lookup, line, kn)) != NULL)
		append(a, out, n, arena_printf(a, "%s=%s", line, v));
	return NULL;
}

const char *envfile_parse(struct arena *a, const char *name, const char *data,
			  size_t len, const struct client_env *lookup,
			  const char ***out, size_t *n)
{
	size_t pos = 0;
	unsigned lineno = 0;

	while (pos < len) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - data) : len, e = end;
		const char *line, *err;

		lineno++;
		if (e > pos && data[e - 1] == '\r')
			e--; /* bufio.ScanLines drops a final \r */
		if (utf8_invalid_at((const unsigned char *)data + pos, e - pos) !=
		    e - pos)
			return arena_printf(a, "invalid env file (%s): invalid utf8 "
					       "bytes at line %u: %s",
					    name, lineno,
					    go_bytes(a, data + pos, e - pos));
		if (lineno == 1 && e - pos >= 3 && !memcmp(data + pos, "\xef\xbb\xbf", 3))
			pos += 3;
		while (pos < e && is_space(data[pos]))
			pos++;
		line = arena_strndup(a, data + pos, e - pos);
		pos = end + 1;
		if (!*line || *line == '#')
			continue;
		if ((err = one_line(a, line, lookup, out, n)) != NULL)
			return arena_printf(a, "invalid env file (%s): %s", name, err);
	}
	return NULL;
}
