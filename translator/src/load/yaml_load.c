/*
 * yaml_load.c: YAML through libyaml's event API (yaml_parser_parse) into a
 * node tree. The event API keeps aliases unresolved, so anchors, alias
 * expansion, their limits and cycles are ours
 * (rule: hcsc.input.limits; the guards follow go-yaml v3 decode.go in spirit). libyaml marks
 * are 0-based and count characters (yaml/libyaml: src/scanner.c, SKIP),
 * so line + 1 and column + 1 are our 1-based code point positions.
 * Scalars are typed by rule: hcsc.input.scalars.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <yaml.h>

#include "arena.h"
#include "load.h"
#include "load_int.h"

#define YAML_TAG_PREFIX "tag:yaml.org,2002:"

struct yl_frame {
	struct node *node; /* the open NODE_SEQ or NODE_MAP */
	size_t cap;        /* capacity of its items or pairs */
	struct node *key;  /* NODE_MAP: a key waiting for its value */
	size_t anchor;     /* index in yl.anchors, or SIZE_MAX */
	size_t nodes0;     /* node count before this node */
};

struct yl_anchor {
	const char *name;
	struct node *node; /* NULL while the anchored node is still open */
	size_t size;       /* nodes in the anchored subtree */
};

struct yl {
	struct load_ctx *c;
	const char *data;
	size_t len;
	unsigned depth; /* open containers */
	struct yl_anchor *anchors;
	size_t nanchors, aanchors;
	size_t aliases;
	unsigned docs;
	struct node *root;
	/* Last: not zeroed at the start, on_open() fills a frame it opens. */
	struct yl_frame stack[LOAD_MAX_DEPTH];
};

static struct hcsc_pos mark_pos(const struct yl *y, yaml_mark_t m)
{
	unsigned line = m.line < UINT32_MAX ? (unsigned)m.line + 1 : UINT32_MAX;
	unsigned col =
		m.column < UINT32_MAX ? (unsigned)m.column + 1 : UINT32_MAX;

	return load_pos(y->c, line, col);
}

/* `!!int` for the YAML core tags, the tag itself otherwise. */
static const char *show_tag(struct yl *y, const char *tag)
{
	size_t n = strlen(YAML_TAG_PREFIX);

	if (!strncmp(tag, YAML_TAG_PREFIX, n))
		return arena_printf(y->c->a, "!!%s",
				    load_show(y->c, tag + n, strlen(tag + n)));
	return load_show(y->c, tag, strlen(tag));
}

/* True when a scalar's tag is `!!str`; other tags are errors. */
static bool check_tag(struct yl *y, const yaml_char_t *tag, bool scalar,
		      struct hcsc_pos pos)
{
	if (!tag)
		return false;
	if (scalar && !strcmp((const char *)tag, YAML_STR_TAG))
		return true;
	load_error(y->c, pos, "unsupported tag '%s' (only '!!str' on a scalar is allowed)",
		   show_tag(y, (const char *)tag));
	return false;
}

/* ---- anchors ---- */

static size_t anchor_add(struct yl *y, const yaml_char_t *name,
			 struct node *n, size_t size)
{
	if (y->nanchors == y->aanchors) {
		size_t na = y->aanchors ? y->aanchors * 2 : 8;

		y->anchors = arena_grow(y->c->a, y->anchors, y->nanchors, na,
					sizeof(*y->anchors));
		y->aanchors = na;
	}
	y->anchors[y->nanchors].name =
		arena_strdup(y->c->a, (const char *)name);
	y->anchors[y->nanchors].node = n;
	y->anchors[y->nanchors].size = size;
	return y->nanchors++;
}

/* The latest anchor of that name (YAML: an alias names the last one). */
static struct yl_anchor *anchor_find(struct yl *y, const char *name)
{
	for (size_t i = y->nanchors; i-- > 0;)
		if (!strcmp(y->anchors[i].name, name))
			return &y->anchors[i];
	return NULL;
}

/* ---- attaching nodes to their parent ---- */

static bool is_scalar(const struct node *n)
{
	return n->kind != NODE_SEQ && n->kind != NODE_MAP;
}

/* A mapping key keeps its text as a NODE_STR (node.h). */
static struct node *as_key(struct yl *y, struct node *n)
{
	struct node *k;

	if (n->kind == NODE_STR)
		return n;
	k = arena_alloc(y->c->a, sizeof(*k));
	*k = *n;
	k->kind = NODE_STR;
	k->b = k->neg = k->overflow = false;
	k->mag = 0;
	return k;
}

