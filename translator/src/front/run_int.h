/*
 * front/run_int.h: what the `docker run` front end's files share: one run
 * being built (struct build) and the steps front_run (run.c) calls in
 * docker/cli's order, each in the file of its concept: run_volumes.c,
 * run_ports.c, run_env.c, run_checks.c.
 */
#ifndef HCSC_FRONT_RUN_INT_H
#define HCSC_FRONT_RUN_INT_H

#include <stdbool.h>

#include "front/run.h"
#include "front/run_flags.h"
#include "hcsc.h"

struct arena;
struct diag_list;
struct node;

/* One `docker run` command line being turned into a description. */
struct build {
	struct arena *a;
	struct diag_list *d;
	const struct front_run_opts *o;
	struct rf_parsed p;
	struct node *root, *config, *host;
	struct hcsc_pos top;
	const char **err;
};

/* run_volumes.c: -v into Binds (and anonymous Volumes), --mount into Mounts. */
enum hcsc_rc run_volumes(struct build *b);
enum hcsc_rc run_mounts(struct build *b);

/* run_ports.c: -p and --expose. */
enum hcsc_rc run_ports(struct build *b);

/* run_env.c: --device, -e/--env-file, -l/--label-file. */
void run_devices(struct build *b);
enum hcsc_rc run_environment(struct build *b);
enum hcsc_rc run_labels(struct build *b);

/* run_checks.c: parse()'s and runRun's checks, in docker/cli's order. */
enum hcsc_rc run_pull_and_swappiness(struct build *b);
enum hcsc_rc run_restart(struct build *b, bool *none);
enum hcsc_rc run_security_opts(struct build *b);
enum hcsc_rc run_storage_opts(struct build *b);
enum hcsc_rc run_healthcheck(struct build *b);
enum hcsc_rc run_conflicts(struct build *b, bool restart_none);

#endif
