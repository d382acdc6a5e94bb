/*
 * apply/utf16.h: UTF-8 <-> UTF-16 for the HCS API, which takes and returns
 * wide strings. Our own portable converter (Windows' MultiByteToWideChar
 * would do on Windows, but this one is tested everywhere): the UTF-8 side
 * is strict, so a document is never silently mangled (the UTF-8 rules are
 * common/utf8).
 */
#ifndef HCSC_APPLY_UTF16_H
#define HCSC_APPLY_UTF16_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct strbuf;

/*
 * UTF-8 bytes s[0..n) to NUL-terminated UTF-16 in the arena; *len (may
 * be NULL) gets the number of code units without the NUL. Returns NULL
 * when s is not valid UTF-8 (overlong forms, surrogates, values above
 * U+10FFFF, truncated sequences) or holds a NUL byte, which a wide C
 * string cannot carry; *bad then gets the offset of the offending byte.
 */
uint16_t *apply_utf8_to_utf16(struct arena *a, const char *s, size_t n,
			      size_t *len, size_t *bad);

/*
 * NUL-terminated UTF-16 to UTF-8, appended to `out`. What HCS returns is
 * only shown, so an unpaired surrogate becomes U+FFFD instead of failing.
 */
void apply_utf16_to_utf8(const uint16_t *w, struct strbuf *out);

#endif
