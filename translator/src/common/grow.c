/*
 * grow.c: heap arrays that grow by doubling (grow.h).
 */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>

#include "arena.h"

void *hcsc_grow(void *p, size_t *alloc, size_t need, size_t size)
{
	size_t n = *alloc ? *alloc : 16;

	if (need <= *alloc)
		return p;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			hcsc_oom();
		n *= 2;
	}
	if (size && n > SIZE_MAX / size)
		hcsc_oom();
	p = realloc(p, n * size);
	if (!p)
		hcsc_oom();
	*alloc = n;
	return p;
}
