/*
 * front/run.h: `hcsc run -- [docker run flags] IMAGE [COMMAND [ARG...]]`
 * as a description. The flags are parsed as docker/cli v29 parses them
 * (run_flags.h), then turned into what the client sends (rule: front.client-sends):
 * container Config and HostConfig, with docker's own client-side errors
 * in docker's order, as a node tree positioned at the flags, so the
 * description then goes through the same decoder, rules and messages as
 * a file. Client facts never come from this machine: `-e NAME` and env
 * file lines without `=` take their value from `--client-env`, and a
 * relative bind source needs `--client-cwd`.
 */
#ifndef HCSC_FRONT_RUN_H
#define HCSC_FRONT_RUN_H

#include "front/envfile.h"
#include "hcsc.h"

struct arena;
struct diag_list;
struct node;

struct front_run_opts {
	int argc;                    /* the words after `--` */
	char **argv;
	int base;                    /* argv[0]'s index in the process argv */
	const struct client_env *env; /* --client-env */
	const char *client_cwd;      /* --client-cwd, or NULL */
	struct node *image_config;   /* --image-inspect's Config, or NULL */
	struct hcsc_pos image_config_pos;
};

/*
 * Build the description. HCSC_OK; HCSC_E_INPUT (diagnostics in d);
 * HCSC_E_IO with *err when an env or label file cannot be read.
 */
enum hcsc_rc front_run(struct arena *a, struct diag_list *d,
		       const struct front_run_opts *o, struct node **out,
		       const char **err);

#endif
