/*
 * front/units.h: the number parsers the Docker client uses on flag and
 * Compose values, with their exact error texts:
 *   Go strconv ParseInt/ParseUint (base 0: 0x, 0o, 0b, 0 prefixes and
 *   underscores), ParseBool, time.ParseDuration;
 *   go-units RAMInBytes v0.5.0 (`-m 2g`, binary multipliers, decimals
 *   truncated; `invalid size: '%s'`, `invalid suffix: '%s'`);
 *   docker/cli opts.ParseCPUs (big.Rat times 1e9, `value is too precise`).
 * Each returns NULL on success or the error text (arena-owned).
 *
 * Differences, documented in README: a big.Rat mantissa with a base
 * prefix (0x1p-2) and fraction parts beyond 64 bits are refused as
 * unparsable; a ParseFloat mantissa with underscores is invalid syntax.
 */
#ifndef HCSC_FRONT_UNITS_H
#define HCSC_FRONT_UNITS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;

const char *go_parse_int(struct arena *a, const char *s, unsigned bits,
			 int64_t *out);
const char *go_parse_uint(struct arena *a, const char *s, unsigned bits,
			  uint64_t *out);
const char *go_parse_bool(struct arena *a, const char *s, bool *out);
/* strconv.ParseFloat(s, 64) on decimal syntax (digits, '.', exponent). */
const char *go_parse_float(struct arena *a, const char *s, double *out);
/* time.ParseDuration, in nanoseconds. */
const char *go_parse_duration(struct arena *a, const char *s, int64_t *out);
/* go-units RAMInBytes. */
const char *units_ram_in_bytes(struct arena *a, const char *s, int64_t *out);
/* docker/cli opts.ParseCPUs: NanoCPUs. */
const char *units_parse_cpus(struct arena *a, const char *s, int64_t *out);

#endif
