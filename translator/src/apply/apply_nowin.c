/*
 * apply/apply_nowin.c: the apply back end off Windows: there is no HCS,
 * so only --dry-run works (apply.c refuses the rest with "--apply needs a
 * Windows host", exit 2, before it gets here).
 */
#include "apply/apply_int.h"

#ifndef _WIN32

bool apply_supported(void)
{
	return false;
}

bool apply_host_build(unsigned *build)
{
	*build = 0;
	return false;
}

enum hcsc_rc apply_name_to_guid(const struct apply_job *j, const char *name,
				char guid[APPLY_GUID_TEXT])
{
	(void)name;
	guid[0] = '\0';
	apply_say(j, APPLY_ERROR, "--apply needs a Windows host");
	return HCSC_E_USAGE;
}

int apply_submit(const struct apply_job *j)
{
	apply_say(j, APPLY_ERROR, "--apply needs a Windows host");
	return HCSC_E_USAGE;
}

#endif
