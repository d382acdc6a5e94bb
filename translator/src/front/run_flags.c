/*
 * front/run_flags.c: the `docker run` flag table (docker/cli v29
 * addFlags, run.go, create.go) and spf13/pflag's parsing of it, with the
 * Set-time checks of each flag's type (run_flags.h).
 */
#include "run_flags.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "front/csvline.h"
#include "front/mount_csv.h"
#include "front/units.h"
#include "goquote.h"
#include "ipaddr.h"

#define S(name, sh, kind, id, path) { name, sh, kind, id, path, RE_SHAPES }
#define C(name, sh, kind, id, path) { name, sh, kind, id, path, RE_CHECKED }
#define N(name, sh, kind) { name, sh, kind, RF_OTHER, NULL, RE_NOT_SENT }
#define NX(name, sh, kind, id) { name, sh, kind, id, NULL, RE_NOT_SENT }

static const struct run_flag flags[] = {
	/* general */
	NX("attach", 'a', RK_LIST, RF_ATTACH),
	C("device-cgroup-rule", 0, RK_LIST, RF_OTHER, "HostConfig.DeviceCgroupRules"),
	S("device", 0, RK_LIST, RF_DEVICE, NULL),
	N("gpus", 0, RK_STRING),
	S("env", 'e', RK_LIST, RF_ENV, NULL),
	S("env-file", 0, RK_LIST, RF_ENV_FILE, NULL),
	S("entrypoint", 0, RK_STRING, RF_ENTRYPOINT, NULL),
	C("group-add", 0, RK_LIST, RF_OTHER, "HostConfig.GroupAdd"),
	S("hostname", 'h', RK_STRING, RF_HOSTNAME, "Config.Hostname"),
	S("domainname", 0, RK_STRING, RF_DOMAINNAME, "Config.Domainname"),
	S("interactive", 'i', RK_BOOL, RF_INTERACTIVE, "Config.OpenStdin"),
	C("label", 'l', RK_LIST, RF_LABEL, NULL),
	C("label-file", 0, RK_LIST, RF_LABEL_FILE, NULL),
	C("read-only", 0, RK_BOOL, RF_READ_ONLY, "HostConfig.ReadonlyRootfs"),
	C("restart", 0, RK_STRING, RF_RESTART, NULL),
	C("stop-signal", 0, RK_STRING, RF_STOP_SIGNAL, "Config.StopSignal"),
	C("stop-timeout", 0, RK_INT, RF_STOP_TIMEOUT, NULL),
	C("sysctl", 0, RK_MAP, RF_OTHER, "HostConfig.Sysctls"),
	S("tty", 't', RK_BOOL, RF_TTY, "Config.Tty"),
	N("ulimit", 0, RK_LIST),
	S("user", 'u', RK_STRING, RF_USER, "Config.User"),
	S("workdir", 'w', RK_STRING, RF_WORKDIR, "Config.WorkingDir"),
	C("rm", 0, RK_BOOL, RF_RM, "HostConfig.AutoRemove"),
	/* security */
	C("cap-add", 0, RK_LIST, RF_OTHER, "HostConfig.CapAdd"),
	C("cap-drop", 0, RK_LIST, RF_OTHER, "HostConfig.CapDrop"),
	C("privileged", 0, RK_BOOL, RF_PRIVILEGED, "HostConfig.Privileged"),
	S("security-opt", 0, RK_LIST, RF_SECURITY_OPT, NULL),
	C("userns", 0, RK_STRING, RF_OTHER, "HostConfig.UsernsMode"),
	C("cgroupns", 0, RK_STRING, RF_OTHER, "HostConfig.CgroupnsMode"),
	/* network and ports */
	C("add-host", 0, RK_LIST, RF_OTHER, "HostConfig.ExtraHosts"),
	C("dns", 0, RK_LIST, RF_DNS, "HostConfig.Dns"),
	C("dns-opt", 0, RK_LIST, RF_DNS_OPTION, "HostConfig.DnsOptions"),
	C("dns-option", 0, RK_LIST, RF_DNS_OPTION, "HostConfig.DnsOptions"),
	S("dns-search", 0, RK_LIST, RF_DNS_SEARCH, "HostConfig.DnsSearch"),
	C("expose", 0, RK_LIST, RF_EXPOSE, NULL),
	N("ip", 0, RK_STRING),
	N("ip6", 0, RK_STRING),
	C("link", 0, RK_LIST, RF_OTHER, "HostConfig.Links"),
	N("link-local-ip", 0, RK_LIST),
	NX("mac-address", 0, RK_STRING, RF_MAC_ADDRESS),
	C("publish", 'p', RK_LIST, RF_PUBLISH, NULL),
	C("publish-all", 'P', RK_BOOL, RF_PUBLISH_ALL, "HostConfig.PublishAllPorts"),
	S("net", 0, RK_LIST, RF_NETWORK, NULL),
	S("network", 0, RK_LIST, RF_NETWORK, NULL),
	N("net-alias", 0, RK_LIST),
	N("network-alias", 0, RK_LIST),
	/* logging and storage */
	NX("log-driver", 0, RK_STRING, RF_LOG_DRIVER),
	S("volume-driver", 0, RK_STRING, RF_VOLUME_DRIVER, "HostConfig.VolumeDriver"),
	NX("log-opt", 0, RK_LIST, RF_LOG_OPT),
	C("storage-opt", 0, RK_LIST, RF_STORAGE_OPT, NULL),
	N("tmpfs", 0, RK_LIST),
	C("volumes-from", 0, RK_LIST, RF_OTHER, "HostConfig.VolumesFrom"),
	S("volume", 'v', RK_LIST, RF_VOLUME, NULL),
	S("mount", 0, RK_LIST, RF_MOUNT, NULL),
	/* health */
	C("health-cmd", 0, RK_STRING, RF_HEALTH_CMD, NULL),
	C("health-interval", 0, RK_DURATION, RF_HEALTH_INTERVAL, NULL),
	C("health-retries", 0, RK_INT, RF_HEALTH_RETRIES, NULL),
	C("health-timeout", 0, RK_DURATION, RF_HEALTH_TIMEOUT, NULL),
	C("health-start-period", 0, RK_DURATION, RF_HEALTH_START_PERIOD, NULL),
	C("health-start-interval", 0, RK_DURATION, RF_HEALTH_START_INTERVAL, NULL),
	C("no-healthcheck", 0, RK_BOOL, RF_NO_HEALTHCHECK, NULL),
	/* resources */
	C("blkio-weight", 0, RK_UINT16, RF_OTHER, "HostConfig.BlkioWeight"),
	N("blkio-weight-device", 0, RK_LIST),
	C("cidfile", 0, RK_STRING, RF_OTHER, "HostConfig.ContainerIDFile"),
	C("cpuset-cpus", 0, RK_STRING, RF_OTHER, "HostConfig.CpusetCpus"),
	C("cpuset-mems", 0, RK_STRING, RF_OTHER, "HostConfig.CpusetMems"),
	S("cpu-count", 0, RK_INT, RF_CPU_COUNT, "HostConfig.CpuCount"),
	S("cpu-percent", 0, RK_INT, RF_CPU_PERCENT, "HostConfig.CpuPercent"),
	C("cpu-period", 0, RK_INT, RF_OTHER, "HostConfig.CpuPeriod"),
	C("cpu-quota", 0, RK_INT, RF_OTHER, "HostConfig.CpuQuota"),
	C("cpu-rt-period", 0, RK_INT, RF_OTHER, "HostConfig.CpuRealtimePeriod"),
	C("cpu-rt-runtime", 0, RK_INT, RF_OTHER, "HostConfig.CpuRealtimeRuntime"),
	S("cpu-shares", 'c', RK_INT, RF_CPU_SHARES, "HostConfig.CpuShares"),
	S("cpus", 0, RK_CPUS, RF_CPUS, "HostConfig.NanoCpus"),
	N("device-read-bps", 0, RK_LIST),
	N("device-read-iops", 0, RK_LIST),
	N("device-write-bps", 0, RK_LIST),
	N("device-write-iops", 0, RK_LIST),
	S("io-maxbandwidth", 0, RK_BYTES, RF_IO_MAXBANDWIDTH, "HostConfig.IOMaximumBandwidth"),
	S("io-maxiops", 0, RK_UINT64, RF_IO_MAXIOPS, "HostConfig.IOMaximumIOps"),
	S("memory", 'm', RK_BYTES, RF_MEMORY, "HostConfig.Memory"),
	C("memory-reservation", 0, RK_BYTES, RF_OTHER, "HostConfig.MemoryReservation"),
	C("memory-swap", 0, RK_SWAP, RF_OTHER, "HostConfig.MemorySwap"),
	C("memory-swappiness", 0, RK_INT, RF_MEMORY_SWAPPINESS, NULL),
	C("oom-kill-disable", 0, RK_BOOL, RF_OTHER, "HostConfig.OomKillDisable"),
	C("oom-score-adj", 0, RK_INT, RF_OTHER, "HostConfig.OomScoreAdj"),
	C("pids-limit", 0, RK_INT, RF_OTHER, "HostConfig.PidsLimit"),
	/* low level */
	C("cgroup-parent", 0, RK_STRING, RF_OTHER, "HostConfig.CgroupParent"),
	C("ipc", 0, RK_STRING, RF_OTHER, "HostConfig.IpcMode"),
	S("isolation", 0, RK_STRING, RF_ISOLATION, "HostConfig.Isolation"),
	C("pid", 0, RK_STRING, RF_OTHER, "HostConfig.PidMode"),
	C("shm-size", 0, RK_BYTES, RF_OTHER, "HostConfig.ShmSize"),
	C("uts", 0, RK_STRING, RF_OTHER, "HostConfig.UTSMode"),
	C("runtime", 0, RK_STRING, RF_OTHER, "HostConfig.Runtime"),
	C("init", 0, RK_BOOL, RF_OTHER, "HostConfig.Init"),
	S("annotation", 0, RK_MAP, RF_ANNOTATION, "HostConfig.Annotations"),
	N("kernel-memory", 0, RK_BYTES),
	/* run and create */
	NX("detach", 'd', RK_BOOL, RF_DETACH),
	N("sig-proxy", 0, RK_BOOL),
	S("name", 0, RK_STRING, RF_NAME, NULL),
	NX("detach-keys", 0, RK_STRING, RF_DETACH_KEYS),
	NX("pull", 0, RK_STRING, RF_PULL),
	N("quiet", 'q', RK_BOOL),
	N("use-api-socket", 0, RK_BOOL),
	N("help", 0, RK_BOOL),
	N("platform", 0, RK_STRING),
	N("disable-content-trust", 0, RK_BOOL),
};

