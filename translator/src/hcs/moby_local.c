/*
 * moby_local.c: the schema-1 ContainerConfig that Docker Engine's default
 * Windows runtime builds and hands to vmcompute.dll (target `docker`):
 * moby daemon/internal/libcontainerd/local/local_windows.go, createWindows
 * and extractResourcesFromSpec (moby master; the same in substance since
 * 2018). Checks run in that function's order and stop at the first error;
 * texts are moby's. What moby asks the host (os.Stat of each layer's
 * UtilityVM folder, NameToGuid) is answered offline: the host profile's
 * Filesystem facts when given, else hcsc's base-layer rule; layer IDs as
 * for every target (layers.c).
 *
 * The same function at moby 85ad4b16c1 (target docker-19.03) differs in
 * two rules, kept beside master's: named pipes need build 16299, and
 * devices need build 17763 and are passed on whatever their ID type.
 * Rules (docs/rules.md): hcs.moby-local.document, hcs.moby-local.volume-path,
 * hcs.moby-local.resources, hcs.moby-local.hyperv-utility-vm,
 * hcs.moby-local.mounts, hcs.moby-local.devices.
 */
#include <inttypes.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "hcs/hcs_int.h"
#include "model/host.h"
#include "winpath.h"

static struct hcsc_pos spec_pos(const struct oci_spec *s, struct hcsc_pos p)
{
	return pos_or(p, pos_or(s->windows.pos, s->pos));
}

/* extractResourcesFromSpec: CPU (count clamped) and memory. */
void hcs_moby_extract_resources(struct diag_list *d, struct json_object *o,
				const struct hcs_input *in)
{
	const struct oci_spec *s = in->spec;
	uint64_t count, host = in->host->cpu_count;
	const struct prov *clamp = NULL;

	if (!s->windows.has_resources)
		return;
	if (s->windows.has_cpu && s->windows.cpu_count.set) {
		count = s->windows.cpu_count.v;
		if (count > host) {
			diag_warning(d, DC_CPU, spec_pos(s, s->windows.cpu_count_pos),
				     "Changing requested CPUCount of %" PRIu64
				     " to current number of processors, %" PRIu64,
				     count, host);
			clamp = hcs_explain_clamp(in, "hcs.moby-local.resources",
						  count, host, "the host's");
			count = host;
		}
		hcs_set_uint(o, "ProcessorCount", (uint32_t)count);
		hcs_explain_key(o, "ProcessorCount", clamp);
	}
	if (s->windows.has_cpu && s->windows.cpu_shares.set)
		hcs_set_uint_oe(o, "ProcessorWeight", s->windows.cpu_shares.v);
	if (s->windows.has_cpu && s->windows.cpu_maximum.set)
		hcs_set_int_oe(o, "ProcessorMaximum",
			       s->windows.cpu_maximum.v);
	if (s->windows.has_memory && s->windows.memory_limit.set) {
		int64_t mb = hcs_go_int64(s->windows.memory_limit.v) / 1024 / 1024;

		hcs_set_int(o, "MemoryMaximumInMB", mb);
		hcs_explain_key(o, "MemoryMaximumInMB",
				hcs_explain_mb(in, "hcs.moby-local.resources",
					       s->windows.memory_limit.v,
					       (uint64_t)mb));
	}
}

/* The storage limits createWindows adds after extractResourcesFromSpec. */
static void set_storage(struct json_object *o, const struct oci_spec *s)
{
	if (!s->windows.has_resources)
		return;
	if (s->windows.has_storage && s->windows.storage_bps.set)
		hcs_set_uint(o, "StorageBandwidthMaximum", s->windows.storage_bps.v);
	if (s->windows.has_storage && s->windows.storage_iops.set)
		hcs_set_uint(o, "StorageIOPSMaximum", s->windows.storage_iops.v);
}

void hcs_moby_set_network(struct arena *a, struct json_object *o,
			  const struct oci_spec *s)
{
	const struct str_list *dns = &s->windows.dns_search_list;

	if (!s->windows.has_network)
		return;
	hcs_set_strs(o, "EndpointList", &s->windows.endpoint_list);
	hcs_set_bool_oe(o, "AllowUnqualifiedDNSQuery",
			s->windows.allow_unqualified_dns_query);
	if (dns->set)
		hcs_set_str(o, "DNSSearchList",
			    arena_join(a, (const char *const *)dns->v, dns->n, ","));
	hcs_set_str_oe(o, "NetworkSharedContainerName",
		       s->windows.network_shared_container_name);
}

/*
 * "Find the upper-most utility VM image": the first read-only layer whose
 * `UtilityVM` exists. With the profile's Filesystem facts that is asked of
 * them; without, the base layer holds it (hcsc's offline rule), unless
 * Runtime.UtilityVMPath says where it is.
 */
