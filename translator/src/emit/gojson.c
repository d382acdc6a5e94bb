/*
 * gojson.c: print a json-c tree as Go's encoding/json prints the Go value
 * the tree stands for (gojson.h). Mirrors golang/go src/encoding/json:
 * encode.go (appendString, floatEncoder.encode, struct fields with
 * omitempty, sorted map keys) and indent.go (appendIndent: newline plus
 * indent before each element, `": "` after keys, `{}` / `[]` kept empty).
 *
 * Errors (a key the shape does not know, a value of the wrong JSON type,
 * an integer out of range, NaN or infinity) return HCSC_E_IO. The message
 * is formatted on the heap and hung on the root of the tree being printed
 * (json-c userdata, freed with the tree), so *err lives as long as `v`,
 * or until the next failing emit_json() on the same tree. A scalar root
 * cannot carry it and gets a fixed message.
 */
#include "gojson.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "goscalar.h"
#include "prov.h"
#include "strbuf.h"

struct emitter {
	struct strbuf *out;
	enum emit_style style;
	unsigned depth;
	struct json_object *root; /* carries the error message */
	const char **err;
	/* emit_json_visit only: */
	const struct emit_visitor *vis;
	struct strbuf path;          /* the JSON pointer of the value emitted */
	size_t nleaves;              /* leaves visited so far */
	const struct prov *inherit;  /* the nearest container's record */
};

/* ---- errors ----------------------------------------------------------- */

static enum hcsc_rc fail(struct emitter *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum hcsc_rc fail(struct emitter *e, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	enum json_type t = json_object_get_type(e->root);
	va_list ap;

	if (!e->err)
		return HCSC_E_IO;
	if (t != json_type_object && t != json_type_array) {
		*e->err = "value does not fit its go type";
		return HCSC_E_IO;
	}
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	*e->err = strbuf_detach(&sb, NULL);
	json_object_set_userdata(e->root, (void *)*e->err,
				 json_object_free_userdata);
	return HCSC_E_IO;
}

static const char *json_type_word(struct json_object *v)
{
	return json_type_to_name(json_object_get_type(v));
}

static enum hcsc_rc mismatch(struct emitter *e, const char *key,
			     struct json_object *v, const struct shape *shape)
{
	return fail(e, "key '%s': json %s does not fit go type %s", key,
		    json_type_word(v), shape->name);
}

/* ---- layout ----------------------------------------------------------- */

/* Spaces written INDENT_CHUNK at a time (rounding up past the indent). */
#define INDENT_CHUNK 16

static void newline(struct emitter *e)
{
	static const char spaces[INDENT_CHUNK] = "                ";
	struct strbuf *out = e->out;
	size_t n = 1 + 2 * (size_t)e->depth;
	char *p;

	if (e->style != EMIT_PRETTY)
		return;
	/*
	 * Fast path: whole chunks of spaces (a fixed-size copy, no memset
	 * call), the bytes past the indent overwritten by the next append or
	 * the NUL; room made for them.
	 */
	strbuf_grow(out, n + INDENT_CHUNK);
	p = out->buf + out->len;
	*p = '\n';
	for (size_t i = 1; i < n; i += INDENT_CHUNK)
		memcpy(p + i, spaces, INDENT_CHUNK);
	out->len += n;
	out->buf[out->len] = '\0';
}

/* Before the n-th element of a container (n from 0). */
static void open_element(struct emitter *e, size_t n)
{
	if (n)
		strbuf_addch(e->out, ',');
	else
		e->depth++;
	newline(e);
}

/* After `n` elements: close the indentation, then `c`. */
static void close_container(struct emitter *e, size_t n, char c)
{
	if (n) {
		e->depth--;
		newline(e);
	}
	strbuf_addch(e->out, c);
}

static void add_key(struct emitter *e, const char *key)
{
	emit_go_string(e->out, key, strlen(key));
	if (e->style == EMIT_PRETTY)
		strbuf_add(e->out, ": ", 2);
	else
		strbuf_addch(e->out, ':');
}

/*
 * A struct field's key. Fast path: a plain key (shape_field.plain_len)
 * needs no escape, so its bytes go between the quotes as they are, the
 * same bytes add_key() writes.
 */
static void add_field_key(struct emitter *e, const struct shape_field *f)
{
	struct strbuf *out = e->out;
	size_t n = f->plain_len;
	char *p;

	if (!n) {
		add_key(e, f->key);
		return;
	}
	strbuf_grow(out, n + 4);
	p = out->buf + out->len;
	*p++ = '"';
	memcpy(p, f->key, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	if (e->style == EMIT_PRETTY)
		*p++ = ' ';
	*p = '\0';
	out->len = (size_t)(p - out->buf);
}

/*
 * open_element(e, n) then add_field_key(e, f), the same bytes. Fast path
 * for a plain key in pretty style, the usual field: the comma, the
 * newline, the indent and the key written after one check for room.
 */
static void open_field(struct emitter *e, size_t n,
		       const struct shape_field *f)
{
	static const char spaces[INDENT_CHUNK] = "                ";
	struct strbuf *out = e->out;
	size_t k = f->plain_len, ind;
	char *p;

	if (!k || e->style != EMIT_PRETTY) {
		open_element(e, n);
		add_field_key(e, f);
		return;
	}
	if (!n)
		e->depth++;
	ind = 2 * (size_t)e->depth;
	/* ",\n", the indent rounded up to whole chunks, "\"key\": " */
	strbuf_grow(out, 2 + ind + INDENT_CHUNK + k + 4);
	p = out->buf + out->len;
	if (n)
		*p++ = ',';
	*p++ = '\n';
	for (size_t i = 0; i < ind; i += INDENT_CHUNK)
		memcpy(p + i, spaces, INDENT_CHUNK);
	p += ind;
	*p++ = '"';
	memcpy(p, f->key, k);
	p += k;
	memcpy(p, "\": ", 3);
	p += 3;
	*p = '\0';
	out->len = (size_t)(p - out->buf);
}

/* ---- JSON pointers (emit_json_visit) ----------------------------------- */

/* Append "/" and `key` escaped as RFC 6901 says; returns the old length. */
static size_t path_push(struct emitter *e, const char *key)
{
	size_t mark = e->path.len;

	if (!e->vis)
		return mark;
	strbuf_addch(&e->path, '/');
	for (; *key; key++) {
		if (*key == '~')
			strbuf_add(&e->path, "~0", 2);
		else if (*key == '/')
			strbuf_add(&e->path, "~1", 2);
		else
			strbuf_addch(&e->path, *key);
	}
	return mark;
}

static size_t path_push_index(struct emitter *e, size_t i)
{
	size_t mark = e->path.len;

	if (e->vis)
		strbuf_addf(&e->path, "/%zu", i);
	return mark;
}

static void path_pop(struct emitter *e, size_t mark)
{
	if (e->vis && e->path.alloc) {
		e->path.len = mark;
		e->path.buf[mark] = '\0';
	}
}

/* ---- sorted keys (Go map order) ---------------------------------------- */

/* A key of a map and its value. */
struct map_entry {
	const char *key;
	struct json_object *val;
};

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct map_entry *)a)->key,
		      ((const struct map_entry *)b)->key);
}

