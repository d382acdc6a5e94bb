/*
 * oci_prov.c: for `hcsc explain`, the OCI stage's provenance records
 * (common/prov.h, keyed by the address of each spec value) attached to the
 * config.json tree oci_json.c built from the same spec. It walks the tree
 * by the rows oci_json.c builds it from (oci/spec_fields.h): each value
 * gets the record keyed by its member of struct oci_spec, a nested
 * struct's object the one of its presence flag; a value whose member has
 * no record of its own is covered by its section's (rule: hcsc.explain).
 * docker-1.12's windowsoci keys are tagged by hand (tag_w112,
 * tag_windowsoci).
 */
#include "oci_prov.h"

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

#include "oci/spec.h"
#include "oci/spec_fields.h"
#include "prov.h"

static struct json_object *at(struct json_object *o, const char *key)
{
	return o ? json_object_object_get(o, key) : NULL;
}

/* Attach the record of `key` (if any) to o[name]. */
static void tag(const struct prov_tab *px, struct json_object *o,
		const char *name, const void *key)
{
	prov_attach(at(o, name), prov_get(px, key));
}

/* A []string: each item's own record, else the list's on the array. */
static void tag_list(const struct prov_tab *px, struct json_object *o,
		     const char *name, const struct str_list *l)
{
	struct json_object *a = at(o, name);

	prov_attach(a, prov_get(px, l));
	for (size_t i = 0; a && i < l->n && i < json_object_array_length(a); i++)
		prov_attach(json_object_array_get_idx(a, i),
			    prov_get(px, &l->v[i]));
}

/* ---- specs.Spec, by the rows of oci/spec_fields.h ------------------- */

struct tag_row;
typedef void tag_fn(const struct prov_tab *px, struct json_object *o,
		    const struct tag_row *r, const void *base);

OCI_ROW_STRUCT(tag_row, tag_fn);

static tag_fn tag_capabilities, tag_devices, tag_credspec, tag_namespaces,
	tag_mounts, tag_annotations;

#define OCI_ROW_T struct tag_row
#define OCI_ROW_P tag
OCI_ROW_TABLES
#undef OCI_ROW_P
#undef OCI_ROW_T

static void tag_rows(const struct prov_tab *px, struct json_object *o,
		     const struct tag_row *r, const void *base);

/*
 * One row: o[key] gets the record of its member; a nested struct's
 * object the record of its presence flag, and its rows theirs.
 */
static void tag_row(const struct prov_tab *px, struct json_object *o,
		    const struct tag_row *r, const void *base)
{
	const void *m = (const char *)base + r->off;

	switch (r->wr) {
	case OCI_WR_LIST:
		tag_list(px, o, r->key, m);
		break;
	case OCI_WR_OBJ:
		tag(px, o, r->key, m);
		tag_rows(px, at(o, r->key), r->sub, base);
		break;
	case OCI_WR_VAL:
		tag_rows(px, at(o, r->key), r->sub, base);
		break;
	case OCI_WR_FN:
		r->fn(px, o, r, base);
		break;
	default:
		tag(px, o, r->key, m);
		break;
	}
}

static void tag_rows(const struct prov_tab *px, struct json_object *o,
		     const struct tag_row *r, const void *base)
{
	for (; o && r->key; r++)
		tag_row(px, o, r, base);
}

/*
 * A slice of structs: each element's record (keyed by the element, whose
 * address is its first member's too: its fields inherit it).
 */
static void tag_slice(const struct prov_tab *px, struct json_object *o,
		      const struct tag_row *r, const void *items, size_t n,
		      size_t size)
{
	struct json_object *a = at(o, r->key);

	for (size_t i = 0; a && i < n; i++)
		prov_attach(json_object_array_get_idx(a, i),
			    prov_get(px, (const char *)items + i * size));
}

static void tag_mounts(const struct prov_tab *px, struct json_object *o,
		       const struct tag_row *r, const void *base)
{
	const struct oci_spec *s = base;

	tag_slice(px, o, r, s->mounts, s->nmounts, sizeof(*s->mounts));
}

