/*
 * front/compose.c: Compose file -> one description per service
 * (compose.h). The service keys are one table: each modelled key has a
 * function that writes what docker compose's getCreateConfigs sends;
 * keys accepted without shaping Windows documents are listed in one
 * warning per service.
 */
#include "compose.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "os/fs.h"
#include "diag.h"
#include "front/dotenv.h"
#include "front/interp.h"
#include "front/shellwords.h"
#include "front/tree.h"
#include "front/units.h"
#include "front/volspec.h"
#include "load/load.h"
#include "model/schema.h"
#include "strbuf.h"
#include "winpath.h"

struct svc {
	struct arena *a;
	struct diag_list *d;
	const struct compose_opts *o;
	const struct node *file;   /* the whole document */
	const char *project, *name, *dir;
	const struct client_env *vars;
	const struct node *s;      /* the service mapping */
	struct node *root, *config, *host;
	const char **err;
};

static const char *path_of(const struct svc *c, const char *key)
{
	return arena_printf(c->a, "services.%s.%s", c->name, key);
}

static enum hcsc_rc type_error(struct svc *c, const struct node *n,
			       const char *key, const char *want)
{
	return diag_error(c->d, n->pos, "%s must be a %s", path_of(c, key), want);
}

/* A scalar's text (string, int or bool as written); NULL for others. */
static const char *scalar(const struct node *n)
{
	return n->kind == NODE_STR || n->kind == NODE_INT || n->kind == NODE_BOOL
		       ? n->text
		       : NULL;
}

static void put_str(struct svc *c, struct node *sec, const char *key,
		    const struct node *v)
{
	tree_put(c->a, sec, key, tree_str(c->a, v->pos, scalar(v)));
}

/* ---- scalar keys ---- */

static enum hcsc_rc k_string(struct svc *c, const char *key,
			     const struct node *v)
{
	static const struct { const char *k, *sec, *field; } map[] = {
		{ "working_dir", "Config", "WorkingDir" },
		{ "user", "Config", "User" },
		{ "hostname", "Config", "Hostname" },
		{ "domainname", "Config", "Domainname" },
		{ "stop_signal", "Config", "StopSignal" },
		{ "isolation", "HostConfig", "Isolation" },
		{ "image", "Config", "Image" },
	};

	if (!scalar(v) || v->kind == NODE_BOOL)
		return type_error(c, v, key, "string");
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].k, key))
			put_str(c, !strcmp(map[i].sec, "Config") ? c->config : c->host,
				map[i].field, v);
	return HCSC_OK;
}

static enum hcsc_rc k_bool(struct svc *c, const char *key, const struct node *v)
{
	if (v->kind != NODE_BOOL)
		return type_error(c, v, key, "boolean");
	tree_put(c->a, c->config, !strcmp(key, "tty") ? "Tty" : "OpenStdin",
		 tree_bool(c->a, v->pos, v->b));
	return HCSC_OK;
}

static enum hcsc_rc k_int(struct svc *c, const char *key, const struct node *v)
{
	int64_t i;
	const char *t = scalar(v);

	if (!t || v->kind == NODE_BOOL || go_parse_int(c->a, t, 64, &i))
		return type_error(c, v, key, "integer");
	tree_put(c->a, c->host, !strcmp(key, "cpu_count") ? "CpuCount" : "CpuShares",
		 tree_int(c->a, v->pos, i));
	return HCSC_OK;
}

/* A float from a YAML number or a string (strconv.ParseFloat). */
static bool to_float(struct arena *a, const struct node *v, double *out)
{
	if (v->kind == NODE_INT) {
		*out = v->neg ? -(double)v->mag : (double)v->mag;
		return true;
	}
	return v->kind == NODE_STR && !go_parse_float(a, v->text, out);
}

/* cpus and deploy.resources.limits.cpus: float32, times 1e9 in float32. */
static enum hcsc_rc put_cpus(struct svc *c, const char *key, const struct node *v)
{
	double f;
	volatile float f32, nano;

	if (!to_float(c->a, v, &f))
		return type_error(c, v, key, "number or string");
	f32 = (float)f;
	nano = f32 * 1e9f;
	tree_put(c->a, c->host, "NanoCpus", tree_int(c->a, v->pos, (int64_t)nano));
	if ((double)(int64_t)nano != f * 1e9)
		diag_warning(c->d, DC_ROUNDING, v->pos, "%s %s is sent as NanoCpus %lld: docker "
					   "compose passes it through float32",
			     path_of(c, key), v->text, (long long)(int64_t)nano);
	return HCSC_OK;
}

static enum hcsc_rc k_cpus(struct svc *c, const char *key, const struct node *v)
{
	return put_cpus(c, key, v);
}

/* cpu_percent: compose sends int64(float32(x) * 100) (rule: front.client-sends). */
static enum hcsc_rc k_cpu_percent(struct svc *c, const char *key,
				  const struct node *v)
{
	double f;
	volatile float f32, pct;

	if (!to_float(c->a, v, &f))
		return type_error(c, v, key, "number");
	f32 = (float)f;
	pct = f32 * 100;
	tree_put(c->a, c->host, "CpuPercent", tree_int(c->a, v->pos, (int64_t)pct));
	diag_warning(c->d, DC_COMPOSE, v->pos, "%s %s is sent as CpuPercent %lld: docker compose "
				   "multiplies cpu_percent by 100",
		     path_of(c, key), v->text, (long long)(int64_t)pct);
	return HCSC_OK;
}

