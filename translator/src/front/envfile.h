/*
 * front/envfile.h: environment files and client-side variables.
 *
 * `--env-file` (and `--label-file`) as docker/cli's pkg/kvfile parses
 * them: lines trimmed on the left, `#` comments and blank lines skipped,
 * a UTF-8 BOM dropped, `KEY=VALUE` kept as is (trailing spaces included),
 * a `KEY` without `=` looked up in the client's environment (here: the
 * `--client-env KEY=VALUE` list, never hcsc's own environment) and
 * dropped when unset. Errors: `invalid env file (%s): ...`.
 */
#ifndef HCSC_FRONT_ENVFILE_H
#define HCSC_FRONT_ENVFILE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* KEY=VALUE pairs standing for the client's environment. */
struct client_env {
	const char **kv;
	size_t n;
};

/* The value of `key` (exact, as on Linux clients), or NULL when unset. */
const char *client_env_get(const struct client_env *e, const char *key,
			   size_t keylen);

/*
 * Parse `len` bytes of `data` (from file `name`) into KEY=VALUE strings
 * appended to *out / *n. `lookup` NULL: lines without `=` are dropped
 * (labels). Returns NULL or the error text.
 */
const char *envfile_parse(struct arena *a, const char *name, const char *data,
			  size_t len, const struct client_env *lookup,
			  const char ***out, size_t *n);

#endif
