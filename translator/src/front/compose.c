/*
 * front/compose.c: Compose file -> one description per service
 * (compose.h). The service keys are one table: each modelled key has a
 * function that writes what docker compose's getCreateConfigs sends
 * (compose_keys.c, compose_env.c, compose_volumes.c, compose_network.c);
 * keys accepted without shaping Windows documents are listed in one
 * warning per service. Here: the table, the project (file, .env,
 * top-level keys, name) and the service loop.
 */
#include "compose_int.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "os/fs.h"
#include "diag.h"
#include "front/dotenv.h"
#include "front/interp.h"
#include "front/tree.h"
#include "load/load.h"
#include "model/schema.h"
#include "strbuf.h"
#include "winpath.h"

const char *compose_path(const struct svc *c, const char *key)
{
	return arena_printf(c->a, "services.%s.%s", c->name, key);
}

enum hcsc_rc compose_type_error(struct svc *c, const struct node *n,
				const char *key, const char *want)
{
	return diag_error(c->d, n->pos, "%s must be a %s", compose_path(c, key),
			  want);
}

/* A scalar's text (string, int or bool as written); NULL for others. */
const char *compose_scalar(const struct node *n)
{
	return n->kind == NODE_STR || n->kind == NODE_INT ||
			       n->kind == NODE_BOOL
		       ? n->text
		       : NULL;
}

void compose_put_str(struct svc *c, struct node *sec, const char *key,
		     const struct node *v)
{
	tree_put(c->a, sec, key, tree_str(c->a, v->pos, compose_scalar(v)));
}

/* ---- the service key table ---- */

static const struct {
	const char *key;
	compose_key_fn
		*fn; /* NULL: read elsewhere (environment, network, name) */
	bool shapes;
} service_keys[] = {
	{ "image", compose_key_string, true },
	{ "command", compose_key_command, true },
	{ "entrypoint", compose_key_command, true },
	{ "environment", NULL, true },
	{ "env_file", NULL, true },
	{ "working_dir", compose_key_string, true },
	{ "user", compose_key_string, true },
	{ "tty", compose_key_bool, true },
	{ "stdin_open", compose_key_bool, true },
	{ "hostname", compose_key_string, true },
	{ "domainname", compose_key_string, true },
	{ "container_name", NULL, true },
	{ "isolation", compose_key_string, true },
	{ "cpus", compose_key_cpus, true },
	{ "cpu_count", compose_key_int, true },
	{ "cpu_percent", compose_key_cpu_percent, true },
	{ "cpu_shares", compose_key_int, true },
	{ "mem_limit", compose_key_mem_limit, true },
	{ "deploy", compose_key_deploy, true },
	{ "volumes", compose_key_volumes, true },
	{ "security_opt", compose_key_list, true },
	{ "credential_spec", compose_key_credential_spec, true },
	{ "devices", compose_key_devices, true },
	{ "dns_search", compose_key_list, true },
	{ "network_mode", NULL, true },
	{ "networks", NULL, true },
	{ "labels", compose_key_map, false },
	{ "annotations", compose_key_map, true },
	{ "storage_opt", compose_key_map, false },
	{ "stop_signal", compose_key_string, false },
	{ "healthcheck", compose_key_healthcheck, false },
	{ "ports", compose_key_ports, false },
	{ "expose", compose_key_ports, false },
	/* accepted; they do not shape Windows documents (listed) */
	{ "attach", NULL, false },
	{ "blkio_config", NULL, false },
	{ "build", NULL, false },
	{ "cap_add", NULL, false },
	{ "cap_drop", NULL, false },
	{ "cgroup", NULL, false },
	{ "cgroup_parent", NULL, false },
	{ "configs", NULL, false },
	{ "cpu_period", NULL, false },
	{ "cpu_quota", NULL, false },
	{ "cpu_rt_period", NULL, false },
	{ "cpu_rt_runtime", NULL, false },
	{ "cpuset", NULL, false },
	{ "depends_on", NULL, false },
	{ "develop", NULL, false },
	{ "device_cgroup_rules", NULL, false },
	{ "dns", NULL, false },
	{ "dns_opt", NULL, false },
	{ "extends", NULL, false },
	{ "external_links", NULL, false },
	{ "extra_hosts", NULL, false },
	{ "gpus", NULL, false },
	{ "group_add", NULL, false },
	{ "init", NULL, false },
	{ "ipc", NULL, false },
	{ "label_file", NULL, false },
	{ "links", NULL, false },
	{ "logging", NULL, false },
	{ "mac_address", NULL, false },
	{ "mem_reservation", NULL, false },
	{ "mem_swappiness", NULL, false },
	{ "memswap_limit", NULL, false },
	{ "models", NULL, false },
	{ "oom_kill_disable", NULL, false },
	{ "oom_score_adj", NULL, false },
	{ "pid", NULL, false },
	{ "pids_limit", NULL, false },
	{ "platform", NULL, false },
	{ "post_start", NULL, false },
	{ "pre_stop", NULL, false },
	{ "privileged", NULL, false },
	{ "profiles", NULL, false },
	{ "provider", NULL, false },
	{ "pull_policy", NULL, false },
	{ "read_only", NULL, false },
	{ "restart", NULL, false },
	{ "runtime", NULL, false },
	{ "scale", NULL, false },
	{ "secrets", NULL, false },
	{ "shm_size", NULL, false },
	{ "stop_grace_period", NULL, false },
	{ "sysctls", NULL, false },
	{ "tmpfs", NULL, false },
	{ "ulimits", NULL, false },
	{ "use_api_socket", NULL, false },
	{ "userns_mode", NULL, false },
	{ "uts", NULL, false },
	{ "volumes_from", NULL, false },
};

