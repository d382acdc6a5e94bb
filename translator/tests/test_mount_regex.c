/*
 * test_mount_regex.c: the differential test of the mount regexes (rule:
 * oci.mounts.windows-parser). The compiler's scanners (rx_run_one,
 * mount_regex.c) must answer as the reference backtracker over the regexes
 * as written (rx_run_reference, mount_regex_ref.c): the same match for
 * each of the three regexes and the same groups of the -v spec, on every
 * string of a small alphabet up to length 6, on random strings of
 * interesting pieces (drive letters, both separators, the bytes the
 * classes exclude, modes in any case, pipes, long-path prefixes, UNC,
 * UTF-8 and invalid bytes) and on well-formed specs with random damage.
 * Any difference fails the test and prints the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "oci/parse/mount_regex.h"
#include "support/mount_regex_ref.h"
#include "support/t_support.h"
#include "t.h"

#define MAXLEN 256

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

/* splitmix64: a fixed sequence, so a failure is reproducible. */
static uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static size_t pick(size_t n)
{
	return (size_t)(rng() % n);
}

struct tally {
	long inputs, diffs;
	long matched[3];       /* by enum rx_which */
	long with_source, with_mode, pipe_dest;
};

static void print_input(const char *s)
{
	fputs("  input: \"", stderr);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
			fputc(*p, stderr);
		else
			fprintf(stderr, "\\x%02x", *p);
	}
	fputs("\"\n", stderr);
}

/* A group bound for printing: -1 when unset. */
static long long slot(size_t v)
{
	return v == SIZE_MAX ? -1 : (long long)v;
}

/* One input against both engines, all three regexes. */
static void compare(struct tally *t, const char *s)
{
	static const char *const names[] = { "split", "hostdir", "destination" };

	t->inputs++;
	for (int w = RX_SPLIT_SPEC; w <= RX_DESTINATION; w++) {
		size_t got[2 * RX_MAX_CAPS], want[2 * RX_MAX_CAPS];
		bool g, r;

		memset(got, 0xab, sizeof(got));
		memset(want, 0xab, sizeof(want));
		g = rx_run_one((enum rx_which)w, s, got);
		r = rx_run_reference((enum rx_which)w, s, want);
		if (g == r && !memcmp(got, want, sizeof(got))) {
			t->matched[w] += r;
			continue;
		}
		if (t->diffs++ < 10) {
			fprintf(stderr, "%s: scanner %d, reference %d\n",
				names[w], g, r);
			print_input(s);
			for (int i = 0; i < 2 * RX_MAX_CAPS; i++)
				fprintf(stderr, "  cap[%d] %lld %lld\n", i,
					slot(got[i]), slot(want[i]));
		}
	}
}

static void compare_each(void *t, const char *s)
{
	compare(t, s);
}

/* Every string over `alpha` of length 0 .. max. */
static void exhaustive(struct tally *t, const char *alpha, size_t max)
{
	for (size_t len = 0; len <= max; len++)
		t_each_string(alpha, len, compare_each, t);
}

static const char *const pieces[] = {
	"c", "d", "z", "a", "C", "Z", "x", ":", ":", "\\", "\\", "/", "|",
	"?", "*", "\"", "<", ">", "\r", "\n", " ", ".", "..", "ro", "rw",
	"RO", "rW", "Ro", ":ro", ":rw", ":RW", ":rx", "pipe", "PIPE",
	"\\\\.\\pipe\\", "//./pipe/", "\\/x/pipe\\", "\\\\:\\pipe\\",
	"\\\\\n\\pipe\\", "\\\\\xc3\xa9\\pipe\\", "\\\\\xff\\pipe\\",
	"\\\\?\\", "\\\\?\\c:", "\\\\", "c:", "c:\\", "d:/", "C:\\",
	"\\\\server\\share", "con", "name", "vol1", "\xc3\xa9", "\xe6\x97\xa5",
	"\xff", "\xc3", "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\xe2\x82",
	"\xc0\xaf", "\xc2\x85",
};

#define NPIECES (sizeof(pieces) / sizeof(pieces[0]))

static size_t append(char *s, size_t len, const char *piece)
{
	size_t k = strlen(piece);

	if (len + k >= MAXLEN)
		return len;
	memcpy(s + len, piece, k + 1);
	return len + k;
}

/* Strings of 1 to 14 random pieces. */
static void random_pieces(struct tally *t, long count)
{
	char s[MAXLEN];

	for (long i = 0; i < count; i++) {
		size_t n = 1 + pick(14), len = 0;

		s[0] = '\0';
		for (size_t k = 0; k < n; k++)
			len = append(s, len, pieces[pick(NPIECES)]);
		compare(t, s);
	}
}

