/*
 * cmd_compile.c: `hcsc compile`: one description in, the selected
 * documents out, on stdout (one document) or into -o DIR (atomically;
 * Decisions 28, 29). Diagnostics go to stderr.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "diag.h"
#include "options.h"
#include "pipeline/compile.h"

/* --emit LIST -> which documents; false on an unknown name. */
static bool parse_emit(const char *list, bool want[DOC_COUNT])
{
	const char *p = list;

	memset(want, 0, DOC_COUNT * sizeof(bool));
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		bool found = false;

		for (int d = 0; d < DOC_COUNT; d++) {
			const char *name = compile_doc_name((enum compile_doc)d);

			if (strlen(name) == n && !strncmp(name, p, n))
				found = want[d] = true;
		}
		if (!found) {
			fprintf(stderr, "hcsc compile: unknown document '%.*s' in "
					"--emit (allowed: oci, hcs-v1, hcs-v2, "
					"process)\n",
				(int)n, p);
			return false;
		}
		p += n + (end ? 1 : 0);
	}
	return true;
}

static int count(const bool want[DOC_COUNT])
{
	int n = 0;

	for (int d = 0; d < DOC_COUNT; d++)
		n += want[d];
	return n;
}

static int write_outputs(const char *dir, const bool want[DOC_COUNT],
			 const struct compile_output *out)
{
	struct out_file files[DOC_COUNT];
	char paths[DOC_COUNT][4096];
	const char *failed = dir;
	size_t n = 0;
	int err = cli_mkdirs(dir);

	for (int d = 0; d < DOC_COUNT && !err; d++) {
		if (!want[d])
			continue;
		snprintf(paths[n], sizeof(paths[n]), "%s/%s", dir,
			 compile_doc_file((enum compile_doc)d));
		files[n].path = paths[n];
		files[n].data = out->doc[d].buf;
		files[n].len = out->doc[d].len;
		files[n].tmp = NULL;
		n++;
	}
	if (!err)
		err = cli_write_files(files, n, &failed);
	if (err)
		return cli_fail(HCSC_E_IO, "cannot write '%s': %s", failed,
				strerror(err));
	return HCSC_OK;
}

static int emit_results(const struct cli_args *args, const bool want[DOC_COUNT],
			const struct compile_output *out)
{
	for (int d = 0; d < DOC_COUNT; d++)
		if (want[d] && !out->have[d])
			return cli_fail(HCSC_E_IO,
					"internal error: no %s document was built",
					compile_doc_name((enum compile_doc)d));
	if (args->value[OPT_OUTPUT])
		return write_outputs(args->value[OPT_OUTPUT], want, out);
	for (int d = 0; d < DOC_COUNT; d++) {
		if (!want[d])
			continue;
		if (fwrite(out->doc[d].buf, 1, out->doc[d].len, stdout) !=
			    out->doc[d].len ||
		    fflush(stdout) != 0)
			return cli_fail(HCSC_E_IO, "cannot write to standard "
						   "output: %s",
					strerror(errno));
	}
	return HCSC_OK;
}

/* Which documents, from --emit, -o and --from-oci (Decisions 19, 28). */
static bool select_docs(const struct cli_args *args, bool want[DOC_COUNT])
{
	bool from_oci = args->value[OPT_FROM_OCI] != NULL;

	if (args->value[OPT_EMIT]) {
		if (!parse_emit(args->value[OPT_EMIT], want))
			return false;
		if (from_oci && want[DOC_OCI]) {
			fputs("hcsc compile: --emit oci with --from-oci: the OCI "
			      "spec is the input\n",
			      stderr);
			return false;
		}
	} else {
		for (int d = 0; d < DOC_COUNT; d++)
			want[d] = args->value[OPT_OUTPUT]
					  ? !(from_oci && d == DOC_OCI)
					  : d == (from_oci ? DOC_HCS_V2 : DOC_OCI);
	}
	if (!count(want)) {
		fputs("hcsc compile: --emit names no document\n", stderr);
		return false;
	}
	if (!args->value[OPT_OUTPUT] && count(want) > 1) {
		fputs("hcsc compile: without -o only one document can go to "
		      "standard output; name one with --emit or use -o DIR\n",
		      stderr);
		return false;
	}
	return true;
}

int cmd_compile(int argc, char **argv)
{
	struct cli_args args;
	bool want[DOC_COUNT];
	struct compile_input in;
	struct compile_output out;
	struct diag_list d;
	struct arena *a;
	const char *err = NULL;
	enum hcsc_rc rc;
	int status;

	if (!cli_parse("compile", argc, argv, &args))
		return HCSC_E_USAGE;
	if (!args.value[OPT_FROM_OCI] && args.npos != 1)
		return cli_fail(HCSC_E_USAGE, "compile takes one description "
					      "(a file, or - for standard input)");
	if (args.value[OPT_FROM_OCI] && args.npos)
		return cli_fail(HCSC_E_USAGE, "--from-oci takes the spec as its "
					      "value; no description as well");
	if (!args.value[OPT_FROM_OCI] &&
	    (args.value[OPT_ID] || args.value[OPT_OWNER] || args.value[OPT_RUNTIME]))
		return cli_fail(HCSC_E_USAGE, "--id, --owner and --runtime go with "
					      "--from-oci (a description says Id, "
					      "Owner and Runtime itself)");
	if (!select_docs(&args, want))
		return HCSC_E_USAGE;
	if (args.given[OPT_APPLY])
		return cli_fail(HCSC_E_USAGE, "--apply needs a Windows host");
	memset(&in, 0, sizeof(in));
	in.from_oci = args.value[OPT_FROM_OCI] != NULL;
	in.desc_path = in.from_oci ? args.value[OPT_FROM_OCI] : args.pos[0];
	in.oci_id = args.value[OPT_ID];
	in.oci_owner = args.value[OPT_OWNER];
	in.runtime_path = args.value[OPT_RUNTIME];
	in.host = args.value[OPT_HOST];
	in.strict = args.given[OPT_STRICT];
	in.style = args.given[OPT_COMPACT] ? EMIT_COMPACT : EMIT_PRETTY;
	a = arena_new();
	diag_list_init(&d, a, in.strict);
	compile_output_init(&out);
	rc = compile_run(a, &d, &in, &out, &err);
	cli_print_diags(&d, args.given[OPT_VERBOSE]);
	if (rc == HCSC_OK)
		status = emit_results(&args, want, &out);
	else if (err)
		status = cli_fail(rc, "%s", err);
	else
		status = (int)rc;
	compile_output_release(&out);
	diag_list_release(&d);
	arena_free(a);
	return status;
}
