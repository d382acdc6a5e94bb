/*
 * apply/apply_win.h: what the Windows back end's files share (only
 * compiled on Windows): DLL loading, wide strings, result documents, the
 * Ctrl-C event, the init process's stdio relay, and the two submission
 * paths (apply_win_v2.c: computecore.dll; apply_win_v1.c: vmcompute.dll).
 */
#ifndef HCSC_APPLY_WIN_H
#define HCSC_APPLY_WIN_H

#include "apply/apply_int.h"

#ifdef _WIN32

#include <windows.h>

#include <computecore.h>

/* ERROR_VMCOMPUTE_OPERATION_PENDING: vmcompute's "completes later". */
#define APPLY_VMCOMPUTE_PENDING ((HRESULT)0xC0370103L)

/* A DLL export as a generic function pointer, or NULL. */
typedef void (*apply_win_fn)(void);
apply_win_fn apply_win_proc(HMODULE m, const char *name);
/* Load every export in names[] into fns[]; false (reported) if one lacks. */
bool apply_win_bind(const struct apply_job *j, HMODULE m, const char *dll,
		    const char *const *names, apply_win_fn *fns, size_t n);
#define APPLY_WIN_FN(fn, type) ((type)(fn))

/*
 * LoadLibraryW(dll); NULL after reporting `HCS is not available on this
 * host (DLL: error N)`.
 */
HMODULE apply_win_load(const struct apply_job *j, const wchar_t *dll,
		       const char *name);

/* UTF-8 to a wide C string; NULL after reporting (invalid UTF-8, NUL). */
const wchar_t *apply_win_wide(const struct apply_job *j, const char *s,
			      size_t n, const char *what);
/* The job's id, document (named doc_name) and process.json as UTF-16. */
bool apply_win_wide_job(const struct apply_job *j, const char *doc_name,
			const wchar_t **id, const wchar_t **doc,
			const wchar_t **process);
/* A wide string from HCS (may be NULL) as UTF-8 into `out` (reset). */
void apply_win_utf8(const wchar_t *w, struct strbuf *out);
/* Print a result document HCS returned (NULL or empty: nothing). */
void apply_win_result(const struct apply_job *j, const wchar_t *doc,
		      struct strbuf *utf8);

/* The event a console Ctrl-C / Ctrl-Break / close sets (installed once). */
HANDLE apply_win_interrupt(void);

/* The init process's stdio, pumped to and from our standard handles. */
struct apply_win_relay {
	HANDLE out[2]; /* stdout and stderr pumps, joined at the end */
	size_t nout;
};
void apply_win_relay_start(struct apply_win_relay *r,
			   const HCS_PROCESS_INFORMATION *pi);
/* Wait (at most ms) for the output pumps to drain. */
void apply_win_relay_finish(struct apply_win_relay *r, DWORD ms);

int apply_win_v2(const struct apply_job *j, HMODULE dll);
int apply_win_v1(const struct apply_job *j, HMODULE dll);

#endif
#endif
