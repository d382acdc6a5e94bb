/*
 * devices.c: HostConfig.Devices -> spec.windows.devices, two variants:
 * moby master's setupWindowsDevices (the 2023 seed): `class/ID`, or
 * `IDType://ID` with a non-empty IDType; and moby 85ad4b16c1's
 * createSpecWindowsFields (docker-19.03): process isolation from build
 * 17763 only, `class/ID` only. The first bad entry fails the whole call. rule:
 * oci.devices.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "model/host.h"
#include "prov.h"
#include "steps.h"
#include "target/target.h"

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

/* moby 85ad4b16c1: strings.SplitN(PathOnHost, "/", 2), "class" only. */
static enum hcsc_rc one_device_1903(struct oci_ctx *c,
				    const struct desc_device *dev,
				    struct oci_device *out)
{
	const char *p = dev->path_on_host.v;
	const char *slash = strchr(p, '/');
	struct hcsc_pos pos = dev->path_on_host.set ? dev->path_on_host.pos
						    : dev->hdr.pos;

	out->pos = pos;
	if (!slash)
		return diag_error(c->d, pos, "invalid device assignment path");
	out->id_type = arena_strndup(c->a, p, (size_t)(slash - p));
	if (strcmp(out->id_type, "class"))
		return diag_error(c->d, pos, "invalid device assignment type: "
					     "'%s' should be 'class'",
				  out->id_type);
	out->id = slash + 1;
	return HCSC_OK;
}

/* moby 85ad4b16c1 checked isolation and build before the paths.
 * rule: oci.moby-1903.devices */
static enum hcsc_rc check_1903(struct oci_ctx *c, const struct container *k,
			       struct hcsc_pos pos)
{
	if (k->hyperv)
		return diag_error(c->d, pos, "device assignment is not supported "
					     "for HyperV containers");
	if (c->host->os_build < BUILD_RS5)
		return diag_error(c->d, pos, "device assignment requires Windows "
					     "builds RS5 (17763+) or later");
	return HCSC_OK;
}

enum hcsc_rc oci_set_devices(struct oci_ctx *c, const struct container *k,
			     struct oci_spec *s)
{
	const struct v_objlist *list = &c->desc->host_config.devices;
	const struct desc_device *devs = list->items;
	struct oci_device *out;

	bool era = c->t->oci == TARGET_OCI_MOBY_1903;

	if (!list->n)
		return HCSC_OK;
	if (era) {
		enum hcsc_rc rc = check_1903(c, k, oci_pos(c, list->pos,
							   c->desc->host_config.hdr.pos));

		if (rc != HCSC_OK)
			return rc;
	}
	out = arena_array(c->a, list->n, sizeof(*out));
	for (size_t i = 0; i < list->n; i++) {
		enum hcsc_rc rc = era ? one_device_1903(c, &devs[i], &out[i])
				      : one_device(c, &devs[i], &out[i]);

		if (rc != HCSC_OK)
			return rc;
		prov_put_input(c->px, &out[i], era ? "oci.moby-1903.devices"
						   : "oci.devices",
			       "HostConfig.Devices[].PathOnHost", devs[i].hdr.pos);
	}
	s->windows.devices = out;
	s->windows.ndevices = list->n;
	return HCSC_OK;
}
