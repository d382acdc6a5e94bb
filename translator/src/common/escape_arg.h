/*
 * escape_arg.h: Windows command-line quoting as moby builds
 * Process.CommandLine (rules: oci.command.args-escaped, process.escape-arg). escape_arg() is
 * golang.org/x/sys/windows.EscapeArg (the same algorithm as Go's
 * syscall.EscapeArg); escape_args() is moby's escapeArgs (each argument
 * escaped, then joined with single spaces). Results come from the arena.
 */
#ifndef HCSC_ESCAPE_ARG_H
#define HCSC_ESCAPE_ARG_H

#include <stddef.h>

#include "arena.h"

char *escape_arg(struct arena *a, const char *s);
/* n == 0 gives "". */
char *escape_args(struct arena *a, const char *const *args, size_t n);

#endif
