/*
 * desc.h: a container description as decoded (README "The description"):
 * the docker Config and HostConfig (moby master's Engine API types), the
 * image config, the runtime facts a daemon knows at start, and the
 * top-level Name/Owner/Id. Filled by desc_decode() from the schema tables
 * in desc_schema.c; every value remembers where it came from.
 */
#ifndef HCSC_MODEL_DESC_H
#define HCSC_MODEL_DESC_H

#include "value.h"

struct arena;
struct diag_list;
struct node;

/* container.DeviceMapping */
struct desc_device {
	struct v_obj hdr;
	struct v_str path_on_host, path_in_container, cgroup_permissions;
};

/* mount.Driver */
struct desc_driver {
	struct v_obj hdr;
	struct v_str name;
	struct v_map options;
};

/* mount.BindOptions */
struct desc_bind_options {
	struct v_obj hdr;
	struct v_str propagation;
	struct v_bool non_recursive, create_mountpoint, read_only_non_recursive,
		read_only_force_recursive;
};

/* mount.VolumeOptions */
struct desc_volume_options {
	struct v_obj hdr;
	struct v_bool no_copy;
	struct v_map labels;
	struct v_str subpath;
	struct desc_driver driver_config;
};

/* mount.ImageOptions, TmpfsOptions, ClusterOptions: presence matters */
struct desc_opaque {
	struct v_obj hdr;
};

/* mount.Mount */
struct desc_mount {
	struct v_obj hdr;
	struct v_str type, source, target, consistency;
	struct v_bool read_only;
	struct desc_bind_options bind_options;
	struct desc_volume_options volume_options;
	struct desc_opaque image_options, tmpfs_options, cluster_options;
};

/* container.RestartPolicy */
struct desc_restart_policy {
	struct v_obj hdr;
	struct v_str name;
	struct v_int maximum_retry_count;
};

/* container.HealthConfig */
struct desc_health {
	struct v_obj hdr;
	struct v_list test;
	struct v_int interval, timeout, start_period, start_interval, retries;
};

/*
 * HostConfig.PortBindings (network.PortMap), typed as far as moby's checks
 * look: each port key in input order with its list of bindings.
 */
struct desc_port_binding {
	struct hcsc_pos pos;
	bool is_null, is_map;   /* neither: not a binding (an error) */
	struct v_str host_ip;   /* set when HostIp is a string */
	struct v_str host_port; /* set when HostPort is given and not empty */
	bool host_port_string;  /* HostPort is a string or a plain scalar */
};

struct desc_port_entry {
	const char *port; /* the key: "80/tcp" */
	struct hcsc_pos pos, value_pos;
	bool is_null, is_list; /* the value; neither: an error */
	struct desc_port_binding *bindings;
	size_t n;
};

struct desc_port_map {
	bool set;
	struct hcsc_pos pos;
	struct desc_port_entry *entries;
	size_t n;
};

/* The image config that create merges in (Image.Config). */
struct desc_image_config {
	struct v_obj hdr;
	struct v_str user, working_dir, stop_signal;
	struct v_list env, cmd, entrypoint, shell, on_build;
	struct v_bool args_escaped;
	struct v_map volumes, exposed_ports, labels;
	struct desc_health healthcheck;
};

struct desc_image {
	struct v_obj hdr;
	struct v_str os; /* Os: windows | linux (LCOW) */
	struct desc_image_config config;
};

/* container.Config */
struct desc_config {
	struct v_obj hdr;
	struct v_str hostname, domainname, user, image, working_dir,
		stop_signal;
	struct v_bool attach_stdin, attach_stdout, attach_stderr, tty,
		open_stdin, stdin_once, args_escaped, network_disabled;
	struct v_map exposed_ports, volumes, labels;
	struct v_list env, cmd, entrypoint, on_build, shell;
	struct desc_health healthcheck;
	struct v_int stop_timeout;
};

