/*
 * checks.c: the create-request and settings checks moby runs on Windows,
 * in upstream order, with upstream's texts:
 *   - runconfig DecodeCreateRequest's validateCreateRequest (net mode,
 *     isolation, resources, privileged, read-only rootfs) and the create
 *     router's mount-option checks: create requests only (rule: hcsc.input.docker-inspect);
 *   - daemon/container.go validateContainerConfig (WorkingDir, StopSignal,
 *     Env, Healthcheck): create only, since start passes a nil Config;
 *   - validateHostConfig (AutoRemove, Mounts, ExtraHosts, ports, restart
 *     policy, capabilities, isolation, annotations): create and start.
 * Sources: rule: oci.create.decode-checks; moby daemon/internal/runconfig/
 * {config.go,hostconfig.go,hostconfig_windows.go}, daemon/container.go,
 * api/types/container/hostconfig.go (ValidateRestartPolicy),
 * daemon/pkg/opts/hosts.go, moby/sys/signal.
 * rule: oci.create.container-netmode-checks
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "goquote.h"
#include "ipaddr.h"
#include "model/host.h"
#include "oci/parse/mount_parse.h"
#include "oci/parse/ports.h"
#include "steps.h"

static bool is_container_mode(const char *mode)
{
	return !strcmp(mode, "container") || str_prefix(mode, "container:");
}

/* validateNetContainerMode, then the Windows Hyper-V rule. */
static enum hcsc_rc check_net_mode(struct oci_ctx *c)
{
	const struct desc_config *cf = &c->desc->config;
	const struct desc_host_config *h = &c->desc->host_config;
	const char *mode = h->network_mode.v;
	struct hcsc_pos pos = h->network_mode.pos;

	if (!h->network_mode.set || !is_container_mode(mode))
		return HCSC_OK;
	if (!strchr(mode, ':') || !mode[strlen("container:")])
		return diag_error(c->d, pos,
				  "invalid network mode: invalid container format "
				  "container:<name|id>");
	if (*cf->hostname.v)
		return diag_error(c->d, cf->hostname.pos,
				  "conflicting options: hostname and the network "
				  "mode");
	if (h->links.n)
		return diag_error(c->d, h->links.pos,
				  "conflicting options: container type network "
				  "can't be used with links. This would result in "
				  "undefined behavior");
	if (h->dns.n)
		return diag_error(c->d, h->dns.pos,
				  "conflicting options: dns and the network mode");
	if (h->extra_hosts.n)
		return diag_error(c->d, h->extra_hosts.pos,
				  "conflicting options: custom host-to-IP mapping "
				  "and the network mode");
	if (h->port_bindings.n || h->publish_all_ports.v)
		return diag_error(c->d,
				  h->port_bindings.set ? h->port_bindings.pos
						       : h->publish_all_ports.pos,
				  "conflicting options: port publishing and the "
				  "container type network mode");
	if (cf->exposed_ports.n)
		return diag_error(c->d, cf->exposed_ports.pos,
				  "conflicting options: port exposing and the "
				  "container type network mode");
	if (h->isolation.set && ascii_eqi(h->isolation.v, "hyperv"))
		return diag_error(c->d, pos,
				  "invalid network-mode: using the network stack of "
				  "another container is not supported while using "
				  "Hyper-V Containers");
	return HCSC_OK;
}

static bool isolation_valid(const struct v_str *iso)
{
	static const char *const ok[] = { "", "default", "process", "hyperv" };

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (ascii_eqi(iso->v, ok[i]))
			return true;
	return false;
}

/* The create router's per-mount option checks (API >= 1.42). */
static enum hcsc_rc check_mount_options(struct oci_ctx *c)
{
	const struct v_objlist *list = &c->desc->host_config.mounts;
	const struct desc_mount *ms = list->items;

	for (size_t i = 0; i < list->n; i++) {
		const char *t = ms[i].type.v;
		const char *q = go_quote(c->a, t);

		if (ms[i].volume_options.hdr.set && strcmp(t, "volume"))
			return diag_error(c->d, ms[i].volume_options.hdr.pos,
					  "VolumeOptions must not be specified on "
					  "mount type %s",
					  q);
		if (ms[i].bind_options.hdr.set && strcmp(t, "bind"))
			return diag_error(c->d, ms[i].bind_options.hdr.pos,
					  "BindOptions must not be specified on "
					  "mount type %s",
					  q);
		if (ms[i].tmpfs_options.hdr.set && strcmp(t, "tmpfs"))
			return diag_error(c->d, ms[i].tmpfs_options.hdr.pos,
					  "TmpfsOptions must not be specified on "
					  "mount type %s",
					  q);
	}
	return HCSC_OK;
}

