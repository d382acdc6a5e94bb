/*
 * test_load.c: the loader (src/load): scalar typing (Decision 46), JSON
 * types, positions, the limits of load.h at and one past each limit,
 * aliases (bombs, cycles), duplicate keys, strict JSON, BOM, empty
 * documents, invalid UTF-8, U+0000, collected errors, load_read_file, and
 * the node lookups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "load/load.h"
#include "load/node.h"
#include "strbuf.h"
#include "t.h"

/* ---- helpers ---- */

struct run {
	struct arena *a;
	struct diag_list d;
	struct node *root;
	enum hcsc_rc rc;
	double secs;
};

static void run_parse(struct run *r, const char *file, const char *data,
		      size_t len, enum load_syntax syn)
{
	clock_t t0;

	r->a = arena_new();
	diag_list_init(&r->d, r->a, false);
	t0 = clock();
	r->rc = load_parse(r->a, &r->d, file, data, len, syn, &r->root);
	r->secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void run_release(struct run *r)
{
	diag_list_release(&r->d);
	arena_free(r->a);
}

static void dump(struct strbuf *sb, const struct node *n, bool pos);

static void dump_text(struct strbuf *sb, const struct node *n)
{
	strbuf_addch(sb, '"');
	strbuf_add(sb, n->text, n->len);
	strbuf_addch(sb, '"');
}

static void dump_scalar(struct strbuf *sb, const struct node *n)
{
	switch (n->kind) {
	case NODE_NULL:
		strbuf_addch(sb, '~');
		break;
	case NODE_BOOL:
		strbuf_addch(sb, n->b ? 'T' : 'F');
		break;
	case NODE_INT:
		strbuf_addf(sb, "i%s%llu%s", n->neg ? "-" : "",
			    (unsigned long long)n->mag, n->overflow ? "!" : "");
		break;
	default:
		strbuf_addch(sb, n->number ? 'n' : n->plain ? 'p' : 's');
		dump_text(sb, n);
		break;
	}
}

/*
 * ~ null, T/F bool, i[-]MAG[!] int (! = overflow), p"x" plain string,
 * s"x" quoted string, n"1.5" JSON number, [..] sequence, {k:v} mapping;
 * with `pos`, every node is followed by @LINE:COL.
 */
static void dump(struct strbuf *sb, const struct node *n, bool pos)
{
	if (n->kind == NODE_SEQ) {
		strbuf_addch(sb, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				strbuf_addch(sb, ',');
			dump(sb, n->items[i], pos);
		}
		strbuf_addch(sb, ']');
	} else if (n->kind == NODE_MAP) {
		strbuf_addch(sb, '{');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				strbuf_addch(sb, ',');
			strbuf_add(sb, n->pairs[i].key->text,
				   n->pairs[i].key->len);
			if (n->pairs[i].key->kind != NODE_STR)
				strbuf_addstr(sb, "(NOT-STR)");
			if (pos)
				strbuf_addf(sb, "@%u:%u",
					    n->pairs[i].key->pos.line,
					    n->pairs[i].key->pos.col);
			strbuf_addch(sb, ':');
			dump(sb, n->pairs[i].val, pos);
		}
		strbuf_addch(sb, '}');
	} else {
		dump_scalar(sb, n);
	}
	if (pos)
		strbuf_addf(sb, "@%u:%u", n->pos.line, n->pos.col);
}

/* "L:C: msg" lines joined by '|'; "ok" when there is none. */
static char *diags(const struct diag_list *d)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < d->nr; i++)
		strbuf_addf(&sb, "%s%u:%u: %s", i ? "|" : "",
			    d->items[i].pos.line, d->items[i].pos.col,
			    d->items[i].msg);
	if (!d->nr)
		strbuf_addstr(&sb, "ok");
	return strbuf_detach(&sb, NULL);
}

/* The tree dump (or the diagnostics when it failed). */
static char *outcome(const struct run *r, bool pos)
{
	struct strbuf sb = STRBUF_INIT;

	if (r->rc != HCSC_OK || !r->root)
		return diags(&r->d);
	dump(&sb, r->root, pos);
	return strbuf_detach(&sb, NULL);
}

static void check_case(const char *file, const char *in, size_t len,
		       enum load_syntax syn, bool pos, const char *want)
{
	struct run r;
	char *got;