/* Entries of a map sorted without a heap array. */
#define SORT_LOCAL 32
/* Entries of a map sorted by insertion rather than by qsort. */
#define SORT_INSERTION 16

/*
 * Fast path for the few keys of most maps: no qsort call and no compare
 * through a pointer. Keys differ, so the order is qsort's with
 * cmp_entry (test_gojson_encode checks maps of 0 to 40 keys).
 */
static void insertion_sort(struct map_entry *es, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct map_entry x = es[i];
		size_t j = i;

		for (; j > 0 && strcmp(es[j - 1].key, x.key) > 0; j--)
			es[j] = es[j - 1];
		es[j] = x;
	}
}

/*
 * The entries of `obj`, sorted by the keys' bytes, into `local` when
 * there are at most SORT_LOCAL of them, else into a heap array the
 * caller frees. A json-c object holds each key once.
 */
static struct map_entry *sorted_entries(struct json_object *obj,
					struct map_entry *local, size_t *n)
{
	struct lh_table *t = json_object_get_object(obj);
	size_t len = (size_t)json_object_object_length(obj), i = 0;
	struct map_entry *es = local;

	if (len > SORT_LOCAL) {
		es = malloc(len * sizeof(*es));
		if (!es)
			hcsc_oom();
	}
	for (struct lh_entry *en = t ? t->head : NULL; en && i < len;
	     en = en->next, i++) {
		es[i].key = (const char *)lh_entry_k(en);
		es[i].val = (struct json_object *)lh_entry_v(en);
	}
	if (i <= SORT_INSERTION)
		insertion_sort(es, i);
	else
		qsort(es, i, sizeof(*es), cmp_entry);
	*n = i;
	return es;
}

/* ---- values ------------------------------------------------------------ */