static void attach(struct yl *y, struct node *n)
{
	struct yl_frame *f;

	if (!y->depth) {
		y->root = n;
		return;
	}
	f = &y->stack[y->depth - 1];
	if (f->node->kind == NODE_SEQ) {
		load_seq_push(y->c, f->node, &f->cap, n);
	} else if (f->key) {
		load_map_push(y->c, f->node, &f->cap, f->key, n);
		f->key = NULL;
	} else if (is_scalar(n)) {
		f->key = as_key(y, n);
	} else {
		load_fatal(y->c, n->pos,
			   "mapping keys must be scalars (found a %s)",
			   node_kind_name(n->kind));
	}
}

/* ---- events ---- */

static bool text_is(const struct node *n, const char *const *words)
{
	/* n->text is NUL-terminated: its first byte is always readable. */
	for (; *words; words++)
		if ((*words)[0] == n->text[0] && strlen(*words) == n->len &&
		    !memcmp(*words, n->text, n->len))
			return true;
	return false;
}

/*
 * True when a plain scalar may be other than a string: every null, bool and
 * int form below starts with one of these bytes (or is empty). Most plain
 * scalars (keys, words, paths) are ruled out by their first byte.
 */
static bool may_resolve(const struct node *n)
{
	switch (n->text[0]) { /* NUL-terminated: "" reads as '\0' */
	case '\0': case '~': case 'n': case 'N': case 't': case 'T':
	case 'f': case 'F': case '-': case '+':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return true;
	default:
		return false;
	}
}

/* rule: hcsc.input.scalars: the core schema's null, bool and decimal int forms. */
static void resolve_plain(struct node *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL",
					     NULL };
	static const char *const trues[] = { "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "false", "False", "FALSE", NULL };
	bool word = n->len <= 5; /* the longest word above: no lookup past it */

	if (!may_resolve(n))
		return;
	if (word && text_is(n, nulls)) {
		n->kind = NODE_NULL;
	} else if (word && (text_is(n, trues) || text_is(n, falses))) {
		n->kind = NODE_BOOL;
		n->b = n->text[0] == 't' || n->text[0] == 'T';
	} else if (load_is_int(n->text, n->len)) {
		n->kind = NODE_INT;
		load_set_int(n, n->text, n->len);
	}
}

/*
 * Whether load_check_string() can find anything: a string over the length
 * limit, or one holding U+0000, which only a double-quoted escape (\0,
 * \x00, \u0000) can make: libyaml's reader rejects a raw U+0000 in the
 * input ("control characters are not allowed") before a scalar holds it.
 */
static bool needs_string_check(const yaml_event_t *ev)
{
	return ev->data.scalar.length > LOAD_MAX_STRING ||
	       ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
}

static void on_scalar(struct yl *y, const yaml_event_t *ev)
{
	struct hcsc_pos pos = mark_pos(y, ev->start_mark);
	bool force_str;
	struct node *n;

	n = load_scalar_new(y->c, pos, y->depth + 1,
			    (const char *)ev->data.scalar.value,
			    ev->data.scalar.length);
	if (!n)
		return;
	/* Most scalars carry no tag: no call (check_tag() says false for NULL). */
	force_str = ev->data.scalar.tag &&
		    check_tag(y, ev->data.scalar.tag, true, pos);
	if (ev->end_mark.line == ev->start_mark.line &&
	    ev->end_mark.column > ev->start_mark.column &&
	    ev->end_mark.column - ev->start_mark.column < UINT32_MAX)
		n->pos.len = (unsigned)(ev->end_mark.column -
					ev->start_mark.column);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (n->plain && !force_str)
		resolve_plain(n);
	if (n->kind == NODE_STR && needs_string_check(ev))
		load_check_string(y->c, n);
	if (ev->data.scalar.anchor)
		anchor_add(y, ev->data.scalar.anchor, n, 1);
	attach(y, n);
}

static void on_open(struct yl *y, const yaml_event_t *ev, enum node_kind kind)
{
	struct hcsc_pos pos = mark_pos(y, ev->start_mark);
	const yaml_char_t *anchor, *tag;
	size_t nodes0 = y->c->nodes;
	struct yl_frame *f;
	struct node *n;

	if (kind == NODE_MAP) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	} else {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	}
	n = load_node_new(y->c, kind, pos, y->depth + 1);
	if (!n)
		return;
	if (tag)
		check_tag(y, tag, false, pos);
	attach(y, n);
	if (y->c->stop)
		return;
	/* load_node_new() checked depth + 1 <= LOAD_MAX_DEPTH: room here. */
	f = &y->stack[y->depth++];
	f->node = n;
	f->cap = 0;
	f->key = NULL;
	f->anchor = anchor ? anchor_add(y, anchor, NULL, 0) : SIZE_MAX;
	f->nodes0 = nodes0;
}

static void on_close(struct yl *y)
{
	struct yl_frame *f = &y->stack[--y->depth];

	if (f->node->kind == NODE_MAP)
		load_check_keys(y->c, f->node);
	if (f->anchor != SIZE_MAX) {
		y->anchors[f->anchor].node = f->node;
		y->anchors[f->anchor].size = y->c->nodes - f->nodes0;
	}
}

