/*
 * check/corpus.c: case discovery (corpus.h): one walk of the corpus
 * folder into a compact table of cases and their folders' host profiles;
 * the golden tree is walked by golden_scan.c (scan_int.h).
 * hcsc's own layout (rules: hcsc.check.cases, hcsc.check.update-and-junit); no upstream.
 */
#include "scan_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "check/glob.h"
#include "os/fs.h"
#include "load/load.h"
#include "strbuf.h"

enum {
	CORPUS_OCI = 1,
	CORPUS_YAML = 2,
	CORPUS_RUNTIME = 4,  /* the sibling <stem>.runtime.yaml exists */
	CORPUS_SELECTED = 8
};

const char *const check_gold_names[CHECK_GOLD_NNAMES] = {
	"config.json", "hcs-v1.json", "hcs-v2.json", "process.json",
	"warnings.txt", "diagnostics.txt", "exit-code"
};

int check_gold_index(const char *name)
{
	for (int i = 0; i < CHECK_GOLD_NNAMES; i++)
		if (!strcmp(name, check_gold_names[i]))
			return i;
	return -1;
}

static const char *const host_files[] = { "host.yaml", "host.yml",
					  "host.json" };

/* ROOT/REL (ROOT for an empty REL): arena_join()'s result, in one copy each. */
char *check_path_join(struct arena *a, const char *root, const char *rel)
{
	size_t nroot = strlen(root), nrel = strlen(rel);
	char *p;

	if (!nrel)
		return arena_strndup(a, root, nroot);
	p = arena_alloc(a, nroot + nrel + 2);
	memcpy(p, root, nroot);
	p[nroot] = '/';
	memcpy(p + nroot + 1, rel, nrel + 1);
	return p;
}

enum hcsc_rc scan_fail(struct scan *s, enum hcsc_rc rc, const char *msg)
{
	s->err = msg;
	return rc;
}

void scan_setlen(struct strbuf *sb, size_t n)
{
	sb->len = n;
	if (sb->alloc)
		sb->buf[n] = '\0';
}

static enum hcsc_rc list_fail(struct scan *s, const char *path, int e)
{
	return scan_fail(s, HCSC_E_IO,
			 arena_printf(s->a, "cannot read folder '%s': %s", path,
				      strerror(e)));
}

enum hcsc_rc scan_list_dir(struct scan *s, const char *path,
			     struct os_dir *dir)
{
	int e = os_list(path, dir);

	return e ? list_fail(s, path, e) : HCSC_OK;
}

enum hcsc_rc scan_list_subdir(struct scan *s, const char *path,
			      struct os_dir *dir, bool *gone)
{
	int e = os_list(path, dir);

	*gone = e == ENOENT || e == ENOTDIR;
	return e && !*gone ? list_fail(s, path, e) : HCSC_OK;
}

/* What entry i is, links followed (the corpus may use links). */
static enum os_kind entry_kind(struct scan *s, const char *path,
				      const struct os_dir *dir,
				      size_t i)
{
	enum os_kind k = os_dir_lkind(path, dir, i, &s->tmp);

	if (k != OS_LINK)
		return k;
	strbuf_reset(&s->tmp);
	strbuf_addstr(&s->tmp, path);
	strbuf_addch(&s->tmp, '/');
	strbuf_addstr(&s->tmp, dir->names[i]);
	return os_kind(s->tmp.buf);
}

/* ---- cases ---- */

