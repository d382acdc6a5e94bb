/*
 * api_int.h: what the public API (hcsc.h) is made of. The CLI compiles
 * through hcsc.h; internal code that takes a compile further (apply/:
 * --apply) reads a struct hcsc_result's insides from here. The front
 * ends (`run`, `compose`) build a description as a node tree and use
 * compile_run directly (cli_compile_built).
 */
#ifndef HCSC_API_INT_H
#define HCSC_API_INT_H

#include "diag.h"
#include "hcsc.h"
#include "pipeline/compile.h"

struct arena;

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
 * Compile `in` with the host, target, strict and style fields taken from
 * `opt` (NULL: defaults). The public calls are this with a file or bytes.
 */
enum hcsc_rc api_compile(const struct compile_input *in,
			 const struct hcsc_options *opt,
			 struct hcsc_result **res);

#endif
