/*
 * desc_schema.c: the schema tables of a description (rule: hcsc.input.field-table):
 * every field of moby master's container.Config, container.HostConfig
 * (with the embedded container.Resources) and mount.Mount, marked
 * FS_MODELLED (shapes the documents), FS_VALIDATED (moby rejects or warns
 * about it on Windows; the rule and its text live in the OCI stage's
 * checks, oci/checks.c and oci/resources.c)
 * or FS_IGNORED (moby accepts and ignores it on Windows). Plus hcsc's own
 * Image and Runtime sections. Go types give the integer ranges.
 *
 * Sources: moby api/types/container/{config.go,hostconfig.go},
 * api/types/mount/mount.go, api/types/swarm/secret.go, config.go.
 */
#include <stddef.h>
#include <stdint.h>

#include "desc.h"
#include "schema.h"

#define I64 INT64_MIN, INT64_MAX, 0
#define U16 0, 0, UINT16_MAX
#define U32 0, 0, UINT32_MAX
#define U64 0, 0, UINT64_MAX
#define NR 0, 0, 0

#define F(key, type, st, mem, sub, status, range) \
	{ key, type, offsetof(st, mem), sub, status, range, NULL }
#define FX(key) { key, FT_ANY, NO_SLOT, NULL, FS_IGNORED, NR, NULL }
#define SCHEMA(var, label, st, table) \
	const struct schema var = { label, sizeof(st), table, \
				    sizeof(table) / sizeof(table[0]) }

/* ---- small shared structs ---------------------------------------------- */

static const struct field health_fields[] = {
	F("Test", FT_STRLIST, struct desc_health, test, NULL, FS_VALIDATED, NR),
	F("Interval", FT_INT, struct desc_health, interval, NULL, FS_VALIDATED, I64),
	F("Timeout", FT_INT, struct desc_health, timeout, NULL, FS_VALIDATED, I64),
	F("StartPeriod", FT_INT, struct desc_health, start_period, NULL, FS_VALIDATED, I64),
	F("StartInterval", FT_INT, struct desc_health, start_interval, NULL, FS_VALIDATED, I64),
	F("Retries", FT_INT, struct desc_health, retries, NULL, FS_VALIDATED, I64),
};
static SCHEMA(health_schema, "Healthcheck", struct desc_health, health_fields);

static const struct field device_fields[] = {
	F("PathOnHost", FT_STRING, struct desc_device, path_on_host, NULL, FS_MODELLED, NR),
	F("PathInContainer", FT_STRING, struct desc_device, path_in_container, NULL, FS_IGNORED, NR),
	F("CgroupPermissions", FT_STRING, struct desc_device, cgroup_permissions, NULL, FS_IGNORED, NR),
};
static SCHEMA(device_schema, "DeviceMapping", struct desc_device, device_fields);

/* WeightDevice, ThrottleDevice, Ulimit, DeviceRequest: only their presence
 * matters on Windows (verifyPlatformContainerResources), so their members
 * are accepted without slots. */
static const struct field weight_device_fields[] = { FX("Path"), FX("Weight") };
static SCHEMA(weight_device_schema, "WeightDevice", struct v_obj, weight_device_fields);
static const struct field throttle_device_fields[] = { FX("Path"), FX("Rate") };
static SCHEMA(throttle_device_schema, "ThrottleDevice", struct v_obj, throttle_device_fields);
static const struct field ulimit_fields[] = { FX("Name"), FX("Hard"), FX("Soft") };
static SCHEMA(ulimit_schema, "Ulimit", struct v_obj, ulimit_fields);
static const struct field device_request_fields[] = {
	FX("Driver"), FX("Count"), FX("DeviceIDs"), FX("Capabilities"), FX("Options"),
};
static SCHEMA(device_request_schema, "DeviceRequest", struct v_obj, device_request_fields);

static const struct field restart_fields[] = {
	F("Name", FT_STRING, struct desc_restart_policy, name, NULL, FS_VALIDATED, NR),
	F("MaximumRetryCount", FT_INT, struct desc_restart_policy, maximum_retry_count, NULL, FS_VALIDATED, I64),
};
static SCHEMA(restart_schema, "RestartPolicy", struct desc_restart_policy, restart_fields);

/* ---- mount.Mount -------------------------------------------------------- */

static const struct field driver_fields[] = {
	F("Name", FT_STRING, struct desc_driver, name, NULL, FS_MODELLED, NR),
	F("Options", FT_STRMAP, struct desc_driver, options, NULL, FS_IGNORED, NR),
};
static SCHEMA(driver_schema, "DriverConfig", struct desc_driver, driver_fields);

