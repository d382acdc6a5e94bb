/*
 * v2.c: the schema 2.1 document of the hcsshim builders, as a json-c tree
 * for shape_hcs_v2 (v0.8.6) or shape_hcs_v2_latest (main):
 *
 * v0.8.6 (createWindowsContainerDocument returns the ComputeSystem): the
 * Container in the ComputeSystem (V2 Argon); with HyperV a V2 Xenon:
 * HostingSystemId `<Id>@vm` and HostedSystem {SchemaVersion, Container},
 * with VSMB share paths for layers and mapped directories and the scratch
 * at `C:\c\1\scratch` (experimental).
 *
 * main (create.go wraps the Container): a ComputeSystem {Owner, 2.1,
 * Container, ShouldTerminateOnLastHandleClosed} for a V2 Argon; for a V2
 * Xenon the HostedSystem {SchemaVersion, Container} the shim sends into
 * the utility VM. Processor is always set; RegistryChanges always holds
 * WaitToKillServiceTimeout; devices, dump values and HostProcess as
 * latest.c planned them.
 *
 * Numbers are Go's int32() of the builder's values: they wrap. A
 * sub-object is added whenever the builder sets its pointer, so `{}` can
 * print.
 * rules: hcs.latest.document, hcs.latest.hyperv-hosted
 */
#include <json-c/json.h>

#include "hcs/hcs_int.h"

static void set_version(struct json_object *o)
{
	struct json_object *v = hcs_set_obj(o, "SchemaVersion");

	hcs_set_int(v, "Major", 2);
	hcs_set_int(v, "Minor", 1);
}

/* Processor and Memory (resources.c planned them). */
static void set_resources(struct json_object *c, const struct hcs_plan *p)
{
	struct json_object *o;

	if (p->count_set || p->shares_set || p->maximum_set) {
		o = hcs_set_obj(c, "Processor");
		if (p->count_set) {
			hcs_set_int(o, "Count", hcs_go_int32(p->cpu_count));
			hcs_explain_key(o, "Count", p->count_prov);
		}
		if (p->shares_set)
			hcs_set_int_oe(o, "Weight", hcs_go_int32(p->cpu_weight));
		if (p->maximum_set)
			hcs_set_int_oe(o, "Maximum",
				       hcs_go_int32(p->cpu_limit));
	}
	if (!p->memory_set)
		return;
	o = hcs_set_obj(c, "Memory");
	if (p->latest)
		hcs_set_uint(o, "SizeInMB", p->memory_mb_u);
	else
		hcs_set_int(o, "SizeInMB", hcs_go_int32((uint64_t)p->memory_mb));
	hcs_explain_key(o, "SizeInMB", p->memory_prov);
}

/* Storage.QoS. */
static void set_qos(struct json_object *st, const struct hcs_plan *p)
{
	struct json_object *q;

	if (!p->bps_set && !p->iops_set)
		return;
	q = hcs_set_obj(st, "QoS");
	if (p->bps_set)
		hcs_set_int(q, "BandwidthMaximum", hcs_go_int32(p->bps));
	if (p->iops_set)
		hcs_set_int(q, "IopsMaximum", hcs_go_int32(p->iops));
}

/* rule: hcs.network (schema 2.1 half), Namespace per rule: hcsc.placeholder.network-namespace. */
static void set_network(struct json_object *c, const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	struct json_object *n;

	if (!s->windows.has_network)
		return;
	n = hcs_set_obj(c, "Networking");
	hcs_set_str(n, "Namespace", p->net_namespace);
	hcs_explain_key(n, "Namespace", p->namespace_prov);
	hcs_set_bool_oe(n, "AllowUnqualifiedDnsQuery",
			s->windows.allow_unqualified_dns_query);
	if (p->dns_search)
		hcs_set_str(n, "DnsSearchList", p->dns_search);
	hcs_set_str_oe(n, "NetworkSharedContainerName",
		       s->windows.network_shared_container_name);
}

