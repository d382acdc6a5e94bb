/*
 * oci_prov.c: for `hcsc explain`, the OCI stage's provenance records
 * (common/prov.h, keyed by the address of each spec value) attached to the
 * config.json tree oci_json.c built from the same spec. It walks the tree
 * with the layout of oci_json.c: a value whose spec field has no record of
 * its own is covered by its section's (rule: hcsc.explain).
 */
#include "oci_prov.h"

#include <json-c/json.h>

#include "oci/spec.h"
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

static void tag_process(const struct prov_tab *px, struct json_object *root,
			const struct oci_spec *s)
{
	struct json_object *p = at(root, "process"), *u = at(p, "user");

	tag(px, p, "user", &s->process.username); /* windowsoci: {} when empty */
	tag(px, p, "terminal", &s->process.terminal);
	tag(px, at(p, "consoleSize"), "height", &s->process.console_height);
	tag(px, at(p, "consoleSize"), "width", &s->process.console_width);
	tag(px, u, "uid", &s->process.uid);
	tag(px, u, "gid", &s->process.gid);
	tag(px, u, "username", &s->process.username);
	tag(px, u, "user", &s->process.username); /* windowsoci */
	tag_list(px, p, "args", &s->process.args);
	tag(px, p, "commandLine", &s->process.command_line);
	tag_list(px, p, "env", &s->process.env);
	tag(px, p, "cwd", &s->process.cwd);
	if (s->process.capabilities)
		tag(px, p, "capabilities", s->process.capabilities);
}

static void tag_mounts(const struct prov_tab *px, struct json_object *root,
		       const struct oci_spec *s)
{
	struct json_object *a = at(root, "mounts");

	for (size_t i = 0; a && i < s->nmounts; i++)
		prov_attach(json_object_array_get_idx(a, i),
			    prov_get(px, &s->mounts[i]));
}

static void tag_annotations(const struct prov_tab *px, struct json_object *root,
			    const struct oci_spec *s)
{
	struct json_object *o = at(root, "annotations");

	/* A repeated key keeps the last value, as the builder does. */
	for (size_t i = 0; o && i < s->nannotations; i++)
		tag(px, o, s->annotations[i].key ? s->annotations[i].key : "",
		    &s->annotations[i].value);
}

static void tag_resources(const struct prov_tab *px, struct json_object *w,
			  const struct oci_spec *s)
{
	struct json_object *r = at(w, "resources");

	tag(px, at(r, "memory"), "limit", &s->windows.memory_limit);
	tag(px, at(r, "cpu"), "count", &s->windows.cpu_count);
	tag(px, at(r, "cpu"), "shares", &s->windows.cpu_shares);
	tag(px, at(r, "cpu"), "maximum", &s->windows.cpu_maximum);
	tag(px, at(r, "storage"), "iops", &s->windows.storage_iops);
	tag(px, at(r, "storage"), "bps", &s->windows.storage_bps);
	/* docker-1.12's windowsoci resources */
	tag(px, at(r, "cpu"), "percent", &s->w112.cpu_percent);
	if (!at(at(r, "cpu"), "count"))
		tag(px, at(r, "cpu"), "shares", &s->w112.cpu_shares);
}

static void tag_windows(const struct prov_tab *px, struct json_object *root,
			const struct oci_spec *s)
{
	struct json_object *w = at(root, "windows"), *n = at(w, "network");
	struct json_object *d = at(w, "devices");

	tag_list(px, w, "layerFolders", &s->windows.layer_folders);
	for (size_t i = 0; d && i < s->windows.ndevices; i++)
		prov_attach(json_object_array_get_idx(d, i),
			    prov_get(px, &s->windows.devices[i]));
	tag_resources(px, w, s);
	tag(px, w, "credentialSpec", &s->windows.credential_spec);
	tag(px, w, "ignoreFlushesDuringBoot",
	    &s->windows.ignore_flushes_during_boot);
	tag(px, w, "first_start", &s->windows.ignore_flushes_during_boot);
	tag(px, w, "hyperv", &s->windows.has_hyperv);
	tag(px, w, "network", &s->windows.has_network);
	tag(px, at(w, "hv_runtime"), "image_path", &s->w112.hv_image);
	tag_list(px, n, "endpointList", &s->windows.endpoint_list);
	tag(px, n, "allowUnqualifiedDNSQuery",
	    &s->windows.allow_unqualified_dns_query);
	tag_list(px, n, "DNSSearchList", &s->windows.dns_search_list);
	tag(px, n, "networkSharedContainerName",
	    &s->windows.network_shared_container_name);
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
	tag(px, root, "ociVersion", &s->oci_version);
	tag(px, root, "hostname", &s->hostname);
	tag(px, at(root, "root"), "path", &s->root.path);
	tag(px, at(root, "root"), "readonly", &s->root.readonly);
	tag_process(px, root, s);
	tag_mounts(px, root, s);
	tag_annotations(px, root, s);
	tag_windows(px, root, s);
}
