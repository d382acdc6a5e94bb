/*
 * mount_parse.c: moby's Windows mount parser (moby master
 * daemon/volume/mounts/windows_parser.go: splitRawSpec, parseMount,
 * parseMountSpec, validateMountConfigReg, windowsValidators,
 * ValidateVolumeName, ParseVolumesFrom; validate.go: errMountConfig,
 * validateExclusiveOptions; parser.go, mounts.go: the error values).
 *
 * The regexes of windows_parser.go (reference/moby.md 6.1) are rebuilt by
 * hand as small syntax trees, compiled to a Thompson-style program and run
 * by a backtracker that explores alternatives in priority order and
 * remembers visited (instruction, position) pairs, as Go's regexp
 * bit-state backtracker does. That gives Go's leftmost-first submatches
 * (the ones a backtracking engine picks) in linear time, with no regex
 * library. (For these regexes the groups of a full match are in fact
 * unique, as no group holds a `:` beyond its drive colon; a build with
 * every priority inverted gave the same groups on 150,000 inputs.)
 */
#include "oci/mount_parse.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "goquote.h"
#include "winpath.h"

/* ---- the regex machine -------------------------------------------------- */

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
#define RX_MAX_CAPS 4

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
enum { RX_CAP_SOURCE = 1, RX_CAP_DEST = 2, RX_CAP_MODE = 3 };

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

/* Length of the rune at s (Go's utf8.DecodeRune: 1 for an invalid byte). */
static size_t rx_rune_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t len;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4;
	else
		return 1;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (n < len || s[1] < lo || s[1] > hi)
		return 1;
	for (size_t i = 2; i < len; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 1;
	}
	return len;
}

static bool rx_in_set(unsigned char c, const char *set)
{
	for (; *set; set++) {
		if ((unsigned char)*set == c)
			return true;
	}
	return false;
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
	case RXC_NAME:
		return !rx_in_set(c, "\\/:*?\"<>|\r\n");
	case RXC_DEST:
		return !rx_in_set(c, "\\/:*?\"<>\r\n");
	case RXC_PIPE:
		return !rx_in_set(c, ":*?\"<>|\r\n");
	case RXC_ANY:
		if (c == '\n')
			return 0;
		return rx_rune_len((const unsigned char *)s + pos, len - pos);
	}
	return 0;
}

struct rx_job {
	int pc;   /* -1: restore capture `slot` to `pos` */
	int slot;
	size_t pos;
};

struct rx_run {
	struct arena *a;
	const struct rx_prog *p;
	const char *s;
	size_t len;
	unsigned char *visited; /* one bit per (pc, pos) */
	struct rx_job *jobs;
	size_t njobs, alloc;
	size_t cap[2 * RX_MAX_CAPS];
};

static void rx_push(struct rx_run *r, int pc, int slot, size_t pos)
{
	if (r->njobs == r->alloc) {
		size_t n = r->alloc ? 2 * r->alloc : 64;

		r->jobs = arena_grow(r->a, r->jobs, r->alloc, n,
				     sizeof(*r->jobs));
		r->alloc = n;
	}
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
static bool rx_match(struct arena *a, const struct rx_prog *p, const char *s,
		     size_t cap[2 * RX_MAX_CAPS])
{
	struct rx_run r;
	size_t bits;

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.p = p;
	r.s = s;
	r.len = strlen(s);
	if (r.len >= SIZE_MAX / 8 / (size_t)p->n - 1)
		hcsc_oom();
	bits = (size_t)p->n * (r.len + 1);
	r.visited = arena_alloc(a, bits / 8 + 1);
	for (int i = 0; i < 2 * RX_MAX_CAPS; i++)
		r.cap[i] = SIZE_MAX;
	rx_push(&r, 0, -1, 0);
	while (r.njobs) {
		struct rx_job j = r.jobs[--r.njobs];

		if (j.pc < 0) {
			r.cap[j.slot] = j.pos;
			continue;
		}
		if (rx_thread(&r, j.pc, j.pos)) {
			if (cap)
				memcpy(cap, r.cap, sizeof(r.cap));
			return true;
		}
	}
	return false;
}

enum rx_which { RX_SPLIT_SPEC, RX_HOST_DIR, RX_DESTINATION };

static bool rx_run_one(struct arena *a, enum rx_which which, const char *s,
		       size_t cap[2 * RX_MAX_CAPS])
{
	struct rx_build b;
	struct rx_prog p;
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
	rx_compile(&p, &b, root);
	return rx_match(a, &p, s, cap);
}

/* ---- small Go helpers ---------------------------------------------------- */

/* strings.ReplaceAll(s, "/", `\`) */
static const char *to_backslash(struct arena *a, const char *s)
{
	char *t = arena_strdup(a, s);

	for (char *q = t; *q; q++) {
		if (*q == '/')
			*q = '\\';
	}
	return t;
}

static const char *str_or_empty(const char *s)
{
	return s ? s : "";
}

/* ---- Windows path predicates --------------------------------------------- */

/* `^rxName$` */
static bool is_volume_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		if (rx_in_set((unsigned char)*s, "\\/:*?\"<>|\r\n"))
			return false;
	}
	return true;
}

