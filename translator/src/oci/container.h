/*
 * container.h: the OCI stage's working state: what moby's container object
 * holds after create (the merged Config, the HostConfig as create mutated
 * it, Path/Args, registered mount points) plus the start-time facts
 * (networking, layers, volume). Filled step by step by oci/create*.c and
 * read by oci/lower.c, which builds the spec as createSpec does.
 */
#ifndef HCSC_OCI_CONTAINER_H
#define HCSC_OCI_CONTAINER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hcsc.h"
#include "model/desc.h"
#include "oci/parse/mount_parse.h"
#include "spec.h"

struct arena;
struct diag_list;
struct host_profile;
struct prov_tab;

/* Where a mount point was declared: the seed's tie order (rule: hcsc.mounts.order). */
enum mount_origin {
	MOUNT_FROM_BINDS,
	MOUNT_FROM_MOUNTS,
	MOUNT_FROM_CONFIG_VOLUMES,
	MOUNT_FROM_IMAGE_VOLUMES
};

struct ctr_mount {
	struct mount_point mp;
	enum mount_origin origin;
	const char *spec_source; /* the path the runtime sees */
	struct hcsc_pos pos;
};

/* A CPU/memory/IO value with the node that supplied it. */
struct ctr_int {
	int64_t v;
	struct hcsc_pos pos;
};

struct container {
	const char *id;
	struct hcsc_pos id_pos;
	const char *owner;

	/* Config, after create's merge and defaults */
	const char *hostname, *domainname, *user, *working_dir;
	struct hcsc_pos hostname_pos, user_pos, working_dir_pos;
	bool tty, open_stdin, args_escaped;
	struct v_list env, cmd, entrypoint;
	const char *path;        /* argv[0] */
	const char **args;       /* the rest */
	size_t nargs;
	struct hcsc_pos cmd_pos; /* the node that gave the command */

	/* HostConfig, as create left it */
	const char *isolation;   /* stored value (the default is written) */
	bool hyperv;             /* effective isolation is Hyper-V */
	struct hcsc_pos isolation_pos;
	const char *network_mode;
	struct hcsc_pos network_mode_pos;
	struct ctr_int cpu_shares, cpu_percent, cpu_count, nano_cpus, memory;
	uint64_t io_maximum_iops, io_maximum_bandwidth;
	struct hcsc_pos io_pos;

	struct ctr_mount *mounts; /* registered, in declaration order */
	size_t nmounts;

	bool lcow; /* a Linux image (Image.Os: linux), docker-19.03 only */
	/* An era target's engine did not know these fields (era.c). */
	bool era_no_mounts, era_no_annotations;
};

struct oci_ctx {
	struct arena *a;
	struct diag_list *d;
	const struct desc *desc;
	const struct host_profile *host;
	struct hcsc_pos top; /* the description's root node (else 1:1) */
	const struct target *t; /* the engine whose createSpec runs */
	struct prov_tab *px; /* explain's records (common/prov.h), or NULL */
};

/* Position of `p` if given, else of the nearest present parent. */
struct hcsc_pos oci_pos(const struct oci_ctx *c, struct hcsc_pos p,
			struct hcsc_pos parent);

#endif