static const struct run_flag *find_long(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (strlen(flags[i].name) == n && !memcmp(flags[i].name, name, n))
			return &flags[i];
	return NULL;
}

static const struct run_flag *find_short(char c)
{
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (flags[i].shorthand == c)
			return &flags[i];
	return NULL;
}

const struct rf_value *rf_last(const struct rf_parsed *p, enum rf_id id)
{
	for (size_t i = p->n; i-- > 0;)
		if (p->v[i].flag->id == id)
			return &p->v[i];
	return NULL;
}

/* pflag's name for a flag in messages: "-m, --memory" or "--cpus". */
static const char *flag_label(struct arena *a, const struct run_flag *f)
{
	if (f->shorthand)
		return arena_printf(a, "-%c, --%s", f->shorthand, f->name);
	return arena_printf(a, "--%s", f->name);
}

/* ---- Set-time checks of the values (docker/cli opts) ---- */

static const char *check_label(struct arena *a, const char *v)
{
	const char *eq = strchr(v, '='), *k = v;
	size_t n;

	while (*k == ' ' || *k == '\t')
		k++;
	n = eq ? (size_t)(eq - k) : strlen(k);
	if (eq && eq < k)
		n = 0;
	if (!n)
		return arena_printf(a, "invalid label '%s': empty name", v);
	for (size_t i = 0; i < n; i++)
		if (k[i] == ' ' || k[i] == '\t')
			return arena_printf(a, "label '%s' contains whitespaces",
					    arena_strndup(a, k, n));
	return NULL;
}

