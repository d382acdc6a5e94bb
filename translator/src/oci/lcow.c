/*
 * lcow.c: Linux containers on Windows (LCOW), the path moby had until
 * 2021 and target docker-19.03 models (moby 85ad4b16c1):
 *   - a Linux image (Image.Os: linux) must run Hyper-V isolated
 *     (daemon/create_windows.go createContainerOSSpecificSettings);
 *   - -v binds are parsed by the LCOW parser: a Windows host path and an
 *     absolute Linux destination (volume/mounts/lcow_parser.go);
 *   - createSpec starts from oci.DefaultLinuxSpec (capabilities, seven
 *     mounts, masked and read-only paths, namespaces, device rules), adds
 *     the common fields, then createSpecLinuxFields (cwd `/`, root
 *     `rootfs`, resources as for Hyper-V, capabilities, device cgroup
 *     rules); binds become `bind` mounts with `rbind` and `uvmpath`;
 *   - the environment starts from PATH, HOSTNAME (and TERM with a tty),
 *     as CreateDaemonEnvironment did for a Linux image.
 * Targets without an LCOW path refuse a Linux image, naming the one that
 * has it.
 * rules: oci.lcow.image-os, oci.lcow.binds, oci.lcow.spec
 */
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "golower.h"
#include "model/host.h"
#include "prov.h"
#include "resources.h"
#include "steps.h"
#include "target/target.h"

#define LINUX_PATH_ENV "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

static const char *const default_caps[] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
	"CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID",
	"CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
	"CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
};
static const char *const masked_paths[] = {
	"/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
	"/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
	"/proc/sched_debug", "/proc/scsi", "/sys/firmware",
};
static const char *const readonly_paths[] = {
	"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
};
static const char *const namespaces[] = { "mount", "network", "uts", "pid",
					  "ipc" };

