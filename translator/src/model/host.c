/*
 * host.c: built-in host profiles (rule: hcsc.host.builtin-profiles) and host profile
 * files (rules: hcsc.host.os-build, hcsc.host.profile-file, hcsc.host.builtin-profiles, hcsc.host.filesystem-facts): OsBuild forms, Base, Sku, the daemon's
 * default isolation (moby setDefaultIsolation), filesystem facts and
 * credential spec stand-ins.
 */
#include "host.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "golower.h"
#include "load/node.h"
#include "schema.h"

/*
 * B(): the profile, its file label "<builtin:NAME>" (no join per compile)
 * and the name's length.
 */
#define B(name, build, client, aliases) \
	{ name, build, client, aliases, "<builtin:" name ">", sizeof(name) - 1 }

static const struct host_builtin builtins[] = {
	B("ltsc2016", 14393, false, "rs1,v1607"),
	B("win10-1607", 14393, true, ""),
	B("win10-1703", 15063, true, "rs2,v1703"),
	B("sac1709", 16299, false, "rs3,v1709"),
	B("win10-1709", 16299, true, ""),
	B("sac1803", 17134, false, "rs4,v1803"),
	B("win10-1803", 17134, true, ""),
	B("ltsc2019", 17763, false, "rs5,v1809"),
	B("win10-1809", 17763, true, ""),
	B("sac1903", 18362, false, "19h1,v1903"),
	B("win10-1903", 18362, true, ""),
	B("sac1909", 18363, false, "19h2,v1909"),
	B("win10-1909", 18363, true, ""),
	B("sac2004", 19041, false, "20h1,v2004"),
	B("win10-2004", 19041, true, ""),
	B("sac20h2", 19042, false, "20h2,v20h2"),
	B("win10-20h2", 19042, true, ""),
	B("win10-21h1", 19043, true, "21h1,v21h1"),
	B("win10-21h2", 19044, true, "v21h2win10"),
	B("win10-22h2", 19045, true, "v22h2win10"),
	B("ltsc2022", 20348, false, "21h2server,v21h2server"),
	B("win11-21h2", 22000, true, "v21h2win11"),
	B("win11-22h2", 22621, true, "v22h2win11"),
	B("sac23h2", 25398, false, "23h2,v23h2"),
	B("ltsc2025", 26100, false, "25h1server,v25h1server"),
	B("win11-24h2", 26100, true, ""),
};
#undef B

#define NBUILTINS (sizeof(builtins) / sizeof(builtins[0]))
#define BUILTIN_CPUS 4
#define BUILTIN_ROOT "C:\\ProgramData\\docker"

const struct host_builtin *host_builtins(size_t *n)
{
	*n = NBUILTINS;
	return builtins;
}

/* Is `name` one of the comma-separated `aliases`? */
static bool alias_match(const char *aliases, const char *name)
{
	size_t len = strlen(name);

	for (const char *p = aliases; *p;) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && ascii_ncasecmp(p, name, n) == 0)
			return true;
		p += n + (end ? 1 : 0);
	}
	return false;
}

/*
 * Names first, then aliases: the same answer as one pass testing both on
 * each entry, since no name is also an alias (test_host_builtins checks
 * it), and a profile named by its name (the default one on every compile)
 * is found without reading the alias lists.
 */
const struct host_builtin *host_builtin_find(const char *name)
{
	/* ascii_eqi() is false unless the lengths match: skip those. */
	size_t len = strlen(name);

	for (size_t i = 0; i < NBUILTINS; i++)
		if (builtins[i].len == len && ascii_eqi(builtins[i].name, name))
			return &builtins[i];
	for (size_t i = 0; i < NBUILTINS; i++)
		if (alias_match(builtins[i].aliases, name))
			return &builtins[i];
	return NULL;
}

const struct host_builtin *host_builtin_find_build(const char *v)
{
	unsigned build = 0;
	const char *p = v;

	while (ascii_isdigit(*p) && build < 100000)
		build = build * 10 + (unsigned)(*p++ - '0');
	if ((p == v || *p) && !host_parse_build(v, &build))
		return NULL;
	for (size_t i = 0; i < NBUILTINS; i++)
		if (builtins[i].build == build)
			return &builtins[i];
	return NULL;
}

