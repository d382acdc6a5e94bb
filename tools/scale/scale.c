/*
 * tools/scale/scale.c: hcsc-scale, the scaling benchmark of issue 9 item
 * 18 and issue 14 item 3 (a figure, not a timed assertion). For each
 * input dimension it writes descriptions with 1k, 10k and the most
 * entries the input limits allow (100,000 nodes and 4 MiB per file),
 * runs `hcsc compile` on each (best CPU time of a few runs, peak RSS from
 * wait4), and prints the CPU time and memory per entry above a zero-entry
 * baseline and the log-log slope between the two largest sizes: 1 is
 * linear, 2 quadratic.
 *
 *   hcsc-scale [--max-slope S] [--runs N] [--max-entries N] HCSC
 *
 * --max-entries leaves out the larger sizes (to measure an old, quadratic
 * build in reasonable time). With --max-slope it exits 1 when a CPU or memory slope exceeds S (the
 * CTest test uses a generous 1.5, so only a superlinear algorithm fails
 * it). The colliding-key dimensions use keys that all fall into a few
 * neighbouring slots of the hash tables hcsc used before the crit-bit
 * set (common/strset.h): FNV-1a for exact duplicates, and a word-wise
 * multiplicative hash of the folded key for case-insensitive ones. Linux
 * only (fork, wait4).
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

struct dim {
	const char *name;
	size_t sizes[3];        /* the largest fits the input limits */
	bool json;
	void (*gen)(FILE *f, size_t n);
};

/* ---- the former hashes, for keys that collide in them ---- */

static uint32_t old_fnv(const char *k, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)k[i];
		h *= 16777619u;
	}
	return h;
}

static uint64_t old_fold_word(uint64_t w)
{
	uint64_t low7 = w & 0x7f7f7f7f7f7f7f7full;
	uint64_t ge_a = low7 + 0x3f3f3f3f3f3f3f3full;
	uint64_t gt_z = low7 + 0x2525252525252525ull;
	uint64_t upper = ge_a & ~gt_z & ~w & 0x8080808080808080ull;

	return w | upper >> 2;
}

static uint64_t old_fold_hash(const char *k, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, k + i, 8);
		h = (h ^ old_fold_word(w)) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)k[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 0x100000001b3ull;
	}
	return h ^ h >> 29;
}

/* The table size the former code used for a mapping of n keys. */
static uint64_t old_mask(size_t n)
{
	uint64_t cap = 32;

	while (cap < n * 2)
		cap *= 2;
	return cap - 1;
}

/* Key number `i` of a counter: lowercase letters and digits. */
static size_t counter_key(uint64_t i, char *out)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t n = 0;

	out[n++] = 'k';
	do {
		out[n++] = digits[i % 36];
		i /= 36;
	} while (i);
	out[n] = '\0';
	return n;
}

/* n keys whose former hash lands in the first 64 slots. */
static void colliding_keys(FILE *f, size_t n, bool fold, const char *pre,
			   const char *post, const char *sep)
{
	uint64_t mask = old_mask(n + 8);
	char key[32];

	for (uint64_t i = 0, found = 0; found < n; i++) {
		size_t len = counter_key(i, key);
		uint64_t h = fold ? old_fold_hash(key, len) : old_fnv(key, len);

		if ((h & mask) >= 64)
			continue;
		fprintf(f, "%s%s%s%s", found ? sep : "", pre, key, post);
		found++;
	}
}

/* ---- the dimensions ---- */

static void head(FILE *f)
{
	fputs("Config:\n  Cmd: [cmd]\n", f);
}

