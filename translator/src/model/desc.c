/*
 * desc.c: decoding a description (README "The description"; rules: hcsc.input.docker-inspect, hcsc.id.default):
 * plain descriptions and `docker inspect` output, the Id rule and
 * its default.
 */
#include "desc.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "load/node.h"
#include "schema.h"
#include "uuid.h"

extern const struct schema desc_schema;
extern const struct schema desc_sidecar_schema;

/* `docker inspect` output: [ {...} ] or an object with a State key. */
static const struct node *inspect_object(struct diag_list *d,
					 const struct node *root, bool *inspect)
{
	*inspect = false;
	if (root->kind == NODE_SEQ) {
		if (root->n != 1 || root->items[0]->kind != NODE_MAP) {
			diag_error(d, root->pos,
				   "a description that is a list must be "
				   "`docker inspect` output: a list of exactly "
				   "one object");
			return NULL;
		}
		*inspect = true;
		return root->items[0];
	}
	if (root->kind == NODE_MAP && node_get_ci(root, "State"))
		*inspect = true;
	return root;
}

static bool check_id(struct diag_list *d, const struct v_str *id)
{
	size_t n = strlen(id->v);

	for (size_t i = 0; i < n; i++) {
		char c = id->v[i];

		if (!ascii_isdigit(c) && !(c >= 'a' && c <= 'f'))
			n = 0;
	}
	if (n == 64)
		return true;
	diag_error(d, id->pos,
		   "'Id' must be 64 lowercase hexadecimal characters");
	return false;
}

/*
 * In inspect output the top-level Image is the image ID (a string): it is
 * dropped before decoding, as the rest of the unknown keys are.
 */
static struct node *without_string_image(struct arena *a,
					 const struct node *obj)
{
	struct node *copy = arena_alloc(a, sizeof(*copy));
	size_t k = 0;

	*copy = *obj;
	copy->pairs = arena_array(a, obj->n, sizeof(*copy->pairs));
	for (size_t i = 0; i < obj->n; i++) {
		const struct node_pair *p = &obj->pairs[i];

		if (ascii_eqi(p->key->text, "Image") && p->val->kind == NODE_STR)
			continue;
		copy->pairs[k++] = *p;
	}
	copy->n = k;
	return copy;
}

/*
 * rule: hcsc.input.layer-id-guid: a layer Id is a GUID (braces optional, any case), kept
 * lowercase without braces, as go-winio's GUID.String() prints it.
 */
static bool normalize_layer_ids(struct arena *a, struct diag_list *d,
				struct desc_runtime *rt)
{
	struct desc_layer *layers = rt->layer_folders.items;
	bool ok = true;

	for (size_t i = 0; i < rt->layer_folders.n; i++) {
		struct v_str *id = &layers[i].id;
		unsigned char u[UUID_LEN];
		char text[UUID_TEXT_LEN + 1];

		if (!id->set)
			continue;
		if (!uuid_parse(id->v, u)) {
			diag_error(d, id->pos,
				   "'Runtime.LayerFolders[%zu].Id' must be a GUID "
				   "(8-4-4-4-12 hex digits, braces optional), not "
				   "'%s'",
				   i, id->v);
			ok = false;
			continue;
		}
		uuid_format(u, text);
		id->v = arena_strdup(a, text);
	}
	return ok;
}

enum hcsc_rc desc_decode(struct arena *a, struct diag_list *d,
			 const char *file, const struct node *root,
			 struct desc *out)
{
	struct decode_ctx ctx = { .arena = a, .diags = d,
				  .keys_cmd = "hcsc keys" };
	const struct node *obj;

	memset(out, 0, sizeof(*out));
	out->file = file;
	obj = inspect_object(d, root, &out->inspect);
	if (!obj)
		return HCSC_E_INPUT;
	if (obj->kind != NODE_MAP && obj->kind != NODE_NULL)
		return diag_error(d, obj->pos, "a description must be a mapping");
	if (out->inspect && obj->kind == NODE_MAP) {
		ctx.lenient = true;
		obj = without_string_image(a, obj);
	}
	if (schema_decode(&ctx, &desc_schema, "", obj, out) != HCSC_OK)
		return HCSC_E_INPUT;
	if (out->inspect && out->name.set && out->name.v[0] == '/')
		out->name.v++;
	if (out->id.set && !check_id(d, &out->id))
		return HCSC_E_INPUT;
	return normalize_layer_ids(a, d, &out->runtime) ? HCSC_OK
							: HCSC_E_INPUT;
}

enum hcsc_rc desc_decode_runtime(struct arena *a, struct diag_list *d,
				 const struct node *root,
				 struct desc_runtime *out)
{
	struct decode_ctx ctx = { .arena = a, .diags = d };

	memset(out, 0, sizeof(*out));
	if (schema_decode(&ctx, &desc_sidecar_schema, "Runtime", root, out) !=
	    HCSC_OK)
		return HCSC_E_INPUT;
	return normalize_layer_ids(a, d, out) ? HCSC_OK : HCSC_E_INPUT;
}
