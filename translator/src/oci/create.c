/*
 * create.c: what `docker create` does to a description before a container
 * exists, in moby's order (rules: oci.create.decode-checks, oci.create.config-checks, daemon/create.go
 * containerCreate/create): the create-request checks, verifyContainerSettings
 * with its warnings and mutations, ArgsEscaped forcing, the merge with the
 * image config, the command, the hostname default, the stored isolation and
 * the registered mount points. For `docker inspect` input the request
 * checks and validateContainerConfig are skipped and the resource warnings
 * are not shown (a start discards them), per rule: hcsc.input.docker-inspect.
 * rule: oci.create.image-merge
 */
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "oci.h"
#include "resources.h"
#include "sha.h"
#include "steps.h"
#include "target/target.h"

const char *oci_default_id(struct arena *a, const char *name,
			   const char *file)
{
	const char *x = "stdin";
	char hex[SHA256_HEX_LEN + 1];
	const char *in;

	if (name && *name == '/')
		name++;
	if (name && *name) {
		x = name;
	} else if (file && strcmp(file, "<stdin>")) {
		const char *base = file, *dot;

		for (const char *p = file; *p; p++)
			if (*p == '/' || *p == '\\')
				base = p + 1;
		dot = strrchr(base, '.');
		x = dot ? arena_strndup(a, base, (size_t)(dot - base)) : base;
	}
	in = arena_printf(a, "hcsc:%s", x);
	sha256_hex(in, strlen(in), hex);
	return arena_strdup(a, hex);
}

static struct ctr_int ctr_int(const struct v_int *v)
{
	struct ctr_int r = { v->v, v->pos };

	return r;
}

/* The container object as the API request describes it. */
static void init_container(struct oci_ctx *c, struct container *k)
{
	const struct desc *d = c->desc;
	const struct desc_config *cf = &d->config;
	const struct desc_host_config *h = &d->host_config;

	memset(k, 0, sizeof(*k));
	k->id = d->id.set ? d->id.v : oci_default_id(c->a, d->name.v, d->file);
	k->id_pos = oci_pos(c, d->id.pos, c->top);
	k->owner = d->owner.set ? d->owner.v : MOBY_OWNER;
	k->hostname = cf->hostname.v;
	k->hostname_pos = cf->hostname.pos;
	k->domainname = cf->domainname.v;
	k->user = cf->user.v;
	k->user_pos = cf->user.pos;
	k->working_dir = cf->working_dir.v;
	k->working_dir_pos = cf->working_dir.pos;
	k->tty = cf->tty.v;
	k->open_stdin = cf->open_stdin.v;
	k->args_escaped = cf->args_escaped.v;
	k->env = cf->env;
	k->cmd = cf->cmd;
	k->entrypoint = cf->entrypoint;
	k->network_mode = h->network_mode.v;
	k->network_mode_pos = oci_pos(c, h->network_mode.pos, h->hdr.pos);
	k->cpu_shares = ctr_int(&h->cpu_shares);
	k->cpu_percent = ctr_int(&h->cpu_percent);
	k->cpu_count = ctr_int(&h->cpu_count);
	k->nano_cpus = ctr_int(&h->nano_cpus);
	k->memory = ctr_int(&h->memory);
	k->io_maximum_iops = h->io_maximum_iops.v;
	k->io_maximum_bandwidth = h->io_maximum_bandwidth.v;
	k->io_pos = oci_pos(c, h->io_maximum_bandwidth.pos, h->io_maximum_iops.pos);
}

/* verifyContainerSettings at create (create requests) or start (inspect). */
static enum hcsc_rc verify_settings(struct oci_ctx *c, struct container *k)
{
	enum hcsc_rc rc = HCSC_OK;
	size_t warnings_from = c->d->nr;

	/* Inspect input: the create-time mutation still runs (rule: hcsc.input.docker-inspect). */
	if (!c->desc->inspect)
		rc = oci_check_container_config(c, k);
	else
		rc = oci_translate_working_dir(c, k, false);
	if (rc == HCSC_OK)
		rc = oci_check_host_config(c, k);
	if (rc == HCSC_OK)
		rc = oci_verify_resources(c, k);
	if (c->desc->inspect) /* a start discards these warnings */
		diag_drop_warnings_from(c->d, warnings_from);
	return rc;
}

enum hcsc_rc oci_create(struct oci_ctx *c, struct container *k);

enum hcsc_rc oci_create(struct oci_ctx *c, struct container *k)
{
	enum hcsc_rc rc = HCSC_OK;

	init_container(c, k);
	rc = oci_lcow_check(c, k);
	if (rc == HCSC_OK)
		rc = oci_era_fields(c, k);
	if (rc == HCSC_OK && !c->desc->inspect && c->t->oci != TARGET_OCI_MOBY_112)
		rc = oci_check_create_request(c);
	if (rc != HCSC_OK)
		return rc;
	/* The API router: "" and "default" mean the OS default network. */
	if (!*k->network_mode || !strcmp(k->network_mode, "default"))
		k->network_mode = "nat";
	oci_set_isolation(c, k);
	if (k->lcow)
		rc = oci_lcow_isolation(c, k);
	if (rc == HCSC_OK)
		rc = c->t->oci == TARGET_OCI_MOBY_112 ? oci_verify_112(c, k)
						       : verify_settings(c, k);
	if (rc != HCSC_OK)
		return rc;
	if (c->desc->image.config.args_escaped.v)
		k->args_escaped = true;
	oci_merge_env(c, k);
	rc = oci_merge_command(c, k);
	if (rc != HCSC_OK)
		return rc;
	if (!*k->hostname) {
		k->hostname = arena_strndup(c->a, k->id, 12);
		k->hostname_pos = k->id_pos;
	}
	rc = k->lcow ? oci_lcow_register_mounts(c, k) : oci_register_mounts(c, k);
	if (rc == HCSC_OK && !c->desc->inspect)
		oci_router_warnings(c);
	return rc;
}
