/*
 * arena.c: a bump allocator over a chain of blocks. Large requests get a
 * block of their own. Nothing is freed before arena_free() or
 * arena_reset().
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 65536
#define ARENA_ALIGN 16

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
	struct arena_block *head;
};

_Noreturn void hcsc_oom(void)
{
	fputs("hcsc: out of memory\n", stderr);
	exit(5);
}

struct arena *arena_new(void)
{
	struct arena *a = calloc(1, sizeof(*a));

	if (!a)
		hcsc_oom();
	return a;
}

void arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	if (!a)
		return;
	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void arena_reset(struct arena *a)
{
	struct arena_block *b, *next, *keep = NULL;

	for (b = a->head; b; b = next) {
		next = b->next;
		if (!keep && b->size == ARENA_BLOCK)
			keep = b;
		else
			free(b);
	}
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
}

static struct arena_block *block_new(size_t size)
{
	struct arena_block *b;

	if (size > SIZE_MAX - sizeof(*b))
		hcsc_oom();
	b = malloc(sizeof(*b) + size);
	if (!b)
		hcsc_oom();
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

/* n bytes, aligned, not zeroed. */
static void *alloc_raw(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < n)
		hcsc_oom();
	if (need > ARENA_BLOCK / 4) {
		/* Big request: its own block, kept behind the current one. */
		struct arena_block *big = block_new(need);

		big->used = need;
		if (b) {
			big->next = b->next;
			b->next = big;
		} else {
			a->head = big;
		}
		return big->data;
	}
	if (!b || b->size - b->used < need) {
		b = block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += need;
	return p;
}

void *arena_alloc_raw(struct arena *a, size_t n)
{
	return alloc_raw(a, n);
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = alloc_raw(a, n);

	memset(p, 0, n);
	return p;
}

void *arena_array(struct arena *a, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		hcsc_oom();
	return arena_alloc(a, n * sz);
}

void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n,
		 size_t sz)
{
	void *p = arena_array(a, new_n, sz);

	if (old && old_n)
		memcpy(p, old, (old_n < new_n ? old_n : new_n) * sz);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		hcsc_oom();
	p = alloc_raw(a, n + 1); /* every byte written below */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	char small[256];
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(small, sizeof(small), fmt, cp);
	va_end(cp);
	if (n < 0)
		hcsc_oom();
	if ((size_t)n < sizeof(small))
		return arena_strndup(a, small, (size_t)n);
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

char *arena_join(struct arena *a, const char *const *parts, size_t n,
		 const char *sep)
{
	size_t total = 1, len = 0, seplen = strlen(sep);
	char *p;

	for (size_t i = 0; i < n; i++)
		total += strlen(parts[i]) + seplen;
	p = arena_alloc(a, total);
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(parts[i]);

		if (i) {
			memcpy(p + len, sep, seplen);
			len += seplen;
		}
		memcpy(p + len, parts[i], k);
		len += k;
	}
	return p;
}