const char *host_builtin_nearest(const char *name)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (size_t i = 0; i < NBUILTINS; i++) {
		const char *p = builtins[i].aliases;
		size_t d = schema_edit_distance(name, builtins[i].name);

		if (d < best_d) {
			best_d = d;
			best = builtins[i].name;
		}
		while (*p) {
			char alias[32];
			size_t len = strcspn(p, ",");

			if (len < sizeof(alias)) {
				memcpy(alias, p, len);
				alias[len] = '\0';
				d = schema_edit_distance(name, alias);
				if (d < best_d) {
					best_d = d;
					best = builtins[i].name;
				}
			}
			p += len + (p[len] == ',');
		}
	}
	return best;
}

const char *host_unknown_message(struct arena *a, const char *name)
{
	const char *near = host_builtin_nearest(name);

	if (near)
		return arena_printf(a, "unknown built-in host profile '%s'; did "
				       "you mean '%s'? (known: %s)",
				    name, near, host_builtin_names(a));
	return arena_printf(a, "unknown built-in host profile '%s' (known: %s)",
			    name, host_builtin_names(a));
}

const char *host_builtin_names(struct arena *a)
{
	const char **names = arena_array(a, NBUILTINS, sizeof(char *));

	for (size_t i = 0; i < NBUILTINS; i++)
		names[i] = builtins[i].name;
	return arena_join(a, names, NBUILTINS, ", ");
}

void host_from_builtin(const struct host_builtin *b, struct host_profile *out)
{
	memset(out, 0, sizeof(*out));
	out->file = b->label;
	out->base_name = b->name;
	out->os_build = b->build;
	out->cpu_count = BUILTIN_CPUS;
	out->client = b->client;
	out->default_hyperv = b->client;
	out->daemon_root = BUILTIN_ROOT;
	/* opengcs ParseOptions defaults (%ProgramFiles% is C:\Program Files) */
	out->lcow_kird_path = "C:\\Program Files\\Linux Containers";
	out->lcow_kernel = "kernel";
	out->lcow_initrd = "initrd.img";
	out->lcow_boot_params = "";
	out->os_build_pos = out->cpu_count_pos = out->sku_pos =
		out->default_isolation_pos = out->daemon_root_pos =
			out->dns_search_pos = pos_make(out->file, 1, 1);
}

static bool parse_uint(const char *s, size_t n, unsigned *out)
{
	unsigned long v = 0;

	if (!n || n > 9)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!ascii_isdigit(s[i]))
			return false;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	*out = (unsigned)v;
	return true;
}

/* "10.0.N" or "10.0.N.R" (the revision is ignored). */
bool host_parse_build(const char *s, unsigned *build)
{
	const char *p, *dot;
	unsigned rev;

	if (!str_prefix(s, "10.0."))
		return false;
	p = s + 5;
	dot = strchr(p, '.');
	if (!dot)
		return parse_uint(p, strlen(p), build) && *build > 0;
	return parse_uint(p, (size_t)(dot - p), build) && *build > 0 &&
	       parse_uint(dot + 1, strlen(dot + 1), &rev);
}

/* ---- the profile file ---------------------------------------------------- */

struct host_daemon_in {
	struct v_obj hdr;
	struct v_str root;
	struct v_list dns_search;
};

struct host_fs_in {
	struct v_obj hdr;
	struct v_list dirs, files;
};

struct host_cred_in {
	struct v_obj hdr;
	struct v_map files, registry, configs;
};

struct host_lcow_in {
	struct v_obj hdr;
	struct v_str kird_path, kernel, initrd, boot_parameters;
};

struct host_in {
	struct v_obj hdr;
	struct host_lcow_in lcow;
	struct v_int cpu_count;
	struct v_str sku, default_isolation, base, target;
	struct host_daemon_in daemon;
	struct host_fs_in filesystem;
	struct host_cred_in cred;
};

#define F(key, type, st, mem, sub, range) \
	{ key, type, offsetof(st, mem), sub, FS_MODELLED, range, NULL }
#define NR 0, 0, 0
#define CPUS 1, UINT32_MAX, 0

static const struct field daemon_fields[] = {
	F("Root", FT_STRING, struct host_daemon_in, root, NULL, NR),
	F("DnsSearch", FT_STRLIST, struct host_daemon_in, dns_search, NULL, NR),
};
static const struct schema daemon_schema = {
	"Daemon", sizeof(struct host_daemon_in), daemon_fields, 2
};

