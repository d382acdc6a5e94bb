/*
 * moby_lcow.c: the schema-1 document moby 85ad4b16c1's local runtime built
 * for a Linux container on Windows (target docker-19.03, LCOW):
 * libcontainerd/local/windows.go createLinux. The utility VM boots the
 * kernel and initrd of the daemon's LCOW options (lcow.kirdpath,
 * lcow.kernel, lcow.initrd, lcow.bootparameters: the host profile's Lcow
 * section, overridden per container by HostConfig.StorageOpt as
 * getLibcontainerdCreateOptions did); opengcs's Validate stats both files
 * (asked of the profile's Filesystem facts when it has them). Each
 * read-only layer is its layer.vhd; each `bind` mount becomes a mapped
 * directory created in the utility VM under its uvmpath, and the spec's
 * mount source is rewritten to that path (what the process document
 * carries).
 * rules: hcs.lcow.document, hcs.lcow.options
 */
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "hcs/hcs_int.h"
#include "model/host.h"
#include "winpath.h"

#define BUILD_RS4 17134 /* MappedDir.LinuxMetadata from 1803 */

struct lcow_options {
	const char *kird_path, *kernel, *initrd, *boot_params;
};

/* The daemon's options, then the container's lcow.* storage options. */
static void lcow_options(const struct hcs_input *in, struct lcow_options *o)
{
	const struct host_profile *h = in->host;

	o->kird_path = h->lcow_kird_path;
	o->kernel = h->lcow_kernel;
	o->initrd = h->lcow_initrd;
	o->boot_params = h->lcow_boot_params;
	for (size_t i = 0; i < in->nstorage_opts; i++) {
		const char *k = in->storage_opts[i].key, *v = in->storage_opts[i].value;

		if (!strcmp(k, "lcow.kirdpath"))
			o->kird_path = v;
		else if (!strcmp(k, "lcow.kernel"))
			o->kernel = v;
		else if (!strcmp(k, "lcow.initrd"))
			o->initrd = v;
		else if (!strcmp(k, "lcow.bootparameters"))
			o->boot_params = v;
	}
}

/* opengcs Config.Validate: the kernel and the initrd must exist. */
static enum hcsc_rc validate(struct arena *a, struct diag_list *d,
			     const struct hcs_input *in,
			     const struct lcow_options *o)
{
	const char *parts[2] = { o->kird_path, o->kernel };
	const char *kernel = winpath_join(a, parts, 2), *initrd;
	struct hcsc_pos at = pos_or(in->spec->windows.hyperv_pos, in->spec->pos);

	if (host_fs_stat(a, &in->host->fs, kernel) == HOST_FS_MISSING)
		return diag_error(d, at, "kernel '%s' not found", kernel);
	parts[1] = o->initrd;
	initrd = winpath_join(a, parts, 2);
	if (host_fs_stat(a, &in->host->fs, initrd) == HOST_FS_MISSING)
		return diag_error(d, at, "initrd '%s' not found", initrd);
	return HCSC_OK;
}

/* Each read-only layer's layer.vhd, with its ID. */
static void set_layers(struct arena *a, struct json_object *o,
		       const struct hcs_plan *p)
{
	struct json_object *arr = hcs_set(o, "Layers", hcs_arr()), *l;

	for (size_t i = 0; i < p->nlayers; i++) {
		const char *parts[2] = { p->layers[i], "layer.vhd" };

		l = hcs_obj();
		hcs_set_str(l, "ID", p->layer_ids[i]);
		hcs_explain_key(l, "ID", hcs_layer_prov(p, i));
		hcs_set_str(l, "Path", winpath_join(a, parts, 2));
		hcs_push(arr, l);
	}
}

/* path.Join(uvmpath, destination), for the Linux-side paths. */
static const char *uvm_join(struct arena *a, const char *uvm, const char *dst)
{
	size_t n = strlen(uvm);

	while (n > 1 && uvm[n - 1] == '/')
		n--;
	while (*dst == '/')
		dst++;
	return *dst ? arena_printf(a, "%.*s/%s", (int)n, uvm, dst)
		    : arena_strndup(a, uvm, n);
}

/* One `bind` mount: its options checked, the uvmpath taken out. */
static enum hcsc_rc bind_mount(struct arena *a, struct diag_list *d,
			       struct oci_mount *m, unsigned build,
			       struct json_object *dirs)
{
	const char *uvm = NULL;
	bool ro = false;
	struct json_object *md;

