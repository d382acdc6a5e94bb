/*
 * value.h: typed slots the schema decoder fills. Each slot records whether
 * the input gave the value (`set`; a YAML/JSON null counts as not given)
 * and where (`pos`), so later stages can tell Go's nil from empty and point
 * a diagnostic at the node that supplied a value (rule: hcsc.diag.format).
 */
#ifndef HCSC_MODEL_VALUE_H
#define HCSC_MODEL_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hcsc.h"

struct v_str {
	bool set;
	const char *v; /* "" when not set */
	struct hcsc_pos pos;
};

struct v_bool {
	bool set;
	bool v;
	struct hcsc_pos pos;
};

struct v_int {
	bool set;
	int64_t v;
	struct hcsc_pos pos;
};

struct v_uint {
	bool set;
	uint64_t v;
	struct hcsc_pos pos;
};

/* []string; set with n == 0 is an empty non-nil list. */
struct v_list {
	bool set;
	const char **v;
	struct hcsc_pos *item_pos;
	size_t n;
	struct hcsc_pos pos;
};

/* map[string]string or map[string]struct{} (value NULL), input order. */
struct v_map {
	bool set;
	const char **keys;
	const char **vals;
	struct hcsc_pos *key_pos;
	size_t n;
	struct hcsc_pos pos;
};

/* Every nested struct the decoder fills starts with this header. */
struct v_obj {
	bool set;
	struct hcsc_pos pos;
};

/* A list of nested structs: `items` points at n structs of the schema's size. */
struct v_objlist {
	bool set;
	void *items;
	size_t n;
	struct hcsc_pos pos;
};

/* A Go [2]uint: ConsoleSize [height, width]. */
struct v_console {
	bool set;
	uint64_t height, width;
	struct hcsc_pos pos;
};

/* A raw subtree, for values whose checks need more than a slot holds. */
struct node;
struct v_node {
	bool set;
	const struct node *n;
	struct hcsc_pos pos;
};

#endif
