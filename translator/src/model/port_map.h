/*
 * port_map.h: HostConfig.PortBindings from its node tree into the typed
 * desc_port_map (desc.h), so the OCI stage's port checks read values, not
 * loader nodes.
 */
#ifndef HCSC_MODEL_PORT_MAP_H
#define HCSC_MODEL_PORT_MAP_H

struct arena;
struct node;
struct desc_port_map;

/* `map` is a NODE_MAP; every shape is kept for the checks to judge. */
void port_map_decode(struct arena *a, const struct node *map,
		     struct desc_port_map *out);

#endif
