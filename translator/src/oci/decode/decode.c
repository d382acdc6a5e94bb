/*
 * decode.c: an OCI runtime spec (config.json) -> struct oci_spec, for
 * `--from-oci` (rule: hcsc.from-oci.decode). Mirrors what Go's
 * json.Unmarshal(config.json, &specs.Spec{}) leaves in the struct that
 * containerd hands to hcsshim, for the fields hcsc reads.
 *
 * The input is decoded by the schema decoder (model/schema.h) into the
 * private slot structs of decode_slots.h, then copied into struct oci_spec
 * by the rows of oci/spec_fields.h, the table the slots and the schema
 * (decode_schema.c) are made from too (rule: hcsc.emit.field-table). It
 * lists every field of opencontainers/runtime-spec v1.3.0
 * specs-go/config.go on the Spec -> Process/User/Box, Root, Mount, Windows
 * path: the ones hcsc reads are FS_MODELLED; the rest FS_IGNORED,
 * type-checked as Go would for scalars and not at all for nested
 * Linux-only values (FT_ANY). Positions, the slices of structs, the
 * annotations map and `credentialSpec` are copied by hand below;
 * `credentialSpec` is an interface{}: any JSON value, kept as text for
 * re-printing when it is not a string.
 */
#include "oci/decode/decode.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "load/node.h"
#include "model/schema.h"
#include "oci/decode/decode_slots.h"
#include "oci/spec_fields.h"

/* ---- credentialSpec: any JSON value, as compact JSON text --------------- */

#define CREDSPEC_PATH "windows.credentialSpec"

static struct json_object *json_or_oom(struct json_object *v)
{
	if (!v)
		hcsc_oom();
	return v;
}

/*
 * A number Go reads as a float64 (an interface{} holds every number as
 * one): parsed by json-c's tokener from the JSON text, which does not
 * depend on the locale. Out of a float64's range is Go's error too.
 */
static struct json_object *float_json(struct diag_list *d,
				      const struct node *n, const char *text)
{
	struct json_object *v = json_tokener_parse(text);

	if (!v || json_object_get_type(v) != json_type_double ||
	    isinf(json_object_get_double(v))) {
		json_object_put(v);
		diag_error(d, n->pos,
			   "number %s in '" CREDSPEC_PATH "' is out of range "
			   "for a float64", n->text);
		return NULL;
	}
	return v;
}

/* An integer beyond int64/uint64: its digits as a JSON decimal ("N.0"). */
static struct json_object *big_int_json(struct arena *a, struct diag_list *d,
					const struct node *n)
{
	const char *t = n->text;
	bool neg = false;

	if (*t == '+' || *t == '-')
		neg = *t++ == '-';
	while (t[0] == '0' && t[1])
		t++;
	return float_json(d, n, arena_printf(a, "%s%s.0", neg ? "-" : "", t));
}

static struct json_object *int_json(struct arena *a, struct diag_list *d,
				    const struct node *n)
{
	if (n->overflow || (n->neg && n->mag > (uint64_t)INT64_MAX + 1))
		return big_int_json(a, d, n);
	if (!n->neg)
		return json_or_oom(json_object_new_uint64(n->mag));
	if (n->mag == (uint64_t)INT64_MAX + 1)
		return json_or_oom(json_object_new_int64(INT64_MIN));
	return json_or_oom(json_object_new_int64(-(int64_t)n->mag));
}

static struct json_object *node_json(struct arena *a, struct diag_list *d,
				     const struct node *n, bool *ok);

static struct json_object *seq_json(struct arena *a, struct diag_list *d,
				    const struct node *n, bool *ok)
{
	struct json_object *arr = json_or_oom(json_object_new_array());

	for (size_t i = 0; i < n->n; i++) {
		struct json_object *v = node_json(a, d, n->items[i], ok);

		if (json_object_array_add(arr, v))
			hcsc_oom();
	}
	return arr;
}

static struct json_object *map_json(struct arena *a, struct diag_list *d,
				    const struct node *n, bool *ok)
{
	struct json_object *obj = json_or_oom(json_object_new_object());

	for (size_t i = 0; i < n->n; i++) {
		struct json_object *v = node_json(a, d, n->pairs[i].val, ok);

		if (json_object_object_add(obj, n->pairs[i].key->text, v))
			hcsc_oom();
	}
	return obj;
}

