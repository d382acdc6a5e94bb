/*
 * test_oci_decode_go.c: oci_decode (src/oci/decode/decode.c) following Go's
 * encoding/json into the runtime-spec types: keys in any case, positions
 * of absent values, Go fields hcsc ignores, nil vs empty slices and nil
 * pointers, consoleSize as a *specs.Box, and credentialSpec (an
 * interface{}) of every JSON kind.
 */
#include "oci_decode_harness.h"

/* Keys in any case (Go's encoding/json); positions of absent values. */
static void test_odd_case(void)
{
	static const char json[] =
		"{\"OCIVERSION\":\"1.3.0\",\"Windows\":{\"LAYERFOLDERS\":[\"C:\\\\l\"],"
		"\"Resources\":{\"CPU\":{\"Shares\":5000}},\"dnssearchlist\":null,"
		"\"NETWORK\":{\"dnssearchlist\":[\"x\"]}},"
		"\"Process\":{\"ENV\":[\"A=1\"],\"User\":{\"UserName\":\"u\",\"UID\":7}}}";
	struct run r;

	run_decode(&r, json);
	CHECK(r.ok);
	/* `dnssearchlist` is no field of specs.Windows: a warning */
	CHECK_STR(diags(&r),
		  "1:95: warning: unknown key 'dnssearchlist' in 'windows' "
		  "(ignored; not a field of specs.Windows)");
	CHECK_STR(r.s.oci_version, "1.3.0");
	CHECK(r.s.has_windows);
	CHECK_INT(r.s.windows.layer_folders.n, 1);
	CHECK_STR(r.s.windows.layer_folders.v[0], "C:\\l");
	CHECK(r.s.windows.cpu_shares.set);
	CHECK_INT(r.s.windows.cpu_shares.v, 5000);
	CHECK(!r.s.windows.cpu_count.set);
	/* an absent count points at its nearest parent, the cpu object */
	CHECK_STR(lc(&r, r.s.windows.cpu_count_pos), "1:78");
	CHECK(!r.s.windows.has_memory);
	CHECK_STR(r.s.windows.dns_search_list.v[0], "x");
	CHECK_STR(r.s.process.env.v[0], "A=1");
	CHECK_STR(r.s.process.username, "u");
	CHECK_INT(r.s.process.uid, 7);
	/* absent hostname and root: the whole input */
	CHECK_STR(lc(&r, r.s.hostname_pos), "1:1");
	CHECK(!r.s.has_root);
	CHECK_STR(lc(&r, r.s.root.path_pos), "1:1");
	run_release(&r);
}

/* Go fields hcsc does not read: accepted without a word. */
static void test_ignored_fields(void)
{
	static const char json[] =
		"{\"ociVersion\":\"1.3.0\",\"domainname\":\"d\","
		"\"hooks\":{\"prestart\":[{\"path\":\"/x\"}]},"
		"\"linux\":{\"namespaces\":[{\"type\":\"pid\"}],\"sysctl\":{\"a\":\"b\"}},"
		"\"solaris\":{},\"vm\":{\"kernel\":{\"path\":\"k\"}},\"zos\":{},"
		"\"freebsd\":{\"jail\":{}},"
		"\"process\":{\"cwd\":\"C:\\\\\",\"capabilities\":{\"bounding\":[\"CAP_X\"]},"
		"\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1,\"soft\":1}],"
		"\"noNewPrivileges\":true,\"apparmorProfile\":\"p\",\"oomScoreAdj\":-1000,"
		"\"scheduler\":{\"policy\":\"SCHED_OTHER\"},\"selinuxLabel\":\"l\","
		"\"ioPriority\":{\"class\":\"IOPRIO_CLASS_RT\",\"priority\":1},"
		"\"execCPUAffinity\":{\"initial\":\"0\"},"
		"\"user\":{\"umask\":18,\"additionalGids\":[5,6]}},"
		"\"mounts\":[{\"destination\":\"C:\\\\m\",\"uidMappings\":[{\"size\":1}],"
		"\"gidMappings\":[]}],"
		"\"windows\":{\"resources\":{\"cpu\":{\"affinity\":[{\"mask\":3,\"group\":0}]}}}}";
	struct run r;

	run_decode(&r, json);
	CHECK(r.ok);
	CHECK_STR(diags(&r), "ok");
	CHECK_STR(r.s.process.cwd, "C:\\");
	CHECK_INT(r.s.nmounts, 1);
	CHECK(r.s.windows.has_cpu);
	CHECK(!r.s.windows.cpu_count.set);
	run_release(&r);
}

