/*
 * api.c: the public C API of hcsc.h over compile_run (pipeline/compile.h):
 * one arena, one diagnostics list and one output per result, so results
 * share nothing and compiles may run in parallel.
 */
#include <stdlib.h>
#include <string.h>

#include "api/api_int.h"
#include "arena.h"
#include "strbuf.h"
#include "target/target.h"

const char *hcsc_rc_str(enum hcsc_rc rc)
{
	switch (rc) {
	case HCSC_OK: return "ok";
	case HCSC_E_INPUT: return "invalid input";
	case HCSC_E_USAGE: return "usage error";
	case HCSC_E_CHECK_DIFF: return "check found differences";
	case HCSC_E_APPLY: return "apply failed";
	case HCSC_E_IO: return "I/O or internal error";
	}
	return "unknown error";
}

const char *hcsc_version(void)
{
	return HCSC_VERSION;
}

unsigned hcsc_version_number(void)
{
	return HCSC_VERSION_NUMBER;
}

const char *hcsc_doc_name(enum hcsc_doc d)
{
	return (unsigned)d < HCSC_DOC_COUNT ? compile_doc_name((enum compile_doc)d)
					    : NULL;
}

const char *hcsc_doc_file(enum hcsc_doc d)
{
	return (unsigned)d < HCSC_DOC_COUNT ? compile_doc_file((enum compile_doc)d)
					    : NULL;
}

void hcsc_options_init(struct hcsc_options *o)
{
	memset(o, 0, sizeof(*o));
}

void hcsc_oci_input_init(struct hcsc_oci_input *in)
{
	memset(in, 0, sizeof(*in));
	in->size = sizeof(*in);
}

/* An empty result for `opt` (NULL when memory ran out). */
static struct hcsc_result *result_new(const struct hcsc_options *opt)
{
	struct hcsc_result *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->arena = arena_new();
	r->style = opt && opt->compact ? EMIT_COMPACT : EMIT_PRETTY;
	r->docs = opt && opt->docs ? opt->docs : HCSC_DOCS_ALL;
	diag_list_init(&r->diags, r->arena, opt && opt->strict);
	r->diags.max_errors = opt ? opt->max_errors : 0;
	compile_output_init(&r->out);
	return r;
}

/*
 * Compile `in` with the host, target, strict and style fields taken from
 * `opt` (NULL: defaults); `front` lends its sources. Every entry point is
 * this with a file, bytes or a tree.
 */
enum hcsc_rc api_compile_input(const struct compile_input *in,
			       const struct diag_list *front,
			       const struct hcsc_options *opt,
			       struct hcsc_result **res)
{
	struct compile_input ci = *in;
	struct hcsc_result *r = result_new(opt);
	const char *err = NULL;

	*res = r;
	if (!r)
		return HCSC_E_IO;
	if (front)
		diag_share_sources(&r->diags, front);
	if (opt) {
		ci.host = opt->host;
		ci.host_data = opt->host_data;
		ci.host_len = opt->host_len;
		ci.host_display = opt->host_name;
		if (opt->host_data && !opt->host_name)
			ci.host_display = "<host>";
		ci.target = opt->target;
		ci.strict = opt->strict;
		ci.max_errors = opt->max_errors;
	}
	ci.style = r->style;
	ci.keep_hcs_input = true; /* three structs in the arena: for --apply */
	r->rc = compile_run(r->arena, &r->diags, &ci, &r->out, &err);
	r->error = err;
	if (r->rc != HCSC_OK) {
		for (int d = 0; d < DOC_COUNT; d++)
			r->out.have[d] = false;
		r->out.target = NULL;
		r->out.hcs_input = NULL;
	}
	return r->rc;
}

enum hcsc_rc hcsc_compile_file(const char *path, const struct hcsc_options *opt,
			       struct hcsc_result **res)
{
	struct compile_input in;

	memset(&in, 0, sizeof(in));
	in.desc_path = path;
	return api_compile_input(&in, NULL, opt, res);
}

/* An input of `len` bytes at `data` named `name` in diagnostics. */
static struct compile_input bytes_input(const char *data, size_t len,
					const char *name)
{
	struct compile_input in;

	memset(&in, 0, sizeof(in));
	in.desc_data = data ? data : "";
	in.desc_len = data ? len : 0;
	in.desc_display = name ? name : "<memory>";
	return in;
}

