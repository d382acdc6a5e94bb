/*
 * check/corpus.c: case discovery and stale golden folders (corpus.h).
 * hcsc's own layout (rules: hcsc.check.cases, hcsc.check.update-and-junit); no upstream.
 */
#include "corpus.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "check/glob.h"
#include "check/sys.h"

struct scan {
	struct arena *a;
	const char *root;
	struct check_case *cases;
	size_t n, alloc;
	const char **stale;
	size_t nstale, stale_alloc;
	const char *err;
};

static const char *const host_files[] = { "host.yaml", "host.yml",
					  "host.json" };

char *check_path_join(struct arena *a, const char *root, const char *rel)
{
	const char *parts[] = { root, rel };

	if (!*rel)
		return arena_strdup(a, root);
	return arena_join(a, parts, 2, "/");
}

static enum hcsc_rc fail(struct scan *s, enum hcsc_rc rc, const char *msg)
{
	s->err = msg;
	return rc;
}

static enum hcsc_rc list_dir(struct scan *s, const char *path,
			     struct check_sys_dir *dir)
{
	int e = check_sys_list(path, dir);

	if (e)
		return fail(s, HCSC_E_IO,
			    arena_printf(s->a, "cannot read folder '%s': %s",
					 path, strerror(e)));
	return HCSC_OK;
}

/* ---- cases ---- */

static bool has_file(const struct check_sys_dir *dir, const char *name)
{
	for (size_t i = 0; i < dir->n; i++)
		if (!strcmp(dir->names[i], name))
			return true;
	return false;
}

/* The folder's host file (relative), NULL, or an error for two. */
static enum hcsc_rc find_host(struct scan *s, const char *rel,
			      const struct check_sys_dir *dir, const char *path,
			      const char **host)
{
	*host = NULL;
	for (size_t i = 0; i < sizeof(host_files) / sizeof(host_files[0]); i++) {
		const char *f = host_files[i];

		if (!has_file(dir, f) ||
		    check_sys_kind(check_path_join(s->a, path, f)) !=
			    CHECK_SYS_FILE)
			continue;
		if (*host)
			return fail(s, HCSC_E_INPUT,
				    arena_printf(s->a,
						 "two host files in one folder: "
						 "'%s' and '%s%s'",
						 *host, rel, f));
		*host = arena_printf(s->a, "%s%s", rel, f);
	}
	return HCSC_OK;
}

/* Length of the case extension of `name`, or 0 when it is no case. */
static size_t case_ext(const char *name, bool *oci, bool *yaml)
{
	*oci = *yaml = false;
	if (str_prefix(name, "host.") || str_suffix(name, ".runtime.yaml"))
		return 0;
	if (str_suffix(name, ".oci.json")) {
		*oci = true;
		return 9;
	}
	if (str_suffix(name, ".json"))
		return 5;
	*yaml = true;
	if (str_suffix(name, ".yaml"))
		return 5;
	if (str_suffix(name, ".yml"))
		return 4;
	return 0;
}

static void add_case(struct scan *s, const char *rel, const char *name,
		     size_t ext, const struct check_sys_dir *dir,
		     const char *host, bool oci, bool yaml)
{
	struct check_case *c;
	size_t stem = strlen(name) - ext;
	char *sidecar;

	if (s->n == s->alloc) {
		size_t grow = s->alloc ? s->alloc * 2 : 64;

		s->cases = arena_grow(s->a, s->cases, s->alloc, grow,
				      sizeof(*s->cases));
		s->alloc = grow;
	}
	c = &s->cases[s->n++];
	c->name = arena_printf(s->a, "%s%.*s", rel, (int)stem, name);
	c->file = arena_printf(s->a, "%s%s", rel, name);
	c->host = host;
	c->oci = oci;
	c->yaml = yaml;
	if (oci) {
		sidecar = arena_printf(s->a, "%.*s.runtime.yaml", (int)stem,
				       name);
		if (has_file(dir, sidecar))
			c->runtime = arena_printf(s->a, "%s%s", rel, sidecar);
	}
}

static enum hcsc_rc walk_cases(struct scan *s, const char *rel, int depth);

static enum hcsc_rc visit(struct scan *s, const char *rel,
			  const struct check_sys_dir *dir, const char *path,
			  const char *host, int depth)
{
	enum hcsc_rc rc = HCSC_OK;

	for (size_t i = 0; i < dir->n && rc == HCSC_OK; i++) {
		const char *name = dir->names[i];
		char *full;
		bool oci, yaml;
		size_t ext;

		if (name[0] == '_' || name[0] == '.')
			continue;
		full = check_path_join(s->a, path, name);
		switch (check_sys_kind(full)) {
		case CHECK_SYS_DIR:
			rc = walk_cases(s, arena_printf(s->a, "%s%s/", rel, name),
					depth + 1);
			break;
		case CHECK_SYS_FILE:
			ext = case_ext(name, &oci, &yaml);
			if (ext && strlen(name) > ext)
				add_case(s, rel, name, ext, dir, host, oci, yaml);
			break;
		default:
			break;
		}
	}
	return rc;
}

/* One folder: rel is "" or ends in '/'. */
static enum hcsc_rc walk_cases(struct scan *s, const char *rel, int depth)
{
	char *path = check_path_join(s->a, s->root, rel);
	struct check_sys_dir dir;
	const char *host;
	enum hcsc_rc rc;

