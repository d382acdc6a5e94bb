/*
 * test_oci_decode.c: oci_decode (src/oci/decode.c), the --from-oci reader:
 * a full Windows spec as hcsc's OCI stage prints it (decoded, then printed
 * again byte for byte), keys in any case, case duplicates, unknown keys
 * (warnings with positions), Go fields hcsc ignores, nil vs empty slices
 * and nil pointers, credentialSpec of every JSON kind, Go type and range
 * errors with positions.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "emit/gojson.h"
#include "emit/oci_json.h"
#include "load/load.h"
#include "oci/decode.h"
#include "strbuf.h"
#include "t.h"

/* ---- helpers ---- */

struct run {
	struct arena *a;
	struct diag_list d;
	struct oci_spec s;
	bool ok;
};

static void run_decode(struct run *r, const char *json)
{
	struct node *root = NULL;
	enum hcsc_rc rc;

	r->a = arena_new();
	diag_list_init(&r->d, r->a, false);
	rc = load_parse(r->a, &r->d, "config.json", json, strlen(json),
			LOAD_JSON, &root);
	CHECK_INT(rc, HCSC_OK);
	r->ok = rc == HCSC_OK &&
		oci_decode(r->a, &r->d, "config.json", root, &r->s);
}

static void run_release(struct run *r)
{
	diag_list_release(&r->d);
	arena_free(r->a);
}

/* "L:C: error|warning: msg" joined by '|'; "ok" when there is none. */
static const char *diags(struct run *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	for (size_t i = 0; i < r->d.nr; i++)
		strbuf_addf(&sb, "%s%u:%u: %s: %s", i ? "|" : "",
			    r->d.items[i].pos.line, r->d.items[i].pos.col,
			    r->d.items[i].sev == HCSC_SEV_ERROR ? "error"
								: "warning",
			    r->d.items[i].msg);
	out = arena_strdup(r->a, r->d.nr ? sb.buf : "ok");
	strbuf_release(&sb);
	return out;
}

/* "L:C" of a position. */
static const char *lc(struct run *r, struct hcsc_pos p)
{
	return arena_printf(r->a, "%u:%u", p.line, p.col);
}

/* "L:C" of the first occurrence of `needle` in `text`, plus `skip` chars. */
static const char *lc_of(struct run *r, const char *text, const char *needle,
			 size_t skip)
{
	const char *at = strstr(text, needle);
	unsigned line = 1, col = 1;

	if (!at)
		return "(not found)";
	at += skip;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	return arena_printf(r->a, "%u:%u", line, col);
}

/* The spec printed as the OCI stage prints it (pretty or compact). */
static char *print_spec(const struct oci_spec *s, enum emit_style style)
{
	struct strbuf sb = STRBUF_INIT;
	struct json_object *j = oci_spec_to_json(s);
	const char *err = NULL;

	if (!j || emit_json(&sb, j, &shape_oci_spec, style, &err) != HCSC_OK) {
		json_object_put(j);
		strbuf_release(&sb);
		return NULL;
	}
	json_object_put(j);
	return strbuf_detach(&sb, NULL);
}

/* ---- a full Windows spec, as hcsc's OCI stage prints it ---- */

