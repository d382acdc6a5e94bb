/*
 * mounts.c: volumes and binds. Mirrors moby daemon/volumes.go
 * registerMountPoints (Binds, then Mounts; duplicate destinations),
 * daemon/create_windows.go createContainerVolumesOS (Config.Volumes become
 * anonymous local volumes), daemon/volumes_windows.go setupMounts (sorted by
 * the depth of the cleaned destination) and the mount loop of the seed's
 * createSpec (user mounts, then the secrets mount, then the configs mount).
 * rules: oci.mounts.register, oci.mounts.secrets-configs.
 *
 * Deliberate differences (rules: hcsc.mounts.order, hcsc.placeholder.anonymous-volume): moby sorts with an
 * unstable sort over map order; hcsc sorts stably by depth, ties in the
 * order Binds, Mounts, Config.Volumes (user's, then the image's, keys
 * sorted). Anonymous volume names are sha256("anon:" + Id + ":" + dest)
 * instead of random IDs.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "model/host.h"
#include "msort.h"
#include "prov.h"
#include "sha.h"
#include "steps.h"
#include "target/target.h"
#include "strset.h"
#include "winpath.h"

#define SECRETS_DEST "C:\\ProgramData\\Docker\\internal\\secrets"
#define CONFIGS_DEST "C:\\ProgramData\\Docker\\internal\\configs"

/* docker-19.03 parses with moby 19.03's differences (mount_parse.h). */
static bool moby_1903(const struct oci_ctx *c)
{
	return c->t->oci == TARGET_OCI_MOBY_1903;
}

static const char *join(struct arena *a, const char *const *parts, size_t n)
{
	return winpath_join(a, parts, n);
}

/* <root>\volumes\<name>\_data: the local driver's mount point. */
static const char *local_volume_path(struct oci_ctx *c, const char *name)
{
	const char *parts[] = { c->host->daemon_root, "volumes", name, "_data" };

	return join(c->a, parts, 4);
}

static const char *anonymous_name(struct oci_ctx *c, const struct container *k,
				  const char *dest)
{
	const char *in = arena_printf(c->a, "anon:%s:%s", k->id, dest);
	char hex[SHA256_HEX_LEN + 1];

	sha256_hex(in, strlen(in), hex);
	return arena_strdup(c->a, hex);
}

/*
 * The registration's state: room for every mount, and the destinations
 * registered so far and the Tmpfs keys as sets (strset.h), so that
 * 99,000 Binds are not 5 * 10^9 comparisons.
 */
struct mount_reg {
	size_t cap;
	struct strset dests, tmpfs;
};

static bool has_destination(const struct mount_reg *r, const char *dest)
{
	return strset_find(&r->dests, dest, strlen(dest)) != STRSET_NONE;
}

/* Resolve where the runtime finds a mount point's data. */
static enum hcsc_rc resolve_source(struct oci_ctx *c, const struct container *k,
				   struct ctr_mount *m)
{
	struct mount_point *mp = &m->mp;

	if (strcmp(mp->type, MOUNT_TYPE_VOLUME)) {
		m->spec_source = mp->source;
		return HCSC_OK;
	}
	if (!mp->name || !*mp->name)
		mp->name = anonymous_name(c, k, mp->destination);
	if (mp->driver && *mp->driver && strcmp(mp->driver, "local"))
		return diag_error(c->d, m->pos,
				  "volume driver '%s' is not supported offline "
				  "(only 'local' volumes have a known path)",
				  mp->driver);
	mp->driver = "local";
	m->spec_source = local_volume_path(c, mp->name);
	if (mp->subpath && *mp->subpath) {
		const char *parts[] = { m->spec_source, mp->subpath };

		m->spec_source = join(c->a, parts, 2);
	}
	return HCSC_OK;
}

static void add_mount(struct oci_ctx *c, struct container *k,
		      const struct mount_point *mp, enum mount_origin origin,
		      struct hcsc_pos pos, struct mount_reg *r)
{
	struct ctr_mount *m;

	if (!k->mounts)
		k->mounts = arena_array(c->a, r->cap, sizeof(*k->mounts));
	strset_add(&r->dests, mp->destination, strlen(mp->destination),
		   k->nmounts);
	m = &k->mounts[k->nmounts++];
	m->mp = *mp;
	m->origin = origin;
	m->pos = pos;
}

