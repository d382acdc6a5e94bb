/*
 * decode.h: reading an OCI runtime spec (config.json, as containerd hands
 * it to hcsshim) into struct oci_spec, for `--from-oci`
 * (rule: hcsc.from-oci.decode).
 *
 * The input decodes as Go's encoding/json decodes it into
 * opencontainers/runtime-spec v1.3.0 `specs.Spec`: keys match ASCII
 * case-insensitively (two keys equal but for case are a duplicate error,
 * rule: hcsc.input.case-insensitive-keys), types and ranges are the Go field types (uint16 for
 * cpu.shares/maximum, uint64 for counts and limits, uint32 for uid/gid),
 * null leaves a field unset (a nil pointer or slice), `[]` is an empty
 * non-nil slice. Keys that are fields of specs.Spec but not read by hcsc
 * (hooks, linux, process.capabilities, ...) are accepted silently; keys
 * that are not fields at all are a warning and dropped.
 */
#ifndef HCSC_OCI_DECODE_H
#define HCSC_OCI_DECODE_H

#include <stdbool.h>

#include "oci/spec.h"

struct arena;
struct diag_list;
struct node;

/*
 * Decode `root` (the loaded config.json; `file` is its display name, for
 * a position when the tree has none) into *out, which is overwritten.
 * Every string and array lives in `a`. Errors and warnings go to `d`;
 * returns HCSC_E_INPUT if any error was found (a root that is not a
 * mapping, type and range errors, duplicate keys), and *out is then not
 * usable.
 */
enum hcsc_rc oci_decode(struct arena *a, struct diag_list *d,
			const char *file, const struct node *root,
			struct oci_spec *out);

#endif
