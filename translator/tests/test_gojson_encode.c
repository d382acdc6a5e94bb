/*
 * test_gojson_encode.c: emit/gojson.c, the Go encoding/json writer, on
 * small test shapes: string escaping, compact and pretty output (omitempty,
 * nil vs empty, field order, map key order), floats in interface{}, and
 * the errors for values that do not fit the shape. Expected bytes are
 * written by hand from Go's rules (golang/go src/encoding/json encode.go,
 * indent.go; Go >= 1.22); scripts/goref-test.sh checks the same code
 * against Go itself.
 */
#include "gojson_harness.h"

#include <stdint.h>

#include "utf8.h"

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

/*
 * The plain definition of Go's string escaping, a byte (or a UTF-8
 * character) at a time: what emit_go_string's block scans must equal.
 */
static void ref_go_string(struct strbuf *sb, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, len;
	uint32_t cp;

	strbuf_addch(sb, '"');
	while (i < n) {
		unsigned char b = p[i];

		if (b >= 0x80) {
			len = utf8_decode(p + i, n - i, &cp);
			if (!len) {
				strbuf_addstr(sb, "\\ufffd");
				len = 1;
			} else if (cp == 0x2028 || cp == 0x2029) {
				strbuf_addstr(sb, cp == 0x2028 ? "\\u2028" : "\\u2029");
			} else {
				strbuf_add(sb, (const char *)p + i, len);
			}
			i += len;
			continue;
		}
		i++;
		if (b == '"' || b == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, (char)b);
		} else if (b == '\n' || b == '\r' || b == '\t' || b == '\b' ||
			   b == '\f') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, b == '\n' ? 'n' : b == '\r' ? 'r' :
					 b == '\t' ? 't' : b == '\b' ? 'b' : 'f');
		} else if (b < 0x20 || b == '<' || b == '>' || b == '&') {
			strbuf_addstr(sb, "\\u00");
			strbuf_addch(sb, hex[b >> 4]);
			strbuf_addch(sb, hex[b & 0xf]);
		} else {
			strbuf_addch(sb, (char)b);
		}
	}
	strbuf_addch(sb, '"');
}

/*
 * emit_go_string against ref_go_string on pseudo-random strings of 0 to
 * 80 bytes mixing raw runs with every kind of byte the writer treats
 * apart (each escaped ASCII byte, 0x1f/0x20/0x7f edges, UTF-8 lead and
 * continuation bytes, U+2028): the block fast path must find each one at
 * any offset in its 16 bytes.
 */
static void test_strings_differential(void)
{
	static const unsigned char special[] = {
		'"', '\\', '<', '>', '&', '\n', '\r', '\t', '\b', '\f', 0x00,
		0x01, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xbf, 0xc3, 0xe2, 0xff,
		'=', '?', '{', '}', '/', '!', '#', '%', '\'', ';', '[', ']',
	};
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
	unsigned char buf[96];
	uint32_t x = 12345;
	size_t bad = 0;

	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)(round % 81);

		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			if ((x >> 16) % 10 < 7) {
				buf[i] = (unsigned char)('a' + (x >> 20) % 26);
			} else if ((x >> 16) % 10 == 7 && i + 3 <= n) {
				memcpy(buf + i, "\xe2\x80\xa8", 3); /* U+2028 */
				i += 2;
			} else {
				buf[i] = special[(x >> 20) % sizeof(special)];
			}
		}
		strbuf_reset(&got);
		strbuf_reset(&want);
		strbuf_addstr(&got, "k");
		strbuf_addstr(&want, "k");
		emit_go_string(&got, (const char *)buf, n);
		ref_go_string(&want, buf, n);
		if (got.len != want.len || memcmp(got.buf, want.buf, got.len))
			bad++;
	}
	CHECK_INT(bad, 0);
	strbuf_release(&got);
	strbuf_release(&want);
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
/* plain_len 0: keys printed through emit_go_string (the slow path). */
static const struct shape_field inner_fields[] = {
	{ "x", &t_str, false, 0 },
	{ "y", &t_bool, true, 0 },
};
static const struct shape t_inner = { "Inner", SHAPE_STRUCT, NULL,
				      inner_fields, 2 };
