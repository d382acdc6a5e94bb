/*
 * mount_parse.h: moby's Windows mount parser as pure functions (moby master
 * daemon/volume/mounts/windows_parser.go, validate.go, parser.go,
 * mounts.go; rules: oci.mounts.windows-parser, oci.mounts.spec-validation).
 *
 *   mount_parse_raw()   ParseMountRaw: a `-v` / HostConfig.Binds entry or a
 *                       Config.Volumes key (rule: oci.mounts.binds);
 *   mount_parse_spec()  ParseMountSpec: a HostConfig.Mounts entry;
 *   mount_parse_volumes_from()  ParseVolumesFrom: a VolumesFrom entry.
 *
 * Host facts come from host_fs_stat(); HOST_FS_UNKNOWN skips the checks that
 * moby makes with os.Stat (rule: hcsc.host.filesystem-facts). On error *err is moby's message
 * (arena string) and HCSC_E_INPUT is returned; *out is then unspecified.
 * Every string of the results is non-NULL ("" where Go has ""); NULL
 * strings in a mount_cfg count as "".
 */
#ifndef HCSC_OCI_MOUNT_PARSE_H
#define HCSC_OCI_MOUNT_PARSE_H

#include <stdbool.h>

#include "hcsc.h"
#include "model/host_fs.h"

struct arena;

/* Type names (mount.Type constants). */
#define MOUNT_TYPE_BIND "bind"
#define MOUNT_TYPE_VOLUME "volume"
#define MOUNT_TYPE_NPIPE "npipe"

/*
 * One mount.Mount. The has_* flags say whether the Go pointer is non-nil
 * (an options block was given, even empty).
 */
struct mount_cfg {
	const char *type, *source, *target;
	bool read_only;
	const char *consistency;
	bool has_bind_options;
	const char *bind_propagation;
	bool bind_non_recursive, bind_create_mountpoint,
		bind_read_only_non_recursive, bind_read_only_force_recursive;
	bool has_volume_options;
	bool volume_no_copy;
	const char *volume_subpath;
	bool has_volume_driver_config;
	const char *volume_driver_name;
	bool has_image_options, has_tmpfs_options, has_cluster_options;
};

/*
 * The MountPoint fields the parser fills. `subpath` repeats
 * spec.volume_subpath for volumes ("" otherwise). The parser never sets
 * skip_mountpoint_creation: registerMountPoints does, for HostConfig.Mounts
 * binds without BindOptions.CreateMountpoint (rule: oci.mounts.spec-validation; moby daemon/volumes.go).
 */
struct mount_point {
	const char *type; /* bind | volume | npipe */
	const char *source, *destination, *name, *driver, *mode;
	bool rw;
	bool copy_data;
	const char *subpath;
	bool skip_mountpoint_creation;
	struct mount_cfg spec; /* the mount.Mount that was validated */
};

/*
 * ParseMountRaw(raw, volume_driver): `[source:]destination[:mode]`, matched
 * lower-cased; the bind source, volume name, destination and mode come out
 * lower-cased. volume_driver may be NULL or "" (none).
 */
enum hcsc_rc mount_parse_raw(struct arena *a, const struct host_fs *fs,
			     const char *raw, const char *volume_driver,
			     struct mount_point *out, const char **err);

/* ParseMountSpec(cfg): no lower-casing; `/` becomes `\` in the results. */
enum hcsc_rc mount_parse_spec(struct arena *a, const struct host_fs *fs,
			      const struct mount_cfg *cfg,
			      struct mount_point *out, const char **err);

/*
 * The same with moby 19.03's differences when `moby_1903` (target
 * docker-19.03): the reserved-name regex that anchors only its first and
 * last alternatives, its not-root text, and read-only anonymous volumes
 * refused.
 */
enum hcsc_rc mount_parse_raw_era(struct arena *a, const struct host_fs *fs,
				 const char *raw, const char *volume_driver,
				 bool moby_1903, struct mount_point *out,
				 const char **err);
enum hcsc_rc mount_parse_spec_era(struct arena *a, const struct host_fs *fs,
				  const struct mount_cfg *cfg, bool moby_1903,
				  struct mount_point *out, const char **err);

/*
 * ParseVolumesFrom(spec): `<container>[:mode]`; *id and *mode are set (mode
 * "rw" when absent, otherwise as given: "ro", "rw", or any case of those).
 */
enum hcsc_rc mount_parse_volumes_from(struct arena *a, const char *spec,
				      const char **id, const char **mode,
				      const char **err);

#endif