/* The create router's warning about a container-wide volume driver. */
static void warn_volume_driver(struct oci_ctx *c)
{
	const struct desc_host_config *h = &c->desc->host_config;
	const struct desc_mount *ms = h->mounts.items;

	if (!*h->volume_driver.v)
		return;
	for (size_t i = 0; i < h->mounts.n; i++) {
		if (!strcmp(ms[i].type.v, "volume") &&
		    !*ms[i].volume_options.driver_config.name.v) {
			diag_warning(c->d, DC_VOLUME, h->volume_driver.pos,
				     "WARNING: the container-wide volume-driver "
				     "configuration is ignored for volumes "
				     "specified via 'mount'. Use '--mount "
				     "type=volume,volume-driver=...' instead");
			return;
		}
	}
}

/*
 * DecodeCreateRequest's JSON decode: port keys (network.Port) and IP
 * fields (netip.Addr) fail the decode itself, before any check.
 */
static enum hcsc_rc check_decode(struct oci_ctx *c)
{
	const struct v_map *ep = &c->desc->config.exposed_ports;
	const struct desc_host_config *h = &c->desc->host_config;
	enum hcsc_rc rc = HCSC_OK;

	for (size_t i = 0; rc == HCSC_OK && i < ep->n; i++)
		rc = ports_decode_key(c->a, c->d, ep->keys[i], ep->key_pos[i]);
	for (size_t i = 0; rc == HCSC_OK && i < h->dns.n; i++)
		rc = ports_decode_ip(c->a, c->d, h->dns.v[i], h->dns.item_pos[i]);
	if (rc == HCSC_OK)
		rc = ports_decode_bindings(c->a, c->d, &h->port_bindings);
	return rc;
}

/* strconv.Atoi on a 64-bit platform: [+-]digits within int64. */
static bool atoi64(const char *s, int64_t *out)
{
	bool neg = *s == '-';
	uint64_t mag = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : INT64_MAX;

	if (*s == '+' || *s == '-')
		s++;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (!ascii_isdigit(*s) || mag > (limit - (uint64_t)(*s - '0')) / 10)
			return false;
		mag = mag * 10 + (uint64_t)(*s - '0');
	}
	*out = neg ? (int64_t)(0 - mag) : (int64_t)mag;
	return true;
}

/* moby/sys/signal ParseSignal with the Windows signal map. */
static bool signal_valid(struct arena *a, const char *s)
{
	static const char *const names[] = { "ABRT", "ALRM", "BUS", "FPE",
					     "HUP", "ILL", "INT", "KILL",
					     "PIPE", "QUIT", "SEGV", "TERM",
					     "TRAP" };
	int64_t num;
	char *up;

	if (atoi64(s, &num))
		return num != 0; /* any non-zero integer; 0 is not a signal */
	up = arena_strdup(a, s);
	for (char *q = up; *q; q++)
		*q = ascii_upper(*q);
	if (str_prefix(up, "SIG"))
		up += 3;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(up, names[i]))
			return true;
	return false;
}

/* SplitN(k, ".", 5) == [net, _, _, eth<N>, _] with N an integer. */
static bool interface_sysctl(struct arena *a, const char *k)
{
	const char *part[5];
	size_t n = 1;
	int64_t idx;

	part[0] = k;
	for (const char *p = k; *p && n < 5; p++)
		if (*p == '.')
			part[n++] = p + 1;
	if (n != 5 || strncmp(part[0], "net.", 4) || strncmp(part[3], "eth", 3))
		return false;
	return atoi64(arena_strndup(a, part[3] + 3,
				    (size_t)(part[4] - 1 - (part[3] + 3))),
		      &idx);
}

/* The create router's handleSysctlBC (not for container network mode). */
static enum hcsc_rc check_sysctls(struct oci_ctx *c)
{
	const struct desc_host_config *h = &c->desc->host_config;

	if (str_prefix(h->network_mode.v, "container:"))
		return HCSC_OK;
	for (size_t i = 0; i < h->sysctls.n; i++)
		if (interface_sysctl(c->a, h->sysctls.keys[i]))
			return diag_error(c->d, h->sysctls.key_pos[i],
					  "interface specific sysctl setting %s must "
					  "be supplied using driver option '%s'",
					  go_quote(c->a, h->sysctls.keys[i]),
					  "com.docker.network.endpoint.sysctls");
	return HCSC_OK;
}

