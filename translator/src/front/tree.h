/*
 * front/tree.h: building a description as a positioned node tree (the
 * same tree the loader makes from a file), so a description that comes
 * from `docker run` flags or a Compose service goes through the same
 * decoder, rules, checks and messages as a file. And printing such a tree
 * back as YAML (`--print-description`) that loads to the same tree.
 *
 * Every node is arena-owned. A position whose column is 0 is not in a
 * file: its `file` names the command-line word (`argv[7] (--cpus 0.001)`)
 * and diagnostics print it alone (cli/diag_print.c).
 */
#ifndef HCSC_FRONT_TREE_H
#define HCSC_FRONT_TREE_H

#include <stdbool.h>
#include <stdint.h>

#include "hcsc.h"
#include "load/node.h"

struct arena;
struct strbuf;

struct node *tree_map(struct arena *a, struct hcsc_pos pos);
struct node *tree_seq(struct arena *a, struct hcsc_pos pos);
struct node *tree_str(struct arena *a, struct hcsc_pos pos, const char *s);
struct node *tree_int(struct arena *a, struct hcsc_pos pos, int64_t v);
struct node *tree_uint(struct arena *a, struct hcsc_pos pos, uint64_t v);
struct node *tree_bool(struct arena *a, struct hcsc_pos pos, bool v);

/* Set map[key] = val (replacing an existing key, else appending). */
void tree_put(struct arena *a, struct node *map, const char *key,
	      struct node *val);
/* map[key] as a map, created (at `pos`) when absent. */
struct node *tree_child(struct arena *a, struct node *map, const char *key,
			struct hcsc_pos pos);
/* Append to a sequence. */
void tree_push(struct arena *a, struct node *seq, struct node *item);

/* The tree as YAML text that loads back to the same kinds and values. */
void tree_print_yaml(struct strbuf *out, const struct node *root);

#endif
