/*
 * os/fs_write.c: the writing half of os/fs.h: exclusive
 * temporary files, the folder lock, the all-or-nothing set of renames
 * with its rollback (termination signals held off while it runs:
 * os/signals.c), hcsc's orphaned temporaries, one file replaced. Folders
 * made and files removed are fs_dirs.c's. POSIX (open
 * O_EXCL|O_NOFOLLOW, linkat, rename, flock) and Windows (CreateFileA
 * CREATE_NEW, MoveFileExA, a named mutex) differ only here. Shared by `hcsc compile -o`, `check --update` and the JUnit
 * report.
 */
#ifndef _WIN32
#define _DEFAULT_SOURCE /* flock(); implies POSIX.1-2008 */
#endif

#include "fs.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>
#endif

#include "arena.h"
#include "os/signals.h"
#include "strbuf.h"

#define TEMP_PREFIX ".hcsc-"
#define TEMP_TRIES 64
/* The folder lock is tried every 10 ms for at most this long. */
#define LOCK_WAIT_MS 60000

/* ---- names ---- */

static size_t base_offset(const char *path)
{
	size_t off = 0;

	for (size_t i = 0; path[i]; i++)
		if (path[i] == '/' || path[i] == '\\')
			off = i + 1;
	return off;
}

static long self_pid(void)
{
#ifdef _WIN32
	return (long)_getpid();
#else
	return (long)getpid();
#endif
}

/* A name nobody can guess: pid, clock, a stack address, the attempt. */
static uint32_t name_bits(unsigned attempt)
{
	uint64_t x = (uint64_t)self_pid() * 0x9e3779b97f4a7c15ull;
	int local = 0;

	x ^= (uint64_t)(uintptr_t)&local;
	x ^= (uint64_t)(os_now() * 1e9);
	x += attempt * 0xbf58476d1ce4e5b9ull;
	x ^= x >> 31;
	x *= 0x94d049bb133111ebull;
	x ^= x >> 29;
	return (uint32_t)x;
}

/* ".hcsc-<pid>-<hex>.<base>" in path's folder (malloc'd). */
static char *temp_name(const char *path, unsigned attempt)
{
	struct strbuf sb = STRBUF_INIT;
	size_t base = base_offset(path);

	strbuf_add(&sb, path, base);
	strbuf_addf(&sb, TEMP_PREFIX "%ld-%08lx.%.200s", self_pid(),
		    (unsigned long)name_bits(attempt), path + base);
	return strbuf_detach(&sb, NULL);
}

