/*
 * mount_parse.c: moby's Windows mount parser (moby master
 * daemon/volume/mounts/windows_parser.go: splitRawSpec, parseMount,
 * parseMountSpec, validateMountConfigReg, windowsValidators,
 * ValidateVolumeName, ParseVolumesFrom; validate.go: errMountConfig,
 * validateExclusiveOptions; parser.go, mounts.go: the error values).
 *
 * The regexes themselves are matched by mount_regex.c.
 */
#include "oci/parse/mount_parse.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "golower.h"
#include "goquote.h"
#include "oci/parse/mount_regex.h"
#include "winpath.h"

/* ---- small Go helpers ---------------------------------------------------- */

/*
 * strings.ReplaceAll(s, "/", `\`): s itself when it has no `/` (the
 * results are never written to, so they may share the input's bytes).
 */
static const char *to_backslash(struct arena *a, const char *s)
{
	char *t;

	if (!strchr(s, '/'))
		return s;
	t = arena_strdup(a, s);
	for (char *q = t; *q; q++) {
		if (*q == '/')
			*q = '\\';
	}
	return t;
}

/*
 * strings.ToLower(s) to be read: s itself when it is ASCII without an
 * upper-case letter (go_lower would return an equal copy), else
 * go_lower's copy.
 */
static const char *lower_view(struct arena *a, const char *s)
{
	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p >= 0x80 || (*p >= 'A' && *p <= 'Z'))
			return go_lower(a, s);
	}
	return s;
}

static const char *str_or_empty(const char *s)
{
	return s ? s : "";
}

/* ---- Windows path predicates --------------------------------------------- */

/* `^rxName$` */
static bool is_volume_name(const char *s)
{
	return *s && !strpbrk(s, "\\/:*?\"<>|\r\n");
}

/* A digit 1-9 after `com` anywhere in s (moby 19.03's unanchored middle). */
static bool has_com_digit(const char *s)
{
	for (const char *p = strstr(s, "com"); p; p = strstr(p + 1, "com"))
		if (p[3] >= '1' && p[3] <= '9')
			return true;
	return false;
}

/*
 * master: `^(con|prn|nul|aux|com[1-9]|lpt[1-9])$`, case-sensitive as
 * upstream. moby 19.03 (docker-19.03) wrote
 * `^(con)|(prn)|(nul)|(aux)|(com[1-9])|(lpt[1-9])$`, which anchors only the
 * first and last alternatives: a name starting with con, containing prn,
 * nul, aux or com1-com9, or ending with lpt1-lpt9 was reserved (fixed in
 * moby 502b35c8f6, v23).
 */
static bool is_reserved_name(const char *s, bool moby_1903)
{
	static const char *const three[] = { "con", "prn", "nul", "aux" };
	size_t n = strlen(s);

	if (moby_1903)
		return !strncmp(s, "con", 3) || strstr(s, "prn") ||
		       strstr(s, "nul") || strstr(s, "aux") || has_com_digit(s) ||
		       (n >= 4 && !strncmp(s + n - 4, "lpt", 3) &&
			s[n - 1] >= '1' && s[n - 1] <= '9');
	for (size_t i = 0; i < 4; i++) {
		if (!strcmp(s, three[i]))
			return true;
	}
	return (!strncmp(s, "com", 3) || !strncmp(s, "lpt", 3)) &&
	       s[3] >= '1' && s[3] <= '9' && !s[4];
}

static bool is_mount_destination(const char *lower)
{
	return rx_run_one(RX_DESTINATION, lower, NULL);
}

/* windowsDetectMountType */
static const char *detect_mount_type(const char *p)
{
	if (str_prefix(p, "\\\\.\\pipe\\"))
		return MOUNT_TYPE_NPIPE;
	if (rx_run_one(RX_HOST_DIR, p, NULL))
		return MOUNT_TYPE_BIND;
	return MOUNT_TYPE_VOLUME;
}

/* windowsValidMountMode */
static bool valid_mount_mode(const char *mode)
{
	return !*mode || ascii_eqi(mode, "rw") || ascii_eqi(mode, "ro");
}

/* ---- validation (validateMountConfigReg) --------------------------------- */

static const char *config_err(struct arena *a, const char *type,
			      const char *inner)
{
	return arena_printf(a, "invalid mount config for type %s: %s",
			    go_quote(a, type), inner);
}

