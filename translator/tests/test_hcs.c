/*
 * test_hcs.c: the HCS stage (hcs/hcs.h) against hcsshim v0.8.6's
 * createWindowsContainerDocument rules (reference/hcsshim-hcs.md §6.2 with
 * §6.3 E1-E3, §7.4 DERIVED examples) and DESIGN.md Decisions 1-5, 14, 47,
 * 48, 52, 53. Each case builds an OCI spec in C, lowers it and compares
 * the three documents, printed compactly through the shapes, with
 * expected bytes derived by hand from the rules, plus every diagnostic.
 *
 * In the expected documents `~` stands for a JSON-escaped backslash (the
 * two bytes `\\`) and `^` for a JSON-escaped quote (`\"`), so Windows
 * paths stay readable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "emit/gojson.h"
#include "hcs/hcs.h"
#include "model/host.h"
#include "strbuf.h"
#include "t.h"

#define F "t.yaml"

/* Line numbers of the positions the fixture gives, to check where. */
enum {
	L_SPEC = 1,
	L_WINDOWS = 2,
	L_LAYERS = 3,
	L_ROOT = 4,
	L_ROOT_PATH = 5,
	L_READONLY = 6,
	L_CPU_COUNT = 7,
	L_MEMORY = 8,
	L_NETWORK = 9,
	L_NETNS = 10,
	L_RUNTIME = 11,
	L_LAYER_ID = 20, /* + index */
	L_MOUNT = 30     /* + index */
};

#define GA "aaaaaaaa-0000-4000-8000-00000000000a"
#define GB "bbbbbbbb-0000-4000-8000-00000000000b"
#define VOL "~~?~Volume{00000000-0000-0000-0000-000000000001}"
#define VSMB "~~?~VMSMB~VSMB-{dcc079ae-60ba-4d07-847c-3493609c0870}~"
/* uuid5(08f59fc9-1fa9-5a66-ae23-04b526e71b67, X), from Python's uuid. */
#define U_LAYER_A "135f5f5d-d004-5e4e-8060-5a2d8ece661a"
#define U_LAYER_B "82621873-f394-5444-bbda-464e9dd6b8ab"
#define U_LAYER_C "13b7fab0-20d4-5694-b3c8-1714fccfb6c1"
#define U_NETNS_C1 "563d514f-bff2-5a4c-8a76-ebcdf75ba8c5"

#define V1_HEAD "{\"SystemType\":\"Container\",\"Name\":\"c1\",\"Owner\":\"own\""
#define V1_LAYERS \
	"\"Layers\":[{\"ID\":\"" GA "\",\"Path\":\"C:~L~a\"},{\"ID\":\"" GB \
	"\",\"Path\":\"C:~L~b\"}]"
#define V1_ARGON_TOP \
	V1_HEAD ",\"VolumePath\":\"" VOL "\",\"LayerFolderPath\":\"C:~S~c1\"," \
	V1_LAYERS
#define V2_HEAD \
	"{\"Owner\":\"own\",\"SchemaVersion\":{\"Major\":2,\"Minor\":1},"
#define V2_TAIL ",\"ShouldTerminateOnLastHandleClosed\":true}"
#define V2_LAYERS \
	"\"Layers\":[{\"Id\":\"" GA "\",\"Path\":\"C:~L~a\"},{\"Id\":\"" GB \
	"\",\"Path\":\"C:~L~b\"}]"
#define V2_STORAGE "\"Storage\":{" V2_LAYERS ",\"Path\":\"" VOL "~\"}"
#define V2_ARGON_MIN V2_HEAD "\"Container\":{" V2_STORAGE "}" V2_TAIL
#define V1_ARGON_MIN V1_ARGON_TOP ",\"HvPartition\":false}"
#define V1_XENON_TOP \
	V1_HEAD ",\"LayerFolderPath\":\"C:~S~c1\"," V1_LAYERS
#define V2_XENON_LAYERS \
	"\"Layers\":[{\"Id\":\"" GA "\",\"Path\":\"" VSMB "s1\"},{\"Id\":\"" GB \
	"\",\"Path\":\"" VSMB "s2\"}]"
#define V2_XENON_HEAD \
	V2_HEAD "\"HostingSystemId\":\"c1@vm\",\"HostedSystem\":{" \
	"\"SchemaVersion\":{\"Major\":2,\"Minor\":1},\"Container\":{"
#define V2_XENON_TAIL "}}" V2_TAIL
#define MD_ZEROS ",\"BandwidthMaximum\":0,\"IOPSMaximum\":0," \
	"\"CreateInUtilityVM\":false}"

struct fx {
	struct arena *a;
	struct diag_list d;
	struct oci_spec s;
	struct host_profile host;
	struct hcs_input in;
	const char *ids[4];
	struct hcsc_pos id_pos[4];
	struct hcsc_pos layer_pos[4];
};

static struct hcsc_pos P(unsigned line)
{
	return pos_make(F, line, 1);
}