	run_parse(&r, file, in, len, syn);
	got = outcome(&r, pos);
	if (strcmp(got, want))
		fprintf(stderr, "input: [%.*s]\n", (int)(len < 200 ? len : 200),
			in);
	CHECK_STR(got, want);
	/* Exactly one of: a clean tree, or errors without one. */
	CHECK((r.rc == HCSC_OK) == (r.d.nerrors == 0));
	free(got);
	run_release(&r);
}

struct tcase {
	enum load_syntax syn;
	const char *in;
	const char *want;
};

static void run_table(const struct tcase *t, size_t n, bool pos)
{
	for (size_t i = 0; i < n; i++)
		check_case("t", t[i].in, strlen(t[i].in), t[i].syn, pos,
			   t[i].want);
}

#define Y LOAD_YAML
#define J LOAD_JSON
#define NT(t) (sizeof(t) / sizeof((t)[0]))

/* ---- scalar typing ---- */

static const struct tcase typing[] = {
	/* Decision 46 nulls */
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

/* ---- limits: at the limit allowed, one past an error naming it ---- */

/* `n` nested containers of `open`..`close` around `inner`. */
static char *nest(const char *open, const char *close, int n,
		  const char *inner)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = 0; i < n; i++)
		strbuf_addstr(&sb, open);
	strbuf_addstr(&sb, inner);
	for (int i = 0; i < n; i++)
		strbuf_addstr(&sb, close);
	return strbuf_detach(&sb, NULL);
}

static void check_status(enum load_syntax syn, const char *in, bool ok,
			 const char *msg)
{
	struct run r;
	char *got;

	run_parse(&r, "t", in, strlen(in), syn);
	got = diags(&r.d);
	if (ok) {
		CHECK_STR(got, "ok");
		CHECK(r.rc == HCSC_OK && r.root);
	} else {
		CHECK(r.rc == HCSC_E_INPUT);
		CHECK_INT(r.d.nerrors, 1);
		CHECK(strstr(got, msg) != NULL);
		if (!strstr(got, msg))
			fprintf(stderr, "  got [%s], want [%s]\n", got, msg);
	}
	free(got);
	run_release(&r);
}

static void test_depth(void)
{
	static const char *msg = "nesting deeper than 64 levels (the limit)";
	static const struct {
		enum load_syntax syn;
		const char *open, *close, *inner;
		int n;
		bool ok;
	} t[] = {
		/* 63 containers + a scalar: the scalar is at depth 64 */
		{ J, "[", "]", "1", 63, true },
		{ J, "[", "]", "1", 64, false },
		{ J, "[", "]", "", 64, true },
		{ J, "[", "]", "", 65, false },
		/* the last key and its value are at depth 64 */
		{ J, "{\"a\":", "}", "1", 63, true },
		{ J, "{\"a\":", "}", "1", 64, false },
		{ J, "{\"a\":", "}", "{}", 63, true },
		{ J, "{\"a\":", "}", "{}", 64, false },
		{ Y, "[", "]", "1", 63, true },
		{ Y, "[", "]", "1", 64, false },
		{ Y, "{a: ", "}", "b", 63, true },
		{ Y, "{a: ", "}", "b", 64, false },
		{ Y, "[", "]", "", 64, true },
		{ Y, "[", "]", "", 65, false },
		/* far too deep: stops at the limit, never recurses further */
		{ J, "[", "]", "", 200000, false },
		{ Y, "[", "]", "", 200000, false },
	};

	for (size_t i = 0; i < NT(t); i++) {
		char *in = nest(t[i].open, t[i].close, t[i].n, t[i].inner);

		check_status(t[i].syn, in, t[i].ok, msg);
		free(in);
	}
	/* the error sits at the first node too deep */
	check_case("t", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]",
		   68, Y, false,
		   "1:65: nesting deeper than 64 levels (the limit)");
	/* an alias whose copy would be too deep */
	{
		struct strbuf sb = STRBUF_INIT;
		char *deep = nest("[", "]", 60, "1");

		strbuf_addf(&sb, "a: &x %s\nb: [[[*x]]]\n", deep);
		check_status(Y, sb.buf, false, msg);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "a: &x %s\nb: [[*x]]\n", deep);
		check_status(Y, sb.buf, true, NULL);
		strbuf_release(&sb);
		free(deep);
	}
}

