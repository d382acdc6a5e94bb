/*
 * rules.h: the rule catalogue (docs/rules.md) as data, generated at build
 * time (cmake/rules_table.cmake), so `hcsc explain` prints each rule's
 * statement and upstream source from the one place they are written.
 */
#ifndef HCSC_EXPLAIN_RULES_H
#define HCSC_EXPLAIN_RULES_H

struct rule_ref {
	const char *id;
	const char *statement; /* the first paragraph, in the project's words */
	const char *upstream;  /* repository, release, file, function */
};

/* In catalogue order (rules_table.c). */
extern const struct rule_ref rule_refs[];
extern const unsigned rule_nrefs;

/* The catalogue entry of `id`, or NULL. */
const struct rule_ref *rule_find(const char *id);

#endif
