/*
 * options.c: the command table (each subcommand's name, help and
 * function), the option table, and a small getopt-like parser over it
 * (`--name value`, `--name=value`, `-x value` or `-xvalue`; `--` ends
 * options; `-` is a positional, standard input).
 */
#include "options.h"

#include <string.h>

#include "cli.h"
#include "hcsc.h"
#include "model/schema.h"

const struct cli_command cli_commands[] = {
	{ "compile", "hcsc compile DESC [options] | --from-oci FILE [options]",
	  "compile a description (YAML or JSON; - for stdin) into the OCI "
	  "spec, HCS v1, HCS v2.1 and process documents",
	  cmd_compile },
	{ "check", "hcsc check CORPUS GOLDEN [options]",
	  "compile every case of the CORPUS folder and compare the results "
	  "byte for byte with the GOLDEN folder (exit 3 on differences)",
	  cmd_check },
	{ "diff", "hcsc diff DESC --target A --target B | --host X --host Y",
	  "compile a description two ways and show, per document, a unified "
	  "diff and a summary line (exit 0 identical, 3 different)",
	  cmd_diff },
	{ "explain", "hcsc explain DESC [options] [POINTER...]",
	  "compile a description and tell, for each value of each document "
	  "(or those under each POINTER, e.g. hcs-v1.json#/ProcessorMaximum), "
	  "where it came from and the rule that made it",
	  cmd_explain },
	{ "run", "hcsc run [options] -- [docker run flags] IMAGE [COMMAND [ARG...]]",
	  "compile what 'docker run' (docker/cli v29) would send for these "
	  "flags, as a description; default target docker",
	  cmd_run },
	{ "compose", "hcsc compose FILE [SERVICE...] [options]",
	  "compile each service of a Compose file (as docker compose v5 "
	  "sends it) as a description; default target docker",
	  cmd_compose },
	{ "hosts", "hcsc hosts [NAME] [--format json]",
	  "list the built-in host profiles: NAME BUILD SKU CPUS ALIASES; with "
	  "a NAME (or a build number), print that profile as a host-profile "
	  "file",
	  cmd_hosts },
	{ "keys", "hcsc keys [PATH]",
	  "list the keys a description accepts under PATH (HostConfig, "
	  "HostConfig.Mounts; default: the top level): KEY TYPE and whether "
	  "hcsc models, validates or ignores it",
	  cmd_keys },
	{ "schema", "hcsc schema",
	  "print a JSON Schema (draft 2020-12) of the description format, "
	  "for editors (yaml-language-server) and CI",
	  cmd_schema },
	{ "targets", "hcsc targets",
	  "list the targets (the engines hcsc models): NAME and what it is",
	  cmd_targets },
	{ "help", "hcsc help [COMMAND]",
	  "this text, or one command's (also: hcsc COMMAND --help)",
	  cmd_help },
};
const unsigned cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

/* The diagnostics options of the compile-like commands (rule:
 * hcsc.diag.render); `compile` has its own -q row. */
#define DIAG_OPTIONS(cmd) \
	{ OPT_MAX_ERRORS, cmd, "--max-errors", 0, "N", \
	  "show at most N errors, then count the rest (default 20; 0: no " \
	  "limit)" }, \
	{ OPT_NO_WARN, cmd, "--no-warn", 'w', "CATEGORY", \
	  "do not print warnings of CATEGORY (placeholder, build, rounding, " \
	  "...; repeatable)" }, \
	{ OPT_COLOR, cmd, "--color", 0, "WHEN", \
	  "colour diagnostics: auto (default: a terminal, unless NO_COLOR " \
	  "is set), always or never" }, \
	{ OPT_DIAG_FORMAT, cmd, "--diagnostics-format", 0, "FORMAT", \
	  "text (default: source line, caret, count), short (one line " \
	  "each), json (one object a line) or sarif (SARIF 2.1.0), on stderr" }
#define QUIET_OPTION(cmd) \
	{ OPT_QUIET, cmd, "--quiet", 'q', NULL, \
	  "do not print warnings (errors still print; --strict still counts " \
	  "them)" }