/* validateExclusiveOptions */
static const char *exclusive_options_err(const struct mount_cfg *m,
					 const char *type)
{
	if (strcmp(type, MOUNT_TYPE_BIND) && m->has_bind_options)
		return "field BindOptions must not be specified";
	if (strcmp(type, MOUNT_TYPE_VOLUME) && m->has_volume_options)
		return "field VolumeOptions must not be specified";
	if (strcmp(type, "image") && m->has_image_options)
		return "field ImageOptions must not be specified";
	if (strcmp(type, "tmpfs") && m->has_tmpfs_options)
		return "field TmpfsOptions must not be specified";
	if (strcmp(type, "cluster") && m->has_cluster_options)
		return "field ClusterOptions must not be specified";
	return NULL;
}

/*
 * windowsValidators: windowsValidateNotRoot, then the destination regex
 * (moby 19.03 had its own not-root text).
 */
static const char *target_err(struct arena *a, const char *target,
			      bool moby_1903)
{
	const char *lower = lower_view(a, target);
	const char *norm;

	/* ToLower(ReplaceAll(target, "/", `\`)) is "c:" or `c:\` */
	if (!strcmp(lower, "c:") || !strcmp(lower, "c:\\") ||
	    !strcmp(lower, "c:/")) {
		norm = to_backslash(a, lower);
		if (moby_1903)
			return arena_printf(a, "destination path cannot be `c:` "
					       "or `c:\\`: %s",
					    norm);
		return arena_printf(a,
				    "destination path (%s) cannot be 'c:' or "
				    "'c:\\'",
				    norm);
	}
	if (!is_mount_destination(lower))
		return arena_printf(a, "invalid mount path: '%s'", target);
	return NULL;
}

static const char *bind_err(struct arena *a, const struct host_fs *fs,
			    const struct mount_cfg *m, const char *src)
{
	const char *prop = str_or_empty(m->bind_propagation);

	if (!*src)
		return "field Source must not be empty";
	if (m->has_bind_options && *prop)
		return arena_printf(a, "invalid propagation mode: %s", prop);
	if (!is_mount_destination(lower_view(a, src)))
		return arena_printf(a,
				    "invalid mount path: '%s' mount path must "
				    "be absolute",
				    src);
	switch (host_fs_stat(a, fs, src)) {
	case HOST_FS_MISSING:
		return arena_printf(a, "bind source path does not exist: %s",
				    src);
	case HOST_FS_FILE:
		return "source path must be a directory";
	case HOST_FS_UNKNOWN:
	case HOST_FS_DIR:
		break;
	}
	return NULL;
}

/* ValidateVolumeName */
static const char *volume_name_err(struct arena *a, const char *name,
				   bool moby_1903)
{
	if (!is_volume_name(name))
		return "invalid volume name";
	if (is_reserved_name(name, moby_1903))
		return arena_printf(a,
				    "volume name %s cannot be a reserved word "
				    "for Windows filenames",
				    go_quote(a, name));
	return NULL;
}

static const char *npipe_err(struct arena *a, const struct mount_cfg *m,
			     const char *src, const char *target)
{
	if (!*src)
		return "field Source must not be empty";
	if (m->read_only)
		return "field ReadOnly must not be specified";
	if (strcmp(detect_mount_type(src), MOUNT_TYPE_NPIPE))
		return arena_printf(a, "'%s' is not a valid pipe path", src);
	if (strcmp(detect_mount_type(target), MOUNT_TYPE_NPIPE))
		return arena_printf(a, "'%s' is not a valid pipe path", target);
	return NULL;
}

/*
 * validateMountConfigReg(m, windowsValidators): the full error text, or
 * NULL. Upstream returns the anonymous-volume Subpath error unwrapped.
 */
