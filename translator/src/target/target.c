/*
 * target.c: the table of targets (target.h) and lookups by name.
 * rules: hcsc.targets, hcs.owner (the engine's own Owner),
 *   hcsc.era.min-build
 */
#include "target.h"

#include <string.h>

#include "arena.h"
#include "model/schema.h"

static const struct target targets[] = {
	{
		.name = "hcsshim-0.8.6",
		.summary = "moby master OCI rules, hcsshim v0.8.6 documents "
			   "(v1 and v2.1; the founding baseline)",
		.models = "moby master daemon/oci_windows.go; hcsshim v0.8.6 "
			  "internal/hcsoci/hcsdoc_wcow.go",
		.oci = TARGET_OCI_MOBY_MASTER,
		.oci_version = "1.3.0",
		.hcs = TARGET_HCS_HCSSHIM_086,
		.process = TARGET_PROCESS_HCSSHIM,
		.stdin_pipe = TARGET_STDIN_OPEN_STDIN,
		.apply = TARGET_APPLY_BY_BUILD,
		.builds_v2 = true,
		.owner = NULL,
		.min_build = BUILD_RS5,
	},
	{
		.name = "docker",
		.summary = "Docker Engine's default Windows runtime: one schema-1 "
			   "document through vmcompute.dll on every build",
		.models = "moby master daemon/oci_windows.go and daemon/internal/"
			  "libcontainerd/local/local_windows.go",
		.oci = TARGET_OCI_MOBY_MASTER,
		.oci_version = "1.3.0",
		.hcs = TARGET_HCS_MOBY_LOCAL,
		.process = TARGET_PROCESS_MOBY_LOCAL,
		.stdin_pipe = TARGET_STDIN_ALWAYS,
		.apply = TARGET_APPLY_VMCOMPUTE,
		.builds_v2 = false,
		.owner = MOBY_OWNER,
		.min_build = BUILD_RS5,
	},
	{
		.name = "docker-containerd",
		.summary = "dockerd with containerd and containerd-shim-runhcs-v1: "
			   "hcsshim main documents (v1 below 17763, v2.1 from it)",
		.models = "moby master daemon/oci_windows.go; hcsshim main "
			  "internal/hcsoci/hcsdoc_wcow.go",
		.oci = TARGET_OCI_MOBY_MASTER,
		.oci_version = "1.3.0",
		.hcs = TARGET_HCS_HCSSHIM_LATEST,
		.process = TARGET_PROCESS_HCSSHIM,
		.stdin_pipe = TARGET_STDIN_OPEN_STDIN_OR_TTY,
		.apply = TARGET_APPLY_BY_BUILD,
		.builds_v2 = true,
		.owner = "containerd-shim-runhcs-v1.exe",
		.min_build = BUILD_RS5,
	},
	{
		.name = "docker-19.03",
		.summary = "Docker 19.03 (moby 85ad4b16c1, March 2019): its "
			   "createSpec, LCOW, and its local runtime's schema-1 "
			   "document",
		.models = "moby 85ad4b16c1 daemon/oci_windows.go and "
			  "libcontainerd/local/windows.go",
		.oci = TARGET_OCI_MOBY_1903,
		.oci_version = "1.0.1-dev",
		.hcs = TARGET_HCS_MOBY_LOCAL_1903,
		.process = TARGET_PROCESS_MOBY_LOCAL_1903,
		.stdin_pipe = TARGET_STDIN_ALWAYS,
		.apply = TARGET_APPLY_VMCOMPUTE,
		.builds_v2 = false,
		.owner = MOBY_OWNER,
		.min_build = 14393,
		.min_build_text = "The docker daemon requires build 14393 or later "
				  "of Windows Server 2016 or Windows 10",
		.lcow = true,
	},
	{
		.name = "docker-1.12",
		.summary = "Docker 1.12-dev (moby da92dad, April 2016): the "
			   "windowsoci spec and libcontainerd's containerInit "
			   "(preview only)",
		.models = "moby da92dad daemon/oci_windows.go, "
			  "libcontainerd/client_windows.go and container_windows.go",
		.oci = TARGET_OCI_MOBY_112,
		.oci_version = "0.3.0 (Windows)",
		.hcs = TARGET_HCS_MOBY_112,
		.process = TARGET_PROCESS_MOBY_112,
		.stdin_pipe = TARGET_STDIN_ALWAYS,
		.apply = TARGET_APPLY_REFUSED,
		.builds_v2 = false,
		.owner = MOBY_OWNER,
		.min_build = 14300,
		.min_build_text = "The Windows daemon requires Windows Server 2016 "
				  "Technical Preview 5 build 14300 or later",
	},
};

#define NTARGETS (sizeof(targets) / sizeof(targets[0]))

const struct target *target_all(size_t *n)
{
	*n = NTARGETS;
	return targets;
}

const struct target *target_find(const char *name)
{
	for (size_t i = 0; i < NTARGETS; i++)
		if (!strcmp(targets[i].name, name))
			return &targets[i];
	return NULL;
}

const struct target *target_default(void)
{
	return target_find(TARGET_DEFAULT_NAME);
}

/* A name that contains what was typed ("containerd") wins; else the
 * closest by edit distance. */
const char *target_nearest(const char *name)
{
	const char *best = targets[0].name;
	size_t best_d = (size_t)-1;

	for (size_t i = 0; *name && i < NTARGETS; i++)
		if (strstr(targets[i].name, name) && strcmp(targets[i].name, name))
			return targets[i].name;
	for (size_t i = 0; i < NTARGETS; i++) {
		size_t d = schema_edit_distance(name, targets[i].name);

		if (d < best_d) {
			best_d = d;
			best = targets[i].name;
		}
	}
	return best;
}

const char *target_names(struct arena *a)
{
	const char *names[NTARGETS];

	for (size_t i = 0; i < NTARGETS; i++)
		names[i] = targets[i].name;
	return arena_join(a, names, NTARGETS, ", ");
}

const char *target_unknown_message(struct arena *a, const char *name)
{
	return arena_printf(a, "unknown target '%s'; did you mean '%s'? "
			       "(known: %s)",
			    name, target_nearest(name), target_names(a));
}
