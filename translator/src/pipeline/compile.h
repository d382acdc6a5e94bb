/*
 * compile.h: one compile, from input files to output documents, chaining
 * the stages: load -> model -> oci -> hcs -> emit. Every stage always runs
 * (rule: hcsc.cli.output): a description compiles or it does not. Outputs are built
 * in memory; writing them is the caller's job.
 */
#ifndef HCSC_PIPELINE_COMPILE_H
#define HCSC_PIPELINE_COMPILE_H

#include <stdbool.h>

#include "emit/gojson.h"
#include "hcsc.h"
#include "strbuf.h"

struct arena;
struct diag_list;
struct node;
struct hcs_input;

enum compile_doc {
	DOC_OCI,
	DOC_HCS_V1,
	DOC_HCS_V2,
	DOC_PROCESS,
	DOC_COUNT
};

/* File name in -o DIR, and the --emit name. */
const char *compile_doc_file(enum compile_doc d);
const char *compile_doc_name(enum compile_doc d);
/* The document s[0..n) names (its --emit name, or with `files` also its
 * file name), or -1. */
int compile_doc_named(const char *s, size_t n, bool files);

struct compile_input {
	const char *desc_path;    /* description; "-" = stdin */
	const char *desc_display; /* its name in diagnostics (NULL: the path) */
	const char *host;         /* --host value, or NULL for the default */
	const char *host_display; /* a host file's name in diagnostics */
	/*
	 * --target (or a case header's): the engine to model. NULL: the host
	 * profile's Target:, else the default (target.h).
	 */
	const char *target;
	/* The engine when neither `target` nor the profile names one; NULL:
	 * target_default() (`run` and `compose` say docker: rule: front.default-target). */
	const char *default_target;
	bool strict;
	size_t max_errors;   /* the diagnostics cap; 0: 20 */
	enum emit_style style;
	/* --from-oci: desc_path is then a config.json (rule: hcsc.from-oci.decode). */
	bool from_oci;
	const char *oci_id;       /* --id, or NULL */
	const char *oci_owner;    /* --owner, or NULL (default docker) */
	const char *runtime_path; /* --runtime sidecar, or NULL */
	const char *runtime_display;
	/*
	 * Keep the HCS stage's input in the output (compile_hcs_again builds
	 * --apply's submitted documents from it; rule:
	 * hcsc.apply.name-to-guid). The public API always keeps it.
	 */
	bool keep_hcs_input;
	/*
	 * In-memory inputs (tools/fuzz): when `*_data` is set, those `*_len`
	 * bytes are parsed instead of reading the file, and the display name
	 * (required) both names them in diagnostics and picks their syntax by
	 * its extension; host_data is a profile file's text. NULL: the file.
	 */
	const char *desc_data, *host_data, *runtime_data;
	size_t desc_len, host_len, runtime_len;
	/*
	 * A description already built as a node tree (front ends: `run`,
	 * `compose`), named desc_display in diagnostics; desc_path unused.
	 * Without Name or Id its Id derives from "stdin" (rule: front.client-sends).
	 */
	struct node *desc_root;
	/*
	 * `hcsc explain` (rule: hcsc.explain): called with every printed leaf
	 * of every document and its provenance record (common/prov.h); the
	 * stages record provenance only when this is set.
	 */
	void (*explain)(void *ctx, enum compile_doc doc,
			const struct emit_leaf *leaf);
	void *explain_ctx;
};

/* An image layer whose ID was a placeholder (rule: hcsc.placeholder.layer-id). */
struct compile_layer {
	size_t index;       /* in layerFolders, 0 = top-most */
	const char *folder; /* its path (arena-owned) */
};

struct compile_output {
	struct strbuf doc[DOC_COUNT];
	bool have[DOC_COUNT];
	const struct target *target; /* the engine modelled (set on success) */
	unsigned host_build; /* the host profile's OsBuild (--apply) */
	/* Set once the HCS stage ran: the image layers, and those of them
	 * whose ID was a placeholder (arena-owned; --apply asks NameToGuid). */
	size_t nimage_layers;
	struct compile_layer *placeholder_layers;
	size_t nplaceholder_layers;
	/* With keep_hcs_input, on success: the HCS stage's input (arena-owned). */
	const struct hcs_input *hcs_input;
};

void compile_output_init(struct compile_output *o);
void compile_output_release(struct compile_output *o);
/* Empty `o` for the next compile, keeping the documents' memory. */
void compile_output_reset(struct compile_output *o);

/* Is `v` a host profile file (rule: hcsc.host.profile-file) rather than a built-in name? */
bool compile_host_is_file(const char *v);

/* Does `t` build document `doc` at all (no hcs-v2.json under docker)? */
bool compile_target_builds(const struct target *t, enum compile_doc doc);

/*
 * Compile. Diagnostics go to `d`. Returns HCSC_OK, HCSC_E_INPUT (see d),
 * HCSC_E_USAGE (unknown built-in host or target; *err set) or HCSC_E_IO
 * (*err set).
 */
enum hcsc_rc compile_run(struct arena *a, struct diag_list *d,
			 const struct compile_input *in,
			 struct compile_output *out, const char **err);

/*
 * --apply (rule: hcsc.apply.name-to-guid): the HCS documents of `compiled`
 * (compiled with keep_hcs_input) again, in `style`, with the layer IDs
 * vmcompute NameToGuid gave: `layer_ids` has one entry per image layer,
 * NULL keeps the compiled ID. Only the HCS stage runs (no input is read
 * again); its diagnostics were shown by the compile and are dropped.
 */
enum hcsc_rc compile_hcs_again(struct arena *a,
			       const struct compile_output *compiled,
			       const char *const *layer_ids,
			       enum emit_style style,
			       struct compile_output *out, const char **err);

#endif