/* `^(con|prn|nul|aux|com[1-9]|lpt[1-9])$`, case-sensitive as upstream. */
static bool is_reserved_name(const char *s)
{
	static const char *const three[] = { "con", "prn", "nul", "aux" };

	for (size_t i = 0; i < 4; i++) {
		if (!strcmp(s, three[i]))
			return true;
	}
	return (!strncmp(s, "com", 3) || !strncmp(s, "lpt", 3)) &&
	       s[3] >= '1' && s[3] <= '9' && !s[4];
}

static bool is_mount_destination(struct arena *a, const char *lower)
{
	return rx_run_one(a, RX_DESTINATION, lower, NULL);
}

/* windowsDetectMountType */
static const char *detect_mount_type(struct arena *a, const char *p)
{
	if (str_prefix(p, "\\\\.\\pipe\\"))
		return MOUNT_TYPE_NPIPE;
	if (rx_run_one(a, RX_HOST_DIR, p, NULL))
		return MOUNT_TYPE_BIND;
	return MOUNT_TYPE_VOLUME;
}

/* windowsValidMountMode */
static bool valid_mount_mode(const char *mode)
{
	return !*mode || ascii_eqi(mode, "rw") || ascii_eqi(mode, "ro");
}

/* ---- validation (validateMountConfigReg) --------------------------------- */

static const char *config_err(struct arena *a, const char *type,
			      const char *inner)
{
	return arena_printf(a, "invalid mount config for type %s: %s",
			    go_quote(a, type), inner);
}

/* validateExclusiveOptions */
static const char *exclusive_options_err(const struct mount_cfg *m,
					 const char *type)
{
	if (strcmp(type, MOUNT_TYPE_BIND) && m->has_bind_options)
		return "field BindOptions must not be specified";
	if (strcmp(type, MOUNT_TYPE_VOLUME) && m->has_volume_options)
		return "field VolumeOptions must not be specified";
	if (strcmp(type, "image") && m->has_image_options)
		return "field ImageOptions must not be specified";
	if (strcmp(type, "tmpfs") && m->has_tmpfs_options)
		return "field TmpfsOptions must not be specified";
	if (strcmp(type, "cluster") && m->has_cluster_options)
		return "field ClusterOptions must not be specified";
	return NULL;
}

/* windowsValidators: windowsValidateNotRoot, then the destination regex. */
static const char *target_err(struct arena *a, const char *target)
{
	char *norm = ascii_lowercase(a, to_backslash(a, target));

	if (!strcmp(norm, "c:") || !strcmp(norm, "c:\\"))
		return arena_printf(a,
				    "destination path (%s) cannot be 'c:' or "
				    "'c:\\'",
				    norm);
	if (!is_mount_destination(a, ascii_lowercase(a, target)))
		return arena_printf(a, "invalid mount path: '%s'", target);
	return NULL;
}

static const char *bind_err(struct arena *a, const struct host_fs *fs,
			    const struct mount_cfg *m, const char *src)
{
	const char *prop = str_or_empty(m->bind_propagation);

	if (!*src)
		return "field Source must not be empty";
	if (m->has_bind_options && *prop)
		return arena_printf(a, "invalid propagation mode: %s", prop);
	if (!is_mount_destination(a, ascii_lowercase(a, src)))
		return arena_printf(a,
				    "invalid mount path: '%s' mount path must "
				    "be absolute",
				    src);
	switch (host_fs_stat(a, fs, src)) {
	case HOST_FS_MISSING:
		return arena_printf(a, "bind source path does not exist: %s",
				    src);
	case HOST_FS_FILE:
		return "source path must be a directory";
	case HOST_FS_UNKNOWN:
	case HOST_FS_DIR:
		break;
	}
	return NULL;
}

/* ValidateVolumeName */
static const char *volume_name_err(struct arena *a, const char *name)
{
	if (!is_volume_name(name))
		return "invalid volume name";
	if (is_reserved_name(name))
		return arena_printf(a,
				    "volume name %s cannot be a reserved word "
				    "for Windows filenames",
				    go_quote(a, name));
	return NULL;
}

