/*
 * color.c: whether to colour a stream, one rule for every command's
 * --color=WHEN (diagnostics, check's diffs) (rule: hcsc.diag.render).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

bool cli_color(const char *when, bool tty)
{
	if (when && strcmp(when, "auto"))
		return !strcmp(when, "always");
#ifdef _WIN32
	(void)tty; /* consoles show escapes only with VT processing on */
	return false;
#else
	const char *no_color = getenv("NO_COLOR");

	return tty && !(no_color && *no_color);
#endif
}