static bool is_alnum(char c)
{
	return ascii_isdigit(c) || ascii_isalpha(c);
}

/*
 * opts.ValidateDNSSearch: spaces trimmed, "." allowed, one letter at
 * least, then domainRegexp (whose `(:?` groups let a ':' lead a label);
 * the value sent has no trailing dot or whitespace.
 */
static const char *check_dns_search(struct arena *a, const char *in,
				    const char **out)
{
	const char *s = in, *e;
	bool letter = false;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		e--;
	if (e - s == 1 && *s == '.') {
		*out = ".";
		return NULL;
	}
	for (const char *p = s; p < e; p++)
		letter |= ascii_isalpha(*p);
	while (e > s && strchr(" \t\n\f\r", e[-1]))
		e--;
	if (e > s && e[-1] == '.')
		e--;
	for (const char *p = s; letter && p < e;) {
		const char *l;

		p += *p == ':';
		p += p < e && *p == ':';
		for (l = p; p < e && (is_alnum(*p) || *p == '-'); p++)
			;
		if (p == l || !is_alnum(*l) || !is_alnum(p[-1]))
			letter = false;
		if (p < e && *p == ':' && p + 1 < e && p[1] == '.')
			p++;
		if (p < e && *p != '.')
			letter = false;
		p += p < e;
	}
	if (!letter || e == s || e - s >= 255)
		return arena_printf(a, "%s is not a valid domain", in);
	*out = arena_strndup(a, s, (size_t)(e - s));
	return NULL;
}

