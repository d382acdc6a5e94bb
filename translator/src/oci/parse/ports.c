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
#include "model/desc.h"

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
				   const struct desc_port_map *map)
{
	for (size_t i = 0; i < map->n; i++) {
		const struct desc_port_entry *e = &map->entries[i];
		enum hcsc_rc rc = ports_decode_key(a, d, e->port, e->pos);

		for (size_t j = 0; rc == HCSC_OK && j < e->n; j++) {
			const struct v_str *ip = &e->bindings[j].host_ip;

			if (ip->set)
				rc = ports_decode_ip(a, d, ip->v, ip->pos);
		}
		if (rc != HCSC_OK)
			return rc;
	}
	return HCSC_OK;
}

void ports_warn_empty(struct arena *a, struct diag_list *d,
		      const struct desc_port_map *map)
{
	const char **empty;
	size_t nempty = 0;

	if (!map->set)
		return;
	empty = arena_array(a, map->n, sizeof(char *));
	for (size_t i = 0; i < map->n; i++) {
		const struct desc_port_entry *e = &map->entries[i];
		struct port port;

		if (parse_port(a, e->port, &port))
			continue;
		if (e->is_null || (e->is_list && e->n == 0))
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
				  const struct desc_port_binding *b)
{
	const struct v_str *hp = &b->host_port;

	if (b->is_null)
		return HCSC_OK;
	if (!b->is_map)
		return diag_error(d, b->pos,
				  "a port binding must be a mapping with HostIp "
				  "and HostPort");
	if (!hp->set)
		return HCSC_OK;
	if (!b->host_port_string)
		return diag_error(d, hp->pos, "'HostPort' must be a string");
	if (!port_range_valid(hp->v))
		return diag_error(d, hp->pos, "invalid port specification: %s",
				  go_quote(a, hp->v));
	return HCSC_OK;
}

enum hcsc_rc ports_check_bindings(struct arena *a, struct diag_list *d,
				  const struct desc_port_map *map)
{
	for (size_t i = 0; i < map->n; i++) {
		const struct desc_port_entry *e = &map->entries[i];
		struct port port;

		if (parse_port(a, e->port, &port) || !port.valid ||
		    port.num == 0)
			return diag_error(d, e->pos,
					  "invalid port specification: %s",
					  go_quote(a, port_string(a, &port)));
		if (e->is_list) {
			for (size_t j = 0; j < e->n; j++) {
				enum hcsc_rc rc = check_binding(a, d, &e->bindings[j]);

				if (rc != HCSC_OK)
					return rc;
			}
		} else if (!e->is_null) {
			return diag_error(d, e->value_pos,
					  "'HostConfig.PortBindings[%s]' must be a "
					  "list of port bindings",
					  e->port);
		}
	}
	return HCSC_OK;
}
