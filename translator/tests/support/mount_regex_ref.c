/*
 * tests/support/mount_regex_ref.c: the reference engine for the regexes of moby's
 * Windows mount parser (rule: oci.mounts.windows-parser): each regex
 * rebuilt by hand as a small syntax tree, compiled to a Thompson-style
 * program and run by a backtracker that explores alternatives in priority
 * order and remembers visited (instruction, position) pairs, as Go's
 * regexp bit-state backtracker does. That gives Go's leftmost-first
 * submatches in linear time with no regex library.
 *
 * The compiler does not use it: mount_regex.c answers the same questions
 * with direct scanners, and the differential test
 * (tests/test_mount_regex.c) holds them equal to this engine.
 *
 * Each program is compiled once per process (the first match publishes
 * it; a thread that meets another one publishing uses its own copy that
 * once), and a match keeps its scratch memory on the stack, or on the
 * heap for long input, freed on return.
 */
#include "support/mount_regex_ref.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "utf8.h"
enum rx_cls {
	RXC_LIT,  /* one byte */
	RXC_LITI, /* one ASCII letter, any case ((?i) in rxMode) */
	RXC_AZ,   /* [a-z] */
	RXC_SEP,  /* [\\/] */
	RXC_NAME, /* [^\\/:*?"<>|\r\n] (rxName, rxHostDir) */
	RXC_DEST, /* [^\\/:*?"<>\r\n] (rxDestination: '|' allowed) */
	RXC_PIPE, /* [^:*?"<>|\r\n] (rxPipe tail) */
	RXC_ANY   /* . : one rune but \n */
};

enum rx_kind { RXN_CLASS, RXN_CAT, RXN_ALT, RXN_STAR, RXN_PLUS, RXN_QUEST,
	       RXN_CAP };

#define RX_MAX_NODES 128
#define RX_MAX_KIDS 8
#define RX_MAX_INST 256

struct rx_node {
	enum rx_kind kind;
	enum rx_cls cls;
	char ch;
	int cap;
	int nkids;
	int kids[RX_MAX_KIDS];
};

struct rx_build {
	struct rx_node node[RX_MAX_NODES];
	int n;
};

enum rx_op { RXO_CLASS, RXO_SPLIT, RXO_JMP, RXO_SAVE, RXO_MATCH };

struct rx_inst {
	enum rx_op op;
	enum rx_cls cls;
	char ch;
	int x, y; /* SPLIT: preferred x, then y; JMP: x; SAVE: slot x */
};

struct rx_prog {
	struct rx_inst inst[RX_MAX_INST];
	int n;
};

/* The capture groups of the -v regex. */

static int rx_node_new(struct rx_build *b, enum rx_kind kind)
{
	struct rx_node *nd;

	if (b->n >= RX_MAX_NODES)
		abort(); /* the trees below are fixed: cannot happen */
	nd = &b->node[b->n];
	memset(nd, 0, sizeof(*nd));
	nd->kind = kind;
	return b->n++;
}

static void rx_add_kid(struct rx_build *b, int parent, int kid)
{
	struct rx_node *nd = &b->node[parent];

	if (nd->nkids >= RX_MAX_KIDS)
		abort();
	nd->kids[nd->nkids++] = kid;
}

static int rx_class(struct rx_build *b, enum rx_cls cls, char ch)
{
	int i = rx_node_new(b, RXN_CLASS);

	b->node[i].cls = cls;
	b->node[i].ch = ch;
	return i;
}

static int rx_c(struct rx_build *b, enum rx_cls cls)
{
	return rx_class(b, cls, 0);
}

/* A concatenation or alternation of the node indexes given, ending in -1. */
static int rx_list(struct rx_build *b, enum rx_kind kind, ...)
{
	int i = rx_node_new(b, kind);
	va_list ap;
	int kid;

	va_start(ap, kind);
	while ((kid = va_arg(ap, int)) >= 0)
		rx_add_kid(b, i, kid);
	va_end(ap);
	return i;
}

