/*
 * front/shellwords.h: mattn/go-shellwords v1.0.12 Parse, as compose-go
 * splits a string `command` or `entrypoint`: spaces separate words,
 * quotes group, `\` escapes the next character outside single quotes
 * (so `C:\app\run.ps1` becomes `C:apprun.ps1`), an unquoted `;` `&` `|`
 * `<` `>` ends the command (the rest is dropped), `(` is an error unless
 * after `$`. Errors: `invalid command line string`.
 */
#ifndef HCSC_FRONT_SHELLWORDS_H
#define HCSC_FRONT_SHELLWORDS_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct shellwords {
	const char **v;
	size_t n;
	bool truncated; /* an operator ended the command early */
	bool escaped;   /* a backslash escape dropped a `\` */
};

/* NULL and *out set, or the error text. */
const char *shellwords_parse(struct arena *a, const char *line,
			     struct shellwords *out);

#endif