/* The value of `n` as json-c holds it; NULL for null (and on *ok = false). */
static struct json_object *node_json(struct arena *a, struct diag_list *d,
				     const struct node *n, bool *ok)
{
	struct json_object *v = NULL;

	switch (n->kind) {
	case NODE_NULL:
		return NULL;
	case NODE_BOOL:
		return json_or_oom(json_object_new_boolean(n->b));
	case NODE_INT:
		v = int_json(a, d, n);
		break;
	case NODE_STR:
		if (!n->number)
			return json_or_oom(json_object_new_string_len(
				n->text, (int)n->len));
		v = float_json(d, n, n->text);
		break;
	case NODE_SEQ:
		return seq_json(a, d, n, ok);
	case NODE_MAP:
		return map_json(a, d, n, ok);
	}
	if (!v)
		*ok = false;
	return v;
}

/* Compact JSON text of a non-string credentialSpec (oci/spec.h). */
static bool credspec_text(struct arena *a, struct diag_list *d,
			  const struct node *n, const char **out)
{
	bool ok = true;
	struct json_object *v = node_json(a, d, n, &ok);

	if (ok)
		*out = arena_strdup(a, json_object_to_json_string_ext(
			v, JSON_C_TO_STRING_PLAIN |
			   JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(v);
	return ok;
}

/*
 * ---- slots -> struct oci_spec ----------------------------------------------
 * By the rows of oci/spec_fields.h the decoder reads (D_*): each slot into
 * the member its row names; a nested struct's `set` into its presence
 * flag (OBJ); FN rows by the copy_<member> functions below.
 */

struct copy_ctx {
	struct arena *a;
	struct diag_list *d;
};

struct copy_row;
typedef bool copy_fn(const struct copy_ctx *cx, const void *slot, void *base);

struct copy_row {
	const char *key; /* NULL ends a table */
	enum oci_wr wr;
	size_t slot;     /* offsetof the slot in the section's slot struct */
	size_t off;      /* offsetof the member in the section's C struct */
	const struct copy_row *sub; /* OBJ, VAL */
	copy_fn *fn;                /* FN */
};

static copy_fn copy_devices, copy_credspec, copy_mounts, copy_annotations;

#define COPY_SECTION(id, goname, held, ctype, dec) COPY_SECTION_##dec(id, ctype)
#define COPY_SECTION_NODEC(id, ctype)
#define COPY_SECTION_DEC(id, ctype)                                          \
	static const struct copy_row copy_rows_##id[] = {                    \
		OCI_FIELDS_##id(COPY_ROW, id, ctype) { .key = NULL }         \
	};
/* Rows the decoder reads are copied; the ones it drops are not. */
#define COPY_ROW(S, B, k, type, e, targets, w, m, sb, dec)                   \
	COPY_##dec(S, B, k, w, m, sb)
#define COPY_D_STR(S, B, k, w, m, sb) COPY_W_##w(S, B, k, m, sb)
#define COPY_D_BOOL COPY_D_STR
#define COPY_D_U16 COPY_D_STR
#define COPY_D_U32 COPY_D_STR
#define COPY_D_U64 COPY_D_STR
#define COPY_D_LIST COPY_D_STR
#define COPY_D_MAP COPY_D_STR
#define COPY_D_RAW COPY_D_STR
#define COPY_D_OBJ COPY_D_STR
#define COPY_D_OBJS COPY_D_STR
#define COPY_I_STR(S, B, k, w, m, sb)
#define COPY_I_BOOL COPY_I_STR
#define COPY_I_U32 COPY_I_STR
#define COPY_I_INT COPY_I_STR
#define COPY_I_ANY COPY_I_STR
#define COPY_SLOT(S, k) .key = #k, .slot = offsetof(struct S##_slots, k)
#define COPY_DATA(w, S, B, k, m) { COPY_SLOT(S, k), .wr = w, .off = offsetof(B, m) },
#define COPY_W_STR(S, B, k, m, sb) COPY_DATA(OCI_WR_STR, S, B, k, m)
#define COPY_W_BOOL(S, B, k, m, sb) COPY_DATA(OCI_WR_BOOL, S, B, k, m)
#define COPY_W_U32(S, B, k, m, sb) COPY_DATA(OCI_WR_U32, S, B, k, m)
#define COPY_W_U64(S, B, k, m, sb) COPY_DATA(OCI_WR_U64, S, B, k, m)
#define COPY_W_OPT_U16(S, B, k, m, sb) COPY_DATA(OCI_WR_OPT_U16, S, B, k, m)
#define COPY_W_OPT_U64(S, B, k, m, sb) COPY_DATA(OCI_WR_OPT_U64, S, B, k, m)
#define COPY_W_LIST(S, B, k, m, sb) COPY_DATA(OCI_WR_LIST, S, B, k, m)
#define COPY_W_OBJ(S, B, k, m, sb)                                           \
	{ COPY_SLOT(S, k), .wr = OCI_WR_OBJ, .off = offsetof(B, m),          \
	  .sub = copy_rows_##sb },
#define COPY_W_VAL(S, B, k, m, sb)                                           \
	{ COPY_SLOT(S, k), .wr = OCI_WR_VAL, .sub = copy_rows_##sb },
#define COPY_W_FN(S, B, k, m, sb)                                            \
	{ COPY_SLOT(S, k), .wr = OCI_WR_FN, .fn = copy_##m },
#define COPY_W_NONE(S, B, k, m, sb)

OCI_SECTIONS(COPY_SECTION)

static struct str_list str_list_of(const struct v_list *l)
{
	return (struct str_list){ l->v, l->n, l->set };
}

static struct opt_u64 opt_u64_of(const struct v_uint *u)
{
	return (struct opt_u64){ u->set, u->v };
}

static struct opt_u16 opt_u16_of(const struct v_uint *u)
{
	return (struct opt_u16){ u->set, (uint16_t)u->v };
}

static bool copy_rows(const struct copy_ctx *cx, const struct copy_row *r,
		      const void *slots, void *base);

/* One row: the slot of `slots` into the member of `base`. */
static bool copy_row(const struct copy_ctx *cx, const struct copy_row *r,
		     const void *slots, void *base)
{
	const void *src = (const char *)slots + r->slot;
	void *dst = (char *)base + r->off;

	switch (r->wr) {
	case OCI_WR_STR:
		*(const char **)dst = ((const struct v_str *)src)->v;
		break;
	case OCI_WR_BOOL:
		*(bool *)dst = ((const struct v_bool *)src)->v;
		break;
	case OCI_WR_U32:
		*(uint32_t *)dst = (uint32_t)((const struct v_uint *)src)->v;
		break;
	case OCI_WR_U64:
		*(uint64_t *)dst = ((const struct v_uint *)src)->v;
		break;
	case OCI_WR_OPT_U16:
		*(struct opt_u16 *)dst = opt_u16_of(src);
		break;
	case OCI_WR_OPT_U64:
		*(struct opt_u64 *)dst = opt_u64_of(src);
		break;
	case OCI_WR_LIST:
		*(struct str_list *)dst = str_list_of(src);
		break;
	case OCI_WR_OBJ:
		*(bool *)dst = ((const struct v_obj *)src)->set;
		return copy_rows(cx, r->sub, src, base);
	case OCI_WR_VAL:
		return copy_rows(cx, r->sub, src, base);
	case OCI_WR_FN:
		return r->fn(cx, src, base);
	}
	return true;
}

static bool copy_rows(const struct copy_ctx *cx, const struct copy_row *r,
		      const void *slots, void *base)
{
	for (; r->key; r++)
		if (!copy_row(cx, r, slots, base))
			return false;
	return true;
}

static bool copy_mounts(const struct copy_ctx *cx, const void *slot,
			void *base)
{
	const struct v_objlist *l = slot;
	const struct mount_slots *ms = l->items;
	struct oci_spec *s = base;

	s->nmounts = l->n;
	s->mounts = arena_array(cx->a, l->n, sizeof(*s->mounts));
	for (size_t i = 0; i < l->n; i++) {
		copy_rows(cx, copy_rows_mount, &ms[i], &s->mounts[i]);
		s->mounts[i].pos = ms[i].hdr.pos;
	}
	return true;
}

static bool copy_annotations(const struct copy_ctx *cx, const void *slot,
			     void *base)
{
	const struct v_map *m = slot;
	struct oci_spec *s = base;

	s->nannotations = m->n;
	s->annotations = arena_array(cx->a, m->n, sizeof(*s->annotations));
	for (size_t i = 0; i < m->n; i++) {
		s->annotations[i].key = m->keys[i];
		s->annotations[i].value = m->vals[i];
	}
	return true;
}

static bool copy_devices(const struct copy_ctx *cx, const void *slot,
			 void *base)
{
	const struct v_objlist *l = slot;
	const struct device_slots *ds = l->items;
	struct oci_spec *s = base;

	s->windows.ndevices = l->n;
	s->windows.devices = arena_array(cx->a, l->n, sizeof(*s->windows.devices));
	for (size_t i = 0; i < l->n; i++) {
		copy_rows(cx, copy_rows_device, &ds[i], &s->windows.devices[i]);
		s->windows.devices[i].pos = ds[i].hdr.pos;
	}
	return true;
}

static bool copy_credspec(const struct copy_ctx *cx, const void *slot,
			  void *base)
{
	const struct v_node *c = slot;
	struct oci_spec *s = base;

	if (!c->set)
		return true; /* absent or null: a nil interface{} */
	if (c->n->kind == NODE_STR && !c->n->number) {
		s->windows.credspec_kind = OCI_CREDSPEC_STRING;
		s->windows.credential_spec = c->n->text;
		return true;
	}
	s->windows.credspec_kind = OCI_CREDSPEC_OTHER;
	return credspec_text(cx->a, cx->d, c->n,
			     &s->windows.credential_spec_json);
}

/*
 * ---- positions ------------------------------------------------------------
 * Each is the node that gave the value, else its nearest present parent
 * (rule: hcsc.diag.format), else the whole input.
 */

static void layer_positions(struct arena *a, const struct v_list *l,
			    struct oci_spec *s)
{
	s->windows.layers_pos = pos_or(l->pos, s->windows.pos);
	/* One more than needed: the list's own position closes it. */
	s->windows.layer_pos = arena_array(a, l->n + 1, sizeof(struct hcsc_pos));
	for (size_t i = 0; i < l->n; i++)
		s->windows.layer_pos[i] = l->item_pos[i];
	s->windows.layer_pos[l->n] = s->windows.layers_pos;
}

static void resources_positions(const struct resources_slots *r,
				struct oci_spec *s)
{
	struct hcsc_pos rpos = pos_or(r->hdr.pos, s->windows.pos);
	struct hcsc_pos mpos = pos_or(r->memory.hdr.pos, rpos);
	struct hcsc_pos cpos = pos_or(r->cpu.hdr.pos, rpos);

	s->windows.memory_pos = pos_or(r->memory.limit.pos, mpos);
	s->windows.cpu_count_pos = pos_or(r->cpu.count.pos, cpos);
	s->windows.cpu_shares_pos = pos_or(r->cpu.shares.pos, cpos);
	s->windows.cpu_maximum_pos = pos_or(r->cpu.maximum.pos, cpos);
	s->windows.storage_pos = pos_or(r->storage.hdr.pos, rpos);
}

static void windows_positions(struct arena *a, const struct windows_slots *w,
			      struct oci_spec *s)
{
	s->windows.pos = pos_or(w->hdr.pos, s->pos);
	layer_positions(a, &w->layerFolders, s);
	resources_positions(&w->resources, s);
	s->windows.credspec_pos = pos_or(w->credentialSpec.pos, s->windows.pos);
	s->windows.hyperv_pos = pos_or(w->hyperv.hdr.pos, s->windows.pos);
	s->windows.network_pos = pos_or(w->network.hdr.pos, s->windows.pos);
}

static void positions(struct arena *a, const struct spec_slots *sl,
		      struct oci_spec *s)
{
	const struct root_slots *r = &sl->root;

	s->process.pos = pos_or(sl->process.hdr.pos, s->pos);
	s->root.pos = pos_or(r->hdr.pos, s->pos);
	s->root.path_pos = pos_or(r->path.pos, s->root.pos);
	s->root.readonly_pos = pos_or(r->readonly.pos, s->root.pos);
	s->hostname_pos = pos_or(sl->hostname.pos, s->pos);
	windows_positions(a, &sl->windows, s);
}

enum hcsc_rc oci_decode(struct arena *a, struct diag_list *d,
			const char *file, const struct node *root,
			struct oci_spec *out)
{
	struct decode_ctx ctx = { a, d, false, true, NULL };
	struct copy_ctx cx = { a, d };
	struct spec_slots *sl;

	memset(out, 0, sizeof(*out));
	out->pos = pos_make(file, 1, 1);
	if (root)
		out->pos = pos_or(root->pos, out->pos);
	if (!root || root->kind != NODE_MAP)
		return diag_error(d, out->pos,
				  "an OCI runtime spec must be a mapping");
	sl = arena_alloc(a, sizeof(*sl));
	if (schema_decode(&ctx, &oci_spec_schema, "", root, sl) != HCSC_OK)
		return HCSC_E_INPUT;
	positions(a, sl, out);
	return copy_rows(&cx, copy_rows_spec, sl, out) ? HCSC_OK : HCSC_E_INPUT;
}