static const char *base_layers[] = { "C:\\L\\a", "C:\\L\\b", "C:\\S\\c1" };
static const char *base_args[] = { "cmd", "/c", "echo hi" };

static void fx_init(struct fx *f, bool strict)
{
	struct oci_spec *s = &f->s;
	size_t i;

	memset(f, 0, sizeof(*f));
	f->a = arena_new();
	diag_list_init(&f->d, f->a, strict);
	s->oci_version = "1.3.0";
	s->pos = P(L_SPEC);
	s->has_process = true;
	s->process.args.v = base_args;
	s->process.args.n = 3;
	s->process.args.set = true;
	s->process.cwd = "C:\\";
	s->has_root = true;
	s->root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001}\\";
	s->root.pos = P(L_ROOT);
	s->root.path_pos = P(L_ROOT_PATH);
	s->root.readonly_pos = P(L_READONLY);
	s->has_windows = true;
	s->windows.pos = P(L_WINDOWS);
	s->windows.layer_folders.v = base_layers;
	s->windows.layer_folders.n = 3;
	s->windows.layer_folders.set = true;
	s->windows.layers_pos = P(L_LAYERS);
	for (i = 0; i < 4; i++) {
		f->layer_pos[i] = P(L_LAYERS);
		f->id_pos[i] = P(L_LAYER_ID + (unsigned)i);
	}
	s->windows.layer_pos = f->layer_pos;
	s->windows.cpu_count_pos = P(L_CPU_COUNT);
	s->windows.memory_pos = P(L_MEMORY);
	s->windows.network_pos = P(L_NETWORK);
	f->host.os_build = 20348;
	f->host.cpu_count = 4;
	f->ids[0] = GA;
	f->ids[1] = GB;
	f->in.spec = s;
	f->in.id = "c1";
	f->in.owner = "own";
	f->in.host = &f->host;
	f->in.layer_ids = f->ids;
	f->in.layer_id_pos = f->id_pos;
	f->in.nlayer_ids = 2;
	f->in.network_namespace_pos = P(L_NETNS);
	f->in.runtime_pos = P(L_RUNTIME);
}

static void fx_release(struct fx *f)
{
	diag_list_release(&f->d);
	arena_free(f->a);
}

/* `~` -> `\\`, `^` -> `\"` (see the top of the file). */
static char *expand(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	for (; *s; s++) {
		if (*s == '~')
			strbuf_add(&sb, "\\\\", 2);
		else if (*s == '^')
			strbuf_add(&sb, "\\\"", 2);
		else
			strbuf_addch(&sb, *s);
	}
	return strbuf_detach(&sb, NULL);
}

static char *print(struct json_object *v, const struct shape *shape)
{
	struct strbuf sb = STRBUF_INIT;
	const char *err = NULL;

	if (emit_json(&sb, v, shape, EMIT_COMPACT, &err) != HCSC_OK) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "emit error: %s", err ? err : "?");
	}
	return strbuf_detach(&sb, NULL);
}

static void check_doc(const char *name, struct json_object *v,
		      const struct shape *shape, const char *want)
{
	char *got, *w;

	if (!want)
		return;
	got = print(v, shape);
	w = expand(want);
	if (strcmp(got, w))
		fprintf(stderr, "case %s:\n", name);
	CHECK_STR(got, w);
	free(got);
	free(w);
}

/* ---- case setups ------------------------------------------------------- */

static struct oci_mount mk_mount(const char *src, const char *dst,
				 unsigned idx)
{
	struct oci_mount m;

	memset(&m, 0, sizeof(m));
	m.source = src;
	m.destination = dst;
	m.type = "";
	m.pos = P(L_MOUNT + idx);
	return m;
}

static void set_mounts(struct fx *f, struct oci_mount *m, size_t n)
{
	f->s.mounts = m;
	f->s.nmounts = n;
}

static void su_none(struct fx *f)
{
	(void)f;
}

static void su_hyperv(struct fx *f)
{
	f->s.windows.has_hyperv = true;
	f->s.windows.utility_vm_path = "";
	f->s.windows.hyperv_pos = P(L_WINDOWS);
	f->s.root.path = "";
}

static void su_xenon_uvm_given(struct fx *f)
{
	su_hyperv(f);
	f->in.utility_vm_path = "C:\\UVM";
}

static void su_xenon_spec_uvm(struct fx *f)
{
	su_xenon_uvm_given(f);
	f->s.windows.utility_vm_path = "D:\\U";
}

static struct oci_mount xenon_mounts[5];
static const char *ro_upper[] = { "RO" };

static void su_xenon_shares(struct fx *f)
{
	su_hyperv(f);
	xenon_mounts[0] = mk_mount("C:\\L\\a", "C:\\m1", 0);
	xenon_mounts[1] = mk_mount("C:\\h", "C:\\m2", 1);
	xenon_mounts[1].options.v = ro_upper;
	xenon_mounts[1].options.n = 1;
	xenon_mounts[1].options.set = true;
	xenon_mounts[2] = mk_mount("C:\\h", "C:\\m3", 2);
	xenon_mounts[3] = mk_mount("\\\\.\\pipe\\p1", "\\\\.\\pipe\\p2", 3);
	xenon_mounts[4] = mk_mount("c:\\h", "C:\\m4", 4);
	set_mounts(f, xenon_mounts, 5);
}

