/*
 * explain.c: collecting the leaves a compile prints and telling, for each,
 * its value, the rule that made it (with the catalogue's upstream source),
 * the arithmetic, and where its inputs came from; a value read from an
 * earlier document is followed there (rule: hcsc.explain).
 */
#include "explain/explain.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "explain/rules.h"
#include "prov.h"
#include "strbuf.h"

/* The rule of a value no builder set: Go prints the field's zero value. */
#define ZERO_RULE "hcsc.emit.go-json"
#define MAX_CHAIN 4

void explain_init(struct explain *x, struct arena *a)
{
	memset(x, 0, sizeof(*x));
	x->a = a;
}

void explain_collect(void *ctx, enum compile_doc doc,
		     const struct emit_leaf *leaf)
{
	struct explain *x = ctx;
	struct explain_leaf *l;

	if (x->n == x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 64;

		x->v = arena_grow(x->a, x->v, x->n, cap, sizeof(*x->v));
		x->cap = cap;
	}
	l = &x->v[x->n++];
	l->doc = doc;
	l->pointer = arena_strdup(x->a, leaf->pointer);
	l->value = arena_strndup(x->a, leaf->text, leaf->len);
	l->prov = leaf->prov;
	l->zero = leaf->zero;
}

bool explain_selects(const char *sel, const struct explain_leaf *l)
{
	const char *hash = strchr(sel, '#');
	size_t n = hash ? (size_t)(hash - sel) : strlen(sel), plen;
	const char *ptr = hash ? hash + 1 : "";

	if (compile_doc_named(sel, n, true) != (int)l->doc)
		return false;
	plen = strlen(ptr);
	if (plen && ptr[plen - 1] == '/')
		plen--;
	return !strncmp(l->pointer, ptr, plen) &&
	       (l->pointer[plen] == '\0' || l->pointer[plen] == '/');
}

static bool picked(const char *const *sel, size_t nsel,
		   const struct explain_leaf *l)
{
	if (!nsel)
		return true;
	for (size_t i = 0; i < nsel; i++)
		if (explain_selects(sel[i], l))
			return true;
	return false;
}

/* The leaf at exactly `ref` ("config.json#/hostname"), or NULL. */
static const struct explain_leaf *leaf_at(const struct explain *x,
					  const char *ref)
{
	const char *hash = strchr(ref, '#');
	int d;

	if (!hash)
		return NULL;
	d = compile_doc_named(ref, (size_t)(hash - ref), true);
	for (size_t i = 0; d >= 0 && i < x->n; i++)
		if ((int)x->v[i].doc == d && !strcmp(x->v[i].pointer, hash + 1))
			return &x->v[i];
	return NULL;
}

/* ---- text ---------------------------------------------------------------- */

static void indent(struct strbuf *out, unsigned depth)
{
	for (unsigned i = 0; i < depth; i++)
		strbuf_add(out, "  ", 2);
}

static void text_pos(struct strbuf *out, struct hcsc_pos p)
{
	if (p.file && !strncmp(p.file, "argv[", 5))
		strbuf_addf(out, " at %s", p.file);
	else if (p.file && !strncmp(p.file, "<builtin:", 9))
		strbuf_addf(out, " (%s)", p.file);
	else if (p.file && p.line)
		strbuf_addf(out, " at %s:%u:%u", p.file, p.line, p.col);
	else if (p.file && *p.file == '<')
		strbuf_addf(out, " (%s)", p.file);
}

/* The rule line; with `why`, the catalogue's statement under it. */
static void text_rule(struct strbuf *out, const char *id, unsigned depth,
		      bool why)
{
	const struct rule_ref *r = rule_find(id);

	indent(out, depth);
	strbuf_addf(out, "rule: %s", id ? id : "(none)");
	if (r)
		strbuf_addf(out, " (%s)", r->upstream);
	strbuf_addch(out, '\n');
	if (r && why) {
		indent(out, depth);
		strbuf_addf(out, "why: %s\n", r->statement);
	}
}

static void text_leaf(const struct explain *x, const struct explain_leaf *l,
		      struct strbuf *out, unsigned depth, bool why);

static void text_source(const struct explain *x, const struct prov_src *s,
			struct strbuf *out, unsigned depth, bool why)
{
	static const char *const label[PROV_KIND_COUNT] = {
		"from", "host profile", "target", "default", "placeholder",
		"from"
	};
	const struct explain_leaf *up;