static const char full_spec[] =
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
	"      \"/c\",\n"
	"      \"echo hello world\"\n"
	"    ],\n"
	"    \"commandLine\": \"cmd /c \\\"echo hello world\\\"\",\n"
	"    \"env\": [\n"
	"      \"FOO=bar\",\n"
	"      \"A\\u003cb\\u003e=\\u0026c\"\n"
	"    ],\n"
	"    \"cwd\": \"C:\\\\src\"\n"
	"  },\n"
	"  \"root\": {\n"
	"    \"path\": \"\\\\\\\\?\\\\Volume{11111111-2222-3333-4444-555555555555}\\\\\",\n"
	"    \"readonly\": true\n"
	"  },\n"
	"  \"hostname\": \"d401761f1231\",\n"
	"  \"mounts\": [\n"
	"    {\n"
	"      \"destination\": \"c:\\\\data\",\n"
	"      \"source\": \"c:\\\\data\",\n"
	"      \"options\": [\n"
	"        \"ro\"\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"destination\": \"D:\\\\vol\",\n"
	"      \"type\": \"bind\",\n"
	"      \"source\": \"C:\\\\ProgramData\\\\docker\\\\volumes\\\\v\\\\_data\"\n"
	"    }\n"
	"  ],\n"
	"  \"annotations\": {\n"
	"    \"a\": \"2\",\n"
	"    \"z\": \"1\"\n"
	"  },\n"
	"  \"windows\": {\n"
	"    \"layerFolders\": [\n"
	"      \"C:\\\\ProgramData\\\\docker\\\\windowsfilter\\\\aaaa\",\n"
	"      \"C:\\\\ProgramData\\\\docker\\\\windowsfilter\\\\bbbb\"\n"
	"    ],\n"
	"    \"devices\": [\n"
	"      {\n"
	"        \"id\": \"5B45201D-F2F2-4F3B-85BB-30FF1F953599\",\n"
	"        \"idType\": \"class\"\n"
	"      }\n"
	"    ],\n"
	"    \"resources\": {\n"
	"      \"memory\": {\n"
	"        \"limit\": 1073741824\n"
	"      },\n"
	"      \"cpu\": {\n"
	"        \"count\": 2,\n"
	"        \"shares\": 0,\n"
	"        \"maximum\": 9000\n"
	"      },\n"
	"      \"storage\": {\n"
	"        \"iops\": 100,\n"
	"        \"bps\": 1000000,\n"
	"        \"sandboxSize\": 21474836480\n"
	"      }\n"
	"    },\n"
	"    \"credentialSpec\": \"{\\\"CmsPlugins\\\":[\\\"ActiveDirectory\\\"]}\",\n"
	"    \"servicing\": true,\n"
	"    \"ignoreFlushesDuringBoot\": true,\n"
	"    \"hyperv\": {\n"
	"      \"utilityVMPath\": \"C:\\\\uvm\"\n"
	"    },\n"
	"    \"network\": {\n"
	"      \"endpointList\": [\n"
	"        \"8C3A9A1E-1111-2222-3333-444444444444\"\n"
	"      ],\n"
	"      \"allowUnqualifiedDNSQuery\": true,\n"
	"      \"DNSSearchList\": [\n"
	"        \"example.com\"\n"
	"      ],\n"
	"      \"networkSharedContainerName\": \"other\",\n"
	"      \"networkNamespace\": \"ns1\"\n"
	"    }\n"
	"  }\n"
	"}\n";

static void test_full_values(void)
{
	struct run r;
	const struct oci_spec *s = &r.s;

	run_decode(&r, full_spec);
	CHECK(r.ok);
	CHECK_STR(diags(&r), "ok");
	CHECK_STR(s->oci_version, "1.3.0");
	CHECK(s->has_process);
	CHECK(s->process.terminal);
	CHECK(s->process.has_console_size);
	CHECK_INT(s->process.console_height, 25);
	CHECK_INT(s->process.console_width, 80);
	CHECK_INT(s->process.uid, 0);
	CHECK_STR(s->process.username, "ContainerUser");
	CHECK_INT(s->process.args.n, 3);
	CHECK_STR(s->process.args.v[2], "echo hello world");
	CHECK_STR(s->process.command_line, "cmd /c \"echo hello world\"");
	CHECK_INT(s->process.env.n, 2);
	CHECK_STR(s->process.env.v[1], "A<b>=&c");
	CHECK_STR(s->process.cwd, "C:\\src");
	CHECK(s->has_root);
	CHECK_STR(s->root.path,
		  "\\\\?\\Volume{11111111-2222-3333-4444-555555555555}\\");
	CHECK(s->root.readonly);
	CHECK_STR(s->hostname, "d401761f1231");
	CHECK_INT(s->nmounts, 2);
	CHECK_STR(s->mounts[0].destination, "c:\\data");
	CHECK_STR(s->mounts[0].type, "");
	CHECK_INT(s->mounts[0].options.n, 1);
	CHECK_STR(s->mounts[0].options.v[0], "ro");
	CHECK_STR(s->mounts[1].type, "bind");
	CHECK(!s->mounts[1].options.set);
	CHECK_INT(s->nannotations, 2);
	CHECK_STR(s->annotations[1].key, "z");
	CHECK_STR(s->annotations[1].value, "1");
	CHECK(s->has_windows);
	CHECK_INT(s->windows.layer_folders.n, 2);
	CHECK_STR(s->windows.layer_folders.v[1],
		  "C:\\ProgramData\\docker\\windowsfilter\\bbbb");
	CHECK_INT(s->windows.ndevices, 1);
	CHECK_STR(s->windows.devices[0].id_type, "class");
	CHECK(s->windows.has_resources && s->windows.has_memory &&
	      s->windows.has_cpu && s->windows.has_storage);
	CHECK(s->windows.memory_limit.set);
	CHECK_INT(s->windows.memory_limit.v, 1073741824);
	CHECK_INT(s->windows.cpu_count.v, 2);
	CHECK(s->windows.cpu_shares.set);
	CHECK_INT(s->windows.cpu_shares.v, 0);
	CHECK_INT(s->windows.cpu_maximum.v, 9000);
	CHECK_INT(s->windows.storage_sandbox_size.v, 21474836480LL);
	CHECK_INT(s->windows.credspec_kind, OCI_CREDSPEC_STRING);
	CHECK_STR(s->windows.credential_spec,
		  "{\"CmsPlugins\":[\"ActiveDirectory\"]}");
	CHECK(s->windows.servicing && s->windows.ignore_flushes_during_boot);
	CHECK(s->windows.has_hyperv);
	CHECK_STR(s->windows.utility_vm_path, "C:\\uvm");
	CHECK(s->windows.has_network);
	CHECK_STR(s->windows.endpoint_list.v[0],
		  "8C3A9A1E-1111-2222-3333-444444444444");
	CHECK(s->windows.allow_unqualified_dns_query);
	CHECK_STR(s->windows.dns_search_list.v[0], "example.com");
	CHECK_STR(s->windows.network_shared_container_name, "other");
	CHECK_STR(s->windows.network_namespace, "ns1");
	run_release(&r);
}