enum hcsc_rc oci_check_create_request(struct oci_ctx *c)
{
	const struct desc_host_config *h = &c->desc->host_config;
	enum hcsc_rc rc = check_decode(c);

	if (rc == HCSC_OK)
		rc = check_net_mode(c);
	if (rc != HCSC_OK)
		return rc;
	if (!isolation_valid(&h->isolation))
		return diag_error(c->d, h->isolation.pos,
				  "invalid isolation (%s): Windows supports "
				  "'default', 'process', or 'hyperv'",
				  h->isolation.v);
	if (h->cpu_realtime_period.v != 0)
		return diag_error(c->d, h->cpu_realtime_period.pos,
				  "invalid option: CPU real-time period is not "
				  "supported for Windows containers");
	if (h->cpu_realtime_runtime.v != 0)
		return diag_error(c->d, h->cpu_realtime_runtime.pos,
				  "invalid option: CPU real-time runtime is not "
				  "supported for Windows containers");
	if (h->privileged.v)
		return diag_error(c->d, h->privileged.pos,
				  "invalid option: privileged mode is not "
				  "supported for Windows containers");
	if (h->readonly_rootfs.v)
		return diag_error(c->d, h->readonly_rootfs.pos,
				  "invalid option: read-only mode is not "
				  "supported for Windows containers");
	rc = check_mount_options(c);
	if (rc == HCSC_OK)
		rc = check_sysctls(c);
	return rc;
}

void oci_router_warnings(struct oci_ctx *c)
{
	warn_volume_driver(c);
	ports_warn_empty(c->a, c->d, &c->desc->host_config.port_bindings);
}

static enum hcsc_rc check_health(struct oci_ctx *c, const struct desc_health *hc)
{
	const int64_t min = 1000000; /* container.MinimumDuration, 1ms */
	const struct {
		const struct v_int *v;
		const char *name;
	} durations[] = {
		{ &hc->interval, "Interval" },
		{ &hc->timeout, "Timeout" },
		{ NULL, "Retries" },
		{ &hc->start_period, "StartPeriod" },
		{ &hc->start_interval, "StartInterval" },
	};

	for (size_t i = 0; i < sizeof(durations) / sizeof(durations[0]); i++) {
		const struct v_int *v = durations[i].v;

		if (!v) {
			if (hc->retries.v < 0)
				return diag_error(c->d, hc->retries.pos,
						  "Retries in Healthcheck cannot be "
						  "negative");
			continue;
		}
		if (v->v != 0 && v->v < min)
			return diag_error(c->d, v->pos,
					  "%s in Healthcheck cannot be less than "
					  "1ms",
					  durations[i].name);
	}
	return HCSC_OK;
}

enum hcsc_rc oci_check_stop_signal(struct oci_ctx *c)
{
	const struct v_str *sig = &c->desc->config.stop_signal;

	if (*sig->v && !signal_valid(c->a, sig->v))
		return diag_error(c->d, sig->pos, "Invalid signal: %s", sig->v);
	return HCSC_OK;
}

enum hcsc_rc oci_check_container_config(struct oci_ctx *c, struct container *k)
{
	const struct desc_config *cf = &c->desc->config;
	enum hcsc_rc rc = oci_translate_working_dir(c, k, true);

	if (rc != HCSC_OK)
		return rc;
	rc = oci_check_stop_signal(c);
	if (rc == HCSC_OK)
		rc = oci_check_env(c, &cf->env);
	if (rc == HCSC_OK && cf->healthcheck.hdr.set)
		rc = check_health(c, &cf->healthcheck);
	return rc;
}

static enum hcsc_rc check_extra_hosts(struct oci_ctx *c)
{
	const struct v_list *eh = &c->desc->host_config.extra_hosts;

	for (size_t i = 0; i < eh->n; i++) {
		const char *colon = strchr(eh->v[i], ':');

		if (!colon || colon == eh->v[i])
			return diag_error(c->d, eh->item_pos[i],
					  "bad format for add-host: %s",
					  go_quote(c->a, eh->v[i]));
		if (!strcmp(colon + 1, "host-gateway"))
			continue;
		if (!ip_parse_trimmed(colon + 1))
			return diag_error(c->d, eh->item_pos[i],
					  "invalid IP address in add-host: %s",
					  go_quote(c->a, colon + 1));
	}
	return HCSC_OK;
}

