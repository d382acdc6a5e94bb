/*
 * decode_schema.c: the schema tables of an OCI runtime spec as Go decodes
 * it (opencontainers/runtime-spec v1.3.0 specs-go/config.go): the Windows
 * subset hcsc reads, typed as Go types them, and every other field of
 * specs.Spec accepted and ignored, so only keys Go does not know warn.
 */
#include <stddef.h>
#include <stdint.h>

#include "oci/decode/decode_slots.h"

#define U16 0, 0, UINT16_MAX
#define U32 0, 0, UINT32_MAX
#define U64 0, 0, UINT64_MAX
#define INT INT64_MIN, INT64_MAX, 0 /* Go int: 64 bits on Windows */
#define NR 0, 0, 0

#define M(key, type, st, mem, sub, range) \
	{ key, type, offsetof(st, mem), sub, FS_MODELLED, range, NULL }
/* A field hcsc does not read: type-checked through a scratch slot. */
#define IG(key, type, st, mem, range) \
	{ key, type, offsetof(st, mem), NULL, FS_IGNORED, range, NULL }
/* A field hcsc does not read, accepted whatever its value. */
#define IGANY(key) { key, FT_ANY, NO_SLOT, NULL, FS_IGNORED, NR, NULL }
#define SCHEMA(var, label, st, table) \
	static const struct schema var = { label, sizeof(st), table, \
					   sizeof(table) / sizeof(table[0]) }

static const struct field box_fields[] = {
	M("height", FT_UINT, struct box_slots, height, NULL, U64),
	M("width", FT_UINT, struct box_slots, width, NULL, U64),
};
SCHEMA(box_schema, "specs.Box", struct box_slots, box_fields);

static const struct field user_fields[] = {
	M("uid", FT_UINT, struct user_slots, uid, NULL, U32),
	M("gid", FT_UINT, struct user_slots, gid, NULL, U32),
	IG("umask", FT_UINT, struct user_slots, scratch_u32, U32),
	IGANY("additionalGids"),
	M("username", FT_STRING, struct user_slots, username, NULL, NR),
};
SCHEMA(user_schema, "specs.User", struct user_slots, user_fields);

#define P struct process_slots
static const struct field process_fields[] = {
	M("terminal", FT_BOOL, P, terminal, NULL, NR),
	M("consoleSize", FT_STRUCT, P, console_size, &box_schema, NR),
	M("user", FT_STRUCT, P, user, &user_schema, NR),
	M("args", FT_STRLIST, P, args, NULL, NR),
	M("commandLine", FT_STRING, P, command_line, NULL, NR),
	M("env", FT_STRLIST, P, env, NULL, NR),
	M("cwd", FT_STRING, P, cwd, NULL, NR),
	IGANY("capabilities"),
	IGANY("rlimits"),
	IG("noNewPrivileges", FT_BOOL, P, scratch_bool, NR),
	IG("apparmorProfile", FT_STRING, P, scratch_str, NR),
	IG("oomScoreAdj", FT_INT, P, scratch_int, INT),
	IGANY("scheduler"),
	IG("selinuxLabel", FT_STRING, P, scratch_str, NR),
	IGANY("ioPriority"),
	IGANY("execCPUAffinity"),
};
#undef P
SCHEMA(process_schema, "specs.Process", struct process_slots, process_fields);

static const struct field root_fields[] = {
	M("path", FT_STRING, struct root_slots, path, NULL, NR),
	M("readonly", FT_BOOL, struct root_slots, readonly, NULL, NR),
};
SCHEMA(root_schema, "specs.Root", struct root_slots, root_fields);

static const struct field mount_fields[] = {
	M("destination", FT_STRING, struct mount_slots, destination, NULL, NR),
	M("type", FT_STRING, struct mount_slots, type, NULL, NR),
	M("source", FT_STRING, struct mount_slots, source, NULL, NR),
	M("options", FT_STRLIST, struct mount_slots, options, NULL, NR),
	IGANY("uidMappings"),
	IGANY("gidMappings"),
};
SCHEMA(mount_schema, "specs.Mount", struct mount_slots, mount_fields);

static const struct field device_fields[] = {
	M("id", FT_STRING, struct device_slots, id, NULL, NR),
	M("idType", FT_STRING, struct device_slots, id_type, NULL, NR),
};
SCHEMA(device_schema, "specs.WindowsDevice", struct device_slots, device_fields);

