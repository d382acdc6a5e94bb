/*
 * front/run_env.c: `docker run --device`, `-e`/`--env-file` and
 * `-l`/`--label-file` into HostConfig.Devices, Config.Env and
 * Config.Labels, files read as the client reads them (run_int.h).
 */
#include "run_int.h"

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "front/tree.h"
#include "load/load.h"
#include "strbuf.h"

void run_devices(struct build *b)
{
	struct node *seq = NULL;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		struct node *m;

		if (v->flag->id != RF_DEVICE)
			continue;
		if (!seq)
			tree_put(b->a, b->host, "Devices",
				 seq = tree_seq(b->a, v->pos));
		m = tree_map(b->a, v->pos);
		tree_put(b->a, m, "PathOnHost",
			 tree_str(b->a, v->pos, v->text));
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
	enum hcsc_rc rc =
		load_read_file(b->a, b->d, v->text, v->text, &buf, &err);

	if (rc == HCSC_E_IO)
		*b->err = err;
	if (rc == HCSC_OK &&
	    (err = envfile_parse(b->a, v->text, buf.buf, buf.len, lookup, out,
				 n)) != NULL)
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
			const char *val =
				client_env_get(b->o->env, kv, strlen(kv));

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

enum hcsc_rc run_environment(struct build *b)
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
enum hcsc_rc run_labels(struct build *b)
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
			 tree_str(b->a, l.pos[i],
				  l.v[i][n] ? l.v[i] + n + 1 : ""));
	}
	return HCSC_OK;
}
