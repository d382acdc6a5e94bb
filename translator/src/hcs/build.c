/*
 * build.c: how the HCS stage builds its documents' json-c trees
 * (hcs_int.h): Go's integer conversions, and setters that borrow the key
 * (every key is a string constant of the builders), add it without a
 * look-up (each key is set once; a debug build asserts it), stop on an
 * allocation failure, and leave out the zero values of omitempty fields,
 * which Go would not print and explain never sees.
 */
#include <assert.h>
#include <stdint.h>

#include <json-c/json.h>

#include "arena.h" /* hcsc_oom */
#include "hcs/hcs_int.h"

/* ---- Go conversions ---------------------------------------------------- */

int64_t hcs_go_int64(uint64_t u)
{
	if (u <= (uint64_t)INT64_MAX)
		return (int64_t)u;
	return -(int64_t)(~u) - 1;
}

int32_t hcs_go_int32(uint64_t v)
{
	uint32_t u = (uint32_t)v;

	if (u <= (uint32_t)INT32_MAX)
		return (int32_t)u;
	return -(int32_t)(~u) - 1;
}

/* ---- json-c helpers (hcs_int.h) ---------------------------------------- */

static struct json_object *must(struct json_object *v)
{
	if (!v)
		hcsc_oom();
	return v;
}

struct json_object *hcs_obj(void)
{
	return must(json_object_new_object());
}

struct json_object *hcs_arr(void)
{
	return must(json_object_new_array());
}

struct json_object *hcs_set(struct json_object *o, const char *key,
			    struct json_object *v)
{
	/*
	 * The key is borrowed (hcs_int.h): no copy per field. A builder sets
	 * each key of an object once, so json-c need not look for it first
	 * (KEY_IS_NEW; a second set would add a second entry, hence the
	 * assert).
	 */
	assert(!json_object_object_get_ex(o, key, NULL));
	if (json_object_object_add_ex(o, key, v,
				      JSON_C_OBJECT_KEY_IS_CONSTANT |
					      JSON_C_OBJECT_ADD_KEY_IS_NEW) < 0)
		hcsc_oom();
	return v;
}

struct json_object *hcs_set_obj(struct json_object *o, const char *key)
{
	return hcs_set(o, key, hcs_obj());
}

void hcs_push(struct json_object *arr, struct json_object *v)
{
	if (json_object_array_add(arr, must(v)) < 0)
		hcsc_oom();
}

void hcs_set_str(struct json_object *o, const char *key, const char *s)
{
	hcs_set(o, key, must(json_object_new_string(s ? s : "")));
}

void hcs_map_set_str(struct json_object *m, const char *key, const char *s)
{
	struct json_object *v = must(json_object_new_string(s ? s : ""));

	/* Go's m[key] = s: json-c replaces the value of a repeated key. */
	if (json_object_object_add_ex(m, key, v,
				      JSON_C_OBJECT_KEY_IS_CONSTANT) < 0)
		hcsc_oom();
}

void hcs_set_bool(struct json_object *o, const char *key, bool b)
{
	hcs_set(o, key, must(json_object_new_boolean(b)));
}

void hcs_set_bool_nz(const struct hcs_input *in, struct json_object *o,
		     const char *key, bool b)
{
	if (b || in->px)
		hcs_set_bool(o, key, b);
}

void hcs_set_int(struct json_object *o, const char *key, int64_t v)
{
	hcs_set(o, key, must(json_object_new_int64(v)));
}

void hcs_set_uint(struct json_object *o, const char *key, uint64_t v)
{
	hcs_set(o, key, must(json_object_new_uint64(v)));
}

/*
 * Omitempty fields: Go leaves a zero value out of the output, and explain
 * sees only the values printed, so the tree need not hold it; not
 * building it saves a json-c object and its free.
 */
void hcs_set_str_oe(struct json_object *o, const char *key, const char *s)
{
	if (s && *s)
		hcs_set_str(o, key, s);
}

void hcs_set_bool_oe(struct json_object *o, const char *key, bool b)
{
	if (b)
		hcs_set_bool(o, key, b);
}

void hcs_set_int_oe(struct json_object *o, const char *key, int64_t v)
{
	if (v)
		hcs_set_int(o, key, v);
}

void hcs_set_uint_oe(struct json_object *o, const char *key, uint64_t v)
{
	if (v)
		hcs_set_uint(o, key, v);
}

void hcs_set_strs(struct json_object *o, const char *key,
		  const struct str_list *l)
{
	struct json_object *a;
	size_t i;

	if (!l->set) {
		hcs_set(o, key, NULL);
		return;
	}
	a = hcs_set(o, key, hcs_arr());
	for (i = 0; i < l->n; i++)
		hcs_push(a, must(json_object_new_string(l->v[i] ? l->v[i] : "")));
}
