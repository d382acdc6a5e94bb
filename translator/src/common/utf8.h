/*
 * utf8.h: UTF-8 as RFC 3629 and Go's unicode/utf8 define it: no overlong
 * forms, no surrogates, nothing above U+10FFFF. One module for every
 * stage that reads or writes UTF-8 (the loader, Go's string escaping and
 * %q, the mount regexes, JUnit sanitizing).
 */
#ifndef HCSC_UTF8_H
#define HCSC_UTF8_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

/*
 * Decode the sequence at s[0..n) (n >= 1): its length (1..4) with *cp set,
 * or 0 when the bytes are not a valid sequence (Go's utf8.DecodeRune would
 * answer RuneError, width 1).
 */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Encode a scalar value (<= U+10FFFF, not a surrogate); returns 1..4. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Offset of the first byte of s[0..n) that is not valid UTF-8, or n. */
size_t utf8_invalid_at(const unsigned char *s, size_t n);

/*
 * Append s[0..n) to out with everything a terminal could act on escaped,
 * for messages that quote user text: \n \t \r, the other C0 controls and
 * DEL as \xNN, C1 controls (U+0080-U+009F) as \u00NN, and each byte of an
 * invalid sequence as \xNN. Other text is copied as is.
 */
void utf8_escape_controls(struct strbuf *out, const char *s, size_t n);

#endif