/*
 * VolumesFrom (registered before Binds): upstream parses each entry, then
 * copies the named container's mount points, which no description holds.
 * hcsc parses with upstream's rules and refuses with its own message.
 */
static enum hcsc_rc check_volumes_from(struct oci_ctx *c)
{
	const struct v_list *vf = &c->desc->host_config.volumes_from;

	for (size_t i = 0; i < vf->n; i++) {
		const char *id, *mode, *err;

		if (mount_parse_volumes_from(c->a, vf->v[i], &id, &mode, &err) !=
		    HCSC_OK)
			return diag_error(c->d, vf->item_pos[i], "%s", err);
		return diag_error(c->d, vf->item_pos[i],
				  "'HostConfig.VolumesFrom' copies the mounts of "
				  "container '%s', which hcsc cannot know offline; "
				  "list those mounts in 'HostConfig.Binds' or "
				  "'HostConfig.Mounts' instead",
				  id);
	}
	return HCSC_OK;
}

static enum hcsc_rc register_binds(struct oci_ctx *c, struct container *k,
				   struct mount_reg *r)
{
	const struct desc_host_config *h = &c->desc->host_config;

	for (size_t t = 0; t < h->tmpfs.n; t++)
		strset_add(&r->tmpfs, h->tmpfs.keys[t], strlen(h->tmpfs.keys[t]),
			   t);
	for (size_t i = 0; i < h->binds.n; i++) {
		struct mount_point mp;
		const char *err;

		if (mount_parse_raw_era(c->a, &c->host->fs, h->binds.v[i],
					h->volume_driver.v, moby_1903(c), &mp,
					&err) != HCSC_OK)
			return diag_error(c->d, h->binds.item_pos[i], "%s", err);
		if (has_destination(r, mp.destination) ||
		    strset_find(&r->tmpfs, mp.destination,
				strlen(mp.destination)) != STRSET_NONE)
			return diag_error(c->d, h->binds.item_pos[i],
					  "Duplicate mount point: %s",
					  mp.destination);
		add_mount(c, k, &mp, MOUNT_FROM_BINDS, h->binds.item_pos[i], r);
	}
	return HCSC_OK;
}

/* mount.Mount as decoded -> the parser's input. */
static void mount_cfg_of(const struct desc_mount *m, struct mount_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->type = m->type.v;
	cfg->source = m->source.v;
	cfg->target = m->target.v;
	cfg->read_only = m->read_only.v;
	cfg->consistency = m->consistency.v;
	cfg->has_bind_options = m->bind_options.hdr.set;
	cfg->bind_propagation = m->bind_options.propagation.v;
	cfg->bind_non_recursive = m->bind_options.non_recursive.v;
	cfg->bind_create_mountpoint = m->bind_options.create_mountpoint.v;
	cfg->bind_read_only_non_recursive = m->bind_options.read_only_non_recursive.v;
	cfg->bind_read_only_force_recursive = m->bind_options.read_only_force_recursive.v;
	cfg->has_volume_options = m->volume_options.hdr.set;
	cfg->volume_no_copy = m->volume_options.no_copy.v;
	cfg->volume_subpath = m->volume_options.subpath.v;
	cfg->has_volume_driver_config = m->volume_options.driver_config.hdr.set;
	cfg->volume_driver_name = m->volume_options.driver_config.name.v;
	cfg->has_image_options = m->image_options.hdr.set;
	cfg->has_tmpfs_options = m->tmpfs_options.hdr.set;
	cfg->has_cluster_options = m->cluster_options.hdr.set;
}

enum hcsc_rc oci_parse_mount(struct oci_ctx *c, const struct desc_mount *m,
			     struct mount_point *mp)
{
	struct mount_cfg cfg;
	const char *err;

	mount_cfg_of(m, &cfg);
	if (mount_parse_spec_era(c->a, &c->host->fs, &cfg, moby_1903(c), mp,
				 &err) != HCSC_OK)
		return diag_error(c->d, m->hdr.pos, "%s", err);
	return HCSC_OK;
}

