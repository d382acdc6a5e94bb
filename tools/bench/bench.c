/*
 * tools/bench/bench.c: hcsc-bench, the speed figures of issue 14 (a
 * manual tool run by scripts/bench.sh, not a test).
 *
 *   hcsc-bench --hcsc HCSC --floor FLOOR --example DESC
 *              [--corpus DIR GOLDEN]... [--scale HCSC-SCALE] [--rounds N]
 *
 * 1. Start-up: `hcsc compile DESC` (the OCI document on stdout),
 *    /bin/true, and the json-c floor (tools/bench/floor.c) parsing and
 *    printing the very document hcsc prints, run interleaved N times
 *    (rotating the order each round): wall time min/median/max, the
 *    ratios of the medians, peak RSS.
 * 2. Instructions of one run of each (valgrind --tool=callgrind), when
 *    valgrind is installed: unlike wall time, repeatable on a busy host.
 * 3. `hcsc check` of each corpus at -j 1 and -j 2 (best of 3): cases/s,
 *    CPU time per case and cases per second per core (cases / CPU time),
 *    peak RSS; and instructions per case at -j 1 (callgrind).
 * 4. The scaling table (tools/scale), when given.
 * Linux only (fork, wait4).
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct run {
	double wall, cpu; /* seconds */
	long rss_kib;
	int status;
};

/* Run argv with stdout to `out` (NULL: /dev/null, "-": this process's
 * stdout), stderr to `err` (NULL: /dev/null). */