/* container.HostConfig (with the embedded container.Resources) */
struct desc_host_config {
	struct v_obj hdr;
	struct v_list binds, volumes_from, cap_add, cap_drop, dns, dns_options,
		dns_search, extra_hosts, group_add, links, security_opt,
		masked_paths, readonly_paths, device_cgroup_rules;
	struct v_str network_mode, volume_driver, isolation, cgroup_parent,
		cpuset_cpus, cpuset_mems, cgroupns_mode, ipc_mode, cgroup,
		pid_mode, uts_mode, userns_mode, runtime, container_id_file;
	struct desc_port_map port_bindings;
	struct v_map annotations, storage_opt, tmpfs, sysctls;
	struct desc_restart_policy restart_policy;
	struct v_bool auto_remove, privileged, publish_all_ports,
		readonly_rootfs, oom_kill_disable, init;
	struct v_console console_size;
	struct v_int oom_score_adj, shm_size;
	/* Resources */
	struct v_int cpu_shares, memory, nano_cpus, cpu_period, cpu_quota,
		cpu_realtime_period, cpu_realtime_runtime, memory_reservation,
		memory_swap, memory_swappiness, pids_limit, cpu_count,
		cpu_percent;
	struct v_uint blkio_weight, io_maximum_iops, io_maximum_bandwidth;
	struct v_objlist blkio_weight_device, blkio_device_read_bps,
		blkio_device_write_bps, blkio_device_read_iops,
		blkio_device_write_iops, devices, device_requests, ulimits,
		mounts;
};

/* Runtime.LayerFolders[i]: a path, or {Path, Id} */
struct desc_layer {
	struct v_obj hdr;
	struct v_str path, id;
};

/* Runtime.Networks[i] */
struct desc_network {
	struct v_obj hdr;
	struct v_str name, hns_endpoint_id, gateway_hns_endpoint_id;
	struct v_bool allow_unqualified_dns_query;
};

/* Runtime.SharedNetworkContainer */
struct desc_shared_container {
	struct v_obj hdr;
	struct v_str id, hostname, domainname, isolation;
	struct v_list hns_endpoint_ids;
	struct v_bool running;
};

/* Runtime.Secrets[i].File / Configs[i].File */
struct desc_file_target {
	struct v_obj hdr;
	struct v_str name;
};

/* Runtime.Secrets[i] (SecretReference) / Configs[i] (ConfigReference) */
struct desc_reference {
	struct v_obj hdr;
	struct v_str secret_id, secret_name, config_id, config_name;
	struct desc_file_target file;
};

struct desc_runtime {
	struct v_obj hdr;
	struct v_objlist layer_folders; /* of struct desc_layer */
	struct v_str scratch_folder, volume_path, utility_vm_path,
		network_namespace;
	struct v_bool started_before, open_stdin;
	struct v_objlist networks; /* of struct desc_network */
	struct desc_shared_container shared_network_container;
	struct v_objlist secrets, configs; /* of struct desc_reference */
};

struct desc {
	struct v_obj hdr;
	const char *file;   /* display name of the description */
	bool inspect;       /* docker inspect input (rule: hcsc.input.docker-inspect) */
	struct v_str name, owner, id;
	struct desc_image image;
	struct desc_config config;
	struct desc_host_config host_config;
	struct desc_runtime runtime;
};

/*
 * Decode a description node tree. Recognises `docker inspect` output (an
 * array of exactly one object, or an object with a State key). Returns
 * HCSC_E_INPUT when any load/schema error was recorded.
 */
enum hcsc_rc desc_decode(struct arena *a, struct diag_list *d,
			 const char *file, const struct node *root,
			 struct desc *out);

/* The runtime section alone (the --runtime sidecar of --from-oci). */
enum hcsc_rc desc_decode_runtime(struct arena *a, struct diag_list *d,
				 const struct node *root,
				 struct desc_runtime *out);

#endif
