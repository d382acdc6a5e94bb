/*
 * model/decode_int.h: what the schema decoder's two files share: where a
 * value sits (struct dpath, rendered only for messages), and the unknown
 * and odd keys' messages with their suggestions (decode_keys.c), used by
 * the decoder proper (decode.c).
 */
#ifndef HCSC_MODEL_DECODE_INT_H
#define HCSC_MODEL_DECODE_INT_H

#include <stddef.h>

#include "schema.h"

struct arena;
struct node;

/*
 * Where a value sits ("HostConfig.Binds[3]"), as a chain of steps on the
 * stack: only an error message renders it (decode_path_text), so decoding
 * a field costs no string.
 */
enum dpath_kind { DP_ROOT, DP_FIELD, DP_INDEX, DP_KEY };

struct dpath {
	const struct dpath *up;
	enum dpath_kind kind;
	const char *name;  /* ROOT: the caller's text; FIELD; KEY */
	size_t index;      /* INDEX */
};

/* "HostConfig.Binds[3]" (decode.c). */
const char *decode_path_text(struct arena *a, const struct dpath *p);

/* A key as messages quote it: at most 64 bytes, then "...". */
const char *decode_show_key(struct arena *a, const char *s);

/* An unknown key: an error with the nearest field names (rule:
 * hcsc.input.unknown-key-suggestion). */
void decode_unknown_key(const struct decode_ctx *ctx, const struct schema *s,
			const struct dpath *path, const struct node *key);

/* With ctx->warn_unknown (OCI input): the key is dropped with a warning. */
void decode_unknown_key_warning(const struct decode_ctx *ctx,
				const struct schema *s,
				const struct dpath *path,
				const struct node *key);

#endif