static const struct field bind_options_fields[] = {
	F("Propagation", FT_STRING, struct desc_bind_options, propagation, NULL, FS_VALIDATED, NR),
	F("NonRecursive", FT_BOOL, struct desc_bind_options, non_recursive, NULL, FS_IGNORED, NR),
	F("CreateMountpoint", FT_BOOL, struct desc_bind_options, create_mountpoint, NULL, FS_IGNORED, NR),
	F("ReadOnlyNonRecursive", FT_BOOL, struct desc_bind_options, read_only_non_recursive, NULL, FS_IGNORED, NR),
	F("ReadOnlyForceRecursive", FT_BOOL, struct desc_bind_options, read_only_force_recursive, NULL, FS_IGNORED, NR),
};
static SCHEMA(bind_options_schema, "BindOptions", struct desc_bind_options, bind_options_fields);

static const struct field volume_options_fields[] = {
	F("NoCopy", FT_BOOL, struct desc_volume_options, no_copy, NULL, FS_IGNORED, NR),
	F("Labels", FT_STRMAP, struct desc_volume_options, labels, NULL, FS_IGNORED, NR),
	F("Subpath", FT_STRING, struct desc_volume_options, subpath, NULL, FS_MODELLED, NR),
	F("DriverConfig", FT_STRUCT, struct desc_volume_options, driver_config, &driver_schema, FS_MODELLED, NR),
};
static SCHEMA(volume_options_schema, "VolumeOptions", struct desc_volume_options, volume_options_fields);

static const struct field image_options_fields[] = { FX("Subpath") };
static SCHEMA(image_options_schema, "ImageOptions", struct desc_opaque, image_options_fields);
static const struct field tmpfs_options_fields[] = { FX("SizeBytes"), FX("Mode"), FX("Options") };
static SCHEMA(tmpfs_options_schema, "TmpfsOptions", struct desc_opaque, tmpfs_options_fields);
static const struct field cluster_options_fields[] = { FX("_") };
static const struct schema cluster_options_schema = { "ClusterOptions", sizeof(struct desc_opaque), cluster_options_fields, 0 };

static const struct field mount_fields[] = {
	F("Type", FT_STRING, struct desc_mount, type, NULL, FS_MODELLED, NR),
	F("Source", FT_STRING, struct desc_mount, source, NULL, FS_MODELLED, NR),
	F("Target", FT_STRING, struct desc_mount, target, NULL, FS_MODELLED, NR),
	F("ReadOnly", FT_BOOL, struct desc_mount, read_only, NULL, FS_MODELLED, NR),
	F("Consistency", FT_STRING, struct desc_mount, consistency, NULL, FS_IGNORED, NR),
	F("BindOptions", FT_STRUCT, struct desc_mount, bind_options, &bind_options_schema, FS_VALIDATED, NR),
	F("VolumeOptions", FT_STRUCT, struct desc_mount, volume_options, &volume_options_schema, FS_MODELLED, NR),
	F("ImageOptions", FT_STRUCT, struct desc_mount, image_options, &image_options_schema, FS_VALIDATED, NR),
	F("TmpfsOptions", FT_STRUCT, struct desc_mount, tmpfs_options, &tmpfs_options_schema, FS_VALIDATED, NR),
	F("ClusterOptions", FT_STRUCT, struct desc_mount, cluster_options, &cluster_options_schema, FS_VALIDATED, NR),
};
static SCHEMA(mount_schema, "Mount", struct desc_mount, mount_fields);

/* ---- container.Config ---------------------------------------------------- */

