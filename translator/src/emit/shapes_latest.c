/*
 * shapes_latest.c: the Go types of the documents only the newer engines
 * send, as `struct shape` tables for emit_json():
 *
 * - shape_hcs_v2_latest: hcsschema.ComputeSystem of hcsshim main
 *   (internal/hcs/schema2): Memory.SizeInMB is a uint64; Storage adds
 *   PrivilegedContainerRootPath; Device adds Type and LocationPath;
 *   Container adds AdditionalDeviceNamespace and IsolationType;
 *   HvSocketServiceConfig adds Disabled. The device-extension tree is
 *   left out: hcsc never fills it (latest.c).
 * - shape_hcs_process_v1: schema1.ProcessConfig of the hcsshim that moby
 *   vendors (internal/hcs/schema1/schema1.go), what moby's local runtime
 *   hands to HcsCreateProcess; ConsoleSize is a [2]uint, never omitted.
 */
#include "emit/shapes_int.h"

static const struct shape s_uint = SLICE_SHAPE("[2]uint", &t_uint);

/* ---- hcsschema.ComputeSystem (hcsshim main) ---------------------------- */

static const struct shape_field storage_fields[] = {
	O("Layers", &v2_layers),
	O("Path", &t_string),
	O("QoS", &v2_qos_ptr),
	O("PrivilegedContainerRootPath", &t_string),
};
static const struct shape storage =
	STRUCT_SHAPE("hcsschema.Storage", storage_fields);
static const struct shape storage_ptr =
	PTR_SHAPE("*hcsschema.Storage", &storage);

static const struct shape_field memory_fields[] = {
	O("SizeInMB", &t_uint64),
};
static const struct shape memory = STRUCT_SHAPE("hcsschema.Memory", memory_fields);
static const struct shape memory_ptr = PTR_SHAPE("*hcsschema.Memory", &memory);

static const struct shape_field hvsock_service_fields[] = {
	O("BindSecurityDescriptor", &t_string),
	O("ConnectSecurityDescriptor", &t_string),
	O("AllowWildcardBinds", &t_bool),
	O("Disabled", &t_bool),
};
static const struct shape hvsock_service =
	STRUCT_SHAPE("hcsschema.HvSocketServiceConfig", hvsock_service_fields);
static const struct shape hvsock_service_table =
	MAP_SHAPE("map[string]hcsschema.HvSocketServiceConfig", &hvsock_service);

static const struct shape_field hvsock_config_fields[] = {
	O("DefaultBindSecurityDescriptor", &t_string),
	O("DefaultConnectSecurityDescriptor", &t_string),
	O("ServiceTable", &hvsock_service_table),
};
static const struct shape hvsock_config =
	STRUCT_SHAPE("hcsschema.HvSocketSystemConfig", hvsock_config_fields);
static const struct shape hvsock_config_ptr =
	PTR_SHAPE("*hcsschema.HvSocketSystemConfig", &hvsock_config);

static const struct shape_field hvsock_fields[] = {
	O("Config", &hvsock_config_ptr),
	O("EnablePowerShellDirect", &t_bool),
};
static const struct shape hvsock = STRUCT_SHAPE("hcsschema.HvSocket", hvsock_fields);
static const struct shape hvsock_ptr = PTR_SHAPE("*hcsschema.HvSocket", &hvsock);

static const struct shape_field device_fields[] = {
	O("Type", &t_string),
	O("InterfaceClassGuid", &t_string),
	O("LocationPath", &t_string),
};
static const struct shape device = STRUCT_SHAPE("hcsschema.Device", device_fields);
static const struct shape devices = SLICE_SHAPE("[]hcsschema.Device", &device);

static const struct shape_field container_fields[] = {
	O("GuestOs", &v2_guest_os_ptr),
	O("Storage", &storage_ptr),
	O("MappedDirectories", &v2_mapped_dirs),
	O("MappedPipes", &v2_mapped_pipes),
	O("Memory", &memory_ptr),
	O("Processor", &v2_processor_ptr),
	O("Networking", &v2_networking_ptr),
	O("HvSocket", &hvsock_ptr),
	O("ContainerCredentialGuard", &v2_ccg_ptr),
	O("RegistryChanges", &v2_registry_changes_ptr),
	O("AssignedDevices", &devices),
	O("IsolationType", &t_string),
};
static const struct shape container =
	STRUCT_SHAPE("hcsschema.Container", container_fields);
static const struct shape container_ptr =
	PTR_SHAPE("*hcsschema.Container", &container);

static const struct shape_field hosted_system_fields[] = {
	O("SchemaVersion", &v2_version_ptr),
	O("Container", &container_ptr),
};
static const struct shape hosted_system =
	STRUCT_SHAPE("hcsschema.HostedSystem", hosted_system_fields);
static const struct shape hosted_system_ptr =
	PTR_SHAPE("*hcsschema.HostedSystem", &hosted_system);

static const struct shape_field compute_system_fields[] = {
	O("Owner", &t_string),
	O("SchemaVersion", &v2_version_ptr),
	O("HostingSystemId", &t_string),
	O("HostedSystem", &hosted_system_ptr),
	O("Container", &container_ptr),
	O("ShouldTerminateOnLastHandleClosed", &t_bool),
};
const struct shape shape_hcs_v2_latest =
	STRUCT_SHAPE("hcsschema.ComputeSystem", compute_system_fields);

/* The HostedSystem the shim sends into a utility VM: its own top level. */
const struct shape shape_hcs_v2_hosted =
	STRUCT_SHAPE("hcsschema.HostedSystem", hosted_system_fields);

/* ---- schema1.ProcessConfig (moby's vendored hcsshim) ------------------- */

/* A *json.RawMessage of the spec: Go compacts it as the spec prints. */
static const struct shape spec_raw = PTR_SHAPE("*json.RawMessage",
					       &shape_oci_spec);

static const struct shape_field process_config_fields[] = {
	O("ApplicationName", &t_string),
	O("CommandLine", &t_string),
	O("CommandArgs", &s_string),
	O("User", &t_string),
	O("WorkingDirectory", &t_string),
	O("Environment", &m_string),
	O("EmulateConsole", &t_bool),
	O("CreateStdInPipe", &t_bool),
	O("CreateStdOutPipe", &t_bool),
	O("CreateStdErrPipe", &t_bool),
	F("ConsoleSize", &s_uint), /* an array: omitempty never drops it */
	O("CreateInUtilityVm", &t_bool),
	O("OCISpecification", &spec_raw), /* LCOW: *json.RawMessage */
};
const struct shape shape_hcs_process_v1 =
	STRUCT_SHAPE("schema1.ProcessConfig", process_config_fields);
