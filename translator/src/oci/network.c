/*
 * network.c: the container's network view. Mirrors moby's Windows
 * initializeNetworking for `container:<x>` network mode (the joined
 * container's checks; hostname and domainname taken from it) and the
 * endpoint walk of createSpec (rule: oci.network.container-mode, rule: oci.network.endpoints).
 *
 * Deliberate difference: moby ranges over a map of networks, so its
 * EndpointList order is random; hcsc keeps Runtime.Networks order, then the
 * shared container's endpoints, then the gateway endpoint (rule: hcsc.network.endpoint-order).
 * rules: oci.network.default-nat, oci.network.dns-search
 */
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "model/host.h"
#include "prov.h"
#include "steps.h"

/* The `<x>` of `container:<x>`, or NULL when not in container mode. */
static const char *container_mode_ref(const char *mode)
{
	if (str_prefix(mode, "container:"))
		return mode + strlen("container:");
	return NULL;
}

static bool shared_is_hyperv(const struct desc_shared_container *sc)
{
	return sc->isolation.set && ascii_eqi(sc->isolation.v, "hyperv");
}

enum hcsc_rc oci_join_network(struct oci_ctx *c, struct container *k)
{
	const struct desc_shared_container *sc =
		&c->desc->runtime.shared_network_container;
	const char *ref = container_mode_ref(k->network_mode);

	if (!ref)
		return HCSC_OK;
	if (!sc->hdr.set)
		return diag_error(c->d, k->network_mode_pos,
				  "network mode '%s' needs "
				  "'Runtime.SharedNetworkContainer' (the joined "
				  "container's Id, Hostname and HnsEndpointIds)",
				  k->network_mode);
	if (!strcmp(ref, k->id) || !strcmp(ref, c->desc->name.v) ||
	    (sc->id.set && !strcmp(sc->id.v, k->id)))
		return diag_error(c->d, k->network_mode_pos,
				  "cannot join own network namespace");
	if (sc->running.set && !sc->running.v)
		return diag_error(c->d, oci_pos(c, sc->running.pos, sc->hdr.pos),
				  "cannot join network namespace of a non running "
				  "container: container %s is exited",
				  ref);
	if (shared_is_hyperv(sc))
		return diag_error(c->d, oci_pos(c, sc->isolation.pos, sc->hdr.pos),
				  "sharing of hyperv containers network is not "
				  "supported");
	k->hostname = sc->hostname.v;
	k->hostname_pos = oci_pos(c, sc->hostname.pos, sc->hdr.pos);
	k->domainname = sc->domainname.v;
	return HCSC_OK;
}

static void append(struct str_list *l, const char *v)
{
	if (v && *v)
		l->v[l->n++] = v;
}

static void explain_network(struct oci_ctx *c, const struct container *k,
			    struct oci_spec *s)
{
	const struct desc_runtime *rt = &c->desc->runtime;
	const struct v_list *dns = &c->desc->host_config.dns_search;
	struct prov *p;

	prov_put_input(c->px, &s->windows.has_network, "oci.network.endpoints",
		       "Runtime.Networks", rt->networks.pos);
	p = prov_put_input(c->px, &s->windows.endpoint_list, "oci.network.endpoints",
			   "Runtime.Networks[].HnsEndpointId", rt->networks.pos);
	prov_math(c->px, p, "the networks' endpoints, then a shared container's, "
		  "then the gateway's (rule hcsc.network.endpoint-order)");
	prov_put_input(c->px, &s->windows.allow_unqualified_dns_query,
		       "oci.network.endpoints",
		       "Runtime.Networks[].AllowUnqualifiedDNSQuery",
		       rt->networks.pos);
	if (dns->n > 0)
		prov_put_input(c->px, &s->windows.dns_search_list,
			       "oci.network.dns-search", "HostConfig.DnsSearch",
			       dns->pos);
	else
		prov_put(c->px, &s->windows.dns_search_list,
			 prov_src(prov_new(c->px, "oci.network.dns-search"),
				  PROV_HOST, "Daemon.DnsSearch",
				  c->host->dns_search_pos));
	prov_put_input(c->px, &s->windows.network_shared_container_name,
		       "oci.network.container-mode", "HostConfig.NetworkMode",
		       k->network_mode_pos);
}

void oci_set_network(struct oci_ctx *c, const struct container *k,
		     struct oci_spec *s)
{
	const struct desc_runtime *rt = &c->desc->runtime;
	const struct desc_network *nets = rt->networks.items;
	const struct desc_shared_container *sc = &rt->shared_network_container;
	const struct v_list *dns = &c->desc->host_config.dns_search;
	bool container_mode = container_mode_ref(k->network_mode) != NULL;
	const char *gateway = NULL;
	size_t max = rt->networks.n + 1 + sc->hns_endpoint_ids.n;

	s->has_windows = true;
	s->windows.has_network = true;
	s->windows.network_pos = oci_pos(c, rt->networks.pos, c->desc->runtime.hdr.pos);
	s->windows.endpoint_list.v = arena_array(c->a, max, sizeof(char *));
	for (size_t i = 0; i < rt->networks.n; i++) {
		append(&s->windows.endpoint_list, nets[i].hns_endpoint_id.v);
		if (nets[i].gateway_hns_endpoint_id.set &&
		    *nets[i].gateway_hns_endpoint_id.v)
			gateway = nets[i].gateway_hns_endpoint_id.v;
		if (nets[i].allow_unqualified_dns_query.v)
			s->windows.allow_unqualified_dns_query = true;
	}
	if (container_mode) {
		s->windows.network_shared_container_name =
			sc->id.set ? sc->id.v : container_mode_ref(k->network_mode);
		for (size_t i = 0; i < sc->hns_endpoint_ids.n; i++)
			append(&s->windows.endpoint_list, sc->hns_endpoint_ids.v[i]);
	}
	append(&s->windows.endpoint_list, gateway);
	s->windows.endpoint_list.set = s->windows.endpoint_list.n > 0;
	if (dns->n > 0) {
		s->windows.dns_search_list = (struct str_list){ dns->v, dns->n, true };
	} else if (c->host->ndns_search > 0) {
		s->windows.dns_search_list = (struct str_list){
			c->host->dns_search, c->host->ndns_search, true
		};
	}
	if (c->px)
		explain_network(c, k, s);
}