static const struct shape t_pinner = { "*Inner", SHAPE_PTR, &t_inner, NULL, 0 };

#define ALL_FIELDS(oe)                                                   \
	{                                                                \
		{ "s", &t_str, oe, 1 }, { "b", &t_bool, oe, 1 },         \
		{ "i", &t_int, oe, 1 }, { "u", &t_uint, oe, 1 },         \
		{ "p", &t_puint, oe, 1 }, { "sl", &t_slice, oe, 2 },     \
		{ "m", &t_map, oe, 1 }, { "st", &t_inner, oe, 2 },       \
		{ "ps", &t_pinner, oe, 2 }, { "a", &t_any, oe, 1 },      \
	}
static const struct shape_field plain_fields[] = ALL_FIELDS(false);
static const struct shape_field oe_fields[] = ALL_FIELDS(true);
static const struct shape t_plain = { "Plain", SHAPE_STRUCT, NULL,
				      plain_fields, 10 };
static const struct shape t_oe = { "Omit", SHAPE_STRUCT, NULL, oe_fields, 10 };

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

/*
 * find_field's fast path finds a key by the address of the shape's
 * literal; an object whose keys are those addresses (KEY_IS_CONSTANT, as
 * the builders set them) and one whose keys are copies (found by their
 * bytes) must print alike, whatever order the keys were added in.
 */
static const char *const field_values_json[] = {
	"\"S\"", "true", "-7", "8", "9", "[\"x\"]", "{\"k\":\"v\"}",
	"{\"x\":\"X\"}", "{\"y\":true}", "\"A\"",
};

static struct json_object *fields_in_order(const size_t *order, bool borrow)
{
	struct json_object *o = json_object_new_object();

	for (size_t k = 0; k < 10; k++) {
		const struct shape_field *f = &plain_fields[order[k]];

		json_object_object_add_ex(o, f->key,
					  parse(field_values_json[order[k]]),
					  borrow ? JSON_C_OBJECT_KEY_IS_CONSTANT : 0);
	}
	return o;
}

static void test_field_lookup(void)
{
	static const char want[] =
		"{\"s\":\"S\",\"b\":true,\"i\":-7,\"u\":8,\"p\":9,"
		"\"sl\":[\"x\"],\"m\":{\"k\":\"v\"},\"st\":{\"x\":\"X\"},"
		"\"ps\":{\"x\":\"\",\"y\":true},\"a\":\"A\"}";
	size_t order[10];

	for (size_t rot = 0; rot < 10; rot++) {
		for (int rev = 0; rev < 2; rev++) {
			for (size_t k = 0; k < 10; k++)
				order[k] = rev ? (rot + 10 - k) % 10 : (rot + k) % 10;
			for (int borrow = 0; borrow < 2; borrow++) {
				struct json_object *o = fields_in_order(order, borrow);
				const char *err = NULL;
				char *got = t_emit(o, &t_plain, EMIT_COMPACT, &err);

				CHECK_STR(got, want);
				free(got);
				json_object_put(o);
			}
		}
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Maps of 0 to 40 keys (the insertion sort, the qsort and the heap array
 * past 32), added in pseudo-random order, print in the order qsort with
 * strcmp gives, each key with its own value.
 */
static void test_map_order(void)
{
	char keys[40][8];
	const char *sorted[40];
	struct strbuf want = STRBUF_INIT;
	uint32_t x = 777;

	for (size_t n = 0; n <= 40; n++) {
		struct json_object *m = json_object_new_object();
		const char *err = NULL;
		char *got;

		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			/* distinct: the index in the last two bytes */
			snprintf(keys[i], sizeof(keys[i]), "%c%c%02zu",
				 "aAb~"[(x >> 16) % 4], "xy"[(x >> 20) % 2], i);
			json_object_object_add(m, keys[i],
					       json_object_new_string(keys[i]));
			sorted[i] = keys[i];
		}
		qsort(sorted, n, sizeof(sorted[0]), cmp_str);
		strbuf_reset(&want);
		strbuf_addch(&want, '{');
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&want, "%s\"%s\":\"%s\"", i ? "," : "",
				    sorted[i], sorted[i]);
		strbuf_addch(&want, '}');
		got = t_emit(m, &t_map, EMIT_COMPACT, &err);
		CHECK_STR(got, want.buf);
		free(got);
		json_object_put(m);
	}
	strbuf_release(&want);
}