static enum hcsc_rc emit_value(struct emitter *e, struct json_object *v,
			       const struct shape *shape, const char *key);

static enum hcsc_rc emit_any(struct emitter *e, struct json_object *v,
			     const char *key);

static bool is_kind(struct json_object *v, enum json_type t)
{
	return json_object_get_type(v) == t;
}

/* A json-c int as Go reads it: negative, or its uint64 value. */
static bool int_value(struct json_object *v, int64_t *i, uint64_t *u)
{
	*i = json_object_get_int64(v);
	*u = *i < 0 ? 0 : json_object_get_uint64(v);
	return *i < 0;
}

static enum hcsc_rc emit_int(struct emitter *e, struct json_object *v,
			     const struct shape *shape, const char *key)
{
	int64_t i;
	uint64_t u;
	bool neg;

	if (!v) {
		strbuf_addch(e->out, '0');
		return HCSC_OK;
	}
	if (!is_kind(v, json_type_int))
		return mismatch(e, key, v, shape);
	neg = int_value(v, &i, &u);
	if (neg && shape->kind == SHAPE_UINT)
		return fail(e, "key '%s': %" PRId64 " is out of range for go type %s",
			    key, i, shape->name);
	if (!neg && shape->kind == SHAPE_INT && u > INT64_MAX)
		return fail(e, "key '%s': %" PRIu64 " is out of range for go type %s",
			    key, u, shape->name);
	if (neg)
		emit_go_i64(e->out, i);
	else
		strbuf_add_u64(e->out, u);
	return HCSC_OK;
}

static enum hcsc_rc emit_scalar(struct emitter *e, struct json_object *v,
				const struct shape *shape, const char *key)
{
	if (shape->kind == SHAPE_STRING) {
		if (!v) {
			strbuf_add(e->out, "\"\"", 2);
			return HCSC_OK;
		}
		if (!is_kind(v, json_type_string))
			return mismatch(e, key, v, shape);
		emit_go_string(e->out, json_object_get_string(v),
			       (size_t)json_object_get_string_len(v));
		return HCSC_OK;
	}
	if (shape->kind == SHAPE_BOOL) {
		if (v && !is_kind(v, json_type_boolean))
			return mismatch(e, key, v, shape);
		strbuf_addstr(e->out,
			      v && json_object_get_boolean(v) ? "true" : "false");
		return HCSC_OK;
	}
	return emit_int(e, v, shape, key);
}

/* Go's isEmptyValue for the value `v` of type `shape`. */
static bool is_empty(struct json_object *v, const struct shape *shape)
{
	if (!v)
		return shape->kind != SHAPE_STRUCT;
	switch (shape->kind) {
	case SHAPE_STRING:
		return is_kind(v, json_type_string) &&
		       json_object_get_string_len(v) == 0;
	case SHAPE_BOOL:
		return is_kind(v, json_type_boolean) &&
		       !json_object_get_boolean(v);
	case SHAPE_INT:
	case SHAPE_UINT:
		return is_kind(v, json_type_int) &&
		       json_object_get_int64(v) == 0;
	case SHAPE_SLICE:
		return is_kind(v, json_type_array) &&
		       json_object_array_length(v) == 0;
	case SHAPE_MAP:
		return is_kind(v, json_type_object) &&
		       json_object_object_length(v) == 0;
	case SHAPE_STRUCT:
	case SHAPE_PTR:
	case SHAPE_ANY:
		break;
	}
	return false;
}

/*
 * The index of field `key` in `shape`, or shape->nfields when it is none.
 * Fast path: the builder's literal merged with the shape's, found by its
 * address, first at `from` (builders add keys mostly in field order: the
 * field after the last one found is usually the one), then anywhere; the
 * plain definition, the key's bytes, when no address matches. The keys of
 * a shape differ, so both find the same field.
 */
static size_t find_field(const struct shape *shape, const char *key,
			 size_t from)
{
	const struct shape_field *f = shape->fields;
	size_t n = shape->nfields, i;

	if (from < n && f[from].key == key)
		return from;
	for (i = 0; i < n; i++)
		if (f[i].key == key)
			return i;
	for (i = 0; i < n; i++)
		if (!strcmp(f[i].key, key))
			return i;
	return n;
}

/*
 * The value of each field of `shape` in `obj` (NULL when absent) into
 * vals[0..nfields), in one pass over the object's keys; a key the shape
 * does not know is an error (the first one, in the object's order).
 */
