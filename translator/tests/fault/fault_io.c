/*
 * fault_io.c: the write half of the test-only LD_PRELOAD shim (Linux;
 * built into the same module as fault_rename.c). Each variable fails the
 * Nth call, counted over files only (standard output and error never
 * count; nor do empty writes), as a full or failing disk would; "N+" fails the Nth and every
 * later call:
 *   HCSC_FAULT_WRITE=N  the Nth fwrite() writes half its items, then
 *                       fails with ENOSPC and the stream's error flag
 *                       set, as a real failed write leaves it (a
 *                       partial temporary file);
 *   HCSC_FAULT_FSYNC=N  the Nth fsync() fails with EIO, syncing nothing;
 *   HCSC_FAULT_CLOSE=N  the Nth fclose() closes, then reports EIO (a
 *                       write error the system deferred to close).
 * Every other call is the C library's (or the sanitizer's).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Is this a call the variable `name` picks (counted by *calls)? "N":
 * the Nth; "N+": the Nth and every later one (a disk that stays full). */
static int nth(const char *name, int *calls)
{
	const char *n = getenv(name);
	char *end;
	long k;

	if (!n)
		return 0;
	k = strtol(n, &end, 10);
	++*calls;
	return *end == '+' ? *calls >= k : *calls == k;
}

static int is_std(FILE *fp)
{
	return fp == stdout || fp == stderr;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
	static int calls;
	static size_t (*real)(const void *, size_t, size_t, FILE *);

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fwrite");
	if (!is_std(fp) && size && n && nth("HCSC_FAULT_WRITE", &calls)) {
		size_t done = real(p, size, n / 2, fp);

		fp->_flags |= _IO_ERR_SEEN; /* glibc: what ferror() reads */
		errno = ENOSPC;
		return done;
	}
	return real(p, size, n, fp);
}

int fsync(int fd)
{
	static int calls;
	static int (*real)(int);

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	if (fd > 2 && nth("HCSC_FAULT_FSYNC", &calls)) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int fclose(FILE *fp)
{
	static int calls;
	static int (*real)(FILE *);

	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fclose");
	if (!is_std(fp) && nth("HCSC_FAULT_CLOSE", &calls)) {
		real(fp);
		errno = EIO;
		return EOF;
	}
	return real(fp);
}