/* A deep copy of an anchored subtree placed at `depth` (<= 64 levels). */
static struct node *copy_tree(struct yl *y, const struct node *src,
			      unsigned depth, struct hcsc_pos at)
{
	struct node *n;

	if (!load_depth_ok(y->c, depth, at))
		return NULL;
	n = arena_alloc(y->c->a, sizeof(*n));
	*n = *src;
	if (src->kind == NODE_SEQ) {
		n->items = arena_array(y->c->a, src->n, sizeof(*n->items));
		for (size_t i = 0; i < src->n; i++) {
			n->items[i] = copy_tree(y, src->items[i], depth + 1, at);
			if (!n->items[i])
				return NULL;
		}
	} else if (src->kind == NODE_MAP) {
		n->pairs = arena_array(y->c->a, src->n, sizeof(*n->pairs));
		for (size_t i = 0; i < src->n; i++) {
			n->pairs[i].key =
				copy_tree(y, src->pairs[i].key, depth + 1, at);
			if (!n->pairs[i].key)
				return NULL;
			n->pairs[i].val =
				copy_tree(y, src->pairs[i].val, depth + 1, at);
			if (!n->pairs[i].val)
				return NULL;
		}
	}
	return n;
}

static void on_alias(struct yl *y, const yaml_event_t *ev)
{
	struct hcsc_pos pos = mark_pos(y, ev->start_mark);
	const char *name = (const char *)ev->data.alias.anchor;
	struct yl_anchor *a;
	struct node *n;

	if (++y->aliases > LOAD_MAX_ALIASES) {
		load_fatal(y->c, pos, "more than %d alias uses (the limit)",
			   LOAD_MAX_ALIASES);
		return;
	}
	y->c->expanded = true;
	if (!load_count(y->c, 0, pos))
		return;
	a = anchor_find(y, name);
	if (!a) {
		load_error(y->c, pos, "unknown alias '*%s'",
			   load_show(y->c, name, strlen(name)));
		n = load_node_new(y->c, NODE_NULL, pos, y->depth + 1);
	} else if (!a->node) {
		load_fatal(y->c, pos,
			   "alias '*%s' refers to its own anchor (a cycle)",
			   load_show(y->c, name, strlen(name)));
		return;
	} else {
		if (!load_count(y->c, a->size, pos))
			return;
		n = copy_tree(y, a->node, y->depth + 1, pos);
		if (n)
			n->pos = pos;
	}
	if (n && !y->c->stop)
		attach(y, n);
}

static void on_event(struct yl *y, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++y->docs > 1)
			load_fatal(y->c, mark_pos(y, ev->start_mark),
				   "a second document (only one document per file is allowed)");
		break;
	case YAML_SCALAR_EVENT:
		on_scalar(y, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
		on_open(y, ev, NODE_SEQ);
		break;
	case YAML_MAPPING_START_EVENT:
		on_open(y, ev, NODE_MAP);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_close(y);
		break;
	case YAML_ALIAS_EVENT:
		on_alias(y, ev);
		break;
	default:
		break;
	}
}

/* `FILE:LINE:COL: error: <problem> (<context>)` at libyaml's problem mark. */
static void parser_error(struct yl *y, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "invalid YAML";
	struct hcsc_pos pos;

	if (p->error == YAML_MEMORY_ERROR)
		hcsc_oom();
	if (p->error == YAML_READER_ERROR) {
		/* Reader errors carry a byte offset, not a mark. */
		pos = load_offset_pos(y->c, y->data, y->len, p->problem_offset,
				      true);
		if (p->problem_value >= 0)
			load_fatal(y->c, pos, "%s (U+%04X)", problem,
				   (unsigned)p->problem_value);
		else
			load_fatal(y->c, pos, "%s", problem);
		return;
	}
	pos = mark_pos(y, p->problem_mark);
	if (p->context)
		load_fatal(y->c, pos, "%s (%s)", problem, p->context);
	else
		load_fatal(y->c, pos, "%s", problem);
}

void load_yaml(struct load_ctx *c, const char *data, size_t len,
	       struct node **out)
{
	struct yl y;
	yaml_parser_t parser;

	memset(&y, 0, offsetof(struct yl, stack));
	y.c = c;
	y.data = data;
	y.len = len;
	*out = NULL;
	if (!yaml_parser_initialize(&parser))
		hcsc_oom();
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!c->stop) {
		yaml_event_t ev;
		bool end;

		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&y, &parser);
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		on_event(&y, &ev);
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	yaml_parser_delete(&parser);
	if (c->stop)
		return;
	if (!y.root) { /* an empty stream: no document at all */
		y.root = load_node_new(c, NODE_NULL, load_pos(c, 1, 1), 1);
		if (y.root)
			y.root->plain = true;
	}
	*out = c->stop ? NULL : y.root;
}