static const char *uvm_image(struct arena *a, const struct hcs_input *in,
			     const char *const *layers, size_t n)
{
	const struct host_fs *fs = &in->host->fs;
	const char *parts[2] = { NULL, "UtilityVM" };

	if (in->utility_vm_path && *in->utility_vm_path)
		return in->utility_vm_path;
	if (!fs->present) {
		parts[0] = layers[n - 1];
		return winpath_join(a, parts, 2);
	}
	for (size_t i = 0; i < n; i++) {
		const char *full;

		parts[0] = layers[i];
		full = winpath_join(a, parts, 2);
		if (host_fs_stat(a, fs, full) != HOST_FS_MISSING)
			return full;
	}
	return NULL;
}

/* The Hyper-V half of createWindows (HvRuntime; Root.Path omitted). */
static enum hcsc_rc set_hyperv(struct arena *a, struct diag_list *d,
			       struct json_object *o, const struct hcs_input *in,
			       const char *const *layers, size_t n)
{
	const struct oci_spec *s = in->spec;
	const char *image;

	if (s->windows.utility_vm_path && *s->windows.utility_vm_path)
		return diag_error(d, spec_pos(s, s->windows.hyperv_pos),
				  "runtime does not support an explicit utility "
				  "VM path for Hyper-V containers");
	image = uvm_image(a, in, layers, n);
	if (!image)
		return diag_error(d, spec_pos(s, s->windows.layers_pos),
				  "utility VM image could not be found");
	hcs_set_str(hcs_set_obj(o, "HvRuntime"), "ImagePath", image);
	if (s->root.path && *s->root.path)
		return diag_error(d, pos_or(s->root.path_pos, spec_pos(s, s->root.pos)),
				  "OCI spec is invalid - Root.Path must be "
				  "omitted for a Hyper-V container");
	return HCSC_OK;
}

/*
 * Process isolation: VolumePath is Root.Path without its last character.
 * moby evaluates the volume-GUID regex but only fails when it does not
 * compile, so any path passes; an empty one would panic dockerd (a slice
 * out of range) and is hcsc's own error here.
 */
static enum hcsc_rc set_volume(struct arena *a, struct diag_list *d,
			       struct json_object *o, const struct oci_spec *s)
{
	const char *path = s->root.path ? s->root.path : "";

	if (!*path)
		return diag_error(d, spec_pos(s, s->root.pos),
				  "'root.path' is empty: a process-isolated "
				  "container needs its volume path (moby's local "
				  "runtime would panic here)");
	hcs_set_str(o, "VolumePath", arena_strndup(a, path, strlen(path) - 1));
	return HCSC_OK;
}

static bool has_ro(const struct str_list *opts)
{
	for (size_t i = 0; i < opts->n; i++)
		if (opts->v[i] && ascii_eqi(opts->v[i], "ro"))
			return true;
	return false;
}

static bool era_1903(const struct hcs_input *in)
{
	return in->target->hcs == TARGET_HCS_MOBY_LOCAL_1903;
}

/*
 * Mounts in spec order: a pipe when Destination starts `\\.\pipe\`. At
 * 85ad4b16c1 pipes also needed build 16299 (RS3); master dropped that
 * (rule: hcs.moby-1903.pipes-rs3).
 */
static enum hcsc_rc set_mounts(struct diag_list *d, struct json_object *o,
			       const struct hcs_input *in)
{
	const struct oci_spec *s = in->spec;
	const struct oci_mount *first_pipe = NULL;
	struct json_object *dirs = NULL, *pipes = NULL, *m;

	for (size_t i = 0; i < s->nmounts; i++) {
		const struct oci_mount *mt = &s->mounts[i];
		const char *dst = mt->destination ? mt->destination : "";

		if (mt->type && *mt->type)
			return diag_error(d, pos_or(mt->pos, s->pos),
					  "OCI spec is invalid - Mount.Type '%s' "
					  "must not be set",
					  mt->type);
		m = hcs_obj();
		hcs_set_str(m, "HostPath", mt->source);
		if (str_prefix(dst, HCS_PIPE_PREFIX)) {
			if (!first_pipe)
				first_pipe = mt;
			hcs_set_str(m, "ContainerPipeName", dst + HCS_PIPE_PREFIX_LEN);
			if (!pipes)
				pipes = hcs_set(o, "MappedPipes", hcs_arr());
			hcs_push(pipes, m);
			continue;
		}
		hcs_set_str(m, "ContainerPath", dst);
		hcs_set_bool(m, "ReadOnly", has_ro(&mt->options));
		if (!dirs)
			dirs = hcs_set(o, "MappedDirectories", hcs_arr());
		hcs_push(dirs, m);
	}
	if (first_pipe && era_1903(in) && in->host->os_build < BUILD_RS3)
		return diag_error(d, pos_or(first_pipe->pos, s->pos),
				  "named pipe mounts are not supported on this "
				  "version of Windows");
	return HCSC_OK;
}