static enum hcsc_rc register_mount_specs(struct oci_ctx *c, struct container *k,
					 struct mount_reg *r)
{
	const struct v_objlist *list = &c->desc->host_config.mounts;
	const struct desc_mount *ms = list->items;

	for (size_t i = 0; i < list->n; i++) {
		struct mount_point mp;

		if (oci_parse_mount(c, &ms[i], &mp) != HCSC_OK)
			return HCSC_E_INPUT;
		if (has_destination(r, mp.destination))
			return diag_error(c->d, oci_pos(c, ms[i].target.pos, ms[i].hdr.pos),
					  "Duplicate mount point: %s", ms[i].target.v);
		add_mount(c, k, &mp, MOUNT_FROM_MOUNTS, ms[i].hdr.pos, r);
	}
	return HCSC_OK;
}

static int cmp_keys(const void *ctx, size_t x, size_t y)
{
	const struct v_map *vols = ctx;

	return strcmp(vols->keys[x], vols->keys[y]);
}

/* Config.Volumes keys (one map), sorted, become anonymous volumes. */
static enum hcsc_rc register_volume_keys(struct oci_ctx *c, struct container *k,
					 const struct v_map *vols,
					 enum mount_origin origin,
					 struct mount_reg *r)
{
	size_t *order = arena_array(c->a, vols->n, sizeof(size_t));
	size_t *tmp = arena_array(c->a, vols->n, sizeof(size_t));

	for (size_t i = 0; i < vols->n; i++)
		order[i] = i;
	msort_index(order, vols->n, tmp, cmp_keys, vols);
	for (size_t i = 0; i < vols->n; i++) {
		struct mount_point mp;
		const char *err;
		struct hcsc_pos pos = vols->key_pos[order[i]];

		if (mount_parse_raw_era(c->a, &c->host->fs, vols->keys[order[i]],
					"", moby_1903(c), &mp, &err) != HCSC_OK)
			return diag_error(c->d, pos, "Unrecognised volume spec: %s",
					  err);
		if (has_destination(r, mp.destination))
			continue;
		mp.type = MOUNT_TYPE_VOLUME;
		mp.name = "";
		mp.source = "";
		add_mount(c, k, &mp, origin, pos, r);
	}
	return HCSC_OK;
}

enum hcsc_rc oci_register_mounts(struct oci_ctx *c, struct container *k)
{
	const struct desc_host_config *h = &c->desc->host_config;
	const struct v_map *user = &c->desc->config.volumes;
	const struct v_map *img = &c->desc->image.config.volumes;
	struct mount_reg r;
	enum hcsc_rc rc;

	r.cap = h->binds.n + h->mounts.n + user->n + img->n;
	strset_init(&r.dests, c->a, false);
	strset_init(&r.tmpfs, c->a, false);
	rc = check_volumes_from(c);
	if (rc == HCSC_OK)
		rc = register_binds(c, k, &r);
	if (rc == HCSC_OK && !k->era_no_mounts)
		rc = register_mount_specs(c, k, &r);
	if (rc == HCSC_OK)
		rc = register_volume_keys(c, k, user, MOUNT_FROM_CONFIG_VOLUMES, &r);
	if (rc == HCSC_OK)
		rc = register_volume_keys(c, k, img, MOUNT_FROM_IMAGE_VOLUMES, &r);
	for (size_t i = 0; rc == HCSC_OK && i < k->nmounts; i++)
		rc = resolve_source(c, k, &k->mounts[i]);
	return rc;
}

static int cmp_depth(const void *ctx, size_t x, size_t y)
{
	const size_t *key = ctx;

	return (key[x] > key[y]) - (key[x] < key[y]);
}

static size_t depth(struct arena *a, const char *dest)
{
	size_t n = 0;

	for (const char *p = winpath_clean(a, dest); *p; p++)
		n += *p == '\\';
	return n;
}

static void push_mount(struct oci_ctx *c, struct oci_spec *s, const char *src,
		       const char *dest, bool rw, struct hcsc_pos pos)
{
	struct oci_mount *m = &s->mounts[s->nmounts++];

	m->source = src;
	m->destination = dest;
	m->type = "";
	m->pos = pos;
	if (!rw) {
		m->options.set = true;
		m->options.n = 1;
		m->options.v = arena_array(c->a, 1, sizeof(char *));
		m->options.v[0] = "ro";
	}
}

