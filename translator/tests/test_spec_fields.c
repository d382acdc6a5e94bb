/*
 * test_spec_fields.c: the field tables of rule: hcsc.emit.field-table are
 * coherent. config.json's (src/oci/spec_fields.h): what is made from it
 * agrees: every key the writer's shape (shape_oci_spec) prints is a key
 * of the --from-oci decoder's schema (oci_spec_schema) at the same place,
 * and every key the decoder models is one the shape prints. The HCS
 * schema-1 document's (src/hcs/v1_fields.h): a value copied from the spec
 * is set by the Windows builders that copy it, and shape_hcs_v1 has its
 * rows.
 */
#include <stdbool.h>
#include <string.h>

#include "emit/gojson.h"
#include "model/schema.h"
#include "hcs/v1_fields.h"
#include "oci/decode/decode_slots.h"
#include "oci/spec_fields.h"
#include "t.h"

/* ---- the rows themselves ------------------------------------------------ */

struct row_text {
	const char *section, *key, *targets, *writer, *decoder;
};

#define ROW_TEXT(S, B, key, type, oe, targets, wr, member, sub, dec) \
	{ #S, #key, #targets, #wr, #dec },
#define SECTION_TEXT(id, goname, held, ctype, dec) \
	OCI_FIELDS_##id(ROW_TEXT, id, ctype)

static const struct row_text rows[] = { OCI_SECTIONS(SECTION_TEXT) };

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/*
 * A row the decoder reads (D_*) is written from the spec and printed by
 * every target; a row no target prints is never written.
 */
static void test_rows(void)
{
	size_t n = sizeof(rows) / sizeof(rows[0]);

	CHECK(n > 50);
	for (size_t i = 0; i < n; i++) {
		const struct row_text *r = &rows[i];
		bool ok = true;

		if (starts(r->decoder, "D_"))
			ok = strcmp(r->writer, "NONE") && !strcmp(r->targets, "ALL");
		if (!strcmp(r->targets, "NONE"))
			ok = ok && !strcmp(r->writer, "NONE");
		if (!ok)
			fprintf(stderr, "row %s.%s: targets %s, writer %s, decoder %s\n",
				r->section, r->key, r->targets, r->writer,
				r->decoder);
		CHECK(ok);
	}
}

/* ---- the shape and the schema made from them ---------------------------- */

static const struct shape *struct_of(const struct shape *t)
{
	while (t && (t->kind == SHAPE_PTR || t->kind == SHAPE_SLICE))
		t = t->elem;
	return t && t->kind == SHAPE_STRUCT ? t : NULL;
}

static const struct field *field_exact(const struct schema *d, const char *key)
{
	for (size_t i = 0; i < d->nfields; i++)
		if (!strcmp(d->fields[i].name, key))
			return &d->fields[i];
	return NULL;
}

static bool in_shape(const struct shape *s, const char *key)
{
	for (size_t i = 0; i < s->nfields; i++)
		if (!strcmp(s->fields[i].key, key))
			return true;
	return false;
}

static void agree(const struct shape *s, const struct schema *d)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const struct shape_field *f = &s->fields[i];
		const struct field *g = field_exact(d, f->key);
		const struct shape *sub = struct_of(f->type);

		if (!g)
			fprintf(stderr, "%s.%s: printed, not decoded\n", s->name,
				f->key);
		CHECK(g != NULL);
		if (g && sub && g->sub)
			agree(sub, g->sub);
	}
	for (size_t i = 0; i < d->nfields; i++) {
		bool ok = d->fields[i].status != FS_MODELLED ||
			  in_shape(s, d->fields[i].name);

		if (!ok)
			fprintf(stderr, "%s.%s: decoded, not printed\n", d->name,
				d->fields[i].name);
		CHECK(ok);
	}
}

static void test_shape_and_schema(void)
{
	CHECK_STR(shape_oci_spec.name, oci_spec_schema.name);
	agree(&shape_oci_spec, &oci_spec_schema);
}

/* ---- the HCS schema-1 document ------------------------------------------ */

struct v1_text {
	const char *key, *builders, *from;
};

#define V1_TEXT(key, type, oe, builders, from, member) \
	{ #key, #builders, #from },

static const struct v1_text v1_rows[] = { HCS_V1_FIELDS(V1_TEXT) };

static void test_v1_rows(void)
{
	size_t n = sizeof(v1_rows) / sizeof(v1_rows[0]);

	CHECK_INT(shape_hcs_v1.nfields, n);
	for (size_t i = 0; i < n && i < shape_hcs_v1.nfields; i++) {
		const struct v1_text *r = &v1_rows[i];
		bool ok = !starts(r->from, "SPEC_") || !strcmp(r->builders, "WCOW");

		if (!ok)
			fprintf(stderr, "v1 row %s: builders %s, from %s\n",
				r->key, r->builders, r->from);
		CHECK(ok);
		CHECK_STR(shape_hcs_v1.fields[i].key, r->key);
	}
}

int main(void)
{
	test_rows();
	test_shape_and_schema();
	test_v1_rows();
	return t_done();
}
