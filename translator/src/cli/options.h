/*
 * options.h: the command line as data. One table of subcommands and
 * options drives argument parsing, `hcsc --help` and the README's option
 * list (a test keeps the README in step with `hcsc --help`).
 */
#ifndef HCSC_CLI_OPTIONS_H
#define HCSC_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

enum opt_id {
	OPT_HOST,
	OPT_TARGET,
	OPT_OUTPUT,
	OPT_EMIT,
	OPT_COMPACT,
	OPT_STRICT,
	OPT_VERBOSE,
	OPT_APPLY,
	OPT_START,
	OPT_TIMEOUT,
	OPT_DRY_RUN,
	OPT_FROM_OCI,
	OPT_ID,
	OPT_OWNER,
	OPT_RUNTIME,
	OPT_UPDATE,
	OPT_REPORT,
	OPT_JOBS,
	OPT_FILTER,
	OPT_SHARD,
	OPT_IMAGE_INSPECT,
	OPT_CLIENT_ENV,
	OPT_CLIENT_CWD,
	OPT_PRINT_DESC,
	OPT_ENV,
	OPT_PROJECT_DIR,
	OPT_FORMAT,
	OPT_QUIET,
	OPT_COLOR,
	OPT_MAX_ERRORS,
	OPT_NO_WARN,
	OPT_DIAG_FORMAT,
	OPT_EXCLUDE,
	OPT_FAIL_FAST,
	OPT_LIST,
	OPT_MAX_DIFF_LINES,
	OPT_EXPLAIN,
	OPT_COUNT
};

struct cli_option {
	enum opt_id id;
	const char *cmd;   /* the subcommand it belongs to */
	const char *name;  /* long name, with dashes */
	char short_name;   /* or 0 */
	const char *arg;   /* metavariable, or NULL for a flag */
	const char *help;
};

/* A subcommand: its name, help texts and the function that runs it. */
struct cli_command {
	const char *name;
	const char *synopsis;
	const char *help;
	int (*run)(int argc, char **argv); /* the arguments after the name */
};

extern const struct cli_option cli_options[];
extern const unsigned cli_noptions;
extern const struct cli_command cli_commands[];
extern const unsigned cli_ncommands;

/* Parsed options of one subcommand: values by id, positionals in order. */
struct cli_args {
	const char *value[OPT_COUNT]; /* the last value given */
	const char *first[OPT_COUNT]; /* the first (for options given twice) */
	unsigned times[OPT_COUNT];
	bool given[OPT_COUNT];
	const char *pos[8];
	unsigned npos;
	const char *cmd;  /* what cli_parse was given, for cli_find_input */
	int argc;
	char **argv;
};

/*
 * Parse argv (after the subcommand) for `cmd`. On a usage error prints a
 * message to stderr and returns false.
 */
bool cli_parse(const char *cmd, int argc, char **argv, struct cli_args *out);
/*
 * Every value of repeatable option `id` in argv (already accepted by
 * cli_parse), in order, into out[0..max); returns how many.
 */
unsigned cli_values(const char *cmd, int argc, char **argv, enum opt_id id,
		    const char **out, unsigned max);
/*
 * The first file the command line names for reading (a positional other
 * than -, or any value of any option whose value is a FILE; of
 * [SERVICE=]FILE both the whole value and the part after '=') for which
 * is(user, path) is true, or NULL. Every value counts, not only the last
 * (rule: hcsc.cli.output: -o never replaces an input).
 */
const char *cli_find_input(const struct cli_args *args,
			   bool (*is)(void *user, const char *path),
			   void *user);
/* --format text|json (default text) into *json; false after the usage error. */
bool cli_format_is_json(const struct cli_args *args, bool *json);
void cli_print_help(FILE *f);
/* `hcsc help CMD`, `hcsc CMD --help`: false if `cmd` is no command. */
bool cli_print_command_help(FILE *f, const char *cmd);
/* The command nearest `name` (edit distance <= 2), or NULL. */
const char *cli_nearest_command(const char *name);

#endif