#define C struct desc_config
static const struct field config_fields[] = {
	F("Hostname", FT_STRING, C, hostname, NULL, FS_MODELLED, NR),
	F("Domainname", FT_STRING, C, domainname, NULL, FS_MODELLED, NR),
	F("User", FT_STRING, C, user, NULL, FS_MODELLED, NR),
	F("AttachStdin", FT_BOOL, C, attach_stdin, NULL, FS_IGNORED, NR),
	F("AttachStdout", FT_BOOL, C, attach_stdout, NULL, FS_IGNORED, NR),
	F("AttachStderr", FT_BOOL, C, attach_stderr, NULL, FS_IGNORED, NR),
	F("ExposedPorts", FT_SET, C, exposed_ports, NULL, FS_VALIDATED, NR),
	F("Tty", FT_BOOL, C, tty, NULL, FS_MODELLED, NR),
	F("OpenStdin", FT_BOOL, C, open_stdin, NULL, FS_MODELLED, NR),
	F("StdinOnce", FT_BOOL, C, stdin_once, NULL, FS_IGNORED, NR),
	F("Env", FT_STRLIST, C, env, NULL, FS_MODELLED, NR),
	F("Cmd", FT_STRSLICE, C, cmd, NULL, FS_MODELLED, NR),
	F("Healthcheck", FT_STRUCT, C, healthcheck, &health_schema, FS_VALIDATED, NR),
	F("ArgsEscaped", FT_BOOL, C, args_escaped, NULL, FS_MODELLED, NR),
	F("Image", FT_STRING, C, image, NULL, FS_IGNORED, NR),
	F("Volumes", FT_SET, C, volumes, NULL, FS_MODELLED, NR),
	F("WorkingDir", FT_STRING, C, working_dir, NULL, FS_MODELLED, NR),
	F("Entrypoint", FT_STRSLICE, C, entrypoint, NULL, FS_MODELLED, NR),
	F("NetworkDisabled", FT_BOOL, C, network_disabled, NULL, FS_IGNORED, NR),
	F("OnBuild", FT_STRLIST, C, on_build, NULL, FS_IGNORED, NR),
	F("Labels", FT_STRMAP, C, labels, NULL, FS_IGNORED, NR),
	F("StopSignal", FT_STRING, C, stop_signal, NULL, FS_VALIDATED, NR),
	F("StopTimeout", FT_INT, C, stop_timeout, NULL, FS_IGNORED, I64),
	F("Shell", FT_STRSLICE, C, shell, NULL, FS_IGNORED, NR),
};
#undef C
static SCHEMA(config_schema, "Config", struct desc_config, config_fields);

/* Image.Config: the image's config as create merges it. */
#define IC struct desc_image_config
static const struct field image_config_fields[] = {
	F("User", FT_STRING, IC, user, NULL, FS_MODELLED, NR),
	F("ExposedPorts", FT_SET, IC, exposed_ports, NULL, FS_IGNORED, NR),
	F("Env", FT_STRLIST, IC, env, NULL, FS_MODELLED, NR),
	F("Cmd", FT_STRSLICE, IC, cmd, NULL, FS_MODELLED, NR),
	F("Healthcheck", FT_STRUCT, IC, healthcheck, &health_schema, FS_IGNORED, NR),
	F("ArgsEscaped", FT_BOOL, IC, args_escaped, NULL, FS_MODELLED, NR),
	F("Volumes", FT_SET, IC, volumes, NULL, FS_MODELLED, NR),
	F("WorkingDir", FT_STRING, IC, working_dir, NULL, FS_MODELLED, NR),
	F("Entrypoint", FT_STRSLICE, IC, entrypoint, NULL, FS_MODELLED, NR),
	F("OnBuild", FT_STRLIST, IC, on_build, NULL, FS_IGNORED, NR),
	F("Labels", FT_STRMAP, IC, labels, NULL, FS_IGNORED, NR),
	F("StopSignal", FT_STRING, IC, stop_signal, NULL, FS_IGNORED, NR),
	F("Shell", FT_STRSLICE, IC, shell, NULL, FS_IGNORED, NR),
};
#undef IC
static SCHEMA(image_config_schema, "Image.Config", struct desc_image_config, image_config_fields);

static const struct field image_fields[] = {
	F("Os", FT_STRING, struct desc_image, os, NULL, FS_MODELLED, NR),
	F("Config", FT_STRUCT, struct desc_image, config, &image_config_schema, FS_MODELLED, NR),
};
static SCHEMA(image_schema, "Image", struct desc_image, image_fields);

/* ---- container.HostConfig ------------------------------------------------ */

