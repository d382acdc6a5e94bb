/*
 * fuzz_compile.c: libFuzzer harness for `hcsc compile DESC`: the input
 * (after the flag byte, fuzz_common.h) is a description, compiled in
 * memory to all four documents. Flag bit 5: also the documents --apply
 * submits (compile_hcs_again, rule: hcsc.apply.name-to-guid).
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct compile_input in;
	uint8_t flags;

	if (size < 1)
		return 0;
	flags = data[0];
	memset(&in, 0, sizeof(in));
	fuzz_input_from_flags(&in, flags);
	in.desc_data = (const char *)data + 1;
	in.desc_len = size - 1;
	in.desc_display = flags & FUZZ_F_JSON ? "desc.json" : "desc.yaml";
	in.keep_hcs_input = (flags & FUZZ_F_EXTRA) != 0;
	fuzz_compile(&in, (1u << DOC_COUNT) - 1);
	return 0;
}
