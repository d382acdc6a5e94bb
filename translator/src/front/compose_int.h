/*
 * front/compose_int.h: what the Compose front end's files share: one
 * service being built (struct svc), its error and value helpers
 * (compose.c), and the key functions of the service key table, each in
 * the file of its concept: compose_keys.c (scalar keys, lists, maps,
 * healthcheck), compose_env.c, compose_volumes.c, compose_network.c.
 */
#ifndef HCSC_FRONT_COMPOSE_INT_H
#define HCSC_FRONT_COMPOSE_INT_H

#include "front/compose.h"
#include "front/envfile.h"
#include "hcsc.h"

struct arena;
struct diag_list;
struct node;

/* One service being turned into a description. */
struct svc {
	struct arena *a;
	struct diag_list *d;
	const struct compose_opts *o;
	const struct node *file; /* the whole document */
	const char *project, *name, *dir;
	const struct client_env *vars;
	const struct node *s; /* the service mapping */
	struct node *root, *config, *host;
	const char **err;
};

/* "services.NAME.KEY", for messages. */
const char *compose_path(const struct svc *c, const char *key);

/* "services.NAME.KEY must be a WANT" at n. */
enum hcsc_rc compose_type_error(struct svc *c, const struct node *n,
				const char *key, const char *want);

/* A scalar's text (string, int or bool as written); NULL for others. */
const char *compose_scalar(const struct node *n);

/* sec.key = v's text as a string, at v's position. */
void compose_put_str(struct svc *c, struct node *sec, const char *key,
		     const struct node *v);

/* A service key's function: writes what docker compose sends for v. */
typedef enum hcsc_rc compose_key_fn(struct svc *c, const char *key,
				    const struct node *v);

compose_key_fn compose_key_string, compose_key_bool, compose_key_int,
	compose_key_cpus, compose_key_cpu_percent, compose_key_mem_limit,
	compose_key_deploy, compose_key_list, compose_key_command,
	compose_key_map, compose_key_devices, compose_key_healthcheck,
	compose_key_credential_spec; /* compose_keys.c */
compose_key_fn compose_key_volumes;  /* compose_volumes.c */
compose_key_fn compose_key_ports;    /* compose_network.c: ports and expose */

/* env_file, then environment, into Config.Env (compose_env.c). */
enum hcsc_rc compose_environment(struct svc *c);

/* network_mode or networks into HostConfig.NetworkMode (compose_network.c). */
enum hcsc_rc compose_network(struct svc *c);

#endif
