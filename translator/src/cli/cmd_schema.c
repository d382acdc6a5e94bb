/*
 * cmd_schema.c: `hcsc schema`: a JSON Schema (draft 2020-12) of the
 * description format, generated from the decoder's own tables (rule:
 * hcsc.cli.keys), so editors (yaml-language-server) complete and check
 * descriptions as hcsc reads them:
 *   - keys match ASCII case-insensitively: `properties` names each key as
 *     Docker spells it (for completion), a case-insensitive pattern in
 *     `patternProperties` accepts the other spellings, and
 *     `additionalProperties: false` rejects unknown keys;
 *   - null means absent, so every value may be null;
 *   - a string field also takes an integer (a plain YAML number is its
 *     source text; JSON input is stricter than the schema there);
 *   - each key's `description` says its Go type and whether hcsc models,
 *     validates or ignores it.
 * `docker inspect` output, which hcsc also reads, is not this format.
 */
#include <json.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "model/schema.h"
#include "options.h"

#define MAX_DEFS 64

struct defs {
	const struct schema *s[MAX_DEFS];
	const char *name[MAX_DEFS];
	size_t n;
	struct arena *a;
};

static json_object *types(const char *a, const char *b, const char *c)
{
	json_object *t = json_object_new_array();

	json_object_array_add(t, json_object_new_string(a));
	if (b)
		json_object_array_add(t, json_object_new_string(b));
	if (c)
		json_object_array_add(t, json_object_new_string(c));
	return t;
}

static json_object *typed(const char *a, const char *b, const char *c)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "type", types(a, b, c));
	return o;
}

/* A string field: a string, an integer (YAML plain number) or null. */
static json_object *str_value(void)
{
	return typed("string", "integer", "null");
}

/* The $defs name of `s`, registering it on first use. */
static const char *def_name(struct defs *d, const struct schema *s)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->s[i] == s)
			return d->name[i];
	if (d->n == MAX_DEFS)
		hcsc_oom(); /* the tables have about 30 structs */
	d->s[d->n] = s;
	d->name[d->n] = s->name;
	for (size_t i = 0; i < d->n; i++) /* a name two structs share */
		if (!strcmp(d->name[i], s->name))
			d->name[d->n] = arena_printf(d->a, "%s%zu", s->name, d->n);
	return d->name[d->n++];
}

static json_object *ref(struct defs *d, const struct schema *s, bool null)
{
	json_object *r = json_object_new_object(), *any, *o;

	json_object_object_add(r, "$ref", json_object_new_string(
		arena_printf(d->a, "#/$defs/%s", def_name(d, s))));
	if (!null)
		return r;
	o = json_object_new_object();
	any = json_object_new_array();
	json_object_array_add(any, r);
	json_object_array_add(any, typed("null", NULL, NULL));
	json_object_object_add(o, "anyOf", any);
	return o;
}

static json_object *field_schema(struct defs *d, const struct field *f)
{
	json_object *o, *it, *any;

	switch (f->type) {
	case FT_STRING:
		return str_value();
	case FT_BOOL:
		return typed("boolean", "null", NULL);
	case FT_INT:
		o = typed("integer", "null", NULL);
		if (f->min != INT64_MIN || f->max != INT64_MAX) {
			json_object_object_add(o, "minimum", json_object_new_int64(f->min));
			json_object_object_add(o, "maximum", json_object_new_int64(f->max));
		}
		return o;
	case FT_UINT:
		o = typed("integer", "null", NULL);
		json_object_object_add(o, "minimum", json_object_new_int64(0));
		if (f->umax <= (uint64_t)INT64_MAX)
			json_object_object_add(o, "maximum",
					       json_object_new_int64((int64_t)f->umax));
		return o;
	case FT_STRLIST:
		o = typed("array", "null", NULL);
		it = typed("string", "integer", NULL);
		json_object_object_add(o, "items", it);
		return o;
	case FT_STRSLICE:
		o = typed("array", "string", "null");
		json_object_array_add(json_object_object_get(o, "type"),
				      json_object_new_string("integer"));
		json_object_object_add(o, "items", typed("string", "integer", NULL));
		return o;
	case FT_STRMAP:
		o = typed("object", "null", NULL);
		json_object_object_add(o, "additionalProperties", str_value());
		return o;
	case FT_SET:
		o = typed("object", "null", NULL);
		it = typed("object", "null", NULL);
		json_object_object_add(it, "maxProperties", json_object_new_int(0));
		json_object_object_add(o, "additionalProperties", it);
		return o;
	case FT_KEYS:
	case FT_PORTMAP:
		return typed("object", "null", NULL);
	case FT_STRUCT:
		return ref(d, f->sub, true);
	case FT_STRUCTLIST:
		o = typed("array", "null", NULL);
		json_object_object_add(o, "items", ref(d, f->sub, false));
		return o;
	case FT_STR_OR_STRUCT:
		o = typed("array", "null", NULL);
		it = json_object_new_object();
		any = json_object_new_array();
		json_object_array_add(any, typed("string", "integer", NULL));
		json_object_array_add(any, ref(d, f->sub, false));
		json_object_object_add(it, "anyOf", any);
		json_object_object_add(o, "items", it);
		return o;
	case FT_CONSOLE:
		o = typed("array", "null", NULL);
		it = typed("integer", NULL, NULL);
		json_object_object_add(it, "minimum", json_object_new_int64(0));
		json_object_object_add(o, "items", it);
		json_object_object_add(o, "minItems", json_object_new_int(2));
		json_object_object_add(o, "maxItems", json_object_new_int(2));
		return o;
	case FT_RAW:
	case FT_ANY:
		break;
	}
	return json_object_new_object(); /* any value */
}

