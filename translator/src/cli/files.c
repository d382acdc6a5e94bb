/*
 * files.c: output directories and atomic multi-file writes (temporary
 * files, then renames), with the Windows differences kept here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <windows.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

#include "cli.h"

static int make_dir(const char *p)
{
#ifdef _WIN32
	return _mkdir(p);
#else
	return mkdir(p, 0777);
#endif
}

static bool is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_mkdirs(const char *dir)
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
		if (!is_dir(p) && make_dir(p) != 0 && errno != EEXIST)
			err = errno;
		p[i] = c;
	}
	if (!err && !is_dir(dir))
		err = ENOTDIR;
	free(p);
	return err;
}

static int replace_file(const char *from, const char *to)
{
#ifdef _WIN32
	return MoveFileExA(from, to, MOVEFILE_REPLACE_EXISTING) ? 0 : EACCES;
#else
	return rename(from, to) == 0 ? 0 : errno;
#endif
}

static int stage(struct out_file *f)
{
	size_t n = strlen(f->path) + 32;
	FILE *fp;
	int err = 0;

	f->tmp = malloc(n);
	if (!f->tmp)
		return ENOMEM;
	snprintf(f->tmp, n, "%s.tmp%ld", f->path, (long)getpid());
	fp = fopen(f->tmp, "wb");
	if (!fp)
		return errno;
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

int cli_write_files(struct out_file *files, size_t n, const char **failed)
{
	int err = 0;

	for (size_t i = 0; i < n && !err; i++) {
		err = stage(&files[i]);
		if (err)
			*failed = files[i].path;
	}
	for (size_t i = 0; i < n && !err; i++) {
		err = replace_file(files[i].tmp, files[i].path);
		if (err)
			*failed = files[i].path;
		else {
			free(files[i].tmp);
			files[i].tmp = NULL;
		}
	}
	unstage(files, n);
	return err;
}

void cli_binary_stdio(void)
{
#ifdef _WIN32
	_setmode(_fileno(stdout), _O_BINARY);
	_setmode(_fileno(stderr), _O_BINARY);
	_setmode(_fileno(stdin), _O_BINARY);
#endif
}
