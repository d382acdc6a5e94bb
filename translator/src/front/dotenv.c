/*
 * front/dotenv.c: compose's KEY=VALUE files (dotenv.h).
 */
#include "dotenv.h"

#include <string.h>

#include "arena.h"
#include "strbuf.h"

static const char *value(struct arena *a, const char *v, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	if (n >= 2 && v[0] == '\'' && memchr(v + 1, '\'', n - 1)) {
		const char *q = memchr(v + 1, '\'', n - 1);

		return arena_strndup(a, v + 1, (size_t)(q - v - 1));
	}
	if (n >= 2 && v[0] == '"') {
		for (size_t i = 1; i < n && v[i] != '"'; i++) {
			if (v[i] == '\\' && i + 1 < n) {
				i++;
				strbuf_addch(&sb, v[i] == 'n' ? '\n' : v[i] == 't' ? '\t' : v[i]);
				continue;
			}
			strbuf_addch(&sb, v[i]);
		}
	} else {
		size_t e = n;

		for (size_t i = 0; i + 1 < n; i++)
			if ((v[i] == ' ' || v[i] == '\t') && v[i + 1] == '#') {
				e = i;
				break;
			}
		while (e && (v[e - 1] == ' ' || v[e - 1] == '\t'))
			e--;
		strbuf_add(&sb, v, e);
	}
	out = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return out;
}

const char *dotenv_parse(struct arena *a, const char *data, size_t len,
			 const char ***out, size_t *n)
{
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - data) : len, e = end;
		const char *line, *eq;
		size_t kn, vlen, skip;

		while (pos < e && (data[pos] == ' ' || data[pos] == '\t'))
			pos++;
		while (e > pos && (data[e - 1] == '\r' || data[e - 1] == ' ' ||
				   data[e - 1] == '\t'))
			e--;
		line = data + pos;
		pos = end + 1;
		if (line == data + e || *line == '#')
			continue;
		if (e - (size_t)(line - data) > 7 && !strncmp(line, "export ", 7))
			line += 7;
		eq = memchr(line, '=', (size_t)(data + e - line));
		if (!eq)
			return arena_printf(a, "unexpected character in variable name "
					       "near %s",
					    arena_strndup(a, line,
							  (size_t)(data + e - line)));
		for (kn = (size_t)(eq - line); kn && (line[kn - 1] == ' ' ||
						      line[kn - 1] == '\t');)
			kn--;
		vlen = (size_t)(data + e - eq - 1);
		skip = strspn(eq + 1, " \t");
		skip = skip < vlen ? skip : vlen;
		*out = arena_grow(a, *out, *n, *n + 1, sizeof(char *));
		(*out)[(*n)++] = arena_printf(a, "%.*s=%s", (int)kn, line,
					      value(a, eq + 1 + skip, vlen - skip));
	}
	return NULL;
}
