/*
 * front/run.c: `docker run` flags into the description the client sends
 * (run.h). The checks of docker/cli's parse() and runRun run in their
 * order; the first error stops, as the client stops.
 */
#include "run.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "front/run_flags.h"
#include "front/tree.h"
#include "front/volspec.h"
#include "goquote.h"
#include "load/load.h"
#include "strbuf.h"
#include "winpath.h"

struct build {
	struct arena *a;
	struct diag_list *d;
	const struct front_run_opts *o;
	struct rf_parsed p;
	struct node *root, *config, *host;
	struct hcsc_pos top;
	const char **err;
};

static struct node *section(struct build *b, const char *path,
			    const char **leaf)
{
	const char *dot = strchr(path, '.');
	struct node *n = b->root;

	if (!strncmp(path, "Config.", 7))
		n = b->config;
	else if (!strncmp(path, "HostConfig.", 11))
		n = b->host;
	*leaf = dot ? dot + 1 : path;
	return n;
}

/* A plain flag's last value at its path, typed by the flag's kind. */
static void put_plain(struct build *b, const struct rf_value *v)
{
	const char *leaf;
	struct node *sec = section(b, v->flag->path, &leaf), *val;
	struct arena *a = b->a;

	switch (v->flag->kind) {
	case RK_BOOL:
		val = tree_bool(a, v->pos, v->b);
		break;
	case RK_UINT64:
	case RK_UINT16:
		val = tree_uint(a, v->pos, v->u);
		break;
	case RK_BYTES:
		val = !strcmp(leaf, "IOMaximumBandwidth")
			      ? tree_uint(a, v->pos, (uint64_t)v->i)
			      : tree_int(a, v->pos, v->i);
		break;
	case RK_INT:
	case RK_CPUS:
	case RK_SWAP:
	case RK_DURATION:
		val = tree_int(a, v->pos, v->i);
		break;
	default:
		val = tree_str(a, v->pos, v->text);
	}
	tree_put(a, sec, leaf, val);
}

/* List flags with a path: a sequence in command-line order. MapOpts
 * (--annotation, --sysctl): key=value into a map, the last value wins. */
static void put_collections(struct build *b)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		const char *leaf, *eq;
		struct node *sec, *c;

		if (!v->flag->path || (v->flag->kind != RK_LIST &&
				       v->flag->kind != RK_MAP))
			continue;
		sec = section(b, v->flag->path, &leaf);
		c = node_get(sec, leaf);
		if (v->flag->kind == RK_LIST) {
			if (!c)
				tree_put(b->a, sec, leaf, c = tree_seq(b->a, v->pos));
			tree_push(b->a, c, tree_str(b->a, v->pos, v->text));
			continue;
		}
		if (!c)
			tree_put(b->a, sec, leaf, c = tree_map(b->a, v->pos));
		eq = strchr(v->text, '=');
		tree_put(b->a, c,
			 eq ? arena_strndup(b->a, v->text, (size_t)(eq - v->text))
			    : v->text,
			 tree_str(b->a, v->pos, eq ? eq + 1 : ""));
	}
}

/* Is value i the last one given for its flag (pflag keeps the last)? */
static bool is_last(const struct rf_parsed *p, size_t i)
{
	for (size_t j = i + 1; j < p->n; j++)
		if (p->v[j].flag == p->v[i].flag)
			return false;
	return true;
}

static void put_plain_flags(struct build *b)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];

		if (v->flag->path && v->flag->kind != RK_LIST &&
		    v->flag->kind != RK_MAP && is_last(&b->p, i))
			put_plain(b, v);
	}
	put_collections(b);
}

/* ---- -v and --mount sources ---- */

