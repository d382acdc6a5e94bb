/*
 * check/diff.h: unified diffs of two byte strings, in GNU `diff -u
 * --label A --label B` format (rule: hcsc.check.diff-format): `--- A` / `+++ B` headers
 * without timestamps, CHECK_DIFF_CONTEXT lines of context, hunks merged
 * when their contexts touch, GNU hunk headers (`-start,count`, `,count`
 * omitted for one line, `start-1,0` for none), and `\ No newline at end
 * of file` after a last line without one. Computed with our own Myers
 * O(ND) diff in linear space, so hcsc.exe needs no diff program.
 *
 * Memory: scratch space is malloc'd and freed before returning.
 */
#ifndef HCSC_CHECK_DIFF_H
#define HCSC_CHECK_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#define CHECK_DIFF_CONTEXT 3

struct strbuf;

/*
 * Append the diff turning `a` into `b` to `out`. Returns false (and
 * appends nothing) when the two are byte-identical.
 */
bool check_diff(struct strbuf *out, const char *label_a, const char *a,
		size_t alen, const char *label_b, const char *b, size_t blen);

#endif