	for (size_t i = 0; i < m->options.n; i++) {
		const char *o = m->options.v[i];

		if (!strncmp(o, "uvmpath=", 8))
			uvm = o + 8;
		else if (!strcmp(o, "ro"))
			ro = true;
		else if (strcmp(o, "rw") && strcmp(o, "rbind") && strncmp(o, "uvmpath", 7))
			return diag_error(d, m->pos, "unsupported option \"%s\"", o);
	}
	if (!uvm)
		return diag_error(d, m->pos, "no uvmpath for bind mount");
	md = hcs_obj();
	hcs_set_str(md, "HostPath", m->source);
	hcs_set_str(md, "ContainerPath", uvm_join(a, uvm, m->destination));
	hcs_set_bool(md, "ReadOnly", ro);
	hcs_set_bool(md, "CreateInUtilityVM", true);
	if (build >= BUILD_RS4)
		hcs_set_bool(md, "LinuxMetadata", true);
	hcs_push(dirs, md);
	m->source = uvm_join(a, uvm, m->destination);
	return HCSC_OK;
}

static enum hcsc_rc set_mounts(struct arena *a, struct diag_list *d,
			       struct json_object *o, const struct hcs_input *in,
			       struct oci_spec *rewritten)
{
	struct json_object *dirs = hcs_set(o, "MappedDirectories", hcs_arr());

	for (size_t i = 0; i < rewritten->nmounts; i++) {
		struct oci_mount *m = &rewritten->mounts[i];
		enum hcsc_rc rc;

		if (!m->type || strcmp(m->type, "bind"))
			continue;
		rc = bind_mount(a, d, m, in->host->os_build, dirs);
		if (rc != HCSC_OK)
			return rc;
	}
	return HCSC_OK;
}

static enum hcsc_rc build(struct arena *a, struct diag_list *d,
			  struct hcs_plan *p, struct json_object *o,
			  struct oci_spec *rewritten)
{
	const struct hcs_input *in = p->in;
	const struct oci_spec *s = in->spec;
	const struct str_list *lf = &s->windows.layer_folders;
	struct lcow_options lo;
	struct json_object *rt;
	enum hcsc_rc rc;

	lcow_options(in, &lo);
	rc = validate(a, d, in, &lo);
	if (rc != HCSC_OK)
		return rc;
	hcs_set_str(o, "SystemType", "container");
	hcs_set_str(o, "Name", in->id);
	hcs_set_str(o, "Owner", in->owner);
	hcs_set_bool(o, "HvPartition", true);
	hcs_set_str(o, "ContainerType", "linux");
	hcs_set_bool(o, "TerminateOnLastHandleClosed", true);
	rt = hcs_set_obj(o, "HvRuntime");
	hcs_set_str(rt, "ImagePath", lo.kird_path);
	hcs_set_str(rt, "LinuxKernelFile", lo.kernel);
	hcs_set_str(rt, "LinuxInitrdFile", lo.initrd);
	hcs_set_str(rt, "LinuxBootParameters", lo.boot_params);
	hcs_moby_extract_resources(d, o, in);
	if (!lf->set || lf->n == 0)
		return diag_error(d, pos_or(s->windows.layers_pos, s->pos),
				  "OCI spec is invalid - at least one LayerFolders "
				  "must be supplied to the runtime");
	hcs_set_str(o, "LayerFolderPath", lf->v[lf->n - 1]);
	p->layers = lf->v;
	p->nlayers = lf->n - 1;
	rc = hcs_layer_ids(a, d, p);
	if (rc != HCSC_OK)
		return rc;
	set_layers(a, o, p);
	hcs_moby_set_network(a, o, s);
	return set_mounts(a, d, o, in, rewritten);
}

enum hcsc_rc hcs_moby_lcow_build(struct arena *a, struct diag_list *d,
				 const struct hcs_input *in,
				 struct json_object **v1,
				 const struct oci_spec **rewritten)
{
	struct hcs_plan p;
	struct oci_spec *copy = arena_alloc(a, sizeof(*copy));
	struct json_object *o = hcs_obj();
	enum hcsc_rc rc;

	*copy = *in->spec;
	copy->mounts = arena_array(a, in->spec->nmounts + 1, sizeof(*copy->mounts));
	memcpy(copy->mounts, in->spec->mounts,
	       in->spec->nmounts * sizeof(*copy->mounts));
	memset(&p, 0, sizeof(p));
	p.in = in;
	p.spec = in->spec;
	rc = build(a, d, &p, o, copy);
	if (rc != HCSC_OK) {
		json_object_put(o);
		return rc;
	}
	*v1 = o;
	*rewritten = copy;
	return HCSC_OK;
}
