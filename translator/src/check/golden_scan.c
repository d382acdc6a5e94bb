/*
 * check/golden_scan.c: the golden half of `hcsc check`'s scan
 * (scan_int.h): one walk of the golden tree, each folder listed once,
 * that tells each case which golden files it has (no second listing when
 * the case runs) and finds the golden folders no case owns (stale).
 * Links below GOLDEN are never followed. hcsc's own layout (rules:
 * hcsc.check.cases, hcsc.check.update-and-junit); no upstream.
 */
#include "scan_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* Compare case i's name with the string `name` of `nname` bytes. */
static int case_name_cmp(const struct check_corpus *c, size_t i,
			 const char *name, size_t nname)
{
	const char *rel = c->folders[c->cases[i].folder].rel;
	const char *base = check_corpus_base(c, i);
	size_t nrel = strlen(rel), stem = strlen(base) - c->cases[i].ext;
	size_t k = nrel < nname ? nrel : nname;
	int r = memcmp(rel, name, k);

	if (r)
		return r;
	if (nname < nrel)
		return 1;
	name += nrel;
	nname -= nrel;
	k = stem < nname ? stem : nname;
	r = memcmp(base, name, k);
	if (r)
		return r;
	return stem == nname ? 0 : stem < nname ? -1 : 1;
}

/* The case named `name`, or -1. */
static long find_case(const struct check_corpus *c, const char *name)
{
	size_t lo = 0, hi = c->n, nname = strlen(name);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = case_name_cmp(c, mid, name, nname);

		if (!r)
			return (long)mid;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void add_stale(struct scan *s, const char *rel)
{
	s->stale = hcsc_grow(s->stale, &s->stale_alloc, s->nstale + 1,
			sizeof(*s->stale));
	s->stale[s->nstale++] = arena_strdup(s->a, rel);
}

/* One golden folder: s->rel[0..rel_len) is "" or "x/y" (no trailing '/'). */
static enum hcsc_rc walk_golden(struct scan *s, size_t rel_len,
				const struct check_select *sel, int depth)
{
	struct os_dir dir;
	bool has_files = false, vanished;
	unsigned gold = CHECK_GOLD_SEEN;
	char *path;
	enum hcsc_rc rc;
	long k;

	scan_setlen(&s->rel, rel_len);
	scan_setlen(&s->path, 0);
	strbuf_addstr(&s->path, s->root);
	if (rel_len) {
		strbuf_addch(&s->path, '/');
		strbuf_add(&s->path, s->rel.buf, rel_len);
	}
	if (depth > CHECK_CORPUS_MAX_DEPTH)
		return scan_fail(s, HCSC_E_INPUT,
			    arena_printf(s->a, "folders nested deeper than %d "
					       "at '%s'",
					 CHECK_CORPUS_MAX_DEPTH, s->path.buf));
	/*
	 * Detached, not copied into the scan's arena: the arena lives for the
	 * run, and a copy per folder would grow memory with the corpus.
	 */
	path = strbuf_detach(&s->path, NULL);
	rc = scan_list_subdir(s, path, &dir, &vanished);
	if (vanished) { /* as if never seen */
		free(path);
		return HCSC_OK;
	}
	for (size_t i = 0; i < dir.n && rc == HCSC_OK; i++) {
		const char *name = dir.names[i];
		enum os_kind kind;
		int gi;

		if (name[0] == '.') {
			if (os_is_temp(name))
				gold |= CHECK_GOLD_TEMP;
			continue;
		}
		/* A link is neither followed nor taken for a golden file. */
		kind = os_dir_lkind(path, &dir, i, &s->tmp);
		switch (kind) {
		case OS_DIR:
			scan_setlen(&s->rel, rel_len);
			if (rel_len)
				strbuf_addch(&s->rel, '/');
			strbuf_addstr(&s->rel, name);
			rc = walk_golden(s, s->rel.len, sel, depth + 1);
			scan_setlen(&s->rel, rel_len);
			break;
		case OS_ABSENT:
			gold |= CHECK_GOLD_OTHER;
			break;
		case OS_LINK:
			gold |= CHECK_GOLD_OTHER;
			break;
		case OS_FILE:
			has_files = true;
			gi = check_gold_index(name);
			gold |= gi < 0 ? CHECK_GOLD_OTHER
				       : CHECK_GOLD_FILE0 << gi;
			break;
		default:
			has_files = true;
			gold |= CHECK_GOLD_OTHER;
			break;
		}
	}
	os_dir_release(&dir);
	free(path);
	if (rc != HCSC_OK || !rel_len)
		return rc;
	scan_setlen(&s->rel, rel_len);
	k = find_case(s->c, s->rel.buf);
	if (k >= 0)
		s->c->cases[k].gold = (uint16_t)gold;
	else if (has_files && check_select_match(sel, s->rel.buf))
		add_stale(s, s->rel.buf);
	return rc;
}

static int str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

enum hcsc_rc check_scan_golden(struct scan *s, const char *golden,
				const struct check_select *sel)
{
	enum hcsc_rc rc;

	s->root = check_path_strip(s->a, golden);
	switch (os_kind(s->root)) {
	case OS_ABSENT:
		return HCSC_OK;
	case OS_DIR:
		break;
	default:
		return scan_fail(s, HCSC_E_IO,
			    arena_printf(s->a, "golden folder '%s' is not a "
					       "folder",
					 s->root));
	}
	rc = walk_golden(s, 0, sel, 0);
	if (rc == HCSC_OK && s->nstale > 1)
		qsort(s->stale, s->nstale, sizeof(*s->stale), str_cmp);
	return rc;
}