static void su_cpu(struct fx *f)
{
	f->s.windows.has_resources = true;
	f->s.windows.has_cpu = true;
	f->s.windows.cpu_count.set = true;
	f->s.windows.cpu_count.v = 8;
	f->s.windows.cpu_shares.set = true;
	f->s.windows.cpu_shares.v = 500;
	f->s.windows.cpu_maximum.set = true;
	f->s.windows.cpu_maximum.v = 5000;
}

static void su_cpu_fits(struct fx *f)
{
	f->s.windows.has_resources = true;
	f->s.windows.has_cpu = true;
	f->s.windows.cpu_count.set = true;
	f->s.windows.cpu_count.v = 4;
}

static void su_cpu_empty(struct fx *f)
{
	f->s.windows.has_resources = true;
	f->s.windows.has_cpu = true;
}

static void set_memory(struct fx *f, uint64_t limit)
{
	f->s.windows.has_resources = true;
	f->s.windows.has_memory = true;
	f->s.windows.memory_limit.set = true;
	f->s.windows.memory_limit.v = limit;
}

static void su_mem_small(struct fx *f)
{
	set_memory(f, 1000);
}

static void su_mem_whole(struct fx *f)
{
	set_memory(f, 2ULL << 30);
}

static void su_mem_odd(struct fx *f)
{
	set_memory(f, (3ULL << 20) + 1);
}

static void su_mem_2p63(struct fx *f)
{
	set_memory(f, 1ULL << 63);
}

static void su_storage_wrap(struct fx *f)
{
	f->s.windows.has_resources = true;
	f->s.windows.has_storage = true;
	f->s.windows.storage_iops.set = true;
	f->s.windows.storage_iops.v = 4294967297ULL;
	f->s.windows.storage_bps.set = true;
	f->s.windows.storage_bps.v = 2147483648ULL;
	f->s.windows.storage_sandbox_size.set = true;
	f->s.windows.storage_sandbox_size.v = 1ULL << 40;
}

static void su_storage_iops_zero32(struct fx *f)
{
	f->s.windows.has_resources = true;
	f->s.windows.has_storage = true;
	f->s.windows.storage_iops.set = true;
	f->s.windows.storage_iops.v = 4294967296ULL;
}

static struct oci_mount pipe_mounts[3];

static void su_pipes(struct fx *f)
{
	pipe_mounts[0] = mk_mount("C:\\h", "C:\\c", 0);
	pipe_mounts[1] = mk_mount("\\\\.\\pipe\\x", "\\\\.\\PIPE\\Foo", 1);
	/* E2: a pipe source with a directory destination is a directory. */
	pipe_mounts[2] = mk_mount("\\\\.\\pipe\\y", "C:\\d", 2);
	set_mounts(f, pipe_mounts, 3);
}

static void su_pipes_1607(struct fx *f)
{
	su_pipes(f);
	f->host.os_build = 14393;
}

static void su_pipes_1709(struct fx *f)
{
	su_pipes(f);
	f->host.os_build = 16299;
}

static void su_readonly(struct fx *f)
{
	static struct oci_mount m[1];

	f->s.root.readonly = true;
	/* The readonly check comes first: the typed mount is not reported. */
	m[0] = mk_mount("C:\\h", "C:\\c", 0);
	m[0].type = "bind";
	set_mounts(f, m, 1);
}

static void su_typed_mount(struct fx *f)
{
	static struct oci_mount m[2];

	m[0] = mk_mount("C:\\h", "C:\\c", 0);
	m[1] = mk_mount("C:\\h", "C:\\d", 1);
	m[1].type = "bind";
	set_mounts(f, m, 2);
}

static void su_bad_root(struct fx *f)
{
	f->s.root.path = "C:\\foo";
}

static void su_lower_volume(struct fx *f)
{
	f->s.root.path = "\\\\?\\volume{00000000-0000-0000-0000-000000000001}\\";
}

static void su_short_guid(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-00000000001}\\";
}

static void su_two_slashes(struct fx *f)
{
	f->s.root.path =
		"\\\\?\\Volume{00000000-0000-0000-0000-000000000001}\\\\";
}

static void su_no_close_brace(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001\\";
}

static void su_double_brace(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001}}";
}

static void su_no_open_brace_upper(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume0000ABCD-0000-0000-0000-00000000000F}\\";
}

static void su_no_trailing(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001}";
}

static const char *one_layer[] = { "C:\\S\\c1" };

static void su_one_folder(struct fx *f)
{
	f->s.windows.layer_folders.v = one_layer;
	f->s.windows.layer_folders.n = 1;
}

static void su_nil_folders(struct fx *f)
{
	f->s.windows.layer_folders.v = NULL;
	f->s.windows.layer_folders.n = 0;
	f->s.windows.layer_folders.set = false;
}

