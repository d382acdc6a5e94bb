/*
 * oci_prov.h: the OCI stage's provenance records attached to the
 * config.json tree, for `hcsc explain` (common/prov.h).
 */
#ifndef HCSC_OCI_PROV_H
#define HCSC_OCI_PROV_H

struct json_object;
struct oci_spec;
struct prov_tab;

void oci_json_explain(struct json_object *root, const struct oci_spec *s,
		      struct prov_tab *px);

#endif
