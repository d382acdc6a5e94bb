/*
 * ipaddr.h: Go's net.ParseIP as a yes/no test: dotted IPv4 (four decimal
 * fields 0-255, no leading zeros, as Go >= 1.17), and IPv6 (hex groups,
 * one `::`, an optional trailing dotted IPv4; no zone).
 */
#ifndef HCSC_IPADDR_H
#define HCSC_IPADDR_H

#include <stdbool.h>
#include <stddef.h>

bool ip_parse(const char *s, size_t n);
/* net.ParseIP(strings.TrimSpace(s)) != nil */
bool ip_parse_trimmed(const char *s);

#endif
