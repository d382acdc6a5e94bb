/*
 * shapes_era.c: the Go types of target docker-1.12's documents (moby
 * da92dad, April 2016), as `struct shape` tables for emit_json():
 *
 * - shape_windowsoci: libcontainerd/windowsoci.WindowsSpec, moby's own
 *   pre-OCI spec (Spec embedded, then windows): snake_case keys, `mounts`
 *   and `args` without omitempty, every resource sub-object present;
 * - shape_container_init: libcontainerd/client_windows.go containerInit,
 *   the schema-1 document of that client (IsDummy, Devices, SandboxPath,
 *   Servicing; most fields without omitempty);
 * - shape_create_process_params: hcsshim v0.2.2 CreateProcessParams, no
 *   omitempty at all (the pipes are call arguments, not fields).
 * rules: oci.moby-112.spec, hcs.moby-112.container-init,
 *   process.moby-112.params
 */
#include "emit/shapes_int.h"

static const struct shape s_int2 = SLICE_SHAPE("[2]int", &t_int64);
static const struct shape p_uint64 = PTR_SHAPE("*uint64", &t_uint64);
static const struct shape p_int64 = PTR_SHAPE("*int64", &t_int64);

/* ---- windowsoci.WindowsSpec -------------------------------------------- */

static const struct shape_field platform_fields[] = {
	F("os", &t_string),
	F("arch", &t_string),
};
static const struct shape platform = STRUCT_SHAPE("windowsoci.Platform",
						  platform_fields);

static const struct shape_field user_fields[] = {
	O("user", &t_string),
};
static const struct shape user = STRUCT_SHAPE("windowsoci.User", user_fields);

static const struct shape_field process_fields[] = {
	F("terminal", &t_bool),
	F("user", &user),
	F("args", &s_string),
	O("env", &s_string),
	F("cwd", &t_string),
};
static const struct shape process = STRUCT_SHAPE("windowsoci.Process",
						 process_fields);

static const struct shape_field root_fields[] = {
	F("path", &t_string),
	F("readonly", &t_bool),
};
static const struct shape root = STRUCT_SHAPE("windowsoci.Root", root_fields);

static const struct shape_field mount_fields[] = {
	F("destination", &t_string),
	F("type", &t_string),
	F("source", &t_string),
	F("readonly", &t_bool),
};
static const struct shape mount = STRUCT_SHAPE("windowsoci.Mount", mount_fields);
static const struct shape mounts = SLICE_SHAPE("[]windowsoci.Mount", &mount);

static const struct shape_field memory_fields[] = {
	O("limit", &p_int64),
	O("reservation", &p_uint64),
};
static const struct shape memory = STRUCT_SHAPE("windowsoci.Memory", memory_fields);
static const struct shape memory_ptr = PTR_SHAPE("*windowsoci.Memory", &memory);

static const struct shape_field cpu_fields[] = {
	O("count", &p_uint64),
	O("shares", &p_uint64),
	O("percent", &p_int64),
};
static const struct shape cpu = STRUCT_SHAPE("windowsoci.CPU", cpu_fields);
static const struct shape cpu_ptr = PTR_SHAPE("*windowsoci.CPU", &cpu);

static const struct shape_field storage_fields[] = {
	O("iops", &p_uint64),
	O("bps", &p_uint64),
	O("sandbox_size", &p_uint64),
};
static const struct shape storage = STRUCT_SHAPE("windowsoci.Storage",
						 storage_fields);
static const struct shape storage_ptr = PTR_SHAPE("*windowsoci.Storage", &storage);

static const struct shape_field network_fields[] = {
	O("bandwidth", &p_uint64),
};
static const struct shape network = STRUCT_SHAPE("windowsoci.Network",
						 network_fields);
static const struct shape network_ptr = PTR_SHAPE("*windowsoci.Network", &network);

static const struct shape_field resources_fields[] = {
	O("memory", &memory_ptr),
	O("cpu", &cpu_ptr),
	O("storage", &storage_ptr),
	O("network", &network_ptr),
};
static const struct shape resources = STRUCT_SHAPE("windowsoci.Resources",
						   resources_fields);
static const struct shape resources_ptr =
	PTR_SHAPE("*windowsoci.Resources", &resources);

