/*
 * oci_json.c: the typed OCI spec (oci/spec.h) as a json-c tree for
 * shape_oci_spec (emit/shapes.c). Both are made from the rows of
 * oci/spec_fields.h (rule: hcsc.emit.field-table): build_rows() walks a
 * section's rows and adds each member of struct oci_spec under its key,
 * by the row's writer: fields without omitempty always (a nil slice as
 * json null), omitempty fields only when Go would print them, pointers
 * (opt_*, has_*) only when set. FN rows (slices of structs, the
 * annotations map, the credential spec, LCOW's capabilities and
 * namespaces) have their build_<member> function here. A non-string
 * credential spec is re-read from its JSON text with every number a
 * double, as Go holds it in the interface{} (float64).
 *
 * docker-1.12's windowsoci.WindowsSpec (shape_windowsoci) is another Go
 * type, built by hand below (windowsoci_to_json).
 *
 * json-c ownership: json_object_object_add() and json_object_array_add()
 * take the child only on success; on failure the child is still ours and
 * is put here. Every builder returns false on failure and leaves its
 * partial object to the caller, who puts the whole tree. Keys are
 * borrowed, not copied (JSON_C_OBJECT_KEY_IS_CONSTANT): string literals,
 * or the spec's own strings (annotation keys), which live in the
 * compile's arena and so outlive the tree.
 */
#include "oci_json.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "oci/spec.h"
#include "oci/spec_fields.h"
#include "oci_prov.h"
#include "strbuf.h"

/* Depth cap when re-reading a credential spec (the input's is 64). */
#define CREDSPEC_MAX_DEPTH 128

/*
 * o[key] = v, the key borrowed (see above); v may be NULL (json null).
 * Each key of an object is set once (a row per member), so json-c need
 * not look for it first (KEY_IS_NEW; the assert holds builders to it).
 */
static int set_key(struct json_object *o, const char *key,
		   struct json_object *v)
{
	assert(!json_object_object_get_ex(o, key, NULL));
	return json_object_object_add_ex(o, key, v,
					 JSON_C_OBJECT_KEY_IS_CONSTANT |
						 JSON_C_OBJECT_ADD_KEY_IS_NEW);
}

static bool add(struct json_object *o, const char *key, struct json_object *v)
{
	if (!v)
		return false;
	if (set_key(o, key, v) < 0) {
		json_object_put(v);
		return false;
	}
	return true;
}

static bool push(struct json_object *a, struct json_object *v)
{
	if (!v)
		return false;
	if (json_object_array_add(a, v) < 0) {
		json_object_put(v);
		return false;
	}
	return true;
}

static struct json_object *new_str(const char *s)
{
	return json_object_new_string(s ? s : "");
}

/* Go's m[key] = s: a repeated key replaces the earlier value. */
static bool map_add_str(struct json_object *m, const char *key, const char *s)
{
	struct json_object *v = new_str(s);

	if (!v)
		return false;
	if (json_object_object_add_ex(m, key, v,
				      JSON_C_OBJECT_KEY_IS_CONSTANT) < 0) {
		json_object_put(v);
		return false;
	}
	return true;
}

/* A string field without omitempty. */
static bool add_str(struct json_object *o, const char *key, const char *s)
{
	return add(o, key, new_str(s));
}

/* A string field with omitempty. */
static bool add_str_oe(struct json_object *o, const char *key, const char *s)
{
	return !s || !*s || add_str(o, key, s);
}

static bool add_true_oe(struct json_object *o, const char *key, bool b)
{
	return !b || add(o, key, json_object_new_boolean(1));
}

static bool add_u64(struct json_object *o, const char *key, uint64_t v)
{
	return add(o, key, json_object_new_uint64(v));
}

static struct json_object *new_str_array(const struct str_list *l)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	if (!a)
		return NULL;
	for (i = 0; i < l->n; i++) {
		if (!push(a, new_str(l->v[i]))) {
			json_object_put(a);
			return NULL;
		}
	}
	return a;
}