/* Each *_pos is the node that supplied the value. */
static void test_full_positions(void)
{
	static const struct {
		const char *needle;
		size_t skip;
		size_t which;
	} want[] = {
		{ "{", 0, 0 },                    /* spec */
		{ "\"process\": {", 11, 1 },      /* process */
		{ "\"root\": {", 8, 2 },          /* root */
		{ "\"path\": \"", 8, 3 },         /* root.path */
		{ "\"readonly\": true", 12, 4 },  /* root.readonly */
		{ "\"d401761f1231\"", 0, 5 },     /* hostname */
		{ "    {\n      \"destination\": \"D", 4, 6 }, /* mounts[1] */
		{ "\"windows\": {", 11, 7 },      /* windows */
		{ "\"layerFolders\": [", 16, 8 }, /* layerFolders */
		{ "\"C:\\\\ProgramData\\\\docker\\\\windowsfilter\\\\bbbb", 0, 9 },
		{ "      {\n        \"id\"", 6, 10 }, /* devices[0] */
		{ "\"limit\": 1", 9, 11 },        /* memory limit */
		{ "\"count\": 2", 9, 12 },
		{ "\"shares\": 0", 10, 13 },
		{ "\"maximum\": 9", 11, 14 },
		{ "\"storage\": {", 11, 15 },
		{ "\"credentialSpec\": \"", 18, 16 },
		{ "\"hyperv\": {", 10, 17 },
		{ "\"network\": {", 11, 18 },
	};
	struct run r;
	const struct oci_spec *s = &r.s;

	run_decode(&r, full_spec);
	CHECK(r.ok);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct hcsc_pos got[] = {
			s->pos, s->process.pos, s->root.pos, s->root.path_pos,
			s->root.readonly_pos, s->hostname_pos, s->mounts[1].pos,
			s->windows.pos, s->windows.layers_pos,
			s->windows.layer_pos[1], s->windows.devices[0].pos,
			s->windows.memory_pos, s->windows.cpu_count_pos,
			s->windows.cpu_shares_pos, s->windows.cpu_maximum_pos,
			s->windows.storage_pos, s->windows.credspec_pos,
			s->windows.hyperv_pos, s->windows.network_pos,
		};

		CHECK_STR(lc(&r, got[want[i].which]),
			  lc_of(&r, full_spec, want[i].needle, want[i].skip));
	}
	CHECK_STR(s->pos.file, "config.json");
	run_release(&r);
}

/* Decoded and printed again, the spec comes out byte for byte. */
static void test_full_round_trip(void)
{
	struct run r;
	char *out;

	run_decode(&r, full_spec);
	CHECK(r.ok);
	out = print_spec(&r.s, EMIT_PRETTY);
	CHECK_STR(out, full_spec);
	free(out);
	run_release(&r);
}

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