/*
 * Device assignment: process isolation only; master passes interface
 * classes only, 85ad4b16c1 checked the build instead.
 * rule: hcs.moby-1903.devices
 */
static enum hcsc_rc set_devices(struct diag_list *d, struct json_object *o,
				const struct hcs_input *in)
{
	const struct oci_spec *s = in->spec;
	struct json_object *a;

	if (!s->windows.ndevices)
		return HCSC_OK;
	if (s->windows.has_hyperv)
		return diag_error(d, pos_or(s->windows.devices[0].pos, s->pos),
				  "device assignment is not supported for "
				  "HyperV containers");
	if (era_1903(in) && in->host->os_build < BUILD_RS5)
		return diag_error(d, pos_or(s->windows.devices[0].pos, s->pos),
				  "device assignment requires Windows builds RS5 "
				  "(17763+) or later");
	a = hcs_set(o, "AssignedDevices", hcs_arr());
	for (size_t i = 0; i < s->windows.ndevices; i++) {
		const struct oci_device *dev = &s->windows.devices[i];
		const char *type = dev->id_type ? dev->id_type : "";
		struct json_object *e;

		if (!era_1903(in) && strcmp(type, "class") &&
		    strcmp(type, "vpci-class-guid"))
			return diag_error(d, pos_or(dev->pos, s->pos),
					  "device assignment of type '%s' is not "
					  "supported",
					  type);
		e = hcs_obj();
		hcs_set_str(e, "InterfaceClassGuid", dev->id);
		hcs_push(a, e);
	}
	return HCSC_OK;
}

static void set_layers(struct json_object *o, const struct hcs_plan *p)
{
	struct json_object *arr = hcs_set(o, "Layers", hcs_arr()), *l;

	for (size_t i = 0; i < p->nlayers; i++) {
		l = hcs_obj();
		hcs_set_str(l, "ID", p->layer_ids[i]);
		hcs_explain_key(l, "ID", hcs_layer_prov(p, i));
		hcs_set_str(l, "Path", p->layers[i]);
		hcs_push(arr, l);
	}
}

static enum hcsc_rc build(struct arena *a, struct diag_list *d,
			  struct hcs_plan *p, struct json_object *o)
{
	const struct hcs_input *in = p->in;
	const struct oci_spec *s = in->spec;
	const struct str_list *lf = &s->windows.layer_folders;
	enum hcsc_rc rc;

	hcs_set_str(o, "SystemType", "Container");
	hcs_set_str(o, "Name", in->id);
	hcs_set_str(o, "Owner", in->owner);
	hcs_v1_copy_spec(o, s);
	hcs_moby_extract_resources(d, o, in);
	set_storage(o, s);
	hcs_set_bool(o, "HvPartition", s->windows.has_hyperv);
	hcs_moby_set_network(a, o, s);
	if (s->windows.credspec_kind == OCI_CREDSPEC_STRING)
		hcs_set_str(o, "Credentials", s->windows.credential_spec);
	if (!lf->set || lf->n < 2)
		return diag_error(d, spec_pos(s, s->windows.layers_pos),
				  "OCI spec is invalid - at least two "
				  "LayerFolders must be supplied to the runtime");
	p->layers = lf->v;
	p->nlayers = lf->n - 1;
	hcs_set_str(o, "LayerFolderPath", lf->v[lf->n - 1]);
	rc = s->windows.has_hyperv ? set_hyperv(a, d, o, in, lf->v, p->nlayers)
				   : set_volume(a, d, o, s);
	if (rc != HCSC_OK)
		return rc;
	if (s->root.readonly)
		return diag_error(d, pos_or(s->root.readonly_pos, spec_pos(s, s->root.pos)),
				  "OCI spec is invalid - Root.Readonly must not "
				  "be set on Windows");
	rc = hcs_layer_ids(a, d, p);
	if (rc != HCSC_OK)
		return rc;
	set_layers(o, p);
	rc = set_mounts(d, o, in);
	if (rc == HCSC_OK)
		rc = set_devices(d, o, in);
	return rc;
}

enum hcsc_rc hcs_moby_local_build(struct arena *a, struct diag_list *d,
				  const struct hcs_input *in,
				  struct json_object **v1)
{
	struct hcs_plan p;
	struct json_object *o = hcs_obj();
	enum hcsc_rc rc;

	memset(&p, 0, sizeof(p));
	p.in = in;
	p.spec = in->spec;
	rc = build(a, d, &p, o);
	if (rc != HCSC_OK) {
		json_object_put(o);
		return rc;
	}
	*v1 = o;
	return HCSC_OK;
}
