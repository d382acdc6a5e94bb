/*
 * check/run.h: `hcsc check`, the golden-corpus runner, as a library call.
 *
 * It finds the cases (corpus.h), compiles each one as `hcsc compile`
 * would (pretty documents; the `# host:` / `# hcsc:` header, the folder's
 * host file or the default; `--from-oci` for `*.oci.json`), turns the
 * result into its golden files (rule: hcsc.check.golden-files):
 *   compiles: config.json hcs-v1.json hcs-v2.json process.json, plus
 *             warnings.txt when its stderr is not empty (an OCI-in case
 *             has no config.json: that is its input, rule: hcsc.from-oci.decode);
 *   fails (exit 1): diagnostics.txt (its exact stderr) and exit-code ("1\n");
 * with file names in diagnostics relative to the corpus root (`/`), and
 * compares them with GOLDEN/<case>/ (golden.h). Stale golden folders come
 * after the cases. Results are handed to `on_result` on the calling
 * thread, one by one, in case order, whatever `jobs` is: workers run
 * ahead by at most a bounded window, so memory does not grow with the
 * corpus. The library never prints: the caller renders results.
 */
#ifndef HCSC_CHECK_RUN_H
#define HCSC_CHECK_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"
#include "strbuf.h"

struct diag_list;

/* Results held at once per worker thread (the bounded window). */
#define CHECK_WINDOW_PER_JOB 4

enum check_status {
	CHECK_PASS,
	CHECK_FAIL,  /* outputs differ from the golden files (a mismatch) */
	CHECK_ERROR  /* the case could not run */
};

struct check_result {
	const char *name;       /* case name, or a stale golden folder */
	size_t index, total;    /* position in the report, number of results */
	enum check_status status;
	bool stale;             /* a golden folder without a case */
	bool io_error;          /* an I/O or internal error (exit 5) */
	bool updated;           /* --update rewrote or removed its files */
	bool broken;            /* its header is broken: a corpus error
				 * (exit 1), never compared nor recorded */
	double seconds;         /* time taken (0 without a clock) */
	struct strbuf message;  /* one line, no newline; empty when passed */
	struct strbuf detail;   /* diffs, missing/extra lines, diagnostics */
	/*
	 * Set when the case's outcome changed (it compiled and now fails, or
	 * the reverse): the case file, relative to the corpus. `detail` then
	 * starts with the case's actual diagnostics (CHECK_WHY_LINES lines).
	 */
	const char *outcome_file;
	char *owned;            /* the runner's: name and case strings */
};

/* Lines of actual diagnostics shown when a case's outcome changed. */
#define CHECK_WHY_LINES 20

struct check_opts {
	const char *corpus;     /* CORPUS */
	const char *golden;     /* GOLDEN (also the diff label) */
	const char *const *filters;  /* --filter GLOB (any), none: all */
	size_t nfilters;
	const char *const *excludes; /* --exclude GLOB */
	size_t nexcludes;
	bool fail_fast;         /* stop after the first unresolved result */
	bool list;              /* --list: each case's header, no compile;
				 * message = "HOST\tTARGET\tFLAGS" */
	unsigned shard, nshards; /* --shard K/N (check/shard.h); 0/0: all */
	unsigned jobs;          /* >= 1 */
	bool update;
	/* Renders diagnostics exactly as `hcsc compile` prints them. */
	void (*render_diags)(struct strbuf *out, const struct diag_list *d);
	/* A monotonic clock in seconds, or NULL (times are then 0). */
	double (*now)(void);
	void (*on_result)(void *user, const struct check_result *r);
	void *user;
	size_t not_run;         /* out: cases left out by fail_fast */
};

/*
 * Run the check. Returns HCSC_OK when every case was run (whatever the
 * results); HCSC_E_INPUT (a corpus layout error), HCSC_E_USAGE (the
 * filters match nothing (with a hint for a `*` that needed `**`), or
 * CORPUS and GOLDEN overlap: the same folder
 * or one inside the other, by real path) or HCSC_E_IO (a folder cannot
 * be read) with `err` set, before any result.
 */
enum hcsc_rc check_run(struct check_opts *o, struct strbuf *err);

/*
 * `--report FILE` must lie outside CORPUS and GOLDEN (by real path): it
 * would replace a case, a host profile or a golden file, and --update
 * would take it for an extra file or its folder for a foreign one (rule:
 * hcsc.check.update-and-junit). HCSC_OK (FILE `-` too), or HCSC_E_USAGE
 * with `err` set.
 */
enum hcsc_rc check_report_outside(const char *corpus, const char *golden,
				  const char *report, struct strbuf *err);

#endif
