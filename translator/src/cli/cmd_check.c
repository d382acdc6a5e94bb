/*
 * cmd_check.c: `hcsc check CORPUS GOLDEN`: the golden-corpus runner for
 * CI (check/run.h does the work; this file prints). Per case that does
 * not pass, in case order, on stdout:
 *
 *   FAIL <case>: <what differs>      then the unified diffs and the
 *                                    missing/extra golden file lines
 *   ERROR <case>: <why it could not run>   then its diagnostics
 *   updated <case>: ... / removed <folder>: ...   (with --update)
 *
 * then `N passed, M failed` alone on the last line (all of it on stderr
 * when `--report -` writes the JUnit XML to stdout). Exit 0 when all pass
 * (or --update fixed every difference), 3 when some differ or could not
 * run, 1/2/5 for corpus, usage and I/O errors (precedence 2 > 5 > 3,
 * rule: hcsc.cli.exit-codes). A progress line goes to stderr when it is a terminal.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/progress.h"
#include "check/run.h"
#include "check/shard.h"
#include "os/fs.h"
#include "os/thread.h"
#include "cli.h"
#include "options.h"
#include "report/junit.h"
#include "strbuf.h"
#include "utf8.h"

#define MAX_JOBS 4096
/* Most --filter / --exclude patterns taken. */
#define MAX_GLOBS 256

/* ANSI colours of diff lines (--color). */
#define COLOR_RED "\033[31m"
#define COLOR_GREEN "\033[32m"
#define COLOR_CYAN "\033[36m"
#define COLOR_BOLD "\033[1m"
#define COLOR_OFF "\033[0m"

struct printer {
	const struct cli_args *args;
	FILE *text;      /* stdout, or stderr when --report - takes stdout */
	bool update, tty, list, color;
	size_t passed, failed, mismatched, updated;
	size_t max_diff;  /* lines of each diff shown; 0: all */
	bool closing;     /* close with the list of failed cases */
	struct strbuf failures; /* their names, one a line */
	bool io_error;   /* some case hit an I/O or internal error */
	bool broken;     /* some case's header is broken (exit 1) */
	bool unresolved; /* some failure is still there after the run */
	struct junit *junit;
	struct check_progress progress;
	const char *filters[MAX_GLOBS], *excludes[MAX_GLOBS];
	unsigned nfilters, nexcludes;
};

static void render(struct strbuf *out, const struct diag_list *d)
{
	cli_render_diags(out, d, false);
}

/* "hcsc.check" plus the case's folder, dotted (GitLab's Suite column). */
static void classname(struct strbuf *sb, const char *name)
{
	const char *slash = strrchr(name, '/');

	strbuf_addstr(sb, "hcsc.check");
	if (!slash)
		return;
	strbuf_addch(sb, '.');
	for (const char *p = name; p < slash; p++)
		strbuf_addch(sb, *p == '/' ? '.' : *p);
}

static void report(struct printer *p, const struct check_result *r)
{
	struct strbuf cls = STRBUF_INIT, file = STRBUF_INIT;
	struct junit_case jc;

	if (!p->junit)
		return;
	classname(&cls, r->name);
	jc.name = r->name;
	jc.classname = cls.buf;
	jc.seconds = r->seconds;
	jc.outcome = r->status == CHECK_PASS   ? JUNIT_PASS
		     : r->status == CHECK_FAIL ? JUNIT_FAILURE
					       : JUNIT_ERROR;
	jc.message = r->message.buf;
	jc.text = r->detail.buf;
	jc.text_len = r->detail.len;
	jc.file = NULL;
	if (r->outcome_file) {
		const char *c = p->args->pos[0];
		size_t n = strlen(c);

		while (n > 1 && (c[n - 1] == '/' || c[n - 1] == '\\'))
			n--;
		strbuf_addf(&file, "%.*s/%s", (int)n, c, r->outcome_file);
		jc.file = file.buf;
	}
	junit_add(p->junit, &jc);
	strbuf_release(&cls);
	strbuf_release(&file);
}

/* `WORD CASE: MESSAGE`, with the controls of file names escaped. */
static void headline(struct strbuf *out, const char *word,
		     const struct check_result *r)
{
	strbuf_addf(out, "%s ", word);
	utf8_escape_controls(out, r->name, strlen(r->name));
	strbuf_addstr(out, ": ");
	utf8_escape_controls(out, r->message.buf, r->message.len);
	strbuf_addch(out, '\n');
}

/* A diff starts at a `--- ` line followed by a `+++ ` line. */
static bool diff_start(const char *p, const char *end)
{
	const char *nl;

	if (end - p < 4 || memcmp(p, "--- ", 4))
		return false;
	nl = memchr(p, '\n', (size_t)(end - p));
	return nl && end - nl > 4 && !memcmp(nl + 1, "+++ ", 4);
}

