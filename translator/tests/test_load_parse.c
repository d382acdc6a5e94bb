/*
 * test_load_parse.c: what the loader (src/load) makes of well-formed and
 * ill-formed input: scalar typing (rule: hcsc.input.scalars), JSON types, the int
 * fields, positions (code-point columns, BOM, empty documents, aliases),
 * strict JSON and YAML syntax errors, duplicate keys, tags, alias errors,
 * invalid UTF-8 and U+0000, and the accepted forms next to them.
 */
#include "load_harness.h"

/* ---- scalar typing ---- */

static const struct tcase typing[] = {
	/* rule: hcsc.input.scalars nulls */
	{ Y, "[null, Null, NULL, ~, '', \"\", nUll]",
	  "[~,~,~,~,s\"\",s\"\",p\"nUll\"]" },
	{ Y, "a:\nb: ", "{a:~,b:~}" },
	{ Y, "- \n- 'null'\n- \"~\"", "[~,s\"null\",s\"~\"]" },
	/* booleans, and the YAML 1.1 words that are strings now */
	{ Y, "[true, True, TRUE, false, False, FALSE]", "[T,T,T,F,F,F]" },
	{ Y, "[tRue, yes, no, on, off, y, n, 'true', \"false\"]",
	  "[p\"tRue\",p\"yes\",p\"no\",p\"on\",p\"off\",p\"y\",p\"n\",s\"true\",s\"false\"]" },
	/* integers: decimal only, sign kept, leading zeros are decimal */
	{ Y, "[0, 12, -3, +4, -0, 010, 007]",
	  "[i0,i12,i-3,i4,i-0,i10,i7]" },
	{ Y, "[0x1F, 0o17, 1_000, 1.5, 1e3, .5, '5', \"6\", -, +, 2Gi]",
	  "[p\"0x1F\",p\"0o17\",p\"1_000\",p\"1.5\",p\"1e3\",p\".5\",s\"5\",s\"6\",p\"-\",p\"+\",p\"2Gi\"]" },
	{ Y, "[18446744073709551615, 18446744073709551616, -18446744073709551615, -18446744073709551616]",
	  "[i18446744073709551615,i18446744073709551615!,i-18446744073709551615,i-18446744073709551615!]" },
	{ Y, "[.inf, .nan, NaN]", "[p\".inf\",p\".nan\",p\"NaN\"]" },
	/* block scalars and quoted forms are strings */
	{ Y, "a: |\n  12\nb: >\n  true\n", "{a:s\"12\n\",b:s\"true\n\"}" },
	{ Y, "a: \"x\\ty\\u00e9\"", "{a:s\"x\ty\xc3\xa9\"}" },
	/* tags: !!str forces a string; keys keep their text */
	{ Y, "[!!str 5, !!str true, !!str , !!str null]",
	  "[p\"5\",p\"true\",p\"\",p\"null\"]" },
	{ Y, "{1: a, true: b, null: c, ~: d, 0x: e}",
	  "{1:p\"a\",true:p\"b\",null:p\"c\",~:p\"d\",0x:p\"e\"}" },
	{ Y, "<<: {a: 1}", "{<<:{a:i1}}" },
	/* JSON types */
	{ J, "[null, true, false, 0, -0, 12, -34, 1.5, -2e3, 1E+2, 0.0, \"5\", \"true\", \"\"]",
	  "[~,T,F,i0,i-0,i12,i-34,n\"1.5\",n\"-2e3\",n\"1E+2\",n\"0.0\",s\"5\",s\"true\",s\"\"]" },
	{ J, "[18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809, -18446744073709551616, 99999999999999999999999]",
	  "[i18446744073709551615,i18446744073709551615!,i-9223372036854775808,i-9223372036854775809,i-18446744073709551615!,i18446744073709551615!]" },
	{ J, "{\"a\": {\"b\": [], \"c\": {}}}", "{a:{b:[],c:{}}}" },
	{ J, "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\", \"\\u00e9\\u00E9\", \"\\ud83d\\ude00\", \"\\u20ac\"]",
	  "[s\"\" \\ / \b \f \n \r \t\",s\"\xc3\xa9\xc3\xa9\",s\"\xf0\x9f\x98\x80\",s\"\xe2\x82\xac\"]" },
	{ J, "\"top\"", "s\"top\"" },
	{ J, "42", "i42" },
	{ J, " -1.25e-3 ", "n\"-1.25e-3\"" },
	{ J, "null", "~" },
	{ J, "true", "T" },
};