static struct run run(char *const argv[], const char *out, const char *err)
{
	struct run r = { 0, 0, 0, -1 };
	struct timespec t0, t1;
	struct rusage ru;
	int status;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		int e = open(err ? err : "/dev/null",
			     O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (!out || strcmp(out, "-")) {
			int o = open(out ? out : "/dev/null",
				     O_WRONLY | O_CREAT | O_TRUNC, 0644);

			dup2(o, 1);
		}
		dup2(e, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		return r;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r.wall = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	r.cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	r.rss_kib = ru.ru_maxrss;
	r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	return r;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

struct series {
	const char *label;
	char *const *argv;
	double *wall;
	long rss_kib;
};

static double median(struct series *s, int n)
{
	qsort(s->wall, (size_t)n, sizeof(double), cmp_double);
	return s->wall[n / 2];
}

static void startup(struct series *s, int ns, int rounds)
{
	double med[8];

	for (int i = 0; i < rounds; i++)
		for (int k = 0; k < ns; k++) {
			struct series *x = &s[(i + k) % ns];
			struct run r = run(x->argv, NULL, NULL);

			x->wall[i] = r.wall;
			if (r.rss_kib > x->rss_kib)
				x->rss_kib = r.rss_kib;
		}
	printf("start-up, %d interleaved rounds (wall ms: min / median / max; "
	       "peak RSS)\n", rounds);
	for (int k = 0; k < ns; k++) {
		med[k] = median(&s[k], rounds);
		printf("  %-34s %7.3f / %7.3f / %7.3f   %6.1f MiB\n", s[k].label,
		       s[k].wall[0] * 1e3, med[k] * 1e3,
		       s[k].wall[rounds - 1] * 1e3, s[k].rss_kib / 1024.0);
	}
	printf("  hcsc / true: %.2f x (median), %.2f x (min); "
	       "hcsc / json-c floor: %.2f x (median), %.2f x (min)\n",
	       med[2] / med[0], s[2].wall[0] / s[0].wall[0], med[2] / med[1],
	       s[2].wall[0] / s[1].wall[0]);
}

/* Instructions of one run under callgrind, or -1. */
static long long instructions(char *const argv[], const char *tmp)
{
	char *vg[16];
	char log[4200], line[512];
	long long n = -1;
	int k = 0;
	FILE *f;

	vg[k++] = "/usr/bin/valgrind";
	vg[k++] = "--tool=callgrind";
	vg[k++] = "--callgrind-out-file=/dev/null";
	for (int i = 0; argv[i] && k < 15; i++)
		vg[k++] = argv[i];
	vg[k] = NULL;
	snprintf(log, sizeof(log), "%s/vg.log", tmp);
	if (access(vg[0], X_OK) != 0 || run(vg, NULL, log).status < 0)
		return -1;
	f = fopen(log, "r");
	while (f && fgets(line, sizeof(line), f)) {
		char *c = strstr(line, "Collected : ");

		if (c)
			n = atoll(c + strlen("Collected : "));
	}
	if (f)
		fclose(f);
	return n;
}

/* The "N passed, M failed" line of a check run: the number of cases. */
static long count_cases(const char *out)
{
	FILE *f = fopen(out, "r");
	char line[4096];
	long p = -1, q = -1;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%ld passed, %ld failed", &p, &q) != 2)
			p = q = -1;
	if (f)
		fclose(f);
	return p < 0 ? -1 : p + q;
}

static void check_speed(char *hcsc, char *corpus, char *golden,
			const char *tmp)
{
	char one[] = "1";
	char *argv1[] = { hcsc, "check", corpus, golden, "-j", one, NULL };
	long long ins;
	long cases = -1;
	char out[4200];

	snprintf(out, sizeof(out), "%s/check.out", tmp);
	for (int j = 1; j <= 2; j++) {
		char jobs[8];
		char *argv[] = { hcsc, "check", corpus, golden, "-j", jobs, NULL };
		struct run best = { 0, 0, 0, -1 };

		snprintf(jobs, sizeof(jobs), "%d", j);
		for (int i = 0; i < 3; i++) {
			struct run r = run(argv, out, NULL);

			if (i == 0 || r.wall < best.wall)
				best = r;
		}
		cases = count_cases(out);
		if (cases <= 0 || best.status != 0) {
			printf("  %s -j %d: exit %d\n", corpus, j, best.status);
			continue;
		}
		printf("  %-28s -j %d: %6ld cases in %7.3f s = %7.0f cases/s; "
		       "CPU %5.1f us/case = %7.0f cases/s/core; peak %5.1f MiB\n",
		       corpus, j, cases, best.wall, cases / best.wall,
		       best.cpu * 1e6 / cases, cases / best.cpu,
		       best.rss_kib / 1024.0);
	}
	ins = cases > 0 ? instructions(argv1, tmp) : -1;
	if (ins > 0)
		printf("  %-28s -j 1: %7.0f instructions/case (callgrind)\n",
		       corpus, (double)ins / (double)cases);
}

int main(int argc, char **argv)
{
	char *hcsc = NULL, *floor_prog = NULL, *example = NULL, *scale = NULL;
	char *corpora[16];
	int ncorpora = 0, rounds = 200;
	char tmp[] = "/tmp/hcsc-bench.XXXXXX", doc[4200];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--hcsc") && i + 1 < argc)
			hcsc = argv[++i];
		else if (!strcmp(argv[i], "--floor") && i + 1 < argc)
			floor_prog = argv[++i];
		else if (!strcmp(argv[i], "--example") && i + 1 < argc)
			example = argv[++i];
		else if (!strcmp(argv[i], "--scale") && i + 1 < argc)
			scale = argv[++i];
		else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--corpus") && i + 2 < argc &&
			 ncorpora < 16) {
			corpora[ncorpora++] = argv[++i];
			corpora[ncorpora++] = argv[++i];
		} else {
			hcsc = NULL;
			break;
		}
	}
	if (!hcsc || !floor_prog || !example || rounds < 1 || !mkdtemp(tmp)) {
		fputs("usage: hcsc-bench --hcsc HCSC --floor FLOOR --example DESC "
		      "[--corpus DIR GOLDEN]... [--scale HCSC-SCALE] [--rounds N]\n",
		      stderr);
		return 2;
	}
	snprintf(doc, sizeof(doc), "%s/config.json", tmp);
	{
		char *gen[] = { hcsc, "compile", example, NULL };
		char *t[] = { "/bin/true", NULL };
		char *fl[] = { floor_prog, doc, NULL };
		double w[3][rounds];
		struct series s[3] = {
			{ "/bin/true", t, w[0], 0 },
			{ "json-c floor (parse + print)", fl, w[1], 0 },
			{ "hcsc compile (example)", gen, w[2], 0 },
		};

		if (run(gen, doc, NULL).status != 0) {
			fprintf(stderr, "hcsc-bench: %s compile %s failed\n", hcsc,
				example);
			return 1;
		}
		startup(s, 3, rounds);
		printf("instructions (callgrind)\n");
		for (int k = 0; k < 3; k++) {
			long long n = instructions(s[k].argv, tmp);

			if (n < 0)
				printf("  %-34s (valgrind not installed)\n", s[k].label);
			else
				printf("  %-34s %10lld\n", s[k].label, n);
		}
	}
	if (ncorpora)
		printf("hcsc check (best of 3)\n");
	for (int c = 0; c < ncorpora; c += 2)
		check_speed(hcsc, corpora[c], corpora[c + 1], tmp);
	fflush(stdout);
	if (scale) {
		char *argv_s[] = { scale, hcsc, NULL };

		printf("scaling (tools/scale)\n");
		fflush(stdout);
		run(argv_s, "-", NULL);
	}
	remove(doc);
	{
		char log[4200], out[4200];

		snprintf(log, sizeof(log), "%s/vg.log", tmp);
		snprintf(out, sizeof(out), "%s/check.out", tmp);
		remove(log);
		remove(out);
	}
	rmdir(tmp);
	return 0;
}