#define H struct desc_host_config
static const struct field host_config_fields[] = {
	F("Binds", FT_STRLIST, H, binds, NULL, FS_MODELLED, NR),
	F("ContainerIDFile", FT_STRING, H, container_id_file, NULL, FS_IGNORED, NR),
	FX("LogConfig"),
	F("NetworkMode", FT_STRING, H, network_mode, NULL, FS_MODELLED, NR),
	F("PortBindings", FT_PORTMAP, H, port_bindings, NULL, FS_VALIDATED, NR),
	F("RestartPolicy", FT_STRUCT, H, restart_policy, &restart_schema, FS_VALIDATED, NR),
	F("AutoRemove", FT_BOOL, H, auto_remove, NULL, FS_VALIDATED, NR),
	F("VolumeDriver", FT_STRING, H, volume_driver, NULL, FS_MODELLED, NR),
	F("VolumesFrom", FT_STRLIST, H, volumes_from, NULL, FS_VALIDATED, NR),
	F("ConsoleSize", FT_CONSOLE, H, console_size, NULL, FS_MODELLED, NR),
	F("Annotations", FT_STRMAP, H, annotations, NULL, FS_MODELLED, NR),
	F("CapAdd", FT_STRSLICE, H, cap_add, NULL, FS_IGNORED, NR),
	F("CapDrop", FT_STRSLICE, H, cap_drop, NULL, FS_IGNORED, NR),
	F("CgroupnsMode", FT_STRING, H, cgroupns_mode, NULL, FS_IGNORED, NR),
	F("Dns", FT_STRLIST, H, dns, NULL, FS_VALIDATED, NR),
	F("DnsOptions", FT_STRLIST, H, dns_options, NULL, FS_VALIDATED, NR),
	F("DnsSearch", FT_STRLIST, H, dns_search, NULL, FS_MODELLED, NR),
	F("ExtraHosts", FT_STRLIST, H, extra_hosts, NULL, FS_VALIDATED, NR),
	F("GroupAdd", FT_STRLIST, H, group_add, NULL, FS_IGNORED, NR),
	F("IpcMode", FT_STRING, H, ipc_mode, NULL, FS_IGNORED, NR),
	F("Cgroup", FT_STRING, H, cgroup, NULL, FS_IGNORED, NR),
	F("Links", FT_STRLIST, H, links, NULL, FS_VALIDATED, NR),
	F("OomScoreAdj", FT_INT, H, oom_score_adj, NULL, FS_IGNORED, I64),
	F("PidMode", FT_STRING, H, pid_mode, NULL, FS_IGNORED, NR),
	F("Privileged", FT_BOOL, H, privileged, NULL, FS_VALIDATED, NR),
	F("PublishAllPorts", FT_BOOL, H, publish_all_ports, NULL, FS_VALIDATED, NR),
	F("ReadonlyRootfs", FT_BOOL, H, readonly_rootfs, NULL, FS_VALIDATED, NR),
	F("SecurityOpt", FT_STRLIST, H, security_opt, NULL, FS_MODELLED, NR),
	F("StorageOpt", FT_STRMAP, H, storage_opt, NULL, FS_IGNORED, NR),
	F("Tmpfs", FT_STRMAP, H, tmpfs, NULL, FS_IGNORED, NR),
	F("UTSMode", FT_STRING, H, uts_mode, NULL, FS_IGNORED, NR),
	F("UsernsMode", FT_STRING, H, userns_mode, NULL, FS_IGNORED, NR),
	F("ShmSize", FT_INT, H, shm_size, NULL, FS_IGNORED, I64),
	F("Sysctls", FT_STRMAP, H, sysctls, NULL, FS_IGNORED, NR),
	F("Runtime", FT_STRING, H, runtime, NULL, FS_IGNORED, NR),
	F("Isolation", FT_STRING, H, isolation, NULL, FS_MODELLED, NR),
	/* container.Resources (embedded) */
	F("CpuShares", FT_INT, H, cpu_shares, NULL, FS_MODELLED, I64),
	F("Memory", FT_INT, H, memory, NULL, FS_MODELLED, I64),
	F("NanoCpus", FT_INT, H, nano_cpus, NULL, FS_MODELLED, I64),
	F("CgroupParent", FT_STRING, H, cgroup_parent, NULL, FS_VALIDATED, NR),
	F("BlkioWeight", FT_UINT, H, blkio_weight, NULL, FS_VALIDATED, U16),
	F("BlkioWeightDevice", FT_STRUCTLIST, H, blkio_weight_device, &weight_device_schema, FS_VALIDATED, NR),
	F("BlkioDeviceReadBps", FT_STRUCTLIST, H, blkio_device_read_bps, &throttle_device_schema, FS_VALIDATED, NR),
	F("BlkioDeviceWriteBps", FT_STRUCTLIST, H, blkio_device_write_bps, &throttle_device_schema, FS_VALIDATED, NR),
	F("BlkioDeviceReadIOps", FT_STRUCTLIST, H, blkio_device_read_iops, &throttle_device_schema, FS_VALIDATED, NR),
	F("BlkioDeviceWriteIOps", FT_STRUCTLIST, H, blkio_device_write_iops, &throttle_device_schema, FS_VALIDATED, NR),
	F("CpuPeriod", FT_INT, H, cpu_period, NULL, FS_VALIDATED, I64),
	F("CpuQuota", FT_INT, H, cpu_quota, NULL, FS_IGNORED, I64),
	F("CpuRealtimePeriod", FT_INT, H, cpu_realtime_period, NULL, FS_VALIDATED, I64),
	F("CpuRealtimeRuntime", FT_INT, H, cpu_realtime_runtime, NULL, FS_VALIDATED, I64),
	F("CpusetCpus", FT_STRING, H, cpuset_cpus, NULL, FS_VALIDATED, NR),
	F("CpusetMems", FT_STRING, H, cpuset_mems, NULL, FS_VALIDATED, NR),
	F("Devices", FT_STRUCTLIST, H, devices, &device_schema, FS_MODELLED, NR),
	F("DeviceCgroupRules", FT_STRLIST, H, device_cgroup_rules, NULL, FS_IGNORED, NR),
	F("DeviceRequests", FT_STRUCTLIST, H, device_requests, &device_request_schema, FS_IGNORED, NR),
	F("MemoryReservation", FT_INT, H, memory_reservation, NULL, FS_VALIDATED, I64),
	F("MemorySwap", FT_INT, H, memory_swap, NULL, FS_VALIDATED, I64),
	F("MemorySwappiness", FT_INT, H, memory_swappiness, NULL, FS_VALIDATED, I64),
	F("OomKillDisable", FT_BOOL, H, oom_kill_disable, NULL, FS_VALIDATED, NR),
	F("PidsLimit", FT_INT, H, pids_limit, NULL, FS_VALIDATED, I64),
	F("Ulimits", FT_STRUCTLIST, H, ulimits, &ulimit_schema, FS_VALIDATED, NR),
	F("CpuCount", FT_INT, H, cpu_count, NULL, FS_MODELLED, I64),
	F("CpuPercent", FT_INT, H, cpu_percent, NULL, FS_MODELLED, I64),
	F("IOMaximumIOps", FT_UINT, H, io_maximum_iops, NULL, FS_MODELLED, U64),
	F("IOMaximumBandwidth", FT_UINT, H, io_maximum_bandwidth, NULL, FS_MODELLED, U64),
	/* after Resources */
	F("Mounts", FT_STRUCTLIST, H, mounts, &mount_schema, FS_MODELLED, NR),
	F("MaskedPaths", FT_STRLIST, H, masked_paths, NULL, FS_IGNORED, NR),
	F("ReadonlyPaths", FT_STRLIST, H, readonly_paths, NULL, FS_IGNORED, NR),
	F("Init", FT_BOOL, H, init, NULL, FS_IGNORED, NR),
};
#undef H
static SCHEMA(host_config_schema, "HostConfig", struct desc_host_config, host_config_fields);

