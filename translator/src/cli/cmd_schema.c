/* placeholder, filled in below */
#include "cli.h"
int cmd_schema(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(HCSC_E_USAGE, "schema: not yet");
}
