/*
 * front/compose_keys.c: the Compose service keys that map one value to
 * one or a few engine fields (strings, booleans, CPUs, memory, lists,
 * maps, command, devices, healthcheck, credential_spec): what docker
 * compose's getCreateConfigs sends for each (compose_int.h).
 */
#include "compose_int.h"

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "front/shellwords.h"
#include "front/tree.h"
#include "front/units.h"
#include "load/load.h"
#include "strbuf.h"

/* ---- scalar keys ---- */

enum hcsc_rc compose_key_string(struct svc *c, const char *key,
				const struct node *v)
{
	static const struct {
		const char *k, *sec, *field;
	} map[] = {
		{ "working_dir", "Config", "WorkingDir" },
		{ "user", "Config", "User" },
		{ "hostname", "Config", "Hostname" },
		{ "domainname", "Config", "Domainname" },
		{ "stop_signal", "Config", "StopSignal" },
		{ "isolation", "HostConfig", "Isolation" },
		{ "image", "Config", "Image" },
	};

	if (!compose_scalar(v) || v->kind == NODE_BOOL)
		return compose_type_error(c, v, key, "string");
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].k, key))
			compose_put_str(c,
					!strcmp(map[i].sec, "Config")
						? c->config
						: c->host,
					map[i].field, v);
	return HCSC_OK;
}

enum hcsc_rc compose_key_bool(struct svc *c, const char *key,
			      const struct node *v)
{
	if (v->kind != NODE_BOOL)
		return compose_type_error(c, v, key, "boolean");
	tree_put(c->a, c->config, !strcmp(key, "tty") ? "Tty" : "OpenStdin",
		 tree_bool(c->a, v->pos, v->b));
	return HCSC_OK;
}

enum hcsc_rc compose_key_int(struct svc *c, const char *key,
			     const struct node *v)
{
	int64_t i;
	const char *t = compose_scalar(v);

	if (!t || v->kind == NODE_BOOL || go_parse_int(c->a, t, 64, &i))
		return compose_type_error(c, v, key, "integer");
	tree_put(c->a, c->host,
		 !strcmp(key, "cpu_count") ? "CpuCount" : "CpuShares",
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
static enum hcsc_rc put_cpus(struct svc *c, const char *key,
			     const struct node *v)
{
	double f;
	volatile float f32, nano;

	if (!to_float(c->a, v, &f))
		return compose_type_error(c, v, key, "number or string");
	f32 = (float)f;
	nano = f32 * 1e9f;
	tree_put(c->a, c->host, "NanoCpus",
		 tree_int(c->a, v->pos, (int64_t)nano));
	if ((double)(int64_t)nano != f * 1e9)
		diag_warning(c->d, DC_ROUNDING, v->pos,
			     "%s %s is sent as NanoCpus %lld: docker "
			     "compose passes it through float32",
			     compose_path(c, key), v->text,
			     (long long)(int64_t)nano);
	return HCSC_OK;
}

enum hcsc_rc compose_key_cpus(struct svc *c, const char *key,
			      const struct node *v)
{
	return put_cpus(c, key, v);
}

/* cpu_percent: compose sends int64(float32(x) * 100) (rule:
 * front.client-sends). */
enum hcsc_rc compose_key_cpu_percent(struct svc *c, const char *key,
				     const struct node *v)
{
	double f;
	volatile float f32, pct;

	if (!to_float(c->a, v, &f))
		return compose_type_error(c, v, key, "number");
	f32 = (float)f;
	pct = f32 * 100;
	tree_put(c->a, c->host, "CpuPercent",
		 tree_int(c->a, v->pos, (int64_t)pct));
	diag_warning(c->d, DC_COMPOSE, v->pos,
		     "%s %s is sent as CpuPercent %lld: docker compose "
		     "multiplies cpu_percent by 100",
		     compose_path(c, key), v->text, (long long)(int64_t)pct);
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
			 tree_int(c->a, v->pos,
				  v->neg ? -(int64_t)v->mag : (int64_t)v->mag));
		return HCSC_OK;
	}
	if (v->kind != NODE_STR)
		return compose_type_error(
			c, v, key, string_only ? "string" : "string or number");
	if (v->plain && !string_only && to_float(c->a, v, &f)) {
		diag_warning(c->d, DC_COMPOSE, v->pos,
			     "%s %s is a YAML float: docker compose "
			     "sends Memory 0",
			     compose_path(c, key), v->text);
		tree_put(c->a, c->host, "Memory", tree_int(c->a, v->pos, 0));
		return HCSC_OK;
	}
	if ((err = units_ram_in_bytes(c->a, v->text, &bytes)) != NULL)
		return diag_error(c->d, v->pos, "%s: %s", compose_path(c, key),
				  err);
	tree_put(c->a, c->host, "Memory", tree_int(c->a, v->pos, bytes));
	return HCSC_OK;
}

