/*
 * test_oci_decode_full.c: oci_decode (src/oci/decode/decode.c) on a full Windows
 * spec as hcsc's OCI stage prints it: every value decoded, the position of
 * the node that supplied each one, and the spec printed again byte for
 * byte.
 */
#include "oci_decode_harness.h"

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

int main(void)
{
	test_full_values();
	test_full_positions();
	test_full_round_trip();
	return t_done();
}
