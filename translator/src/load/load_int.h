/*
 * load_int.h: what the two syntax front ends (yaml_load.c, json_scan.c)
 * share with load.c: the parse context, node creation under the limits of
 * load.h, the string and duplicate-key checks, and the entry points.
 * Private to src/load/.
 */
#ifndef HCSC_LOAD_INT_H
#define HCSC_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"
#include "node.h"

struct arena;
struct diag_list;

struct load_ctx {
	struct arena *a;
	struct diag_list *d;
	const char *file;
	size_t nodes;  /* nodes made so far (after alias expansion) */
	bool expanded; /* an alias was used: LOAD_MAX_EXPANDED applies */
	bool stop;     /* a fatal error: stop parsing */
};

/* A collected error (past the cap of diag.h only counted). */
void load_error(struct load_ctx *c, struct hcsc_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An error that ends the parse (syntax errors, structural limits). */
void load_fatal(struct load_ctx *c, struct hcsc_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * pos_make(c->file, line, col), inline: every node takes a position, so
 * the loaders' hot path makes no call for it. Must equal pos_make (diag.c).
 */
static inline struct hcsc_pos load_pos(const struct load_ctx *c,
				       unsigned line, unsigned col)
{
	struct hcsc_pos p = { c->file, line, col, 0 };

	return p;
}
/*
 * Line and column of byte `off` of `data` (lines end at LF, CR LF or CR;
 * with `yaml`, also at U+0085, U+2028 and U+2029, as libyaml counts them).
 */
struct hcsc_pos load_offset_pos(const struct load_ctx *c, const char *data,
				size_t len, size_t off, bool yaml);

/*
 * Account for `n` more nodes, the first of them at `pos`. False (after a
 * fatal error naming the limit) when the node limit is passed.
 */
bool load_count(struct load_ctx *c, size_t n, struct hcsc_pos pos);
/* False (after a fatal error) when `depth` is deeper than LOAD_MAX_DEPTH. */
bool load_depth_ok(struct load_ctx *c, unsigned depth, struct hcsc_pos pos);
/* A zeroed node at `pos`, depth-checked and counted; NULL when fatal. */
struct node *load_node_new(struct load_ctx *c, enum node_kind kind,
			   struct hcsc_pos pos, unsigned depth);
/* The same, a NODE_STR holding a NUL-terminated copy of text[0..len). */
struct node *load_scalar_new(struct load_ctx *c, struct hcsc_pos pos,
			     unsigned depth, const char *text, size_t len);

/* Append a child to a sequence (`*cap` is the capacity of n->items). */
void load_seq_push(struct load_ctx *c, struct node *seq, size_t *cap,
		   struct node *item);
void load_map_push(struct load_ctx *c, struct node *map, size_t *cap,
		   struct node *key, struct node *val);

/* String checks (LOAD_MAX_STRING, U+0000): collected errors at the node. */
void load_check_string(struct load_ctx *c, struct node *n);
/* Exact duplicate keys of a finished mapping: collected errors. */
void load_check_keys(struct load_ctx *c, const struct node *map);

/* True for `[-+]?[0-9]+`. */
bool load_is_int(const char *s, size_t len);
/* Fill neg/mag/overflow of an int node from `[-+]?[0-9]+` text. */
void load_set_int(struct node *n, const char *s, size_t len);

/* A short printable rendering of `s` for a message (controls escaped). */
const char *load_show(struct load_ctx *c, const char *s, size_t len);

/* The front ends: *out is the root, or NULL once `stop` was set. */
void load_yaml(struct load_ctx *c, const char *data, size_t len,
	       struct node **out);
void load_json(struct load_ctx *c, const char *data, size_t len,
	       struct node **out);

#endif
