/*
 * uuid.h: RFC 4122 UUIDs as 16 bytes in RFC (network, big-endian) order:
 * name-based version 5 UUIDs (SHA-1), parsing and formatting. The text form
 * is what go-winio's guid.String() prints for a GUID built from these bytes
 * with guid.FromArray (lowercase 8-4-4-4-12, no braces), and uuid5() equals
 * go-winio's guid.NewV5 and Python's uuid.uuid5.
 */
#ifndef HCSC_UUID_H
#define HCSC_UUID_H

#include <stdbool.h>
#include <stddef.h>

#define UUID_LEN 16
#define UUID_TEXT_LEN 36

/* hcsc's placeholder namespace (rule: hcsc.placeholders), as text and as bytes. */
extern const char *const hcsc_uuid_ns_text;
extern const unsigned char hcsc_uuid_ns[UUID_LEN];

/* uuid5(ns, name[0..n)): SHA-1 of ns then name, version 5, RFC variant. */
void uuid5(const unsigned char ns[UUID_LEN], const char *name, size_t n,
	   unsigned char out[UUID_LEN]);

/*
 * Parses 8-4-4-4-12 hex digits (either case), optionally wrapped in braces
 * `{...}` (both present or both absent; rules: hcsc.input.layer-id-guid, hcsc.ascii-folding). Nothing
 * else is accepted: no surrounding space, no "urn:uuid:" prefix. On failure
 * returns false and leaves out untouched.
 */
bool uuid_parse(const char *s, unsigned char out[UUID_LEN]);

/* Lowercase 8-4-4-4-12, no braces, NUL-terminated (37 bytes written). */
void uuid_format(const unsigned char u[UUID_LEN], char out[UUID_TEXT_LEN + 1]);

#endif