static bool has_file(const struct os_dir *dir, const char *name)
{
	size_t lo = 0, hi = dir->n;

	while (lo < hi) { /* the listing is sorted */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(dir->names[mid], name);

		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static char *concat(struct arena *a, const char *x, const char *y)
{
	size_t nx = strlen(x), ny = strlen(y);
	char *p = arena_alloc(a, nx + ny + 1);

	memcpy(p, x, nx);
	memcpy(p + nx, y, ny + 1);
	return p;
}

/* The folder's host file (relative), NULL, or an error for two. */
static enum hcsc_rc find_host(struct scan *s, const char *rel,
			      const struct os_dir *dir, const char *path,
			      const char **host)
{
	*host = NULL;
	for (size_t i = 0; i < sizeof(host_files) / sizeof(host_files[0]); i++) {
		const char *f = host_files[i];

		if (!has_file(dir, f))
			continue;
		strbuf_reset(&s->tmp);
		strbuf_addstr(&s->tmp, path);
		strbuf_addch(&s->tmp, '/');
		strbuf_addstr(&s->tmp, f);
		if (os_kind(s->tmp.buf) != OS_FILE)
			continue;
		if (*host)
			return scan_fail(s, HCSC_E_INPUT,
				    arena_printf(s->a,
						 "two host files in one folder: "
						 "'%s' and '%s%s'",
						 *host, rel, f));
		*host = concat(s->a, rel, f);
	}
	return HCSC_OK;
}

/*
 * The folder's host file is read once here for all its cases (each case
 * would open it again); a file that cannot be read or is too large is
 * left to the compile, which reports it as `hcsc compile` does.
 */
static void read_host(struct scan *s, const char *path, const char *base,
		      struct check_corpus_folder *f)
{
	struct strbuf buf = STRBUF_INIT;

	strbuf_reset(&s->tmp);
	strbuf_addstr(&s->tmp, path);
	strbuf_addch(&s->tmp, '/');
	strbuf_addstr(&s->tmp, base);
	if (os_read(s->tmp.buf, LOAD_MAX_FILE, OS_WHOLE, &buf) ==
	    0) {
		f->host_data = arena_strndup(s->a, buf.buf, buf.len);
		f->host_len = buf.len;
	}
	strbuf_release(&buf);
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

static uint32_t pool_add(struct scan *s, const char *name)
{
	size_t n = strlen(name) + 1, at = s->pool_len;

	if (s->pool_len + n > UINT32_MAX)
		hcsc_oom();
	s->c->pool = hcsc_grow(s->c->pool, &s->pool_alloc, s->pool_len + n, 1);
	memcpy(s->c->pool + at, name, n);
	s->pool_len += n;
	return (uint32_t)at;
}

static void add_case(struct scan *s, uint32_t folder, const char *name,
		     size_t ext, const struct os_dir *dir, bool oci,
		     bool yaml)
{
	struct check_corpus_entry *e;
	size_t stem = strlen(name) - ext;

	s->c->cases = hcsc_grow(s->c->cases, &s->alloc, s->c->n + 1,
			   sizeof(*s->c->cases));
	e = &s->c->cases[s->c->n++];
	memset(e, 0, sizeof(*e));
	e->name = pool_add(s, name);
	e->folder = folder;
	e->ext = (uint8_t)ext;
	e->flags = (uint8_t)((oci ? CORPUS_OCI : 0) | (yaml ? CORPUS_YAML : 0));
	if (oci) {
		strbuf_reset(&s->tmp);
		strbuf_add(&s->tmp, name, stem);
		strbuf_addstr(&s->tmp, ".runtime.yaml");
		if (has_file(dir, s->tmp.buf))
			e->flags |= CORPUS_RUNTIME;
	}
}

/* A folder entry and the key it sorts by: a case by its stem, a folder as NAME/. */
struct item {
	const char *name;
	size_t keylen;  /* key: name[0..keylen) plus '/' for a folder */
	size_t ext;
	bool dir, oci, yaml;
};

static int key_at(const struct item *it, size_t j)
{
	return j < it->keylen ? (unsigned char)it->name[j] : '/';
}

/* By key (bytes), then by file name (two files of one case). */
static int item_cmp(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	size_t la = a->keylen + a->dir, lb = b->keylen + b->dir;
	size_t n = la < lb ? la : lb;

	for (size_t j = 0; j < n; j++) {
		int ca = key_at(a, j), cb = key_at(b, j);

		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a->name, b->name);
}

static enum hcsc_rc walk_cases(struct scan *s, size_t rel_len, int depth);

static enum hcsc_rc visit(struct scan *s, size_t rel_len,
			  const struct os_dir *dir, const char *path,
			  uint32_t folder, int depth)
{
	struct item *items = malloc((dir->n ? dir->n : 1) * sizeof(*items));
	size_t n = 0;
	enum hcsc_rc rc = HCSC_OK;

	if (!items)
		hcsc_oom();
	for (size_t i = 0; i < dir->n; i++) {
		const char *name = dir->names[i];
		struct item *it = &items[n];

		if (name[0] == '_' || name[0] == '.')
			continue;
		memset(it, 0, sizeof(*it));
		it->name = name;
		switch (entry_kind(s, path, dir, i)) {
		case OS_DIR:
			it->dir = true;
			it->keylen = strlen(name);
			n++;
			break;
		case OS_FILE:
			it->ext = case_ext(name, &it->oci, &it->yaml);
			it->keylen = strlen(name) - it->ext;
			if (it->ext && it->keylen)
				n++;
			break;
		default:
			break;
		}
	}
	if (n > 1)
		qsort(items, n, sizeof(*items), item_cmp);
	for (size_t i = 0; i < n && rc == HCSC_OK; i++) {
		const struct item *it = &items[i];

		if (!it->dir) {
			if (i && !items[i - 1].dir &&
			    items[i - 1].keylen == it->keylen &&
			    !memcmp(items[i - 1].name, it->name, it->keylen) &&
			    !s->dup_err)
				s->dup_err = arena_printf(
					s->a,
					"two files for case '%s%.*s': '%s%s' "
					"and '%s%s'",
					s->c->folders[folder].rel,
					(int)it->keylen, it->name,
					s->c->folders[folder].rel,
					items[i - 1].name,
					s->c->folders[folder].rel, it->name);
			add_case(s, folder, it->name, it->ext, dir, it->oci,
				 it->yaml);
			continue;
		}
		scan_setlen(&s->rel, rel_len);
		strbuf_addstr(&s->rel, it->name);
		strbuf_addch(&s->rel, '/');
		rc = walk_cases(s, s->rel.len, depth + 1);
	}
	free(items);
	return rc;
}

/* One folder: s->rel[0..rel_len) is "" or ends in '/'. */
static enum hcsc_rc walk_cases(struct scan *s, size_t rel_len, int depth)
{
	struct os_dir dir;
	const char *host;
	char *rel, *path;
	enum hcsc_rc rc;
	uint32_t folder;

	scan_setlen(&s->rel, rel_len);
	rel = arena_strndup(s->a, s->rel.buf, rel_len);
	path = check_path_join(s->a, s->root, rel);
	if (rel_len)
		path[strlen(path) - 1] = '\0'; /* no trailing '/' */
	if (depth > CHECK_CORPUS_MAX_DEPTH)
		return scan_fail(s, HCSC_E_INPUT,
			    arena_printf(s->a, "folders nested deeper than %d "
					       "at '%s'",
					 CHECK_CORPUS_MAX_DEPTH, path));
	rc = scan_list_dir(s, path, &dir);
	if (rc != HCSC_OK)
		return rc;
	rc = find_host(s, rel, &dir, path, &host);
	if (rc == HCSC_OK) {
		if (s->c->nfolders >= UINT32_MAX)
			hcsc_oom();
		s->c->folders = hcsc_grow(s->c->folders, &s->folder_alloc,
				     s->c->nfolders + 1,
				     sizeof(*s->c->folders));
		folder = (uint32_t)s->c->nfolders++;
		s->c->folders[folder].rel = rel;
		s->c->folders[folder].host = host;
		s->c->folders[folder].host_data = NULL;
		s->c->folders[folder].host_len = 0;
		if (host)
			read_host(s, path, host + rel_len,
				  &s->c->folders[folder]);
		rc = visit(s, rel_len, &dir, path, folder, depth);
	}
	os_dir_release(&dir);
	return rc;
}

/* ---- case names ---- */

const char *check_corpus_base(const struct check_corpus *c, size_t i)
{
	return c->pool + c->cases[i].name;
}

void check_corpus_name(const struct check_corpus *c, size_t i,
		       struct strbuf *sb)
{
	const char *base = check_corpus_base(c, i);

	strbuf_reset(sb);
	strbuf_addstr(sb, c->folders[c->cases[i].folder].rel);
	strbuf_add(sb, base, strlen(base) - c->cases[i].ext);
}

bool check_corpus_selected(const struct check_corpus *c, size_t i)
{
	return (c->cases[i].flags & CORPUS_SELECTED) != 0;
}

void check_corpus_case(const struct check_corpus *c, size_t i,
		       struct check_case *out, char **block)
{
	const struct check_corpus_entry *e = &c->cases[i];
	const char *rel = c->folders[e->folder].rel, *base = check_corpus_base(c, i);
	size_t nrel = strlen(rel), nbase = strlen(base), stem = nbase - e->ext;
	size_t total = (nrel + stem + 1) + (nrel + nbase + 1) +
		       ((e->flags & CORPUS_RUNTIME) ? nrel + stem + 14 : 0);
	char *p = malloc(total);

	if (!p)
		hcsc_oom();
	*block = p;
	memset(out, 0, sizeof(*out));
	out->name = p;
	memcpy(p, rel, nrel);
	memcpy(p + nrel, base, stem);
	p[nrel + stem] = '\0';
	p += nrel + stem + 1;
	out->file = p;
	memcpy(p, rel, nrel);
	memcpy(p + nrel, base, nbase + 1);
	p += nrel + nbase + 1;
	if (e->flags & CORPUS_RUNTIME) {
		out->runtime = p;
		memcpy(p, rel, nrel);
		memcpy(p + nrel, base, stem);
		memcpy(p + nrel + stem, ".runtime.yaml", 14);
	}
	out->host = c->folders[e->folder].host;
	out->host_data = c->folders[e->folder].host_data;
	out->host_len = c->folders[e->folder].host_len;
	out->oci = (e->flags & CORPUS_OCI) != 0;
	out->yaml = (e->flags & CORPUS_YAML) != 0;
	out->gold = e->gold;
}

void check_corpus_release(struct check_corpus *c)
{
	free(c->cases);
	free(c->folders);
	free(c->pool);
	free(c->stale);
	memset(c, 0, sizeof(*c));
}

bool check_select_match(const struct check_select *sel, const char *name)
{
	bool in = !sel->nfilters;

	for (size_t i = 0; i < sel->nfilters && !in; i++)
		in = check_glob_match(sel->filters[i], name);
	for (size_t i = 0; i < sel->nexcludes && in; i++)
		in = !check_glob_match(sel->excludes[i], name);
	return in;
}

char *check_path_strip(struct arena *a, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && (root[n - 1] == '/' || root[n - 1] == '\\'))
		n--;
	return arena_strndup(a, root, n);
}

enum hcsc_rc check_corpus_scan(struct arena *a, const char *corpus,
			       const char *golden, const struct check_select *sel,
			       struct check_corpus *out, const char **err)
{
	struct scan s;
	struct strbuf name = STRBUF_INIT;
	enum hcsc_rc rc;

	memset(&s, 0, sizeof(s));
	memset(out, 0, sizeof(*out));
	s.a = a;
	s.c = out;
	strbuf_init(&s.path);
	strbuf_init(&s.rel);
	strbuf_init(&s.tmp);
	s.root = check_path_strip(a, corpus);
	if (os_kind(s.root) != OS_DIR) {
		*err = arena_printf(a, "cannot read corpus folder '%s': %s",
				    s.root,
				    os_kind(s.root) == OS_ABSENT
					    ? strerror(ENOENT)
					    : "not a folder");
		return HCSC_E_IO;
	}
	rc = walk_cases(&s, 0, 0);
	if (rc == HCSC_OK && s.dup_err)
		rc = scan_fail(&s, HCSC_E_INPUT, s.dup_err);
	if (rc == HCSC_OK)
		rc = check_scan_golden(&s, golden, sel);
	*err = s.err;
	out->stale = s.stale;
	out->nstale = s.nstale;
	strbuf_release(&s.path);
	strbuf_release(&s.rel);
	strbuf_release(&s.tmp);
	if (rc != HCSC_OK) {
		check_corpus_release(out);
		return rc;
	}
	for (size_t i = 0; i < out->n; i++) {
		bool in = true;

		if (sel->nfilters || sel->nexcludes) {
			check_corpus_name(out, i, &name);
			in = check_select_match(sel, name.buf);
		}
		if (in)
			out->cases[i].flags |= CORPUS_SELECTED;
		out->nselected += in;
	}
	strbuf_release(&name);
	return HCSC_OK;
}
