/*
 * front/interp.h: Compose variable interpolation (compose-go template):
 * `$$` is a literal `$`; `$NAME` and `${NAME}` the variable (unset: empty,
 * with compose's warning); `${NAME:-default}` / `${NAME-default}` a
 * default when unset or empty / unset; `${NAME:+alt}` / `${NAME+alt}` the
 * alternative when set and non-empty / set; `${NAME:?err}` / `${NAME?err}`
 * an error when unset or empty / unset. Defaults, alternatives and
 * error texts are interpolated in turn. Errors: `Invalid template:
 * "..."` and `required variable NAME is missing a value: err`, wrapped as
 * `error while interpolating PATH: ...`.
 *
 * Variables come only from the `.env` beside the Compose file and the
 * `--env` options (rule: front.client-sends), never from this process's environment.
 */
#ifndef HCSC_FRONT_INTERP_H
#define HCSC_FRONT_INTERP_H

#include "front/envfile.h"
#include "hcsc.h"

struct arena;
struct diag_list;
struct node;

/*
 * Interpolate every string value (not keys) of the tree in place; `path`
 * names the root ("" for the document). HCSC_OK or HCSC_E_INPUT.
 */
enum hcsc_rc interp_tree(struct arena *a, struct diag_list *d,
			 const struct client_env *vars, struct node *n,
			 const char *path);

#endif
