/*
 * check/golden.h: comparing one case's actual files with its golden
 * folder, and rewriting that folder with --update (rules: hcsc.check.golden-files, hcsc.check.diff-format, hcsc.check.update-and-junit).
 *
 * The expected set is exactly the actual files given; a golden file of
 * the case's folder that is not among them is extra (names starting with
 * `.` and subfolders, which belong to other cases, are ignored). Each
 * differing file is reported as a unified diff labelled
 * `--- LABEL/CASE/FILE` / `+++ actual/CASE/FILE`, a missing or extra file
 * on a line of its own. --update writes the differing and missing files
 * of the case as one set (os_write_files: all or nothing), removes
 * the extra ones, hcsc's orphaned temporaries and nothing else, and
 * leaves identical files untouched. A folder that holds a file hcsc never
 * writes (a name not among the golden file names, dot names aside) is
 * not hcsc's alone: --update writes and removes nothing there, and the
 * case stays failed.
 *
 * Safety: links below GOLDEN are never followed (a case folder, or a
 * folder on its way, that is a symbolic link is an error of the case; a
 * link among its files is a file like any other, removed as a link when
 * it is an extra golden file); a golden
 * file must be a regular file of at most 64 MiB (a FIFO, a device or a
 * larger file is an error of the case, not read).
 */
#ifndef HCSC_CHECK_GOLDEN_H
#define HCSC_CHECK_GOLDEN_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

struct arena;
struct strbuf;

/* One actual output file of a case. */
struct check_file {
	const char *name; /* config.json, ..., warnings.txt, exit-code */
	const char *data;
	size_t len;
};

struct check_golden {
	const char *root;  /* GOLDEN, as opened */
	const char *label; /* GOLDEN, as shown in diff headers */
	bool update;
};

struct check_compare {
	size_t ndiffer, nmissing, nextra;
	bool updated;      /* --update changed the folder */
};

/*
 * Compare case `name`'s files with ROOT/NAME/. `gold` is what the golden
 * scan saw there (CHECK_GOLD_* of corpus.h): when it saw the folder with
 * only known regular files, the folder is neither listed nor stat'ed
 * again; otherwise it is examined here. Appends the diffs and
 * missing/extra lines to `detail` and a one-line summary ("config.json
 * differs, exit-code missing") to `summary`. Returns HCSC_OK, or
 * HCSC_E_IO with *err (arena text) when a golden file cannot be read or
 * (with update) written or removed. Golden files are read into `buf`,
 * the caller's, reused from call to call (its bytes are no result).
 */
enum hcsc_rc check_golden_compare(struct arena *a, const struct check_golden *g,
				  const char *name, unsigned gold,
				  const struct check_file *files, size_t n,
				  struct check_compare *out, struct strbuf *buf,
				  struct strbuf *detail, struct strbuf *summary,
				  const char **err);

/*
 * --update for a stale golden folder: remove its files (names starting
 * with `.` excepted), then the folder and its parents up to ROOT while
 * they are empty; but when one of its files is not a golden file name,
 * remove nothing and set *foreign to that name (else NULL). Returns
 * HCSC_OK or HCSC_E_IO with *err.
 */
enum hcsc_rc check_golden_remove(struct arena *a, const struct check_golden *g,
				 const char *rel, const char **foreign,
				 const char **err);

/* What to do about a file hcsc does not write, in --update's messages. */
#define CHECK_FOREIGN_HINT "(move it out, or give it a name that starts with '.')"

#endif