/* A []string without omitempty: nil is json null. */
static bool add_list(struct json_object *o, const char *key,
		     const struct str_list *l)
{
	if (!l->set)
		return set_key(o, key, NULL) == 0;
	return add(o, key, new_str_array(l));
}

/* A []string with omitempty: nil and empty are left out. */
static bool add_list_oe(struct json_object *o, const char *key,
			const struct str_list *l)
{
	return !l->set || !l->n || add_list(o, key, l);
}

/* Add a fresh object under `key`; NULL on failure. */
static struct json_object *add_obj(struct json_object *o, const char *key)
{
	struct json_object *c = json_object_new_object();

	return add(o, key, c) ? c : NULL;
}

static bool add_opt_u64(struct json_object *o, const char *key,
			struct opt_u64 v)
{
	return !v.set || add_u64(o, key, v.v);
}

static bool add_opt_u16(struct json_object *o, const char *key,
			struct opt_u16 v)
{
	return !v.set || add_u64(o, key, v.v);
}

/* ---- specs.Spec, driven by oci/spec_fields.h ------------------------- */

struct build_row;
typedef bool build_fn(struct json_object *o, const struct build_row *r,
		      const void *base);

/* One written row of a section (OCI_ROW_TABLES). */
OCI_ROW_STRUCT(build_row, build_fn);

static build_fn build_capabilities, build_devices, build_credspec,
	build_namespaces, build_mounts, build_annotations;

#define OCI_ROW_T struct build_row
#define OCI_ROW_P build
OCI_ROW_TABLES
#undef OCI_ROW_P
#undef OCI_ROW_T

static bool build_rows(struct json_object *o, const struct build_row *r,
		       const void *base, bool full);

/* A nested struct: its object, filled from its section's rows. */
static bool build_obj(struct json_object *o, const struct build_row *r,
		      const void *base, bool full)
{
	struct json_object *c = add_obj(o, r->key);

	return c && build_rows(c, r->sub, base, full);
}

static bool rows_zero(const struct build_row *r, const void *base);

/*
 * Whether a row's member prints the same as no key at all: Go's zero
 * value of a field without omitempty, or a value omitempty drops. FN
 * rows are never taken for zero.
 */
static bool row_zero(const struct build_row *r, const void *base)
{
	const void *m = (const char *)base + r->off;
	const struct str_list *l = m;
	const char *str;

	switch (r->wr) {
	case OCI_WR_STR:
		str = *(const char *const *)m;
		return !str || !*str;
	case OCI_WR_BOOL:
		return !*(const bool *)m;
	case OCI_WR_U32:
		return !*(const uint32_t *)m;
	case OCI_WR_U64:
		return !*(const uint64_t *)m;
	case OCI_WR_OPT_U16:
		return !((const struct opt_u16 *)m)->set;
	case OCI_WR_OPT_U64:
		return !((const struct opt_u64 *)m)->set;
	case OCI_WR_LIST: /* nil is null, absent too; omitempty drops [] */
		return !l->set || (r->oe && !l->n);
	case OCI_WR_OBJ:
		return !*(const bool *)m;
	case OCI_WR_VAL:
		return rows_zero(r->sub, base);
	case OCI_WR_FN:
		break;
	}
	return false;
}

static bool rows_zero(const struct build_row *r, const void *base)
{
	for (; r->key; r++)
		if (!row_zero(r, base))
			return false;
	return true;
}

/*
 * A struct held by value (VAL). Fast path without `full`: when every
 * field holds its zero value the object is left out, since Go prints an
 * absent struct value as the same all-zero struct (process.user of uid 0
 * and gid 0): one json-c object and its values saved. With `full`
 * (explain, which tells a value set to zero from one left unset) it is
 * built as always.
 */
static bool build_val(struct json_object *o, const struct build_row *r,
		      const void *base, bool full)
{
	if (!full && rows_zero(r->sub, base))
		return true;
	return build_obj(o, r, base, full);
}

