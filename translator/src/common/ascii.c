/*
 * ascii.c: ASCII case folding and prefix tests.
 */
#include "ascii.h"

#include <string.h>

#include "arena.h"

int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)ascii_lower(a[i]);
		unsigned char y = (unsigned char)ascii_lower(b[i]);

		if (x != y)
			return x < y ? -1 : 1;
		if (!x)
			return 0;
	}
	return 0;
}

int ascii_casecmp(const char *a, const char *b)
{
	return ascii_ncasecmp(a, b, (size_t)-1);
}

bool ascii_eqi(const char *a, const char *b)
{
	for (;; a++, b++) {
		char x = ascii_lower(*a);

		if (x != ascii_lower(*b))
			return false;
		if (!x)
			return true;
	}
}

bool ascii_prefixi(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strlen(s) >= n && ascii_ncasecmp(s, prefix, n) == 0;
}

bool str_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

char *ascii_lowercase(struct arena *a, const char *s)
{
	char *p = arena_strdup(a, s);

	for (char *q = p; *q; q++)
		*q = ascii_lower(*q);
	return p;
}
