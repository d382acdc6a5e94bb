/*
 * hcs.c: the HCS stage's entry point (hcs.h). Mirrors hcsshim v0.8.6
 * internal/hcsoci/hcsdoc_wcow.go createWindowsContainerDocument
 * (rules: hcs.document.base, hcs.v086.resources, hcs.v086.mounts):
 * the checks run once, in the seed's order, since the schema 1.0 run and
 * the schema 2.1 run (a hosting system iff spec.windows.hyperv is set)
 * fail alike; the values both documents take go into a struct hcs_plan
 * that v1.c and v2.c print from. The v2 network namespace stands where
 * create.go sets actualNetworkNamespace (rule:
 * hcsc.placeholder.network-namespace), after the v1 run. The Go integer
 * conversions and json-c helpers of the stage are in build.c.
 * rule: hcs.latest.hyperv-below-rs5
 */
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "hcs/hcs_int.h"
#include "model/host.h"
#include "prov.h"
#include "uuid.h"

/* hcsshim main: the scratch disk's SCSI mount in the utility VM. */
#define UVM_SCRATCH_PATH "c:\\mounts\\scsi\\m0"

/* ---- positions --------------------------------------------------------- */

static struct hcsc_pos at2(struct hcsc_pos p, struct hcsc_pos q,
			   struct hcsc_pos last)
{
	return pos_or(p, pos_or(q, last));
}

static struct hcsc_pos win_pos(const struct oci_spec *s, struct hcsc_pos p)
{
	return at2(p, s->windows.pos, s->pos);
}

/* ---- network (S9) ------------------------------------------------------ */

/* S9: the DNS search list, joined with "," when non-nil. */
static void plan_network(struct arena *a, struct hcs_plan *p)
{
	const struct str_list *l = &p->spec->windows.dns_search_list;

	if (!p->spec->windows.has_network || !l->set)
		return;
	p->dns_search = arena_join(a, (const char *const *)l->v, l->n, ",");
}

/* ---- root (S11, S12, S14) ---------------------------------------------- */

/*
 * The seed's volumeGUIDRegex, matched by hand:
 * ^\\\\\?\\(Volume)\{{0,1}[0-9a-fA-F]{8}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{4}
 * \-[0-9a-fA-F]{4}\-[0-9a-fA-F]{12}(\}){0,1}\}(|\\)$
 * Go's `$` without the m flag is the end of the text.
 */
static bool volume_guid_path(const char *s)
{
	static const char prefix[] = "\\\\?\\Volume";
	size_t i;

	if (!str_prefix(s, prefix))
		return false;
	s += sizeof(prefix) - 1;
	if (*s == '{')
		s++;
	for (i = 0; i < UUID_TEXT_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return false;
		} else if (!ascii_isxdigit(s[i])) {
			return false;
		}
	}
	s += UUID_TEXT_LEN;
	if (*s++ != '}')
		return false;
	if (*s == '}')
		s++;
	if (*s == '\\')
		s++;
	return *s == '\0';
}

static enum hcsc_rc plan_root(struct arena *a, struct diag_list *d,
			      struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	const char *path = s->root.path ? s->root.path : "";

	if (!s->has_root)
		return diag_error(d, s->pos,
				  "spec is invalid - root isn't populated");
	if (s->root.readonly)
		return diag_error(d, at2(s->root.readonly_pos, s->root.pos,
					 s->pos),
				  "invalid container spec - readonly is not "
				  "supported for Windows containers");
	if (p->hyperv)
		return HCSC_OK;
	/* S14: Argon (schema 1.0 without HyperV, 2.1 without a UVM). */
	if (!volume_guid_path(path))
		return diag_error(d, at2(s->root.path_pos, s->root.pos, s->pos),
				  "invalid container spec - Root.Path '%s' must "
				  "be a volume GUID path in the format "
				  "'\\\\?\\Volume{GUID}\\'",
				  path);
	if (path[strlen(path) - 1] != '\\')
		path = arena_printf(a, "%s\\", path);
	p->root_path = path;
	p->volume_path = arena_strndup(a, path, strlen(path) - 1);
	return HCSC_OK;
}

/* ---- mounts (S18 with E2, S20; hcsshim main L13-L15) ------------------- */

static bool has_ro(const struct str_list *opts)
{
	size_t i;

	for (i = 0; i < opts->n; i++) {
		if (opts->v[i] && ascii_eqi(opts->v[i], "ro"))
			return true;
	}
	return false;
}

