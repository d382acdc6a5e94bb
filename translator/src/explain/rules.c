/*
 * rules.c: looking up the generated rule table (rules.h).
 */
#include "explain/rules.h"

#include <string.h>

const struct rule_ref *rule_find(const char *id)
{
	for (unsigned i = 0; id && i < rule_nrefs; i++)
		if (!strcmp(rule_refs[i].id, id))
			return &rule_refs[i];
	return NULL;
}
