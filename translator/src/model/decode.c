/*
 * model/decode.c: node tree -> C struct, driven by the schema tables
 * (schema.h); the messages about unknown keys are in decode_keys.c.
 * Type errors, range errors, unknown and duplicate keys are all collected
 * (rule: hcsc.diag.collect-then-stop); the caller stops after this phase if any.
 * rules: hcsc.input.go-ranges, hcsc.input.cmd-string
 */
#include "decode_int.h"

#include <inttypes.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "load/node.h"
#include "port_map.h"
#include "strset.h"

static void init_defaults(const struct schema *s, void *out);

const char *decode_path_text(struct arena *a, const struct dpath *p)
{
	const char *up;

	if (p->kind == DP_ROOT)
		return p->name;
	up = decode_path_text(a, p->up);
	switch (p->kind) {
	case DP_FIELD:
		return *up ? arena_printf(a, "%s.%s", up, p->name) : p->name;
	case DP_INDEX:
		return arena_printf(a, "%s[%zu]", up, p->index);
	default:
		return arena_printf(a, "%s[%s]", up, p->name);
	}
}

static struct dpath path_step(const struct dpath *up, enum dpath_kind kind,
			      const char *name, size_t index)
{
	struct dpath p = { up, kind, name, index };

	return p;
}

/*
 * `out` already holds the defaults (init_defaults): schema_decode sets them
 * for the whole tree, nested structs included, and decode_objlist for each
 * list item, so no struct is walked twice.
 */
static bool decode_struct(const struct decode_ctx *ctx, const struct schema *s,
			  const struct dpath *path, const struct node *map,
			  void *out);

/*
 * ascii_eqi(name, key) for a key of `len` bytes without a NUL (node.h):
 * the same answer, cheaper, since a byte equal as it stands needs no
 * folding and a shorter name stops the loop at its NUL.
 */
static bool name_is(const char *name, const char *key, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (name[i] != key[i] &&
		    ascii_lower(name[i]) != ascii_lower(key[i]))
			return false;
	return name[len] == '\0';
}

static const struct field *field_lookup(const struct schema *s,
					const char *key, size_t len)
{
	/* ascii_lower(name[0]) == ascii_lower(key[0]), unfolded per field */
	char lo = ascii_lower(key[0]), up = ascii_upper(key[0]);

	for (size_t i = 0; i < s->nfields; i++) {
		const char *name = s->fields[i].name;

		if ((name[0] == lo || name[0] == up) && name_is(name, key, len))
			return &s->fields[i];
	}
	return NULL;
}

const struct field *schema_field(const struct schema *s, const char *key)
{
	return field_lookup(s, key, strlen(key));
}

/*
 * A scalar read as a Go string: strings, and YAML plain integers as their
 * source text. A boolean is a type error (`Hostname: True`, `Owner: true`),
 * as Compose treats it (rule: hcsc.input.scalars).
 */
static const char *as_string(const struct node *n)
{
	if (n->kind == NODE_STR && !n->number)
		return n->text;
	if (n->kind == NODE_INT && n->plain)
		return n->text;
	return NULL;
}

static const char *kind_word(const struct node *n)
{
	if (n->kind == NODE_STR && n->number)
		return "a number";
	switch (n->kind) {
	case NODE_NULL: return "null";
	case NODE_BOOL: return "a boolean";
	case NODE_INT: return "an integer";
	case NODE_STR: return "a string";
	case NODE_SEQ: return "a list";
	case NODE_MAP: return "a mapping";
	}
	return "a value";
}

static bool type_error(const struct decode_ctx *ctx, const struct dpath *path,
		       const struct node *n, const char *want)
{
	diag_error(ctx->diags, n->pos, "'%s' must be %s, not %s",
		   decode_path_text(ctx->arena, path), want, kind_word(n));
	return false;
}

static bool decode_string(const struct decode_ctx *ctx, const struct dpath *path,
			  const struct node *n, struct v_str *slot)
{
	const char *s = as_string(n);

	if (!s)
		return type_error(ctx, path, n, "a string");
	slot->set = true;
	slot->v = s;
	slot->pos = n->pos;
	return true;
}

static bool decode_int(const struct decode_ctx *ctx, const struct field *f,
		       const struct dpath *path, const struct node *n,
		       struct v_int *slot)
{
	int64_t v;

