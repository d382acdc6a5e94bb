/*
 * arena.h: one compile's memory. Every node, model value and interned
 * string of a compile comes from its arena; arena_free() releases them all
 * at once. Allocation never returns NULL: on exhaustion the process ends
 * through hcsc_oom() (exit 5), as git's xmalloc does.
 */
#ifndef HCSC_ARENA_H
#define HCSC_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
/*
 * Forget everything allocated, for the next piece of work: one standard
 * block is kept for reuse, the rest is freed.
 */
void arena_reset(struct arena *a);

/* Zeroed memory, aligned for any object. */
void *arena_alloc(struct arena *a, size_t n);
/* As arena_alloc(), not zeroed: for an object the caller writes whole. */
void *arena_alloc_raw(struct arena *a, size_t n);
/* Zeroed array of n elements of size sz, with overflow check. */
void *arena_array(struct arena *a, size_t n, size_t sz);
/* Grow an arena array (old contents copied; the old block is abandoned). */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n,
		 size_t sz);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* parts[0] sep parts[1] sep ... (n parts). */
char *arena_join(struct arena *a, const char *const *parts, size_t n,
		 const char *sep);

/* Ends the process with exit status 5 after a one-line message. */
_Noreturn void hcsc_oom(void);

#endif
