/*
 * front/tree.c: node trees built in memory (front ends), and their YAML
 * printing for `--print-description` (tree.h).
 */
#include "tree.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"

static struct node *node_new(struct arena *a, enum node_kind k,
			     struct hcsc_pos pos, const char *text)
{
	struct node *n = arena_alloc(a, sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->kind = k;
	n->pos = pos;
	n->text = text;
	n->len = strlen(text);
	return n;
}

struct node *tree_map(struct arena *a, struct hcsc_pos pos)
{
	return node_new(a, NODE_MAP, pos, "");
}

struct node *tree_seq(struct arena *a, struct hcsc_pos pos)
{
	return node_new(a, NODE_SEQ, pos, "");
}

struct node *tree_str(struct arena *a, struct hcsc_pos pos, const char *s)
{
	return node_new(a, NODE_STR, pos, arena_strdup(a, s));
}

struct node *tree_uint(struct arena *a, struct hcsc_pos pos, uint64_t v)
{
	struct node *n = node_new(a, NODE_INT, pos,
				  arena_printf(a, "%llu", (unsigned long long)v));

	n->plain = true;
	n->mag = v;
	return n;
}

struct node *tree_int(struct arena *a, struct hcsc_pos pos, int64_t v)
{
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	struct node *n = tree_uint(a, pos, mag);

	if (v < 0) {
		n->neg = true;
		n->text = arena_printf(a, "-%llu", (unsigned long long)mag);
		n->len = strlen(n->text);
	}
	return n;
}

struct node *tree_bool(struct arena *a, struct hcsc_pos pos, bool v)
{
	struct node *n = node_new(a, NODE_BOOL, pos, v ? "true" : "false");

	n->plain = true;
	n->b = v;
	return n;
}

void tree_put(struct arena *a, struct node *map, const char *key,
	      struct node *val)
{
	struct node *k;

	for (size_t i = 0; i < map->n; i++) {
		if (!strcmp(map->pairs[i].key->text, key)) {
			map->pairs[i].val = val;
			return;
		}
	}
	k = tree_str(a, val->pos, key);
	k->plain = true;
	map->pairs = arena_grow(a, map->pairs, map->n, map->n + 1,
				sizeof(*map->pairs));
	map->pairs[map->n].key = k;
	map->pairs[map->n].val = val;
	map->n++;
}

struct node *tree_child(struct arena *a, struct node *map, const char *key,
			struct hcsc_pos pos)
{
	struct node *c = node_get(map, key);

	if (c && c->kind == NODE_MAP)
		return c;
	c = tree_map(a, pos);
	tree_put(a, map, key, c);
	return c;
}

void tree_push(struct arena *a, struct node *seq, struct node *item)
{
	seq->items = arena_grow(a, seq->items, seq->n, seq->n + 1,
				sizeof(*seq->items));
	seq->items[seq->n++] = item;
}

/* ---- YAML ---- */

/* A string needs double quotes (escapes) when it holds a control byte. */
static bool needs_escapes(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

static void print_string(struct strbuf *out, const char *s)
{
	if (!needs_escapes(s)) {
		strbuf_addch(out, '\'');
		for (; *s; s++) {
			if (*s == '\'')
				strbuf_addch(out, '\'');
			strbuf_addch(out, *s);
		}
		strbuf_addch(out, '\'');
		return;
	}
	strbuf_addch(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			strbuf_addf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			strbuf_addf(out, "\\x%02x", c);
		else
			strbuf_addch(out, (char)c);
	}
	strbuf_addch(out, '"');
}

/* A map key: plain when it is a simple word, else quoted. */
static void print_key(struct strbuf *out, const char *k)
{
	bool plain = *k != '\0';

	for (const char *p = k; *p && plain; p++)
		plain = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			(*p >= '0' && *p <= '9' && p != k) || *p == '_';
	if (plain)
		strbuf_addstr(out, k);
	else
		print_string(out, k);
}

static void indent(struct strbuf *out, unsigned depth)
{
	for (unsigned i = 0; i < depth; i++)
		strbuf_addstr(out, "  ");
}

static void print_node(struct strbuf *out, const struct node *n,
		       unsigned depth);

static bool is_block(const struct node *n)
{
	return (n->kind == NODE_MAP || n->kind == NODE_SEQ) && n->n;
}

static void print_scalar(struct strbuf *out, const struct node *n)
{
	switch (n->kind) {
	case NODE_STR:
		print_string(out, n->text);
		break;
	case NODE_MAP:
		strbuf_addstr(out, "{}");
		break;
	case NODE_SEQ:
		strbuf_addstr(out, "[]");
		break;
	case NODE_NULL:
		strbuf_addstr(out, "null");
		break;
	default:
		strbuf_addstr(out, n->text);
	}
}

static void print_node(struct strbuf *out, const struct node *n,
		       unsigned depth)
{
	for (size_t i = 0; n->kind == NODE_MAP && i < n->n; i++) {
		const struct node *v = n->pairs[i].val;

		indent(out, depth);
		print_key(out, n->pairs[i].key->text);
		strbuf_addch(out, ':');
		if (is_block(v)) {
			strbuf_addch(out, '\n');
			print_node(out, v, depth + 1);
			continue;
		}
		strbuf_addch(out, ' ');
		print_scalar(out, v);
		strbuf_addch(out, '\n');
	}
	for (size_t i = 0; n->kind == NODE_SEQ && i < n->n; i++) {
		const struct node *v = n->items[i];

		indent(out, depth);
		strbuf_addstr(out, "-");
		if (is_block(v)) {
			strbuf_addch(out, '\n');
			print_node(out, v, depth + 1);
			continue;
		}
		strbuf_addch(out, ' ');
		print_scalar(out, v);
		strbuf_addch(out, '\n');
	}
}

void tree_print_yaml(struct strbuf *out, const struct node *root)
{
	if (is_block(root)) {
		print_node(out, root, 0);
		return;
	}
	print_scalar(out, root);
	strbuf_addch(out, '\n');
}
