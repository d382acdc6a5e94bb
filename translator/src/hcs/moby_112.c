/*
 * moby_112.c: the documents Docker 1.12-dev handed to HCS (target
 * docker-1.12, moby da92dad, April 2016; no release tag holds that text):
 *
 * containerInit, libcontainerd/client_windows.go Create: VolumePath and
 * LayerFolderPath from the windowsoci spec (kept for Hyper-V too: the
 * struct literal sets them before the isolation branch), the layers with
 * their IDs, ProcessorWeight = the CPU shares, ProcessorMaximum = the CPU
 * percent times 100, every spec mount as a mapped directory, and for
 * Hyper-V HvPartition, HvRuntime and SandboxPath = the layer folder's
 * parent (`%root%\windowsfilter`). The memory and storage limits of the
 * spec are always nil then, so never set.
 *
 * The init process, container_windows.go start: hcsshim v0.2.2
 * CreateProcessParams with the spec's args joined by one space, the
 * working directory, the environment split on every `=` (an entry is kept
 * only when that gives exactly two parts), EmulateConsole = the tty, and
 * the console size, zeroed by hcsshim without a console.
 * rules: hcs.moby-112.container-init, process.moby-112.params
 */
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "hcs/hcs_int.h"
#include "winpath.h"

static void set_layers(struct json_object *o, const struct hcs_plan *p)
{
	struct json_object *arr, *l;

	if (!p->nlayers) {
		hcs_set(o, "Layers", NULL);
		return;
	}
	arr = hcs_set(o, "Layers", hcs_arr());
	for (size_t i = 0; i < p->nlayers; i++) {
		l = hcs_obj();
		hcs_set_str(l, "ID", p->layer_ids[i]);
		hcs_explain_key(l, "ID", hcs_layer_prov(p, i));
		hcs_set_str(l, "Path", p->layers[i]);
		hcs_push(arr, l);
	}
}

/* `mds := make([]mappedDir, len(spec.Mounts))`: [] when there is none. */
static void set_mounts(struct json_object *o, const struct oci_spec *s)
{
	struct json_object *arr = hcs_set(o, "MappedDirectories", hcs_arr()), *m;

	for (size_t i = 0; i < s->nmounts; i++) {
		const struct oci_mount *mt = &s->mounts[i];

		m = hcs_obj();
		hcs_set_str(m, "HostPath", mt->source);
		hcs_set_str(m, "ContainerPath", mt->destination);
		hcs_set_bool(m, "ReadOnly", mt->options.n &&
						    !strcmp(mt->options.v[0], "ro"));
		hcs_push(arr, m);
	}
}

static void set_hyperv(struct arena *a, struct json_object *o,
		       const struct oci_spec *s, const char *layer_folder)
{
	if (!s->windows.has_hyperv) {
		hcs_set(o, "HvRuntime", NULL);
		hcs_set_str(o, "SandboxPath", "");
		return;
	}
	hcs_set_str(hcs_set_obj(o, "HvRuntime"), "ImagePath", s->w112.hv_image);
	hcs_set_str(o, "SandboxPath", winpath_dir(a, layer_folder));
}

enum hcsc_rc hcs_moby_112_build(struct arena *a, struct diag_list *d,
				const struct hcs_input *in,
				struct json_object **v1)
{
	const struct oci_spec *s = in->spec;
	const struct str_list *lf = &s->windows.layer_folders;
	const char *folder = lf->n ? lf->v[lf->n - 1] : "";
	struct json_object *o = hcs_obj();
	struct hcs_plan p;
	enum hcsc_rc rc;

	memset(&p, 0, sizeof(p));
	p.in = in;
	p.spec = s;
	p.layers = lf->v;
	p.nlayers = lf->n ? lf->n - 1 : 0;
	rc = hcs_layer_ids(a, d, &p);
	if (rc != HCSC_OK) {
		json_object_put(o);
		return rc;
	}
	hcs_set_str(o, "SystemType", "Container");
	hcs_set_str(o, "Name", in->id);
	hcs_set_str(o, "Owner", in->owner);
	hcs_set_bool(o, "IsDummy", false);
	hcs_set_str(o, "VolumePath", s->root.path);
	hcs_set(o, "Devices", NULL);
	hcs_set_bool(o, "IgnoreFlushesDuringBoot",
		     s->windows.ignore_flushes_during_boot);
	hcs_set_str(o, "LayerFolderPath", folder);
	set_layers(o, &p);
	hcs_set_uint(o, "ProcessorWeight", s->w112.cpu_shares);
	hcs_set_int(o, "ProcessorMaximum", s->w112.cpu_percent * 100);
	hcs_set_str(o, "HostName", s->hostname);
	set_mounts(o, s);
	hcs_set_bool(o, "HvPartition", s->windows.has_hyperv);
	hcs_set_strs(o, "EndpointList", &s->windows.endpoint_list);
	set_hyperv(a, o, s, folder);
	hcs_set_bool(o, "Servicing", false);
	*v1 = o;
	return HCSC_OK;
}

/* setupEnvironmentVariables of that client: strings.Split, two parts. */
static void set_environment(struct arena *a, struct json_object *o,
			    const struct str_list *env)
{
	struct json_object *m = hcs_set_obj(o, "Environment");

	for (size_t i = 0; i < env->n; i++) {
		const char *e = env->v[i] ? env->v[i] : "";
		const char *eq = strchr(e, '=');

		if (!eq || strchr(eq + 1, '='))
			continue;
		hcs_map_set_str(m, arena_strndup(a, e, (size_t)(eq - e)),
				eq + 1);
	}
}

struct json_object *hcs_process_112(struct arena *a, const struct hcs_input *in)
{
	const struct oci_spec *s = in->spec;
	struct json_object *o = hcs_obj(), *cs;
	bool tty = s->process.terminal;

	hcs_set_str(o, "ApplicationName", "");
	hcs_set_str(o, "CommandLine",
		    arena_join(a, (const char *const *)s->process.args.v,
			       s->process.args.n, " "));
	hcs_set_str(o, "WorkingDirectory", s->process.cwd);
	set_environment(a, o, &s->process.env);
	hcs_set_bool(o, "EmulateConsole", tty);
	cs = hcs_set(o, "ConsoleSize", hcs_arr());
	hcs_push(cs, json_object_new_int64(tty ? s->w112.console[0] : 0));
	hcs_push(cs, json_object_new_int64(tty ? s->w112.console[1] : 0));
	return o;
}
