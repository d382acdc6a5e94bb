/*
 * cmd_explain.c: `hcsc explain DESC [options] [POINTER...]`: compile a
 * description (or, with --from-oci, a config.json) and print, for every
 * value of every document or for the values under the JSON pointers named,
 * where it came from and the rule that made it (rule: hcsc.explain).
 */
#include <stdio.h>
#include <string.h>

#include "api/api_int.h"
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

/* The values `sel` picks, printed; a selector that picks none: usage. */
static int print_explained(const struct explain *x, const char *const *sel,
			   size_t nsel, bool json)
{
	struct strbuf text = STRBUF_INIT;
	int status = check_selectors(x, sel, nsel);

	if (status != HCSC_OK)
		return status;
	if (json)
		explain_json(x, sel, nsel, &text);
	else
		explain_text(x, sel, nsel, &text);
	fwrite(text.buf, 1, text.len, stdout);
	strbuf_release(&text);
	return fflush(stdout) ? cli_fail(HCSC_E_IO, "cannot write to standard "
						    "output")
			      : HCSC_OK;
}

int cli_explain_compile(const struct compile_input *in,
			const struct diag_list *front,
			const struct hcsc_options *opt,
			const char *const *sel, size_t nsel, bool json)
{
	struct compile_input ein = *in;
	struct hcsc_result *res;
	struct arena *a = arena_new();
	struct explain x;
	enum hcsc_rc rc;
	int status;

	if (nsel == 1 && !strcmp(sel[0], "all"))
		nsel = 0;
	explain_init(&x, a);
	ein.explain = explain_collect;
	ein.explain_ctx = &x;
	rc = api_compile_input(&ein, front, opt, &res);
	if (!res) {
		arena_free(a);
		return cli_fail(HCSC_E_IO, "out of memory");
	}
	if (front)
		cli_print_diags(front, false);
	cli_print_result_diags(res, false);
	if (rc != HCSC_OK)
		status = hcsc_result_error(res)
				 ? cli_fail_input(rc, hcsc_result_error(res))
				 : (int)rc;
	else /* the records live in the result: print before freeing it */
		status = print_explained(&x, sel, nsel, json);
	hcsc_result_free(res);
	arena_free(a);
	return status;
}

int cmd_explain(int argc, char **argv)
{
	struct cli_args args;
	struct compile_input in;
	struct hcsc_options opt;
	const char *const *sel;
	size_t nsel;
	bool json;
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
	cli_read_options(&args, &opt);
	rc = cli_explain_compile(&in, NULL, &opt, sel, nsel, json);
	return rc;
}
