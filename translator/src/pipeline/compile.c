/*
 * compile.c: the pipeline of one compile.
 */
#include "compile.h"

#include <json-c/json.h>
#include <string.h>

#include "arena.h"
#include "strset.h"
#include "ascii.h"
#include "diag.h"
#include "emit/oci_json.h"
#include "hcs/hcs.h"
#include "load/load.h"
#include "model/desc.h"
#include "model/host.h"
#include "oci/decode/decode.h"
#include "oci/oci.h"
#include "prov.h"
#include "target/target.h"

bool compile_host_is_file(const char *v)
{
	return strchr(v, '/') || strchr(v, '\\') || str_suffix(v, ".yaml") ||
	       str_suffix(v, ".yml") || str_suffix(v, ".json");
}

/* Read (or take `data` when set) and parse one input into a node tree. */
static enum hcsc_rc load_file(struct arena *a, struct diag_list *d,
			      const char *path, const char *shown,
			      const char *data, size_t len,
			      const char **display, struct node **root,
			      const char **err)
{
	struct strbuf buf = STRBUF_INIT;
	enum hcsc_rc rc = HCSC_OK;

	if (shown)
		*display = arena_strdup(a, shown);
	else if (!path)
		*display = "<memory>";
	else
		*display = strcmp(path, "-") ? arena_strdup(a, path) : "<stdin>";
	if (!data) {
		rc = load_read_file(a, d, path, *display, &buf, err);
		data = buf.buf;
		len = buf.len;
	} else {
		diag_add_source(d, *display, data, len); /* rule: hcsc.diag.render */
	}
	if (rc == HCSC_OK)
		rc = load_parse(a, d, *display, data, len, LOAD_AUTO, root);
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

	if (in->host_data || (in->host && compile_host_is_file(in->host))) {
		rc = load_file(a, d, in->host, in->host_display, in->host_data,
			       in->host_len, &display, &root, err);
		if (rc != HCSC_OK)
			return rc;
		return host_decode(a, d, display, root, host);
	}
	b = host_builtin_find(name);
	if (!b) /* --host 17763, 10.0.17763[.R]: that build's profile */
		b = host_builtin_find_build(name);
	if (!b) {
		*err = host_unknown_message(a, name);
		return HCSC_E_USAGE;
	}
	host_from_builtin(b, host);
	return HCSC_OK;
}

bool compile_target_builds(const struct target *t, enum compile_doc doc)
{
	return doc != DOC_HCS_V2 || t->builds_v2;
}

/*
 * The engine: --target (or a case header's) first, then the profile's
 * Target:, then the default. An unknown name on the command line is a
 * usage error; in a profile file, an input error at the key.
 */
static enum hcsc_rc pick_target(struct arena *a, struct diag_list *d,
				const struct compile_input *in,
				const struct host_profile *host,
				const struct target **t, const char **err)
{
	if (in->target) {
		*t = target_find(in->target);
		if (!*t)
			*err = target_unknown_message(a, in->target);
		return *t ? HCSC_OK : HCSC_E_USAGE;
	}
	if (!host->target) {
		*t = in->default_target ? target_find(in->default_target) : NULL;
		if (!*t)
			*t = target_default();
		return HCSC_OK;
	}
	*t = target_find(host->target);
	if (*t)
		return HCSC_OK;
	return diag_error(d, host->target_pos, "'Target': %s",
			  target_unknown_message(a, host->target));
}

/*
 * The HCS Owner: the caller's choice where the engine takes one (the
 * description's Owner); an engine that always sends its own ignores another with a warning
 * (rule: hcs.owner).
 */
static const char *engine_owner(struct diag_list *d, const struct target *t,
				const char *given, bool given_set,
				struct hcsc_pos at)
{
	if (!t->owner)
		return given;
	if (given_set && strcmp(given, t->owner))
		diag_warning(d, DC_OWNER, at, "'Owner' is ignored under target %s: the "
				    "engine always sends '%s'",
			     t->name, t->owner);
	return t->owner;
}

/*
 * rules: hcsc.host.old-build-warning, hcsc.era.min-build (era targets): builds below the engine's minimum compile, with a
 * warning (the engine's own text for an era target).
 */
