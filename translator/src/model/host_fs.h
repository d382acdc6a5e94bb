/*
 * host_fs.h: the host filesystem facts a host profile may give
 * (rule: hcsc.host.filesystem-facts), asked in place of os.Stat by the bind checks of the
 * mount parser (moby daemon/volume/mounts/windows_parser.go, fileInfo).
 *
 * Without facts (fs NULL or !present) every answer is HOST_FS_UNKNOWN and the
 * callers skip their existence, is-directory and is-file checks. With facts,
 * only the listed paths exist: parents are not implied. Paths are compared
 * after Go's filepath.Clean (Windows) of both sides, ASCII case-insensitively.
 */
#ifndef HCSC_MODEL_HOST_FS_H
#define HCSC_MODEL_HOST_FS_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct host_fs {
	bool present;
	const char **dirs;
	size_t ndirs;
	const char **files;
	size_t nfiles;
};

enum host_fs_kind {
	HOST_FS_UNKNOWN, /* no facts: checks skipped */
	HOST_FS_MISSING,
	HOST_FS_DIR,
	HOST_FS_FILE
};

/* What the facts say about path; a path listed as both is a directory. */
enum host_fs_kind host_fs_stat(struct arena *a, const struct host_fs *fs,
			       const char *path);

#endif