static int rx_rep(struct rx_build *b, enum rx_kind kind, int kid)
{
	int i = rx_node_new(b, kind);

	rx_add_kid(b, i, kid);
	return i;
}

static int rx_cap(struct rx_build *b, int cap, int kid)
{
	int i = rx_rep(b, RXN_CAP, kid);

	b->node[i].cap = cap;
	return i;
}

static int rx_str(struct rx_build *b, const char *s, enum rx_cls cls)
{
	int i = rx_node_new(b, RXN_CAT);

	for (; *s; s++)
		rx_add_kid(b, i, rx_class(b, cls, *s));
	return i;
}

/* `(?:\\\\\?\\)?`: the optional long-path prefix `\\?\`. */
static int rx_long_prefix(struct rx_build *b)
{
	return rx_rep(b, RXN_QUEST, rx_str(b, "\\\\?\\", RXC_LIT));
}

/* rxHostDir */
static int rx_host_dir(struct rx_build *b)
{
	int seg = rx_list(b, RXN_CAT, rx_rep(b, RXN_PLUS, rx_c(b, RXC_NAME)),
			  rx_rep(b, RXN_QUEST, rx_c(b, RXC_SEP)), -1);

	return rx_list(b, RXN_CAT, rx_long_prefix(b), rx_c(b, RXC_AZ),
		       rx_class(b, RXC_LIT, ':'), rx_c(b, RXC_SEP),
		       rx_rep(b, RXN_STAR, seg), -1);
}

/* rxName */
static int rx_name(struct rx_build *b)
{
	return rx_rep(b, RXN_PLUS, rx_c(b, RXC_NAME));
}

/* rxPipe */
static int rx_pipe(struct rx_build *b)
{
	return rx_list(b, RXN_CAT, rx_c(b, RXC_SEP), rx_c(b, RXC_SEP),
		       rx_c(b, RXC_ANY), rx_c(b, RXC_SEP),
		       rx_str(b, "pipe", RXC_LIT), rx_c(b, RXC_SEP),
		       rx_rep(b, RXN_PLUS, rx_c(b, RXC_PIPE)), -1);
}

/* rxSource: `((?P<source>(hostdir|name|pipe)):)?` */
static int rx_source(struct rx_build *b)
{
	int src = rx_list(b, RXN_ALT, rx_host_dir(b), rx_name(b), rx_pipe(b),
			  -1);

	return rx_rep(b, RXN_QUEST,
		      rx_list(b, RXN_CAT, rx_cap(b, RX_CAP_SOURCE, src),
			      rx_class(b, RXC_LIT, ':'), -1));
}

/* rxDestination; cap 0 means no capture group. */
static int rx_destination(struct rx_build *b, int cap)
{
	int seg = rx_list(b, RXN_CAT, rx_c(b, RXC_SEP),
			  rx_rep(b, RXN_PLUS, rx_c(b, RXC_DEST)), -1);
	int drive = rx_list(b, RXN_CAT, rx_long_prefix(b), rx_c(b, RXC_AZ),
			    rx_class(b, RXC_LIT, ':'),
			    rx_rep(b, RXN_STAR, seg),
			    rx_rep(b, RXN_QUEST, rx_c(b, RXC_SEP)), -1);
	int dst = rx_list(b, RXN_ALT, drive, rx_pipe(b), -1);

	return cap ? rx_cap(b, cap, dst) : dst;
}

/* rxMode: `(:(?P<mode>(?i)ro|rw))?` */
static int rx_mode(struct rx_build *b)
{
	int mode = rx_list(b, RXN_ALT, rx_str(b, "ro", RXC_LITI),
			   rx_str(b, "rw", RXC_LITI), -1);

	return rx_rep(b, RXN_QUEST,
		      rx_list(b, RXN_CAT, rx_class(b, RXC_LIT, ':'),
			      rx_cap(b, RX_CAP_MODE, mode), -1));
}

