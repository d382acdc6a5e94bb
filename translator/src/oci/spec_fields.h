/*
 * spec_fields.h: the one table of config.json's layout: every Go struct of
 * opencontainers/runtime-spec v1.3.0 specs.Spec (specs-go/config.go) on
 * the path hcsc prints or reads, and each of its fields once, with its
 * JSON key, Go type, omitempty, which targets print it, the member of
 * struct oci_spec (oci/spec.h) it is written from, and what the
 * --from-oci decoder does with it (rule: hcsc.emit.field-table).
 *
 * From these rows, as X-macros, are made:
 *   emit/shapes.c            shape_oci_spec (keys, Go types, omitempty)
 *   emit/oci_json.c          the builder's rows (struct oci_spec -> json-c)
 *   emit/oci_prov.c          the walk that tags the tree for `hcsc explain`
 *   oci/decode/decode_slots.h   the decoder's slot structs
 *   oci/decode/decode_schema.c  the decoder's schema rows
 *   oci/decode/decode.c      the copy of the slots into struct oci_spec
 * so a new field is one row here, plus its member in oci/spec.h and the
 * step that sets it. tools/goref/main.go declares the same Go types by
 * hand: it is the independent oracle (rule: hcsc.tests.go-oracle), change
 * it with a printed row. docker-1.12's windowsoci.WindowsSpec is another
 * Go type (emit/shapes_era.c, built by hand in emit/oci_json.c).
 * unit.test_spec_fields checks the rows against each other and the shape
 * against the decoder's schema.
 *
 * OCI_SECTIONS(S) lists the Go structs, inner ones first:
 *   S(id, Go type, held as, C struct, decoded)
 *     held as   how the parent holds it: PTR (a pointer), SLICE (a slice
 *               of it), VAL (by value), TOP (specs.Spec itself)
 *     C struct  the struct whose members the rows name
 *     decoded   DEC: the --from-oci decoder has a schema for it; NODEC:
 *               it never reaches the decoder (its parent row is I_ANY)
 * OCI_FIELDS_<id>(X, S, B) lists the fields, in Go declaration order:
 *   X(S, B, key, Go type, omitempty, targets, writer, member, sub, decoder)
 *     key       the JSON key (an identifier: stringified, and the name of
 *               the decoder's slot)
 *     Go type   its shape in emit/shapes.c (nested: oci_<sub>_ptr or
 *               oci_<sub>_slice, made from the section; `_` when no
 *               target prints it)
 *     omitempty O (omitempty) or F
 *     targets   ALL (every target printing specs.Spec: all but
 *               docker-1.12), LCOW (docker-19.03 for a Linux container),
 *               NONE (no target prints it: not in the shape; --from-oci
 *               accepts it)
 *     writer    what struct oci_spec holds and how it is written:
 *               STR (const char *), BOOL (bool, omitempty: true only),
 *               U32, U64 (uint32_t, uint64_t), OPT_U16, OPT_U64 (struct
 *               opt_*: only when set), LIST (struct str_list: nil is
 *               null, or left out with omitempty), OBJ (a nested `sub`
 *               present when the bool `member` is), VAL (a nested `sub`,
 *               always), FN (hand-written: `member` names the functions
 *               build_<member>, tag_<member> and, when decoded,
 *               copy_<member>), NONE (hcsc never writes it)
 *     member    the member of the C struct (`_` for VAL and NONE)
 *     sub       the nested section's id (`_` for none)
 *     decoder   D_STR, D_BOOL, D_U16, D_U32, D_U64 (Go's range), D_LIST,
 *               D_MAP, D_RAW (an interface{}), D_OBJ, D_OBJS (a nested
 *               struct, a slice of them): read (FS_MODELLED); I_STR,
 *               I_BOOL, I_U32, I_INT: type-checked and dropped; I_ANY:
 *               accepted whatever it holds (FS_IGNORED)
 */
#ifndef HCSC_OCI_SPEC_FIELDS_H
#define HCSC_OCI_SPEC_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

/* The writer column, for the code that walks struct oci_spec by rows. */
enum oci_wr {
	OCI_WR_STR,
	OCI_WR_BOOL,
	OCI_WR_U32,
	OCI_WR_U64,
	OCI_WR_OPT_U16,
	OCI_WR_OPT_U64,
	OCI_WR_LIST,
	OCI_WR_OBJ,
	OCI_WR_VAL,
	OCI_WR_FN
};