/* mem_limit: bytes, a number or a go-units size; a YAML float is 0. */
static enum hcsc_rc put_memory(struct svc *c, const char *key,
			       const struct node *v, bool string_only)
{
	int64_t bytes;
	double f;
	const char *err;

	if (v->kind == NODE_INT && !string_only) {
		tree_put(c->a, c->host, "Memory",
			 tree_int(c->a, v->pos, v->neg ? -(int64_t)v->mag
						      : (int64_t)v->mag));
		return HCSC_OK;
	}
	if (v->kind != NODE_STR)
		return type_error(c, v, key, string_only ? "string" : "string or number");
	if (v->plain && !string_only && to_float(c->a, v, &f)) {
		diag_warning(c->d, DC_COMPOSE, v->pos, "%s %s is a YAML float: docker compose "
					   "sends Memory 0",
			     path_of(c, key), v->text);
		tree_put(c->a, c->host, "Memory", tree_int(c->a, v->pos, 0));
		return HCSC_OK;
	}
	if ((err = units_ram_in_bytes(c->a, v->text, &bytes)) != NULL)
		return diag_error(c->d, v->pos, "%s: %s", path_of(c, key), err);
	tree_put(c->a, c->host, "Memory", tree_int(c->a, v->pos, bytes));
	return HCSC_OK;
}

static enum hcsc_rc k_mem_limit(struct svc *c, const char *key,
				const struct node *v)
{
	return put_memory(c, key, v, false);
}

/* deploy.resources.limits: cpus, memory; the rest of deploy is listed. */
static enum hcsc_rc k_deploy(struct svc *c, const char *key,
			     const struct node *v)
{
	const struct node *r = v->kind == NODE_MAP ? node_get(v, "resources") : NULL;
	const struct node *l = r && r->kind == NODE_MAP ? node_get(r, "limits") : NULL;
	const struct node *x;
	enum hcsc_rc rc = HCSC_OK;

	if (v->kind != NODE_MAP)
		return type_error(c, v, key, "mapping");
	if (l && l->kind == NODE_MAP && (x = node_get(l, "cpus")) != NULL)
		rc = put_cpus(c, "deploy.resources.limits.cpus", x);
	if (rc == HCSC_OK && l && l->kind == NODE_MAP &&
	    (x = node_get(l, "memory")) != NULL)
		rc = put_memory(c, "deploy.resources.limits.memory", x, true);
	return rc;
}

/* ---- lists and maps ---- */

/* A list of strings (or one string where compose takes either). */
static enum hcsc_rc str_list(struct svc *c, const char *key,
			     const struct node *v, struct node *sec,
			     const char *field)
{
	struct node *seq = tree_seq(c->a, v->pos);

	if (v->kind != NODE_SEQ)
		return type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n; i++) {
		if (!scalar(v->items[i]))
			return type_error(c, v->items[i], key, "string");
		tree_push(c->a, seq, tree_str(c->a, v->items[i]->pos,
					      scalar(v->items[i])));
	}
	tree_put(c->a, sec, field, seq);
	return HCSC_OK;
}

static enum hcsc_rc k_list(struct svc *c, const char *key, const struct node *v)
{
	if (!strcmp(key, "security_opt"))
		return str_list(c, key, v, c->host, "SecurityOpt");
	if (!strcmp(key, "dns_search")) {
		if (scalar(v)) {
			struct node *seq = tree_seq(c->a, v->pos);

			tree_push(c->a, seq, tree_str(c->a, v->pos, scalar(v)));
			tree_put(c->a, c->host, "DnsSearch", seq);
			return HCSC_OK;
		}
		return str_list(c, key, v, c->host, "DnsSearch");
	}
	return HCSC_OK;
}

/* command / entrypoint: a list, or a string split as go-shellwords does. */
static enum hcsc_rc k_command(struct svc *c, const char *key,
			      const struct node *v)
{
	const char *field = !strcmp(key, "command") ? "Cmd" : "Entrypoint";
	struct shellwords w;
	struct node *seq;
	const char *err;

	if (v->kind == NODE_NULL)
		return HCSC_OK;
	if (v->kind == NODE_SEQ)
		return str_list(c, key, v, c->config, field);
	if (v->kind != NODE_STR)
		return type_error(c, v, key, "string or array");
	if ((err = shellwords_parse(c->a, v->text, &w)) != NULL)
		return diag_error(c->d, v->pos, "%s", err);
	seq = tree_seq(c->a, v->pos);
	for (size_t i = 0; i < w.n; i++)
		tree_push(c->a, seq, tree_str(c->a, v->pos, w.v[i]));
	tree_put(c->a, c->config, field, seq);
	if (w.escaped || w.truncated) {
		struct strbuf sb = STRBUF_INIT;

		for (size_t i = 0; i < w.n; i++)
			strbuf_addf(&sb, "%s'%s'", i ? ", " : "", w.v[i]);
		diag_warning(c->d, DC_COMPOSE, v->pos, "%s is split as docker compose splits it "
					   "(go-shellwords: %s): [%s]; write it as a "
					   "list to keep the text",
			     path_of(c, key),
			     w.truncated ? "; & | < > end the command"
					 : "\\ escapes the next character",
			     sb.buf);
		strbuf_release(&sb);
	}
	return HCSC_OK;
}

/* labels / annotations / storage_opt: a map, or a list of k=v. */
static enum hcsc_rc k_map(struct svc *c, const char *key, const struct node *v)
{
	static const struct { const char *k, *sec, *field; } map[] = {
		{ "labels", "Config", "Labels" },
		{ "annotations", "HostConfig", "Annotations" },
		{ "storage_opt", "HostConfig", "StorageOpt" },
	};
	struct node *m = tree_map(c->a, v->pos), *sec = c->host;
	const char *field = NULL;

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].k, key)) {
			field = map[i].field;
			sec = !strcmp(map[i].sec, "Config") ? c->config : c->host;
		}
	if (v->kind == NODE_MAP) {
		for (size_t i = 0; i < v->n; i++) {
			const struct node *x = v->pairs[i].val;

			tree_put(c->a, m, v->pairs[i].key->text,
				 tree_str(c->a, x->pos, scalar(x) ? scalar(x) : ""));
		}
	} else if (v->kind == NODE_SEQ && strcmp(key, "storage_opt")) {
		for (size_t i = 0; i < v->n; i++) {
			const char *t = scalar(v->items[i]), *eq;

			if (!t)
				return type_error(c, v->items[i], key, "string");
			eq = strchr(t, '=');
			tree_put(c->a, m, eq ? arena_strndup(c->a, t, (size_t)(eq - t)) : t,
				 tree_str(c->a, v->items[i]->pos, eq ? eq + 1 : ""));
		}
	} else {
		return type_error(c, v, key, strcmp(key, "storage_opt") ? "array or mapping"
								    : "mapping");
	}
	tree_put(c->a, sec, field, m);
	return HCSC_OK;
}