static void su_no_windows(struct fx *f)
{
	memset(&f->s.windows, 0, sizeof(f->s.windows));
	f->s.has_windows = false;
}

static void su_no_root(struct fx *f)
{
	f->s.has_root = false;
}

static void su_cred_object(struct fx *f)
{
	f->s.windows.credspec_kind = OCI_CREDSPEC_OTHER;
	f->s.windows.credential_spec_json = "{\"a\":1}";
}

static void su_cred_string(struct fx *f)
{
	f->s.windows.credspec_kind = OCI_CREDSPEC_STRING;
	f->s.windows.credential_spec = "{\"CmsPlugins\":[\"ActiveDirectory\"]}";
}

static const char *endpoints[] = { "e1", "e2" };
static const char *dns[] = { "a.com", "b.com" };

static void su_network(struct fx *f)
{
	f->s.windows.has_network = true;
	f->s.windows.endpoint_list.v = endpoints;
	f->s.windows.endpoint_list.n = 2;
	f->s.windows.endpoint_list.set = true;
	f->s.windows.dns_search_list.v = dns;
	f->s.windows.dns_search_list.n = 2;
	f->s.windows.dns_search_list.set = true;
	f->s.windows.allow_unqualified_dns_query = true;
	f->s.windows.network_shared_container_name = "";
}

static void su_network_ns(struct fx *f)
{
	su_network(f);
	f->in.has_network_namespace = true;
	f->in.network_namespace = "ns-1";
}

static void su_network_empty(struct fx *f)
{
	f->s.windows.has_network = true;
	f->s.windows.dns_search_list.set = true; /* non-nil, empty: "" */
	f->s.windows.network_shared_container_name = "other";
	f->in.has_network_namespace = true;
	f->in.network_namespace = ""; /* Decision 52: used as given */
}

static const char *three_layers[] = { "C:\\L\\a", "C:\\L\\b\\", "C:\\X\\c",
				      "C:\\S\\c1" };

static void su_no_layer_ids(struct fx *f)
{
	f->s.windows.layer_folders.v = three_layers;
	f->s.windows.layer_folders.n = 4;
	f->in.layer_ids = NULL;
	f->in.nlayer_ids = 0;
	f->in.layer_id_pos = NULL;
}

static void su_second_id_missing(struct fx *f)
{
	f->s.windows.layer_folders.v = three_layers;
	f->s.windows.layer_folders.n = 4;
	f->ids[0] = GA;
	f->ids[1] = NULL;
	f->ids[2] = NULL;
	f->in.nlayer_ids = 3;
}

static void su_hostname(struct fx *f)
{
	f->s.hostname = "web";
	f->s.windows.ignore_flushes_during_boot = true;
}

static const char *proc_args[] = { "C:\\Program Files\\app.exe", "a\"b", "" };

static void su_proc_args(struct fx *f)
{
	f->s.process.args.v = proc_args;
	f->s.process.args.n = 3;
}

static void su_proc_cmdline(struct fx *f)
{
	f->s.process.command_line = "cmd.exe /S /C \"echo x\"";
}

static const char *env[] = { "A=1", "B=", "C", "D=x=y", "A=2", "=z" };

static void su_proc_env(struct fx *f)
{
	f->s.process.env.v = env;
	f->s.process.env.n = 6;
	f->s.process.env.set = true;
	f->s.process.username = "ContainerUser";
}

static void su_proc_tty(struct fx *f)
{
	f->s.process.terminal = true;
	f->s.process.has_console_size = true;
	f->s.process.console_height = 4294967295ULL; /* int32: -1 */
	f->s.process.console_width = 120;
	f->in.open_stdin = true;
}

static void su_proc_size_no_tty(struct fx *f)
{
	f->s.process.has_console_size = true;
	f->s.process.console_height = 30;
	f->s.process.console_width = 120;
}

static void su_no_process(struct fx *f)
{
	f->s.has_process = false;
}

/* ---- the table --------------------------------------------------------- */

struct tcase {
	const char *name;
	void (*setup)(struct fx *f);
	bool strict;
	enum hcsc_rc rc;
	const char *v1, *v2, *proc; /* NULL: not checked */
	/* Every diagnostic, in order: "E:msg" or "W:msg". */
	const char *diags[3];
	unsigned line; /* line of the first diagnostic */
};

#define NOTHING { NULL }

