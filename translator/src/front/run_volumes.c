/*
 * front/run_volumes.c: `docker run -v` and `--mount` into HostConfig.Binds
 * and Mounts, with the client's own checks and its `.`-relative sources
 * made absolute against --client-cwd (run_int.h).
 */
#include "run_int.h"

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "front/tree.h"
#include "front/volspec.h"
#include "load/load.h"
#include "winpath.h"

/* filepath.Abs of a `.`-relative client path: needs --client-cwd. */
static enum hcsc_rc client_abs(struct build *b, const char *rel,
			       struct hcsc_pos pos, const char *opt,
			       const char **out)
{
	const char *parts[2];

	if (!b->o->client_cwd)
		return diag_error(
			b->d, pos,
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
		if (b->p.v[i].flag->id == RF_VOLUME &&
		    !strcmp(b->p.v[i].text, s))
			return true;
	return false;
}

/* -v: Binds in command-line order (exact duplicates dropped), and
 * Config.Volumes for specs without a source. */
enum hcsc_rc run_volumes(struct build *b)
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
			tree_put(b->a,
				 tree_child(b->a, b->config, "Volumes", v->pos),
				 vs.target, tree_map(b->a, v->pos));
			continue;
		}
		if (vs.bind && vs.source[0] == '.' && strchr(v->text, ':')) {
			const char *colon = strchr(v->text, ':');
			const char *host = arena_strndup(
				b->a, v->text, (size_t)(colon - v->text));

			if (!winpath_is_abs(host)) {
				if (client_abs(b, host, v->pos, "-v", &host) !=
				    HCSC_OK)
					return HCSC_E_INPUT;
				bind = arena_printf(b->a, "%s%s", host, colon);
			}
		}
		c = node_get(b->host, "Binds");
		if (!c)
			tree_put(b->a, b->host, "Binds",
				 c = tree_seq(b->a, v->pos));
		tree_push(b->a, c, tree_str(b->a, v->pos, bind));
	}
	return HCSC_OK;
}

enum hcsc_rc run_mounts(struct build *b)
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
			if (client_abs(b, src->text, v->pos, "--mount",
				       &full) != HCSC_OK)
				return HCSC_E_INPUT;
			tree_put(b->a, v->tree, "Source",
				 tree_str(b->a, v->pos, full));
		}
		if (!seq)
			tree_put(b->a, b->host, "Mounts",
				 seq = tree_seq(b->a, v->pos));
		tree_push(b->a, seq, v->tree);
	}
	return HCSC_OK;
}