/* ---- environment ---- */

struct env_entry {
	const char *name, *value; /* value NULL: unset */
	struct hcsc_pos pos;
};

struct env_set {
	struct env_entry *v;
	size_t n;
};

static void env_set(struct arena *a, struct env_set *e, const char *name,
		    size_t nlen, const char *value, struct hcsc_pos pos)
{
	for (size_t i = 0; i < e->n; i++) {
		if (strlen(e->v[i].name) == nlen && !strncmp(e->v[i].name, name, nlen)) {
			e->v[i].value = value;
			e->v[i].pos = pos;
			return;
		}
	}
	e->v = arena_grow(a, e->v, e->n, e->n + 1, sizeof(*e->v));
	e->v[e->n].name = arena_strndup(a, name, nlen);
	e->v[e->n].value = value;
	e->v[e->n++].pos = pos;
}

/* A bare NAME takes its value from the interpolation variables. */
static const char *resolve(const struct svc *c, const char *name, size_t n)
{
	return client_env_get(c->vars, name, n);
}

/* env_file: files relative to the Compose file, read in order. */
static enum hcsc_rc env_files(struct svc *c, const struct node *v,
			      struct env_set *e)
{
	const struct node *one = v;

	for (size_t i = 0; v->kind == NODE_SEQ ? i < v->n : i < 1; i++) {
		struct strbuf buf = STRBUF_INIT;
		const char **kv = NULL, *err = NULL, *parts[2], *path;
		size_t n = 0;
		enum hcsc_rc rc;

		one = v->kind == NODE_SEQ ? v->items[i] : v;
		if (one->kind == NODE_MAP)
			one = node_get(one, "path");
		if (!one || one->kind != NODE_STR)
			return type_error(c, one ? one : v, "env_file", "string");
		parts[0] = c->dir;
		parts[1] = one->text;
		path = *c->dir ? arena_join(c->a, parts, 2, "/") : one->text;
		rc = load_read_file(c->a, c->d, path, path, &buf, &err);
		if (rc == HCSC_E_IO)
			*c->err = err;
		if (rc == HCSC_OK && (err = dotenv_parse(c->a, buf.buf, buf.len, &kv,
							 &n)) != NULL)
			rc = diag_error(c->d, one->pos, "failed to read %s: %s",
					one->text, err);
		strbuf_release(&buf);
		if (rc != HCSC_OK)
			return rc;
		for (size_t k = 0; k < n; k++)
			env_set(c->a, e, kv[k], (size_t)(strchr(kv[k], '=') - kv[k]),
				strchr(kv[k], '=') + 1, one->pos);
	}
	return HCSC_OK;
}

/* A YAML float as Go's fmt %v prints a float64 (shortest digits; an
 * exponent below 1e-4 or from 1e+06). */