/*
 * v0.8.6: a pipe is a mount whose lower-cased Destination starts with the
 * prefix (E2), its host path the Source; any Type is an error (S18a).
 */
static enum hcsc_rc classify_086(struct diag_list *d, const struct oci_spec *s,
				 struct hcs_mount *hm)
{
	const struct oci_mount *m = hm->m;
	const char *dst = m->destination ? m->destination : "";

	if (m->type && *m->type)
		return diag_error(d, pos_or(m->pos, s->pos),
				  "invalid container spec - Mount.Type '%s' must "
				  "not be set",
				  m->type);
	/* ASCII folding, rule: hcsc.ascii-folding. */
	if (ascii_prefixi(dst, HCS_PIPE_PREFIX)) {
		hm->pipe = true;
		hm->pipe_name = dst + HCS_PIPE_PREFIX_LEN;
		hm->pipe_host = m->source;
	}
	return HCSC_OK;
}

/*
 * hcsshim main (uvm.IsPipe, uvm.ParseNamedPipe, createMountsConfig): a
 * Source that is a pipe (`\\.\pipe\`, or `uvm://` before it) is never a
 * directory; it is a mapped pipe only when the Destination starts with the
 * prefix too (case-sensitive), else it is dropped. In a utility VM a host
 * pipe goes through the VSMB IPC$ share and a `uvm://` pipe is the pod's.
 */
static void classify_latest(struct arena *a, const struct hcs_plan *p,
			    struct hcs_mount *hm)
{
	static const char uvm_prefix[] = "uvm://";
	const struct oci_mount *m = hm->m;
	const char *src = m->source ? m->source : "";
	const char *dst = m->destination ? m->destination : "";
	const char *in_uvm = str_prefix(src, uvm_prefix) ? src + 6 : NULL;

	if (!str_prefix(src, HCS_PIPE_PREFIX) &&
	    !(in_uvm && str_prefix(in_uvm, HCS_PIPE_PREFIX)))
		return;
	hm->dropped = true;
	if (!str_prefix(dst, HCS_PIPE_PREFIX))
		return;
	if (in_uvm && !p->hyperv)
		return;
	hm->dropped = false;
	hm->pipe = true;
	hm->pipe_name = dst + HCS_PIPE_PREFIX_LEN;
	if (in_uvm)
		hm->pipe_host = arena_printf(a, HCS_PIPE_PREFIX "%s\\%s",
					     p->in->id ? p->in->id : "",
					     in_uvm + HCS_PIPE_PREFIX_LEN);
	else if (p->hyperv)
		hm->pipe_host = arena_printf(a, HCS_VSMB_ROOT "IPC$\\%s",
					     src + HCS_PIPE_PREFIX_LEN);
	else
		hm->pipe_host = src;
}

static enum hcsc_rc plan_mounts(struct arena *a, struct diag_list *d,
				struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	const struct oci_mount *first_pipe = NULL;
	enum hcsc_rc rc;
	size_t i;

	p->nmounts = s->nmounts;
	p->mounts = arena_array(a, s->nmounts ? s->nmounts : 1,
				sizeof(*p->mounts));
	for (i = 0; i < s->nmounts; i++) {
		struct hcs_mount *hm = &p->mounts[i];

		hm->m = &s->mounts[i];
		if (p->latest) {
			classify_latest(a, p, hm);
		} else {
			rc = classify_086(d, s, hm);
			if (rc != HCSC_OK)
				return rc;
		}
		if (!hm->pipe)
			hm->readonly = has_ro(&hm->m->options);
		if (hm->pipe && !first_pipe)
			first_pipe = hm->m;
	}
	if (first_pipe && p->in->host->os_build < BUILD_RS3)
		return diag_error(d, pos_or(first_pipe->pos, s->pos),
				  "named pipe mounts are not supported on this "
				  "version of Windows");
	return HCSC_OK;
}

/* ---- the plan ---------------------------------------------------------- */

/*
 * The layer folders: v0.8.6 checks them in the builder (S4); hcsshim main
 * leaves it to the shim's ParseWCOWLayers (L4, P4), with its own texts.
 */
