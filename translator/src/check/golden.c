/*
 * check/golden.c: one case's golden folder: byte-for-byte comparison,
 * unified diffs of what differs, and --update (golden.h). hcsc's own
 * layout (rules: hcsc.check.golden-files, hcsc.check.diff-format, hcsc.check.update-and-junit); no upstream.
 */
#include "golden.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check/corpus.h"
#include "check/diff.h"
#include "os/fs.h"
#include "strbuf.h"

/* Golden files larger than this are refused (unread). */
#define CHECK_GOLDEN_MAX (64 << 20)

/*
 * The golden folder's files as the scan saw them (gold: CHECK_GOLD_*),
 * in sorted order, without listing it again. The names are the static
 * check_gold_names (no pool): only the array is allocated.
 */
static void known_files(unsigned gold, struct os_dir *out)
{
	static const int order[CHECK_GOLD_NNAMES] = { 0, 5, 6, 1, 2, 3, 4 };

	out->n = 0;
	out->pool = NULL;
	out->names = malloc(CHECK_GOLD_NNAMES * sizeof(*out->names));
	if (!out->names)
		hcsc_oom();
	for (int i = 0; i < CHECK_GOLD_NNAMES; i++)
		if (gold & (CHECK_GOLD_FILE0 << order[i]))
			out->names[out->n++] = check_gold_names[order[i]];
}

/*
 * The golden folder's own entries (sorted): not its subfolders (other
 * cases'), not dot names (hcsc's temporaries among them). A symbolic
 * link is an entry, never followed.
 */
static int golden_files(const char *dir, struct os_dir *out)
{
	int e = os_list(dir, out);
	struct strbuf scratch = STRBUF_INIT;
	size_t k = 0;

	if (e == ENOENT) {
		out->names = NULL;
		out->pool = NULL;
		out->n = 0;
		return 0;
	}
	if (e)
		return e;
	for (size_t i = 0; i < out->n; i++) {
		const char *name = out->names[i];

		if (name[0] != '.' &&
		    os_dir_lkind(dir, out, i, &scratch) != OS_DIR)
			out->names[k++] = name;
	}
	out->n = k;
	strbuf_release(&scratch);
	return 0;
}

/*
 * ROOT/REL must be made of real folders: hcsc never follows a link below
 * GOLDEN (--update would write or delete through it). An absent folder
 * is fine (no golden files yet).
 */
static enum hcsc_rc check_folder(struct arena *a, const struct check_golden *g,
				 const char *rel, const char **err)
{
	const char *slash = rel;

	while (slash) {
		const char *sub;

		slash = strchr(slash + (slash != rel), '/');
		sub = slash ? arena_strndup(a, rel, (size_t)(slash - rel)) : rel;
		switch (os_lkind(check_path_join(a, g->root, sub))) {
		case OS_DIR:
			break;
		case OS_ABSENT:
			return HCSC_OK;
		case OS_LINK:
			*err = arena_printf(a, "golden folder '%s/%s' is a symbolic "
					       "link (links under GOLDEN are not "
					       "followed)",
					    g->label, sub);
			return HCSC_E_IO;
		default:
			*err = arena_printf(a, "golden folder '%s/%s' is not a "
					       "folder",
					    g->label, sub);
			return HCSC_E_IO;
		}
	}
	return HCSC_OK;
}

static bool take(struct os_dir *g, const char *name)
{
	for (size_t i = 0; i < g->n; i++) {
		if (g->names[i] && !strcmp(g->names[i], name)) {
			g->names[i] = NULL;
			return true;
		}
	}
	return false;
}

static void note(struct strbuf *summary, const char *file, const char *what)
{
	if (summary->len)
		strbuf_addstr(summary, ", ");
	strbuf_addf(summary, "%s %s", file, what);
}

static enum hcsc_rc io_fail(struct arena *a, const char *what,
			    const char *path, int e, const char **err)
{
	*err = arena_printf(a, "cannot %s '%s': %s", what, path, strerror(e));
	return HCSC_E_IO;
}

/* Read one golden file: a regular file (no link) of at most the limit. */
static enum hcsc_rc read_golden(struct arena *a, const char *path,
				struct strbuf *gold, const char **err)
{
	int e = os_read(path, CHECK_GOLDEN_MAX,
			       OS_NOFOLLOW | OS_WHOLE, gold);

	if (e == OS_NOT_REGULAR)
		*err = arena_printf(a, "golden file '%s' is not a regular file",
				    path);
	else if (e == EFBIG)
		*err = arena_printf(a, "golden file '%s' is larger than %d MiB "
				       "(the golden file limit)",
				    path, CHECK_GOLDEN_MAX >> 20);
	else if (e)
		return io_fail(a, "read", path, e, err);
	return e ? HCSC_E_IO : HCSC_OK;
}

