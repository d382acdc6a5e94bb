/*
 * main.c: `hcsc`: --help, --version, and dispatch through the one command
 * table (options.c: name, help and the function of each subcommand). The
 * subcommands live in the hcsc_cli library (cmd_*.c), which unit tests
 * link too.
 */
#include <json.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "cli.h"
#include "options.h"
#include "target/target.h"

/*
 * --version: hcsc's, the libraries it runs with (their run-time versions)
 * and the upstream releases each target models.
 */
static int print_version(void)
{
	const struct target *t;
	size_t n;

	printf("hcsc %s\n", HCSC_VERSION);
	printf("libyaml %s, json-c %s", yaml_get_version_string(),
	       json_c_version());
#if defined(HCSC_HAVE_LIBXML2) && !defined(_WIN32)
	printf(", libxml2 in hcsc-report.so (loaded by check --report)\n");
#elif defined(HCSC_HAVE_LIBXML2)
	printf(", libxml2 linked in\n");
#else
	printf("; no libxml2 (check --report not built in)\n");
#endif
	printf("targets and the upstream releases they model:\n");
	t = target_all(&n);
	for (size_t i = 0; i < n; i++)
		printf("  %-18s %s\n", t[i].name, t[i].models);
	return HCSC_OK;
}

/* `hcsc CMD ... --help` or `-h` before any `--`: that command's help. */
static bool wants_help(int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return false;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	}
	return false;
}

int main(int argc, char **argv)
{
	int rc;

	cli_binary_stdio();
	if (argc < 2)
		return cli_fail(HCSC_E_USAGE, "no command given (see 'hcsc --help')");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		if (argc > 2) /* as `hosts extra`: a usage error */
			return cli_fail(HCSC_E_USAGE, "%s takes no arguments",
					argv[1]);
		cli_print_help(stdout);
		return HCSC_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		if (argc > 2)
			return cli_fail(HCSC_E_USAGE, "%s takes no arguments",
					argv[1]);
		return print_version();
	}
	for (unsigned i = 0; i < cli_ncommands; i++) {
		if (strcmp(argv[1], cli_commands[i].name))
			continue;
		if (wants_help(argc - 2, argv + 2)) {
			cli_print_command_help(stdout, argv[1]);
			return HCSC_OK;
		}
		rc = cli_commands[i].run(argc - 2, argv + 2);
		cli_diag_finish(); /* the SARIF document, the count line */
		return rc;
	}
	if (cli_nearest_command(argv[1]))
		return cli_fail(HCSC_E_USAGE, "unknown command '%s'; did you mean "
					      "'%s'? (see 'hcsc --help')",
				argv[1], cli_nearest_command(argv[1]));
	return cli_fail(HCSC_E_USAGE, "unknown command '%s' (see 'hcsc --help')",
			argv[1]);
}
