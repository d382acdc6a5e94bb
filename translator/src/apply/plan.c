/*
 * apply/plan.c: `--apply --dry-run`: the HCS calls apply_win.c would make,
 * in order, with the documents they would carry, on standard output. No
 * DLL is loaded, so it works on every platform; off Windows the host build
 * is the profile's.
 */
#include "apply/apply_int.h"

#include <string.h>

#include "arena.h"

static void line(const struct apply_job *j, const char *text)
{
	apply_out(j, text, strlen(text));
	apply_out(j, "\n", 1);
}

#define LINE(j, ...) line(j, arena_printf((j)->a, __VA_ARGS__))

static void plan_layers(const struct apply_job *j)
{
	for (size_t i = 0; i < j->nlayers; i++)
		LINE(j, "NameToGuid(\"%s\", &guid)  # vmcompute.dll; layer %zu "
			"'%s' has a placeholder ID, replaced by the answer",
		     j->layer_names[i], j->layers[i].index, j->layers[i].folder);
}

static void plan_v2(const struct apply_job *j, unsigned ms)
{
	LINE(j, "LoadLibraryW(\"computecore.dll\")");
	LINE(j, "HcsCreateOperation(NULL, NULL)");
	LINE(j, "HcsCreateComputeSystem(\"%s\", <hcs-v2.json: %zu bytes>, op, "
		"NULL, &system)",
	     j->id, j->doc_len);
	LINE(j, "HcsWaitForOperationResult(op, %u, &result)", ms);
	LINE(j, "HcsCloseOperation(op)");
	if (j->opt->start) {
		LINE(j, "HcsCreateOperation(NULL, NULL)");
		LINE(j, "HcsStartComputeSystem(system, op, NULL)");
		LINE(j, "HcsWaitForOperationResult(op, %u, &result)", ms);
		LINE(j, "HcsCloseOperation(op)");
		LINE(j, "HcsCreateOperation(NULL, NULL)");
		LINE(j, "HcsCreateProcess(system, <process.json: %zu bytes>, op, "
			"NULL, &process)",
		     j->process_len);
		LINE(j, "HcsSetProcessCallback(process, HcsEventOptionNone, "
			"context, callback)");
		LINE(j, "HcsWaitForOperationResultAndProcessInfo(op, %u, &info, "
			"&result)",
		     ms);
		LINE(j, "HcsCloseOperation(op)");
		LINE(j, "# relay stdio; wait for HcsEventProcessExited; exit "
			"with its ExitCode");
		LINE(j, "HcsCloseProcess(process)");
	}
	LINE(j, "HcsCloseComputeSystem(system)  # HCS terminates the system");
}

static void plan_v1(const struct apply_job *j, unsigned ms)
{
	LINE(j, "LoadLibraryW(\"vmcompute.dll\")");
	LINE(j, "HcsCreateComputeSystem(\"%s\", <hcs-v1.json: %zu bytes>, NULL, "
		"&system, &result)",
	     j->id, j->doc_len);
	LINE(j, "HcsRegisterComputeSystemCallback(system, callback, context, "
		"&callback_handle)");
	LINE(j, "# if pending: wait up to %u ms for SystemCreateCompleted", ms);
	if (j->opt->start) {
		LINE(j, "HcsStartComputeSystem(system, \"\", &result)");
		LINE(j, "# if pending: wait up to %u ms for SystemStartCompleted",
		     ms);
		LINE(j, "HcsCreateProcess(system, <process.json: %zu bytes>, "
			"&info, &process, &result)",
		     j->process_len);
		LINE(j, "HcsRegisterProcessCallback(process, callback, context, "
			"&process_callback)");
		LINE(j, "# relay stdio; wait for ProcessExited");
		LINE(j, "HcsGetProcessProperties(process, &properties, &result)  "
			"# exit with its ExitCode");
		LINE(j, "HcsUnregisterProcessCallback(process_callback)");
		LINE(j, "HcsCloseProcess(process)");
	}
	LINE(j, "HcsTerminateComputeSystem(system, \"\", &result)");
	LINE(j, "# if pending: wait up to %u ms for SystemExited", ms);
	LINE(j, "HcsUnregisterComputeSystemCallback(callback_handle)");
	LINE(j, "HcsCloseComputeSystem(system)");
}

static void document(const struct apply_job *j, const char *name,
		     const char *doc, size_t len)
{
	LINE(j, "# %s as submitted (compact, %zu bytes):", name, len);
	apply_out(j, doc, len);
	apply_out(j, "\n", 1);
}

int apply_dry_run(const struct apply_job *j)
{
	unsigned ms = j->opt->timeout_s * 1000u;

	LINE(j, "# hcsc --apply --dry-run: nothing is loaded or called");
	LINE(j, "# target %s: %s", j->target->name, j->target->models);
	LINE(j, "# host build %u (%s): %s through %s", j->build,
	     j->build_is_real ? "RtlGetVersion"
			      : "the host profile's; not a Windows host",
	     j->v2 ? "hcs-v2.json (schema 2.1)" : "hcs-v1.json (schema 1.0)",
	     j->v2 ? "computecore.dll" : "vmcompute.dll");
	plan_layers(j);
	if (j->v2)
		plan_v2(j, ms);
	else
		plan_v1(j, ms);
	document(j, j->v2 ? "hcs-v2.json" : "hcs-v1.json", j->doc, j->doc_len);
	if (j->opt->start)
		document(j, "process.json", j->process, j->process_len);
	return HCSC_OK;
}
