/*
 * decode.c: an OCI runtime spec (config.json) -> struct oci_spec, for
 * `--from-oci` (rule: hcsc.from-oci.decode). Mirrors what Go's
 * json.Unmarshal(config.json, &specs.Spec{}) leaves in the struct that
 * containerd hands to hcsshim, for the fields hcsc reads.
 *
 * The input is decoded by the schema decoder (model/schema.h) into the
 * private slot structs of decode_slots.h, then copied into struct oci_spec.
 * The tables (decode_schema.c)
 * list every field of opencontainers/runtime-spec v1.3.0 specs-go/config.go
 * on the Spec -> Process/User/Box, Root, Mount, Windows path: the ones hcsc
 * reads are FS_MODELLED; the rest FS_IGNORED, type-checked as Go would for
 * scalars (through scratch slots) and not at all for nested Linux-only
 * values (FT_ANY). `credentialSpec` is an interface{}: any JSON value,
 * kept as text for re-printing when it is not a string.
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
 * Each position is the node that gave the value, else its nearest present
 * parent (rule: hcsc.diag.format), else the whole input.
 */

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

static void copy_process(const struct process_slots *p, struct oci_spec *s)
{
	s->has_process = p->hdr.set;
	s->process.pos = pos_or(p->hdr.pos, s->pos);
	s->process.terminal = p->terminal.v;
	s->process.has_console_size = p->console_size.hdr.set;
	s->process.console_height = p->console_size.height.v;
	s->process.console_width = p->console_size.width.v;
	s->process.uid = (uint32_t)p->user.uid.v;
	s->process.gid = (uint32_t)p->user.gid.v;
	s->process.username = p->user.username.v;
	s->process.args = str_list_of(&p->args);
	s->process.command_line = p->command_line.v;
	s->process.env = str_list_of(&p->env);
	s->process.cwd = p->cwd.v;
}

static void copy_root(const struct root_slots *r, struct oci_spec *s)
{
	s->has_root = r->hdr.set;
	s->root.path = r->path.v;
	s->root.readonly = r->readonly.v;
	s->root.pos = pos_or(r->hdr.pos, s->pos);
	s->root.path_pos = pos_or(r->path.pos, s->root.pos);
	s->root.readonly_pos = pos_or(r->readonly.pos, s->root.pos);
}

static void copy_mounts(struct arena *a, const struct v_objlist *l,
			struct oci_spec *s)
{
	const struct mount_slots *ms = l->items;

	s->nmounts = l->n;
	s->mounts = arena_array(a, l->n, sizeof(*s->mounts));
	for (size_t i = 0; i < l->n; i++) {
		struct oci_mount *m = &s->mounts[i];

		m->destination = ms[i].destination.v;
		m->type = ms[i].type.v;
		m->source = ms[i].source.v;
		m->options = str_list_of(&ms[i].options);
		m->pos = ms[i].hdr.pos;
	}
}

static void copy_annotations(struct arena *a, const struct v_map *m,
			     struct oci_spec *s)
{
	s->nannotations = m->n;
	s->annotations = arena_array(a, m->n, sizeof(*s->annotations));
	for (size_t i = 0; i < m->n; i++) {
		s->annotations[i].key = m->keys[i];
		s->annotations[i].value = m->vals[i];
	}
}

static void copy_layers(struct arena *a, const struct windows_slots *w,
			struct oci_spec *s)
{
	const struct v_list *l = &w->layer_folders;

	s->windows.layer_folders = str_list_of(l);
	s->windows.layers_pos = pos_or(l->pos, s->windows.pos);
	/* One more than needed: the list's own position closes it. */
	s->windows.layer_pos = arena_array(a, l->n + 1, sizeof(struct hcsc_pos));
	for (size_t i = 0; i < l->n; i++)
		s->windows.layer_pos[i] = l->item_pos[i];
	s->windows.layer_pos[l->n] = s->windows.layers_pos;
}

static void copy_devices(struct arena *a, const struct v_objlist *l,
			 struct oci_spec *s)
{
	const struct device_slots *ds = l->items;

	s->windows.ndevices = l->n;
	s->windows.devices = arena_array(a, l->n, sizeof(*s->windows.devices));
	for (size_t i = 0; i < l->n; i++) {
		s->windows.devices[i].id = ds[i].id.v;
		s->windows.devices[i].id_type = ds[i].id_type.v;
		s->windows.devices[i].pos = ds[i].hdr.pos;
	}
}

