/*
 * prov.h: provenance records, what `hcsc explain` prints for each value of
 * the produced documents: the rule that made it (a catalogue ID of
 * docs/rules.md), the arithmetic when there is some, and where its inputs
 * came from (description nodes, host profile keys, target facts, defaults,
 * placeholders, or a value of an earlier document).
 *
 * A compile that explains carries a `struct prov_tab` (NULL otherwise, and
 * then every call below is a no-op, so the plain compile pays one branch a
 * value). The OCI stage keys records by the address of the spec value they
 * explain (prov_put); the builders of the documents attach them to the
 * json-c values they make (prov_attach), and the emitter hands each printed
 * value with its record to explain (emit_json_visit). Records live in the
 * compile's arena.
 */
#ifndef HCSC_COMMON_PROV_H
#define HCSC_COMMON_PROV_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

struct arena;
struct json_object;

enum prov_kind {
	PROV_INPUT,       /* a node of the description (or its front end) */
	PROV_HOST,        /* a host profile key */
	PROV_TARGET,      /* a fact of the target engine */
	PROV_DEFAULT,     /* upstream's fixed or default value */
	PROV_PLACEHOLDER, /* hcsc's stand-in for a fact known only at run time */
	PROV_DOC,         /* a value of an earlier document (`what` = pointer) */
	PROV_KIND_COUNT
};

struct prov_src {
	enum prov_kind kind;
	const char *what;    /* key path, profile key, fact or document pointer */
	/*
	 * PROV_INPUT / PROV_HOST: where. No file: the input did not give it;
	 * file "": given or not, the record does not know the node.
	 */
	struct hcsc_pos pos;
};

#define PROV_MAX_SRC 4

struct prov {
	const char *rule; /* a docs/rules.md ID */
	const char *math; /* the arithmetic, or NULL */
	unsigned n;
	struct prov_src src[PROV_MAX_SRC];
};

struct prov_tab;

/* The records of one compile (arena-owned). */
struct prov_tab *prov_tab_new(struct arena *a);

/* A new record made by `rule`; NULL when `t` is NULL. */
struct prov *prov_new(struct prov_tab *t, const char *rule);
/* Add a source to `p` (ignored when `p` is NULL or full); returns `p`. */
struct prov *prov_src(struct prov *p, enum prov_kind kind, const char *what,
		      struct hcsc_pos pos);
/* A source without a position. */
struct prov *prov_fact(struct prov *p, enum prov_kind kind, const char *what);
/* Set the arithmetic (formatted into the arena; nothing when `p` is NULL). */
void prov_math(struct prov_tab *t, struct prov *p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Key `p` by the address of the value it explains (NULL-safe). */
void prov_put(struct prov_tab *t, const void *key, const struct prov *p);
/* The record keyed by `key`, or NULL. */
const struct prov *prov_get(const struct prov_tab *t, const void *key);
/* prov_new + prov_src + prov_put in one: a value taken from one node. */
struct prov *prov_put_input(struct prov_tab *t, const void *key,
			    const char *rule, const char *what,
			    struct hcsc_pos pos);

/* Attach `p` to the json-c value `v` (neither may be a double); returns v. */
struct json_object *prov_attach(struct json_object *v, const struct prov *p);
/* The record attached to `v`, or NULL. */
const struct prov *prov_of(struct json_object *v);

/* "input", "host", "target", "default", "placeholder", "document". */
const char *prov_kind_name(enum prov_kind k);

#endif
