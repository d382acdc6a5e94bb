/*
 * decode_slots.h: the OCI runtime spec as the schema decoder fills it
 * (model/schema.h slots), between decode_schema.c's tables and decode.c's
 * conversion into struct oci_spec. Private to the --from-oci decoder.
 */
#ifndef HCSC_OCI_DECODE_SLOTS_H
#define HCSC_OCI_DECODE_SLOTS_H

#include "model/schema.h"
#include "model/value.h"

struct box_slots {
	struct v_obj hdr;
	struct v_uint height, width;
};

struct user_slots {
	struct v_obj hdr;
	struct v_uint uid, gid;
	struct v_str username;
	struct v_uint scratch_u32; /* umask: type-checked, dropped */
};

struct process_slots {
	struct v_obj hdr;
	struct v_bool terminal;
	struct box_slots console_size;
	struct user_slots user;
	struct v_list args;
	struct v_str command_line;
	struct v_list env;
	struct v_str cwd;
	/* Linux-only scalars: type-checked, dropped */
	struct v_bool scratch_bool;
	struct v_str scratch_str;
	struct v_int scratch_int;
};

struct root_slots {
	struct v_obj hdr;
	struct v_str path;
	struct v_bool readonly;
};

struct mount_slots {
	struct v_obj hdr;
	struct v_str destination, type, source;
	struct v_list options;
};

struct device_slots {
	struct v_obj hdr;
	struct v_str id, id_type;
};

struct memory_slots {
	struct v_obj hdr;
	struct v_uint limit;
};

struct cpu_slots {
	struct v_obj hdr;
	struct v_uint count, shares, maximum;
};

struct storage_slots {
	struct v_obj hdr;
	struct v_uint iops, bps, sandbox_size;
};

struct resources_slots {
	struct v_obj hdr;
	struct memory_slots memory;
	struct cpu_slots cpu;
	struct storage_slots storage;
};

struct hyperv_slots {
	struct v_obj hdr;
	struct v_str utility_vm_path;
};

struct network_slots {
	struct v_obj hdr;
	struct v_list endpoint_list;
	struct v_bool allow_unqualified_dns_query;
	struct v_list dns_search_list;
	struct v_str network_shared_container_name;
	struct v_str network_namespace;
};

struct windows_slots {
	struct v_obj hdr;
	struct v_list layer_folders;
	struct v_objlist devices;
	struct resources_slots resources;
	struct v_node credential_spec;
	struct v_bool servicing;
	struct v_bool ignore_flushes_during_boot;
	struct hyperv_slots hyperv;
	struct network_slots network;
};

struct spec_slots {
	struct v_obj hdr;
	struct v_str oci_version;
	struct process_slots process;
	struct root_slots root;
	struct v_str hostname;
	struct v_str scratch_str; /* domainname: type-checked, dropped */
	struct v_objlist mounts;
	struct v_map annotations;
	struct windows_slots windows;
};

/* specs.Spec (runtime-spec v1.3.0), the root of the tables. */
extern const struct schema oci_spec_schema;

#endif
