/*
 * check/run.c: the runner of `hcsc check` (run.h): workers claim cases in
 * order and park their results in a ring of jobs * CHECK_WINDOW_PER_JOB
 * slots; the calling thread takes them out in case order and hands them
 * to on_result, so the output of -j N is the output of -j 1 (rule: hcsc.check.jobs)
 * and memory is bounded by the window, not by the corpus.
 */
#include "run.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check/case.h"
#include "check/corpus.h"
#include "check/glob.h"
#include "check/shard.h"
#include "os/fs.h"
#include "os/thread.h"

struct runner {
	const struct check_opts *o;
	struct check_env env;
	const struct check_corpus *corpus;
	uint32_t *todo;         /* the selected cases' indexes, in order */
	size_t n, total;
	/* shared between threads, under mu */
	struct os_mutex mu;
	struct os_cond ready, space;
	struct check_result **slot;
	size_t window, next_claim, next_deliver;
	bool stop;              /* fail_fast: a result stopped the run */
	bool collector_waits;   /* collect() sleeps on `ready` */
	unsigned workers_wait;  /* workers sleeping on `space` */
};

static struct check_result *result_new(size_t index, size_t total)
{
	struct check_result *r = calloc(1, sizeof(*r));

	if (!r)
		hcsc_oom();
	r->index = index;
	r->total = total;
	strbuf_init(&r->message);
	strbuf_init(&r->detail);
	return r;
}

static void result_free(struct check_result *r)
{
	strbuf_release(&r->message);
	strbuf_release(&r->detail);
	free(r->owned);
	free(r);
}

/* Case i, with the calling thread's scratch memory. */
static struct check_result *run_one(const struct runner *rn, size_t i,
				    struct check_scratch *s)
{
	struct check_result *r = result_new(i, rn->total);
	struct check_case c;

	check_corpus_case(rn->corpus, rn->todo[i], &c, &r->owned);
	if (rn->o->list)
		check_case_list(&rn->env, &c, r);
	else
		check_case_run(&rn->env, &c, s, r);
	return r;
}

/* Does r stop a --fail-fast run? */
static bool stops(const struct runner *rn, const struct check_result *r)
{
	return rn->o->fail_fast && r->status != CHECK_PASS &&
	       !(rn->o->update && r->updated);
}

/* Hand r over; returns true when the run must stop (--fail-fast). */
static bool deliver(const struct runner *rn, struct check_result *r)
{
	bool stop = stops(rn, r);

	rn->o->on_result(rn->o->user, r);
	result_free(r);
	return stop;
}

/* ---- workers ---- */

/*
 * Is it time to wake the collector (under mu)? Not for every result: a
 * wake-up per case cost more CPU than some cases. When half the window is
 * ready in order, or when every case is claimed (the last results must
 * not wait). A worker about to sleep on a full window wakes it anyway.
 */
static bool collect_now(const struct runner *rn)
{
	size_t ready = 0;

	while (ready < rn->window / 2 &&
	       rn->slot[(rn->next_deliver + ready) % rn->window] &&
	       rn->next_deliver + ready < rn->n)
		ready++;
	return ready && (ready >= rn->window / 2 || rn->next_claim >= rn->n);
}

static void wake_collector(struct runner *rn)
{
	if (rn->collector_waits)
		os_cond_broadcast(&rn->ready);
}

static void worker(void *arg)
{
	struct runner *rn = arg;
	struct check_scratch s;

	check_scratch_init(&s);
	os_mutex_lock(&rn->mu);
	for (;;) {
		size_t i;
		struct check_result *r;

		while (!rn->stop && rn->next_claim < rn->n &&
		       rn->next_claim >= rn->next_deliver + rn->window) {
			wake_collector(rn);
			rn->workers_wait++;
			os_cond_wait(&rn->space, &rn->mu);
			rn->workers_wait--;
		}
		if (rn->stop || rn->next_claim >= rn->n)
			break;
		i = rn->next_claim++;
		os_mutex_unlock(&rn->mu);
		r = run_one(rn, i, &s);
		os_mutex_lock(&rn->mu);
		rn->slot[i % rn->window] = r;
		if (collect_now(rn))
			wake_collector(rn);
	}
	os_mutex_unlock(&rn->mu);
	check_scratch_release(&s);
}

/* Returns how many results were delivered. */
static size_t collect(struct runner *rn)
{
	for (size_t i = 0; i < rn->n; i++) {
		struct check_result *r;
		bool stop;

		os_mutex_lock(&rn->mu);
		while (!rn->slot[i % rn->window]) {
			rn->collector_waits = true;
			os_cond_wait(&rn->ready, &rn->mu);
			rn->collector_waits = false;
		}
		r = rn->slot[i % rn->window];
		rn->slot[i % rn->window] = NULL;
		rn->next_deliver = i + 1;
		if (rn->workers_wait)
			os_cond_broadcast(&rn->space);
		os_mutex_unlock(&rn->mu);
		stop = deliver(rn, r);
		if (stop) {
			os_mutex_lock(&rn->mu);
			rn->stop = true;
			os_cond_broadcast(&rn->space);
			os_mutex_unlock(&rn->mu);
			return i + 1;
		}
	}
	return rn->n;
}

