/*
 * api_int.h: what the public API (hcsc.h) is made of, for the CLI's
 * options the library does not publish (--from-oci, --apply). Everything
 * else goes through hcsc.h.
 */
#ifndef HCSC_API_INT_H
#define HCSC_API_INT_H

#include "diag.h"
#include "hcsc.h"
#include "pipeline/compile.h"

struct arena;

struct hcsc_result {
	struct arena *arena;
	struct diag_list diags;
	struct compile_output out;
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