enum hcsc_rc compose_key_mem_limit(struct svc *c, const char *key,
				   const struct node *v)
{
	return put_memory(c, key, v, false);
}

/* deploy.resources.limits: cpus, memory; the rest of deploy is listed. */
enum hcsc_rc compose_key_deploy(struct svc *c, const char *key,
				const struct node *v)
{
	const struct node *r =
		v->kind == NODE_MAP ? node_get(v, "resources") : NULL;
	const struct node *l =
		r && r->kind == NODE_MAP ? node_get(r, "limits") : NULL;
	const struct node *x;
	enum hcsc_rc rc = HCSC_OK;

	if (v->kind != NODE_MAP)
		return compose_type_error(c, v, key, "mapping");
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
		return compose_type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n; i++) {
		if (!compose_scalar(v->items[i]))
			return compose_type_error(c, v->items[i], key,
						  "string");
		tree_push(c->a, seq,
			  tree_str(c->a, v->items[i]->pos,
				   compose_scalar(v->items[i])));
	}
	tree_put(c->a, sec, field, seq);
	return HCSC_OK;
}

enum hcsc_rc compose_key_list(struct svc *c, const char *key,
			      const struct node *v)
{
	if (!strcmp(key, "security_opt"))
		return str_list(c, key, v, c->host, "SecurityOpt");
	if (!strcmp(key, "dns_search")) {
		if (compose_scalar(v)) {
			struct node *seq = tree_seq(c->a, v->pos);

			tree_push(c->a, seq,
				  tree_str(c->a, v->pos, compose_scalar(v)));
			tree_put(c->a, c->host, "DnsSearch", seq);
			return HCSC_OK;
		}
		return str_list(c, key, v, c->host, "DnsSearch");
	}
	return HCSC_OK;
}

/* command / entrypoint: a list, or a string split as go-shellwords does. */
enum hcsc_rc compose_key_command(struct svc *c, const char *key,
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
		return compose_type_error(c, v, key, "string or array");
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
		diag_warning(c->d, DC_COMPOSE, v->pos,
			     "%s is split as docker compose splits it "
			     "(go-shellwords: %s): [%s]; write it as a "
			     "list to keep the text",
			     compose_path(c, key),
			     w.truncated ? "; & | < > end the command"
					 : "\\ escapes the next character",
			     sb.buf);
		strbuf_release(&sb);
	}
	return HCSC_OK;
}

/* labels / annotations / storage_opt: a map, or a list of k=v. */
enum hcsc_rc compose_key_map(struct svc *c, const char *key,
			     const struct node *v)
{
	static const struct {
		const char *k, *sec, *field;
	} map[] = {
		{ "labels", "Config", "Labels" },
		{ "annotations", "HostConfig", "Annotations" },
		{ "storage_opt", "HostConfig", "StorageOpt" },
	};
	struct node *m = tree_map(c->a, v->pos), *sec = c->host;
	const char *field = NULL;

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].k, key)) {
			field = map[i].field;
			sec = !strcmp(map[i].sec, "Config") ? c->config
							    : c->host;
		}
	if (v->kind == NODE_MAP) {
		for (size_t i = 0; i < v->n; i++) {
			const struct node *x = v->pairs[i].val;

			tree_put(c->a, m, v->pairs[i].key->text,
				 tree_str(c->a, x->pos,
					  compose_scalar(x) ? compose_scalar(x)
							    : ""));
		}
	} else if (v->kind == NODE_SEQ && strcmp(key, "storage_opt")) {
		for (size_t i = 0; i < v->n; i++) {
			const char *t = compose_scalar(v->items[i]), *eq;

			if (!t)
				return compose_type_error(c, v->items[i], key,
							  "string");
			eq = strchr(t, '=');
			tree_put(c->a, m,
				 eq ? arena_strndup(c->a, t, (size_t)(eq - t))
				    : t,
				 tree_str(c->a, v->items[i]->pos,
					  eq ? eq + 1 : ""));
		}
	} else {
		return compose_type_error(c, v, key,
					  strcmp(key, "storage_opt")
						  ? "array or mapping"
						  : "mapping");
	}
	tree_put(c->a, sec, field, m);
	return HCSC_OK;
}

/* devices: "SOURCE[:TARGET[:PERMS]]" or {source, target}; Windows takes
 * the source as PathOnHost. */
