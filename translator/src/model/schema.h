/*
 * schema.h: input schemas as data (rule: hcsc.input.field-table). A schema lists a
 * struct's keys with their Go type, where the decoded value goes, and what
 * hcsc does with it:
 *   FS_MODELLED   used to build the documents
 *   FS_VALIDATED  decoded and checked (upstream rejects or warns), never
 *                 printed
 *   FS_IGNORED    accepted, type-checked loosely, and dropped (upstream
 *                 ignores it on Windows)
 * decode.c turns a node tree into the C struct by walking these tables:
 * keys match ASCII case-insensitively (rule: hcsc.input.case-insensitive-keys), keys equal but for case
 * are a duplicate, unknown keys are errors with a suggestion (rule: hcsc.input.unknown-key-suggestion)
 * unless the caller decodes `docker inspect` output (rule: hcsc.input.docker-inspect), or
 * warnings when it decodes an OCI runtime spec (rule: hcsc.from-oci.decode).
 */
#ifndef HCSC_MODEL_SCHEMA_H
#define HCSC_MODEL_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value.h"

struct arena;
struct diag_list;
struct node;

enum ftype {
	FT_STRING,      /* v_str */
	FT_BOOL,        /* v_bool */
	FT_INT,         /* v_int, range [min, max] from the field */
	FT_UINT,        /* v_uint, range [0, umax] from the field */
	FT_STRLIST,     /* v_list: []string */
	FT_STRSLICE,    /* v_list: strslice.StrSlice, a string = one element */
	FT_STRMAP,      /* v_map: map[string]string, byte-exact keys */
	FT_SET,         /* v_map: map[string]struct{}, values {} or null */
	FT_KEYS,        /* v_map of keys only: a map whose values are any JSON */
	FT_STRUCT,      /* nested struct (starts with v_obj), `sub` */
	FT_STRUCTLIST,  /* v_objlist of `sub` */
	FT_CONSOLE,     /* v_console: [2]uint */
	FT_STR_OR_STRUCT, /* a string, or a `sub` struct: v_objlist item */
	FT_PORTMAP,     /* desc_port_map: HostConfig.PortBindings */
	FT_RAW,         /* v_node: any non-null value (a Go interface{}) */
	FT_ANY          /* anything (FS_IGNORED only), no slot */
};

enum fstatus {
	FS_MODELLED,
	FS_VALIDATED,
	FS_IGNORED
};

#define NO_SLOT ((size_t)-1)

struct schema;

struct field {
	const char *name;   /* the JSON key, as Go's tag spells it */
	enum ftype type;
	size_t offset;      /* of the slot in the struct, or NO_SLOT */
	const struct schema *sub;
	enum fstatus status;
	int64_t min;        /* FT_INT range */
	int64_t max;
	uint64_t umax;      /* FT_UINT range */
	const char *string_key; /* FT_STR_OR_STRUCT: the sub key a string fills */
};

struct schema {
	const char *name;   /* for messages: 'HostConfig' */
	size_t size;        /* of the C struct */
	const struct field *fields;
	size_t nfields;
};

struct decode_ctx {
	struct arena *arena;
	struct diag_list *diags;
	bool lenient; /* docker inspect: unknown keys are ignored */
	/*
	 * OCI input (Go's encoding/json): an unknown key is a warning and does
	 * not fail the decode. `lenient` wins when both are set.
	 */
	bool warn_unknown;
	/*
	 * The command that lists a struct's keys ("hcsc keys"): an unknown key
	 * in a struct of more than 5 keys names it, with the path. NULL: no
	 * such command (host profiles, OCI input).
	 */
	const char *keys_cmd;
};

/*
 * Decode `map` (a NODE_MAP, or NODE_NULL = nothing set) into `out` (a
 * zeroed struct of schema->size bytes whose first member is a v_obj).
 * `path` is the dotted name of this struct for messages ("" at the top).
 * Errors are collected in ctx->diags; returns HCSC_E_INPUT if any was
 * found (warnings, from ctx->warn_unknown, do not count).
 */
enum hcsc_rc schema_decode(const struct decode_ctx *ctx,
			   const struct schema *s, const char *path,
			   const struct node *map, void *out);

/* Find a field by key, ASCII case-insensitively; NULL if none. */
const struct field *schema_field(const struct schema *s, const char *key);

/* Case-insensitive optimal-string-alignment distance (rule: hcsc.input.unknown-key-suggestion). */
size_t schema_edit_distance(const char *a, const char *b);

/* schema_text.c: the tables as text (`hcsc keys`, `hcsc schema`). */
const struct schema *schema_description(void); /* the top of a description */
const char *schema_status_word(enum fstatus s);  /* "modelled" ... */
/* The Go-like type of a field: "string", "[]Mount (keys below)". */
const char *schema_type_text(struct arena *a, const struct field *f);
/*
 * Follow a dotted path ("HostConfig.Mounts", keys ASCII
 * case-insensitive, "[N]" steps skipped) from `s`. Returns the struct the
 * path names (`s` for ""), or NULL: then *last is the field reached (a
 * scalar: no keys below it) or NULL with *bad_at the offset of the step
 * that is no key.
 */
const struct schema *schema_walk(const struct schema *s, const char *path,
				 const struct field **last, size_t *bad_at);

#endif
