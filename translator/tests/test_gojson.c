/*
 * test_gojson.c: emit/gojson.c (Go encoding/json bytes), emit/shapes.c and
 * emit/oci_json.c. Expected bytes are written by hand from Go's rules
 * (golang/go src/encoding/json encode.go, indent.go; Go >= 1.22);
 * scripts/goref-test.sh checks the same code against Go itself.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "emit/gojson.h"
#include "emit/oci_json.h"
#include "oci/spec.h"
#include "strbuf.h"
#include "t.h"

#define LIT(s) s, sizeof(s) - 1

/* ---- escaping ------------------------------------------------------------ */

static const struct {
	const char *in;
	size_t n;
	const char *want;
} string_cases[] = {
	{ LIT(""), "\"\"" },
	{ LIT("plain text"), "\"plain text\"" },
	{ LIT("a\"b\\c"), "\"a\\\"b\\\\c\"" },
	{ LIT("\n\r\t"), "\"\\n\\r\\t\"" },
	{ LIT("\b\f"), "\"\\b\\f\"" },
	{ LIT("\x01\x1f\x0b\x1b"), "\"\\u0001\\u001f\\u000b\\u001b\"" },
	{ LIT("a\0b"), "\"a\\u0000b\"" },
	{ LIT("<a>&b"), "\"\\u003ca\\u003e\\u0026b\"" },
	{ LIT("</script>"), "\"\\u003c/script\\u003e\"" },
	{ LIT("C:\\Windows/x"), "\"C:\\\\Windows/x\"" },
	{ LIT("'\x7f'"), "\"'\x7f'\"" },
	{ LIT("\xc3\xa9\xe2\x82\xac"), "\"\xc3\xa9\xe2\x82\xac\"" },
	{ LIT("\xe2\x80\xa8"), "\"\\u2028\"" },
	{ LIT("x\xe2\x80\xa9y"), "\"x\\u2029y\"" },
	{ LIT("\xe2\x80\xa7\xe2\x80\xaa"), "\"\xe2\x80\xa7\xe2\x80\xaa\"" },
	{ LIT("\xf0\x9f\x98\x80"), "\"\xf0\x9f\x98\x80\"" },
	{ LIT("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\"" },
	{ LIT("\xef\xbf\xbd"), "\"\xef\xbf\xbd\"" },
	{ LIT("\xff"), "\"\\ufffd\"" },
	{ LIT("a\x80z"), "\"a\\ufffdz\"" },
	{ LIT("\xc0\x80"), "\"\\ufffd\\ufffd\"" },
	{ LIT("\xc2"), "\"\\ufffd\"" },
	{ LIT("\xc2\x7f"), "\"\\ufffd\x7f\"" },
	{ LIT("\xe2\x80"), "\"\\ufffd\\ufffd\"" },
	{ LIT("\xe0\x9f\xbf"), "\"\\ufffd\\ufffd\\ufffd\"" },
	{ LIT("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"" },
	{ LIT("\xf0\x8f\xbf\xbf"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"" },
	{ LIT("\xf4\x90\x80\x80"), "\"\\ufffd\\ufffd\\ufffd\\ufffd\"" },
	{ LIT("\xf5\x80"), "\"\\ufffd\\ufffd\"" },
	{ LIT("\xf0\x9f\x98<"), "\"\\ufffd\\ufffd\\ufffd\\u003c\"" },
};

static void test_strings(void)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(string_cases) / sizeof(string_cases[0]); i++) {
		strbuf_reset(&sb);
		emit_go_string(&sb, string_cases[i].in, string_cases[i].n);
		CHECK_STR(sb.buf, string_cases[i].want);
	}
	/* Appends, never clobbers. */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "k=");
	emit_go_string(&sb, LIT("<"));
	CHECK_STR(sb.buf, "k=\"\\u003c\"");
	strbuf_release(&sb);
}

/* ---- test shapes --------------------------------------------------------- */

static const struct shape t_str = { "string", SHAPE_STRING, NULL, NULL, 0 };
static const struct shape t_bool = { "bool", SHAPE_BOOL, NULL, NULL, 0 };
static const struct shape t_int = { "int64", SHAPE_INT, NULL, NULL, 0 };
static const struct shape t_uint = { "uint64", SHAPE_UINT, NULL, NULL, 0 };
static const struct shape t_any = { "interface {}", SHAPE_ANY, NULL, NULL, 0 };
static const struct shape t_puint = { "*uint64", SHAPE_PTR, &t_uint, NULL, 0 };
static const struct shape t_slice = { "[]string", SHAPE_SLICE, &t_str,
				      NULL, 0 };
static const struct shape t_map = { "map[string]string", SHAPE_MAP, &t_str,
				    NULL, 0 };
static const struct shape_field inner_fields[] = {
	{ "x", &t_str, false },
	{ "y", &t_bool, true },
};
static const struct shape t_inner = { "Inner", SHAPE_STRUCT, NULL,
				      inner_fields, 2 };
static const struct shape t_pinner = { "*Inner", SHAPE_PTR, &t_inner, NULL, 0 };

#define ALL_FIELDS(oe)                                                   \
	{                                                                \
		{ "s", &t_str, oe }, { "b", &t_bool, oe },               \
		{ "i", &t_int, oe }, { "u", &t_uint, oe },               \
		{ "p", &t_puint, oe }, { "sl", &t_slice, oe },           \
		{ "m", &t_map, oe }, { "st", &t_inner, oe },             \
		{ "ps", &t_pinner, oe }, { "a", &t_any, oe },            \
	}
static const struct shape_field plain_fields[] = ALL_FIELDS(false);
static const struct shape_field oe_fields[] = ALL_FIELDS(true);
static const struct shape t_plain = { "Plain", SHAPE_STRUCT, NULL,
				      plain_fields, 10 };
static const struct shape t_oe = { "Omit", SHAPE_STRUCT, NULL, oe_fields, 10 };

static struct json_object *parse(const char *text)
{
	struct json_object *v = json_tokener_parse(text);

	if (!v && strcmp(text, "null"))
		fprintf(stderr, "cannot parse %s\n", text);
	CHECK(v != NULL || !strcmp(text, "null"));
	return v;
}

/* Print `text` read as `shape`; returns a malloc'd string or NULL. */
static char *print(const char *text, const struct shape *shape,
		   enum emit_style style)
{
	struct json_object *v = parse(text);
	struct strbuf sb = STRBUF_INIT;
	const char *err = NULL;
	enum hcsc_rc rc;

	rc = emit_json(&sb, v, shape, style, &err);
	json_object_put(v);
	if (rc != HCSC_OK) {
		fprintf(stderr, "emit_json(%s): %s\n", text, err ? err : "?");
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

static const struct {
	const struct shape *shape;
	const char *in, *want;
} compact_cases[] = {
	/* Absent keys are Go zero values. */
	{ &t_plain, "{}",
	  "{\"s\":\"\",\"b\":false,\"i\":0,\"u\":0,\"p\":null,\"sl\":null,"
	  "\"m\":null,\"st\":{\"x\":\"\"},\"ps\":null,\"a\":null}" },
	/* omitempty never drops a struct value. */
	{ &t_oe, "{}", "{\"st\":{\"x\":\"\"}}" },
	{ &t_oe, "{\"s\":\"\",\"b\":false,\"i\":0,\"u\":0,\"sl\":[],\"m\":{},"
		 "\"p\":null,\"ps\":null,\"a\":null}",
	  "{\"st\":{\"x\":\"\"}}" },
	/* A pointer to a zero value is not empty. */
	{ &t_oe, "{\"p\":0}", "{\"p\":0,\"st\":{\"x\":\"\"}}" },
	{ &t_oe, "{\"ps\":{}}", "{\"st\":{\"x\":\"\"},\"ps\":{\"x\":\"\"}}" },
	/* An interface holding "" or false is not nil. */
	{ &t_oe, "{\"a\":\"\"}", "{\"st\":{\"x\":\"\"},\"a\":\"\"}" },
	{ &t_oe, "{\"a\":false}", "{\"st\":{\"x\":\"\"},\"a\":false}" },
	/* Without omitempty: empty slice [] and map {} vs nil null. */
	{ &t_plain, "{\"sl\":[],\"m\":{},\"st\":{\"y\":true}}",
	  "{\"s\":\"\",\"b\":false,\"i\":0,\"u\":0,\"p\":null,\"sl\":[],"
	  "\"m\":{},\"st\":{\"x\":\"\",\"y\":true},\"ps\":null,\"a\":null}" },
	/* Field order is the shape's, not the object's. */
	{ &t_oe, "{\"a\":1,\"u\":2,\"s\":\"x\",\"b\":true}",
	  "{\"s\":\"x\",\"b\":true,\"u\":2,\"st\":{\"x\":\"\"},\"a\":1}" },
	/* Map keys sorted by bytes; a null map value is the zero value. */
	{ &t_oe, "{\"m\":{\"b\":\"1\",\"\xc3\xa9\":\"4\",\"a\":\"2\",\"B\":\"3\","
		 "\"\":null}}",
	  "{\"m\":{\"\":\"\",\"B\":\"3\",\"a\":\"2\",\"b\":\"1\",\"\xc3\xa9\":\"4\"},"
	  "\"st\":{\"x\":\"\"}}" },
	/* Integer limits. */
	{ &t_oe, "{\"u\":18446744073709551615,\"i\":-9223372036854775808}",
	  "{\"i\":-9223372036854775808,\"u\":18446744073709551615,"
	  "\"st\":{\"x\":\"\"}}" },
	{ &t_oe, "{\"i\":9223372036854775807,\"p\":18446744073709551615}",
	  "{\"i\":9223372036854775807,\"p\":18446744073709551615,"
	  "\"st\":{\"x\":\"\"}}" },
	/* interface{}: objects sorted, any depth, integers exact. */
	{ &t_any, "{\"z\":[1,{\"b\":null,\"a\":[]}],\"a\":{},\"m\":-1,"
		  "\"u\":18446744073709551615,\"s\":\"<\"}",
	  "{\"a\":{},\"m\":-1,\"s\":\"\\u003c\",\"u\":18446744073709551615,"
	  "\"z\":[1,{\"a\":[],\"b\":null}]}" },
	{ &t_any, "null", "null" },
	{ &t_slice, "[\"a\",null,\"\\u2028\"]", "[\"a\",\"\",\"\\u2028\"]" },
	{ &t_map, "{}", "{}" },
};

static void test_compact(void)
{
	size_t i;
	char *got;

	for (i = 0; i < sizeof(compact_cases) / sizeof(compact_cases[0]); i++) {
		got = print(compact_cases[i].in, compact_cases[i].shape,
			    EMIT_COMPACT);
		CHECK_STR(got, compact_cases[i].want);
		free(got);
	}
}

static const struct {
	const struct shape *shape;
	const char *in, *want;
} pretty_cases[] = {
	{ &t_map, "{}", "{}\n" },
	{ &t_slice, "[]", "[]\n" },
	{ &t_slice, "null", "null\n" },
	{ &t_str, "\"a\"", "\"a\"\n" },
	{ &t_oe, "{\"sl\":[\"a\",\"b\"],\"m\":{\"k\":\"v\"},\"ps\":{}}",
	  "{\n"
	  "  \"sl\": [\n"
	  "    \"a\",\n"
	  "    \"b\"\n"
	  "  ],\n"
	  "  \"m\": {\n"
	  "    \"k\": \"v\"\n"
	  "  },\n"
	  "  \"st\": {\n"
	  "    \"x\": \"\"\n"
	  "  },\n"
	  "  \"ps\": {\n"
	  "    \"x\": \"\"\n"
	  "  }\n"
	  "}\n" },
	/* Empty containers stay {} and [] at any depth. */
	{ &t_any, "{\"a\":[{},[],[[]],{\"b\":{}}]}",
	  "{\n"
	  "  \"a\": [\n"
	  "    {},\n"
	  "    [],\n"
	  "    [\n"
	  "      []\n"
	  "    ],\n"
	  "    {\n"
	  "      \"b\": {}\n"
	  "    }\n"
	  "  ]\n"
	  "}\n" },
	/* Decision 3: "Memory":{} when the pointer is set. */
	{ &shape_hcs_v2, "{\"Container\":{\"Memory\":{},\"Processor\":{\"Count\":0}}}",
	  "{\n"
	  "  \"Container\": {\n"
	  "    \"Memory\": {},\n"
	  "    \"Processor\": {}\n"
	  "  }\n"
	  "}\n" },
};

static void test_pretty(void)
{
	size_t i;
	char *got;

	for (i = 0; i < sizeof(pretty_cases) / sizeof(pretty_cases[0]); i++) {
		got = print(pretty_cases[i].in, pretty_cases[i].shape,
			    EMIT_PRETTY);
		CHECK_STR(got, pretty_cases[i].want);
		free(got);
	}
}

/* ---- floats in interface{} ----------------------------------------------- */

static void test_floats(void)
{
	static const double in[] = {
		1e21, 1e20, 1e-7, 1e-6, 123456789.125, 5e-324, DBL_MAX, -0.0,
		100.0, 1.5e-10, 2.5e25, 0.3, 1.0 / 3, 0.1 + 0.2, -1.25, 1e100,
	};
	const char *want =
		"[1e+21,100000000000000000000,1e-7,0.000001,123456789.125,"
		"5e-324,1.7976931348623157e+308,-0,100,1.5e-10,2.5e+25,0.3,"
		"0.3333333333333333,0.30000000000000004,-1.25,1e+100]";
	struct json_object *a = json_object_new_array();
	struct strbuf sb = STRBUF_INIT;
	const char *err = NULL;
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		json_object_array_add(a, json_object_new_double(in[i]));
	CHECK_INT(emit_json(&sb, a, &t_any, EMIT_COMPACT, &err), HCSC_OK);
	CHECK_STR(sb.buf, want);

	/* Go refuses NaN and infinities. */
	strbuf_reset(&sb);
	json_object_array_add(a, json_object_new_double(NAN));
	CHECK_INT(emit_json(&sb, a, &t_any, EMIT_COMPACT, &err), HCSC_E_IO);
	CHECK(err && strstr(err, "unsupported float"));
	json_object_put(a);
	strbuf_release(&sb);
}

/* ---- errors -------------------------------------------------------------- */

static const struct {
	const struct shape *shape;
	const char *in;
	const char *words[2]; /* the message must hold both */
} error_cases[] = {
	{ &t_oe, "{\"zzz\":1}", { "'zzz'", "Omit" } },
	{ &t_oe, "{\"st\":{\"x\":\"\",\"q\":1}}", { "'q'", "Inner" } },
	{ &t_oe, "{\"s\":1}", { "'s'", "string" } },
	{ &t_oe, "{\"u\":-1}", { "'u'", "uint64" } },
	{ &t_oe, "{\"i\":18446744073709551615}", { "'i'", "int64" } },
	{ &t_oe, "{\"sl\":{}}", { "'sl'", "[]string" } },
	{ &t_oe, "{\"m\":[]}", { "'m'", "map[string]string" } },
	{ &t_oe, "{\"b\":\"true\"}", { "'b'", "bool" } },
	{ &t_oe, "{\"ps\":[]}", { "'ps'", "Inner" } },
	{ &shape_oci_spec, "{\"windows\":{\"layerFolders\":null,\"hooks\":[]}}",
	  { "'hooks'", "specs.Windows" } },
	{ &shape_hcs_v2, "{\"Container\":{\"Memory\":{\"SizeInMB\":1.5}}}",
	  { "'SizeInMB'", "int32" } },
};

static void test_errors(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_object *v;
	const char *err;
	size_t i;

	for (i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
		v = parse(error_cases[i].in);
		err = NULL;
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "keep");
		CHECK_INT(emit_json(&sb, v, error_cases[i].shape, EMIT_PRETTY,
				    &err), HCSC_E_IO);
		CHECK(err && strstr(err, error_cases[i].words[0]));
		CHECK(err && strstr(err, error_cases[i].words[1]));
		CHECK_STR(sb.buf, "keep"); /* output rolled back */
		json_object_put(v);
	}
	/* A NULL err is allowed. */
	v = parse("{\"nope\":1}");
	CHECK_INT(emit_json(&sb, v, &t_oe, EMIT_COMPACT, NULL), HCSC_E_IO);
	json_object_put(v);
	strbuf_release(&sb);
}

/* ---- the document shapes ------------------------------------------------- */

static void test_doc_shapes(void)
{
	char *got;

	got = print("{}", &shape_hcs_v1, EMIT_COMPACT);
	CHECK_STR(got, "{\"SystemType\":\"\",\"Name\":\"\",\"Layers\":null,"
		       "\"HvPartition\":false}");
	free(got);
	got = print("{\"MappedDirectories\":[{}],\"MappedVirtualDisks\":[{}],"
		    "\"Layers\":[],\"AssignedDevices\":[{}]}",
		    &shape_hcs_v1, EMIT_COMPACT);
	CHECK_STR(got, "{\"SystemType\":\"\",\"Name\":\"\",\"Layers\":[],"
		       "\"MappedDirectories\":[{\"HostPath\":\"\","
		       "\"ContainerPath\":\"\",\"ReadOnly\":false,"
		       "\"BandwidthMaximum\":0,\"IOPSMaximum\":0,"
		       "\"CreateInUtilityVM\":false}],\"HvPartition\":false,"
		       "\"MappedVirtualDisks\":[{\"ContainerPath\":\"\"}],"
		       "\"AssignedDevices\":[{}]}");
	free(got);
	got = print("{\"HostedSystem\":{\"Container\":{},\"SchemaVersion\":"
		    "{\"Major\":2,\"Minor\":1}},\"SchemaVersion\":{\"Major\":1,"
		    "\"Minor\":0},\"Owner\":\"docker\"}",
		    &shape_hcs_v2, EMIT_COMPACT);
	CHECK_STR(got, "{\"Owner\":\"docker\",\"SchemaVersion\":{\"Major\":1},"
		       "\"HostedSystem\":{\"SchemaVersion\":{\"Major\":2,"
		       "\"Minor\":1},\"Container\":{}}}");
	free(got);
	got = print("{\"Environment\":{\"b\":\"2\",\"a\":\"1\"},"
		    "\"ConsoleSize\":[25,80],\"EmulateConsole\":true,"
		    "\"CommandLine\":\"cmd /c \\\"x\\\"\"}",
		    &shape_hcs_process, EMIT_COMPACT);
	CHECK_STR(got, "{\"CommandLine\":\"cmd /c \\\"x\\\"\",\"Environment\":"
		       "{\"a\":\"1\",\"b\":\"2\"},\"EmulateConsole\":true,"
		       "\"ConsoleSize\":[25,80]}");
	free(got);
}

/* ---- oci_spec_to_json ---------------------------------------------------- */

static char *print_spec(const struct oci_spec *s, enum emit_style style)
{
	struct json_object *v = oci_spec_to_json(s);
	struct strbuf sb = STRBUF_INIT;
	const char *err = NULL;

	CHECK(v != NULL);
	if (!v)
		return NULL;
	if (emit_json(&sb, v, &shape_oci_spec, style, &err) != HCSC_OK) {
		fprintf(stderr, "emit_json: %s\n", err ? err : "?");
		strbuf_release(&sb);
		json_object_put(v);
		return NULL;
	}
	json_object_put(v);
	return strbuf_detach(&sb, NULL);
}

/* moby's DefaultWindowsSpec(): zero Process, Root and Windows. */
static void test_oci_default(void)
{
	struct oci_spec s;
	char *got;

	memset(&s, 0, sizeof(s));
	s.oci_version = "1.3.0";
	s.has_process = s.has_root = s.has_windows = true;
	got = print_spec(&s, EMIT_COMPACT);
	CHECK_STR(got, "{\"ociVersion\":\"1.3.0\",\"process\":{\"user\":"
		       "{\"uid\":0,\"gid\":0},\"cwd\":\"\"},\"root\":"
		       "{\"path\":\"\"},\"windows\":{\"layerFolders\":null}}");
	free(got);

	/* Empty non-nil lists: layerFolders [] kept, args/env dropped. */
	s.windows.layer_folders.set = true;
	s.process.args.set = true;
	s.process.env.set = true;
	got = print_spec(&s, EMIT_COMPACT);
	CHECK_STR(got, "{\"ociVersion\":\"1.3.0\",\"process\":{\"user\":"
		       "{\"uid\":0,\"gid\":0},\"cwd\":\"\"},\"root\":"
		       "{\"path\":\"\"},\"windows\":{\"layerFolders\":[]}}");
	free(got);

	s.has_process = s.has_root = s.has_windows = false;
	got = print_spec(&s, EMIT_PRETTY);
	CHECK_STR(got, "{\n  \"ociVersion\": \"1.3.0\"\n}\n");
	free(got);
}

static void test_oci_full(void)
{
	static const char *args[] = { "cmd", "/S", "/C", "echo <hi> & exit" };
	static const char *env[] = { "PATH=C:\\Windows", "A=\xe2\x80\xa8" };
	static const char *layers[] = { "C:\\l\\1", "C:\\l\\sandbox" };
	static const char *opts[] = { "ro" };
	static const char *endpoints[] = { "e1" };
	static struct oci_mount mounts[2];
	static struct kv notes[3] = {
		{ "z", "last" }, { "a", "1" }, { "z", "again" }
	};
	static struct oci_device devs[1] = { { "5B45201D", "class", { 0 } } };
	struct oci_spec s;
	char *got;
	const char *want =
		"{\n"
		"  \"ociVersion\": \"1.3.0\",\n"
		"  \"process\": {\n"
		"    \"terminal\": true,\n"
		"    \"consoleSize\": {\n"
		"      \"height\": 25,\n"
		"      \"width\": 80\n"
		"    },\n"
		"    \"user\": {\n"
		"      \"uid\": 0,\n"
		"      \"gid\": 0,\n"
		"      \"username\": \"ContainerUser\"\n"
		"    },\n"
		"    \"args\": [\n"
		"      \"cmd\",\n"
		"      \"/S\",\n"
		"      \"/C\",\n"
		"      \"echo \\u003chi\\u003e \\u0026 exit\"\n"
		"    ],\n"
		"    \"env\": [\n"
		"      \"PATH=C:\\\\Windows\",\n"
		"      \"A=\\u2028\"\n"
		"    ],\n"
		"    \"cwd\": \"C:\\\\\"\n"
		"  },\n"
		"  \"root\": {\n"
		"    \"path\": \"\\\\\\\\?\\\\Volume{x}\\\\\",\n"
		"    \"readonly\": true\n"
		"  },\n"
		"  \"hostname\": \"web\",\n"
		"  \"mounts\": [\n"
		"    {\n"
		"      \"destination\": \"C:\\\\data\",\n"
		"      \"source\": \"D:\\\\data\",\n"
		"      \"options\": [\n"
		"        \"ro\"\n"
		"      ]\n"
		"    },\n"
		"    {\n"
		"      \"destination\": \"\\\\\\\\.\\\\pipe\\\\p\",\n"
		"      \"type\": \"npipe\"\n"
		"    }\n"
		"  ],\n"
		"  \"annotations\": {\n"
		"    \"a\": \"1\",\n"
		"    \"z\": \"again\"\n"
		"  },\n"
		"  \"windows\": {\n"
		"    \"layerFolders\": [\n"
		"      \"C:\\\\l\\\\1\",\n"
		"      \"C:\\\\l\\\\sandbox\"\n"
		"    ],\n"
		"    \"devices\": [\n"
		"      {\n"
		"        \"id\": \"5B45201D\",\n"
		"        \"idType\": \"class\"\n"
		"      }\n"
		"    ],\n"
		"    \"resources\": {\n"
		"      \"memory\": {\n"
		"        \"limit\": 18446744073709551615\n"
		"      },\n"
		"      \"cpu\": {\n"
		"        \"count\": 2,\n"
		"        \"shares\": 0\n"
		"      },\n"
		"      \"storage\": {}\n"
		"    },\n"
		"    \"credentialSpec\": \"{\\\"a\\\":1}\",\n"
		"    \"servicing\": true,\n"
		"    \"hyperv\": {},\n"
		"    \"network\": {\n"
		"      \"endpointList\": [\n"
		"        \"e1\"\n"
		"      ],\n"
		"      \"allowUnqualifiedDNSQuery\": true,\n"
		"      \"networkNamespace\": \"ns\"\n"
		"    }\n"
		"  }\n"
		"}\n";

	memset(&s, 0, sizeof(s));
	memset(mounts, 0, sizeof(mounts));
	s.oci_version = "1.3.0";
	s.has_process = true;
	s.process.terminal = true;
	s.process.has_console_size = true;
	s.process.console_height = 25;
	s.process.console_width = 80;
	s.process.username = "ContainerUser";
	s.process.args = (struct str_list){ args, 4, true };
	s.process.env = (struct str_list){ env, 2, true };
	s.process.command_line = "";
	s.process.cwd = "C:\\";
	s.has_root = true;
	s.root.path = "\\\\?\\Volume{x}\\";
	s.root.readonly = true;
	s.hostname = "web";
	mounts[0].destination = "C:\\data";
	mounts[0].source = "D:\\data";
	mounts[0].options = (struct str_list){ opts, 1, true };
	mounts[1].destination = "\\\\.\\pipe\\p";
	mounts[1].type = "npipe";
	mounts[1].options.set = true; /* empty: dropped by omitempty */
	s.mounts = mounts;
	s.nmounts = 2;
	s.annotations = notes;
	s.nannotations = 3;
	s.has_windows = true;
	s.windows.layer_folders = (struct str_list){ layers, 2, true };
	s.windows.devices = devs;
	s.windows.ndevices = 1;
	s.windows.has_resources = true;
	s.windows.has_memory = true;
	s.windows.memory_limit = (struct opt_u64){ true, UINT64_MAX };
	s.windows.has_cpu = true;
	s.windows.cpu_count = (struct opt_u64){ true, 2 };
	s.windows.cpu_shares = (struct opt_u16){ true, 0 };
	s.windows.has_storage = true;
	s.windows.credspec_kind = OCI_CREDSPEC_STRING;
	s.windows.credential_spec = "{\"a\":1}";
	s.windows.servicing = true;
	s.windows.has_hyperv = true;
	s.windows.has_network = true;
	s.windows.endpoint_list = (struct str_list){ endpoints, 1, true };
	s.windows.allow_unqualified_dns_query = true;
	s.windows.dns_search_list.set = true;
	s.windows.network_namespace = "ns";

	got = print_spec(&s, EMIT_PRETTY);
	CHECK_STR(got, want);
	free(got);
}

/* A credential spec that is not a string: Go's interface{} of float64s. */
static void test_oci_credspec_other(void)
{
	static const struct {
		const char *json, *want;
	} cases[] = {
		{ "{\"b\":1,\"a\":[100000000000000000000,9007199254740993,"
		  "1.5e-7,-0,true,null,\"1\"]}",
		  "{\"ociVersion\":\"\",\"windows\":{\"layerFolders\":null,"
		  "\"credentialSpec\":{\"a\":[100000000000000000000,"
		  "9007199254740992,1.5e-7,-0,true,null,\"1\"],\"b\":1}}}" },
		{ "null", "{\"ociVersion\":\"\",\"windows\":{\"layerFolders\":null}}" },
		{ "\"s\"", "{\"ociVersion\":\"\",\"windows\":{\"layerFolders\":null,"
			   "\"credentialSpec\":\"s\"}}" },
		{ "{}", "{\"ociVersion\":\"\",\"windows\":{\"layerFolders\":null,"
			"\"credentialSpec\":{}}}" },
	};
	struct oci_spec s;
	size_t i;
	char *got;

	memset(&s, 0, sizeof(s));
	s.has_windows = true;
	s.windows.credspec_kind = OCI_CREDSPEC_OTHER;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s.windows.credential_spec_json = cases[i].json;
		got = print_spec(&s, EMIT_COMPACT);
		CHECK_STR(got, cases[i].want);
		free(got);
	}
	s.windows.credential_spec_json = "{\"a\":";
	CHECK(oci_spec_to_json(&s) == NULL);
	s.windows.credential_spec_json = "[1] x";
	CHECK(oci_spec_to_json(&s) == NULL);
}

int main(void)
{
	test_strings();
	test_compact();
	test_pretty();
	test_floats();
	test_errors();
	test_doc_shapes();
	test_oci_default();
	test_oci_full();
	test_oci_credspec_other();
	return t_done();
}