static const char *validate_mount(struct arena *a, const struct host_fs *fs,
				  const struct mount_cfg *m, bool moby_1903)
{
	const char *type = str_or_empty(m->type);
	const char *src = str_or_empty(m->source);
	const char *target = str_or_empty(m->target);
	const char *subpath = str_or_empty(m->volume_subpath);
	const char *e;

	if ((e = exclusive_options_err(m, type)) != NULL)
		return config_err(a, type, e);
	if (!*target)
		return config_err(a, type, "field Target must not be empty");
	if ((e = target_err(a, target, moby_1903)) != NULL)
		return config_err(a, type, e);
	if (!strcmp(type, MOUNT_TYPE_BIND)) {
		e = bind_err(a, fs, m, src);
	} else if (!strcmp(type, MOUNT_TYPE_VOLUME)) {
		if (m->has_volume_options && *subpath) {
			if (!*src)
				return "must not set Subpath when using "
				       "anonymous volumes";
			if (!winpath_is_local(subpath))
				return config_err(a, type,
						  "subpath must be a relative "
						  "path within the volume");
		}
		/* moby 19.03 refused a read-only anonymous volume. */
		if (moby_1903 && !*src && m->read_only)
			return config_err(a, type, "must not set ReadOnly mode "
						   "when using anonymous volumes");
		e = *src ? volume_name_err(a, src, moby_1903) : NULL;
	} else if (!strcmp(type, MOUNT_TYPE_NPIPE)) {
		e = npipe_err(a, m, src, target);
	} else {
		e = "mount type unknown";
	}
	return e ? config_err(a, type, e) : NULL;
}

/* ---- parsing ------------------------------------------------------------- */

static void normalize_cfg(struct mount_cfg *c)
{
	c->type = str_or_empty(c->type);
	c->source = str_or_empty(c->source);
	c->target = str_or_empty(c->target);
	c->consistency = str_or_empty(c->consistency);
	c->bind_propagation = str_or_empty(c->bind_propagation);
	c->volume_subpath = str_or_empty(c->volume_subpath);
	c->volume_driver_name = str_or_empty(c->volume_driver_name);
}

/* cleanup trailing `\` except for paths like `c:\` */
static const char *trim_separator(struct arena *a, const char *s)
{
	size_t n = strlen(s);

	if (n > 3 && s[n - 1] == '\\')
		return arena_strndup(a, s, n - 1);
	return s;
}

/* parseMountSpec(cfg, convertTargetToBackslash=true, windowsValidators) */
enum hcsc_rc mount_parse_spec_era(struct arena *a, const struct host_fs *fs,
				  const struct mount_cfg *cfg, bool moby_1903,
				  struct mount_point *out, const char **err)
{
	struct mount_cfg c = *cfg;
	const char *e;

	normalize_cfg(&c);
	if ((e = validate_mount(a, fs, &c, moby_1903)) != NULL) {
		*err = e;
		return HCSC_E_INPUT;
	}
	memset(out, 0, sizeof(*out));
	out->type = c.type;
	out->source = out->name = out->driver = out->mode = out->subpath = "";
	out->rw = !c.read_only;
	out->destination = to_backslash(a, c.target);
	out->spec = c;
	if (!strcmp(c.type, MOUNT_TYPE_VOLUME)) {
		out->name = c.source;
		out->copy_data = false; /* DefaultCopyMode() on Windows */
		if (c.has_volume_options) {
			if (c.has_volume_driver_config)
				out->driver = c.volume_driver_name;
			out->subpath = c.volume_subpath;
		}
	} else if (!strcmp(c.type, MOUNT_TYPE_BIND) ||
		   !strcmp(c.type, MOUNT_TYPE_NPIPE)) {
		out->source = to_backslash(a, c.source);
	}
	out->source = trim_separator(a, out->source);
	out->destination = trim_separator(a, out->destination);
	return HCSC_OK;
}

static const char *group(struct arena *a, const char *s,
			 const size_t cap[2 * RX_MAX_CAPS], int k)
{
	if (cap[2 * k] == SIZE_MAX || cap[2 * k + 1] == SIZE_MAX)
		return "";
	return arena_strndup(a, s + cap[2 * k], cap[2 * k + 1] - cap[2 * k]);
}

static const char *invalid_spec(struct arena *a, const char *raw)
{
	return arena_printf(a, "invalid volume specification: '%s'", raw);
}

/*
 * splitRawSpec: the non-empty groups of source, destination, mode (in that
 * order) into arr; returns their count, or -1 with *err set.
 */
