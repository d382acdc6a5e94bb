/*
 * check/glob.c: a small glob matcher (see glob.h). The pattern becomes a
 * list of tokens, matched as a nondeterministic automaton that keeps the
 * set of pattern positions reachable after each character of the name
 * (Thompson's construction). Time is O(pattern x name) and memory
 * O(pattern) whatever the pattern: `*a*a*a*a*b` against a long name costs
 * what `ab` does per position, with no backtracking.
 */
#include "glob.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

enum tok_kind {
	TOK_LIT,  /* one given byte */
	TOK_ONE,  /* `?`: one byte except `/` */
	TOK_SET,  /* `[...]` */
	TOK_STAR, /* `*`: any run without `/` */
	TOK_ANY   /* `**`: any run */
};

struct tok {
	enum tok_kind kind;
	char c;          /* TOK_LIT */
	const char *set; /* TOK_SET: the `[` */
};

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

/* The tokens of p (at most strlen(p) of them); returns their number. */
static size_t compile(const char *p, struct tok *t)
{
	size_t k = 0;

	while (*p) {
		bool hit;
		const char *next;

		if (*p == '*') {
			t[k++].kind = p[1] == '*' ? TOK_ANY : TOK_STAR;
			while (*p == '*') /* a run of two or more is `**` */
				p++;
			continue;
		}
		if (*p == '?') {
			t[k++].kind = TOK_ONE;
			p++;
			continue;
		}
		next = *p == '[' ? match_set(p, 'x', &hit) : NULL;
		if (next) {
			t[k].kind = TOK_SET;
			t[k++].set = p;
			p = next;
			continue;
		}
		t[k].kind = TOK_LIT; /* an unterminated `[` too */
		t[k++].c = *p++;
	}
	return k;
}

/* Stars match the empty run: a live star makes the next position live. */
static void close_over_stars(const struct tok *t, size_t k, bool *live)
{
	for (size_t i = 0; i < k; i++)
		if (live[i] && (t[i].kind == TOK_STAR || t[i].kind == TOK_ANY))
			live[i + 1] = true;
}

/* One character: the positions live after c into next; false if none. */
static bool step(const struct tok *t, size_t k, const bool *live, char c,
		 bool *next)
{
	bool any = false;

	memset(next, 0, k + 1);
	for (size_t i = 0; i < k; i++) {
		bool hit = false;

		if (!live[i])
			continue;
		switch (t[i].kind) {
		case TOK_LIT:
			hit = c == t[i].c;
			break;
		case TOK_ONE:
			hit = c != '/';
			break;
		case TOK_SET:
			match_set(t[i].set, c, &hit);
			break;
		case TOK_STAR:
			next[i] = next[i] || c != '/';
			break;
		case TOK_ANY:
			next[i] = true;
			break;
		}
		if (hit)
			next[i + 1] = true;
	}
	close_over_stars(t, k, next);
	for (size_t i = 0; i <= k && !any; i++)
		any = next[i];
	return any;
}

bool check_glob_match(const char *p, const char *s)
{
	size_t n = strlen(p);
	struct tok *t = malloc((n + 1) * sizeof(*t));
	bool *live = malloc(2 * (n + 1)), *next;
	size_t k;
	bool alive = true, match;

	if (!t || !live)
		hcsc_oom();
	k = compile(p, t);
	next = live + n + 1;
	memset(live, 0, k + 1);
	live[0] = true;
	close_over_stars(t, k, live);
	for (; *s && alive; s++) {
		bool *swap = live;

		alive = step(t, k, live, *s, next);
		live = next;
		next = swap;
	}
	match = alive && live[k];
	free(t);
	free(live < next ? live : next);
	return match;
}