static const struct field fs_fields[] = {
	F("Dirs", FT_STRLIST, struct host_fs_in, dirs, NULL, NR),
	F("Files", FT_STRLIST, struct host_fs_in, files, NULL, NR),
};
static const struct schema fs_schema = {
	"Filesystem", sizeof(struct host_fs_in), fs_fields, 2
};

static const struct field cred_fields[] = {
	F("Files", FT_STRMAP, struct host_cred_in, files, NULL, NR),
	F("Registry", FT_STRMAP, struct host_cred_in, registry, NULL, NR),
	F("Configs", FT_STRMAP, struct host_cred_in, configs, NULL, NR),
};
static const struct schema cred_schema = {
	"CredentialSpecs", sizeof(struct host_cred_in), cred_fields, 3
};

static const struct field lcow_fields[] = {
	F("KirdPath", FT_STRING, struct host_lcow_in, kird_path, NULL, NR),
	F("Kernel", FT_STRING, struct host_lcow_in, kernel, NULL, NR),
	F("Initrd", FT_STRING, struct host_lcow_in, initrd, NULL, NR),
	F("BootParameters", FT_STRING, struct host_lcow_in, boot_parameters, NULL, NR),
};
static const struct schema lcow_schema = {
	"Lcow", sizeof(struct host_lcow_in), lcow_fields, 4
};

static const struct field host_fields[] = {
	{ "OsBuild", FT_ANY, NO_SLOT, NULL, FS_MODELLED, NR, NULL },
	F("CpuCount", FT_INT, struct host_in, cpu_count, NULL, CPUS),
	F("Sku", FT_STRING, struct host_in, sku, NULL, NR),
	F("DefaultIsolation", FT_STRING, struct host_in, default_isolation, NULL, NR),
	F("Base", FT_STRING, struct host_in, base, NULL, NR),
	F("Target", FT_STRING, struct host_in, target, NULL, NR),
	F("Lcow", FT_STRUCT, struct host_in, lcow, &lcow_schema, NR),
	F("Daemon", FT_STRUCT, struct host_in, daemon, &daemon_schema, NR),
	F("Filesystem", FT_STRUCT, struct host_in, filesystem, &fs_schema, NR),
	F("CredentialSpecs", FT_STRUCT, struct host_in, cred, &cred_schema, NR),
};
static const struct schema host_schema = {
	"host profile", sizeof(struct host_in), host_fields,
	sizeof(host_fields) / sizeof(host_fields[0])
};

static bool apply_os_build(struct diag_list *d, const struct node *n,
			   struct host_profile *out)
{
	const struct host_builtin *b;
	unsigned build;

	if (n->kind == NODE_INT && !n->neg && !n->overflow && n->mag >= 1 &&
	    n->mag <= UINT16_MAX) {
		out->os_build = (unsigned)n->mag;
		out->os_build_pos = n->pos;
		return true;
	}
	if (n->kind == NODE_INT) {
		diag_error(d, n->pos, "'OsBuild' is out of range (1 to 65535)");
		return false;
	}
	if (n->kind == NODE_STR && host_parse_build(n->text, &build) &&
	    build <= UINT16_MAX) {
		out->os_build = build;
		out->os_build_pos = n->pos;
		return true;
	}
	if (n->kind == NODE_STR && (b = host_builtin_find(n->text))) {
		out->os_build = b->build;
		out->os_build_pos = n->pos;
		return true;
	}
	diag_error(d, n->pos,
		   "'OsBuild' must be a build number, '10.0.N[.R]' or a built-in "
		   "profile name, not '%s'",
		   n->kind == NODE_STR ? n->text : node_kind_name(n->kind));
	return false;
}

static struct host_kv *copy_map(struct arena *a, const struct v_map *m)
{
	struct host_kv *kv = arena_array(a, m->n, sizeof(*kv));

	for (size_t i = 0; i < m->n; i++) {
		kv[i].key = m->keys[i];
		kv[i].value = m->vals[i];
		kv[i].pos = m->key_pos[i];
	}
	return kv;
}

/* moby setDefaultIsolation: an exec-opt value, lowercased. */
static bool apply_isolation(struct arena *a, struct diag_list *d,
			    const struct v_str *iso, struct host_profile *out)
{
	const char *v = go_lower(a, iso->v);

	out->default_isolation_pos = iso->pos;
	if (!strcmp(v, "hyperv")) {
		out->default_hyperv = true;
	} else if (!strcmp(v, "process")) {
		out->default_hyperv = false;
	} else if (strcmp(v, "default")) {
		diag_error(d, iso->pos,
			   "invalid exec-opt value for 'isolation':'%s'", v);
		return false;
	}
	return true;
}