/* filepath.Abs of a `.`-relative client path: needs --client-cwd. */
static enum hcsc_rc client_abs(struct build *b, const char *rel,
			       struct hcsc_pos pos, const char *opt,
			       const char **out)
{
	const char *parts[2];

	if (!b->o->client_cwd)
		return diag_error(b->d, pos,
				  "the relative source '%s' is made absolute "
				  "against the client's current directory, which "
				  "hcsc does not read: give it with --client-cwd "
				  "WINPATH (%s)",
				  rel, opt);
	parts[0] = b->o->client_cwd;
	parts[1] = rel;
	*out = winpath_join(b->a, parts, 2);
	return HCSC_OK;
}

static bool seen_volume(const struct build *b, size_t upto, const char *s)
{
	for (size_t i = 0; i < upto; i++)
		if (b->p.v[i].flag->id == RF_VOLUME && !strcmp(b->p.v[i].text, s))
			return true;
	return false;
}

/* -v: Binds in command-line order (exact duplicates dropped), and
 * Config.Volumes for specs without a source. */
static enum hcsc_rc volumes(struct build *b)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		struct volspec vs;
		const char *err, *bind = v->text;
		struct node *c;

		if (v->flag->id != RF_VOLUME || seen_volume(b, i, v->text))
			continue;
		if ((err = volspec_parse(b->a, v->text, &vs)) != NULL)
			return diag_error(b->d, v->pos, "%s", err);
		if (!*vs.source) {
			tree_put(b->a, tree_child(b->a, b->config, "Volumes", v->pos),
				 vs.target, tree_map(b->a, v->pos));
			continue;
		}
		if (vs.bind && vs.source[0] == '.' && strchr(v->text, ':')) {
			const char *colon = strchr(v->text, ':');
			const char *host = arena_strndup(b->a, v->text,
							 (size_t)(colon - v->text));

			if (!winpath_is_abs(host)) {
				if (client_abs(b, host, v->pos, "-v", &host) != HCSC_OK)
					return HCSC_E_INPUT;
				bind = arena_printf(b->a, "%s%s", host, colon);
			}
		}
		c = node_get(b->host, "Binds");
		if (!c)
			tree_put(b->a, b->host, "Binds", c = tree_seq(b->a, v->pos));
		tree_push(b->a, c, tree_str(b->a, v->pos, bind));
	}
	return HCSC_OK;
}

static enum hcsc_rc mounts(struct build *b)
{
	struct node *seq = NULL;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		struct node *src;
		const char *full = NULL;

		if (v->flag->id != RF_MOUNT)
			continue;
		src = node_get(v->tree, "Source");
		if (src && src->text[0] == '.' && !winpath_is_abs(src->text)) {
			if (client_abs(b, src->text, v->pos, "--mount", &full) != HCSC_OK)
				return HCSC_E_INPUT;
			tree_put(b->a, v->tree, "Source", tree_str(b->a, v->pos, full));
		}
		if (!seq)
			tree_put(b->a, b->host, "Mounts", seq = tree_seq(b->a, v->pos));
		tree_push(b->a, seq, v->tree);
	}
	return HCSC_OK;
}

/* ---- ports ---- */

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
	const char *num = slash ? arena_strndup(b->a, v->text,
						(size_t)(slash - v->text))
				: v->text;
	unsigned lo, hi;

	if (!port_range(num, &lo, &hi))
		return diag_error(b->d, v->pos, "invalid range format for --expose: "
						"invalid start port '%s': invalid "
						"syntax",
				  num);
	for (unsigned p = lo; p <= hi; p++)
		expose_port(b, p, slash ? ascii_lowercase(b->a, slash + 1) : "tcp",
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
		return diag_error(b->d, v->pos, "the name=value form of -p is not "
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
		return diag_error(b->d, v->pos, "invalid containerPort: %s", ctr);
	for (unsigned p = lo; p <= hi; p++) {
		struct node *pb = tree_child(b->a, b->host, "PortBindings", v->pos);
		const char *key = arena_printf(b->a, "%u/%s", p, proto);
		struct node *list = node_get(pb, key), *one = tree_map(b->a, v->pos);

		if (!list)
			tree_put(b->a, pb, key, list = tree_seq(b->a, v->pos));
		tree_put(b->a, one, "HostIp", tree_str(b->a, v->pos, ip));
		tree_put(b->a, one, "HostPort", tree_str(b->a, v->pos, hostp));
		tree_push(b->a, list, one);
		expose_port(b, p, proto, v->pos);
	}
	return HCSC_OK;
}

static enum hcsc_rc ports(struct build *b)
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

/* ---- devices, env, labels ---- */

static void devices(struct build *b)
{
	struct node *seq = NULL;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		struct node *m;

		if (v->flag->id != RF_DEVICE)
			continue;
		if (!seq)
			tree_put(b->a, b->host, "Devices", seq = tree_seq(b->a, v->pos));
		m = tree_map(b->a, v->pos);
		tree_put(b->a, m, "PathOnHost", tree_str(b->a, v->pos, v->text));
		tree_push(b->a, seq, m);
	}
}