static void test_typing(void)
{
	run_table(typing, NT(typing), false);
}

/* The int fields themselves (neg, mag, overflow) beyond the dump. */
static void test_int_fields(void)
{
	static const struct {
		enum load_syntax syn;
		const char *in;
		bool neg, overflow;
		unsigned long long mag;
	} t[] = {
		{ J, "-9223372036854775808", true, false, 9223372036854775808ull },
		{ J, "-9223372036854775809", true, false, 9223372036854775809ull },
		{ J, "18446744073709551615", false, false, 18446744073709551615ull },
		{ J, "18446744073709551616", false, true, 18446744073709551615ull },
		{ Y, "+18446744073709551616", false, true, 18446744073709551615ull },
		{ Y, "-1", true, false, 1 },
	};

	for (size_t i = 0; i < NT(t); i++) {
		struct run r;

		run_parse(&r, "t", t[i].in, strlen(t[i].in), t[i].syn);
		CHECK(r.rc == HCSC_OK && r.root && r.root->kind == NODE_INT);
		if (r.root) {
			CHECK_INT(r.root->neg, t[i].neg);
			CHECK_INT(r.root->overflow, t[i].overflow);
			CHECK(r.root->mag == t[i].mag);
			CHECK_STR(r.root->text, t[i].in);
			CHECK(r.root->plain == (t[i].syn == LOAD_YAML));
		}
		run_release(&r);
	}
}

/* ---- positions ---- */

static const struct tcase positions[] = {
	{ Y, "a: 1\nbb:\n  c: x\n  d: [1, 2]\n",
	  "{a@1:1:i1@1:4,bb@2:1:{c@3:3:p\"x\"@3:6,d@4:3:[i1@4:7,i2@4:10]@4:6}@3:3}@1:1" },
	/* columns are code points: é and 😀 are one column each */
	{ Y, "\xc3\xa9: \xc3\xa9\xc3\xa9\xc3\xa9\nk: [\xc3\xa4, \xf0\x9f\x98\x80, x]",
	  "{\xc3\xa9@1:1:p\"\xc3\xa9\xc3\xa9\xc3\xa9\"@1:4,k@2:1:[p\"\xc3\xa4\"@2:5,p\"\xf0\x9f\x98\x80\"@2:8,p\"x\"@2:11]@2:4}@1:1" },
	{ Y, "list:\n  - one\n  - \"two\"\n", "{list@1:1:[p\"one\"@2:5,s\"two\"@3:5]@2:3}@1:1" },
	{ Y, "a:\r\n  b: 1\r\n", "{a@1:1:{b@2:3:i1@2:6}@2:3}@1:1" },
	{ J, "{\"a\": 1,\n \"bb\": [true, \"x\"],\n\t\"c\": {\"d\": null}}",
	  "{a@1:2:i1@1:7,bb@2:2:[T@2:9,s\"x\"@2:15]@2:8,c@3:2:{d@3:8:~@3:13}@3:7}@1:1" },
	{ J, "{\"\xc3\xa9\":\"\xf0\x9f\x98\x80\",\"k\":1.5}",
	  "{\xc3\xa9@1:2:s\"\xf0\x9f\x98\x80\"@1:6,k@1:10:n\"1.5\"@1:14}@1:1" },
	{ J, "[\"\\u00e9\\u00e9\", 7]", "[s\"\xc3\xa9\xc3\xa9\"@1:2,i7@1:18]@1:1" },
	{ J, "\r\n\r\n  [1]", "[i1@3:4]@3:3" },
	{ J, "\n\n[1,\r2]", "[i1@3:2,i2@4:1]@3:1" },
	/* a BOM is skipped and takes no column */
	{ Y, "\xef\xbb\xbf" "a: 1", "{a@1:1:i1@1:4}@1:1" },
	{ J, "\xef\xbb\xbf" "{\"a\":1}", "{a@1:2:i1@1:6}@1:1" },
	/* empty documents: a null root at 1:1 */
	{ Y, "", "~@1:1" },
	{ Y, "# only a comment\n\n", "~@1:1" },
	{ Y, "\xef\xbb\xbf", "~@1:1" },
	{ Y, "---\n", "~@2:1" },
	{ J, "", "~@1:1" },
	{ J, " \n\t", "~@1:1" },
	/* an alias's copy sits at the alias */
	{ Y, "a: &x [1]\nb: *x\n", "{a@1:1:[i1@1:8]@1:4,b@2:1:[i1@1:8]@2:4}@1:1" },
};