/* container.ValidateRestartPolicy, after create turned "" into "no". */
static enum hcsc_rc check_restart_policy(struct oci_ctx *c)
{
	const struct desc_restart_policy *rp = &c->desc->host_config.restart_policy;
	const char *name = *rp->name.v ? rp->name.v : "no";
	int64_t n = rp->maximum_retry_count.v;
	struct hcsc_pos pos = rp->maximum_retry_count.set
				      ? rp->maximum_retry_count.pos
				      : rp->name.pos;

	if (!strcmp(name, "always") || !strcmp(name, "unless-stopped") ||
	    !strcmp(name, "no")) {
		if (n != 0)
			return diag_error(c->d, pos,
					  "invalid restart policy: maximum retry "
					  "count can only be used with "
					  "'on-failure'%s",
					  n < 0 ? " and cannot be negative" : "");
		return HCSC_OK;
	}
	if (!strcmp(name, "on-failure")) {
		if (n < 0)
			return diag_error(c->d, pos,
					  "invalid restart policy: maximum retry "
					  "count cannot be negative");
		return HCSC_OK;
	}
	return diag_error(c->d, rp->name.pos,
			  "invalid restart policy: unknown policy '%s'; use one "
			  "of 'no', 'always', 'on-failure', or 'unless-stopped'",
			  name);
}

/* On Windows the known-capability list is empty: only ALL passes. */
static enum hcsc_rc check_caps(struct oci_ctx *c, const struct v_list *caps,
			       const char *what)
{
	for (size_t i = 0; i < caps->n; i++) {
		char *up = arena_strdup(c->a, caps->v[i]);

		for (char *q = up; *q; q++)
			*q = ascii_upper(*q);
		if (!strcmp(up, "ALL"))
			continue;
		if (!str_prefix(up, "CAP_"))
			up = arena_printf(c->a, "CAP_%s", up);
		return diag_error(c->d, caps->item_pos[i],
				  "invalid %s: unknown capability: %s", what,
				  go_quote(c->a, up));
	}
	return HCSC_OK;
}

/* ValidateMountConfig over HostConfig.Mounts (the Windows parser). */
static enum hcsc_rc check_mounts_valid(struct oci_ctx *c)
{
	const struct v_objlist *list = &c->desc->host_config.mounts;
	const struct desc_mount *ms = list->items;
	struct mount_point mp;

	for (size_t i = 0; i < list->n; i++)
		if (oci_parse_mount(c, &ms[i], &mp) != HCSC_OK)
			return HCSC_E_INPUT;
	return HCSC_OK;
}

enum hcsc_rc oci_check_host_config(struct oci_ctx *c, const struct container *k)
{
	const struct desc_host_config *h = &c->desc->host_config;
	const struct desc_restart_policy *rp = &h->restart_policy;
	enum hcsc_rc rc = HCSC_OK;

	if (h->auto_remove.v && *rp->name.v && strcmp(rp->name.v, "no"))
		return diag_error(c->d, h->auto_remove.pos,
				  "can't create 'AutoRemove' container with "
				  "restart policy");
	/* A Linux image's mounts go through lcow.c instead (LCOW parser). */
	if (!k->lcow)
		rc = check_mounts_valid(c);
	if (rc == HCSC_OK)
		rc = check_extra_hosts(c);
	if (rc == HCSC_OK)
		rc = ports_check_bindings(c->a, c->d, &h->port_bindings);
	if (rc == HCSC_OK)
		rc = check_restart_policy(c);
	if (rc == HCSC_OK)
		rc = check_caps(c, &h->cap_add, "CapAdd");
	if (rc == HCSC_OK)
		rc = check_caps(c, &h->cap_drop, "CapDrop");
	if (rc != HCSC_OK)
		return rc;
	if (!isolation_valid(&h->isolation))
		return diag_error(c->d, h->isolation.pos,
				  "invalid isolation '%s' on windows",
				  h->isolation.v);
	for (size_t i = 0; i < h->annotations.n; i++)
		if (!*h->annotations.keys[i])
			return diag_error(c->d, h->annotations.key_pos[i],
					  "invalid Annotations: the empty string is "
					  "not permitted as an annotation key");
	return HCSC_OK;
}