	if (depth > CHECK_CORPUS_MAX_DEPTH)
		return fail(s, HCSC_E_INPUT,
			    arena_printf(s->a, "folders nested deeper than %d "
					       "at '%s'",
					 CHECK_CORPUS_MAX_DEPTH, path));
	rc = list_dir(s, path, &dir);
	if (rc != HCSC_OK)
		return rc;
	rc = find_host(s, rel, &dir, path, &host);
	if (rc == HCSC_OK)
		rc = visit(s, rel, &dir, path, host, depth);
	check_sys_dir_release(&dir);
	return rc;
}

/* By name, then file (so the error for two files is stable). */
static int case_cmp(const void *x, const void *y)
{
	const struct check_case *a = x, *b = y;
	int c = strcmp(a->name, b->name);

	return c ? c : strcmp(a->file, b->file);
}

static enum hcsc_rc sort_cases(struct scan *s)
{
	if (s->n > 1)
		qsort(s->cases, s->n, sizeof(*s->cases), case_cmp);
	for (size_t i = 1; i < s->n; i++)
		if (!strcmp(s->cases[i - 1].name, s->cases[i].name))
			return fail(s, HCSC_E_INPUT,
				    arena_printf(s->a,
						 "two files for case '%s': '%s' "
						 "and '%s'",
						 s->cases[i].name,
						 s->cases[i - 1].file,
						 s->cases[i].file));
	return HCSC_OK;
}

/* ---- stale golden folders ---- */

static bool is_case(const struct scan *s, const char *name)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->cases[mid].name, name);

		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static void add_stale(struct scan *s, const char *rel)
{
	if (s->nstale == s->stale_alloc) {
		size_t grow = s->stale_alloc ? s->stale_alloc * 2 : 16;

		s->stale = arena_grow(s->a, s->stale, s->stale_alloc, grow,
				      sizeof(*s->stale));
		s->stale_alloc = grow;
	}
	s->stale[s->nstale++] = rel;
}

/* One golden folder: rel is "" or "x/y" (no trailing '/'). */
static enum hcsc_rc walk_golden(struct scan *s, const char *rel,
				const char *filter, int depth)
{
	char *path = check_path_join(s->a, s->root, rel);
	struct check_sys_dir dir;
	bool has_files = false;
	enum hcsc_rc rc;

	if (depth > CHECK_CORPUS_MAX_DEPTH)
		return fail(s, HCSC_E_INPUT,
			    arena_printf(s->a, "folders nested deeper than %d "
					       "at '%s'",
					 CHECK_CORPUS_MAX_DEPTH, path));
	rc = list_dir(s, path, &dir);
	for (size_t i = 0; i < dir.n && rc == HCSC_OK; i++) {
		const char *name = dir.names[i];
		char *sub;

		if (name[0] == '.')
			continue;
		sub = *rel ? arena_printf(s->a, "%s/%s", rel, name)
			   : arena_strdup(s->a, name);
		/* A link is neither followed nor taken for a golden file. */
		switch (check_sys_lkind(check_path_join(s->a, s->root, sub))) {
		case CHECK_SYS_DIR:
			rc = walk_golden(s, sub, filter, depth + 1);
			break;
		case CHECK_SYS_ABSENT:
		case CHECK_SYS_LINK:
			break;
		default:
			has_files = true;
			break;
		}
	}
	if (rc == HCSC_OK && has_files && *rel && !is_case(s, rel) &&
	    (!filter || check_glob_match(filter, rel)))
		add_stale(s, rel);
	check_sys_dir_release(&dir);
	return rc;
}

static int str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

char *check_path_strip(struct arena *a, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && (root[n - 1] == '/' || root[n - 1] == '\\'))
		n--;
	return arena_strndup(a, root, n);
}

static enum hcsc_rc scan_golden(struct scan *s, const char *golden,
				const char *filter)
{
	enum hcsc_rc rc;

	s->root = check_path_strip(s->a, golden);
	switch (check_sys_kind(s->root)) {
	case CHECK_SYS_ABSENT:
		return HCSC_OK;
	case CHECK_SYS_DIR:
		break;
	default:
		return fail(s, HCSC_E_IO,
			    arena_printf(s->a, "golden folder '%s' is not a "
					       "folder",
					 s->root));
	}
	rc = walk_golden(s, "", filter, 0);
	if (rc == HCSC_OK && s->nstale > 1)
		qsort(s->stale, s->nstale, sizeof(*s->stale), str_cmp);
	return rc;
}

enum hcsc_rc check_corpus_scan(struct arena *a, const char *corpus,
			       const char *golden, const char *filter,
			       struct check_corpus *out, const char **err)
{
	struct scan s;
	enum hcsc_rc rc;

	memset(&s, 0, sizeof(s));
	memset(out, 0, sizeof(*out));
	s.a = a;
	s.root = check_path_strip(a, corpus);
	if (check_sys_kind(s.root) != CHECK_SYS_DIR) {
		*err = arena_printf(a, "cannot read corpus folder '%s': %s",
				    s.root,
				    check_sys_kind(s.root) == CHECK_SYS_ABSENT
					    ? strerror(ENOENT)
					    : "not a folder");
		return HCSC_E_IO;
	}
	rc = walk_cases(&s, "", 0);
	if (rc == HCSC_OK)
		rc = sort_cases(&s);
	if (rc == HCSC_OK)
		rc = scan_golden(&s, golden, filter);
	*err = s.err;
	if (rc != HCSC_OK)
		return rc;
	out->cases = s.cases;
	out->n = s.n;
	for (size_t i = 0; i < s.n; i++) {
		s.cases[i].selected =
			!filter || check_glob_match(filter, s.cases[i].name);
		out->nselected += s.cases[i].selected;
	}
	out->stale = s.stale;
	out->nstale = s.nstale;
	return HCSC_OK;
}