static void test_positions(void)
{
	run_table(positions, NT(positions), true);
}

/* ---- errors ---- */

static const struct tcase errors[] = {
	/* JSON strictness */
	{ J, "[1,]", "1:4: trailing comma before ']' (not allowed in JSON)" },
	{ J, "{\"a\":1,}", "1:8: trailing comma before '}' (not allowed in JSON)" },
	{ J, "[01]", "1:2: numbers must not have leading zeros" },
	{ J, "-01", "1:1: numbers must not have leading zeros" },
	{ J, "[NaN]", "1:2: invalid literal 'NaN' (JSON allows true, false and null)" },
	{ J, "[Infinity]", "1:2: invalid literal 'Infinity' (JSON allows true, false and null)" },
	{ J, "[-Infinity]", "1:3: invalid number: expected a digit after '-' (found 'I')" },
	{ J, "[tRue]", "1:2: invalid literal 'tRue' (JSON allows true, false and null)" },
	{ J, "[nullx]", "1:2: invalid literal 'nullx' (JSON allows true, false and null)" },
	{ J, "['x']", "1:2: strings must be in double quotes" },
	{ J, "{'a':1}", "1:2: strings must be in double quotes" },
	{ J, "{a:1}", "1:2: object keys must be strings in double quotes (found 'a')" },
	{ J, "{1:1}", "1:2: object keys must be strings in double quotes (found '1')" },
	{ J, "[1] x", "1:5: unexpected 'x' after the JSON value (only one value is allowed)" },
	{ J, "{} {}", "1:4: unexpected '{' after the JSON value (only one value is allowed)" },
	{ J, "[1 2]", "1:4: unexpected '2' (expected ',' or ']')" },
	{ J, "{\"a\" 1}", "1:6: unexpected '1' (expected ':' after the key)" },
	{ J, "{\"a\":}", "1:6: unexpected '}' (expected a value)" },
	{ J, "{\"a\":1 \"b\":2}", "1:8: unexpected '\"' (expected ',' or '}')" },
	{ J, "[,1]", "1:2: unexpected ',' (expected a value)" },
	{ J, "[", "1:2: unexpected end of input (expected a value)" },
	{ J, "{", "1:2: unexpected end of input (expected a key in double quotes)" },
	{ J, "[1", "1:3: unexpected end of input (expected ',' or ']')" },
	{ J, "[\"abc", "1:2: unterminated string" },
	{ J, "[\"a\nb\"]", "1:4: control character U+000A in a string (it must be escaped)" },
	{ J, "[\"a\tb\"]", "1:4: control character U+0009 in a string (it must be escaped)" },
	{ J, "[\"a\\xb\"]", "1:4: invalid escape '\\x' in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)" },
	{ J, "[\"\\u12\"]", "1:3: invalid \\u escape (expected 4 hex digits)" },
	{ J, "[\"\\u12g4\"]", "1:3: invalid \\u escape (expected 4 hex digits)" },
	{ J, "[\"x\\ud83d\"]", "1:4: lone surrogate '\\ud83d' in a string (surrogates must come in pairs)" },
	{ J, "[\"\\ud83dx\"]", "1:3: lone surrogate '\\ud83d' in a string (surrogates must come in pairs)" },
	{ J, "[\"\\ud83d\\u0041\"]", "1:3: lone surrogate '\\ud83d' in a string (surrogates must come in pairs)" },
	{ J, "[\"\\ude00\"]", "1:3: lone surrogate '\\ude00' in a string (surrogates must come in pairs)" },
	{ J, "[.5]", "1:2: unexpected '.' (expected a value)" },
	{ J, "[+1]", "1:2: unexpected '+' (expected a value)" },
	{ J, "[1.]", "1:4: invalid number: expected a digit after '.' (found ']')" },
	{ J, "[1e]", "1:4: invalid number: expected a digit in the exponent (found ']')" },
	{ J, "[1e+]", "1:5: invalid number: expected a digit in the exponent (found ']')" },
	{ J, "[0x10]", "1:3: unexpected 'x' (expected ',' or ']')" },
	{ J, "// c\n[]", "1:1: comments are not allowed in JSON" },
	{ J, "[1]\x0c", "1:4: unexpected U+000C after the JSON value (only one value is allowed)" },
	{ J, "[\xc3\xa9]", "1:2: unexpected U+00E9 (expected a value)" },
	{ J, "\"a\\u0000b\"", "1:1: strings must not contain U+0000" },
	/* duplicate keys: exact bytes (after decoding); case differs = fine */
	{ J, "{\"Memory\":1,\n \"Cpu\":2,\n \"Memory\":3}",
	  "3:2: duplicate key 'Memory' (first at line 1, column 2)" },
	{ J, "{\"a\":1,\"\\u0061\":2}", "1:8: duplicate key 'a' (first at line 1, column 2)" },
	{ J, "{\"a\":{\"x\":1,\"x\":2},\"a\":0}",
	  "1:13: duplicate key 'x' (first at line 1, column 7)|1:20: duplicate key 'a' (first at line 1, column 2)" },
	{ Y, "Memory: 1\nCpu: 2\nMemory: 3\n",
	  "3:1: duplicate key 'Memory' (first at line 1, column 1)" },
	{ Y, "a: 1\nb:\n  c: 1\n  c: 2\na: 2\na: 3\n",
	  "4:3: duplicate key 'c' (first at line 3, column 3)|5:1: duplicate key 'a' (first at line 1, column 1)|6:1: duplicate key 'a' (first at line 1, column 1)" },
	{ Y, "a: &k x\nx: 1\n*k : 2\n", "3:1: duplicate key 'x' (first at line 2, column 1)" },
	{ Y, "1: a\n'1': b\n", "2:1: duplicate key '1' (first at line 1, column 1)" },
	{ Y, "\"a\\nb\": 1\n\"a\\nb\": 2\n", "2:1: duplicate key 'a\\nb' (first at line 1, column 1)" },
	/* YAML: syntax errors from libyaml, at the problem mark */
	{ Y, "image: [a, b", "2:1: did not find expected ',' or ']' (while parsing a flow sequence)" },
	{ Y, "a: 1\n b: 2", "2:3: mapping values are not allowed in this context" },
	{ Y, "a: \"tab\\q\"", "1:8: found unknown escape character (while parsing a quoted scalar)" },
	{ Y, "a: 1\nb: \x01", "2:4: control characters are not allowed (U+0001)" },
	{ Y, "\xc3\xa9\xc3\xa9: [\x01]", "1:6: control characters are not allowed (U+0001)" },
	/* YAML: documents, tags, keys, U+0000 */
	{ Y, "a: 1\n---\nb: 2\n", "2:1: a second document (only one document per file is allowed)" },
	{ Y, "--- 1\n--- 2\n", "2:1: a second document (only one document per file is allowed)" },
	{ Y, "a: !!int 5\nb: !foo x\nc: ! y\nd: !!map {}\ne: !!str [a]\n",
	  "1:4: unsupported tag '!!int' (only '!!str' on a scalar is allowed)|2:4: unsupported tag '!foo' (only '!!str' on a scalar is allowed)|3:4: unsupported tag '!' (only '!!str' on a scalar is allowed)|4:4: unsupported tag '!!map' (only '!!str' on a scalar is allowed)|5:4: unsupported tag '!!str' (only '!!str' on a scalar is allowed)" },
	{ Y, "? [a]\n: 1\n", "1:3: mapping keys must be scalars (found a sequence)" },
	{ Y, "{a: 1}: 2\n", "1:1: mapping keys must be scalars (found a mapping)" },
	{ Y, "a: \"x\\0y\"\nb: \"\\x00\"\n",
	  "1:4: strings must not contain U+0000|2:4: strings must not contain U+0000" },
	/* aliases */
	{ Y, "a: *nope\nb: *x\n", "1:4: unknown alias '*nope'|2:4: unknown alias '*x'" },
	{ Y, "b: *x\na: &x 1\n", "1:4: unknown alias '*x'" },
	{ Y, "a: &x [*x]\n", "1:8: alias '*x' refers to its own anchor (a cycle)" },
	{ Y, "a: &x\n  b:\n    c: *x\n", "3:8: alias '*x' refers to its own anchor (a cycle)" },
	{ Y, "&x [a, &y [*x]]\n", "1:12: alias '*x' refers to its own anchor (a cycle)" },
	{ Y, "k: &k [1]\n*k : 2\n", "2:1: mapping keys must be scalars (found a sequence)" },
	/* invalid UTF-8, both syntaxes, at the byte */
	{ Y, "a: \xff\n", "1:4: invalid UTF-8 byte 0xff" },
	{ Y, "# caf\xe9\na: 1\n", "1:6: invalid UTF-8 byte 0xe9" },
	{ Y, "\xc3\xa9: \xc0\xaf", "1:4: invalid UTF-8 byte 0xc0" },
	{ Y, "a: \xed\xa0\x80", "1:4: invalid UTF-8 byte 0xed" },
	{ Y, "a: \xf4\x90\x80\x80", "1:4: invalid UTF-8 byte 0xf4" },
	{ Y, "a: \xe2\x82", "1:4: invalid UTF-8 byte 0xe2" },
	{ Y, "\xff\xfe" "a\x00:\x00", "1:1: invalid UTF-8 byte 0xff" },
	{ J, "{\"a\":\"\xc3\"}", "1:7: invalid UTF-8 byte 0xc3" },
	{ J, "[\n\"\xe0\x80\x80\"]", "2:2: invalid UTF-8 byte 0xe0" },
	{ J, "[\"\x80\"]", "1:3: invalid UTF-8 byte 0x80" },
};

