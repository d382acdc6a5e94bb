/*
 * report/junit.h: the JUnit XML report of `hcsc check --report FILE`,
 * written with libxml2's xmlTextWriter (rule: hcsc.check.update-and-junit):
 *
 *   <testsuites name tests failures errors skipped time>
 *     <testsuite  name tests failures errors skipped time>
 *       <testcase name classname time>
 *         <failure message type="mismatch" [file]>diff</failure>   a mismatch
 *         <error message type="error">details</error>        could not run
 *
 * No `skipped` elements, no `timestamp` or `hostname` attributes, times in
 * seconds with three decimals. All text is sanitized (junit_sanitize) so
 * the file is well-formed XML 1.0 whatever bytes the outputs hold.
 * Streaming: test cases go to a temporary body file as they come (beside
 * FILE, or in the system's temporary folder for `-`); the report is
 * assembled when the totals are known, in a new temporary file (created
 * exclusively, with FILE's permission bits, flushed to disk) renamed over
 * FILE, so memory stays flat and FILE is never half-written, even after a
 * crash. FILE `-` is standard output.
 * FILE must be absent or a regular file: a symbolic link, a device, a
 * FIFO or a folder is refused (HCSC_E_USAGE), never replaced. Messages
 * name FILE, never the temporaries.
 *
 * libxml2 is optional at build time (HCSC_HAVE_LIBXML2); without it
 * junit_open() refuses with HCSC_E_USAGE and a message (hcsc's own message style), and
 * callers need no #ifdef. In a dynamic build the writer lives in the
 * report module, loaded by junit_open() (module.h); when the module is
 * missing junit_open() refuses the same way.
 */
#ifndef HCSC_REPORT_JUNIT_H
#define HCSC_REPORT_JUNIT_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"
#include "strbuf.h"

enum junit_outcome {
	JUNIT_PASS,
	JUNIT_FAILURE,
	JUNIT_ERROR
};

struct junit_case {
	const char *name;
	const char *classname;
	double seconds;
	enum junit_outcome outcome;
	const char *message;   /* failure/error message attribute */
	const char *text;      /* failure/error element text */
	size_t text_len;
	const char *file;      /* the case file, as a `file` attribute of
				  <failure>, or NULL */
};

/*
 * Append s[0..n) to out as valid UTF-8 made only of XML 1.0 characters:
 * each byte of an invalid UTF-8 sequence (overlong forms and surrogates
 * included) and U+FFFE/U+FFFF become U+FFFD; C0 controls other than tab,
 * newline and carriage return become their Control Pictures (U+2400 +
 * code, so NUL is U+2400 and ESC U+241B).
 */
void junit_sanitize(struct strbuf *out, const char *s, size_t n);

struct junit;

#ifdef HCSC_HAVE_LIBXML2
/*
 * Start a report to `path` ("-": standard output). HCSC_E_USAGE when path
 * is no regular file, HCSC_E_IO when it cannot be written; err says why.
 */
enum hcsc_rc junit_open(const char *path, const char *suite,
			struct junit **out, struct strbuf *err);
/* Add one test case (errors are kept until junit_finish). */
void junit_add(struct junit *j, const struct junit_case *c);
/* Write the report into place and free j. HCSC_OK or HCSC_E_IO. */
enum hcsc_rc junit_finish(struct junit *j, struct strbuf *err);
/* Drop an unfinished report (temporary files removed). NULL is fine. */
void junit_free(struct junit *j);
#else
static inline enum hcsc_rc junit_open(const char *path, const char *suite,
				      struct junit **out, struct strbuf *err)
{
	(void)path;
	(void)suite;
	*out = NULL;
	strbuf_addstr(err, "--report needs libxml2, and this hcsc was built "
			   "without it (configure with HCSC_WITH_LIBXML2=ON)");
	return HCSC_E_USAGE;
}

static inline void junit_add(struct junit *j, const struct junit_case *c)
{
	(void)j;
	(void)c;
}

static inline enum hcsc_rc junit_finish(struct junit *j, struct strbuf *err)
{
	(void)j;
	(void)err;
	return HCSC_E_USAGE;
}

static inline void junit_free(struct junit *j)
{
	(void)j;
}
#endif

#endif
