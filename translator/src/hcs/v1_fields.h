/*
 * v1_fields.h: the one table of the HCS schema-1 document's fields:
 * schema1.ContainerConfig of microsoft/hcsshim v0.8.6/7
 * (internal/schema1/schema1.go), each field once, with its JSON key, Go
 * type, omitempty, which builders set it, and, for a value the builders
 * take unchanged from config.json, the member of struct oci_spec (rule:
 * hcsc.emit.field-table). emit/shapes.c makes shape_hcs_v1 from it;
 * hcs_v1_copy_spec() (hcs/v1.c) writes the SPEC rows for the Windows
 * builders (hcs/v1.c, hcs/moby_local.c). The nested types (Layer,
 * MappedDir, HvRuntime, ...) are shapes of emit/shapes.c.
 * tools/goref/main.go declares the same Go type by hand (the oracle).
 *
 * HCS_V1_FIELDS(X), in Go declaration order:
 *   X(key, Go type, omitempty, builders, from, member)
 *     key       the JSON key (an identifier, stringified)
 *     Go type   its shape in emit/shapes.c
 *     omitempty O (omitempty) or F
 *     builders  which builders set it: ALL (hcs/v1.c: hcsshim-0.8.6 and
 *               docker-containerd; hcs/moby_local.c: docker and
 *               docker-19.03; hcs/moby_lcow.c: docker-19.03 for a Linux
 *               container), WCOW (the first two), LOCAL (hcs/moby_local.c
 *               only), LCOW (hcs/moby_lcow.c only), NONE (in the Go
 *               type; no builder sets it)
 *     from      SPEC_BOOL, SPEC_STR: `member` of struct oci_spec, copied
 *               as it is by hcs_v1_copy_spec() (WCOW rows only); BUILT:
 *               the builders compute it (`member` is `_`)
 */
#ifndef HCSC_HCS_V1_FIELDS_H
#define HCSC_HCS_V1_FIELDS_H

#define HCS_V1_FIELDS(X)                                                                                           \
	X(SystemType,                  t_string,          F, ALL,   BUILT,     _)                                  \
	X(Name,                        t_string,          F, ALL,   BUILT,     _)                                  \
	X(Owner,                       t_string,          O, ALL,   BUILT,     _)                                  \
	X(VolumePath,                  t_string,          O, WCOW,  BUILT,     _)                                  \
	X(IgnoreFlushesDuringBoot,     t_bool,            O, WCOW,  SPEC_BOOL, windows.ignore_flushes_during_boot) \
	X(LayerFolderPath,             t_string,          O, ALL,   BUILT,     _)                                  \
	X(Layers,                      v1_layers,         F, ALL,   BUILT,     _)                                  \
	X(Credentials,                 t_string,          O, WCOW,  BUILT,     _)                                  \
	X(ProcessorCount,              t_uint32,          O, WCOW,  BUILT,     _)                                  \
	X(ProcessorWeight,             t_uint64,          O, WCOW,  BUILT,     _)                                  \
	X(ProcessorMaximum,            t_int64,           O, WCOW,  BUILT,     _)                                  \
	X(StorageIOPSMaximum,          t_uint64,          O, WCOW,  BUILT,     _)                                  \
	X(StorageBandwidthMaximum,     t_uint64,          O, WCOW,  BUILT,     _)                                  \
	X(StorageSandboxSize,          t_uint64,          O, NONE,  BUILT,     _)                                  \
	X(MemoryMaximumInMB,           t_int64,           O, WCOW,  BUILT,     _)                                  \
	X(HostName,                    t_string,          O, WCOW,  SPEC_STR,  hostname)                           \
	X(MappedDirectories,           v1_mapped_dirs,    O, ALL,   BUILT,     _)                                  \
	X(MappedPipes,                 v1_mapped_pipes,   O, WCOW,  BUILT,     _)                                  \
	X(HvPartition,                 t_bool,            F, ALL,   BUILT,     _)                                  \
	X(NetworkSharedContainerName,  t_string,          O, WCOW,  BUILT,     _)                                  \
	X(EndpointList,                s_string,          O, WCOW,  BUILT,     _)                                  \
	X(HvRuntime,                   v1_hv_runtime_ptr, O, ALL,   BUILT,     _)                                  \
	X(Servicing,                   t_bool,            O, NONE,  BUILT,     _)                                  \
	X(AllowUnqualifiedDNSQuery,    t_bool,            O, WCOW,  BUILT,     _)                                  \
	X(DNSSearchList,               t_string,          O, WCOW,  BUILT,     _)                                  \
	X(ContainerType,               t_string,          O, LCOW,  BUILT,     _)                                  \
	X(TerminateOnLastHandleClosed, t_bool,            O, LCOW,  BUILT,     _)                                  \
	X(MappedVirtualDisks,          v1_mapped_vdisks,  O, NONE,  BUILT,     _)                                  \
	X(AssignedDevices,             v1_devices,        O, LOCAL, BUILT,     _)

#endif