static const char *check_attach(struct arena *a, const char *v,
				const char **out)
{
	const char *low = ascii_lowercase(a, v);

	if (strcmp(low, "stdin") && strcmp(low, "stdout") &&
	    strcmp(low, "stderr"))
		return "valid streams are STDIN, STDOUT and STDERR";
	*out = low;
	return NULL;
}

/* opts.NetworkOpt.Set: the long syntax's name=, else the value. */
static const char *check_network(struct arena *a, const char *v,
				 const char **target)
{
	struct csv_fields f;
	const char *err;
	bool longsyntax = false;

	for (const char *p = v; *p && !longsyntax; p++)
		longsyntax = *p == '=' && p > v &&
			     (is_alnum(p[-1]) || p[-1] == '_') &&
			     (is_alnum(p[1]) || p[1] == '_');
	*target = v;
	if (!longsyntax)
		return NULL;
	*target = "";
	if ((err = csv_read_line(a, v, &f)) != NULL)
		return err;
	for (size_t i = 0; i < f.n; i++) {
		const char *low = ascii_lowercase(a, f.v[i]);
		const char *eq = strchr(low, '=');

		if (!eq || eq == low)
			return arena_printf(a, "invalid field %s", f.v[i]);
		if (!strncmp(low, "name=", 5))
			*target = arena_strdup(a, f.v[i] + 5);
	}
	if (!**target)
		return "network name/id is not specified";
	return NULL;
}

static const char *check_list(struct arena *a, struct rf_value *v)
{
	switch (v->flag->id) {
	case RF_ENV:
		if (v->text[0] == '=' || !v->text[0])
			return arena_printf(a, "invalid environment variable: %s",
					    v->text);
		return NULL;
	case RF_LABEL:
		return check_label(a, v->text);
	case RF_DNS_SEARCH:
		return check_dns_search(a, v->text, &v->text);
	case RF_DNS:
		if (!ip_parse_trimmed(v->text))
			return arena_printf(a, "IP address is not correctly "
					       "formatted: %s",
					    v->text);
		return NULL;
	case RF_ATTACH:
		return check_attach(a, v->text, &v->text);
	case RF_MOUNT:
		return mount_csv_parse(a, v->text, v->pos, &v->tree);
	case RF_NETWORK:
		return check_network(a, v->text, &v->target);
	default:
		return NULL;
	}
}

/* The flag type's Set; NULL or the cause of pflag's invalid-argument error. */
static const char *set_value(struct arena *a, struct rf_value *v)
{
	switch (v->flag->kind) {
	case RK_BOOL:
		return go_parse_bool(a, v->text, &v->b);
	case RK_INT:
		return go_parse_int(a, v->text, 64, &v->i);
	case RK_UINT64:
		return go_parse_uint(a, v->text, 64, &v->u);
	case RK_UINT16:
		return go_parse_uint(a, v->text, 16, &v->u);
	case RK_CPUS:
		return units_parse_cpus(a, v->text, &v->i);
	case RK_BYTES:
		return units_ram_in_bytes(a, v->text, &v->i);
	case RK_SWAP:
		if (!strcmp(v->text, "-1")) {
			v->i = -1;
			return NULL;
		}
		return units_ram_in_bytes(a, v->text, &v->i);
	case RK_DURATION:
		return go_parse_duration(a, v->text, &v->i);
	case RK_LIST:
		return check_list(a, v);
	case RK_MAP:
	case RK_STRING:
		break;
	}
	return NULL;
}

/* ---- the pflag walk ---- */

struct walk {
	struct arena *a;
	struct diag_list *d;
	int argc, base;
	char **argv;
	struct rf_parsed *out;
};

static struct hcsc_pos word_pos(struct walk *w, int i, const char *shown)
{
	const char *file = arena_printf(w->a, "argv[%d] (%s)", w->base + i,
					shown);

	return pos_make(file, (unsigned)(w->base + i), 0);
}

