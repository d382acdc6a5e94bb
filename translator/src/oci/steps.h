/*
 * steps.h: the steps of the OCI stage, one file per concept, called in
 * upstream order by oci/create.c (create time) and oci/lower.c (start time,
 * createSpec). Each returns HCSC_OK or HCSC_E_INPUT after recording the
 * upstream error; the stage stops at the first error (rule: hcsc.diag.collect-then-stop).
 */
#ifndef HCSC_OCI_STEPS_H
#define HCSC_OCI_STEPS_H

#include "container.h"

/* checks.c: DecodeCreateRequest's Windows checks (skipped for inspect). */
enum hcsc_rc oci_check_create_request(struct oci_ctx *c);
/* checks.c: the create router's warnings, shown after the daemon's. */
void oci_router_warnings(struct oci_ctx *c);
/* checks.c: validateContainerConfig (WorkingDir, StopSignal, Env, health). */
enum hcsc_rc oci_check_container_config(struct oci_ctx *c, struct container *k);
/* checks.c: validateHostConfig (restart, mounts, hosts, ports, isolation,
 * annotations). */
enum hcsc_rc oci_check_host_config(struct oci_ctx *c, const struct container *k);

/* checks.c: signal.ParseSignal of Config.StopSignal. */
enum hcsc_rc oci_check_stop_signal(struct oci_ctx *c);

/* era.c: fields an era's engine did not know; docker-1.12's checks. */
enum hcsc_rc oci_era_fields(struct oci_ctx *c, struct container *k);
enum hcsc_rc oci_verify_112(struct oci_ctx *c, struct container *k);
/* moby da92dad's createSpec: the windowsoci spec's values. */
enum hcsc_rc oci_create_spec_112(struct oci_ctx *c, const struct container *k,
				 struct oci_spec *s);

/* env.c */
enum hcsc_rc oci_check_env(struct oci_ctx *c, const struct v_list *env);
void oci_merge_env(struct oci_ctx *c, struct container *k);
struct str_list oci_process_env(struct oci_ctx *c, const struct container *k);

/* command.c */
/* Process.Args = [Path] + Args, as given. */
void oci_spec_args(struct oci_ctx *c, const struct container *k,
		   struct oci_spec *s);
/* filepath.FromSlash (arena-owned). */
char *oci_from_slash(struct arena *a, const char *path);
enum hcsc_rc oci_translate_working_dir(struct oci_ctx *c, struct container *k,
				       bool check_abs);
enum hcsc_rc oci_merge_command(struct oci_ctx *c, struct container *k);
void oci_set_command(struct oci_ctx *c, const struct container *k,
		     struct oci_spec *s);

/* isolation.c */
void oci_set_isolation(struct oci_ctx *c, struct container *k);

/* mounts.c */
/* ParseMountSpec of one HostConfig.Mounts entry; records upstream's error. */
enum hcsc_rc oci_parse_mount(struct oci_ctx *c, const struct desc_mount *m,
			     struct mount_point *mp);
enum hcsc_rc oci_register_mounts(struct oci_ctx *c, struct container *k);
enum hcsc_rc oci_set_mounts(struct oci_ctx *c, const struct container *k,
			    struct oci_spec *s);

/* network.c */
enum hcsc_rc oci_join_network(struct oci_ctx *c, struct container *k);
void oci_set_network(struct oci_ctx *c, const struct container *k,
		     struct oci_spec *s);

/* credspec.c */
enum hcsc_rc oci_set_credential_spec(struct oci_ctx *c,
				     const struct container *k,
				     struct oci_spec *s);

/* devices.c */
enum hcsc_rc oci_set_devices(struct oci_ctx *c, const struct container *k,
			     struct oci_spec *s);

/* lcow.c: Linux containers on Windows (docker-19.03). */
enum hcsc_rc oci_lcow_check(struct oci_ctx *c, struct container *k);
enum hcsc_rc oci_lcow_isolation(struct oci_ctx *c, struct container *k);
enum hcsc_rc oci_lcow_register_mounts(struct oci_ctx *c, struct container *k);
/* The spec's mounts: moby's default Linux mounts, then the binds in
 * `order` (indexes into k->mounts). */
void oci_lcow_set_mounts(struct oci_ctx *c, const struct container *k,
			 struct oci_spec *s, const size_t *order);
/* createSpecLinuxFields and the Linux default spec's fields. */
enum hcsc_rc oci_lcow_spec_fields(struct oci_ctx *c, const struct container *k,
				  struct oci_spec *s);

/* storage.c: layer folders, scratch and root volume (placeholders). */
enum hcsc_rc oci_set_layer_folders(struct oci_ctx *c, const struct container *k,
				   struct oci_spec *s);
enum hcsc_rc oci_set_root(struct oci_ctx *c, const struct container *k,
			  struct oci_spec *s);

#endif
