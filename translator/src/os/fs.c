/*
 * os/fs.c: the reading half of os/fs.h: what a path is, directory
 * listings, bounded reads of regular files, the clock and the terminal
 * test. POSIX (lstat, opendir, open with O_NONBLOCK and O_NOFOLLOW,
 * clock_gettime) and Windows (GetFileAttributesA, _findfirst,
 * QueryPerformanceCounter) differ only here; the writing half is
 * fs_write.c.
 */
#ifndef _WIN32
#define _XOPEN_SOURCE 700 /* realpath(); implies POSIX.1-2008 */
#define _DEFAULT_SOURCE 1 /* struct dirent's d_type, DT_* (glibc) */
#endif

#include "fs.h"

#include <errno.h>
#include <stdint.h>
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
#include <fcntl.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#endif

#include "arena.h"
#include "grow.h"
#include "strbuf.h"

enum os_kind os_kind(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return OS_ABSENT;
	if (S_ISDIR(st.st_mode))
		return OS_DIR;
	if (S_ISREG(st.st_mode))
		return OS_FILE;
	return OS_OTHER;
}

#ifdef _WIN32
enum os_kind os_lkind(const char *path)
{
	DWORD a = GetFileAttributesA(path);

	if (a == INVALID_FILE_ATTRIBUTES)
		return OS_ABSENT;
	if (a & FILE_ATTRIBUTE_REPARSE_POINT)
		return OS_LINK;
	return (a & FILE_ATTRIBUTE_DIRECTORY) ? OS_DIR : os_kind(path);
}
#else
enum os_kind os_lkind(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return OS_ABSENT;
	if (S_ISLNK(st.st_mode))
		return OS_LINK;
	if (S_ISDIR(st.st_mode))
		return OS_DIR;
	return S_ISREG(st.st_mode) ? OS_FILE : OS_OTHER;
}
#endif

/*
 * The real path of `entry` when, its folder resolved (os_real_path:
 * through folders not made yet too, as `DIR/new/..`), its last name is a
 * regular file (not a link); else NULL. malloc'd.
 */