/*
 * OCI_ROW_STRUCT(name, F): the row type of a walk over struct oci_spec,
 * whose FN rows call a function of type F.
 */
#define OCI_ROW_STRUCT(name, F)                                              \
	struct name {                                                        \
		const char *key; /* NULL ends a table */                     \
		enum oci_wr wr;                                              \
		bool oe;                                                     \
		size_t off; /* of the member in the section's C struct */    \
		const struct name *sub; /* OBJ, VAL, FN: the nested rows */  \
		F *fn;                  /* FN */                             \
	}

/*
 * OCI_ROW_TABLES: with OCI_ROW_T (a type of OCI_ROW_STRUCT) and OCI_ROW_P
 * (a prefix) defined, `static const OCI_ROW_T <P>_rows_<id>[]` for every
 * section: one element per written row (writer not NONE), ended by a
 * NULL key. sub is <P>_rows_<sub> (<P>_rows__, empty, for `_`) and fn
 * (FN) the function <P>_<member>, declared before.
 */
#define OCI_ROW_TABLES                                                       \
	static const OCI_ROW_T OCI_CAT3(OCI_ROW_P, _rows_, _)[] = {          \
		{ .key = NULL }                                              \
	};                                                                   \
	OCI_SECTIONS(OCI_RT_SECTION_)

#define OCI_CAT3_(a, b, c) a##b##c
#define OCI_CAT3(a, b, c) OCI_CAT3_(a, b, c)
#define OCI_OE_O true
#define OCI_OE_F false
#define OCI_RT_SECTION_(id, goname, held, ctype, dec)                        \
	static const OCI_ROW_T OCI_CAT3(OCI_ROW_P, _rows_, id)[] = {         \
		OCI_FIELDS_##id(OCI_RT_ROW_, id, ctype) { .key = NULL }      \
	};
/* Parameters are not named like the members they initialise. */
#define OCI_RT_ROW_(S, B, k, type, e, targets, w, m, sb, dec)                \
	OCI_RT_##w(B, k, e, m, sb)
