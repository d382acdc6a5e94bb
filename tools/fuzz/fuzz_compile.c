/*
 * fuzz_compile.c: libFuzzer harness for `hcsc compile DESC`: the input
 * (after the flag byte, fuzz_common.h) is a description, compiled in
 * memory to all four documents. Flag bit 5: layer IDs forced as --apply
 * does (rule: hcsc.apply.name-to-guid), the first given, the second left NULL.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *forced_ids[] = {
	"cd22d128-903e-550a-9d8f-aa8134ca1c9b", NULL
};

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
	if (flags & FUZZ_F_EXTRA) {
		in.forced_layer_ids = forced_ids;
		in.nforced_layer_ids = 2;
	}
	fuzz_compile(&in, (1u << DOC_COUNT) - 1);
	return 0;
}
