/*
 * gojson.h: printing json-c trees as Go's encoding/json prints Go values.
 *
 * A json-c object stands for a Go value; a `struct shape` says which Go type
 * it is read as: struct field order, keys, omitempty, pointer or value,
 * signedness. A key absent from a json-c object (or a json-c NULL) is the
 * Go zero value of that field: nil for pointers, slices, maps and
 * interfaces, "" / 0 / false for scalars, and an all-zero struct for a
 * struct held by value. omitempty drops false, 0, "", nil pointers and
 * interfaces, and nil or empty slices and maps, never a struct value.
 * Map keys are printed sorted by bytes.
 *
 * Strings are escaped as Go >= 1.22 json.Marshal does (rule: hcsc.emit.go-json): `\"`
 * `\\` `\n` `\r` `\t` `\b` `\f`, other bytes < 0x20 as \u00xx (lowercase
 * hex), `<` `>` `&` as \u003c \u003e \u0026, U+2028/U+2029 as \u2028
 * \u2029, each invalid UTF-8 byte as \ufffd; everything else raw.
 *
 * A key present in a json-c object but not in its shape is a programming
 * error: emit_json() returns HCSC_E_IO and names it in *err.
 */
#ifndef HCSC_GOJSON_H
#define HCSC_GOJSON_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

struct json_object;
struct strbuf;

enum shape_kind {
	/* The scalars first: gojson.c tests kind <= SHAPE_UINT. */
	SHAPE_STRING,
	SHAPE_BOOL,
	SHAPE_INT,    /* any Go signed integer: json-c int64 */
	SHAPE_UINT,   /* any Go unsigned integer: json-c (u)int64 read unsigned */
	SHAPE_STRUCT, /* a struct held by value: `fields` */
	SHAPE_PTR,    /* a pointer to `elem` */
	SHAPE_SLICE,  /* a slice of `elem` */
	SHAPE_MAP,    /* map[string]elem, keys sorted */
	SHAPE_ANY     /* interface{}: printed from the json-c value itself */
};

struct shape_field;

struct shape {
	const char *name; /* Go type name, for messages */
	enum shape_kind kind;
	const struct shape *elem;          /* PTR, SLICE, MAP */
	const struct shape_field *fields;  /* STRUCT */
	size_t nfields;
};

struct shape_field {
	const char *key; /* the JSON key */
	const struct shape *type;
	bool omitempty;
	/*
	 * strlen(key) when every byte of the key is one Go writes raw (the
	 * F and O fields of emit/shapes_int.h; test_gojson_encode checks every
	 * shape's): the emitter then copies it between quotes. 0: printed
	 * through emit_go_string.
	 */
	size_t plain_len;
};

enum emit_style {
	EMIT_PRETTY, /* json.MarshalIndent(v, "", "  ") then "\n" */
	EMIT_COMPACT /* json.Marshal(v): no trailing newline */
};

/* Append the bytes of `v` read as `shape` to `out`. */
enum hcsc_rc emit_json(struct strbuf *out, struct json_object *v,
		       const struct shape *shape, enum emit_style style,
		       const char **err);

/*
 * One printed leaf, for emit_json_visit: a scalar, or a null or empty
 * slice, map or struct. `text` (the printed bytes) and `pointer` (its RFC
 * 6901 JSON pointer, "" for the top) are valid during the call only.
 */
struct prov;
struct emit_leaf {
	const char *pointer;
	const char *text;
	size_t len;
	const struct prov *prov; /* its own record, else its nearest container's */
	bool zero; /* the builder set nothing: Go's zero value of the field */
};

struct emit_visitor {
	void (*fn)(void *ctx, const struct emit_leaf *leaf);
	void *ctx;
};

/* emit_json, calling vis->fn for every leaf printed (vis NULL: none). */
enum hcsc_rc emit_json_visit(struct strbuf *out, struct json_object *v,
			     const struct shape *shape, enum emit_style style,
			     const char **err, const struct emit_visitor *vis);

/* Append s[0..n) as a Go JSON string literal, quotes included. */
void emit_go_string(struct strbuf *out, const char *s, size_t n);

/* The Go types of the four documents (emit/shapes.c). */
extern const struct shape shape_oci_spec;        /* specs.Spec */
extern const struct shape shape_hcs_v1;          /* schema1.ContainerConfig */
extern const struct shape shape_hcs_v2;          /* hcsschema.ComputeSystem */
extern const struct shape shape_hcs_process;     /* hcsschema.ProcessParameters */
/* shapes_latest.c: hcsshim main and moby's local runtime. */
extern const struct shape shape_hcs_v2_latest;   /* hcsschema.ComputeSystem */
extern const struct shape shape_hcs_v2_hosted;   /* hcsschema.HostedSystem */
extern const struct shape shape_hcs_process_v1;  /* schema1.ProcessConfig */
/* shapes_era.c: docker-1.12 (moby da92dad). */
extern const struct shape shape_windowsoci;      /* windowsoci.WindowsSpec */
extern const struct shape shape_container_init;  /* libcontainerd containerInit */
extern const struct shape shape_create_process_params; /* hcsshim v0.2.2 */

#endif
