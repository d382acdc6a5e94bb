/*
 * explain.c: for `hcsc explain`, a provenance record on every value of the
 * HCS documents (rule: hcsc.explain). The builders read each value from
 * the config.json the OCI stage made (or from the host profile, the
 * target, a placeholder); which one, and by which rule, is the table
 * below, one row per JSON key, with the rule each builder family follows.
 * A value covered by no row keeps its nearest container's record.
 */
#include <inttypes.h>
#include <string.h>

#include <json-c/json.h>

#include "hcs/hcs_int.h"
#include "model/host.h"
#include "prov.h"

enum family { F086, FLATEST, FMOBY, F1903, F112, FLCOW, FAMILY_COUNT };

struct row {
	const char *parent; /* the enclosing key (arrays: the array's), or NULL */
	const char *key;
	enum prov_kind kind;
	const char *what;      /* a config.json pointer for PROV_DOC */
	const char *how;       /* the arithmetic, or NULL */
	const char *rule[FAMILY_COUNT]; /* NULL: rule[F086] */
};

#define OCI "config.json#"
#define RES(r) { r, "hcs.latest.cpu-limits", "hcs.moby-local.resources", \
		 "hcs.moby-local.resources", "hcs.moby-112.container-init", \
		 "hcs.lcow.document" }
#define DOCBASE { "hcs.document.base", "hcs.latest.document", \
		  "hcs.moby-local.document", "hcs.moby-local.document", \
		  "hcs.moby-112.container-init", "hcs.lcow.document" }
#define MOUNTS { "hcs.v086.mounts", "hcs.mounts.type", "hcs.moby-local.mounts", \
		 "hcs.moby-local.mounts", "hcs.moby-112.container-init", \
		 "hcs.lcow.document" }
#define PIPES { "hcs.mounts.pipes-rs3", "hcs.latest.pipes", \
		"hcs.moby-local.mounts", "hcs.moby-1903.pipes-rs3", \
		"hcs.moby-112.container-init", "hcs.lcow.document" }
#define DEVICES { "hcs.latest.devices", "hcs.latest.devices", \
		  "hcs.moby-local.devices", "hcs.moby-1903.devices" }
#define PROC { "process.parameters", "process.parameters", \
	       "process.moby-local.config", "process.moby-local.config", \
	       "process.moby-112.params", "process.lcow.spec" }
#define PROC_CMD { "process.escape-arg", "process.escape-arg", \
		   "process.moby-local.config", "process.moby-1903.command-line", \
		   "process.moby-112.params", "process.lcow.spec" }