static int rx_emit(struct rx_prog *p, enum rx_op op)
{
	if (p->n >= RX_MAX_INST)
		abort();
	memset(&p->inst[p->n], 0, sizeof(p->inst[p->n]));
	p->inst[p->n].op = op;
	return p->n++;
}

static void rx_compile_node(struct rx_prog *p, const struct rx_build *b,
			    int i);

static void rx_compile_alt(struct rx_prog *p, const struct rx_build *b,
			   const struct rx_node *nd)
{
	int jumps[RX_MAX_KIDS], nj = 0;

	for (int k = 0; k < nd->nkids; k++) {
		int split = -1;

		if (k + 1 < nd->nkids)
			split = rx_emit(p, RXO_SPLIT);
		if (split >= 0)
			p->inst[split].x = p->n;
		rx_compile_node(p, b, nd->kids[k]);
		if (k + 1 < nd->nkids) {
			jumps[nj++] = rx_emit(p, RXO_JMP);
			p->inst[split].y = p->n;
		}
	}
	for (int k = 0; k < nj; k++)
		p->inst[jumps[k]].x = p->n;
}

static void rx_compile_node(struct rx_prog *p, const struct rx_build *b,
			    int i)
{
	const struct rx_node *nd = &b->node[i];
	int at, split;

	switch (nd->kind) {
	case RXN_CLASS:
		at = rx_emit(p, RXO_CLASS);
		p->inst[at].cls = nd->cls;
		p->inst[at].ch = nd->ch;
		break;
	case RXN_CAT:
		for (int k = 0; k < nd->nkids; k++)
			rx_compile_node(p, b, nd->kids[k]);
		break;
	case RXN_ALT:
		rx_compile_alt(p, b, nd);
		break;
	case RXN_STAR: /* L: split body, out; body; jmp L */
		split = rx_emit(p, RXO_SPLIT);
		p->inst[split].x = p->n;
		rx_compile_node(p, b, nd->kids[0]);
		at = rx_emit(p, RXO_JMP);
		p->inst[at].x = split;
		p->inst[split].y = p->n;
		break;
	case RXN_PLUS: /* L: body; split L, out */
		at = p->n;
		rx_compile_node(p, b, nd->kids[0]);
		split = rx_emit(p, RXO_SPLIT);
		p->inst[split].x = at;
		p->inst[split].y = p->n;
		break;
	case RXN_QUEST: /* split body, out; body */
		split = rx_emit(p, RXO_SPLIT);
		p->inst[split].x = p->n;
		rx_compile_node(p, b, nd->kids[0]);
		p->inst[split].y = p->n;
		break;
	case RXN_CAP:
		at = rx_emit(p, RXO_SAVE);
		p->inst[at].x = 2 * nd->cap;
		rx_compile_node(p, b, nd->kids[0]);
		at = rx_emit(p, RXO_SAVE);
		p->inst[at].x = 2 * nd->cap + 1;
		break;
	}
}

/* `^` + root + `$` */
static void rx_compile(struct rx_prog *p, const struct rx_build *b, int root)
{
	p->n = 0;
	rx_compile_node(p, b, root);
	rx_emit(p, RXO_MATCH);
}

/* The negated classes a byte is excluded from (one bit per enum rx_cls). */
#define RX_BIT(cls) (1u << (cls))
#define RX_NDP (RX_BIT(RXC_NAME) | RX_BIT(RXC_DEST) | RX_BIT(RXC_PIPE))

static unsigned rx_excluded(unsigned char c)
{
	switch (c) {
	case '\\':
	case '/':
		return RX_BIT(RXC_NAME) | RX_BIT(RXC_DEST);
	case '|':
		return RX_BIT(RXC_NAME) | RX_BIT(RXC_PIPE);
	case ':':
	case '*':
	case '?':
	case '"':
	case '<':
	case '>':
	case '\r':
	case '\n':
		return RX_NDP;
	default:
		return 0;
	}
}