/* ---- Runtime (hcsc's own: what a daemon knows at start) ----------------- */

static const struct field layer_fields[] = {
	F("Path", FT_STRING, struct desc_layer, path, NULL, FS_MODELLED, NR),
	F("Id", FT_STRING, struct desc_layer, id, NULL, FS_MODELLED, NR),
};
static SCHEMA(layer_schema, "LayerFolders", struct desc_layer, layer_fields);

static const struct field network_fields[] = {
	F("Name", FT_STRING, struct desc_network, name, NULL, FS_MODELLED, NR),
	F("HnsEndpointId", FT_STRING, struct desc_network, hns_endpoint_id, NULL, FS_MODELLED, NR),
	F("GatewayHnsEndpointId", FT_STRING, struct desc_network, gateway_hns_endpoint_id, NULL, FS_MODELLED, NR),
	F("AllowUnqualifiedDNSQuery", FT_BOOL, struct desc_network, allow_unqualified_dns_query, NULL, FS_MODELLED, NR),
};
static SCHEMA(network_schema, "Networks", struct desc_network, network_fields);

#define SC struct desc_shared_container
static const struct field shared_fields[] = {
	F("Id", FT_STRING, SC, id, NULL, FS_MODELLED, NR),
	F("Hostname", FT_STRING, SC, hostname, NULL, FS_MODELLED, NR),
	F("Domainname", FT_STRING, SC, domainname, NULL, FS_MODELLED, NR),
	F("HnsEndpointIds", FT_STRLIST, SC, hns_endpoint_ids, NULL, FS_MODELLED, NR),
	F("Isolation", FT_STRING, SC, isolation, NULL, FS_VALIDATED, NR),
	F("Running", FT_BOOL, SC, running, NULL, FS_VALIDATED, NR),
};
#undef SC
static SCHEMA(shared_schema, "SharedNetworkContainer", struct desc_shared_container, shared_fields);