const struct cli_option cli_options[] = {
	{ OPT_HOST, "compile", "--host", 0, "FILE|NAME",
	  "host profile: a file, or a built-in name (default ltsc2022)" },
	{ OPT_TARGET, "compile", "--target", 0, "NAME",
	  "the engine to model (hcsc targets; default: the profile's "
	  "Target:, else hcsshim-0.8.6)" },
	{ OPT_OUTPUT, "compile", "--output", 'o', "DIR",
	  "write the documents into DIR (created if missing), atomically" },
	{ OPT_EMIT, "compile", "--emit", 0, "LIST",
	  "documents to produce: oci,hcs-v1,hcs-v2,process (default: oci on "
	  "stdout, every document the target builds with -o)" },
	{ OPT_COMPACT, "compile", "--compact", 0, NULL,
	  "Go json.Marshal bytes (no indentation, no final newline)" },
	{ OPT_STRICT, "compile", "--strict", 0, NULL,
	  "placeholders and build warnings become errors" },
	{ OPT_VERBOSE, "compile", "--verbose", 'v', NULL,
	  "also print notes (which document the host would submit)" },
	QUIET_OPTION("compile"),
	DIAG_OPTIONS("compile"),
	{ OPT_APPLY, "compile", "--apply", 0, NULL,
	  "submit the document to HCS (Windows only; elsewhere exit 2)" },
	{ OPT_START, "compile", "--start", 0, NULL,
	  "with --apply: start the system, run the init process attached, "
	  "exit with its code" },
	{ OPT_TIMEOUT, "compile", "--timeout", 0, "SECONDS",
	  "with --apply: bound of each HCS wait (default 240)" },
	{ OPT_DRY_RUN, "compile", "--dry-run", 0, NULL,
	  "with --apply: print the HCS calls and the document; call nothing" },
	{ OPT_FROM_OCI, "compile", "--from-oci", 0, "FILE",
	  "compile an OCI config.json into the HCS and process documents" },
	{ OPT_ID, "compile", "--id", 0, "ID",
	  "with --from-oci: the container ID (default from the file name)" },
	{ OPT_OWNER, "compile", "--owner", 0, "OWNER",
	  "with --from-oci: the HCS Owner (default docker)" },
	{ OPT_RUNTIME, "compile", "--runtime", 0, "FILE",
	  "with --from-oci: runtime facts (layer IDs, OpenStdin, namespace)" },
	{ OPT_TARGET, "diff", "--target", 0, "NAME",
	  "a target to compare; give it twice, or once with --host twice" },
	{ OPT_HOST, "diff", "--host", 0, "FILE|NAME",
	  "a host profile to compare; give it twice, or once with --target "
	  "twice" },
	{ OPT_STRICT, "diff", "--strict", 0, NULL,
	  "placeholders and build warnings become errors" },
	QUIET_OPTION("diff"),
	DIAG_OPTIONS("diff"),
	{ OPT_HOST, "explain", "--host", 0, "FILE|NAME",
	  "host profile: a file, or a built-in name (default ltsc2022)" },
	{ OPT_TARGET, "explain", "--target", 0, "NAME",
	  "the engine to model (default: the profile's Target:, else "
	  "hcsshim-0.8.6)" },
	{ OPT_FROM_OCI, "explain", "--from-oci", 0, "FILE",
	  "explain the HCS documents of an OCI config.json instead" },
	{ OPT_RUNTIME, "explain", "--runtime", 0, "FILE",
	  "with --from-oci: runtime facts (layer IDs, OpenStdin, namespace)" },
	{ OPT_STRICT, "explain", "--strict", 0, NULL,
	  "placeholders and build warnings become errors" },
	{ OPT_FORMAT, "explain", "--format", 0, "FORMAT",
	  "text (the default) or json (one object per value: document, "
	  "pointer, value, rule, statement, upstream, zero, how, sources)" },
	QUIET_OPTION("explain"),
	DIAG_OPTIONS("explain"),
	{ OPT_HOST, "run", "--host", 0, "FILE|NAME",
	  "host profile: a file, or a built-in name (default ltsc2022)" },
	{ OPT_TARGET, "run", "--target", 0, "NAME",
	  "the engine to model (default: the profile's Target:, else docker)" },
	{ OPT_OUTPUT, "run", "--output", 'o', "DIR",
	  "write the documents into DIR (created if missing), atomically" },
	{ OPT_EMIT, "run", "--emit", 0, "LIST",
	  "documents to produce, as for compile" },
	{ OPT_COMPACT, "run", "--compact", 0, NULL,
	  "Go json.Marshal bytes (no indentation, no final newline)" },
	{ OPT_STRICT, "run", "--strict", 0, NULL,
	  "placeholders and build warnings become errors" },
	{ OPT_VERBOSE, "run", "--verbose", 'v', NULL,
	  "also print notes" },
	QUIET_OPTION("run"),
	DIAG_OPTIONS("run"),
	{ OPT_IMAGE_INSPECT, "run", "--image-inspect", 0, "FILE",
	  "'docker image inspect' output: the image's Cmd, Env, WorkingDir... "
	  "(Image.Config)" },
	{ OPT_CLIENT_ENV, "run", "--client-env", 0, "KEY=VALUE",
	  "the client's environment, for -e NAME and env-file lines without = "
	  "(repeatable)" },
	{ OPT_CLIENT_CWD, "run", "--client-cwd", 0, "WINPATH",
	  "the client's current directory, for relative bind sources" },
	{ OPT_EXPLAIN, "run", "--explain", 0, "POINTER",
	  "print where the values under POINTER came from instead of the "
	  "documents (as hcsc explain; all: every value; repeatable)" },
	{ OPT_PRINT_DESC, "run", "--print-description", 0, NULL,
	  "print the description (YAML) instead of compiling it" },
	{ OPT_HOST, "compose", "--host", 0, "FILE|NAME",
	  "host profile: a file, or a built-in name (default ltsc2022)" },
	{ OPT_TARGET, "compose", "--target", 0, "NAME",
	  "the engine to model (default: the profile's Target:, else docker)" },
	{ OPT_OUTPUT, "compose", "--output", 'o', "DIR",
	  "write each service's documents into DIR/SERVICE/" },
	{ OPT_EMIT, "compose", "--emit", 0, "LIST",
	  "documents to produce, as for compile" },
	{ OPT_COMPACT, "compose", "--compact", 0, NULL,
	  "Go json.Marshal bytes (no indentation, no final newline)" },
	{ OPT_STRICT, "compose", "--strict", 0, NULL,
	  "placeholders and build warnings become errors" },
	{ OPT_VERBOSE, "compose", "--verbose", 'v', NULL,
	  "also print notes" },
	QUIET_OPTION("compose"),
	DIAG_OPTIONS("compose"),
	{ OPT_ENV, "compose", "--env", 0, "KEY=VALUE",
	  "a variable for interpolation (wins over .env beside FILE; "
	  "repeatable)" },
	{ OPT_PROJECT_DIR, "compose", "--project-directory", 0, "WINPATH",
	  "the project folder on the client, for relative bind sources" },
	{ OPT_IMAGE_INSPECT, "compose", "--image-inspect", 0, "[SERVICE=]FILE",
	  "'docker image inspect' output for every service, or one (repeatable)" },
	{ OPT_EXPLAIN, "compose", "--explain", 0, "POINTER",
	  "print where the values under POINTER came from instead of the "
	  "documents (as hcsc explain; all: every value; repeatable)" },
	{ OPT_PRINT_DESC, "compose", "--print-description", 0, NULL,
	  "print each service's description (YAML) instead of compiling" },
	{ OPT_UPDATE, "check", "--update", 0, NULL,
	  "rewrite the golden files of the cases that differ, remove stale "
	  "ones" },
	{ OPT_REPORT, "check", "--report", 0, "FILE",
	  "also write a JUnit XML report to FILE, - for stdout (libxml2, in "
	  "the module hcsc-report.so)" },
	{ OPT_JOBS, "check", "--jobs", 'j', "N",
	  "run N cases at once (default: the number of CPUs); same output" },
	{ OPT_FILTER, "check", "--filter", 0, "GLOB",
	  "only the cases whose path matches GLOB (* ? [..] **; / literal); "
	  "repeatable: any of them" },
	{ OPT_EXCLUDE, "check", "--exclude", 0, "GLOB",
	  "leave out the cases whose path matches GLOB (repeatable)" },
	{ OPT_SHARD, "check", "--shard", 0, "K/N",
	  "only shard K of N (1 <= K <= N): a split by a hash of the case "
	  "path, for CI matrices" },
	{ OPT_FAIL_FAST, "check", "--fail-fast", 0, NULL,
	  "stop at the first case that fails (the rest are not run)" },
	{ OPT_LIST, "check", "--list", 0, NULL,
	  "list the cases: CASE HOST TARGET FLAGS, tab-separated; compile "
	  "nothing" },
	{ OPT_MAX_DIFF_LINES, "check", "--max-diff-lines", 0, "N",
	  "show at most N lines of each diff (0: all; default a screenful "
	  "on a terminal, else all) and close with the list of failed "
	  "cases" },
	{ OPT_COLOR, "check", "--color", 0, "WHEN",
	  "colour diffs: auto (on a terminal, unless NO_COLOR is set), "
	  "always or never" },
	{ OPT_FORMAT, "hosts", "--format", 0, "FORMAT",
	  "text (the default) or json" },
};
const unsigned cli_noptions = sizeof(cli_options) / sizeof(cli_options[0]);

