/*
 * strset.c: the crit-bit tree of strset.h. An inner node holds the
 * first byte and bit at which the keys of its two subtrees differ; the
 * bytes past a key's end read as 0. `leaf` says which children are
 * leaves, so no pointer tagging is needed.
 */
#include "strset.h"

#include "arena.h"

struct cb_leaf {
	const char *key;
	size_t len, id;
};

struct cb_inner {
	void *child[2];
	size_t byte;             /* the critical byte */
	unsigned char otherbits; /* every bit set but the critical one */
	unsigned char leaf;      /* bit d: child[d] is a leaf */
};

void strset_init(struct strset *s, struct arena *a, bool fold)
{
	s->a = a;
	s->root = NULL;
	s->root_leaf = false;
	s->fold = fold;
}

static unsigned char key_byte(const struct strset *s, const char *key,
			      size_t len, size_t i)
{
	unsigned char c;

	if (i >= len)
		return 0;
	c = (unsigned char)key[i];
	return s->fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* 1 when c has the critical bit of `otherbits` set, else 0. */
static int direction(unsigned char c, unsigned char otherbits)
{
	return (1 + (otherbits | c)) >> 8;
}

/* The one leaf whose key can equal key (the root must be set). */
static const struct cb_leaf *best_leaf(const struct strset *s,
				       const char *key, size_t len)
{
	const void *p = s->root;
	bool leaf = s->root_leaf;

	while (!leaf) {
		const struct cb_inner *q = p;
		int d = direction(key_byte(s, key, len, q->byte), q->otherbits);

		leaf = q->leaf >> d & 1;
		p = q->child[d];
	}
	return p;
}

size_t strset_find(const struct strset *s, const char *key, size_t len)
{
	const struct cb_leaf *b;
	size_t max;

	if (!s->root)
		return STRSET_NONE;
	b = best_leaf(s, key, len);
	max = len > b->len ? len : b->len;
	for (size_t i = 0; i < max; i++)
		if (key_byte(s, key, len, i) != key_byte(s, b->key, b->len, i))
			return STRSET_NONE;
	return b->id;
}

/* Where the new inner node goes: the slot and whether it holds a leaf. */
struct cb_slot {
	void **where;
	struct cb_inner *parent; /* NULL: the root */
	int d;
};

static bool slot_is_leaf(const struct strset *s, const struct cb_slot *at)
{
	return at->parent ? at->parent->leaf >> at->d & 1 : s->root_leaf;
}

static void find_slot(struct strset *s, const char *key, size_t len,
		      const struct cb_inner *n, struct cb_slot *at)
{
	at->where = &s->root;
	at->parent = NULL;
	at->d = 0;
	while (!slot_is_leaf(s, at)) {
		struct cb_inner *q = *at->where;

		if (q->byte > n->byte ||
		    (q->byte == n->byte && q->otherbits > n->otherbits))
			break;
		at->parent = q;
		at->d = direction(key_byte(s, key, len, q->byte), q->otherbits);
		at->where = &q->child[at->d];
	}
}

static struct cb_leaf *new_leaf(struct strset *s, const char *key,
				size_t len, size_t id)
{
	struct cb_leaf *leaf = arena_alloc(s->a, sizeof(*leaf));

	leaf->key = key;
	leaf->len = len;
	leaf->id = id;
	return leaf;
}

size_t strset_add(struct strset *s, const char *key, size_t len, size_t id)
{
	const struct cb_leaf *b;
	struct cb_inner *n;
	struct cb_slot at;
	unsigned bits = 0;
	size_t i, max;
	int d;

	if (!s->root) {
		s->root = new_leaf(s, key, len, id);
		s->root_leaf = true;
		return id;
	}
	b = best_leaf(s, key, len);
	max = len > b->len ? len : b->len;
	for (i = 0; i < max && !bits; i++)
		bits = key_byte(s, key, len, i) ^ key_byte(s, b->key, b->len, i);
	if (!bits)
		return b->id;
	bits |= bits >> 1;
	bits |= bits >> 2;
	bits |= bits >> 4;
	n = arena_alloc(s->a, sizeof(*n));
	n->byte = i - 1;
	n->otherbits = (unsigned char)((bits & ~(bits >> 1)) ^ 255);
	d = direction(key_byte(s, b->key, b->len, n->byte), n->otherbits);
	find_slot(s, key, len, n, &at);
	n->child[d] = *at.where;
	n->leaf = (unsigned char)(slot_is_leaf(s, &at) << d | 1 << (1 - d));
	n->child[1 - d] = new_leaf(s, key, len, id);
	*at.where = n;
	if (at.parent)
		at.parent->leaf &= (unsigned char)~(1u << at.d);
	else
		s->root_leaf = false;
	return id;
}
