/*
 * front/compose_env.c: a Compose service's environment: env_file, then
 * environment, bare names from the interpolation variables, YAML values
 * printed as compose prints them, sorted into Config.Env (compose_int.h).
 */
#include "compose_int.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "front/dotenv.h"
#include "front/tree.h"
#include "front/units.h"
#include "load/load.h"
#include "os/fs.h"
#include "strbuf.h"

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
		if (strlen(e->v[i].name) == nlen &&
		    !strncmp(e->v[i].name, name, nlen)) {
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

/* env_file: files relative to the Compose file (an absolute path as
 * it is, as compose-go resolves it: rule: front.client-sends), read in
 * order. */
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
			return compose_type_error(c, one ? one : v, "env_file",
						  "string");
		parts[0] = c->dir;
		parts[1] = one->text;
		path = *c->dir && !os_path_is_abs(one->text)
			       ? arena_join(c->a, parts, 2, "/")
			       : one->text;
		rc = load_read_file(c->a, c->d, path, path, &buf, &err);
		if (rc == HCSC_E_IO)
			*c->err = err;
		if (rc == HCSC_OK && (err = dotenv_parse(c->a, buf.buf, buf.len,
							 &kv, &n)) != NULL)
			rc = diag_error(c->d, one->pos, "failed to read %s: %s",
					one->text, err);
		strbuf_release(&buf);
		if (rc != HCSC_OK)
			return rc;
		for (size_t k = 0; k < n; k++)
			env_set(c->a, e, kv[k],
				(size_t)(strchr(kv[k], '=') - kv[k]),
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
			return compose_type_error(c, x, "environment",
						  "string, number, boolean "
						  "or null");
		env_set(c->a, e, k, strlen(k),
			x->kind == NODE_NULL ? resolve(c, k, strlen(k))
					     : env_text(c, x),
			x->pos);
	}
	for (size_t i = 0; v->kind == NODE_SEQ && i < v->n; i++) {
		const char *t = compose_scalar(v->items[i]), *eq;

		if (!t)
			return compose_type_error(c, v->items[i], "environment",
						  "string");
		eq = strchr(t, '=');
		env_set(c->a, e, t, eq ? (size_t)(eq - t) : strlen(t),
			eq ? eq + 1 : resolve(c, t, strlen(t)),
			v->items[i]->pos);
	}
	if (v->kind != NODE_MAP && v->kind != NODE_SEQ && v->kind != NODE_NULL)
		return compose_type_error(c, v, "environment",
					  "array or mapping");
	return HCSC_OK;
}

static int env_cmp(const void *x, const void *y)
{
	return strcmp(((const struct env_entry *)x)->name,
		      ((const struct env_entry *)y)->name);
}

/* env_file, then environment; sorted by name, unset names dropped. */
enum hcsc_rc compose_environment(struct svc *c)
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
		for (size_t j = i; j > 0 && env_cmp(&e.v[j - 1], &e.v[j]) > 0;
		     j--) {
			struct env_entry t = e.v[j];

			e.v[j] = e.v[j - 1];
			e.v[j - 1] = t;
		}
	seq = tree_seq(c->a, e.v[0].pos);
	for (size_t i = 0; i < e.n; i++)
		if (e.v[i].value)
			tree_push(c->a, seq,
				  tree_str(c->a, e.v[i].pos,
					   arena_printf(c->a, "%s=%s",
							e.v[i].name,
							e.v[i].value)));
	if (seq->n)
		tree_put(c->a, c->config, "Env", seq);
	return HCSC_OK;
}