static const struct cli_option *find_long(const char *cmd, const char *name,
					  size_t n)
{
	for (unsigned i = 0; i < cli_noptions; i++)
		if (!strcmp(cli_options[i].cmd, cmd) &&
		    strlen(cli_options[i].name) == n &&
		    !strncmp(cli_options[i].name, name, n))
			return &cli_options[i];
	return NULL;
}

static const struct cli_option *find_short(const char *cmd, char c)
{
	for (unsigned i = 0; i < cli_noptions; i++)
		if (!strcmp(cli_options[i].cmd, cmd) &&
		    cli_options[i].short_name == c)
			return &cli_options[i];
	return NULL;
}

/* The option of `cmd` nearest `a` (edit distance <= 2), or NULL. */
static const char *nearest_option(const char *cmd, const char *a)
{
	const char *best = NULL;
	size_t best_d = 3;
	char name[64];
	size_t n = strcspn(a, "=");

	if (n >= sizeof(name) || a[1] != '-')
		return NULL;
	memcpy(name, a, n);
	name[n] = '\0';
	for (unsigned i = 0; i < cli_noptions; i++) {
		size_t d;

		if (strcmp(cli_options[i].cmd, cmd))
			continue;
		d = schema_edit_distance(name, cli_options[i].name);
		if (d < best_d) {
			best_d = d;
			best = cli_options[i].name;
		}
	}
	return best;
}

