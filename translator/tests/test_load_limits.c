/*
 * test_load_limits.c: the limits of load.h, each at the limit (allowed)
 * and one past it (an error naming it): nesting depth, node count, string
 * length, alias uses and alias expansion (billion laughs); collected
 * errors (sorted, capped at DIAG_MAX_COLLECTED); and the speed of a 4 MiB
 * input.
 */
#include "load_harness.h"

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

int main(void)
{
	test_depth();
	test_nodes();
	test_strings();
	test_aliases();
	test_collect();
	test_speed();
	return t_done();
}