/* Read one env or label file named by flag value v. */
static enum hcsc_rc read_kv_file(struct build *b, const struct rf_value *v,
				 const struct client_env *lookup,
				 const char ***out, size_t *n)
{
	struct strbuf buf = STRBUF_INIT;
	const char *err = NULL;
	enum hcsc_rc rc = load_read_file(b->a, b->d, v->text, v->text, &buf, &err);

	if (rc == HCSC_E_IO)
		*b->err = err;
	if (rc == HCSC_OK && (err = envfile_parse(b->a, v->text, buf.buf, buf.len,
						  lookup, out, n)) != NULL)
		rc = diag_error(b->d, v->pos, "--%s: %s", v->flag->name, err);
	strbuf_release(&buf);
	return rc;
}

struct kv_list {
	const char **v;
	struct hcsc_pos *pos;
	size_t n;
};

static void kv_add(struct arena *a, struct kv_list *l, const char *s,
		   struct hcsc_pos pos)
{
	l->v = arena_grow(a, l->v, l->n, l->n + 1, sizeof(char *));
	l->pos = arena_grow(a, l->pos, l->n, l->n + 1, sizeof(*l->pos));
	l->v[l->n] = s;
	l->pos[l->n++] = pos;
}

/* Files first (flag `file`), then the values of flag `each`. */
static enum hcsc_rc read_kv(struct build *b, enum rf_id file,
			    const struct client_env *lookup, struct kv_list *l)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const char **got = NULL;
		size_t n = 0;

		if (b->p.v[i].flag->id != file)
			continue;
		if (read_kv_file(b, &b->p.v[i], lookup, &got, &n) != HCSC_OK)
			return *b->err ? HCSC_E_IO : HCSC_E_INPUT;
		for (size_t k = 0; k < n; k++)
			kv_add(b->a, l, got[k], b->p.v[i].pos);
	}
	return HCSC_OK;
}

static size_t name_len(const char *kv)
{
	const char *eq = strchr(kv, '=');

	return eq ? (size_t)(eq - kv) : strlen(kv);
}

/*
 * -e: client environment for NAME alone (unset: dropped), then one entry
 * per name in the place of its first use with its last value (the
 * client goes through a map; rule: front.client-sends fixes the order).
 */
static void env_flags(struct build *b, struct kv_list *l)
{
	size_t first = l->n;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		const char *kv = v->text;
		size_t k;

		if (v->flag->id != RF_ENV)
			continue;
		if (!strchr(kv, '=')) {
			const char *val = client_env_get(b->o->env, kv, strlen(kv));

			if (!val)
				continue;
			kv = arena_printf(b->a, "%s=%s", kv, val);
		}
		for (k = first; k < l->n; k++)
			if (name_len(l->v[k]) == name_len(kv) &&
			    !strncmp(l->v[k], kv, name_len(kv)))
				break;
		if (k < l->n) {
			l->v[k] = kv;
			l->pos[k] = v->pos;
		} else {
			kv_add(b->a, l, kv, v->pos);
		}
	}
}

