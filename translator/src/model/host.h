/*
 * host.h: the host profile: what the daemon's host would tell dockerd and
 * hcsshim (OS build, CPU count, SKU, default isolation, daemon root and
 * dns-search, filesystem facts, credential specs). Built-in profiles are
 * embedded (rule: hcsc.host.builtin-profiles); a profile file may name one as its
 * Base and override keys (rule: hcsc.host.profile-file).
 */
#ifndef HCSC_MODEL_HOST_H
#define HCSC_MODEL_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"
#include "model/host_fs.h"
#include "value.h"

struct arena;
struct diag_list;
struct node;

#define HOST_DEFAULT_NAME "ltsc2022"

struct host_builtin {
	const char *name;
	unsigned build;
	bool client;
	const char *aliases; /* comma-separated, "" when none */
	const char *label;   /* "<builtin:NAME>": the profile's file name */
	size_t len;          /* strlen(name) */
};

/* Credential spec stand-ins: name -> content. */
struct host_kv {
	const char *key, *value;
	struct hcsc_pos pos;
};

struct host_profile {
	const char *file; /* display name: a path or "<builtin:NAME>" */
	const char *base_name;
	unsigned os_build;
	struct hcsc_pos os_build_pos;
	unsigned cpu_count;
	struct hcsc_pos cpu_count_pos;
	bool client;
	struct hcsc_pos sku_pos;
	bool default_hyperv; /* the daemon's default isolation is hyperv */
	struct hcsc_pos default_isolation_pos;
	const char *daemon_root;
	struct hcsc_pos daemon_root_pos;
	const char **dns_search;
	size_t ndns_search;
	struct hcsc_pos dns_search_pos;
	struct host_fs fs;
	struct host_kv *cred_files, *cred_registry, *cred_configs;
	size_t ncred_files, ncred_registry, ncred_configs;
	bool has_cred_configs; /* a swarm-managed host (config:// works) */
	const char *target;    /* Target: the engine (target.h), or NULL */
	/*
	 * Lcow: the 19.03 daemon's LCOW options (lcow.kirdpath, lcow.kernel,
	 * lcow.initrd, lcow.bootparameters), defaults filled in.
	 */
	const char *lcow_kird_path, *lcow_kernel, *lcow_initrd, *lcow_boot_params;
	struct hcsc_pos target_pos;
};

/* The built-in table, sorted by build then name. */
const struct host_builtin *host_builtins(size_t *n);
/* By name or alias, ASCII case-insensitively; NULL if unknown. */
const struct host_builtin *host_builtin_find(const char *name);
/*
 * By build number ("17763", "10.0.17763", "10.0.17763.1234"): the first
 * profile of that build (the server one where a build has two); NULL if
 * `v` is not a build number or no profile has that build.
 */
const struct host_builtin *host_builtin_find_build(const char *v);
/*
 * The built-in name or alias nearest `name` (edit distance at most 2),
 * for "did you mean"; NULL when none is that near.
 */
const char *host_builtin_nearest(const char *name);
/*
 * "unknown built-in host profile 'X'; did you mean 'Y'? (known: ...)",
 * the did-you-mean only when a name is near (arena-owned).
 */
const char *host_unknown_message(struct arena *a, const char *name);
/* "ltsc2016, win10-1607, ..." for messages. */
const char *host_builtin_names(struct arena *a);

/* Fill `out` from a built-in profile. */
void host_from_builtin(const struct host_builtin *b, struct host_profile *out);

/*
 * Decode a host profile file (node tree) into `out`, starting from its
 * Base (default ltsc2022). Errors are collected; HCSC_E_INPUT on any.
 */
enum hcsc_rc host_decode(struct arena *a, struct diag_list *d,
			 const char *file, const struct node *root,
			 struct host_profile *out);

/* Parse an OsBuild value ("20348", "10.0.20348[.R]", or a name). */
bool host_parse_build(const char *s, unsigned *build);

#endif
