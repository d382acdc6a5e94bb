/*
 * shapes_int.h: the Go types that shapes.c (runtime-spec, hcsshim v0.8.6)
 * and shapes_latest.c (hcsshim main, moby's schema1.ProcessConfig) both
 * use, and the macros that declare shapes. Private to emit/.
 */
#ifndef HCSC_EMIT_SHAPES_INT_H
#define HCSC_EMIT_SHAPES_INT_H

#include "emit/gojson.h"

#define NF(a) (sizeof(a) / sizeof((a)[0]))
#define STRUCT_SHAPE(goname, fields) \
	{ goname, SHAPE_STRUCT, NULL, fields, NF(fields) }
#define PTR_SHAPE(goname, elem) { goname, SHAPE_PTR, elem, NULL, 0 }
#define SLICE_SHAPE(goname, elem) { goname, SHAPE_SLICE, elem, NULL, 0 }
#define MAP_SHAPE(goname, elem) { goname, SHAPE_MAP, elem, NULL, 0 }
#define SCALAR_SHAPE(goname, kind) { goname, kind, NULL, NULL, 0 }

/*
 * Field helpers: F = always written, O = omitempty. `key` is a string
 * literal of plain ASCII (its length is the field's plain_len).
 */
#define F(key, type) { key, type, false, sizeof(key) - 1 }
#define O(key, type) { key, type, true, sizeof(key) - 1 }

extern const struct shape t_string, t_bool, t_int32, t_int64, t_uint,
	t_uint32, t_uint64, s_string, m_string;
extern const struct shape v2_version_ptr, v2_guest_os_ptr, v2_layers,
	v2_qos_ptr, v2_mapped_dirs, v2_mapped_pipes, v2_processor_ptr,
	v2_networking_ptr, v2_ccg_ptr, v2_registry_changes_ptr;

#endif
