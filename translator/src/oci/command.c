/*
 * command.c: what the container runs and where. Mirrors moby
 * daemon/container.go translateWorkingDir, the Cmd/Entrypoint/WorkingDir/
 * User part of daemon/commit.go merge, daemon/create.go's empty-entrypoint
 * rule and `no command specified`, getEntrypointAndArgs, and
 * createSpecWindowsFields' cwd default and Args/CommandLine choice (with
 * x/sys/windows EscapeArg). rule: oci.command.merge.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "escape_arg.h"
#include "prov.h"
#include "steps.h"
#include "target/target.h"
#include "winpath.h"

/*
 * translateWorkingDir: FromSlash + Clean; at create a relative path is
 * moby's error. Inspect input was translated when it was created, so only
 * the (idempotent) mutation runs there (`check_abs` false). moby
 * 85ad4b16c1 (docker-19.03) did not Clean (rule: oci.moby-1903.workdir).
 */
enum hcsc_rc oci_translate_working_dir(struct oci_ctx *c, struct container *k,
				       bool check_abs)
{
	const struct v_str *wd = &c->desc->config.working_dir;
	char *p;

	if (!wd->set || !*wd->v)
		return HCSC_OK;
	p = oci_from_slash(c->a, wd->v);
	if (check_abs && !winpath_is_abs(p) && p[0] != '\\')
		return diag_error(c->d, wd->pos,
				  "the working directory '%s' is invalid, it needs "
				  "to be an absolute path",
				  wd->v);
	k->working_dir = c->t->oci == TARGET_OCI_MOBY_1903 ? p
							  : winpath_clean(c->a, p);
	k->working_dir_pos = wd->pos;
	return HCSC_OK;
}

static bool is_empty_entrypoint(const struct v_list *ep)
{
	return ep->n == 1 && ep->v[0][0] == '\0';
}

/*
 * merge(): an image Cmd and Entrypoint are taken only when the user gave no
 * Entrypoint; an explicit empty list keeps the image Entrypoint out.
 */
static void merge_cmd(struct oci_ctx *c, struct container *k)
{
	const struct desc_image_config *img = &c->desc->image.config;

	if (k->entrypoint.n == 0) {
		if (k->cmd.n == 0)
			k->cmd = img->cmd;
		if (!k->entrypoint.set)
			k->entrypoint = img->entrypoint;
	}
	if (!*k->working_dir && img->working_dir.set) {
		k->working_dir = img->working_dir.v;
		k->working_dir_pos = img->working_dir.pos;
	}
	if (!*k->user && img->user.set) {
		k->user = img->user.v;
		k->user_pos = img->user.pos;
	}
}

enum hcsc_rc oci_merge_command(struct oci_ctx *c, struct container *k)
{
	const struct v_list *from;

	merge_cmd(c, k);
	if (is_empty_entrypoint(&k->entrypoint)) {
		k->entrypoint.set = false;
		k->entrypoint.n = 0;
	}
	if (k->entrypoint.n == 0 && k->cmd.n == 0)
		return diag_error(c->d, oci_pos(c, c->desc->config.hdr.pos, c->top),
				  "no command specified");
	/* getEntrypointAndArgs */
	from = k->entrypoint.n ? &k->entrypoint : &k->cmd;
	k->path = from->v[0];
	k->cmd_pos = from->item_pos[0];
	if (k->entrypoint.n) {
		k->nargs = k->entrypoint.n - 1 + k->cmd.n;
		k->args = arena_array(c->a, k->nargs, sizeof(char *));
		memcpy(k->args, k->entrypoint.v + 1,
		       (k->entrypoint.n - 1) * sizeof(char *));
		if (k->cmd.n)
			memcpy(k->args + k->entrypoint.n - 1, k->cmd.v,
			       k->cmd.n * sizeof(char *));
	} else {
		k->nargs = k->cmd.n - 1;
		k->args = (const char **)k->cmd.v + 1;
	}
	return HCSC_OK;
}

void oci_spec_args(struct oci_ctx *c, const struct container *k,
		   struct oci_spec *s)
{
	struct str_list *a = &s->process.args;

	a->set = true;
	a->n = k->nargs + 1;
	a->v = arena_array(c->a, k->nargs + 1, sizeof(char *));
	a->v[0] = k->path;
	memcpy(a->v + 1, k->args, k->nargs * sizeof(char *));
}

char *oci_from_slash(struct arena *a, const char *path)
{
	char *p = arena_strdup(a, path);

	for (char *q = p; *q; q++)
		if (*q == '/')
			*q = '\\';
	return p;
}

/*
 * moby 85ad4b16c1 (docker-19.03) and da92dad (docker-1.12): Args =
 * [Path] + Args, each element escaped with EscapeArg unless ArgsEscaped
 * (then as given); never a commandLine. The runtime joins them with
 * spaces. rule: oci.moby-1903.spec
 */
static void set_command_1903(struct oci_ctx *c, const struct container *k,
			     struct oci_spec *s)
{
	struct str_list *a = &s->process.args;

	oci_spec_args(c, k, s);
	if (k->args_escaped)
		return;
	for (size_t i = 0; i < a->n; i++)
		a->v[i] = escape_arg(c->a, a->v[i]);
}

/*
 * master (the 2023 text): with ArgsEscaped the command line is Path and the
 * escaped Args joined; otherwise Args as given (the runtime escapes).
 */
static void explain_command(struct oci_ctx *c, const struct container *k,
			    struct oci_spec *s, const char *rule)
{
	struct prov *p = prov_new(c->px, rule);

	prov_src(p, PROV_INPUT, "Config.Entrypoint + Config.Cmd (or the image's)",
		 k->cmd_pos);
	if (k->args_escaped)
		prov_src(p, PROV_INPUT, "Config.ArgsEscaped",
			 c->desc->config.args_escaped.pos);
	prov_put(c->px, &s->process.args, p);
	prov_put(c->px, &s->process.command_line, p);
}

void oci_set_command(struct oci_ctx *c, const struct container *k,
		     struct oci_spec *s)
{
	if (!*s->process.cwd) {
		s->process.cwd = "C:\\";
		prov_put(c->px, &s->process.cwd,
			 prov_fact(prov_new(c->px, "oci.workdir"), PROV_DEFAULT,
				   "C:\\ when no working directory is given"));
	}
	if (c->t->oci != TARGET_OCI_MOBY_MASTER) {
		explain_command(c, k, s, "oci.moby-1903.spec");
		set_command_1903(c, k, s); /* da92dad did the same */
		return;
	}
	explain_command(c, k, s, k->args_escaped ? "oci.command.args-escaped"
						 : "oci.command.merge");
	if (k->args_escaped) {
		s->process.command_line = k->path;
		if (k->nargs > 0)
			s->process.command_line = arena_printf(
				c->a, "%s %s", k->path,
				escape_args(c->a, k->args, k->nargs));
		return;
	}
	s->process.args.set = true;
	s->process.args.n = k->nargs + 1;
	s->process.args.v = arena_array(c->a, k->nargs + 1, sizeof(char *));
	s->process.args.v[0] = k->path;
	memcpy(s->process.args.v + 1, k->args, k->nargs * sizeof(char *));
}
