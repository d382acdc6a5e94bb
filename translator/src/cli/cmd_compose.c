/*
 * cmd_compose.c: `hcsc compose FILE [SERVICE...]`: each service of a
 * Compose file as the description docker compose would send
 * (front/compose.h), printed as YAML with --print-description, else
 * compiled as `compile` does under the `docker` target by default
 * (rule: front.default-target); with -o DIR each service goes to DIR/<service>/.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "diag.h"
#include "front/compose.h"
#include "front/image.h"
#include "front/tree.h"
#include "options.h"
#include "strbuf.h"

#define MAX_VALUES 4096

/* --image-inspect [SERVICE=]FILE for `service`: the last that names it,
 * else the last without a service. */
static const char *inspect_for(const char **v, unsigned n, const char *service)
{
	const char *any = NULL, *mine = NULL;

	for (unsigned i = 0; i < n; i++) {
		const char *eq = strchr(v[i], '=');

		if (!eq)
			any = v[i];
		else if (strlen(service) == (size_t)(eq - v[i]) &&
			 !strncmp(v[i], service, (size_t)(eq - v[i])))
			mine = eq + 1;
	}
	return mine ? mine : any;
}

/* Attach the image config (or say it is unknown) to one description. */
static enum hcsc_rc image_config(struct arena *a, struct diag_list *d,
				 const char *file, struct compose_service *s,
				 const char **err)
{
	struct node *cfg = NULL, *img;
	const struct node *name;
	enum hcsc_rc rc;

	if (!file) {
		name = node_get(node_get(s->desc, "Config"), "Image");
		diag_warning(d, DC_IMAGE, s->desc->pos, "service %s: the image's own config is "
					      "unknown (its Cmd, Entrypoint, Env, "
					      "WorkingDir, User and Volumes are not "
					      "merged): give 'docker image inspect "
					      "%s' output with --image-inspect "
					      "%s=FILE",
			     s->name, name ? name->text : "IMAGE", s->name);
		return HCSC_OK;
	}
	rc = image_inspect_load(a, d, file, &cfg, err);
	if (rc != HCSC_OK)
		return rc;
	img = tree_map(a, cfg->pos);
	tree_put(a, img, "Config", cfg);
	tree_put(a, s->desc, "Image", img);
	return HCSC_OK;
}

static int print_description(const struct compose_service *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "# service %s\n", s->name);
	tree_print_yaml(&sb, s->desc);
	fwrite(sb.buf, 1, sb.len, stdout);
	strbuf_release(&sb);
	return fflush(stdout) ? cli_fail(HCSC_E_IO, "cannot write to standard "
						    "output")
			      : HCSC_OK;
}

/* Compile one service: its own diagnostics, printed in order, with
 * source lines from the files `loaded` (whose diagnostics are printed)
 * read. */
static int compile_service(const struct cli_args *args, struct arena *a,
			   const struct diag_list *loaded,
			   const struct compose_service *s,
			   const struct cli_explain *ex)
{
	struct cli_args one = *args;
	struct diag_list files; /* no diagnostics: `loaded`'s inputs */
	int status;

	if (args->value[OPT_OUTPUT])
		one.value[OPT_OUTPUT] = arena_printf(a, "%s/%s",
						     args->value[OPT_OUTPUT], s->name);
	diag_list_init(&files, a, false);
	diag_share_sources(&files, loaded);
	status = cli_compile_built(&one, &files, s->desc, args->pos[0], ex);
	diag_list_release(&files);
	return status;
}

/*
 * -o DIR writes a service to DIR/<service>/: a name that is no single
 * folder name ("", ".", "..", a separator) would put its documents over
 * DIR's own or outside DIR (rule: hcsc.cli.output). All are checked
 * before any service is written.
 */
static int check_folder_names(const struct cli_args *args,
			      const struct compose_project *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *n = p->services[i].name;

		if (*n && strcmp(n, ".") && strcmp(n, "..") &&
		    !strpbrk(n, "/\\"))
			continue;
		return cli_fail(HCSC_E_USAGE, "compose -o: service '%s' is not "
					      "a folder name (it would be "
					      "written outside '%s/<service>/'); "
					      "rename it, or name the other "
					      "services",
				n, args->value[OPT_OUTPUT]);
	}
	return HCSC_OK;
}

/*
 * No service's documents may replace a file the command reads (the
 * Compose file, .env, env_file, --image-inspect, --host: rule:
 * hcsc.cli.output); all are checked before any service is written.
 */
