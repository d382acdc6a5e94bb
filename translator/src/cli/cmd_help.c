/*
 * cmd_help.c: `hcsc help [COMMAND]`: the whole --help text, or one
 * command's (options.c holds both).
 */
#include <stdio.h>

#include "cli.h"
#include "options.h"

/* `hcsc help [COMMAND]`. */
int cmd_help(int argc, char **argv)
{
	if (argc == 0) {
		cli_print_help(stdout);
		return HCSC_OK;
	}
	if (argc > 1)
		return cli_fail(HCSC_E_USAGE, "help takes at most one command");
	if (cli_print_command_help(stdout, argv[0]))
		return HCSC_OK;
	return cli_fail(HCSC_E_USAGE, "no command '%s' (see 'hcsc --help')",
			argv[0]);
}
