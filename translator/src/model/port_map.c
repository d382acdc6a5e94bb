/*
 * port_map.c: HostConfig.PortBindings, node tree -> desc_port_map. Nothing
 * is judged here: the create request's decoding, its warning and
 * validatePortBindings (oci/parse/ports.c) read what this keeps, in input
 * order (rule: oci.create.port-bindings).
 */
#include "port_map.h"

#include "arena.h"
#include "desc.h"
#include "load/node.h"

static void keep_string(const struct node *n, struct v_str *out)
{
	out->set = true;
	out->v = n->text;
	out->pos = n->pos;
}

/*
 * One nat.PortBinding: {HostIp, HostPort}, matched case-insensitively. A
 * HostPort that is a mapping or a list is kept as a non-string (Go's
 * decoder refuses it), not read as the empty port.
 */
static void decode_binding(const struct node *n, struct desc_port_binding *b)
{
	const struct node *ip, *port;

	b->pos = n->pos;
	b->is_null = n->kind == NODE_NULL;
	b->is_map = n->kind == NODE_MAP;
	if (!b->is_map)
		return;
	ip = node_get_ci(n, "HostIp");
	if (ip && ip->kind == NODE_STR)
		keep_string(ip, &b->host_ip);
	port = node_get_ci(n, "HostPort");
	if (port && port->kind != NODE_NULL &&
	    (*port->text || port->kind == NODE_MAP || port->kind == NODE_SEQ)) {
		keep_string(port, &b->host_port);
		b->host_port_string = port->kind == NODE_STR || port->plain;
	}
}

static void decode_entry(struct arena *a, const struct node_pair *p,
			 struct desc_port_entry *e)
{
	const struct node *v = p->val;

	e->port = p->key->text;
	e->pos = p->key->pos;
	e->value_pos = v->pos;
	e->is_null = v->kind == NODE_NULL;
	e->is_list = v->kind == NODE_SEQ;
	if (!e->is_list)
		return;
	e->n = v->n;
	e->bindings = arena_array(a, v->n, sizeof(*e->bindings));
	for (size_t i = 0; i < v->n; i++)
		decode_binding(v->items[i], &e->bindings[i]);
}

void port_map_decode(struct arena *a, const struct node *map,
		     struct desc_port_map *out)
{
	out->set = true;
	out->pos = map->pos;
	out->n = map->n;
	out->entries = arena_array(a, map->n, sizeof(*out->entries));
	for (size_t i = 0; i < map->n; i++)
		decode_entry(a, &map->pairs[i], &out->entries[i]);
}