/* "ROOT/CASE/FILE" (a diff label; no printf on this path). */
static const char *label(struct arena *a, const char *root, const char *name,
			 const char *file)
{
	const char *parts[] = { root, name, file };

	return arena_join(a, parts, 3, "/");
}

/*
 * Does `gold` differ from `actual` only by CRLF where actual has LF (Git
 * for Windows' checkout default)?
 */
static bool crlf_only(const char *gold, size_t glen, const char *actual,
		      size_t alen)
{
	size_t i = 0, j = 0;
	bool cr = false;

	while (i < glen && j < alen) {
		if (gold[i] == '\r' && i + 1 < glen && gold[i + 1] == '\n' &&
		    actual[j] == '\n') {
			cr = true;
			i++;
		}
		if (gold[i++] != actual[j++])
			return false;
	}
	return cr && i == glen && j == alen;
}

/* Compare one expected file; with update, queue it when it differs. */
static enum hcsc_rc compare_file(struct arena *a, const struct check_golden *g,
				 const char *name, const char *dir,
				 struct os_dir *have,
				 const struct check_file *f,
				 struct check_compare *out, struct strbuf *gold,
				 struct strbuf *detail, struct strbuf *summary,
				 struct out_file *queue, size_t *nqueue,
				 const char **err)
{
	char *path = check_path_join(a, dir, f->name);
	enum hcsc_rc rc;
	bool differs;

	if (!take(have, f->name)) {
		strbuf_addf(detail, "missing golden file %s/%s/%s\n", g->label,
			    name, f->name);
		note(summary, f->name, "missing");
		out->nmissing++;
	} else {
		strbuf_reset(gold);
		rc = read_golden(a, path, gold, err);
		if (rc != HCSC_OK)
			return rc;
		differs = !(gold->len == f->len &&
			    !memcmp(gold->buf, f->data, f->len));
		if (differs &&
		    crlf_only(gold->buf, gold->len, f->data, f->len)) {
			/* Lines that would look identical in a diff. */
			strbuf_addstr(detail, label(a, g->label, name, f->name));
			strbuf_addstr(detail, ": golden file has CRLF line "
					      "endings; see README for "
					      ".gitattributes\n");
		} else if (differs) {
			differs = check_diff(detail,
					     label(a, g->label, name, f->name),
					     gold->buf, gold->len,
					     label(a, "actual", name, f->name),
					     f->data, f->len);
		}
		if (!differs)
			return HCSC_OK;
		note(summary, f->name, "differs");
		out->ndiffer++;
	}
	queue[*nqueue].path = path;
	queue[*nqueue].data = f->data;
	queue[(*nqueue)++].len = f->len;
	return HCSC_OK;
}

/* --update: the queued files of the case, as one set (os/fs.h). */
static enum hcsc_rc write_queue(struct arena *a, const struct check_golden *g,
				const char *name, const char *dir,
				struct out_file *queue, size_t n,
				const char **err)
{
	const char *failed = dir;
	char *bad = NULL;
	int e;

	if (!n)
		return HCSC_OK;
	e = os_mkdirs(g->root);
	if (!e) {
		e = os_mkdirs_under(g->root, name, &bad);
		if (bad) {
			failed = arena_strdup(a, bad);
			free(bad);
		}
	}
	if (e == ELOOP)
		return check_folder(a, g, name, err);
	if (!e)
		e = os_write_files(queue, n, &failed);
	return e ? io_fail(a, "write", failed, e, err) : HCSC_OK;
}

static enum hcsc_rc extras(struct arena *a, const struct check_golden *g,
			   const char *name, const char *dir,
			   const struct os_dir *have,
			   struct check_compare *out, struct strbuf *detail,
			   struct strbuf *summary, const char **err)
{
	for (size_t i = 0; i < have->n; i++) {
		const char *x = have->names[i];
		int e;

		if (!x)
			continue;
		strbuf_addf(detail, "extra golden file %s/%s/%s\n", g->label,
			    name, x);
		note(summary, x, "extra");
		out->nextra++;
		if (!g->update)
			continue;
		e = os_remove(check_path_join(a, dir, x));
		if (e && e != ENOENT) /* gone already: another run's doing */
			return io_fail(a, "remove", check_path_join(a, dir, x), e,
				       err);
	}
	return HCSC_OK;
}

/*
 * The first of `have`'s names that hcsc never writes (not one of
 * check_gold_names), or NULL. A folder holding one is not hcsc's alone:
 * a README, a user's sources under a GOLDEN given by mistake. --update
 * then writes and removes nothing there (rule: hcsc.check.update-and-junit).
 */