static const struct row rows[] = {
	/* the document */
	{ NULL, "SystemType", PROV_DEFAULT, "a container", NULL, DOCBASE },
	{ NULL, "ContainerType", PROV_DEFAULT, "the image's OS", NULL, DOCBASE },
	{ NULL, "Name", PROV_INPUT, "Id (else rule hcsc.id.default)", NULL, DOCBASE },
	{ NULL, "Owner", PROV_TARGET, "the Owner the engine sends (--owner, Owner)", NULL, { "hcs.owner" } },
	{ NULL, "HvPartition", PROV_DOC, OCI "/windows/hyperv", NULL, DOCBASE },
	{ NULL, "IgnoreFlushesDuringBoot", PROV_DOC, OCI "/windows/ignoreFlushesDuringBoot", NULL, DOCBASE },
	{ NULL, "Servicing", PROV_DOC, OCI "/windows/servicing", NULL, DOCBASE },
	{ NULL, "IsDummy", PROV_DEFAULT, "false", NULL, DOCBASE },
	{ NULL, "TerminateOnLastHandleClosed", PROV_DEFAULT, "true", NULL, DOCBASE },
	{ NULL, "ShouldTerminateOnLastHandleClosed", PROV_DEFAULT, "true", NULL, DOCBASE },
	{ "SchemaVersion", NULL, PROV_DEFAULT, "schema 2.1", NULL, DOCBASE },
	{ NULL, "HostingSystemId", PROV_INPUT, "Id + \"@vm\": the utility VM", NULL,
	  { "hcsc.hyperv-v2.vsmb-shares", "hcs.latest.hyperv-hosted" } },
	{ NULL, "HostName", PROV_DOC, OCI "/hostname", NULL, { "hcs.hostname" } },
	{ NULL, "Credentials", PROV_DOC, OCI "/windows/credentialSpec", NULL, { "hcs.credentials" } },
	{ NULL, "SandboxPath", PROV_DOC, OCI "/windows/layerFolders", "Hyper-V: the scratch folder's parent; empty for process isolation", DOCBASE },
	{ NULL, "LayerFolderPath", PROV_DOC, OCI "/windows/layerFolders", "the last folder: the scratch",
	  { "hcs.v1.layer-folder-path", "hcs.v1.layer-folder-path", "hcs.moby-local.document",
	    "hcs.moby-local.document", "hcs.moby-112.container-init", "hcs.lcow.document" } },
	{ NULL, "VolumePath", PROV_DOC, OCI "/root/path", "without its trailing \\",
	  { "hcs.argon.volume-path", "hcs.argon.volume-path", "hcs.moby-local.volume-path",
	    "hcs.moby-local.volume-path", "hcs.moby-112.container-init" } },
	{ "HvRuntime", "ImagePath", PROV_DOC, OCI "/windows/layerFolders",
	  "the base layer's UtilityVM (else Runtime.UtilityVMPath)",
	  { "hcs.v1.xenon-utility-vm", "hcs.v1.xenon-utility-vm", "hcs.moby-local.hyperv-utility-vm",
	    "hcs.moby-local.hyperv-utility-vm", "hcs.moby-112.container-init" } },
	{ "HvRuntime", NULL, PROV_HOST, "Lcow (the daemon's lcow.* options, HostConfig.StorageOpt)", NULL,
	  { "hcs.lcow.options" } },
	/* layers */
	{ "Layers", "ID", PROV_INPUT, "Runtime.LayerFolders[].Id (else rule hcsc.placeholder.layer-id)", NULL,
	  { "hcs.layers.ids" } },
	{ "Layers", "Id", PROV_INPUT, "Runtime.LayerFolders[].Id (else rule hcsc.placeholder.layer-id)", NULL,
	  { "hcs.layers.ids" } },
	{ "Layers", "Path", PROV_DOC, OCI "/windows/layerFolders", "all but the last (the scratch)",
	  { "hcs.layers.count" } },
	{ "Storage", "Path", PROV_DOC, OCI "/root/path", NULL,
	  { "hcs.argon.volume-path", "hcs.argon.volume-path" } },
	{ "Storage", "PrivilegedContainerRootPath", PROV_DOC, OCI "/annotations", NULL,
	  { "hcs.latest.host-process" } },
	{ NULL, "IsolationType", PROV_DOC, OCI "/annotations", NULL, { "hcs.latest.host-process" } },
	/* resources */
	{ NULL, "ProcessorCount", PROV_DOC, OCI "/windows/resources/cpu/count", NULL, RES("hcs.v086.resources") },
	{ NULL, "ProcessorWeight", PROV_DOC, OCI "/windows/resources/cpu/shares", NULL, RES("hcs.v086.resources") },
	{ NULL, "ProcessorMaximum", PROV_DOC, OCI "/windows/resources/cpu/maximum", NULL, RES("hcs.v086.resources") },
	{ NULL, "MemoryMaximumInMB", PROV_DOC, OCI "/windows/resources/memory/limit", "limit / 1024 / 1024",
	  RES("hcs.v086.resources") },
	{ NULL, "StorageBandwidthMaximum", PROV_DOC, OCI "/windows/resources/storage/bps", NULL, RES("hcs.v086.resources") },
	{ NULL, "StorageIOPSMaximum", PROV_DOC, OCI "/windows/resources/storage/iops", NULL, RES("hcs.v086.resources") },
	{ "Processor", "Count", PROV_DOC, OCI "/windows/resources/cpu/count", NULL, RES("hcs.v086.resources") },
	{ "Processor", "Weight", PROV_DOC, OCI "/windows/resources/cpu/shares", NULL, RES("hcs.v086.resources") },
	{ "Processor", "Maximum", PROV_DOC, OCI "/windows/resources/cpu/maximum", NULL, RES("hcs.v086.resources") },
	{ "Processor", NULL, PROV_DOC, OCI "/windows/resources/cpu", NULL, RES("hcs.v086.resources") },
	{ NULL, "Processor", PROV_DOC, OCI "/windows/resources/cpu", NULL, RES("hcs.v086.resources") },
	{ "Memory", "SizeInMB", PROV_DOC, OCI "/windows/resources/memory/limit", "limit / 1024 / 1024",
	  RES("hcs.v086.resources") },
	{ "Memory", NULL, PROV_DOC, OCI "/windows/resources/memory", NULL, RES("hcs.v086.resources") },
	{ NULL, "Memory", PROV_DOC, OCI "/windows/resources/memory", NULL, RES("hcs.v086.resources") },
	{ "QoS", "BandwidthMaximum", PROV_DOC, OCI "/windows/resources/storage/bps", NULL, RES("hcs.v086.resources") },
	{ "QoS", "IopsMaximum", PROV_DOC, OCI "/windows/resources/storage/iops", NULL, RES("hcs.v086.resources") },
	{ "QoS", NULL, PROV_DOC, OCI "/windows/resources/storage", NULL, RES("hcs.v086.resources") },
	{ NULL, "QoS", PROV_DOC, OCI "/windows/resources/storage", NULL, RES("hcs.v086.resources") },
	{ "RegistryChanges", NULL, PROV_DOC, OCI "/annotations", NULL, { "hcs.latest.dump-registry" } },
	/* network */
	{ NULL, "EndpointList", PROV_DOC, OCI "/windows/network/endpointList", NULL, { "hcs.network" } },
	{ NULL, "AllowUnqualifiedDNSQuery", PROV_DOC, OCI "/windows/network/allowUnqualifiedDNSQuery", NULL,
	  { "hcs.network" } },
	{ NULL, "AllowUnqualifiedDnsQuery", PROV_DOC, OCI "/windows/network/allowUnqualifiedDNSQuery", NULL,
	  { "hcs.network" } },
	{ NULL, "DNSSearchList", PROV_DOC, OCI "/windows/network/DNSSearchList", "joined with \",\"",
	  { "hcs.network" } },
	{ NULL, "DnsSearchList", PROV_DOC, OCI "/windows/network/DNSSearchList", "joined with \",\"",
	  { "hcs.network" } },
	{ NULL, "NetworkSharedContainerName", PROV_DOC, OCI "/windows/network/networkSharedContainerName",
	  NULL, { "hcs.network" } },
	{ "Networking", "Namespace", PROV_INPUT, "Runtime.NetworkNamespace (else rule hcsc.placeholder.network-namespace)",
	  NULL, { "hcsc.placeholder.network-namespace" } },
	{ "Networking", NULL, PROV_DOC, OCI "/windows/network", NULL, { "hcs.network" } },
	{ NULL, "Networking", PROV_DOC, OCI "/windows/network", NULL, { "hcs.network" } },
	/* mounts and devices */
	{ "MappedDirectories", NULL, PROV_DOC, OCI "/mounts", NULL, MOUNTS },
	{ "MappedPipes", NULL, PROV_DOC, OCI "/mounts", NULL, PIPES },
	{ NULL, "MappedDirectories", PROV_DOC, OCI "/mounts", NULL, MOUNTS },
	{ NULL, "MappedPipes", PROV_DOC, OCI "/mounts", NULL, PIPES },
	{ "AssignedDevices", NULL, PROV_DOC, OCI "/windows/devices", NULL, DEVICES },
	{ NULL, "AssignedDevices", PROV_DOC, OCI "/windows/devices", NULL, DEVICES },
	{ NULL, "Devices", PROV_DOC, OCI "/windows/devices", NULL, DEVICES },
	{ NULL, "Layers", PROV_DOC, OCI "/windows/layerFolders", NULL, { "hcs.layers.count" } },
	/* the init process */
	{ NULL, "CommandLine", PROV_DOC, OCI "/process/args", "each argument escaped, joined with spaces "
	  "(config.json's commandLine as it is when set)", PROC_CMD },
	{ NULL, "ApplicationName", PROV_DOC, OCI "/process/args", NULL, PROC },
	{ NULL, "CommandArgs", PROV_DOC, OCI "/process/args", NULL, PROC },
	{ NULL, "WorkingDirectory", PROV_DOC, OCI "/process/cwd", NULL, PROC },
	{ NULL, "User", PROV_DOC, OCI "/process/user/username", NULL, PROC },
	{ NULL, "Environment", PROV_DOC, OCI "/process/env", "each KEY=VALUE split at the first =", PROC },
	{ NULL, "EmulateConsole", PROV_DOC, OCI "/process/terminal", NULL, PROC },
	{ NULL, "ConsoleSize", PROV_DOC, OCI "/process/consoleSize", NULL, PROC },
	{ NULL, "CreateStdInPipe", PROV_INPUT, "Config.OpenStdin (the target's stdin rule)", NULL,
	  { "process.stdin-pipe" } },
	{ NULL, "CreateStdOutPipe", PROV_DEFAULT, "true (false with a terminal)", NULL, PROC },
	{ NULL, "CreateStdErrPipe", PROV_DEFAULT, "true unless a terminal", NULL, PROC },
	{ NULL, "OCISpecification", PROV_DOC, OCI "", "the spec with its binds at their utility-VM paths",
	  { "process.lcow.spec" } },
};

