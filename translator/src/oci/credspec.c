/*
 * credspec.c: `credentialspec=` security options. Mirrors moby
 * daemon/oci_windows.go setWindowsCredentialSpec, readCredentialSpecFile and
 * readCredentialSpecRegistry (rule: oci.credspec.security-opt), reading from the host
 * profile's stand-ins (rule: hcsc.host.credential-spec-standins) instead of the host.
 *
 * Deliberate difference: upstream checks file:// containment with a string
 * prefix, so `..\CredentialSpecsEvil\x` escapes the folder; hcsc requires
 * the joined path to be the folder itself or below it by whole path
 * components, and refuses the escape with upstream's message.
 * rules: oci.credspec.file, hcsc.credspec.containment,
 *   oci.credspec.registry, oci.credspec.config
 */
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "goquote.h"
#include "model/host.h"
#include "steps.h"
#include "winpath.h"

static const char invalid_secopt[] =
	"invalid credential spec security option - value must be prefixed by "
	"'file://', 'registry://', or 'raw://' followed by a non-empty value";

static const char *join2(struct arena *a, const char *x, const char *y)
{
	const char *parts[2] = { x, y };

	return winpath_join(a, parts, 2);
}

/* Is `full` the folder `base` or inside it, by whole components? */
static bool contained(const char *full, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(full, base, n) != 0)
		return false;
	return full[n] == '\0' || full[n] == '\\' ||
	       (n > 0 && base[n - 1] == '\\');
}

static enum hcsc_rc read_file(struct oci_ctx *c, const struct container *k,
			      struct hcsc_pos pos, const char *location,
			      const char **out)
{
	const struct host_profile *h = c->host;
	const char *base, *full;

	if (winpath_is_abs(location))
		return diag_error(c->d, pos,
				  "invalid credential spec: file:// path cannot "
				  "be absolute");
	base = join2(c->a, h->daemon_root, "CredentialSpecs");
	full = join2(c->a, base, location);
	if (!contained(full, base))
		return diag_error(c->d, pos,
				  "invalid credential spec: file:// path must be "
				  "under %s",
				  base);
	for (size_t i = 0; i < h->ncred_files; i++) {
		const char *have = join2(c->a, base, h->cred_files[i].key);

		if (ascii_eqi(have, full)) {
			*out = h->cred_files[i].value;
			return HCSC_OK;
		}
	}
	return diag_error(c->d, pos,
			  "failed to load credential spec for container %s: open "
			  "%s: The system cannot find the file specified.",
			  k->id, full);
}

static enum hcsc_rc read_registry(struct oci_ctx *c, const struct container *k,
				  struct hcsc_pos pos, const char *name,
				  const char **out)
{
	const struct host_profile *h = c->host;

	for (size_t i = 0; i < h->ncred_registry; i++) {
		if (ascii_eqi(h->cred_registry[i].key, name)) {
			*out = h->cred_registry[i].value;
			return HCSC_OK;
		}
	}
	return diag_error(c->d, pos,
			  "registry credential spec %s for container %s was not "
			  "found",
			  go_quote(c->a, name), k->id);
}

static enum hcsc_rc read_config(struct oci_ctx *c, struct hcsc_pos pos,
				const char *id, const char **out)
{
	const struct host_profile *h = c->host;

	/* No swarm dependency store: the same error as any unknown scheme. */
	if (!h->has_cred_configs)
		return diag_error(c->d, pos, "%s", invalid_secopt);
	for (size_t i = 0; i < h->ncred_configs; i++) {
		if (!strcmp(h->cred_configs[i].key, id)) {
			*out = h->cred_configs[i].value;
			return HCSC_OK;
		}
	}
	return diag_error(c->d, pos,
			  "error getting value from config store: config %s not "
			  "found",
			  id);
}

/* One `credentialspec=scheme://value` entry; *out gets its content. */
static enum hcsc_rc one_option(struct oci_ctx *c, const struct container *k,
			       const char *opt, struct hcsc_pos pos,
			       const char **out)
{
	const char *eq = strchr(opt, '='), *sep, *value;
	const char *key, *scheme;

	if (!eq)
		return diag_error(c->d, pos,
				  "invalid security option: no equals sign in "
				  "supplied value %s",
				  opt);
	key = arena_strndup(c->a, opt, (size_t)(eq - opt));
	if (!ascii_eqi(key, "credentialspec"))
		return diag_error(c->d, pos, "security option not supported: %s",
				  key);
	sep = strstr(eq + 1, "://");
	if (!sep || !sep[3])
		return diag_error(c->d, pos, "%s", invalid_secopt);
	scheme = ascii_lowercase(c->a, arena_strndup(c->a, eq + 1,
						      (size_t)(sep - eq - 1)));
	value = sep + 3;
	if (!strcmp(scheme, "file"))
		return read_file(c, k, pos, winpath_clean(c->a, value), out);
	if (!strcmp(scheme, "registry"))
		return read_registry(c, k, pos, value, out);
	if (!strcmp(scheme, "config"))
		return read_config(c, pos, value, out);
	if (!strcmp(scheme, "raw")) {
		*out = value;
		return HCSC_OK;
	}
	return diag_error(c->d, pos, "%s", invalid_secopt);
}

enum hcsc_rc oci_set_credential_spec(struct oci_ctx *c,
				     const struct container *k,
				     struct oci_spec *s)
{
	const struct v_list *opts = &c->desc->host_config.security_opt;
	const char *spec = "";
	struct hcsc_pos spec_pos = { 0 };

	for (size_t i = 0; i < opts->n; i++) {
		enum hcsc_rc rc = one_option(c, k, opts->v[i], opts->item_pos[i],
					     &spec);

		if (rc != HCSC_OK)
			return rc;
		spec_pos = opts->item_pos[i];
	}
	if (*spec) {
		s->has_windows = true;
		s->windows.credspec_kind = OCI_CREDSPEC_STRING;
		s->windows.credential_spec = spec;
		s->windows.credspec_pos = spec_pos;
	}
	return HCSC_OK;
}
