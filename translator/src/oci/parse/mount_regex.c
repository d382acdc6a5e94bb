/*
 * mount_regex.c: the regexes of moby's Windows mount parser
 * (rule: oci.mounts.windows-parser) answered by direct scanners:
 *
 *   rxHostDir      (?:\\\\\?\\)?[a-z]:[\\/](?:[^\\/:*?"<>|\r\n]+[\\/]?)*
 *   rxName         [^\\/:*?"<>|\r\n]+
 *   rxPipe         [/\\]{2}.[/\\]pipe[/\\][^:*?"<>|\r\n]+
 *   rxDestination  (?:\\\\\?\\)?[a-z]:(?:[\\/][^\\/:*?"<>\r\n]+)*[\\/]? | rxPipe
 *   -v spec        ^((?P<source>hostdir|name|pipe):)?(?P<destination>...)
 *                  (:(?P<mode>(?i)ro|rw))?$
 *
 * Why: the reference engine (tests/support/mount_regex_ref.c, a bit-state
 * backtracker over the regexes as written) spends about 2,000
 * instructions on a short string; a scan costs a few per byte. What the
 * scanners must equal: that engine, groups included, for every input;
 * tests/test_mount_regex.c compares them on several hundred thousand
 * random and adversarial strings and fails on any difference.
 *
 * The -v spec's groups follow from where its colons can be. Only a drive
 * colon and the `.` of rxPipe (its third rune) can be a colon inside a
 * source or a destination; so each source alternative can end at one
 * colon only, and a destination never ends in `:ro`/`:rw`, so the mode is
 * there exactly when the spec ends in it. Go's leftmost-first match is
 * then the first source end, tried in the regex's priority order (hostdir,
 * name, pipe, no source), after which the rest is a destination.
 */
#include "oci/parse/mount_regex.h"

#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "utf8.h"

/*
 * What a byte is to the regexes' classes. A negated class excludes only
 * ASCII, so testing UTF-8 byte by byte equals testing runes (an invalid
 * byte is Go's RuneError, which every negated class takes).
 */
enum {
	RB_SEP = 1,      /* [\\/] */
	RB_NOT_NAME = 2, /* outside [^\\/:*?"<>|\r\n] */
	RB_NOT_DEST = 4, /* outside [^\\/:*?"<>\r\n] */
	RB_NOT_PIPE = 8  /* outside [^:*?"<>|\r\n] */
};

#define RB_NOT_ANY (RB_NOT_NAME | RB_NOT_DEST | RB_NOT_PIPE)

static const unsigned char rx_byte[256] = {
	['\\'] = RB_SEP | RB_NOT_NAME | RB_NOT_DEST,
	['/'] = RB_SEP | RB_NOT_NAME | RB_NOT_DEST,
	['|'] = RB_NOT_NAME | RB_NOT_PIPE,
	[':'] = RB_NOT_ANY,
	['*'] = RB_NOT_ANY,
	['?'] = RB_NOT_ANY,
	['"'] = RB_NOT_ANY,
	['<'] = RB_NOT_ANY,
	['>'] = RB_NOT_ANY,
	['\r'] = RB_NOT_ANY,
	['\n'] = RB_NOT_ANY,
};

static unsigned rb(char c)
{
	return rx_byte[(unsigned char)c];
}

static bool is_sep(char c)
{
	return rb(c) & RB_SEP;
}

/*
 * s[0..n) holds only separators and bytes outside `not_cls`, never two
 * separators in a row: runs of a class joined by single separators.
 */
static bool single_seps(const char *s, size_t n, unsigned not_cls)
{
	bool after_sep = false;

	for (size_t i = 0; i < n; i++) {
		unsigned b = rb(s[i]);

		if (b & RB_SEP) {
			if (after_sep)
				return false;
			after_sep = true;
		} else if (b & not_cls) {
			return false;
		} else {
			after_sep = false;
		}
	}
	return true;
}

/*
 * `(?:\\\\\?\\)?[a-z]:`: where the drive ends, or 0. The prefix is never
 * a choice: with it the string starts with `\`, without it with [a-z].
 */
static size_t drive_end(const char *s, size_t n)
{
	size_t i = n >= 4 && !memcmp(s, "\\\\?\\", 4) ? 4 : 0;

	if (i + 2 > n || s[i] < 'a' || s[i] > 'z' || s[i + 1] != ':')
		return 0;
	return i + 2;
}

/* ^rxHostDir$: the drive, a separator, then name runs and single seps. */
static bool is_host_dir(const char *s, size_t n)
{
	size_t i = drive_end(s, n);

	return i && i < n && is_sep(s[i]) &&
	       single_seps(s + i, n - i, RB_NOT_NAME);
}

