/*
 * target.h: the engines hcsc models, as data. A target names one real
 * path from a container description to what HCS receives (which daemon,
 * which runtime, which release) and is nothing but a row of rule
 * choices: the stages read the row and pick, in one function per rule,
 * the variant that engine runs. Adding an engine is adding a row (and
 * the variants it needs), never a copy of a stage.
 *
 *   hcsshim-0.8.6      moby master OCI rules, hcsshim v0.8.6's builder
 *                      (the founding baseline, and the default)
 *   docker             moby master with its default Windows runtime
 *                      (libcontainerd/local): one schema-1 document,
 *                      always through vmcompute.dll
 *   docker-containerd  moby master with containerd and the runhcs shim:
 *                      hcsshim main's builder
 *   docker-19.03       moby 85ad4b16c1 (March 2019, the 19.03 cycle): its
 *                      createSpec (LCOW included) and its local runtime
 *   docker-1.12        moby da92dad (April 2016, 1.12.0-dev): the
 *                      windowsoci spec and libcontainerd's containerInit
 * rule: process.stdin-pipe
 */
#ifndef HCSC_TARGET_H
#define HCSC_TARGET_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

#define TARGET_DEFAULT_NAME "hcsshim-0.8.6"

/* The HCS Owner dockerd passes (libcontainerd's defaultOwner). */
#define MOBY_OWNER "docker"

/* Windows builds the rules compare against (osversion constants). */
#define BUILD_RS3 16299  /* named pipe mounts */
#define BUILD_RS5 17763  /* schema 2.1; computecore.dll; moby's minimum */

/* Which createSpec builds config.json (moby's daemon/oci_windows.go). */
enum target_oci {
	TARGET_OCI_MOBY_MASTER, /* moby master (the 2023 seed where it shows) */
	TARGET_OCI_MOBY_1903,   /* moby 85ad4b16c1 (March 2019) */
	TARGET_OCI_MOBY_112     /* moby da92dad: the windowsoci spec */
};

/* Which function turns the OCI spec into the HCS documents. */
enum target_hcs {
	TARGET_HCS_HCSSHIM_086,    /* hcsshim v0.8.6 createWindowsContainerDocument */
	TARGET_HCS_HCSSHIM_LATEST, /* hcsshim main createWindowsContainerDocument */
	TARGET_HCS_MOBY_LOCAL,     /* moby libcontainerd/local createWindows */
	TARGET_HCS_MOBY_LOCAL_1903, /* the same at moby 85ad4b16c1 */
	TARGET_HCS_MOBY_112        /* moby da92dad containerInit */
};

/* Which shape the init process document has, and who fills it. */
enum target_process {
	TARGET_PROCESS_HCSSHIM,    /* hcsschema.ProcessParameters, hcsshim cmd */
	TARGET_PROCESS_MOBY_LOCAL, /* schema1.ProcessConfig, moby NewTask */
	TARGET_PROCESS_MOBY_LOCAL_1903, /* the same at 85ad4b16c1 (Start) */
	TARGET_PROCESS_MOBY_112   /* hcsshim v0.2.2 CreateProcessParams */
};

/* When the init process gets a stdin pipe. */
enum target_stdin {
	TARGET_STDIN_OPEN_STDIN,         /* Config.OpenStdin */
	TARGET_STDIN_OPEN_STDIN_OR_TTY,  /* dockerd's containerd client */
	TARGET_STDIN_ALWAYS              /* moby's local runtime */
};

/* How --apply submits. */
enum target_apply {
	TARGET_APPLY_BY_BUILD,  /* v2 via computecore from 17763, else v1 */
	TARGET_APPLY_VMCOMPUTE, /* v1 via vmcompute on every build */
	TARGET_APPLY_REFUSED    /* preview and diff only (a 2016 document) */
};

struct target {
	const char *name;
	const char *summary;    /* one line for `hcsc targets` */
	const char *models;     /* the upstream releases it follows */
	enum target_oci oci;
	const char *oci_version; /* the runtime-spec it vendors (ociVersion) */
	enum target_hcs hcs;
	enum target_process process;
	enum target_stdin stdin_pipe;
	enum target_apply apply;
	bool builds_v2;         /* an hcs-v2.json exists */
	/* The HCS Owner the engine always sends; NULL: the description's. */
	const char *owner;
	/*
	 * The oldest build the engine's daemon starts on, and its own text
	 * below it (a warning here: Decisions 6 and 65); NULL: hcsc's text
	 * for moby master.
	 */
	unsigned min_build;
	const char *min_build_text;
	bool lcow;               /* has a Linux-containers-on-Windows path */
};

/* Every target, in the order `hcsc targets` lists them. */
const struct target *target_all(size_t *n);
/* By exact name (names are lowercase); NULL if unknown. */
const struct target *target_find(const char *name);
const struct target *target_default(void);
/* The name closest to `name` (edit distance), for "did you mean". */
const char *target_nearest(const char *name);
/* "hcsshim-0.8.6, docker, ..." for messages. */
const char *target_names(struct arena *a);
/* An unknown-target message naming the nearest target (arena-owned). */
const char *target_unknown_message(struct arena *a, const char *name);

#endif
