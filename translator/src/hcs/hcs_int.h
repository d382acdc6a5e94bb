/*
 * hcs_int.h: what the HCS stage's files share. hcs.c runs hcsshim v0.8.6's
 * createWindowsContainerDocument checks once (both runs, schema 1.0 and
 * 2.1, fail alike) and records the values both documents take in a
 * `struct hcs_plan`; v1.c and v2.c turn the plan into the two trees,
 * layers.c supplies layer IDs, VSMB share paths and the utility VM image,
 * process.c the init process parameters. The json helpers below end the
 * process through hcsc_oom() when json-c fails, so builders need no error
 * paths.
 */
#ifndef HCSC_HCS_INT_H
#define HCSC_HCS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hcs/hcs.h"

/* hcsshim's pipePrefix (internal/hcsoci/hcsdoc_wcow.go). */
#define HCS_PIPE_PREFIX "\\\\.\\pipe\\"
#define HCS_PIPE_PREFIX_LEN 9
/* The root of the utility VM's VSMB shares (rule: hcsc.hyperv-v2.vsmb-shares). */
#define HCS_VSMB_ROOT \
	"\\\\?\\VMSMB\\VSMB-{dcc079ae-60ba-4d07-847c-3493609c0870}\\"

/* One spec mount, classified as the seed's mount loop does. */
struct hcs_mount {
	const struct oci_mount *m;
	bool dropped;          /* hcsshim main: a pipe Source, not a pipe mount */
	bool pipe;             /* a mapped pipe (by the target's rule) */
	const char *pipe_name; /* Destination after the prefix (pipes) */
	const char *pipe_host; /* the pipe's HostPath */
	bool readonly;         /* an option equal to "ro" ignoring case (dirs) */
	const char *uvm_path;  /* V2 Xenon: the VSMB share path (dirs) */
};

/* hcsshim main: one assigned device of the v2 container. */
struct hcs_device {
	const char *type;          /* "DeviceInstance" or NULL */
	const char *class_guid;    /* InterfaceClassGuid */
	const char *location_path; /* LocationPath */
};

struct hcs_plan {
	const struct hcs_input *in;
	const struct oci_spec *spec;
	bool hyperv; /* spec.windows.hyperv set: V1 Xenon and V2 Xenon */

	/* Read-only layers: layerFolders[0..nlayers), then the scratch. */
	const char *const *layers;
	size_t nlayers;
	const char *scratch;
	const char **layer_ids; /* lowercase 8-4-4-4-12 */
	const struct prov **layer_prov; /* hcsc explain: given or placeholder */
	const char **layer_uvm; /* V2 Xenon: VSMB share paths */

	const char *root_path;   /* Argon: Root.Path with its trailing `\` */
	const char *volume_path; /* Argon: the same without it (v1) */
	const char *uvm_image; /* V1 Xenon: HvRuntime.ImagePath */
	const char *uvm_id;    /* V2 Xenon: HostingSystemId `<Id>@vm` */

	bool latest; /* hcsshim main's rules (docker-containerd) */

	/* Resources (resources.c): which values the builder sets. */
	bool count_set, shares_set, maximum_set, memory_set, bps_set, iops_set;
	uint64_t cpu_count;  /* clamped to the host's (or the UVM's) CPUs */
	const struct prov *count_prov; /* hcsc explain: the clamp, or NULL */
	const struct prov *memory_prov; /* hcsc explain: bytes to MB */
	const struct prov *namespace_prov; /* hcsc explain: v2 Namespace */
	uint64_t cpu_limit, cpu_weight; /* Go conversions to uint64/int64 */
	int64_t memory_mb;   /* v1 MemoryMaximumInMB */
	uint64_t memory_mb_u; /* hcsshim main: v2 SizeInMB (uint64) */
	uint64_t bps, iops;  /* v1 values; v2 takes int32() of them */
	const char *dns_search; /* DNSSearchList joined, NULL when nil */
	const char *net_namespace; /* v2 Networking.Namespace */

	struct hcs_mount *mounts; /* one per spec mount, in order */
	size_t nmounts;