/* ^rxName$ */
static bool is_name(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (rb(s[i]) & RB_NOT_NAME)
			return false;
	}
	return true;
}

/* ^rxPipe$; `.` is one rune but \n (an invalid byte is one rune). */
static bool is_pipe(const char *s, size_t n)
{
	uint32_t cp;
	size_t i, w;

	if (n < 3 || !is_sep(s[0]) || !is_sep(s[1]) || s[2] == '\n')
		return false;
	w = utf8_decode((const unsigned char *)s + 2, n - 2, &cp);
	i = 2 + (w ? w : 1);
	if (n < i + 7 || !is_sep(s[i]) || memcmp(s + i + 1, "pipe", 4) ||
	    !is_sep(s[i + 5]))
		return false;
	for (i += 6; i < n; i++) {
		if (rb(s[i]) & RB_NOT_PIPE)
			return false;
	}
	return true;
}

/*
 * ^rxDestination$: the drive, then nothing or `\` and destination runs
 * joined by single separators (one may end it); or a pipe.
 */
static bool is_destination(const char *s, size_t n)
{
	size_t i = drive_end(s, n);

	if (i)
		return i == n || (is_sep(s[i]) &&
				  single_seps(s + i, n - i, RB_NOT_DEST));
	return is_pipe(s, n);
}

/* The index of the first ':' in s[from..n), or SIZE_MAX. */
static size_t colon_from(const char *s, size_t n, size_t from)
{
	const char *p = from < n ? memchr(s + from, ':', n - from) : NULL;

	return p ? (size_t)(p - s) : SIZE_MAX;
}

/*
 * Where the source can end (its colon), in the regex's priority order:
 * hostdir (holds one colon, the drive's: ends at the second colon), name
 * (no colon: the first), pipe (a colon only as its third rune, index 2:
 * the first colon from index 3). Returns the count.
 */
static int source_ends(const char *s, size_t n, size_t end[3])
{
	size_t first = colon_from(s, n, 0), second;
	size_t third_on = colon_from(s, n, 3);
	int k = 0;

	if (first == SIZE_MAX)
		return 0;
	second = colon_from(s, n, first + 1);
	if (second != SIZE_MAX && is_host_dir(s, second))
		end[k++] = second;
	if (is_name(s, first))
		end[k++] = first;
	if (third_on != SIZE_MAX && is_pipe(s, third_on))
		end[k++] = third_on;
	return k;
}

static void set_group(size_t cap[2 * RX_MAX_CAPS], int g, size_t from,
		      size_t to)
{
	cap[2 * g] = from;
	cap[2 * g + 1] = to;
}

/* The destination and mode after a source ending at `start` - 1. */
static bool split_rest(const char *s, size_t n, size_t start, bool mode,
		       size_t g[2 * RX_MAX_CAPS])
{
	size_t end = mode ? n - 3 : n;

	if (start > end || !is_destination(s + start, end - start))
		return false;
	set_group(g, RX_CAP_DEST, start, end);
	if (mode)
		set_group(g, RX_CAP_MODE, n - 2, n);
	return true;
}

/* The -v spec: see the head of the file for why this order is Go's. */
static bool split_spec(const char *s, size_t n, size_t g[2 * RX_MAX_CAPS])
{
	size_t end[3];
	int k = source_ends(s, n, end);
	bool mode = n >= 3 && s[n - 3] == ':' && ascii_lower(s[n - 2]) == 'r' &&
		    (ascii_lower(s[n - 1]) == 'o' || ascii_lower(s[n - 1]) == 'w');

	for (int i = 0; i < k; i++) {
		if (split_rest(s, n, end[i] + 1, mode, g)) {
			set_group(g, RX_CAP_SOURCE, 0, end[i]);
			return true;
		}
	}
	return split_rest(s, n, 0, mode, g);
}

bool rx_run_one(enum rx_which which, const char *s,
		size_t cap[2 * RX_MAX_CAPS])
{
	size_t n = strlen(s);
	size_t g[2 * RX_MAX_CAPS];
	bool found;

	for (int i = 0; i < 2 * RX_MAX_CAPS; i++)
		g[i] = SIZE_MAX;
	switch (which) {
	case RX_SPLIT_SPEC:
		found = split_spec(s, n, g);
		break;
	case RX_HOST_DIR:
		found = is_host_dir(s, n);
		break;
	default:
		found = is_destination(s, n);
		break;
	}
	if (found && cap)
		memcpy(cap, g, sizeof(g));
	return found;
}
