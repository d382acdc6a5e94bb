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
#include <string.h>

#include "check/progress.h"
#include "check/run.h"
#include "check/shard.h"
#include "check/sys.h"
#include "check/thread.h"
#include "cli.h"
#include "options.h"
#include "report/junit.h"
#include "strbuf.h"
#include "utf8.h"

#define MAX_JOBS 4096

struct printer {
	const struct cli_args *args;
	FILE *text;      /* stdout, or stderr when --report - takes stdout */
	bool update, tty;
	size_t passed, failed, mismatched;
	bool io_error;   /* some case hit an I/O or internal error */
	bool unresolved; /* some failure is still there after the run */
	struct junit *junit;
	struct check_progress progress;
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

static void print(const struct printer *p, const struct check_result *r,
		  struct strbuf *out)
{
	if (r->status == CHECK_PASS)
		return;
	if (p->update && r->updated) {
		headline(out, r->stale ? "removed" : "updated", r);
		return;
	}
	headline(out, r->status == CHECK_FAIL ? "FAIL" : "ERROR", r);
	strbuf_add(out, r->detail.buf, r->detail.len);
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
	    check_progress_update(&p->progress, check_sys_now(), r->index + 1,
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
	fprintf(stderr, "hcsc check: --shard takes K/N, two whole numbers with "
			"1 <= K <= N <= %d (shard K of N), not '%s'\n",
		CHECK_SHARD_MAX, args->value[OPT_SHARD]);
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
	*jobs = check_thread_cpus();
	if (args->value[OPT_JOBS] && !parse_jobs(args->value[OPT_JOBS], jobs)) {
		fprintf(stderr, "hcsc check: -j takes a number from 1 to %d, "
				"not '%s'\n",
			MAX_JOBS, args->value[OPT_JOBS]);
		return false;
	}
	return parse_shard(args);
}

/* The closing lines: the --update hint and the summary. */
static int finish(struct printer *p)
{
	const struct cli_args *a = p->args;
	struct strbuf prog = STRBUF_INIT;

	check_progress_clear(&p->progress, &prog);
	fwrite(prog.buf, 1, prog.len, stderr);
	strbuf_release(&prog);
	if (!p->update && p->mismatched) {
		fprintf(p->text,
			"to accept the actual outputs: hcsc check %s %s --update",
			a->pos[0], a->pos[1]);
		if (a->value[OPT_FILTER])
			fprintf(p->text, " --filter '%s'", a->value[OPT_FILTER]);
		if (a->value[OPT_SHARD])
			fprintf(p->text, " --shard %s", a->value[OPT_SHARD]);
		fputc('\n', p->text);
	}
	fprintf(p->text, "%llu passed, %llu failed\n",
		(unsigned long long)p->passed, (unsigned long long)p->failed);
	if (fflush(p->text) != 0 || ferror(p->text))
		return cli_fail(HCSC_E_IO, "cannot write to standard output: %s",
				strerror(errno));
	if (p->io_error)
		return HCSC_E_IO;
	return p->unresolved ? HCSC_E_CHECK_DIFF : HCSC_OK;
}

static int run(struct printer *p, const struct check_opts *o)
{
	struct strbuf err = STRBUF_INIT;
	enum hcsc_rc rc = check_run(o, &err);
	int status;

	if (rc != HCSC_OK) {
		junit_free(p->junit);
		status = cli_fail(rc, "%s", err.buf);
		strbuf_release(&err);
		return status;
	}
	status = finish(p);
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

	if (!parse(argc, argv, &args, &jobs))
		return HCSC_E_USAGE;
	memset(&p, 0, sizeof(p));
	p.args = &args;
	p.text = args.value[OPT_REPORT] && !strcmp(args.value[OPT_REPORT], "-")
			 ? stderr
			 : stdout;
	p.update = args.given[OPT_UPDATE];
	p.tty = check_sys_stderr_is_tty();
	check_progress_init(&p.progress, check_sys_now());
	if (args.value[OPT_REPORT]) {
		struct strbuf err = STRBUF_INIT;
		enum hcsc_rc rc = junit_open(args.value[OPT_REPORT], args.pos[0],
					     &p.junit, &err);
		int status = rc == HCSC_OK ? 0 : cli_fail(rc, "%s", err.buf);

		strbuf_release(&err);
		if (rc != HCSC_OK)
			return status;
	}
	memset(&o, 0, sizeof(o));
	o.corpus = args.pos[0];
	o.golden = args.pos[1];
	o.filter = args.value[OPT_FILTER];
	if (args.value[OPT_SHARD])
		check_shard_parse(args.value[OPT_SHARD], &o.shard, &o.nshards);
	o.jobs = jobs;
	o.update = p.update;
	o.render_diags = render;
	o.now = check_sys_now;
	o.on_result = on_result;
	o.user = &p;
	return run(&p, &o);
}
