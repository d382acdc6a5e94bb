/*
 * check/glob.c: a small glob matcher (see glob.h), recursive on `*`.
 * Patterns come from the command line and case paths are short, so the
 * backtracking stays cheap; a `*` run is collapsed first.
 */
#include "glob.h"

#include <stddef.h>

/*
 * Match one `[...]` set at p (p[0] == '['). Returns the pattern position
 * after the set and sets *hit, or NULL when the set is unterminated.
 */
static const char *match_set(const char *p, char c, bool *hit)
{
	bool neg = false, in = false;
	const char *q = p + 1;

	if (*q == '!' || *q == '^') {
		neg = true;
		q++;
	}
	for (bool first = true; *q && (first || *q != ']'); first = false) {
		char lo = *q, hi = *q;

		if (q[1] == '-' && q[2] && q[2] != ']') {
			hi = q[2];
			q += 3;
		} else {
			q++;
		}
		if ((unsigned char)c >= (unsigned char)lo &&
		    (unsigned char)c <= (unsigned char)hi)
			in = true;
	}
	if (*q != ']')
		return NULL;
	*hit = c != '/' && in != neg;
	return q + 1;
}

bool check_glob_match(const char *p, const char *s)
{
	for (; *p; p++, s++) {
		if (*p == '*') {
			bool any = p[1] == '*';

			while (*p == '*')
				p++;
			for (;; s++) {
				if (check_glob_match(p, s))
					return true;
				if (!*s || (!any && *s == '/'))
					return false;
			}
		}
		if (!*s)
			return false;
		if (*p == '?') {
			if (*s == '/')
				return false;
		} else if (*p == '[') {
			bool hit = false;
			const char *next = match_set(p, *s, &hit);

			if (!next) {
				if (*s != '[')
					return false;
				continue;
			}
			if (!hit)
				return false;
			p = next - 1;
		} else if (*p != *s) {
			return false;
		}
	}
	return !*s;
}
