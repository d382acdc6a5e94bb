/*
 * test_oci_decode_errors.c: the diagnostics of oci_decode (src/oci/
 * decode.c): case duplicates, unknown keys (warnings), Go type and range
 * errors, each with its position, and an empty document.
 */
#include "oci_decode_harness.h"

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
		/* keys equal but for case: a duplicate (rule: hcsc.input.case-insensitive-keys) */
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
	test_diagnostics();
	test_empty_document();
	return t_done();
}