/* What explain shows for the spec mount just pushed from `m`. */
static void explain_mount(struct oci_ctx *c, const struct oci_spec *s,
			  const struct ctr_mount *m, size_t depth)
{
	static const char *const from[] = {
		[MOUNT_FROM_BINDS] = "HostConfig.Binds",
		[MOUNT_FROM_MOUNTS] = "HostConfig.Mounts",
		[MOUNT_FROM_CONFIG_VOLUMES] = "Config.Volumes",
		[MOUNT_FROM_IMAGE_VOLUMES] = "Image.Config.Volumes",
	};
	static const char *const rule[] = {
		[MOUNT_FROM_BINDS] = "oci.mounts.binds",
		[MOUNT_FROM_MOUNTS] = "oci.mounts.spec-validation",
		[MOUNT_FROM_CONFIG_VOLUMES] = "oci.mounts.binds",
		[MOUNT_FROM_IMAGE_VOLUMES] = "oci.mounts.binds",
	};
	const struct oci_mount *om = &s->mounts[s->nmounts - 1];
	struct prov *p = prov_put_input(c->px, om, rule[m->origin],
					from[m->origin], m->pos);

	if (m->mp.type && !strcmp(m->mp.type, "volume"))
		prov_src(p, PROV_HOST, "Daemon.Root", c->host->daemon_root_pos);
	prov_math(c->px, p, "spec mount %zu: destinations sorted by depth "
		  "(%zu `\\` after filepath.Clean; rule hcsc.mounts.order)",
		  s->nmounts, depth);
}

static void explain_runtime_mount(struct oci_ctx *c, const struct oci_spec *s,
				  const char *what, struct hcsc_pos pos)
{
	struct prov *p = prov_put_input(c->px, &s->mounts[s->nmounts - 1],
					"oci.mounts.secrets-configs", what, pos);

	prov_src(p, PROV_HOST, "Daemon.Root", c->host->daemon_root_pos);
}

enum hcsc_rc oci_set_mounts(struct oci_ctx *c, const struct container *k,
			    struct oci_spec *s)
{
	const struct desc_runtime *rt = &c->desc->runtime;
	size_t *order = arena_array(c->a, k->nmounts, sizeof(size_t));
	size_t *key = arena_array(c->a, k->nmounts, sizeof(size_t));
	size_t *tmp = arena_array(c->a, k->nmounts, sizeof(size_t));
	const char *croot[] = { c->host->daemon_root, "containers", k->id };
	const char *container_root = join(c->a, croot, 3);

	s->mounts = arena_array(c->a, k->nmounts + 2, sizeof(*s->mounts));
	/* Stable by depth: registration order breaks ties. */
	for (size_t i = 0; i < k->nmounts; i++) {
		key[i] = depth(c->a, k->mounts[i].mp.destination);
		order[i] = i;
	}
	msort_index(order, k->nmounts, tmp, cmp_depth, key);
	if (k->lcow) {
		oci_lcow_set_mounts(c, k, s, order);
		return HCSC_OK;
	}
	for (size_t i = 0; i < k->nmounts; i++) {
		const struct ctr_mount *m = &k->mounts[order[i]];

		push_mount(c, s, m->spec_source, m->mp.destination, m->mp.rw,
			   m->pos);
		if (c->px)
			explain_mount(c, s, m, key[order[i]]);
	}
	/* docker-1.12's engine had no swarm secrets or configs. */
	if (rt->secrets.n && c->t->oci != TARGET_OCI_MOBY_112) {
		const char *p[] = { container_root, "mounts", "secrets" };

		push_mount(c, s, join(c->a, p, 3), SECRETS_DEST, false,
			   rt->secrets.pos);
		explain_runtime_mount(c, s, "Runtime.Secrets", rt->secrets.pos);
	}
	if (rt->configs.n && c->t->oci != TARGET_OCI_MOBY_112) {
		const char *p[] = { container_root, "configs" };

		push_mount(c, s, join(c->a, p, 2), CONFIGS_DEST, false,
			   rt->configs.pos);
		explain_runtime_mount(c, s, "Runtime.Configs", rt->configs.pos);
	}
	return HCSC_OK;
}
