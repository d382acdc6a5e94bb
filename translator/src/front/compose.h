/*
 * front/compose.h: a Compose file (the Compose Specification, as docker
 * compose v5 with compose-go loads it) into one description per service,
 * as docker compose would send it to the Engine (rule: front.client-sends):
 * interpolation from the `.env` beside the file and `--env` only;
 * compose-go's checks and texts for the keys it models; unknown keys are
 * errors with a suggestion; keys that do not shape Windows documents are
 * listed in one warning. Names: `container_name`, else
 * `<project>-<service>-1`; NetworkMode `<project>_default` (or the first
 * network, `<project>_<net>`); named volumes `<project>_<name>` unless
 * external. Each description is a node tree positioned in the file.
 */
#ifndef HCSC_FRONT_COMPOSE_H
#define HCSC_FRONT_COMPOSE_H

#include <stddef.h>

#include "front/envfile.h"
#include "hcsc.h"

struct arena;
struct diag_list;
struct node;

struct compose_opts {
	const char *path;             /* the Compose file */
	const struct client_env *env; /* --env KEY=VALUE (wins over .env) */
	const char *project_dir;      /* --project-directory WINPATH, or NULL */
	const char **services;        /* SERVICE... (NULL: all) */
	size_t nservices;
};

struct compose_service {
	const char *name;  /* the service name */
	struct node *desc; /* its description */
};

struct compose_project {
	const char *name;
	struct compose_service *services; /* in file order, or as selected */
	size_t n;
};

/*
 * Load and convert. HCSC_OK; HCSC_E_INPUT (diagnostics); HCSC_E_IO with
 * *err when a file cannot be read; HCSC_E_USAGE with *err for a SERVICE
 * the file does not have.
 */
enum hcsc_rc compose_load(struct arena *a, struct diag_list *d,
			  const struct compose_opts *o, struct compose_project *out,
			  const char **err);

#endif
