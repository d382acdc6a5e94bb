/*
 * check/diff.c: unified diffs (see diff.h). Lines are compared whole,
 * newline included, by hash then bytes. The edit script comes from Myers'
 * "An O(ND) Difference Algorithm" (1986), linear-space variant: find the
 * middle snake, recurse on both halves; common prefixes and suffixes are
 * trimmed first. The output layout follows GNU diffutils' unified format
 * (src/context.c: hunk grouping, number ranges).
 */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"

struct line {
	const char *p;
	size_t len;     /* newline included when present */
	uint64_t hash;
};

struct side {
	struct line *lines;
	size_t n;
	bool *changed;  /* deleted (a) or inserted (b) */
};

struct ctx {
	struct side a, b;
	long *vf, *vb;  /* forward/backward furthest x per diagonal */
	long off;       /* index of diagonal 0 in vf/vb */
};

static void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz);

	if (!p)
		hcsc_oom();
	return p;
}

static uint64_t fnv1a(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void split_lines(struct side *s, const char *p, size_t len)
{
	size_t n = 0, start = 0;

	for (size_t i = 0; i < len; i++)
		n += p[i] == '\n';
	n += len && p[len - 1] != '\n';
	s->lines = xcalloc(n, sizeof(*s->lines));
	s->changed = xcalloc(n, sizeof(*s->changed));
	s->n = n;
	n = 0;
	for (size_t i = 0; i < len; i++) {
		if (p[i] != '\n' && i + 1 < len)
			continue;
		s->lines[n].p = p + start;
		s->lines[n].len = i + 1 - start;
		s->lines[n].hash = fnv1a(p + start, i + 1 - start);
		n++;
		start = i + 1;
	}
}

static bool eq(const struct ctx *c, long i, long j)
{
	const struct line *x = &c->a.lines[i], *y = &c->b.lines[j];

	return x->hash == y->hash && x->len == y->len &&
	       !memcmp(x->p, y->p, x->len);
}

/* Lines of the box in one direction: forward from (a0, b0), or backward
 * from (a1, b1) in reversed coordinates. */
struct box {
	long a0, b0, a1, b1, n, m;
	bool back;
};

static bool box_eq(const struct ctx *c, const struct box *b, long x, long y)
{
	if (b->back)
		return eq(c, b->a1 - 1 - x, b->b1 - 1 - y);
	return eq(c, b->a0 + x, b->b0 + y);
}

/*
 * The furthest-reaching point on diagonal k at cost d, from the (d-1)
 * values in v (NONE: not reached). Moves that would leave the box are not
 * taken, so every point stays inside it. Returns x or NONE.
 */
#define NONE (-1L)
static long step(const struct ctx *c, const struct box *b, long *v, long d,
		 long k)
{
	long x = NONE, y;

	if (d == 0) {
		x = 0;
	} else {
		if (k + 1 <= d - 1 && v[k + 1] != NONE && v[k + 1] - k <= b->m)
			x = v[k + 1];                 /* down: an insertion */
		if (k - 1 >= -(d - 1) && v[k - 1] != NONE &&
		    v[k - 1] + 1 <= b->n && v[k - 1] + 1 > x)
			x = v[k - 1] + 1;             /* right: a deletion */
		if (x == NONE)
			return v[k] = NONE;
	}
	y = x - k;
	while (x < b->n && y < b->m && box_eq(c, b, x, y)) {
		x++;
		y++;
	}
	return v[k] = x;
}

/*
 * A point (*sx, *sy), relative to (a0, b0), on an optimal path through
 * the box, strictly inside it: the middle snake of Myers (1986), section 4b. The box has
 * n, m > 0 and differing first and last lines, so D >= 2; the point found
 * splits it into two smaller boxes.
 */
static void middle(const struct ctx *c, long a0, long a1, long b0, long b1,
		   long *sx, long *sy)
{
	struct box f = { a0, b0, a1, b1, a1 - a0, b1 - b0, false };
	struct box r = f;
	long *vf = c->vf + c->off, *vb = c->vb + c->off;
	long delta = f.n - f.m;
	bool odd = delta & 1;

	r.back = true;
	for (long d = 0;; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x = step(c, &f, vf, d, k), kr = delta - k;

			if (odd && x != NONE && kr >= -(d - 1) && kr <= d - 1 &&
			    vb[kr] != NONE && x + vb[kr] >= f.n) {
				*sx = x;
				*sy = x - k;
				return;
			}
		}
		for (long k = -d; k <= d; k += 2) {
			long x = step(c, &r, vb, d, k), kf = delta - k;

			if (!odd && x != NONE && kf >= -d && kf <= d &&
			    vf[kf] != NONE && x + vf[kf] >= f.n) {
				*sx = f.n - x;
				*sy = f.m - (x - k);
				return;
			}
		}
	}
}

