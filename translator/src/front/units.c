/*
 * front/units.c: Go's strconv and time parsers, go-units RAMInBytes and
 * docker/cli ParseCPUs, as the Docker client runs them on flag values
 * (units.h). Their error texts are the upstream ones.
 */
#include "units.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "goquote.h"

static const char *num_error(struct arena *a, const char *fn, const char *s,
			     const char *why)
{
	return arena_printf(a, "strconv.%s: parsing %s: %s", fn, go_quote(a, s),
			    why);
}

static int digit_value(char c)
{
	if (ascii_isdigit(c))
		return c - '0';
	c = ascii_lower(c);
	return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

/*
 * Go's underscoreOK for base 0: '_' only between digits or right after a
 * base prefix. `s` has no sign.
 */
static bool underscores_ok(const char *s)
{
	bool saw_prefix = false, last_digit = false;
	size_t i = 0;

	if (s[0] == '0' && s[1] && strchr("xXoObB", s[1])) {
		i = 2;
		saw_prefix = true;
		last_digit = true; /* the prefix counts as a digit */
	} else if (s[0] == '0') {
		saw_prefix = true;
	}
	for (; s[i]; i++) {
		if (s[i] == '_') {
			if (!last_digit)
				return false;
			last_digit = false;
			continue;
		}
		last_digit = true;
	}
	return saw_prefix && last_digit;
}

/* Unsigned magnitude of `s` in base 0; false on bad syntax; *ovf on
 * overflow of 64 bits. */
static bool parse_mag(const char *s, uint64_t *out, bool *ovf)
{
	unsigned base = 10;
	bool any = false, under = false;
	uint64_t v = 0;
	const char *p = s;

	*ovf = false;
	if (p[0] == '0' && p[1] && strchr("xXoObB", p[1])) {
		base = strchr("xX", p[1]) ? 16 : strchr("oO", p[1]) ? 8 : 2;
		p += 2;
	} else if (p[0] == '0' && p[1]) {
		base = 8;
		p++;
		any = true;
	}
	for (; *p; p++) {
		int d;

		if (*p == '_') {
			under = true;
			continue;
		}
		d = digit_value(*p);
		if (d >= (int)base)
			return false;
		any = true;
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			*ovf = true;
		v = v * base + (uint64_t)d;
	}
	if (!any || (under && !underscores_ok(s)))
		return false;
	*out = v;
	return true;
}

const char *go_parse_uint(struct arena *a, const char *s, unsigned bits,
			  uint64_t *out)
{
	uint64_t max = bits >= 64 ? UINT64_MAX : (1ull << bits) - 1, v;
	bool ovf;

	if (!*s || !parse_mag(s, &v, &ovf))
		return num_error(a, "ParseUint", s, "invalid syntax");
	if (ovf || v > max)
		return num_error(a, "ParseUint", s, "value out of range");
	*out = v;
	return NULL;
}

const char *go_parse_int(struct arena *a, const char *s, unsigned bits,
			 int64_t *out)
{
	const char *p = s + (*s == '+' || *s == '-');
	uint64_t lim = 1ull << (bits - 1), v;
	bool neg = *s == '-', ovf;

	if (!*p || !parse_mag(p, &v, &ovf))
		return num_error(a, "ParseInt", s, "invalid syntax");
	if (ovf || v > lim || (!neg && v == lim))
		return num_error(a, "ParseInt", s, "value out of range");
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return NULL;
}

const char *go_parse_bool(struct arena *a, const char *s, bool *out)
{
	static const char *const yes[] = { "1", "t", "T", "TRUE", "true", "True" };
	static const char *const no[] = { "0", "f", "F", "FALSE", "false", "False" };

	for (size_t i = 0; i < 6; i++) {
		if (!strcmp(s, yes[i]) || !strcmp(s, no[i])) {
			*out = !strcmp(s, yes[i]);
			return NULL;
		}
	}
	return num_error(a, "ParseBool", s, "invalid syntax");
}

/* ---- time.ParseDuration ---- */

static const struct {
	const char *name;
	uint64_t ns;
} duration_units[] = {
	{ "ns", 1 }, { "us", 1000 }, { "\xc2\xb5s", 1000 }, { "\xce\xbcs", 1000 },
	{ "ms", 1000000 }, { "s", 1000000000 }, { "m", 60000000000ull },
	{ "h", 3600000000000ull },
};

static uint64_t unit_ns(const char *u, size_t n)
{
	for (size_t i = 0; i < sizeof(duration_units) / sizeof(duration_units[0]); i++)
		if (strlen(duration_units[i].name) == n &&
		    !memcmp(duration_units[i].name, u, n))
			return duration_units[i].ns;
	return 0;
}

/* One `[0-9]*(\.[0-9]*)?unit` term; returns NULL or the error. */
static const char *duration_term(struct arena *a, const char **sp,
				 const char *orig, uint64_t *d)
{
	const char *s = *sp, *u;
	const uint64_t top = 1ull << 63;
	uint64_t v = 0, f = 0, unit;
	double scale = 1;
	bool pre = false, post = false;
	const char *bad = arena_printf(a, "time: invalid duration %s",
				       go_quote(a, orig));

	if (*s != '.' && !ascii_isdigit(*s))
		return bad;
	for (; ascii_isdigit(*s); s++, pre = true) {
		if (v > (top - 1) / 10)
			return bad;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > top)
			return bad;
	}
	if (*s == '.') {
		bool overflow = false;

		for (s++; ascii_isdigit(*s); s++, post = true) {
			if (overflow)
				continue;
			if (f > (top - 1) / 10) {
				overflow = true;
				continue;
			}
			f = f * 10 + (uint64_t)(*s - '0');
			scale *= 10;
		}
	}
	if (!pre && !post)
		return bad;
	for (u = s; *s && *s != '.' && !ascii_isdigit(*s); s++)
		;
	if (u == s)
		return arena_printf(a, "time: missing unit in duration %s",
				    go_quote(a, orig));
	unit = unit_ns(u, (size_t)(s - u));
	if (!unit)
		return arena_printf(a, "time: unknown unit %s in duration %s",
				    go_quote(a, arena_strndup(a, u, (size_t)(s - u))),
				    go_quote(a, orig));
	if (v > top / unit)
		return bad;
	v *= unit;
	if (f > 0) {
		v += (uint64_t)((double)f * ((double)unit / scale));
		if (v > top)
			return bad;
	}
	*d += v;
	*sp = s;
	return *d > top ? bad : NULL;
}

