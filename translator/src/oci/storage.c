/*
 * storage.c: the container's layers and root volume. Mirrors moby
 * GetLayerFolders (image layers top-most first, then the container's RW
 * layer) and createSpecWindowsFields' root rules (process isolation: the
 * volume GUID path with a trailing `\`; Hyper-V: empty).
 * rules: oci.storage.root, oci.spec.windows-fields-order.
 *
 * Missing runtime facts get the placeholders of rule: hcsc.placeholders, each with
 * one warning naming the key to set (--strict: an error):
 *   LayerFolders  <Daemon.Root>\windowsfilter\<sha256hex("layer:" + Id)>
 *   VolumePath    \\?\Volume{uuid5(NS, "volume:" + Id)}\ (process only)
 * The scratch folder defaults to <Daemon.Root>\windowsfilter\<Id>, which is
 * where moby's windowsfilter driver puts it (not a placeholder).
 * rule: hcsc.placeholder.layer-folders
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "model/host.h"
#include "oci/oci.h"
#include "prov.h"
#include "sha.h"
#include "steps.h"
#include "uuid.h"
#include "winpath.h"

/*
 * A folder of the graph driver: windowsfilter, or lcow for a Linux image
 * (docker-19.03's LCOW driver keeps its layers under <root>\lcow).
 */
static const char *driver_folder(struct oci_ctx *c, const struct container *k,
				 const char *name)
{
	const char *parts[] = { c->host->daemon_root,
				k->lcow ? "lcow" : "windowsfilter", name };

	return winpath_join(c->a, parts, 3);
}

static const char *placeholder_layer(struct oci_ctx *c, const struct container *k,
				     const char *id)
{
	const char *in = arena_printf(c->a, "layer:%s", id);
	char hex[SHA256_HEX_LEN + 1];

	sha256_hex(in, strlen(in), hex);
	return driver_folder(c, k, hex);
}

const char *oci_placeholder_volume(struct arena *a, const char *id)
{
	const char *in = arena_printf(a, "volume:%s", id);
	unsigned char u[UUID_LEN];
	char text[UUID_TEXT_LEN + 1];

	uuid5(hcsc_uuid_ns, in, strlen(in), u);
	uuid_format(u, text);
	return arena_printf(a, "\\\\?\\Volume{%s}\\", text);
}

static void explain_layers(struct oci_ctx *c, const struct oci_spec *s,
			   bool given, bool scratch_given)
{
	const struct str_list *lf = &s->windows.layer_folders;
	size_t last = lf->n - 1;
	struct prov *p;

	for (size_t i = 0; i < last; i++) {
		if (given) {
			prov_put_input(c->px, &lf->v[i], "oci.spec.windows-fields-order",
				       "Runtime.LayerFolders[].Path",
				       s->windows.layer_pos[i]);
			continue;
		}
		p = prov_new(c->px, "hcsc.placeholder.layer-folders");
		prov_put(c->px, &lf->v[i],
			 prov_fact(p, PROV_PLACEHOLDER,
				   "Runtime.LayerFolders is not set"));
	}
	if (scratch_given) {
		prov_put_input(c->px, &lf->v[last], "oci.spec.windows-fields-order",
			       "Runtime.ScratchFolder", s->windows.layer_pos[last]);
		return;
	}
	p = prov_new(c->px, "hcsc.placeholder.layer-folders");
	prov_src(prov_fact(p, PROV_PLACEHOLDER, "Runtime.ScratchFolder is not set"),
		 PROV_HOST, "Daemon.Root", c->host->daemon_root_pos);
	prov_put(c->px, &lf->v[last], p);
}

enum hcsc_rc oci_set_layer_folders(struct oci_ctx *c, const struct container *k,
				   struct oci_spec *s)
{
	const struct desc_runtime *rt = &c->desc->runtime;
	const struct desc_layer *layers = rt->layer_folders.items;
	struct str_list *lf = &s->windows.layer_folders;
	size_t n = rt->layer_folders.set ? rt->layer_folders.n : 1;

	lf->set = true;
	lf->v = arena_array(c->a, n + 1, sizeof(char *));
	s->windows.layer_pos = arena_array(c->a, n + 1, sizeof(struct hcsc_pos));
	s->windows.layers_pos = oci_pos(c, rt->layer_folders.pos, rt->hdr.pos);
	if (rt->layer_folders.set) {
		for (size_t i = 0; i < n; i++) {
			lf->v[i] = layers[i].path.v;
			s->windows.layer_pos[i] = oci_pos(c, layers[i].path.pos,
							  layers[i].hdr.pos);
		}
	} else {
		lf->v[0] = placeholder_layer(c, k, k->id);
		s->windows.layer_pos[0] = s->windows.layers_pos;
		if (diag_strict_warning(c->d, DC_PLACEHOLDER, s->windows.layers_pos,
					"'Runtime.LayerFolders' is not set: using "
					"the placeholder image layer '%s' (set it to "
					"the image's layer folders, top-most first)",
					lf->v[0]) != HCSC_OK)
			return HCSC_E_INPUT;
	}
	lf->v[n] = rt->scratch_folder.set ? rt->scratch_folder.v
					  : driver_folder(c, k, k->id);
	s->windows.layer_pos[n] = oci_pos(c, rt->scratch_folder.pos,
					  s->windows.layers_pos);
	lf->n = n + 1;
	if (c->px)
		explain_layers(c, s, rt->layer_folders.set,
			       rt->scratch_folder.set);
	return HCSC_OK;
}

static void explain_root(struct oci_ctx *c, struct oci_spec *s, bool given)
{
	struct prov *p = prov_new(c->px, given ? "oci.storage.root"
					       : "hcsc.placeholder.volume-path");

	if (given)
		prov_src(p, PROV_INPUT, "Runtime.VolumePath", s->root.pos);
	else
		prov_fact(p, PROV_PLACEHOLDER, "Runtime.VolumePath is not set");
	prov_put(c->px, &s->root.path, p);
}

enum hcsc_rc oci_set_root(struct oci_ctx *c, const struct container *k,
			  struct oci_spec *s)
{
	const struct v_str *vp = &c->desc->runtime.volume_path;
	const char *path;

	s->has_root = true;
	s->root.readonly = false;
	s->root.path = "";
	s->root.pos = oci_pos(c, vp->pos, c->desc->runtime.hdr.pos);
	prov_put(c->px, &s->root.path,
		 prov_fact(prov_new(c->px, "oci.storage.root"), PROV_DEFAULT,
			   "a Hyper-V container's root path is empty"));
	if (k->hyperv)
		return HCSC_OK;
	if (!vp->set) {
		path = oci_placeholder_volume(c->a, k->id);
		if (diag_strict_warning(c->d, DC_PLACEHOLDER, s->root.pos,
					"'Runtime.VolumePath' is not set: using the "
					"placeholder volume '%s' (set it to the "
					"container's mounted scratch volume)",
					path) != HCSC_OK)
			return HCSC_E_INPUT;
	} else if (!*vp->v) {
		return diag_error(c->d, vp->pos,
				  "createSpecWindowsFields: BaseFS of container %s "
				  "is unexpectedly empty",
				  k->id);
	} else {
		path = vp->v;
	}
	if (path[strlen(path) - 1] != '\\')
		path = arena_printf(c->a, "%s\\", path);
	s->root.path = path;
	s->root.path_pos = s->root.pos;
	explain_root(c, s, vp->set);
	return HCSC_OK;
}
