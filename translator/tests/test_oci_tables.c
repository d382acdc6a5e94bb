/*
 * test_oci_tables.c: the acceptance tables of rule: oci.credspec.security-opt that
 * concern the OCI stage, run through the whole stage: rule: oci.credspec.security-opt
 * TestSetWindowsCredentialSpecInSpec (host-profile stand-ins for the files,
 * registry and swarm configs; rule: hcsc.host.credential-spec-standins), rule: oci.devices TestSetupWindowsDevices,
 * and the worked examples of rule: oci.resources.spec setResourcesInSpec, plus the rule: oci.resources.validation order.
 */
#include <stdio.h>

#include "oci_harness.h"
#include "t.h"

#define CREDSPEC_HOST                                                          \
	"CredentialSpecs:\n"                                                   \
	"  Files: {dummy-cred-spec.json: '{\"We don''t need no\": \"education\"}'}\n" \
	"  Registry: {my-cred-spec: '{\"We don''t need no\": \"education\"}'}\n"
#define CONTENT "{\"We don't need no\": \"education\"}"

static const char *with_secopt(struct arena *a, const char *opts)
{
	return arena_printf(a, "Id: %s\nConfig: {Cmd: [x]}\nHostConfig: "
			       "{SecurityOpt: %s}\n" RUNTIME_FACTS,
			    "d0000000000000000000000000000000000000000000000000000000000000e1",
			    opts);
}

static void credspec_case(const char *opts, const char *host, const char *want,
			  const char *err)
{
	struct arena *a = arena_new();
	struct oci_run r;

	oci_run(&r, with_secopt(a, opts), host);
	if (err) {
		CHECK_INT(r.rc, HCSC_E_INPUT);
		if (!strstr(oci_run_error(&r), err))
			fprintf(stderr, "case %s: error [%s], want [%s]\n", opts,
				oci_run_error(&r), err);
		CHECK(strstr(oci_run_error(&r), err) != NULL);
	} else {
		CHECK_INT(r.rc, HCSC_OK);
		if (want) {
			CHECK_INT(r.spec.windows.credspec_kind, OCI_CREDSPEC_STRING);
			CHECK_STR(r.spec.windows.credential_spec, want);
		} else {
			CHECK_INT(r.spec.windows.credspec_kind, OCI_CREDSPEC_NONE);
		}
	}
	oci_run_free(&r);
	arena_free(a);
}

static void test_credspec(void)
{
	const char *inv = "invalid credential spec security option - value must "
			  "be prefixed by 'file://', 'registry://', or 'raw://' "
			  "followed by a non-empty value";
	const char *swarm = CREDSPEC_HOST
		"  Configs: {my-cred-spec: '{\"We don''t need no\": \"education\"}'}\n";

	/* 1: nil and empty SecurityOpt leave the spec alone */
	credspec_case("null", NULL, NULL, NULL);
	credspec_case("[]", NULL, NULL, NULL);
	/* 2-5: file:// */
	credspec_case("['credentialspec=file://dummy-cred-spec.json']", CREDSPEC_HOST, CONTENT, NULL);
	credspec_case("['credentialspec=file://C:\\path\\to\\my\\credspec.json']", CREDSPEC_HOST, NULL,
		      "invalid credential spec: file:// path cannot be absolute");
	credspec_case("['credentialspec=file://..\\credspec.json']", CREDSPEC_HOST, NULL,
		      "invalid credential spec: file:// path must be under C:\\ProgramData\\docker\\CredentialSpecs");
	credspec_case("['credentialspec=file://i-dont-exist.json']", CREDSPEC_HOST, NULL,
		      "failed to load credential spec for container "
		      "d0000000000000000000000000000000000000000000000000000000000000e1: "
		      "open C:\\ProgramData\\docker\\CredentialSpecs\\i-dont-exist.json: "
		      "The system cannot find the file specified.");
	/* hcsc is stricter than moby: the sibling-prefix escape is refused */
	credspec_case("['credentialspec=file://..\\CredentialSpecsEvil\\x.json']", CREDSPEC_HOST, NULL,
		      "file:// path must be under");
	/* file names match case-insensitively after Clean */
	credspec_case("['credentialspec=file://sub\\..\\DUMMY-cred-spec.json']", CREDSPEC_HOST, CONTENT, NULL);
	/* 6, 8: registry:// */
	credspec_case("['credentialspec=registry://my-cred-spec']", CREDSPEC_HOST, CONTENT, NULL);
	credspec_case("['credentialspec=registry://other']", CREDSPEC_HOST, NULL,
		      "registry credential spec \"other\" for container "
		      "d0000000000000000000000000000000000000000000000000000000000000e1 was not found");
	/* 10, 11: config:// needs a swarm-managed host */
	credspec_case("['credentialspec=config://my-cred-spec']", swarm, CONTENT, NULL);
	credspec_case("['credentialspec=config://whatever']", CREDSPEC_HOST, NULL, inv);
	credspec_case("['credentialspec=config://missing']", swarm, NULL,
		      "error getting value from config store: config missing not found");
	/* 12, 13: raw://, key and scheme case-insensitive */
	credspec_case("['credentialspec=raw://" "{\"a\": 1}" "']", NULL, "{\"a\": 1}", NULL);
	credspec_case("['CreDENtiaLSPeC=rAw://x']", NULL, "x", NULL);
	/* 14-19: bad keys, schemes and empty values */
	credspec_case("['credentialspe=config://whatever']", NULL, NULL,
		      "security option not supported: credentialspe");
	credspec_case("['credentialspec=idontexist://whatever']", NULL, NULL, inv);
	credspec_case("['credentialspec=file://']", NULL, NULL, inv);
	credspec_case("['credentialspec=registry://']", NULL, NULL, inv);
	credspec_case("['credentialspec=config://']", NULL, NULL, inv);
	credspec_case("['credentialspec=raw://']", NULL, NULL, inv);
	credspec_case("['credentialspec=rubbish']", NULL, NULL, inv);
	credspec_case("['no-new-privileges']", NULL, NULL,
		      "invalid security option: no equals sign in supplied value no-new-privileges");
	/* the last valid entry wins */
	credspec_case("['credentialspec=raw://a', 'credentialspec=raw://b']", NULL, "b", NULL);
}