static void compare(struct ctx *c, long a0, long a1, long b0, long b1)
{
	long x, y;

	while (a0 < a1 && b0 < b1 && eq(c, a0, b0)) {
		a0++;
		b0++;
	}
	while (a0 < a1 && b0 < b1 && eq(c, a1 - 1, b1 - 1)) {
		a1--;
		b1--;
	}
	if (a0 == a1 || b0 == b1) {
		for (long i = a0; i < a1; i++)
			c->a.changed[i] = true;
		for (long j = b0; j < b1; j++)
			c->b.changed[j] = true;
		return;
	}
	middle(c, a0, a1, b0, b1, &x, &y);
	compare(c, a0, a0 + x, b0, b0 + y);
	compare(c, a0 + x, a1, b0 + y, b1);
}

/* ---- output ---- */

/*
 * GNU print_unidiff_number_range: "start,count", "start", "start-1,0".
 * (%llu, not %zu: msvcrt's printf lacks `z`.)
 */
static void add_range(struct strbuf *out, size_t start, size_t count)
{
	if (count == 0)
		strbuf_addf(out, "%llu,0", (unsigned long long)start);
	else if (count == 1)
		strbuf_addf(out, "%llu", (unsigned long long)start + 1);
	else
		strbuf_addf(out, "%llu,%llu", (unsigned long long)start + 1,
			    (unsigned long long)count);
}

static void add_line(struct strbuf *out, char mark, const struct line *l)
{
	strbuf_addch(out, mark);
	strbuf_add(out, l->p, l->len);
	if (!l->len || l->p[l->len - 1] != '\n')
		strbuf_addstr(out, "\n\\ No newline at end of file\n");
}

/* Lines a[i..i2) and b[j..j2), a hunk with its context. */
static void add_hunk(struct strbuf *out, const struct ctx *c, size_t i,
		     size_t i2, size_t j, size_t j2)
{
	strbuf_addstr(out, "@@ -");
	add_range(out, i, i2 - i);
	strbuf_addstr(out, " +");
	add_range(out, j, j2 - j);
	strbuf_addstr(out, " @@\n");
	while (i < i2 || j < j2) {
		if (i < i2 && c->a.changed[i]) {
			add_line(out, '-', &c->a.lines[i++]);
		} else if (j < j2 && c->b.changed[j]) {
			add_line(out, '+', &c->b.lines[j++]);
		} else {
			add_line(out, ' ', &c->a.lines[i++]);
			j++;
		}
	}
}

/*
 * From (i, j), both at unchanged lines or a change, find the end of the
 * next hunk: changes separated by at most 2*CONTEXT unchanged lines join.
 * Returns false when no change is left.
 */
static bool next_change(const struct ctx *c, size_t *i, size_t *j)
{
	while (*i < c->a.n || *j < c->b.n) {
		if ((*i < c->a.n && c->a.changed[*i]) ||
		    (*j < c->b.n && c->b.changed[*j]))
			return true;
		(*i)++;
		(*j)++;
	}
	return false;
}

static void skip_change(const struct ctx *c, size_t *i, size_t *j)
{
	while (*i < c->a.n && c->a.changed[*i])
		(*i)++;
	while (*j < c->b.n && c->b.changed[*j])
		(*j)++;
}

/* Unchanged lines from (i, j) up to the next change or the end. */
static size_t common_run(const struct ctx *c, size_t i, size_t j)
{
	size_t k = 0;

	while (i + k < c->a.n && j + k < c->b.n && !c->a.changed[i + k] &&
	       !c->b.changed[j + k])
		k++;
	return k;
}

static void emit(struct strbuf *out, const struct ctx *c)
{
	size_t i = 0, j = 0;

	while (next_change(c, &i, &j)) {
		size_t ctx_before = i < CHECK_DIFF_CONTEXT ? i : CHECK_DIFF_CONTEXT;
		size_t hi = i - ctx_before, hj = j - ctx_before, run;

		for (;;) {
			skip_change(c, &i, &j);
			run = common_run(c, i, j);
			if (run > 2 * CHECK_DIFF_CONTEXT ||
			    (i + run >= c->a.n && j + run >= c->b.n))
				break;
			i += run;
			j += run;
		}
		run = run < CHECK_DIFF_CONTEXT ? run : CHECK_DIFF_CONTEXT;
		add_hunk(out, c, hi, i + run, hj, j + run);
		i += run;
		j += run;
	}
}

bool check_diff(struct strbuf *out, const char *label_a, const char *a,
		size_t alen, const char *label_b, const char *b, size_t blen)
{
	struct ctx c;
	size_t diags;

	if (alen == blen && !memcmp(a, b, alen))
		return false;
	memset(&c, 0, sizeof(c));
	split_lines(&c.a, a, alen);
	split_lines(&c.b, b, blen);
	diags = c.a.n + c.b.n + 3;
	c.off = (long)(c.a.n + c.b.n + 1);
	c.vf = xcalloc(2 * diags, sizeof(*c.vf));
	c.vb = xcalloc(2 * diags, sizeof(*c.vb));
	compare(&c, 0, (long)c.a.n, 0, (long)c.b.n);
	strbuf_addf(out, "--- %s\n+++ %s\n", label_a, label_b);
	emit(out, &c);
	free(c.vf);
	free(c.vb);
	free(c.a.lines);
	free(c.a.changed);
	free(c.b.lines);
	free(c.b.changed);
	return true;
}