	if (n->kind != NODE_INT)
		return type_error(ctx, path, n, "an integer");
	if (n->overflow || (!n->neg && n->mag > (uint64_t)f->max) ||
	    (n->neg && n->mag > (uint64_t)0 - (uint64_t)f->min)) {
		diag_error(ctx->diags, n->pos,
			   "'%s' is out of range (%" PRId64 " to %" PRId64 ")",
			   decode_path_text(ctx->arena, path), f->min, f->max);
		return false;
	}
	v = n->neg ? (int64_t)(0 - n->mag) : (int64_t)n->mag;
	slot->set = true;
	slot->v = v;
	slot->pos = n->pos;
	return true;
}

static bool decode_uint(const struct decode_ctx *ctx, const struct field *f,
			const struct dpath *path, const struct node *n,
			struct v_uint *slot)
{
	if (n->kind != NODE_INT)
		return type_error(ctx, path, n, "an integer");
	if (n->overflow || (n->neg && n->mag) || n->mag > f->umax) {
		diag_error(ctx->diags, n->pos,
			   "'%s' is out of range (0 to %" PRIu64 ")",
			   decode_path_text(ctx->arena, path), f->umax);
		return false;
	}
	slot->set = true;
	slot->v = n->mag;
	slot->pos = n->pos;
	return true;
}

static bool decode_list(const struct decode_ctx *ctx, const struct dpath *path,
			const struct node *n, bool strslice,
			struct v_list *slot)
{
	bool ok = true;

	if (strslice && as_string(n)) {
		slot->set = true;
		slot->n = 1;
		slot->v = arena_array(ctx->arena, 1, sizeof(char *));
		slot->item_pos = arena_array(ctx->arena, 1, sizeof(struct hcsc_pos));
		slot->v[0] = as_string(n);
		slot->item_pos[0] = n->pos;
		slot->pos = n->pos;
		return true;
	}
	if (n->kind != NODE_SEQ)
		return type_error(ctx, path, n,
				  strslice ? "a list of strings or a string"
					   : "a list of strings");
	slot->set = true;
	slot->pos = n->pos;
	slot->n = n->n;
	slot->v = arena_array(ctx->arena, n->n, sizeof(char *));
	slot->item_pos = arena_array(ctx->arena, n->n, sizeof(struct hcsc_pos));
	for (size_t i = 0; i < n->n; i++) {
		const char *s = as_string(n->items[i]);

		if (!s) {
			struct dpath item = path_step(path, DP_INDEX, NULL, i);

			ok = type_error(ctx, &item, n->items[i], "a string");
			continue;
		}
		slot->v[i] = s;
		slot->item_pos[i] = n->items[i]->pos;
	}
	return ok;
}

enum map_values { MAP_STRINGS, MAP_EMPTY, MAP_ANY };

static bool decode_map(const struct decode_ctx *ctx, const struct dpath *path,
		       const struct node *n, enum map_values values,
		       struct v_map *slot)
{
	bool ok = true;

	if (n->kind != NODE_MAP)
		return type_error(ctx, path, n, "a mapping");
	slot->set = true;
	slot->pos = n->pos;
	slot->n = n->n;
	slot->keys = arena_array(ctx->arena, n->n, sizeof(char *));
	slot->vals = arena_array(ctx->arena, n->n, sizeof(char *));
	slot->key_pos = arena_array(ctx->arena, n->n, sizeof(struct hcsc_pos));
	for (size_t i = 0; i < n->n; i++) {
		const struct node *v = n->pairs[i].val;
		struct dpath item = path_step(path, DP_KEY, n->pairs[i].key->text,
					      0);

		slot->keys[i] = n->pairs[i].key->text;
		slot->key_pos[i] = n->pairs[i].key->pos;
		if (values == MAP_ANY)
			continue;
		if (values == MAP_EMPTY) {
			if (v->kind != NODE_NULL &&
			    !(v->kind == NODE_MAP && v->n == 0))
				ok = type_error(ctx, &item, v, "{} or null");
			continue;
		}
		if (v->kind == NODE_NULL) {
			slot->vals[i] = "";
		} else if (as_string(v)) {
			slot->vals[i] = as_string(v);
		} else {
			ok = type_error(ctx, &item, v, "a string");
		}
	}
	return ok;
}