static int split_raw(struct arena *a, const struct host_fs *fs,
		     const char *raw, bool moby_1903, const char *arr[3],
		     const char **err)
{
	const char *lower = lower_view(a, raw);
	size_t cap[2 * RX_MAX_CAPS];
	const char *src, *dst, *mode;
	int n = 0;

	if (!rx_run_one(RX_SPLIT_SPEC, lower, cap)) {
		*err = invalid_spec(a, raw);
		return -1;
	}
	src = group(a, lower, cap, RX_CAP_SOURCE);
	dst = group(a, lower, cap, RX_CAP_DEST);
	mode = group(a, lower, cap, RX_CAP_MODE);
	if (*src)
		arr[n++] = src;
	if (*dst)
		arr[n++] = dst;
	if (*mode)
		arr[n++] = mode;
	/* moby #26329: no source, and the destination names a file */
	if (!*src && *dst) {
		if (is_volume_name(dst)) {
			if (is_reserved_name(dst, moby_1903)) {
				*err = arena_printf(a,
						    "volume name %s cannot be "
						    "a reserved word for "
						    "Windows filenames",
						    go_quote(a, dst));
				return -1;
			}
		} else if (host_fs_stat(a, fs, dst) == HOST_FS_FILE) {
			*err = arena_printf(a,
					    "file '%s' cannot be mapped. Only "
					    "directories can be mapped on this "
					    "platform",
					    dst);
			return -1;
		}
	}
	return n;
}

enum hcsc_rc mount_parse_raw_era(struct arena *a, const struct host_fs *fs,
				 const char *raw, const char *volume_driver,
				 bool moby_1903, struct mount_point *out,
				 const char **err)
{
	const char *arr[3], *mode = "", *e;
	struct mount_cfg spec;
	int n;

	raw = str_or_empty(raw);
	volume_driver = str_or_empty(volume_driver);
	if ((n = split_raw(a, fs, raw, moby_1903, arr, err)) < 0)
		return HCSC_E_INPUT;
	memset(&spec, 0, sizeof(spec));
	normalize_cfg(&spec);
	if (n == 1) {
		spec.target = arr[0];
	} else if (n == 2 && !valid_mount_mode(arr[1])) {
		spec.source = to_backslash(a, arr[0]);
		spec.target = arr[1];
	} else if (n == 3) {
		spec.source = to_backslash(a, arr[0]);
		spec.target = arr[1];
		mode = arr[2];
	} else {
		/* a destination and a mode only, e.g. d:\x:rw */
		*err = invalid_spec(a, raw);
		return HCSC_E_INPUT;
	}
	spec.target = to_backslash(a, spec.target);
	if (!valid_mount_mode(mode)) {
		*err = arena_printf(a, "invalid mode: %s", mode);
		return HCSC_E_INPUT;
	}
	spec.type = detect_mount_type(spec.source);
	spec.read_only = ascii_eqi(mode, "ro");
	if (*volume_driver && !strcmp(spec.type, MOUNT_TYPE_VOLUME)) {
		spec.has_volume_options = true;
		spec.has_volume_driver_config = true;
		spec.volume_driver_name = volume_driver;
	}
	/* getCopyMode: the regex allows only ro/rw, never "nocopy". */
	if (mount_parse_spec_era(a, fs, &spec, moby_1903, out, &e) != HCSC_OK) {
		*err = arena_printf(a, "%s: %s", invalid_spec(a, raw), e);
		return HCSC_E_INPUT;
	}
	out->mode = mode;
	return HCSC_OK;
}

enum hcsc_rc mount_parse_raw(struct arena *a, const struct host_fs *fs,
			     const char *raw, const char *volume_driver,
			     struct mount_point *out, const char **err)
{
	return mount_parse_raw_era(a, fs, raw, volume_driver, false, out, err);
}

enum hcsc_rc mount_parse_spec(struct arena *a, const struct host_fs *fs,
			      const struct mount_cfg *cfg,
			      struct mount_point *out, const char **err)
{
	return mount_parse_spec_era(a, fs, cfg, false, out, err);
}

enum hcsc_rc mount_parse_volumes_from(struct arena *a, const char *spec,
				      const char **id, const char **mode,
				      const char **err)
{
	const char *colon;

	spec = str_or_empty(spec);
	if (!*spec) {
		*err = "volumes-from specification cannot be an empty string";
		return HCSC_E_INPUT;
	}
	colon = strchr(spec, ':');
	*id = colon ? arena_strndup(a, spec, (size_t)(colon - spec)) : spec;
	*mode = colon ? colon + 1 : "";
	if (!**mode) {
		*mode = "rw";
		return HCSC_OK;
	}
	if (!valid_mount_mode(*mode)) {
		*err = arena_printf(a, "invalid mode: %s", *mode);
		return HCSC_E_INPUT;
	}
	return HCSC_OK;
}
