/*
 * fuzz_common.c: the flag byte, the fixed host profiles and the checks
 * every harness of tools/fuzz applies after a compile (fuzz_common.h).
 */
#include "fuzz_common.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"

/* An old build with 2 CPUs and every kind of host fact. */
static const char host_old[] =
	"Base: ltsc2016\n"
	"CpuCount: 2\n"
	"Daemon:\n"
	"  Root: 'D:\\docker'\n"
	"  DnsSearch: [corp.example.com, example.com]\n"
	"Filesystem:\n"
	"  Dirs: ['c:\\', 'c:\\windows', 'c:\\program files', 'C:\\data',\n"
	"         '\\\\?\\c:\\windows\\', 'D:\\docker\\volumes']\n"
	"  Files: ['c:\\windows\\system32\\ntdll.dll', 'C:\\data\\app.cfg']\n"
	"CredentialSpecs:\n"
	"  Files:\n"
	"    gmsa.json: '{\"CmsPlugins\":[\"ActiveDirectory\"]}'\n"
	"  Registry:\n"
	"    gmsa-web: '{\"CmsPlugins\":[\"ActiveDirectory\"]}'\n";

/* The first moby build, Hyper-V by default, a swarm node. */
static const char host_rs5[] =
	"OsBuild: 10.0.17763.1\n"
	"CpuCount: 4\n"
	"DefaultIsolation: hyperv\n"
	"CredentialSpecs:\n"
	"  Configs:\n"
	"    my-cred-spec: '{\"from\": \"swarm config\"}'\n";

static const char *const targets[4] = { NULL, "docker", "docker-containerd",
					 "docker-19.03" };

void fuzz_input_from_flags(struct compile_input *in, uint8_t flags)
{
	switch ((flags & FUZZ_F_HOST_MASK) >> FUZZ_F_HOST_SHIFT) {
	case 1:
		in->host_data = host_old;
		in->host_len = sizeof(host_old) - 1;
		in->host_display = "host-old.yaml";
		break;
	case 2:
		in->host_data = host_rs5;
		in->host_len = sizeof(host_rs5) - 1;
		in->host_display = "host-rs5.yaml";
		break;
	case 3:
		in->host = "win10-1809";
		break;
	default:
		break;
	}
	in->strict = flags & FUZZ_F_STRICT;
	in->style = flags & FUZZ_F_COMPACT ? EMIT_COMPACT : EMIT_PRETTY;
	in->target = targets[flags >> FUZZ_F_TARGET_SHIFT];
}

static _Noreturn void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s%s%s\n", what, detail ? ": " : "",
		detail ? detail : "");
	abort();
}

/* Every diagnostic is readable; errors are counted right. */
static void check_diags(const struct diag_list *d)
{
	size_t nerrors = 0;

	for (size_t i = 0; i < d->nr; i++) {
		const struct hcsc_diag *g = &d->items[i];

		if (!g->msg || !g->msg[0])
			fuzz_fail("a diagnostic without a message", NULL);
		if (g->pos.file && strlen(g->pos.file) > (size_t)1 << 20)
			fuzz_fail("a diagnostic's file name is not text", NULL);
		nerrors += g->sev == HCSC_SEV_ERROR;
	}
	if (nerrors != d->nerrors)
		fuzz_fail("diag_list.nerrors does not count the errors", NULL);
}

/* An emitted document must read back as one JSON value. */
static void check_json(const struct strbuf *doc, const char *name)
{
	struct json_tokener *tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH * 4);
	struct json_object *j;

	if (!tok)
		fuzz_fail("out of memory", NULL);
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	j = json_tokener_parse_ex(tok, doc->buf, (int)doc->len);
	if (!j || json_tokener_get_parse_end(tok) != doc->len) {
		fprintf(stderr, "%.*s\n", (int)(doc->len > 4096 ? 4096 : doc->len),
			doc->buf);
		fuzz_fail("emitted document is not JSON", name);
	}
	json_object_put(j);
	json_tokener_free(tok);
}

static void check_result(enum hcsc_rc rc, const struct diag_list *d,
			 const struct compile_output *out, unsigned want_docs,
			 const char *err)
{
	check_diags(d);
	if (rc == HCSC_E_IO || rc == HCSC_E_USAGE)
		fuzz_fail(rc == HCSC_E_IO ? "internal error (HCSC_E_IO)"
					  : "usage error (HCSC_E_USAGE)", err);
	if (rc == HCSC_E_INPUT && !d->nerrors)
		fuzz_fail("input error without an error diagnostic", NULL);
	if (rc != HCSC_OK)
		return;
	if (d->nerrors)
		fuzz_fail("success with an error diagnostic", NULL);
	for (int i = 0; i < DOC_COUNT; i++) {
		if (!(want_docs & (1u << i)) ||
		    !compile_target_builds(out->target, (enum compile_doc)i))
			continue;
		if (!out->have[i])
			fuzz_fail("success without a document",
				  compile_doc_name((enum compile_doc)i));
		check_json(&out->doc[i], compile_doc_name((enum compile_doc)i));
	}
}

/*
 * What --apply submits: the HCS documents again, compact, with the first
 * layer's ID as NameToGuid would give it; must succeed whenever the
 * compile did.
 */
static void check_again(struct arena *a, const struct compile_output *out)
{
	const char **ids = arena_array(a, out->nimage_layers + 1, sizeof(char *));
	struct compile_output again;
	const char *err = NULL;

	ids[0] = "cd22d128-903e-550a-9d8f-aa8134ca1c9b";
	compile_output_init(&again);
	if (compile_hcs_again(a, out, ids, EMIT_COMPACT, &again, &err) !=
	    HCSC_OK)
		fuzz_fail("the submitted documents failed", err);
	check_json(&again.doc[DOC_HCS_V1], "hcs-v1 (submitted)");
	check_json(&again.doc[DOC_PROCESS], "process (submitted)");
	compile_output_release(&again);
}

void fuzz_compile(const struct compile_input *in, unsigned want_docs)
{
	struct arena *a = arena_new();
	struct diag_list d;
	struct compile_output out;
	const char *err = NULL;
	enum hcsc_rc rc;

	diag_list_init(&d, a, in->strict);
	compile_output_init(&out);
	rc = compile_run(a, &d, in, &out, &err);
	check_result(rc, &d, &out, want_docs, err);
	if (rc == HCSC_OK && in->keep_hcs_input)
		check_again(a, &out);
	compile_output_release(&out);
	diag_list_release(&d);
	arena_free(a);
}
