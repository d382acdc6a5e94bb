/*
 * decode.c: an OCI runtime spec (config.json) -> struct oci_spec, for
 * `--from-oci` (DESIGN.md Decision 19). Mirrors what Go's
 * json.Unmarshal(config.json, &specs.Spec{}) leaves in the struct that
 * containerd hands to hcsshim, for the fields hcsc reads.
 *
 * The input is decoded by the schema decoder (model/schema.h) into the
 * private slot structs below, then copied into struct oci_spec. The tables
 * list every field of opencontainers/runtime-spec v1.3.0 specs-go/config.go
 * on the Spec -> Process/User/Box, Root, Mount, Windows path: the ones hcsc
 * reads are FS_MODELLED; the rest FS_IGNORED, type-checked as Go would for
 * scalars (through scratch slots) and not at all for nested Linux-only
 * values (FT_ANY). `credentialSpec` is an interface{}: any JSON value,
 * kept as text for re-printing when it is not a string.
 */
#include "decode.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "load/node.h"
#include "model/schema.h"

/* ---- slots ---------------------------------------------------------------- */

struct box_slots {
	struct v_obj hdr;
	struct v_uint height, width;
};

struct user_slots {
	struct v_obj hdr;
	struct v_uint uid, gid;
	struct v_str username;
	struct v_uint scratch_u32; /* umask: type-checked, dropped */
};

struct process_slots {
	struct v_obj hdr;
	struct v_bool terminal;
	struct box_slots console_size;
	struct user_slots user;
	struct v_list args;
	struct v_str command_line;
	struct v_list env;
	struct v_str cwd;
	/* Linux-only scalars: type-checked, dropped */
	struct v_bool scratch_bool;
	struct v_str scratch_str;
	struct v_int scratch_int;
};

struct root_slots {
	struct v_obj hdr;
	struct v_str path;
	struct v_bool readonly;
};

struct mount_slots {
	struct v_obj hdr;
	struct v_str destination, type, source;
	struct v_list options;
};

struct device_slots {
	struct v_obj hdr;
	struct v_str id, id_type;
};

struct memory_slots {
	struct v_obj hdr;
	struct v_uint limit;
};

struct cpu_slots {
	struct v_obj hdr;
	struct v_uint count, shares, maximum;
};

struct storage_slots {
	struct v_obj hdr;
	struct v_uint iops, bps, sandbox_size;
};

struct resources_slots {
	struct v_obj hdr;
	struct memory_slots memory;
	struct cpu_slots cpu;
	struct storage_slots storage;
};

struct hyperv_slots {
	struct v_obj hdr;
	struct v_str utility_vm_path;
};

struct network_slots {
	struct v_obj hdr;
	struct v_list endpoint_list;
	struct v_bool allow_unqualified_dns_query;
	struct v_list dns_search_list;
	struct v_str network_shared_container_name;
	struct v_str network_namespace;
};

struct windows_slots {
	struct v_obj hdr;
	struct v_list layer_folders;
	struct v_objlist devices;
	struct resources_slots resources;
	struct v_node credential_spec;
	struct v_bool servicing;
	struct v_bool ignore_flushes_during_boot;
	struct hyperv_slots hyperv;
	struct network_slots network;
};

struct spec_slots {
	struct v_obj hdr;
	struct v_str oci_version;
	struct process_slots process;
	struct root_slots root;
	struct v_str hostname;
	struct v_str scratch_str; /* domainname: type-checked, dropped */
	struct v_objlist mounts;
	struct v_map annotations;
	struct windows_slots windows;
};

/* ---- schemas (runtime-spec v1.3.0 specs-go/config.go) --------------------- */

#define U16 0, 0, UINT16_MAX
#define U32 0, 0, UINT32_MAX
#define U64 0, 0, UINT64_MAX
#define INT INT64_MIN, INT64_MAX, 0 /* Go int: 64 bits on Windows */
#define NR 0, 0, 0

#define M(key, type, st, mem, sub, range) \
	{ key, type, offsetof(st, mem), sub, FS_MODELLED, range, NULL }
/* A field hcsc does not read: type-checked through a scratch slot. */
#define IG(key, type, st, mem, range) \
	{ key, type, offsetof(st, mem), NULL, FS_IGNORED, range, NULL }
