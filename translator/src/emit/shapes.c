/*
 * shapes.c: the Go types of hcsc's four documents, as `struct shape`
 * tables for emit_json() (gojson.h): field order, JSON keys and omitempty
 * exactly as the Go struct tags say.
 *
 * - shape_oci_spec: specs.Spec of opencontainers/runtime-spec v1.3.0
 *   (specs-go/config.go), the fields moby sets on Windows plus the ones
 *   hcsc may print; Linux-only fields no target prints (hooks, rlimits,
 *   ...) are left out. Made from the rows of oci/spec_fields.h, the one
 *   table of config.json's fields (rule: hcsc.emit.field-table): change
 *   a key, type or omitempty there, not here.
 * - shape_hcs_v1: schema1.ContainerConfig of microsoft/hcsshim v0.8.6/7
 *   (internal/schema1/schema1.go); its fields are the rows of
 *   hcs/v1_fields.h, its nested types are here.
 * - shape_hcs_v2: hcsschema.ComputeSystem of hcsshim v0.8.7
 *   (internal/schema2, the SEED types: Memory.SizeInMB int32, Device
 *   with InterfaceClassGuid only, no Container.AdditionalDeviceNamespace,
 *   IsolationType or Storage.PrivilegedContainerRootPath). HostedSystem
 *   is an interface{} in Go; hcsshim stores a *HostedSystem in it, which
 *   prints as the pointer does, so it is declared as that pointer.
 *   VirtualMachine is left out.
 * - shape_hcs_process: hcsschema.ProcessParameters.
 *
 * shapes_latest.c holds the types hcsshim main and moby's vendored
 * hcsshim changed or added; the ones both use are shared through
 * shapes_int.h. tools/goref/main.go declares the same Go types: change
 * both together.
 */
#include "emit/shapes_int.h"
#include "hcs/v1_fields.h"
#include "oci/spec_fields.h"

/* ---- scalars and simple composites ------------------------------------ */

const struct shape t_string = SCALAR_SHAPE("string", SHAPE_STRING);
const struct shape t_bool = SCALAR_SHAPE("bool", SHAPE_BOOL);
const struct shape t_int32 = SCALAR_SHAPE("int32", SHAPE_INT);
const struct shape t_int64 = SCALAR_SHAPE("int64", SHAPE_INT);
const struct shape t_uint = SCALAR_SHAPE("uint", SHAPE_UINT);
static const struct shape t_uint16 = SCALAR_SHAPE("uint16", SHAPE_UINT);
const struct shape t_uint32 = SCALAR_SHAPE("uint32", SHAPE_UINT);
const struct shape t_uint64 = SCALAR_SHAPE("uint64", SHAPE_UINT);
static const struct shape t_any = SCALAR_SHAPE("interface {}", SHAPE_ANY);

static const struct shape p_uint16 = PTR_SHAPE("*uint16", &t_uint16);
static const struct shape p_uint32 = PTR_SHAPE("*uint32", &t_uint32);
static const struct shape p_uint64 = PTR_SHAPE("*uint64", &t_uint64);

const struct shape s_string = SLICE_SHAPE("[]string", &t_string);
static const struct shape s_int32 = SLICE_SHAPE("[]int32", &t_int32);
static const struct shape s_uint32 = SLICE_SHAPE("[]uint32", &t_uint32);

const struct shape m_string =
	MAP_SHAPE("map[string]string", &t_string);

/* ---- specs.Spec (runtime-spec v1.3.0): the rows of oci/spec_fields.h --- */

/* A row no target prints is not in the shape. */
#define OCI_SHAPE_ROW(S, B, key, type, oe, targets, wr, member, sub, dec)    \
	OCI_SHAPE_ROW_##targets(key, type, oe)
