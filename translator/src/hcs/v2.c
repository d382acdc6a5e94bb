/*
 * v2.c: the hcsschema.ComputeSystem that hcsshim v0.8.6
 * createWindowsContainerDocument returns for schema 2.1 (internal/hcsoci/
 * hcsdoc_wcow.go; reference/hcsshim-hcs.md §6.2 with §6.3 E1-E3, §5.2
 * rule 5), as a json-c tree for shape_hcs_v2. Without HyperV the
 * Container sits in the ComputeSystem (V2 Argon); with it, a V2 Xenon:
 * HostingSystemId `<Id>@vm` and HostedSystem {SchemaVersion, Container},
 * with VSMB share paths for layers and mapped directories and no
 * Storage.Path (DESIGN.md Decision 4, experimental).
 *
 * Numbers are Go's int32() of the seed's values (Decision 3): they wrap.
 * A sub-object is added whenever the seed sets its pointer, so `{}` can
 * print.
 */
#include <json-c/json.h>

#include "hcs/hcs_int.h"

static void set_version(struct json_object *o)
{
	struct json_object *v = hcs_set_obj(o, "SchemaVersion");

	hcs_set_int(v, "Major", 2);
	hcs_set_int(v, "Minor", 1);
}

/* E1: Processor and Memory. */
static void set_resources(struct json_object *c, const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	struct json_object *o;

	if (p->count_set || p->shares_set || p->maximum_set) {
		o = hcs_set_obj(c, "Processor");
		if (p->count_set)
			hcs_set_int(o, "Count", hcs_go_int32(p->cpu_count));
		if (p->shares_set)
			hcs_set_int(o, "Weight",
				    hcs_go_int32(s->windows.cpu_shares.v));
		if (p->maximum_set)
			hcs_set_int(o, "Maximum",
				    hcs_go_int32(s->windows.cpu_maximum.v));
	}
	if (p->memory_set) {
		o = hcs_set_obj(c, "Memory");
		hcs_set_int(o, "SizeInMB",
			    hcs_go_int32((uint64_t)p->memory_mb));
	}
}

/* E1: Storage.QoS. */
static void set_qos(struct json_object *st, const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	struct json_object *q;

	if (!p->bps_set && !p->iops_set)
		return;
	q = hcs_set_obj(st, "QoS");
	if (p->bps_set)
		hcs_set_int(q, "BandwidthMaximum",
			    hcs_go_int32(s->windows.storage_bps.v));
	if (p->iops_set)
		hcs_set_int(q, "IopsMaximum",
			    hcs_go_int32(s->windows.storage_iops.v));
}

/* S9 (schema 2.1 half), Namespace per Decision 5. */
static void set_network(struct json_object *c, const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	struct json_object *n;

	if (!s->windows.has_network)
		return;
	n = hcs_set_obj(c, "Networking");
	hcs_set_str(n, "Namespace", p->net_namespace);
	hcs_set_bool(n, "AllowUnqualifiedDnsQuery",
		     s->windows.allow_unqualified_dns_query);
	if (p->dns_search)
		hcs_set_str(n, "DnsSearchList", p->dns_search);
	hcs_set_str(n, "NetworkSharedContainerName",
		    s->windows.network_shared_container_name);
}

/* S14c / S16 / S17: the root volume (Argon) and the image layers. */
static void set_storage(struct json_object *st, const struct hcs_plan *p)
{
	struct json_object *a, *l;
	size_t i;

	if (!p->hyperv)
		hcs_set_str(st, "Path", p->root_path);
	a = hcs_set(st, "Layers", hcs_arr());
	for (i = 0; i < p->nlayers; i++) {
		l = hcs_obj();
		hcs_set_str(l, "Id", p->layer_ids[i]);
		hcs_set_str(l, "Path", p->hyperv ? p->layer_uvm[i]
						 : p->layers[i]);
		hcs_push(a, l);
	}
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
	hcs_set_mounts(c, p, p->hyperv);
	return c;
}

struct json_object *hcs_v2_build(const struct hcs_plan *p)
{
	struct json_object *o = hcs_obj(), *h;

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
