/*
 * check/scan_int.h: what the two halves of `hcsc check`'s scan share: the
 * scan's state and its small helpers (corpus.c, which finds the cases),
 * and the walk of the golden tree (golden_scan.c, which marks each case's
 * golden files and finds stale golden folders).
 */
#ifndef HCSC_CHECK_SCAN_INT_H
#define HCSC_CHECK_SCAN_INT_H

#include <stddef.h>

#include "check/corpus.h"
#include "grow.h"
#include "hcsc.h"
#include "os/fs.h"
#include "strbuf.h"

struct arena;

/* One scan of a corpus folder and its golden folder. */
struct scan {
	struct arena *a;
	const char *root;
	struct check_corpus *c;
	size_t alloc, folder_alloc, pool_len, pool_alloc;
	const char **stale;
	size_t nstale, stale_alloc;
	struct strbuf path, rel, tmp; /* reused path buffers */
	const char *err, *dup_err;    /* dup_err: the first two-file case */
};

/* Record msg as the scan's error; returns rc. */
enum hcsc_rc scan_fail(struct scan *s, enum hcsc_rc rc, const char *msg);

/* Cut sb to n bytes (kept NUL-terminated). */
void scan_setlen(struct strbuf *sb, size_t n);

/* os_list, its error as the scan's ("cannot read folder ..."). */
enum hcsc_rc scan_list_dir(struct scan *s, const char *path,
			   struct os_dir *dir);
/*
 * As scan_list_dir, for a folder seen in its parent's listing: one gone
 * since (another `check --update` removed it) sets *gone, no error, and
 * lists nothing.
 */
enum hcsc_rc scan_list_subdir(struct scan *s, const char *path,
			      struct os_dir *dir, bool *gone);

/* Case i's file name (with its extension) in the corpus's name pool. */
const char *check_corpus_base(const struct check_corpus *c, size_t i);

/*
 * golden_scan.c: walk GOLDEN (absent is fine): each case's golden files
 * into its `gold` bits, golden folders with files and no case (those
 * `sel` selects) into s->stale, sorted.
 */
enum hcsc_rc check_scan_golden(struct scan *s, const char *golden,
			       const struct check_select *sel);

#endif