	/* hcsshim main only (latest.c). */
	struct hcs_device *devices;
	size_t ndevices;
	const char *dump_path;    /* WER DumpFolder, or NULL */
	int32_t dump_type, dump_count;
	bool host_process;        /* IsolationType HostProcess */
	const char *host_process_root; /* PrivilegedContainerRootPath */
	/*
	 * The v1 document's MappedDirectories and MappedPipes (NULL: none),
	 * set once it is built: an Argon's v2 document holds the same arrays
	 * (hcs_set_mounts), not a second copy.
	 */
	struct json_object *v1_dirs, *v1_pipes;
};

/* ---- resources.c ------------------------------------------------------- */

/*
 * CPU, memory and storage QoS by the target's rules (v0.8.6: E1; main:
 * ConvertCPULimits and the annotation parsers). HCSC_E_INPUT after the
 * mutual-exclusion error of hcsshim main.
 */
enum hcsc_rc hcs_plan_resources(struct diag_list *d, struct hcs_plan *p);

/* ---- latest.c ---------------------------------------------------------- */

/* hcsshim main, before the builder: the shim's gMSA check. */
enum hcsc_rc hcs_plan_latest_checks(struct diag_list *d, struct hcs_plan *p);
/* hcsshim main, after the mounts: devices, dumps, HostProcess. */
enum hcsc_rc hcs_plan_latest_extras(struct arena *a, struct diag_list *d,
				    struct hcs_plan *p);

/* ---- moby_local.c ------------------------------------------------------ */

/* Target docker: moby's local runtime's document, or upstream's error. */
enum hcsc_rc hcs_moby_local_build(struct arena *a, struct diag_list *d,
				  const struct hcs_input *in,
				  struct json_object **v1);

/* The parts createWindows and createLinux share: extractResourcesFromSpec
 * (the CPU count clamped with moby's warning) and the network fields. */
void hcs_moby_extract_resources(struct diag_list *d, struct json_object *o,
				const struct hcs_input *in);
void hcs_moby_set_network(struct arena *a, struct json_object *o,
			  const struct oci_spec *s);

/* ---- moby_lcow.c ------------------------------------------------------- */

/*
 * Target docker-19.03, a Linux image: createLinux's document, and the spec
 * with its bind mounts rewritten to their utility-VM paths (what Start
 * passes on as OCISpecification).
 */
enum hcsc_rc hcs_moby_lcow_build(struct arena *a, struct diag_list *d,
				 const struct hcs_input *in,
				 struct json_object **v1,
				 const struct oci_spec **rewritten);

/* ---- moby_112.c -------------------------------------------------------- */

/* Target docker-1.12: containerInit and its CreateProcessParams. */
enum hcsc_rc hcs_moby_112_build(struct arena *a, struct diag_list *d,
				const struct hcs_input *in,
				struct json_object **v1);
struct json_object *hcs_process_112(struct arena *a, const struct hcs_input *in);

/* ---- mounts.c ---------------------------------------------------------- */

/*
 * S18-S21: MappedDirectories and MappedPipes of a v1 or v2 container (nil
 * slices when there is none). `in_uvm`: a V2 Xenon's directories use their
 * VSMB share paths; pipes keep their host source (E2). `v2`: the schema-2
 * document, which for an Argon (not in_uvm) takes a reference to the v1
 * document's arrays (p->v1_dirs, p->v1_pipes): the same objects print
 * the same bytes in both shapes (v1's ReadOnly is always set, v2 prints
 * it only when true) and carry the same explain records (the mount rows
 * of hcs/explain.c name no document).
 */
void hcs_set_mounts(struct json_object *o, const struct hcs_plan *p,
		    bool in_uvm, bool v2);

/* ---- layers.c ---------------------------------------------------------- */

/*
 * Fill p->layer_ids: the given IDs, else rule: hcsc.placeholder.layer-id placeholder with
 * one warning for the compile (--strict: HCSC_E_INPUT).
 */
enum hcsc_rc hcs_layer_ids(struct arena *a, struct diag_list *d,
			   struct hcs_plan *p);
/* V2 Xenon: fill p->layer_uvm and each directory mount's uvm_path. */
void hcs_vsmb_assign(struct arena *a, struct hcs_plan *p);
/* V1 Xenon: HvRuntime.ImagePath (S15c/d with hcsc's offline rule). */
const char *hcs_uvm_image_path(struct arena *a, const struct hcs_plan *p);