/* The pid in a temporary's name, or -1 when it is no hcsc temporary. */
static long temp_pid(const char *name)
{
	const char *p = name + strlen(TEMP_PREFIX);
	long pid = 0;
	int hex = 0;

	if (strncmp(name, TEMP_PREFIX, strlen(TEMP_PREFIX)) || *p < '0' ||
	    *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9' && pid < 100000000; p++)
		pid = pid * 10 + (*p - '0');
	if (*p++ != '-')
		return -1;
	for (; (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'); p++)
		hex++;
	return hex == 8 && *p == '.' ? pid : -1;
}

bool os_is_temp(const char *name)
{
	return temp_pid(name) >= 0;
}

/* ---- the OS halves ---- */

#ifdef _WIN32

static int win_errno(void)
{
	switch (GetLastError()) {
	case ERROR_FILE_EXISTS:
	case ERROR_ALREADY_EXISTS: return EEXIST;
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND: return ENOENT;
	case ERROR_ACCESS_DENIED: return EACCES;
	case ERROR_DISK_FULL: return ENOSPC;
	default: return EIO;
	}
}

static int create_excl(const char *tmp, const char *like, FILE **fp)
{
	HANDLE h = CreateFileA(tmp, GENERIC_WRITE, 0, NULL, CREATE_NEW,
			       FILE_ATTRIBUTE_NORMAL, NULL);
	int fd;

	(void)like; /* Windows keeps no POSIX permission bits to copy */
	if (h == INVALID_HANDLE_VALUE)
		return win_errno();
	fd = _open_osfhandle((intptr_t)h, _O_WRONLY | _O_BINARY);
	if (fd < 0) {
		CloseHandle(h);
		DeleteFileA(tmp);
		return EIO;
	}
	*fp = _fdopen(fd, "wb");
	if (!*fp) {
		_close(fd);
		DeleteFileA(tmp);
		return EIO;
	}
	return 0;
}

static int sync_file(FILE *fp)
{
	return _commit(_fileno(fp)) == 0 ? 0 : EIO;
}

static int move_over(const char *from, const char *to)
{
	return MoveFileExA(from, to,
			   MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)
		       ? 0
		       : win_errno();
}

/* Keep `path` under `backup` (no hard links here: it moves aside). */
static int keep_aside(const char *path, const char *backup)
{
	return MoveFileExA(path, backup, MOVEFILE_WRITE_THROUGH) ? 0
								 : win_errno();
}

static bool pid_gone(long pid)
{
	HANDLE h = OpenProcess(SYNCHRONIZE, FALSE, (DWORD)pid);
	bool gone;

	if (!h)
		return GetLastError() == ERROR_INVALID_PARAMETER;
	gone = WaitForSingleObject(h, 0) == WAIT_OBJECT_0;
	CloseHandle(h);
	return gone;
}

struct dir_lock {
	HANDLE mutex;
};

/* A named mutex per folder: Local\hcsc-<FNV-1a of the full path>. */
static int lock_dir(const char *dir, struct dir_lock *l)
{
	char full[MAX_PATH * 4], name[64];
	DWORD n = GetFullPathNameA(dir, sizeof(full), full, NULL);
	uint64_t h = 0xcbf29ce484222325ull;
	DWORD w;

	if (!n || n >= sizeof(full))
		return ENAMETOOLONG;
	for (DWORD i = 0; i < n; i++) {
		char c = full[i] >= 'A' && full[i] <= 'Z' ? full[i] + 32 : full[i];

		h = (h ^ (unsigned char)(c == '/' ? '\\' : c)) *
		    0x100000001b3ull;
	}
	snprintf(name, sizeof(name), "Local\\hcsc-%016llx",
		 (unsigned long long)h);
	l->mutex = CreateMutexA(NULL, FALSE, name);
	if (!l->mutex)
		return win_errno();
	w = WaitForSingleObject(l->mutex, LOCK_WAIT_MS);
	if (w == WAIT_OBJECT_0 || w == WAIT_ABANDONED)
		return 0;
	CloseHandle(l->mutex);
	return EBUSY;
}

static void unlock_dir(struct dir_lock *l)
{
	ReleaseMutex(l->mutex);
	CloseHandle(l->mutex);
}

#else /* POSIX */

/* O_EXCL never opens an existing name, a link included. */
static int create_excl(const char *tmp, const char *like, FILE **fp)
{
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		      0666);
	struct stat st;
	int e;

	if (fd < 0)
		return errno;
	if (lstat(like, &st) == 0 && S_ISREG(st.st_mode) &&
	    fchmod(fd, st.st_mode & 07777) != 0)
		goto fail;
	*fp = fdopen(fd, "wb");
	if (*fp)
		return 0;
fail:
	e = errno ? errno : EIO;
	close(fd);
	unlink(tmp);
	return e;
}

static int sync_file(FILE *fp)
{
	return fsync(fileno(fp)) == 0 ? 0 : errno;
}

static int move_over(const char *from, const char *to)
{
	return rename(from, to) == 0 ? 0 : errno;
}

/*
 * Keep `path` under `backup`: a hard link, so that `path` never goes
 * missing; where the file system has none, a rename.
 */
static int keep_aside(const char *path, const char *backup)
{
	if (linkat(AT_FDCWD, path, AT_FDCWD, backup, 0) == 0)
		return 0;
	if (errno == EEXIST)
		return EEXIST;
	return rename(path, backup) == 0 ? 0 : errno;
}

static bool pid_gone(long pid)
{
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

struct dir_lock {
	int fd;
};

/* flock() on the folder itself: no lock file; released by a crash. */
static int lock_dir(const char *dir, struct dir_lock *l)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };

	l->fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (l->fd < 0)
		return errno;
	for (int waited = 0; flock(l->fd, LOCK_EX | LOCK_NB) != 0;
	     waited += 10) {
		int e = errno;

		if ((e != EWOULDBLOCK && e != EINTR) || waited >= LOCK_WAIT_MS) {
			close(l->fd);
			return e == EWOULDBLOCK ? EBUSY : e;
		}
		nanosleep(&pause, NULL);
	}
	return 0;
}

static void unlock_dir(struct dir_lock *l)
{
	fsync(l->fd); /* the renames, on disk */
	flock(l->fd, LOCK_UN);
	close(l->fd);
}

#endif

/* ---- temporaries ---- */

int os_temp_open(const char *path, char **tmp, FILE **fp)
{
	int err = EEXIST;

	for (unsigned i = 0; i < TEMP_TRIES && err == EEXIST; i++) {
		*tmp = temp_name(path, i);
		err = create_excl(*tmp, path, fp);
		if (err) {
			free(*tmp);
			*tmp = NULL;
		}
	}
	return err;
}

int os_sync(FILE *fp)
{
	errno = 0;
	if (fflush(fp) != 0 || ferror(fp))
		return errno ? errno : EIO;
	return sync_file(fp);
}

char *os_scratch_path(const char *base)
{
	struct strbuf sb = STRBUF_INIT;
#ifdef _WIN32
	char tmp[MAX_PATH + 1];
	DWORD k = GetTempPathA(sizeof(tmp), tmp);

	strbuf_addstr(&sb, k && k < sizeof(tmp) ? tmp : ".\\");
#else
	const char *tmp = getenv("TMPDIR");

	strbuf_addstr(&sb, tmp && *tmp ? tmp : "/tmp");
	strbuf_addch(&sb, '/');
#endif
	strbuf_addstr(&sb, base);
	return strbuf_detach(&sb, NULL);
}

static int stage(struct out_file *f)
{
	FILE *fp;
	int err = os_temp_open(f->path, &f->tmp, &fp);

	if (err)
		return err;
	errno = 0;
	if (fwrite(f->data, 1, f->len, fp) != f->len || fflush(fp) != 0)
		err = errno ? errno : EIO;
	if (!err)
		err = sync_file(fp);
	if (fclose(fp) != 0 && !err)
		err = errno ? errno : EIO;
	return err;
}

void os_remove_orphans(const char *dir)
{
	struct os_dir d;

	if (os_list(dir, &d) != 0)
		return;
	for (size_t i = 0; i < d.n; i++) {
		long pid = temp_pid(d.names[i]);
		struct strbuf p = STRBUF_INIT;

		if (pid < 0 || pid == self_pid() || !pid_gone(pid))
			continue;
		strbuf_addf(&p, "%s/%s", dir, d.names[i]);
		if (os_lkind(p.buf) != OS_DIR)
			remove(p.buf);
		strbuf_release(&p);
	}
	os_dir_release(&d);
}

/* ---- the set of renames ---- */

/* Keep the file at f->path (if any) under a fresh backup name. */
static int set_aside(struct out_file *f)
{
	int err = EEXIST;

	if (os_lkind(f->path) == OS_ABSENT)
		return 0;
	for (unsigned i = 0; i < TEMP_TRIES && err == EEXIST; i++) {
		f->backup = temp_name(f->path, i);
		err = keep_aside(f->path, f->backup);
		if (err) {
			free(f->backup);
			f->backup = NULL;
		}
	}
	return err;
}

/* Put back what files[0..n) replaced; remove what they created. */
static void roll_back(struct out_file *files, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		struct out_file *f = &files[i];

		if (f->backup) {
			/* Renaming a link over its own file is a no-op: the
			 * backup name is removed after the rename either way. */
			if (move_over(f->backup, f->path) == 0) {
				remove(f->backup);
				free(f->backup);
				f->backup = NULL;
			}
		} else if (!f->tmp) {
			remove(f->path); /* placed, and new */
		}
	}
}