	indent(out, depth);
	strbuf_addf(out, "%s: %s", label[s->kind], s->what ? s->what : "");
	if (s->kind == PROV_INPUT && !s->pos.file)
		strbuf_addstr(out, " (not given)");
	else
		text_pos(out, s->pos);
	up = s->kind == PROV_DOC ? leaf_at(x, s->what) : NULL;
	if (up && depth < 2 * MAX_CHAIN) {
		strbuf_addf(out, " = %s\n", up->value);
		text_leaf(x, up, out, depth + 1, why);
		return;
	}
	strbuf_addch(out, '\n');
}

/* Everything about `l` but its own first line. */
static void text_leaf(const struct explain *x, const struct explain_leaf *l,
		      struct strbuf *out, unsigned depth, bool why)
{
	const struct prov *p = l->prov;

	if (l->zero || !p) {
		text_rule(out, l->zero ? ZERO_RULE : NULL, depth, why);
		indent(out, depth);
		strbuf_addstr(out, l->zero ? "default: the field's Go zero value "
					     "(the builder sets nothing)\n"
					   : "(no provenance record)\n");
		return;
	}
	text_rule(out, p->rule, depth, why);
	if (p->math) {
		indent(out, depth);
		strbuf_addf(out, "how: %s\n", p->math);
	}
	for (unsigned i = 0; i < p->n; i++)
		text_source(x, &p->src[i], out, depth, why);
}

void explain_text(const struct explain *x, const char *const *sel,
		  size_t nsel, struct strbuf *out)
{
	for (size_t i = 0; i < x->n; i++) {
		const struct explain_leaf *l = &x->v[i];

		if (!picked(sel, nsel, l))
			continue;
		strbuf_addf(out, "%s#%s = %s\n", compile_doc_file(l->doc),
			    l->pointer, l->value);
		/* named values get the rules' statements too */
		text_leaf(x, l, out, 1, nsel > 0);
	}
}

/* ---- JSON ---------------------------------------------------------------- */

/* o[key] = v; a NULL `v` is JSON null (json-c's null). */
static void put(struct json_object *o, const char *key, struct json_object *v)
{
	if (json_object_object_add(o, key, v) < 0)
		hcsc_oom();
}

static struct json_object *made(struct json_object *v)
{
	if (!v)
		hcsc_oom();
	return v;
}

static struct json_object *str(const char *s)
{
	return made(json_object_new_string(s ? s : ""));
}

static struct json_object *json_source(const struct prov_src *s)
{
	struct json_object *o = json_object_new_object();

	if (!o)
		hcsc_oom();
	put(o, "kind", str(prov_kind_name(s->kind)));
	put(o, "what", str(s->what));
	if (s->pos.file && *s->pos.file)
		put(o, "file", str(s->pos.file));
	if (s->pos.line) {
		put(o, "line", made(json_object_new_int64(s->pos.line)));
		put(o, "column", made(json_object_new_int64(s->pos.col)));
	}
	return o;
}

static struct json_object *json_leaf(const struct explain_leaf *l)
{
	struct json_object *o = json_object_new_object(), *srcs;
	const struct prov *p = l->zero ? NULL : l->prov;
	const char *id = l->zero ? ZERO_RULE : p ? p->rule : NULL;
	const struct rule_ref *r = rule_find(id);

	if (!o || !(srcs = json_object_new_array()))
		hcsc_oom();
	put(o, "document", str(compile_doc_file(l->doc)));
	put(o, "pointer", str(l->pointer));
	put(o, "value", str(l->value));
	put(o, "rule", id ? str(id) : NULL);
	if (r) {
		put(o, "statement", str(r->statement));
		put(o, "upstream", str(r->upstream));
	}
	put(o, "zero", made(json_object_new_boolean(l->zero)));
	if (p && p->math)
		put(o, "how", str(p->math));
	for (unsigned i = 0; p && i < p->n; i++)
		if (json_object_array_add(srcs, json_source(&p->src[i])) < 0)
			hcsc_oom();
	put(o, "sources", srcs);
	return o;
}

void explain_json(const struct explain *x, const char *const *sel,
		  size_t nsel, struct strbuf *out)
{
	struct json_object *arr = json_object_new_array();

	if (!arr)
		hcsc_oom();
	for (size_t i = 0; i < x->n; i++)
		if (picked(sel, nsel, &x->v[i]) &&
		    json_object_array_add(arr, json_leaf(&x->v[i])) < 0)
			hcsc_oom();
	strbuf_addstr(out, json_object_to_json_string_ext(
				   arr, JSON_C_TO_STRING_PRETTY |
						JSON_C_TO_STRING_SPACED |
						JSON_C_TO_STRING_NOSLASHESCAPE));
	strbuf_addch(out, '\n');
	json_object_put(arr);
}