static enum hcsc_rc plan_layer_folders(struct diag_list *d, struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	const struct str_list *lf = &s->windows.layer_folders;
	struct hcsc_pos at = win_pos(s, s->windows.layers_pos);

	if (p->latest && !lf->set)
		return diag_error(d, at, "must pass either a rootfs mount or "
					 "Windows.LayerFolders: failed "
					 "precondition");
	if (p->latest && lf->n < 2)
		return diag_error(d, at, "must pass at least two "
					 "Windows.LayerFolders: failed "
					 "precondition");
	if (!lf->set || lf->n < 2)
		return diag_error(d, at, "invalid spec - not enough layer folders "
					 "supplied");
	p->layers = lf->v;
	p->nlayers = lf->n - 1;
	p->scratch = lf->v[lf->n - 1];
	return HCSC_OK;
}

/*
 * A hosted container's Storage.Path is Root.Path (S16, L12), which the
 * layer mounting fills, when it is empty, with where the scratch is inside
 * the utility VM: v0.8.6 `C:\c\<n>\scratch`, n counting the VM's
 * containers in hex from 1 (rule: hcs.v2.hosted-storage-path); hcsshim main, the first SCSI
 * mount (rule: hcs.owner).
 */
static const char *uvm_scratch(const struct hcs_plan *p)
{
	const char *given = p->spec->root.path;

	if (given && *given)
		return given;
	return p->latest ? UVM_SCRATCH_PATH : "C:\\c\\1\\scratch";
}

static enum hcsc_rc plan_init(struct arena *a, struct diag_list *d,
			      const struct hcs_input *in, struct hcs_plan *p)
{
	const struct oci_spec *s = in->spec;
	enum hcsc_rc rc;

	memset(p, 0, sizeof(*p));
	p->in = in;
	p->spec = s;
	p->latest = in->target->hcs == TARGET_HCS_HCSSHIM_LATEST;
	p->hyperv = s->windows.has_hyperv;
	rc = plan_layer_folders(d, p);
	if (rc == HCSC_OK && p->latest)
		rc = hcs_plan_latest_checks(d, p);
	if (rc == HCSC_OK)
		rc = hcs_plan_resources(d, p);
	if (rc != HCSC_OK)
		return rc;
	plan_network(a, p);
	rc = plan_root(a, d, p);
	if (rc != HCSC_OK)
		return rc;
	if (p->hyperv) {
		p->root_path = uvm_scratch(p);
		p->uvm_image = hcs_uvm_image_path(a, p);
		p->uvm_id = arena_printf(a, "%s@vm", in->id ? in->id : "");
	}
	rc = hcs_layer_ids(a, d, p);
	if (rc != HCSC_OK)
		return rc;
	rc = plan_mounts(a, d, p);
	if (rc == HCSC_OK && p->latest)
		rc = hcs_plan_latest_extras(a, d, p);
	if (rc != HCSC_OK)
		return rc;
	if (p->hyperv)
		hcs_vsmb_assign(a, p);
	return HCSC_OK;
}

/*
 * v2 Networking.Namespace (rule: hcsc.placeholder.network-namespace): Runtime.NetworkNamespace as given
 * (rule: hcsc.input.layer-id-guid), else the placeholder uuid5(NS, "netns:" + Id).
 */
static enum hcsc_rc plan_namespace(struct arena *a, struct diag_list *d,
				   struct hcs_plan *p)
{
	const struct hcs_input *in = p->in;
	const char *name;
	unsigned char u[UUID_LEN];
	char text[UUID_TEXT_LEN + 1];

	if (!p->spec->windows.has_network)
		return HCSC_OK;
	/* hcsshim main: the shim passes the spec's networkNamespace. */
	if (p->latest && p->spec->windows.network_namespace &&
	    *p->spec->windows.network_namespace) {
		p->net_namespace = p->spec->windows.network_namespace;
		p->namespace_prov = prov_fact(prov_new(in->px, "hcs.latest.document"),
					      PROV_DOC, "config.json#/windows/network/networkNamespace");
		return HCSC_OK;
	}
	if (in->has_network_namespace) {
		p->net_namespace = in->network_namespace;
		p->namespace_prov = prov_src(prov_new(in->px, "hcsc.placeholder.network-namespace"),
					     PROV_INPUT, "Runtime.NetworkNamespace",
					     in->network_namespace_pos);
		return HCSC_OK;
	}
	p->namespace_prov = prov_fact(prov_new(in->px, "hcsc.placeholder.network-namespace"),
				      PROV_PLACEHOLDER,
				      "uuid5 of \"netns:\" + Id (no Runtime.NetworkNamespace)");
	name = arena_printf(a, "netns:%s", in->id ? in->id : "");
	uuid5(hcsc_uuid_ns, name, strlen(name), u);
	uuid_format(u, text);
	p->net_namespace = arena_strdup(a, text);
	return diag_strict_warning(d, DC_PLACEHOLDER, at2(in->network_namespace_pos,
					  in->runtime_pos,
					  win_pos(p->spec,
						  p->spec->windows.network_pos)),
				   "'Runtime.NetworkNamespace' is not set: using "
				   "the placeholder namespace '%s' (set it to the "
				   "HNS namespace of the container's endpoints)",
				   text);
}