static void test_errors(void)
{
	run_table(errors, NT(errors), false);
	/* raw NUL bytes (explicit lengths) */
	check_case("t", "[1, \"\0\"]", 7, J, false,
		   "1:6: control character U+0000 in a string (it must be escaped)");
	check_case("t", "[1]\0", 4, J, false,
		   "1:4: unexpected U+0000 after the JSON value (only one value is allowed)");
	check_case("t", "a: \"\0\"", 6, Y, false,
		   "1:5: control characters are not allowed (U+0000)");
	/*
	 * Only a double-quoted escape puts U+0000 in a YAML scalar: libyaml's
	 * reader stops at a raw one in every other style, so the loader checks
	 * no other style for it (yaml_load.c, needs_string_check).
	 */
	check_case("t", "a: x\0y", 7, Y, false,
		   "1:5: control characters are not allowed (U+0000)");
	check_case("t", "a: 'x\0'", 8, Y, false,
		   "1:6: control characters are not allowed (U+0000)");
	check_case("t", "a: |\n  x\0\n", 11, Y, false,
		   "2:4: control characters are not allowed (U+0000)");
	check_case("t", "\"k\\u0000\": 1", 12, Y, false,
		   "1:1: strings must not contain U+0000");
}

/* Accepted forms next to the rejected ones above (the tables can fail). */
static const struct tcase accepted[] = {
	{ Y, "a: 1\nA: 2\n", "{a:i1,A:i2}" },
	{ J, "{\"a\":1,\"A\":2}", "{a:i1,A:i2}" },
	{ Y, "a: 1\n...\n", "{a:i1}" },
	{ Y, "--- 1\n...\n", "i1" },
	{ Y, "a: &x 1\nb: *x\nc: &x 2\nd: *x\n", "{a:i1,b:i1,c:i2,d:i2}" },
	{ Y, "&x [a, &x [b], *x]\n", "[p\"a\",[p\"b\"],[p\"b\"]]" },
	{ Y, "a: &k key\n*k : v\n", "{a:p\"key\",key:p\"v\"}" },
	{ Y, "a: &n 12\n*n : v\n", "{a:i12,12:p\"v\"}" },
	{ Y, "&k 7: a\nb: *k\n", "{7:p\"a\",b:i7}" },
	{ Y, "a: [1, 2, ]", "{a:[i1,i2]}" },
	{ J, "[1.0e-0, -0.5E+10, 0e0]", "[n\"1.0e-0\",n\"-0.5E+10\",n\"0e0\"]" },
	{ J, "\t[ 1 ,\r\n 2 ]\n", "[i1,i2]" },
	{ J, "[\"\\u0041\\/\"]", "[s\"A/\"]" },
	{ J, "[\"\x7f\xef\xbf\xbf\"]", "[s\"\x7f\xef\xbf\xbf\"]" },
	{ J, "{\"\":1}", "{:i1}" },
};

static void test_accepted(void)
{
	run_table(accepted, NT(accepted), false);
}
int main(void)
{
	test_typing();
	test_int_fields();
	test_positions();
	test_errors();
	test_accepted();
	return t_done();
}
