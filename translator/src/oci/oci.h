/*
 * oci.h: the OCI stage: a decoded description and a host profile in, the
 * OCI runtime spec moby's createSpec would build out (moby daemon/oci_windows.go).
 * A pure function of its inputs: no clock, no environment, no host reads.
 */
#ifndef HCSC_OCI_H
#define HCSC_OCI_H

#include "hcsc.h"
#include "spec.h"

struct arena;
struct diag_list;
struct desc;
struct host_profile;
struct prov_tab;
struct target;

/* What the OCI stage also hands to the HCS stage. */
struct oci_result {
	const char *id;    /* the container ID (given or rule: hcsc.id.default) */
	const char *owner; /* HCS Owner (rule: hcs.owner) */
	bool open_stdin;   /* Config.OpenStdin (process.json) */
};

/*
 * Run create-time rules, then start-time rules, then createSpec. Returns
 * HCSC_OK with *spec filled, or HCSC_E_INPUT after recording diagnostics.
 */
enum hcsc_rc oci_lower(struct arena *a, struct diag_list *d,
		       const struct desc *desc, const struct host_profile *host,
		       const struct target *t, struct prov_tab *px,
		       struct oci_spec *spec, struct oci_result *res);

/* rule: hcsc.placeholder.volume-path: `\\?\Volume{uuid5(NS, "volume:" + id)}\` (arena-owned). */
const char *oci_placeholder_volume(struct arena *a, const char *id);

/* rule: hcsc.id.default: sha256hex("hcsc:" + X) for a description without Id. */
const char *oci_default_id(struct arena *a, const char *name,
			   const char *file);

#endif