#define NKEYS (sizeof(service_keys) / sizeof(service_keys[0]))

static const char *const top_keys[] = {
	"version", "name",    "include", "services", "networks",
	"volumes", "secrets", "configs", "models",
};

/* `PATH additional properties 'K' not allowed`, with a suggestion. */
static enum hcsc_rc unknown_key(struct arena *a, struct diag_list *d,
				const struct node *k, const char *path,
				const char *const *known, size_t n,
				size_t stride)
{
	const char *best = NULL;
	size_t bd = 3;

	for (size_t i = 0; i < n; i++) {
		const char *cand = *(const char *const *)((const char *)known +
							  i * stride);
		size_t dist = schema_edit_distance(k->text, cand);

		if (dist < bd) {
			bd = dist;
			best = cand;
		}
	}
	if (best)
		return diag_error(d, k->pos,
				  "%s additional properties '%s' not "
				  "allowed (did you mean '%s'?)",
				  path, k->text, best);
	(void)a;
	return diag_error(d, k->pos,
			  "%s additional properties '%s' not allowed", path,
			  k->text);
}

static enum hcsc_rc check_keys(struct svc *c, struct strbuf *listed)
{
	enum hcsc_rc rc = HCSC_OK;

	for (size_t i = 0; i < c->s->n; i++) {
		const struct node *k = c->s->pairs[i].key;
		size_t j;

		if (!strncmp(k->text, "x-", 2))
			continue;
		for (j = 0; j < NKEYS && strcmp(service_keys[j].key, k->text);
		     j++)
			;
		if (j == NKEYS) {
			rc = unknown_key(
				c->a, c->d, k,
				arena_printf(c->a, "services.%s", c->name),
				&service_keys[0].key, NKEYS,
				sizeof(service_keys[0]));
			continue;
		}
		if (!service_keys[j].shapes)
			strbuf_addf(listed, "%s%s", listed->len ? ", " : "",
				    k->text);
	}
	return rc;
}

static enum hcsc_rc apply_keys(struct svc *c)
{
	enum hcsc_rc rc = HCSC_OK;

	for (size_t i = 0; i < c->s->n && rc == HCSC_OK; i++)
		for (size_t j = 0; j < NKEYS; j++)
			if (service_keys[j].fn &&
			    !strcmp(service_keys[j].key,
				    c->s->pairs[i].key->text) &&
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
		return diag_error(c->d, c->s->pos,
				  "services.%s must be a mapping", c->name);
	rc = check_keys(c, &listed);
	if (rc == HCSC_OK && !node_get(c->s, "image") &&
	    !node_get(c->s, "build"))
		rc = diag_error(c->d, c->s->pos,
				"service \"%s\" has neither an image "
				"nor a build context specified: "
				"invalid compose project",
				c->name);
	c->root = tree_map(c->a, c->s->pos);
	if (cn && compose_scalar(cn))
		compose_put_str(c, c->root, "Name", cn);
	else
		tree_put(c->a, c->root, "Name",
			 tree_str(c->a, c->s->pos,
				  arena_printf(c->a, "%s-%s-1", c->project,
					       c->name)));
	c->config = tree_child(c->a, c->root, "Config", c->s->pos);
	c->host = tree_child(c->a, c->root, "HostConfig", c->s->pos);
	if (rc == HCSC_OK)
		rc = apply_keys(c);
	if (rc == HCSC_OK)
		rc = compose_environment(c);
	if (rc == HCSC_OK)
		rc = compose_network(c);
	if (rc == HCSC_OK && listed.len)
		diag_warning(c->d, DC_IGNORED, c->s->pos,
			     "services.%s: these keys do not shape "
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

		if ((ascii_isalpha(ch) || ascii_isdigit(ch) || ch == '_' ||
		     ch == '-') &&
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

	if (n && compose_scalar(n))
		return normalize_name(a, compose_scalar(n));
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
		if (rc == HCSC_OK &&
		    (perr = dotenv_parse(a, buf.buf, buf.len, &kv, &n)) != NULL)
			rc = diag_error(d, pos_make(path, 1, 1),
					"failed to read %s: %s", path, perr);
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

		for (size_t j = 0; j < sizeof(top_keys) / sizeof(top_keys[0]);
		     j++)
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
		rc = diag_error(d, s ? s->pos : root->pos,
				"no service defined in "
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
		rc = load_parse(a, d, display, buf.buf, buf.len, LOAD_YAML,
				root);
	strbuf_release(&buf);
	if (rc == HCSC_OK && (*root)->kind != NODE_MAP)
		rc = diag_error(d, (*root)->pos,
				"Top-level object must be a mapping");
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
			  const struct compose_opts *o,
			  struct compose_project *out, const char **err)
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
			*err = arena_printf(a, "no such service: %s",
					    o->services[i]);
			return HCSC_E_USAGE;
		}
	out->name = project_name(a, o, root, dir);
	if (!out->name || !*out->name)
		return diag_error(d, root->pos,
				  "the project name is unknown: set "
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