static const char *first_foreign(const struct os_dir *have)
{
	for (size_t i = 0; i < have->n; i++)
		if (check_gold_index(have->names[i]) < 0)
			return have->names[i];
	return NULL;
}

static void keep_foreign(const struct check_golden *g, const char *name,
			 const char *foreign, struct strbuf *detail,
			 struct strbuf *summary)
{
	strbuf_addf(detail,
		    "--update leaves %s/%s as it is: hcsc does not write %s "
		    CHECK_FOREIGN_HINT "\n",
		    g->label, name, foreign);
	strbuf_addf(summary, "; --update leaves the folder: %s is not a golden file",
		    foreign);
}

enum hcsc_rc check_golden_compare(struct arena *a, const struct check_golden *g,
				  const char *name, unsigned gold,
				  const struct check_file *files, size_t n,
				  struct check_compare *out, struct strbuf *buf,
				  struct strbuf *detail, struct strbuf *summary,
				  const char **err)
{
	char *dir = check_path_join(a, g->root, name);
	struct out_file *queue = arena_array(a, n ? n : 1, sizeof(*queue));
	struct os_dir have = { NULL, 0, NULL };
	struct check_golden own = *g;
	const char *foreign;
	size_t nqueue = 0;
	enum hcsc_rc rc = HCSC_OK;
	int e;

	memset(out, 0, sizeof(*out));
	if ((gold & CHECK_GOLD_SEEN) && !(gold & CHECK_GOLD_OTHER)) {
		/* The scan listed this real folder: no second listing. */
		if (g->update && (gold & CHECK_GOLD_TEMP))
			os_remove_orphans(dir);
		known_files(gold, &have);
	} else {
		rc = check_folder(a, g, name, err);
		if (rc != HCSC_OK)
			return rc;
		if (g->update)
			os_remove_orphans(dir);
		e = golden_files(dir, &have);
		if (e)
			return io_fail(a, "read folder", dir, e, err);
	}
	foreign = g->update ? first_foreign(&have) : NULL;
	if (foreign) {
		foreign = arena_strdup(a, foreign);
		own.update = false;
	}
	for (size_t i = 0; i < n && rc == HCSC_OK; i++)
		rc = compare_file(a, &own, name, dir, &have, &files[i], out,
				  buf, detail, summary, queue, &nqueue, err);
	if (rc == HCSC_OK && own.update)
		rc = write_queue(a, &own, name, dir, queue, nqueue, err);
	if (rc == HCSC_OK)
		rc = extras(a, &own, name, dir, &have, out, detail, summary,
			    err);
	os_dir_release(&have);
	if (rc == HCSC_OK && g->update && foreign)
		keep_foreign(g, name, foreign, detail, summary);
	out->updated = own.update && rc == HCSC_OK &&
		       out->ndiffer + out->nmissing + out->nextra > 0;
	return rc;
}

/* Remove ROOT/rel and its parents up to ROOT while they are empty. */
static void prune(struct arena *a, const struct check_golden *g, char *rel)
{
	for (;;) {
		char *path = check_path_join(a, g->root, rel);
		struct os_dir d;
		char *slash;
		size_t n;

		if (os_list(path, &d) != 0)
			return;
		n = d.n;
		os_dir_release(&d);
		if (n || os_rmdir(path) != 0)
			return;
		slash = strrchr(rel, '/');
		if (!slash)
			return;
		*slash = '\0';
	}
}

enum hcsc_rc check_golden_remove(struct arena *a, const struct check_golden *g,
				 const char *rel, const char **foreign,
				 const char **err)
{
	char *dir = check_path_join(a, g->root, rel);
	struct os_dir have;
	enum hcsc_rc rc = check_folder(a, g, rel, err);
	int e;

	if (rc != HCSC_OK)
		return rc;
	os_remove_orphans(dir);
	e = golden_files(dir, &have);
	if (e)
		return io_fail(a, "read folder", dir, e, err);
	*foreign = first_foreign(&have);
	if (*foreign) {
		*foreign = arena_strdup(a, *foreign);
		os_dir_release(&have);
		return HCSC_OK;
	}
	for (size_t i = 0; i < have.n && rc == HCSC_OK; i++) {
		char *path = check_path_join(a, dir, have.names[i]);

		e = os_remove(path);
		if (e && e != ENOENT)
			rc = io_fail(a, "remove", path, e, err);
	}
	os_dir_release(&have);
	if (rc == HCSC_OK)
		prune(a, g, arena_strdup(a, rel));
	return rc;
}
