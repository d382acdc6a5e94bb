/*
 * v1.c: the schema1.ContainerConfig that hcsshim's
 * createWindowsContainerDocument returns for schema 1.0 (internal/hcsoci/
 * hcsdoc_wcow.go), as a json-c tree for shape_hcs_v1. v0.8.6: an Argon
 * without HyperV, a V1 Xenon (HvPartition, HvRuntime) with it, and the
 * scratch as LayerFolderPath. hcsshim main: no LayerFolderPath, and no
 * V1 Xenon branch (a Hyper-V spec keeps HvPartition false and no layers).
 * Every field the builder assigns is set, zero or not, and the emitter's
 * omitempty decides what prints, as in Go; only a zero value of an
 * omitempty field may be left out (hcs_set_*_oe), since it prints nothing.
 * rules: hcs.hostname, hcs.credentials, hcs.v1.layer-folder-path
 */
#include <json-c/json.h>

#include "hcs/hcs_int.h"
#include "hcs/v1_fields.h"

static void set_resources(struct json_object *o, const struct hcs_plan *p)
{
	if (p->count_set) {
		hcs_set_uint(o, "ProcessorCount", (uint32_t)p->cpu_count);
		hcs_explain_key(o, "ProcessorCount", p->count_prov);
	}
	if (p->shares_set)
		hcs_set_uint_oe(o, "ProcessorWeight", p->cpu_weight);
	if (p->maximum_set)
		hcs_set_int_oe(o, "ProcessorMaximum", (int64_t)p->cpu_limit);
	if (p->memory_set) {
		hcs_set_int(o, "MemoryMaximumInMB", p->memory_mb);
		hcs_explain_key(o, "MemoryMaximumInMB", p->memory_prov);
	}
	if (p->bps_set)
		hcs_set_uint(o, "StorageBandwidthMaximum", p->bps);
	if (p->iops_set)
		hcs_set_uint(o, "StorageIOPSMaximum", p->iops);
}

/* S9 (schema 1.0 half). */
static void set_network(struct json_object *o, const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;

	if (!s->windows.has_network)
		return;
	hcs_set_strs(o, "EndpointList", &s->windows.endpoint_list);
	hcs_set_bool_oe(o, "AllowUnqualifiedDNSQuery",
			s->windows.allow_unqualified_dns_query);
	if (p->dns_search)
		hcs_set_str(o, "DNSSearchList", p->dns_search);
	hcs_set_str_oe(o, "NetworkSharedContainerName",
		       s->windows.network_shared_container_name);
}

/* S14c (Argon) or S15 (V1 Xenon, v0.8.6 only). */
static void set_isolation(struct json_object *o, const struct hcs_plan *p)
{
	struct json_object *rt;

	if (!p->hyperv) {
		hcs_set_str(o, "VolumePath", p->volume_path);
		return;
	}
	if (p->latest)
		return;
	rt = hcs_set_obj(o, "HvRuntime");
	hcs_set_str(rt, "ImagePath", p->uvm_image);
}

/* S17: every read-only layer with its ID. */
static void set_layers(struct json_object *o, const struct hcs_plan *p)
{
	struct json_object *a = hcs_set(o, "Layers", hcs_arr()), *l;
	size_t i;

	for (i = 0; i < p->nlayers; i++) {
		l = hcs_obj();
		hcs_set_str(l, "ID", p->layer_ids[i]);
		hcs_explain_key(l, "ID", hcs_layer_prov(p, i));
		hcs_set_str(l, "Path", p->layers[i]);
		hcs_push(a, l);
	}
}

/*
 * The SPEC rows of v1_fields.h: config.json values taken as they are (an
 * omitempty row's zero value left out, hcs_set_*_oe).
 */
#define V1_COPY(key, type, oe, builders, from, member) \
	V1_COPY_##from(key, oe, member)
#define V1_COPY_SPEC_BOOL(key, oe, member) V1_SET_BOOL_##oe(o, #key, s->member);
#define V1_COPY_SPEC_STR(key, oe, member) V1_SET_STR_##oe(o, #key, s->member);
#define V1_COPY_BUILT(key, oe, member)
#define V1_SET_BOOL_F hcs_set_bool
#define V1_SET_BOOL_O hcs_set_bool_oe
#define V1_SET_STR_F hcs_set_str
#define V1_SET_STR_O hcs_set_str_oe

void hcs_v1_copy_spec(struct json_object *o, const struct oci_spec *s)
{
	HCS_V1_FIELDS(V1_COPY)
}

struct json_object *hcs_v1_build(const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	struct json_object *o = hcs_obj();

	hcs_set_str(o, "SystemType", "Container");
	hcs_set_str(o, "Name", p->in->id);
	hcs_set_str(o, "Owner", p->in->owner);
	/* S15: a V1 Xenon runs in a partition (v0.8.6 only). */
	hcs_set_bool_nz(p->in, o, "HvPartition", p->hyperv && !p->latest);
	hcs_v1_copy_spec(o, s);
	set_resources(o, p);
	set_network(o, p);
	if (s->windows.credspec_kind == OCI_CREDSPEC_STRING)
		hcs_set_str(o, "Credentials", s->windows.credential_spec);
	if (!p->latest)
		hcs_set_str(o, "LayerFolderPath", p->scratch);
	set_isolation(o, p);
	if (!p->latest || !p->hyperv)
		set_layers(o, p);
	hcs_set_mounts(o, p, false, false);
	return o;
}
