/*
 * schema_text.c: the schema tables as text, for `hcsc keys` and `hcsc
 * schema` (rule: hcsc.cli.keys): the same tables the decoder walks, so the
 * listing cannot drift from what is accepted.
 */
#include "schema.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"

extern const struct schema desc_schema;

const struct schema *schema_description(void)
{
	return &desc_schema;
}

const char *schema_status_word(enum fstatus s)
{
	switch (s) {
	case FS_MODELLED: return "modelled";
	case FS_VALIDATED: return "validated";
	case FS_IGNORED: return "ignored";
	}
	return "ignored";
}

const char *schema_type_text(struct arena *a, const struct field *f)
{
	switch (f->type) {
	case FT_STRING: return "string";
	case FT_BOOL: return "bool";
	case FT_INT: return "int64";
	case FT_UINT:
		return f->umax == UINT16_MAX ? "uint16"
		       : f->umax == UINT32_MAX ? "uint32" : "uint64";
	case FT_STRLIST: return "[]string";
	case FT_STRSLICE: return "string or []string";
	case FT_STRMAP: return "map[string]string";
	case FT_SET: return "map[string]{}";
	case FT_KEYS: return "map[string]any";
	case FT_STRUCT: return arena_printf(a, "%s (keys below)", f->sub->name);
	case FT_STRUCTLIST: return arena_printf(a, "[]%s (keys below)", f->sub->name);
	case FT_CONSOLE: return "[2]uint (height, width)";
	case FT_STR_OR_STRUCT:
		return arena_printf(a, "[](string or %s; keys below)",
				    f->sub->name);
	case FT_PORTMAP: return "map[string][]PortBinding (HostIp, HostPort)";
	case FT_RAW: return "any";
	case FT_ANY: return "any";
	}
	return "any";
}

const struct schema *schema_walk(const struct schema *s, const char *path,
				 const struct field **last, size_t *bad_at)
{
	const char *p = path;

	*last = NULL;
	while (*p) {
		char step[64];
		size_t n = strcspn(p, ".["), start = (size_t)(p - path);
		const struct field *f;

		if (n == 0 || n >= sizeof(step)) {
			*bad_at = start;
			return NULL;
		}
		memcpy(step, p, n);
		step[n] = '\0';
		p += n;
		while (*p == '[') { /* an index or key ([0], [name]): skipped */
			const char *e = strchr(p, ']');

			if (!e) {
				*bad_at = start;
				return NULL;
			}
			p = e + 1;
		}
		if (*p == '.')
			p++;
		f = s ? schema_field(s, step) : NULL;
		*last = f;
		if (!f) {
			*bad_at = start;
			return NULL;
		}
		s = f->sub;
		if (!s && *p) { /* a scalar with more path after it */
			*bad_at = (size_t)(p - path);
			return NULL;
		}
	}
	return s;
}