static void tag_devices(const struct prov_tab *px, struct json_object *o,
			const struct tag_row *r, const void *base)
{
	const struct oci_spec *s = base;

	tag_slice(px, o, r, s->windows.devices, s->windows.ndevices,
		  sizeof(*s->windows.devices));
}

static void tag_capabilities(const struct prov_tab *px, struct json_object *o,
			     const struct tag_row *r, const void *base)
{
	const struct oci_spec *s = base;

	if (s->process.capabilities)
		tag(px, o, r->key, s->process.capabilities);
}

static void tag_annotations(const struct prov_tab *px, struct json_object *o,
			    const struct tag_row *r, const void *base)
{
	const struct oci_spec *s = base;
	struct json_object *m = at(o, r->key);

	/* A repeated key keeps the last value, as the builder does. */
	for (size_t i = 0; m && i < s->nannotations; i++)
		tag(px, m, s->annotations[i].key ? s->annotations[i].key : "",
		    &s->annotations[i].value);
}

static void tag_credspec(const struct prov_tab *px, struct json_object *o,
			 const struct tag_row *r, const void *base)
{
	const struct oci_spec *s = base;

	tag(px, o, r->key, &s->windows.credential_spec);
}

/* LCOW: moby's default namespaces carry no record of their own. */
static void tag_namespaces(const struct prov_tab *px, struct json_object *o,
			   const struct tag_row *r, const void *base)
{
	(void)px;
	(void)o;
	(void)r;
	(void)base;
}

/* ---- docker-1.12: windowsoci's keys that specs.Spec does not have ------ */

static void tag_w112(const struct prov_tab *px, struct json_object *root,
		     const struct oci_spec *s)
{
	struct json_object *w = at(root, "windows");
	struct json_object *cpu = at(at(w, "resources"), "cpu");

	tag(px, at(root, "process"), "user", &s->process.username); /* {} too */
	tag(px, at(at(root, "process"), "user"), "user", &s->process.username);
	tag(px, cpu, "percent", &s->w112.cpu_percent);
	if (!at(cpu, "count"))
		tag(px, cpu, "shares", &s->w112.cpu_shares);
	tag(px, w, "first_start", &s->windows.ignore_flushes_during_boot);
	tag(px, at(w, "hv_runtime"), "image_path", &s->w112.hv_image);
	tag_list(px, at(w, "networking"), "endpoints", &s->windows.endpoint_list);
}

/* Sections the builders fill with fixed values: one record each. */
static void tag_fixed(struct prov_tab *px, struct json_object *o,
		      const char *rule, const char *what)
{
	if (o)
		prov_attach(o, prov_fact(prov_new(px, rule), PROV_DEFAULT, what));
}

/* docker-1.12's windowsoci layout: the layer folders split in two. */
static void tag_windowsoci(struct prov_tab *px, struct json_object *root,
			   const struct oci_spec *s)
{
	const struct str_list *lf = &s->windows.layer_folders;
	struct json_object *w = at(root, "windows"), *paths;

	tag_fixed(px, at(root, "platform"), "oci.moby-112.spec",
		  "the engine's platform, windows/amd64");
	tag_fixed(px, at(w, "resources"), "oci.moby-112.spec",
		  "moby da92dad's resources: CPU shares and percent only");
	if (!lf->n)
		return;
	tag(px, w, "layer_folder", &lf->v[lf->n - 1]);
	paths = at(w, "layer_paths");
	for (size_t i = 0; paths && i + 1 < lf->n; i++)
		prov_attach(json_object_array_get_idx(paths, i),
			    prov_get(px, &lf->v[i]));
}

void oci_json_explain(struct json_object *root, const struct oci_spec *s,
		      struct prov_tab *px)
{
	if (s->windowsoci)
		tag_windowsoci(px, root, s);
	tag_fixed(px, at(root, "linux"), "oci.lcow.spec",
		  "moby's default spec for a Linux container");
	tag_rows(px, root, tag_rows_spec, s);
	tag_w112(px, root, s);
}
