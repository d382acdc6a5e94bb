/*
 * front/mount_csv.c: `--mount` CSV into a Mount (mount_csv.h), with
 * docker/cli's error texts.
 */
#include "mount_csv.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "front/csvline.h"
#include "front/tree.h"
#include "front/units.h"
#include "goquote.h"

struct mnt {
	struct arena *a;
	struct hcsc_pos pos;
	struct node *m;
	const char *type;
	bool read_only;
	struct node *bind, *volume, *image, *tmpfs;
};

static struct node *opts_of(struct mnt *m, struct node **slot,
			    const char *key)
{
	if (!*slot) {
		*slot = tree_map(m->a, m->pos);
		tree_put(m->a, m->m, key, *slot);
	}
	return *slot;
}

static const char *parse_bool_value(struct arena *a, const char *key,
				    const char *val, bool has, bool *out)
{
	if (!has || !strcmp(val, "1") || !strcmp(val, "true")) {
		*out = true;
		return NULL;
	}
	if (!strcmp(val, "0") || !strcmp(val, "false")) {
		*out = false;
		return NULL;
	}
	return arena_printf(a, "invalid value for '%s': invalid boolean value "
			       "(%s): must be one of \"true\", \"1\", \"false\", "
			       "or \"0\" (default \"true\")",
			    key, go_quote(a, val));
}

/* setValueOnMap: k=v into a map node (an empty k is skipped). */
static void set_on_map(struct mnt *m, struct node *parent, const char *mapkey,
		       const char *kv)
{
	const char *eq = strchr(kv, '=');
	const char *k = eq ? arena_strndup(m->a, kv, (size_t)(eq - kv)) : kv;
	struct node *map;

	if (!*k)
		return;
	map = tree_child(m->a, parent, mapkey, m->pos);
	tree_put(m->a, map, k, tree_str(m->a, m->pos, eq ? eq + 1 : ""));
}

static const char *bind_recursive(struct mnt *m, const char *key,
				  const char *val)
{
	static const char *const names[] = { "disabled", "writable", "readonly" };
	static const char *const fields[] = { "NonRecursive",
					      "ReadOnlyNonRecursive",
					      "ReadOnlyForceRecursive" };

	if (!strcmp(val, "enabled"))
		return NULL;
	for (int i = 0; i < 3; i++) {
		if (!strcmp(val, names[i])) {
			tree_put(m->a, opts_of(m, &m->bind, "BindOptions"),
				 fields[i], tree_bool(m->a, m->pos, true));
			return NULL;
		}
	}
	return arena_printf(m->a, "invalid value for %s: %s (must be \"enabled\", "
				  "\"disabled\", \"writable\", or \"readonly\")",
			    key, val);
}

static const char *numeric_option(struct mnt *m, const char *key,
				  const char *val)
{
	int64_t size;
	uint64_t mode = 0;
	struct node *t;

	if (!strcmp(key, "tmpfs-size")) {
		if (units_ram_in_bytes(m->a, val, &size))
			return arena_printf(m->a, "invalid value for %s: %s", key, val);
		t = opts_of(m, &m->tmpfs, "TmpfsOptions");
		tree_put(m->a, t, "SizeBytes", tree_int(m->a, m->pos, size));
		return NULL;
	}
	for (const char *p = val; *p; p++) {
		if (*p < '0' || *p > '7' || mode > 0xffffffffull / 8)
			return arena_printf(m->a, "invalid value for %s: %s", key, val);
		mode = mode * 8 + (uint64_t)(*p - '0');
	}
	if (!*val || mode > 0xffffffffull)
		return arena_printf(m->a, "invalid value for %s: %s", key, val);
	t = opts_of(m, &m->tmpfs, "TmpfsOptions");
	tree_put(m->a, t, "Mode", tree_uint(m->a, m->pos, mode));
	return NULL;
}

static const char *option(struct mnt *m, const char *key, const char *val,
			  bool has)
{
	struct arena *a = m->a;
	bool b;
	const char *err = NULL;

	if (!strcmp(key, "type")) {
		m->type = ascii_lowercase(a, val);
	} else if (!strcmp(key, "source") || !strcmp(key, "src")) {
		tree_put(a, m->m, "Source", tree_str(a, m->pos, val));
	} else if (!strcmp(key, "target") || !strcmp(key, "dst") ||
		   !strcmp(key, "destination")) {
		tree_put(a, m->m, "Target", tree_str(a, m->pos, val));
	} else if (!strcmp(key, "readonly") || !strcmp(key, "ro")) {
		err = parse_bool_value(a, key, val, has, &m->read_only);
	} else if (!strcmp(key, "consistency")) {
		tree_put(a, m->m, "Consistency",
			 tree_str(a, m->pos, ascii_lowercase(a, val)));
	} else if (!strcmp(key, "bind-propagation")) {
		tree_put(a, opts_of(m, &m->bind, "BindOptions"), "Propagation",
			 tree_str(a, m->pos, ascii_lowercase(a, val)));
	} else if (!strcmp(key, "bind-nonrecursive")) {
		err = "bind-nonrecursive is deprecated, use "
		      "bind-recursive=disabled instead";
	} else if (!strcmp(key, "bind-recursive")) {
		err = bind_recursive(m, key, val);
	} else if (!strcmp(key, "bind-create-src")) {
		err = parse_bool_value(a, key, val, has, &b);
		if (!err)
			tree_put(a, opts_of(m, &m->bind, "BindOptions"),
				 "CreateMountpoint", tree_bool(a, m->pos, b));
	} else if (!strcmp(key, "volume-subpath")) {
		tree_put(a, opts_of(m, &m->volume, "VolumeOptions"), "Subpath",
			 tree_str(a, m->pos, val));
	} else if (!strcmp(key, "volume-nocopy")) {
		err = parse_bool_value(a, key, val, has, &b);
		if (!err)
			tree_put(a, opts_of(m, &m->volume, "VolumeOptions"),
				 "NoCopy", tree_bool(a, m->pos, b));
	} else if (!strcmp(key, "volume-label")) {
		set_on_map(m, opts_of(m, &m->volume, "VolumeOptions"), "Labels", val);
	} else if (!strcmp(key, "volume-driver")) {
		tree_put(a, tree_child(a, opts_of(m, &m->volume, "VolumeOptions"),
				       "DriverConfig", m->pos),
			 "Name", tree_str(a, m->pos, val));
	} else if (!strcmp(key, "volume-opt")) {
		set_on_map(m, tree_child(a, opts_of(m, &m->volume, "VolumeOptions"),
					 "DriverConfig", m->pos),
			   "Options", val);
	} else if (!strcmp(key, "image-subpath")) {
		tree_put(a, opts_of(m, &m->image, "ImageOptions"), "Subpath",
			 tree_str(a, m->pos, val));
	} else if (!strcmp(key, "tmpfs-size") || !strcmp(key, "tmpfs-mode")) {
		err = numeric_option(m, key, val);
	} else {
		err = "";
	}
	return err;
}

