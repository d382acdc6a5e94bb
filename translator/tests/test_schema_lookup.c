/*
 * test_schema_lookup.c: schema_field (model/decode.c), the key -> field
 * lookup of every decoded key, against the plain definition it must equal:
 * the first field of the table whose name matches the key ASCII
 * case-insensitively (rule: hcsc.input.case-insensitive-keys). Every
 * field of every struct a description reaches is looked up as spelled,
 * folded both ways, one byte short, one byte long, and with its first byte
 * made a non-letter.
 */
#include "t.h"

#include <stdlib.h>

#include "ascii.h"
#include "model/schema.h"

static const struct field *reference(const struct schema *s, const char *key)
{
	for (size_t i = 0; i < s->nfields; i++)
		if (ascii_eqi(s->fields[i].name, key))
			return &s->fields[i];
	return NULL;
}

static void same(const struct schema *s, const char *key)
{
	const struct field *got = schema_field(s, key);
	const struct field *want = reference(s, key);

	if (got != want)
		fprintf(stderr, "schema %s, key '%s': got %s, want %s\n",
			s->name, key, got ? got->name : "(none)",
			want ? want->name : "(none)");
	CHECK(got == want);
}

static void variants(const struct schema *s, const char *name)
{
	size_t n = strlen(name);
	char *k = malloc(n + 2);

	same(s, name);
	for (size_t i = 0; i <= n; i++)
		k[i] = ascii_lower(name[i]);
	same(s, k);
	for (size_t i = 0; i <= n; i++)
		k[i] = ascii_upper(name[i]);
	same(s, k);
	memcpy(k, name, n + 1);
	if (n) {
		k[n - 1] = '\0'; /* one byte short */
		same(s, k);
	}
	memcpy(k, name, n);
	k[n] = 'x'; /* one byte long */
	k[n + 1] = '\0';
	same(s, k);
	memcpy(k, name, n + 1);
	if (n) {
		k[0] = (char)(name[0] ^ 0x60); /* 'H' -> '(': no letter */
		same(s, k);
	}
	free(k);
}

static void walk(const struct schema *s, unsigned depth)
{
	if (depth > 8)
		return;
	for (size_t i = 0; i < s->nfields; i++) {
		variants(s, s->fields[i].name);
		if (s->fields[i].sub)
			walk(s->fields[i].sub, depth + 1);
	}
	same(s, "");
	same(s, "_");
	same(s, "0");
}

int main(void)
{
	const struct schema *top = schema_description();

	walk(top, 0);
	CHECK(schema_field(top, "hostCONFIG") == reference(top, "HostConfig"));
	CHECK(schema_field(top, "HostConfig") != NULL);
	CHECK(schema_field(top, "HostConfi") == NULL);
	CHECK(schema_field(top, "HostConfigs") == NULL);
	return t_done();
}
