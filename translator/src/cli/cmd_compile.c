/*
 * cmd_compile.c: `hcsc compile`: one description in, the selected
 * documents out, on stdout (one document) or into -o DIR (atomically;
 * rules: hcsc.cli.output, hcsc.cli.compact). Diagnostics go to stderr. With --apply the compiled
 * documents go only to -o and apply/ submits them (rules: hcsc.apply.lifecycle, hcsc.apply.output).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_int.h"
#include "apply/apply.h"
#include "ascii.h"
#include "cli.h"
#include "diag.h"
#include "options.h"
#include "pipeline/compile.h"
#include "strbuf.h"
#include "target/target.h"

/* --emit LIST -> which documents; false on an unknown name. */
static bool parse_emit(const char *list, bool want[DOC_COUNT])
{
	const char *p = list;

	memset(want, 0, DOC_COUNT * sizeof(bool));
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		int d = compile_doc_named(p, n, false);

		if (d < 0) {
			cli_usage_error("hcsc compile: unknown document '%.*s' "
					"in --emit (allowed: oci, hcs-v1, "
					"hcs-v2, process)",
					(int)n, p);
			return false;
		}
		want[d] = true;
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

static bool same_file(void *entry, const char *file)
{
	return os_same_file(entry, file);
}

/* The input (of the command line, or one `front` read) at `path`, or NULL. */
static const char *input_at(const struct cli_args *args,
			    const struct diag_list *front, const char *path)
{
	const char *in = cli_find_input(args, same_file, (void *)path);

	for (size_t i = 0; !in && front && i < front->nsources; i++)
		if (os_same_file(path, front->sources[i].name))
			in = front->sources[i].name;
	return in;
}

int cli_refuse_input(const struct cli_args *args,
		     const struct diag_list *front, const char *dir,
		     const char *path)
{
	const char *in = input_at(args, front, path);

	if (!in)
		return HCSC_OK;
	return cli_fail(HCSC_E_USAGE, "-o '%s': '%s' is the input '%s' (hcsc "
				      "would replace it); give another folder",
			dir, path, in);
}

/*
 * The documents into -o DIR, as one set (rule: hcsc.cli.output): paths
 * of any length (a message names the path as given), none over an input.
 */
static int write_outputs(const struct cli_args *args,
			 const struct diag_list *front,
			 const bool want[DOC_COUNT],
			 const struct hcsc_result *res)
{
	const char *dir = args->value[OPT_OUTPUT];
	struct out_file files[DOC_COUNT];
	struct strbuf paths[DOC_COUNT];
	const char *failed = dir;
	size_t n = 0;
	int err = 0, status = HCSC_OK;

	for (int d = 0; d < DOC_COUNT; d++) {
		if (!want[d])
			continue;
		strbuf_init(&paths[n]);
		strbuf_addf(&paths[n], "%s/%s", dir,
			    hcsc_doc_file((enum hcsc_doc)d));
		files[n].path = paths[n].buf;
		files[n].data = hcsc_result_document(res, (enum hcsc_doc)d,
						     &files[n].len);
		files[n].tmp = NULL;
		n++;
	}
	for (size_t i = 0; i < n && status == HCSC_OK; i++)
		status = cli_refuse_input(args, front, dir, files[i].path);
	if (status == HCSC_OK) {
		err = cli_mkdirs(dir);
		if (!err)
			err = cli_write_files(files, n, &failed);
		if (err)
			status = cli_fail(HCSC_E_IO, "cannot write '%s': %s",
					  failed, strerror(err));
	}
	for (size_t i = 0; i < n; i++)
		strbuf_release(&paths[i]);
	return status;
}

/*
 * Fit the documents to the target, known once the compile ran (it may
 * come from the host profile): a document the engine never builds is a
 * usage error when --emit names it, else it is left out (with
 * --from-oci, standard output then gets hcs-v1.json).
 */
static int fit_to_target(const struct cli_args *args, bool want[DOC_COUNT],
			 const struct hcsc_result *res)
{
	const struct target *t = target_find(hcsc_result_target(res));

	for (int d = 0; d < DOC_COUNT; d++) {
		if (!want[d] || compile_target_builds(t, (enum compile_doc)d))
			continue;
		if (args->value[OPT_EMIT])
			return cli_fail(HCSC_E_USAGE,
					"--emit %s: target %s never builds %s "
					"(its engine sends one schema-1 document; "
					"use hcs-v1)",
					compile_doc_name((enum compile_doc)d),
					t->name,
					compile_doc_file((enum compile_doc)d));
		want[d] = false;
		if (!args->value[OPT_OUTPUT])
			want[DOC_HCS_V1] = true;
	}
	return HCSC_OK;
}

static int emit_results(const struct cli_args *args,
			const struct diag_list *front,
			const bool want[DOC_COUNT],
			const struct hcsc_result *res)
{
	for (int d = 0; d < DOC_COUNT; d++)
		if (want[d] && !hcsc_result_document(res, (enum hcsc_doc)d, NULL))
			return cli_fail(HCSC_E_IO,
					"internal error: no %s document was built",
					hcsc_doc_name((enum hcsc_doc)d));
	if (args->value[OPT_OUTPUT])
		return write_outputs(args, front, want, res);
	if (args->given[OPT_APPLY])
		return HCSC_OK; /* rule: hcsc.apply.output: stdout carries HCS results */
	for (int d = 0; d < DOC_COUNT; d++) {
		size_t len;
		const char *doc;

		if (!want[d])
			continue;
		doc = hcsc_result_document(res, (enum hcsc_doc)d, &len);
		if (fwrite(doc, 1, len, stdout) != len || fflush(stdout) != 0)
			return cli_fail(HCSC_E_IO, "cannot write to standard "
						   "output: %s",
					strerror(errno));
	}
	return HCSC_OK;
}

/* Which documents, from --emit, -o and --from-oci (rules: hcsc.from-oci.decode, hcsc.cli.output). */
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

/* --timeout SECONDS: decimal, 1 to APPLY_MAX_TIMEOUT. */
static bool parse_timeout(const char *v, unsigned *out)
{
	unsigned long n = 0;

	if (!*v)
		return false;
	for (const char *p = v; *p; p++) {
		if (!ascii_isdigit(*p))
			return false;
		n = n * 10 + (unsigned long)(*p - '0');
		if (n > APPLY_MAX_TIMEOUT)
			return false;
	}
	*out = (unsigned)n;
	return n > 0;
}

/* The --apply options (rules: hcsc.apply.lifecycle, hcsc.apply.output); false after a usage message. */
static bool read_apply_options(const struct cli_args *args,
			       struct apply_options *o)
{
	memset(o, 0, sizeof(*o));
	o->start = args->given[OPT_START];
	o->dry_run = args->given[OPT_DRY_RUN];
	o->strict = args->given[OPT_STRICT];
	o->timeout_s = APPLY_DEFAULT_TIMEOUT;
	if (!args->given[OPT_APPLY] &&
	    (o->start || o->dry_run || args->given[OPT_TIMEOUT])) {
		fputs("hcsc compile: --start, --timeout and --dry-run go with "
		      "--apply\n",
		      stderr);
		return false;
	}
	if (args->given[OPT_TIMEOUT] &&
	    !parse_timeout(args->value[OPT_TIMEOUT], &o->timeout_s)) {
		cli_usage_error("hcsc compile: --timeout takes whole seconds "
				"from 1 to %u, not '%s'",
				APPLY_MAX_TIMEOUT, args->value[OPT_TIMEOUT]);
		return false;
	}
	if (args->given[OPT_APPLY] && args->value[OPT_EMIT] &&
	    !args->value[OPT_OUTPUT]) {
		fputs("hcsc compile: with --apply the compiled documents go only "
		      "to -o DIR (standard output carries HCS results)\n",
		      stderr);
		return false;
	}
	return true;
}

static void sink_out(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	fwrite(data, 1, len, stdout);
	fflush(stdout);
}

static void sink_msg(void *ctx, enum apply_msg_kind kind, const char *text)
{
	(void)ctx;
	fflush(stdout);
	fprintf(stderr, "hcsc: %s%s\n", kind == APPLY_WARNING ? "warning: " : "",
		text);
}

/* --host, --target, --strict, --compact and --max-errors as options. */
void cli_read_options(const struct cli_args *args, struct hcsc_options *opt)
{
	hcsc_options_init(opt);
	opt->host = args->value[OPT_HOST];
	opt->target = args->value[OPT_TARGET];
	opt->strict = args->given[OPT_STRICT];
	opt->compact = args->given[OPT_COMPACT];
	opt->max_errors = (unsigned)cli_diag_max_errors();
}

/*
 * Compile what the command line names through hcsc.h: a description, or
 * with --from-oci a config.json and its sidecar.
 */
static enum hcsc_rc compile(const struct cli_args *args,
			    struct hcsc_result **res)
{
	struct hcsc_options opt;
	struct hcsc_oci_input oci;

	cli_read_options(args, &opt);
	if (!args->value[OPT_FROM_OCI])
		return hcsc_compile_file(args->pos[0], &opt, res);
	hcsc_oci_input_init(&oci);
	oci.id = args->value[OPT_ID];
	oci.owner = args->value[OPT_OWNER];
	oci.runtime_path = args->value[OPT_RUNTIME];
	return hcsc_compile_oci_file(args->value[OPT_FROM_OCI], &oci, &opt, res);
}

int cmd_compile(int argc, char **argv)
{
	struct cli_args args;
	bool want[DOC_COUNT];
	struct hcsc_result *res;
	struct apply_sink sink = { NULL, sink_out, sink_msg };
	struct apply_options aopt;
	enum hcsc_rc rc;
	int status;

	if (!cli_parse("compile", argc, argv, &args))
		return HCSC_E_USAGE;
	if (cli_diag_setup("compile", argc, argv, &args) != HCSC_OK)
		return HCSC_E_USAGE;
	if (args.times[OPT_EMIT] > 1) /* never silently the last one */
		return cli_fail(HCSC_E_USAGE, "--emit given %u times; name every "
					      "document in one list (--emit "
					      "oci,hcs-v1)",
				args.times[OPT_EMIT]);
	if (args.value[OPT_OUTPUT] && !strcmp(args.value[OPT_OUTPUT], "-"))
		return cli_fail(HCSC_E_USAGE, "-o takes a folder, not '-'; "
					      "without -o the one document "
					      "--emit names goes to standard "
					      "output");
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
	if (!select_docs(&args, want) || !read_apply_options(&args, &aopt))
		return HCSC_E_USAGE;
	if (args.given[OPT_APPLY] && !aopt.dry_run && !apply_supported())
		return cli_fail(HCSC_E_USAGE, "--apply needs a Windows host");
	rc = compile(&args, &res);
	if (!res)
		return cli_fail(HCSC_E_IO, "out of memory");
	cli_print_result_diags(res, args.given[OPT_VERBOSE]);
	if (rc != HCSC_OK)
		status = hcsc_result_error(res)
				 ? cli_fail_input(rc, hcsc_result_error(res))
				 : (int)rc;
	else
		status = fit_to_target(&args, want, res);
	if (status == HCSC_OK)
		status = emit_results(&args, NULL, want, res);
	if (rc == HCSC_OK && status == HCSC_OK && args.given[OPT_APPLY])
		status = apply_run(res, &aopt, &sink); /* api_int.h: its kept HCS input */
	hcsc_result_free(res);
	return status;
}

/*
 * `run` and `compose`: compile the description tree a front end built
 * (api_compile_tree: its positions are argv words and Compose keys),
 * under the docker target by default (rule: front.default-target), and
 * write the documents as `compile` does (--emit, -o, --compact; no
 * --apply). `front` holds the front end's diagnostics not yet printed
 * and the inputs it read.
 */
int cli_compile_built(const struct cli_args *args,
		      const struct diag_list *front, struct node *desc,
		      const char *display, const struct cli_explain *ex)
{
	bool want[DOC_COUNT];
	struct hcsc_options opt;
	struct hcsc_result *res;
	enum hcsc_rc rc;
	int status;

	if (ex && ex->n) {
		struct compile_input in;

		memset(&in, 0, sizeof(in));
		in.desc_root = desc;
		in.desc_display = display;
		in.default_target = "docker"; /* rule: front.default-target */
		cli_read_options(args, &opt);
		return cli_explain_compile(&in, front, &opt, ex->sel, ex->n,
					   false);
	}
	if (!select_docs(args, want))
		return HCSC_E_USAGE;
	cli_read_options(args, &opt);
	rc = api_compile_tree(desc, display, "docker", front, &opt, &res);
	if (!res)
		return cli_fail(HCSC_E_IO, "out of memory");
	cli_print_diags(front, args->given[OPT_VERBOSE]);
	cli_print_result_diags(res, args->given[OPT_VERBOSE]);
	if (rc != HCSC_OK)
		status = hcsc_result_error(res)
				 ? cli_fail_input(rc, hcsc_result_error(res))
				 : (int)rc;
	else
		status = fit_to_target(args, want, res);
	if (status == HCSC_OK)
		status = emit_results(args, front, want, res);
	hcsc_result_free(res);
	return status;
}