const char *go_parse_duration(struct arena *a, const char *orig, int64_t *out)
{
	const char *s = orig, *err;
	bool neg = false;
	uint64_t d = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!strcmp(s, "0")) {
		*out = 0;
		return NULL;
	}
	if (!*s)
		return arena_printf(a, "time: invalid duration %s",
				    go_quote(a, orig));
	while (*s)
		if ((err = duration_term(a, &s, orig, &d)) != NULL)
			return err;
	if (!neg && d > (uint64_t)INT64_MAX)
		return arena_printf(a, "time: invalid duration %s",
				    go_quote(a, orig));
	*out = neg ? (int64_t)(0 - d) : (int64_t)d;
	return NULL;
}

/* ---- go-units RAMInBytes ---- */

/* strconv.ParseFloat on a plain decimal (digits, '.', exponent). */
static bool parse_float(const char *s, double *out)
{
	const char *p = s + (*s == '+' || *s == '-');
	bool digits = false;
	char *end;

	for (; ascii_isdigit(*p); p++)
		digits = true;
	if (*p == '.')
		for (p++; ascii_isdigit(*p); p++)
			digits = true;
	if (digits && (*p == 'e' || *p == 'E')) {
		p++;
		p += *p == '+' || *p == '-';
		if (!ascii_isdigit(*p))
			return false;
		while (ascii_isdigit(*p))
			p++;
	}
	if (!digits || *p)
		return false;
	*out = strtod(s, &end); /* the C locale: hcsc never sets one */
	return *end == '\0';
}

const char *go_parse_float(struct arena *a, const char *s, double *out)
{
	return parse_float(s, out) ? NULL
				   : num_error(a, "ParseFloat", s, "invalid syntax");
}

/* Go's int64(f) on amd64: out of range (and NaN) is INT64_MIN. */
static int64_t go_int64(double f)
{
	if (!(f < 9223372036854775808.0) || f < -9223372036854775808.0)
		return INT64_MIN;
	return (int64_t)f;
}

static const char *bad_suffix(struct arena *a, const char *sfx)
{
	return arena_printf(a, "invalid suffix: '%s'", sfx);
}