static void copy_resources(const struct resources_slots *r, struct oci_spec *s)
{
	struct hcsc_pos rpos = pos_or(r->hdr.pos, s->windows.pos);
	struct hcsc_pos mpos = pos_or(r->memory.hdr.pos, rpos);
	struct hcsc_pos cpos = pos_or(r->cpu.hdr.pos, rpos);

	s->windows.has_resources = r->hdr.set;
	s->windows.has_memory = r->memory.hdr.set;
	s->windows.memory_limit = opt_u64_of(&r->memory.limit);
	s->windows.memory_pos = pos_or(r->memory.limit.pos, mpos);
	s->windows.has_cpu = r->cpu.hdr.set;
	s->windows.cpu_count = opt_u64_of(&r->cpu.count);
	s->windows.cpu_shares = opt_u16_of(&r->cpu.shares);
	s->windows.cpu_maximum = opt_u16_of(&r->cpu.maximum);
	s->windows.cpu_count_pos = pos_or(r->cpu.count.pos, cpos);
	s->windows.cpu_shares_pos = pos_or(r->cpu.shares.pos, cpos);
	s->windows.cpu_maximum_pos = pos_or(r->cpu.maximum.pos, cpos);
	s->windows.has_storage = r->storage.hdr.set;
	s->windows.storage_iops = opt_u64_of(&r->storage.iops);
	s->windows.storage_bps = opt_u64_of(&r->storage.bps);
	s->windows.storage_sandbox_size = opt_u64_of(&r->storage.sandbox_size);
	s->windows.storage_pos = pos_or(r->storage.hdr.pos, rpos);
}

static bool copy_credspec(struct arena *a, struct diag_list *d,
			  const struct v_node *c, struct oci_spec *s)
{
	s->windows.credspec_pos = pos_or(c->pos, s->windows.pos);
	if (!c->set)
		return true; /* absent or null: a nil interface{} */
	if (c->n->kind == NODE_STR && !c->n->number) {
		s->windows.credspec_kind = OCI_CREDSPEC_STRING;
		s->windows.credential_spec = c->n->text;
		return true;
	}
	s->windows.credspec_kind = OCI_CREDSPEC_OTHER;
	return credspec_text(a, d, c->n, &s->windows.credential_spec_json);
}

static void copy_network(const struct network_slots *n, struct oci_spec *s)
{
	s->windows.has_network = n->hdr.set;
	s->windows.endpoint_list = str_list_of(&n->endpoint_list);
	s->windows.allow_unqualified_dns_query = n->allow_unqualified_dns_query.v;
	s->windows.dns_search_list = str_list_of(&n->dns_search_list);
	s->windows.network_shared_container_name =
		n->network_shared_container_name.v;
	s->windows.network_namespace = n->network_namespace.v;
	s->windows.network_pos = pos_or(n->hdr.pos, s->windows.pos);
}

static bool copy_windows(struct arena *a, struct diag_list *d,
			 const struct windows_slots *w, struct oci_spec *s)
{
	s->has_windows = w->hdr.set;
	s->windows.pos = pos_or(w->hdr.pos, s->pos);
	copy_layers(a, w, s);
	copy_devices(a, &w->devices, s);
	copy_resources(&w->resources, s);
	s->windows.servicing = w->servicing.v;
	s->windows.ignore_flushes_during_boot = w->ignore_flushes_during_boot.v;
	s->windows.has_hyperv = w->hyperv.hdr.set;
	s->windows.utility_vm_path = w->hyperv.utility_vm_path.v;
	s->windows.hyperv_pos = pos_or(w->hyperv.hdr.pos, s->windows.pos);
	copy_network(&w->network, s);
	return copy_credspec(a, d, &w->credential_spec, s);
}

enum hcsc_rc oci_decode(struct arena *a, struct diag_list *d,
			const char *file, const struct node *root,
			struct oci_spec *out)
{
	struct decode_ctx ctx = { a, d, false, true, NULL };
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
	out->oci_version = sl->oci_version.v;
	copy_process(&sl->process, out);
	copy_root(&sl->root, out);
	out->hostname = sl->hostname.v;
	out->hostname_pos = pos_or(sl->hostname.pos, out->pos);
	copy_mounts(a, &sl->mounts, out);
	copy_annotations(a, &sl->annotations, out);
	return copy_windows(a, d, &sl->windows, out) ? HCSC_OK : HCSC_E_INPUT;
}
