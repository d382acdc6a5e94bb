/*
 * oci_harness.h: run the OCI stage in-process on a YAML description and a
 * host profile given as text, for table-driven rule tests. Everything lives
 * in one arena per run (oci_run_free releases it).
 */
#ifndef HCSC_OCI_HARNESS_H
#define HCSC_OCI_HARNESS_H

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "load/load.h"
#include "model/desc.h"
#include "model/host.h"
#include "oci/oci.h"
#include "target/target.h"
#include "support/t_support.h"

struct oci_run {
	struct arena *a;
	struct diag_list d;
	struct oci_spec spec;
	struct oci_result res;
	enum hcsc_rc rc;
};

/* host_yaml: a host profile file's text, or NULL for the default. */
static void oci_run(struct oci_run *r, const char *desc_yaml,
		   const char *host_yaml)
{
	struct node *root = NULL, *hroot = NULL;
	struct host_profile host;
	struct desc desc;

	memset(r, 0, sizeof(*r));
	r->a = arena_new();
	diag_list_init(&r->d, r->a, false);
	if (host_yaml) {
		r->rc = load_parse(r->a, &r->d, "host.yaml", host_yaml,
				   strlen(host_yaml), LOAD_YAML, &hroot);
		if (r->rc == HCSC_OK)
			r->rc = host_decode(r->a, &r->d, "host.yaml", hroot,
					    &host);
		if (r->rc != HCSC_OK)
			return;
	} else {
		host_from_builtin(host_builtin_find(HOST_DEFAULT_NAME), &host);
	}
	r->rc = load_parse(r->a, &r->d, "case.yaml", desc_yaml,
			   strlen(desc_yaml), LOAD_YAML, &root);
	if (r->rc != HCSC_OK)
		return;
	r->rc = desc_decode(r->a, &r->d, "case.yaml", root, &desc);
	if (r->rc != HCSC_OK)
		return;
	r->rc = oci_lower(r->a, &r->d, &desc, &host, target_default(), NULL,
			  &r->spec, &r->res);
}

/* The first error's message, or "" when none. */
static inline const char *oci_run_error(const struct oci_run *r)
{
	return t_first_error(&r->d);
}

/* Does some warning contain `text`? */
static inline int oci_run_warned(const struct oci_run *r, const char *text)
{
	return t_warned(&r->d, text) ? 1 : 0;
}

static void oci_run_free(struct oci_run *r)
{
	diag_list_release(&r->d);
	arena_free(r->a);
}

/* The runtime facts most cases give, so no placeholder warnings appear. */
#define RUNTIME_FACTS                                                          \
	"Runtime:\n"                                                           \
	"  LayerFolders: [{Path: 'C:\\l\\base', Id: "                          \
	"0a1b2c3d-0000-0000-0000-000000000001}]\n"                             \
	"  VolumePath: '\\\\?\\Volume{11111111-2222-3333-4444-555555555555}'\n" \
	"  NetworkNamespace: 2f0d5a8c-4e1b-4b7e-9a3d-1c6e8f2b9d40\n"

#endif
