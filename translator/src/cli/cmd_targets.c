/*
 * cmd_targets.c: `hcsc targets`: the engines hcsc models (target.h), one
 * per line, `NAME  SUMMARY`, default first.
 */
#include <stdio.h>

#include "cli.h"
#include "options.h"
#include "target/target.h"

int cmd_targets(int argc, char **argv)
{
	struct cli_args args;
	const struct target *t;
	size_t n;

	if (!cli_parse("targets", argc, argv, &args))
		return HCSC_E_USAGE;
	if (args.npos)
		return cli_fail(HCSC_E_USAGE, "targets takes no arguments");
	t = target_all(&n);
	for (size_t i = 0; i < n; i++)
		printf("%-18s %s\n", t[i].name, t[i].summary);
	return HCSC_OK;
}
