/*
 * ipaddr.c: IPv4 and IPv6 literal syntax, as Go's net.ParseIP accepts it.
 */
#include "ipaddr.h"

#include <string.h>

#include "ascii.h"

static bool ipv4(const char *s, size_t n)
{
	size_t i = 0;

	for (int field = 0; field < 4; field++) {
		unsigned v = 0;
		size_t start = i;

		if (field && (i >= n || s[i++] != '.'))
			return false;
		start = i;
		while (i < n && ascii_isdigit(s[i]) && i - start < 3)
			v = v * 10 + (unsigned)(s[i++] - '0');
		if (i == start || v > 255 || (i - start > 1 && s[start] == '0'))
			return false;
	}
	return i == n;
}

static int hexval(char c)
{
	if (ascii_isdigit(c))
		return c - '0';
	c = ascii_lower(c);
	return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

static bool ipv6(const char *s, size_t n)
{
	size_t i = 0;
	int groups = 0;
	bool ellipsis = false;

	if (n >= 2 && s[0] == ':' && s[1] == ':') {
		ellipsis = true;
		i = 2;
		if (i == n)
			return true;
	}
	while (i < n) {
		size_t start = i;
		int digits = 0;

		while (i < n && hexval(s[i]) >= 0 && digits < 4) {
			i++;
			digits++;
		}
		if (!digits)
			return false;
		if (i < n && s[i] == '.') {
			/* A trailing IPv4 takes two groups. */
			if (!ipv4(s + start, n - start) || groups > 6)
				return false;
			groups += 2;
			i = n;
			break;
		}
		groups++;
		if (i == n)
			break;
		if (s[i] != ':' || i + 1 == n)
			return false;
		i++;
		if (s[i] == ':') {
			if (ellipsis)
				return false;
			ellipsis = true;
			i++;
			if (i == n)
				break;
		}
		if (groups > 8)
			return false;
	}
	return ellipsis ? groups < 8 : groups == 8;
}

bool ip_parse(const char *s, size_t n)
{
	return memchr(s, ':', n) ? ipv6(s, n) : ipv4(s, n);
}

bool ip_parse_trimmed(const char *s)
{
	size_t n = strlen(s);

	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		     *s == '\v' || *s == '\f')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r' || s[n - 1] == '\v' || s[n - 1] == '\f'))
		n--;
	return ip_parse(s, n);
}