#define OCI_RT_DATA_(w, B, k, e, m)                                          \
	{ .key = #k, .wr = w, .oe = OCI_OE_##e, .off = offsetof(B, m) },
#define OCI_RT_STR(B, k, e, m, sb) OCI_RT_DATA_(OCI_WR_STR, B, k, e, m)
#define OCI_RT_BOOL(B, k, e, m, sb) OCI_RT_DATA_(OCI_WR_BOOL, B, k, e, m)
#define OCI_RT_U32(B, k, e, m, sb) OCI_RT_DATA_(OCI_WR_U32, B, k, e, m)
#define OCI_RT_U64(B, k, e, m, sb) OCI_RT_DATA_(OCI_WR_U64, B, k, e, m)
#define OCI_RT_OPT_U16(B, k, e, m, sb) OCI_RT_DATA_(OCI_WR_OPT_U16, B, k, e, m)
#define OCI_RT_OPT_U64(B, k, e, m, sb) OCI_RT_DATA_(OCI_WR_OPT_U64, B, k, e, m)
#define OCI_RT_LIST(B, k, e, m, sb) OCI_RT_DATA_(OCI_WR_LIST, B, k, e, m)
#define OCI_RT_OBJ(B, k, e, m, sb)                                           \
	{ .key = #k, .wr = OCI_WR_OBJ, .off = offsetof(B, m),                \
	  .sub = OCI_CAT3(OCI_ROW_P, _rows_, sb) },
#define OCI_RT_VAL(B, k, e, m, sb)                                           \
	{ .key = #k, .wr = OCI_WR_VAL, .sub = OCI_CAT3(OCI_ROW_P, _rows_, sb) },
#define OCI_RT_FN(B, k, e, m, sb)                                            \
	{ .key = #k, .wr = OCI_WR_FN, .fn = OCI_CAT3(OCI_ROW_P, _, m),       \
	  .sub = OCI_CAT3(OCI_ROW_P, _rows_, sb) },
#define OCI_RT_NONE(B, k, e, m, sb)

#define OCI_SECTIONS(S)                                                      \
	S(box, "specs.Box", PTR, struct oci_spec, DEC)                       \
	S(user, "specs.User", VAL, struct oci_spec, DEC)                     \
	S(caps, "specs.LinuxCapabilities", PTR, struct oci_spec, NODEC)      \
	S(process, "specs.Process", PTR, struct oci_spec, DEC)               \
	S(root, "specs.Root", PTR, struct oci_spec, DEC)                     \
	S(mount, "specs.Mount", SLICE, struct oci_mount, DEC)                \
	S(device, "specs.WindowsDevice", SLICE, struct oci_device, DEC)      \
	S(memory, "specs.WindowsMemoryResources", PTR, struct oci_spec, DEC) \
	S(cpu, "specs.WindowsCPUResources", PTR, struct oci_spec, DEC)       \
	S(storage, "specs.WindowsStorageResources", PTR, struct oci_spec, DEC) \
	S(resources, "specs.WindowsResources", PTR, struct oci_spec, DEC)    \
	S(hyperv, "specs.WindowsHyperV", PTR, struct oci_spec, DEC)          \
	S(network, "specs.WindowsNetwork", PTR, struct oci_spec, DEC)        \
	S(windows, "specs.Windows", PTR, struct oci_spec, DEC)               \
	S(namespace, "specs.LinuxNamespace", SLICE, struct oci_spec, NODEC)  \
	S(linux_resources, "specs.LinuxResources", PTR, struct oci_spec, NODEC) \
	S(linux, "specs.Linux", PTR, struct oci_spec, NODEC)                 \
	S(spec, "specs.Spec", TOP, struct oci_spec, DEC)

/* The rows: X(S, B, key, Go type, oe, targets, writer, member, sub, decoder) */

#define OCI_FIELDS_box(X, S, B)                                                \
	X(S, B, height, t_uint, F, ALL, U64, process.console_height, _, D_U64) \
	X(S, B, width,  t_uint, F, ALL, U64, process.console_width,  _, D_U64)

#define OCI_FIELDS_user(X, S, B)                                                    \
	X(S, B, uid,            t_uint32, F, ALL, U32,  process.uid,      _, D_U32) \
	X(S, B, gid,            t_uint32, F, ALL, U32,  process.gid,      _, D_U32) \
	X(S, B, umask,          p_uint32, O, ALL, NONE, _,                _, I_U32) \
	X(S, B, additionalGids, s_uint32, O, ALL, NONE, _,                _, I_ANY) \
	X(S, B, username,       t_string, O, ALL, STR,  process.username, _, D_STR)

/* LCOW: moby's SetCapabilities gives the same list four times. */
#define OCI_FIELDS_caps(X, S, B)                                   \
	X(S, B, bounding,    s_string, O, LCOW, NONE, _, _, I_ANY) \
	X(S, B, effective,   s_string, O, LCOW, NONE, _, _, I_ANY) \
	X(S, B, inheritable, s_string, O, LCOW, NONE, _, _, I_ANY) \
	X(S, B, permitted,   s_string, O, LCOW, NONE, _, _, I_ANY) \
	X(S, B, ambient,     s_string, O, LCOW, NONE, _, _, I_ANY)

#define OCI_FIELDS_process(X, S, B)                                                                   \
	X(S, B, terminal,        t_bool,       O, ALL,  BOOL, process.terminal,         _,    D_BOOL) \
	X(S, B, consoleSize,     oci_box_ptr,  O, ALL,  OBJ,  process.has_console_size, box,  D_OBJ)  \
	X(S, B, user,            oci_user,     F, ALL,  VAL,  _,                        user, D_OBJ)  \
	X(S, B, args,            s_string,     O, ALL,  LIST, process.args,             _,    D_LIST) \
	X(S, B, commandLine,     t_string,     O, ALL,  STR,  process.command_line,     _,    D_STR)  \
	X(S, B, env,             s_string,     O, ALL,  LIST, process.env,              _,    D_LIST) \
	X(S, B, cwd,             t_string,     F, ALL,  STR,  process.cwd,              _,    D_STR)  \
	X(S, B, capabilities,    oci_caps_ptr, O, LCOW, FN,   capabilities,             caps, I_ANY)  \
	X(S, B, rlimits,         _,            O, NONE, NONE, _,                        _,    I_ANY)  \
	X(S, B, noNewPrivileges, _,            O, NONE, NONE, _,                        _,    I_BOOL) \
	X(S, B, apparmorProfile, _,            O, NONE, NONE, _,                        _,    I_STR)  \
	X(S, B, oomScoreAdj,     _,            O, NONE, NONE, _,                        _,    I_INT)  \
	X(S, B, scheduler,       _,            O, NONE, NONE, _,                        _,    I_ANY)  \
	X(S, B, selinuxLabel,    _,            O, NONE, NONE, _,                        _,    I_STR)  \
	X(S, B, ioPriority,      _,            O, NONE, NONE, _,                        _,    I_ANY)  \
	X(S, B, execCPUAffinity, _,            O, NONE, NONE, _,                        _,    I_ANY)

#define OCI_FIELDS_root(X, S, B)                                            \
	X(S, B, path,     t_string, F, ALL, STR,  root.path,     _, D_STR)  \
	X(S, B, readonly, t_bool,   O, ALL, BOOL, root.readonly, _, D_BOOL)

#define OCI_FIELDS_mount(X, S, B)                                             \
	X(S, B, destination, t_string, F, ALL,  STR,  destination, _, D_STR)  \
	X(S, B, type,        t_string, O, ALL,  STR,  type,        _, D_STR)  \
	X(S, B, source,      t_string, O, ALL,  STR,  source,      _, D_STR)  \
	X(S, B, options,     s_string, O, ALL,  LIST, options,     _, D_LIST) \
	X(S, B, uidMappings, _,        O, NONE, NONE, _,           _, I_ANY)  \
	X(S, B, gidMappings, _,        O, NONE, NONE, _,           _, I_ANY)

#define OCI_FIELDS_device(X, S, B)                                \
	X(S, B, id,     t_string, F, ALL, STR, id,      _, D_STR) \
	X(S, B, idType, t_string, F, ALL, STR, id_type, _, D_STR)

#define OCI_FIELDS_memory(X, S, B)                                                \
	X(S, B, limit, p_uint64, O, ALL, OPT_U64, windows.memory_limit, _, D_U64)

#define OCI_FIELDS_cpu(X, S, B)                                                      \
	X(S, B, count,    p_uint64, O, ALL,  OPT_U64, windows.cpu_count,   _, D_U64) \
	X(S, B, shares,   p_uint16, O, ALL,  OPT_U16, windows.cpu_shares,  _, D_U16) \
	X(S, B, maximum,  p_uint16, O, ALL,  OPT_U16, windows.cpu_maximum, _, D_U16) \
	X(S, B, affinity, _,        O, NONE, NONE,    _,                   _, I_ANY)

#define OCI_FIELDS_storage(X, S, B)                                                             \
	X(S, B, iops,        p_uint64, O, ALL, OPT_U64, windows.storage_iops,         _, D_U64) \
	X(S, B, bps,         p_uint64, O, ALL, OPT_U64, windows.storage_bps,          _, D_U64) \
	X(S, B, sandboxSize, p_uint64, O, ALL, OPT_U64, windows.storage_sandbox_size, _, D_U64)

#define OCI_FIELDS_resources(X, S, B)                                                       \
	X(S, B, memory,  oci_memory_ptr,  O, ALL, OBJ, windows.has_memory,  memory,  D_OBJ) \
	X(S, B, cpu,     oci_cpu_ptr,     O, ALL, OBJ, windows.has_cpu,     cpu,     D_OBJ) \
	X(S, B, storage, oci_storage_ptr, O, ALL, OBJ, windows.has_storage, storage, D_OBJ)

#define OCI_FIELDS_hyperv(X, S, B)                                                       \
	X(S, B, utilityVMPath, t_string, O, ALL, STR, windows.utility_vm_path, _, D_STR)

#define OCI_FIELDS_network(X, S, B)                                                                                   \
	X(S, B, endpointList,               s_string, O, ALL, LIST, windows.endpoint_list,                 _, D_LIST) \
	X(S, B, allowUnqualifiedDNSQuery,   t_bool,   O, ALL, BOOL, windows.allow_unqualified_dns_query,   _, D_BOOL) \
	X(S, B, DNSSearchList,              s_string, O, ALL, LIST, windows.dns_search_list,               _, D_LIST) \
	X(S, B, networkSharedContainerName, t_string, O, ALL, STR,  windows.network_shared_container_name, _, D_STR)  \
	X(S, B, networkNamespace,           t_string, O, ALL, STR,  windows.network_namespace,             _, D_STR)

#define OCI_FIELDS_windows(X, S, B)                                                                                              \
	X(S, B, layerFolders,            s_string,          F, ALL, LIST, windows.layer_folders,              _,         D_LIST) \
	X(S, B, devices,                 oci_device_slice,  O, ALL, FN,   devices,                            device,    D_OBJS) \
	X(S, B, resources,               oci_resources_ptr, O, ALL, OBJ,  windows.has_resources,              resources, D_OBJ)  \
	X(S, B, credentialSpec,          t_any,             O, ALL, FN,   credspec,                           _,         D_RAW)  \
	X(S, B, servicing,               t_bool,            O, ALL, BOOL, windows.servicing,                  _,         D_BOOL) \
	X(S, B, ignoreFlushesDuringBoot, t_bool,            O, ALL, BOOL, windows.ignore_flushes_during_boot, _,         D_BOOL) \
	X(S, B, hyperv,                  oci_hyperv_ptr,    O, ALL, OBJ,  windows.has_hyperv,                 hyperv,    D_OBJ)  \
	X(S, B, network,                 oci_network_ptr,   O, ALL, OBJ,  windows.has_network,                network,   D_OBJ)

/* LCOW (docker-19.03): the parts of specs.Linux moby's default sets. */
#define OCI_FIELDS_namespace(X, S, B)                       \
	X(S, B, type, t_string, F, LCOW, NONE, _, _, I_ANY) \
	X(S, B, path, t_string, O, LCOW, NONE, _, _, I_ANY)

/* []LinuxDeviceCgroup, declared []string: never set here. */
#define OCI_FIELDS_linux_resources(X, S, B)                    \
	X(S, B, devices, s_string, O, LCOW, NONE, _, _, I_ANY)

#define OCI_FIELDS_linux(X, S, B)                                                                                    \
	X(S, B, resources,     oci_linux_resources_ptr, O, LCOW, OBJ,  linux.has_resources,  linux_resources, I_ANY) \
	X(S, B, namespaces,    oci_namespace_slice,     O, LCOW, FN,   namespaces,           namespace,       I_ANY) \
	X(S, B, maskedPaths,   s_string,                O, LCOW, LIST, linux.masked_paths,   _,               I_ANY) \
	X(S, B, readonlyPaths, s_string,                O, LCOW, LIST, linux.readonly_paths, _,               I_ANY)

#define OCI_FIELDS_spec(X, S, B)                                                           \
	X(S, B, ociVersion,  t_string,        F, ALL,  STR,  oci_version, _,       D_STR)  \
	X(S, B, process,     oci_process_ptr, O, ALL,  OBJ,  has_process, process, D_OBJ)  \
	X(S, B, root,        oci_root_ptr,    O, ALL,  OBJ,  has_root,    root,    D_OBJ)  \
	X(S, B, hostname,    t_string,        O, ALL,  STR,  hostname,    _,       D_STR)  \
	X(S, B, domainname,  t_string,        O, ALL,  NONE, _,           _,       I_STR)  \
	X(S, B, mounts,      oci_mount_slice, O, ALL,  FN,   mounts,      mount,   D_OBJS) \
	X(S, B, hooks,       _,               O, NONE, NONE, _,           _,       I_ANY)  \
	X(S, B, annotations, m_string,        O, ALL,  FN,   annotations, _,       D_MAP)  \
	X(S, B, linux,       oci_linux_ptr,   O, LCOW, OBJ,  has_linux,   linux,   I_ANY)  \
	X(S, B, solaris,     _,               O, NONE, NONE, _,           _,       I_ANY)  \
	X(S, B, windows,     oci_windows_ptr, O, ALL,  OBJ,  has_windows, windows, D_OBJ)  \
	X(S, B, vm,          _,               O, NONE, NONE, _,           _,       I_ANY)  \
	X(S, B, zos,         _,               O, NONE, NONE, _,           _,       I_ANY)  \
	X(S, B, freebsd,     _,               O, NONE, NONE, _,           _,       I_ANY)

#endif
