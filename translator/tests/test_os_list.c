/*
 * test_os_list.c: os_list() against its plain definition: every name of
 * the folder but "." and "..", each once, in strcmp order (what qsort with
 * strcmp gives), whatever the creation order and the listing's size (the
 * insertion sort of small listings and qsort past 16 names), with the kind
 * the listing told kept after each name (os_dir_lkind).
 */
#include "t.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os/fs.h"
#include "strbuf.h"

#define DIR_NAME "test_os_list.tmp.d"
#define MAX_NAMES 40

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Name i of a set made to share prefixes and differ in the last byte. */
static void make_name(char *out, size_t size, unsigned seed, size_t i)
{
	static const char *const stems[] = { "a", "ab", "abc", "B", "b.json",
					     "config.json", "~x", "0" };

	snprintf(out, size, "%s%c%u", stems[(seed + i) % 8],
		 (int)"._-zA9"[(seed * 7 + i) % 6], (unsigned)(i * 2654435761u % 97));
}

static void put(const char *path)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f)
		fclose(f);
}

/* One listing of n files (one of them a folder when n > 2). */
static void check_listing(size_t n, unsigned seed)
{
	char names[MAX_NAMES][48], path[128];
	const char *want[MAX_NAMES];
	struct os_dir d;
	struct strbuf scratch = STRBUF_INIT;
	size_t made = 0;

	CHECK_INT(os_mkdirs(DIR_NAME), 0);
	/* created from the last index down: not the order to find */
	for (size_t k = n; k-- > 0;) {
		make_name(names[made], sizeof(names[made]), seed, k);
		snprintf(path, sizeof(path), DIR_NAME "/%s", names[made]);
		if (os_lkind(path) != OS_ABSENT)
			continue; /* the same name twice: one file */
		if (k == 1)
			CHECK_INT(os_mkdirs(path), 0);
		else
			put(path);
		want[made] = names[made];
		made++;
	}
	qsort(want, made, sizeof(*want), str_cmp);
	CHECK_INT(os_list(DIR_NAME, &d), 0);
	CHECK_INT(d.n, made);
	for (size_t i = 0; i < d.n && i < made; i++) {
		enum os_kind k = os_dir_lkind(DIR_NAME, &d, i, &scratch);

		CHECK_STR(d.names[i], want[i]);
		snprintf(path, sizeof(path), DIR_NAME "/%s", d.names[i]);
		CHECK_INT(k, os_lkind(path));
	}
	for (size_t i = 0; i < made; i++) {
		snprintf(path, sizeof(path), DIR_NAME "/%s", want[i]);
		if (os_lkind(path) == OS_DIR)
			os_rmdir(path);
		else
			os_remove(path);
	}
	os_dir_release(&d);
	CHECK(d.names == NULL && d.pool == NULL && d.n == 0);
	strbuf_release(&scratch);
	os_rmdir(DIR_NAME);
}

int main(void)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 7, 16, 17, 40 };
	struct os_dir d;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		for (unsigned seed = 0; seed < 4; seed++)
			check_listing(sizes[i], seed);
	CHECK(os_list(DIR_NAME "/absent", &d) != 0);
	return t_done();
}
