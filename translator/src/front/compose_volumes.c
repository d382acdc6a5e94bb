/*
 * front/compose_volumes.c: a Compose service's volumes: short and long
 * syntax into HostConfig.Binds or Mounts, named volumes by their engine
 * name, relative bind sources against --project-directory (compose_int.h).
 */
#include "compose_int.h"

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "front/tree.h"
#include "front/volspec.h"
#include "load/load.h"
#include "winpath.h"

/* ---- volumes ---- */

/* A top-level volume: its engine name (`<project>_<name>` or external). */
static const char *volume_name(struct svc *c, const char *name,
			       const struct node *at, bool *found)
{
	const struct node *vols = node_get(c->file, "volumes");
	const struct node *v =
		vols && vols->kind == NODE_MAP ? node_get(vols, name) : NULL;
	const struct node *ext, *nm;

	*found = vols && vols->kind == NODE_MAP && node_get(vols, name) != NULL;
	(void)at;
	if (v && v->kind == NODE_MAP) {
		nm = node_get(v, "name");
		ext = node_get(v, "external");
		if (nm && compose_scalar(nm))
			return compose_scalar(nm);
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
		return diag_error(c->d, at->pos,
				  "the relative bind source '%s' is "
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
	tree_push(c->a, b,
		  tree_str(c->a, at->pos,
			   arena_printf(c->a, "%s:%s:%s", src, target,
					ro ? "ro" : "rw")));
}

static void add_mount(struct svc *c, const struct node *at, const char *type,
		      const char *src, const char *target, bool ro)
{
	struct node *seq = node_get(c->host, "Mounts"),
		    *m = tree_map(c->a, at->pos);

	if (!seq)
		tree_put(c->a, c->host, "Mounts",
			 seq = tree_seq(c->a, at->pos));
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
		return diag_error(c->d, at->pos,
				  "service \"%s\" refers to undefined "
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
	const struct node *g = node_get(v, "target"),
			  *r = node_get(v, "read_only");
	const char *type = t && compose_scalar(t) ? compose_scalar(t)
						  : "volume",
		   *src;
	bool ro = r && r->kind == NODE_BOOL && r->b;

	if (!g || !compose_scalar(g))
		return diag_error(c->d, v->pos, "%s.target must be a string",
				  compose_path(c, "volumes"));
	if (!strcmp(type, "bind")) {
		if (!s || !compose_scalar(s))
			return diag_error(c->d, v->pos,
					  "invalid mount config for type "
					  "\"bind\": field Source must "
					  "not be empty");
		if (bind_source(c, s, compose_scalar(s), &src) != HCSC_OK)
			return HCSC_E_INPUT;
		add_mount(c, v, "bind", src, compose_scalar(g), ro);
		return HCSC_OK;
	}
	if (!strcmp(type, "volume") && s && compose_scalar(s) &&
	    *compose_scalar(s))
		return named_volume(c, v, compose_scalar(s), compose_scalar(g),
				    ro);
	add_mount(c, v, type, s && compose_scalar(s) ? compose_scalar(s) : "",
		  compose_scalar(g), ro);
	return HCSC_OK;
}

enum hcsc_rc compose_key_volumes(struct svc *c, const char *key,
				 const struct node *v)
{
	enum hcsc_rc rc = HCSC_OK;

	if (v->kind != NODE_SEQ)
		return compose_type_error(c, v, key, "array");
	for (size_t i = 0; i < v->n && rc == HCSC_OK; i++)
		rc = v->items[i]->kind == NODE_MAP ? long_volume(c, v->items[i])
		     : v->items[i]->kind == NODE_STR
			     ? short_volume(c, v->items[i])
			     : compose_type_error(c, v->items[i], key,
						  "string or mapping");
	return rc;
}