/* ---- v1.c, v2.c, process.c --------------------------------------------- */

struct json_object *hcs_v1_build(const struct hcs_plan *p);
/*
 * The schema-1 fields the Windows builders (v1.c, moby_local.c) take from
 * config.json as they are: the SPEC rows of v1_fields.h.
 */
void hcs_v1_copy_spec(struct json_object *o, const struct oci_spec *s);
struct json_object *hcs_v2_build(const struct hcs_plan *p);
/* `lcow_spec`: LCOW's rewritten spec (docker-19.03), else NULL. */
struct json_object *hcs_process_build(struct arena *a,
				      const struct hcs_input *in,
				      const struct oci_spec *lcow_spec);

/* ---- explain.c --------------------------------------------------------- */

/* hcsc explain: a provenance record on the values of the built documents. */
void hcs_explain(const struct hcs_input *in, struct hcs_result *r);
/*
 * The record of a CPU count clamped from `asked` to `max` processors
 * (`max_what`: whose), by `rule`; NULL when nobody explains.
 */
const struct prov *hcs_explain_clamp(const struct hcs_input *in,
				     const char *rule, uint64_t asked,
				     uint64_t max, const char *max_what);
/* The record of a memory limit of `bytes` given to HCS as `mb` MB. */
const struct prov *hcs_explain_mb(const struct hcs_input *in,
				  const char *rule, uint64_t bytes, uint64_t mb);
/* The record of layer i's ID (NULL when nobody explains). */
const struct prov *hcs_layer_prov(const struct hcs_plan *p, size_t i);
/* Attach `p` to o[key] (both may be NULL). */
void hcs_explain_key(struct json_object *o, const char *key,
		     const struct prov *p);

/* ---- hcs.c: Go conversions and json-c helpers --------------------------- */

/* Go int64(u) for a uint64 u: two's complement wrap. */
int64_t hcs_go_int64(uint64_t u);
/* Go int32(v) for any integer v: the low 32 bits, two's complement. */
int32_t hcs_go_int32(uint64_t v);

struct json_object *hcs_obj(void);
struct json_object *hcs_arr(void);
/*
 * Add `v` (owned) under `key`; returns `v`. The key is borrowed, not
 * copied: a string literal or the compile's arena text, which outlive the
 * tree. Each key of an object is set once: a second set is a bug (an
 * assert), not a replacement. The same for every hcs_set_* below.
 */
struct json_object *hcs_set(struct json_object *o, const char *key,
			    struct json_object *v);
/* A fresh object under `key`. */
struct json_object *hcs_set_obj(struct json_object *o, const char *key);
/* Append `v` (owned; NULL means json-c ran out of memory). */
void hcs_push(struct json_object *arr, struct json_object *v);
void hcs_set_str(struct json_object *o, const char *key, const char *s);
/* A Go map's m[key] = s: a repeated key replaces the earlier value. */
void hcs_map_set_str(struct json_object *m, const char *key, const char *s);
void hcs_set_bool(struct json_object *o, const char *key, bool b);
/*
 * A bool field without omitempty: false prints the same set or absent
 * (Go's zero value), so it is set only when true, or when explain runs
 * (it tells a value set to false from one left unset). Saves a json-c
 * value, and keeps the v1 root mostly within the 11 keys json-c holds
 * before it doubles its table (rehashing every key).
 */
void hcs_set_bool_nz(const struct hcs_input *in, struct json_object *o,
		     const char *key, bool b);
void hcs_set_int(struct json_object *o, const char *key, int64_t v);
void hcs_set_uint(struct json_object *o, const char *key, uint64_t v);
/*
 * The same for a field with omitempty in every shape that prints it: a
 * zero value ("", false, 0) is not added (Go prints nothing for it, with
 * or without the key; explain lists only printed values).
 */
void hcs_set_str_oe(struct json_object *o, const char *key, const char *s);
void hcs_set_bool_oe(struct json_object *o, const char *key, bool b);
void hcs_set_int_oe(struct json_object *o, const char *key, int64_t v);
void hcs_set_uint_oe(struct json_object *o, const char *key, uint64_t v);
/* A []string: NULL (nil) when the list is not set. */
void hcs_set_strs(struct json_object *o, const char *key,
		  const struct str_list *l);

#endif
