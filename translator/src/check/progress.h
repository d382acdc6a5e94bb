/*
 * check/progress.h: the one-line progress indicator of `hcsc check`
 * (`checking: DONE/TOTAL, F failed`), for a terminal on standard error.
 * Pure: the caller passes the time and prints the text produced. It shows
 * once a run has taken CHECK_PROGRESS_DELAY seconds, redraws at most every
 * CHECK_PROGRESS_STEP seconds (and always for the last case), and is
 * erased before other output and at the end.
 */
#ifndef HCSC_CHECK_PROGRESS_H
#define HCSC_CHECK_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#define CHECK_PROGRESS_DELAY 1.0
#define CHECK_PROGRESS_STEP 0.1

struct strbuf;

struct check_progress {
	double start, last;
	size_t width;   /* columns of the line on screen; 0: none shown */
};

void check_progress_init(struct check_progress *p, double now);
/* Append the redrawn line to `out` when due; returns whether it did. */
bool check_progress_update(struct check_progress *p, double now, size_t done,
			   size_t total, size_t failed, struct strbuf *out);
/* Append what erases the line (nothing when none is shown). */
void check_progress_clear(struct check_progress *p, struct strbuf *out);

#endif
