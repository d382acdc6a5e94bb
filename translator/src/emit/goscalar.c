/*
 * goscalar.c: Go encoding/json's scalar bytes: strings (Go >= 1.22
 * escaping, invalid UTF-8 as \ufffd, HTML-safe), integers, and float64 in
 * Go's shortest round-trip format (go/src/encoding/json/encode.go). The
 * structure around them is gojson.c's.
 */
#include "goscalar.h"

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "arena.h"
#include "gojson.h"
#include "strbuf.h"
#include "utf8.h"

static const char hex_digits[] = "0123456789abcdef";

/* ---- strings ---------------------------------------------------------- */

/* The escape of an ASCII byte Go does not write raw, into buf: its length. */
static size_t ascii_escape(unsigned char b, char buf[6])
{
	char c = 0;

	switch (b) {
	case '"': c = '"'; break;
	case '\\': c = '\\'; break;
	case '\b': c = 'b'; break;
	case '\f': c = 'f'; break;
	case '\n': c = 'n'; break;
	case '\r': c = 'r'; break;
	case '\t': c = 't'; break;
	default: break; /* < > & and the other controls */
	}
	buf[0] = '\\';
	if (c) {
		buf[1] = c;
		return 2;
	}
	memcpy(buf + 1, "u00", 3);
	buf[4] = hex_digits[b >> 4];
	buf[5] = hex_digits[b & 0xf];
	return 6;
}

/*
 * Go's htmlSafeSet: 1 for the ASCII bytes written as they are. The rest
 * are escaped (ascii_escape) or, from 0x80, decoded as UTF-8.
 */
static const unsigned char raw_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 0x80-0xff: 0 */
};

/* The most bytes emit_go_string writes per input byte: \u00xx, \ufffd. */
#define GO_STRING_MAX_GROWTH 6

/*
 * The character from p[0] >= 0x80 (rest bytes left) into *o: valid UTF-8
 * as it is, U+2028, U+2029 and each invalid byte escaped. Returns the
 * input bytes used.
 */
static size_t utf8_out(const unsigned char *p, size_t rest, char **o)
{
	const char *esc = NULL;
	size_t len;
	uint32_t cp;

	len = utf8_decode(p, rest, &cp);
	if (!len) {
		esc = "\\ufffd";
		len = 1;
	} else if (cp == 0x2028 || cp == 0x2029) {
		esc = cp == 0x2028 ? "\\u2028" : "\\u2029";
	}
	if (esc) {
		memcpy(*o, esc, 6);
		*o += 6;
	} else {
		memcpy(*o, p, len);
		*o += len;
	}
	return len;
}

#ifdef __SSE2__
/* Bytes read at once by raw_run16. */
#define RAW_BLOCK 16

/*
 * Fast path: how many of the RAW_BLOCK bytes at p (all readable) start
 * with a run of raw bytes, found with SSE2 compares; must equal counting
 * while raw_byte[p[k]] is 1 (test_gojson_encode compares emit_go_string
 * with a byte-by-byte reference). The signed compare with 0x20 takes the
 * controls and every byte >= 0x80 at once; the rest of the non-raw ASCII
 * bytes are the five compared for.
 */
static size_t raw_run16(const unsigned char *p)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i bad = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
	unsigned mask;

	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('<')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('>')));
	bad = _mm_or_si128(bad, _mm_cmpeq_epi8(x, _mm_set1_epi8('&')));
	mask = (unsigned)_mm_movemask_epi8(bad);
	return mask ? (size_t)__builtin_ctz(mask) : RAW_BLOCK;
}
#endif

/*
 * Room for the worst case is made once, then the bytes are written
 * straight into the buffer as they are scanned, with no bounds check per
 * piece (the same bytes as appending piece by piece).
 */