static const struct tcase cases[] = {
	{ "argon minimal (reference §7.4 SEED example)", su_none, false,
	  HCSC_OK, V1_ARGON_MIN, V2_ARGON_MIN,
	  "{\"CommandLine\":\"cmd /c ^echo hi^\",\"WorkingDirectory\":\"C:~\","
	  "\"CreateStdOutPipe\":true,\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
	{ "hostname and ignore flushes", su_hostname, false, HCSC_OK,
	  V1_HEAD ",\"VolumePath\":\"" VOL "\",\"IgnoreFlushesDuringBoot\":true,"
	  "\"LayerFolderPath\":\"C:~S~c1\"," V1_LAYERS ",\"HostName\":\"web\","
	  "\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{\"GuestOs\":{\"HostName\":\"web\"},"
	  V2_STORAGE "}" V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "v1 xenon, utility VM path given", su_xenon_uvm_given, false, HCSC_OK,
	  V1_XENON_TOP ",\"HvPartition\":true,"
	  "\"HvRuntime\":{\"ImagePath\":\"C:~UVM\"}}",
	  V2_XENON_HEAD "\"Storage\":{" V2_XENON_LAYERS "}" V2_XENON_TAIL,
	  NULL, NOTHING, 0 },
	{ "v1 xenon, spec utilityVMPath wins (S15c)", su_xenon_spec_uvm, false,
	  HCSC_OK,
	  V1_XENON_TOP ",\"HvPartition\":true,"
	  "\"HvRuntime\":{\"ImagePath\":\"D:~U\"}}",
	  NULL, NULL, NOTHING, 0 },
	{ "v1 xenon, base layer rule", su_hyperv, false, HCSC_OK,
	  V1_XENON_TOP ",\"HvPartition\":true,"
	  "\"HvRuntime\":{\"ImagePath\":\"C:~L~b~UtilityVM\"}}",
	  NULL, NULL, NOTHING, 0 },
	{ "v2 xenon, shares deduplicated", su_xenon_shares, false, HCSC_OK,
	  V1_XENON_TOP ",\"MappedDirectories\":["
	  "{\"HostPath\":\"C:~L~a\",\"ContainerPath\":\"C:~m1\","
	  "\"ReadOnly\":false" MD_ZEROS ","
	  "{\"HostPath\":\"C:~h\",\"ContainerPath\":\"C:~m2\","
	  "\"ReadOnly\":true" MD_ZEROS ","
	  "{\"HostPath\":\"C:~h\",\"ContainerPath\":\"C:~m3\","
	  "\"ReadOnly\":false" MD_ZEROS ","
	  "{\"HostPath\":\"c:~h\",\"ContainerPath\":\"C:~m4\","
	  "\"ReadOnly\":false" MD_ZEROS "],"
	  "\"MappedPipes\":[{\"HostPath\":\"~~.~pipe~p1\","
	  "\"ContainerPipeName\":\"p2\"}],"
	  "\"HvPartition\":true,"
	  "\"HvRuntime\":{\"ImagePath\":\"C:~L~b~UtilityVM\"}}",
	  V2_XENON_HEAD "\"Storage\":{" V2_XENON_LAYERS "},"
	  "\"MappedDirectories\":["
	  "{\"HostPath\":\"" VSMB "s1\",\"ContainerPath\":\"C:~m1\"},"
	  "{\"HostPath\":\"" VSMB "s3\",\"ContainerPath\":\"C:~m2\","
	  "\"ReadOnly\":true},"
	  "{\"HostPath\":\"" VSMB "s3\",\"ContainerPath\":\"C:~m3\"},"
	  "{\"HostPath\":\"" VSMB "s4\",\"ContainerPath\":\"C:~m4\"}],"
	  "\"MappedPipes\":[{\"ContainerPipeName\":\"p2\","
	  "\"HostPath\":\"~~.~pipe~p1\"}]" V2_XENON_TAIL,
	  NULL, NOTHING, 0 },
	{ "cpu count clamped", su_cpu, false, HCSC_OK,
	  V1_ARGON_TOP ",\"ProcessorCount\":4,\"ProcessorWeight\":500,"
	  "\"ProcessorMaximum\":5000,\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Processor\":{\"Count\":4,"
	  "\"Maximum\":5000,\"Weight\":500}}" V2_TAIL,
	  NULL,
	  { "W:Changing requested CPUCount of 8 to current number of "
	    "processors, 4" },
	  L_CPU_COUNT },
	{ "cpu count within the host", su_cpu_fits, false, HCSC_OK,
	  V1_ARGON_TOP ",\"ProcessorCount\":4,\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Processor\":{\"Count\":4}}"
	  V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "cpu section without values", su_cpu_empty, false, HCSC_OK,
	  V1_ARGON_MIN, V2_ARGON_MIN, NULL, NOTHING, 0 },
	{ "memory below 1 MiB", su_mem_small, false, HCSC_OK, V1_ARGON_MIN,
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Memory\":{}}" V2_TAIL, NULL,
	  { "W:memory limit 1000 bytes is not a whole number of MiB: HCS gets "
	    "0 MB (hcsshim rounds down)" },
	  L_MEMORY },
	{ "memory whole MiB", su_mem_whole, false, HCSC_OK,
	  V1_ARGON_TOP ",\"MemoryMaximumInMB\":2048,\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Memory\":{\"SizeInMB\":2048}}"
	  V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "memory rounded down", su_mem_odd, false, HCSC_OK,
	  V1_ARGON_TOP ",\"MemoryMaximumInMB\":3,\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Memory\":{\"SizeInMB\":3}}"
	  V2_TAIL,
	  NULL,
	  { "W:memory limit 3145729 bytes is not a whole number of MiB: HCS "
	    "gets 3 MB (hcsshim rounds down)" },
	  L_MEMORY },
	{ "memory 2^63: int64 wraps negative, int32 to 0", su_mem_2p63, false,
	  HCSC_OK,
	  V1_ARGON_TOP ",\"MemoryMaximumInMB\":-8796093022208,"
	  "\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Memory\":{}}" V2_TAIL, NULL,
	  NOTHING, 0 },
	{ "storage QoS wraps to int32", su_storage_wrap, false, HCSC_OK,
	  V1_ARGON_TOP ",\"StorageIOPSMaximum\":4294967297,"
	  "\"StorageBandwidthMaximum\":2147483648,\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{\"Storage\":{" V2_LAYERS ",\"Path\":\"" VOL
	  "~\",\"QoS\":{\"IopsMaximum\":1,\"BandwidthMaximum\":-2147483648}}}"
	  V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "storage iops 2^32: QoS {}", su_storage_iops_zero32, false, HCSC_OK,
	  V1_ARGON_TOP ",\"StorageIOPSMaximum\":4294967296,"
	  "\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{\"Storage\":{" V2_LAYERS ",\"Path\":\"" VOL
	  "~\",\"QoS\":{}}}" V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "pipes on 1709, detected by destination in any case", su_pipes_1709,
	  false, HCSC_OK,
	  V1_ARGON_TOP ",\"MappedDirectories\":["
	  "{\"HostPath\":\"C:~h\",\"ContainerPath\":\"C:~c\","
	  "\"ReadOnly\":false" MD_ZEROS ","
	  "{\"HostPath\":\"~~.~pipe~y\",\"ContainerPath\":\"C:~d\","
	  "\"ReadOnly\":false" MD_ZEROS "],"
	  "\"MappedPipes\":[{\"HostPath\":\"~~.~pipe~x\","
	  "\"ContainerPipeName\":\"Foo\"}],\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"MappedDirectories\":["
	  "{\"HostPath\":\"C:~h\",\"ContainerPath\":\"C:~c\"},"
	  "{\"HostPath\":\"~~.~pipe~y\",\"ContainerPath\":\"C:~d\"}],"
	  "\"MappedPipes\":[{\"ContainerPipeName\":\"Foo\","
	  "\"HostPath\":\"~~.~pipe~x\"}]}" V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "pipes before 1709", su_pipes_1607, false, HCSC_E_INPUT, NULL, NULL,
	  NULL,
	  { "E:named pipe mounts are not supported on this version of Windows" },
	  L_MOUNT + 1 },
	{ "readonly root", su_readonly, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - readonly is not supported for Windows "
	    "containers" },
	  L_READONLY },
	{ "typed mount", su_typed_mount, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Mount.Type 'bind' must not be set" },
	  L_MOUNT + 1 },
	{ "bad Root.Path", su_bad_root, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path 'C:\\foo' must be a volume "
	    "GUID path in the format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: `Volume` is case-sensitive", su_lower_volume, false,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\volume{00000000-0000-"
	    "0000-0000-000000000001}\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: short GUID", su_short_guid, false, HCSC_E_INPUT, NULL,
	  NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\Volume{00000000-0000-"
	    "0000-0000-00000000001}\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: two trailing backslashes", su_two_slashes, false,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\Volume{00000000-0000-"
	    "0000-0000-000000000001}\\\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: the closing brace is mandatory", su_no_close_brace, false,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\Volume{00000000-0000-"
	    "0000-0000-000000000001\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: }} accepted, backslash added", su_double_brace, false,
	  HCSC_OK,
	  V1_HEAD ",\"VolumePath\":\"~~?~Volume{00000000-0000-0000-0000-"
	  "000000000001}}\",\"LayerFolderPath\":\"C:~S~c1\"," V1_LAYERS
	  ",\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{\"Storage\":{" V2_LAYERS ",\"Path\":\"~~?~"
	  "Volume{00000000-0000-0000-0000-000000000001}}~\"}}" V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "Root.Path: no opening brace, upper-case hex", su_no_open_brace_upper,
	  false, HCSC_OK,
	  V1_HEAD ",\"VolumePath\":\"~~?~Volume0000ABCD-0000-0000-0000-"
	  "00000000000F}\",\"LayerFolderPath\":\"C:~S~c1\"," V1_LAYERS
	  ",\"HvPartition\":false}",
	  NULL, NULL, NOTHING, 0 },
	{ "Root.Path: missing trailing backslash added", su_no_trailing, false,
	  HCSC_OK, V1_ARGON_MIN, V2_ARGON_MIN, NULL, NOTHING, 0 },
	{ "one layer folder", su_one_folder, false, HCSC_E_INPUT, NULL, NULL,
	  NULL, { "E:invalid spec - not enough layer folders supplied" },
	  L_LAYERS },
	{ "nil layer folders", su_nil_folders, false, HCSC_E_INPUT, NULL, NULL,
	  NULL, { "E:invalid spec - not enough layer folders supplied" },
	  L_LAYERS },
	{ "no windows section", su_no_windows, false, HCSC_E_INPUT, NULL, NULL,
	  NULL,
	  { "E:cannot create HCS container document - OCI spec Windows section "
	    "is missing " },
	  L_SPEC },
	{ "no root", su_no_root, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:spec is invalid - root isn't populated" }, L_SPEC },
	{ "object credentialSpec ignored", su_cred_object, false, HCSC_OK,
	  V1_ARGON_MIN, V2_ARGON_MIN, NULL, NOTHING, 0 },
	{ "string credentialSpec", su_cred_string, false, HCSC_OK,
	  V1_ARGON_TOP ",\"Credentials\":\"{^CmsPlugins^:[^ActiveDirectory^]}\","
	  "\"HvPartition\":false}",
	  V2_ARGON_MIN, NULL, NOTHING, 0 },
	{ "network with namespace", su_network_ns, false, HCSC_OK,
	  V1_ARGON_TOP ",\"HvPartition\":false,\"EndpointList\":[\"e1\",\"e2\"],"
	  "\"AllowUnqualifiedDNSQuery\":true,\"DNSSearchList\":\"a.com,b.com\"}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Networking\":{"
	  "\"AllowUnqualifiedDnsQuery\":true,\"DnsSearchList\":\"a.com,b.com\","
	  "\"Namespace\":\"ns-1\"}}" V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "network, namespace placeholder", su_network, false, HCSC_OK, NULL,
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Networking\":{"
	  "\"AllowUnqualifiedDnsQuery\":true,\"DnsSearchList\":\"a.com,b.com\","
	  "\"Namespace\":\"" U_NETNS_C1 "\"}}" V2_TAIL,
	  NULL,
	  { "W:'Runtime.NetworkNamespace' is not set: using the placeholder "
	    "namespace '" U_NETNS_C1 "' (set it to the HNS namespace of the "
	    "container's endpoints)" },
	  L_NETNS },
	{ "network, namespace placeholder under --strict", su_network, true,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:'Runtime.NetworkNamespace' is not set: using the placeholder "
	    "namespace '" U_NETNS_C1 "' (set it to the HNS namespace of the "
	    "container's endpoints)" },
	  L_NETNS },
	{ "network, empty values", su_network_empty, false, HCSC_OK,
	  V1_ARGON_TOP ",\"HvPartition\":false,"
	  "\"NetworkSharedContainerName\":\"other\"}",
	  V2_HEAD "\"Container\":{" V2_STORAGE ",\"Networking\":{"
	  "\"NetworkSharedContainerName\":\"other\"}}" V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "layer IDs: placeholders, one warning", su_no_layer_ids, false,
	  HCSC_OK,
	  V1_HEAD ",\"VolumePath\":\"" VOL "\",\"LayerFolderPath\":\"C:~S~c1\","
	  "\"Layers\":[{\"ID\":\"" U_LAYER_A "\",\"Path\":\"C:~L~a\"},"
	  "{\"ID\":\"" U_LAYER_B "\",\"Path\":\"C:~L~b~\"},"
	  "{\"ID\":\"" U_LAYER_C "\",\"Path\":\"C:~X~c\"}],"
	  "\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{\"Storage\":{\"Layers\":["
	  "{\"Id\":\"" U_LAYER_A "\",\"Path\":\"C:~L~a\"},"
	  "{\"Id\":\"" U_LAYER_B "\",\"Path\":\"C:~L~b~\"},"
	  "{\"Id\":\"" U_LAYER_C "\",\"Path\":\"C:~X~c\"}],"
	  "\"Path\":\"" VOL "~\"}}" V2_TAIL,
	  NULL,
	  { "W:no layer ID given for 'C:\\L\\a' ('Runtime.LayerFolders[0].Id'): "
	    "using placeholder layer IDs (uuid5 of the folder name); hcsc "
	    "--apply asks vmcompute NameToGuid" },
	  L_LAYERS },
	{ "layer IDs: second missing, --strict", su_second_id_missing, true,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:no layer ID given for 'C:\\L\\b\\' "
	    "('Runtime.LayerFolders[1].Id'): using placeholder layer IDs "
	    "(uuid5 of the folder name); hcsc --apply asks vmcompute "
	    "NameToGuid" },
	  L_LAYER_ID + 1 },
	{ "process: args escaped", su_proc_args, false, HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"^C:~Program Files~app.exe^ a~^b ^^\","
	  "\"WorkingDirectory\":\"C:~\",\"CreateStdOutPipe\":true,"
	  "\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
	{ "process: commandLine passed through", su_proc_cmdline, false,
	  HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"cmd.exe /S /C ^echo x^\","
	  "\"WorkingDirectory\":\"C:~\",\"CreateStdOutPipe\":true,"
	  "\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
	{ "process: environment", su_proc_env, false, HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"cmd /c ^echo hi^\",\"User\":\"ContainerUser\","
	  "\"WorkingDirectory\":\"C:~\",\"Environment\":{\"\":\"z\","
	  "\"A\":\"2\",\"D\":\"x=y\"},\"CreateStdOutPipe\":true,"
	  "\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
	{ "process: terminal, console size, stdin", su_proc_tty, false, HCSC_OK,
	  NULL, NULL,
	  "{\"CommandLine\":\"cmd /c ^echo hi^\",\"WorkingDirectory\":\"C:~\","
	  "\"EmulateConsole\":true,\"CreateStdInPipe\":true,"
	  "\"CreateStdOutPipe\":true,\"ConsoleSize\":[-1,120]}",
	  NOTHING, 0 },
	/* hcsshim internal/cmd sets ConsoleSize whenever the spec has one */
	{ "process: console size without terminal", su_proc_size_no_tty, false,
	  HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"cmd /c ^echo hi^\",\"WorkingDirectory\":\"C:~\","
	  "\"CreateStdOutPipe\":true,\"CreateStdErrPipe\":true,"
	  "\"ConsoleSize\":[30,120]}",
	  NOTHING, 0 },
	{ "process: no process section", su_no_process, false, HCSC_OK, NULL,
	  NULL, "{\"CreateStdOutPipe\":true,\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
};

static void check_diags(const struct tcase *c, const struct diag_list *d)
{
	size_t i, n = 0;

	while (n < 3 && c->diags[n])
		n++;
	if (d->nr != n)
		fprintf(stderr, "case %s: %zu diagnostics\n", c->name, d->nr);
	CHECK_INT(d->nr, n);
	for (i = 0; i < n && i < d->nr; i++) {
		enum hcsc_severity sev = c->diags[i][0] == 'E' ? HCSC_SEV_ERROR
							     : HCSC_SEV_WARNING;

		CHECK_INT(d->items[i].sev, sev);
		CHECK_STR(d->items[i].msg, c->diags[i] + 2);
	}
	if (n && d->nr && c->line) {
		CHECK_STR(d->items[0].pos.file, F);
		CHECK_INT(d->items[0].pos.line, c->line);
	}
}

static void run_case(const struct tcase *c)
{
	struct fx f;
	struct hcs_result r;
	enum hcsc_rc rc;

	fx_init(&f, c->strict);
	c->setup(&f);
	rc = hcs_lower(f.a, &f.d, &f.in, &r);
	if (rc != c->rc)
		fprintf(stderr, "case %s: rc %d\n", c->name, (int)rc);
	CHECK_INT(rc, c->rc);
	check_diags(c, &f.d);
	if (rc == HCSC_OK) {
		CHECK(r.v1 && r.v2 && r.process);
		check_doc(c->name, r.v1, &shape_hcs_v1, c->v1);
		check_doc(c->name, r.v2, &shape_hcs_v2, c->v2);
		check_doc(c->name, r.process, &shape_hcs_process, c->proc);
	} else {
		CHECK(!r.v1 && !r.v2 && !r.process);
	}
	hcs_result_release(&r);
	fx_release(&f);
}

static void test_table(void)
{
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
}

/* Share numbers are lowercase hex: the 14th share is `se`. */
static void test_share_hex(void)
{
	static char names[12][8];
	static struct oci_mount m[12];
	struct fx f;
	struct hcs_result r;
	char *got, *want;
	size_t i;

	fx_init(&f, false);
	su_hyperv(&f);
	for (i = 0; i < 12; i++) {
		snprintf(names[i], sizeof(names[i]), "C:\\d%zu", i);
		m[i] = mk_mount(names[i], names[i], (unsigned)i);
	}
	set_mounts(&f, m, 12);
	CHECK_INT(hcs_lower(f.a, &f.d, &f.in, &r), HCSC_OK);
	got = print(r.v2, &shape_hcs_v2);
	want = expand("{\"HostPath\":\"" VSMB "sd\",\"ContainerPath\":\"C:~d10\"},"
		      "{\"HostPath\":\"" VSMB "se\",\"ContainerPath\":\"C:~d11\"}]");
	CHECK(strstr(got, want) != NULL);
	free(got);
	free(want);
	hcs_result_release(&r);
	fx_release(&f);
}

/* The submitted document follows the host build (RS5 = 17763). */
static void test_submit_v2(void)
{
	static const struct {
		unsigned build;
		bool v2;
	} t[] = { { 14393, false }, { 17134, false }, { 17763, true },
		  { 20348, true } };
	struct fx f;
	struct hcs_result r;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		fx_init(&f, false);
		f.host.os_build = t[i].build;
		CHECK_INT(hcs_lower(f.a, &f.d, &f.in, &r), HCSC_OK);
		CHECK_INT(r.submit_v2, t[i].v2);
		hcs_result_release(&r);
		fx_release(&f);
	}
}

int main(void)
{
	test_table();
	test_share_hex();
	test_submit_v2();
	return t_done();
}
