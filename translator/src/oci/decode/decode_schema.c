/*
 * decode_schema.c: the schema tables of an OCI runtime spec as Go decodes
 * it (opencontainers/runtime-spec v1.3.0 specs-go/config.go), made from
 * the rows of oci/spec_fields.h: the Windows subset hcsc reads
 * (FS_MODELLED), typed as Go types them, and every other field of
 * specs.Spec accepted and ignored (FS_IGNORED: scalars type-checked
 * through their own slot, nested Linux-only values not at all), so only
 * keys Go does not know warn.
 */
#include <stddef.h>
#include <stdint.h>

#include "oci/decode/decode_slots.h"

#define U16 0, 0, UINT16_MAX
#define U32 0, 0, UINT32_MAX
#define U64 0, 0, UINT64_MAX
#define INT INT64_MIN, INT64_MAX, 0 /* Go int: 64 bits on Windows */
#define NR 0, 0, 0

#define SLOT(S, key) offsetof(struct S##_slots, key)
#define MOD(S, key, type, sub, range)                                        \
	{ #key, type, SLOT(S, key), sub, FS_MODELLED, range, NULL },
#define IGN(S, key, type, range)                                             \
	{ #key, type, SLOT(S, key), NULL, FS_IGNORED, range, NULL },

#define OCI_FIELD(S, B, key, type, oe, targets, wr, member, sub, dec)        \
	OCI_FIELD_##dec(S, key, sub)
#define OCI_FIELD_D_STR(S, key, sub) MOD(S, key, FT_STRING, NULL, NR)
#define OCI_FIELD_D_BOOL(S, key, sub) MOD(S, key, FT_BOOL, NULL, NR)
#define OCI_FIELD_D_U16(S, key, sub) MOD(S, key, FT_UINT, NULL, U16)
#define OCI_FIELD_D_U32(S, key, sub) MOD(S, key, FT_UINT, NULL, U32)
#define OCI_FIELD_D_U64(S, key, sub) MOD(S, key, FT_UINT, NULL, U64)
#define OCI_FIELD_D_LIST(S, key, sub) MOD(S, key, FT_STRLIST, NULL, NR)
#define OCI_FIELD_D_MAP(S, key, sub) MOD(S, key, FT_STRMAP, NULL, NR)
#define OCI_FIELD_D_RAW(S, key, sub) MOD(S, key, FT_RAW, NULL, NR)
#define OCI_FIELD_D_OBJ(S, key, sub) MOD(S, key, FT_STRUCT, &sub##_schema, NR)
#define OCI_FIELD_D_OBJS(S, key, sub)                                        \
	MOD(S, key, FT_STRUCTLIST, &sub##_schema, NR)
#define OCI_FIELD_I_STR(S, key, sub) IGN(S, key, FT_STRING, NR)
#define OCI_FIELD_I_BOOL(S, key, sub) IGN(S, key, FT_BOOL, NR)
#define OCI_FIELD_I_U32(S, key, sub) IGN(S, key, FT_UINT, U32)
#define OCI_FIELD_I_INT(S, key, sub) IGN(S, key, FT_INT, INT)
#define OCI_FIELD_I_ANY(S, key, sub)                                         \
	{ #key, FT_ANY, NO_SLOT, NULL, FS_IGNORED, NR, NULL },

/* A decoded section: its rows and its schema (the top one exported). */
#define OCI_SCHEMA(id, goname, held, ctype, dec) OCI_SCHEMA_##dec(id, goname, held)
#define OCI_SCHEMA_NODEC(id, goname, held)
#define OCI_SCHEMA_DEC(id, goname, held)                                     \
	static const struct field id##_fields[] = {                          \
		OCI_FIELDS_##id(OCI_FIELD, id, _)                            \
	};                                                                   \
	OCI_SCHEMA_##held(id, goname)
#define OCI_SCHEMA_BODY(id, goname)                                          \
	{ goname, sizeof(struct id##_slots), id##_fields,                    \
	  sizeof(id##_fields) / sizeof(id##_fields[0]) }
#define OCI_SCHEMA_PTR(id, goname)                                           \
	static const struct schema id##_schema = OCI_SCHEMA_BODY(id, goname);
#define OCI_SCHEMA_VAL OCI_SCHEMA_PTR
#define OCI_SCHEMA_SLICE OCI_SCHEMA_PTR
#define OCI_SCHEMA_TOP(id, goname)                                           \
	const struct schema oci_##id##_schema = OCI_SCHEMA_BODY(id, goname);

OCI_SECTIONS(OCI_SCHEMA)
