/*
 * latest.c: what hcsshim main's createWindowsContainerDocument adds to the
 * v2 container that v0.8.6 did not (target docker-containerd), planned
 * before the documents are printed, in the function's order:
 *   assigned devices   parseAssignedDevices (V2 Argon and Xenon)
 *   device extensions  getDeviceExtensions: files on the host, not read
 *                      offline (a warning; the field is left out)
 *   registry values    WaitToKillServiceTimeout always; the WER dump
 *                      values when a dump location is annotated
 *   HostProcess        IsolationType and PrivilegedContainerRootPath of
 *                      an isolated job container (ospath.Sanitize)
 * and, before it, the shim's gMSA check (validateContainerConfig) and the
 * credential guard instance that only a live HCS can create.
 * rules: hcs.latest.devices, hcs.latest.dump-registry,
 *   hcs.latest.host-process, hcs.latest.gmsa-check,
 *   hcs.latest.credential-guard
 */
#include <inttypes.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "goquote.h"
#include "hcs/hcs_int.h"
#include "winpath.h"

#define ANN_DUMP_LOCATION "io.microsoft.container.processdumplocation"
#define ANN_DUMP_TYPE "io.microsoft.wcow.processdumptype"
#define ANN_DUMP_COUNT "io.microsoft.wcow.processdumpcount"
#define ANN_DEVICE_EXT "io.microsoft.container.wcow.deviceextensions"
#define ANN_TEST_REGISTRY "io.microsoft.container.wcow.test-registry-annotation"
#define ANN_GMSA_DISABLE "io.microsoft.container.wcow.gmsa.disable"
#define ANN_HOST_PROCESS "microsoft.com/hostprocess-container"
#define ANN_HPC_ROOTFS "microsoft.com/hostprocess-rootfs-location"
#define DUMP_SUFFIX "{container_id}"
#define DUMP_SUFFIX_UPPER "{CONTAINER_ID}"

static const char *ann(const struct oci_spec *s, const char *key, bool *present)
{
	const char *v = NULL;

	*present = false;
	for (size_t i = 0; i < s->nannotations; i++) {
		if (s->annotations[i].key && !strcmp(s->annotations[i].key, key)) {
			v = s->annotations[i].value ? s->annotations[i].value : "";
			*present = true;
		}
	}
	return v ? v : "";
}

/* strconv.ParseBool. */
static bool go_parse_bool_true(const char *v)
{
	static const char *const yes[] = { "1", "t", "T", "TRUE", "true", "True" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!strcmp(v, yes[i]))
			return true;
	return false;
}

/* The shim's validateContainerConfig, and the CCG instance (P2, P7). */
static enum hcsc_rc credential_guard(struct diag_list *d, struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	bool present;

	if (s->windows.credspec_kind != OCI_CREDSPEC_STRING)
		return HCSC_OK;
	if (go_parse_bool_true(ann(s, ANN_GMSA_DISABLE, &present)))
		return diag_error(d, pos_or(s->windows.credspec_pos, s->pos),
				  "container config validation failed: gMSA "
				  "credentials are disabled: operation denied");
	diag_warning(d, DC_CREDSPEC, pos_or(s->windows.credspec_pos, s->pos),
		     "the v2 document leaves out 'ContainerCredentialGuard': "
		     "the shim gets that state from a credential guard "
		     "instance that only a live HCS creates");
	return HCSC_OK;
}

static enum hcsc_rc plan_devices(struct arena *a, struct diag_list *d,
				 struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;

	p->devices = arena_array(a, s->windows.ndevices + 1, sizeof(*p->devices));
	for (size_t i = 0; i < s->windows.ndevices; i++) {
		const struct oci_device *dev = &s->windows.devices[i];
		const char *type = dev->id_type ? dev->id_type : "";
		struct hcs_device *out = &p->devices[p->ndevices++];

		if (!strcmp(type, "vpci-location-path")) {
			out->type = "DeviceInstance";
			out->location_path = dev->id;
		} else if (!strcmp(type, "class") ||
			   !strcmp(type, "vpci-class-guid")) {
			out->class_guid = dev->id;
		} else {
			return diag_error(d, pos_or(dev->pos, s->pos),
					  "specified device %s has unsupported "
					  "type %s",
					  dev->id ? dev->id : "", type);
		}
	}
	return HCSC_OK;
}

static void not_modelled(struct diag_list *d, const struct oci_spec *s,
			 const char *key, const char *what)
{
	bool present;

	ann(s, key, &present);
	if (present)
		diag_warning(d, DC_ANNOTATION, s->pos,
			     "annotation '%s' is not modelled: hcsc cannot read "
			     "%s offline, so the v2 document lacks what hcsshim "
			     "would add from it",
			     key, what);
}

/*
 * strconv.ParseInt(v, 10, 32): NULL and *out set, or the error's text
 * (Go stops at the first byte that overflows or is not a digit).
 */