static bool decode_console(const struct decode_ctx *ctx,
			   const struct dpath *path,
			   const struct node *n, struct v_console *slot)
{
	static const struct field dim = { "", FT_UINT, 0, NULL, FS_MODELLED,
					  0, 0, UINT64_MAX, NULL };
	struct v_uint h = { 0 }, w = { 0 };

	if (n->kind != NODE_SEQ || n->n != 2)
		return type_error(ctx, path, n,
				  "a list of two integers [height, width]");
	if (!decode_uint(ctx, &dim, path, n->items[0], &h) ||
	    !decode_uint(ctx, &dim, path, n->items[1], &w))
		return false;
	slot->set = true;
	slot->pos = n->pos;
	slot->height = h.v;
	slot->width = w.v;
	return true;
}

static bool decode_objlist(const struct decode_ctx *ctx, const struct field *f,
			   const struct dpath *path, const struct node *n,
			   struct v_objlist *slot)
{
	bool ok = true;

	if (n->kind != NODE_SEQ)
		return type_error(ctx, path, n, "a list");
	slot->set = true;
	slot->pos = n->pos;
	slot->n = n->n;
	slot->items = arena_array(ctx->arena, n->n, f->sub->size);
	for (size_t i = 0; i < n->n; i++) {
		const struct node *it = n->items[i];
		char *item = (char *)slot->items + i * f->sub->size;
		struct dpath ipath = path_step(path, DP_INDEX, NULL, i);

		init_defaults(f->sub, item);
		if (f->type == FT_STR_OR_STRUCT && as_string(it)) {
			const struct field *sf = schema_field(f->sub, f->string_key);
			struct v_obj *hdr = (struct v_obj *)item;

			hdr->set = true;
			hdr->pos = it->pos;
			ok &= decode_string(ctx, &ipath, it,
					    (struct v_str *)(item + sf->offset));
			continue;
		}
		if (it->kind != NODE_MAP) {
			ok = type_error(ctx, &ipath, it,
					f->type == FT_STR_OR_STRUCT
						? "a string or a mapping"
						: "a mapping");
			continue;
		}
		ok &= decode_struct(ctx, f->sub, &ipath, it, item);
	}
	return ok;
}

static bool keep_node(const struct node *n, struct v_node *slot)
{
	slot->set = true;
	slot->n = n;
	slot->pos = n->pos;
	return true;
}

static bool decode_field(const struct decode_ctx *ctx, const struct field *f,
			 const struct dpath *path, const struct node *n,
			 void *out)
{
	void *slot;

	/* NO_SLOT is no offset: `out + NO_SLOT` would overflow (UBSan). */
	if (f->type == FT_ANY || f->offset == NO_SLOT)
		return true;
	slot = (char *)out + f->offset;
	if (n->kind == NODE_NULL)
		return true; /* null means absent (rule: hcsc.input.null-and-empty) */
	switch (f->type) {
	case FT_STRING:
		return decode_string(ctx, path, n, slot);
	case FT_BOOL:
		if (n->kind != NODE_BOOL)
			return type_error(ctx, path, n, "true or false");
		((struct v_bool *)slot)->set = true;
		((struct v_bool *)slot)->v = n->b;
		((struct v_bool *)slot)->pos = n->pos;
		return true;
	case FT_INT:
		return decode_int(ctx, f, path, n, slot);
	case FT_UINT:
		return decode_uint(ctx, f, path, n, slot);
	case FT_STRLIST:
		return decode_list(ctx, path, n, false, slot);
	case FT_STRSLICE:
		return decode_list(ctx, path, n, true, slot);
	case FT_STRMAP:
		return decode_map(ctx, path, n, MAP_STRINGS, slot);
	case FT_SET:
		return decode_map(ctx, path, n, MAP_EMPTY, slot);
	case FT_KEYS:
		return decode_map(ctx, path, n, MAP_ANY, slot);
	case FT_STRUCT:
		return decode_struct(ctx, f->sub, path, n, slot);
	case FT_STRUCTLIST:
	case FT_STR_OR_STRUCT:
		return decode_objlist(ctx, f, path, n, slot);
	case FT_CONSOLE:
		return decode_console(ctx, path, n, slot);
	case FT_PORTMAP:
		if (n->kind != NODE_MAP)
			return type_error(ctx, path, n, "a mapping");
		port_map_decode(ctx->arena, n, slot);
		return true;
	case FT_RAW: /* any value; null was handled above */
		return keep_node(n, slot);
	case FT_ANY:
		break;
	}
	return true;
}

