/*
 * fuzz_from_oci.c: libFuzzer harness for `hcsc compile --from-oci`
 * (rule: hcsc.from-oci.decode): after the flag byte (fuzz_common.h) comes a config.json
 * (flag bit 0 clear: read as YAML), then optionally a NUL byte and the
 * --runtime sidecar (YAML). NUL cannot occur in either document, so the
 * split is unambiguous. Flag bit 5: --id and --owner given.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct compile_input in;
	const char *text, *nul;
	size_t len;
	uint8_t flags;

	if (size < 1)
		return 0;
	flags = data[0];
	text = (const char *)data + 1;
	len = size - 1;
	memset(&in, 0, sizeof(in));
	fuzz_input_from_flags(&in, flags);
	in.from_oci = true;
	nul = memchr(text, '\0', len);
	in.desc_data = text;
	in.desc_len = nul ? (size_t)(nul - text) : len;
	in.desc_display = flags & FUZZ_F_JSON ? "config.json" : "config.yaml";
	if (nul) {
		in.runtime_data = nul + 1;
		in.runtime_len = len - in.desc_len - 1;
		in.runtime_display = "runtime.yaml";
	}
	if (flags & FUZZ_F_EXTRA) {
		in.oci_id = "fuzz";
		in.oci_owner = "fuzzer";
	}
	fuzz_compile(&in, 1u << DOC_HCS_V1 | 1u << DOC_HCS_V2 |
				  1u << DOC_PROCESS);
	return 0;
}
