/*
 * node.c: lookups in a loaded node tree and the kinds' names for messages.
 * Case-insensitive lookup is ASCII folding only (rule: hcsc.ascii-folding).
 */
#include "node.h"

#include <string.h>

#include "ascii.h"

static bool key_eq(const struct node *k, const char *key, size_t len)
{
	return k->len == len && !memcmp(k->text, key, len);
}

static bool key_eqi(const struct node *k, const char *key, size_t len)
{
	if (k->len != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (ascii_lower(k->text[i]) != ascii_lower(key[i]))
			return false;
	return true;
}

struct node *node_get(const struct node *map, const char *key)
{
	size_t len;

	if (!map || map->kind != NODE_MAP || !key)
		return NULL;
	len = strlen(key);
	for (size_t i = 0; i < map->n; i++)
		if (key_eq(map->pairs[i].key, key, len))
			return map->pairs[i].val;
	return NULL;
}

struct node *node_get_ci(const struct node *map, const char *key)
{
	size_t len;

	if (!map || map->kind != NODE_MAP || !key)
		return NULL;
	len = strlen(key);
	for (size_t i = 0; i < map->n; i++)
		if (key_eqi(map->pairs[i].key, key, len))
			return map->pairs[i].val;
	return NULL;
}

const char *node_kind_name(enum node_kind k)
{
	switch (k) {
	case NODE_NULL:
		return "null";
	case NODE_BOOL:
		return "boolean";
	case NODE_INT:
		return "integer";
	case NODE_STR:
		return "string";
	case NODE_SEQ:
		return "sequence";
	case NODE_MAP:
		return "mapping";
	}
	return "unknown";
}