void emit_go_string(struct strbuf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	char *o;

	if (n > (SIZE_MAX - 2) / GO_STRING_MAX_GROWTH)
		hcsc_oom();
	strbuf_grow(out, GO_STRING_MAX_GROWTH * n + 2);
	o = out->buf + out->len;
	*o++ = '"';
	while (i < n) {
#ifdef __SSE2__
		if (n - i >= RAW_BLOCK) {
			/*
			 * The whole block is copied (o has room for 6 bytes a
			 * byte still to read), the run's length kept.
			 */
			size_t k = raw_run16(p + i);

			memcpy(o, p + i, RAW_BLOCK);
			o += k;
			i += k;
			if (k == RAW_BLOCK)
				continue;
		} else
#endif
		{
			/* Runs of raw bytes, four table lookups per test. */
			while (i + 4 <= n &&
			       (raw_byte[p[i]] & raw_byte[p[i + 1]] &
				raw_byte[p[i + 2]] & raw_byte[p[i + 3]])) {
				memcpy(o, p + i, 4);
				o += 4;
				i += 4;
			}
			while (i < n && raw_byte[p[i]])
				*o++ = (char)p[i++];
			if (i == n)
				break;
		}
		if (p[i] < 0x80)
			o += ascii_escape(p[i++], o);
		else
			i += utf8_out(p + i, n - i, &o);
	}
	*o++ = '"';
	*o = '\0';
	out->len = (size_t)(o - out->buf);
}

/* ---- numbers ---------------------------------------------------------- */

void emit_go_i64(struct strbuf *out, int64_t v)
{
	if (v < 0) {
		strbuf_addch(out, '-');
		strbuf_add_u64(out, (uint64_t)0 - (uint64_t)v);
	} else {
		strbuf_add_u64(out, (uint64_t)v);
	}
}

/*
 * The shortest decimal digits that read back as x (x finite, > 0), and
 * the exponent of the first digit: x = d[0].d[1..] * 10^exp. Found by
 * printing %.Ne for growing N and reading it back with strtod; digits and
 * exponent are picked out by hand, so the locale's decimal point does not
 * matter. Go: strconv.AppendFloat(f, fmt, -1, 64).
 */
static size_t shortest_digits(double x, char digits[20], int *exp)
{
	char buf[40];
	size_t nd = 0, i;
	int prec, e = 0, neg = 0;

	for (prec = 0; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	for (i = 0; buf[i] && buf[i] != 'e'; i++) {
		if (buf[i] >= '0' && buf[i] <= '9')
			digits[nd++] = buf[i];
	}
	if (buf[i] == 'e')
		i++;
	if (buf[i] == '-' || buf[i] == '+')
		neg = buf[i++] == '-';
	for (; buf[i] >= '0' && buf[i] <= '9'; i++)
		e = e * 10 + (buf[i] - '0');
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	*exp = neg ? -e : e;
	return nd;
}

static void add_zeros(struct strbuf *out, int n)
{
	while (n-- > 0)
		strbuf_addch(out, '0');
}

/* Go floatEncoder(64): 'f' form, or 'e' below 1e-6 and from 1e21. */
void emit_go_float(struct strbuf *out, double x)
{
	char d[20];
	size_t nd;
	int exp;

	if (signbit(x))
		strbuf_addch(out, '-');
	if (x < 0)
		x = -x;
	if (x == 0) {
		strbuf_addch(out, '0');
		return;
	}
	nd = shortest_digits(x, d, &exp);
	if (x < 1e-6 || x >= 1e21) {
		strbuf_addch(out, d[0]);
		if (nd > 1) {
			strbuf_addch(out, '.');
			strbuf_add(out, d + 1, nd - 1);
		}
		strbuf_addf(out, "e%c%d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	} else if (exp < 0) {
		strbuf_addstr(out, "0.");
		add_zeros(out, -exp - 1);
		strbuf_add(out, d, nd);
	} else if ((size_t)exp + 1 >= nd) {
		strbuf_add(out, d, nd);
		add_zeros(out, exp + 1 - (int)nd);
	} else {
		strbuf_add(out, d, (size_t)exp + 1);
		strbuf_addch(out, '.');
		strbuf_add(out, d + exp + 1, nd - (size_t)exp - 1);
	}
}

