/*
 * check/case.h: running one case of `hcsc check`: header, host, compile,
 * golden files, comparison (run.h explains the rules). Thread-safe: each
 * call has its own arena and touches only its case's golden folder.
 */
#ifndef HCSC_CHECK_CASE_H
#define HCSC_CHECK_CASE_H

#include "check/corpus.h"
#include "check/golden.h"
#include "check/hosts.h"
#include "check/run.h"
#include "pipeline/compile.h"
#include "strbuf.h"

struct check_env {
	const char *corpus;        /* CORPUS without trailing separators */
	struct check_golden golden;
	struct check_hosts *hosts; /* `# host: FILE` bytes, or NULL: unkept */
	void (*render_diags)(struct strbuf *out, const struct diag_list *d);
	double (*now)(void);
};

/*
 * A worker's memory, reused from case to case (one per thread, never
 * shared): the compile's arena (reset between cases), the description's
 * bytes, a golden file being compared, the diagnostics text and the
 * documents. Nothing of a case is left in it for the result.
 */
struct check_scratch {
	struct arena *a;
	struct strbuf desc, gold, stderr_text;
	struct compile_output out;
};

void check_scratch_init(struct check_scratch *s);
void check_scratch_release(struct check_scratch *s);

/* Fill r (message and detail already initialised) for case c. */
void check_case_run(const struct check_env *e, const struct check_case *c,
		    struct check_scratch *s, struct check_result *r);

/*
 * --list: r->message = "HOST\tTARGET\tFLAGS" from the case's header and
 * folder (nothing compiled); a broken header is a broken result.
 */
void check_case_list(const struct check_env *e, const struct check_case *c,
		     struct check_result *r);

/* The result for a stale golden folder (removed with --update). */
void check_case_stale(const struct check_env *e, const char *rel,
		      struct check_result *r);

/*
 * A `# host:` file value, relative to the case file's folder, as a
 * corpus-relative path with `/` separators and `.`/`..` resolved (leading
 * `..` kept when it leaves the corpus); an absolute value is kept as is.
 */
const char *check_case_host_path(struct arena *a, const char *case_file,
				 const char *value);

#endif