/* A field hcsc does not read, accepted whatever its value. */
#define IGANY(key) { key, FT_ANY, NO_SLOT, NULL, FS_IGNORED, NR, NULL }
#define SCHEMA(var, label, st, table) \
	static const struct schema var = { label, sizeof(st), table, \
					   sizeof(table) / sizeof(table[0]) }

static const struct field box_fields[] = {
	M("height", FT_UINT, struct box_slots, height, NULL, U64),
	M("width", FT_UINT, struct box_slots, width, NULL, U64),
};
SCHEMA(box_schema, "specs.Box", struct box_slots, box_fields);

static const struct field user_fields[] = {
	M("uid", FT_UINT, struct user_slots, uid, NULL, U32),
	M("gid", FT_UINT, struct user_slots, gid, NULL, U32),
	IG("umask", FT_UINT, struct user_slots, scratch_u32, U32),
	IGANY("additionalGids"),
	M("username", FT_STRING, struct user_slots, username, NULL, NR),
};
SCHEMA(user_schema, "specs.User", struct user_slots, user_fields);

#define P struct process_slots
static const struct field process_fields[] = {
	M("terminal", FT_BOOL, P, terminal, NULL, NR),
	M("consoleSize", FT_STRUCT, P, console_size, &box_schema, NR),
	M("user", FT_STRUCT, P, user, &user_schema, NR),
	M("args", FT_STRLIST, P, args, NULL, NR),
	M("commandLine", FT_STRING, P, command_line, NULL, NR),
	M("env", FT_STRLIST, P, env, NULL, NR),
	M("cwd", FT_STRING, P, cwd, NULL, NR),
	IGANY("capabilities"),
	IGANY("rlimits"),
	IG("noNewPrivileges", FT_BOOL, P, scratch_bool, NR),
	IG("apparmorProfile", FT_STRING, P, scratch_str, NR),
	IG("oomScoreAdj", FT_INT, P, scratch_int, INT),
	IGANY("scheduler"),
	IG("selinuxLabel", FT_STRING, P, scratch_str, NR),
	IGANY("ioPriority"),
	IGANY("execCPUAffinity"),
};
#undef P
SCHEMA(process_schema, "specs.Process", struct process_slots, process_fields);

static const struct field root_fields[] = {
	M("path", FT_STRING, struct root_slots, path, NULL, NR),
	M("readonly", FT_BOOL, struct root_slots, readonly, NULL, NR),
};
SCHEMA(root_schema, "specs.Root", struct root_slots, root_fields);

static const struct field mount_fields[] = {
	M("destination", FT_STRING, struct mount_slots, destination, NULL, NR),
	M("type", FT_STRING, struct mount_slots, type, NULL, NR),
	M("source", FT_STRING, struct mount_slots, source, NULL, NR),
	M("options", FT_STRLIST, struct mount_slots, options, NULL, NR),
	IGANY("uidMappings"),
	IGANY("gidMappings"),
};
SCHEMA(mount_schema, "specs.Mount", struct mount_slots, mount_fields);

static const struct field device_fields[] = {
	M("id", FT_STRING, struct device_slots, id, NULL, NR),
	M("idType", FT_STRING, struct device_slots, id_type, NULL, NR),
};
SCHEMA(device_schema, "specs.WindowsDevice", struct device_slots, device_fields);

static const struct field memory_fields[] = {
	M("limit", FT_UINT, struct memory_slots, limit, NULL, U64),
};
SCHEMA(memory_schema, "specs.WindowsMemoryResources", struct memory_slots,
       memory_fields);

static const struct field cpu_fields[] = {
	M("count", FT_UINT, struct cpu_slots, count, NULL, U64),
	M("shares", FT_UINT, struct cpu_slots, shares, NULL, U16),
	M("maximum", FT_UINT, struct cpu_slots, maximum, NULL, U16),
	IGANY("affinity"),
};
SCHEMA(cpu_schema, "specs.WindowsCPUResources", struct cpu_slots, cpu_fields);

static const struct field storage_fields[] = {
	M("iops", FT_UINT, struct storage_slots, iops, NULL, U64),
	M("bps", FT_UINT, struct storage_slots, bps, NULL, U64),
	M("sandboxSize", FT_UINT, struct storage_slots, sandbox_size, NULL, U64),
};
SCHEMA(storage_schema, "specs.WindowsStorageResources", struct storage_slots,
       storage_fields);