static const char *line_color(const char *p, size_t n, bool header)
{
	if (header)
		return COLOR_BOLD;
	if (n >= 2 && p[0] == '@' && p[1] == '@')
		return COLOR_CYAN;
	if (n && p[0] == '-')
		return COLOR_RED;
	if (n && p[0] == '+')
		return COLOR_GREEN;
	return NULL;
}

/*
 * The detail, each diff cut after max_diff lines (its two header lines
 * not counted) with a line saying how many were left out, and coloured
 * when asked; other lines as they are.
 */
static void print_detail(const struct printer *p, const struct strbuf *d,
			 struct strbuf *out)
{
	const char *s = d->buf, *end = d->buf + d->len;
	size_t shown = 0, hidden = 0, header = 0;
	bool in_diff = false;

	if (!p->max_diff && !p->color) {
		strbuf_add(out, d->buf, d->len);
		return;
	}
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		const char *color;
		bool starts = diff_start(s, end);

		if (starts || (in_diff && !strchr(" +-@\\", *s))) {
			if (hidden)
				strbuf_addf(out, "... %zu more line%s of this "
						 "diff (--max-diff-lines 0 shows "
						 "all)\n",
					    hidden, hidden == 1 ? "" : "s");
			in_diff = starts;
			shown = hidden = 0;
			header = starts ? 2 : 0;
		}
		if (in_diff && !header && p->max_diff &&
		    shown >= p->max_diff) {
			hidden++;
			s += n;
			continue;
		}
		color = p->color && in_diff ? line_color(s, n, header > 0)
					    : NULL;
		if (header)
			header--;
		else if (in_diff)
			shown++;
		if (color) {
			strbuf_addstr(out, color);
			strbuf_add(out, s, n - (nl != NULL));
			strbuf_addstr(out, COLOR_OFF);
			if (nl)
				strbuf_addch(out, '\n');
		} else {
			strbuf_add(out, s, n);
		}
		s += n;
	}
	if (hidden)
		strbuf_addf(out, "... %zu more line%s of this diff "
				 "(--max-diff-lines 0 shows all)\n",
			    hidden, hidden == 1 ? "" : "s");
}

static void print(struct printer *p, const struct check_result *r,
		  struct strbuf *out)
{
	if (p->list && r->status == CHECK_PASS) {
		utf8_escape_controls(out, r->name, strlen(r->name));
		strbuf_addch(out, '\t');
		strbuf_add(out, r->message.buf, r->message.len);
		strbuf_addch(out, '\n');
		return;
	}
	if (r->status == CHECK_PASS)
		return;
	if (p->update && r->updated) {
		headline(out, r->stale ? "removed" : "updated", r);
		return;
	}
	if (p->closing) {
		strbuf_addstr(&p->failures, "  ");
		utf8_escape_controls(&p->failures, r->name, strlen(r->name));
		strbuf_addch(&p->failures, '\n');
	}
	if (p->color)
		strbuf_addstr(out, COLOR_BOLD COLOR_RED);
	headline(out, r->status == CHECK_FAIL ? "FAIL" : "ERROR", r);
	if (p->color) { /* the colour ends before the newline */
		out->len--;
		strbuf_addstr(out, COLOR_OFF "\n");
	}
	print_detail(p, &r->detail, out);
}

static void on_result(void *user, const struct check_result *r)
{
	struct printer *p = user;
	struct strbuf out = STRBUF_INIT, prog = STRBUF_INIT;

	if (r->status == CHECK_PASS)
		p->passed++;
	else
		p->failed++;
	p->mismatched += r->status == CHECK_FAIL && !r->stale;
	p->io_error |= r->io_error;
	p->broken |= r->broken;
	p->updated += p->update && r->updated;
	p->unresolved |= r->status != CHECK_PASS && !(p->update && r->updated);
	report(p, r);
	print(p, r, &out);
	if (p->tty && out.len)
		check_progress_clear(&p->progress, &prog);
	fwrite(prog.buf, 1, prog.len, stderr);
	fwrite(out.buf, 1, out.len, p->text);
	if (out.len)
		fflush(p->text);
	strbuf_reset(&prog);
	if (p->tty &&
	    check_progress_update(&p->progress, os_now(), r->index + 1,
				  r->total, p->failed, &prog))
		fwrite(prog.buf, 1, prog.len, stderr);
	strbuf_release(&prog);
	strbuf_release(&out);
}

