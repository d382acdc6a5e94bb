/*
 * mount_regex.h: the anchored regular expressions of moby's Windows mount
 * parser (daemon/volume/mounts/windows_parser.go; rule: oci.mounts.windows-parser),
 * matched on lower-cased input with Go regexp's leftmost-first submatch
 * semantics, without a regex library (the code builds for Windows too).
 */
#ifndef HCSC_OCI_MOUNT_REGEX_H
#define HCSC_OCI_MOUNT_REGEX_H

#include <stdbool.h>
#include <stddef.h>

/* Capture groups of the `-v` regex: cap[2*i] .. cap[2*i+1], or SIZE_MAX. */
enum { RX_CAP_SOURCE = 1, RX_CAP_DEST = 2, RX_CAP_MODE = 3, RX_MAX_CAPS = 4 };

enum rx_which {
	RX_SPLIT_SPEC,  /* ^rxSource rxDestination rxMode$ */
	RX_HOST_DIR,    /* ^rxHostDir$ */
	RX_DESTINATION  /* ^rxDestination$ */
};

/*
 * Does `s` match the whole regex? `cap` (may be NULL) gets the groups.
 * Direct scanners (mount_regex.c), held equal to a backtracker over the
 * regexes as written by tests/test_mount_regex.c (tests/support/
 * mount_regex_ref.c).
 */
bool rx_run_one(enum rx_which which, const char *s,
		size_t cap[2 * RX_MAX_CAPS]);

#endif
