/*
 * diag.c: appending, promoting and ordering diagnostics.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "grow.h"

const char *const diag_cat_names[DC_COUNT + 1] = {
	"placeholder", "build", "era", "owner", "rounding", "cpu",
	"annotation", "credspec", "lcow", "unknown-key", "ports", "volume",
	"ignored", "image", "compose", "interpolation", NULL
};

const char *const *hcsc_diag_categories(void)
{
	return diag_cat_names;
}

void diag_list_init(struct diag_list *d, struct arena *a, bool strict)
{
	memset(d, 0, sizeof(*d));
	d->arena = a;
	d->strict = strict;
}

void diag_list_release(struct diag_list *d)
{
	free(d->items);
	free(d->sources);
	d->items = NULL;
	d->sources = NULL;
	d->nr = d->alloc = d->nerrors = d->ndropped = 0;
	d->nsources = d->sources_alloc = 0;
}

const char *diag_source(const struct diag_list *d, const char *name,
			size_t *len)
{
	for (size_t i = 0; name && i < d->nsources; i++) {
		if (strcmp(d->sources[i].name, name))
			continue;
		if (len)
			*len = d->sources[i].len;
		return d->sources[i].text;
	}
	if (len)
		*len = 0;
	return NULL;
}

/* Append an entry whose strings already live in d's arena. */
static void put_source(struct diag_list *d, const char *name,
		       const char *text, size_t len)
{
	struct diag_source *s;

	d->sources = hcsc_grow(d->sources, &d->sources_alloc, d->nsources + 1,
			       sizeof(*d->sources));
	s = &d->sources[d->nsources++];
	s->name = name;
	s->text = text;
	s->len = len;
}

void diag_add_source(struct diag_list *d, const char *name, const char *text,
		     size_t len)
{
	if (!name || diag_source(d, name, NULL))
		return;
	put_source(d, arena_strdup(d->arena, name),
		   arena_strndup(d->arena, text ? text : "", text ? len : 0),
		   text ? len : 0);
}

void diag_share_sources(struct diag_list *to, const struct diag_list *from)
{
	for (size_t i = 0; i < from->nsources; i++)
		if (!diag_source(to, from->sources[i].name, NULL))
			put_source(to, from->sources[i].name,
				   from->sources[i].text, from->sources[i].len);
}

static void diag_add(struct diag_list *d, enum hcsc_severity sev,
		     const char *cat, struct hcsc_pos pos, const char *fmt,
		     va_list ap) __attribute__((format(printf, 5, 0)));

static void diag_add(struct diag_list *d, enum hcsc_severity sev,
		     const char *cat, struct hcsc_pos pos, const char *fmt,
		     va_list ap)
{
	struct hcsc_diag *it;

	if (!pos.file)
		pos.file = "<input>";
	if (!pos.line)
		pos.line = pos.col = 1;
	if (sev == HCSC_SEV_ERROR && diag_full(d)) { /* counted, not kept */
		if (!d->ndropped++)
			d->dropped_pos = pos;
		return;
	}
	d->items = hcsc_grow(d->items, &d->alloc, d->nr + 1, sizeof(*d->items));
	it = &d->items[d->nr++];
	it->sev = sev;
	it->pos = pos;
	it->msg = arena_vprintf(d->arena, fmt, ap);
	it->category = cat;
	if (sev == HCSC_SEV_ERROR)
		d->nerrors++;
}

enum hcsc_rc diag_error(struct diag_list *d, struct hcsc_pos pos,
			const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(d, HCSC_SEV_ERROR, NULL, pos, fmt, ap);
	va_end(ap);
	return HCSC_E_INPUT;
}

void diag_warning(struct diag_list *d, enum diag_cat cat, struct hcsc_pos pos,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(d, HCSC_SEV_WARNING, diag_cat_names[cat], pos, fmt, ap);
	va_end(ap);
}

void diag_note(struct diag_list *d, struct hcsc_pos pos, const char *fmt, ...)
{
	va_list ap;

	if (d->no_notes) /* not even formatted */
		return;

	va_start(ap, fmt);
	diag_add(d, HCSC_SEV_NOTE, NULL, pos, fmt, ap);
	va_end(ap);
}

enum hcsc_rc diag_strict_warning(struct diag_list *d, enum diag_cat cat,
				 struct hcsc_pos pos, const char *fmt, ...)
{
	va_list ap;
	enum hcsc_severity sev = d->strict ? HCSC_SEV_ERROR : HCSC_SEV_WARNING;

	va_start(ap, fmt);
	diag_add(d, sev, diag_cat_names[cat], pos, fmt, ap);
	va_end(ap);
	return d->strict ? HCSC_E_INPUT : HCSC_OK;
}

bool diag_full(const struct diag_list *d)
{
	return d->nerrors >= (d->max_errors ? d->max_errors : DIAG_MAX_COLLECTED);
}

static int pos_cmp(const struct hcsc_diag *a, const struct hcsc_diag *b)
{
	int c = strcmp(a->pos.file, b->pos.file);

	if (c)
		return c;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	return 0;
}

void diag_drop_warnings_from(struct diag_list *d, size_t from)
{
	size_t kept = from;

	for (size_t i = from; i < d->nr; i++)
		if (d->items[i].sev != HCSC_SEV_WARNING)
			d->items[kept++] = d->items[i];
	d->nr = kept;
}

void diag_sort_from(struct diag_list *d, size_t from)
{
	/* Insertion sort: stable, and the lists are short (<= 20 errors). */
	for (size_t i = from + 1; i < d->nr; i++) {
		struct hcsc_diag t = d->items[i];
		size_t j = i;

		while (j > from && pos_cmp(&d->items[j - 1], &t) > 0) {
			d->items[j] = d->items[j - 1];
			j--;
		}
		d->items[j] = t;
	}
}

struct hcsc_pos pos_make(const char *file, unsigned line, unsigned col)
{
	struct hcsc_pos p = { file, line, col, 0 };

	return p;
}

bool pos_valid(struct hcsc_pos p)
{
	return p.file && p.line;
}

struct hcsc_pos pos_or(struct hcsc_pos p, struct hcsc_pos fallback)
{
	return pos_valid(p) ? p : fallback;
}