static bool apply_file(struct arena *a, struct diag_list *d,
		       const struct host_in *in, struct host_profile *out)
{
	bool ok = true;

	if (in->cpu_count.set) {
		out->cpu_count = (unsigned)in->cpu_count.v;
		out->cpu_count_pos = in->cpu_count.pos;
	}
	if (in->sku.set) {
		if (!strcmp(in->sku.v, "server") || !strcmp(in->sku.v, "client")) {
			out->client = !strcmp(in->sku.v, "client");
			out->sku_pos = in->sku.pos;
		} else {
			ok = false;
			diag_error(d, in->sku.pos,
				   "'Sku' must be 'server' or 'client', not '%s'",
				   in->sku.v);
		}
	}
	out->default_hyperv = out->client;
	if (in->default_isolation.set)
		ok &= apply_isolation(a, d, &in->default_isolation, out);
	if (in->daemon.root.set) {
		out->daemon_root = in->daemon.root.v;
		out->daemon_root_pos = in->daemon.root.pos;
	}
	if (in->daemon.dns_search.set) {
		out->dns_search = in->daemon.dns_search.v;
		out->ndns_search = in->daemon.dns_search.n;
		out->dns_search_pos = in->daemon.dns_search.pos;
	}
	if (in->filesystem.hdr.set) {
		out->fs.present = true;
		out->fs.dirs = in->filesystem.dirs.v;
		out->fs.ndirs = in->filesystem.dirs.n;
		out->fs.files = in->filesystem.files.v;
		out->fs.nfiles = in->filesystem.files.n;
	}
	out->cred_files = copy_map(a, &in->cred.files);
	out->ncred_files = in->cred.files.n;
	out->cred_registry = copy_map(a, &in->cred.registry);
	out->ncred_registry = in->cred.registry.n;
	out->cred_configs = copy_map(a, &in->cred.configs);
	out->ncred_configs = in->cred.configs.n;
	out->has_cred_configs = in->cred.configs.set;
	if (in->target.set) {
		out->target = in->target.v;
		out->target_pos = in->target.pos;
	}
	if (in->lcow.kird_path.set)
		out->lcow_kird_path = in->lcow.kird_path.v;
	if (in->lcow.kernel.set)
		out->lcow_kernel = in->lcow.kernel.v;
	if (in->lcow.initrd.set)
		out->lcow_initrd = in->lcow.initrd.v;
	if (in->lcow.boot_parameters.set)
		out->lcow_boot_params = in->lcow.boot_parameters.v;
	return ok;
}

enum hcsc_rc host_decode(struct arena *a, struct diag_list *d,
			 const char *file, const struct node *root,
			 struct host_profile *out)
{
	struct decode_ctx ctx = { .arena = a, .diags = d };
	struct host_in in;
	const struct host_builtin *base;
	const struct node *osb;

	memset(&in, 0, sizeof(in));
	if (root->kind != NODE_MAP && root->kind != NODE_NULL)
		return diag_error(d, root->pos, "a host profile must be a mapping");
	if (schema_decode(&ctx, &host_schema, "", root, &in) != HCSC_OK)
		return HCSC_E_INPUT;
	base = host_builtin_find(in.base.set ? in.base.v : HOST_DEFAULT_NAME);
	if (!base)
		return diag_error(d, in.base.pos,
				  "unknown built-in host profile '%s' (known: %s)",
				  in.base.v, host_builtin_names(a));
	host_from_builtin(base, out);
	out->file = file;
	/* Values the Base supplied point at it; else at the profile's root. */
	out->os_build_pos = out->cpu_count_pos = out->sku_pos =
		out->default_isolation_pos = out->daemon_root_pos =
			out->dns_search_pos =
				pos_or(in.base.set ? in.base.pos : root->pos,
				       pos_make(file, 1, 1));
	osb = root->kind == NODE_MAP ? node_get_ci(root, "OsBuild") : NULL;
	if (osb && osb->kind != NODE_NULL && !apply_os_build(d, osb, out))
		return HCSC_E_INPUT;
	return apply_file(a, d, &in, out) ? HCSC_OK : HCSC_E_INPUT;
}
