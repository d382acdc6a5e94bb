/*
 * era.c: what the era targets' engines did not know or checked
 * differently at create (rules: hcsc.era.unknown-fields,
 * oci.moby-112.create-checks):
 *   - a field the engine's vendored Engine API types lack was dropped by
 *     its JSON decoder: hcsc ignores it too, with one warning naming the
 *     field and the moby release that added it (--strict: an error); a
 *     zero value says nothing;
 *   - docker-1.12 (moby da92dad): verifyContainerSettings and its Windows
 *     verifyContainerResources, with that commit's texts.
 */
#include <inttypes.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "model/host.h"
#include "prov.h"
#include "steps.h"
#include "target/target.h"
#include "winpath.h"

/* A field given (non-zero) that an era's engine did not decode.
 * rule: hcsc.era.unknown-fields */
static enum hcsc_rc unknown_field(struct oci_ctx *c, bool given,
				  struct hcsc_pos pos, const char *field,
				  const char *added)
{
	if (!given)
		return HCSC_OK;
	return diag_strict_warning(c->d, DC_ERA, oci_pos(c, pos, c->top),
				   "'%s' is ignored: target %s models a moby "
				   "that did not know it (added in moby %s)",
				   field, c->t->name, added);
}

enum hcsc_rc oci_era_fields(struct oci_ctx *c, struct container *k)
{
	const struct desc_host_config *h = &c->desc->host_config;
	enum hcsc_rc rc = HCSC_OK;

	if (c->t->oci == TARGET_OCI_MOBY_MASTER)
		return HCSC_OK;
	/* HostConfig.Annotations: Engine API 1.43, moby 24.0. */
	rc = unknown_field(c, h->annotations.n > 0, h->annotations.pos,
			   "HostConfig.Annotations", "24.0");
	k->era_no_annotations = true;
	if (rc != HCSC_OK || c->t->oci != TARGET_OCI_MOBY_112)
		return rc;
	/* Engine API 1.25, moby 1.13.0: the fields 1.12's types lack. */
	rc = unknown_field(c, h->mounts.n > 0, h->mounts.pos,
			   "HostConfig.Mounts", "1.13.0");
	if (rc == HCSC_OK)
		rc = unknown_field(c, h->nano_cpus.v != 0, h->nano_cpus.pos,
				   "HostConfig.NanoCpus", "1.13.0");
	if (rc == HCSC_OK)
		rc = unknown_field(c, h->init.set && h->init.v, h->init.pos,
				   "HostConfig.Init", "1.13.0");
	k->era_no_mounts = true;
	k->nano_cpus.v = 0;
	return rc;
}

/* ---- docker-1.12: verifyContainerSettings (moby da92dad) --------------- */
/* rule: oci.moby-112.create-checks */

/* FromSlash, then system.IsAbs (drive-absolute, or rooted at `\`). */
static enum hcsc_rc working_dir_112(struct oci_ctx *c, struct container *k)
{
	const struct v_str *wd = &c->desc->config.working_dir;
	char *p;

	if (!wd->set || !*wd->v)
		return HCSC_OK;
	p = oci_from_slash(c->a, wd->v);
	if (!winpath_is_abs(p) && p[0] != '\\')
		return diag_error(c->d, wd->pos,
				  "The working directory '%s' is invalid. It needs "
				  "to be an absolute path",
				  p);
	k->working_dir = p;
	k->working_dir_pos = wd->pos;
	return HCSC_OK;
}

/* verifyContainerResources of that commit: CPU percent only. */
static enum hcsc_rc resources_112(struct oci_ctx *c, const struct container *k)
{
	if (k->cpu_percent.v < 0 || k->cpu_percent.v > 100)
		return diag_error(c->d, k->cpu_percent.pos,
				  "Range of CPU percent is from 1 to 100");
	if (k->cpu_percent.v > 0 && k->cpu_shares.v > 0)
		return diag_error(c->d, k->cpu_percent.pos,
				  "Conflicting options: CPU Shares and CPU Percent "
				  "cannot both be set");
	return HCSC_OK;
}

enum hcsc_rc oci_verify_112(struct oci_ctx *c, struct container *k)
{
	enum hcsc_rc rc = working_dir_112(c, k);

	if (rc == HCSC_OK)
		rc = oci_check_stop_signal(c);
	if (rc == HCSC_OK)
		rc = resources_112(c, k);
	return rc;
}

/* ---- docker-1.12: createSpec (moby da92dad daemon/oci_windows.go) ------ */
/* rule: oci.moby-112.spec */

/*
 * The utility VM of a Hyper-V container: the base layer's UtilityVM
 * (Runtime.UtilityVMPath when given); with Filesystem facts it must
 * exist. rule: oci.moby-112.hyperv-utility-vm
 */
