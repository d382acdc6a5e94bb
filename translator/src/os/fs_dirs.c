/*
 * os/fs_dirs.c: folders made and things removed for os/fs.h: a path's
 * missing folders (os_mkdirs), folders under a root that never go
 * through a symbolic link (os_mkdirs_under: check's golden folders), and
 * a file or an empty folder removed, errno-style.
 */
#include "fs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <direct.h>
#else
#include <unistd.h>
#endif

#include "strbuf.h"

static int make_dir(const char *p)
{
#ifdef _WIN32
	return _mkdir(p) == 0 ? 0 : errno;
#else
	return mkdir(p, 0777) == 0 ? 0 : errno;
#endif
}

int os_mkdirs(const char *dir)
{
	size_t n = strlen(dir);
	char *p = malloc(n + 1);
	int err = 0;

	if (!p)
		return ENOMEM;
	memcpy(p, dir, n + 1);
	for (size_t i = 1; i <= n && !err; i++) {
		char c = p[i];

		if (c != '/' && c != '\\' && c != '\0')
			continue;
		p[i] = '\0';
		if (os_kind(p) != OS_DIR) {
			err = make_dir(p);
			if (err == EEXIST)
				err = 0;
		}
		p[i] = c;
	}
	if (!err && os_kind(dir) != OS_DIR)
		err = ENOTDIR;
	free(p);
	return err;
}

int os_mkdirs_under(const char *root, const char *rel, char **failed)
{
	struct strbuf p = STRBUF_INIT;
	int err = 0;

	*failed = NULL;
	strbuf_addstr(&p, root);
	while (*rel && !err) {
		size_t n = strcspn(rel, "/");

		strbuf_addch(&p, '/');
		strbuf_add(&p, rel, n);
		rel += n + (rel[n] == '/');
		switch (os_lkind(p.buf)) {
		case OS_DIR:
			break;
		case OS_ABSENT:
			err = make_dir(p.buf);
			if (err == EEXIST && os_lkind(p.buf) == OS_DIR)
				err = 0;
			break;
		case OS_LINK:
			err = ELOOP;
			break;
		default:
			err = ENOTDIR;
			break;
		}
	}
	if (err)
		*failed = strbuf_detach(&p, NULL);
	strbuf_release(&p);
	return err;
}

int os_remove(const char *path)
{
	errno = 0;
	return remove(path) == 0 ? 0 : (errno ? errno : EIO);
}

int os_rmdir(const char *path)
{
	errno = 0;
#ifdef _WIN32
	return _rmdir(path) == 0 ? 0 : (errno ? errno : EIO);
#else
	return rmdir(path) == 0 ? 0 : (errno ? errno : EIO);
#endif
}