static enum hcsc_rc check_build(struct diag_list *d,
				const struct host_profile *host,
				const struct target *t)
{
	if (host->os_build >= t->min_build)
		return HCSC_OK;
	if (t->min_build_text)
		return diag_strict_warning(d, DC_BUILD, host->os_build_pos, "%s",
					   t->min_build_text);
	return diag_strict_warning(d, DC_BUILD, host->os_build_pos,
				   "moby requires Windows build 17763 or later; "
				   "documents for build %u follow moby master "
				   "rules anyway",
				   host->os_build);
}

/* How documents are printed: the style, and whom to show each leaf. */
struct doc_sink {
	enum emit_style style;
	const struct compile_input *explain; /* NULL: nobody explains */
};

struct explain_adapter {
	const struct compile_input *in;
	enum compile_doc doc;
};

static void explain_leaf(void *ctx, const struct emit_leaf *leaf)
{
	const struct explain_adapter *ad = ctx;

	ad->in->explain(ad->in->explain_ctx, ad->doc, leaf);
}

static enum hcsc_rc emit_doc(struct compile_output *out, enum compile_doc doc,
			     struct json_object *j, const struct shape *shape,
			     const struct doc_sink *sink, const char **err)
{
	struct explain_adapter ad = { sink->explain, doc };
	struct emit_visitor vis = { explain_leaf, &ad };
	enum hcsc_rc rc;

	if (!j)
		hcsc_oom();
	rc = emit_json_visit(&out->doc[doc], j, shape, sink->style, err,
			     sink->explain ? &vis : NULL);
	out->have[doc] = rc == HCSC_OK;
	return rc;
}

static struct doc_sink sink_of(const struct compile_input *in)
{
	struct doc_sink s = { in->style, in->explain ? in : NULL };

	return s;
}

/* HostConfig.StorageOpt as key/value pairs, in input order. */
static const struct kv *storage_opts(struct arena *a, const struct v_map *m)
{
	struct kv *kv = arena_array(a, m->n + 1, sizeof(*kv));

	for (size_t i = 0; i < m->n; i++) {
		kv[i].key = m->keys[i];
		kv[i].value = m->vals[i];
	}
	return kv;
}

/* What the HCS stage needs besides the spec, from the description. */
static void hcs_input_from_desc(struct arena *a, const struct desc *desc,
				const struct oci_spec *spec,
				const struct oci_result *res,
				struct hcs_input *hin)
{
	const struct desc_runtime *rt = &desc->runtime;
	const struct desc_layer *layers = rt->layer_folders.items;
	size_t n = spec->windows.layer_folders.n - 1;
	struct hcsc_pos top = pos_or(desc->hdr.pos, pos_make(desc->file, 1, 1));

	memset(hin, 0, sizeof(*hin));
	hin->spec = spec;
	hin->id = res->id;
	hin->owner = res->owner;
	hin->open_stdin = res->open_stdin;
	hin->storage_opts = storage_opts(a, &desc->host_config.storage_opt);
	hin->nstorage_opts = desc->host_config.storage_opt.n;
	hin->runtime_pos = pos_or(rt->hdr.pos, top);
	hin->nlayer_ids = n;
	hin->layer_ids = arena_array(a, n, sizeof(char *));
	hin->layer_id_pos = arena_array(a, n, sizeof(struct hcsc_pos));
	for (size_t i = 0; i < n; i++) {
		bool given = rt->layer_folders.set && i < rt->layer_folders.n;

		hin->layer_ids[i] = given && layers[i].id.set ? layers[i].id.v : NULL;
		hin->layer_id_pos[i] = given ? pos_or(layers[i].id.pos, layers[i].hdr.pos)
					     : hin->runtime_pos;
	}
	if (rt->utility_vm_path.set) {
		hin->utility_vm_path = rt->utility_vm_path.v;
		hin->utility_vm_pos = rt->utility_vm_path.pos;
	}
	hin->has_network_namespace = rt->network_namespace.set;
	hin->network_namespace = rt->network_namespace.v;
	hin->network_namespace_pos = pos_or(rt->network_namespace.pos,
					    hin->runtime_pos);
}

/* The --runtime sidecar's facts for a config.json (rule: hcsc.from-oci.decode). */
static void hcs_input_from_sidecar(struct arena *a, const struct desc_runtime *rt,
				   const struct oci_spec *spec,
				   struct hcs_input *hin)
{
	const struct desc_layer *layers = rt->layer_folders.items;
	const struct str_list *lf = &spec->windows.layer_folders;
	size_t n = lf->n ? lf->n - 1 : 0;
	struct strset by_path;

