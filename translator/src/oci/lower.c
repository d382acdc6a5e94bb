/*
 * lower.c: the OCI stage's entry point. After create (create.c), the start
 * steps (joining a shared network namespace) and then createSpec /
 * createSpecWindowsFields in the seed's order (rule: oci.spec.windows-fields-order):
 * default spec, annotations, mounts, Hyper-V, process fields, layer
 * folders, network, hostname, cwd default, command, root, first-boot flag,
 * resources, credential spec, devices.
 * rules: oci.spec.defaults, oci.spec.annotations, oci.spec.ignore-flushes,
 *   oci.hostname, oci.workdir, oci.process.user-terminal
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "model/desc.h"
#include "model/host.h"
#include "oci.h"
#include "prov.h"
#include "resources.h"
#include "steps.h"
#include "target/target.h"

enum hcsc_rc oci_create(struct oci_ctx *c, struct container *k);

struct hcsc_pos oci_pos(const struct oci_ctx *c, struct hcsc_pos p,
			struct hcsc_pos parent)
{
	return pos_or(p, pos_or(parent, c->top));
}

/* Which node gave a merged value: the description's `given`, else the image's. */
static const char *merged_from(struct hcsc_pos got, const struct v_str *given,
			       const char *key, const char *image_key)
{
	return given->set && got.line == given->pos.line &&
		       got.col == given->pos.col
		       ? key
		       : image_key;
}

static void set_annotations(struct oci_ctx *c, struct oci_spec *s)
{
	const struct v_map *an = &c->desc->host_config.annotations;

	s->annotations = arena_array(c->a, an->n, sizeof(struct kv));
	for (size_t i = 0; i < an->n; i++) {
		s->annotations[i].key = an->keys[i];
		s->annotations[i].value = an->vals[i];
		prov_put_input(c->px, &s->annotations[i].value,
			       "oci.spec.annotations", "HostConfig.Annotations",
			       an->key_pos[i]);
	}
	s->nannotations = an->n;
}

static void explain_process(struct oci_ctx *c, const struct container *k,
			    struct oci_spec *s)
{
	const struct desc_config *cf = &c->desc->config;
	struct prov *p;

	p = prov_put_input(c->px, &s->process.cwd, "oci.workdir",
			   merged_from(k->working_dir_pos, &cf->working_dir,
				       "Config.WorkingDir",
				       "Image.Config.WorkingDir"),
			   k->working_dir_pos);
	if (!*k->working_dir)
		prov_fact(p, PROV_DEFAULT, "no working directory given");
	prov_put_input(c->px, &s->process.username, "oci.process.user-terminal",
		       merged_from(k->user_pos, &cf->user, "Config.User",
				   "Image.Config.User"),
		       k->user_pos);
	prov_put_input(c->px, &s->process.terminal, "oci.process.user-terminal",
		       "Config.Tty", cf->tty.pos);
	prov_put_input(c->px, &s->process.console_height,
		       "oci.process.user-terminal", "HostConfig.ConsoleSize[0]",
		       c->desc->host_config.console_size.pos);
	prov_put_input(c->px, &s->process.console_width,
		       "oci.process.user-terminal", "HostConfig.ConsoleSize[1]",
		       c->desc->host_config.console_size.pos);
	p = prov_fact(prov_new(c->px, "oci.spec.defaults"), PROV_DEFAULT,
		      "moby's default spec: uid and gid 0 on Windows");
	prov_put(c->px, &s->process.uid, p);
	prov_put(c->px, &s->process.gid, p);
	p = prov_put_input(c->px, &s->process.env, "oci.env.merge", "Config.Env",
			   cf->env.pos);
	prov_src(p, PROV_INPUT, "Image.Config.Env",
		 c->desc->image.config.env.pos);
}

static void set_process(struct oci_ctx *c, const struct container *k,
			struct oci_spec *s)
{
	const struct v_console *cs = &c->desc->host_config.console_size;

	s->has_process = true;
	s->process.cwd = k->working_dir;
	s->process.env = oci_process_env(c, k);
	s->process.terminal = k->tty;
	if (k->tty) {
		s->process.has_console_size = true;
		s->process.console_height = cs->height;
		s->process.console_width = cs->width;
	}
	s->process.username = k->user;
	s->process.pos = oci_pos(c, k->cmd_pos, c->desc->config.hdr.pos);
	if (c->px)
		explain_process(c, k, s);
}

static const char *full_hostname(struct oci_ctx *c, const struct container *k)
{
	if (!*k->domainname)
		return k->hostname;
	return arena_printf(c->a, "%s.%s", k->hostname, k->domainname);
}

