/*
 * t_support.h: helpers shared by the unit tests' harness headers, built
 * once as the hcsc_test_support library (t_support.c) instead of a static
 * copy in each header. Strings returned are malloc'd; the caller frees them.
 */
#ifndef HCSC_T_SUPPORT_H
#define HCSC_T_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "emit/gojson.h"

struct json_object;

/*
 * The diagnostics as "L:C: msg" (with_severity: "L:C: error|warning: msg")
 * joined by '|'; "ok" when there is none.
 */
char *t_diags(const struct diag_list *d, bool with_severity);

/* The first error's message, or "" when there is none. */
const char *t_first_error(const struct diag_list *d);

/* Does some warning's message contain `text`? */
bool t_warned(const struct diag_list *d, const char *text);

/*
 * `v` printed by the Go-exact writer as `shape` in `style`. On failure
 * returns NULL and sets *err (if err is not NULL) to the writer's reason.
 */
char *t_emit(struct json_object *v, const struct shape *shape,
	     enum emit_style style, const char **err);

/* Is `sub` in `s` (false for a NULL `s`)? */
bool t_contains(const char *s, const char *sub);

/*
 * fn(ctx, s) for every string of exactly `len` bytes (len <= 16) over the
 * bytes of `alpha`: the exhaustive inputs of the differential tests.
 */
void t_each_string(const char *alpha, size_t len,
		   void (*fn)(void *ctx, const char *s), void *ctx);

#endif
