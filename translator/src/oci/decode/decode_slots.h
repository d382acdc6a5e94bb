/*
 * decode_slots.h: the OCI runtime spec as the schema decoder fills it
 * (model/schema.h slots), between decode_schema.c's tables and decode.c's
 * copy into struct oci_spec. Private to the --from-oci decoder.
 *
 * The structs are made from the rows of oci/spec_fields.h: one
 * `struct <section>_slots` per decoded section, a v_obj header and then
 * one slot per row the decoder reads or type-checks (I_ANY rows have
 * none), named by the row's JSON key.
 */
#ifndef HCSC_OCI_DECODE_SLOTS_H
#define HCSC_OCI_DECODE_SLOTS_H

#include "model/schema.h"
#include "model/value.h"
#include "oci/spec_fields.h"

#define OCI_SLOT(S, B, key, type, oe, targets, wr, member, sub, dec)         \
	OCI_SLOT_##dec(key, sub)
#define OCI_SLOT_D_STR(key, sub) struct v_str key;
#define OCI_SLOT_D_BOOL(key, sub) struct v_bool key;
#define OCI_SLOT_D_U16(key, sub) struct v_uint key;
#define OCI_SLOT_D_U32(key, sub) struct v_uint key;
#define OCI_SLOT_D_U64(key, sub) struct v_uint key;
#define OCI_SLOT_D_LIST(key, sub) struct v_list key;
#define OCI_SLOT_D_MAP(key, sub) struct v_map key;
#define OCI_SLOT_D_RAW(key, sub) struct v_node key;
#define OCI_SLOT_D_OBJ(key, sub) struct sub##_slots key;
#define OCI_SLOT_D_OBJS(key, sub) struct v_objlist key;
#define OCI_SLOT_I_STR(key, sub) struct v_str key;   /* dropped */
#define OCI_SLOT_I_BOOL(key, sub) struct v_bool key; /* dropped */
#define OCI_SLOT_I_U32(key, sub) struct v_uint key;  /* dropped */
#define OCI_SLOT_I_INT(key, sub) struct v_int key;   /* dropped */
#define OCI_SLOT_I_ANY(key, sub)
#define OCI_SLOTS(id, goname, held, ctype, dec) OCI_SLOTS_##dec(id)
#define OCI_SLOTS_DEC(id)                                                    \
	struct id##_slots {                                                  \
		struct v_obj hdr;                                            \
		OCI_FIELDS_##id(OCI_SLOT, id, _)                             \
	};
#define OCI_SLOTS_NODEC(id)

OCI_SECTIONS(OCI_SLOTS)

/* specs.Spec (runtime-spec v1.3.0), the root of the tables. */
extern const struct schema oci_spec_schema;

#endif
