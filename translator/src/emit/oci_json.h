/*
 * oci_json.h: the OCI runtime spec (oci/spec.h) as a json-c tree shaped
 * for shape_oci_spec (gojson.h), ready for emit_json(). The tree holds
 * what Go's json.Marshal of the moby-built specs.Spec writes: a key for
 * every field Go prints (json null for a nil slice without omitempty),
 * none for the fields omitempty drops.
 */
#ifndef HCSC_OCI_JSON_H
#define HCSC_OCI_JSON_H

#include <stdbool.h>

struct json_object;
struct oci_spec;
struct prov_tab;

/*
 * Build the tree of `s` (borrowed). The caller owns the result and
 * releases it with json_object_put(). NULL when json-c runs out of memory
 * or when credential_spec_json (OCI_CREDSPEC_OTHER) is not valid JSON.
 * With `px` (hcsc explain), the OCI stage's records are attached to the
 * values (emit/oci_prov.h). Unless `full` or `px`, a struct value whose
 * fields all hold Go's zero value is left out: it prints the same (an
 * all-zero struct), but explain tells it from one set to zero, so a
 * tree explain sees is built `full`.
 */
struct json_object *oci_spec_to_json(const struct oci_spec *s,
				     struct prov_tab *px, bool full);

#endif