	hin->runtime_pos = pos_or(rt->hdr.pos, spec->pos);
	hin->nlayer_ids = n;
	hin->layer_ids = arena_array(a, n, sizeof(char *));
	hin->layer_id_pos = arena_array(a, n, sizeof(struct hcsc_pos));
	/* The runtime file's IDs by path; the last entry for a path wins. */
	strset_init(&by_path, a, false);
	for (size_t j = rt->layer_folders.n; j-- > 0;)
		if (layers[j].id.set)
			strset_add(&by_path, layers[j].path.v,
				   strlen(layers[j].path.v), j);
	for (size_t i = 0; i < n; i++) {
		size_t j = strset_find(&by_path, lf->v[i], strlen(lf->v[i]));

		hin->layer_id_pos[i] = spec->windows.layer_pos ? spec->windows.layer_pos[i]
							       : spec->pos;
		if (j == STRSET_NONE)
			continue;
		hin->layer_ids[i] = layers[j].id.v;
		hin->layer_id_pos[i] = layers[j].id.pos;
	}
	if (rt->utility_vm_path.set) {
		hin->utility_vm_path = rt->utility_vm_path.v;
		hin->utility_vm_pos = rt->utility_vm_path.pos;
	}
	hin->has_network_namespace = rt->network_namespace.set;
	hin->network_namespace = rt->network_namespace.v;
	hin->network_namespace_pos = pos_or(rt->network_namespace.pos,
					    hin->runtime_pos);
	hin->open_stdin = rt->open_stdin.v;
}

/*
 * The layers without a given ID get placeholders, listed for the caller
 * (--apply asks NameToGuid for them: rule: hcsc.apply.name-to-guid).
 */
static void list_placeholder_layers(struct arena *a,
				    const struct hcs_input *hin,
				    struct compile_output *out)
{
	const struct str_list *lf = &hin->spec->windows.layer_folders;

	out->nimage_layers = hin->nlayer_ids;
	out->nplaceholder_layers = 0;
	out->placeholder_layers = arena_array(a, hin->nlayer_ids + 1,
					      sizeof(struct compile_layer));
	for (size_t i = 0; i < hin->nlayer_ids; i++) {
		struct compile_layer *l;

		if (hin->layer_ids[i] || i >= lf->n)
			continue;
		l = &out->placeholder_layers[out->nplaceholder_layers++];
		l->index = i;
		l->folder = lf->v[i];
	}
}

/* The shapes of the documents a target's engine sends. */
static const struct shape *v2_shape(const struct target *t,
				    const struct hcs_result *r)
{
	if (t->hcs != TARGET_HCS_HCSSHIM_LATEST)
		return &shape_hcs_v2;
	return r->v2_hosted ? &shape_hcs_v2_hosted : &shape_hcs_v2_latest;
}

static const struct shape *process_shape(const struct target *t)
{
	if (t->process == TARGET_PROCESS_MOBY_112)
		return &shape_create_process_params;
	return t->process == TARGET_PROCESS_HCSSHIM ? &shape_hcs_process
						    : &shape_hcs_process_v1;
}

static const struct shape *v1_shape(const struct target *t)
{
	return t->hcs == TARGET_HCS_MOBY_112 ? &shape_container_init
					     : &shape_hcs_v1;
}

/* -v: which document this engine would hand to which DLL. */
static void note_submission(struct diag_list *d, const struct hcs_input *hin,
			    const struct hcs_result *r)
{
	diag_note(d, pos_make(hin->host->file, 1, 1),
		  "target %s: host build %u would submit %s (schema %s) "
		  "through %s",
		  hin->target->name, hin->host->os_build,
		  r->submit_v2 ? "hcs-v2.json" : "hcs-v1.json",
		  r->submit_v2 ? "2.1" : "1.0",
		  r->submit_v2 ? "computecore.dll" : "vmcompute.dll");
}

/* The HCS stage and the documents it builds (then released). */
static enum hcsc_rc build_hcs_docs(struct arena *a, struct diag_list *d,
				   const struct hcs_input *hin,
				   const struct doc_sink *sink,
				   struct compile_output *out, const char **err)
{
	const struct target *t = hin->target;
	struct hcs_result hres;
	enum hcsc_rc rc = hcs_lower(a, d, hin, &hres);

