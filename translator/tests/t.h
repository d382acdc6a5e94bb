/*
 * t.h: the unit-test harness. A test file defines test functions, calls
 * them from main() and ends with `return t_done();`. CHECK* macros record a
 * failure with file:line and go on; t_done() prints `N passed, M failed`
 * and fails when a check failed or when no check ran at all. The counters
 * and t_done() live in the test-support library (support/t_support.c).
 */
#ifndef HCSC_T_H
#define HCSC_T_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

extern int t_pass, t_fail;

int t_done(void);

#define CHECK(cond)                                                        \
	do {                                                                   \
		if (cond) {                                                        \
			t_pass++;                                                      \
		} else {                                                           \
			t_fail++;                                                      \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__,         \
				__LINE__, #cond);                                          \
		}                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                               \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                              \
		if (g_ && w_ && !strcmp(g_, w_)) {                                 \
			t_pass++;                                                      \
		} else {                                                           \
			t_fail++;                                                      \
			fprintf(stderr, "%s:%d: got  [%s]\n%s:%d: want [%s]\n",        \
				__FILE__, __LINE__, g_ ? g_ : "(null)", __FILE__,          \
				__LINE__, w_ ? w_ : "(null)");                             \
		}                                                                  \
	} while (0)

#define CHECK_INT(got, want)                                               \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);           \
		if (g_ == w_) {                                                    \
			t_pass++;                                                      \
		} else {                                                           \
			t_fail++;                                                      \
			fprintf(stderr, "%s:%d: got %lld, want %lld (%s)\n",           \
				__FILE__, __LINE__, g_, w_, #got);                         \
		}                                                                  \
	} while (0)

#endif