enum hcsc_rc hcsc_compile_bytes(const char *data, size_t len, const char *name,
				const struct hcsc_options *opt,
				struct hcsc_result **res)
{
	struct compile_input in = bytes_input(data, len, name);

	return api_compile_input(&in, NULL, opt, res);
}

enum hcsc_rc api_compile_tree(struct node *root, const char *display,
			      const char *default_target,
			      const struct diag_list *front,
			      const struct hcsc_options *opt,
			      struct hcsc_result **res)
{
	struct compile_input in;

	memset(&in, 0, sizeof(in));
	in.desc_root = root;
	in.desc_display = display;
	in.default_target = default_target;
	return api_compile_input(&in, front, opt, res);
}

/* rule: hcsc.from-oci.decode: the spec and its sidecar, from `oci`. */
static enum hcsc_rc oci_compile(struct compile_input *in,
				const struct hcsc_oci_input *oci,
				const struct hcsc_options *opt,
				struct hcsc_result **res)
{
	in->from_oci = true;
	if (oci && oci->size && oci->size < sizeof(*oci)) {
		struct hcsc_result *r = result_new(opt);

		*res = r;
		if (!r)
			return HCSC_E_IO;
		r->error = arena_printf(r->arena, "struct hcsc_oci_input: size "
					"%llu is no version's (this library's "
					"is %llu)",
					(unsigned long long)oci->size,
					(unsigned long long)sizeof(*oci));
		return r->rc = HCSC_E_USAGE;
	}
	if (oci) {
		in->oci_id = oci->id;
		in->oci_owner = oci->owner;
		in->runtime_path = oci->runtime_path;
		in->runtime_data = oci->runtime_data;
		in->runtime_len = oci->runtime_data ? oci->runtime_len : 0;
		in->runtime_display = oci->runtime_name;
		if (oci->runtime_data && !oci->runtime_name)
			in->runtime_display = "<runtime>";
	}
	return api_compile_input(in, NULL, opt, res);
}

enum hcsc_rc hcsc_compile_oci_file(const char *path,
				   const struct hcsc_oci_input *oci,
				   const struct hcsc_options *opt,
				   struct hcsc_result **res)
{
	struct compile_input in;

	memset(&in, 0, sizeof(in));
	in.desc_path = path;
	return oci_compile(&in, oci, opt, res);
}

enum hcsc_rc hcsc_compile_oci_bytes(const char *data, size_t len,
				    const char *name,
				    const struct hcsc_oci_input *oci,
				    const struct hcsc_options *opt,
				    struct hcsc_result **res)
{
	struct compile_input in = bytes_input(data, len, name);

	return oci_compile(&in, oci, opt, res);
}

const char *hcsc_result_document(const struct hcsc_result *r, enum hcsc_doc d,
				 size_t *len)
{
	if (len)
		*len = 0;
	if (!r || (unsigned)d >= HCSC_DOC_COUNT || !r->out.have[d] ||
	    !(r->docs & HCSC_DOCS(d)))
		return NULL;
	if (len)
		*len = r->out.doc[d].len;
	return r->out.doc[d].buf;
}

const struct hcsc_diag *hcsc_result_diags(const struct hcsc_result *r, size_t *n)
{
	*n = r ? r->diags.nr : 0;
	return r ? r->diags.items : NULL;
}

size_t hcsc_result_dropped(const struct hcsc_result *r, struct hcsc_pos *first)
{
	if (first && r)
		*first = r->diags.dropped_pos;
	return r ? r->diags.ndropped : 0;
}

const char *hcsc_result_error(const struct hcsc_result *r)
{
	return r ? r->error : NULL;
}

const char *hcsc_result_target(const struct hcsc_result *r)
{
	return r && r->out.target ? r->out.target->name : NULL;
}

const char *hcsc_result_source(const struct hcsc_result *r, const char *name,
			       size_t *len)
{
	if (!r) {
		if (len)
			*len = 0;
		return NULL;
	}
	return diag_source(&r->diags, name, len);
}

void hcsc_result_free(struct hcsc_result *r)
{
	if (!r)
		return;
	compile_output_release(&r->out);
	diag_list_release(&r->diags);
	arena_free(r->arena);
	free(r);
}