/* A sequence of `items` scalars `0` (items + 1 nodes). */
static char *flat_seq(size_t items, bool json)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addch(&sb, '[');
	for (size_t i = 0; i < items; i++)
		strbuf_addstr(&sb, i ? ",0" : "0");
	strbuf_addch(&sb, ']');
	(void)json;
	return strbuf_detach(&sb, NULL);
}

static void test_nodes(void)
{
	static const char *msg = "more than 100000 nodes (the limit)";
	char *in;

	in = flat_seq(LOAD_MAX_NODES - 1, true);
	check_status(J, in, true, NULL);
	check_status(Y, in, true, NULL);
	free(in);
	in = flat_seq(LOAD_MAX_NODES, true);
	check_status(J, in, false, msg);
	check_status(Y, in, false, msg);
	free(in);
	/* keys count: 1 map + 49999 pairs = 99999 nodes, then one more pair */
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_addch(&sb, '{');
		for (int i = 0; i < 49999; i++)
			strbuf_addf(&sb, "%s\"k%d\":0", i ? "," : "", i);
		strbuf_addch(&sb, '}');
		check_status(J, sb.buf, true, NULL);
		sb.len--;
		strbuf_addstr(&sb, ",\"last\":0}");
		check_status(J, sb.buf, false, msg);
		strbuf_release(&sb);
	}
}

static char *repeat(const char *prefix, const char *unit, size_t n,
		    const char *suffix)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, prefix);
	for (size_t i = 0; i < n; i++)
		strbuf_addstr(&sb, unit);
	strbuf_addstr(&sb, suffix);
	return strbuf_detach(&sb, NULL);
}

static void test_strings(void)
{
	static const char *msg = "string longer than 65536 bytes (the limit)";
	static const struct {
		enum load_syntax syn;
		const char *prefix, *unit;
		size_t n;
		const char *suffix;
		bool ok;
	} t[] = {
		{ J, "[\"", "a", 65536, "\"]", true },
		{ J, "[\"", "a", 65537, "\"]", false },
		/* decoded bytes count: é is 2 bytes, \u00e9 decodes to 2 */
		{ J, "[\"", "\xc3\xa9", 32768, "\"]", true },
		{ J, "[\"", "\\u00e9", 32768, "\"]", true },
		{ J, "[\"", "\\u00e9", 32768, "!\"]", false },
		{ J, "{\"", "k", 65537, "\":1}", false },
		{ J, "[", "1", 65536, ".5]", false },
		{ Y, "a: \"", "a", 65536, "\"", true },
		{ Y, "a: \"", "a", 65537, "\"", false },
		{ Y, "a: ", "a", 65536, "", true },
		{ Y, "a: ", "a", 65537, "", false },
		{ Y, "a: |\n  ", "a", 65535, "\n", true },
		{ Y, "a: |\n  ", "a", 65536, "\n", false },
	};

	for (size_t i = 0; i < NT(t); i++) {
		char *in = repeat(t[i].prefix, t[i].unit, t[i].n, t[i].suffix);

		check_status(t[i].syn, in, t[i].ok, msg);
		free(in);
	}
}

static void test_aliases(void)
{
	static const char *bomb =
		"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
		"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
		"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
		"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
		"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
		"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
		"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
		"i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
	static const char *exp_msg =
		"more than 10000 nodes after alias expansion (the limit)";
	struct strbuf sb = STRBUF_INIT;
	struct run r;
	char *s;

	/* 100 alias uses are fine, the 101st is not (at its position) */
	s = repeat("a: &x 1\nb: [*x", ",*x", 99, "]\n");
	check_status(Y, s, true, NULL);
	free(s);
	s = repeat("a: &x 1\nb: [*x", ",*x", 100, "]\n");
	check_status(Y, s, false, "2:305: more than 100 alias uses (the limit)");
	free(s);

	/* [&x [k zeros], *x, 0...]: 1 + 2 (k + 1) + extra nodes */
	s = repeat("[&x [0", ",0", 4997, "], *x, 0]");
	check_status(Y, s, true, NULL);
	free(s);
	s = repeat("[&x [0", ",0", 4997, "], *x, 0, 0]");
	check_status(Y, s, false, exp_msg);
	free(s);
	s = repeat("[&x [0", ",0", 4998, "], *x, 0]");
	check_status(Y, s, false, exp_msg);
	free(s);
	/* a document of 10001 nodes is fine until an alias appears */
	s = repeat("[&x 0", ",0", 9999, "]");
	check_status(Y, s, true, NULL);
	free(s);
	s = repeat("[&x 0", ",0", 9999, ", *x]");
	check_status(Y, s, false, exp_msg);
	free(s);

	/* billion laughs: rejected at once, at the alias that overflows */
	run_parse(&r, "bomb.yaml", bomb, strlen(bomb), LOAD_AUTO);
	s = diags(&r.d);
	CHECK_STR(s, "5:8: more than 10000 nodes after alias expansion (the limit)");
	CHECK(r.rc == HCSC_E_INPUT && !r.root);
	CHECK(r.secs < 0.5);
	free(s);
	run_release(&r);

	/* many anchors, few aliases: fine */
	for (int i = 0; i < 2000; i++)
		strbuf_addf(&sb, "k%d: &a%d %d\n", i, i, i);
	strbuf_addstr(&sb, "last: [*a0, *a1999]\n");
	check_status(Y, sb.buf, true, NULL);
	strbuf_release(&sb);
}