/* S14c / S16 / S17: the root volume (or the VM's scratch) and layers. */
static void set_storage(struct json_object *st, const struct hcs_plan *p)
{
	struct json_object *a, *l;
	size_t i;

	hcs_set_str(st, "Path", p->root_path);
	if (p->host_process_root)
		hcs_set_str(st, "PrivilegedContainerRootPath",
			    p->host_process_root);
	a = hcs_set(st, "Layers", hcs_arr());
	for (i = 0; i < p->nlayers; i++) {
		l = hcs_obj();
		hcs_set_str(l, "Id", p->layer_ids[i]);
		hcs_explain_key(l, "Id", hcs_layer_prov(p, i));
		hcs_set_str(l, "Path", p->hyperv ? p->layer_uvm[i]
						 : p->layers[i]);
		hcs_push(a, l);
	}
}

/* hcsshim main: parseAssignedDevices (the list starts empty, non-nil). */
static void set_devices(struct json_object *c, const struct hcs_plan *p)
{
	struct json_object *a = hcs_set(c, "AssignedDevices", hcs_arr()), *o;

	for (size_t i = 0; i < p->ndevices; i++) {
		o = hcs_obj();
		if (p->devices[i].type)
			hcs_set_str(o, "Type", p->devices[i].type);
		if (p->devices[i].class_guid)
			hcs_set_str(o, "InterfaceClassGuid", p->devices[i].class_guid);
		if (p->devices[i].location_path)
			hcs_set_str(o, "LocationPath", p->devices[i].location_path);
		hcs_push(a, o);
	}
}

static struct json_object *registry_value(const char *hive, const char *key,
					  const char *name, const char *type)
{
	struct json_object *v = hcs_obj(), *k = hcs_set_obj(v, "Key");

	hcs_set_str(k, "Hive", hive);
	hcs_set_str(k, "Name", key);
	hcs_set_str(v, "Name", name);
	hcs_set_str(v, "Type", type);
	return v;
}

/* hcsshim main: WaitToKillServiceTimeout, then the WER dump values. */
static void set_registry(struct json_object *c, const struct hcs_plan *p)
{
	static const char wer[] =
		"Microsoft\\Windows\\Windows Error Reporting\\LocalDumps";
	struct json_object *rc = hcs_set_obj(c, "RegistryChanges");
	struct json_object *add = hcs_set(rc, "AddValues", hcs_arr()), *v;

	v = registry_value("System", "ControlSet001\\Control",
			   "WaitToKillServiceTimeout", "String");
	hcs_set_str(v, "StringValue", "2147483647");
	hcs_push(add, v);
	if (!p->dump_path)
		return;
	v = registry_value("Software", wer, "DumpFolder", "String");
	hcs_set_str(v, "StringValue", p->dump_path);
	hcs_push(add, v);
	v = registry_value("Software", wer, "DumpType", "DWord");
	hcs_set_int(v, "DWordValue", p->dump_type);
	hcs_push(add, v);
	v = registry_value("Software", wer, "DumpCount", "DWord");
	hcs_set_int(v, "DWordValue", p->dump_count);
	hcs_push(add, v);
}

static void set_latest(struct json_object *c, const struct hcs_plan *p)
{
	set_devices(c, p);
	set_registry(c, p);
	if (p->host_process)
		hcs_set_str(c, "IsolationType", "HostProcess");
}

static struct json_object *container(const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	struct json_object *c = hcs_obj(), *st, *g;

	st = hcs_set_obj(c, "Storage"); /* S3: always non-nil */
	if (s->hostname && *s->hostname) {
		g = hcs_set_obj(c, "GuestOs");
		hcs_set_str(g, "HostName", s->hostname);
	}
	set_resources(c, p);
	set_qos(st, p);
	set_network(c, p);
	set_storage(st, p);
	hcs_set_mounts(c, p, p->hyperv, true);
	if (p->latest)
		set_latest(c, p);
	return c;
}

struct json_object *hcs_v2_build(const struct hcs_plan *p)
{
	struct json_object *o = hcs_obj(), *h;

	if (p->latest && p->hyperv) {
		set_version(o);
		hcs_set(o, "Container", container(p));
		return o;
	}
	hcs_set_str(o, "Owner", p->in->owner);
	set_version(o);
	hcs_set_bool(o, "ShouldTerminateOnLastHandleClosed", true);
	if (!p->hyperv) {
		hcs_set(o, "Container", container(p));
		return o;
	}
	hcs_set_str(o, "HostingSystemId", p->uvm_id);
	h = hcs_set_obj(o, "HostedSystem");
	set_version(h);
	hcs_set(h, "Container", container(p));
	return o;
}
