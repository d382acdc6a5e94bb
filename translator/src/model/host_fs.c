/*
 * host_fs.c: lookups in the host profile's Filesystem facts (rule: hcsc.host.filesystem-facts).
 * Stands in for moby's fileInfoProvider (os.Stat) in
 * daemon/volume/mounts/windows_parser.go; the directory list is searched
 * first, as moby's test mock does.
 */
#include "model/host_fs.h"

#include "arena.h"
#include "ascii.h"
#include "winpath.h"

static bool listed(struct arena *a, const char *const *list, size_t n,
		   const char *clean)
{
	for (size_t i = 0; i < n; i++) {
		if (list[i] && ascii_eqi(winpath_clean(a, list[i]), clean))
			return true;
	}
	return false;
}

enum host_fs_kind host_fs_stat(struct arena *a, const struct host_fs *fs,
			       const char *path)
{
	const char *clean;

	if (!fs || !fs->present)
		return HOST_FS_UNKNOWN;
	clean = winpath_clean(a, path ? path : "");
	if (listed(a, (const char *const *)fs->dirs, fs->ndirs, clean))
		return HOST_FS_DIR;
	if (listed(a, (const char *const *)fs->files, fs->nfiles, clean))
		return HOST_FS_FILE;
	return HOST_FS_MISSING;
}
