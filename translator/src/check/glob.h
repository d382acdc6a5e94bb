/*
 * check/glob.h: the `--filter GLOB` matcher over case paths (no fnmatch:
 * it is POSIX-only). `*` matches any run of characters except `/`, `**`
 * any run including `/`, `?` one character except `/`, `[...]` one
 * character of a set (`[!...]` or `[^...]` negates, `a-z` ranges, a `]`
 * first is literal; never `/`); every other character, `/` included,
 * matches itself. An unterminated `[` is a literal `[`. Bytes, not code
 * points: a `?` matches one byte.
 */
#ifndef HCSC_CHECK_GLOB_H
#define HCSC_CHECK_GLOB_H

#include <stdbool.h>

bool check_glob_match(const char *pattern, const char *s);

#endif