static const char *go_float_text(struct arena *a, double f)
{
	char buf[64];
	int n, exp;
	double back;

	for (n = 1; n < 17; n++) {
		snprintf(buf, sizeof(buf), "%.*g", n, f);
		if (!go_parse_float(a, buf, &back) && back == f)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*e", n - 1, f);
	exp = 0;
	for (const char *e = strchr(buf, 'e') + 2; *e; e++)
		exp = exp * 10 + (*e - '0');
	exp = strchr(buf, 'e')[1] == '-' ? -exp : exp;
	if (exp < -4 || exp >= 6)
		return arena_strdup(a, buf);
	if (exp >= n)
		snprintf(buf, sizeof(buf), "%.0f", f);
	else
		snprintf(buf, sizeof(buf), "%.*g", n, f);
	return arena_strdup(a, buf);
}

/* An environment value as compose prints the YAML value. */
static const char *env_text(struct svc *c, const struct node *x)
{
	double f;

	if (x->kind == NODE_BOOL)
		return x->b ? "true" : "false";
	if (x->kind == NODE_INT)
		return arena_printf(c->a, "%s%llu", x->neg ? "-" : "",
				    (unsigned long long)x->mag);
	if (x->plain && !go_parse_float(c->a, x->text, &f))
		return go_float_text(c->a, f);
	return x->text;
}

static enum hcsc_rc environment_entries(struct svc *c, const struct node *v,
					struct env_set *e)
{
	for (size_t i = 0; v->kind == NODE_MAP && i < v->n; i++) {
		const struct node *x = v->pairs[i].val;
		const char *k = v->pairs[i].key->text;

		if (x->kind == NODE_MAP || x->kind == NODE_SEQ)
			return type_error(c, x, "environment", "string, number, boolean "
							       "or null");
		env_set(c->a, e, k, strlen(k),
			x->kind == NODE_NULL ? resolve(c, k, strlen(k)) : env_text(c, x),
			x->pos);
	}
	for (size_t i = 0; v->kind == NODE_SEQ && i < v->n; i++) {
		const char *t = scalar(v->items[i]), *eq;

		if (!t)
			return type_error(c, v->items[i], "environment", "string");
		eq = strchr(t, '=');
		env_set(c->a, e, t, eq ? (size_t)(eq - t) : strlen(t),
			eq ? eq + 1 : resolve(c, t, strlen(t)), v->items[i]->pos);
	}
	if (v->kind != NODE_MAP && v->kind != NODE_SEQ && v->kind != NODE_NULL)
		return type_error(c, v, "environment", "array or mapping");
	return HCSC_OK;
}

static int env_cmp(const void *x, const void *y)
{
	return strcmp(((const struct env_entry *)x)->name,
		      ((const struct env_entry *)y)->name);
}

/* env_file, then environment; sorted by name, unset names dropped. */
static enum hcsc_rc environment(struct svc *c)
{
	const struct node *ef = node_get(c->s, "env_file");
	const struct node *en = node_get(c->s, "environment");
	struct env_set e = { NULL, 0 };
	struct node *seq;
	enum hcsc_rc rc = HCSC_OK;

	if (ef && ef->kind != NODE_NULL)
		rc = env_files(c, ef, &e);
	if (rc == HCSC_OK && en)
		rc = environment_entries(c, en, &e);
	if (rc != HCSC_OK || !e.n)
		return rc;
	for (size_t i = 1; i < e.n; i++) /* insertion sort: stable, bytewise */
		for (size_t j = i; j > 0 && env_cmp(&e.v[j - 1], &e.v[j]) > 0; j--) {
			struct env_entry t = e.v[j];

			e.v[j] = e.v[j - 1];
			e.v[j - 1] = t;
		}
	seq = tree_seq(c->a, e.v[0].pos);
	for (size_t i = 0; i < e.n; i++)
		if (e.v[i].value)
			tree_push(c->a, seq, tree_str(c->a, e.v[i].pos,
						      arena_printf(c->a, "%s=%s",
								   e.v[i].name,
								   e.v[i].value)));
	if (seq->n)
		tree_put(c->a, c->config, "Env", seq);
	return HCSC_OK;
}

/* ---- volumes ---- */

/* A top-level volume: its engine name (`<project>_<name>` or external). */
static const char *volume_name(struct svc *c, const char *name,
			       const struct node *at, bool *found)
{
	const struct node *vols = node_get(c->file, "volumes");
	const struct node *v = vols && vols->kind == NODE_MAP ? node_get(vols, name)
							       : NULL;
	const struct node *ext, *nm;

	*found = vols && vols->kind == NODE_MAP && node_get(vols, name) != NULL;
	(void)at;
	if (v && v->kind == NODE_MAP) {
		nm = node_get(v, "name");
		ext = node_get(v, "external");
		if (nm && scalar(nm))
			return scalar(nm);
		if (ext && ext->kind == NODE_BOOL && ext->b)
			return name;
	}
	return arena_printf(c->a, "%s_%s", c->project, name);
}

/* A relative bind source, against --project-directory. */
static enum hcsc_rc bind_source(struct svc *c, const struct node *at,
				const char *src, const char **out)
{
	const char *parts[2];

	*out = src;
	if (winpath_is_abs(src) || (src[0] == '\\' && src[1] == '\\'))
		return HCSC_OK;
	if (!c->o->project_dir)
		return diag_error(c->d, at->pos, "the relative bind source '%s' is "
						 "resolved against the project "
						 "directory on the client: give it with "
						 "--project-directory WINPATH",
				  src);
	parts[0] = c->o->project_dir;
	parts[1] = src;
	*out = winpath_join(c->a, parts, 2);
	return HCSC_OK;
}

static void add_bind(struct svc *c, const struct node *at, const char *src,
		     const char *target, bool ro)
{
	struct node *b = node_get(c->host, "Binds");

	if (!b)
		tree_put(c->a, c->host, "Binds", b = tree_seq(c->a, at->pos));
	tree_push(c->a, b, tree_str(c->a, at->pos,
				    arena_printf(c->a, "%s:%s:%s", src, target,
						 ro ? "ro" : "rw")));
}

static void add_mount(struct svc *c, const struct node *at, const char *type,
		      const char *src, const char *target, bool ro)
{
	struct node *seq = node_get(c->host, "Mounts"), *m = tree_map(c->a, at->pos);

	if (!seq)
		tree_put(c->a, c->host, "Mounts", seq = tree_seq(c->a, at->pos));
	tree_put(c->a, m, "Type", tree_str(c->a, at->pos, type));
	if (*src)
		tree_put(c->a, m, "Source", tree_str(c->a, at->pos, src));
	tree_put(c->a, m, "Target", tree_str(c->a, at->pos, target));
	if (ro)
		tree_put(c->a, m, "ReadOnly", tree_bool(c->a, at->pos, true));
	tree_push(c->a, seq, m);
}

static enum hcsc_rc named_volume(struct svc *c, const struct node *at,
				 const char *src, const char *target, bool ro)
{
	bool found;
	const char *name = volume_name(c, src, at, &found);

	if (!found)
		return diag_error(c->d, at->pos, "service \"%s\" refers to undefined "
						 "volume %s: invalid compose project",
				  c->name, src);
	add_bind(c, at, name, target, ro);
	return HCSC_OK;
}

/* SOURCE:TARGET[:MODE] (compose-go format.ParseVolume). */
static enum hcsc_rc short_volume(struct svc *c, const struct node *v)
{
	struct volspec vs;
	const char *err, *src, *last = strrchr(v->text, ':');
	bool ro = last && last > v->text + 1 &&
		  (!strcmp(last + 1, "ro") || !strncmp(last + 1, "ro,", 3));

	if ((err = volspec_parse(c->a, v->text, &vs)) != NULL)
		return diag_error(c->d, v->pos, "%s", err);
	if (!*vs.source) {
		add_mount(c, v, "volume", "", vs.target, false);
		return HCSC_OK;
	}
	if (!vs.bind)
		return named_volume(c, v, vs.source, vs.target, ro);
	if (bind_source(c, v, vs.source, &src) != HCSC_OK)
		return HCSC_E_INPUT;
	add_bind(c, v, src, vs.target, ro);
	return HCSC_OK;
}

/* {type, source, target, read_only}: a long bind goes through Mounts. */
static enum hcsc_rc long_volume(struct svc *c, const struct node *v)
{
	const struct node *t = node_get(v, "type"), *s = node_get(v, "source");
	const struct node *g = node_get(v, "target"), *r = node_get(v, "read_only");
	const char *type = t && scalar(t) ? scalar(t) : "volume", *src;
	bool ro = r && r->kind == NODE_BOOL && r->b;

	if (!g || !scalar(g))
		return diag_error(c->d, v->pos, "%s.target must be a string",
				  path_of(c, "volumes"));
	if (!strcmp(type, "bind")) {
		if (!s || !scalar(s))
			return diag_error(c->d, v->pos, "invalid mount config for type "
							"\"bind\": field Source must "
							"not be empty");
		if (bind_source(c, s, scalar(s), &src) != HCSC_OK)
			return HCSC_E_INPUT;
		add_mount(c, v, "bind", src, scalar(g), ro);
		return HCSC_OK;
	}
	if (!strcmp(type, "volume") && s && scalar(s) && *scalar(s))
		return named_volume(c, v, scalar(s), scalar(g), ro);
	add_mount(c, v, type, s && scalar(s) ? scalar(s) : "", scalar(g), ro);
	return HCSC_OK;
}

static enum hcsc_rc k_volumes(struct svc *c, const char *key,
			      const struct node *v)
{
	enum hcsc_rc rc = HCSC_OK;

	if (v->kind != NODE_SEQ)
		return type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n && rc == HCSC_OK; i++)
		rc = v->items[i]->kind == NODE_MAP ? long_volume(c, v->items[i])
		     : v->items[i]->kind == NODE_STR ? short_volume(c, v->items[i])
						     : type_error(c, v->items[i], key,
								  "string or mapping");
	return rc;
}

