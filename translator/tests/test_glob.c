/*
 * test_glob.c: the --filter glob's cost (issue 9, class 12). The old
 * matcher recursed on every `*`, so `*a*a*a*a*b` against a long name took
 * seconds to minutes; the automaton must answer in a bounded number of
 * steps. Its answers are checked against that old recursive matcher
 * (kept here as the reference) on many short random patterns and names.
 * The semantics themselves are tabled in test_check.c.
 */
#include "t.h"

#include <stdbool.h>
#include <time.h>

#include "check/glob.h"

/* The old recursive matcher (exponential, but right on short inputs). */
static bool ref_set(const char **pp, char c, bool *hit)
{
	const char *p = *pp;
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
		return false;
	*hit = c != '/' && in != neg;
	*pp = q;
	return true;
}

static bool ref_match(const char *p, const char *s)
{
	for (; *p; p++, s++) {
		if (*p == '*') {
			bool any = p[1] == '*';

			while (*p == '*')
				p++;
			for (;; s++) {
				if (ref_match(p, s))
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

			if (!ref_set(&p, *s, &hit)) {
				if (*s != '[')
					return false;
				continue;
			}
			if (!hit)
				return false;
		} else if (*p != *s) {
			return false;
		}
	}
	return !*s;
}

static unsigned long long rng = 0x9e3779b97f4a7c15ull;

static unsigned next_rand(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void random_text(char *buf, size_t max, const char *alphabet)
{
	size_t n = next_rand((unsigned)max), k = strlen(alphabet);

	for (size_t i = 0; i < n; i++)
		buf[i] = alphabet[next_rand((unsigned)k)];
	buf[n] = '\0';
}

static void test_against_reference(void)
{
	char p[12], s[12];
	int wrong = 0;

	for (int i = 0; i < 200000; i++) {
		random_text(p, sizeof(p) - 1, "ab/*?[]!-");
		random_text(s, sizeof(s) - 1, "ab/[]-");
		if (check_glob_match(p, s) != ref_match(p, s) && wrong++ < 5)
			fprintf(stderr, "glob '%s' on '%s': reference says %d\n",
				p, s, ref_match(p, s));
	}
	CHECK_INT(wrong, 0);
}

/* A pattern that made the old matcher backtrack exponentially. */
static void test_pathological(void)
{
	char name[4097], pat[64];
	clock_t t0 = clock();
	double secs;

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	snprintf(pat, sizeof(pat), "*a*a*a*a*a*a*a*a*a*a*b");
	CHECK(!check_glob_match(pat, name));
	CHECK(!check_glob_match("**a**a**a**a**a**a**a**a**b", name));
	name[sizeof(name) - 2] = 'b';
	CHECK(check_glob_match(pat, name));
	memset(name + 100, '/', 1);
	CHECK(!check_glob_match(pat, name));
	CHECK(check_glob_match("**a**a**a**a**a**a**a**a**b", name));
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	if (secs >= 2)
		fprintf(stderr, "pathological globs took %.1f s\n", secs);
	CHECK(secs < 2); /* about a millisecond; the old matcher: hours */
}

int main(void)
{
	test_pathological();
	test_against_reference();
	return t_done();
}
