/*
 * credspec.c: `credentialspec=` security options, reading from the host
 * profile's stand-ins (rule: hcsc.host.credential-spec-standins) instead of the host. Two
 * variants side by side: moby master's setWindowsCredentialSpec (rule: oci.credspec.security-opt),
 * readCredentialSpecFile and readCredentialSpecRegistry (file, registry,
 * config, raw), and moby 85ad4b16c1's loop in createSpecWindowsFields
 * (docker-19.03: the whole option lowercased, no raw://, its own texts,
 * and the spec's credentialSpec set, "" included, whenever SecurityOpt is
 * not nil).
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
#include "golower.h"
#include "goquote.h"
#include "model/host.h"
#include "prov.h"
#include "steps.h"
#include "target/target.h"
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

/* The profile's stand-in for CredentialSpecs file `full`, or NULL. */
static const char *find_file(struct oci_ctx *c, const char *base,
			     const char *full)
{
	const struct host_profile *h = c->host;

	for (size_t i = 0; i < h->ncred_files; i++)
		if (ascii_eqi(join2(c->a, base, h->cred_files[i].key), full))
			return h->cred_files[i].value;
	return NULL;
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
	if ((*out = find_file(c, base, full)) != NULL)
		return HCSC_OK;
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

/* ---- moby 85ad4b16c1 (docker-19.03) ------------------------------------ */
/* rule: oci.moby-1903.credspec */

static const char invalid_secopt_1903[] =
	"invalid credential spec security option - value must be prefixed "
	"file:// or registry:// followed by a value";

static enum hcsc_rc read_file_1903(struct oci_ctx *c, const struct container *k,
				   struct hcsc_pos pos, const char *location,
				   const char **out)
{
	const struct host_profile *h = c->host;
	const char *base, *full, *err;

	if (winpath_is_abs(location))
		return diag_error(c->d, pos, "invalid credential spec - file:// "
					     "path cannot be absolute");
	base = join2(c->a, h->daemon_root, "CredentialSpecs");
	full = join2(c->a, base, location);
	if (!contained(full, base))
		return diag_error(c->d, pos, "invalid credential spec - file:// "
					     "path must be under %s",
				  base);
	if ((*out = find_file(c, base, full)) != NULL)
		return HCSC_OK;
	err = arena_printf(c->a, "open %s: The system cannot find the file "
				 "specified.",
			   full);
	return diag_error(c->d, pos, "credential spec '%s' for container %s as "
				     "the file could not be read: %s",
			  full, k->id, go_quote(c->a, err));
}

static enum hcsc_rc read_registry_1903(struct oci_ctx *c,
				       const struct container *k,
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
	return diag_error(c->d, pos, "credential spec %s for container %s as it "
				     "was not found",
			  go_quote(c->a, name), k->id);
}

static enum hcsc_rc read_config_1903(struct oci_ctx *c, struct hcsc_pos pos,
				     const char *id, const char **out)
{
	const struct host_profile *h = c->host;

	if (!h->has_cred_configs)
		return diag_error(c->d, pos, "%s", invalid_secopt_1903);
	if (!*id)
		return diag_error(c->d, pos, "no value supplied for config:// "
					     "credential spec security option");
	for (size_t i = 0; i < h->ncred_configs; i++) {
		if (!strcmp(h->cred_configs[i].key, id)) {
			*out = h->cred_configs[i].value;
			return HCSC_OK;
		}
	}
	return diag_error(c->d, pos, "error getting value from config store: "
				     "config %s not found",
			  id);
}

/* The scheme's value, or an error when it is empty ("no value supplied"). */
static bool scheme_value(const char *v, const char *scheme, const char **rest)
{
	if (!str_prefix(v, scheme))
		return false;
	*rest = v + strlen(scheme);
	return true;
}

static enum hcsc_rc one_option_1903(struct oci_ctx *c, const struct container *k,
				    const char *raw, struct hcsc_pos pos,
				    const char **out)
{
	const char *opt = go_lower(c->a, raw);
	const char *eq = strchr(opt, '='), *v, *rest;
	static const char *const schemes[] = { "file://", "registry://" };

	if (!eq)
		return diag_error(c->d, pos, "invalid security option: no equals "
					     "sign in supplied value %s",
				  opt);
	if ((size_t)(eq - opt) != 14 || strncmp(opt, "credentialspec", 14))
		return diag_error(c->d, pos, "security option not supported: %.*s",
				  (int)(eq - opt), opt);
	v = eq + 1;
	for (size_t i = 0; i < 2; i++) {
		if (!scheme_value(v, schemes[i], &rest))
			continue;
		if (!*rest)
			return diag_error(c->d, pos, "no value supplied for %s "
						     "credential spec security "
						     "option",
					  schemes[i]);
		return i == 0 ? read_file_1903(c, k, pos,
					       winpath_clean(c->a, rest), out)
			      : read_registry_1903(c, k, pos, rest, out);
	}
	if (scheme_value(v, "config://", &rest))
		return read_config_1903(c, pos, rest, out);
	return diag_error(c->d, pos, "%s", invalid_secopt_1903);
}

/* ---- the rule ------------------------------------------------------------ */

enum hcsc_rc oci_set_credential_spec(struct oci_ctx *c,
				     const struct container *k,
				     struct oci_spec *s)
{
	const struct v_list *opts = &c->desc->host_config.security_opt;
	bool era = c->t->oci == TARGET_OCI_MOBY_1903;
	const char *spec = "";
	struct hcsc_pos spec_pos = opts->pos;

	for (size_t i = 0; i < opts->n; i++) {
		enum hcsc_rc rc = era ? one_option_1903(c, k, opts->v[i],
							opts->item_pos[i], &spec)
				      : one_option(c, k, opts->v[i],
						   opts->item_pos[i], &spec);

		if (rc != HCSC_OK)
			return rc;
		spec_pos = opts->item_pos[i];
	}
	if (*spec || (era && opts->set)) {
		s->has_windows = true;
		s->windows.credspec_kind = OCI_CREDSPEC_STRING;
		s->windows.credential_spec = spec;
		s->windows.credspec_pos = spec_pos;
		prov_src(prov_put_input(c->px, &s->windows.credential_spec,
					era ? "oci.moby-1903.credspec"
					    : "oci.credspec.security-opt",
					"HostConfig.SecurityOpt", spec_pos),
			 PROV_HOST, "CredentialSpecs (the file, registry value "
				    "or config the option names)",
			 pos_make(c->host->file, 0, 0));
	}
	return HCSC_OK;
}
