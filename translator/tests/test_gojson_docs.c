/*
 * test_gojson_docs.c: emit/shapes.c and emit/oci_json.c: the HCS v1, v2
 * and process document shapes printed as Go prints them, and
 * oci_spec_to_json for moby's default Windows spec, a full spec, and a
 * credential spec that is not a string. Expected bytes are written by hand
 * from Go's rules (golang/go src/encoding/json encode.go, indent.go;
 * Go >= 1.22); scripts/goref-test.sh checks the same code against Go
 * itself.
 */
#include "gojson_harness.h"

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

static char *print_tree(const struct oci_spec *s, enum emit_style style,
			bool full)
{
	struct json_object *v = oci_spec_to_json(s, NULL, full);
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

/*
 * The spec's bytes; the tree built without `full` (all-zero struct
 * values left out) must print the same as the one built `full`.
 */
static char *print_spec(const struct oci_spec *s, enum emit_style style)
{
	char *lean = print_tree(s, style, false);
	char *full = print_tree(s, style, true);

	CHECK_STR(lean, full);
	free(full);
	return lean;
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

	/* process.user: each field alone keeps the struct (print_spec). */
	s.process.uid = 7;
	got = print_spec(&s, EMIT_COMPACT);
	CHECK(got && strstr(got, "\"user\":{\"uid\":7,\"gid\":0}"));
	free(got);
	s.process.uid = 0;
	s.process.gid = 8;
	got = print_spec(&s, EMIT_COMPACT);
	CHECK(got && strstr(got, "\"user\":{\"uid\":0,\"gid\":8}"));
	free(got);
	s.process.gid = 0;
	s.process.username = "u";
	got = print_spec(&s, EMIT_COMPACT);
	CHECK(got && strstr(got, "\"uid\":0,\"gid\":0,\"username\":\"u\"}"));
	free(got);
	s.process.username = NULL;

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
	CHECK(oci_spec_to_json(&s, NULL, false) == NULL);
	s.windows.credential_spec_json = "[1] x";
	CHECK(oci_spec_to_json(&s, NULL, false) == NULL);
}

int main(void)
{
	test_doc_shapes();
	test_oci_default();
	test_oci_full();
	test_oci_credspec_other();
	return t_done();
}
