/*
 * winpath_harness.h: the shared row types and checkers of the
 * test_winpath_*.c tests of winpath (Go's path/filepath on Windows): a
 * path and its answer, a path and a yes/no, Split's directory length, Join
 * elements, and the loops that check a table of them.
 */
#ifndef HCSC_WINPATH_HARNESS_H
#define HCSC_WINPATH_HARNESS_H

#include "winpath.h"
#include "t.h"

#include <stdbool.h>

struct pair {
	const char *in, *want;
};

struct bool_case {
	const char *in;
	bool want;
};

struct split_case {
	const char *path;
	size_t dir_len;
};

struct join_case {
	size_t n;
	const char *elem[4];
	const char *want;
};

#define N(t) (sizeof(t) / sizeof((t)[0]))

static inline void check_pairs(struct arena *a, const struct pair *t,
			       size_t n,
			       char *(*fn)(struct arena *, const char *))
{
	size_t i;

	for (i = 0; i < n; i++)
		CHECK_STR(fn(a, t[i].in), t[i].want);
}

static inline void check_joins(struct arena *a, const struct join_case *t,
			       size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		CHECK_STR(winpath_join(a, t[i].elem, t[i].n), t[i].want);
}

#endif
