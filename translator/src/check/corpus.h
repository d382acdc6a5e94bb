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
#include <stdint.h>

#include "hcsc.h"

struct arena;
struct strbuf;

/* Golden files seen in a case's folder by the scan (check_case.gold). */
enum {
	CHECK_GOLD_SEEN = 1u << 0,    /* GOLDEN/CASE is a real folder */
	CHECK_GOLD_OTHER = 1u << 1,   /* it holds an entry not listed below
				       * (an extra, a link, a FIFO...): the
				       * case lists the folder itself */
	CHECK_GOLD_TEMP = 1u << 2,    /* it holds hcsc temporaries */
	CHECK_GOLD_FILE0 = 1u << 3    /* + check_gold_index(): a regular file */
};
/* The index of a known golden file name (config.json ... exit-code), or -1. */
int check_gold_index(const char *name);
/* Known golden file names, by index. */
extern const char *const check_gold_names[];
#define CHECK_GOLD_NNAMES 7

/* One case, materialized from the compact scan (check_corpus_case). */
struct check_case {
	const char *name;    /* case path: relative, `/`, no extension */
	const char *file;    /* corpus-relative file name */
	const char *host;    /* corpus-relative sibling host file, or NULL */
	const char *host_data; /* its bytes, read once by the scan, or NULL */
	size_t host_len;
	const char *runtime; /* corpus-relative runtime sidecar, or NULL */
	bool oci;            /* *.oci.json */
	bool yaml;           /* *.yaml / *.yml: may have a comment block */
	unsigned gold;       /* CHECK_GOLD_* bits from the golden scan */
};

/*
 * The scan, kept compact so that memory stays small for large corpora
 * (about 30 bytes a case): folders once, each case as its file name in
 * its folder. Cases are in name order (bytes): each folder is listed once
 * and its entries are visited in the order of their case names (a folder
 * as NAME/, a case file as its name without extension), which is the
 * order of the full paths.
 */
struct check_corpus_folder {
	char *rel;           /* "" or "a/b/" */
	const char *host;    /* corpus-relative host file, or NULL */
	const char *host_data; /* its bytes (read once for all its cases), */
	size_t host_len;       /*   or NULL: the compile reads it */
};
struct check_corpus_entry {
	uint32_t name;       /* offset of the file's base name in the pool */
	uint32_t folder;
	uint8_t ext;         /* length of the case extension */
	uint8_t flags;       /* CORPUS_* in corpus.c */
	uint16_t gold;       /* CHECK_GOLD_* */
};

struct check_corpus {
	struct check_corpus_folder *folders;
	size_t nfolders;
	struct check_corpus_entry *cases; /* every case, sorted by name */
	size_t n, nselected;
	char *pool;                       /* base names, NUL-terminated */
	const char **stale;       /* stale golden folders matching the filter */
	size_t nstale;            /*   sorted, relative, `/` separators */
};

/*
 * Which cases run: those matching any of `filters` (all when there is
 * none) and none of `excludes` (globs, glob.h).
 */
struct check_select {
	const char *const *filters;
	size_t nfilters;
	const char *const *excludes;
	size_t nexcludes;
};
bool check_select_match(const struct check_select *sel, const char *name);

/* Is case i selected by --filter and --exclude? */
bool check_corpus_selected(const struct check_corpus *c, size_t i);
/* Case i's name (relative path without extension) into sb (replaced). */
void check_corpus_name(const struct check_corpus *c, size_t i,
		       struct strbuf *sb);
/*
 * Case i as a check_case whose strings live in one malloc'd block,
 * returned in *block (the caller frees it).
 */
void check_corpus_case(const struct check_corpus *c, size_t i,
		       struct check_case *out, char **block);
/* Free the heap parts of a scan (the arena holds the rest). */
void check_corpus_release(struct check_corpus *c);

/* Folder nesting limit (a symbolic-link loop ends here). */
#define CHECK_CORPUS_MAX_DEPTH 64

/*
 * Scan `corpus` and `golden` (absent: no golden files yet) into *out
 * (arena-owned, plus heap arrays: check_corpus_release). `sel` selects
 * cases and stale folders.
 * Returns HCSC_OK; HCSC_E_INPUT for two files of one case, two host files
 * in one folder or folders nested too deep; HCSC_E_IO when a folder cannot
 * be read. *err (arena text) says which.
 */
enum hcsc_rc check_corpus_scan(struct arena *a, const char *corpus,
			       const char *golden,
			       const struct check_select *sel,
			       struct check_corpus *out, const char **err);

/* `root/rel` (rel may be empty), in the arena. */
char *check_path_join(struct arena *a, const char *root, const char *rel);
/* A folder argument without trailing `/` or `\` (a lone "/" stays). */
char *check_path_strip(struct arena *a, const char *dir);

#endif