	if (rc != HCSC_OK)
		return rc;
	note_submission(d, hin, &hres);
	rc = emit_doc(out, DOC_HCS_V1, hres.v1, v1_shape(t), sink, err);
	if (rc == HCSC_OK && hres.v2)
		rc = emit_doc(out, DOC_HCS_V2, hres.v2, v2_shape(t, &hres),
			      sink, err);
	if (rc == HCSC_OK)
		rc = emit_doc(out, DOC_PROCESS, hres.process, process_shape(t),
			      sink, err);
	hcs_result_release(&hres);
	if (rc == HCSC_OK)
		out->target = t;
	return rc;
}

/*
 * The HCS input, copied into the arena with what it points to that lives
 * on a compile's stack (the spec, the host profile), for --apply.
 */
static const struct hcs_input *keep_hcs_input(struct arena *a,
					      const struct hcs_input *hin)
{
	struct hcs_input *k = arena_alloc(a, sizeof(*k));
	struct oci_spec *spec = arena_alloc(a, sizeof(*spec));
	struct host_profile *host = arena_alloc(a, sizeof(*host));

	*k = *hin;
	*spec = *hin->spec;
	*host = *hin->host;
	k->spec = spec;
	k->host = host;
	return k;
}

static enum hcsc_rc lower_hcs(struct arena *a, struct diag_list *d,
			      const struct compile_input *in,
			      const struct hcs_input *hin,
			      struct compile_output *out, const char **err)
{
	struct doc_sink sink = sink_of(in);
	enum hcsc_rc rc;

	list_placeholder_layers(a, hin, out);
	rc = build_hcs_docs(a, d, hin, &sink, out, err);
	if (rc == HCSC_OK && in->keep_hcs_input)
		out->hcs_input = keep_hcs_input(a, hin);
	return rc;
}

enum hcsc_rc compile_hcs_again(struct arena *a,
			       const struct compile_output *compiled,
			       const char *const *layer_ids,
			       enum emit_style style,
			       struct compile_output *out, const char **err)
{
	struct hcs_input hin = *compiled->hcs_input;
	const char **ids = arena_array(a, hin.nlayer_ids + 1, sizeof(char *));
	struct doc_sink sink = { style, NULL };
	struct diag_list d;
	enum hcsc_rc rc;

	for (size_t i = 0; i < hin.nlayer_ids; i++)
		ids[i] = layer_ids && layer_ids[i] ? layer_ids[i]
						   : hin.layer_ids[i];
	hin.layer_ids = ids;
	diag_list_init(&d, a, false);
	hin.px = NULL;
	rc = build_hcs_docs(a, &d, &hin, &sink, out, err);
	diag_list_release(&d);
	return rc;
}

static enum hcsc_rc compile_desc(struct arena *a, struct diag_list *d,
				 const struct compile_input *in,
				 const struct host_profile *host,
				 const struct target *t, struct prov_tab *px,
				 struct compile_output *out, const char **err)
{
	struct doc_sink sink = sink_of(in);
	struct desc desc;
	struct node *root;
	const char *display;
	struct oci_spec spec;
	struct oci_result res;
	struct hcs_input hin;
	struct json_object *oci_json;
	size_t first = d->nr;
	enum hcsc_rc rc;

	if (in->desc_root) {
		root = in->desc_root;
		display = in->desc_display;
		rc = HCSC_OK;
	} else {
		rc = load_file(a, d, in->desc_path, in->desc_display, in->desc_data,
			       in->desc_len, &display, &root, err);
	}
	if (rc == HCSC_OK)
		rc = desc_decode(a, d, display, root, &desc);
	if (rc == HCSC_OK && in->desc_root && !desc.id.set && !desc.name.set) {
		desc.id.set = true; /* a built description has no file name */
		desc.id.v = oci_default_id(a, NULL, "<stdin>");
	}
	diag_sort_from(d, first);
	if (rc == HCSC_OK)
		rc = check_build(d, host, t);
	if (rc == HCSC_OK)
		rc = oci_lower(a, d, &desc, host, t, px, &spec, &res);
	if (rc != HCSC_OK)
		return rc;
	oci_json = oci_spec_to_json(&spec, px, false);
	rc = emit_doc(out, DOC_OCI, oci_json,
		      spec.windowsoci ? &shape_windowsoci : &shape_oci_spec,
		      &sink, err);
	json_object_put(oci_json);
	if (rc != HCSC_OK)
		return rc;
	hcs_input_from_desc(a, &desc, &spec, &res, &hin);
	hin.px = px;
	hin.host = host;
	hin.target = t;
	hin.owner = engine_owner(d, t, res.owner, desc.owner.set,
				 desc.owner.pos);
	return lower_hcs(a, d, in, &hin, out, err);
}

