/*
 * check/corpus.h: finding the cases of a corpus and the golden folders
 * that no case owns (rules: hcsc.check.cases, hcsc.check.update-and-junit).
 *
 * A case is a `*.yaml`, `*.yml` or `*.json` file under the corpus root,
 * except `host.*`, `*.runtime.yaml` sidecars and any file or folder whose
 * name starts with `_` or `.`. `*.oci.json` files are OCI-in cases
 * (compiled as `--from-oci`, with the sibling `<case>.runtime.yaml` as
 * `--runtime` when present). A case's name is its corpus-relative path
 * with `/` separators and without the extension (`.oci.json` counts as
 * one); two files with one name are an error. A folder's `host.yaml`,
 * `host.yml` or `host.json` (at most one) is the host of its cases.
 *
 * A stale golden folder is a folder under GOLDEN that directly holds a
 * file (names starting with `.` are ignored) and whose relative path is no
 * case's name.
 */
#ifndef HCSC_CHECK_CORPUS_H
#define HCSC_CHECK_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

struct arena;

struct check_case {
	const char *name;    /* case path: relative, `/`, no extension */
	const char *file;    /* corpus-relative file name */
	const char *host;    /* corpus-relative sibling host file, or NULL */
	const char *runtime; /* corpus-relative runtime sidecar, or NULL */
	bool oci;            /* *.oci.json */
	bool yaml;           /* *.yaml / *.yml: may have a comment block */
	bool selected;       /* matches --filter (or no filter) */
};

struct check_corpus {
	struct check_case *cases; /* every case, sorted by name (bytes) */
	size_t n, nselected;
	const char **stale;       /* stale golden folders matching the filter */
	size_t nstale;            /*   sorted, relative, `/` separators */
};

/* Folder nesting limit (a symbolic-link loop ends here). */
#define CHECK_CORPUS_MAX_DEPTH 64

/*
 * Scan `corpus` and `golden` (absent: no golden files yet) into *out
 * (arena-owned). `filter` (NULL: all) selects cases and stale folders.
 * Returns HCSC_OK; HCSC_E_INPUT for two files of one case, two host files
 * in one folder or folders nested too deep; HCSC_E_IO when a folder cannot
 * be read. *err (arena text) says which.
 */
enum hcsc_rc check_corpus_scan(struct arena *a, const char *corpus,
			       const char *golden, const char *filter,
			       struct check_corpus *out, const char **err);

/* `root/rel` (rel may be empty), in the arena. */
char *check_path_join(struct arena *a, const char *root, const char *rel);
/* A folder argument without trailing `/` or `\` (a lone "/" stays). */
char *check_path_strip(struct arena *a, const char *dir);

#endif