/* -j N: a whole number from 1 to MAX_JOBS (no atoi: digits only). */
static bool parse_jobs(const char *s, unsigned *jobs)
{
	unsigned long v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > MAX_JOBS)
			return false;
	}
	*jobs = (unsigned)v;
	return v >= 1;
}

/* --shard K/N: checked here, parsed again where it is used. */
static bool parse_shard(const struct cli_args *args)
{
	unsigned k, n;

	if (!args->value[OPT_SHARD] ||
	    check_shard_parse(args->value[OPT_SHARD], &k, &n))
		return true;
	cli_usage_error("hcsc check: --shard takes K/N, two whole numbers with "
			"1 <= K <= N <= %d (shard K of N), not '%s'",
			CHECK_SHARD_MAX, args->value[OPT_SHARD]);
	return false;
}

/* --color=auto|always|never */
static bool parse_color(const struct cli_args *args)
{
	const char *v = args->value[OPT_COLOR];

	if (!v || !strcmp(v, "auto") || !strcmp(v, "always") ||
	    !strcmp(v, "never"))
		return true;
	cli_usage_error("hcsc check: --color takes auto, always or never, "
			"not '%s'",
			v);
	return false;
}

/* A whole number of at most 9 digits into *n (no strtoul: style). */
static bool lines_value(const char *v, size_t *n)
{
	const char *s = v;

	*n = 0;
	for (; *s >= '0' && *s <= '9' && s - v < 9; s++)
		*n = *n * 10 + (size_t)(*s - '0');
	return *v && !*s;
}

/* --max-diff-lines N: a whole number, 0 for all. */
static bool parse_max_diff(const struct cli_args *args)
{
	const char *v = args->value[OPT_MAX_DIFF_LINES];
	size_t n;

	if (!v || lines_value(v, &n))
		return true;
	cli_usage_error("hcsc check: --max-diff-lines takes a number of "
			"lines (0 for all), not '%s'",
			v);
	return false;
}

static bool parse(int argc, char **argv, struct cli_args *args,
		  unsigned *jobs)
{
	if (!cli_parse("check", argc, argv, args))
		return false;
	if (args->npos != 2) {
		fputs("hcsc check: give the corpus and golden folders "
		      "(hcsc check CORPUS GOLDEN)\n",
		      stderr);
		return false;
	}
	*jobs = os_thread_cpus();
	if (args->value[OPT_JOBS] && !parse_jobs(args->value[OPT_JOBS], jobs)) {
		cli_usage_error("hcsc check: -j takes a number from 1 to %d, "
				"not '%s'",
				MAX_JOBS, args->value[OPT_JOBS]);
		return false;
	}
	if (args->given[OPT_LIST] &&
	    (args->given[OPT_UPDATE] || args->given[OPT_REPORT])) {
		fputs("hcsc check: --list compiles nothing: it takes no "
		      "--update or --report\n",
		      stderr);
		return false;
	}
	return parse_shard(args) && parse_color(args) &&
	       parse_max_diff(args);
}

/* The closing lines: the --update hint and the summary. */
static int finish(struct printer *p, size_t not_run)
{
	const struct cli_args *a = p->args;
	struct strbuf prog = STRBUF_INIT;

	check_progress_clear(&p->progress, &prog);
	fwrite(prog.buf, 1, prog.len, stderr);
	strbuf_release(&prog);
	if (p->list) {
		if (fflush(p->text) != 0 || ferror(p->text))
			return cli_fail(HCSC_E_IO, "cannot write to standard "
						   "output: %s",
					strerror(errno));
		return p->broken ? HCSC_E_INPUT : HCSC_OK;
	}
	if (p->closing && p->failures.len)
		fprintf(p->text, "failed cases:\n%s", p->failures.buf);
	if (not_run)
		fprintf(p->text, "stopped at the first failure (--fail-fast); "
				 "%llu case%s not run\n",
			(unsigned long long)not_run, not_run == 1 ? "" : "s");
	if (!p->update && p->mismatched) {
		fprintf(p->text,
			"to accept the actual outputs: hcsc check %s %s --update",
			a->pos[0], a->pos[1]);
		for (unsigned i = 0; i < p->nfilters; i++)
			fprintf(p->text, " --filter '%s'", p->filters[i]);
		for (unsigned i = 0; i < p->nexcludes; i++)
			fprintf(p->text, " --exclude '%s'", p->excludes[i]);
		if (a->value[OPT_SHARD])
			fprintf(p->text, " --shard %s", a->value[OPT_SHARD]);
		fputc('\n', p->text);
	}
	if (p->update && p->failed > p->updated)
		fprintf(p->text, "%llu passed, %llu updated, %llu failed\n",
			(unsigned long long)p->passed,
			(unsigned long long)p->updated,
			(unsigned long long)(p->failed - p->updated));
	else if (p->update)
		fprintf(p->text, "%llu passed, %llu updated\n",
			(unsigned long long)p->passed,
			(unsigned long long)p->updated);
	else
		fprintf(p->text, "%llu passed, %llu failed\n",
			(unsigned long long)p->passed,
			(unsigned long long)p->failed);
	if (fflush(p->text) != 0 || ferror(p->text))
		return cli_fail(HCSC_E_IO, "cannot write to standard output: %s",
				strerror(errno));
	if (p->io_error)
		return HCSC_E_IO;
	if (p->broken)
		return HCSC_E_INPUT;
	return p->unresolved ? HCSC_E_CHECK_DIFF : HCSC_OK;
}