const char *cli_nearest_command(const char *name)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (unsigned c = 0; c < cli_ncommands; c++) {
		size_t d = schema_edit_distance(name, cli_commands[c].name);

		if (d < best_d) {
			best_d = d;
			best = cli_commands[c].name;
		}
	}
	return best;
}

static bool usage(const char *cmd, const char *what, const char *arg)
{
	const char *near = strcmp(what, "unknown option")
				   ? NULL
				   : nearest_option(cmd, arg);

	if (near) {
		cli_usage_error("hcsc %s: %s '%s'; did you mean '%s'? (see "
				"'hcsc %s --help')",
				cmd, what, arg, near, cmd);
		return false;
	}
	cli_usage_error("hcsc %s: %s '%s' (see 'hcsc --help')", cmd, what, arg);
	return false;
}

/*
 * A short option: "-j" alone, or with its value attached as getopt allows
 * ("-j1", "-ofolder"); *eq then points just before the value, as "=" does
 * for a long option. A flag that takes no value must stand alone.
 */
static const struct cli_option *short_option(const char *cmd, const char *a,
					     const char **eq)
{
	const struct cli_option *o = find_short(cmd, a[1]);

	if (!a[2] || !o)
		return o;
	if (!o->arg)
		return NULL;
	*eq = a + 1;
	return o;
}

bool cli_parse(const char *cmd, int argc, char **argv, struct cli_args *out)
{
	bool only_pos = false;

	memset(out, 0, sizeof(*out));
	out->cmd = cmd;
	out->argc = argc;
	out->argv = argv;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *eq = NULL;
		const struct cli_option *o;

		if (only_pos || a[0] != '-' || !a[1]) {
			if (out->npos == sizeof(out->pos) / sizeof(out->pos[0]))
				return usage(cmd, "too many arguments at", a);
			out->pos[out->npos++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_pos = true;
			continue;
		}
		if (a[1] == '-') {
			eq = strchr(a, '=');
			o = find_long(cmd, a, eq ? (size_t)(eq - a) : strlen(a));
		} else {
			o = short_option(cmd, a, &eq);
		}
		if (!o)
			return usage(cmd, "unknown option", a);
		if (o->arg) {
			if (eq) {
				out->value[o->id] = eq + 1;
			} else if (i + 1 < argc) {
				out->value[o->id] = argv[++i];
			} else {
				return usage(cmd, "missing value for", a);
			}
		} else if (eq) {
			return usage(cmd, "option takes no value", a);
		}
		if (o->arg && !*out->value[o->id] &&
		    (strstr(o->arg, "FILE") || strstr(o->arg, "DIR")))
			return usage(cmd, "empty file or folder name for", a);
		if (!out->times[o->id]++)
			out->first[o->id] = out->value[o->id];
		out->given[o->id] = true;
	}
	return true;
}

/*
 * The next option given with a value, from argv[*i] up to "--": its row
 * in *opt and its value, with *i past both; NULL when there is none.
 * The words were cli_parse's already, so none is unknown here.
 */