static const char *parse_int32(struct arena *a, const char *v, int32_t *out)
{
	const char *c = v;
	bool neg = *c == '-';
	uint64_t n = 0, max = (uint64_t)INT32_MAX + (neg ? 1 : 0);

	if (*c == '+' || *c == '-')
		c++;
	if (!*c)
		return arena_printf(a, "strconv.ParseInt: parsing %s: invalid "
				       "syntax", go_quote(a, v));
	for (; *c; c++) {
		if (!ascii_isdigit(*c))
			return arena_printf(a, "strconv.ParseInt: parsing %s: "
					       "invalid syntax", go_quote(a, v));
		n = n * 10 + (uint64_t)(*c - '0');
		if (n > max)
			return arena_printf(a, "strconv.ParseInt: parsing %s: "
					       "value out of range", go_quote(a, v));
	}
	*out = neg ? (int32_t)-(int64_t)n : (int32_t)n;
	return NULL;
}

/* parseDumpType and parseDumpCount. */
static enum hcsc_rc plan_dump_values(struct arena *a, struct diag_list *d,
				     struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	const char *type, *count, *err;
	bool present;

	type = ann(s, ANN_DUMP_TYPE, &present);
	if (!*type || !strcmp(type, "full"))
		p->dump_type = 2;
	else if (!strcmp(type, "mini"))
		p->dump_type = 1;
	else
		return diag_error(d, s->pos, "unknown dump type specified, valid "
					     "values are \"mini\" or \"full\"");
	count = ann(s, ANN_DUMP_COUNT, &present);
	p->dump_count = 10;
	if (!*count)
		return HCSC_OK;
	err = parse_int32(a, count, &p->dump_count);
	if (err)
		return diag_error(d, s->pos, "%s", err);
	if (p->dump_count <= 0)
		return diag_error(d, s->pos, "invaid dump count specified: %s",
				  count);
	return HCSC_OK;
}

/* The WER dump folder: `{container_id}` (or all upper case) is the ID. */
static enum hcsc_rc plan_dump(struct arena *a, struct diag_list *d,
			      struct hcs_plan *p)
{
	const char *path, *id = p->in->id ? p->in->id : "";
	bool present;
	size_t n;

	path = ann(p->spec, ANN_DUMP_LOCATION, &present);
	if (!present || !*path)
		return HCSC_OK;
	n = strlen(path);
	if (str_suffix(path, DUMP_SUFFIX) || str_suffix(path, DUMP_SUFFIX_UPPER))
		path = arena_printf(a, "%.*s%s",
				    (int)(n - (sizeof(DUMP_SUFFIX) - 1)), path, id);
	p->dump_path = path;
	return plan_dump_values(a, d, p);
}

/* ospath.Sanitize against the utility VM's reserved folders. */
static const char *sanitize(struct arena *a, const char *path)
{
	static const char *const reserved[] = { "c:\\windows", "c:\\mounts",
						"c:\\efi", "c:\\sandboxmounts" };
	const char *clean;
	size_t n;

	if (!*path)
		return NULL;
	clean = winpath_clean(a, path);
	if (str_prefix(clean, "\\\\") || str_prefix(clean, "//"))
		return NULL;
	if (strlen(clean) < 3 || clean[1] != ':' ||
	    (clean[2] != '\\' && clean[2] != '/') || !ascii_isalpha(clean[0]))
		return NULL;
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
		n = strlen(reserved[i]);
		if (ascii_prefixi(clean, reserved[i]) &&
		    (clean[n] == '\0' || clean[n] == '\\' || clean[n] == '/'))
			return NULL;
	}
	return clean;
}

static enum hcsc_rc plan_host_process(struct arena *a, struct diag_list *d,
				      struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	const char *root;
	bool present;

	if (strcmp(ann(s, ANN_HOST_PROCESS, &present), "true") || !p->hyperv)
		return HCSC_OK;
	p->host_process = true;
	root = ann(s, ANN_HPC_ROOTFS, &present);
	if (!present)
		return HCSC_OK;
	p->host_process_root = sanitize(a, root);
	if (!p->host_process_root)
		return diag_error(d, s->pos, "unsafe path detected");
	return HCSC_OK;
}

enum hcsc_rc hcs_plan_latest_checks(struct diag_list *d, struct hcs_plan *p)
{
	return credential_guard(d, p);
}

enum hcsc_rc hcs_plan_latest_extras(struct arena *a, struct diag_list *d,
				    struct hcs_plan *p)
{
	enum hcsc_rc rc = plan_devices(a, d, p);

	if (rc != HCSC_OK)
		return rc;
	not_modelled(d, p->spec, ANN_DEVICE_EXT, "device extension files");
	rc = plan_dump(a, d, p);
	if (rc != HCSC_OK)
		return rc;
	not_modelled(d, p->spec, ANN_TEST_REGISTRY, "test registry values");
	return plan_host_process(a, d, p);
}
