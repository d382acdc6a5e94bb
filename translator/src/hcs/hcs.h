/*
 * hcs.h: the HCS stage: an OCI spec (from the OCI stage or a config.json),
 * the host profile and the target in; the documents that target's engine
 * builds out:
 *   hcsshim-0.8.6 and docker-containerd: hcsshim's
 *            createWindowsContainerDocument (v0.8.6, or main), both runs:
 *     v1       schema1.ContainerConfig, built as for schema 1.0;
 *     v2       hcsschema.ComputeSystem built as for schema 2.1 (with
 *              Hyper-V, the container hosted in a utility VM);
 *   docker: moby's local runtime, createWindows (moby_local.c):
 *     v1       schema1.ContainerConfig, the only document;
 *   and the init process document of each (process.c).
 * The trees are json-c objects read through emit/shapes.c's shapes.
 * A pure function: the host is the profile, never the machine.
 */
#ifndef HCSC_HCS_H
#define HCSC_HCS_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"
#include "oci/spec.h"
#include "target/target.h"

struct arena;
struct diag_list;
struct json_object;
struct host_profile;
struct prov_tab;

struct hcs_input {
	const struct target *target;
	/* hcsc explain: where the builders put their records, or NULL. */
	struct prov_tab *px;
	const struct oci_spec *spec;
	const char *id;    /* HCS Name / create call id */
	const char *owner; /* HCS Owner (rule: hcs.owner) */
	const struct host_profile *host;
	/*
	 * One entry per image layer (spec layerFolders except the last, the
	 * scratch): the layer's GUID, already lowercase without braces, or NULL
	 * when not given (then rule: hcsc.placeholders stand-in, one warning per
	 * compile, --strict: error). `layer_id_pos` says where each came from
	 * (or where it should be set).
	 */
	const char **layer_ids;
	struct hcsc_pos *layer_id_pos;
	size_t nlayer_ids;
	/* Hyper-V v1: Runtime.UtilityVMPath, or NULL (rule: hcs.v1.xenon-utility-vm offline rule). */
	const char *utility_vm_path;
	struct hcsc_pos utility_vm_pos;
	/* v2 Networking.Namespace: Runtime.NetworkNamespace (rule: hcsc.placeholder.network-namespace). */
	bool has_network_namespace;
	const char *network_namespace;
	struct hcsc_pos network_namespace_pos;
	bool open_stdin; /* Config.OpenStdin -> CreateStdInPipe */
	/* HostConfig.StorageOpt (LCOW's lcow.* overrides), input order. */
	const struct kv *storage_opts;
	size_t nstorage_opts;
	struct hcsc_pos runtime_pos; /* Runtime section, for warnings */
};

struct hcs_result {
	struct json_object *v1;      /* owned; json_object_put() them */
	struct json_object *v2;      /* NULL when the target builds none */
	struct json_object *process;
	bool submit_v2;              /* the engine would submit v2 on this build */
	bool v2_hosted;              /* v2 is a HostedSystem (no ComputeSystem) */
};

/*
 * Build all three documents. Returns HCSC_OK, or HCSC_E_INPUT after
 * recording upstream's error (stops at the first, rule: hcsc.diag.collect-then-stop); on error
 * no tree is returned. Warnings (CPU clamp, memory not a whole MiB,
 * placeholders) go to `d`.
 */
enum hcsc_rc hcs_lower(struct arena *a, struct diag_list *d,
		       const struct hcs_input *in, struct hcs_result *out);

void hcs_result_release(struct hcs_result *r);

#endif
