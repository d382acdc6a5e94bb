/*
 * msort.h: a stable merge sort of an index array, O(n log n) in the worst
 * case on every platform (the C library's qsort promises neither
 * stability nor a worst case). Equal elements keep their order, which is
 * what the mount order (rule: hcsc.mounts.order) rests on.
 */
#ifndef HCSC_MSORT_H
#define HCSC_MSORT_H

#include <stddef.h>

/* <0, 0 or >0 as element a sorts before, with or after element b. */
typedef int msort_cmp(const void *ctx, size_t a, size_t b);

/* Sort idx[0..n) by cmp; tmp has room for n elements. */
void msort_index(size_t *idx, size_t n, size_t *tmp, msort_cmp *cmp,
		 const void *ctx);

#endif