static int check_inputs(const struct cli_args *args, struct arena *a,
			const struct diag_list *loaded,
			const struct compose_project *p)
{
	int status = HCSC_OK;

	for (size_t i = 0; i < p->n && status == HCSC_OK; i++) {
		const char *dir = arena_printf(a, "%s/%s", args->value[OPT_OUTPUT],
					       p->services[i].name);

		for (int d = 0; d < HCSC_DOC_COUNT && status == HCSC_OK; d++)
			status = cli_refuse_input(
				args, loaded, dir,
				arena_printf(a, "%s/%s", dir,
					     hcsc_doc_file((enum hcsc_doc)d)));
	}
	return status;
}

static int run(const struct cli_args *args, struct arena *a, int argc,
	       char **argv)
{
	struct compose_opts o;
	struct cli_explain ex;
	struct compose_project p;
	struct client_env env;
	struct diag_list d;
	const char *insp[MAX_VALUES], *err = NULL;
	unsigned ninsp = cli_values("compose", argc, argv, OPT_IMAGE_INSPECT,
				    insp, MAX_VALUES);
	enum hcsc_rc rc;
	int status = HCSC_OK;
	bool failed;

	memset(&o, 0, sizeof(o));
	env.kv = arena_array(a, MAX_VALUES, sizeof(char *));
	env.n = cli_values("compose", argc, argv, OPT_ENV, env.kv, MAX_VALUES);
	for (size_t i = 0; i < env.n; i++)
		if (!strchr(env.kv[i], '=') || env.kv[i][0] == '=')
			return cli_fail(HCSC_E_USAGE, "--env takes KEY=VALUE, not '%s'",
					env.kv[i]);
	o.path = args->pos[0];
	o.env = &env;
	o.project_dir = args->value[OPT_PROJECT_DIR];
	o.services = (const char **)args->pos + 1;
	o.nservices = args->npos - 1;
	diag_list_init(&d, a, args->given[OPT_STRICT]);
	d.max_errors = cli_diag_max_errors();
	rc = compose_load(a, &d, &o, &p, &err);
	for (size_t i = 0; rc == HCSC_OK && i < p.n; i++)
		rc = image_config(a, &d, inspect_for(insp, ninsp, p.services[i].name),
				  &p.services[i], &err);
	cli_print_diags(&d, args->given[OPT_VERBOSE]);
	ex.sel = arena_array(a, MAX_VALUES, sizeof(char *));
	ex.n = cli_values("compose", argc, argv, OPT_EXPLAIN, ex.sel, MAX_VALUES);
	if (rc != HCSC_OK)
		status = err ? cli_fail_input(rc, err) : (int)rc;
	else if (ex.n && p.n > 1)
		status = cli_fail(HCSC_E_USAGE, "compose: --explain tells about "
						"one service; name it (hcsc "
						"compose FILE SERVICE --explain "
						"POINTER)");
	else if (!args->value[OPT_OUTPUT] && p.n > 1 && !args->given[OPT_PRINT_DESC])
		status = cli_fail(HCSC_E_USAGE, "compose: %llu services and no "
						"-o DIR; name one SERVICE or "
						"write each to DIR/<service>/ "
						"with -o",
				  (unsigned long long)p.n);
	else if (args->value[OPT_OUTPUT] && !args->given[OPT_PRINT_DESC])
		status = check_folder_names(args, &p);
	if (status == HCSC_OK && args->value[OPT_OUTPUT] &&
	    !args->given[OPT_PRINT_DESC] && rc == HCSC_OK)
		status = check_inputs(args, a, &d, &p);
	failed = status != HCSC_OK;
	for (size_t i = 0; rc == HCSC_OK && !failed && i < p.n; i++) {
		int one = args->given[OPT_PRINT_DESC]
				  ? print_description(&p.services[i])
				  : compile_service(args, a, &d, &p.services[i], &ex);

		status = status ? status : one;
	}
	diag_list_release(&d);
	return status;
}

int cmd_compose(int argc, char **argv)
{
	struct cli_args args;
	struct arena *a;
	int status;

	if (!cli_parse("compose", argc, argv, &args))
		return HCSC_E_USAGE;
	if (cli_diag_setup("compose", argc, argv, &args) != HCSC_OK)
		return HCSC_E_USAGE;
	if (!args.npos)
		return cli_fail(HCSC_E_USAGE, "compose takes a Compose file (hcsc "
					      "compose FILE [SERVICE...])");
	a = arena_new();
	status = run(&args, a, argc, argv);
	arena_free(a);
	return status;
}
