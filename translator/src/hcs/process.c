/*
 * process.c: the init process document (process.json) as a json-c tree,
 * in the two shapes the engines send:
 *
 * hcsschema.ProcessParameters (shape_hcs_process), hcsshim internal/cmd/
 * cmd.go (*Cmd).Start for a Windows host (targets hcsshim-0.8.6 and
 * docker-containerd):
 *   CommandLine       process.commandLine, else escapeArgs(process.args)
 *   User              process.user.username
 *   WorkingDirectory  process.cwd
 *   Environment       process.env split at the first `=`, entries with an
 *                     empty value (or no `=`) skipped, later ones win
 *   EmulateConsole    process.terminal
 *   CreateStdInPipe   the target's stdin rule (target.h); CreateStdOutPipe
 *                     true; CreateStdErrPipe not terminal
 *   ConsoleSize       [int32(height), int32(width)] whenever the spec has a
 *                     consoleSize (hcsshim internal/cmd tests only that)
 *
 * schema1.ProcessConfig (shape_hcs_process_v1), moby daemon/internal/
 * libcontainerd/local/local_windows.go (*container).NewTask (target
 * docker): the same command line, user and working directory;
 * Environment keeps entries with an empty value (setupEnvironmentVariables
 * cuts at the first `=` and keeps every entry that has one); stdin and
 * stdout pipes always; ConsoleSize a [2]uint, [0,0] without a console size.
 * For a Linux container (docker-19.03, LCOW) the args go as CommandArgs
 * and the whole spec, as createLinux left it, as OCISpecification.
 * rules: process.moby-local.config, process.lcow.spec
 */
#include <string.h>

#include <json-c/json.h>

#include "emit/oci_json.h"
#include "hcs/hcs_int.h"
#include "escape_arg.h"

/*
 * The spec's commandLine, else its args escaped and joined; moby
 * 85ad4b16c1's Start joined the args (escaped by its createSpec) as they
 * are (rule: process.moby-1903.command-line).
 */
static const char *command_line(struct arena *a, const struct hcs_input *in)
{
	const struct oci_spec *s = in->spec;

	if (in->target->process == TARGET_PROCESS_MOBY_LOCAL_1903)
		return arena_join(a, (const char *const *)s->process.args.v,
				  s->process.args.n, " ");
	if (s->process.command_line && *s->process.command_line)
		return s->process.command_line;
	return escape_args(a, (const char *const *)s->process.args.v,
			   s->process.args.n);
}

/*
 * hcsshim: strings.SplitN(v, "=", 2), kept when there are two parts and
 * the second is not empty. moby (keep_empty): strings.Cut, kept when there
 * is a `=`.
 */
static void set_environment(struct arena *a, struct json_object *o,
			    const struct str_list *env, bool keep_empty)
{
	struct json_object *m = hcs_set_obj(o, "Environment");
	const char *e, *eq;
	size_t i;

	for (i = 0; i < env->n; i++) {
		e = env->v[i] ? env->v[i] : "";
		eq = strchr(e, '=');
		if (!eq || (!eq[1] && !keep_empty))
			continue;
		hcs_map_set_str(m, arena_strndup(a, e, (size_t)(eq - e)),
				eq + 1);
	}
}

/*
 * hcsshim: []int32{int32(height), int32(width)} when the spec has a
 * console size. moby: a [2]uint, always printed ([0,0] without one).
 */
static void set_console_size(struct json_object *o, const struct oci_spec *s,
			     bool moby)
{
	struct json_object *a;
	bool has = s->has_process && s->process.has_console_size;

	if (!has && !moby)
		return;
	a = hcs_set(o, "ConsoleSize", hcs_arr());
	if (moby) {
		hcs_push(a, json_object_new_uint64(has ? s->process.console_height : 0));
		hcs_push(a, json_object_new_uint64(has ? s->process.console_width : 0));
		return;
	}
	hcs_push(a, json_object_new_int64(
			    hcs_go_int32(s->process.console_height)));
	hcs_push(a, json_object_new_int64(
			    hcs_go_int32(s->process.console_width)));
}

/* Who gets a stdin pipe: the engine's rule (target.h). */
static bool stdin_pipe(const struct hcs_input *in, bool tty)
{
	switch (in->target->stdin_pipe) {
	case TARGET_STDIN_ALWAYS:
		return true;
	case TARGET_STDIN_OPEN_STDIN_OR_TTY:
		return in->open_stdin || tty;
	case TARGET_STDIN_OPEN_STDIN:
		break;
	}
	return in->open_stdin;
}

struct json_object *hcs_process_build(struct arena *a,
				      const struct hcs_input *in,
				      const struct oci_spec *lcow_spec)
{
	const struct oci_spec *s = in->spec;
	struct json_object *o = hcs_obj();
	bool tty = s->has_process && s->process.terminal;
	bool moby = in->target->process != TARGET_PROCESS_HCSSHIM;

	hcs_set_bool_oe(o, "CreateStdInPipe", stdin_pipe(in, tty));
	hcs_set_bool(o, "CreateStdOutPipe", true);
	hcs_set_bool_oe(o, "CreateStdErrPipe", !tty);
	set_console_size(o, s, moby);
	if (!s->has_process)
		return o;
	if (lcow_spec) {
		/* moby 85ad4b16c1 Start for LCOW: the args, and the spec. */
		hcs_set_strs(o, "CommandArgs", &s->process.args);
		hcs_set(o, "OCISpecification",
			oci_spec_to_json(lcow_spec, NULL, in->px != NULL));
	} else {
		hcs_set_str(o, "CommandLine", command_line(a, in));
	}
	hcs_set_str_oe(o, "User", s->process.username);
	hcs_set_str_oe(o, "WorkingDirectory", s->process.cwd);
	set_environment(a, o, &s->process.env, moby);
	hcs_set_bool_oe(o, "EmulateConsole", tty);
	return o;
}