static const struct field resources_fields[] = {
	M("memory", FT_STRUCT, struct resources_slots, memory, &memory_schema, NR),
	M("cpu", FT_STRUCT, struct resources_slots, cpu, &cpu_schema, NR),
	M("storage", FT_STRUCT, struct resources_slots, storage, &storage_schema, NR),
};
SCHEMA(resources_schema, "specs.WindowsResources", struct resources_slots,
       resources_fields);

static const struct field hyperv_fields[] = {
	M("utilityVMPath", FT_STRING, struct hyperv_slots, utility_vm_path, NULL, NR),
};
SCHEMA(hyperv_schema, "specs.WindowsHyperV", struct hyperv_slots, hyperv_fields);

#define N struct network_slots
static const struct field network_fields[] = {
	M("endpointList", FT_STRLIST, N, endpoint_list, NULL, NR),
	M("allowUnqualifiedDNSQuery", FT_BOOL, N, allow_unqualified_dns_query, NULL, NR),
	M("DNSSearchList", FT_STRLIST, N, dns_search_list, NULL, NR),
	M("networkSharedContainerName", FT_STRING, N, network_shared_container_name, NULL, NR),
	M("networkNamespace", FT_STRING, N, network_namespace, NULL, NR),
};
#undef N
SCHEMA(network_schema, "specs.WindowsNetwork", struct network_slots,
       network_fields);

#define W struct windows_slots
static const struct field windows_fields[] = {
	M("layerFolders", FT_STRLIST, W, layer_folders, NULL, NR),
	M("devices", FT_STRUCTLIST, W, devices, &device_schema, NR),
	M("resources", FT_STRUCT, W, resources, &resources_schema, NR),
	M("credentialSpec", FT_RAW, W, credential_spec, NULL, NR),
	M("servicing", FT_BOOL, W, servicing, NULL, NR),
	M("ignoreFlushesDuringBoot", FT_BOOL, W, ignore_flushes_during_boot, NULL, NR),
	M("hyperv", FT_STRUCT, W, hyperv, &hyperv_schema, NR),
	M("network", FT_STRUCT, W, network, &network_schema, NR),
};
#undef W
SCHEMA(windows_schema, "specs.Windows", struct windows_slots, windows_fields);

#define S struct spec_slots
static const struct field spec_fields[] = {
	M("ociVersion", FT_STRING, S, oci_version, NULL, NR),
	M("process", FT_STRUCT, S, process, &process_schema, NR),
	M("root", FT_STRUCT, S, root, &root_schema, NR),
	M("hostname", FT_STRING, S, hostname, NULL, NR),
	IG("domainname", FT_STRING, S, scratch_str, NR),
	M("mounts", FT_STRUCTLIST, S, mounts, &mount_schema, NR),
	IGANY("hooks"),
	M("annotations", FT_STRMAP, S, annotations, NULL, NR),
	IGANY("linux"),
	IGANY("solaris"),
	M("windows", FT_STRUCT, S, windows, &windows_schema, NR),
	IGANY("vm"),
	IGANY("zos"),
	IGANY("freebsd"),
};
#undef S
SCHEMA(spec_schema, "specs.Spec", struct spec_slots, spec_fields);

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
 * parent (Decision 22), else the whole input.
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

bool oci_decode(struct arena *a, struct diag_list *d, const char *file,
		const struct node *root, struct oci_spec *out)
{
	struct decode_ctx ctx = { a, d, false, true };
	struct spec_slots *sl;

	memset(out, 0, sizeof(*out));
	out->pos = pos_make(file, 1, 1);
	if (root)
		out->pos = pos_or(root->pos, out->pos);
	if (!root || root->kind != NODE_MAP) {
		diag_error(d, out->pos, "an OCI runtime spec must be a mapping");
		return false;
	}
	sl = arena_alloc(a, sizeof(*sl));
	if (!schema_decode(&ctx, &spec_schema, "", root, sl))
		return false;
	out->oci_version = sl->oci_version.v;
	copy_process(&sl->process, out);
	copy_root(&sl->root, out);
	out->hostname = sl->hostname.v;
	out->hostname_pos = pos_or(sl->hostname.pos, out->pos);
	copy_mounts(a, &sl->mounts, out);
	copy_annotations(a, &sl->annotations, out);
	return copy_windows(a, d, &sl->windows, out);
}
