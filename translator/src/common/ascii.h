/*
 * ascii.h: locale-independent character helpers. Every case-insensitive
 * match in hcsc is ASCII folding (rule: hcsc.ascii-folding); <ctype.h> is never
 * used for semantics, so `tr_TR` and friends cannot change a result.
 */
#ifndef HCSC_ASCII_H
#define HCSC_ASCII_H

#include <stdbool.h>
#include <stddef.h>

static inline char ascii_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static inline char ascii_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static inline bool ascii_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool ascii_isalpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool ascii_isxdigit(char c)
{
	return ascii_isdigit(c) || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

int ascii_casecmp(const char *a, const char *b);
int ascii_ncasecmp(const char *a, const char *b, size_t n);
bool ascii_eqi(const char *a, const char *b);
/* True when s starts with prefix, ASCII case-insensitively. */
bool ascii_prefixi(const char *s, const char *prefix);
bool str_prefix(const char *s, const char *prefix);
bool str_suffix(const char *s, const char *suffix);

struct arena;
/* A lowercased copy (ASCII letters only). */
char *ascii_lowercase(struct arena *a, const char *s);

#endif