/* ---- errors and warnings, with positions ---- */

static void test_diagnostics(void)
{
	static const struct {
		const char *json;
		bool ok;
		const char *diags;
	} cases[] = {
		{ "[]", false, "1:1: error: an OCI runtime spec must be a mapping" },
		{ "null", false, "1:1: error: an OCI runtime spec must be a mapping" },
		{ "\"x\"", false, "1:1: error: an OCI runtime spec must be a mapping" },
		{ "{\"windows\":{\"resources\":{\"cpu\":{\"shares\":70000}}}}", false,
		  "1:42: error: 'windows.resources.cpu.shares' is out of range (0 to 65535)" },
		{ "{\"windows\":{\"resources\":{\"cpu\":{\"maximum\":65535}}}}", true, "ok" },
		{ "{\"windows\":{\"resources\":{\"cpu\":{\"count\":-1}}}}", false,
		  "1:41: error: 'windows.resources.cpu.count' is out of range (0 to 18446744073709551615)" },
		{ "{\"windows\":{\"resources\":{\"memory\":{\"limit\":18446744073709551616}}}}", false,
		  "1:44: error: 'windows.resources.memory.limit' is out of range (0 to 18446744073709551615)" },
		{ "{\"windows\":{\"resources\":{\"storage\":{\"iops\":1.5}}}}", false,
		  "1:44: error: 'windows.resources.storage.iops' must be an integer, not a number" },
		{ "{\"process\":{\"user\":{\"uid\":4294967296,\"gid\":4294967295}}}", false,
		  "1:27: error: 'process.user.uid' is out of range (0 to 4294967295)" },
		{ "{\"process\":{\"user\":{\"gid\":\"0\"}}}", false,
		  "1:27: error: 'process.user.gid' must be an integer, not a string" },
		{ "{\"process\":{\"terminal\":\"yes\"}}", false,
		  "1:24: error: 'process.terminal' must be true or false, not a string" },
		{ "{\"process\":{\"consoleSize\":[25,80]}}", false,
		  "1:27: error: 'process.consoleSize' must be a mapping, not a list" },
		{ "{\"process\":{\"consoleSize\":{\"height\":-1}}}", false,
		  "1:37: error: 'process.consoleSize.height' is out of range (0 to 18446744073709551615)" },
		{ "{\"process\":{\"args\":\"cmd\"}}", false,
		  "1:20: error: 'process.args' must be a list of strings, not a string" },
		{ "{\"process\":{\"env\":[\"A=1\",2]}}", false,
		  "1:26: error: 'process.env[1]' must be a string, not an integer" },
		{ "{\"process\":{\"noNewPrivileges\":\"x\"}}", false,
		  "1:31: error: 'process.noNewPrivileges' must be true or false, not a string" },
		{ "{\"process\":{\"user\":{\"umask\":-1}}}", false,
		  "1:29: error: 'process.user.umask' is out of range (0 to 4294967295)" },
		{ "{\"process\":5}", false,
		  "1:12: error: 'process' must be a mapping, not an integer" },
		{ "{\"hostname\":5,\"windows\":{\"servicing\":1}}", false,
		  "1:13: error: 'hostname' must be a string, not an integer|"
		  "1:38: error: 'windows.servicing' must be true or false, not an integer" },
		{ "{\"windows\":{\"layerFolders\":\"C:\\\\l\"}}", false,
		  "1:28: error: 'windows.layerFolders' must be a list of strings, not a string" },
		{ "{\"windows\":{\"devices\":[{\"id\":1}]}}", false,
		  "1:30: error: 'windows.devices[0].id' must be a string, not an integer" },
		{ "{\"windows\":{\"devices\":{}}}", false,
		  "1:23: error: 'windows.devices' must be a list, not a mapping" },
		{ "{\"mounts\":[{\"options\":\"ro\"}]}", false,
		  "1:23: error: 'mounts[0].options' must be a list of strings, not a string" },
		{ "{\"annotations\":{\"a\":1}}", false,
		  "1:21: error: 'annotations[a]' must be a string, not an integer" },
		{ "{\"annotations\":[]}", false,
		  "1:16: error: 'annotations' must be a mapping, not a list" },
		{ "{\"windows\":{\"credentialSpec\":1e400}}", false,
		  "1:30: error: number 1e400 in 'windows.credentialSpec' is out of range for a float64" },
		{ "{\"windows\":{\"credentialSpec\":{\"a\":[-1e999]}}}", false,
		  "1:36: error: number -1e999 in 'windows.credentialSpec' is out of range for a float64" },
		/* keys equal but for case: a duplicate (Decision 9) */
		{ "{\"windows\":{},\"Windows\":{}}", false,
		  "1:15: error: duplicate key 'Windows' (same as 'windows' at line 1, "
		  "column 2; keys match case-insensitively)" },
		{ "{\"process\":{\"Env\":[],\"ENV\":[]}}", false,
		  "1:22: error: duplicate key 'ENV' (same as 'Env' at line 1, "
		  "column 13; keys match case-insensitively)" },
		/* more than 16 keys: found through the hash table (fuzzing: a
		 * mapping of 50,000 keys used to take seconds), still against
		 * the first of the equal keys */
		{ "{\"process\":{\"terminal\":null,\"consoleSize\":null,\"user\":null,"
		  "\"args\":null,\"commandLine\":null,\"env\":null,\"cwd\":null,"
		  "\"capabilities\":null,\"rlimits\":null,\"noNewPrivileges\":null,"
		  "\"apparmorProfile\":null,\"oomScoreAdj\":null,\"selinuxLabel\":null,"
		  "\"scheduler\":null,\"ioPriority\":null,\"execCPUAffinity\":null,"
		  "\"ENV\":null,\"NoNewPRIVILEGES\":null}}", false,
		  "1:291: error: duplicate key 'ENV' (same as 'env' at line 1, "
		  "column 91; keys match case-insensitively)|"
		  "1:302: error: duplicate key 'NoNewPRIVILEGES' (same as "
		  "'noNewPrivileges' at line 1, column 148; keys match "
		  "case-insensitively)" },
		/* data-map keys are byte-exact: no duplicate */
		{ "{\"annotations\":{\"a\":\"1\",\"A\":\"2\"}}", true, "ok" },
		/* unknown keys: warnings, and the decode goes on */
		{ "{\"frobnicate\":1}", true,
		  "1:2: warning: unknown key 'frobnicate' at the top level "
		  "(ignored; not a field of specs.Spec)" },
		/* a long key is quoted cut to 64 bytes (fuzzing: aliased copies
		 * of 64 KiB keys made hundreds of MB of warnings) */
		{ "{\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		  "aaaaaa\":1}", true,
		  "1:2: warning: unknown key 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' at the top level "
		  "(ignored; not a field of specs.Spec)" },
		{ "{\"windows\":{\"layerFolder\":[]}}", true,
		  "1:13: warning: unknown key 'layerFolder' in 'windows' "
		  "(ignored; did you mean 'layerFolders'?)" },
		{ "{\"mounts\":[{\"destination\":\"C:\\\\a\",\"readonly\":true}]}", true,
		  "1:35: warning: unknown key 'readonly' in 'mounts[0]' "
		  "(ignored; not a field of specs.Mount)" },
		{ "{\"windows\":{\"resources\":{\"cpu\":{\"weight\":1,\"shares\":70000}}}}", false,
		  "1:33: warning: unknown key 'weight' in 'windows.resources.cpu' "
		  "(ignored; not a field of specs.WindowsCPUResources)|"
		  "1:53: error: 'windows.resources.cpu.shares' is out of range (0 to 65535)" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct run r;

		run_decode(&r, cases[i].json);
		if (r.ok != cases[i].ok)
			fprintf(stderr, "case %zu: %s\n", i, cases[i].json);
		CHECK_INT(r.ok, cases[i].ok);
		CHECK_STR(diags(&r), cases[i].diags);
		run_release(&r);
	}
}

/* An empty document is not a mapping either; the file names the position. */
static void test_empty_document(void)
{
	struct run r;

	run_decode(&r, "");
	CHECK(!r.ok);
	CHECK_STR(diags(&r), "1:1: error: an OCI runtime spec must be a mapping");
	CHECK_STR(r.d.items[0].pos.file, "config.json");
	run_release(&r);
}

int main(void)
{
	test_full_values();
	test_full_positions();
	test_full_round_trip();
	test_odd_case();
	test_ignored_fields();
	test_nil_empty();
	test_console_size();
	test_credential_spec();
	test_diagnostics();
	test_empty_document();
	return t_done();
}
