/*
 * ports.c: port keys and port ranges, as moby's api/types/network port.go
 * parses them (ParsePort, ParsePortRange), and the two create-time checks
 * that use them. Deliberate difference: moby walks the map in random order;
 * hcsc walks keys in input order.
 */
#include "oci/parse/ports.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "golower.h"
#include "goquote.h"
#include "ipaddr.h"
#include "load/node.h"

struct port {
	bool valid;
	unsigned num;
	const char *proto;
};

/* strconv.ParseUint(s, 10, 16); returns the error word or NULL. */
static const char *parse_u16(const char *s, size_t n, unsigned *out)
{
	unsigned long v = 0;

	if (!n)
		return "value is empty";
	for (size_t i = 0; i < n; i++) {
		if (!ascii_isdigit(s[i]))
			return "invalid syntax";
		v = v * 10 + (unsigned long)(s[i] - '0');
		if (v > UINT16_MAX)
			v = UINT16_MAX + 1ul;
	}
	if (v > UINT16_MAX)
		return "value out of range";
	*out = (unsigned)v;
	return NULL;
}

/* ParsePort: "" is the zero (invalid) port without an error. */
static const char *parse_port(struct arena *a, const char *key, struct port *p)
{
	const char *slash = strchr(key, '/');
	size_t n = slash ? (size_t)(slash - key) : strlen(key);
	const char *err;

	memset(p, 0, sizeof(*p));
	if (!*key)
		return NULL;
	err = parse_u16(key, n, &p->num);
	if (err)
		return err;
	p->valid = true;
	p->proto = slash && slash[1] ? go_lower(a, slash + 1) : "tcp";
	return NULL;
}

static const char *port_string(struct arena *a, const struct port *p)
{
	return p->valid ? arena_printf(a, "%u/%s", p->num, p->proto)
			: "invalid port";
}

/* ParsePortRange: "N" or "N-M" (M >= N), an optional "/proto" dropped. */
static bool port_range_valid(const char *s)
{
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	const char *dash = memchr(s, '-', n);
	unsigned lo, hi;

	if (!n)
		return false;
	if (!dash)
		return parse_u16(s, n, &lo) == NULL;
	if (parse_u16(s, (size_t)(dash - s), &lo) ||
	    parse_u16(dash + 1, n - (size_t)(dash - s) - 1, &hi))
		return false;
	return hi >= lo;
}

enum hcsc_rc ports_decode_key(struct arena *a, struct diag_list *d,
			      const char *key, struct hcsc_pos pos)
{
	struct port port;
	const char *err = parse_port(a, key, &port);

	if (err)
		return diag_error(d, pos, "invalid JSON: invalid port '%s': %s",
				  key, err);
	return HCSC_OK;
}

/* netip.Addr's UnmarshalText: "" is the zero address; else an IP. */
enum hcsc_rc ports_decode_ip(struct arena *a, struct diag_list *d,
			     const char *s, struct hcsc_pos pos)
{
	if (!*s || ip_parse(s, strlen(s)))
		return HCSC_OK;
	return diag_error(d, pos,
			  "invalid JSON: ParseAddr(%s): unable to parse IP",
			  go_quote(a, s));
}

enum hcsc_rc ports_decode_bindings(struct arena *a, struct diag_list *d,
				   const struct v_node *map)
{
	if (!map->set)
		return HCSC_OK;
	for (size_t i = 0; i < map->n->n; i++) {
		const struct node_pair *p = &map->n->pairs[i];
		enum hcsc_rc rc = ports_decode_key(a, d, p->key->text, p->key->pos);

		for (size_t j = 0; rc == HCSC_OK && p->val->kind == NODE_SEQ &&
				   j < p->val->n; j++) {
			const struct node *b = p->val->items[j];
			const struct node *ip = b->kind == NODE_MAP
							? node_get_ci(b, "HostIp")
							: NULL;

			if (ip && ip->kind == NODE_STR)
				rc = ports_decode_ip(a, d, ip->text, ip->pos);
		}
		if (rc != HCSC_OK)
			return rc;
	}
	return HCSC_OK;
}

void ports_warn_empty(struct arena *a, struct diag_list *d,
		      const struct v_node *map)
{
	const char **empty;
	size_t nempty = 0;

	if (!map->set)
		return;
	empty = arena_array(a, map->n->n, sizeof(char *));
	for (size_t i = 0; i < map->n->n; i++) {
		const struct node_pair *p = &map->n->pairs[i];
		struct port port;

		if (parse_port(a, p->key->text, &port))
			continue;
		if (p->val->kind == NODE_NULL ||
		    (p->val->kind == NODE_SEQ && p->val->n == 0))
			empty[nempty++] = port_string(a, &port);
	}
	if (nempty)
		diag_warning(d, DC_PORTS, map->pos,
			     "Following container port(s) have an empty list of "
			     "port-bindings: %s. Such bindings will be discarded "
			     "in a future version.",
			     arena_join(a, empty, nempty, ", "));
}

static enum hcsc_rc check_binding(struct arena *a, struct diag_list *d,
				  const struct node *b)
{
	const struct node *hp;

	if (b->kind == NODE_NULL)
		return HCSC_OK;
	if (b->kind != NODE_MAP)
		return diag_error(d, b->pos,
				  "a port binding must be a mapping with HostIp "
				  "and HostPort");
	hp = node_get_ci(b, "HostPort");
	if (!hp || hp->kind == NODE_NULL || !*hp->text)
		return HCSC_OK;
	if (hp->kind != NODE_STR && !hp->plain)
		return diag_error(d, hp->pos, "'HostPort' must be a string");
	if (!port_range_valid(hp->text))
		return diag_error(d, hp->pos, "invalid port specification: %s",
				  go_quote(a, hp->text));
	return HCSC_OK;
}

enum hcsc_rc ports_check_bindings(struct arena *a, struct diag_list *d,
				  const struct v_node *map)
{
	if (!map->set)
		return HCSC_OK;
	for (size_t i = 0; i < map->n->n; i++) {
		const struct node_pair *p = &map->n->pairs[i];
		struct port port;

		if (parse_port(a, p->key->text, &port) || !port.valid ||
		    port.num == 0)
			return diag_error(d, p->key->pos,
					  "invalid port specification: %s",
					  go_quote(a, port_string(a, &port)));
		if (p->val->kind == NODE_SEQ) {
			for (size_t j = 0; j < p->val->n; j++) {
				enum hcsc_rc rc = check_binding(a, d, p->val->items[j]);

				if (rc != HCSC_OK)
					return rc;
			}
		} else if (p->val->kind != NODE_NULL) {
			return diag_error(d, p->val->pos,
					  "'HostConfig.PortBindings[%s]' must be a "
					  "list of port bindings",
					  p->key->text);
		}
	}
	return HCSC_OK;
}