static void gen_binds(FILE *f, size_t n)
{
	head(f);
	fputs("HostConfig:\n  Binds:\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "    - 'C:\\src\\d%zu:C:\\dst\\d%zu'\n", i, i);
	if (!n)
		fputs("    []\n", f);
}

static void gen_mounts(FILE *f, size_t n)
{
	head(f);
	fputs("HostConfig:\n  Mounts:\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "    - {Type: bind, Source: 'C:\\s\\m%zu', "
			   "Target: 'C:\\t\\m%zu'}\n", i, i);
	if (!n)
		fputs("    []\n", f);
}

static void gen_volumes(FILE *f, size_t n)
{
	head(f);
	fputs("  Volumes:\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "    'C:\\v\\%zu\\x': {}\n", i);
	if (!n)
		fputs("    {}\n", f);
}

/* Half in Config.Env, half in Image.Config.Env: the merge runs. */
static void gen_env(FILE *f, size_t n)
{
	fputs("Image:\n  Config:\n    Env:\n", f);
	for (size_t i = 0; i < n / 2; i++)
		fprintf(f, "      - I%zu=v\n", i);
	if (n / 2 == 0)
		fputs("      []\n", f);
	head(f);
	fputs("  Env:\n", f);
	for (size_t i = n / 2; i < n; i++)
		fprintf(f, "    - K%zu=v\n", i);
	if (n - n / 2 == 0)
		fputs("    []\n", f);
}

static void gen_networks(FILE *f, size_t n)
{
	head(f);
	fputs("Runtime:\n  Networks:\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "    - {HnsEndpointId: e%zu}\n", i);
	if (!n)
		fputs("    []\n", f);
}

/* 16 Cmd arguments, 16 Env values and 16 bind sources of n bytes each. */
static void gen_long(FILE *f, size_t n)
{
	static const char unit[] = "ab c\\\"d";
	char *s = malloc(n + 1);

	if (!s)
		exit(2);
	for (size_t i = 0; i < n; i++)
		s[i] = unit[i % (sizeof(unit) - 1)];
	s[n] = '\0';
	fputs("Config:\n  Cmd:\n", f);
	for (int i = 0; i < 16; i++)
		fprintf(f, "    - '%s'\n", s);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	fputs("  Env:\n", f);
	for (int i = 0; i < 16; i++)
		fprintf(f, "    - 'V%d=%s'\n", i, s);
	fputs("HostConfig:\n  Binds:\n", f);
	for (int i = 0; i < 16; i++)
		fprintf(f, "    - 'C:\\%s:C:\\d%d'\n", s, i);
	free(s);
}

/* A `docker inspect` object: its unknown keys are ignored, so all of
 * them go through the case-insensitive duplicate check. */
static void gen_keys_fold(FILE *f, size_t n)
{
	fputs("{\"State\": {}, \"Config\": {\"Cmd\": [\"cmd\"]}", f);
	if (n)
		fputs(", ", f);
	colliding_keys(f, n, true, "\"", "\": null", ", ");
	fputs("}\n", f);
}

/* Labels: a data map, checked for exact duplicates by the loader. */
static void gen_keys_exact(FILE *f, size_t n)
{
	head(f);
	fputs("  Labels:\n", f);
	colliding_keys(f, n, false, "    ", ": v\n", "");
	if (!n)
		fputs("    {}\n", f);
}

static const struct dim dims[] = {
	{ "HostConfig.Binds", { 1000, 10000, 99000 }, false, gen_binds },
	{ "HostConfig.Mounts", { 1000, 5000, 14000 }, false, gen_mounts },
	{ "Config.Volumes", { 1000, 10000, 49000 }, false, gen_volumes },
	{ "Config.Env+Image", { 1000, 10000, 99000 }, false, gen_env },
	{ "Runtime.Networks", { 1000, 10000, 33000 }, false, gen_networks },
	{ "long strings (B)", { 1000, 10000, 65000 }, false, gen_long },
	{ "keys, folded", { 1000, 10000, 49000 }, true, gen_keys_fold },
	{ "keys, exact", { 1000, 10000, 49000 }, false, gen_keys_exact },
};

/* ---- measuring ---- */

struct sample {
	double cpu;   /* seconds, user + system */
	double rss;   /* peak resident set, bytes */
};

static int run_once(const char *hcsc, const char *file, struct sample *s)
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		execl(hcsc, hcsc, "compile", file, (char *)NULL);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	s->cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	s->rss = (double)ru.ru_maxrss * 1024;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* Best of `runs` (CPU and memory each at their minimum). */
static int measure(const char *hcsc, const char *dir, const struct dim *d,
		   size_t n, int runs, struct sample *best)
{
	char file[4096];
	FILE *f;

	snprintf(file, sizeof(file), "%s/in%s", dir, d->json ? ".json" : ".yaml");
	f = fopen(file, "w");
	if (!f)
		return -1;
	d->gen(f, n);
	if (fclose(f) != 0)
		return -1;
	for (int r = 0; r < runs; r++) {
		struct sample s;
		int rc = run_once(hcsc, file, &s);

		if (rc != 0) {
			fprintf(stderr, "hcsc-scale: %s with %zu entries: exit %d "
					"(input kept in %s)\n", d->name, n, rc, file);
			return -1;
		}
		if (r == 0 || s.cpu < best->cpu)
			best->cpu = s.cpu;
		if (r == 0 || s.rss < best->rss)
			best->rss = s.rss;
	}
	return 0;
}

/* log-log slope of (y - y0) between sizes a and b; noise floors keep a
 * cost too small to measure from reading as superlinear. */
static double slope(double y0, double ya, double yb, double na, double nb,
		    double floor)
{
	double da = ya - y0 > floor ? ya - y0 : floor;
	double db = yb - y0 > floor ? yb - y0 : floor;

	return log(db / da) / log(nb / na);
}

int main(int argc, char **argv)
{
	double max_slope = 0;
	size_t max_entries = SIZE_MAX;
	int runs = 3, bad = 0;
	char dir[] = "/tmp/hcsc-scale.XXXXXX";
	const char *hcsc;
	int i = 1;

	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "--max-slope"))
			max_slope = atof(argv[i + 1]);
		else if (!strcmp(argv[i], "--runs"))
			runs = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--max-entries"))
			max_entries = (size_t)atol(argv[i + 1]);
		else
			break;
	}
	if (i + 1 != argc || runs < 1) {
		fputs("usage: hcsc-scale [--max-slope S] [--runs N] "
		      "[--max-entries N] HCSC\n", stderr);
		return 2;
	}
	hcsc = argv[i];
	if (!mkdtemp(dir)) {
		perror("hcsc-scale: mkdtemp");
		return 2;
	}
	printf("%-18s %7s %9s %11s %9s %11s\n", "dimension", "entries",
	       "cpu ms", "us/entry", "peak MiB", "B/entry");
	for (size_t k = 0; k < sizeof(dims) / sizeof(dims[0]); k++) {
		const struct dim *d = &dims[k];
		struct sample base, s[3];
		double cs, ms;
		int j = 0;

		if (measure(hcsc, dir, d, 0, runs, &base) != 0)
			return 2;
		for (; j < 3 && d->sizes[j] <= max_entries; j++) {
			if (measure(hcsc, dir, d, d->sizes[j], runs, &s[j]) != 0)
				return 2;
			printf("%-18s %7zu %9.1f %11.3f %9.1f %11.0f\n",
			       j ? "" : d->name, d->sizes[j], s[j].cpu * 1e3,
			       (s[j].cpu - base.cpu) * 1e6 / d->sizes[j],
			       s[j].rss / 1048576,
			       (s[j].rss - base.rss) / d->sizes[j]);
		}
		if (j < 2)
			continue;
		cs = slope(base.cpu, s[j - 2].cpu, s[j - 1].cpu, d->sizes[j - 2],
			   d->sizes[j - 1], 0.002);
		ms = slope(base.rss, s[j - 2].rss, s[j - 1].rss, d->sizes[j - 2],
			   d->sizes[j - 1], 1048576);
		printf("%-18s slope %zu->%zu: cpu %.2f, memory %.2f%s\n", "",
		       d->sizes[j - 2], d->sizes[j - 1], cs, ms,
		       max_slope > 0 && (cs > max_slope || ms > max_slope)
			       ? "  SUPERLINEAR" : "");
		bad |= max_slope > 0 && (cs > max_slope || ms > max_slope);
		fflush(stdout);
	}
	{
		char file[4096];

		snprintf(file, sizeof(file), "%s/in.yaml", dir);
		remove(file);
		snprintf(file, sizeof(file), "%s/in.json", dir);
		remove(file);
		rmdir(dir);
	}
	return bad;
}
