/*
 * front/run_flags.h: the `docker run` / `docker create` flags of docker/cli
 * v29 (cli/command/container/opts.go addFlags, run.go, create.go) as one
 * table, and a parser with spf13/pflag's semantics and error texts:
 * `--name value`, `--name=value`, `-x value`, `-xvalue`, `-x=value`,
 * combined boolean shorthands (`-it`), no interspersed arguments (the
 * first word that is not a flag is the image), `--` ends the flags.
 * Each value is checked as the flag's type does at Set time (numbers,
 * sizes, --cpus, --env names, labels, --dns-search, --attach, --mount,
 * --network). Errors are diagnostics at the word that holds the value.
 */
#ifndef HCSC_FRONT_RUN_FLAGS_H
#define HCSC_FRONT_RUN_FLAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hcsc.h"

struct arena;
struct diag_list;
struct node;

enum rf_id {
	RF_ATTACH, RF_DEVICE, RF_ENV, RF_ENV_FILE, RF_ENTRYPOINT, RF_HOSTNAME,
	RF_DOMAINNAME, RF_INTERACTIVE, RF_LABEL, RF_LABEL_FILE, RF_READ_ONLY,
	RF_RESTART, RF_STOP_SIGNAL, RF_STOP_TIMEOUT, RF_TTY, RF_USER,
	RF_WORKDIR, RF_RM, RF_PRIVILEGED, RF_SECURITY_OPT, RF_DNS,
	RF_DNS_OPTION, RF_DNS_SEARCH, RF_EXPOSE, RF_PUBLISH, RF_PUBLISH_ALL,
	RF_NETWORK, RF_LOG_DRIVER, RF_LOG_OPT, RF_STORAGE_OPT, RF_VOLUME,
	RF_MOUNT, RF_HEALTH_CMD, RF_HEALTH_INTERVAL, RF_HEALTH_RETRIES,
	RF_HEALTH_TIMEOUT, RF_HEALTH_START_PERIOD, RF_HEALTH_START_INTERVAL,
	RF_NO_HEALTHCHECK, RF_CPU_COUNT, RF_CPU_PERCENT, RF_CPU_SHARES,
	RF_CPUS, RF_IO_MAXBANDWIDTH, RF_IO_MAXIOPS, RF_MEMORY,
	RF_MEMORY_SWAPPINESS, RF_ISOLATION, RF_ANNOTATION, RF_NAME,
	RF_DETACH, RF_DETACH_KEYS, RF_PULL, RF_VOLUME_DRIVER, RF_MAC_ADDRESS,
	RF_OTHER /* accepted, not sent by hcsc: listed in a warning */
};

/* What a flag does to the Windows documents. */
enum rf_effect {
	RE_SHAPES,   /* sent; shapes a document */
	RE_CHECKED,  /* sent; the daemon only checks or stores it */
	RE_NOT_SENT  /* accepted (and checked by the client), not sent */
};

enum rf_kind {
	RK_BOOL, RK_STRING, RK_LIST, RK_INT, RK_UINT64, RK_UINT16, RK_CPUS,
	RK_BYTES, RK_SWAP, RK_DURATION, RK_MAP
};

struct run_flag {
	const char *name;  /* long name, without dashes */
	char shorthand;    /* or 0 */
	enum rf_kind kind;
	enum rf_id id;
	/*
	 * Where a plain value goes in the description ("HostConfig.Memory"),
	 * NULL when the flag is handled on its own (rf_id) or not sent.
	 */
	const char *path;
	enum rf_effect effect;
};

/* One value given on the command line. */
struct rf_value {
	const struct run_flag *flag;
	const char *text;     /* the value as given (bools: "true"/"false") */
	int64_t i;            /* numbers, sizes, CPUs, durations */
	uint64_t u;
	bool b;
	struct hcsc_pos pos;  /* `argv[N] (--flag value)`, column 0 */
	struct node *tree;    /* --mount: the Mount it makes */
	const char *target;   /* --network: the network (name=... or the value) */
};

struct rf_parsed {
	struct rf_value *v;   /* in command-line order */
	size_t n;
	const char *image;
	struct hcsc_pos image_pos;
	const char **args;    /* the command after the image */
	struct hcsc_pos *arg_pos;
	size_t nargs;
};

/*
 * Parse argv[0..argc) (the words after `--`); `base` is argv[0]'s index
 * in the process's argv (for positions). HCSC_OK or HCSC_E_INPUT.
 */
enum hcsc_rc rf_parse(struct arena *a, struct diag_list *d, int argc,
		      char **argv, int base, struct rf_parsed *out);

/* The last value of flag `id`, or NULL. */
const struct rf_value *rf_last(const struct rf_parsed *p, enum rf_id id);

#endif
