/*
 * check/sys.c: the OS layer of check/sys.h. POSIX (opendir, rename,
 * clock_gettime) and Windows (_findfirst, MoveFileExA,
 * QueryPerformanceCounter) differ only here. The atomic writer moved here
 * from cli/files.c so that the CLI and `check --update` share one copy.
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif

#include "sys.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <direct.h>
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <dirent.h>
#include <time.h>
#include <unistd.h>
#endif

#include "arena.h"
#include "strbuf.h"

enum check_sys_kind check_sys_kind(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return CHECK_SYS_ABSENT;
	if (S_ISDIR(st.st_mode))
		return CHECK_SYS_DIR;
	if (S_ISREG(st.st_mode))
		return CHECK_SYS_FILE;
	return CHECK_SYS_OTHER;
}

/* ---- directory listing ---- */

static void dir_add(struct check_sys_dir *d, size_t *alloc, const char *name)
{
	size_t n = strlen(name);

	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return;
	if (d->n == *alloc) {
		char **p;

		*alloc = *alloc ? *alloc * 2 : 16;
		p = realloc(d->names, *alloc * sizeof(*p));
		if (!p)
			hcsc_oom();
		d->names = p;
	}
	d->names[d->n] = malloc(n + 1);
	if (!d->names[d->n])
		hcsc_oom();
	memcpy(d->names[d->n++], name, n + 1);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#ifdef _WIN32
static int list_os(const char *dir, struct check_sys_dir *out, size_t *alloc)
{
	struct _finddata_t fd;
	struct strbuf pat = STRBUF_INIT;
	intptr_t h;
	int err = 0;

	strbuf_addf(&pat, "%s\\*", dir);
	errno = 0;
	h = _findfirst(pat.buf, &fd);
	strbuf_release(&pat);
	if (h == -1)
		return errno ? errno : ENOENT;
	do
		dir_add(out, alloc, fd.name);
	while (_findnext(h, &fd) == 0);
	if (errno != ENOENT)
		err = errno;
	_findclose(h);
	return err;
}
#else
static int list_os(const char *dir, struct check_sys_dir *out, size_t *alloc)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int err;

	if (!dp)
		return errno;
	for (;;) {
		errno = 0;
		de = readdir(dp);
		if (!de)
			break;
		dir_add(out, alloc, de->d_name);
	}
	err = errno;
	closedir(dp);
	return err;
}
#endif

int check_sys_list(const char *dir, struct check_sys_dir *out)
{
	size_t alloc = 0;
	int err;

	out->names = NULL;
	out->n = 0;
	err = list_os(dir, out, &alloc);
	if (err) {
		check_sys_dir_release(out);
		return err;
	}
	if (out->n > 1)
		qsort(out->names, out->n, sizeof(*out->names), name_cmp);
	return 0;
}

void check_sys_dir_release(struct check_sys_dir *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->names[i]);
	free(d->names);
	d->names = NULL;
	d->n = 0;
}

/* ---- reading ---- */

int check_sys_read(const char *path, size_t max, struct strbuf *out)
{
	FILE *fp;
	int err = 0;

	errno = 0;
	fp = fopen(path, "rb");
	if (!fp)
		return errno ? errno : EIO;
	while (max) {
		size_t want = max < 65536 ? max : 65536, got;

		strbuf_grow(out, want);
		errno = 0;
		got = fread(out->buf + out->len, 1, want, fp);
		out->len += got;
		out->buf[out->len] = '\0';
		max -= got;
		if (got < want) {
			if (ferror(fp))
				err = errno ? errno : EIO;
			break;
		}
	}
	fclose(fp);
	return err;
}

/* ---- atomic writes (from cli/files.c) ---- */

static int make_dir(const char *p)
{
#ifdef _WIN32
	return _mkdir(p);
#else
	return mkdir(p, 0777);
#endif
}

int check_sys_mkdirs(const char *dir)
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
		if (check_sys_kind(p) != CHECK_SYS_DIR && make_dir(p) != 0 &&
		    errno != EEXIST)
			err = errno;
		p[i] = c;
	}
	if (!err && check_sys_kind(dir) != CHECK_SYS_DIR)
		err = ENOTDIR;
	free(p);
	return err;
}

int check_sys_replace(const char *from, const char *to)
{
#ifdef _WIN32
	return MoveFileExA(from, to, MOVEFILE_REPLACE_EXISTING) ? 0 : EACCES;
#else
	return rename(from, to) == 0 ? 0 : errno;
#endif
}

char *check_sys_temp_name(const char *path, const char *tag)
{
	struct strbuf sb = STRBUF_INIT;

#ifdef _WIN32
	strbuf_addf(&sb, "%s.%s%ld", path, tag, (long)_getpid());
#else
	strbuf_addf(&sb, "%s.%s%ld", path, tag, (long)getpid());
#endif
	return strbuf_detach(&sb, NULL);
}

static int stage(struct out_file *f)
{
	FILE *fp;
	int err = 0;

	f->tmp = check_sys_temp_name(f->path, "tmp");
	errno = 0;
	fp = fopen(f->tmp, "wb");
	if (!fp)
		return errno ? errno : EIO;
	if (fwrite(f->data, 1, f->len, fp) != f->len)
		err = errno ? errno : EIO;
	if (fclose(fp) != 0 && !err)
		err = errno ? errno : EIO;
	return err;
}

static void unstage(struct out_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (files[i].tmp) {
			remove(files[i].tmp);
			free(files[i].tmp);
			files[i].tmp = NULL;
		}
	}
}

int check_sys_write_files(struct out_file *files, size_t n,
			  const char **failed)
{
	int err = 0;

	for (size_t i = 0; i < n && !err; i++) {
		err = stage(&files[i]);
		if (err)
			*failed = files[i].path;
	}
	for (size_t i = 0; i < n && !err; i++) {
		err = check_sys_replace(files[i].tmp, files[i].path);
		if (err) {
			*failed = files[i].path;
		} else {
			free(files[i].tmp);
			files[i].tmp = NULL;
		}
	}
	unstage(files, n);
	return err;
}

int check_sys_remove(const char *path)
{
	errno = 0;
	return remove(path) == 0 ? 0 : (errno ? errno : EIO);
}

int check_sys_rmdir(const char *path)
{
	errno = 0;
#ifdef _WIN32
	return _rmdir(path) == 0 ? 0 : (errno ? errno : EIO);
#else
	return rmdir(path) == 0 ? 0 : (errno ? errno : EIO);
#endif
}

/* ---- clock and terminal ---- */

double check_sys_now(void)
{
#ifdef _WIN32
	LARGE_INTEGER f, c;

	if (!QueryPerformanceFrequency(&f) || !QueryPerformanceCounter(&c))
		return 0;
	return (double)c.QuadPart / (double)f.QuadPart;
#else
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
#endif
}

bool check_sys_stderr_is_tty(void)
{
#ifdef _WIN32
	return _isatty(_fileno(stderr)) != 0;
#else
	return isatty(STDERR_FILENO) != 0;
#endif
}
