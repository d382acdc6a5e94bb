/*
 * devices.c: HostConfig.Devices -> spec.windows.devices. Mirrors moby
 * daemon/oci_windows.go setupWindowsDevices (2023 seed = master):
 * `class/ID`, or `IDType://ID` with a non-empty IDType. The first bad entry
 * fails the whole call. rule: oci.devices.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "steps.h"

static enum hcsc_rc one_device(struct oci_ctx *c, const struct desc_device *dev,
			       struct oci_device *out)
{
	const char *p = dev->path_on_host.v;
	const char *sep;
	struct hcsc_pos pos = dev->path_on_host.set ? dev->path_on_host.pos
						    : dev->hdr.pos;

	out->pos = pos;
	if (!strncmp(p, "class/", 6)) {
		out->id_type = "class";
		out->id = p + 6;
		return HCSC_OK;
	}
	sep = strstr(p, "://");
	if (!sep)
		return diag_error(c->d, pos,
				  "invalid device assignment path: '%s', must be "
				  "'class/ID' or 'IDType://ID'",
				  p);
	if (sep == p)
		return diag_error(c->d, pos,
				  "invalid device assignment path: '%s', IDType "
				  "cannot be empty",
				  p);
	out->id_type = arena_strndup(c->a, p, (size_t)(sep - p));
	out->id = sep + 3;
	return HCSC_OK;
}

enum hcsc_rc oci_set_devices(struct oci_ctx *c, struct oci_spec *s)
{
	const struct v_objlist *list = &c->desc->host_config.devices;
	const struct desc_device *devs = list->items;
	struct oci_device *out;

	if (!list->n)
		return HCSC_OK;
	out = arena_array(c->a, list->n, sizeof(*out));
	for (size_t i = 0; i < list->n; i++) {
		enum hcsc_rc rc = one_device(c, &devs[i], &out[i]);

		if (rc != HCSC_OK)
			return rc;
	}
	s->windows.devices = out;
	s->windows.ndevices = list->n;
	return HCSC_OK;
}