/* Collected errors: several in one file, sorted, capped at 20. */
static void test_collect(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct run r;
	char *s, *long_str;

	long_str = repeat("", "x", LOAD_MAX_STRING + 1, "");
	strbuf_addf(&sb, "b: 1\nb: 2\nc: \"%s\"\nd: !!int 1\ne: *nope\nb: 3\n",
		    long_str);
	run_parse(&r, "t", sb.buf, sb.len, LOAD_YAML);
	s = diags(&r.d);
	CHECK_STR(s, "2:1: duplicate key 'b' (first at line 1, column 1)|"
		     "3:4: string longer than 65536 bytes (the limit)|"
		     "4:4: unsupported tag '!!int' (only '!!str' on a scalar is allowed)|"
		     "5:4: unknown alias '*nope'|"
		     "6:1: duplicate key 'b' (first at line 1, column 1)");
	CHECK(r.rc == HCSC_E_INPUT);
	CHECK(r.root != NULL); /* the tree is complete, with errors */
	free(s);
	run_release(&r);
	free(long_str);

	/* 25 duplicates (map of > 16 keys: the hashed path): capped at 20 */
	strbuf_reset(&sb);
	strbuf_addch(&sb, '{');
	for (int i = 0; i < 30; i++)
		strbuf_addf(&sb, "\"k%d\":0,", i);
	for (int i = 0; i < 25; i++)
		strbuf_addf(&sb, "\"k%d\":1,", i);
	sb.buf[sb.len - 1] = '}';
	run_parse(&r, "t", sb.buf, sb.len, LOAD_JSON);
	CHECK_INT(r.d.nerrors, DIAG_MAX_COLLECTED);
	CHECK(r.rc == HCSC_E_INPUT);
	CHECK(r.d.nr && strstr(r.d.items[0].msg, "duplicate key 'k0' (first at line 1, column 2)"));
	run_release(&r);

	/* one duplicate among many keys (hashed path), exact position */
	strbuf_reset(&sb);
	for (int i = 0; i < 40; i++)
		strbuf_addf(&sb, "k%d: %d\n", i, i);
	strbuf_addstr(&sb, "k3: again\n");
	run_parse(&r, "t", sb.buf, sb.len, LOAD_YAML);
	s = diags(&r.d);
	CHECK_STR(s, "41:1: duplicate key 'k3' (first at line 4, column 1)");
	free(s);
	run_release(&r);

	/* a syntax error stops: only the first is reported */
	run_parse(&r, "t", "[1,,2,,]", 8, LOAD_JSON);
	CHECK_INT(r.d.nerrors, 1);
	CHECK(!r.root);
	run_release(&r);
	strbuf_release(&sb);
}

/* ---- syntax choice ---- */