/* Go's nil vs empty slices and nil pointers after Unmarshal. */
static void test_nil_empty(void)
{
	struct run r;

	run_decode(&r, "{\"process\":{\"env\":[],\"args\":null}}");
	CHECK(r.ok);
	CHECK(r.s.has_process);
	CHECK(r.s.process.env.set);
	CHECK_INT(r.s.process.env.n, 0);
	CHECK(!r.s.process.args.set);
	CHECK(!r.s.process.has_console_size);
	CHECK(!r.s.has_windows);
	CHECK_STR(r.s.process.cwd, "");
	run_release(&r);

	run_decode(&r, "{\"process\":{}}");
	CHECK(r.ok);
	CHECK(r.s.has_process);
	CHECK(!r.s.process.env.set);
	run_release(&r);

	run_decode(&r, "{\"process\":null,\"root\":null,\"windows\":null}");
	CHECK(r.ok);
	CHECK(!r.s.has_process && !r.s.has_root && !r.s.has_windows);
	run_release(&r);

	run_decode(&r, "{\"windows\":{\"layerFolders\":null}}");
	CHECK(r.ok);
	CHECK(r.s.has_windows);
	CHECK(!r.s.windows.layer_folders.set);
	CHECK_STR(lc(&r, r.s.windows.layers_pos), "1:12");
	run_release(&r);

	run_decode(&r, "{\"windows\":{\"layerFolders\":[],\"resources\":{\"cpu\":{}}}}");
	CHECK(r.ok);
	CHECK(r.s.windows.layer_folders.set);
	CHECK_INT(r.s.windows.layer_folders.n, 0);
	CHECK(r.s.windows.has_resources && r.s.windows.has_cpu);
	CHECK(!r.s.windows.has_memory && !r.s.windows.has_storage);
	CHECK(!r.s.windows.cpu_shares.set && !r.s.windows.cpu_maximum.set);
	run_release(&r);

	run_decode(&r, "{\"windows\":{\"resources\":{\"memory\":{},\"storage\":{\"bps\":0}},"
		       "\"hyperv\":{},\"network\":{}}}");
	CHECK(r.ok);
	CHECK(r.s.windows.has_memory);
	CHECK(!r.s.windows.memory_limit.set);
	CHECK(r.s.windows.storage_bps.set);
	CHECK(!r.s.windows.storage_iops.set);
	CHECK(r.s.windows.has_hyperv && r.s.windows.has_network);
	CHECK(!r.s.windows.endpoint_list.set);
	CHECK_STR(r.s.windows.utility_vm_path, "");
	run_release(&r);

	/* mount options and an annotation whose value is null ("" in Go) */
	run_decode(&r, "{\"mounts\":[{\"destination\":\"C:\\\\a\",\"options\":[]},"
		       "{\"destination\":\"C:\\\\b\",\"options\":[\"ro\",\"x\"]}],"
		       "\"annotations\":{\"k\":null,\"K\":\"v\"}}");
	CHECK(r.ok);
	CHECK_INT(r.s.nmounts, 2);
	CHECK(r.s.mounts[0].options.set);
	CHECK_INT(r.s.mounts[0].options.n, 0);
	CHECK_INT(r.s.mounts[1].options.n, 2);
	CHECK_STR(r.s.mounts[1].options.v[1], "x");
	CHECK_STR(lc(&r, r.s.mounts[1].pos), "1:49");
	CHECK_INT(r.s.nannotations, 2);
	CHECK_STR(r.s.annotations[0].key, "k");
	CHECK_STR(r.s.annotations[0].value, "");
	CHECK_STR(r.s.annotations[1].key, "K");
	CHECK_STR(r.s.annotations[1].value, "v");
	run_release(&r);

	/* the whole spec empty */
	run_decode(&r, "{}");
	CHECK(r.ok);
	CHECK_STR(r.s.oci_version, "");
	CHECK(!r.s.has_process && !r.s.has_windows);
	CHECK_INT(r.s.nmounts, 0);
	run_release(&r);
}

/* consoleSize is a *specs.Box {height, width} of Go uints. */
static void test_console_size(void)
{
	struct run r;

	run_decode(&r, "{\"process\":{\"consoleSize\":{\"height\":0,\"width\":18446744073709551615}}}");
	CHECK(r.ok);
	CHECK(r.s.process.has_console_size);
	CHECK_INT(r.s.process.console_height, 0);
	CHECK(r.s.process.console_width == UINT64_MAX);
	run_release(&r);

	run_decode(&r, "{\"process\":{\"consoleSize\":{}}}");
	CHECK(r.ok);
	CHECK(r.s.process.has_console_size);
	CHECK_INT(r.s.process.console_width, 0);
	run_release(&r);

	run_decode(&r, "{\"process\":{\"consoleSize\":null}}");
	CHECK(r.ok);
	CHECK(!r.s.process.has_console_size);
	run_release(&r);
}

