/*
 * golower.h: Go's strings.ToLower for valid UTF-8: every rune through
 * unicode.ToLower (the generated table unicode_lower.h, Unicode 15.0 as in
 * Go 1.23). Upstream uses it where a lowered value reaches the output:
 * moby lowercases `-v` specs before matching them, so `C:\ÄRGER` becomes
 * `c:\ärger`. (Matching keys and names is ASCII folding, rule: hcsc.ascii-folding.)
 */
#ifndef HCSC_GOLOWER_H
#define HCSC_GOLOWER_H

struct arena;

/* A lowercased copy; `s` must be valid UTF-8 (inputs are, after load). */
char *go_lower(struct arena *a, const char *s);

#endif