/*
 * first[i]: the first key of `map` equal to key i but for ASCII case (i
 * itself when none is before it). A crit-bit set (strset.h): no choice of
 * keys makes a mapping of 50,000 keys (LOAD_MAX_NODES) quadratic, as keys
 * chosen to collide in a hash did. Small mappings (NULL) are scanned.
 */
static const size_t *case_firsts(struct arena *a, const struct node *map)
{
	struct strset seen;
	size_t *first;

	if (map->n <= 16)
		return NULL;
	strset_init(&seen, a, true);
	first = arena_array(a, map->n, sizeof(*first));
	for (size_t i = 0; i < map->n; i++)
		first[i] = strset_add(&seen, map->pairs[i].key->text,
				      map->pairs[i].key->len, i);
	return first;
}

static size_t case_first_scan(const struct node *map, size_t i)
{
	const struct node *k = map->pairs[i].key;

	for (size_t j = 0; j < i; j++) /* folding keeps the length */
		if (map->pairs[j].key->len == k->len &&
		    ascii_eqi(map->pairs[j].key->text, k->text))
			return j;
	return i;
}

/* Keys equal but for case are one key given twice (rule: hcsc.input.case-insensitive-keys). */
static bool case_duplicate(const struct decode_ctx *ctx, const struct node *map,
			   const size_t *first, size_t i)
{
	const struct node *key = map->pairs[i].key;
	size_t j = first ? first[i] : case_first_scan(map, i);
	const struct node *prev = map->pairs[j].key;

	if (j == i)
		return false;
	diag_error(ctx->diags, key->pos,
		   "duplicate key '%s' (same as '%s' at line %u, "
		   "column %u; keys match case-insensitively)",
		   decode_show_key(ctx->arena, key->text),
		   decode_show_key(ctx->arena, prev->text), prev->pos.line,
		   prev->pos.col);
	return true;
}

/* Unset strings read as "" everywhere, nested structs included. */
static void init_defaults(const struct schema *s, void *out)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];
		void *slot;

		if (f->offset == NO_SLOT)
			continue;
		slot = (char *)out + f->offset;
		if (f->type == FT_STRING && !((struct v_str *)slot)->v)
			((struct v_str *)slot)->v = "";
		else if (f->type == FT_STRUCT)
			init_defaults(f->sub, slot);
	}
}

static bool decode_struct(const struct decode_ctx *ctx, const struct schema *s,
			  const struct dpath *path, const struct node *map,
			  void *out)
{
	struct v_obj *hdr = out;
	const size_t *first;
	bool ok = true;

	if (!map || map->kind == NODE_NULL)
		return true;
	if (map->kind != NODE_MAP) {
		struct dpath named = path_step(NULL, DP_ROOT, s->name, 0);

		return type_error(ctx, *decode_path_text(ctx->arena, path) ? path : &named,
				  map, "a mapping");
	}
	hdr->set = true;
	hdr->pos = map->pos;
	first = case_firsts(ctx->arena, map);
	for (size_t i = 0; i < map->n; i++) {
		const struct node *key = map->pairs[i].key;
		const struct field *f = field_lookup(s, key->text, key->len);
		struct dpath field;

		if (case_duplicate(ctx, map, first, i)) {
			ok = false;
			continue;
		}
		if (!f) {
			if (ctx->lenient)
				continue;
			if (ctx->warn_unknown) {
				decode_unknown_key_warning(ctx, s, path, key);
				continue;
			}
			decode_unknown_key(ctx, s, path, key);
			ok = false;
			continue;
		}
		field = path_step(path, DP_FIELD, f->name, 0);
		ok &= decode_field(ctx, f, &field, map->pairs[i].val, out);
	}
	return ok;
}

enum hcsc_rc schema_decode(const struct decode_ctx *ctx,
			   const struct schema *s, const char *path,
			   const struct node *map, void *out)
{
	struct dpath root = path_step(NULL, DP_ROOT, path, 0);

	init_defaults(s, out);
	return decode_struct(ctx, s, &root, map, out) ? HCSC_OK : HCSC_E_INPUT;
}
