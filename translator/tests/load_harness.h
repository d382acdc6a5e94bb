/*
 * load_harness.h: the shared helpers of the test_load_*.c tests of the
 * loader (src/load): parse a text into a run (with its timing), dump the
 * tree compactly (with positions on request) or the diagnostics, and run a
 * table of input -> expected dump cases.
 */
#ifndef HCSC_LOAD_HARNESS_H
#define HCSC_LOAD_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "load/load.h"
#include "load/node.h"
#include "strbuf.h"
#include "t.h"
#include "support/t_support.h"

/* ---- helpers ---- */

struct run {
	struct arena *a;
	struct diag_list d;
	struct node *root;
	enum hcsc_rc rc;
	double secs;
};

static inline void run_parse(struct run *r, const char *file,
			     const char *data, size_t len,
			     enum load_syntax syn)
{
	clock_t t0;

	r->a = arena_new();
	diag_list_init(&r->d, r->a, false);
	t0 = clock();
	r->rc = load_parse(r->a, &r->d, file, data, len, syn, &r->root);
	r->secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static inline void run_release(struct run *r)
{
	diag_list_release(&r->d);
	arena_free(r->a);
}

static inline void dump(struct strbuf *sb, const struct node *n, bool pos);

static inline void dump_text(struct strbuf *sb, const struct node *n)
{
	strbuf_addch(sb, '"');
	strbuf_add(sb, n->text, n->len);
	strbuf_addch(sb, '"');
}

static inline void dump_scalar(struct strbuf *sb, const struct node *n)
{
	switch (n->kind) {
	case NODE_NULL:
		strbuf_addch(sb, '~');
		break;
	case NODE_BOOL:
		strbuf_addch(sb, n->b ? 'T' : 'F');
		break;
	case NODE_INT:
		strbuf_addf(sb, "i%s%llu%s", n->neg ? "-" : "",
			    (unsigned long long)n->mag, n->overflow ? "!" : "");
		break;
	default:
		strbuf_addch(sb, n->number ? 'n' : n->plain ? 'p' : 's');
		dump_text(sb, n);
		break;
	}
}

/*
 * ~ null, T/F bool, i[-]MAG[!] int (! = overflow), p"x" plain string,
 * s"x" quoted string, n"1.5" JSON number, [..] sequence, {k:v} mapping;
 * with `pos`, every node is followed by @LINE:COL.
 */
static inline void dump(struct strbuf *sb, const struct node *n, bool pos)
{
	if (n->kind == NODE_SEQ) {
		strbuf_addch(sb, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				strbuf_addch(sb, ',');
			dump(sb, n->items[i], pos);
		}
		strbuf_addch(sb, ']');
	} else if (n->kind == NODE_MAP) {
		strbuf_addch(sb, '{');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				strbuf_addch(sb, ',');
			strbuf_add(sb, n->pairs[i].key->text,
				   n->pairs[i].key->len);
			if (n->pairs[i].key->kind != NODE_STR)
				strbuf_addstr(sb, "(NOT-STR)");
			if (pos)
				strbuf_addf(sb, "@%u:%u",
					    n->pairs[i].key->pos.line,
					    n->pairs[i].key->pos.col);
			strbuf_addch(sb, ':');
			dump(sb, n->pairs[i].val, pos);
		}
		strbuf_addch(sb, '}');
	} else {
		dump_scalar(sb, n);
	}
	if (pos)
		strbuf_addf(sb, "@%u:%u", n->pos.line, n->pos.col);
}

/* "L:C: msg" lines joined by '|'; "ok" when there is none. */
static inline char *diags(const struct diag_list *d)
{
	return t_diags(d, false);
}

/* The tree dump (or the diagnostics when it failed). */
static inline char *outcome(const struct run *r, bool pos)
{
	struct strbuf sb = STRBUF_INIT;

	if (r->rc != HCSC_OK || !r->root)
		return diags(&r->d);
	dump(&sb, r->root, pos);
	return strbuf_detach(&sb, NULL);
}

static inline void check_case(const char *file, const char *in,
			      size_t len, enum load_syntax syn, bool pos,
			      const char *want)
{
	struct run r;
	char *got;

	run_parse(&r, file, in, len, syn);
	got = outcome(&r, pos);
	if (strcmp(got, want))
		fprintf(stderr, "input: [%.*s]\n", (int)(len < 200 ? len : 200),
			in);
	CHECK_STR(got, want);
	/* Exactly one of: a clean tree, or errors without one. */
	CHECK((r.rc == HCSC_OK) == (r.d.nerrors == 0));
	free(got);
	run_release(&r);
}

struct tcase {
	enum load_syntax syn;
	const char *in;
	const char *want;
};

static inline void run_table(const struct tcase *t, size_t n, bool pos)
{
	for (size_t i = 0; i < n; i++)
		check_case("t", t[i].in, strlen(t[i].in), t[i].syn, pos,
			   t[i].want);
}

#define Y LOAD_YAML
#define J LOAD_JSON
#define NT(t) (sizeof(t) / sizeof((t)[0]))

#endif