static size_t run_parallel(struct runner *rn, unsigned jobs)
{
	struct os_thread *t = calloc(jobs, sizeof(*t));
	unsigned started = 0;
	size_t done;

	if (!t)
		hcsc_oom();
	rn->window = (size_t)jobs * CHECK_WINDOW_PER_JOB;
	rn->slot = calloc(rn->window, sizeof(*rn->slot));
	if (!rn->slot)
		hcsc_oom();
	os_mutex_init(&rn->mu);
	os_cond_init(&rn->ready);
	os_cond_init(&rn->space);
	while (started < jobs && os_thread_start(&t[started], worker, rn) == 0)
		started++;
	if (!started) /* no thread at all: this one works alone */
		worker(rn);
	done = collect(rn);
	for (unsigned k = 0; k < started; k++)
		os_thread_join(&t[k]);
	for (size_t k = 0; k < rn->window; k++) /* run past a --fail-fast stop */
		if (rn->slot[k])
			result_free(rn->slot[k]);
	os_cond_release(&rn->space);
	os_cond_release(&rn->ready);
	os_mutex_release(&rn->mu);
	free(rn->slot);
	free(t);
	return done;
}

/* Returns how many results were delivered (fewer after a stop). */
static size_t run_cases(struct runner *rn)
{
	unsigned jobs = rn->o->jobs ? rn->o->jobs : 1;

	if (jobs > rn->n)
		jobs = (unsigned)rn->n;
	if (jobs <= 1) {
		struct check_scratch s;
		size_t i = 0;

		check_scratch_init(&s);
		while (i < rn->n && !deliver(rn, run_one(rn, i, &s)))
			i++;
		check_scratch_release(&s);
		return i < rn->n ? i + 1 : rn->n;
	}
	return run_parallel(rn, jobs);
}

/* ---- setup ---- */

/* Is a the same folder as b, or inside it (real paths)? */
static bool within(const char *a, const char *b)
{
	size_t n = strlen(b);

	if (strncmp(a, b, n))
		return false;
	return !a[n] || a[n] == '/' || a[n] == '\\' ||
	       (n && (b[n - 1] == '/' || b[n - 1] == '\\'));
}

/*
 * CORPUS and GOLDEN must not overlap: --update would remove corpus files
 * as stale or extra golden files. Compared by real path, so links and
 * `..` do not hide it.
 */
static enum hcsc_rc check_overlap(struct arena *a, const struct check_opts *o,
				  const char **msg)
{
	char *c = os_real_path(o->corpus);
	char *g = os_real_path(o->golden);
	enum hcsc_rc rc = HCSC_OK;

	if (c && g && (within(c, g) || within(g, c))) {
		*msg = arena_printf(a, "corpus '%s' and golden folder '%s' "
				       "overlap (the same folder, or one "
				       "inside the other); give two separate "
				       "folders",
				    o->corpus, o->golden);
		rc = HCSC_E_USAGE;
	}
	free(c);
	free(g);
	return rc;
}

/* Is `path` (real) in the folder `dir` names (or that folder itself)? */
static bool in_folder(const char *path, const char *dir)
{
	char *d = os_real_path(dir);
	bool in = d && within(path, d);

	free(d);
	return in;
}

enum hcsc_rc check_report_outside(const char *corpus, const char *golden,
				  const char *report, struct strbuf *err)
{
	char *r = strcmp(report, "-") ? os_real_path(report) : NULL;
	const char *dir = !r			 ? NULL
			  : in_folder(r, corpus) ? corpus
			  : in_folder(r, golden) ? golden
						 : NULL;

	free(r);
	if (!dir)
		return HCSC_OK;
	strbuf_addf(err, "--report '%s' is inside %s '%s' (it could replace "
			 "a case or a golden file); give a file outside both "
			 "folders",
		    report, dir == corpus ? "the corpus" : "the golden folder",
		    dir);
	return HCSC_E_USAGE;
}

/* Keep the stale folders of this shard (in place); returns their count. */
static size_t shard_stale(const struct check_opts *o, struct check_corpus *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->nstale; i++)
		if (check_shard_has(c->stale[i], o->shard, o->nshards))
			c->stale[n++] = c->stale[i];
	return n;
}

/*
 * `*` does not cross `/`: for a filter with `*` and no `**` that matches
 * no case, the same pattern with each `*` as `**`, when that one matches
 * some; else NULL.
 */