static const struct field file_target_fields[] = {
	F("Name", FT_STRING, struct desc_file_target, name, NULL, FS_MODELLED, NR),
	FX("UID"), FX("GID"), FX("Mode"),
};
static SCHEMA(file_target_schema, "File", struct desc_file_target, file_target_fields);

static const struct field secret_fields[] = {
	F("File", FT_STRUCT, struct desc_reference, file, &file_target_schema, FS_MODELLED, NR),
	F("SecretID", FT_STRING, struct desc_reference, secret_id, NULL, FS_MODELLED, NR),
	F("SecretName", FT_STRING, struct desc_reference, secret_name, NULL, FS_MODELLED, NR),
};
static SCHEMA(secret_schema, "Secrets", struct desc_reference, secret_fields);

static const struct field config_ref_fields[] = {
	F("File", FT_STRUCT, struct desc_reference, file, &file_target_schema, FS_MODELLED, NR),
	FX("Runtime"),
	F("ConfigID", FT_STRING, struct desc_reference, config_id, NULL, FS_MODELLED, NR),
	F("ConfigName", FT_STRING, struct desc_reference, config_name, NULL, FS_MODELLED, NR),
};
static SCHEMA(config_ref_schema, "Configs", struct desc_reference, config_ref_fields);

#define RT struct desc_runtime
#define RUNTIME_FIELDS \
	{ "LayerFolders", FT_STR_OR_STRUCT, offsetof(RT, layer_folders), &layer_schema, FS_MODELLED, NR, "Path" }, \
	F("ScratchFolder", FT_STRING, RT, scratch_folder, NULL, FS_MODELLED, NR), \
	F("VolumePath", FT_STRING, RT, volume_path, NULL, FS_MODELLED, NR), \
	F("StartedBefore", FT_BOOL, RT, started_before, NULL, FS_MODELLED, NR), \
	F("Networks", FT_STRUCTLIST, RT, networks, &network_schema, FS_MODELLED, NR), \
	F("SharedNetworkContainer", FT_STRUCT, RT, shared_network_container, &shared_schema, FS_MODELLED, NR), \
	F("UtilityVMPath", FT_STRING, RT, utility_vm_path, NULL, FS_MODELLED, NR), \
	F("NetworkNamespace", FT_STRING, RT, network_namespace, NULL, FS_MODELLED, NR), \
	F("Secrets", FT_STRUCTLIST, RT, secrets, &secret_schema, FS_MODELLED, NR), \
	F("Configs", FT_STRUCTLIST, RT, configs, &config_ref_schema, FS_MODELLED, NR)

static const struct field runtime_fields[] = { RUNTIME_FIELDS };
static SCHEMA(runtime_schema, "Runtime", RT, runtime_fields);

/* The --runtime sidecar of --from-oci also carries OpenStdin (rule: hcsc.from-oci.decode). */
static const struct field sidecar_fields[] = {
	RUNTIME_FIELDS,
	F("OpenStdin", FT_BOOL, RT, open_stdin, NULL, FS_MODELLED, NR),
};
#undef RT
SCHEMA(desc_sidecar_schema, "Runtime", struct desc_runtime, sidecar_fields);

/* ---- the description ----------------------------------------------------- */

static const struct field desc_fields[] = {
	F("Name", FT_STRING, struct desc, name, NULL, FS_MODELLED, NR),
	F("Owner", FT_STRING, struct desc, owner, NULL, FS_MODELLED, NR),
	F("Id", FT_STRING, struct desc, id, NULL, FS_MODELLED, NR),
	F("Image", FT_STRUCT, struct desc, image, &image_schema, FS_MODELLED, NR),
	F("Config", FT_STRUCT, struct desc, config, &config_schema, FS_MODELLED, NR),
	F("HostConfig", FT_STRUCT, struct desc, host_config, &host_config_schema, FS_MODELLED, NR),
	F("Runtime", FT_STRUCT, struct desc, runtime, &runtime_schema, FS_MODELLED, NR),
};
SCHEMA(desc_schema, "description", struct desc, desc_fields);