/* Width of the rune at s, as Go's utf8.DecodeRune: 1 for an invalid byte. */
static size_t rune_len(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);

	return len ? len : 1;
}

/*
 * Bytes matched by one class at s[pos] (0: no match). A negated class only
 * excludes ASCII, so matching UTF-8 byte by byte gives the same result as
 * matching runes; only `.` has to take a whole rune.
 */
static size_t rx_class_len(enum rx_cls cls, char ch, const char *s,
			   size_t len, size_t pos)
{
	unsigned char c;

	if (pos >= len)
		return 0;
	c = (unsigned char)s[pos];
	switch (cls) {
	case RXC_LIT:
		return c == (unsigned char)ch;
	case RXC_LITI:
		return (unsigned char)ascii_lower((char)c) == (unsigned char)ch;
	case RXC_AZ:
		return c >= 'a' && c <= 'z';
	case RXC_SEP:
		return c == '\\' || c == '/';
	case RXC_NAME: /* [^\\/:*?"<>|\r\n] */
	case RXC_DEST: /* [^\\/:*?"<>\r\n] */
	case RXC_PIPE: /* [^:*?"<>|\r\n] */
		return !(rx_excluded(c) & RX_BIT(cls));
	case RXC_ANY:
		if (c == '\n')
			return 0;
		return rune_len((const unsigned char *)s + pos, len - pos);
	}
	return 0;
}

struct rx_job {
	int pc;   /* -1: restore capture `slot` to `pos` */
	int slot;
	size_t pos;
};

/* Scratch kept on the stack: enough for paths of about 200 bytes. */
#define RX_STACK_BITS 65536
#define RX_STACK_JOBS 128

struct rx_run {
	const struct rx_prog *p;
	const char *s;
	size_t len;
	unsigned char *visited; /* one bit per (pc, pos) */
	struct rx_job *jobs;
	size_t njobs, alloc;
	bool heap_jobs;         /* jobs outgrew the stack array */
	size_t cap[2 * RX_MAX_CAPS];
};

/* Twice the room for jobs (out of line: rare). */
static void rx_grow_jobs(struct rx_run *r)
{
	size_t n = 2 * r->alloc;
	struct rx_job *jobs = r->heap_jobs ? r->jobs : NULL;

	if (n > SIZE_MAX / sizeof(*jobs))
		hcsc_oom();
	jobs = realloc(jobs, n * sizeof(*jobs));
	if (!jobs)
		hcsc_oom();
	if (!r->heap_jobs)
		memcpy(jobs, r->jobs, r->alloc * sizeof(*jobs));
	r->jobs = jobs;
	r->heap_jobs = true;
	r->alloc = n;
}

static inline void rx_push(struct rx_run *r, int pc, int slot, size_t pos)
{
	if (r->njobs == r->alloc)
		rx_grow_jobs(r);
	r->jobs[r->njobs].pc = pc;
	r->jobs[r->njobs].slot = slot;
	r->jobs[r->njobs].pos = pos;
	r->njobs++;
}

/* True the first time (pc, pos) is seen. */
static bool rx_visit(struct rx_run *r, int pc, size_t pos)
{
	size_t bit = (size_t)pc * (r->len + 1) + pos;
	unsigned char mask = (unsigned char)(1u << (bit % 8));

	if (r->visited[bit / 8] & mask)
		return false;
	r->visited[bit / 8] |= mask;
	return true;
}

