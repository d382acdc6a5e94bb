/*
 * explain.h: `hcsc explain`: every printed value of the documents of one
 * compile with its provenance record (common/prov.h), selected by JSON
 * pointer and printed as text or JSON (rule: hcsc.explain).
 */
#ifndef HCSC_EXPLAIN_H
#define HCSC_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "pipeline/compile.h"

struct arena;
struct prov;
struct strbuf;

struct explain_leaf {
	enum compile_doc doc;
	const char *pointer; /* RFC 6901, within the document */
	const char *value;   /* as printed (compact JSON) */
	const struct prov *prov;
	bool zero;           /* Go's zero value of an unset field */
};

struct explain {
	struct arena *a;
	struct explain_leaf *v;
	size_t n, cap;
};

void explain_init(struct explain *x, struct arena *a);
/* compile_input.explain: keep one leaf (ctx: a struct explain). */
void explain_collect(void *ctx, enum compile_doc doc,
		     const struct emit_leaf *leaf);

/*
 * Does selector `sel` ("config.json#/hostname", "hcs-v1.json", or a
 * document name: "oci#/process") pick `l`? A pointer picks its value and
 * everything under it.
 */
bool explain_selects(const char *sel, const struct explain_leaf *l);

/*
 * The leaves the selectors pick (all when nsel is 0), as text or JSON;
 * text gives each rule's statement (`why:`) only for values named.
 */
void explain_text(const struct explain *x, const char *const *sel,
		  size_t nsel, struct strbuf *out);
void explain_json(const struct explain *x, const char *const *sel,
		  size_t nsel, struct strbuf *out);

#endif