static const char *next_value(const char *cmd, int argc, char **argv,
			      int *i, const struct cli_option **opt)
{
	while (*i < argc && strcmp(argv[*i], "--")) {
		const char *a = argv[(*i)++], *eq = NULL;
		const struct cli_option *o;

		if (a[0] != '-' || !a[1])
			continue;
		if (a[1] == '-') {
			eq = strchr(a, '=');
			o = find_long(cmd, a, eq ? (size_t)(eq - a) : strlen(a));
		} else {
			o = short_option(cmd, a, &eq);
		}
		if (!o || !o->arg || (!eq && *i >= argc))
			continue;
		*opt = o;
		return eq ? eq + 1 : argv[(*i)++];
	}
	return NULL;
}

unsigned cli_values(const char *cmd, int argc, char **argv, enum opt_id id,
		    const char **out, unsigned max)
{
	const struct cli_option *o;
	const char *v;
	unsigned n = 0;
	int i = 0;

	while ((v = next_value(cmd, argc, argv, &i, &o)))
		if (o->id == id && n < max)
			out[n++] = v;
	return n;
}

/* A value of option `o` that names a file the command reads? */
static bool reads_file(const struct cli_option *o, const char *v)
{
	return o->arg && strstr(o->arg, "FILE") && o->id != OPT_REPORT &&
	       strcmp(v, "-");
}

/* `v` or, for [SERVICE=]FILE, the FILE after '=', if is() says so. */
static const char *input_value(const struct cli_option *o, const char *v,
			       bool (*is)(void *, const char *), void *user)
{
	const char *eq = strchr(v, '=');

	if (!reads_file(o, v))
		return NULL;
	if (is(user, v))
		return v;
	if (o->arg[0] == '[' && eq && reads_file(o, eq + 1) && is(user, eq + 1))
		return eq + 1;
	return NULL;
}

const char *cli_find_input(const struct cli_args *args,
			   bool (*is)(void *user, const char *path),
			   void *user)
{
	const struct cli_option *o;
	const char *v, *hit = NULL;
	int i = 0;

	for (unsigned k = 0; k < args->npos; k++)
		if (strcmp(args->pos[k], "-") && is(user, args->pos[k]))
			return args->pos[k];
	while (!hit && (v = next_value(args->cmd, args->argc, args->argv, &i,
				       &o)))
		hit = input_value(o, v, is, user);
	return hit;
}

static void print_options(FILE *f, const char *cmd)
{
	for (unsigned i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options[i];
		char head[64];

		if (strcmp(o->cmd, cmd))
			continue;
		if (o->short_name)
			snprintf(head, sizeof(head), "-%c, %s%s%s", o->short_name,
				 o->name, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(head, sizeof(head), "%s%s%s", o->name,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "    %-22s %s\n", head, o->help);
	}
}

void cli_print_help(FILE *f)
{
	fprintf(f, "hcsc %s: compile Windows container descriptions into the "
		   "documents the\nWindows container stack builds (OCI runtime "
		   "spec, HCS v1 and v2.1, process).\n\nusage:\n",
		HCSC_VERSION);
	for (unsigned c = 0; c < cli_ncommands; c++) {
		fprintf(f, "  %s\n      %s\n", cli_commands[c].synopsis,
			cli_commands[c].help);
		print_options(f, cli_commands[c].name);
	}
	fprintf(f, "  hcsc --version | --help\n\n"
		   "exit codes: 0 ok, 1 invalid input, 2 usage, 3 check "
		   "differences,\n4 apply failed, 5 I/O or internal error\n");
}

bool cli_print_command_help(FILE *f, const char *cmd)
{
	for (unsigned c = 0; c < cli_ncommands; c++) {
		if (strcmp(cli_commands[c].name, cmd))
			continue;
		fprintf(f, "usage: %s\n    %s\n", cli_commands[c].synopsis,
			cli_commands[c].help);
		print_options(f, cmd);
		fprintf(f, "\nexit codes: 0 ok, 1 invalid input, 2 usage, 3 "
			   "check differences,\n4 apply failed, 5 I/O or "
			   "internal error; all commands: hcsc --help\n");
		return true;
	}
	return false;
}

bool cli_format_is_json(const struct cli_args *args, bool *json)
{
	const char *fmt = args->value[OPT_FORMAT] ? args->value[OPT_FORMAT]
						  : "text";

	*json = !strcmp(fmt, "json");
	if (*json || !strcmp(fmt, "text"))
		return true;
	cli_fail(HCSC_E_USAGE, "--format takes text or json, not '%s'", fmt);
	return false;
}
