/*
 * cmd_run.c: `hcsc run [options] -- [docker run flags] IMAGE [COMMAND]`:
 * the description `docker run` would send (front/run.h), printed as YAML
 * with --print-description, else compiled as `compile` does under the
 * `docker` target by default (rule: front.default-target).
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "diag.h"
#include "front/image.h"
#include "front/run.h"
#include "front/tree.h"
#include "options.h"
#include "strbuf.h"

#define MAX_CLIENT_ENV 4096

/* Every --client-env value must be KEY=VALUE. */
static bool check_env(const struct client_env *e, const char *opt)
{
	for (size_t i = 0; i < e->n; i++) {
		const char *eq = strchr(e->kv[i], '=');

		if (!eq || eq == e->kv[i]) {
			cli_usage_error("hcsc: %s takes KEY=VALUE, not '%s'", opt,
					e->kv[i]);
			return false;
		}
	}
	return true;
}

static int print_description(const struct node *root)
{
	struct strbuf sb = STRBUF_INIT;

	tree_print_yaml(&sb, root);
	fwrite(sb.buf, 1, sb.len, stdout);
	strbuf_release(&sb);
	return fflush(stdout) ? cli_fail(HCSC_E_IO, "cannot write to standard "
						    "output")
			      : HCSC_OK;
}

static int run(const struct cli_args *args, struct arena *a,
	       struct diag_list *d, struct front_run_opts *o,
	       const struct cli_explain *ex)
{
	struct node *desc = NULL;
	const char *err = NULL;
	enum hcsc_rc rc = HCSC_OK;

	if (args->value[OPT_IMAGE_INSPECT])
		rc = image_inspect_load(a, d, args->value[OPT_IMAGE_INSPECT],
					&o->image_config, &err);
	if (o->image_config)
		o->image_config_pos = o->image_config->pos;
	if (rc == HCSC_OK)
		rc = front_run(a, d, o, &desc, &err);
	if (rc != HCSC_OK || args->given[OPT_PRINT_DESC]) {
		cli_print_diags(d, args->given[OPT_VERBOSE]);
		if (rc != HCSC_OK)
			return err ? cli_fail_input(rc, err) : (int)rc;
		return print_description(desc);
	}
	return cli_compile_built(args, d, desc, "docker run", ex);
}

int cmd_run(int argc, char **argv)
{
	struct cli_args args;
	struct front_run_opts o;
	struct cli_explain ex;
	struct client_env env;
	struct diag_list d;
	struct arena *a;
	int dash = 0, status;

	while (dash < argc && strcmp(argv[dash], "--"))
		dash++;
	if (dash == argc)
		return cli_fail(HCSC_E_USAGE, "run: put the docker run flags after "
					      "-- (hcsc run [options] -- [docker "
					      "run flags] IMAGE [COMMAND])");
	if (!cli_parse("run", dash, argv, &args))
		return HCSC_E_USAGE;
	if (cli_diag_setup("run", dash, argv, &args) != HCSC_OK)
		return HCSC_E_USAGE;
	if (args.npos)
		return cli_fail(HCSC_E_USAGE, "run: '%s' goes after -- (the docker "
					      "run words)",
				args.pos[0]);
	a = arena_new();
	env.kv = arena_array(a, MAX_CLIENT_ENV, sizeof(char *));
	env.n = cli_values("run", dash, argv, OPT_CLIENT_ENV, env.kv,
			   MAX_CLIENT_ENV);
	if (!check_env(&env, "--client-env")) {
		arena_free(a);
		return HCSC_E_USAGE;
	}
	memset(&o, 0, sizeof(o));
	o.argc = argc - dash - 1;
	o.argv = argv + dash + 1;
	o.base = dash + 3; /* hcsc run OPTIONS -- : argv[0], argv[1], then these */
	o.env = &env;
	o.client_cwd = args.value[OPT_CLIENT_CWD];
	ex.sel = arena_array(a, MAX_CLIENT_ENV, sizeof(char *));
	ex.n = cli_values("run", dash, argv, OPT_EXPLAIN, ex.sel, MAX_CLIENT_ENV);
	diag_list_init(&d, a, args.given[OPT_STRICT]);
	d.max_errors = cli_diag_max_errors();
	status = run(&args, a, &d, &o, &ex);
	diag_list_release(&d);
	arena_free(a);
	return status;
}
