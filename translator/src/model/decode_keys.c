/*
 * model/decode_keys.c: the decoder's messages about keys (decode_int.h):
 * an unknown key with the field it is nearest to, by case-insensitive
 * Damerau-Levenshtein distance (schema_edit_distance, also used by the
 * CLI and the front ends), or the nearest few of a large struct's fields;
 * keys quoted at most 64 bytes long. Built only on error.
 * rule: hcsc.input.unknown-key-suggestion
 */
#include "decode_int.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "load/node.h"

/* strlen(s), or `max` when s is longer (keys may be 64 KiB). */
static size_t len_upto(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

size_t schema_edit_distance(const char *a, const char *b)
{
	size_t n = len_upto(a, 33), m = len_upto(b, 33);
	size_t d[34][34];

	if (n > 32 || m > 32)
		return (size_t)-1;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = ascii_lower(a[i - 1]) != ascii_lower(b[j - 1]);
			size_t best = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 &&
			    ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) &&
			    ascii_lower(a[i - 2]) == ascii_lower(b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}

/*
 * What the lengths alone say of schema_edit_distance(a, b) for a of
 * `alen` = len_upto(a, 33) bytes: a lower bound (the distance is at least
 * the length difference), exactly SIZE_MAX when either is over 32 bytes.
 * A field whose floor cannot beat the best found so far is skipped without
 * the table walk: the suggestions are the same, only cheaper.
 */
static size_t distance_floor(size_t alen, const char *b)
{
	size_t blen = len_upto(b, 33);

	if (alen > 32 || blen > 32)
		return (size_t)-1;
	return alen > blen ? alen - blen : blen - alen;
}

static const char *where(struct arena *a, const struct dpath *p)
{
	const char *path = decode_path_text(a, p);

	return *path ? arena_printf(a, "in '%s'", path) : "at the top level";
}

/* "A, B, C": the schema's keys in table order. */
static const char *field_names(struct arena *a, const struct schema *s)
{
	const char **names = arena_array(a, s->nfields, sizeof(char *));

	for (size_t i = 0; i < s->nfields; i++)
		names[i] = s->fields[i].name;
	return arena_join(a, names, s->nfields, ", ");
}

/*
 * "A, B, C, D, E": the KEYS_SHOWN keys nearest `key` (edit distance, ties
 * in table order), so an error does not repeat a 70-key list (rule:
 * hcsc.input.unknown-key-suggestion).
 */
#define KEYS_SHOWN 5
static const char *nearest_names(struct arena *a, const struct schema *s,
				 const char *key)
{
	const char *names[KEYS_SHOWN];
	size_t dist[KEYS_SHOWN], n = 0, klen = len_upto(key, 33);

	for (size_t i = 0; i < s->nfields; i++) {
		size_t d, j;

		if (n == KEYS_SHOWN &&
		    distance_floor(klen, s->fields[i].name) >= dist[n - 1])
			continue;
		d = schema_edit_distance(key, s->fields[i].name);
		if (n == KEYS_SHOWN && d >= dist[n - 1])
			continue;
		if (n < KEYS_SHOWN)
			n++;
		for (j = n - 1; j > 0 && dist[j - 1] > d; j--) {
			dist[j] = dist[j - 1];
			names[j] = names[j - 1];
		}
		dist[j] = d;
		names[j] = s->fields[i].name;
	}
	return arena_join(a, names, n, ", ");
}

/* "HostConfig.Mounts": the path without list indices, as `hcsc keys`
 * takes it. */
static const char *schema_path_text(struct arena *a, const struct dpath *p)
{
	const char *up;

	if (p->kind == DP_ROOT)
		return p->name;
	up = schema_path_text(a, p->up);
	if (p->kind != DP_FIELD)
		return up;
	return *up ? arena_printf(a, "%s.%s", up, p->name) : p->name;
}

/*
 * A key as messages quote it: at most 64 bytes, cut on a character
 * boundary, then "..." (as load.c's load_show shows text). Without the
 * cut, aliased copies of a mapping of 64 KiB unknown keys made hundreds
 * of MB of --from-oci warnings (found by fuzzing).
 */
const char *decode_show_key(struct arena *a, const char *s)
{
	size_t n = 0;

	while (s[n] && n < 64)
		n++;
	while (s[n] && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return s[n] ? arena_printf(a, "%.*s...", (int)n, s) : s;
}

static const struct field *closest_field(const struct schema *s,
					 const char *key)
{
	const struct field *best = NULL;
	size_t best_d = 3, klen = len_upto(key, 33);

	for (size_t i = 0; i < s->nfields; i++) {
		size_t dist;

		if (distance_floor(klen, s->fields[i].name) >= best_d)
			continue;
		dist = schema_edit_distance(key, s->fields[i].name);

		if (dist < best_d) {
			best_d = dist;
			best = &s->fields[i];
		}
	}
	return best;
}

/* With ctx->warn_unknown (OCI input), the key is dropped with a warning. */
void decode_unknown_key_warning(const struct decode_ctx *ctx,
				const struct schema *s, const struct dpath *path,
				const struct node *key)
{
	const struct field *best = closest_field(s, key->text);

	if (best) {
		diag_warning(ctx->diags, DC_UNKNOWN_KEY, key->pos,
			     "unknown key '%s' %s (ignored; did you mean '%s'?)",
			     decode_show_key(ctx->arena, key->text),
			     where(ctx->arena, path), best->name);
		return;
	}
	diag_warning(ctx->diags, DC_UNKNOWN_KEY, key->pos,
		     "unknown key '%s' %s (ignored; not a field of %s)",
		     decode_show_key(ctx->arena, key->text), where(ctx->arena, path),
		     s->name);
}

void decode_unknown_key(const struct decode_ctx *ctx, const struct schema *s,
			const struct dpath *path, const struct node *key)
{
	const struct field *best;

	if (diag_full(ctx->diags)) { /* past the cap: counted, no suggestion */
		diag_error(ctx->diags, key->pos, "unknown key");
		return;
	}
	best = closest_field(s, key->text);

	if (best) {
		diag_error(ctx->diags, key->pos,
			   "unknown key '%s' %s (did you mean '%s'?)",
			   decode_show_key(ctx->arena, key->text),
			   where(ctx->arena, path), best->name);
		return;
	}

	if (s->nfields <= KEYS_SHOWN) {
		diag_error(ctx->diags, key->pos,
			   "unknown key '%s' %s (allowed: %s)",
			   decode_show_key(ctx->arena, key->text),
			   where(ctx->arena, path), field_names(ctx->arena, s));
		return;
	}
	if (!ctx->keys_cmd) {
		diag_error(ctx->diags, key->pos,
			   "unknown key '%s' %s (nearest: %s; %zu keys in all)",
			   decode_show_key(ctx->arena, key->text),
			   where(ctx->arena, path),
			   nearest_names(ctx->arena, s, key->text), s->nfields);
		return;
	}
	{
		const char *sp = schema_path_text(ctx->arena, path);

		diag_error(ctx->diags, key->pos,
			   "unknown key '%s' %s (nearest: %s; '%s%s%s' lists "
			   "all %zu)",
			   decode_show_key(ctx->arena, key->text),
			   where(ctx->arena, path),
			   nearest_names(ctx->arena, s, key->text),
			   ctx->keys_cmd, *sp ? " " : "", sp, s->nfields);
	}
}
