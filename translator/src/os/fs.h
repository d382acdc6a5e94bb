/*
 * os/fs.h: the file-system half of the operating-system layer, used by
 * `check`, the CLI's output files, the front ends and the JUnit report:
 * what a path is, directory listing, bounded reads of regular files, safe
 * writes (exclusive temporary files, then a locked, all-or-nothing set of
 * renames), removals, a monotonic clock and the terminal tests. Every
 * POSIX/Windows difference of these lives in fs.c (reading) and
 * fs_write.c (writing); the compile stages never call any of it (they
 * stay pure). Files are opened in binary mode (rule: hcsc.io.binary-mode).
 * Paths are narrow strings, as fopen() takes them.
 *
 * Memory: names and buffers returned here are heap memory (malloc), each
 * with its own release function, because results cross threads.
 */
#ifndef HCSC_OS_FS_H
#define HCSC_OS_FS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf;

enum os_kind {
	OS_ABSENT,
	OS_FILE,
	OS_DIR,
	OS_OTHER,
	OS_LINK   /* only from os_lkind() */
};

/* What `path` is (symbolic links followed). */
enum os_kind os_kind(const char *path);
/* What `path` itself is: a symbolic link (or reparse point) is a LINK. */
enum os_kind os_lkind(const char *path);

/*
 * The names in one directory, without "." and "..", sorted bytewise.
 * os_list() keeps them in one block (pool); os_dir_release() frees the
 * array and the block, not the names one by one.
 */
struct os_dir {
	const char **names;
	size_t n;
	char *pool;
};
/* Returns 0 or an errno value (ENOENT when the directory is absent). */
int os_list(const char *dir, struct os_dir *out);
void os_dir_release(struct os_dir *d);
/*
 * What entry i of a listing of `dir` is, as os_lkind() says, from
 * the listing itself where the system told it (no stat), else by an
 * lstat of dir/name (built in `scratch`).
 */
enum os_kind os_dir_lkind(const char *dir,
					const struct os_dir *d, size_t i,
					struct strbuf *scratch);

/*
 * Is `path` absolute on this system: `/...`; on Windows also `\...` and
 * a drive's `X:...`? (No file is looked at.)
 */
bool os_path_is_abs(const char *path);

/*
 * The absolute form of `path` with links resolved (malloc'd; NULL when
 * even its parent cannot be resolved); a path that does not exist yet is
 * resolved through its longest existing prefix. On Windows the full path,
 * lowercased, with `\` separators (names are case-insensitive there).
 */
char *os_real_path(const char *path);

/*
 * Is the regular file at `entry` (not a link: replacing a link leaves its
 * target alone) the file `file` names (links followed)? By name, through
 * os_real_path(): a hard link is another name, which a replacement of
 * `entry` leaves as it was.
 */
bool os_same_file(const char *entry, const char *file);

/* os_read(): not a regular file (a FIFO, device, folder, link). */
#define OS_NOT_REGULAR (-1)
#define OS_NOFOLLOW 1u /* a symbolic link at path is NOT_REGULAR */
#define OS_WHOLE 2u    /* larger than max: EFBIG, nothing kept */
/*
 * Read a regular file into `out` (appended): at most `max` bytes, or with
 * OS_WHOLE the whole file when it has at most `max`. Never blocks
 * on a FIFO (opened non-blocking, its type checked before any read).
 * Returns 0, OS_NOT_REGULAR, EFBIG or an errno value.
 */
int os_read(const char *path, size_t max, unsigned flags,
		   struct strbuf *out);

/* ---- writing (fs_write.c) ---- */

/* One file of a set written all or nothing (the CLI's -o, check --update). */
struct out_file {
	const char *path; /* final name */
	const char *data;
	size_t len;
	char *tmp;        /* set while staged */
	char *backup;     /* the replaced file, kept until the set is in */
};
/* Create DIR and its parents (links followed). 0 or an errno value. */
int os_mkdirs(const char *dir);
/*
 * Create ROOT/REL's missing folders below ROOT without following links:
 * a component that is a symbolic link gives ELOOP, a file ENOTDIR, and
 * *failed (malloc'd, or NULL) names it. ROOT itself must exist.
 */
int os_mkdirs_under(const char *root, const char *rel, char **failed);
/*
 * Write a set of files of ONE folder so that it changes all together or
 * not at all:
 *  1. each file goes to a new temporary in that folder, created
 *     exclusively (never through a link, never over an existing name:
 *     os_temp_open), with the permission bits of the file it
 *     replaces, and is flushed to disk;
 *  2. under a lock on the folder (concurrent hcsc writers take turns;
 *     the wait is bounded), hcsc's orphaned temporaries there are
 *     removed, each existing file is kept under a backup name (a hard
 *     link where the file system has them), and the temporaries are
 *     renamed over the final names;
 *  3. if a step fails, every file already replaced is restored from its
 *     backup and every new one removed, so no final file is created or
 *     changed (rule: hcsc.check.update-and-junit); on success the backups are removed.
 * A target that is a folder fails before anything changes. Returns 0, or
 * an errno value with *failed naming the file.
 */
int os_write_files(struct out_file *files, size_t n,
			  const char **failed);
/*
 * Create, exclusively, a new temporary file beside `path`:
 * `.hcsc-<pid>-<8 hex>.<base name of path>` in path's folder, with the
 * permission bits of the regular file at `path` if there is one (else a
 * new file's default). Returns 0 with *tmp (malloc'd) and *fp (open for
 * writing, binary), or an errno value.
 */
int os_temp_open(const char *path, char **tmp, FILE **fp);
/*
 * Flush `fp` and put its file on disk (fsync; _commit on Windows), as a
 * temporary must be before it is renamed over a file: else a crash can
 * leave an empty file where the old one was. 0 or an errno value.
 */
int os_sync(FILE *fp);
/* "<system temporary folder>/<base>" (malloc'd): TMPDIR or /tmp. */
char *os_scratch_path(const char *base);
/* Is `name` (a base name) a temporary file of hcsc? */
bool os_is_temp(const char *name);
/*
 * Remove the temporaries in `dir` whose hcsc process no longer runs (left
 * by a crash or a kill). Best effort: errors are ignored.
 */
void os_remove_orphans(const char *dir);
/* Rename `from` over `to` (links at `to` replaced, never followed). */
int os_replace(const char *from, const char *to);
/* Remove a file / an empty directory. 0 or errno. */
int os_remove(const char *path);
int os_rmdir(const char *path);

/* Seconds on a monotonic clock (only for progress and report times). */
double os_now(void);
/* Is standard error a terminal? */
bool os_stderr_is_tty(void);
/* Is standard output a terminal? */
bool os_stdout_is_tty(void);
/* The height of the terminal on standard output, in lines (24 unknown). */
unsigned os_term_rows(void);

#endif
