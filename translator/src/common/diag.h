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

struct diag_list {
	struct hcsc_diag *items;
	size_t nr, alloc;
	size_t nerrors;
	size_t ndropped;     /* errors past the cap: counted, not kept */
	struct hcsc_pos dropped_pos; /* where the first of them was */
	bool strict;         /* --strict: placeholders and promotions are errors */
	struct arena *arena; /* messages live here */
};

void diag_list_init(struct diag_list *d, struct arena *a, bool strict);
void diag_list_release(struct diag_list *d); /* frees items, not messages */

/* Append an error; returns HCSC_E_INPUT so `return diag_error(...)` works. */
enum hcsc_rc diag_error(struct diag_list *d, struct hcsc_pos pos,
			const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diag_list *d, struct hcsc_pos pos, const char *fmt,
		  ...) __attribute__((format(printf, 3, 4)));
void diag_note(struct diag_list *d, struct hcsc_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * A warning that --strict promotes to an error (placeholders, rules: hcsc.host.old-build-warning, hcsc.placeholders, hcsc.apply.schema-by-host-build).
 * Returns HCSC_E_INPUT when promoted, HCSC_OK otherwise.
 */
enum hcsc_rc diag_strict_warning(struct diag_list *d, struct hcsc_pos pos,
				 const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* True once DIAG_MAX_COLLECTED errors are recorded (stop collecting). */
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