/*
 * rule: hcsc.from-oci.empty-root: containerd writes `"root": {"path": ""}` for a
 * process-isolated container and no root for Hyper-V; hcsshim mounts the
 * layers first. The volume path is the runtime file's VolumePath, else
 * rule: hcsc.placeholders placeholder with its warning.
 */
static enum hcsc_rc fill_oci_root(struct arena *a, struct diag_list *d,
				  struct oci_spec *spec,
				  const struct desc_runtime *rt, const char *id)
{
	const char *path;

	if (!spec->has_root) {
		spec->has_root = true;
		spec->root.path = "";
		spec->root.pos = spec->pos;
	}
	if (spec->windows.has_hyperv || (spec->root.path && *spec->root.path))
		return HCSC_OK;
	if (rt->volume_path.set && *rt->volume_path.v) {
		path = rt->volume_path.v;
	} else {
		path = oci_placeholder_volume(a, id);
		if (diag_strict_warning(d, DC_PLACEHOLDER, pos_or(rt->volume_path.pos, spec->root.pos),
					"'root.path' is empty and the runtime file "
					"sets no 'VolumePath': using the placeholder "
					"volume '%s' (set 'VolumePath' to the "
					"container's mounted scratch volume)",
					path) != HCSC_OK)
			return HCSC_E_INPUT;
	}
	if (path[strlen(path) - 1] != '\\')
		path = arena_printf(a, "%s\\", path);
	spec->root.path = path;
	return HCSC_OK;
}

static enum hcsc_rc compile_oci(struct arena *a, struct diag_list *d,
				const struct compile_input *in,
				const struct host_profile *host,
				const struct target *t, struct prov_tab *px,
				struct compile_output *out, const char **err)
{
	struct node *root, *rroot = NULL;
	const char *display, *rdisplay;
	struct oci_spec spec;
	struct desc_runtime rt;
	struct hcs_input hin;
	size_t first = d->nr;
	enum hcsc_rc rc;

	memset(&rt, 0, sizeof(rt));
	rc = load_file(a, d, in->desc_path, in->desc_display, in->desc_data,
		       in->desc_len, &display, &root, err);
	if (rc == HCSC_OK && (in->runtime_path || in->runtime_data))
		rc = load_file(a, d, in->runtime_path, in->runtime_display,
			       in->runtime_data, in->runtime_len, &rdisplay,
			       &rroot, err);
	if (rc == HCSC_OK)
		rc = oci_decode(a, d, display, root, &spec);
	if (rc == HCSC_OK && rroot)
		rc = desc_decode_runtime(a, d, rroot, &rt);
	diag_sort_from(d, first);
	if (rc == HCSC_OK)
		rc = check_build(d, host, t);
	if (rc != HCSC_OK)
		return rc;
	memset(&hin, 0, sizeof(hin));
	hin.px = px;
	hin.spec = &spec;
	hin.host = host;
	hin.target = t;
	hin.id = in->oci_id ? in->oci_id : oci_default_id(a, NULL, display);
	hin.owner = engine_owner(d, t, in->oci_owner ? in->oci_owner : MOBY_OWNER,
				 in->oci_owner != NULL, spec.pos);
	rc = fill_oci_root(a, d, &spec, &rt, hin.id);
	if (rc != HCSC_OK)
		return rc;
	hcs_input_from_sidecar(a, &rt, &spec, &hin);
	return lower_hcs(a, d, in, &hin, out, err);
}

enum hcsc_rc compile_run(struct arena *a, struct diag_list *d,
			 const struct compile_input *in,
			 struct compile_output *out, const char **err)
{
	struct host_profile host;
	const struct target *t = NULL;
	struct prov_tab *px = in->explain ? prov_tab_new(a) : NULL;
	enum hcsc_rc rc = load_host(a, d, in, &host, err);

	if (rc == HCSC_OK)
		rc = pick_target(a, d, in, &host, &t, err);
	if (rc != HCSC_OK)
		return rc;
	out->host_build = host.os_build;
	return in->from_oci ? compile_oci(a, d, in, &host, t, px, out, err)
			    : compile_desc(a, d, in, &host, t, px, out, err);
}