/*
 * A list of structs 20 deep, printed through keys with a plain_len (the
 * emitter's one-write fast path for a field's comma, newline, indent and
 * key) and through the same keys without (open_element, add_key): the
 * bytes must be the same at every depth, pretty and compact.
 */
static const struct shape t_nodep_plain, t_nodep_slow;
static const struct shape_field node_plain_fields[] = {
	{ "key", &t_str, false, 3 },
	{ "next", &t_nodep_plain, true, 4 },
};
static const struct shape_field node_slow_fields[] = {
	{ "key", &t_str, false, 0 },
	{ "next", &t_nodep_slow, true, 0 },
};
static const struct shape t_node_plain = { "Node", SHAPE_STRUCT, NULL,
					   node_plain_fields, 2 };
static const struct shape t_node_slow = { "Node", SHAPE_STRUCT, NULL,
					  node_slow_fields, 2 };
static const struct shape t_nodep_plain = { "*Node", SHAPE_PTR, &t_node_plain,
					    NULL, 0 };
static const struct shape t_nodep_slow = { "*Node", SHAPE_PTR, &t_node_slow,
					   NULL, 0 };

static void test_field_layout(void)
{
	struct strbuf text = STRBUF_INIT;

	for (int i = 0; i < 20; i++)
		strbuf_addf(&text, "{\"key\":\"k%d\",\"next\":", i);
	strbuf_addstr(&text, "null");
	for (int i = 0; i < 20; i++)
		strbuf_addch(&text, '}');
	for (int style = 0; style < 2; style++) {
		enum emit_style st = style ? EMIT_COMPACT : EMIT_PRETTY;
		char *fast = print(text.buf, &t_node_plain, st);
		char *slow = print(text.buf, &t_node_slow, st);

		CHECK_STR(fast, slow);
		CHECK(fast && strstr(fast, style ? "\"key\":\"k19\"" :
					"\n" "                                        "
					"\"key\": \"k19\""));
		free(fast);
		free(slow);
	}
	strbuf_release(&text);
}

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
	/* rule: hcs.v086.resources: "Memory":{} when the pointer is set. */
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

/*
 * Every key with a plain_len (the F and O fields of the real shapes) is
 * that long and escapes to itself, so the emitter may copy it raw.
 */
static void check_plain_keys(const struct shape *s, unsigned depth)
{
	struct strbuf sb = STRBUF_INIT;
	const struct shape_field *f;
	size_t i;

	CHECK(depth < 32);
	if (!s || depth >= 32)
		return;
	if (s->kind != SHAPE_STRUCT) {
		check_plain_keys(s->elem, depth + 1);
		return;
	}
	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		CHECK(f->plain_len != 0);
		CHECK_INT(f->plain_len, strlen(f->key));
		strbuf_reset(&sb);
		emit_go_string(&sb, f->key, strlen(f->key));
		CHECK_INT(sb.len, f->plain_len + 2);
		CHECK(!memcmp(sb.buf + 1, f->key, strlen(f->key)));
		check_plain_keys(f->type, depth + 1);
	}
	strbuf_release(&sb);
}

static void test_plain_keys(void)
{
	const struct shape *const all[] = {
		&shape_oci_spec, &shape_hcs_v1, &shape_hcs_v2,
		&shape_hcs_process, &shape_hcs_v2_latest, &shape_hcs_v2_hosted,
		&shape_hcs_process_v1, &shape_windowsoci, &shape_container_init,
		&shape_create_process_params,
	};

	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		check_plain_keys(all[i], 0);
}

int main(void)
{
	test_strings();
	test_strings_differential();
	test_compact();
	test_field_lookup();
	test_map_order();
	test_field_layout();
	test_pretty();
	test_floats();
	test_errors();
	test_plain_keys();
	return t_done();
}
