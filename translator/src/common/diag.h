/*
 * diag.h: the diagnostics of one compile, kept as data. Stages append to a
 * diag_list; only the CLI renders them as `FILE:LINE:COL: error: MSG`.
 *
 * Rules (rules: hcsc.diag.format, hcsc.diag.collect-then-stop): load and schema errors are collected
 * (at most DIAG_MAX_COLLECTED, shown sorted by position; the errors past
 * that cap are only counted, and the CLI says how many it did not show);
 * semantic stages stop at their first error. With `strict`, diag_placeholder() records an
 * error instead of a warning.
 */
#ifndef HCSC_DIAG_H
#define HCSC_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

#define DIAG_MAX_COLLECTED 20

struct arena;

/*
 * Warning categories (rule: hcsc.diag.categories): what `-w CATEGORY`
 * silences. Every warning names one; keep diag_cat_names in step.
 */
enum diag_cat {
	DC_PLACEHOLDER, /* a runtime fact not given: a placeholder stands in */
	DC_BUILD,       /* the host's build is older than the target supports */
	DC_ERA,         /* a field the target's moby did not know yet */
	DC_OWNER,       /* Owner overridden by the target */
	DC_ROUNDING,    /* a value rounded or converted on its way */
	DC_CPU,         /* CPU options that override each other */
	DC_ANNOTATION,  /* an annotation hcsshim ignores or hcsc cannot model */
	DC_CREDSPEC,    /* credential guard state only a live HCS has */
	DC_LCOW,        /* Hyper-V / utility VM documents HCS would refuse */
	DC_UNKNOWN_KEY, /* an unknown key dropped (OCI input) */
	DC_PORTS,       /* port bindings upstream discards */
	DC_VOLUME,      /* volume options upstream ignores */
	DC_IGNORED,     /* flags or keys accepted that shape nothing */
	DC_IMAGE,       /* the image's own config is unknown */
	DC_COMPOSE,     /* docker compose converts a value its own way */
	DC_INTERPOLATION, /* a Compose variable not set */
	DC_COUNT
};
extern const char *const diag_cat_names[DC_COUNT + 1]; /* NULL-terminated */

/*
 * An input's bytes as the compile read them, by the display name its
 * diagnostics carry in pos.file (rule: hcsc.diag.render): the renderer
 * shows source lines from these, never from a second read of the file.
 */
struct diag_source {
	const char *name; /* arena-owned */
	const char *text; /* arena-owned, NUL-terminated */
	size_t len;
};

struct diag_list {
	struct hcsc_diag *items;
	size_t nr, alloc;
	size_t nerrors;
	size_t ndropped;     /* errors past the cap: counted, not kept */
	struct hcsc_pos dropped_pos; /* where the first of them was */
	bool strict;         /* --strict: placeholders and promotions are errors */
	size_t max_errors;   /* the cap; 0: DIAG_MAX_COLLECTED */
	bool no_notes;       /* a caller that never shows notes: none kept */
	struct arena *arena; /* messages and sources live here */
	struct diag_source *sources; /* in the order they were read */
	size_t nsources, sources_alloc;
};

void diag_list_init(struct diag_list *d, struct arena *a, bool strict);
void diag_list_release(struct diag_list *d); /* frees items, not messages */

/*
 * Keep a copy of an input's `len` bytes under `name` (in d's arena); a
 * name already kept keeps its first bytes. diag_source: the bytes kept
 * under `name` (*len of them; len may be NULL), or NULL.
 */
void diag_add_source(struct diag_list *d, const char *name, const char *text,
		     size_t len);
const char *diag_source(const struct diag_list *d, const char *name,
			size_t *len);
/* Let `to` see the sources of `from` (same arena; nothing is copied). */
void diag_share_sources(struct diag_list *to, const struct diag_list *from);

/* Append an error; returns HCSC_E_INPUT so `return diag_error(...)` works. */
enum hcsc_rc diag_error(struct diag_list *d, struct hcsc_pos pos,
			const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diag_list *d, enum diag_cat cat, struct hcsc_pos pos,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_note(struct diag_list *d, struct hcsc_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * A warning that --strict promotes to an error (placeholders, rules: hcsc.host.old-build-warning, hcsc.placeholders, hcsc.apply.schema-by-host-build).
 * Returns HCSC_E_INPUT when promoted, HCSC_OK otherwise.
 */
enum hcsc_rc diag_strict_warning(struct diag_list *d, enum diag_cat cat,
				 struct hcsc_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* True once the cap's errors are recorded (stop collecting). */
bool diag_full(const struct diag_list *d);
/* Stable sort of items[from..nr) by file order of appearance, line, col. */
void diag_sort_from(struct diag_list *d, size_t from);
/* Remove the warnings recorded from index `from` on (errors stay). */
void diag_drop_warnings_from(struct diag_list *d, size_t from);

/* Position helpers. */
struct hcsc_pos pos_make(const char *file, unsigned line, unsigned col);
struct hcsc_pos pos_or(struct hcsc_pos p, struct hcsc_pos fallback);
bool pos_valid(struct hcsc_pos p);

#endif
