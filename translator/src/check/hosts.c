/*
 * check/hosts.c: the run's cache of `# host: FILE` profiles (hosts.h).
 */
#include "check/hosts.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "grow.h"
#include "load/load.h"
#include "os/fs.h"
#include "strbuf.h"

void check_hosts_init(struct check_hosts *h)
{
	memset(h, 0, sizeof(*h));
	os_mutex_init(&h->mu);
	h->a = arena_new();
	strset_init(&h->by_path, h->a, false);
}

void check_hosts_release(struct check_hosts *h)
{
	os_mutex_release(&h->mu);
	arena_free(h->a);
	free(h->files);
}

/* Read `path` for the cache: as the scan reads a folder's host file. */
static struct check_host_file read_one(struct check_hosts *h,
				       const char *path)
{
	struct check_host_file f = { NULL, 0 };
	struct strbuf buf = STRBUF_INIT;

	if (os_read(path, LOAD_MAX_FILE, OS_WHOLE, &buf) == 0 &&
	    buf.len <= CHECK_HOSTS_MAX_BYTES - h->bytes) {
		f.data = arena_strndup(h->a, buf.buf, buf.len);
		f.len = buf.len;
		h->bytes += buf.len;
	}
	strbuf_release(&buf);
	return f;
}

/* Remember `f` under a copy of `path` (the set borrows its keys). */
static void keep(struct check_hosts *h, const char *path, size_t plen,
		 struct check_host_file f)
{
	h->files = hcsc_grow(h->files, &h->alloc, h->n + 1, sizeof(*h->files));
	h->files[h->n] = f;
	strset_add(&h->by_path, arena_strndup(h->a, path, plen), plen, h->n);
	h->n++;
}

bool check_hosts_get(struct check_hosts *h, const char *path,
		     const char **data, size_t *len)
{
	size_t plen = strlen(path), id;
	struct check_host_file f = { NULL, 0 };

	os_mutex_lock(&h->mu);
	id = strset_find(&h->by_path, path, plen);
	if (id != STRSET_NONE) {
		f = h->files[id];
	} else if (h->n < CHECK_HOSTS_MAX_FILES) {
		f = read_one(h, path);
		keep(h, path, plen, f);
	}
	os_mutex_unlock(&h->mu);
	*data = f.data;
	*len = f.len;
	return f.data != NULL;
}