static void devices_case(const char *list, const char *err, size_t n,
			 const char *const *want)
{
	struct arena *a = arena_new();
	struct oci_run r;

	oci_run(&r, arena_printf(a, "Config: {Cmd: [x]}\nHostConfig: {Devices: "
				    "%s}\n" RUNTIME_FACTS,
				 list),
		NULL);
	if (err) {
		CHECK_INT(r.rc, HCSC_E_INPUT);
		CHECK(strstr(oci_run_error(&r), err) != NULL);
	} else {
		CHECK_INT(r.rc, HCSC_OK);
		CHECK_INT(r.spec.windows.ndevices, n);
		for (size_t i = 0; i < n && i < r.spec.windows.ndevices; i++) {
			CHECK_STR(r.spec.windows.devices[i].id_type, want[2 * i]);
			CHECK_STR(r.spec.windows.devices[i].id, want[2 * i + 1]);
		}
	}
	oci_run_free(&r);
	arena_free(a);
}

static void test_devices(void)
{
	const char *w8[] = { "class", "anything", "class", "goes" };
	const char *w9[] = { "class", "anything", "klass", "goes" };

	devices_case("null", NULL, 0, NULL);
	devices_case("[{PathOnHost: class/anything}, {PathOnHost: ''}]",
		     "invalid device assignment path: '', must be 'class/ID' or 'IDType://ID'", 0, NULL);
	devices_case("[{PathOnHost: anything}, {PathOnHost: goes}]",
		     "invalid device assignment path: 'anything'", 0, NULL);
	devices_case("[{PathOnHost: class/anything}, {PathOnHost: goes}]", "'goes'", 0, NULL);
	devices_case("[{PathOnHost: klass/anything}, {PathOnHost: klass/goes}]", "'klass/anything'", 0, NULL);
	devices_case("[{PathOnHost: class/anything}, {PathOnHost: klass/goes}]", "'klass/goes'", 0, NULL);
	devices_case("[{PathOnHost: class/anything}, {PathOnHost: '://goes'}]",
		     "invalid device assignment path: '://goes', IDType cannot be empty", 0, NULL);
	devices_case("[{PathOnHost: class/anything}, {PathOnHost: class/goes}]", NULL, 2, w8);
	devices_case("[{PathOnHost: 'class://anything'}, {PathOnHost: 'klass://goes'}]", NULL, 2, w9);
	devices_case("[{PathOnHost: class/anything}, {PathOnHost: 'klass://goes'}]", NULL, 2, w9);
}

struct res_case {
	const char *isolation;
	const char *host_config;
	unsigned host_cpus;
	bool has_cpu;
	uint64_t count;
	uint16_t shares, maximum;
};

