/*
 * node.h: the positioned node tree every input becomes (descriptions, host
 * profiles, OCI specs, runtime sidecars), whatever its syntax. YAML comes
 * through libyaml, JSON through our positioned scanner
 * (rule: hcsc.input.json-scanner); both yield this tree, allocated from the caller's arena.
 *
 * Scalars are typed by the YAML 1.2 core schema as refined by rule: hcsc.input.scalars:
 *   null    `null` `Null` `NULL` `~` or empty (plain only)
 *   bool    `true|True|TRUE|false|False|FALSE` (plain only)
 *   int     `[-+]?[0-9]+` (plain only; decimal; kept as sign + magnitude)
 *   string  everything else, and every quoted scalar
 * JSON maps onto the same kinds (`null`, `true`, numbers without fraction or
 * exponent are ints; a JSON number with a fraction or exponent is a
 * NODE_STR with `number` set, so a typed field can reject it precisely).
 *
 * Keys of a NODE_MAP are kept in document order; exact duplicate keys were
 * rejected by the loader. Strings never contain a NUL byte (the loader
 * rejects U+0000) and are valid UTF-8 (invalid input is rejected).
 */
#ifndef HCSC_NODE_H
#define HCSC_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hcsc.h"

enum node_kind {
	NODE_NULL,
	NODE_BOOL,
	NODE_INT,
	NODE_STR,
	NODE_SEQ,
	NODE_MAP
};

struct node;

struct node_pair {
	struct node *key; /* always NODE_STR (a YAML plain key keeps its text) */
	struct node *val;
};

struct node {
	enum node_kind kind;
	struct hcsc_pos pos; /* where the node starts */
	/*
	 * Scalar text: the decoded string for NODE_STR, the literal for
	 * NODE_INT/NODE_BOOL/NODE_NULL ("" for an empty plain null).
	 */
	const char *text;
	size_t len;
	bool plain;  /* YAML plain scalar (unquoted); false for JSON strings */
	bool number; /* JSON number that is not an integer (kept as text) */
	bool b;      /* NODE_BOOL value */
	/* NODE_INT: value = neg ? -mag : mag; `overflow` if mag > UINT64_MAX. */
	bool neg, overflow;
	uint64_t mag;
	/* NODE_SEQ */
	struct node **items;
	/* NODE_MAP */
	struct node_pair *pairs;
	size_t n; /* number of items or pairs */
};

/* Map lookup by exact key; NULL when absent. */
struct node *node_get(const struct node *map, const char *key);
/* Map lookup, ASCII case-insensitive; the first match. */
struct node *node_get_ci(const struct node *map, const char *key);
const char *node_kind_name(enum node_kind k);

#endif
