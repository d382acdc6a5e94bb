/*
 * front/dotenv.h: the `.env` file beside a Compose file and its
 * `env_file:` files, in the subset of compose-go's dotenv format hcsc
 * reads: `KEY=VALUE` lines, optional `export `, `#` comments, blank
 * lines, values in single quotes (verbatim), double quotes (`\n`, `\"`,
 * `\\` escapes) or bare (trailing spaces and an inline ` #` comment
 * dropped). A line without `=` is an error naming the line. (compose-go's
 * interpolation inside .env values and multi-line values are not read:
 * documented in README.)
 */
#ifndef HCSC_FRONT_DOTENV_H
#define HCSC_FRONT_DOTENV_H

#include <stddef.h>

struct arena;

/* Appends KEY=VALUE strings to *out / *n; NULL or the error text. */
const char *dotenv_parse(struct arena *a, const char *data, size_t len,
			 const char ***out, size_t *n);

#endif
