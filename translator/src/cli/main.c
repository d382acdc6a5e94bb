/*
 * main.c: `hcsc`: dispatch to a subcommand (git's command table).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
	{ "compile", cmd_compile },
	{ "check", cmd_check },
	{ "diff", cmd_diff },
	{ "hosts", cmd_hosts },
	{ "targets", cmd_targets },
	{ "run", cmd_run },
	{ "compose", cmd_compose },
};

int main(int argc, char **argv)
{
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
	if (!strcmp(argv[1], "--version")) {
		if (argc > 2)
			return cli_fail(HCSC_E_USAGE, "--version takes no "
						      "arguments");
		printf("hcsc %s\n", HCSC_VERSION);
		return HCSC_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 2, argv + 2);
	return cli_fail(HCSC_E_USAGE, "unknown command '%s' (see 'hcsc --help')",
			argv[1]);
}