/* One field: key=value, or a bare boolean key. */
static const char *field(struct mnt *m, const char *f)
{
	const char *eq = strchr(f, '=');
	char *key = arena_strndup(m->a, f, eq ? (size_t)(eq - f) : strlen(f));
	const char *val = eq ? eq + 1 : "";
	size_t kn = strlen(key), vn = strlen(val), i = 0, j = vn;
	const char *err;

	if (kn && (key[0] == ' ' || key[0] == '\t' || key[kn - 1] == ' ' ||
		   key[kn - 1] == '\t')) {
		const char *k = key;
		size_t e = kn;

		while (*k == ' ' || *k == '\t')
			k++;
		while (e > (size_t)(k - key) && (key[e - 1] == ' ' || key[e - 1] == '\t'))
			e--;
		return arena_printf(m->a, "invalid option '%s' in '%s': option "
					  "should not have whitespace",
				    arena_strndup(m->a, k, e - (size_t)(k - key)), f);
	}
	while (eq && i < vn && (val[i] == ' ' || val[i] == '\t'))
		i++;
	while (eq && j > i && (val[j - 1] == ' ' || val[j - 1] == '\t'))
		j--;
	if (eq && i == j)
		return arena_printf(m->a, "invalid value for '%s': value is empty",
				    key);
	if (eq && (i || j != vn))
		return arena_printf(m->a, "invalid value for '%s' in '%s': value "
					  "should not have whitespace",
				    key, f);
	key = ascii_lowercase(m->a, key);
	if (!eq && strcmp(key, "readonly") && strcmp(key, "ro") &&
	    strcmp(key, "volume-nocopy") && strcmp(key, "bind-nonrecursive") &&
	    strcmp(key, "bind-create-src"))
		return arena_printf(m->a, "invalid field '%s' must be a key=value "
					  "pair",
				    f);
	err = option(m, key, val, eq != NULL);
	if (err && !*err)
		return arena_printf(m->a, "unknown option '%s' in '%s'", key, f);
	return err;
}

/* validateExclusiveOptions and validateMountOptions. */
static const char *validate(struct mnt *m)
{
	static const struct {
		const char *type, *key, *prefix;
	} ex[] = {
		{ "bind", "BindOptions", "bind" },
		{ "volume", "VolumeOptions", "volume" },
		{ "image", "ImageOptions", "image" },
		{ "tmpfs", "TmpfsOptions", "tmpfs" },
	};
	struct node *b;

	if (!*m->type)
		return "type is required";
	for (size_t i = 0; i < sizeof(ex) / sizeof(ex[0]); i++)
		if (strcmp(m->type, ex[i].type) && node_get(m->m, ex[i].key))
			return arena_printf(m->a, "cannot mix '%s-*' options with "
						  "mount type '%s'",
					    ex[i].prefix, m->type);
	b = m->bind;
	if (b && node_get(b, "ReadOnlyNonRecursive") && !m->read_only)
		return "option 'bind-recursive=writable' requires 'readonly' to "
		       "be specified in conjunction";
	if (b && node_get(b, "ReadOnlyForceRecursive")) {
		const struct node *p = node_get(b, "Propagation");

		if (!m->read_only)
			return "option 'bind-recursive=readonly' requires "
			       "'readonly' to be specified in conjunction";
		if (!p || strcmp(p->text, "rprivate"))
			return "option 'bind-recursive=readonly' requires "
			       "'bind-propagation=rprivate' to be specified in "
			       "conjunction";
	}
	return NULL;
}

const char *mount_csv_parse(struct arena *a, const char *value,
			    struct hcsc_pos pos, struct node **out)
{
	struct mnt m;
	struct csv_fields f;
	const char *s = value, *err;
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		n--;
	if (!n)
		return "value is empty";
	err = csv_read_line(a, arena_strndup(a, s, n), &f);
	if (err)
		return err;
	memset(&m, 0, sizeof(m));
	m.a = a;
	m.pos = pos;
	m.m = tree_map(a, pos);
	m.type = "volume"; /* the default; Type is written first */
	tree_put(a, m.m, "Type", tree_str(a, pos, m.type));
	for (size_t i = 0; i < f.n && !err; i++)
		err = field(&m, f.v[i]);
	if (!err)
		err = validate(&m);
	if (err)
		return err;
	tree_put(a, m.m, "Type", tree_str(a, pos, m.type));
	if (m.read_only)
		tree_put(a, m.m, "ReadOnly", tree_bool(a, pos, true));
	*out = m.m;
	return NULL;
}
