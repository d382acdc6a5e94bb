/*
 * strset.h: a set of strings whose cost no input can inflate: a crit-bit
 * tree (D. J. Bernstein's; A. Langley's write-up), so there is no hash to
 * make collide. Adding or finding a key walks at most one node per
 * critical bit and compares the key once with one member: the work is
 * linear in the key's bytes, whatever keys came before (issue 9 item 10,
 * issue 14 item 3). Keys compare as bytes, or with ASCII letters folded
 * (rule: hcsc.ascii-folding). Keys must not contain NUL bytes (node texts and C
 * strings never do). Nodes come from the arena; the keys are borrowed.
 */
#ifndef HCSC_STRSET_H
#define HCSC_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct strset {
	struct arena *a;
	void *root;      /* NULL, a leaf or an inner node */
	bool root_leaf;
	bool fold;       /* compare with 'A'-'Z' as 'a'-'z' */
};

void strset_init(struct strset *s, struct arena *a, bool fold);

/*
 * Add key[0..len) under `id` unless an equal key is there: returns the id
 * of the member equal to the key (`id` itself when it was added).
 */
size_t strset_add(struct strset *s, const char *key, size_t len, size_t id);

/* The id of the member equal to key[0..len), or STRSET_NONE. */
#define STRSET_NONE ((size_t)-1)
size_t strset_find(const struct strset *s, const char *key, size_t len);

#endif