/* devices: "SOURCE[:TARGET[:PERMS]]" or {source, target}; Windows takes
 * the source as PathOnHost. */
static enum hcsc_rc k_devices(struct svc *c, const char *key,
			      const struct node *v)
{
	struct node *seq = tree_seq(c->a, v->pos);

	if (v->kind != NODE_SEQ)
		return type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n; i++) {
		const struct node *x = v->items[i];
		const struct node *src = x->kind == NODE_MAP ? node_get(x, "source") : x;
		struct node *m = tree_map(c->a, x->pos);

		if (!src || !scalar(src))
			return type_error(c, x, key, "string or mapping");
		tree_put(c->a, m, "PathOnHost", tree_str(c->a, x->pos, scalar(src)));
		tree_push(c->a, seq, m);
	}
	tree_put(c->a, c->host, "Devices", seq);
	return HCSC_OK;
}

/* ---- network, ports, health, credential spec ---- */

/* network_mode as given; else the first of `networks:`; else default. */
static enum hcsc_rc network(struct svc *c)
{
	const struct node *mode = node_get(c->s, "network_mode");
	const struct node *nets = node_get(c->s, "networks");
	const struct node *top = node_get(c->file, "networks");
	const char *first = NULL;
	struct hcsc_pos at = c->s->pos;