/* Follow one thread until it fails (false) or matches (true). */
static bool rx_thread(struct rx_run *r, int pc, size_t pos)
{
	for (;;) {
		const struct rx_inst *in = &r->p->inst[pc];
		size_t w;

		if (!rx_visit(r, pc, pos))
			return false;
		switch (in->op) {
		case RXO_CLASS:
			w = rx_class_len(in->cls, in->ch, r->s, r->len, pos);
			if (!w)
				return false;
			pos += w;
			pc++;
			break;
		case RXO_SPLIT:
			rx_push(r, in->y, -1, pos);
			pc = in->x;
			break;
		case RXO_JMP:
			pc = in->x;
			break;
		case RXO_SAVE:
			rx_push(r, -1, in->x, r->cap[in->x]);
			r->cap[in->x] = pos;
			pc++;
			break;
		case RXO_MATCH:
			return pos == r->len;
		}
	}
}

/*
 * Whole-string match of the program against s (anchored both ends). On a
 * match, cap[2k], cap[2k+1] delimit group k (SIZE_MAX when it did not take
 * part).
 */
static bool rx_match(const struct rx_prog *p, const char *s,
		     size_t cap[2 * RX_MAX_CAPS])
{
	unsigned char bits_stack[RX_STACK_BITS / 8];
	struct rx_job jobs_stack[RX_STACK_JOBS];
	struct rx_run r;
	size_t bits;
	bool found = false;

	memset(&r, 0, sizeof(r));
	r.p = p;
	r.s = s;
	r.len = strlen(s);
	if (r.len >= SIZE_MAX / 8 / (size_t)p->n - 1)
		hcsc_oom();
	bits = (size_t)p->n * (r.len + 1);
	r.visited = bits <= RX_STACK_BITS ? bits_stack : malloc(bits / 8 + 1);
	if (!r.visited)
		hcsc_oom();
	memset(r.visited, 0, bits / 8 + 1);
	r.jobs = jobs_stack;
	r.alloc = RX_STACK_JOBS;
	for (int i = 0; i < 2 * RX_MAX_CAPS; i++)
		r.cap[i] = SIZE_MAX;
	rx_push(&r, 0, -1, 0);
	while (r.njobs && !found) {
		struct rx_job j = r.jobs[--r.njobs];

		if (j.pc < 0) {
			r.cap[j.slot] = j.pos;
			continue;
		}
		found = rx_thread(&r, j.pc, j.pos);
	}
	if (found && cap)
		memcpy(cap, r.cap, sizeof(r.cap));
	if (r.visited != bits_stack)
		free(r.visited);
	if (r.heap_jobs)
		free(r.jobs);
	return found;
}

static void rx_build_prog(enum rx_which which, struct rx_prog *p)
{
	struct rx_build b;
	int root;

	b.n = 0;
	switch (which) {
	case RX_SPLIT_SPEC:
		root = rx_list(&b, RXN_CAT, rx_source(&b),
			       rx_destination(&b, RX_CAP_DEST), rx_mode(&b),
			       -1);
		break;
	case RX_HOST_DIR:
		root = rx_host_dir(&b);
		break;
	default:
		root = rx_destination(&b, 0);
		break;
	}
	rx_compile(p, &b, root);
}

/* The compiled programs, by enum rx_which; state 2 means ready. */
static struct rx_prog rx_progs[RX_DESTINATION + 1];
static atomic_int rx_state[RX_DESTINATION + 1];

static const struct rx_prog *rx_program(enum rx_which which,
					struct rx_prog *local)
{
	int unbuilt = 0;

	if (atomic_load_explicit(&rx_state[which], memory_order_acquire) == 2)
		return &rx_progs[which];
	rx_build_prog(which, local);
	if (atomic_compare_exchange_strong(&rx_state[which], &unbuilt, 1)) {
		rx_progs[which] = *local;
		atomic_store_explicit(&rx_state[which], 2, memory_order_release);
	}
	return local;
}

bool rx_run_reference(enum rx_which which, const char *s,
		      size_t cap[2 * RX_MAX_CAPS])
{
	struct rx_prog local;

	return rx_match(rx_program(which, &local), s, cap);
}