static char *widened(struct arena *a, const char *pat,
		     const struct check_corpus *c, struct strbuf *name,
		     size_t *matches)
{
	struct strbuf w = STRBUF_INIT;
	char *out = NULL;

	*matches = 0;
	if (!strchr(pat, '*') || strstr(pat, "**"))
		return NULL;
	for (const char *p = pat; *p; p++) {
		strbuf_addch(&w, *p);
		if (*p == '*')
			strbuf_addch(&w, '*');
	}
	for (size_t i = 0; i < c->n; i++) {
		check_corpus_name(c, i, name);
		*matches += check_glob_match(w.buf, name->buf);
	}
	if (*matches)
		out = arena_strndup(a, w.buf, w.len);
	strbuf_release(&w);
	return out;
}

/* "no case matches --filter 'A' or --filter 'B'", and the hints. */
static const char *no_match(struct arena *a, const struct check_opts *o,
			    const struct check_corpus *c)
{
	struct strbuf sb = STRBUF_INIT, name = STRBUF_INIT;
	const char *out;

	strbuf_addstr(&sb, "no case matches");
	for (size_t i = 0; i < o->nfilters; i++)
		strbuf_addf(&sb, "%s --filter '%s'", i ? " or" : "",
			    o->filters[i]);
	if (o->nexcludes)
		strbuf_addstr(&sb, " outside --exclude");
	for (size_t i = 0; i < o->nfilters; i++) {
		size_t n;
		char *w = widened(a, o->filters[i], c, &name, &n);

		if (w)
			strbuf_addf(&sb, "\nhint: '*' does not match '/' in "
					 "case paths; '%s' would match %zu "
					 "case%s",
				    w, n, n == 1 ? "" : "s");
	}
	out = arena_strndup(a, sb.buf, sb.len);
	strbuf_release(&sb);
	strbuf_release(&name);
	return out;
}

enum hcsc_rc check_run(struct check_opts *o, struct strbuf *err)
{
	struct arena *a = arena_new();
	struct check_corpus corpus;
	struct check_hosts hosts;
	struct check_select sel;
	struct strbuf name = STRBUF_INIT;
	struct runner rn;
	const char *msg = NULL;
	bool corpus_scanned;
	size_t done;
	bool stopped;
	enum hcsc_rc rc;

	memset(&rn, 0, sizeof(rn));
	rn.o = o;
	rn.env.corpus = check_path_strip(a, o->corpus);
	rn.env.golden.root = rn.env.golden.label =
		check_path_strip(a, o->golden);
	rn.env.golden.update = o->update;
	rn.env.render_diags = o->render_diags;
	rn.env.now = o->now;
	rc = check_overlap(a, o, &msg);
	memset(&corpus, 0, sizeof(corpus));
	sel.filters = o->filters;
	sel.nfilters = o->nfilters;
	sel.excludes = o->excludes;
	sel.nexcludes = o->nexcludes;
	if (rc == HCSC_OK)
		rc = check_corpus_scan(a, o->corpus, o->golden, &sel, &corpus,
				       &msg);
	corpus_scanned = rc == HCSC_OK;
	if (rc == HCSC_OK && o->nfilters && !corpus.nselected &&
	    !corpus.nstale) {
		rc = HCSC_E_USAGE;
		msg = no_match(a, o, &corpus);
	}
	if (rc != HCSC_OK) {
		if (corpus_scanned)
			check_corpus_release(&corpus);
		strbuf_addstr(err, msg);
		arena_free(a);
		return rc;
	}
	rn.corpus = &corpus;
	rn.todo = malloc((corpus.nselected ? corpus.nselected : 1) *
			 sizeof(*rn.todo));
	if (!rn.todo)
		hcsc_oom();
	for (size_t i = 0; i < corpus.n; i++) {
		if (!check_corpus_selected(&corpus, i))
			continue;
		if (o->nshards) {
			check_corpus_name(&corpus, i, &name);
			if (!check_shard_has(name.buf, o->shard, o->nshards))
				continue;
		}
		rn.todo[rn.n++] = (uint32_t)i;
	}
	strbuf_release(&name);
	corpus.nstale = o->list ? 0 : shard_stale(o, &corpus);
	rn.total = rn.n + corpus.nstale;
	check_hosts_init(&hosts);
	rn.env.hosts = o->list ? NULL : &hosts; /* --list compiles nothing */
	done = run_cases(&rn);
	check_hosts_release(&hosts);
	stopped = done < rn.n;
	for (size_t i = 0; i < corpus.nstale && !stopped; i++) {
		struct check_result *r = result_new(rn.n + i, rn.total);

		check_case_stale(&rn.env, corpus.stale[i], r);
		stopped = deliver(&rn, r);
		done++;
	}
	o->not_run = rn.total - done;
	free(rn.todo);
	check_corpus_release(&corpus);
	arena_free(a);
	return HCSC_OK;
}
