/*
 * env.c: the process environment. Mirrors moby opts.ValidateEnv (as the
 * daemon checks Config.Env), the Env part of daemon/commit.go merge
 * (Windows: keys compared case-insensitively) and
 * container.CreateDaemonEnvironment on a Windows daemon, which reduces to
 * ReplaceOrAppendEnvValues([], Config.Env). rule: oci.env.merge.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "steps.h"
#include "strset.h"

/* The key of an entry: the text before the first `=` (all of it if none). */
static size_t env_key_len(const char *entry)
{
	const char *eq = strchr(entry, '=');

	return eq ? (size_t)(eq - entry) : strlen(entry);
}

enum hcsc_rc oci_check_env(struct oci_ctx *c, const struct v_list *env)
{
	for (size_t i = 0; i < env->n; i++)
		if (env_key_len(env->v[i]) == 0)
			return diag_error(c->d, env->item_pos[i],
					  "invalid environment variable: %s",
					  env->v[i]);
	return HCSC_OK;
}

/*
 * Image entries whose key the container's Env lacks (keys compared
 * case-insensitively) are appended. The container's keys go into a set
 * (strset.h), so large lists on both sides stay linear.
 */
void oci_merge_env(struct oci_ctx *c, struct container *k)
{
	const struct v_list *img = &c->desc->image.config.env;
	struct strset keys;
	struct v_list out;

	if (k->env.n == 0) {
		if (img->set)
			k->env = *img;
		return;
	}
	strset_init(&keys, c->a, true);
	for (size_t i = 0; i < k->env.n; i++)
		strset_add(&keys, k->env.v[i], env_key_len(k->env.v[i]), i);
	out = k->env;
	out.v = arena_array(c->a, k->env.n + img->n, sizeof(char *));
	out.item_pos = arena_array(c->a, k->env.n + img->n,
				   sizeof(struct hcsc_pos));
	memcpy(out.v, k->env.v, k->env.n * sizeof(char *));
	memcpy(out.item_pos, k->env.item_pos, k->env.n * sizeof(struct hcsc_pos));
	for (size_t i = 0; i < img->n; i++) {
		if (strset_find(&keys, img->v[i], env_key_len(img->v[i])) !=
		    STRSET_NONE)
			continue;
		out.v[out.n] = img->v[i];
		out.item_pos[out.n++] = img->item_pos[i];
	}
	k->env = out;
}

/* Entries without `=` mean "unset" and vanish; all others stay, in order. */
struct str_list oci_process_env(struct oci_ctx *c, const struct container *k)
{
	struct str_list out = { NULL, 0, false };

	out.v = arena_array(c->a, k->env.n, sizeof(char *));
	for (size_t i = 0; i < k->env.n; i++)
		if (strchr(k->env.v[i], '='))
			out.v[out.n++] = k->env.v[i];
	out.set = out.n > 0;
	return out;
}
