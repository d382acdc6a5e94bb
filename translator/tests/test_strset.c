/*
 * test_strset.c: common/strset (the crit-bit set behind duplicate keys,
 * mount destinations and Env merging) against a naive scan, exact and
 * ASCII-folded, on keys that are prefixes of each other, share long
 * prefixes, differ in one bit or only in case; and common/msort against
 * a stable insertion sort on inputs full of ties.
 */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "ascii.h"
#include "msort.h"
#include "strset.h"
#include "t.h"

#define NKEYS 3000

static uint32_t rnd_state = 12345;

static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static bool same(const char *a, const char *b, bool fold)
{
	return fold ? ascii_eqi(a, b) : !strcmp(a, b);
}

/* A key from a small alphabet, so that equal and near keys abound. */
static char *random_key(struct arena *a)
{
	static const char alpha[] = "aAbB\x7f\x80\xff/";
	size_t len = rnd() % 6;
	char *k = arena_alloc(a, len + 1);

	if (rnd() % 4 == 0) /* a long shared prefix, then the variation */
		len = 0;
	for (size_t i = 0; i < len; i++)
		k[i] = alpha[rnd() % (sizeof(alpha) - 1)];
	if (!len && rnd() % 2) {
		char *p = arena_alloc(a, 300);

		memset(p, 'x', 290);
		p[290] = alpha[rnd() % (sizeof(alpha) - 1)];
		return p;
	}
	return k;
}

static void against_scan(bool fold)
{
	struct arena *a = arena_new();
	const char **keys = arena_array(a, NKEYS, sizeof(char *));
	struct strset s;
	size_t bad = 0;

	strset_init(&s, a, fold);
	for (size_t i = 0; i < NKEYS; i++) {
		size_t want = i, got;

		keys[i] = random_key(a);
		for (size_t j = 0; j < i; j++)
			if (same(keys[j], keys[i], fold)) {
				want = j;
				break;
			}
		CHECK_INT(strset_find(&s, keys[i], strlen(keys[i])),
			  want == i ? STRSET_NONE : want);
		got = strset_add(&s, keys[i], strlen(keys[i]), i);
		bad += got != want;
	}
	CHECK_INT(bad, 0);
	arena_free(a);
}

static void edges(void)
{
	struct arena *a = arena_new();
	struct strset s;

	strset_init(&s, a, false);
	CHECK_INT(strset_find(&s, "", 0), STRSET_NONE);
	CHECK_INT(strset_add(&s, "abc", 3, 1), 1);
	CHECK_INT(strset_add(&s, "ab", 2, 2), 2);
	CHECK_INT(strset_add(&s, "", 0, 3), 3);
	CHECK_INT(strset_add(&s, "abcd", 4, 4), 4);
	CHECK_INT(strset_add(&s, "ab", 2, 5), 2);
	CHECK_INT(strset_find(&s, "abc", 3), 1);
	CHECK_INT(strset_find(&s, "abcde", 5), STRSET_NONE);
	CHECK_INT(strset_find(&s, "ABC", 3), STRSET_NONE);
	/* A length shorter than the string: only the prefix counts. */
	CHECK_INT(strset_find(&s, "abcX", 3), 1);
	strset_init(&s, a, true);
	CHECK_INT(strset_add(&s, "Path=x", 4, 0), 0);
	CHECK_INT(strset_find(&s, "PATH", 4), 0);
	CHECK_INT(strset_find(&s, "pAtH=y", 4), 0);
	/* Folding is ASCII only: '[' and '{' are not letters. */
	CHECK_INT(strset_add(&s, "[", 1, 1), 1);
	CHECK_INT(strset_find(&s, "{", 1), STRSET_NONE);
	arena_free(a);
}

static int cmp_mod(const void *ctx, size_t x, size_t y)
{
	const unsigned *v = ctx;

	return (v[x] > v[y]) - (v[x] < v[y]);
}

static void msort_stable(void)
{
	for (size_t n = 0; n < 70; n += 1 + n / 4) {
		unsigned v[70] = { 0 };
		size_t idx[70], tmp[70], want[70];

		for (size_t i = 0; i < n; i++) {
			v[i] = rnd() % 5;
			idx[i] = i;
		}
		for (size_t i = 0; i < n; i++) { /* insertion sort */
			size_t j = i;

			while (j > 0 && v[want[j - 1]] > v[i]) {
				want[j] = want[j - 1];
				j--;
			}
			want[j] = i;
		}
		msort_index(idx, n, tmp, cmp_mod, v);
		CHECK(n == 0 || !memcmp(idx, want, n * sizeof(size_t)));
	}
}

int main(void)
{
	against_scan(false);
	against_scan(true);
	edges();
	msort_stable();
	return t_done();
}
