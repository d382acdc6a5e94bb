/*
 * msort.c: msort_index (msort.h), a bottom-up merge sort: runs of width
 * 1, 2, 4, ... merged between idx and tmp, taking from the left run on
 * ties (stability).
 */
#include "msort.h"

#include <string.h>

static void merge(const size_t *in, size_t *out, size_t lo, size_t mid,
		  size_t hi, msort_cmp *cmp, const void *ctx)
{
	size_t i = lo, j = mid, k = lo;

	while (i < mid && j < hi)
		out[k++] = cmp(ctx, in[j], in[i]) < 0 ? in[j++] : in[i++];
	while (i < mid)
		out[k++] = in[i++];
	while (j < hi)
		out[k++] = in[j++];
}

void msort_index(size_t *idx, size_t n, size_t *tmp, msort_cmp *cmp,
		 const void *ctx)
{
	size_t *in = idx, *out = tmp;

	for (size_t w = 1; w < n; w *= 2) {
		size_t *t;

		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;

			merge(in, out, lo, mid, hi, cmp, ctx);
		}
		t = in;
		in = out;
		out = t;
	}
	if (in != idx)
		memcpy(idx, in, n * sizeof(*idx));
}