static enum hcsc_rc environment(struct build *b)
{
	struct kv_list l = { NULL, NULL, 0 };
	struct node *seq;
	enum hcsc_rc rc = read_kv(b, RF_ENV_FILE, b->o->env, &l);

	if (rc != HCSC_OK)
		return rc;
	env_flags(b, &l);
	if (!l.n)
		return HCSC_OK;
	tree_put(b->a, b->config, "Env", seq = tree_seq(b->a, l.pos[0]));
	for (size_t i = 0; i < l.n; i++)
		tree_push(b->a, seq, tree_str(b->a, l.pos[i], l.v[i]));
	return HCSC_OK;
}

/* --label-file then -l: Config.Labels (a key without `=` is empty). */
static enum hcsc_rc labels(struct build *b)
{
	struct kv_list l = { NULL, NULL, 0 };
	enum hcsc_rc rc = read_kv(b, RF_LABEL_FILE, NULL, &l);
	struct node *m;

	if (rc != HCSC_OK)
		return rc;
	for (size_t i = 0; i < b->p.n; i++)
		if (b->p.v[i].flag->id == RF_LABEL)
			kv_add(b->a, &l, b->p.v[i].text, b->p.v[i].pos);
	for (size_t i = 0; i < l.n; i++) {
		size_t n = name_len(l.v[i]);

		m = tree_child(b->a, b->config, "Labels", l.pos[i]);
		tree_put(b->a, m, arena_strndup(b->a, l.v[i], n),
			 tree_str(b->a, l.pos[i], l.v[i][n] ? l.v[i] + n + 1 : ""));
	}
	return HCSC_OK;
}

/* ---- client-side checks of parse() and runRun ---- */

/* opts.ParseRestartPolicy -> HostConfig.RestartPolicy. */
static enum hcsc_rc restart(struct build *b, bool *none)
{
	const struct rf_value *v = rf_last(&b->p, RF_RESTART);
	const char *colon, *name;
	struct node *m;
	int64_t count = 0;

	*none = true;
	if (!v || !*v->text)
		return HCSC_OK;
	colon = strchr(v->text, ':');
	name = colon ? arena_strndup(b->a, v->text, (size_t)(colon - v->text))
		     : v->text;
	if (colon && !*name)
		return diag_error(b->d, v->pos, "invalid restart policy format: no "
						"policy provided before colon");
	if (colon && colon[1]) {
		const char *p = colon + 1 + (colon[1] == '-' || colon[1] == '+');
		bool ok = *p != '\0';

		for (; *p && ok; p++)
			ok = ascii_isdigit(*p) && count < 100000000000000000;
		for (p = colon + 1 + (colon[1] == '-' || colon[1] == '+'); ok && *p; p++)
			count = count * 10 + (*p - '0');
		if (!ok)
			return diag_error(b->d, v->pos, "invalid restart policy "
							"format: maximum retry "
							"count must be an integer");
		count = colon[1] == '-' ? -count : count;
	}
	*none = !strcmp(name, "no");
	m = tree_map(b->a, v->pos);
	tree_put(b->a, m, "Name", tree_str(b->a, v->pos, name));
	if (count)
		tree_put(b->a, m, "MaximumRetryCount", tree_int(b->a, v->pos, count));
	tree_put(b->a, b->host, "RestartPolicy", m);
	return HCSC_OK;
}

/* parseSecurityOpts: each needs a value after `=` (or `:`), except
 * no-new-privileges; systempaths=unconfined empties the masked paths. */
static enum hcsc_rc security_opts(struct build *b)
{
	struct node *seq = NULL;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		const char *t = v->text, *sep = strchr(t, '=');
		size_t kn;