/* Record a value of flag f held by word i (`shown` as written). */
static enum hcsc_rc add_value(struct walk *w, const struct run_flag *f,
			      const char *value, int i, const char *shown)
{
	struct rf_parsed *o = w->out;
	struct rf_value *v;
	const char *err;

	o->v = arena_grow(w->a, o->v, o->n, o->n + 1, sizeof(*o->v));
	v = &o->v[o->n++];
	memset(v, 0, sizeof(*v));
	v->flag = f;
	v->text = value;
	v->pos = word_pos(w, i, shown);
	err = set_value(w->a, v);
	if (err)
		return diag_error(w->d, v->pos, "invalid argument %s for %s flag: %s",
				  go_quote(w->a, value),
				  go_quote(w->a, flag_label(w->a, f)), err);
	return HCSC_OK;
}

static enum hcsc_rc long_flag(struct walk *w, int *i)
{
	const char *s = w->argv[*i], *name = s + 2, *eq = strchr(name, '=');
	size_t n = eq ? (size_t)(eq - name) : strlen(name);
	const struct run_flag *f;

	if (!*name || *name == '-' || *name == '=')
		return diag_error(w->d, word_pos(w, *i, s), "bad flag syntax: %s", s);
	f = find_long(name, n);
	if (!f)
		return diag_error(w->d, word_pos(w, *i, s), "unknown flag: --%.*s",
				  (int)n, name);
	if (eq)
		return add_value(w, f, eq + 1, *i, s);
	if (f->kind == RK_BOOL)
		return add_value(w, f, "true", *i, s);
	if (*i + 1 >= w->argc)
		return diag_error(w->d, word_pos(w, *i, s),
				  "flag needs an argument: --%s", f->name);
	(*i)++;
	return add_value(w, f, w->argv[*i], *i,
			 arena_printf(w->a, "%s %s", s, w->argv[*i]));
}

/* -abc: each letter a flag; a flag with a value takes the rest. */
static enum hcsc_rc short_flags(struct walk *w, int *i)
{
	const char *s = w->argv[*i], *p = s + 1;
	const int at = *i;

	while (*p) {
		const struct run_flag *f = find_short(*p);
		enum hcsc_rc rc;

		if (!f)
			return diag_error(w->d, word_pos(w, at, s),
					  "unknown shorthand flag: '%c' in -%s", *p,
					  p);
		if (p[1] == '=')
			return add_value(w, f, p + 2, at, s);
		if (f->kind == RK_BOOL) {
			rc = add_value(w, f, "true", at, s);
			if (rc != HCSC_OK)
				return rc;
			p++;
			continue;
		}
		if (p[1])
			return add_value(w, f, p + 1, at, s);
		if (*i + 1 >= w->argc)
			return diag_error(w->d, word_pos(w, at, s),
					  "flag needs an argument: '%c' in -%s",
					  *p, p);
		(*i)++;
		return add_value(w, f, w->argv[*i], *i,
				 arena_printf(w->a, "%s %s", s, w->argv[*i]));
	}
	return HCSC_OK;
}

static void take_rest(struct walk *w, int i)
{
	struct rf_parsed *o = w->out;

	if (i >= w->argc)
		return;
	o->image = w->argv[i];
	o->image_pos = word_pos(w, i, w->argv[i]);
	o->nargs = (size_t)(w->argc - i - 1);
	o->args = arena_array(w->a, o->nargs + 1, sizeof(char *));
	o->arg_pos = arena_array(w->a, o->nargs + 1, sizeof(struct hcsc_pos));
	for (size_t k = 0; k < o->nargs; k++) {
		o->args[k] = w->argv[i + 1 + (int)k];
		o->arg_pos[k] = word_pos(w, i + 1 + (int)k, o->args[k]);
	}
}

enum hcsc_rc rf_parse(struct arena *a, struct diag_list *d, int argc,
		      char **argv, int base, struct rf_parsed *out)
{
	struct walk w = { a, d, argc, base, argv, out };
	enum hcsc_rc rc = HCSC_OK;
	int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < argc && rc == HCSC_OK; i++) {
		const char *s = argv[i];

		if (s[0] != '-' || !s[1])
			break; /* not interspersed: the image */
		if (!strcmp(s, "--")) {
			i++;
			break;
		}
		rc = s[1] == '-' ? long_flag(&w, &i) : short_flags(&w, &i);
	}
	if (rc == HCSC_OK)
		take_rest(&w, i);
	return rc;
}