static enum hcsc_rc field_values(struct emitter *e, struct json_object *obj,
				 const struct shape *shape,
				 struct json_object **vals)
{
	struct lh_table *t = json_object_get_object(obj);
	size_t i = 0;

	memset(vals, 0, shape->nfields * sizeof(*vals));
	for (struct lh_entry *en = t ? t->head : NULL; en; en = en->next) {
		const char *key = (const char *)lh_entry_k(en);

		i = find_field(shape, key, i);
		if (i == shape->nfields)
			return fail(e, "key '%s' is not a field of go type %s",
				    key, shape->name);
		vals[i++] = (struct json_object *)lh_entry_v(en);
	}
	return HCSC_OK;
}

/* Fields of a struct emitted without a heap array (hcsc's largest: 40). */
#define EMIT_MAX_FIELDS 64

static enum hcsc_rc emit_struct(struct emitter *e, struct json_object *v,
				const struct shape *shape, const char *key)
{
	struct json_object *local[EMIT_MAX_FIELDS], **vals = local;
	const struct shape_field *f;
	struct json_object *fv;
	enum hcsc_rc rc = HCSC_OK;
	size_t i, n = 0, mark;

	if (v && !is_kind(v, json_type_object))
		return mismatch(e, key, v, shape);
	if (shape->nfields > EMIT_MAX_FIELDS) {
		vals = malloc(shape->nfields * sizeof(*vals));
		if (!vals)
			hcsc_oom();
	}
	if (v)
		rc = field_values(e, v, shape, vals);
	strbuf_addch(e->out, '{');
	for (i = 0; i < shape->nfields && rc == HCSC_OK; i++) {
		f = &shape->fields[i];
		fv = v ? vals[i] : NULL;
		if (f->omitempty && is_empty(fv, f->type))
			continue;
		open_field(e, n++, f);
		mark = path_push(e, f->key);
		rc = emit_value(e, fv, f->type, f->key);
		path_pop(e, mark);
	}
	if (vals != local)
		free(vals);
	if (rc == HCSC_OK)
		close_container(e, n, '}');
	return rc;
}

static enum hcsc_rc emit_slice(struct emitter *e, struct json_object *v,
			       const struct shape *shape, const char *key)
{
	size_t i, n, mark;
	enum hcsc_rc rc;

	if (!v) {
		strbuf_addstr(e->out, "null");
		return HCSC_OK;
	}
	if (!is_kind(v, json_type_array))
		return mismatch(e, key, v, shape);
	n = json_object_array_length(v);
	strbuf_addch(e->out, '[');
	for (i = 0; i < n; i++) {
		open_element(e, i);
		mark = path_push_index(e, i);
		rc = emit_value(e, json_object_array_get_idx(v, i), shape->elem,
				key);
		path_pop(e, mark);
		if (rc != HCSC_OK)
			return rc;
	}
	close_container(e, n, ']');
	return HCSC_OK;
}

/* An object with sorted keys; elem NULL means interface{} values. */
static enum hcsc_rc emit_sorted_object(struct emitter *e, struct json_object *v,
				       const struct shape *elem)
{
	struct map_entry local[SORT_LOCAL], *es;
	enum hcsc_rc rc = HCSC_OK;
	size_t i, n, mark;

	es = sorted_entries(v, local, &n);
	strbuf_addch(e->out, '{');
	for (i = 0; i < n && rc == HCSC_OK; i++) {
		open_element(e, i);
		add_key(e, es[i].key);
		mark = path_push(e, es[i].key);
		rc = emit_value(e, es[i].val, elem, es[i].key);
		path_pop(e, mark);
	}
	if (es != local)
		free(es);
	if (rc == HCSC_OK)
		close_container(e, n, '}');
	return rc;
}

static enum hcsc_rc emit_any(struct emitter *e, struct json_object *v,
			     const char *key)
{
	size_t i, n, mark;
	enum hcsc_rc rc;
	double d;

	switch (json_object_get_type(v)) {
	case json_type_null:
		strbuf_addstr(e->out, "null");
		return HCSC_OK;
	case json_type_boolean:
		strbuf_addstr(e->out, json_object_get_boolean(v) ? "true" : "false");
		return HCSC_OK;
	case json_type_int: {
		int64_t iv;
		uint64_t uv;

		if (int_value(v, &iv, &uv))
			emit_go_i64(e->out, iv);
		else
			strbuf_add_u64(e->out, uv);
		return HCSC_OK;
	}
	case json_type_double:
		d = json_object_get_double(v);
		if (isnan(d) || isinf(d))
			return fail(e, "key '%s': unsupported float value", key);
		emit_go_float(e->out, d);
		return HCSC_OK;
	case json_type_string:
		emit_go_string(e->out, json_object_get_string(v),
			       (size_t)json_object_get_string_len(v));
		return HCSC_OK;
	case json_type_object:
		return emit_sorted_object(e, v, NULL);
	case json_type_array:
		break;
	}
	n = json_object_array_length(v);
	strbuf_addch(e->out, '[');
	for (i = 0; i < n; i++) {
		open_element(e, i);
		mark = path_push_index(e, i);
		rc = emit_value(e, json_object_array_get_idx(v, i), NULL, key);
		path_pop(e, mark);
		if (rc != HCSC_OK)
			return rc;
	}
	close_container(e, n, ']');
	return HCSC_OK;
}

