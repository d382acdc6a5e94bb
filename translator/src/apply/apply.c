/*
 * apply/apply.c: the portable half of --apply: which document the host
 * takes (rule: hcsc.apply.schema-by-host-build), the Hyper-V refusal (rule: hcsc.apply.hyperv-refused), the profile/host
 * check, NameToGuid's layer IDs (rule: hcsc.apply.name-to-guid), the compact
 * documents it submits, built by the compile's own HCS stage again from its
 * kept input (rule: hcsc.cli.compact), and the small JSON readers the back ends share. The
 * submission itself is apply_win.c (apply_nowin.c elsewhere).
 */
#include "apply/apply_int.h"
#include "apply/hresult.h"

#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "api/api_int.h"
#include "arena.h"
#include "diag.h"
#include "strbuf.h"
#include "winpath.h"

/* ---- sink helpers ---- */

void apply_say(const struct apply_job *j, enum apply_msg_kind kind,
	       const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = arena_vprintf(j->a, fmt, ap);
	va_end(ap);
	j->sink->msg(j->sink->ctx, kind, text);
}

void apply_out(const struct apply_job *j, const char *data, size_t len)
{
	j->sink->out(j->sink->ctx, data, len);
}

void apply_result_doc(const struct apply_job *j, const char *doc, size_t len)
{
	if (!doc || !len)
		return;
	apply_out(j, doc, len);
	if (doc[len - 1] != '\n')
		apply_out(j, "\n", 1);
}

void apply_fail(const struct apply_job *j, const char *call, uint32_t hr,
		const char *doc, size_t len)
{
	char text[APPLY_HRESULT_TEXT];
	const char *msg = apply_result_message(j->a, doc, len);

	apply_hresult_text(hr, text);
	if (msg && *msg)
		apply_say(j, APPLY_ERROR, "%s failed: %s: %s", call, text, msg);
	else
		apply_say(j, APPLY_ERROR, "%s failed: %s", call, text);
}

/* ---- JSON readers ---- */

static struct json_object *parse(const char *doc, size_t len)
{
	struct json_tokener *tok;
	struct json_object *j;

	if (!doc || !len || len > (size_t)INT32_MAX)
		return NULL;
	tok = json_tokener_new();
	if (!tok)
		hcsc_oom();
	j = json_tokener_parse_ex(tok, doc, (int)len);
	if (json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(j);
		j = NULL;
	}
	json_tokener_free(tok);
	return j;
}

const char *apply_result_message(struct arena *a, const char *doc, size_t len)
{
	struct json_object *j = parse(doc, len), *m;
	const char *msg = NULL;

	if (j && json_object_object_get_ex(j, "ErrorMessage", &m) &&
	    json_object_is_type(m, json_type_string))
		msg = arena_strdup(a, json_object_get_string(m));
	json_object_put(j);
	return msg;
}

bool apply_exit_code(const char *doc, size_t len, long long *code)
{
	struct json_object *j = parse(doc, len), *c;
	bool ok = false;

	if (j && json_object_object_get_ex(j, "ExitCode", &c) &&
	    json_object_is_type(c, json_type_int)) {
		*code = (long long)json_object_get_int64(c);
		ok = true;
	}
	json_object_put(j);
	return ok;
}

bool apply_v1_facts(struct arena *a, const char *doc, size_t len,
		    const char **id, bool *hyperv)
{
	struct json_object *j = parse(doc, len), *n, *h;
	bool ok = false;

	if (j && json_object_object_get_ex(j, "Name", &n) &&
	    json_object_is_type(n, json_type_string)) {
		*id = arena_strdup(a, json_object_get_string(n));
		*hyperv = json_object_object_get_ex(j, "HvPartition", &h) &&
			  json_object_get_boolean(h);
		ok = true;
	}
	json_object_put(j);
	return ok;
}

/* ---- layers ---- */

const char *apply_layer_name(struct arena *a, const char *folder)
{
	size_t dir_len;

	winpath_split(folder, &dir_len);
	return arena_strdup(a, folder + dir_len);
}

void apply_guid_text(uint32_t d1, uint16_t d2, uint16_t d3,
		     const uint8_t d4[8], char out[APPLY_GUID_TEXT])
{
	snprintf(out, APPLY_GUID_TEXT,
		 "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 (unsigned long)d1, (unsigned)d2, (unsigned)d3, d4[0], d4[1],
		 d4[2], d4[3], d4[4], d4[5], d4[6], d4[7]);
}

/*
 * rule: hcsc.apply.name-to-guid: ask NameToGuid for every layer whose compiled ID was a
 * placeholder (not with --dry-run, which only names the calls).
 */
static enum hcsc_rc resolve_layers(struct apply_job *j,
				   const struct compile_output *c)
{
	j->layers = c->placeholder_layers;
	j->nlayers = c->nplaceholder_layers;
	j->layer_names = arena_array(j->a, j->nlayers + 1, sizeof(char *));
	j->layer_guids = arena_array(j->a, j->nlayers + 1, sizeof(char *));
	for (size_t i = 0; i < j->nlayers; i++) {
		char guid[APPLY_GUID_TEXT];
		enum hcsc_rc rc;

		j->layer_names[i] = apply_layer_name(j->a, j->layers[i].folder);
		if (j->opt->dry_run)
			continue;
		rc = apply_name_to_guid(j, j->layer_names[i], guid);
		if (rc != HCSC_OK)
			return rc;
		j->layer_guids[i] = arena_strdup(j->a, guid);
		apply_say(j, APPLY_NOTE,
			  "layer '%s': vmcompute NameToGuid(\"%s\") = %s; the "
			  "submitted document differs from the compiled one "
			  "in this layer ID",
			  j->layers[i].folder, j->layer_names[i], guid);
	}
	return HCSC_OK;
}