/* oci.DefaultLinuxSpec's mounts: destination, type = source, options. */
static const struct {
	const char *dest, *type, *source, *opts[6];
} default_mounts[] = {
	{ "/proc", "proc", "proc", { "nosuid", "noexec", "nodev" } },
	{ "/dev", "tmpfs", "tmpfs",
	  { "nosuid", "strictatime", "mode=755", "size=65536k" } },
	{ "/dev/pts", "devpts", "devpts",
	  { "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620",
	    "gid=5" } },
	{ "/sys", "sysfs", "sysfs", { "nosuid", "noexec", "nodev", "ro" } },
	{ "/sys/fs/cgroup", "cgroup", "cgroup",
	  { "ro", "nosuid", "noexec", "nodev" } },
	{ "/dev/mqueue", "mqueue", "mqueue", { "nosuid", "noexec", "nodev" } },
	{ "/dev/shm", "tmpfs", "shm", { "nosuid", "noexec", "nodev", "mode=1777" } },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static struct str_list strs(struct arena *a, const char *const *v, size_t n)
{
	struct str_list l = { arena_array(a, n, sizeof(char *)), n, true };

	memcpy(l.v, v, n * sizeof(char *));
	return l;
}

/* ---- create: the image's OS, isolation ------------------------------- */
/* rule: oci.lcow.image-os */

enum hcsc_rc oci_lcow_check(struct oci_ctx *c, struct container *k)
{
	const struct v_str *os = &c->desc->image.os;

	k->lcow = false;
	if (!os->set || !strcmp(os->v, "windows"))
		return HCSC_OK;
	if (!c->t->lcow && !strcmp(os->v, "linux"))
		return diag_error(c->d, os->pos,
				  "'Image.Os' is linux: target %s has no path for "
				  "Linux containers on Windows (LCOW); target "
				  "docker-19.03 has one",
				  c->t->name);
	if (strcmp(os->v, "linux"))
		return diag_error(c->d, os->pos, "Unsupported platform %s",
				  os->v);
	k->lcow = true;
	return HCSC_OK;
}

/* LCOW must be a Hyper-V container; process isolation is refused. */
enum hcsc_rc oci_lcow_isolation(struct oci_ctx *c, struct container *k)
{
	const struct v_str *iso = &c->desc->host_config.isolation;

	if (iso->set && ascii_eqi(iso->v, "process"))
		return diag_error(c->d, k->isolation_pos,
				  "process isolation is invalid for Linux "
				  "containers on Windows");
	k->hyperv = true;
	k->isolation = "hyperv";
	return HCSC_OK;
}

/* ---- create: -v binds through the LCOW parser ------------------------- */
/* rule: oci.lcow.binds */

/*
 * `host:/dest[:ro|rw]`, matched lower-cased as moby's Windows-family
 * parsers do: a drive-letter (or UNC) host path, an absolute Linux
 * destination.
 */
static enum hcsc_rc parse_bind(struct oci_ctx *c, const char *raw,
			       struct hcsc_pos pos, struct ctr_mount *m)
{
	const char *s = go_lower(c->a, raw), *colon, *dest, *mode;
	size_t skip = ascii_isalpha(s[0]) && s[1] == ':' ? 2 : 0;

	colon = strchr(s + skip, ':');
	if (!colon || colon == s || colon[1] != '/')
		return diag_error(c->d, pos, "invalid volume specification: '%s'",
				  raw);
	dest = colon + 1;
	mode = strchr(dest, ':');
	if (mode && strcmp(mode + 1, "ro") && strcmp(mode + 1, "rw"))
		return diag_error(c->d, pos, "invalid volume specification: '%s'",
				  raw);
	memset(m, 0, sizeof(*m));
	m->mp.type = "bind";
	m->mp.source = arena_strndup(c->a, s, (size_t)(colon - s));
	m->mp.destination = mode ? arena_strndup(c->a, dest, (size_t)(mode - dest))
				 : dest;
	m->mp.rw = !mode || !strcmp(mode + 1, "rw");
	m->origin = MOUNT_FROM_BINDS;
	m->spec_source = m->mp.source;
	m->pos = pos;
	return HCSC_OK;
}

/* Binds only: the other mount sources are not modelled for LCOW. */
enum hcsc_rc oci_lcow_register_mounts(struct oci_ctx *c, struct container *k)
{
	const struct desc_host_config *h = &c->desc->host_config;
	const struct hcsc_pos none = { 0 };
	struct hcsc_pos other = h->mounts.n ? h->mounts.pos
				: c->desc->config.volumes.n ? c->desc->config.volumes.pos
				: c->desc->image.config.volumes.n
					? c->desc->image.config.volumes.pos
					: none;

	if (other.line)
		return diag_error(c->d, other,
				  "hcsc models only -v binds (HostConfig.Binds) for "
				  "Linux containers on Windows; HostConfig.Mounts "
				  "and volumes are not supported here");
	k->mounts = arena_array(c->a, h->binds.n + 1, sizeof(*k->mounts));
	for (size_t i = 0; i < h->binds.n; i++) {
		enum hcsc_rc rc = parse_bind(c, h->binds.v[i], h->binds.item_pos[i],
					     &k->mounts[k->nmounts]);

		if (rc != HCSC_OK)
			return rc;
		k->nmounts++;
	}
	return HCSC_OK;
}

/* ---- createSpec for a Linux image ------------------------------------- */
/* rule: oci.lcow.spec */

/* CreateDaemonEnvironment for a Linux image, then ReplaceOrAppendEnvValues. */
static struct str_list lcow_env(struct oci_ctx *c, const struct container *k)
{
	struct str_list out = { arena_array(c->a, k->env.n + 3, sizeof(char *)),
				0, true };
	size_t ndef;

	out.v[out.n++] = LINUX_PATH_ENV;
	out.v[out.n++] = arena_printf(c->a, "HOSTNAME=%s", k->hostname);
	if (k->tty)
		out.v[out.n++] = "TERM=xterm";
	ndef = out.n;
	for (size_t i = 0; i < k->env.n; i++) {
		const char *e = k->env.v[i], *eq = strchr(e, '=');
		size_t klen = eq ? (size_t)(eq - e) : strlen(e);
		size_t j;

		for (j = 0; j < ndef; j++)
			if (out.v[j] && !strncmp(out.v[j], e, klen) &&
			    out.v[j][klen] == '=')
				break;
		if (j < ndef)
			out.v[j] = eq ? e : NULL; /* replace, or unset */
		else if (eq)
			out.v[out.n++] = e;
	}
	/* drop the unset defaults */
	size_t w = 0;

	for (size_t i = 0; i < out.n; i++)
		if (out.v[i])
			out.v[w++] = out.v[i];
	out.n = w;
	return out;
}

static void push(struct oci_ctx *c, struct oci_spec *s, const char *dest,
		 const char *type, const char *source, struct str_list opts,
		 struct hcsc_pos pos)
{
	struct oci_mount *m = &s->mounts[s->nmounts++];

	m->destination = dest;
	m->type = type;
	m->source = source;
	m->options = opts;
	m->pos = oci_pos(c, pos, c->top);
}

/* The default mounts, then each bind as moby's LCOW branch marks it. */
void oci_lcow_set_mounts(struct oci_ctx *c, const struct container *k,
			 struct oci_spec *s, const size_t *order)
{
	const char *uvm = arena_printf(c->a, "uvmpath=/tmp/gcs/%s/binds", k->id);

	s->mounts = arena_array(c->a, NELEM(default_mounts) + k->nmounts,
				sizeof(*s->mounts));
	for (size_t i = 0; i < NELEM(default_mounts); i++) {
		size_t n = 0;

		while (n < 6 && default_mounts[i].opts[n])
			n++;
		push(c, s, default_mounts[i].dest, default_mounts[i].type,
		     default_mounts[i].source,
		     strs(c->a, default_mounts[i].opts, n), c->top);
		prov_put(c->px, &s->mounts[s->nmounts - 1],
			 prov_fact(prov_new(c->px, "oci.lcow.spec"), PROV_DEFAULT,
				   "moby's default Linux mounts"));
	}
	for (size_t i = 0; i < k->nmounts; i++) {
		const struct ctr_mount *m = &k->mounts[order[i]];
		const char *opts[3];
		size_t n = 0;

		if (!m->mp.rw)
			opts[n++] = "ro";
		opts[n++] = "rbind";
		opts[n++] = uvm;
		push(c, s, m->mp.destination, "bind", m->spec_source,
		     strs(c->a, opts, n), m->pos);
		prov_put_input(c->px, &s->mounts[s->nmounts - 1], "oci.lcow.binds",
			       "HostConfig.Binds", m->pos);
	}
}

/* The common process fields with a Linux image's rules (args unescaped). */
static void set_process(struct oci_ctx *c, const struct container *k,
			struct oci_spec *s)
{
	oci_spec_args(c, k, s);
	prov_put_input(c->px, &s->process.args, "oci.lcow.spec",
		       "Config.Entrypoint + Config.Cmd (or the image's)", k->cmd_pos);
	s->process.env = lcow_env(c, k);
	if (!*s->process.cwd) {
		s->process.cwd = "/";
		prov_put(c->px, &s->process.cwd,
			 prov_fact(prov_new(c->px, "oci.lcow.spec"), PROV_DEFAULT,
				   "/ when no working directory is given"));
	}
}

/*
 * caps.TweakCapabilities with no CapAdd/CapDrop keeps the defaults;
 * other capability settings are not modelled (an hcsc error).
 */
static enum hcsc_rc set_capabilities(struct oci_ctx *c, struct oci_spec *s)
{
	const struct desc_host_config *h = &c->desc->host_config;
	struct str_list *caps = arena_alloc(c->a, sizeof(*caps));

	if (h->cap_add.n || h->cap_drop.n || (h->privileged.set && h->privileged.v))
		return diag_error(c->d, oci_pos(c, h->cap_add.n ? h->cap_add.pos
							       : h->cap_drop.n ? h->cap_drop.pos
									       : h->privileged.pos,
						h->hdr.pos),
				  "hcsc does not model CapAdd, CapDrop or "
				  "Privileged for Linux containers on Windows");
	*caps = strs(c->a, default_caps, NELEM(default_caps));
	s->process.capabilities = caps;
	prov_put(c->px, caps,
		 prov_fact(prov_new(c->px, "oci.lcow.spec"), PROV_DEFAULT,
			   "moby's default capabilities"));
	return HCSC_OK;
}

enum hcsc_rc oci_lcow_spec_fields(struct oci_ctx *c, const struct container *k,
				  struct oci_spec *s)
{
	const struct desc_host_config *h = &c->desc->host_config;

	if (h->device_cgroup_rules.n)
		return diag_error(c->d, h->device_cgroup_rules.pos,
				  "hcsc does not model DeviceCgroupRules for "
				  "Linux containers on Windows");
	set_process(c, k, s);
	s->has_root = true;
	s->root.path = "rootfs";
	prov_put(c->px, &s->root.path,
		 prov_fact(prov_new(c->px, "oci.lcow.spec"), PROV_DEFAULT,
			   "rootfs: the utility VM's path of the container's root"));
	s->root.readonly = h->readonly_rootfs.set && h->readonly_rootfs.v;
	prov_put_input(c->px, &s->root.readonly, "oci.lcow.spec",
		       "HostConfig.ReadonlyRootfs", h->readonly_rootfs.pos);
	s->root.pos = oci_pos(c, h->readonly_rootfs.pos, c->top);
	oci_set_resources(c, k, s);
	s->has_linux = true;
	s->linux.masked_paths = strs(c->a, masked_paths, NELEM(masked_paths));
	s->linux.readonly_paths = strs(c->a, readonly_paths, NELEM(readonly_paths));
	s->linux.namespaces = strs(c->a, namespaces, NELEM(namespaces));
	/* AppendDevicePermissionsFromCgroupRules(nil, none) replaced the
	 * default device rules with nothing: "resources": {} remains. */
	s->linux.has_resources = true;
	return set_capabilities(c, s);
}
