/*
 * check/hosts.h: the `# host: FILE` profiles of one `hcsc check` run
 * (rule: hcsc.check.header), each read once however many cases name it,
 * as a folder's host.yaml is read once by the scan. Shared by the
 * workers of -j N under a mutex; keyed by the path the compile would
 * open.
 */
#ifndef HCSC_CHECK_HOSTS_H
#define HCSC_CHECK_HOSTS_H

#include <stdbool.h>
#include <stddef.h>

#include "os/thread.h"
#include "strset.h"

/* Beyond these, files are no longer kept (the compile reads them). */
#define CHECK_HOSTS_MAX_FILES 1024
#define CHECK_HOSTS_MAX_BYTES (8u << 20)

struct check_host_file {
	const char *data; /* NULL: unreadable, or not kept */
	size_t len;
};

struct check_hosts {
	struct os_mutex mu;
	struct arena *a;               /* paths, bytes and the set's nodes */
	struct strset by_path;
	struct check_host_file *files; /* by strset id */
	size_t n, alloc, bytes;
};

void check_hosts_init(struct check_hosts *h);
void check_hosts_release(struct check_hosts *h);

/*
 * The bytes of host file `path`, read on its first use and kept for the
 * run: true with *data, *len set; false when it cannot be read as a
 * whole (missing, not a regular file, over the input limit) or the cache
 * is full: the compile then reads it and reports any error as `hcsc
 * compile` does.
 */
bool check_hosts_get(struct check_hosts *h, const char *path,
		     const char **data, size_t *len);

#endif
