/*
 * check/sys.h: the operating-system layer of `hcsc check` and of the CLI's
 * output files: directory listing, file reads, atomic writes (temporary
 * file, then rename), removals, a monotonic clock and the terminal test.
 * Every POSIX/Windows difference of these lives in sys.c; the compile
 * stages never call any of it (they stay pure). Files are opened in binary
 * mode (rule: hcsc.io.binary-mode). Paths are narrow strings, as fopen() takes them.
 *
 * Memory: names and buffers returned here are heap memory (malloc), each
 * with its own release function, because results cross threads.
 */
#ifndef HCSC_CHECK_SYS_H
#define HCSC_CHECK_SYS_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

enum check_sys_kind {
	CHECK_SYS_ABSENT,
	CHECK_SYS_FILE,
	CHECK_SYS_DIR,
	CHECK_SYS_OTHER
};

/* What `path` is (symbolic links followed). */
enum check_sys_kind check_sys_kind(const char *path);

/* The names in one directory, without "." and "..", sorted bytewise. */
struct check_sys_dir {
	char **names;
	size_t n;
};
/* Returns 0 or an errno value (ENOENT when the directory is absent). */
int check_sys_list(const char *dir, struct check_sys_dir *out);
void check_sys_dir_release(struct check_sys_dir *d);

/* Read at most `max` bytes of a file into `out` (appended). 0 or errno. */
int check_sys_read(const char *path, size_t max, struct strbuf *out);

/* One file of an atomic write (the CLI's -o and check --update). */
struct out_file {
	const char *path; /* final name */
	const char *data;
	size_t len;
	char *tmp;        /* set while staged */
};
/* Create DIR and its parents. Returns 0 or an errno value. */
int check_sys_mkdirs(const char *dir);
/*
 * Write every file to a temporary sibling, then rename them all into
 * place. On any failure the temporaries are removed and no final file is
 * created or changed (rule: hcsc.cli.output). Returns 0, or an errno value with
 * *failed naming the file.
 */
int check_sys_write_files(struct out_file *files, size_t n,
			  const char **failed);
/* "<path>.<tag><pid>": a temporary sibling name (malloc'd). */
char *check_sys_temp_name(const char *path, const char *tag);
/* Rename `from` over `to`. 0 or errno. */
int check_sys_replace(const char *from, const char *to);
/* Remove a file / an empty directory. 0 or errno. */
int check_sys_remove(const char *path);
int check_sys_rmdir(const char *path);

/* Seconds on a monotonic clock (only for progress and report times). */
double check_sys_now(void);
/* Is standard error a terminal? */
bool check_sys_stderr_is_tty(void);

#endif