static enum hcsc_rc hv_runtime_112(struct oci_ctx *c, const struct container *k,
				   struct oci_spec *s)
{
	const struct str_list *lf = &s->windows.layer_folders;
	const char *parts[2] = { NULL, "UtilityVM" };
	const struct v_str *given = &c->desc->runtime.utility_vm_path;

	if (!k->hyperv)
		return HCSC_OK;
	s->windows.has_hyperv = true;
	s->windows.hyperv_pos = k->isolation_pos;
	if (given->set) {
		s->w112.hv_image = given->v;
		return HCSC_OK;
	}
	parts[0] = lf->v[lf->n > 1 ? lf->n - 2 : 0];
	s->w112.hv_image = winpath_join(c->a, parts, 2);
	if (host_fs_stat(c->a, &c->host->fs, s->w112.hv_image) == HOST_FS_MISSING)
		return diag_error(c->d, s->windows.layers_pos,
				  "container image does not contain a utility VM");
	return HCSC_OK;
}

/* What explain shows for the values only this createSpec sets. */
static void explain_112(struct oci_ctx *c, const struct container *k,
			struct oci_spec *s)
{
	const struct desc_host_config *h = &c->desc->host_config;
	const struct desc_config *cf = &c->desc->config;
	const char *r = "oci.moby-112.spec";

	prov_put_input(c->px, &s->hostname, r, "Config.Hostname", k->hostname_pos);
	if (*k->working_dir)
		prov_put_input(c->px, &s->process.cwd, r, "Config.WorkingDir",
			       k->working_dir_pos);
	prov_put_input(c->px, &s->process.terminal, r, "Config.Tty", cf->tty.pos);
	prov_put_input(c->px, &s->process.username, r, "Config.User", k->user_pos);
	prov_put_input(c->px, &s->process.env, r, "Config.Env", cf->env.pos);
	prov_put_input(c->px, &s->w112.console, r, "HostConfig.ConsoleSize",
		       h->console_size.pos);
	prov_put_input(c->px, &s->root.readonly, r, "HostConfig.ReadonlyRootfs",
		       h->readonly_rootfs.pos);
	prov_put_input(c->px, &s->windows.ignore_flushes_during_boot, r,
		       "Runtime.StartedBefore", c->desc->runtime.started_before.pos);
	prov_put_input(c->px, &s->w112.cpu_percent, r, "HostConfig.CpuPercent",
		       k->cpu_percent.pos);
	prov_put_input(c->px, &s->w112.cpu_shares, r, "HostConfig.CpuShares",
		       k->cpu_shares.pos);
	prov_put_input(c->px, &s->w112.hv_image, "oci.moby-112.hyperv-utility-vm",
		       "Runtime.UtilityVMPath (else the base layer's UtilityVM)",
		       c->desc->runtime.utility_vm_path.pos);
}

enum hcsc_rc oci_create_spec_112(struct oci_ctx *c, const struct container *k,
				 struct oci_spec *s)
{
	const struct desc_host_config *h = &c->desc->host_config;
	enum hcsc_rc rc = oci_set_mounts(c, k, s);

	s->windowsoci = true;
	if (rc != HCSC_OK)
		return rc;
	s->hostname = k->domainname && *k->domainname
			      ? arena_printf(c->a, "%s.%s", k->hostname, k->domainname)
			      : k->hostname;
	s->hostname_pos = k->hostname_pos;
	s->has_process = true;
	s->process.cwd = k->working_dir;
	s->process.terminal = k->tty;
	s->process.username = k->user;
	/* CreateDaemonEnvironment: Config.Env as it is */
	s->process.env.v = k->env.v;
	s->process.env.n = k->env.n;
	s->process.env.set = k->env.n > 0;
	s->process.pos = oci_pos(c, k->cmd_pos, c->desc->config.hdr.pos);
	s->w112.console[0] = (int64_t)h->console_size.height;
	s->w112.console[1] = (int64_t)h->console_size.width;
	oci_set_command(c, k, s);
	rc = oci_set_root(c, k, s);
	if (rc != HCSC_OK)
		return rc;
	/* BaseFS as the windowsfilter driver returned it: no final `\`. */
	if (*s->root.path)
		s->root.path = arena_strndup(c->a, s->root.path,
					     strlen(s->root.path) - 1);
	s->root.readonly = h->readonly_rootfs.set && h->readonly_rootfs.v;
	s->windows.ignore_flushes_during_boot = !c->desc->runtime.started_before.v;
	rc = oci_set_layer_folders(c, k, s);
	if (rc == HCSC_OK)
		rc = hv_runtime_112(c, k, s);
	if (rc != HCSC_OK)
		return rc;
	oci_set_network(c, k, s);
	s->w112.cpu_percent = k->cpu_percent.v;
	s->w112.cpu_shares = (uint64_t)k->cpu_shares.v;
	if (c->px)
		explain_112(c, k, s);
	return HCSC_OK;
}