/* ---- the run ---- */

static void discard_msg(void *ctx, enum apply_msg_kind kind, const char *text)
{
	(void)ctx;
	(void)kind;
	(void)text;
}

/*
 * The bytes HCS gets: compact (rule: hcsc.cli.compact), with NameToGuid's
 * layer IDs. The compiled documents serve as they are when they already
 * are those bytes; else the compile's HCS stage runs again from its kept
 * input (no input is read or compiled twice).
 */
static int submitted_docs(struct apply_job *j, enum emit_style style,
			  const struct compile_output *compiled,
			  struct compile_output *out)
{
	const char *err = NULL;
	const struct compile_output *src = compiled;
	enum hcsc_rc rc = HCSC_OK;
	bool forced = j->nlayers && !j->opt->dry_run;

	if (style != EMIT_COMPACT || forced) {
		const char **ids = arena_array(j->a, compiled->nimage_layers + 1,
					       sizeof(char *));

		for (size_t i = 0; forced && i < j->nlayers; i++)
			ids[j->layers[i].index] = j->layer_guids[i];
		rc = compiled->hcs_input
			     ? compile_hcs_again(j->a, compiled, ids,
						 EMIT_COMPACT, out, &err)
			     : HCSC_E_IO;
		src = out;
	}
	if (rc != HCSC_OK || !src->have[DOC_HCS_V1] || !src->have[DOC_PROCESS] ||
	    (j->v2 && !src->have[DOC_HCS_V2])) {
		apply_say(j, APPLY_ERROR, "internal error: the submitted "
					  "documents could not be built%s%s",
			  err ? ": " : "", err ? err : "");
		return HCSC_E_IO;
	}
	j->doc = src->doc[j->v2 ? DOC_HCS_V2 : DOC_HCS_V1].buf;
	j->doc_len = src->doc[j->v2 ? DOC_HCS_V2 : DOC_HCS_V1].len;
	j->process = src->doc[DOC_PROCESS].buf;
	j->process_len = src->doc[DOC_PROCESS].len;
	return HCSC_OK;
}

/* The host build, and the warning when the profile names another one. */
static int pick_host(struct apply_job *j, const struct compile_output *c)
{
	j->build_is_real = apply_host_build(&j->build);
	if (!j->build_is_real) {
		if (!j->opt->dry_run) {
			apply_say(j, APPLY_ERROR, "--apply needs a Windows host");
			return HCSC_E_USAGE;
		}
		j->build = c->host_build;
	}
	/* The engine decides: docker's local runtime uses vmcompute always. */
	j->target = c->target;
	j->v2 = c->target->apply == TARGET_APPLY_BY_BUILD &&
		j->build >= BUILD_RS5;
	if (!j->build_is_real || j->build == c->host_build)
		return HCSC_OK;
	apply_say(j, j->opt->strict ? APPLY_ERROR : APPLY_WARNING,
		  "the host profile says build %u but this host is build %u; "
		  "the documents were compiled for build %u",
		  c->host_build, j->build, c->host_build);
	return j->opt->strict ? HCSC_E_INPUT : HCSC_OK;
}

static int run(struct apply_job *j, enum emit_style style,
	       const struct compile_output *compiled,
	       struct compile_output *compact)
{
	const struct strbuf *v1 = &compiled->doc[DOC_HCS_V1];
	bool hyperv = false;
	int rc;

	/* rule: hcsc.apply.era-targets */
	if (compiled->target->apply == TARGET_APPLY_REFUSED) {
		apply_say(j, APPLY_ERROR,
			  "--apply: target %s's documents are for preview and "
			  "diff only (HCS today is not what that engine talked "
			  "to); apply with --target docker",
			  compiled->target->name);
		return HCSC_E_USAGE;
	}
	rc = pick_host(j, compiled);

	if (rc != HCSC_OK)
		return rc;
	if (!apply_v1_facts(j->a, v1->buf, v1->len, &j->id, &hyperv)) {
		apply_say(j, APPLY_ERROR, "internal error: no compute system id");
		return HCSC_E_IO;
	}
	if (j->v2 && hyperv) {
		apply_say(j, APPLY_ERROR,
			  "--apply of a Hyper-V isolated container on build %u "
			  "needs the utility VM document, which hcsc does not "
			  "build yet",
			  j->build);
		return HCSC_E_USAGE;
	}
	rc = resolve_layers(j, compiled);
	if (rc == HCSC_OK)
		rc = submitted_docs(j, style, compiled, compact);
	if (rc != HCSC_OK)
		return rc;
	return j->opt->dry_run ? apply_dry_run(j) : apply_submit(j);
}

int apply_run(const struct hcsc_result *compiled,
	      const struct apply_options *opt, const struct apply_sink *sink)
{
	struct apply_job j;
	struct compile_output compact;
	struct apply_sink quiet = *sink;
	int rc;

	if (!sink->msg)
		quiet.msg = discard_msg;
	if (compiled->rc != HCSC_OK || !compiled->out.hcs_input) {
		quiet.msg(quiet.ctx, APPLY_ERROR, "internal error: --apply of a "
						  "failed compile");
		return HCSC_E_IO;
	}
	memset(&j, 0, sizeof(j));
	j.a = arena_new();
	j.opt = opt;
	j.sink = &quiet;
	compile_output_init(&compact);
	rc = run(&j, compiled->style, &compiled->out, &compact);
	compile_output_release(&compact);
	arena_free(j.a);
	return rc;
}
