/*
 * front/compose_network.c: a Compose service's network (network_mode or
 * the first of networks, by its engine name) and its ports and expose
 * (compose_int.h).
 */
#include "compose_int.h"

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "front/tree.h"
#include "load/load.h"

/* ---- network and ports ---- */

/* network_mode as given; else the first of `networks:`; else default. */
enum hcsc_rc compose_network(struct svc *c)
{
	const struct node *mode = node_get(c->s, "network_mode");
	const struct node *nets = node_get(c->s, "networks");
	const struct node *top = node_get(c->file, "networks");
	const char *first = NULL;
	struct hcsc_pos at = c->s->pos;

	if (mode && nets)
		return diag_error(c->d, nets->pos,
				  "service %s declares mutually "
				  "exclusive `network_mode` and "
				  "`networks`: invalid compose project",
				  c->name);
	if (mode) {
		if (!compose_scalar(mode))
			return compose_type_error(c, mode, "network_mode",
						  "string");
		compose_put_str(c, c->host, "NetworkMode", mode);
		return HCSC_OK;
	}
	if (nets && nets->kind == NODE_SEQ && nets->n &&
	    compose_scalar(nets->items[0])) {
		first = compose_scalar(nets->items[0]);
		at = nets->items[0]->pos;
	} else if (nets && nets->kind == NODE_MAP && nets->n) {
		first = nets->pairs[0].key->text;
		at = nets->pairs[0].key->pos;
	} else if (nets && nets->kind != NODE_NULL) {
		return compose_type_error(c, nets, "networks",
					  "array or mapping");
	}
	if (first && strcmp(first, "default") &&
	    !(top && top->kind == NODE_MAP && node_get(top, first)))
		return diag_error(c->d, at,
				  "service \"%s\" refers to undefined "
				  "network %s: invalid compose project",
				  c->name, first);
	if (first && top && top->kind == NODE_MAP && node_get(top, first) &&
	    node_get(top, first)->kind == NODE_MAP) {
		const struct node *nm = node_get(node_get(top, first), "name");
		const struct node *ext =
			node_get(node_get(top, first), "external");

		if (nm && compose_scalar(nm)) {
			tree_put(c->a, c->host, "NetworkMode",
				 tree_str(c->a, nm->pos, compose_scalar(nm)));
			return HCSC_OK;
		}
		if (ext && ext->kind == NODE_BOOL && ext->b) {
			tree_put(c->a, c->host, "NetworkMode",
				 tree_str(c->a, at, first));
			return HCSC_OK;
		}
	}
	tree_put(c->a, c->host, "NetworkMode",
		 tree_str(c->a, at,
			  arena_printf(c->a, "%s_%s", c->project,
				       first ? first : "default")));
	return HCSC_OK;
}

/* ports: "[IP:]HOST:CONTAINER[/PROTO]", "CONTAINER", or {target,
 * published, host_ip, protocol}. */
static enum hcsc_rc one_port(struct svc *c, const struct node *x)
{
	const char *ctr, *host = "", *ip = "", *proto = "tcp";
	struct node *pb, *list, *b;
	const char *key;

	if (x->kind == NODE_MAP) {
		const struct node *t = node_get(x, "target"),
				  *p = node_get(x, "published");
		const struct node *i = node_get(x, "host_ip"),
				  *pr = node_get(x, "protocol");

		if (!t || !compose_scalar(t))
			return compose_type_error(c, x, "ports",
						  "mapping with a target");
		ctr = compose_scalar(t);
		host = p && compose_scalar(p) ? compose_scalar(p) : "";
		ip = i && compose_scalar(i) ? compose_scalar(i) : "";
		proto = pr && compose_scalar(pr) ? compose_scalar(pr) : "tcp";
	} else if (compose_scalar(x) && x->kind != NODE_BOOL) {
		const char *s = compose_scalar(x), *slash = strrchr(s, '/'),
			   *c2, *c1 = NULL;

		if (slash) {
			proto = slash + 1;
			s = arena_strndup(c->a, s, (size_t)(slash - s));
		}
		c2 = strrchr(s, ':');
		ctr = c2 ? c2 + 1 : s;
		for (const char *p = s; c2 && p < c2; p++)
			if (*p == ':')
				c1 = p;
		if (c2) {
			host = arena_strndup(c->a, c1 ? c1 + 1 : s,
					     (size_t)(c2 - (c1 ? c1 + 1 : s)));
			ip = c1 ? arena_strndup(c->a, s, (size_t)(c1 - s)) : "";
		}
	} else {
		return compose_type_error(c, x, "ports",
					  "number, string or mapping");
	}
	key = arena_printf(c->a, "%s/%s", ctr, proto);
	tree_put(c->a, tree_child(c->a, c->config, "ExposedPorts", x->pos), key,
		 tree_map(c->a, x->pos));
	pb = tree_child(c->a, c->host, "PortBindings", x->pos);
	if (!(list = node_get(pb, key)))
		tree_put(c->a, pb, key, list = tree_seq(c->a, x->pos));
	b = tree_map(c->a, x->pos);
	tree_put(c->a, b, "HostIp", tree_str(c->a, x->pos, ip));
	tree_put(c->a, b, "HostPort", tree_str(c->a, x->pos, host));
	tree_push(c->a, list, b);
	return HCSC_OK;
}

enum hcsc_rc compose_key_ports(struct svc *c, const char *key,
			       const struct node *v)
{
	enum hcsc_rc rc = HCSC_OK;

	if (v->kind != NODE_SEQ)
		return compose_type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n && rc == HCSC_OK; i++) {
		if (!strcmp(key, "ports")) {
			rc = one_port(c, v->items[i]);
			continue;
		}
		if (!compose_scalar(v->items[i]))
			return compose_type_error(c, v->items[i], key,
						  "string or number");
		tree_put(c->a,
			 tree_child(c->a, c->config, "ExposedPorts", v->pos),
			 strchr(compose_scalar(v->items[i]), '/')
				 ? compose_scalar(v->items[i])
				 : arena_printf(c->a, "%s/tcp",
						compose_scalar(v->items[i])),
			 tree_map(c->a, v->items[i]->pos));
	}
	return rc;
}
