/*
 * test_uuid.c: uuid5 against Python's uuid.uuid5 (the RFC 4122 DNS namespace
 * vector "python.org", and names in hcsc's namespace computed on the build
 * machine with `python3 -c 'import uuid; print(uuid.uuid5(NS, name))'`),
 * uuid_parse accepted and rejected forms, and uuid_format round trips.
 */
#include "uuid.h"
#include "t.h"

static const unsigned char ns_dns[UUID_LEN] = {
	0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
	0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
};

static const unsigned char ns_url[UUID_LEN] = {
	0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
	0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
};

static const char *v5(const unsigned char *ns, const char *name, char *buf)
{
	unsigned char u[UUID_LEN];

	uuid5(ns, name, strlen(name), u);
	uuid_format(u, buf);
	return buf;
}

static void test_known_vectors(void)
{
	char buf[UUID_TEXT_LEN + 1];

	CHECK_STR(v5(ns_dns, "python.org", buf),
		  "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	CHECK_STR(v5(ns_url, "http://example.com/", buf),
		  "0a300ee9-f9e4-5697-a51a-efc7fafaba67");
}

static const struct {
	const char *name, *want;
} hcsc_ns_cases[] = {
	{ "volume:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
	  "6228b908-ee64-5e5d-8553-b78eafd13b24" },
	{ "volume:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	  "cd81cacc-e359-5a3e-88db-5f999f72d811" },
	{ "layer:abc", "c0e93d46-70d4-5781-bfaf-508bdabfa075" },
	{ "layer:\xc3\xa9", "c0c94385-d6a5-5f5d-bb95-97f95bda498a" },
	{ "netns:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	  "d945e235-3a26-5fbb-80f5-2e466b50bee5" },
	{ "", "4e197b57-cf43-55d7-b841-07fcc33939dd" },
};

static void test_hcsc_namespace(void)
{
	unsigned char ns[UUID_LEN];
	char buf[UUID_TEXT_LEN + 1];
	size_t i;

	CHECK(uuid_parse(hcsc_uuid_ns_text, ns));
	CHECK(memcmp(ns, hcsc_uuid_ns, UUID_LEN) == 0);
	uuid_format(hcsc_uuid_ns, buf);
	CHECK_STR(buf, "08f59fc9-1fa9-5a66-ae23-04b526e71b67");
	for (i = 0; i < sizeof(hcsc_ns_cases) / sizeof(hcsc_ns_cases[0]); i++)
		CHECK_STR(v5(hcsc_uuid_ns, hcsc_ns_cases[i].name, buf),
			  hcsc_ns_cases[i].want);
}

/* The length is honoured: a name is not read up to its NUL. */
static void test_name_length(void)
{
	unsigned char a[UUID_LEN], b[UUID_LEN];

	uuid5(hcsc_uuid_ns, "layer:abcXYZ", 9, a);
	uuid5(hcsc_uuid_ns, "layer:abc", 9, b);
	CHECK(memcmp(a, b, UUID_LEN) == 0);
	uuid5(hcsc_uuid_ns, "layer:abd", 9, b);
	CHECK(memcmp(a, b, UUID_LEN) != 0);
}

static const struct {
	const char *in, *want; /* want NULL: rejected */
} parse_cases[] = {
	{ "08f59fc9-1fa9-5a66-ae23-04b526e71b67",
	  "08f59fc9-1fa9-5a66-ae23-04b526e71b67" },
	{ "08F59FC9-1FA9-5A66-AE23-04B526E71B67",
	  "08f59fc9-1fa9-5a66-ae23-04b526e71b67" },
	{ "{08f59fc9-1FA9-5a66-ae23-04b526e71b67}",
	  "08f59fc9-1fa9-5a66-ae23-04b526e71b67" },
	{ "00000000-0000-0000-0000-000000000000",
	  "00000000-0000-0000-0000-000000000000" },
	{ "FFFFFFFF-ffff-FFFF-ffff-FFFFFFFFFFFF",
	  "ffffffff-ffff-ffff-ffff-ffffffffffff" },
	{ "{08f59fc9-1fa9-5a66-ae23-04b526e71b67", NULL },
	{ "08f59fc9-1fa9-5a66-ae23-04b526e71b67}", NULL },
	{ "(08f59fc9-1fa9-5a66-ae23-04b526e71b67)", NULL },
	{ "{{08f59fc9-1fa9-5a66-ae23-04b526e71b6}}", NULL },
	{ "08f59fc91fa95a66ae2304b526e71b67", NULL },
	{ "08f59fc9-1fa9-5a66-ae23-04b526e71b6", NULL },
	{ "08f59fc9-1fa9-5a66-ae23-04b526e71b678", NULL },
	{ "08f59fc9-1fa9-5a66-ae2304-b526e71b67", NULL },
	{ "08f59fc9-1fa9-5a66-ae23-04b526e71b6g", NULL },
	{ "08f59fc9_1fa9-5a66-ae23-04b526e71b67", NULL },
	{ "g8f59fc9-1fa9-5a66-ae23-04b526e71b67", NULL },
	{ " 08f59fc9-1fa9-5a66-ae23-04b526e71b6", NULL },
	{ "08f59fc9-1fa9-5a66-ae23-04b526e71b6 ", NULL },
	{ "+8f59fc9-1fa9-5a66-ae23-04b526e71b67", NULL },
	{ "urn:uuid:08f59fc9-1fa9-5a66-ae23-04b526e71b67", NULL },
	{ "", NULL },
	{ "{}", NULL },
};

static void test_parse(void)
{
	size_t i;

	for (i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		unsigned char u[UUID_LEN];
		char buf[UUID_TEXT_LEN + 1];
		bool ok;

		memset(u, 0xa5, sizeof(u));
		ok = uuid_parse(parse_cases[i].in, u);
		if (!parse_cases[i].want) {
			size_t k;
			int touched = 0;

			if (ok)
				fprintf(stderr, "accepted: %s\n", parse_cases[i].in);
			CHECK(!ok);
			for (k = 0; k < UUID_LEN; k++)
				touched |= u[k] != 0xa5;
			CHECK_INT(touched, 0);
			continue;
		}
		CHECK(ok);
		uuid_format(u, buf);
		CHECK_STR(buf, parse_cases[i].want);
	}
}

static void test_format_bytes(void)
{
	static const unsigned char u[UUID_LEN] = {
		0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
		0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
	};
	char buf[UUID_TEXT_LEN + 1];

	uuid_format(u, buf);
	CHECK_STR(buf, "01234567-89ab-cdef-fedc-ba9876543210");
	CHECK_INT(strlen(buf), UUID_TEXT_LEN);
}

int main(void)
{
	test_known_vectors();
	test_hcsc_namespace();
	test_name_length();
	test_parse();
	test_format_bytes();
	return t_done();
}