static void test_resources(void)
{
	static const struct res_case cases[] = {
		{ "process", "NanoCpus: 1500000000", 4, true, 0, 0, 3750 },
		{ "hyperv", "NanoCpus: 1500000000", 4, true, 2, 0, 7500 },
		{ "hyperv", "NanoCpus: 2000000000", 4, true, 2, 0, 0 },
		{ "process", "NanoCpus: 2000000000", 4, true, 0, 0, 5000 },
		{ "process", "NanoCpus: 100000", 4, true, 0, 0, 1 },
		{ "process", "NanoCpus: 1000000", 4, true, 0, 0, 2 },
		{ "hyperv", "NanoCpus: 10000000", 4, true, 1, 0, 100 },
		{ "process", "NanoCpus: 999999999", 3, true, 0, 0, 3333 },
		{ "process", "CpuPercent: 50", 4, true, 0, 0, 5000 },
		{ "process", "CpuShares: 512", 4, true, 0, 512, 0 },
		{ "hyperv", "CpuCount: 2", 4, true, 2, 0, 0 },
		{ "hyperv", "NanoCpus: 500000000", 4, true, 1, 0, 5000 },
		{ "process", "CpuCount: 0", 4, false, 0, 0, 0 },
		/* process: CPU count discards shares and percent (with warnings) */
		{ "process", "CpuCount: 1, CpuShares: 1000, CpuPercent: 80", 4, true, 1, 0, 0 },
		/* Hyper-V: nothing is discarded */
		{ "hyperv", "CpuCount: 1, CpuShares: 1000, CpuPercent: 80", 4, true, 1, 1000, 8000 },
	};
	struct arena *a = arena_new();

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct res_case *c = &cases[i];
		struct oci_run r;

		oci_run(&r, arena_printf(a, "Config: {Cmd: [x]}\nHostConfig: "
					    "{Isolation: %s, %s}\n" RUNTIME_FACTS,
					 c->isolation, c->host_config),
			arena_printf(a, "CpuCount: %u\n", c->host_cpus));
		CHECK_INT(r.rc, HCSC_OK);
		CHECK_INT(r.spec.windows.has_cpu, c->has_cpu);
		if (c->has_cpu) {
			CHECK_INT(r.spec.windows.cpu_count.v, c->count);
			CHECK_INT(r.spec.windows.cpu_shares.v, c->shares);
			CHECK_INT(r.spec.windows.cpu_maximum.v, c->maximum);
		}
		oci_run_free(&r);
	}
	arena_free(a);
}

static void test_resource_checks(void)
{
	static const struct {
		const char *hc;
		const char *err;
		const char *warn;
	} cases[] = {
		{ "CpuShares: 10001", "range of CPUShares is from 1 to 10000", NULL },
		{ "CpuShares: -1", "range of CPUShares is from 1 to 10000", NULL },
		{ "CpuPercent: 101", "range of CPUPercent is from 1 to 100", NULL },
		{ "CpuCount: -1", "invalid CPUCount: CPUCount cannot be negative", NULL },
		{ "NanoCpus: 1, CpuPercent: 1", "conflicting options: Nano CPUs and CPU Percent cannot both be set", NULL },
		{ "NanoCpus: 1, CpuShares: 1", "conflicting options: Nano CPUs and CPU Shares cannot both be set", NULL },
		{ "NanoCpus: 4000000001", "range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available", NULL },
		{ "NanoCpus: -5", "range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available", NULL },
		{ "NanoCpus: 4000000000", NULL, NULL },
		{ "CpuCount: 2, NanoCpus: 1, CpuShares: 5", NULL, "CPU count takes priority over CPU shares" },
		{ "CpuShares: 5, CpuPercent: 5", NULL, "CPU shares takes priority over CPU percent" },
		{ "BlkioWeight: 10", "invalid option: Windows does not support BlkioWeight", NULL },
		{ "CpuPeriod: 1", "invalid option: Windows does not support CPUPeriod", NULL },
		{ "MemorySwappiness: -1", NULL, NULL },
		{ "MemorySwappiness: 0", "invalid option: Windows does not support MemorySwappiness", NULL },
		{ "OomKillDisable: false", NULL, NULL },
		{ "OomKillDisable: true", "invalid option: Windows does not support OomKillDisable", NULL },
		{ "Ulimits: [{Name: nofile, Hard: 1, Soft: 1}]", "invalid option: Windows does not support Ulimits", NULL },
		{ "CpusetCpus: '0-1', CgroupParent: x", "invalid option: Windows does not support CgroupParent", NULL },
		{ "Memory: -1", NULL, NULL },
	};
	struct arena *a = arena_new();

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct oci_run r;

		oci_run(&r, arena_printf(a, "Config: {Cmd: [x]}\nHostConfig: "
					    "{Isolation: process, %s}\n" RUNTIME_FACTS,
					 cases[i].hc),
			NULL);
		if (cases[i].err) {
			CHECK_STR(oci_run_error(&r), cases[i].err);
		} else {
			CHECK_INT(r.rc, HCSC_OK);
		}
		if (cases[i].warn)
			CHECK(oci_run_warned(&r, cases[i].warn));
		oci_run_free(&r);
	}
	arena_free(a);
}

int main(void)
{
	test_credspec();
	test_devices();
	test_resources();
	test_resource_checks();
	return t_done();
}