enum hcsc_rc compose_key_devices(struct svc *c, const char *key,
				 const struct node *v)
{
	struct node *seq = tree_seq(c->a, v->pos);

	if (v->kind != NODE_SEQ)
		return compose_type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n; i++) {
		const struct node *x = v->items[i];
		const struct node *src =
			x->kind == NODE_MAP ? node_get(x, "source") : x;
		struct node *m = tree_map(c->a, x->pos);

		if (!src || !compose_scalar(src))
			return compose_type_error(c, x, key,
						  "string or mapping");
		tree_put(c->a, m, "PathOnHost",
			 tree_str(c->a, x->pos, compose_scalar(src)));
		tree_push(c->a, seq, m);
	}
	tree_put(c->a, c->host, "Devices", seq);
	return HCSC_OK;
}

/* healthcheck: test (string -> CMD-SHELL), durations, retries, disable. */
enum hcsc_rc compose_key_healthcheck(struct svc *c, const char *key,
				     const struct node *v)
{
	static const char *const durs[][2] = {
		{ "interval", "Interval" },
		{ "timeout", "Timeout" },
		{ "start_period", "StartPeriod" },
		{ "start_interval", "StartInterval" },
	};
	struct node *h = tree_map(c->a, v->pos), *test;
	const struct node *t = v->kind == NODE_MAP ? node_get(v, "test") : NULL;
	const struct node *dis =
		v->kind == NODE_MAP ? node_get(v, "disable") : NULL;
	const struct node *r =
		v->kind == NODE_MAP ? node_get(v, "retries") : NULL;
	int64_t ns;

	if (v->kind != NODE_MAP)
		return compose_type_error(c, v, key, "mapping");
	if ((dis && dis->kind == NODE_BOOL && dis->b) || t) {
		tree_put(c->a, h, "Test", test = tree_seq(c->a, v->pos));
		if (dis && dis->kind == NODE_BOOL && dis->b) {
			tree_push(c->a, test, tree_str(c->a, dis->pos, "NONE"));
		} else if (t->kind == NODE_STR) {
			tree_push(c->a, test,
				  tree_str(c->a, t->pos, "CMD-SHELL"));
			tree_push(c->a, test, tree_str(c->a, t->pos, t->text));
		} else if (str_list(c, "healthcheck.test", t, h, "Test") !=
			   HCSC_OK) {
			return HCSC_E_INPUT;
		}
	}
	for (size_t i = 0; i < 4; i++) {
		const struct node *x = node_get(v, durs[i][0]);
		const char *err;

		if (!x)
			continue;
		if (!compose_scalar(x) ||
		    (err = go_parse_duration(c->a, compose_scalar(x), &ns)) !=
			    NULL)
			return diag_error(
				c->d, x->pos, "%s.%s: %s", compose_path(c, key),
				durs[i][0],
				compose_scalar(x) ? err : "must be a string");
		tree_put(c->a, h, durs[i][1], tree_int(c->a, x->pos, ns));
	}
	if (r && r->kind == NODE_INT)
		tree_put(c->a, h, "Retries",
			 tree_int(c->a, r->pos,
				  r->neg ? -(int64_t)r->mag : (int64_t)r->mag));
	tree_put(c->a, c->config, "Healthcheck", h);
	return HCSC_OK;
}

/* credential_spec: checked, not sent (docker compose ignores it outside
 * swarm; rule: front.client-sends), with the security_opt that would work. */
enum hcsc_rc compose_key_credential_spec(struct svc *c, const char *key,
					 const struct node *v)
{
	static const char *const kinds[] = { "file", "registry", "config" };
	const char *which = NULL, *val = NULL;

	if (v->kind != NODE_MAP)
		return compose_type_error(c, v, key, "mapping");
	for (size_t i = 0; i < v->n; i++) {
		bool known = false;

		for (size_t k = 0; k < 3; k++)
			if (!strcmp(v->pairs[i].key->text, kinds[k])) {
				known = true;
				which = kinds[k];
				val = compose_scalar(v->pairs[i].val);
			}
		if (!known)
			return diag_error(
				c->d, v->pairs[i].key->pos,
				"%s additional properties '%s' not allowed",
				compose_path(c, key), v->pairs[i].key->text);
	}
	if (v->n > 1)
		return diag_error(c->d, v->pos,
				  "%s must have exactly one of file, "
				  "registry or config",
				  compose_path(c, key));
	if (!which || !val)
		return compose_type_error(
			c, v, key, "mapping with file, registry or config");
	diag_warning(c->d, DC_COMPOSE, v->pos,
		     "%s is not sent: docker compose passes it only "
		     "to swarm services; for a container write "
		     "security_opt: [\"credentialspec=%s://%s\"]",
		     compose_path(c, key), which, val);
	return HCSC_OK;
}