/*
 * On a terminal: diffs capped at a screenful, colour (unless NO_COLOR),
 * and the closing list of failed cases; elsewhere the output is as it
 * always was unless --max-diff-lines or --color asks.
 */
static void setup_output(struct printer *p, const struct cli_args *args)
{
	bool term = p->text == stdout && os_stdout_is_tty();

	strbuf_init(&p->failures);
	if (args->value[OPT_MAX_DIFF_LINES]) {
		lines_value(args->value[OPT_MAX_DIFF_LINES], &p->max_diff);
		p->closing = true;
	} else if (term) {
		unsigned rows = os_term_rows();

		p->max_diff = rows > 10 ? rows - 4 : 6;
		p->closing = true;
	}
	p->color = cli_color(args->value[OPT_COLOR], term);
}

static int run(struct printer *p, struct check_opts *o)
{
	struct strbuf err = STRBUF_INIT;
	enum hcsc_rc rc = check_run(o, &err);
	int status;

	if (rc != HCSC_OK) {
		char *hint = strchr(err.buf, '\n'); /* hints: lines of their own */

		junit_free(p->junit);
		if (hint)
			*hint++ = '\0';
		status = cli_fail(rc, "%s", err.buf);
		if (hint)
			fprintf(stderr, "%s\n", hint);
		strbuf_release(&err);
		return status;
	}
	status = finish(p, o->not_run);
	if (p->junit && junit_finish(p->junit, &err) != HCSC_OK)
		status = cli_fail(HCSC_E_IO, "%s", err.buf);
	strbuf_release(&err);
	return status;
}

int cmd_check(int argc, char **argv)
{
	struct cli_args args;
	struct check_opts o;
	struct printer p;
	unsigned jobs;
	int status;

	if (!parse(argc, argv, &args, &jobs))
		return HCSC_E_USAGE;
	memset(&p, 0, sizeof(p));
	p.args = &args;
	p.text = args.value[OPT_REPORT] && !strcmp(args.value[OPT_REPORT], "-")
			 ? stderr
			 : stdout;
	p.update = args.given[OPT_UPDATE];
	p.tty = os_stderr_is_tty();
	p.list = args.given[OPT_LIST];
	setup_output(&p, &args);
	check_progress_init(&p.progress, os_now());
	if (args.value[OPT_REPORT]) {
		struct strbuf err = STRBUF_INIT;
		enum hcsc_rc rc = check_report_outside(args.pos[0], args.pos[1],
						       args.value[OPT_REPORT],
						       &err);

		if (rc == HCSC_OK)
			rc = junit_open(args.value[OPT_REPORT], args.pos[0],
					&p.junit, &err);
		int st = rc == HCSC_OK ? 0 : cli_fail(rc, "%s", err.buf);

		strbuf_release(&err);
		if (rc != HCSC_OK)
			return st;
	}
	memset(&o, 0, sizeof(o));
	o.corpus = args.pos[0];
	o.golden = args.pos[1];
	p.nfilters = cli_values("check", argc, argv, OPT_FILTER, p.filters,
				MAX_GLOBS);
	p.nexcludes = cli_values("check", argc, argv, OPT_EXCLUDE, p.excludes,
				 MAX_GLOBS);
	o.filters = p.filters;
	o.nfilters = p.nfilters;
	o.excludes = p.excludes;
	o.nexcludes = p.nexcludes;
	o.fail_fast = args.given[OPT_FAIL_FAST];
	o.list = p.list;
	if (args.value[OPT_SHARD])
		check_shard_parse(args.value[OPT_SHARD], &o.shard, &o.nshards);
	o.jobs = jobs;
	o.update = p.update;
	o.render_diags = render;
	o.now = os_now;
	o.on_result = on_result;
	o.user = &p;
	status = run(&p, &o);
	strbuf_release(&p.failures);
	return status;
}
