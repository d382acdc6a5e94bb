/*
 * mounts.c: the spec's mounts as HCS mapped directories and mapped pipes,
 * shared by the v1 and v2 documents of the hcsshim builders, as hcs.c
 * classified them (v0.8.6: a pipe is a mount whose destination starts
 * with `\\.\pipe\`; hcsshim main: a pipe source, mapped only to a pipe
 * destination). Keys are the union of both documents' fields; each shape
 * prints its own.
 * rule: hcs.latest.pipes
 */
#include <json-c/json.h>

#include "hcs_int.h"

static struct json_object *mapped_dir(const struct hcs_plan *p,
				      const struct hcs_mount *m, bool in_uvm,
				      bool v2)
{
	struct json_object *o = hcs_obj();

	hcs_set_str(o, "HostPath", in_uvm ? m->uvm_path : m->m->source);
	hcs_set_str(o, "ContainerPath", m->m->destination);
	/* omitempty in hcsschema.MappedDirectory, not in schema1.MappedDir */
	if (v2)
		hcs_set_bool_oe(o, "ReadOnly", m->readonly);
	else
		hcs_set_bool_nz(p->in, o, "ReadOnly", m->readonly);
	return o;
}

static struct json_object *mapped_pipe(const struct hcs_mount *m)
{
	struct json_object *o = hcs_obj();

	hcs_set_str(o, "HostPath", m->pipe_host);
	hcs_set_str(o, "ContainerPipeName", m->pipe_name);
	return o;
}

/* The v1 document's arrays, shared (hcs_int.h). */
static void share_v1_mounts(struct json_object *o, const struct hcs_plan *p)
{
	if (p->v1_dirs)
		hcs_set(o, "MappedDirectories", json_object_get(p->v1_dirs));
	if (p->v1_pipes)
		hcs_set(o, "MappedPipes", json_object_get(p->v1_pipes));
}

void hcs_set_mounts(struct json_object *o, const struct hcs_plan *p,
		    bool in_uvm, bool v2)
{
	struct json_object *dirs = NULL, *pipes = NULL;

	if (v2 && !in_uvm) {
		share_v1_mounts(o, p);
		return;
	}
	for (size_t i = 0; i < p->nmounts; i++) {
		const struct hcs_mount *m = &p->mounts[i];

		if (m->dropped)
			continue;
		if (m->pipe) {
			if (!pipes)
				pipes = hcs_set(o, "MappedPipes", hcs_arr());
			hcs_push(pipes, mapped_pipe(m));
		} else {
			if (!dirs)
				dirs = hcs_set(o, "MappedDirectories", hcs_arr());
			hcs_push(dirs, mapped_dir(p, m, in_uvm, v2));
		}
	}
}
