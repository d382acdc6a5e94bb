/*
 * check/sys.h: the operating-system layer of `hcsc check` and of the CLI's
 * output files: what a path is, directory listing, bounded reads of
 * regular files, safe writes (exclusive temporary files, then a locked,
 * all-or-nothing set of renames), removals, a monotonic clock and the
 * terminal test. Every POSIX/Windows difference of these lives in sys.c
 * (reading) and sys_write.c (writing); the compile stages never call any
 * of it (they stay pure). Files are opened in binary mode (rule: hcsc.io.binary-mode).
 * Paths are narrow strings, as fopen() takes them.
 *
 * Memory: names and buffers returned here are heap memory (malloc), each
 * with its own release function, because results cross threads.
 */
#ifndef HCSC_CHECK_SYS_H
#define HCSC_CHECK_SYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf;

enum check_sys_kind {
	CHECK_SYS_ABSENT,
	CHECK_SYS_FILE,
	CHECK_SYS_DIR,
	CHECK_SYS_OTHER,
	CHECK_SYS_LINK   /* only from check_sys_lkind() */
};

/* What `path` is (symbolic links followed). */
enum check_sys_kind check_sys_kind(const char *path);
/* What `path` itself is: a symbolic link (or reparse point) is a LINK. */
enum check_sys_kind check_sys_lkind(const char *path);

/* The names in one directory, without "." and "..", sorted bytewise. */
struct check_sys_dir {
	char **names;
	size_t n;
};
/* Returns 0 or an errno value (ENOENT when the directory is absent). */
int check_sys_list(const char *dir, struct check_sys_dir *out);
void check_sys_dir_release(struct check_sys_dir *d);
/*
 * What entry i of a listing of `dir` is, as check_sys_lkind() says, from
 * the listing itself where the system told it (no stat), else by an
 * lstat of dir/name (built in `scratch`).
 */
enum check_sys_kind check_sys_dir_lkind(const char *dir,
					const struct check_sys_dir *d, size_t i,
					struct strbuf *scratch);

/*
 * The absolute form of `path` with links resolved (malloc'd; NULL when
 * even its parent cannot be resolved); a path that does not exist yet is
 * resolved through its longest existing prefix. On Windows the full path,
 * lowercased, with `\` separators (names are case-insensitive there).
 */
char *check_sys_real_path(const char *path);

/* check_sys_read(): not a regular file (a FIFO, device, folder, link). */
#define CHECK_SYS_NOT_REGULAR (-1)
#define CHECK_SYS_NOFOLLOW 1u /* a symbolic link at path is NOT_REGULAR */
#define CHECK_SYS_WHOLE 2u    /* larger than max: EFBIG, nothing kept */
/*
 * Read a regular file into `out` (appended): at most `max` bytes, or with
 * CHECK_SYS_WHOLE the whole file when it has at most `max`. Never blocks
 * on a FIFO (opened non-blocking, its type checked before any read).
 * Returns 0, CHECK_SYS_NOT_REGULAR, EFBIG or an errno value.
 */
int check_sys_read(const char *path, size_t max, unsigned flags,
		   struct strbuf *out);

/* ---- writing (sys_write.c) ---- */

/* One file of a set written all or nothing (the CLI's -o, check --update). */
struct out_file {
	const char *path; /* final name */
	const char *data;
	size_t len;
	char *tmp;        /* set while staged */
	char *backup;     /* the replaced file, kept until the set is in */
};
/* Create DIR and its parents (links followed). 0 or an errno value. */
int check_sys_mkdirs(const char *dir);
/*
 * Create ROOT/REL's missing folders below ROOT without following links:
 * a component that is a symbolic link gives ELOOP, a file ENOTDIR, and
 * *failed (malloc'd, or NULL) names it. ROOT itself must exist.
 */
int check_sys_mkdirs_under(const char *root, const char *rel, char **failed);
/*
 * Write a set of files of ONE folder so that it changes all together or
 * not at all:
 *  1. each file goes to a new temporary in that folder, created
 *     exclusively (never through a link, never over an existing name:
 *     check_sys_temp_open), with the permission bits of the file it
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
int check_sys_write_files(struct out_file *files, size_t n,
			  const char **failed);
/*
 * Create, exclusively, a new temporary file beside `path`:
 * `.hcsc-<pid>-<8 hex>.<base name of path>` in path's folder, with the
 * permission bits of the regular file at `path` if there is one (else a
 * new file's default). Returns 0 with *tmp (malloc'd) and *fp (open for
 * writing, binary), or an errno value.
 */
int check_sys_temp_open(const char *path, char **tmp, FILE **fp);
/* "<system temporary folder>/<base>" (malloc'd): TMPDIR or /tmp. */
char *check_sys_scratch_path(const char *base);
/* Is `name` (a base name) a temporary file of hcsc? */
bool check_sys_is_temp(const char *name);
/*
 * Remove the temporaries in `dir` whose hcsc process no longer runs (left
 * by a crash or a kill). Best effort: errors are ignored.
 */
void check_sys_remove_orphans(const char *dir);
/* Rename `from` over `to` (links at `to` replaced, never followed). */
int check_sys_replace(const char *from, const char *to);
/* Remove a file / an empty directory. 0 or errno. */
int check_sys_remove(const char *path);
int check_sys_rmdir(const char *path);

/* Seconds on a monotonic clock (only for progress and report times). */
double check_sys_now(void);
/* Is standard error a terminal? */
bool check_sys_stderr_is_tty(void);
/* Is standard output a terminal? */
bool check_sys_stdout_is_tty(void);
/* The height of the terminal on standard output, in lines (24 unknown). */
unsigned check_sys_term_rows(void);

#endif
