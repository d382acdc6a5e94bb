/*
 * grow.h: heap arrays that grow by doubling (git's ALLOC_GROW): the lists
 * that outlive one compile (diagnostics, a scan's cases, a listing's
 * names, check's host-profile cache). An arena's arrays use arena_grow.
 */
#ifndef HCSC_GROW_H
#define HCSC_GROW_H

#include <stddef.h>

/*
 * `p` (may be NULL) with room for at least `need` items of `size` bytes:
 * *alloc, the items there is room for, doubles from 16 until it is
 * enough. Never returns NULL: out of memory ends through hcsc_oom().
 */
void *hcsc_grow(void *p, size_t *alloc, size_t need, size_t size);

#endif