/* credentialSpec is an interface{}: any JSON value. */
static void test_credential_spec(void)
{
	static const struct {
		const char *value;
		enum oci_credspec_kind kind;
		const char *text;    /* the string, or the compact JSON */
		const char *printed; /* as hcsc prints it again; NULL = omitted */
	} cases[] = {
		{ "\"a/b\"", OCI_CREDSPEC_STRING, "a/b", "\"a/b\"" },
		{ "\"\"", OCI_CREDSPEC_STRING, "", "\"\"" },
		{ "null", OCI_CREDSPEC_NONE, NULL, NULL },
		{ "5", OCI_CREDSPEC_OTHER, "5", "5" },
		{ "-7", OCI_CREDSPEC_OTHER, "-7", "-7" },
		{ "2.5e-3", OCI_CREDSPEC_OTHER, "2.5e-3", "0.0025" },
		{ "false", OCI_CREDSPEC_OTHER, "false", "false" },
		{ "[]", OCI_CREDSPEC_OTHER, "[]", "[]" },
		{ "{}", OCI_CREDSPEC_OTHER, "{}", "{}" },
		{ "{\"b\":1,\"a\":[1.5,null,\"x/y\",true,-3,{\"k\":{}}]}",
		  OCI_CREDSPEC_OTHER,
		  "{\"b\":1,\"a\":[1.5,null,\"x/y\",true,-3,{\"k\":{}}]}",
		  "{\"a\":[1.5,null,\"x/y\",true,-3,{\"k\":{}}],\"b\":1}" },
		/* integers beyond int64/uint64 become decimals; Go prints
		 * every number in an interface{} as a float64 */
		{ "[18446744073709551615,-9223372036854775808,"
		  "100000000000000000000,-9223372036854775809]",
		  OCI_CREDSPEC_OTHER,
		  "[18446744073709551615,-9223372036854775808,"
		  "100000000000000000000.0,-9223372036854775809.0]",
		  "[18446744073709552000,-9223372036854776000,"
		  "100000000000000000000,-9223372036854776000]" },
		{ "{\"k\":\"<&\\u2028\\\"\\u0001\"}", OCI_CREDSPEC_OTHER,
		  "{\"k\":\"<&\xe2\x80\xa8\\\"\\u0001\"}",
		  "{\"k\":\"\\u003c\\u0026\\u2028\\\"\\u0001\"}" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct arena *tmp = arena_new();
		const char *head = "{\"windows\":{\"layerFolders\":[]";
		const char *json = arena_printf(tmp, "%s,\"credentialSpec\":%s}}",
						head, cases[i].value);
		const char *want = cases[i].printed
			? arena_printf(tmp, "{\"ociVersion\":\"\",%s,"
				       "\"credentialSpec\":%s}}", head + 1,
				       cases[i].printed)
			: arena_printf(tmp, "{\"ociVersion\":\"\",%s}}", head + 1);
		const struct oci_spec *s;
		struct run r;
		char *out;

		run_decode(&r, json);
		s = &r.s;
		CHECK(r.ok);
		CHECK_STR(diags(&r), "ok");
		CHECK_INT(s->windows.credspec_kind, cases[i].kind);
		switch (cases[i].kind) {
		case OCI_CREDSPEC_NONE:
			CHECK(!s->windows.credential_spec);
			CHECK(!s->windows.credential_spec_json);
			CHECK_STR(lc(&r, s->windows.credspec_pos), "1:12");
			break;
		case OCI_CREDSPEC_STRING:
			CHECK_STR(s->windows.credential_spec, cases[i].text);
			CHECK(!s->windows.credential_spec_json);
			CHECK_STR(lc(&r, s->windows.credspec_pos), "1:48");
			break;
		case OCI_CREDSPEC_OTHER:
			CHECK_STR(s->windows.credential_spec_json, cases[i].text);
			CHECK(!s->windows.credential_spec);
			CHECK_STR(lc(&r, s->windows.credspec_pos), "1:48");
			break;
		}
		out = print_spec(s, EMIT_COMPACT);
		CHECK_STR(out, want);
		free(out);
		run_release(&r);
		arena_free(tmp);
	}
}

int main(void)
{
	test_odd_case();
	test_ignored_fields();
	test_nil_empty();
	test_console_size();
	test_credential_spec();
	return t_done();
}