static const char *npipe_err(struct arena *a, const struct mount_cfg *m,
			     const char *src, const char *target)
{
	if (!*src)
		return "field Source must not be empty";
	if (m->read_only)
		return "field ReadOnly must not be specified";
	if (strcmp(detect_mount_type(a, src), MOUNT_TYPE_NPIPE))
		return arena_printf(a, "'%s' is not a valid pipe path", src);
	if (strcmp(detect_mount_type(a, target), MOUNT_TYPE_NPIPE))
		return arena_printf(a, "'%s' is not a valid pipe path", target);
	return NULL;
}

/*
 * validateMountConfigReg(m, windowsValidators): the full error text, or
 * NULL. Upstream returns the anonymous-volume Subpath error unwrapped.
 */
static const char *validate_mount(struct arena *a, const struct host_fs *fs,
				  const struct mount_cfg *m)
{
	const char *type = str_or_empty(m->type);
	const char *src = str_or_empty(m->source);
	const char *target = str_or_empty(m->target);
	const char *subpath = str_or_empty(m->volume_subpath);
	const char *e;

	if ((e = exclusive_options_err(m, type)) != NULL)
		return config_err(a, type, e);
	if (!*target)
		return config_err(a, type, "field Target must not be empty");
	if ((e = target_err(a, target)) != NULL)
		return config_err(a, type, e);
	if (!strcmp(type, MOUNT_TYPE_BIND)) {
		e = bind_err(a, fs, m, src);
	} else if (!strcmp(type, MOUNT_TYPE_VOLUME)) {
		if (m->has_volume_options && *subpath) {
			if (!*src)
				return "must not set Subpath when using "
				       "anonymous volumes";
			if (!winpath_is_local(subpath))
				return config_err(a, type,
						  "subpath must be a relative "
						  "path within the volume");
		}
		e = *src ? volume_name_err(a, src) : NULL;
	} else if (!strcmp(type, MOUNT_TYPE_NPIPE)) {
		e = npipe_err(a, m, src, target);
	} else {
		e = "mount type unknown";
	}
	return e ? config_err(a, type, e) : NULL;
}

/* ---- parsing ------------------------------------------------------------- */

static void normalize_cfg(struct mount_cfg *c)
{
	c->type = str_or_empty(c->type);
	c->source = str_or_empty(c->source);
	c->target = str_or_empty(c->target);
	c->consistency = str_or_empty(c->consistency);
	c->bind_propagation = str_or_empty(c->bind_propagation);
	c->volume_subpath = str_or_empty(c->volume_subpath);
	c->volume_driver_name = str_or_empty(c->volume_driver_name);
}

/* cleanup trailing `\` except for paths like `c:\` */
static const char *trim_separator(struct arena *a, const char *s)
{
	size_t n = strlen(s);

	if (n > 3 && s[n - 1] == '\\')
		return arena_strndup(a, s, n - 1);
	return s;
}

/* parseMountSpec(cfg, convertTargetToBackslash=true, windowsValidators) */
enum hcsc_rc mount_parse_spec(struct arena *a, const struct host_fs *fs,
			      const struct mount_cfg *cfg,
			      struct mount_point *out, const char **err)
{
	struct mount_cfg c = *cfg;
	const char *e;

	normalize_cfg(&c);
	if ((e = validate_mount(a, fs, &c)) != NULL) {
		*err = e;
		return HCSC_E_INPUT;
	}
	memset(out, 0, sizeof(*out));
	out->type = c.type;
	out->source = out->name = out->driver = out->mode = out->subpath = "";
	out->rw = !c.read_only;
	out->destination = to_backslash(a, c.target);
	out->spec = c;
	if (!strcmp(c.type, MOUNT_TYPE_VOLUME)) {
		out->name = c.source;
		out->copy_data = false; /* DefaultCopyMode() on Windows */
		if (c.has_volume_options) {
			if (c.has_volume_driver_config)
				out->driver = c.volume_driver_name;
			out->subpath = c.volume_subpath;
		}
	} else if (!strcmp(c.type, MOUNT_TYPE_BIND) ||
		   !strcmp(c.type, MOUNT_TYPE_NPIPE)) {
		out->source = to_backslash(a, c.source);
	}
	out->source = trim_separator(a, out->source);
	out->destination = trim_separator(a, out->destination);
	return HCSC_OK;
}

static const char *group(struct arena *a, const char *s,
			 const size_t cap[2 * RX_MAX_CAPS], int k)
{
	if (cap[2 * k] == SIZE_MAX || cap[2 * k + 1] == SIZE_MAX)
		return "";
	return arena_strndup(a, s + cap[2 * k], cap[2 * k + 1] - cap[2 * k]);
}