		if (v->flag->id != RF_SECURITY_OPT)
			continue;
		if (!sep && strcmp(t, "no-new-privileges"))
			sep = strchr(t, ':');
		kn = sep ? (size_t)(sep - t) : strlen(t);
		if ((!sep || !sep[1]) &&
		    !(kn == 17 && !strncmp(t, "no-new-privileges", 17)))
			return diag_error(b->d, v->pos, "invalid --security-opt: %s",
					  go_quote(b->a, t));
		if (!strcmp(t, "systempaths=unconfined")) {
			tree_put(b->a, b->host, "MaskedPaths", tree_seq(b->a, v->pos));
			tree_put(b->a, b->host, "ReadonlyPaths", tree_seq(b->a, v->pos));
			continue;
		}
		if (!seq)
			tree_put(b->a, b->host, "SecurityOpt", seq = tree_seq(b->a, v->pos));
		tree_push(b->a, seq, tree_str(b->a, v->pos, t));
	}
	return HCSC_OK;
}

static enum hcsc_rc storage_opts(struct build *b)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		const char *eq = strchr(v->text, '=');

		if (v->flag->id != RF_STORAGE_OPT)
			continue;
		if (!eq)
			return diag_error(b->d, v->pos, "invalid storage option");
		tree_put(b->a, tree_child(b->a, b->host, "StorageOpt", v->pos),
			 arena_strndup(b->a, v->text, (size_t)(eq - v->text)),
			 tree_str(b->a, v->pos, eq + 1));
	}
	return HCSC_OK;
}

/* The --health-* flags and --no-healthcheck: Config.Healthcheck. */
static enum hcsc_rc healthcheck(struct build *b)
{
	static const struct {
		enum rf_id id;
		const char *flag, *key;
	} h[] = {
		{ RF_HEALTH_INTERVAL, "health-interval", "Interval" },
		{ RF_HEALTH_TIMEOUT, "health-timeout", "Timeout" },
		{ RF_HEALTH_RETRIES, "health-retries", "Retries" },
		{ RF_HEALTH_START_PERIOD, "health-start-period", "StartPeriod" },
		{ RF_HEALTH_START_INTERVAL, "health-start-interval", "StartInterval" },
	};
	const struct rf_value *cmd = rf_last(&b->p, RF_HEALTH_CMD);
	const struct rf_value *no = rf_last(&b->p, RF_NO_HEALTHCHECK);
	const struct rf_value *any = cmd && *cmd->text ? cmd : NULL;
	struct node *m, *test;

	for (size_t i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		const struct rf_value *v = rf_last(&b->p, h[i].id);

		if (v && v->i)
			any = v;
	}
	if (no && no->b) {
		if (any)
			return diag_error(b->d, no->pos, "--no-healthcheck conflicts "
							 "with --health-* options");
		m = tree_child(b->a, b->config, "Healthcheck", no->pos);
		tree_put(b->a, m, "Test", test = tree_seq(b->a, no->pos));
		tree_push(b->a, test, tree_str(b->a, no->pos, "NONE"));
		return HCSC_OK;
	}
	if (!any)
		return HCSC_OK;
	m = tree_child(b->a, b->config, "Healthcheck", any->pos);
	if (cmd && *cmd->text) {
		tree_put(b->a, m, "Test", test = tree_seq(b->a, cmd->pos));
		tree_push(b->a, test, tree_str(b->a, cmd->pos, "CMD-SHELL"));
		tree_push(b->a, test, tree_str(b->a, cmd->pos, cmd->text));
	}
	for (size_t i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		const struct rf_value *v = rf_last(&b->p, h[i].id);

		if (v && v->i < 0)
			return diag_error(b->d, v->pos, "--%s cannot be negative",
					  h[i].flag);
		if (v && v->i)
			tree_put(b->a, m, h[i].key, tree_int(b->a, v->pos, v->i));
	}
	return HCSC_OK;
}

/* moby/term ToBytes: comma-separated single characters, ctrl-X, DEL. */
static enum hcsc_rc detach_keys(struct build *b)
{
	const struct rf_value *v = rf_last(&b->p, RF_DETACH_KEYS);
	const char *p;