	if (mode && nets)
		return diag_error(c->d, nets->pos, "service %s declares mutually "
						   "exclusive `network_mode` and "
						   "`networks`: invalid compose project",
				  c->name);
	if (mode) {
		if (!scalar(mode))
			return type_error(c, mode, "network_mode", "string");
		put_str(c, c->host, "NetworkMode", mode);
		return HCSC_OK;
	}
	if (nets && nets->kind == NODE_SEQ && nets->n && scalar(nets->items[0])) {
		first = scalar(nets->items[0]);
		at = nets->items[0]->pos;
	} else if (nets && nets->kind == NODE_MAP && nets->n) {
		first = nets->pairs[0].key->text;
		at = nets->pairs[0].key->pos;
	} else if (nets && nets->kind != NODE_NULL) {
		return type_error(c, nets, "networks", "array or mapping");
	}
	if (first && strcmp(first, "default") &&
	    !(top && top->kind == NODE_MAP && node_get(top, first)))
		return diag_error(c->d, at, "service \"%s\" refers to undefined "
					    "network %s: invalid compose project",
				  c->name, first);
	if (first && top && top->kind == NODE_MAP && node_get(top, first) &&
	    node_get(top, first)->kind == NODE_MAP) {
		const struct node *nm = node_get(node_get(top, first), "name");
		const struct node *ext = node_get(node_get(top, first), "external");

		if (nm && scalar(nm)) {
			tree_put(c->a, c->host, "NetworkMode",
				 tree_str(c->a, nm->pos, scalar(nm)));
			return HCSC_OK;
		}
		if (ext && ext->kind == NODE_BOOL && ext->b) {
			tree_put(c->a, c->host, "NetworkMode", tree_str(c->a, at, first));
			return HCSC_OK;
		}
	}
	tree_put(c->a, c->host, "NetworkMode",
		 tree_str(c->a, at, arena_printf(c->a, "%s_%s", c->project,
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
		const struct node *t = node_get(x, "target"), *p = node_get(x, "published");
		const struct node *i = node_get(x, "host_ip"), *pr = node_get(x, "protocol");

		if (!t || !scalar(t))
			return type_error(c, x, "ports", "mapping with a target");
		ctr = scalar(t);
		host = p && scalar(p) ? scalar(p) : "";
		ip = i && scalar(i) ? scalar(i) : "";
		proto = pr && scalar(pr) ? scalar(pr) : "tcp";
	} else if (scalar(x) && x->kind != NODE_BOOL) {
		const char *s = scalar(x), *slash = strrchr(s, '/'), *c2, *c1 = NULL;

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
		return type_error(c, x, "ports", "number, string or mapping");
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

static enum hcsc_rc k_ports(struct svc *c, const char *key, const struct node *v)
{
	enum hcsc_rc rc = HCSC_OK;

	if (v->kind != NODE_SEQ)
		return type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n && rc == HCSC_OK; i++) {
		if (!strcmp(key, "ports")) {
			rc = one_port(c, v->items[i]);
			continue;
		}
		if (!scalar(v->items[i]))
			return type_error(c, v->items[i], key, "string or number");
		tree_put(c->a, tree_child(c->a, c->config, "ExposedPorts", v->pos),
			 strchr(scalar(v->items[i]), '/')
				 ? scalar(v->items[i])
				 : arena_printf(c->a, "%s/tcp", scalar(v->items[i])),
			 tree_map(c->a, v->items[i]->pos));
	}
	return rc;
}

/* healthcheck: test (string -> CMD-SHELL), durations, retries, disable. */
static enum hcsc_rc k_healthcheck(struct svc *c, const char *key,
				  const struct node *v)
{
	static const char *const durs[][2] = {
		{ "interval", "Interval" }, { "timeout", "Timeout" },
		{ "start_period", "StartPeriod" }, { "start_interval", "StartInterval" },
	};
	struct node *h = tree_map(c->a, v->pos), *test;
	const struct node *t = v->kind == NODE_MAP ? node_get(v, "test") : NULL;
	const struct node *dis = v->kind == NODE_MAP ? node_get(v, "disable") : NULL;
	const struct node *r = v->kind == NODE_MAP ? node_get(v, "retries") : NULL;
	int64_t ns;

	if (v->kind != NODE_MAP)
		return type_error(c, v, key, "mapping");
	if ((dis && dis->kind == NODE_BOOL && dis->b) || t) {
		tree_put(c->a, h, "Test", test = tree_seq(c->a, v->pos));
		if (dis && dis->kind == NODE_BOOL && dis->b) {
			tree_push(c->a, test, tree_str(c->a, dis->pos, "NONE"));
		} else if (t->kind == NODE_STR) {
			tree_push(c->a, test, tree_str(c->a, t->pos, "CMD-SHELL"));
			tree_push(c->a, test, tree_str(c->a, t->pos, t->text));
		} else if (str_list(c, "healthcheck.test", t, h, "Test") != HCSC_OK) {
			return HCSC_E_INPUT;
		}
	}
	for (size_t i = 0; i < 4; i++) {
		const struct node *x = node_get(v, durs[i][0]);
		const char *err;

		if (!x)
			continue;
		if (!scalar(x) || (err = go_parse_duration(c->a, scalar(x), &ns)) != NULL)
			return diag_error(c->d, x->pos, "%s.%s: %s", path_of(c, key),
					  durs[i][0], scalar(x) ? err : "must be a string");
		tree_put(c->a, h, durs[i][1], tree_int(c->a, x->pos, ns));
	}
	if (r && r->kind == NODE_INT)
		tree_put(c->a, h, "Retries",
			 tree_int(c->a, r->pos, r->neg ? -(int64_t)r->mag : (int64_t)r->mag));
	tree_put(c->a, c->config, "Healthcheck", h);
	return HCSC_OK;
}

/* credential_spec: checked, not sent (docker compose ignores it outside
 * swarm; rule: front.client-sends), with the security_opt that would work. */
static enum hcsc_rc k_credential_spec(struct svc *c, const char *key,
				      const struct node *v)
{
	static const char *const kinds[] = { "file", "registry", "config" };
	const char *which = NULL, *val = NULL;

	if (v->kind != NODE_MAP)
		return type_error(c, v, key, "mapping");
	for (size_t i = 0; i < v->n; i++) {
		bool known = false;

		for (size_t k = 0; k < 3; k++)
			if (!strcmp(v->pairs[i].key->text, kinds[k])) {
				known = true;
				which = kinds[k];
				val = scalar(v->pairs[i].val);
			}
		if (!known)
			return diag_error(c->d, v->pairs[i].key->pos,
					  "%s additional properties '%s' not allowed",
					  path_of(c, key), v->pairs[i].key->text);
	}
	if (v->n > 1)
		return diag_error(c->d, v->pos, "%s must have exactly one of file, "
						"registry or config",
				  path_of(c, key));
	if (!which || !val)
		return type_error(c, v, key, "mapping with file, registry or config");
	diag_warning(c->d, DC_COMPOSE, v->pos, "%s is not sent: docker compose passes it only "
				   "to swarm services; for a container write "
				   "security_opt: [\"credentialspec=%s://%s\"]",
		     path_of(c, key), which, val);
	return HCSC_OK;
}

/* ---- the service key table ---- */

typedef enum hcsc_rc key_fn(struct svc *c, const char *key,
			    const struct node *v);

static const struct {
	const char *key;
	key_fn *fn; /* NULL: read elsewhere (environment, network, name) */
	bool shapes;
} service_keys[] = {
	{ "image", k_string, true }, { "command", k_command, true },
	{ "entrypoint", k_command, true }, { "environment", NULL, true },
	{ "env_file", NULL, true }, { "working_dir", k_string, true },
	{ "user", k_string, true }, { "tty", k_bool, true },
	{ "stdin_open", k_bool, true }, { "hostname", k_string, true },
	{ "domainname", k_string, true }, { "container_name", NULL, true },
	{ "isolation", k_string, true }, { "cpus", k_cpus, true },
	{ "cpu_count", k_int, true }, { "cpu_percent", k_cpu_percent, true },
	{ "cpu_shares", k_int, true }, { "mem_limit", k_mem_limit, true },
	{ "deploy", k_deploy, true }, { "volumes", k_volumes, true },
	{ "security_opt", k_list, true }, { "credential_spec", k_credential_spec, true },
	{ "devices", k_devices, true }, { "dns_search", k_list, true },
	{ "network_mode", NULL, true }, { "networks", NULL, true },
	{ "labels", k_map, false }, { "annotations", k_map, true },
	{ "storage_opt", k_map, false }, { "stop_signal", k_string, false },
	{ "healthcheck", k_healthcheck, false }, { "ports", k_ports, false },
	{ "expose", k_ports, false },
	/* accepted; they do not shape Windows documents (listed) */
	{ "attach", NULL, false }, { "blkio_config", NULL, false },
	{ "build", NULL, false }, { "cap_add", NULL, false },
	{ "cap_drop", NULL, false }, { "cgroup", NULL, false },
	{ "cgroup_parent", NULL, false }, { "configs", NULL, false },
	{ "cpu_period", NULL, false }, { "cpu_quota", NULL, false },
	{ "cpu_rt_period", NULL, false }, { "cpu_rt_runtime", NULL, false },
	{ "cpuset", NULL, false }, { "depends_on", NULL, false },
	{ "develop", NULL, false }, { "device_cgroup_rules", NULL, false },
	{ "dns", NULL, false }, { "dns_opt", NULL, false },
	{ "extends", NULL, false }, { "external_links", NULL, false },
	{ "extra_hosts", NULL, false }, { "gpus", NULL, false },
	{ "group_add", NULL, false }, { "init", NULL, false },
	{ "ipc", NULL, false }, { "label_file", NULL, false },
	{ "links", NULL, false }, { "logging", NULL, false },
	{ "mac_address", NULL, false }, { "mem_reservation", NULL, false },
	{ "mem_swappiness", NULL, false }, { "memswap_limit", NULL, false },
	{ "models", NULL, false }, { "oom_kill_disable", NULL, false },
	{ "oom_score_adj", NULL, false }, { "pid", NULL, false },
	{ "pids_limit", NULL, false }, { "platform", NULL, false },
	{ "post_start", NULL, false }, { "pre_stop", NULL, false },
	{ "privileged", NULL, false }, { "profiles", NULL, false },
	{ "provider", NULL, false }, { "pull_policy", NULL, false },
	{ "read_only", NULL, false }, { "restart", NULL, false },
	{ "runtime", NULL, false }, { "scale", NULL, false },
	{ "secrets", NULL, false }, { "shm_size", NULL, false },
	{ "stop_grace_period", NULL, false }, { "sysctls", NULL, false },
	{ "tmpfs", NULL, false }, { "ulimits", NULL, false },
	{ "use_api_socket", NULL, false }, { "userns_mode", NULL, false },
	{ "uts", NULL, false }, { "volumes_from", NULL, false },
};

#define NKEYS (sizeof(service_keys) / sizeof(service_keys[0]))

static const char *const top_keys[] = {
	"version", "name", "include", "services", "networks", "volumes",
	"secrets", "configs", "models",
};

/* `PATH additional properties 'K' not allowed`, with a suggestion. */
static enum hcsc_rc unknown_key(struct arena *a, struct diag_list *d,
				const struct node *k, const char *path,
				const char *const *known, size_t n, size_t stride)
{
	const char *best = NULL;
	size_t bd = 3;

	for (size_t i = 0; i < n; i++) {
		const char *cand = *(const char *const *)((const char *)known + i * stride);
		size_t dist = schema_edit_distance(k->text, cand);

		if (dist < bd) {
			bd = dist;
			best = cand;
		}
	}
	if (best)
		return diag_error(d, k->pos, "%s additional properties '%s' not "
					     "allowed (did you mean '%s'?)",
				  path, k->text, best);
	(void)a;
	return diag_error(d, k->pos, "%s additional properties '%s' not allowed",
			  path, k->text);
}

static enum hcsc_rc check_keys(struct svc *c, struct strbuf *listed)
{
	enum hcsc_rc rc = HCSC_OK;

	for (size_t i = 0; i < c->s->n; i++) {
		const struct node *k = c->s->pairs[i].key;
		size_t j;

		if (!strncmp(k->text, "x-", 2))
			continue;
		for (j = 0; j < NKEYS && strcmp(service_keys[j].key, k->text); j++)
			;
		if (j == NKEYS) {
			rc = unknown_key(c->a, c->d, k,
					 arena_printf(c->a, "services.%s", c->name),
					 &service_keys[0].key, NKEYS,
					 sizeof(service_keys[0]));
			continue;
		}
		if (!service_keys[j].shapes)
			strbuf_addf(listed, "%s%s", listed->len ? ", " : "", k->text);
	}
	return rc;
}

static enum hcsc_rc apply_keys(struct svc *c)
{
	enum hcsc_rc rc = HCSC_OK;

	for (size_t i = 0; i < c->s->n && rc == HCSC_OK; i++)
		for (size_t j = 0; j < NKEYS; j++)
			if (service_keys[j].fn &&
			    !strcmp(service_keys[j].key, c->s->pairs[i].key->text) &&
			    c->s->pairs[i].val->kind != NODE_NULL)
				rc = service_keys[j].fn(c, service_keys[j].key,
							c->s->pairs[i].val);
	return rc;
}

/* One service: its description, or HCSC_E_INPUT. */
static enum hcsc_rc build_service(struct svc *c)
{
	struct strbuf listed = STRBUF_INIT;
	const struct node *cn = node_get(c->s, "container_name");
	enum hcsc_rc rc;

	if (c->s->kind != NODE_MAP)
		return diag_error(c->d, c->s->pos, "services.%s must be a mapping",
				  c->name);
	rc = check_keys(c, &listed);
	if (rc == HCSC_OK && !node_get(c->s, "image") && !node_get(c->s, "build"))
		rc = diag_error(c->d, c->s->pos, "service \"%s\" has neither an image "
						 "nor a build context specified: "
						 "invalid compose project",
				c->name);
	c->root = tree_map(c->a, c->s->pos);
	if (cn && scalar(cn))
		put_str(c, c->root, "Name", cn);
	else
		tree_put(c->a, c->root, "Name",
			 tree_str(c->a, c->s->pos, arena_printf(c->a, "%s-%s-1",
								 c->project, c->name)));
	c->config = tree_child(c->a, c->root, "Config", c->s->pos);
	c->host = tree_child(c->a, c->root, "HostConfig", c->s->pos);
	if (rc == HCSC_OK)
		rc = apply_keys(c);
	if (rc == HCSC_OK)
		rc = environment(c);
	if (rc == HCSC_OK)
		rc = network(c);
	if (rc == HCSC_OK && listed.len)
		diag_warning(c->d, DC_IGNORED, c->s->pos, "services.%s: these keys do not shape "
					      "the Windows documents (accepted as "
					      "docker compose accepts them): %s",
			     c->name, listed.buf);
	strbuf_release(&listed);
	return rc;
}

/* ---- the project ---- */

/* compose-go NormalizeProjectName: lower case, [a-z0-9_-], no leading
 * `_` or `-`. */
static const char *normalize_name(struct arena *a, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	for (; *s; s++) {
		char ch = ascii_lower(*s);

		if ((ascii_isalpha(ch) || ascii_isdigit(ch) || ch == '_' || ch == '-') &&
		    (sb.len || (ch != '_' && ch != '-')))
			strbuf_addch(&sb, ch);
	}
	out = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	return out;
}

/* `name:`, else the base of --project-directory, else of the file's
 * folder as written (never this machine's current directory). */
static const char *project_name(struct arena *a, const struct compose_opts *o,
				const struct node *root, const char *dir)
{
	const struct node *n = node_get(root, "name");
	const char *base;

	if (n && scalar(n))
		return normalize_name(a, scalar(n));
	if (o->project_dir)
		base = winpath_base(a, o->project_dir);
	else if (*dir && strcmp(dir, ".") && strcmp(dir, ".."))
		base = winpath_base(a, dir);
	else
		return NULL;
	return normalize_name(a, base);
}

/* The .env beside the file, then --env (which wins: looked up last). */
static enum hcsc_rc variables(struct arena *a, struct diag_list *d,
			      const struct compose_opts *o, const char *dir,
			      struct client_env *vars, const char **err)
{
	const char *parts[2] = { dir, ".env" };
	const char *path = *dir ? arena_join(a, parts, 2, "/") : ".env";
	const char **kv = NULL, *perr;
	size_t n = 0;
	struct strbuf buf = STRBUF_INIT;
	enum hcsc_rc rc = HCSC_OK;

	if (os_kind(path) == OS_FILE) {
		rc = load_read_file(a, d, path, path, &buf, err);
		if (rc == HCSC_OK && (perr = dotenv_parse(a, buf.buf, buf.len, &kv,
							  &n)) != NULL)
			rc = diag_error(d, pos_make(path, 1, 1), "failed to read %s: %s",
					path, perr);
	}
	strbuf_release(&buf);
	for (size_t i = 0; o->env && i < o->env->n; i++) {
		kv = arena_grow(a, kv, n, n + 1, sizeof(char *));
		kv[n++] = o->env->kv[i];
	}
	vars->kv = kv;
	vars->n = n;
	return rc;
}

static enum hcsc_rc check_top(struct arena *a, struct diag_list *d,
			      const struct node *root)
{
	enum hcsc_rc rc = HCSC_OK;
	const struct node *s = node_get(root, "services");

	for (size_t i = 0; i < root->n; i++) {
		const struct node *k = root->pairs[i].key;
		bool known = !strncmp(k->text, "x-", 2);

		for (size_t j = 0; j < sizeof(top_keys) / sizeof(top_keys[0]); j++)
			known |= !strcmp(k->text, top_keys[j]);
		if (!known)
			rc = unknown_key(a, d, k, "(root)", top_keys,
					 sizeof(top_keys) / sizeof(top_keys[0]),
					 sizeof(top_keys[0]));
	}
	if (node_get(root, "include"))
		rc = diag_error(d, node_get(root, "include")->pos,
				"'include' is not supported by hcsc compose: "
				"compile each file on its own");
	if (rc == HCSC_OK && (!s || s->kind != NODE_MAP || !s->n))
		rc = diag_error(d, s ? s->pos : root->pos, "no service defined in "
							  "the Compose file");
	return rc;
}

static bool selected(const struct compose_opts *o, const char *name)
{
	if (!o->nservices)
		return true;
	for (size_t i = 0; i < o->nservices; i++)
		if (!strcmp(o->services[i], name))
			return true;
	return false;
}

static enum hcsc_rc load_root(struct arena *a, struct diag_list *d,
			      const char *path, struct node **root,
			      const char **err)
{
	struct strbuf buf = STRBUF_INIT;
	const char *display = arena_strdup(a, path);
	enum hcsc_rc rc = load_read_file(a, d, path, display, &buf, err);

	if (rc == HCSC_OK)
		rc = load_parse(a, d, display, buf.buf, buf.len, LOAD_YAML, root);
	strbuf_release(&buf);
	if (rc == HCSC_OK && (*root)->kind != NODE_MAP)
		rc = diag_error(d, (*root)->pos, "Top-level object must be a mapping");
	return rc;
}

static enum hcsc_rc services(struct svc *c, const struct node *root,
			     struct compose_project *out)
{
	const struct node *s = node_get(root, "services");
	enum hcsc_rc rc = HCSC_OK, one;

	out->services = arena_array(c->a, s->n, sizeof(*out->services));
	for (size_t i = 0; i < s->n; i++) {
		if (!selected(c->o, s->pairs[i].key->text))
			continue;
		c->name = s->pairs[i].key->text;
		c->s = s->pairs[i].val;
		one = build_service(c);
		if (one != HCSC_OK) {
			rc = rc == HCSC_E_IO ? rc : one;
			continue;
		}
		out->services[out->n].name = c->name;
		out->services[out->n++].desc = c->root;
	}
	return rc;
}

/* The folder part of the file's path as given ("" for none). */
static const char *file_dir(struct arena *a, const char *path)
{
	const char *cut = NULL;

	for (const char *p = path; *p; p++)
		if (*p == '/' || *p == '\\')
			cut = p;
	return cut ? arena_strndup(a, path, (size_t)(cut - path)) : "";
}

enum hcsc_rc compose_load(struct arena *a, struct diag_list *d,
			  const struct compose_opts *o, struct compose_project *out,
			  const char **err)
{
	struct svc c;
	struct node *root = NULL;
	struct client_env vars;
	const char *dir = file_dir(a, o->path);
	enum hcsc_rc rc;

	memset(out, 0, sizeof(*out));
	*err = NULL;
	rc = load_root(a, d, o->path, &root, err);
	if (rc == HCSC_OK)
		rc = variables(a, d, o, dir, &vars, err);
	if (rc == HCSC_OK)
		rc = interp_tree(a, d, &vars, root, "");
	if (rc == HCSC_OK)
		rc = check_top(a, d, root);
	if (rc != HCSC_OK)
		return rc;
	for (size_t i = 0; i < o->nservices; i++)
		if (!node_get(node_get(root, "services"), o->services[i])) {
			*err = arena_printf(a, "no such service: %s", o->services[i]);
			return HCSC_E_USAGE;
		}
	out->name = project_name(a, o, root, dir);
	if (!out->name || !*out->name)
		return diag_error(d, root->pos, "the project name is unknown: set "
						"'name:' in the file or give "
						"--project-directory WINPATH");
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.d = d;
	c.o = o;
	c.file = root;
	c.project = out->name;
	c.dir = dir;
	c.vars = &vars;
	c.err = err;
	rc = services(&c, root, out);
	return *err ? HCSC_E_IO : rc;
}