static const struct field memory_fields[] = {
	M("limit", FT_UINT, struct memory_slots, limit, NULL, U64),
};
SCHEMA(memory_schema, "specs.WindowsMemoryResources", struct memory_slots,
       memory_fields);

static const struct field cpu_fields[] = {
	M("count", FT_UINT, struct cpu_slots, count, NULL, U64),
	M("shares", FT_UINT, struct cpu_slots, shares, NULL, U16),
	M("maximum", FT_UINT, struct cpu_slots, maximum, NULL, U16),
	IGANY("affinity"),
};
SCHEMA(cpu_schema, "specs.WindowsCPUResources", struct cpu_slots, cpu_fields);

static const struct field storage_fields[] = {
	M("iops", FT_UINT, struct storage_slots, iops, NULL, U64),
	M("bps", FT_UINT, struct storage_slots, bps, NULL, U64),
	M("sandboxSize", FT_UINT, struct storage_slots, sandbox_size, NULL, U64),
};
SCHEMA(storage_schema, "specs.WindowsStorageResources", struct storage_slots,
       storage_fields);

static const struct field resources_fields[] = {
	M("memory", FT_STRUCT, struct resources_slots, memory, &memory_schema, NR),
	M("cpu", FT_STRUCT, struct resources_slots, cpu, &cpu_schema, NR),
	M("storage", FT_STRUCT, struct resources_slots, storage, &storage_schema, NR),
};
SCHEMA(resources_schema, "specs.WindowsResources", struct resources_slots,
       resources_fields);

static const struct field hyperv_fields[] = {
	M("utilityVMPath", FT_STRING, struct hyperv_slots, utility_vm_path, NULL, NR),
};
SCHEMA(hyperv_schema, "specs.WindowsHyperV", struct hyperv_slots, hyperv_fields);

#define N struct network_slots
static const struct field network_fields[] = {
	M("endpointList", FT_STRLIST, N, endpoint_list, NULL, NR),
	M("allowUnqualifiedDNSQuery", FT_BOOL, N, allow_unqualified_dns_query, NULL, NR),
	M("DNSSearchList", FT_STRLIST, N, dns_search_list, NULL, NR),
	M("networkSharedContainerName", FT_STRING, N, network_shared_container_name, NULL, NR),
	M("networkNamespace", FT_STRING, N, network_namespace, NULL, NR),
};
#undef N
SCHEMA(network_schema, "specs.WindowsNetwork", struct network_slots,
       network_fields);

#define W struct windows_slots
static const struct field windows_fields[] = {
	M("layerFolders", FT_STRLIST, W, layer_folders, NULL, NR),
	M("devices", FT_STRUCTLIST, W, devices, &device_schema, NR),
	M("resources", FT_STRUCT, W, resources, &resources_schema, NR),
	M("credentialSpec", FT_RAW, W, credential_spec, NULL, NR),
	M("servicing", FT_BOOL, W, servicing, NULL, NR),
	M("ignoreFlushesDuringBoot", FT_BOOL, W, ignore_flushes_during_boot, NULL, NR),
	M("hyperv", FT_STRUCT, W, hyperv, &hyperv_schema, NR),
	M("network", FT_STRUCT, W, network, &network_schema, NR),
};
#undef W
SCHEMA(windows_schema, "specs.Windows", struct windows_slots, windows_fields);

#define S struct spec_slots
static const struct field spec_fields[] = {
	M("ociVersion", FT_STRING, S, oci_version, NULL, NR),
	M("process", FT_STRUCT, S, process, &process_schema, NR),
	M("root", FT_STRUCT, S, root, &root_schema, NR),
	M("hostname", FT_STRING, S, hostname, NULL, NR),
	IG("domainname", FT_STRING, S, scratch_str, NR),
	M("mounts", FT_STRUCTLIST, S, mounts, &mount_schema, NR),
	IGANY("hooks"),
	M("annotations", FT_STRMAP, S, annotations, NULL, NR),
	IGANY("linux"),
	IGANY("solaris"),
	M("windows", FT_STRUCT, S, windows, &windows_schema, NR),
	IGANY("vm"),
	IGANY("zos"),
	IGANY("freebsd"),
};
#undef S
const struct schema oci_spec_schema = {
	"specs.Spec", sizeof(struct spec_slots), spec_fields,
	sizeof(spec_fields) / sizeof(spec_fields[0])
};