	if (!v || !*v->text)
		return HCSC_OK;
	for (p = v->text;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		bool ok = n == 1 || (n == 3 && !strncmp(p, "DEL", 3)) ||
			  (n == 6 && !strncmp(p, "ctrl-", 5) &&
			   ((p[5] >= 'a' && p[5] <= 'z') || strchr("@[\\]^_", p[5])));

		if (!ok)
			return diag_error(b->d, v->pos, "invalid detach keys (%s): "
							"Unknown character: '%.*s'",
					  v->text, (int)n, p);
		if (!e)
			return HCSC_OK;
		p = e + 1;
	}
}

static enum hcsc_rc pull_and_swappiness(struct build *b)
{
	const struct rf_value *pull = rf_last(&b->p, RF_PULL);
	const struct rf_value *sw = rf_last(&b->p, RF_MEMORY_SWAPPINESS);

	if (pull && *pull->text && strcmp(pull->text, "always") &&
	    strcmp(pull->text, "missing") && strcmp(pull->text, "never"))
		return diag_error(b->d, pull->pos, "invalid pull option: '%s': must "
						   "be one of \"always\", \"missing\" "
						   "or \"never\"",
				  pull->text);
	if (sw && sw->i != -1 && (sw->i < 0 || sw->i > 100))
		return diag_error(b->d, sw->pos, "invalid value: %lld. Valid memory "
						 "swappiness range is 0-100",
				  (long long)sw->i);
	if (sw && sw->i != -1)
		tree_put(b->a, b->host, "MemorySwappiness",
			 tree_int(b->a, sw->pos, sw->i));
	return HCSC_OK;
}

static enum hcsc_rc conflicts(struct build *b, bool restart_none)
{
	const struct rf_value *rm = rf_last(&b->p, RF_RM);
	const struct rf_value *d = rf_last(&b->p, RF_DETACH);
	const struct rf_value *drv = rf_last(&b->p, RF_LOG_DRIVER);
	const struct rf_value *lo = rf_last(&b->p, RF_LOG_OPT);
	const struct rf_value *at = rf_last(&b->p, RF_ATTACH);

	if (drv && !strcmp(drv->text, "none") && lo)
		return diag_error(b->d, lo->pos, "invalid logging opts for driver "
						 "none");
	if (rm && rm->b && !restart_none)
		return diag_error(b->d, rm->pos, "conflicting options: cannot "
						 "specify both --restart and --rm");
	if (d && d->b && at)
		return diag_error(b->d, at->pos, "conflicting options: cannot "
						 "specify both --attach and --detach");
	return detach_keys(b);
}

/* --name, --network, --entrypoint, the image and its command. */
static void container(struct build *b)
{
	const struct rf_value *ep = rf_last(&b->p, RF_ENTRYPOINT);
	const struct rf_value *st = rf_last(&b->p, RF_STOP_TIMEOUT);
	const struct rf_value *net = NULL;
	struct node *seq;

	for (size_t i = 0; i < b->p.n && !net; i++)
		if (b->p.v[i].flag->id == RF_NETWORK)
			net = &b->p.v[i];
	tree_put(b->a, b->config, "Image",
		 tree_str(b->a, b->p.image_pos, b->p.image));
	if (b->p.nargs) {
		tree_put(b->a, b->config, "Cmd", seq = tree_seq(b->a, b->p.arg_pos[0]));
		for (size_t i = 0; i < b->p.nargs; i++)
			tree_push(b->a, seq, tree_str(b->a, b->p.arg_pos[i], b->p.args[i]));
	}
	if (ep) {
		tree_put(b->a, b->config, "Entrypoint", seq = tree_seq(b->a, ep->pos));
		tree_push(b->a, seq, tree_str(b->a, ep->pos, ep->text));
	}
	if (st)
		tree_put(b->a, b->config, "StopTimeout", tree_int(b->a, st->pos, st->i));
	tree_put(b->a, b->host, "NetworkMode",
		 net ? tree_str(b->a, net->pos, net->target)
		     : tree_str(b->a, b->top, "default"));
}