/* An unsigned integer; with omitempty, 0 is left out. */
static bool add_uint(struct json_object *o, const struct build_row *r,
		     uint64_t v)
{
	return (r->oe && !v) || add_u64(o, r->key, v);
}

static bool add_bool(struct json_object *o, const struct build_row *r, bool b)
{
	if (r->oe)
		return add_true_oe(o, r->key, b);
	return add(o, r->key, json_object_new_boolean(b));
}

/* One row: its member of `base` (the section's C struct) under r->key. */
static bool build_row(struct json_object *o, const struct build_row *r,
		      const void *base, bool full)
{
	const void *m = (const char *)base + r->off;

	switch (r->wr) {
	case OCI_WR_STR:
		return r->oe ? add_str_oe(o, r->key, *(const char *const *)m)
			     : add_str(o, r->key, *(const char *const *)m);
	case OCI_WR_BOOL:
		return add_bool(o, r, *(const bool *)m);
	case OCI_WR_U32:
		return add_uint(o, r, *(const uint32_t *)m);
	case OCI_WR_U64:
		return add_uint(o, r, *(const uint64_t *)m);
	case OCI_WR_OPT_U16:
		return add_opt_u16(o, r->key, *(const struct opt_u16 *)m);
	case OCI_WR_OPT_U64:
		return add_opt_u64(o, r->key, *(const struct opt_u64 *)m);
	case OCI_WR_LIST:
		return r->oe ? add_list_oe(o, r->key, m) : add_list(o, r->key, m);
	case OCI_WR_OBJ:
		return !*(const bool *)m || build_obj(o, r, base, full);
	case OCI_WR_VAL:
		return build_val(o, r, base, full);
	case OCI_WR_FN:
		return r->fn(o, r, base);
	}
	return false;
}

static bool build_rows(struct json_object *o, const struct build_row *r,
		       const void *base, bool full)
{
	for (; r->key; r++)
		if (!build_row(o, r, base, full))
			return false;
	return true;
}

/*
 * A slice of structs: one object per element, from r->sub, every value
 * built (mounts and devices hold no struct values to leave out).
 */
static bool build_slice(struct json_object *o, const struct build_row *r,
			const void *items, size_t n, size_t size)
{
	struct json_object *a, *e;

	if (!n)
		return true;
	a = json_object_new_array();
	if (!add(o, r->key, a))
		return false;
	for (size_t i = 0; i < n; i++) {
		e = json_object_new_object();
		if (!push(a, e) ||
		    !build_rows(e, r->sub, (const char *)items + i * size,
				true))
			return false;
	}
	return true;
}

static bool build_mounts(struct json_object *o, const struct build_row *r,
			 const void *base)
{
	const struct oci_spec *s = base;

	return build_slice(o, r, s->mounts, s->nmounts, sizeof(*s->mounts));
}

static bool build_devices(struct json_object *o, const struct build_row *r,
			  const void *base)
{
	const struct oci_spec *s = base;

	return build_slice(o, r, s->windows.devices, s->windows.ndevices,
			   sizeof(*s->windows.devices));
}

/* LCOW: moby's SetCapabilities gives the same list four times. */
static bool build_capabilities(struct json_object *o,
			       const struct build_row *r, const void *base)
{
	static const char *const sets[] = { "bounding", "effective",
					    "inheritable", "permitted" };
	const struct oci_spec *s = base;
	struct json_object *c;

	if (!s->process.capabilities)
		return true;
	c = add_obj(o, r->key);
	for (size_t i = 0; c && i < 4; i++)
		if (!add_list_oe(c, sets[i], s->process.capabilities))
			return false;
	return c != NULL;
}

/* A Go map: a repeated key keeps the last value. */
static bool build_annotations(struct json_object *o,
			      const struct build_row *r, const void *base)
{
	const struct oci_spec *s = base;
	struct json_object *m;
	size_t i;

	if (!s->nannotations)
		return true;
	m = add_obj(o, r->key);
	if (!m)
		return false;
	for (i = 0; i < s->nannotations; i++) {
		if (!map_add_str(m, s->annotations[i].key ?
					    s->annotations[i].key : "",
				 s->annotations[i].value))
			return false;
	}
	return true;
}

