/*
 * api_int.h: what the public API (hcsc.h) is made of. The CLI compiles
 * through hcsc.h; internal code that takes a compile further (apply/:
 * --apply) reads a struct hcsc_result's insides from here, and the front
 * ends (`run`, `compose`), whose description is a node tree positioned
 * at argv words and Compose keys, compile it with api_compile_tree into
 * the same result.
 */
#ifndef HCSC_API_INT_H
#define HCSC_API_INT_H

#include "diag.h"
#include "hcsc.h"
#include "pipeline/compile.h"

struct arena;
struct node;

struct hcsc_result {
	struct arena *arena;
	struct diag_list diags; /* and the inputs' bytes (diag_source) */
	/*
	 * Every document the compile built, and on success the HCS stage's
	 * input (out.hcs_input: --apply builds the submitted documents from
	 * it; rule: hcsc.apply.name-to-guid).
	 */
	struct compile_output out;
	unsigned docs;           /* HCSC_DOCS bits hcsc_result_document shows */
	enum emit_style style;   /* the documents' style */
	const char *error; /* usage or I/O failure, arena-owned */
	enum hcsc_rc rc;
};

/*
 * The front ends (rule: front.client-sends): compile the description
 * tree `root` (named `display` in diagnostics; built in an arena that
 * outlives *res) with `opt` (NULL: defaults) as hcsc_compile_file does a
 * file; without a target in `opt` or the host profile the engine is
 * `default_target` (rule: front.default-target). `front` (may be NULL)
 * lends the result the inputs the front end read (diag_share_sources),
 * for source lines. *res as hcsc_compile_file sets it.
 */
/*
 * Compile `in` as the public calls do (`opt` and `front` as for
 * api_compile_tree), for what the library does not publish: `hcsc
 * explain`'s provenance callback (compile_input.explain).
 */
enum hcsc_rc api_compile_input(const struct compile_input *in,
			       const struct diag_list *front,
			       const struct hcsc_options *opt,
			       struct hcsc_result **res);

enum hcsc_rc api_compile_tree(struct node *root, const char *display,
			      const char *default_target,
			      const struct diag_list *front,
			      const struct hcsc_options *opt,
			      struct hcsc_result **res);

#endif
