/*
 * cmd_explain.c: `hcsc explain DESC [options] [POINTER...]`: compile a
 * description (or, with --from-oci, a config.json) and print, for every
 * value of every document or for the values under the JSON pointers named,
 * where it came from and the rule that made it (rule: hcsc.explain).
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "diag.h"
#include "explain/explain.h"
#include "options.h"
#include "pipeline/compile.h"
#include "strbuf.h"

/* Each selector names a document and picks at least one value. */
static int check_selectors(const struct explain *x, const char *const *sel,
			   size_t nsel)
{
	for (size_t i = 0; i < nsel; i++) {
		size_t j = 0;

		while (j < x->n && !explain_selects(sel[i], &x->v[j]))
			j++;
		if (j == x->n)
			return cli_fail(HCSC_E_USAGE,
					"explain: no value at '%s' (a pointer "
					"is DOC#/key/... with DOC one of "
					"config.json, hcs-v1.json, hcs-v2.json, "
					"process.json; hcsc explain DESC lists "
					"them all)",
					sel[i]);
	}
	return HCSC_OK;
}

int cli_explain_compile(struct arena *a, struct diag_list *d,
			const struct compile_input *in,
			const char *const *sel, size_t nsel, bool json)
{
	struct compile_input ein = *in;
	struct compile_output out;
	struct strbuf text = STRBUF_INIT;
	struct explain x;
	const char *err = NULL;
	enum hcsc_rc rc;
	int status;

	if (nsel == 1 && !strcmp(sel[0], "all"))
		nsel = 0;
	explain_init(&x, a);
	ein.style = EMIT_COMPACT;
	ein.explain = explain_collect;
	ein.explain_ctx = &x;
	compile_output_init(&out);
	rc = compile_run(a, d, &ein, &out, &err);
	cli_print_diags(d, false);
	compile_output_release(&out);
	if (rc != HCSC_OK)
		return err ? cli_fail_input(rc, err) : (int)rc;
	status = check_selectors(&x, sel, nsel);
	if (status != HCSC_OK)
		return status;
	if (json)
		explain_json(&x, sel, nsel, &text);
	else
		explain_text(&x, sel, nsel, &text);
	fwrite(text.buf, 1, text.len, stdout);
	strbuf_release(&text);
	return fflush(stdout) ? cli_fail(HCSC_E_IO, "cannot write to standard "
						    "output")
			      : HCSC_OK;
}

int cmd_explain(int argc, char **argv)
{
	struct cli_args args;
	struct compile_input in;
	struct diag_list d;
	struct arena *a;
	bool json;
	const char *const *sel;
	size_t nsel;
	int rc;

	if (!cli_parse("explain", argc, argv, &args))
		return HCSC_E_USAGE;
	if (cli_diag_setup("explain", argc, argv, &args) != HCSC_OK)
		return HCSC_E_USAGE;
	if (!cli_format_is_json(&args, &json))
		return HCSC_E_USAGE;
	if (!args.value[OPT_FROM_OCI] && !args.npos)
		return cli_fail(HCSC_E_USAGE, "explain needs a description file "
					      "(or --from-oci FILE)");
	sel = args.pos + (args.value[OPT_FROM_OCI] ? 0 : 1);
	nsel = args.npos - (args.value[OPT_FROM_OCI] ? 0 : 1);
	memset(&in, 0, sizeof(in));
	in.from_oci = args.value[OPT_FROM_OCI] != NULL;
	in.desc_path = in.from_oci ? args.value[OPT_FROM_OCI] : args.pos[0];
	in.runtime_path = args.value[OPT_RUNTIME];
	in.host = args.value[OPT_HOST];
	in.target = args.value[OPT_TARGET];
	in.strict = args.given[OPT_STRICT];
	a = arena_new();
	diag_list_init(&d, a, in.strict);
	d.max_errors = cli_diag_max_errors();
	rc = cli_explain_compile(a, &d, &in, sel, nsel, json);
	diag_list_release(&d);
	arena_free(a);
	return rc;
}
