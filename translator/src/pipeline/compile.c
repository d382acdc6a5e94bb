/*
 * compile.c: the pipeline of one compile.
 */
#include "compile.h"

#include <json-c/json.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "emit/oci_json.h"
#include "load/load.h"
#include "model/desc.h"
#include "model/host.h"
#include "oci/oci.h"

#define MIN_MOBY_BUILD 17763

static const char *const doc_files[DOC_COUNT] = {
	"config.json", "hcs-v1.json", "hcs-v2.json", "process.json"
};
static const char *const doc_names[DOC_COUNT] = {
	"oci", "hcs-v1", "hcs-v2", "process"
};

const char *compile_doc_file(enum compile_doc d)
{
	return doc_files[d];
}

const char *compile_doc_name(enum compile_doc d)
{
	return doc_names[d];
}

void compile_output_init(struct compile_output *o)
{
	for (int i = 0; i < DOC_COUNT; i++) {
		strbuf_init(&o->doc[i]);
		o->have[i] = false;
	}
}

void compile_output_release(struct compile_output *o)
{
	for (int i = 0; i < DOC_COUNT; i++)
		strbuf_release(&o->doc[i]);
}

bool compile_host_is_file(const char *v)
{
	return strchr(v, '/') || strchr(v, '\\') || str_suffix(v, ".yaml") ||
	       str_suffix(v, ".yml") || str_suffix(v, ".json");
}

/* Read and parse one input file into a node tree. */
static enum hcsc_rc load_file(struct arena *a, struct diag_list *d,
			      const char *path, const char *shown,
			      const char **display, struct node **root,
			      const char **err)
{
	struct strbuf buf = STRBUF_INIT;
	enum hcsc_rc rc;

	if (shown)
		*display = arena_strdup(a, shown);
	else
		*display = strcmp(path, "-") ? arena_strdup(a, path) : "<stdin>";
	rc = load_read_file(a, d, path, *display, &buf, err);
	if (rc == HCSC_OK)
		rc = load_parse(a, d, *display, buf.buf, buf.len, LOAD_AUTO, root);
	strbuf_release(&buf);
	return rc;
}

static enum hcsc_rc load_host(struct arena *a, struct diag_list *d,
			      const struct compile_input *in,
			      struct host_profile *host, const char **err)
{
	const char *name = in->host ? in->host : HOST_DEFAULT_NAME;
	const struct host_builtin *b;
	struct node *root;
	const char *display;
	enum hcsc_rc rc;

	if (in->host && compile_host_is_file(in->host)) {
		rc = load_file(a, d, in->host, in->host_display, &display, &root,
			       err);
		if (rc != HCSC_OK)
			return rc;
		return host_decode(a, d, display, root, host) ? HCSC_OK
							      : HCSC_E_INPUT;
	}
	b = host_builtin_find(name);
	if (!b) {
		*err = arena_printf(a, "unknown built-in host profile '%s' "
				       "(known: %s)",
				    name, host_builtin_names(a));
		return HCSC_E_USAGE;
	}
	host_from_builtin(a, b, host);
	return HCSC_OK;
}

/* Decision 6: builds below 17763 compile, with a warning. */
static enum hcsc_rc check_build(struct diag_list *d,
				const struct host_profile *host)
{
	if (host->os_build >= MIN_MOBY_BUILD)
		return HCSC_OK;
	return diag_strict_warning(d, host->os_build_pos,
				   "moby requires Windows build 17763 or later; "
				   "documents for build %u follow moby master "
				   "rules anyway",
				   host->os_build);
}

static enum hcsc_rc emit_oci(const struct oci_spec *spec, enum emit_style style,
			     struct compile_output *out, const char **err)
{
	struct json_object *j = oci_spec_to_json(spec);
	enum hcsc_rc rc;

	if (!j)
		hcsc_oom();
	rc = emit_json(&out->doc[DOC_OCI], j, &shape_oci_spec, style, err);
	json_object_put(j);
	out->have[DOC_OCI] = rc == HCSC_OK;
	return rc;
}

enum hcsc_rc compile_run(struct arena *a, struct diag_list *d,
			 const struct compile_input *in,
			 struct compile_output *out, const char **err)
{
	struct host_profile host;
	struct desc desc;
	struct node *root;
	const char *display;
	struct oci_spec spec;
	struct oci_result res;
	enum hcsc_rc rc;
	size_t first = d->nr;

	rc = load_host(a, d, in, &host, err);
	if (rc != HCSC_OK)
		return rc;
	rc = load_file(a, d, in->desc_path, in->desc_display, &display, &root,
		       err);
	if (rc == HCSC_OK && !desc_decode(a, d, display, root, &desc))
		rc = HCSC_E_INPUT;
	diag_sort_from(d, first);
	if (rc != HCSC_OK)
		return rc;
	rc = check_build(d, &host);
	if (rc == HCSC_OK)
		rc = oci_lower(a, d, &desc, &host, &spec, &res);
	if (rc == HCSC_OK)
		rc = emit_oci(&spec, in->style, out, err);
	return rc;
}
