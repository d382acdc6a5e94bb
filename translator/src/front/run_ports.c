/*
 * front/run_ports.c: `docker run -p` and `--expose` into
 * Config.ExposedPorts and HostConfig.PortBindings, as nat.ParsePortSpecs
 * reads them (run_int.h).
 */
#include "run_int.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "front/tree.h"
#include "load/load.h"

/* A port number 1..65535 (or a range a-b) as nat's ParsePortRange. */
static bool port_range(const char *s, unsigned *lo, unsigned *hi)
{
	const char *dash = strchr(s, '-');
	unsigned v[2] = { 0, 0 };

	for (int k = 0; k < (dash ? 2 : 1); k++) {
		const char *p = k ? dash + 1 : s;
		const char *e = k || !dash ? p + strlen(p) : dash;

		if (p == e)
			return false;
		for (; p < e; p++) {
			if (!ascii_isdigit(*p) || v[k] > 6553)
				return false;
			v[k] = v[k] * 10 + (unsigned)(*p - '0');
		}
		if (v[k] > 65535)
			return false;
	}
	*lo = v[0];
	*hi = dash ? v[1] : v[0];
	return *hi >= *lo;
}

static void expose_port(struct build *b, unsigned port, const char *proto,
			struct hcsc_pos pos)
{
	tree_put(b->a, tree_child(b->a, b->config, "ExposedPorts", pos),
		 arena_printf(b->a, "%u/%s", port, proto), tree_map(b->a, pos));
}

/* --expose PORT[-PORT][/PROTO] */
static enum hcsc_rc expose(struct build *b, const struct rf_value *v)
{
	const char *slash = strchr(v->text, '/');
	const char *num =
		slash ? arena_strndup(b->a, v->text, (size_t)(slash - v->text))
		      : v->text;
	unsigned lo, hi;

	if (!port_range(num, &lo, &hi))
		return diag_error(b->d, v->pos,
				  "invalid range format for --expose: "
				  "invalid start port '%s': invalid "
				  "syntax",
				  num);
	for (unsigned p = lo; p <= hi; p++)
		expose_port(b, p,
			    slash ? ascii_lowercase(b->a, slash + 1) : "tcp",
			    v->pos);
	return HCSC_OK;
}

/*
 * -p [IP:][HOSTPORT:]CONTAINERPORT[/PROTO] (and the name=value form):
 * PortBindings and ExposedPorts, as nat.ParsePortSpecs; a container
 * port range with no host port binds each port.
 */
static enum hcsc_rc publish(struct build *b, const struct rf_value *v)
{
	const char *spec = v->text, *slash, *c1, *c2;
	const char *ip = "", *hostp = "", *ctr, *proto = "tcp";
	unsigned lo, hi;

	if (strchr(spec, '='))
		return diag_error(b->d, v->pos,
				  "the name=value form of -p is not "
				  "modelled by hcsc; use "
				  "[IP:]HOSTPORT:CONTAINERPORT[/PROTO]");
	slash = strrchr(spec, '/');
	if (slash) {
		proto = ascii_lowercase(b->a, slash + 1);
		spec = arena_strndup(b->a, spec, (size_t)(slash - spec));
	}
	c2 = strrchr(spec, ':');
	ctr = c2 ? c2 + 1 : spec;
	if (c2) {
		c1 = NULL;
		for (const char *p = spec; p < c2; p++)
			if (*p == ':')
				c1 = p;
		hostp = arena_strndup(b->a, c1 ? c1 + 1 : spec,
				      (size_t)(c2 - (c1 ? c1 + 1 : spec)));
		ip = c1 ? arena_strndup(b->a, spec, (size_t)(c1 - spec)) : "";
	}
	if (*ip == '[' && ip[strlen(ip) - 1] == ']')
		ip = arena_strndup(b->a, ip + 1, strlen(ip) - 2);
	if (!port_range(ctr, &lo, &hi))
		return diag_error(b->d, v->pos, "invalid containerPort: %s",
				  ctr);
	for (unsigned p = lo; p <= hi; p++) {
		struct node *pb =
			tree_child(b->a, b->host, "PortBindings", v->pos);
		const char *key = arena_printf(b->a, "%u/%s", p, proto);
		struct node *list = node_get(pb, key),
			    *one = tree_map(b->a, v->pos);

		if (!list)
			tree_put(b->a, pb, key, list = tree_seq(b->a, v->pos));
		tree_put(b->a, one, "HostIp", tree_str(b->a, v->pos, ip));
		tree_put(b->a, one, "HostPort", tree_str(b->a, v->pos, hostp));
		tree_push(b->a, list, one);
		expose_port(b, p, proto, v->pos);
	}
	return HCSC_OK;
}

enum hcsc_rc run_ports(struct build *b)
{
	enum hcsc_rc rc = HCSC_OK;

	for (size_t i = 0; i < b->p.n && rc == HCSC_OK; i++)
		if (b->p.v[i].flag->id == RF_PUBLISH)
			rc = publish(b, &b->p.v[i]);
	for (size_t i = 0; i < b->p.n && rc == HCSC_OK; i++)
		if (b->p.v[i].flag->id == RF_EXPOSE)
			rc = expose(b, &b->p.v[i]);
	return rc;
}
