/*
 * resources.h: CPU, memory and storage I/O limits (rule: oci.resources.validation).
 */
#ifndef HCSC_OCI_RESOURCES_H
#define HCSC_OCI_RESOURCES_H

#include "container.h"

/*
 * verifyPlatformContainerResources: warnings and discards (process
 * isolation), then the range, conflict and unsupported-field checks.
 */
enum hcsc_rc oci_verify_resources(struct oci_ctx *c, struct container *k);

/* setResourcesInSpec: spec.windows.resources from the stored HostConfig. */
void oci_set_resources(const struct oci_ctx *c, const struct container *k,
		       struct oci_spec *s);

#endif
