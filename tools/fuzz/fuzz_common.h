/*
 * fuzz_common.h: what the libFuzzer harnesses of tools/fuzz share
 * (libFuzzer, like jq's tests/jq_fuzz_*.c). Each harness turns its
 * input into an in-memory struct compile_input and runs compile_run(),
 * the whole pipeline (load -> model -> oci -> hcs -> emit) with no file
 * read, in one arena freed at the end. Built by scripts/fuzz.sh only;
 * test tooling, not part of hcsc.
 *
 * The first input byte is a set of flags, the rest the document(s):
 *   bits 0      syntax of the main document: 0 YAML, 1 JSON
 *   bits 1-2    host: 0 the built-in default (ltsc2022); 1 a profile
 *               text: build 14393, 2 CPUs, Filesystem facts, a daemon
 *               root, DNS search, credential spec files and registry;
 *               2 a profile text: build 17763, hyperv default isolation,
 *               swarm credential spec configs; 3 the built-in
 *               win10-1809 (a client SKU)
 *   bit 3       --strict
 *   bit 4       --compact
 *   bit 5       harness-specific (see each harness)
 *   bits 6-7    target: 0 the default (hcsshim-0.8.6), 1 docker,
 *               2 docker-containerd, 3 docker-19.03
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "pipeline/compile.h"

#define FUZZ_F_JSON 0x01u
#define FUZZ_F_HOST_SHIFT 1
#define FUZZ_F_HOST_MASK 0x06u
#define FUZZ_F_STRICT 0x08u
#define FUZZ_F_COMPACT 0x10u
#define FUZZ_F_EXTRA 0x20u
#define FUZZ_F_TARGET_SHIFT 6

/*
 * Fill the fields of `in` the flags decide (host, strict, style); the
 * caller sets the documents. Everything is static text.
 */
void fuzz_input_from_flags(struct compile_input *in, uint8_t flags);

/*
 * Compile `in` and check what must hold whatever the input: no internal
 * error (HCSC_E_IO, HCSC_E_USAGE), an input error always explained by an
 * error diagnostic, a success without one and with every document
 * `want_docs` (bitmask of enum compile_doc) present and valid JSON.
 * Aborts (a libFuzzer crash) when one does not hold.
 */
void fuzz_compile(const struct compile_input *in, unsigned want_docs);

#endif
