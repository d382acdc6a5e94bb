/*
 * escape_arg.c: mirrors golang.org/x/sys/windows EscapeArg (exec_windows.go,
 * identical to Go's src/syscall/exec_windows.go EscapeArg) and moby's
 * escapeArgs (daemon/oci_windows.go; pkg/system EscapeArgs in 19.03).
 *
 * The rule (rule: process.escape-arg; Go syscall.EscapeArg): "" becomes two double quotes; a string
 * with no space, tab, '"' or '\' is returned as is; otherwise each '"' is
 * written as '\"' after doubling the run of backslashes before it, and when
 * the string has a space or tab it is wrapped in '"' with a trailing run of
 * backslashes doubled. Bytes are copied as they are, so UTF-8 passes through.
 */
#include "escape_arg.h"

#include <string.h>

/* Length of the escaped form; *quote says whether it gets wrapped. */
static size_t escaped_len(const char *s, int *quote)
{
	size_t n = 0, slashes = 0;

	*quote = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t')
			*quote = 1;
		if (*s == '\\') {
			slashes++;
		} else {
			if (*s == '"')
				n += slashes + 1;
			slashes = 0;
		}
		n++;
	}
	if (*quote)
		n += slashes + 2;
	return n;
}

static char *escape_into(char *out, const char *s, int quote)
{
	size_t slashes = 0;

	if (quote)
		*out++ = '"';
	for (; *s; s++) {
		if (*s == '\\') {
			slashes++;
		} else {
			if (*s == '"') {
				memset(out, '\\', slashes + 1);
				out += slashes + 1;
			}
			slashes = 0;
		}
		*out++ = *s;
	}
	if (quote) {
		memset(out, '\\', slashes);
		out += slashes;
		*out++ = '"';
	}
	return out;
}

char *escape_arg(struct arena *a, const char *s)
{
	int quote;
	size_t n;
	char *out, *end;

	if (!*s)
		return arena_strdup(a, "\"\"");
	n = escaped_len(s, &quote);
	out = arena_alloc(a, n + 1);
	end = escape_into(out, s, quote);
	*end = '\0';
	return out;
}

char *escape_args(struct arena *a, const char *const *args, size_t n)
{
	char **parts;
	size_t i, total = 0;
	char *out, *p;

	if (!n)
		return arena_strdup(a, "");
	parts = arena_array(a, n, sizeof(*parts));
	for (i = 0; i < n; i++) {
		parts[i] = escape_arg(a, args[i]);
		total += strlen(parts[i]) + 1;
	}
	out = p = arena_alloc(a, total);
	for (i = 0; i < n; i++) {
		size_t len = strlen(parts[i]);

		if (i)
			*p++ = ' ';
		memcpy(p, parts[i], len);
		p += len;
	}
	*p = '\0';
	return out;
}
