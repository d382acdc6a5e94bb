/*
 * fault_rename.c: a test-only LD_PRELOAD shim (Linux). With
 * HCSC_FAULT_RENAME=N in the environment, the Nth call of rename() in the
 * process fails with EIO; every other call is the C library's. It injects
 * a rename failure in the middle of `hcsc compile -o` (issue 9, class 4).
 * With HCSC_FAULT_RENAME_SIGNAL=N the Nth call first sends the process
 * SIGTERM, then renames: a termination in the middle of the set.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int rename(const char *from, const char *to)
{
	static int calls;
	static int (*real)(const char *, const char *);
	const char *n = getenv("HCSC_FAULT_RENAME");
	const char *sig = getenv("HCSC_FAULT_RENAME_SIGNAL");

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "rename");
	if (sig && ++calls == (int)strtol(sig, NULL, 10))
		kill(getpid(), SIGTERM);
	if (n && ++calls == (int)strtol(n, NULL, 10)) {
		errno = EIO;
		return -1;
	}
	return real(from, to);
}
