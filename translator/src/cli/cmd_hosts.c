/*
 * cmd_hosts.c: `hcsc hosts`: the built-in host profiles, one per line,
 * `NAME BUILD SKU CPUS ALIASES`, sorted by build then name (rules: hcsc.host.os-build, hcsc.host.builtin-profiles).
 *
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "model/host.h"
#include "options.h"

int cmd_hosts(int argc, char **argv)
{
	struct cli_args args;
	const struct host_builtin *b;
	size_t n;

	if (!cli_parse("hosts", argc, argv, &args))
		return HCSC_E_USAGE;
	if (args.npos)
		return cli_fail(HCSC_E_USAGE, "hosts takes no arguments");
	b = host_builtins(&n);
	for (size_t i = 0; i < n; i++)
		printf("%s %u %s 4 %s\n", b[i].name, b[i].build,
		       b[i].client ? "client" : "server",
		       *b[i].aliases ? b[i].aliases : "-");
	return HCSC_OK;
}
