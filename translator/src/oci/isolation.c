/*
 * isolation.c: the container's effective isolation. Mirrors moby's
 * Isolation predicates (case-insensitive), daemon/create_windows.go
 * createContainerOSSpecificSettings (a default isolation is replaced by the
 * daemon's, written into HostConfig) and createSpec's isHyperV choice.
 * rule: oci.isolation.default.
 * rule: oci.isolation.parse
 */
#include "arena.h"
#include "ascii.h"
#include "model/host.h"
#include "steps.h"

void oci_set_isolation(struct oci_ctx *c, struct container *k)
{
	const struct v_str *iso = &c->desc->host_config.isolation;
	const char *v = iso->set ? ascii_lowercase(c->a, iso->v) : "";

	k->isolation_pos = oci_pos(c, iso->pos, c->desc->host_config.hdr.pos);
	if (!*v || ascii_eqi(v, "default")) {
		k->hyperv = c->host->default_hyperv;
		k->isolation = k->hyperv ? "hyperv" : "process";
		return;
	}
	k->hyperv = ascii_eqi(v, "hyperv");
	k->isolation = iso->v;
}
