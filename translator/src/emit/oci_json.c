/*
 * oci_json.c: the typed OCI spec (oci/spec.h) as a json-c tree for
 * shape_oci_spec (emit/shapes.c). Keys follow the Go tags of
 * opencontainers/runtime-spec v1.3.0 specs-go/config.go: fields without
 * omitempty are always added (a nil slice as json null), omitempty fields
 * only when Go would print them; pointers (opt_*, has_*) only when set.
 * A non-string credential spec is re-read from its JSON text with every
 * number a double, as Go holds it in the interface{} (float64).
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

#include <stdbool.h>
#include <string.h>

#include <json-c/json.h>

#include "oci/spec.h"
#include "strbuf.h"

/* Depth cap when re-reading a credential spec (the input's is 64). */
#define CREDSPEC_MAX_DEPTH 128

/* o[key] = v, the key borrowed (see above); v may be NULL (json null). */
static int set_key(struct json_object *o, const char *key,
		   struct json_object *v)
{
	return json_object_object_add_ex(o, key, v,
					 JSON_C_OBJECT_KEY_IS_CONSTANT);
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

static bool build_user(struct json_object *p, const struct oci_spec *s)
{
	struct json_object *u = add_obj(p, "user");

	return u && add_u64(u, "uid", s->process.uid) &&
	       add_u64(u, "gid", s->process.gid) &&
	       add_str_oe(u, "username", s->process.username);
}

static bool build_console_size(struct json_object *p, const struct oci_spec *s)
{
	struct json_object *b;

	if (!s->process.has_console_size)
		return true;
	b = add_obj(p, "consoleSize");
	return b && add_u64(b, "height", s->process.console_height) &&
	       add_u64(b, "width", s->process.console_width);
}

/* LCOW: moby's SetCapabilities gives the same list four times. */
static bool build_capabilities(struct json_object *p, const struct oci_spec *s)
{
	static const char *const sets[] = { "bounding", "effective",
					    "inheritable", "permitted" };
	struct json_object *c;

	if (!s->process.capabilities)
		return true;
	c = add_obj(p, "capabilities");
	for (size_t i = 0; c && i < 4; i++)
		if (!add_list_oe(c, sets[i], s->process.capabilities))
			return false;
	return c != NULL;
}

static bool build_process(struct json_object *root, const struct oci_spec *s)
{
	struct json_object *p;

	if (!s->has_process)
		return true;
	p = add_obj(root, "process");
	return p && add_true_oe(p, "terminal", s->process.terminal) &&
	       build_console_size(p, s) && build_user(p, s) &&
	       add_list_oe(p, "args", &s->process.args) &&
	       add_str_oe(p, "commandLine", s->process.command_line) &&
	       add_list_oe(p, "env", &s->process.env) &&
	       add_str(p, "cwd", s->process.cwd) && build_capabilities(p, s);
}

static bool build_root(struct json_object *root, const struct oci_spec *s)
{
	struct json_object *r;

	if (!s->has_root)
		return true;
	r = add_obj(root, "root");
	return r && add_str(r, "path", s->root.path) &&
	       add_true_oe(r, "readonly", s->root.readonly);
}

static struct json_object *new_mount(const struct oci_mount *m)
{
	struct json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	if (add_str(o, "destination", m->destination) &&
	    add_str_oe(o, "type", m->type) &&
	    add_str_oe(o, "source", m->source) &&
	    add_list_oe(o, "options", &m->options))
		return o;
	json_object_put(o);
	return NULL;
}

static bool build_mounts(struct json_object *root, const struct oci_spec *s)
{
	struct json_object *a;
	size_t i;

	if (!s->nmounts)
		return true;
	a = json_object_new_array();
	if (!add(root, "mounts", a))
		return false;
	for (i = 0; i < s->nmounts; i++) {
		if (!push(a, new_mount(&s->mounts[i])))
			return false;
	}
	return true;
}

/* A Go map: a repeated key keeps the last value. */
static bool build_annotations(struct json_object *root,
			      const struct oci_spec *s)
{
	struct json_object *o;
	size_t i;

	if (!s->nannotations)
		return true;
	o = add_obj(root, "annotations");
	if (!o)
		return false;
	for (i = 0; i < s->nannotations; i++) {
		if (!add_str(o, s->annotations[i].key ? s->annotations[i].key : "",
			     s->annotations[i].value))
			return false;
	}
	return true;
}

static struct json_object *new_device(const struct oci_device *d)
{
	struct json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	if (add_str(o, "id", d->id) && add_str(o, "idType", d->id_type))
		return o;
	json_object_put(o);
	return NULL;
}

static bool build_devices(struct json_object *w, const struct oci_spec *s)
{
	struct json_object *a;
	size_t i;

	if (!s->windows.ndevices)
		return true;
	a = json_object_new_array();
	if (!add(w, "devices", a))
		return false;
	for (i = 0; i < s->windows.ndevices; i++) {
		if (!push(a, new_device(&s->windows.devices[i])))
			return false;
	}
	return true;
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

static bool build_resources(struct json_object *w, const struct oci_spec *s)
{
	struct json_object *r, *c;

	if (!s->windows.has_resources)
		return true;
	r = add_obj(w, "resources");
	if (!r)
		return false;
	if (s->windows.has_memory) {
		c = add_obj(r, "memory");
		if (!c || !add_opt_u64(c, "limit", s->windows.memory_limit))
			return false;
	}
	if (s->windows.has_cpu) {
		c = add_obj(r, "cpu");
		if (!c || !add_opt_u64(c, "count", s->windows.cpu_count) ||
		    !add_opt_u16(c, "shares", s->windows.cpu_shares) ||
		    !add_opt_u16(c, "maximum", s->windows.cpu_maximum))
			return false;
	}
	if (s->windows.has_storage) {
		c = add_obj(r, "storage");
		if (!c || !add_opt_u64(c, "iops", s->windows.storage_iops) ||
		    !add_opt_u64(c, "bps", s->windows.storage_bps) ||
		    !add_opt_u64(c, "sandboxSize",
				 s->windows.storage_sandbox_size))
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
static bool add_credspec_json(struct json_object *w, const char *text)
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
	return !v || add(w, "credentialSpec", v);
}

static bool build_credspec(struct json_object *w, const struct oci_spec *s)
{
	switch (s->windows.credspec_kind) {
	case OCI_CREDSPEC_NONE:
		break;
	case OCI_CREDSPEC_STRING:
		return add_str(w, "credentialSpec", s->windows.credential_spec);
	case OCI_CREDSPEC_OTHER:
		return add_credspec_json(w, s->windows.credential_spec_json);
	}
	return true;
}

static bool build_hyperv(struct json_object *w, const struct oci_spec *s)
{
	struct json_object *h;

	if (!s->windows.has_hyperv)
		return true;
	h = add_obj(w, "hyperv");
	return h && add_str_oe(h, "utilityVMPath", s->windows.utility_vm_path);
}

static bool build_network(struct json_object *w, const struct oci_spec *s)
{
	struct json_object *n;

	if (!s->windows.has_network)
		return true;
	n = add_obj(w, "network");
	return n && add_list_oe(n, "endpointList", &s->windows.endpoint_list) &&
	       add_true_oe(n, "allowUnqualifiedDNSQuery",
			   s->windows.allow_unqualified_dns_query) &&
	       add_list_oe(n, "DNSSearchList", &s->windows.dns_search_list) &&
	       add_str_oe(n, "networkSharedContainerName",
			  s->windows.network_shared_container_name) &&
	       add_str_oe(n, "networkNamespace", s->windows.network_namespace);
}

static bool build_windows(struct json_object *root, const struct oci_spec *s)
{
	struct json_object *w;

	if (!s->has_windows)
		return true;
	w = add_obj(root, "windows");
	return w && add_list(w, "layerFolders", &s->windows.layer_folders) &&
	       build_devices(w, s) && build_resources(w, s) &&
	       build_credspec(w, s) &&
	       add_true_oe(w, "servicing", s->windows.servicing) &&
	       add_true_oe(w, "ignoreFlushesDuringBoot",
			   s->windows.ignore_flushes_during_boot) &&
	       build_hyperv(w, s) && build_network(w, s);
}

/* LCOW: the Linux section of moby's default spec, as it was left. */
static bool build_linux(struct json_object *root, const struct oci_spec *s)
{
	struct json_object *l, *ns, *n;

	if (!s->has_linux)
		return true;
	l = add_obj(root, "linux");
	if (!l || (s->linux.has_resources && !add_obj(l, "resources")))
		return false;
	ns = json_object_new_array();
	if (!ns || set_key(l, "namespaces", ns) < 0)
		return false;
	for (size_t i = 0; i < s->linux.namespaces.n; i++) {
		n = json_object_new_object();
		if (!n || json_object_array_add(ns, n) < 0 ||
		    !add_str(n, "type", s->linux.namespaces.v[i]))
			return false;
	}
	return add_list_oe(l, "maskedPaths", &s->linux.masked_paths) &&
	       add_list_oe(l, "readonlyPaths", &s->linux.readonly_paths);
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

struct json_object *oci_spec_to_json(const struct oci_spec *s)
{
	struct json_object *root;

	if (s->windowsoci)
		return windowsoci_to_json(s);
	root = json_object_new_object();
	if (!root)
		return NULL;
	if (add_str(root, "ociVersion", s->oci_version) &&
	    build_process(root, s) && build_root(root, s) &&
	    add_str_oe(root, "hostname", s->hostname) &&
	    build_mounts(root, s) && build_annotations(root, s) &&
	    build_linux(root, s) && build_windows(root, s))
		return root;
	json_object_put(root);
	return NULL;
}