static void explain_hostname(struct oci_ctx *c, const struct container *k,
			     struct oci_spec *s)
{
	const struct desc_config *cf = &c->desc->config;
	struct prov *p = prov_new(c->px, "oci.hostname");

	if (cf->hostname.set && *cf->hostname.v)
		prov_src(p, PROV_INPUT, "Config.Hostname", k->hostname_pos);
	else
		prov_src(prov_fact(p, PROV_DEFAULT,
				   "the container ID's first 12 characters"),
			 PROV_INPUT, "Id", k->id_pos);
	if (*k->domainname) {
		prov_src(p, PROV_INPUT, "Config.Domainname", cf->domainname.pos);
		prov_math(c->px, p, "%s + \".\" + %s", k->hostname,
			  k->domainname);
	}
	prov_put(c->px, &s->hostname, p);
}

/*
 * createSpec's part common to every image OS: mounts, Hyper-V, the
 * process fields, layer folders, network and hostname.
 */
static enum hcsc_rc common_fields(struct oci_ctx *c, const struct container *k,
				  struct oci_spec *s)
{
	enum hcsc_rc rc = oci_set_mounts(c, k, s);

	if (rc != HCSC_OK)
		return rc;
	if (k->hyperv) {
		s->windows.has_hyperv = true;
		s->windows.utility_vm_path = "";
		s->windows.hyperv_pos = k->isolation_pos;
		prov_put_input(c->px, &s->windows.has_hyperv,
			       "oci.isolation.default", "HostConfig.Isolation",
			       k->isolation_pos);
	}
	set_process(c, k, s);
	rc = oci_set_layer_folders(c, k, s);
	if (rc != HCSC_OK)
		return rc;
	oci_set_network(c, k, s);
	s->hostname = full_hostname(c, k);
	s->hostname_pos = k->hostname_pos;
	explain_hostname(c, k, s);
	return HCSC_OK;
}

static enum hcsc_rc create_spec(struct oci_ctx *c, const struct container *k,
				struct oci_spec *s)
{
	enum hcsc_rc rc;

	s->oci_version = c->t->oci_version;
	prov_put(c->px, &s->oci_version,
		 prov_fact(prov_new(c->px, "oci.spec.defaults"), PROV_TARGET,
			   "the runtime-spec version of the target's moby"));
	s->pos = c->top;
	s->has_windows = true;
	s->windows.pos = c->top;
	if (c->t->oci == TARGET_OCI_MOBY_112)
		return oci_create_spec_112(c, k, s);
	if (!k->era_no_annotations && !k->lcow)
		set_annotations(c, s);
	rc = common_fields(c, k, s);
	if (rc != HCSC_OK)
		return rc;
	/* a Linux image: moby 85ad4b16c1's createSpecLinuxFields (LCOW) */
	if (k->lcow)
		return oci_lcow_spec_fields(c, k, s);
	/* createSpecWindowsFields */
	oci_set_command(c, k, s);
	rc = oci_set_root(c, k, s);
	if (rc != HCSC_OK)
		return rc;
	s->windows.ignore_flushes_during_boot =
		!c->desc->runtime.started_before.v;
	prov_put_input(c->px, &s->windows.ignore_flushes_during_boot,
		       "oci.spec.ignore-flushes", "Runtime.StartedBefore",
		       c->desc->runtime.started_before.pos);
	oci_set_resources(c, k, s);
	rc = oci_set_credential_spec(c, k, s);
	if (rc == HCSC_OK)
		rc = oci_set_devices(c, k, s);
	return rc;
}

enum hcsc_rc oci_lower(struct arena *a, struct diag_list *d,
		       const struct desc *desc, const struct host_profile *host,
		       const struct target *t, struct prov_tab *px,
		       struct oci_spec *spec, struct oci_result *res)
{
	/* rule: hcsc.diag.format last fallbacks: the description's root node, else 1:1. */
	struct oci_ctx c = { a, d, desc, host,
			     pos_or(desc->hdr.pos, pos_make(desc->file, 1, 1)),
			     t, px };
	struct container k;
	enum hcsc_rc rc;

	memset(spec, 0, sizeof(*spec));
	rc = oci_create(&c, &k);
	if (rc == HCSC_OK)
		rc = oci_join_network(&c, &k);
	if (rc == HCSC_OK)
		rc = create_spec(&c, &k, spec);
	res->id = k.id;
	res->owner = k.owner;
	res->open_stdin = k.open_stdin;
	return rc;
}