static const char *const sources[] = {
	"c:\\src", "d:/a/b", "\\\\?\\c:\\long", "c:\\", "name", "con",
	"\\\\.\\pipe\\p", "//./pipe/docker_engine", "\\\\:\\pipe\\x",
	"c:\\a|b", "\xc3\xa9t\xc3\xa9", "c:\\x\\", "v|1",
};
static const char *const dests[] = {
	"c:\\dst", "d:", "d:\\", "c:/a/b/", "\\\\?\\d:\\x", "e:\\a|b",
	"\\\\.\\pipe\\q", "//./pipe/q:", "\\\\:\\pipe\\y", "c:\\\\x",
	"z:\\\xc3\xa9",
};
static const char *const modes[] = { "", ":ro", ":rw", ":RO", ":Rw", ":rx",
				     ":" };

/* A random byte of the interesting alphabet. */
static char random_byte(void)
{
	static const char alpha[] = "cdzC:\\/|?*\"<>\r\n .rowp\xc3\xa9\xff";

	return alpha[pick(sizeof(alpha) - 1)];
}

/* Damage s in place: replace, insert or delete a byte. */
static size_t mutate(char *s, size_t len)
{
	size_t at = len ? pick(len) : 0;

	switch (pick(3)) {
	case 0:
		if (len)
			s[at] = random_byte();
		break;
	case 1:
		if (len + 1 < MAXLEN) {
			memmove(s + at + 1, s + at, len - at + 1);
			s[at] = random_byte();
			len++;
		}
		break;
	default:
		if (len) {
			memmove(s + at, s + at + 1, len - at);
			len--;
		}
		break;
	}
	return len;
}

/* [source:]destination[:mode], half of them damaged once or twice. */
static void random_specs(struct tally *t, long count)
{
	char s[MAXLEN];

	for (long i = 0; i < count; i++) {
		size_t len = 0, damage = pick(4);
		size_t cap[2 * RX_MAX_CAPS];

		s[0] = '\0';
		if (pick(3)) {
			len = append(s, len, sources[pick(sizeof(sources) /
							  sizeof(sources[0]))]);
			len = append(s, len, ":");
		}
		len = append(s, len, dests[pick(sizeof(dests) / sizeof(dests[0]))]);
		len = append(s, len, modes[pick(sizeof(modes) / sizeof(modes[0]))]);
		for (size_t k = 0; k < damage && k < 2; k++)
			len = mutate(s, len);
		compare(t, s);
		if (rx_run_reference(RX_SPLIT_SPEC, s, cap)) {
			t->with_source += cap[2 * RX_CAP_SOURCE] != SIZE_MAX;
			t->with_mode += cap[2 * RX_CAP_MODE] != SIZE_MAX;
			t->pipe_dest += s[cap[2 * RX_CAP_DEST]] == '\\' ||
					s[cap[2 * RX_CAP_DEST]] == '/';
		}
	}
}

/* Long inputs: both engines agree far beyond the reference's stack room. */
static void long_inputs(struct tally *t)
{
	static char s[20000];
	size_t n = sizeof(s) - 8;

	memcpy(s, "c:\\", 3);
	for (size_t i = 3; i < n; i++)
		s[i] = i % 2 ? 'a' : '\\';
	s[n] = '\0';
	compare(t, s);
	memcpy(s + n, ":ro", 4);
	compare(t, s);
	s[n / 2] = '\\'; /* a doubled separator in the middle */
	compare(t, s);
}

int main(void)
{
	struct tally t = { 0 };

	exhaustive(&t, "c:\\/row|*R", 6);
	random_pieces(&t, 300000);
	random_specs(&t, 200000);
	long_inputs(&t);
	fprintf(stderr,
		"%ld inputs, %ld differences; matches: split %ld, hostdir %ld, "
		"destination %ld; specs with a source %ld, a mode %ld, a pipe "
		"destination %ld\n",
		t.inputs, t.diffs, t.matched[RX_SPLIT_SPEC],
		t.matched[RX_HOST_DIR], t.matched[RX_DESTINATION],
		t.with_source, t.with_mode, t.pipe_dest);
	CHECK(t.inputs >= 1000000);
	CHECK_INT(t.diffs, 0);
	/* the generators reach every part of the regexes */
	CHECK(t.matched[RX_SPLIT_SPEC] > 10000);
	CHECK(t.matched[RX_HOST_DIR] > 1000);
	CHECK(t.matched[RX_DESTINATION] > 5000);
	CHECK(t.with_source > 10000);
	CHECK(t.with_mode > 10000);
	CHECK(t.pipe_dest > 1000);
	return t_done();
}