static void clean_up(struct out_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (files[i].tmp)
			remove(files[i].tmp);
		if (files[i].backup)
			remove(files[i].backup);
		free(files[i].tmp);
		free(files[i].backup);
		files[i].tmp = files[i].backup = NULL;
	}
}

static int commit(struct out_file *files, size_t n, const char **failed)
{
	int err = 0;
	size_t i;

	for (i = 0; i < n && !err; i++) {
		err = set_aside(&files[i]);
		if (!err)
			err = move_over(files[i].tmp, files[i].path);
		if (err) {
			*failed = files[i].path;
			break;
		}
		free(files[i].tmp);
		files[i].tmp = NULL;
	}
	if (err)
		roll_back(files, i + 1);
	return err;
}

/* The folder of path (malloc'd): "." when it has none. */
static char *dir_of(const char *path)
{
	size_t base = base_offset(path);
	struct strbuf sb = STRBUF_INIT;

	if (!base)
		strbuf_addch(&sb, '.');
	else
		strbuf_add(&sb, path, base > 1 ? base - 1 : base);
	return strbuf_detach(&sb, NULL);
}

int os_write_files(struct out_file *files, size_t n,
			  const char **failed)
{
	struct dir_lock lock;
	char *dir;
	int err = 0;

	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		files[i].tmp = files[i].backup = NULL;
	for (size_t i = 0; i < n && !err; i++) {
		if (os_kind(files[i].path) == OS_DIR)
			err = EISDIR;
		else
			err = stage(&files[i]);
		if (err)
			*failed = files[i].path;
	}
	dir = dir_of(files[0].path);
	if (!err) {
		err = lock_dir(dir, &lock);
		if (err)
			*failed = files[0].path;
	}
	if (!err) {
		err = os_hold_signals();
		if (err) {
			*failed = files[0].path;
			unlock_dir(&lock);
		}
	}
	if (!err) {
		os_remove_orphans(dir);
		err = commit(files, n, failed);
		unlock_dir(&lock);
		clean_up(files, n);
		os_release_signals();
	}
	clean_up(files, n);
	free(dir);
	return err;
}

/* ---- replacing one file ---- */

int os_replace(const char *from, const char *to)
{
	return move_over(from, to);
}
