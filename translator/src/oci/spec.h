/*
 * spec.h: the OCI runtime spec as hcsc holds it between stages: the Windows
 * subset of opencontainers/runtime-spec v1.3.0 `specs.Spec`, with Go's
 * nil/empty/zero distinctions kept (a `set` flag per pointer or slice) and
 * the input position each value came from (for HCS-stage diagnostics).
 *
 * Built by the OCI stage (oci_lower) or decoded from a config.json
 * (oci_decode, --from-oci); read by the HCS stage; printed by emit/.
 * Everything lives in the compile's arena. Which member is printed under
 * which key, and read back by --from-oci, is the row of oci/spec_fields.h
 * that names it (rule: hcsc.emit.field-table).
 */
#ifndef HCSC_OCI_SPEC_H
#define HCSC_OCI_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hcsc.h"

/* A Go []string: set=false is nil, set with n=0 is an empty non-nil slice. */
struct str_list {
	const char **v;
	size_t n;
	bool set;
};

struct opt_u64 {
	bool set;
	uint64_t v;
};

struct opt_u16 {
	bool set;
	uint16_t v;
};

struct kv {
	const char *key, *value;
};

struct oci_mount {
	const char *destination; /* always printed */
	const char *type;        /* "" = omitted */
	const char *source;
	struct str_list options;
	struct hcsc_pos pos;
};

struct oci_device {
	const char *id, *id_type;
	struct hcsc_pos pos;
};

enum oci_credspec_kind {
	OCI_CREDSPEC_NONE,   /* nil interface */
	OCI_CREDSPEC_STRING, /* a JSON string: the only kind hcsshim reads */
	OCI_CREDSPEC_OTHER   /* any other JSON value (ignored by hcsshim) */
};

struct oci_spec {
	const char *oci_version;
	struct hcsc_pos pos; /* the whole input (fallback position) */

	bool has_process;
	struct {
		bool terminal;
		bool has_console_size;
		uint64_t console_height, console_width;
		uint32_t uid, gid;
		const char *username;
		struct str_list args;
		const char *command_line;
		struct str_list env;
		const char *cwd;
		struct hcsc_pos pos;
		/* LCOW (docker-19.03): Linux capabilities; NULL when unset. */
		const struct str_list *capabilities;
	} process;

	bool has_root;
	struct {
		const char *path;
		bool readonly;
		struct hcsc_pos pos, path_pos, readonly_pos;
	} root;

	const char *hostname;
	struct hcsc_pos hostname_pos;

	struct oci_mount *mounts;
	size_t nmounts;

	struct kv *annotations; /* in input order; printed sorted */
	size_t nannotations;

	/*
	 * docker-1.12: the spec is moby da92dad's windowsoci.WindowsSpec; these
	 * are its fields that the runtime-spec layout above does not hold.
	 */
	bool windowsoci;
	struct {
		int64_t cpu_percent;   /* Windows.Resources.CPU.Percent */
		uint64_t cpu_shares;   /* Windows.Resources.CPU.Shares */
		int64_t console[2];    /* Process.InitialConsoleSize */
		const char *hv_image;  /* Windows.HvRuntime.ImagePath (Hyper-V) */
	} w112;

	/* LCOW (docker-19.03): the Linux section of moby's default spec. */
	bool has_linux;
	struct {
		struct str_list masked_paths, readonly_paths;
		struct str_list namespaces; /* LinuxNamespace types, no paths */
		bool has_resources;         /* "resources": {} (devices dropped) */
	} linux;

	bool has_windows;
	struct {
		struct hcsc_pos pos;
		struct str_list layer_folders;
		struct hcsc_pos *layer_pos; /* one per layer folder */
		struct hcsc_pos layers_pos; /* the list itself */

		struct oci_device *devices;
		size_t ndevices;

		bool has_resources;
		bool has_memory;
		struct opt_u64 memory_limit;
		struct hcsc_pos memory_pos;
		bool has_cpu;
		struct opt_u64 cpu_count;
		struct opt_u16 cpu_shares;
		struct opt_u16 cpu_maximum;
		struct hcsc_pos cpu_count_pos, cpu_shares_pos, cpu_maximum_pos;
		bool has_storage;
		struct opt_u64 storage_iops, storage_bps, storage_sandbox_size;
		struct hcsc_pos storage_pos;

		enum oci_credspec_kind credspec_kind;
		const char *credential_spec; /* the string, for KIND_STRING */
		/* For KIND_OTHER: the value's compact Go JSON, for re-printing. */
		const char *credential_spec_json;
		struct hcsc_pos credspec_pos;

		bool servicing;
		bool ignore_flushes_during_boot;

		bool has_hyperv;
		const char *utility_vm_path;
		struct hcsc_pos hyperv_pos;

		bool has_network;
		struct str_list endpoint_list;
		bool allow_unqualified_dns_query;
		struct str_list dns_search_list;
		const char *network_shared_container_name;
		const char *network_namespace;
		struct hcsc_pos network_pos;
	} windows;
};

#endif