/* LCOW: LinuxNamespace{type} for each namespace type. */
static bool build_namespaces(struct json_object *o, const struct build_row *r,
			     const void *base)
{
	const struct oci_spec *s = base;
	struct json_object *ns = json_object_new_array(), *n;

	if (!ns || set_key(o, r->key, ns) < 0)
		return false;
	for (size_t i = 0; i < s->linux.namespaces.n; i++) {
		n = json_object_new_object();
		if (!n || json_object_array_add(ns, n) < 0 ||
		    !add_str(n, "type", s->linux.namespaces.v[i]))
			return false;
	}
	return true;
}

/*
 * Copy JSON text with every integer literal made a decimal one ("7" ->
 * "7.0"), so json-c reads each number as a double: Go decodes any number
 * in an interface{} as float64 (encoding/json decode.go convertNumber),
 * and json-c would silently clamp integers beyond the uint64 range.
 */
static void numbers_as_floats(struct strbuf *out, const char *t)
{
	size_t i = 0, start;
	bool frac;

	while (t[i]) {
		if (t[i] == '"') {
			start = i++;
			while (t[i] && t[i] != '"')
				i += t[i] == '\\' && t[i + 1] ? 2 : 1;
			if (t[i])
				i++;
			strbuf_add(out, t + start, i - start);
		} else if (t[i] == '-' || (t[i] >= '0' && t[i] <= '9')) {
			start = i;
			frac = false;
			while (t[i] == '-' || t[i] == '+' || t[i] == '.' ||
			       t[i] == 'e' || t[i] == 'E' ||
			       (t[i] >= '0' && t[i] <= '9')) {
				frac |= t[i] == '.' || t[i] == 'e' || t[i] == 'E';
				i++;
			}
			strbuf_add(out, t + start, i - start);
			if (!frac)
				strbuf_add(out, ".0", 2);
		} else {
			strbuf_addch(out, t[i++]);
		}
	}
}

/* Re-read the compact JSON of a non-string credential spec. */
static bool add_credspec_json(struct json_object *o, const char *key,
			      const char *text)
{
	struct json_tokener *tok = json_tokener_new_ex(CREDSPEC_MAX_DEPTH);
	struct strbuf sb = STRBUF_INIT;
	struct json_object *v;
	bool ok;

	if (!tok)
		return false;
	numbers_as_floats(&sb, text ? text : "");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	/* The NUL is passed too: it ends a top-level number or literal. */
	v = json_tokener_parse_ex(tok, sb.buf, (int)sb.len + 1);
	ok = json_tokener_get_error(tok) == json_tokener_success &&
	     json_tokener_get_parse_end(tok) == sb.len;
	json_tokener_free(tok);
	strbuf_release(&sb);
	if (!ok) {
		json_object_put(v);
		return false;
	}
	/* A JSON null is a nil interface{}: omitted. */
	return !v || add(o, key, v);
}

static bool build_credspec(struct json_object *o, const struct build_row *r,
			   const void *base)
{
	const struct oci_spec *s = base;

	switch (s->windows.credspec_kind) {
	case OCI_CREDSPEC_NONE:
		break;
	case OCI_CREDSPEC_STRING:
		return add_str(o, r->key, s->windows.credential_spec);
	case OCI_CREDSPEC_OTHER:
		return add_credspec_json(o, r->key,
					 s->windows.credential_spec_json);
	}
	return true;
}

/* ---- docker-1.12: moby da92dad's windowsoci.WindowsSpec ---------------- */
/* rule: oci.moby-112.spec */

static bool build_process_112(struct json_object *root, const struct oci_spec *s)
{
	struct json_object *p = add_obj(root, "process"), *u;

	if (!p || !add(p, "terminal", json_object_new_boolean(s->process.terminal)))
		return false;
	u = add_obj(p, "user");
	return u && add_str_oe(u, "user", s->process.username) &&
	       add_list(p, "args", &s->process.args) &&
	       add_list_oe(p, "env", &s->process.env) &&
	       add_str(p, "cwd", s->process.cwd);
}

