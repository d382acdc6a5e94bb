/*
 * layers.c: what hcsshim v0.8.6 asks the host about layers, answered
 * offline (rule: hcs.layers.ids, rule: hcs.v1.xenon-utility-vm; rules: hcsc.hyperv-v2.vsmb-shares, hcsc.placeholder.layer-id, hcsc.apply.name-to-guid, hcsc.placeholder.anonymous-volume):
 *
 *   layer IDs     wclayer.LayerID (vmcompute NameToGuid of the folder's
 *                 base name): the given ID, else uuid5(NS, "layer:" +
 *                 filepath.Base(folder)) with one warning per compile;
 *   VSMB shares   uvm.AddVSMB / GetVSMBUvmPath for a V2 Xenon: one share
 *                 per distinct host path (exact bytes), numbered from 1 in
 *                 lowercase hex, image layers first then mapped directories;
 *   UtilityVM     uvmfolder.LocateUVMFolder (internal/uvmfolder/locate.go)
 *                 for a V1 Xenon: the base image layer (the last read-only
 *                 folder) joined with `UtilityVM`.
 */
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "strset.h"
#include "diag.h"
#include "hcs/hcs_int.h"
#include "prov.h"
#include "uuid.h"
#include "winpath.h"

static const char *given_id(const struct hcs_input *in, size_t i)
{
	if (!in->layer_ids || i >= in->nlayer_ids)
		return NULL;
	return in->layer_ids[i];
}

static struct hcsc_pos id_pos(const struct hcs_plan *p, size_t i)
{
	const struct oci_spec *s = p->spec;
	struct hcsc_pos fallback = pos_or(s->windows.layers_pos, s->pos);

	if (s->windows.layer_pos)
		fallback = pos_or(s->windows.layer_pos[i], fallback);
	if (p->in->layer_id_pos && i < p->in->nlayer_ids)
		return pos_or(p->in->layer_id_pos[i], fallback);
	return fallback;
}

/* rule: hcsc.placeholder.layer-id: uuid5(NS, "layer:" + filepath.Base(folder)). */
static const char *placeholder_id(struct arena *a, const char *folder)
{
	const char *name = arena_printf(a, "layer:%s", winpath_base(a, folder));
	unsigned char u[UUID_LEN];
	char text[UUID_TEXT_LEN + 1];

	uuid5(hcsc_uuid_ns, name, strlen(name), u);
	uuid_format(u, text);
	return arena_strdup(a, text);
}

/* rule: hcsc.explain: a given ID (where), or the placeholder's rule. */
static const struct prov *explain_layer_id(const struct hcs_plan *p, size_t i)
{
	struct prov_tab *px = p->in->px;

	if (p->layer_ids[i])
		return prov_src(prov_new(px, "hcs.layers.ids"), PROV_INPUT,
				"Runtime.LayerFolders[].Id", id_pos(p, i));
	return prov_fact(prov_new(px, "hcsc.placeholder.layer-id"),
			 PROV_PLACEHOLDER,
			 "uuid5 of the folder name (no Runtime.LayerFolders[].Id)");
}

const struct prov *hcs_layer_prov(const struct hcs_plan *p, size_t i)
{
	return p->layer_prov ? p->layer_prov[i] : NULL;
}

enum hcsc_rc hcs_layer_ids(struct arena *a, struct diag_list *d,
			   struct hcs_plan *p)
{
	size_t i, missing = p->nlayers;

	p->layer_ids = arena_array(a, p->nlayers, sizeof(char *));
	if (p->in->px)
		p->layer_prov = arena_array(a, p->nlayers, sizeof(*p->layer_prov));
	for (i = 0; i < p->nlayers; i++) {
		p->layer_ids[i] = given_id(p->in, i);
		if (p->in->px)
			p->layer_prov[i] = explain_layer_id(p, i);
		if (p->layer_ids[i])
			continue;
		p->layer_ids[i] = placeholder_id(a, p->layers[i]);
		if (missing == p->nlayers)
			missing = i;
	}
	if (missing == p->nlayers)
		return HCSC_OK;
	return diag_strict_warning(d, DC_PLACEHOLDER, id_pos(p, missing),
				   "no layer ID given for '%s' "
				   "('Runtime.LayerFolders[%zu].Id'): using "
				   "placeholder layer IDs (uuid5 of the folder "
				   "name); hcsc --apply asks vmcompute NameToGuid",
				   p->layers[missing], missing);
}

#define SANDBOX_PREFIX "sandbox://"

/* The shares of one utility VM: host paths, numbered as they are added. */
struct vsmb {
	struct strset seen; /* host path -> share index */
	size_t n;
};

static const char *vsmb_path(struct arena *a, struct vsmb *v, const char *host)
{
	size_t i = strset_add(&v->seen, host, strlen(host), v->n);

	if (i == v->n)
		v->n++;
	return arena_printf(a, HCS_VSMB_ROOT "s%zx", i + 1);
}

/* hcsshim main: `sandbox://x` is C:\SandboxMounts\x in the utility VM. */
static const char *sandbox_mount_path(struct arena *a, const char *src)
{
	const char *parts[2] = { "C:\\SandboxMounts",
				 src + sizeof(SANDBOX_PREFIX) - 1 };

	return winpath_join(a, parts, 2);
}

void hcs_vsmb_assign(struct arena *a, struct hcs_plan *p)
{
	struct vsmb v;
	size_t i;

	strset_init(&v.seen, a, false);
	v.n = 0;
	p->layer_uvm = arena_array(a, p->nlayers, sizeof(char *));
	for (i = 0; i < p->nlayers; i++)
		p->layer_uvm[i] = vsmb_path(a, &v, p->layers[i]);
	for (i = 0; i < p->nmounts; i++) {
		struct hcs_mount *m = &p->mounts[i];
		const char *src = m->m->source ? m->m->source : "";

		if (m->pipe || m->dropped)
			continue;
		m->uvm_path = p->latest && str_prefix(src, SANDBOX_PREFIX)
				      ? sandbox_mount_path(a, src)
				      : vsmb_path(a, &v, src);
	}
}

const char *hcs_uvm_image_path(struct arena *a, const struct hcs_plan *p)
{
	const char *spec_path = p->spec->windows.utility_vm_path;
	const char *parts[2];

	/* rule: hcs.v1.xenon-utility-vm: the spec's utilityVMPath wins, as in the seed. */
	if (spec_path && *spec_path)
		return spec_path;
	/* Runtime.UtilityVMPath stands in for LocateUVMFolder's answer. */
	if (p->in->utility_vm_path && *p->in->utility_vm_path)
		return p->in->utility_vm_path;
	parts[0] = p->layers[p->nlayers - 1];
	parts[1] = "UtilityVM";
	return winpath_join(a, parts, 2);
}