static enum hcsc_rc emit_node(struct emitter *e, struct json_object *v,
			      const struct shape *shape, const char *key)
{
	if (!shape)
		return emit_any(e, v, key);
	switch (shape->kind) {
	case SHAPE_STRING:
	case SHAPE_BOOL:
	case SHAPE_INT:
	case SHAPE_UINT:
		return emit_scalar(e, v, shape, key);
	case SHAPE_STRUCT:
		return emit_struct(e, v, shape, key);
	case SHAPE_PTR:
		if (!v) {
			strbuf_addstr(e->out, "null");
			return HCSC_OK;
		}
		return emit_value(e, v, shape->elem, key);
	case SHAPE_SLICE:
		return emit_slice(e, v, shape, key);
	case SHAPE_MAP:
		if (!v) {
			strbuf_addstr(e->out, "null");
			return HCSC_OK;
		}
		if (!is_kind(v, json_type_object))
			return mismatch(e, key, v, shape);
		return emit_sorted_object(e, v, shape->elem);
	case SHAPE_ANY:
		return emit_any(e, v, key);
	}
	return fail(e, "key '%s': bad shape", key);
}

/*
 * emit_value for emit_json_visit: a value that printed no leaf inside it
 * (a scalar, null, an empty slice, map or struct) is a leaf itself. Kept
 * out of line, so that emit_value's frame stays small without a visitor.
 */
static __attribute__((noinline)) enum hcsc_rc
emit_value_visit(struct emitter *e, struct json_object *v,
		 const struct shape *shape, const char *key)
{
	const struct prov *outer = e->inherit, *own;
	size_t start = e->out->len, seen = e->nleaves;
	struct emit_leaf leaf;
	enum hcsc_rc rc;

	own = v == e->root ? NULL : prov_of(v);
	if (own)
		e->inherit = own;
	rc = emit_node(e, v, shape, key);
	e->inherit = outer;
	if (rc != HCSC_OK || e->nleaves != seen)
		return rc;
	leaf.pointer = e->path.alloc ? e->path.buf : "";
	leaf.text = e->out->buf + start;
	leaf.len = e->out->len - start;
	leaf.prov = own ? own : outer;
	leaf.zero = !v;
	e->vis->fn(e->vis->ctx, &leaf);
	e->nleaves++;
	return HCSC_OK;
}

/* emit_node, through emit_value_visit when there is a visitor. */
static enum hcsc_rc emit_value(struct emitter *e, struct json_object *v,
			       const struct shape *shape, const char *key)
{
	if (e->vis)
		return emit_value_visit(e, v, shape, key);
	/* Fast path: a scalar without emit_node's frame (the same call). */
	if (shape && shape->kind <= SHAPE_UINT)
		return emit_scalar(e, v, shape, key);
	return emit_node(e, v, shape, key);
}

enum hcsc_rc emit_json_visit(struct strbuf *out, struct json_object *v,
			     const struct shape *shape, enum emit_style style,
			     const char **err, const struct emit_visitor *vis)
{
	struct emitter e = { out, style, 0, v, err, vis, STRBUF_INIT, 0, NULL };
	size_t start = out->len;
	enum hcsc_rc rc;

	rc = emit_value(&e, v, shape, "(top)");
	strbuf_release(&e.path);
	if (rc != HCSC_OK) {
		out->len = start;
		if (out->alloc)
			out->buf[start] = '\0';
		return rc;
	}
	if (style == EMIT_PRETTY)
		strbuf_addch(out, '\n');
	return HCSC_OK;
}

enum hcsc_rc emit_json(struct strbuf *out, struct json_object *v,
		       const struct shape *shape, enum emit_style style,
		       const char **err)
{
	return emit_json_visit(out, v, shape, style, err, NULL);
}
