/*
 * cmd_keys.c: `hcsc keys [PATH]`: the valid keys of a description under
 * PATH, with their type and what hcsc does with each (rule: hcsc.cli.keys).
 * An unknown-key error names this command instead of listing every key.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "model/schema.h"
#include "options.h"

static int no_key(struct arena *a, const struct schema *top, const char *path,
		  size_t bad_at)
{
	const char *step = path + bad_at;
	size_t n = strcspn(step, ".[");
	const char *parent = arena_strndup(a, path, bad_at ? bad_at - 1 : 0);
	const struct field *last;
	size_t bad2;
	const struct schema *s =
		bad_at ? schema_walk(top, parent, &last, &bad2) : top;
	const char *key = arena_printf(a, "%.*s", (int)n, step);
	const char *near = NULL;
	size_t best = 3;
	const char *in = *parent ? arena_printf(a, "in '%s'", parent)
				 : "at the top level";

	for (size_t i = 0; s && i < s->nfields; i++) {
		size_t d = schema_edit_distance(key, s->fields[i].name);

		if (d < best) {
			best = d;
			near = s->fields[i].name;
		}
	}
	if (near)
		return cli_fail(HCSC_E_USAGE, "no key '%s' %s; did you mean "
				"'%s'? (see 'hcsc keys%s%s')", key, in, near,
				*parent ? " " : "", parent);
	return cli_fail(HCSC_E_USAGE, "no key '%s' %s (see 'hcsc keys%s%s')",
			key, in, *parent ? " " : "", parent);
}

/* A path with an empty step: ".Config", "HostConfig..Mounts", "[0]", "Config." */
static bool empty_step(const char *path)
{
	size_t n = strlen(path);

	return n && (path[0] == '.' || path[0] == '[' || path[n - 1] == '.' ||
		     strstr(path, "..") || strstr(path, ".["));
}

int cmd_keys(int argc, char **argv)
{
	struct cli_args args;
	struct arena *a;
	const struct schema *top = schema_description(), *s;
	const struct field *last;
	const char *path;
	size_t bad_at = 0, wname = 3, wtype = 4;
	int rc = HCSC_OK;

	if (!cli_parse("keys", argc, argv, &args))
		return HCSC_E_USAGE;
	if (args.npos > 1)
		return cli_fail(HCSC_E_USAGE, "keys takes at most one PATH");
	path = args.npos ? args.pos[0] : "";
	if (empty_step(path))
		return cli_fail(HCSC_E_USAGE, "'%s' has an empty key; a path is "
					      "keys joined by '.' (HostConfig."
					      "Mounts, [N] allowed after a key)",
				path);
	a = arena_new();
	s = schema_walk(top, path, &last, &bad_at);
	if (!s && last) {
		rc = cli_fail(HCSC_E_USAGE, "'%s' has type %s: no keys below it",
			      path, schema_type_text(a, last));
	} else if (!s) {
		rc = no_key(a, top, path, bad_at);
	} else {
		for (size_t i = 0; i < s->nfields; i++) {
			size_t n = strlen(s->fields[i].name);
			size_t t = strlen(schema_type_text(a, &s->fields[i]));

			wname = n > wname ? n : wname;
			wtype = t > wtype ? t : wtype;
		}
		printf("%-*s  %-*s  %s\n", (int)wname, "KEY", (int)wtype,
		       "TYPE", "HCSC");
		for (size_t i = 0; i < s->nfields; i++)
			printf("%-*s  %-*s  %s\n", (int)wname,
			       s->fields[i].name, (int)wtype,
			       schema_type_text(a, &s->fields[i]),
			       schema_status_word(s->fields[i].status));
	}
	arena_free(a);
	return rc;
}
