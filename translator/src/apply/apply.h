/*
 * apply/apply.h: `hcsc compile --apply` (rules: hcsc.apply.hyperv-refused, hcsc.apply.name-to-guid, hcsc.io.binary-mode, hcsc.apply.lifecycle, hcsc.apply.output, hcsc.apply.schema-by-host-build):
 * hand the compiled document to the Host Compute Service of the
 * running Windows host. The only code in hcsc that touches HCS; it takes
 * its documents from the pipeline (compile_run) and never changes them,
 * except for the layer IDs NameToGuid gives (rule: hcsc.apply.name-to-guid), which it
 * reports.
 *
 * The target decides the path (target.h):
 *   hcsshim-0.8.6, docker-containerd:
 *     build >= 17763 hcs-v2.json through computecore.dll: HcsCreateOperation,
 *                    HcsCreateComputeSystem, HcsWaitForOperationResult;
 *                    Hyper-V is refused (exit 2) until the utility VM
 *                    document exists (rule: hcsc.apply.hyperv-refused)
 *     older builds   hcs-v1.json through vmcompute.dll (the pending-operation
 *                    pattern with a registered notification callback)
 *   docker:          hcs-v1.json through vmcompute.dll on every build,
 *                    Hyper-V included (moby's local runtime)
 *
 * `--apply` alone closes the system once HCS has accepted it; `--start`
 * also starts it and runs process.json attached, forwarding the exit code.
 * Any failure after the create terminates and closes the system. Off
 * Windows only `--dry-run` works (it never loads a DLL).
 *
 * Output goes through a sink: standard output carries HCS result documents
 * and the --dry-run plan; messages are lines for standard error. The init
 * process's own stdio is relayed to the process's standard handles.
 */
#ifndef HCSC_APPLY_H
#define HCSC_APPLY_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

#define APPLY_DEFAULT_TIMEOUT 240u
/* Largest --timeout whose milliseconds stay below INFINITE (0xFFFFFFFF). */
#define APPLY_MAX_TIMEOUT 4294967u

enum apply_msg_kind {
	APPLY_NOTE,    /* progress: what was called, IDs used */
	APPLY_WARNING,
	APPLY_ERROR
};

struct apply_sink {
	void *ctx;
	/* Bytes for standard output (flushed before returning). */
	void (*out)(void *ctx, const char *data, size_t len);
	/* One message line for standard error, without prefix or newline. */
	void (*msg)(void *ctx, enum apply_msg_kind kind, const char *text);
};

struct apply_options {
	bool start;          /* --start */
	bool dry_run;        /* --dry-run */
	bool strict;         /* a profile/host build mismatch is an error */
	unsigned timeout_s;  /* --timeout: bound of each HCS wait, seconds */
};

/* True in a Windows build, where --apply can submit. */
bool apply_supported(void);

/*
 * Submit what `compiled` (a successful compile through hcsc.h, whose
 * insides api_int.h shows) describes: its documents in compact style,
 * with NameToGuid's layer IDs where the compiled ones were placeholders
 * (compile_hcs_again from the result's kept HCS input; the documents
 * hcsc_options.docs hid are there too). Returns the exit status: HCSC_OK;
 * HCSC_E_USAGE (not a Windows host, Hyper-V on a v2 host); HCSC_E_INPUT
 * (--strict and the profile's build is not the host's); HCSC_E_APPLY (HCS
 * missing or failing); HCSC_E_IO; with --start, the init process's exit
 * code once it ran.
 */
int apply_run(const struct hcsc_result *compiled,
	      const struct apply_options *opt, const struct apply_sink *sink);

#endif