static void test_dispatch(void)
{
	static const struct {
		const char *file, *in, *want;
	} t[] = {
		{ "x.json", "[1,]", "1:4: trailing comma before ']' (not allowed in JSON)" },
		{ "X.JSON", "[1,]", "1:4: trailing comma before ']' (not allowed in JSON)" },
		{ "x.yaml", "[1,]", "[i1]" },
		{ "x.yml", "[1,]", "[i1]" },
		{ "x.yaml", "{\"a\":1}", "{a:i1}" },
		/* sniffed: `{` or `[` first means JSON */
		{ "<stdin>", "  \n[1,]", "2:4: trailing comma before ']' (not allowed in JSON)" },
		{ "<stdin>", "\xef\xbb\xbf{\"a\":1,}", "1:8: trailing comma before '}' (not allowed in JSON)" },
		{ "<stdin>", "a: [1,]", "{a:[i1]}" },
		{ "x.txt", "# c\n[1,]", "[i1]" },
		{ "x.json.bak", "\"s\"", "s\"s\"" },
	};

	for (size_t i = 0; i < NT(t); i++)
		check_case(t[i].file, t[i].in, strlen(t[i].in), LOAD_AUTO,
			   false, t[i].want);
	/* explicit syntax wins over the name */
	check_case("x.json", "a: 1", 4, LOAD_YAML, false, "{a:i1}");
	/* the diagnostic carries the display name */
	{
		struct run r;

		run_parse(&r, "<builtin:x>", "a: [", 4, LOAD_AUTO);
		CHECK(r.d.nr == 1 && !strcmp(r.d.items[0].pos.file, "<builtin:x>"));
		run_release(&r);
	}
	/* load_parse enforces the input limit too */
	{
		char *big = malloc(LOAD_MAX_FILE + 1);
		struct run r;

		memset(big, ' ', LOAD_MAX_FILE + 1);
		run_parse(&r, "t", big, LOAD_MAX_FILE + 1, LOAD_YAML);
		CHECK(r.d.nr == 1 && !strcmp(r.d.items[0].msg,
					    "input is larger than 4 MiB (the input limit)"));
		run_release(&r);
		run_parse(&r, "t", big, LOAD_MAX_FILE, LOAD_YAML);
		CHECK(r.rc == HCSC_OK && r.root && r.root->kind == NODE_NULL);
		run_release(&r);
		free(big);
	}
}

/* ---- speed: a 4 MiB file loads well under a second ---- */

static void test_speed(void)
{
	struct strbuf js = STRBUF_INIT, ys = STRBUF_INIT;
	struct run r;

	/* ~99,100 nodes of short strings plus long strings up to 4 MiB */
	strbuf_addch(&js, '[');
	for (int i = 0; i < 33000; i++) {
		strbuf_addf(&js, "{\"key\":\"value %d \xc3\xa9\"},", i);
		strbuf_addf(&ys, "- {key: \"value %d \xc3\xa9\"}\n", i);
	}
	while (js.len < LOAD_MAX_FILE - 70000) {
		strbuf_addch(&js, '"');
		for (int i = 0; i < 60000; i++)
			strbuf_addch(&js, 'x');
		strbuf_addstr(&js, "\",");
	}
	while (ys.len < LOAD_MAX_FILE - 70000) {
		strbuf_addstr(&ys, "- \"");
		for (int i = 0; i < 60000; i++)
			strbuf_addch(&ys, 'x');
		strbuf_addstr(&ys, "\"\n");
	}
	js.buf[js.len - 1] = ']';
	CHECK(js.len > LOAD_MAX_FILE - 70000 && js.len <= LOAD_MAX_FILE);
	CHECK(ys.len > LOAD_MAX_FILE - 70000 && ys.len <= LOAD_MAX_FILE);
	run_parse(&r, "t", js.buf, js.len, LOAD_JSON);
	CHECK(r.rc == HCSC_OK);
	CHECK(r.secs < 1.0);
	fprintf(stderr, "json: %zu bytes in %.3f s\n", js.len, r.secs);
	run_release(&r);
	run_parse(&r, "t", ys.buf, ys.len, LOAD_YAML);
	CHECK(r.rc == HCSC_OK);
	if (r.d.nr)
		fprintf(stderr, "  %u:%u: %s\n", r.d.items[0].pos.line,
			r.d.items[0].pos.col, r.d.items[0].msg);
	CHECK(r.secs < 1.0);
	fprintf(stderr, "yaml: %zu bytes in %.3f s\n", ys.len, r.secs);
	run_release(&r);
	strbuf_release(&js);
	strbuf_release(&ys);
}

/* ---- load_read_file ---- */

static void write_file(const char *path, size_t n)
{
	FILE *f = fopen(path, "wb");

	for (size_t i = 0; f && i < n; i++)
		fputc(i % 64 == 63 ? '\n' : '#', f);
	if (f)
		fclose(f);
}