static const char *invalid_spec(struct arena *a, const char *raw)
{
	return arena_printf(a, "invalid volume specification: '%s'", raw);
}

/*
 * splitRawSpec: the non-empty groups of source, destination, mode (in that
 * order) into arr; returns their count, or -1 with *err set.
 */
static int split_raw(struct arena *a, const struct host_fs *fs,
		     const char *raw, const char *arr[3], const char **err)
{
	char *lower = ascii_lowercase(a, raw);
	size_t cap[2 * RX_MAX_CAPS];
	const char *src, *dst, *mode;
	int n = 0;

	if (!rx_run_one(a, RX_SPLIT_SPEC, lower, cap)) {
		*err = invalid_spec(a, raw);
		return -1;
	}
	src = group(a, lower, cap, RX_CAP_SOURCE);
	dst = group(a, lower, cap, RX_CAP_DEST);
	mode = group(a, lower, cap, RX_CAP_MODE);
	if (*src)
		arr[n++] = src;
	if (*dst)
		arr[n++] = dst;
	if (*mode)
		arr[n++] = mode;
	/* moby #26329: no source, and the destination names a file */
	if (!*src && *dst) {
		if (is_volume_name(dst)) {
			if (is_reserved_name(dst)) {
				*err = arena_printf(a,
						    "volume name %s cannot be "
						    "a reserved word for "
						    "Windows filenames",
						    go_quote(a, dst));
				return -1;
			}
		} else if (host_fs_stat(a, fs, dst) == HOST_FS_FILE) {
			*err = arena_printf(a,
					    "file '%s' cannot be mapped. Only "
					    "directories can be mapped on this "
					    "platform",
					    dst);
			return -1;
		}
	}
	return n;
}

enum hcsc_rc mount_parse_raw(struct arena *a, const struct host_fs *fs,
			     const char *raw, const char *volume_driver,
			     struct mount_point *out, const char **err)
{
	const char *arr[3], *mode = "", *e;
	struct mount_cfg spec;
	int n;

	raw = str_or_empty(raw);
	volume_driver = str_or_empty(volume_driver);
	if ((n = split_raw(a, fs, raw, arr, err)) < 0)
		return HCSC_E_INPUT;
	memset(&spec, 0, sizeof(spec));
	normalize_cfg(&spec);
	if (n == 1) {
		spec.target = arr[0];
	} else if (n == 2 && !valid_mount_mode(arr[1])) {
		spec.source = to_backslash(a, arr[0]);
		spec.target = arr[1];
	} else if (n == 3) {
		spec.source = to_backslash(a, arr[0]);
		spec.target = arr[1];
		mode = arr[2];
	} else {
		/* a destination and a mode only, e.g. d:\x:rw */
		*err = invalid_spec(a, raw);
		return HCSC_E_INPUT;
	}
	spec.target = to_backslash(a, spec.target);
	if (!valid_mount_mode(mode)) {
		*err = arena_printf(a, "invalid mode: %s", mode);
		return HCSC_E_INPUT;
	}
	spec.type = detect_mount_type(a, spec.source);
	spec.read_only = ascii_eqi(mode, "ro");
	if (*volume_driver && !strcmp(spec.type, MOUNT_TYPE_VOLUME)) {
		spec.has_volume_options = true;
		spec.has_volume_driver_config = true;
		spec.volume_driver_name = volume_driver;
	}
	/* getCopyMode: the regex allows only ro/rw, never "nocopy". */
	if (mount_parse_spec(a, fs, &spec, out, &e) != HCSC_OK) {
		*err = arena_printf(a, "%s: %s", invalid_spec(a, raw), e);
		return HCSC_E_INPUT;
	}
	out->mode = mode;
	return HCSC_OK;
}

enum hcsc_rc mount_parse_volumes_from(struct arena *a, const char *spec,
				      const char **id, const char **mode,
				      const char **err)
{
	const char *colon;

	spec = str_or_empty(spec);
	if (!*spec) {
		*err = "volumes-from specification cannot be an empty string";
		return HCSC_E_INPUT;
	}
	colon = strchr(spec, ':');
	*id = colon ? arena_strndup(a, spec, (size_t)(colon - spec)) : spec;
	*mode = colon ? colon + 1 : "";
	if (!**mode) {
		*mode = "rw";
		return HCSC_OK;
	}
	if (!valid_mount_mode(*mode)) {
		*err = arena_printf(a, "invalid mode: %s", *mode);
		return HCSC_E_INPUT;
	}
	return HCSC_OK;
}
