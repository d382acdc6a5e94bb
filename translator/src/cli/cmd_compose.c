/*
 * cmd_compose.c: `hcsc compose FILE [SERVICE...]`: placeholder until the
 * Compose front end lands.
 */
#include "cli.h"

int cmd_compose(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(HCSC_E_USAGE, "compose: not built yet");
}
