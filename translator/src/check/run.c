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
#include "check/shard.h"
#include "check/sys.h"
#include "check/thread.h"

struct runner {
	const struct check_opts *o;
	struct check_env env;
	const struct check_corpus *corpus;
	uint32_t *todo;         /* the selected cases' indexes, in order */
	size_t n, total;
	/* shared between threads, under mu */
	struct check_mutex mu;
	struct check_cond ready, space;
	struct check_result **slot;
	size_t window, next_claim, next_deliver;
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

static struct check_result *run_one(const struct runner *rn, size_t i)
{
	struct check_result *r = result_new(i, rn->total);
	struct check_case c;

	check_corpus_case(rn->corpus, rn->todo[i], &c, &r->owned);
	check_case_run(&rn->env, &c, r);
	return r;
}

static void deliver(const struct runner *rn, struct check_result *r)
{
	rn->o->on_result(rn->o->user, r);
	result_free(r);
}

/* ---- workers ---- */

static void worker(void *arg)
{
	struct runner *rn = arg;

	check_mutex_lock(&rn->mu);
	for (;;) {
		size_t i;
		struct check_result *r;

		while (rn->next_claim < rn->n &&
		       rn->next_claim >= rn->next_deliver + rn->window)
			check_cond_wait(&rn->space, &rn->mu);
		if (rn->next_claim >= rn->n)
			break;
		i = rn->next_claim++;
		check_mutex_unlock(&rn->mu);
		r = run_one(rn, i);
		check_mutex_lock(&rn->mu);
		rn->slot[i % rn->window] = r;
		check_cond_broadcast(&rn->ready);
	}
	check_mutex_unlock(&rn->mu);
}

static void collect(struct runner *rn)
{
	for (size_t i = 0; i < rn->n; i++) {
		struct check_result *r;

		check_mutex_lock(&rn->mu);
		while (!rn->slot[i % rn->window])
			check_cond_wait(&rn->ready, &rn->mu);
		r = rn->slot[i % rn->window];
		rn->slot[i % rn->window] = NULL;
		rn->next_deliver = i + 1;
		check_cond_broadcast(&rn->space);
		check_mutex_unlock(&rn->mu);
		deliver(rn, r);
	}
}

static void run_parallel(struct runner *rn, unsigned jobs)
{
	struct check_thread *t = calloc(jobs, sizeof(*t));
	unsigned started = 0;

	if (!t)
		hcsc_oom();
	rn->window = (size_t)jobs * CHECK_WINDOW_PER_JOB;
	rn->slot = calloc(rn->window, sizeof(*rn->slot));
	if (!rn->slot)
		hcsc_oom();
	check_mutex_init(&rn->mu);
	check_cond_init(&rn->ready);
	check_cond_init(&rn->space);
	while (started < jobs && check_thread_start(&t[started], worker, rn) == 0)
		started++;
	if (!started) /* no thread at all: this one works alone */
		worker(rn);
	collect(rn);
	for (unsigned k = 0; k < started; k++)
		check_thread_join(&t[k]);
	check_cond_release(&rn->space);
	check_cond_release(&rn->ready);
	check_mutex_release(&rn->mu);
	free(rn->slot);
	free(t);
}

static void run_cases(struct runner *rn)
{
	unsigned jobs = rn->o->jobs ? rn->o->jobs : 1;

	if (jobs > rn->n)
		jobs = (unsigned)rn->n;
	if (jobs <= 1) {
		for (size_t i = 0; i < rn->n; i++)
			deliver(rn, run_one(rn, i));
		return;
	}
	run_parallel(rn, jobs);
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
	char *c = check_sys_real_path(o->corpus);
	char *g = check_sys_real_path(o->golden);
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

/* Keep the stale folders of this shard (in place); returns their count. */
static size_t shard_stale(const struct check_opts *o, struct check_corpus *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->nstale; i++)
		if (check_shard_has(c->stale[i], o->shard, o->nshards))
			c->stale[n++] = c->stale[i];
	return n;
}

enum hcsc_rc check_run(const struct check_opts *o, struct strbuf *err)
{
	struct arena *a = arena_new();
	struct check_corpus corpus;
	struct strbuf name = STRBUF_INIT;
	struct runner rn;
	const char *msg = NULL;
	bool corpus_scanned;
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
	if (rc == HCSC_OK)
		rc = check_corpus_scan(a, o->corpus, o->golden, o->filter,
				       &corpus, &msg);
	corpus_scanned = rc == HCSC_OK;
	if (rc == HCSC_OK && o->filter && !corpus.nselected && !corpus.nstale) {
		rc = HCSC_E_USAGE;
		msg = arena_printf(a, "no case matches --filter '%s'", o->filter);
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
	corpus.nstale = shard_stale(o, &corpus);
	rn.total = rn.n + corpus.nstale;
	run_cases(&rn);
	for (size_t i = 0; i < corpus.nstale; i++) {
		struct check_result *r = result_new(rn.n + i, rn.total);

		check_case_stale(&rn.env, corpus.stale[i], r);
		deliver(&rn, r);
	}
	free(rn.todo);
	check_corpus_release(&corpus);
	arena_free(a);
	return HCSC_OK;
}
