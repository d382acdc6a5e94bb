/*
 * check/header.h: the leading comment block of a YAML case (rule: hcsc.check.header).
 * The block is the lines from the start of the file (after a UTF-8 BOM)
 * that are empty or whose first non-blank character is `#`; it ends at
 * the first other line. Two directives are read there, each at most once:
 *
 *   # host: NAME-or-FILE   the host profile (rule: hcsc.host.profile-file decides name or
 *                          file; a file is relative to the case's folder)
 *   # hcsc: OPTIONS        --strict, and --target NAME (or
 *                          --target=NAME): the engine to model
 *
 * Other comments are free text. Directive names are lowercase and followed
 * directly by `:`.
 */
#ifndef HCSC_CHECK_HEADER_H
#define HCSC_CHECK_HEADER_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

struct arena;
struct diag_list;

struct check_header {
	const char *host;          /* `# host:` value (arena), or NULL */
	struct hcsc_pos host_pos;  /* where the value starts */
	bool strict;               /* `# hcsc: --strict` */
	const char *target;        /* `# hcsc: --target NAME` (arena), or NULL */
};

/*
 * Parse the block of `data` (file `display`, kept by pointer). Errors
 * (a repeated directive, an empty value, an unknown option or target)
 * go to `d`
 * with their positions; returns HCSC_OK or HCSC_E_INPUT.
 */
enum hcsc_rc check_header_parse(struct arena *a, struct diag_list *d,
				const char *display, const char *data,
				size_t len, struct check_header *out);

#endif
