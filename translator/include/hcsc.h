/*
 * hcsc.h: the public face of libhcsc, the offline compiler from a Windows
 * container description to the documents the Windows container stack builds
 * (OCI runtime spec, HCS schema v1 and v2.1 documents, init process).
 *
 * Ownership in one rule: a `const struct X *` parameter is borrowed; a
 * returned pointer belongs to the caller, who releases it with the matching
 * *_free(); anything allocated from a compile's arena lives until that
 * arena is freed and is never freed on its own.
 *
 * The library never prints and never reads the clock, the locale or the
 * environment. Diagnostics are data (struct hcsc_diag); only the CLI
 * renders them.
 */
#ifndef HCSC_H
#define HCSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HCSC_VERSION "0.1.0"

/*
 * These numbers are the process exit status (rule: hcsc.cli.exit-codes).
 * Never renumber or reuse one; new codes go at the end.
 */
enum hcsc_rc {
	HCSC_OK = 0,
	HCSC_E_INPUT = 1,      /* invalid input; diagnostics were emitted */
	HCSC_E_USAGE = 2,      /* bad command line, feature not built in */
	HCSC_E_CHECK_DIFF = 3, /* `check` found differences */
	HCSC_E_APPLY = 4,      /* HCS refused or is missing */
	HCSC_E_IO = 5          /* I/O or internal error */
};

const char *hcsc_rc_str(enum hcsc_rc rc);

/* A position in an input file: 1-based line and column (code points). */
struct hcsc_pos {
	const char *file; /* display name: a path, "<stdin>", "<builtin:NAME>" */
	unsigned line;
	unsigned col;
};

enum hcsc_severity {
	HCSC_SEV_ERROR,
	HCSC_SEV_WARNING,
	HCSC_SEV_NOTE /* verbose notes, printed only with -v */
};

struct hcsc_diag {
	enum hcsc_severity sev;
	struct hcsc_pos pos;
	const char *msg;
};

#endif