/* "^[Hh][Oo]...$": the key, ASCII case-insensitively. */
static const char *ci_pattern(struct arena *a, const char *key)
{
	char *p = arena_alloc(a, strlen(key) * 4 + 3), *q = p;

	*q++ = '^';
	for (const char *k = key; *k; k++) {
		char c = *k;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			*q++ = '[';
			*q++ = (char)(c & ~0x20);
			*q++ = (char)(c | 0x20);
			*q++ = ']';
		} else if ((c >= '0' && c <= '9') || c == '_' || c == '-') {
			*q++ = c;
		} else {
			*q++ = '\\';
			*q++ = c;
		}
	}
	*q++ = '$';
	*q = '\0';
	return p;
}

static json_object *struct_schema(struct defs *d, const struct schema *s,
				  bool null, json_object *o)
{
	json_object *props = json_object_new_object();
	json_object *pats = json_object_new_object();

	json_object_object_add(o, "type", null ? types("object", "null", NULL)
						: types("object", NULL, NULL));
	if (!json_object_object_get_ex(o, "title", NULL))
		json_object_object_add(o, "title", json_object_new_string(s->name));
	for (size_t i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];
		json_object *fs = field_schema(d, f);

		json_object_object_add(fs, "description", json_object_new_string(
			arena_printf(d->a, "%s: %s", schema_type_text(d->a, f),
				     schema_status_word(f->status))));
		json_object_object_add(pats, ci_pattern(d->a, f->name),
				       json_object_get(fs));
		json_object_object_add(props, f->name, fs);
	}
	json_object_object_add(o, "properties", props);
	json_object_object_add(o, "patternProperties", pats);
	json_object_object_add(o, "additionalProperties",
			       json_object_new_boolean(0));
	return o;
}

int cmd_schema(int argc, char **argv)
{
	struct cli_args args;
	struct defs d;
	json_object *root, *defs;

	if (!cli_parse("schema", argc, argv, &args))
		return HCSC_E_USAGE;
	if (args.npos)
		return cli_fail(HCSC_E_USAGE, "schema takes no arguments");
	memset(&d, 0, sizeof(d));
	d.a = arena_new();
	root = json_object_new_object();
	json_object_object_add(root, "$schema", json_object_new_string(
		"https://json-schema.org/draft/2020-12/schema"));
	json_object_object_add(root, "title", json_object_new_string(
		"hcsc description"));
	json_object_object_add(root, "description", json_object_new_string(
		"An hcsc description (hcsc " HCSC_VERSION "): Docker Engine "
		"API names, keys matched ASCII case-insensitively; null means "
		"absent; a string field also takes a plain YAML number"));
	struct_schema(&d, schema_description(), true, root);
	defs = json_object_new_object();
	for (size_t i = 0; i < d.n; i++) /* d.n grows while walking */
		json_object_object_add(defs, d.name[i],
				       struct_schema(&d, d.s[i], false,
						     json_object_new_object()));
	json_object_object_add(root, "$defs", defs);
	printf("%s\n", json_object_to_json_string_ext(
		root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
		JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(root);
	arena_free(d.a);
	return HCSC_OK;
}
