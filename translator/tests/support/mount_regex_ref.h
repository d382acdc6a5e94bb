/*
 * mount_regex_ref.h: the reference engine for moby's Windows mount regexes
 * (mount_regex_ref.c), the oracle of tests/test_mount_regex.c.
 */
#ifndef HCSC_TESTS_MOUNT_REGEX_REF_H
#define HCSC_TESTS_MOUNT_REGEX_REF_H

#include <stdbool.h>
#include <stddef.h>

#include "oci/parse/mount_regex.h"

/* What rx_run_one must answer: the regexes as written, run by a
 * backtracker with Go's leftmost-first submatches. */
bool rx_run_reference(enum rx_which which, const char *s,
		      size_t cap[2 * RX_MAX_CAPS]);

#endif
