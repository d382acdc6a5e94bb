/*
 * ports.h: HostConfig.PortBindings (network.PortMap). Ports never reach the
 * Windows spec (HNS publishes them), but moby checks them: the create
 * request decodes each key as a port and warns about empty binding lists
 * (router handlePortBindingsBC), and validateHostConfig checks port numbers
 * and HostPort ranges (validatePortBindings).
 */
#ifndef HCSC_OCI_PORTS_H
#define HCSC_OCI_PORTS_H

#include "hcsc.h"

struct arena;
struct diag_list;
struct desc_port_map;

/*
 * Create requests only. JSON decoding of a port key (also ExposedPorts
 * keys) and of each binding's HostIp, which moby reports as `invalid JSON`.
 */
enum hcsc_rc ports_decode_key(struct arena *a, struct diag_list *d,
			      const char *key, struct hcsc_pos pos);
enum hcsc_rc ports_decode_ip(struct arena *a, struct diag_list *d,
			     const char *s, struct hcsc_pos pos);
enum hcsc_rc ports_decode_bindings(struct arena *a, struct diag_list *d,
				   const struct desc_port_map *map);
/* The create router's warning about empty binding lists. */
void ports_warn_empty(struct arena *a, struct diag_list *d,
		      const struct desc_port_map *map);
/* validatePortBindings. */
enum hcsc_rc ports_check_bindings(struct arena *a, struct diag_list *d,
				  const struct desc_port_map *map);

#endif
