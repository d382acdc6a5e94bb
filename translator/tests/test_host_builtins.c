/*
 * test_host_builtins.c: host_builtin_find (model/host.c) against its
 * definition: the first built-in profile whose name or one of whose
 * aliases matches, ASCII case-insensitively (rule: hcsc.host.builtin-profiles).
 * The lookup tries every name before any alias, which gives the same
 * answer only while no name is also an alias: checked here too. And
 * host_builtin_find_build: a profile by its build number.
 */
#include "t.h"

#include "ascii.h"
#include "model/host.h"

/* Does the comma-separated list hold `word` (ASCII case-insensitively)? */
static bool in_list(const char *list, const char *word)
{
	size_t n = strlen(word);

	while (*list) {
		size_t len = strcspn(list, ",");

		if (len == n && !ascii_ncasecmp(list, word, n))
			return true;
		list += len + (list[len] == ',');
	}
	return false;
}

static const struct host_builtin *reference(const char *name)
{
	size_t n;
	const struct host_builtin *b = host_builtins(&n);

	for (size_t i = 0; i < n; i++)
		if (ascii_eqi(b[i].name, name) || in_list(b[i].aliases, name))
			return &b[i];
	return NULL;
}

static void same(const char *name)
{
	char up[64];
	size_t i;

	CHECK(host_builtin_find(name) == reference(name));
	for (i = 0; name[i] && i < sizeof(up) - 1; i++)
		up[i] = ascii_upper(name[i]);
	up[i] = '\0';
	CHECK(host_builtin_find(up) == reference(up));
}

static void builds(void)
{
	const struct host_builtin *b = host_builtin_find_build("17763");

	CHECK(b && b->build == 17763);
	b = host_builtin_find_build("10.0.20348.1");
	CHECK(b && b->build == 20348);
	CHECK(host_builtin_find_build("12345") == NULL);
}

int main(void)
{
	size_t n;
	const struct host_builtin *b = host_builtins(&n);

	for (size_t i = 0; i < n; i++) {
		const char *p = b[i].aliases;

		for (size_t j = 0; j < n; j++)
			CHECK(!in_list(b[j].aliases, b[i].name));
		same(b[i].name);
		while (*p) {
			char alias[64];
			size_t len = strcspn(p, ",");

			CHECK(len < sizeof(alias));
			if (len >= sizeof(alias))
				break;
			memcpy(alias, p, len);
			alias[len] = '\0';
			same(alias);
			p += len + (p[len] == ',');
		}
	}
	CHECK(host_builtin_find(HOST_DEFAULT_NAME) != NULL);
	CHECK(host_builtin_find("ltsc2023") == NULL);
	CHECK(host_builtin_find("") == NULL);
	builds();
	return t_done();
}
