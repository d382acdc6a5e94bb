/*
 * report/module.h: the seam between libhcsc and the report module. On
 * Linux (and any dynamic build) the libxml2 JUnit writer (junit.c) is a
 * separate shared module, hcsc-report.so, opened with dlopen by
 * loader.c only when `check --report` is given, so that no other run of
 * hcsc loads libxml2 (with ICU and libstdc++ behind it: most of a
 * compile's start-up). The module exports one function, which hands
 * back the writer's entry points; a static build (the Windows cross
 * build) links junit.c directly and has no module.
 */
#ifndef HCSC_REPORT_MODULE_H
#define HCSC_REPORT_MODULE_H

#include "junit.h"

/* Bumped whenever struct junit_module_ops or junit.h's calls change. */
#define HCSC_REPORT_ABI 1
#define HCSC_REPORT_ENTRY "hcsc_report_module"
#define HCSC_REPORT_FILE "hcsc-report.so"

struct junit_module_ops {
	enum hcsc_rc (*open)(const char *path, const char *suite,
			     struct junit **out, struct strbuf *err);
	void (*add)(struct junit *j, const struct junit_case *c);
	enum hcsc_rc (*finish)(struct junit *j, struct strbuf *err);
	void (*free)(struct junit *j);
};

/* The module's one export: its entry points, or NULL for another ABI. */
typedef const struct junit_module_ops *junit_module_entry(unsigned abi);

#endif