/* Mount{destination, type, source, readonly}: no omitempty, nil is null. */
static bool build_mounts_112(struct json_object *root, const struct oci_spec *s)
{
	struct json_object *a, *m;

	if (!s->nmounts)
		return set_key(root, "mounts", NULL) == 0;
	a = json_object_new_array();
	if (!add(root, "mounts", a))
		return false;
	for (size_t i = 0; i < s->nmounts; i++) {
		const struct oci_mount *mt = &s->mounts[i];
		bool ro = mt->options.n && !strcmp(mt->options.v[0], "ro");

		m = json_object_new_object();
		if (!push(a, m) || !add_str(m, "destination", mt->destination) ||
		    !add_str(m, "type", "") || !add_str(m, "source", mt->source) ||
		    !add(m, "readonly", json_object_new_boolean(ro)))
			return false;
	}
	return true;
}

/* Resources: CPU {shares, percent} and empty memory, storage, network. */
static bool build_resources_112(struct json_object *w, const struct oci_spec *s)
{
	struct json_object *r = add_obj(w, "resources"), *cpu;

	if (!r || !add_obj(r, "memory"))
		return false;
	cpu = add_obj(r, "cpu");
	return cpu && add_u64(cpu, "shares", s->w112.cpu_shares) &&
	       add(cpu, "percent", json_object_new_int64(s->w112.cpu_percent)) &&
	       add_obj(r, "storage") && add_obj(r, "network");
}

static bool build_windows_112(struct json_object *root, const struct oci_spec *s)
{
	const struct str_list *lf = &s->windows.layer_folders;
	struct str_list paths = { lf->v, lf->n ? lf->n - 1 : 0, lf->n > 1 };
	struct json_object *w = add_obj(root, "windows"), *n, *hv;

	if (!w || !build_resources_112(w, s))
		return false;
	n = add_obj(w, "networking");
	if (!n || !add_list_oe(n, "endpoints", &s->windows.endpoint_list) ||
	    !add_true_oe(w, "first_start", s->windows.ignore_flushes_during_boot) ||
	    !add_str_oe(w, "layer_folder", lf->n ? lf->v[lf->n - 1] : "") ||
	    !add_list_oe(w, "layer_paths", &paths))
		return false;
	if (!s->windows.has_hyperv)
		return true;
	hv = add_obj(w, "hv_runtime");
	return hv && add_str_oe(hv, "image_path", s->w112.hv_image);
}

static struct json_object *windowsoci_to_json(const struct oci_spec *s)
{
	struct json_object *root = json_object_new_object(), *pl;

	if (!root)
		return NULL;
	pl = NULL;
	if (add_str(root, "ociVersion", s->oci_version) &&
	    (pl = add_obj(root, "platform")) && add_str(pl, "os", "windows") &&
	    add_str(pl, "arch", "amd64") && build_process_112(root, s)) {
		struct json_object *r = add_obj(root, "root");

		if (r && add_str(r, "path", s->root.path) &&
		    add(r, "readonly", json_object_new_boolean(s->root.readonly)) &&
		    add_str_oe(root, "hostname", s->hostname) &&
		    build_mounts_112(root, s) && build_windows_112(root, s))
			return root;
	}
	json_object_put(root);
	return NULL;
}

static struct json_object *spec_to_json(const struct oci_spec *s, bool full)
{
	struct json_object *root;

	if (s->windowsoci)
		return windowsoci_to_json(s);
	root = json_object_new_object();
	if (root && build_rows(root, build_rows_spec, s, full))
		return root;
	json_object_put(root);
	return NULL;
}

struct json_object *oci_spec_to_json(const struct oci_spec *s,
				     struct prov_tab *px, bool full)
{
	struct json_object *root = spec_to_json(s, full || px);

	if (root && px)
		oci_json_explain(root, s, px);
	return root;
}