/* One warning listing the flags that do not shape the documents. */
static void note_unshaping(struct build *b)
{
	struct strbuf sb = STRBUF_INIT;
	struct hcsc_pos at = b->top;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct run_flag *f = b->p.v[i].flag;
		bool dup = false;

		if (f->effect == RE_SHAPES)
			continue;
		for (size_t j = 0; j < i; j++)
			dup |= b->p.v[j].flag == f;
		if (dup)
			continue;
		if (!sb.len)
			at = b->p.v[i].pos;
		strbuf_addf(&sb, "%s--%s%s", sb.len ? ", " : "", f->name,
			    f->effect == RE_NOT_SENT ? " (not sent)" : "");
	}
	if (sb.len)
		diag_warning(b->d, DC_IGNORED, at, "these flags do not shape the Windows "
				       "documents (accepted as docker accepts "
				       "them): %s",
			     sb.buf);
	strbuf_release(&sb);
}

static void image_config(struct build *b)
{
	struct node *img;

	if (!b->o->image_config) {
		diag_warning(b->d, DC_IMAGE, b->p.image_pos,
			     "the image's own config is unknown (its Cmd, "
			     "Entrypoint, Env, WorkingDir, User and Volumes are "
			     "not merged): give 'docker image inspect %s' output "
			     "with --image-inspect FILE",
			     b->p.image);
		return;
	}
	img = tree_map(b->a, b->o->image_config_pos);
	tree_put(b->a, img, "Config", b->o->image_config);
	tree_put(b->a, b->root, "Image", img);
}

enum hcsc_rc front_run(struct arena *a, struct diag_list *d,
		       const struct front_run_opts *o, struct node **out,
		       const char **err)
{
	struct build b;
	const struct rf_value *name;
	bool restart_none = true;
	enum hcsc_rc rc;

	memset(&b, 0, sizeof(b));
	b.a = a;
	b.d = d;
	b.o = o;
	b.err = err;
	*err = NULL;
	b.top = pos_make("docker run", 1, 0);
	rc = rf_parse(a, d, o->argc, o->argv, o->base, &b.p);
	if (rc != HCSC_OK)
		return rc;
	if (!b.p.image)
		return diag_error(d, b.top, "\"docker run\" requires at least 1 "
					    "argument.");
	b.root = tree_map(a, b.top);
	name = rf_last(&b.p, RF_NAME);
	if (name && *name->text)
		tree_put(a, b.root, "Name", tree_str(a, name->pos, name->text));
	b.config = tree_child(a, b.root, "Config", b.top);
	b.host = tree_child(a, b.root, "HostConfig", b.top);
	rc = pull_and_swappiness(&b);
	if (rc == HCSC_OK)
		rc = volumes(&b);
	if (rc == HCSC_OK)
		rc = mounts(&b);
	if (rc == HCSC_OK)
		rc = ports(&b);
	if (rc == HCSC_OK) {
		devices(&b);
		rc = environment(&b);
	}
	if (rc == HCSC_OK)
		rc = labels(&b);
	if (rc == HCSC_OK)
		rc = restart(&b, &restart_none);
	if (rc == HCSC_OK)
		rc = security_opts(&b);
	if (rc == HCSC_OK)
		rc = storage_opts(&b);
	if (rc == HCSC_OK)
		rc = healthcheck(&b);
	if (rc == HCSC_OK)
		rc = conflicts(&b, restart_none);
	if (rc != HCSC_OK)
		return rc;
	container(&b);
	put_plain_flags(&b);
	note_unshaping(&b);
	image_config(&b);
	*out = b.root;
	return HCSC_OK;
}