#define OCI_SHAPE_ROW_ALL(key, type, oe) oe(#key, &type),
#define OCI_SHAPE_ROW_LCOW(key, type, oe) oe(#key, &type),
#define OCI_SHAPE_ROW_NONE(key, type, oe)
/* The struct, and the pointer or slice of it its parent holds. */
#define OCI_SHAPE(id, goname, held, ctype, dec)                              \
	static const struct shape_field oci_##id##_fields[] = {              \
		OCI_FIELDS_##id(OCI_SHAPE_ROW, id, ctype)                    \
	};                                                                   \
	OCI_SHAPE_##held(id, goname)
#define OCI_SHAPE_VAL(id, goname)                                            \
	static const struct shape oci_##id =                                 \
		STRUCT_SHAPE(goname, oci_##id##_fields);
#define OCI_SHAPE_PTR(id, goname)                                            \
	OCI_SHAPE_VAL(id, goname)                                            \
	static const struct shape oci_##id##_ptr = PTR_SHAPE("*" goname, &oci_##id);
#define OCI_SHAPE_SLICE(id, goname)                                          \
	OCI_SHAPE_VAL(id, goname)                                            \
	static const struct shape oci_##id##_slice =                         \
		SLICE_SHAPE("[]" goname, &oci_##id);
#define OCI_SHAPE_TOP(id, goname)                                            \
	const struct shape shape_oci_##id = STRUCT_SHAPE(goname, oci_##id##_fields);

OCI_SECTIONS(OCI_SHAPE)

/* ---- schema1.ContainerConfig (hcsshim internal/schema1/schema1.go) ----- */

static const struct shape_field v1_layer_fields[] = {
	F("ID", &t_string),
	F("Path", &t_string),
};
static const struct shape v1_layer =
	STRUCT_SHAPE("schema1.Layer", v1_layer_fields);
static const struct shape v1_layers = SLICE_SHAPE("[]schema1.Layer", &v1_layer);

static const struct shape_field v1_mapped_dir_fields[] = {
	F("HostPath", &t_string),
	F("ContainerPath", &t_string),
	F("ReadOnly", &t_bool),
	F("BandwidthMaximum", &t_uint64),
	F("IOPSMaximum", &t_uint64),
	F("CreateInUtilityVM", &t_bool),
	O("LinuxMetadata", &t_bool),
};
static const struct shape v1_mapped_dir =
	STRUCT_SHAPE("schema1.MappedDir", v1_mapped_dir_fields);
static const struct shape v1_mapped_dirs =
	SLICE_SHAPE("[]schema1.MappedDir", &v1_mapped_dir);

static const struct shape_field v1_mapped_pipe_fields[] = {
	F("HostPath", &t_string),
	F("ContainerPipeName", &t_string),
};
static const struct shape v1_mapped_pipe =
	STRUCT_SHAPE("schema1.MappedPipe", v1_mapped_pipe_fields);
static const struct shape v1_mapped_pipes =
	SLICE_SHAPE("[]schema1.MappedPipe", &v1_mapped_pipe);

static const struct shape_field v1_hv_runtime_fields[] = {
	O("ImagePath", &t_string),
	O("SkipTemplate", &t_bool),
	O("LinuxInitrdFile", &t_string),
	O("LinuxKernelFile", &t_string),
	O("LinuxBootParameters", &t_string),
	O("BootSource", &t_string),
	O("WritableBootSource", &t_bool),
};
static const struct shape v1_hv_runtime =
	STRUCT_SHAPE("schema1.HvRuntime", v1_hv_runtime_fields);
static const struct shape v1_hv_runtime_ptr =
	PTR_SHAPE("*schema1.HvRuntime", &v1_hv_runtime);

static const struct shape_field v1_mapped_vdisk_fields[] = {
	O("HostPath", &t_string),
	F("ContainerPath", &t_string),
	O("CreateInUtilityVM", &t_bool),
	O("ReadOnly", &t_bool),
	O("Cache", &t_string),
	O("AttachOnly", &t_bool),
};
static const struct shape v1_mapped_vdisk =
	STRUCT_SHAPE("schema1.MappedVirtualDisk", v1_mapped_vdisk_fields);
static const struct shape v1_mapped_vdisks =
	SLICE_SHAPE("[]schema1.MappedVirtualDisk", &v1_mapped_vdisk);

static const struct shape_field v1_device_fields[] = {
	O("InterfaceClassGuid", &t_string),
};
static const struct shape v1_device =
	STRUCT_SHAPE("schema1.AssignedDevice", v1_device_fields);
static const struct shape v1_devices =
	SLICE_SHAPE("[]schema1.AssignedDevice", &v1_device);

/* The rows of hcs/v1_fields.h, the one table of its fields. */
#define V1_SHAPE_ROW(key, type, oe, builders, from, member) oe(#key, &type),
static const struct shape_field v1_fields[] = {
	HCS_V1_FIELDS(V1_SHAPE_ROW)
};
const struct shape shape_hcs_v1 =
	STRUCT_SHAPE("schema1.ContainerConfig", v1_fields);

/* ---- hcsschema.ComputeSystem (hcsshim v0.8.7 internal/schema2) --------- */

static const struct shape_field v2_version_fields[] = {
	O("Major", &t_int32),
	O("Minor", &t_int32),
};
static const struct shape v2_version =
	STRUCT_SHAPE("hcsschema.Version", v2_version_fields);
const struct shape v2_version_ptr =
	PTR_SHAPE("*hcsschema.Version", &v2_version);

static const struct shape_field v2_guest_os_fields[] = {
	O("HostName", &t_string),
};
static const struct shape v2_guest_os =
	STRUCT_SHAPE("hcsschema.GuestOs", v2_guest_os_fields);
const struct shape v2_guest_os_ptr =
	PTR_SHAPE("*hcsschema.GuestOs", &v2_guest_os);

static const struct shape_field v2_layer_fields[] = {
	O("Id", &t_string),
	O("Path", &t_string),
	O("PathType", &t_string),
	O("Cache", &t_string),
};
static const struct shape v2_layer =
	STRUCT_SHAPE("hcsschema.Layer", v2_layer_fields);
const struct shape v2_layers =
	SLICE_SHAPE("[]hcsschema.Layer", &v2_layer);

static const struct shape_field v2_qos_fields[] = {
	O("IopsMaximum", &t_int32),
	O("BandwidthMaximum", &t_int32),
};
static const struct shape v2_qos =
	STRUCT_SHAPE("hcsschema.StorageQoS", v2_qos_fields);
const struct shape v2_qos_ptr =
	PTR_SHAPE("*hcsschema.StorageQoS", &v2_qos);

static const struct shape_field v2_storage_fields[] = {
	O("Layers", &v2_layers),
	O("Path", &t_string),
	O("QoS", &v2_qos_ptr),
};
static const struct shape v2_storage =
	STRUCT_SHAPE("hcsschema.Storage", v2_storage_fields);
static const struct shape v2_storage_ptr =
	PTR_SHAPE("*hcsschema.Storage", &v2_storage);

static const struct shape_field v2_mapped_dir_fields[] = {
	O("HostPath", &t_string),
	O("HostPathType", &t_string),
	O("ContainerPath", &t_string),
	O("ReadOnly", &t_bool),
};
static const struct shape v2_mapped_dir =
	STRUCT_SHAPE("hcsschema.MappedDirectory", v2_mapped_dir_fields);
const struct shape v2_mapped_dirs =
	SLICE_SHAPE("[]hcsschema.MappedDirectory", &v2_mapped_dir);

static const struct shape_field v2_mapped_pipe_fields[] = {
	O("ContainerPipeName", &t_string),
	O("HostPath", &t_string),
	O("HostPathType", &t_string),
};
static const struct shape v2_mapped_pipe =
	STRUCT_SHAPE("hcsschema.MappedPipe", v2_mapped_pipe_fields);
const struct shape v2_mapped_pipes =
	SLICE_SHAPE("[]hcsschema.MappedPipe", &v2_mapped_pipe);

static const struct shape_field v2_memory_fields[] = {
	O("SizeInMB", &t_int32),
};
static const struct shape v2_memory =
	STRUCT_SHAPE("hcsschema.Memory", v2_memory_fields);
static const struct shape v2_memory_ptr =
	PTR_SHAPE("*hcsschema.Memory", &v2_memory);

static const struct shape_field v2_processor_fields[] = {
	O("Count", &t_int32),
	O("Maximum", &t_int32),
	O("Weight", &t_int32),
};
static const struct shape v2_processor =
	STRUCT_SHAPE("hcsschema.Processor", v2_processor_fields);
const struct shape v2_processor_ptr =
	PTR_SHAPE("*hcsschema.Processor", &v2_processor);

static const struct shape_field v2_networking_fields[] = {
	O("AllowUnqualifiedDnsQuery", &t_bool),
	O("DnsSearchList", &t_string),
	O("NetworkSharedContainerName", &t_string),
	O("Namespace", &t_string),
	O("NetworkAdapters", &s_string),
};
static const struct shape v2_networking =
	STRUCT_SHAPE("hcsschema.Networking", v2_networking_fields);
const struct shape v2_networking_ptr =
	PTR_SHAPE("*hcsschema.Networking", &v2_networking);

static const struct shape_field v2_hvsock_service_fields[] = {
	O("BindSecurityDescriptor", &t_string),
	O("ConnectSecurityDescriptor", &t_string),
	O("AllowWildcardBinds", &t_bool),
};
static const struct shape v2_hvsock_service =
	STRUCT_SHAPE("hcsschema.HvSocketServiceConfig", v2_hvsock_service_fields);
static const struct shape v2_hvsock_service_table =
	MAP_SHAPE("map[string]hcsschema.HvSocketServiceConfig",
		  &v2_hvsock_service);

static const struct shape_field v2_hvsock_config_fields[] = {
	O("DefaultBindSecurityDescriptor", &t_string),
	O("DefaultConnectSecurityDescriptor", &t_string),
	O("ServiceTable", &v2_hvsock_service_table),
};
static const struct shape v2_hvsock_config =
	STRUCT_SHAPE("hcsschema.HvSocketSystemConfig", v2_hvsock_config_fields);
static const struct shape v2_hvsock_config_ptr =
	PTR_SHAPE("*hcsschema.HvSocketSystemConfig", &v2_hvsock_config);

static const struct shape_field v2_hvsock_fields[] = {
	O("Config", &v2_hvsock_config_ptr),
	O("EnablePowerShellDirect", &t_bool),
};
static const struct shape v2_hvsock =
	STRUCT_SHAPE("hcsschema.HvSocket", v2_hvsock_fields);
static const struct shape v2_hvsock_ptr =
	PTR_SHAPE("*hcsschema.HvSocket", &v2_hvsock);

static const struct shape_field v2_ccg_fields[] = {
	O("Cookie", &t_string),
	O("RpcEndpoint", &t_string),
	O("Transport", &t_string),
	O("CredentialSpec", &t_string),
};
static const struct shape v2_ccg =
	STRUCT_SHAPE("hcsschema.ContainerCredentialGuardState", v2_ccg_fields);
const struct shape v2_ccg_ptr =
	PTR_SHAPE("*hcsschema.ContainerCredentialGuardState", &v2_ccg);

static const struct shape_field v2_registry_key_fields[] = {
	O("Hive", &t_string),
	O("Name", &t_string),
	O("Volatile", &t_bool),
};
static const struct shape v2_registry_key =
	STRUCT_SHAPE("hcsschema.RegistryKey", v2_registry_key_fields);
static const struct shape v2_registry_key_ptr =
	PTR_SHAPE("*hcsschema.RegistryKey", &v2_registry_key);
static const struct shape v2_registry_keys =
	SLICE_SHAPE("[]hcsschema.RegistryKey", &v2_registry_key);

static const struct shape_field v2_registry_value_fields[] = {
	O("Key", &v2_registry_key_ptr),
	O("Name", &t_string),
	O("Type", &t_string),
	O("StringValue", &t_string),
	O("BinaryValue", &t_string),
	O("DWordValue", &t_int32),
	O("QWordValue", &t_int32),
	O("CustomType", &t_int32),
};
static const struct shape v2_registry_value =
	STRUCT_SHAPE("hcsschema.RegistryValue", v2_registry_value_fields);
static const struct shape v2_registry_values =
	SLICE_SHAPE("[]hcsschema.RegistryValue", &v2_registry_value);

static const struct shape_field v2_registry_changes_fields[] = {
	O("AddValues", &v2_registry_values),
	O("DeleteKeys", &v2_registry_keys),
};
static const struct shape v2_registry_changes =
	STRUCT_SHAPE("hcsschema.RegistryChanges", v2_registry_changes_fields);
const struct shape v2_registry_changes_ptr =
	PTR_SHAPE("*hcsschema.RegistryChanges", &v2_registry_changes);

static const struct shape_field v2_device_fields[] = {
	O("InterfaceClassGuid", &t_string),
};
static const struct shape v2_device =
	STRUCT_SHAPE("hcsschema.Device", v2_device_fields);
static const struct shape v2_devices =
	SLICE_SHAPE("[]hcsschema.Device", &v2_device);

static const struct shape_field v2_container_fields[] = {
	O("GuestOs", &v2_guest_os_ptr),
	O("Storage", &v2_storage_ptr),
	O("MappedDirectories", &v2_mapped_dirs),
	O("MappedPipes", &v2_mapped_pipes),
	O("Memory", &v2_memory_ptr),
	O("Processor", &v2_processor_ptr),
	O("Networking", &v2_networking_ptr),
	O("HvSocket", &v2_hvsock_ptr),
	O("ContainerCredentialGuard", &v2_ccg_ptr),
	O("RegistryChanges", &v2_registry_changes_ptr),
	O("AssignedDevices", &v2_devices),
};
static const struct shape v2_container =
	STRUCT_SHAPE("hcsschema.Container", v2_container_fields);
static const struct shape v2_container_ptr =
	PTR_SHAPE("*hcsschema.Container", &v2_container);

static const struct shape_field v2_hosted_system_fields[] = {
	O("SchemaVersion", &v2_version_ptr),
	O("Container", &v2_container_ptr),
};
static const struct shape v2_hosted_system =
	STRUCT_SHAPE("hcsschema.HostedSystem", v2_hosted_system_fields);
static const struct shape v2_hosted_system_ptr =
	PTR_SHAPE("*hcsschema.HostedSystem", &v2_hosted_system);

static const struct shape_field v2_fields[] = {
	O("Owner", &t_string),
	O("SchemaVersion", &v2_version_ptr),
	O("HostingSystemId", &t_string),
	O("HostedSystem", &v2_hosted_system_ptr),
	O("Container", &v2_container_ptr),
	O("ShouldTerminateOnLastHandleClosed", &t_bool),
};
const struct shape shape_hcs_v2 =
	STRUCT_SHAPE("hcsschema.ComputeSystem", v2_fields);

/* ---- hcsschema.ProcessParameters --------------------------------------- */

static const struct shape_field process_params_fields[] = {
	O("ApplicationName", &t_string),
	O("CommandLine", &t_string),
	O("CommandArgs", &s_string),
	O("User", &t_string),
	O("WorkingDirectory", &t_string),
	O("Environment", &m_string),
	O("RestrictedToken", &t_bool),
	O("EmulateConsole", &t_bool),
	O("CreateStdInPipe", &t_bool),
	O("CreateStdOutPipe", &t_bool),
	O("CreateStdErrPipe", &t_bool),
	O("ConsoleSize", &s_int32), /* []int32: rule: process.parameters */
	O("CreateInUtilityVM", &t_bool),
	O("UseExistingLogin", &t_bool),
	O("UseLegacyConsole", &t_bool),
};
const struct shape shape_hcs_process =
	STRUCT_SHAPE("hcsschema.ProcessParameters", process_params_fields);
