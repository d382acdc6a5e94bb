/*
 * test_hcs_container.c: the HCS stage's container documents against
 * hcsshim v0.8.6's createWindowsContainerDocument rules (worked
 * examples; rules: hcs.document.base, hcs.v086.resources) and
 * rules: hcs.owner, hcs.v086.cpu-count-clamp, hcs.v086.resources, hcsc.hyperv-v2.vsmb-shares, hcsc.placeholder.network-namespace, hcsc.placeholders, hcsc.placeholder.anonymous-volume, hcsc.input.layer-id-guid, process.parameters: argon and xenon documents,
 * CPU, memory and storage resources, mapped directories and pipes,
 * credential specs, networking and placeholder layer IDs; which document
 * is submitted per host build. Validation errors are in
 * test_hcs_validate.c, the process document in test_hcs_process.c.
 */
#include "hcs_harness.h"

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
	f->in.network_namespace = ""; /* rule: hcsc.input.layer-id-guid: used as given */
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

/* ---- the table --------------------------------------------------------- */

static const struct tcase cases[] = {
	{ "argon minimal (reference rule: hcs.document.base SEED example)", su_none, false,
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
};

static void test_table(void)
{
	hcs_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
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