static const struct shape_field networking_fields[] = {
	O("endpoints", &s_string),
};
static const struct shape networking = STRUCT_SHAPE("windowsoci.Networking",
						    networking_fields);
static const struct shape networking_ptr =
	PTR_SHAPE("*windowsoci.Networking", &networking);

static const struct shape_field hv_runtime_fields[] = {
	O("image_path", &t_string),
};
static const struct shape hv_runtime = STRUCT_SHAPE("windowsoci.HvRuntime",
						    hv_runtime_fields);
static const struct shape hv_runtime_ptr =
	PTR_SHAPE("*windowsoci.HvRuntime", &hv_runtime);

static const struct shape_field windows_fields[] = {
	O("resources", &resources_ptr),
	O("networking", &networking_ptr),
	O("first_start", &t_bool),
	O("layer_folder", &t_string),
	O("layer_paths", &s_string),
	O("hv_runtime", &hv_runtime_ptr),
};
static const struct shape windows = STRUCT_SHAPE("windowsoci.Windows",
						 windows_fields);

static const struct shape_field spec_fields[] = {
	F("ociVersion", &t_string),
	F("platform", &platform),
	F("process", &process),
	F("root", &root),
	O("hostname", &t_string),
	F("mounts", &mounts),
	F("windows", &windows),
};
const struct shape shape_windowsoci =
	STRUCT_SHAPE("windowsoci.WindowsSpec", spec_fields);

/* ---- libcontainerd containerInit --------------------------------------- */

static const struct shape_field layer_fields[] = {
	F("ID", &t_string),
	F("Path", &t_string),
};
static const struct shape layer = STRUCT_SHAPE("libcontainerd.layer", layer_fields);
static const struct shape layers = SLICE_SHAPE("[]libcontainerd.layer", &layer);

static const struct shape_field mapped_dir_fields[] = {
	F("HostPath", &t_string),
	F("ContainerPath", &t_string),
	F("ReadOnly", &t_bool),
};
static const struct shape mapped_dir = STRUCT_SHAPE("libcontainerd.mappedDir",
						    mapped_dir_fields);
static const struct shape mapped_dirs =
	SLICE_SHAPE("[]libcontainerd.mappedDir", &mapped_dir);

static const struct shape_field init_hv_runtime_fields[] = {
	O("ImagePath", &t_string),
};
static const struct shape init_hv_runtime =
	STRUCT_SHAPE("libcontainerd.hvRuntime", init_hv_runtime_fields);
static const struct shape init_hv_runtime_ptr =
	PTR_SHAPE("*libcontainerd.hvRuntime", &init_hv_runtime);

/* []device: never filled by that client, so always null. */
static const struct shape devices = SLICE_SHAPE("[]libcontainerd.device", &t_string);

static const struct shape_field container_init_fields[] = {
	F("SystemType", &t_string),
	F("Name", &t_string),
	F("Owner", &t_string),
	F("IsDummy", &t_bool),
	F("VolumePath", &t_string),
	F("Devices", &devices),
	F("IgnoreFlushesDuringBoot", &t_bool),
	F("LayerFolderPath", &t_string),
	F("Layers", &layers),
	O("ProcessorWeight", &t_uint64),
	O("ProcessorMaximum", &t_int64),
	O("StorageIOPSMaximum", &t_uint64),
	O("StorageBandwidthMaximum", &t_uint64),
	O("StorageSandboxSize", &t_uint64),
	O("MemoryMaximumInMB", &t_int64),
	F("HostName", &t_string),
	F("MappedDirectories", &mapped_dirs),
	F("SandboxPath", &t_string),
	F("HvPartition", &t_bool),
	F("EndpointList", &s_string),
	F("HvRuntime", &init_hv_runtime_ptr),
	F("Servicing", &t_bool),
};
const struct shape shape_container_init =
	STRUCT_SHAPE("libcontainerd.containerInit", container_init_fields);

/* ---- hcsshim v0.2.2 CreateProcessParams -------------------------------- */

static const struct shape_field create_process_fields[] = {
	F("ApplicationName", &t_string),
	F("CommandLine", &t_string),
	F("WorkingDirectory", &t_string),
	F("Environment", &m_string),
	F("EmulateConsole", &t_bool),
	F("ConsoleSize", &s_int2),
};
const struct shape shape_create_process_params =
	STRUCT_SHAPE("hcsshim.CreateProcessParams", create_process_fields);