/* The v2 document of a Hyper-V container: what the utility VM changes. */
static const struct {
	const char *parent, *key, *rule;
} hv_rows[] = {
	{ "Storage", "Path", "hcs.v2.hosted-storage-path" },
	{ "Layers", "Path", "hcsc.hyperv-v2.vsmb-shares" },
	{ "MappedDirectories", "HostPath", "hcsc.hyperv-v2.vsmb-shares" },
};

static enum family family_of(const struct hcs_input *in)
{
	switch (in->target->hcs) {
	case TARGET_HCS_HCSSHIM_086:
		break;
	case TARGET_HCS_HCSSHIM_LATEST:
		return FLATEST;
	case TARGET_HCS_MOBY_LOCAL:
		return FMOBY;
	case TARGET_HCS_MOBY_LOCAL_1903:
		return in->spec->has_linux ? FLCOW : F1903;
	case TARGET_HCS_MOBY_112:
		return F112;
	}
	return F086;
}

static bool same(const char *want, const char *got)
{
	return !want || (got && !strcmp(want, got));
}

/* The row for o[key] inside `parent` (a key row before a section row). */
static const struct row *find_row(const char *parent, const char *key)
{
	const struct row *section = NULL;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];

		if (r->key && !strcmp(r->key, key) && same(r->parent, parent))
			return r;
		if (!r->key && !section && same(r->parent, parent))
			section = r->parent ? r : NULL;
	}
	return section;
}