/* Target docker: one schema-1 document, always submitted (vmcompute). */
static enum hcsc_rc lower_moby_local(struct arena *a, struct diag_list *d,
				     const struct hcs_input *in,
				     struct hcs_result *out)
{
	const struct oci_spec *lcow = NULL;
	enum hcsc_rc rc;

	/* libcontainerd's Create: createLinux when the spec has spec.Linux. */
	rc = in->spec->has_linux ? hcs_moby_lcow_build(a, d, in, &out->v1, &lcow)
				 : hcs_moby_local_build(a, d, in, &out->v1);
	if (rc != HCSC_OK)
		return rc;
	out->process = hcs_process_build(a, in, lcow);
	out->submit_v2 = false;
	return HCSC_OK;
}

/*
 * hcsshim main with a utility VM below 17763: no VM is created and there
 * is no V1 Xenon path, so HCS would get a document it refuses.
 * rule: hcs.latest.hyperv-below-rs5
 */
static void warn_unhosted_xenon(struct diag_list *d, const struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;

	if (!p->latest || !p->hyperv || p->in->host->os_build >= BUILD_RS5)
		return;
	diag_warning(d, DC_LCOW, pos_or(s->windows.hyperv_pos, win_pos(s, s->pos)),
		     "containerd-shim-runhcs-v1 creates no utility VM below "
		     "build %u and hcsshim main has no schema-1 Hyper-V path: "
		     "HCS would refuse this hcs-v1.json (HvPartition false, no "
		     "layers)",
		     BUILD_RS5);
}

static enum hcsc_rc lower_docs(struct arena *a, struct diag_list *d,
			       const struct hcs_input *in, struct hcs_result *out)
{
	struct hcs_plan p;
	enum hcsc_rc rc;

	bool moby = in->target->hcs == TARGET_HCS_MOBY_LOCAL ||
		    in->target->hcs == TARGET_HCS_MOBY_LOCAL_1903;

	memset(out, 0, sizeof(*out));
	if (!in->spec->has_windows && moby)
		return diag_error(d, in->spec->pos,
				  "the spec has no 'windows' section: moby's "
				  "local runtime reads it unchecked (it would "
				  "panic)");
	if (!in->spec->has_windows)
		return diag_error(d, in->spec->pos,
				  "cannot create HCS container document - OCI "
				  "spec Windows section is missing ");
	if (moby)
		return lower_moby_local(a, d, in, out);
	if (in->target->hcs == TARGET_HCS_MOBY_112) {
		rc = hcs_moby_112_build(a, d, in, &out->v1);
		if (rc == HCSC_OK)
			out->process = hcs_process_112(a, in);
		return rc;
	}
	rc = plan_init(a, d, in, &p);
	if (rc != HCSC_OK)
		return rc;
	rc = plan_namespace(a, d, &p);
	if (rc != HCSC_OK)
		return rc;
	warn_unhosted_xenon(d, &p);
	out->v1 = hcs_v1_build(&p);
	p.v1_dirs = json_object_object_get(out->v1, "MappedDirectories");
	p.v1_pipes = json_object_object_get(out->v1, "MappedPipes");
	out->v2 = hcs_v2_build(&p);
	out->v2_hosted = p.latest && p.hyperv;
	out->process = hcs_process_build(a, in, NULL);
	out->submit_v2 = in->host->os_build >= BUILD_RS5;
	return HCSC_OK;
}

enum hcsc_rc hcs_lower(struct arena *a, struct diag_list *d,
		       const struct hcs_input *in, struct hcs_result *out)
{
	enum hcsc_rc rc = lower_docs(a, d, in, out);

	if (rc == HCSC_OK && in->px)
		hcs_explain(in, out);
	return rc;
}

void hcs_result_release(struct hcs_result *r)
{
	json_object_put(r->v1);
	json_object_put(r->v2);
	json_object_put(r->process);
	r->v1 = r->v2 = r->process = NULL;
	r->submit_v2 = false;
}
