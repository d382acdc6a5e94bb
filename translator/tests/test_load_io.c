/*
 * test_load_io.c: the loader's entry points around the parsers: the
 * syntax choice (by file name, sniffed, or explicit), the input size limit
 * in load_parse, load_read_file (missing files, directories, the 4 MiB
 * limit), and the node lookups of node.c (node_get, node_get_ci,
 * node_kind_name).
 */
#include "load_harness.h"

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
	test_dispatch();
	test_read_file();
	test_node();
	return t_done();
}
