/*
 * report/module_entry.c: the one exported symbol of the report module
 * hcsc-report.so (module.h): junit.c's calls, for loader.c.
 */
#include "module.h"

junit_module_entry hcsc_report_module;

__attribute__((visibility("default")))
const struct junit_module_ops *hcsc_report_module(unsigned abi)
{
	static const struct junit_module_ops ops = {
		junit_open, junit_add, junit_finish, junit_free
	};

	return abi == HCSC_REPORT_ABI ? &ops : NULL;
}
