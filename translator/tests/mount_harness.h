/*
 * mount_harness.h: the shared fixture of the test_mount_parse_*.c tests:
 * moby's mockFiProvider (parser_test.go) as host filesystem facts, facts
 * that are present but empty, and a substring helper.
 */
#ifndef HCSC_MOUNT_HARNESS_H
#define HCSC_MOUNT_HARNESS_H

#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "model/host_fs.h"
#include "oci/parse/mount_parse.h"
#include "t.h"
#include "support/t_support.h"

/* moby's mockFiProvider (parser_test.go) */
static const char *mock_dirs[] = {
	"c:\\",		"c:\\windows\\",	    "c:\\windows",
	"c:\\program files", "c:\\Windows", "c:\\Program Files (x86)",
	"\\\\?\\c:\\windows\\",
};
static const char *mock_files[] = { "c:\\windows\\system32\\ntdll.dll" };

static const struct host_fs mock_fs = {
	true, mock_dirs, sizeof(mock_dirs) / sizeof(mock_dirs[0]),
	mock_files, sizeof(mock_files) / sizeof(mock_files[0]),
};

/* Facts present but empty: nothing exists. */
static const struct host_fs empty_fs = { true, NULL, 0, NULL, 0 };

static inline bool contains(const char *s, const char *sub)
{
	return t_contains(s, sub);
}

#endif