static void test_read_file(void)
{
	static const char *path = "test_load.tmp.yaml";
	struct arena *a = arena_new();
	struct strbuf sb = STRBUF_INIT;
	struct diag_list d;
	const char *err = NULL;
	enum hcsc_rc rc;

	diag_list_init(&d, a, false);
	rc = load_read_file(a, &d, "no-such-dir/x.yaml", "no-such-dir/x.yaml",
			    &sb, &err);
	CHECK_INT(rc, HCSC_E_IO);
	CHECK_STR(err, "cannot read 'no-such-dir/x.yaml': No such file or directory");
	rc = load_read_file(a, &d, ".", ".", &sb, &err);
	CHECK_INT(rc, HCSC_E_IO);
	/* EISDIR here, EACCES on Windows: the errno text is the system's */
	CHECK(err && !strncmp(err, "cannot read '.': ", 17));

	write_file(path, LOAD_MAX_FILE);
	err = NULL;
	rc = load_read_file(a, &d, path, path, &sb, &err);
	CHECK_INT(rc, HCSC_OK);
	CHECK(err == NULL);
	CHECK_INT(sb.len, LOAD_MAX_FILE);
	CHECK(sb.buf[0] == '#' && sb.buf[63] == '\n' && sb.buf[sb.len] == '\0');

	write_file(path, LOAD_MAX_FILE + 1);
	rc = load_read_file(a, &d, path, "shown.yaml", &sb, &err);
	CHECK_INT(rc, HCSC_E_INPUT);
	CHECK(d.nr == 1 && !strcmp(d.items[0].msg,
				   "input is larger than 4 MiB (the input limit)") &&
	      !strcmp(d.items[0].pos.file, "shown.yaml") &&
	      d.items[0].pos.line == 1 && d.items[0].pos.col == 1);
	remove(path);

	write_file(path, 10);
	rc = load_read_file(a, &d, path, path, &sb, &err);
	CHECK_INT(rc, HCSC_OK);
	CHECK_INT(sb.len, 10);
	remove(path);

	strbuf_release(&sb);
	diag_list_release(&d);
	arena_free(a);
}

/* ---- node.c ---- */

static void test_node(void)
{
	static const char *in = "Memory: 1\nmemory: 2\nCPU: x\n";
	struct run r;

	run_parse(&r, "t", in, strlen(in), LOAD_YAML);
	CHECK(r.rc == HCSC_OK);
	CHECK(node_get(r.root, "Memory") && node_get(r.root, "Memory")->mag == 1);
	CHECK(node_get(r.root, "memory") && node_get(r.root, "memory")->mag == 2);
	CHECK(node_get(r.root, "MEMORY") == NULL);
	CHECK(node_get(r.root, "cpu") == NULL);
	CHECK(node_get_ci(r.root, "MEMORY") && node_get_ci(r.root, "MEMORY")->mag == 1);
	CHECK(node_get_ci(r.root, "cpu") && !strcmp(node_get_ci(r.root, "cpu")->text, "x"));
	CHECK(node_get_ci(r.root, "cp") == NULL);
	CHECK(node_get_ci(r.root, "CPUs") == NULL);
	CHECK(node_get(r.root->pairs[0].val, "x") == NULL);
	CHECK(node_get(NULL, "x") == NULL);
	/* ASCII folding only: the Kelvin sign is not a k */
	run_release(&r);
	run_parse(&r, "t", "\xe2\x84\xaa" "ey: 1\n", 8, LOAD_YAML);
	CHECK(node_get_ci(r.root, "key") == NULL);
	CHECK(node_get_ci(r.root, "\xe2\x84\xaa" "EY") != NULL);
	run_release(&r);
	CHECK_STR(node_kind_name(NODE_NULL), "null");
	CHECK_STR(node_kind_name(NODE_BOOL), "boolean");
	CHECK_STR(node_kind_name(NODE_INT), "integer");
	CHECK_STR(node_kind_name(NODE_STR), "string");
	CHECK_STR(node_kind_name(NODE_SEQ), "sequence");
	CHECK_STR(node_kind_name(NODE_MAP), "mapping");
}

int main(void)
{
	test_typing();
	test_int_fields();
	test_positions();
	test_errors();
	test_accepted();
	test_depth();
	test_nodes();
	test_strings();
	test_aliases();
	test_collect();
	test_dispatch();
	test_speed();
	test_read_file();
	test_node();
	return t_done();
}
