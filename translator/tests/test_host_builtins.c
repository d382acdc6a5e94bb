/*
 * test_host_builtins.c: the built-in host profiles' names (model/host.c).
 * Every profile is found by its name and by each alias, in any case, and
 * by its build number; no alias names another profile, so looking names
 * up before aliases finds what one pass over both would.
 */
#include <stdio.h>

#include "ascii.h"
#include "model/host.h"
#include "t.h"

static void upper(const char *s, char *out, size_t cap)
{
	size_t i = 0;

	for (; s[i] && i + 1 < cap; i++)
		out[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	out[i] = '\0';
}

static void test_names_and_aliases(void)
{
	size_t n;
	const struct host_builtin *b = host_builtins(&n);
	char buf[64];

	for (size_t i = 0; i < n; i++) {
		const char *p = b[i].aliases;

		CHECK(host_builtin_find(b[i].name) == &b[i]);
		upper(b[i].name, buf, sizeof(buf));
		CHECK(host_builtin_find(buf) == &b[i]);
		while (*p) {
			size_t len = strcspn(p, ",");

			snprintf(buf, sizeof(buf), "%.*s", (int)len, p);
			CHECK(host_builtin_find(buf) == &b[i]);
			for (size_t j = 0; j < n; j++)
				CHECK(!ascii_eqi(buf, b[j].name));
			p += len + (p[len] == ',');
		}
	}
	CHECK(host_builtin_find("ltsc2023") == NULL);
	CHECK(host_builtin_find("") == NULL);
}

static void test_builds(void)
{
	const struct host_builtin *b = host_builtin_find_build("17763");

	CHECK(b && b->build == 17763);
	b = host_builtin_find_build("10.0.20348.1");
	CHECK(b && b->build == 20348);
	CHECK(host_builtin_find_build("12345") == NULL);
}

int main(void)
{
	test_names_and_aliases();
	test_builds();
	return t_done();
}
