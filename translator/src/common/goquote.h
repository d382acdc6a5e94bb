/*
 * goquote.h: Go's strconv.Quote (the `%q` verb) for upstream messages that
 * quote a value, e.g. `registry credential spec %q for container %s was not
 * found`. Printable runes are kept; `"` and `\` are escaped; control
 * characters use \a \b \f \n \r \t \v or \xNN; invalid UTF-8 bytes are
 * \xNN; non-printable Unicode from a fixed list (C1 controls, U+00AD,
 * U+200B..U+200F, U+2028..U+202E, U+2060..U+2064, U+FEFF, U+FFF9..U+FFFB)
 * is \uNNNN. (Go's full unicode.IsPrint table is larger; the difference is
 * documented in the README.)
 */
#ifndef HCSC_GOQUOTE_H
#define HCSC_GOQUOTE_H

struct arena;

char *go_quote(struct arena *a, const char *s);

#endif
