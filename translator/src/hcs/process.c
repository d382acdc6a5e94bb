/*
 * process.c: the init process's hcsschema.ProcessParameters (process.json)
 * as a json-c tree for shape_hcs_process. Mirrors hcsshim internal/cmd/
 * cmd.go (*Cmd).Start for a Windows host (reference/hcsshim-hcs.md §14,
 * DESIGN.md Decision 53):
 *   CommandLine       process.commandLine, else escapeArgs(process.args)
 *   User              process.user.username
 *   WorkingDirectory  process.cwd
 *   Environment       process.env split at the first `=`, entries with an
 *                     empty value (or no `=`) skipped, later ones win
 *   EmulateConsole    process.terminal
 *   CreateStdInPipe   Config.OpenStdin; CreateStdOutPipe true;
 *   CreateStdErrPipe  not terminal (Decision 53)
 *   ConsoleSize       [int32(height), int32(width)] whenever the spec has a
 *                     consoleSize (hcsshim internal/cmd tests only that)
 */
#include <string.h>

#include <json-c/json.h>

#include "hcs/hcs_int.h"
#include "oci/escape_arg.h"

static const char *command_line(struct arena *a, const struct oci_spec *s)
{
	if (s->process.command_line && *s->process.command_line)
		return s->process.command_line;
	return escape_args(a, (const char *const *)s->process.args.v,
			   s->process.args.n);
}

/* strings.SplitN(v, "=", 2), kept when there are two parts, the 2nd set. */
static void set_environment(struct arena *a, struct json_object *o,
			    const struct str_list *env)
{
	struct json_object *m = hcs_set_obj(o, "Environment");
	const char *e, *eq;
	size_t i;

	for (i = 0; i < env->n; i++) {
		e = env->v[i] ? env->v[i] : "";
		eq = strchr(e, '=');
		if (!eq || !eq[1])
			continue;
		hcs_set_str(m, arena_strndup(a, e, (size_t)(eq - e)), eq + 1);
	}
}

static void set_console_size(struct json_object *o, const struct oci_spec *s)
{
	struct json_object *a;

	if (!s->process.has_console_size)
		return;
	a = hcs_set(o, "ConsoleSize", hcs_arr());
	hcs_push(a, json_object_new_int64(
			    hcs_go_int32(s->process.console_height)));
	hcs_push(a, json_object_new_int64(
			    hcs_go_int32(s->process.console_width)));
}

struct json_object *hcs_process_build(struct arena *a,
				      const struct hcs_input *in)
{
	const struct oci_spec *s = in->spec;
	struct json_object *o = hcs_obj();
	bool tty = s->has_process && s->process.terminal;

	hcs_set_bool(o, "CreateStdInPipe", in->open_stdin);
	hcs_set_bool(o, "CreateStdOutPipe", true);
	hcs_set_bool(o, "CreateStdErrPipe", !tty);
	if (!s->has_process)
		return o;
	hcs_set_str(o, "CommandLine", command_line(a, s));
	hcs_set_str(o, "User", s->process.username);
	hcs_set_str(o, "WorkingDirectory", s->process.cwd);
	set_environment(a, o, &s->process.env);
	hcs_set_bool(o, "EmulateConsole", tty);
	set_console_size(o, s);
	return o;
}