struct walk {
	struct prov_tab *px;
	enum family fam;
	bool hv; /* the v2 document of a Hyper-V container */
};

static const char *rule_of(const struct walk *w, const struct row *r,
			   const char *parent, const char *key)
{
	for (size_t i = 0; w->hv && i < sizeof(hv_rows) / sizeof(hv_rows[0]); i++)
		if (!strcmp(hv_rows[i].parent, parent ? parent : "") &&
		    !strcmp(hv_rows[i].key, key))
			return hv_rows[i].rule;
	return r->rule[w->fam] ? r->rule[w->fam] : r->rule[F086];
}

static void tag(const struct walk *w, struct json_object *v, const struct row *r,
		const char *rule)
{
	/* A row knows the input key, not its node: "" says so (prov.h). */
	struct hcsc_pos unplaced = { "", 0, 0, 0 };
	struct prov *p = prov_src(prov_new(w->px, rule), r->kind, r->what,
				  unplaced);

	if (r->how)
		p->math = r->how;
	prov_attach(v, p);
}

static void walk_value(const struct walk *w, struct json_object *v,
		       const char *parent);

static void walk_object(const struct walk *w, struct json_object *o,
			const char *parent)
{
	const struct row *r;

	json_object_object_foreach(o, key, v) {
		r = find_row(parent, key);
		if (r && !prov_of(v))
			tag(w, v, r, rule_of(w, r, parent, key));
		if (!r || r->key)
			walk_value(w, v, key);
	}
}

static void walk_value(const struct walk *w, struct json_object *v,
		       const char *parent)
{
	if (json_object_is_type(v, json_type_object)) {
		walk_object(w, v, parent);
	} else if (json_object_is_type(v, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(v); i++)
			walk_value(w, json_object_array_get_idx(v, i), parent);
	}
}

void hcs_explain(const struct hcs_input *in, struct hcs_result *r)
{
	struct walk w = { in->px, family_of(in), false };

	if (r->v1)
		walk_object(&w, r->v1, NULL);
	w.hv = in->spec->windows.has_hyperv &&
	       (w.fam == F086 || w.fam == FLATEST);
	if (r->v2)
		walk_object(&w, r->v2, NULL);
	w.hv = false;
	if (r->process)
		walk_object(&w, r->process, NULL);
}

const struct prov *hcs_explain_clamp(const struct hcs_input *in,
				     const char *rule, uint64_t asked,
				     uint64_t max, const char *max_what)
{
	struct prov *p = prov_new(in->px, rule);

	prov_fact(p, PROV_DOC, OCI "/windows/resources/cpu/count");
	prov_src(p, PROV_HOST, "CpuCount", in->host->cpu_count_pos);
	prov_math(in->px, p, "%" PRIu64 " CPUs asked, %" PRIu64 " available "
		  "(%s): clamped to %" PRIu64, asked, max, max_what, max);
	return p;
}

const struct prov *hcs_explain_mb(const struct hcs_input *in,
				  const char *rule, uint64_t bytes, uint64_t mb)
{
	struct prov *p = prov_new(in->px, rule);

	prov_fact(p, PROV_DOC, OCI "/windows/resources/memory/limit");
	prov_math(in->px, p, "%" PRIu64 " bytes / 1024 / 1024 = %" PRIu64
		  " MB (rounded down)", bytes, mb);
	return p;
}

void hcs_explain_key(struct json_object *o, const char *key,
		     const struct prov *p)
{
	if (o && p)
		prov_attach(json_object_object_get(o, key), p);
}
