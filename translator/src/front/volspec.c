/*
 * front/volspec.c: `-v` specs as docker/cli's volumespec.Parse reads
 * them (volspec.h). Options after the target (ro, rw, nocopy,
 * propagation) are not needed here: the whole spec is sent as a Bind.
 */
#include "volspec.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"

/* isWindowsDrive: one letter buffered and a ':' (ASCII letters; Go's
 * unicode.IsLetter would also take a non-ASCII one). */
static bool is_drive(const char *buf, size_t n)
{
	return n == 1 && ascii_isalpha(buf[0]);
}

static bool is_file_path(const char *s)
{
	if (s[0] == '.' || s[0] == '/' || s[0] == '~')
		return true;
	if (!s[1])
		return false;
	if (s[0] == '\\' && s[1] == '\\')
		return true;
	return ascii_isalpha(s[0]) && s[1] == ':';
}

static const char *invalid(struct arena *a, const char *spec, const char *why)
{
	return arena_printf(a, "invalid spec: %s: %s", spec, why);
}

const char *volspec_parse(struct arena *a, const char *spec,
			  struct volspec *out)
{
	size_t len = strlen(spec), start = 0;

	memset(out, 0, sizeof(*out));
	out->source = "";
	out->target = "";
	if (!len)
		return "invalid empty volume spec";
	if (len <= 2) {
		out->target = spec;
		return NULL;
	}
	for (size_t i = 0; i <= len; i++) {
		bool end = i == len;
		const char *sec;

		if (!end && spec[i] != ':')
			continue;
		if (!end && is_drive(spec + start, i - start))
			continue;
		if (i == start)
			return invalid(a, spec, "empty section between colons");
		sec = arena_strndup(a, spec + start, i - start);
		if (!*out->source && end)
			out->target = sec;
		else if (!*out->source)
			out->source = sec;
		else if (!*out->target)
			out->target = sec;
		else if (!end)
			return invalid(a, spec, "too many colons");
		start = i + 1;
	}
	out->bind = *out->source && is_file_path(out->source);
	return NULL;
}