static char *real_entry(const char *entry)
{
	const char *base = entry;
	struct strbuf sb = STRBUF_INIT;
	char *dir, *real;

	for (const char *p = entry; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	if (!*base || !strcmp(base, ".") || !strcmp(base, ".."))
		return os_lkind(entry) == OS_FILE ? os_real_path(entry) : NULL;
	if (base == entry)
		strbuf_addch(&sb, '.');
	else /* without its separator, but "/" stays */
		strbuf_add(&sb, entry, (size_t)(base - entry) - (base - entry > 1));
	dir = strbuf_detach(&sb, NULL);
	real = os_real_path(dir);
	free(dir);
	if (!real)
		return NULL;
	strbuf_addstr(&sb, real);
	free(real);
	if (sb.len && sb.buf[sb.len - 1] != '/' && sb.buf[sb.len - 1] != '\\')
		strbuf_addch(&sb, '/');
	strbuf_addstr(&sb, base);
	real = os_lkind(sb.buf) == OS_FILE ? os_real_path(sb.buf) : NULL;
	strbuf_release(&sb);
	return real;
}

bool os_same_file(const char *entry, const char *file)
{
	char *x = real_entry(entry);
	char *y = x ? os_real_path(file) : NULL;
	bool same = x && y && !strcmp(x, y);

	free(x);
	free(y);
	return same;
}

bool os_path_is_abs(const char *path)
{
#ifdef _WIN32
	if (path[0] == '\\')
		return true;
	if (((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z') &&
	    path[1] == ':')
		return true;
#endif
	return path[0] == '/';
}

#ifdef _WIN32
char *os_real_path(const char *path)
{
	char full[MAX_PATH * 4];
	DWORD n = GetFullPathNameA(path, sizeof(full), full, NULL);
	char *out;

	if (!n || n >= sizeof(full))
		return NULL;
	out = malloc(n + 1);
	if (!out)
		hcsc_oom();
	for (DWORD i = 0; i <= n; i++) {
		char c = full[i] == '/' ? '\\' : full[i];

		out[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	return out;
}
#else
char *os_real_path(const char *path)
{
	char *real = realpath(path, NULL), *parent, *out;
	const char *slash, *last;
	struct strbuf sb = STRBUF_INIT;

	if (real || errno != ENOENT)
		return real;
	slash = strrchr(path, '/');
	last = slash ? slash + 1 : path;
	parent = slash == path ? strdup("/")
	       : slash	       ? strndup(path, (size_t)(slash - path))
			       : strdup(".");
	if (!parent)
		hcsc_oom();
	real = *last ? os_real_path(parent) : NULL;
	free(parent);
	if (real && !strcmp(last, "..")) { /* lexically, below a missing one */
		char *cut = strrchr(real, '/');

		if (cut)
			cut[cut == real] = '\0';
		return real;
	}
	if (!real || !strcmp(last, "."))
		return real;
	strbuf_addstr(&sb, real);
	if (sb.len > 1)
		strbuf_addch(&sb, '/');
	strbuf_addstr(&sb, last);
	free(real);
	out = strbuf_detach(&sb, NULL);
	return out;
}
#endif

/* ---- directory listing ---- */

/*
 * Each name is stored with one byte after its NUL: its lkind when the
 * listing told it (POSIX d_type), else OS_KIND_UNKNOWN. The names sit one
 * after another in one block (d->pool), not one malloc each; os_list()
 * points d->names into it once the listing is complete.
 */
#define OS_KIND_UNKNOWN 0xff

static void dir_add(struct os_dir *d, size_t *used, size_t *alloc,
		    const char *name, unsigned char kind)
{
	size_t n = strlen(name);

	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return;
	d->pool = hcsc_grow(d->pool, alloc, *used + n + 2, 1);
	memcpy(d->pool + *used, name, n + 1);
	d->pool[*used + n + 1] = (char)kind;
	*used += n + 2;
	d->n++;
}

/* d->names[i]: the i-th name of the block, in listing order. */
static void point_names(struct os_dir *d)
{
	const char *p = d->pool;

	d->names = malloc((d->n ? d->n : 1) * sizeof(*d->names));
	if (!d->names)
		hcsc_oom();
	for (size_t i = 0; i < d->n; i++) {
		d->names[i] = p;
		p += strlen(p) + 2;
	}
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Bytewise order, as qsort(names, n, name_cmp) gives it: the names of one
 * folder are distinct, so every sort yields the one order. A listing is
 * mostly a handful of names (a golden folder's files), where an
 * insertion sort costs a fraction of qsort's setup; larger ones use qsort.
 */
static void sort_names(const char **names, size_t n)
{
	if (n > 16) {
		qsort(names, n, sizeof(*names), name_cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		const char *x = names[i];
		size_t j = i;

		for (; j && strcmp(names[j - 1], x) > 0; j--)
			names[j] = names[j - 1];
		names[j] = x;
	}
}

#ifdef _WIN32
static int list_os(const char *dir, struct os_dir *out, size_t *used,
		   size_t *alloc)
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
		dir_add(out, used, alloc, fd.name, OS_KIND_UNKNOWN);
	while (_findnext(h, &fd) == 0);
	if (errno != ENOENT)
		err = errno;
	_findclose(h);
	return err;
}
#else
/* What readdir said the entry is, without a stat (d_type, where known). */
static unsigned char dtype_kind(const struct dirent *de)
{
#ifdef DT_UNKNOWN
	switch (de->d_type) {
	case DT_REG:
		return OS_FILE;
	case DT_DIR:
		return OS_DIR;
	case DT_LNK:
		return OS_LINK;
	case DT_UNKNOWN:
		return OS_KIND_UNKNOWN;
	default:
		return OS_OTHER;
	}
#else
	(void)de;
	return OS_KIND_UNKNOWN;
#endif
}

static int list_os(const char *dir, struct os_dir *out, size_t *used,
		   size_t *alloc)
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
		dir_add(out, used, alloc, de->d_name, dtype_kind(de));
	}
	err = errno;
	closedir(dp);
	return err;
}
#endif

int os_list(const char *dir, struct os_dir *out)
{
	size_t used = 0, alloc = 0;
	int err;

	out->names = NULL;
	out->n = 0;
	/* Room for a golden folder's names at once: no growth per listing. */
	out->pool = hcsc_grow(NULL, &alloc, 256, 1);
	err = list_os(dir, out, &used, &alloc);
	if (err) {
		os_dir_release(out);
		return err;
	}
	point_names(out);
	sort_names(out->names, out->n);
	return 0;
}

void os_dir_release(struct os_dir *d)
{
	free(d->names);
	free(d->pool);
	d->names = NULL;
	d->pool = NULL;
	d->n = 0;
}

enum os_kind os_dir_lkind(const char *dir,
				       const struct os_dir *d, size_t i,
				       struct strbuf *scratch)
{
	const char *name = d->names[i];
	size_t n = strlen(name);
	unsigned char k = (unsigned char)name[n + 1];

	if (k != OS_KIND_UNKNOWN)
		return (enum os_kind)k;
	strbuf_reset(scratch);
	strbuf_addstr(scratch, dir);
	strbuf_addch(scratch, '/');
	strbuf_add(scratch, name, n);
	return os_lkind(scratch->buf);
}

/* ---- reading ---- */

#ifdef _WIN32
static int open_read(const char *path, unsigned flags, FILE **fp,
		     size_t *size)
{
	struct _stat64 st;

	if ((flags & OS_NOFOLLOW) &&
	    os_lkind(path) == OS_LINK)
		return OS_NOT_REGULAR;
	errno = 0;
	*fp = fopen(path, "rb");
	if (!*fp)
		return errno ? errno : EIO;
	if (_fstat64(_fileno(*fp), &st) != 0 || !(st.st_mode & _S_IFREG)) {
		fclose(*fp);
		return OS_NOT_REGULAR;
	}
	*size = (size_t)st.st_size;
	return 0;
}

int os_read(const char *path, size_t max, unsigned flags,
		   struct strbuf *out)
{
	FILE *fp;
	size_t size = 0;
	int err = open_read(path, flags, &fp, &size);

	if (err)
		return err;
	if ((flags & OS_WHOLE) && size > max) {
		fclose(fp);
		return EFBIG;
	}
	if ((flags & OS_WHOLE) && max < SIZE_MAX)
		max++; /* a file that grew past max is seen */
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
	if (!err && (flags & OS_WHOLE) && !max)
		err = EFBIG;
	return err;
}
#else
/*
 * Never blocks on a FIFO: opened non-blocking, its type checked before any
 * read; then read with read(2) straight into the buffer (no stdio buffer).
 */
int os_read(const char *path, size_t max, unsigned flags,
		   struct strbuf *out)
{
	int oflags = O_RDONLY | O_NONBLOCK | O_CLOEXEC, fd, err = 0;
	struct stat st;
	size_t size, start = out->len;

	if (flags & OS_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	fd = open(path, oflags);
	if (fd < 0)
		return errno == ELOOP && (flags & OS_NOFOLLOW)
			       ? OS_NOT_REGULAR
			       : errno;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return OS_NOT_REGULAR;
	}
	size = (size_t)st.st_size;
	if ((flags & OS_WHOLE) && size > max) {
		close(fd);
		return EFBIG;
	}
	/* O_NONBLOCK does not affect a regular file: no fcntl to clear it. */
	if ((flags & OS_WHOLE) && max < SIZE_MAX)
		max++; /* a file that grew past max is seen */
	/* One read of the size fstat gave (plus one byte to see EOF). */
	strbuf_grow(out, (size < max ? size : max) + 1);
	while (max) {
		size_t room = out->alloc - out->len - 1, want;
		ssize_t got;

		if (!room) {
			strbuf_grow(out, max < 65536 ? max : 65536);
			room = out->alloc - out->len - 1;
		}
		want = room < max ? room : max;
		got = read(fd, out->buf + out->len, want);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			err = errno ? errno : EIO;
			break;
		}
		if (!got)
			break;
		out->len += (size_t)got;
		out->buf[out->len] = '\0';
		max -= (size_t)got;
		if ((size_t)got < want && out->len - start == size)
			break; /* the size fstat gave, read short: the end */
	}
	close(fd);
	if (!err && (flags & OS_WHOLE) && !max)
		err = EFBIG;
	return err;
}
#endif

/* ---- clock and terminal ---- */

double os_now(void)
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

bool os_stderr_is_tty(void)
{
#ifdef _WIN32
	return _isatty(_fileno(stderr)) != 0;
#else
	return isatty(STDERR_FILENO) != 0;
#endif
}

bool os_stdout_is_tty(void)
{
#ifdef _WIN32
	return _isatty(_fileno(stdout)) != 0;
#else
	return isatty(STDOUT_FILENO) != 0;
#endif
}

unsigned os_term_rows(void)
{
#ifdef _WIN32
	CONSOLE_SCREEN_BUFFER_INFO info;

	if (GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info))
		return (unsigned)(info.srWindow.Bottom - info.srWindow.Top + 1);
	return 24;
#else
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row)
		return ws.ws_row;
	return 24;
#endif
}