const char *units_ram_in_bytes(struct arena *a, const char *s, int64_t *out)
{
	const char *sep = NULL, *num, *sfx;
	double size;
	char *low;

	for (const char *p = s; *p; p++)
		if (ascii_isdigit(*p) || *p == '.' || *p == ' ')
			sep = p;
	if (!sep)
		return arena_printf(a, "invalid size: '%s'", s);
	num = arena_strndup(a, s, (size_t)(sep - s) + (*sep != ' '));
	sfx = sep + 1;
	if (!parse_float(num, &size))
		return num_error(a, "ParseFloat", num, "invalid syntax");
	if (size < 0)
		return arena_printf(a, "invalid size: '%s'", s);
	if (strlen(sfx) > 3)
		return bad_suffix(a, sfx);
	low = ascii_lowercase(a, sfx);
	if (*low && *low != 'b') {
		const char *units = "kmgtp";
		const char *u = strchr(units, *low);

		if (!u)
			return bad_suffix(a, low);
		for (long i = 0; i <= u - units; i++)
			size *= 1024;
		if ((strlen(low) == 2 && low[1] != 'b') ||
		    (strlen(low) == 3 && strcmp(low + 1, "ib")))
			return bad_suffix(a, low);
	} else if (*low && low[1]) {
		return bad_suffix(a, low);
	}
	*out = go_int64(size);
	return NULL;
}

/* ---- opts.ParseCPUs: big.Rat.SetString, times 1e9 ---- */

static const char *not_rational(struct arena *a, const char *s)
{
	return arena_printf(a, "failed to parse %s as a rational number", s);
}

static uint64_t gcd(uint64_t x, uint64_t y)
{
	while (y) {
		uint64_t t = x % y;

		x = y;
		y = t;
	}
	return x;
}

/* "a/b": each side a base-0 integer (a signed). */
static const char *cpus_fraction(struct arena *a, const char *s,
				 const char *slash, int64_t *out)
{
	const char *num = arena_strndup(a, s, (size_t)(slash - s));
	const char *p = num + (*num == '+' || *num == '-');
	uint64_t n, d, g;
	bool ovf1, ovf2;

	if (!*p || !slash[1] || !parse_mag(p, &n, &ovf1) ||
	    !parse_mag(slash + 1, &d, &ovf2) || ovf1 || ovf2 || d == 0)
		return not_rational(a, s);
	g = gcd(n, d);
	if (g) {
		n /= g;
		d /= g;
	}
	if (1000000000ull % d)
		return "value is too precise";
	n *= 1000000000ull / d; /* wraps as big.Int's low word would */
	*out = *num == '-' ? (int64_t)(0 - n) : (int64_t)n;
	return NULL;
}

/* [sign] digits [. digits] [e [sign] digits] */
const char *units_parse_cpus(struct arena *a, const char *s, int64_t *out)
{
	const char *p = s + (*s == '+' || *s == '-'), *slash = strchr(s, '/');
	struct strbuf_digits { char *d; size_t n; } m;
	long exp = 0, frac = 0, k;
	uint64_t v = 0;

	if (slash)
		return cpus_fraction(a, s, slash, out);
	m.d = arena_alloc(a, strlen(s) + 1);
	m.n = 0;
	for (; ascii_isdigit(*p); p++)
		m.d[m.n++] = *p;
	if (*p == '.')
		for (p++; ascii_isdigit(*p); p++, frac++)
			m.d[m.n++] = *p;
	if (!m.n)
		return not_rational(a, s);
	if (*p == 'e' || *p == 'E') {
		bool eneg;

		p++;
		eneg = *p == '-';
		p += *p == '+' || *p == '-';
		if (!ascii_isdigit(*p))
			return not_rational(a, s);
		for (; ascii_isdigit(*p); p++)
			if (exp < 100000)
				exp = exp * 10 + (*p - '0');
		exp = eneg ? -exp : exp;
	}
	if (*p)
		return not_rational(a, s);
	k = exp - frac + 9; /* nano = M * 10^k */
	while (k < 0 && m.n && m.d[m.n - 1] == '0') {
		m.n--;
		k++;
	}
	for (size_t i = 0; i < m.n; i++)
		v = v * 10 + (uint64_t)(m.d[i] - '0');
	if (k < 0 && v)
		return "value is too precise";
	for (; k > 0 && v; k--)
		v *= 10;
	*out = *s == '-' ? (int64_t)(0 - v) : (int64_t)v;
	return NULL;
}
